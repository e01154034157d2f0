//! Text helpers every layer shares: making untrusted text safe to print, and its display width.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// Replaces control characters, ANSI escapes, bidirectional overrides and the characters that
/// show nothing at all (zero-width space, word joiner, invisible operators, byte-order mark) with
/// visible escapes, so text from a data file or profile can never drive the reader's terminal,
/// nor make two names that differ look the same. The zero-width joiner and non-joiner stay, as
/// some scripts and emoji need them. Newlines survive
/// when `keep_newlines` is set (multi-line cells); tabs become spaces.
pub fn sanitize(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if is_clean(text, keep_newlines) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' => out.push(' '),
            '\t' => out.push(' '),
            '\r' => {}
            c if needs_escape(c) => {
                let code = c as u32;
                if code < 0x100 {
                    out.push_str(&format!("\\x{code:02x}"));
                } else {
                    out.push_str(&format!("\\u{{{code:x}}}"));
                }
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `text` prints as it is. Every table cell and paragraph passes here, so the common case
/// is a byte scan: only the lead bytes of C1 controls, bidirectional and invisible marks (0xC2,
/// 0xD8, 0xE2, 0xEF) make it look at characters.
fn is_clean(text: &str, keep_newlines: bool) -> bool {
    let mut check_chars = false;
    for &b in text.as_bytes() {
        match b {
            b'\n' if keep_newlines => {}
            0..=0x1f | 0x7f => return false,
            0xc2 | 0xd8 | 0xe2 | 0xef => check_chars = true,
            _ => {}
        }
    }
    !check_chars || !text.chars().any(needs_escape)
}

fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{200b}'
                | '\u{2060}'..='\u{2064}'
                | '\u{feff}'
        )
}

/// `text` as one word for a POSIX shell: as it is when that is safe, else in single quotes, so a
/// command pm-skills suggests works when pasted. A word that starts with `-` gets `./` before it:
/// the words suggested are paths or ids, an id never starts with a dash, and a path that does
/// (`-rf.yaml`) would be read as an option.
pub fn shell_word(text: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_./:=@%+,-".contains(c);
    let text: Cow<str> = if text.starts_with('-') { Cow::Owned(format!("./{text}")) } else { Cow::Borrowed(text) };
    if !text.is_empty() && text.chars().all(plain) {
        text
    } else {
        Cow::Owned(format!("'{}'", text.replace('\'', "'\\''")))
    }
}

/// Shortens every quoted part (`"…"` or `` `…` ``) of a message to `max` characters and an
/// ellipsis: to quote little of a file in an error, or, with 0, to see what kind of message it is. serde quotes strings with escapes (`\"`), which are skipped over.
pub(crate) fn clip_quoted(message: &str, max: usize) -> String {
    let mut out = String::with_capacity(message.len());
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c != '"' && c != '`' {
            continue;
        }
        let (mut inner, mut escaped, mut closed) = (String::new(), false, false);
        for d in chars.by_ref() {
            if d == c && !escaped {
                closed = true;
                break;
            }
            escaped = c == '"' && d == '\\' && !escaped;
            inner.push(d);
        }
        if inner.chars().count() > max {
            inner = inner.chars().take(max).collect::<String>() + "…";
        }
        out.push_str(&inner);
        if closed {
            out.push(c);
        }
    }
    out
}

/// Display width of text in terminal columns.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `1 skill`, `2 skills`: a count with its noun, as summaries word them.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_excerpts_are_clipped() {
        let long = format!("invalid type: string \"{}\", expected a mapping", "x".repeat(50));
        assert_eq!(clip_quoted(&long, 5), "invalid type: string \"xxxxx…\", expected a mapping");
        // An escaped quote does not end the excerpt; short ones and backticks stay as they are.
        assert_eq!(clip_quoted(r#"string "ab\"cdefgh" and `key`"#, 4), r#"string "ab\"…" and `key`"#);
        assert_eq!(clip_quoted("unknown field `abcdefgh`", 3), "unknown field `abc…`");
        assert_eq!(clip_quoted("open \"abc", 2), "open \"ab…");
    }

    #[test]
    fn shell_words_are_quoted_only_when_needed() {
        assert_eq!(shell_word("./my-ladder"), "./my-ladder");
        assert_eq!(shell_word("my ladder"), "'my ladder'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
        assert_eq!(shell_word(""), "''");
        assert_eq!(shell_word("$(rm)"), "'$(rm)'");
        // A path that starts with a dash is never taken for an option.
        assert_eq!(shell_word("-rf.yaml"), "./-rf.yaml");
        assert_eq!(shell_word("--help"), "./--help");
        assert_eq!(shell_word("-my file"), "'./-my file'");
        assert_eq!(shell_word("-"), "./-");
        assert_eq!(shell_word("a-b/-c"), "a-b/-c");
    }

    #[test]
    fn escapes_controls_and_bidi() {
        assert_eq!(sanitize("a\x1b[31mred", false), "a\\x1b[31mred");
        assert_eq!(sanitize("bell\x07", false), "bell\\x07");
        assert_eq!(sanitize("c1\u{9b}x", false), "c1\\x9bx");
        assert_eq!(sanitize("rtl\u{202e}x", false), "rtl\\u{202e}x");
        assert_eq!(sanitize("Sam\u{200b}", false), "Sam\\u{200b}");
        assert_eq!(sanitize("\u{feff}Sam\u{2060}", false), "\\u{feff}Sam\\u{2060}");
        assert_eq!(
            sanitize("emoji \u{1f469}\u{200d}\u{1f4bb}, full\u{ff0c}width", false),
            "emoji \u{1f469}\u{200d}\u{1f4bb}, full\u{ff0c}width"
        );
        assert_eq!(sanitize("two\nlines", true), "two\nlines");
        assert_eq!(sanitize("two\nlines", false), "two lines");
        assert_eq!(sanitize("plain ●", false), "plain ●");
        // Alone, without any escape beside them, a tab and a carriage return are still replaced.
        assert_eq!(sanitize("Safe\rEvil", true), "SafeEvil");
        assert_eq!(sanitize("a\tb", true), "a b");
    }
}
