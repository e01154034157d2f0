//! Wrapping text for the terminal and pictures, at word boundaries and by display width
//! (sanitising and measuring live in `crate::text`).

use std::borrow::Cow;

/// Wraps `text` to `width` columns, word by word; `None` means no wrapping. The first line gets
/// `first` as a prefix and the others `rest` (for hanging indents on bullets). Each line of
/// `text` is wrapped on its own; a word wider than the width stands alone on its line.
pub fn wrap(text: &str, width: Option<usize>, first: &str, rest: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    wrap_into(&mut out, text, width, first, rest);
    out
}

/// [`wrap`], appending to `out`, so a report builds one string rather than one per paragraph.
pub fn wrap_into(out: &mut String, text: &str, width: Option<usize>, first: &str, rest: &str) {
    for line in wrap_lines(text, width, first, rest) {
        out.push_str(line.trim_end_matches([' ', '\t']));
        out.push('\n');
    }
}

/// The lines of [`wrap`], prefixes included, without their line endings. The one wrapper for
/// terminal prose and chart labels: greedy (first fit), breaking only at spaces, never inside a
/// word or at a hyphen, so ids and commands such as `ddat-2025` or `--format` stay whole.
pub fn wrap_lines<'a>(text: &'a str, width: Option<usize>, first: &str, rest: &str) -> Vec<Cow<'a, str>> {
    let options = textwrap::Options::new(width.unwrap_or(usize::MAX))
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::wrap(text, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_with_hanging_indent() {
        assert_eq!(wrap("aaa bbb ccc", Some(8), "• ", "  "), "• aaa\n  bbb\n  ccc\n");
        assert_eq!(wrap("aaa bbb ccc", None, "• ", "  "), "• aaa bbb ccc\n");
        // A word longer than the width stands on its own line rather than looping.
        assert_eq!(wrap("abcdefghij", Some(4), "", ""), "abcdefghij\n");
        // Lines of the text are wrapped one by one; a blank one keeps no indent.
        assert_eq!(wrap("aaa bbb\n\nccc", Some(5), "- ", "  "), "- aaa\n  bbb\n\n  ccc\n");
        // Hyphenated words are not split, and width is counted in columns.
        assert_eq!(wrap("see ddat-2025 now", Some(10), "", ""), "see\nddat-2025\nnow\n");
        assert_eq!(wrap("日本語 日本語", Some(8), "", ""), "日本語\n日本語\n");
    }
}
