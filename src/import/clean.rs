//! Text helpers shared by the importers: ids from names, cleaning the text of a cell, and
//! splitting a description into prose and bullets. Exports written by people and spreadsheets
//! share the same habits (stray spaces, no-break spaces, `MISSING`, bullets in one cell), so
//! every importer reads them the same way.

use std::collections::HashSet;

use crate::resolve::normalise;

/// A kebab-case ASCII id from a name: letters and digits kept (lowercased, common Latin accents
/// folded), apostrophes dropped, everything else a separator. May be empty. Cut (at a word where
/// one ends late enough) to leave room for a `-N` under the loader's limit on ids.
pub fn kebab(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    let push = |s: &str, out: &mut String, dash: &mut bool| {
        if *dash && !out.is_empty() {
            out.push('-');
        }
        *dash = false;
        out.push_str(s);
    };
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            let lower = c.to_ascii_lowercase();
            push(lower.encode_utf8(&mut [0; 4]), &mut out, &mut dash);
        } else if matches!(c, '\'' | '\u{2019}' | '\u{2018}') {
            // "user's" → "users"
        } else if let Some(folded) = fold_accent(c) {
            push(folded, &mut out, &mut dash);
        } else {
            dash = true;
        }
    }
    let room = crate::assemble::MAX_ID_CHARS - 8;
    if out.len() > room {
        let cut = out[..=room].rfind('-').filter(|&c| c > room / 2).unwrap_or(room);
        out.truncate(cut);
    }
    out
}

fn fold_accent(c: char) -> Option<&'static str> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'æ' => "ae",
        'ç' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'œ' => "oe",
        'ß' => "ss",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => "u",
        'ý' | 'ÿ' => "y",
        'ł' => "l",
        'š' => "s",
        'ž' => "z",
        _ => return None,
    })
}

/// Hands out unique kebab ids: `name` → `kebab(name)`, then `-2`, `-3`... on a clash, or
/// `fallback` when the name has no letters or digits. One pool per id namespace (roles, the
/// levels of one role, skills...), so that ids never clash where the loader needs them unique.
#[derive(Debug, Default)]
pub struct IdPool {
    taken: HashSet<String>,
    /// The next number to try after each base id, so a thousand names of one id cost no more
    /// than a thousand different ones.
    next: std::collections::HashMap<String, usize>,
}

impl IdPool {
    /// The id and whether it differs from the plain kebab form of the name.
    pub fn take(&mut self, name: &str, fallback: &str) -> (String, bool) {
        let base = kebab(name);
        let (base, mut changed) = if base.is_empty() { (fallback.to_string(), true) } else { (base, false) };
        let mut id = base.clone();
        let n = self.next.entry(base.clone()).or_insert(2);
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
            changed = true;
        }
        self.taken.insert(id.clone());
        (id, changed)
    }
}

/// The key two names are matched by: cleaned, then normalised (case and spacing ignored), so
/// that `"End user computing engineer "` and `"end user computing engineer"` are one role.
pub fn key(name: &str) -> String {
    normalise(&clean_text(name))
}

/// Cleans a cell's text: `\r\n`, lone `\r` and Unicode line/paragraph separators become `\n`;
/// zero-width spaces and BOMs go; no-break spaces and tabs become spaces; every line is trimmed
/// and its runs of spaces become one; runs of blank lines become one; leading and trailing blank
/// lines go.
pub fn clean_text(text: &str) -> String {
    let mut flat = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    flat.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' => flat.push('\n'),
            '\u{200b}' | '\u{feff}' | '\u{2060}' => {}
            '\u{a0}' | '\t' => flat.push(' '),
            c => flat.push(c),
        }
    }
    let mut out = String::with_capacity(flat.len());
    let mut blank_run = false;
    for line in flat.split('\n') {
        let line = line.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
        let line = line.trim();
        if line.is_empty() {
            blank_run = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run {
                out.push('\n');
            }
        }
        blank_run = false;
        out.push_str(line);
    }
    out
}

/// The text of a cell, cleaned; `None` when it is empty or the export's `MISSING` placeholder.
pub fn text_of(cell: &str) -> Option<String> {
    let text = clean_text(cell);
    if text.is_empty() || text.eq_ignore_ascii_case("missing") { None } else { Some(text) }
}

/// The item of a bullet line (`- `, `• `, `* ` or `– `), trimmed; `None` for any other line.
pub fn bullet(line: &str) -> Option<&str> {
    ["- ", "• ", "* ", "\u{2013} "].iter().find_map(|m| line.strip_prefix(m)).map(str::trim)
}

/// Splits a description into its prose and its `- ` bullets.
///
/// The prose is every paragraph that is not a bullet, joined by blank lines, except a lead-in
/// line ending in `:` directly before the bullets ("At this role level, you will:"), which the
/// list replaces. A description that is nothing but a lead-in and bullets has the lead-in and its
/// items, made one sentence, as its prose ("At this role level, you will work on a small team;
/// learn on the job."): a lead-in alone would dangle wherever the prose is shown without the list.
pub fn split_bullets(text: &str) -> (Option<String>, Vec<String>) {
    let text = clean_text(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut paragraphs: Vec<String> = Vec::new();
    // (a lead-in line, the index of the first bullet it leads in)
    let mut lead_ins: Vec<(String, usize)> = Vec::new();
    let mut bullets: Vec<String> = Vec::new();
    let mut open = false; // the last paragraph can take more lines
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            open = false;
        } else if let Some(item) = bullet(line) {
            if !item.is_empty() {
                bullets.push(item.to_string());
            }
            open = false;
        } else {
            let next_is_bullet = lines[i + 1..].iter().find(|l| !l.is_empty()).is_some_and(|l| bullet(l).is_some());
            if line.ends_with(':') && next_is_bullet {
                lead_ins.push((line.to_string(), bullets.len()));
                open = false;
            } else if open {
                let last = paragraphs.last_mut().expect("open paragraph");
                last.push('\n');
                last.push_str(line);
            } else {
                paragraphs.push(line.to_string());
                open = true;
            }
        }
    }
    if paragraphs.is_empty() {
        let ends = lead_ins.iter().skip(1).map(|(_, start)| *start).chain(std::iter::once(bullets.len()));
        let sentences: Vec<String> =
            lead_ins.iter().zip(ends).map(|((lead, start), end)| sentence(lead, &bullets[*start..end])).collect();
        paragraphs.push(sentences.join(" "));
    }
    let prose = paragraphs.join("\n\n");
    ((!prose.is_empty()).then_some(prose), bullets)
}

/// A lead-in (`you will:`) and its items as one sentence: `you will a; b.`
fn sentence(lead: &str, items: &[String]) -> String {
    let lead = lead.trim_end_matches(':').trim_end();
    let items: Vec<&str> = items.iter().map(|i| i.trim_end_matches(['.', ';', ',']).trim_end()).collect();
    if items.is_empty() { format!("{lead}.") } else { format!("{lead} {}.", items.join("; ")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_ids() {
        assert_eq!(kebab("Delivery manager"), "delivery-manager");
        assert_eq!(kebab("Head of (Agile) delivery management"), "head-of-agile-delivery-management");
        assert_eq!(kebab("Development operations (DevOps) engineer"), "development-operations-devops-engineer");
        assert_eq!(kebab("  End user computing engineer "), "end-user-computing-engineer");
        assert_eq!(kebab("Lead developer - management"), "lead-developer-management");
        assert_eq!(kebab("User’s needs & ‘insights’"), "users-needs-insights");
        assert_eq!(kebab("Café  Résumé"), "cafe-resume");
        assert_eq!(kebab("Quality assurance testing (QAT)"), "quality-assurance-testing-qat");
        assert_eq!(kebab("-- !! --"), "");
        let long = kebab(&"word ".repeat(100));
        assert!(long.len() <= 56 && long.ends_with("word") && crate::resolve::is_kebab(&long), "{long}");
        assert_eq!(kebab(&"x".repeat(300)).len(), 56);
        for name in ["Delivery manager", "Systems design (frontend developer)", "A/B testing 2"] {
            assert!(crate::resolve::is_kebab(&kebab(name)), "{name}");
        }
    }

    #[test]
    fn id_pool_makes_ids_unique() {
        let mut pool = IdPool::default();
        assert_eq!(pool.take("Data analysis", "x"), ("data-analysis".into(), false));
        assert_eq!(pool.take("Data-analysis", "x"), ("data-analysis-2".into(), true));
        assert_eq!(pool.take("???", "skill"), ("skill".into(), true));
        assert_eq!(pool.take("", "skill"), ("skill-2".into(), true));
    }

    #[test]
    fn names_match_by_key_whatever_their_spacing_and_case() {
        assert_eq!(key("End user\u{a0} computing engineer "), key("end user computing engineer"));
        assert_ne!(key("Data analyst"), key("Data analysis"));
    }

    #[test]
    fn text_is_cleaned_and_bullets_split() {
        assert_eq!(clean_text("a\u{2028}\r\n\r\nb\u{200b}  \n- \u{a0}c\t  d \n\n\n"), "a\n\nb\n- c d");
        let (prose, bullets) = split_bullets(
            "A lead does things.\n\nAt this role level, you will:\n- manage people\n- \u{a0}set direction\nThere are 2 roles at this level.",
        );
        assert_eq!(prose.as_deref(), Some("A lead does things.\n\nThere are 2 roles at this level."));
        assert_eq!(bullets, ["manage people", "set direction"]);
        // A lead-in with nothing else to lead is made a sentence with its items, never left
        // dangling; the items stay a list.
        let (prose, bullets) = split_bullets("At this role level, you will:\n- work;\n- learn on the job.");
        assert_eq!(prose.as_deref(), Some("At this role level, you will work; learn on the job."));
        assert_eq!(bullets, ["work;", "learn on the job."]);
        let (prose, _) = split_bullets("You will:\n- lead\n\nYou may:\n- coach\n- hire");
        assert_eq!(prose.as_deref(), Some("You will lead. You may coach; hire."));
        assert_eq!(split_bullets(""), (None, vec![]));
        assert_eq!(text_of(" MISSING "), None);
    }
}
