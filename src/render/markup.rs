//! Markup escaped by construction. Every HTML page and SVG chart is written with maud's `html!`,
//! which escapes each value spliced into it, in text and in attributes alike, so no page can
//! forget to: a name is text wherever it goes, and a template cannot write markup from a string.
//!
//! Raw markup has one way in, [`asset`], and it takes only text compiled into the program (the
//! stylesheet). `maud::PreEscaped`, which would let any string through, is named nowhere else in
//! the source, no `Render` is written by hand, and no other file uses maud but through this one (a
//! test below holds to all three). Text from files goes in as [`Text`], [`Lines`] or [`Pre`],
//! which also make the characters a reader cannot see visible, and [`finish`] checks the whole
//! page once more.

use std::borrow::Cow;

/// maud's template macro and types, for the renderers, which reach maud through this module only.
pub use maud::{DOCTYPE, Markup, Render, html};

use crate::text::sanitize;

/// Text from a data file or a profile, on one line: control characters, bidirectional and
/// invisible marks shown as escapes (`\x1b`), a line break as a space, then escaped as markup.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a>(pub &'a str);

impl Render for Text<'_> {
    fn render_to(&self, buffer: &mut String) {
        escape(&sanitize(self.0, false), buffer);
    }
}

/// maud's escaping (`&`, `<`, `>`, `"`), and an apostrophe as `&#39;`, as pages always wrote text
/// from files: it could not end an attribute even in single quotes.
fn escape(text: &str, buffer: &mut String) {
    for (i, part) in text.split('\'').enumerate() {
        if i > 0 {
            buffer.push_str("&#39;");
        }
        part.render_to(buffer);
    }
}

/// Text whose line breaks are kept, each as `<br>`: a paragraph, a list item, a table cell.
/// Otherwise as [`Text`].
#[derive(Debug, Clone, Copy)]
pub struct Lines<'a>(pub &'a str);

impl Render for Lines<'_> {
    fn render_to(&self, buffer: &mut String) {
        for (i, line) in sanitize(self.0, true).split('\n').enumerate() {
            if i > 0 {
                buffer.push_str("<br>");
            }
            escape(line, buffer);
        }
    }
}

/// Preformatted text whose line breaks stay line breaks, for `<pre>`. Otherwise as [`Text`].
#[derive(Debug, Clone, Copy)]
pub struct Pre<'a>(pub &'a str);

impl Render for Pre<'_> {
    fn render_to(&self, buffer: &mut String) {
        escape(&sanitize(self.0, true), buffer);
    }
}

/// A compiled-in asset written as it is, such as a stylesheet inside `<style>`, where an escaped
/// quote would no longer be a quote. The one way raw markup enters a page: it takes only a
/// `&'static str`, text built into the program, never text read at run time.
pub fn asset(text: &'static str) -> impl Render {
    maud::PreEscaped(text)
}

/// A finished page as the text to write. Every value in it went in escaped; any control
/// character still left (a value spliced in without [`Text`]) is made visible here, so none ever
/// reaches a reader. A page written as it should be comes out as it went in, unchanged.
pub fn finish(page: Markup) -> String {
    let page = page.into_string();
    match sanitize(&page, true) {
        Cow::Borrowed(_) => page,
        Cow::Owned(shown) => shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_in_text_and_attributes_and_only_assets_go_in_as_they_are() {
        let name = "<script>alert(\"x\")</script> & 'y'";
        let page = html! { p title=(Text(name)) { (Text(name)) } (name) style { (asset("a > b { content: \"\"; }")) } };
        // Text from files: an apostrophe too, as pages always wrote it.
        let text = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;";
        // Any other value: maud's own escaping, which leaves an apostrophe (every attribute is in
        // double quotes).
        let value = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'y'";
        assert_eq!(
            page.into_string(),
            format!("<p title=\"{text}\">{text}</p>{value}<style>a > b {{ content: \"\"; }}</style>")
        );
        // An attribute cannot be closed, nor a tag opened, from a value.
        let attack = "x\" onmouseover=\"alert(1)\"><img src=x onerror=alert(1)>";
        let link = html! { a href=(Text(attack)) { (Lines(attack)) } };
        assert_eq!(
            link.into_string(),
            "<a href=\"x&quot; onmouseover=&quot;alert(1)&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">\
             x&quot; onmouseover=&quot;alert(1)&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>"
        );
        // An entity typed in the data reads as typed.
        assert_eq!(html! { (Text("&lt; &amp;")) }.into_string(), "&amp;lt; &amp;amp;");
    }

    #[test]
    fn text_shows_what_a_reader_cannot_see_and_lines_keep_their_breaks() {
        let page = html! { (Text("a\x1b[2J\nb")) " " (Lines("<1>\n\u{202e}2")) " " (Pre("<1>\n\t'2'\r")) };
        assert_eq!(page.into_string(), "a\\x1b[2J b &lt;1&gt;<br>\\u{202e}2 &lt;1&gt;\n &#39;2&#39;");
        // A value spliced in raw is caught at the end.
        assert_eq!(finish(html! { p { ("bell\x07") } }), "<p>bell\\x07</p>");
        assert_eq!(finish(html! { p { "line\n" } }), "<p>line\n</p>");
    }

    /// Only this file may name `PreEscaped`, write a `Render` by hand (its `render_to` may push
    /// anything into the page) or reach into maud itself: anywhere else, each would let a string
    /// in unescaped.
    #[test]
    fn raw_markup_has_one_way_in() {
        fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        sources(&root.join("src"), &mut files);
        let raw: Vec<_> = files
            .iter()
            .filter(|f| !f.ends_with("src/render/markup.rs"))
            .filter(|f| {
                let text = std::fs::read_to_string(f).unwrap();
                text.contains("PreEscaped")
                    || text.contains("Render for")
                    || text.contains("fn render_to")
                    || text.contains("maud::")
            })
            .collect();
        assert!(files.len() > 50 && raw.is_empty(), "raw markup outside render/markup.rs: {raw:?}");
    }
}
