//! Who a profile is of: the one form in which two names of people are compared, and a name shown
//! so that two spellings that look alike can be told apart.
//!
//! "José" may come as one character `é` (NFC, what most keyboards type) or as `e` and a combining
//! accent (NFD, what some systems and copies from a PDF give), and a name copied from a web page
//! may carry a zero-width space. Each looks like the other on screen, so they are one person
//! wherever people are counted once; and where a message names such a spelling, it shows what
//! the eye cannot see.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::is_nfc;

use crate::resolve::normalise;

/// Characters that take no room and show nothing: zero-width space, non-joiner and joiner, word
/// joiner and the invisible operators, the byte-order mark (a zero-width no-break space), soft
/// hyphen, combining grapheme joiner, Mongolian vowel separator. Left out of the key two names
/// compare by; shown escaped by [`shown_name`].
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{34f}' | '\u{180e}' | '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// The key two names of people compare by: in NFC, without [`is_invisible`] characters, then in
/// any case and spacing ([`normalise`]). Two profiles whose names have one key are one person.
pub fn person_key(name: &str) -> String {
    let visible: String = name.chars().filter(|&c| !is_invisible(c)).nfc().collect();
    normalise(&visible)
}

/// A name as a message shows it: as it is, unless it holds what the eye cannot see. Then each
/// invisible character is written as its code (`Sam\u{200b}`), and in a name not in NFC each
/// combining mark too (`Jose\u{301}`), so that two spellings that look alike differ on screen.
pub fn shown_name(name: &str) -> Cow<'_, str> {
    let nfc = is_nfc(name);
    let escaped = |c: char| is_invisible(c) || (!nfc && is_combining_mark(c));
    if !name.chars().any(escaped) {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        if escaped(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_look_alike_have_one_key() {
        let (nfc, nfd) = ("Jos\u{e9} Garc\u{ed}a", "Jose\u{301} Garci\u{301}a");
        assert_ne!(nfc, nfd);
        assert_eq!(person_key(nfc), person_key(nfd));
        assert_eq!(person_key("Sam\u{200b} Okafor"), person_key("sam  okafor"));
        assert_eq!(person_key("\u{feff}Sam Oka\u{ad}for"), person_key("Sam Okafor"));
        assert_ne!(person_key("José"), person_key("Jose"), "an accent is part of a name");
        assert_ne!(person_key("Sam Okafor"), person_key("SamOkafor"));
    }

    #[test]
    fn what_cannot_be_seen_is_shown_escaped() {
        assert_eq!(shown_name("Jos\u{e9}"), "Jos\u{e9}");
        assert_eq!(shown_name("Jose\u{301}"), "Jose\\u{301}");
        assert_eq!(shown_name("Sam\u{200b}"), "Sam\\u{200b}");
        // A name in NFC keeps the marks its script needs (Hindi's virama here).
        assert_eq!(shown_name("\u{905}\u{928}\u{941}\u{937}\u{94d}\u{915}\u{93e}"), "अनुष्का");
        assert!(matches!(shown_name("Priya Shah"), Cow::Borrowed(_)));
    }
}
