//! YAML → serde values. Every YAML parse of the program goes through [`parse`], so every input
//! surface gets the same limits against hostile files and the same error style.

use std::fmt;

use serde::Deserializer;
use serde::de::{DeserializeOwned, MapAccess, Visitor};

use crate::diagnostics::{Problem, Problems};
use crate::source::SourceFile;

/// Parses one YAML document into `T`, turning a failure into a problem with file and line.
pub fn parse<T: DeserializeOwned>(file: &SourceFile, problems: &mut Problems) -> Option<T> {
    let before = problems.count(crate::diagnostics::Severity::Error);
    let value = parse_salvaged(file, problems);
    value.filter(|_| problems.count(crate::diagnostics::Severity::Error) == before)
}

/// Like [`parse`], but after a failure, the value read once every wrong entry was blanked out,
/// when there is one. For a caller whose own checks find nothing wrong in what is missing (a
/// profile: a skill left out is unassessed), so it can report its problems with these.
pub fn parse_salvaged<T: DeserializeOwned>(file: &SourceFile, problems: &mut Problems) -> Option<T> {
    if file.text.trim().is_empty() {
        problems.error(&file.display, None, "the file is empty; expected a YAML mapping".to_string());
        return None;
    }
    if let Err((line, message)) = check_budget(&file.text) {
        problems.error(&file.display, line, message);
        return None;
    }
    let e = match serde_yaml::from_str::<T>(&file.text) {
        Ok(value) => return Some(value),
        Err(e) => e,
    };
    let mut line = e.location().map(|l| l.line());
    let mut last = e.to_string();
    let (message, hint) = describe_yaml_error(&last);
    problems.push(Problem::error(&file.display, line, message).with_hint(hint));
    // Every problem at once: serde stops at the first, so the offending entry is blanked out
    // (lines kept, so line numbers stay true) and the file read again, a bounded number of times.
    // Only errors that blanking cannot cause are reported from the later rounds.
    let mut text = file.text.clone();
    // Each round parses the whole file again: a large file gets fewer, so a hostile one with an
    // error on every line costs at most 4 MiB more parsing.
    let rounds = MAX_ROUNDS.min(REPARSE_BYTES / file.text.len().max(1));
    for _ in 0..rounds {
        let Some(at) = line.filter(|_| is_local(&last)) else { break };
        if !blank_entry(&mut text, at) {
            break;
        }
        let e = match serde_yaml::from_str::<T>(&text) {
            Ok(value) => return Some(value),
            Err(e) => e,
        };
        line = e.location().map(|l| l.line());
        let raw = e.to_string();
        // A value left empty by the blanking reads as `~`: that error may be the blanking's own.
        if !is_local(&raw) || raw.contains("unit value") || line.is_none() {
            break;
        }
        let (message, hint) = describe_yaml_error(&raw);
        problems.push(Problem::error(&file.display, line, message).with_hint(hint));
        last = raw;
    }
    None
}

/// How many more errors one file reports after its first, each costing one more parse.
const MAX_ROUNDS: usize = 50;

/// How many bytes the later rounds of one file may parse in all.
const REPARSE_BYTES: usize = 4 << 20;

/// Errors about one entry only, which blanking that entry removes without hiding anything else.
fn is_local(message: &str) -> bool {
    ["unknown field", "invalid type", "invalid value", "invalid length"].iter().any(|k| message.contains(k))
}

/// Blanks the entry the error at 1-based `line` is about: the nearest `key:` line at or above it
/// (the line itself, or the key that opens the block it is in), and every more indented line
/// below that key. An error on a list item's line (`- key:`) blanks nothing, since that would
/// change the shape of the list; returns whether anything was blanked.
fn blank_entry(text: &mut String, line: usize) -> bool {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let is_key = |l: &str| {
        let t = l.trim_start();
        !t.starts_with('#') && !t.starts_with('-') && t.split_once(':').is_some_and(|(k, _)| !k.trim().is_empty())
    };
    let Some(mut key) = line.checked_sub(1).filter(|&i| i < lines.len()) else { return false };
    if lines[key].trim_start().starts_with('-') {
        return false;
    }
    if !is_key(lines[key]) {
        let inner = indent(lines[key]);
        loop {
            if key == 0 {
                return false;
            }
            key -= 1;
            let l = lines[key];
            if l.trim().is_empty() || indent(l) >= inner {
                continue;
            }
            if !is_key(l) {
                return false;
            }
            break;
        }
    }
    let depth = indent(lines[key]);
    let mut end = key + 1;
    while end < lines.len() && (lines[end].trim().is_empty() || indent(lines[end]) > depth) {
        end += 1;
    }
    for l in &mut lines[key..end] {
        *l = "";
    }
    *text = lines.join("\n");
    true
}

/// Flow collections (`[`, `{`) nested deeper than this are refused before parsing: the YAML
/// parser's work grows with the nesting depth times the length of the file, so a 200 kB file of
/// `[[[[…` would otherwise keep it busy for minutes. Nothing real nests this deep, and the
/// deserializer refuses anything deeper than 128 levels anyway.
pub const MAX_FLOW_DEPTH: usize = 128;

const EXPANSION_REFUSED: &str =
    "aliases (`*name`) expand to far more data than the file holds, as in a \"billion laughs\" alias bomb";

/// The most YAML values one file may hold, by [`values_at_most`]. The parser keeps every value
/// of a document in memory at once, about 200 bytes each for the smallest, so this keeps one file
/// under 256 MiB. The largest real file seen, a 20,000-skill `skills.yaml` of 7 MB, holds 360,000.
pub(crate) const MAX_VALUES: usize = 1_000_000;

/// How far aliases may make a document grow beyond its own text and values, in units of one value
/// or one byte of text: about 80 MB at most of copies.
pub(crate) const MAX_ALIAS_GROWTH: usize = 2 << 20;

/// Cheap checks that keep a hostile file from costing the parser time or memory out of proportion
/// to its size: flow nesting depth, how many values it holds, and how far aliases expand. Returns
/// the line (where known) and the message.
fn check_budget(text: &str) -> Result<(), (Option<usize>, String)> {
    if let Some(line) = too_deep(text, MAX_FLOW_DEPTH) {
        return Err((Some(line), format!("brackets `[`/`{{` nest more than {MAX_FLOW_DEPTH} deep; refused")));
    }
    // Every value but the first follows a byte of the text, so a file shorter than the limit is
    // within it; without a `*` there is no alias, and nothing can expand.
    let has_alias = text.contains('*');
    if text.len() < MAX_VALUES && !has_alias {
        return Ok(());
    }
    let values = values_at_most(text);
    if values > MAX_VALUES {
        return Err((
            None,
            format!(
                "the file holds up to {values} YAML values (counting commas, colons, dashes, brackets and lines), \
                 over the limit of {MAX_VALUES} that keeps memory bounded; refused"
            ),
        ));
    }
    let budget = text.len().saturating_add(values).saturating_add(MAX_ALIAS_GROWTH);
    if has_alias && !expansion_fits(text, budget) {
        return Err((None, format!("{EXPANSION_REFUSED}; refused")));
    }
    Ok(())
}

/// About the most values (scalars, aliases, collections) the parser can make of `text`: every
/// value but the first follows one of `, [ { : - ? *` or a line break.
fn values_at_most(text: &str) -> usize {
    let separators = text.bytes().filter(|b| matches!(b, b',' | b'[' | b'{' | b':' | b'-' | b'?' | b'*' | b'\n'));
    separators.count() + 1
}

/// The line where flow nesting first exceeds `max`. A quick estimate that never falls below
/// the parser's real depth settles almost every file; only when it is over `max` (a file with
/// many quoted strings inside brackets, such as JSON) does [`flow_depth_over`] ask the parser's
/// own scanner, which is exact.
fn too_deep(text: &str, max: usize) -> Option<usize> {
    estimate_over(text, max)?;
    flow_depth_over(text, max)
}

/// An estimate that never falls below the parser's real depth: every `[` and `{` counts,
/// wherever it stands, and a `]` or `}` closes the latest one only when no `"`, `'`, `#`, `!` or
/// `%` came between them. Such a character could start a quoted scalar, comment, tag or directive
/// that hides the closer from the parser; without one, a closer after a real opener is a real
/// closer, and one after a bracket inside text closes only that bracket. Linear time, constant
/// memory. Returns the line where the estimate first exceeds `max`.
fn estimate_over(text: &str, max: usize) -> Option<usize> {
    // Most files hold no opener at all. Saying so takes a scan without an early exit per byte,
    // which the compiler turns into vector instructions: a tenth of the byte-by-byte walk below.
    let opener = |chunk: &[u8]| chunk.iter().fold(false, |seen, &b| seen | (b == b'[') | (b == b'{'));
    if !text.as_bytes().chunks(64).any(opener) {
        return None;
    }
    let (mut depth, mut clean_above, mut line) = (0usize, 0usize, 1usize);
    for byte in text.bytes() {
        match byte {
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(line);
                }
            }
            b']' | b'}' if depth > clean_above => depth -= 1,
            b'"' | b'\'' | b'#' | b'!' | b'%' => clean_above = depth,
            b'\n' => line += 1,
            _ => {}
        }
    }
    None
}

/// The line where the parser's own scanner first nests flow collections deeper than `max`, or
/// `None` when it never does or stops at an error first (the real parse then reports that error).
/// Tokens only, no values built; it stops at depth `max + 1`, so a `[[[[…` file costs little,
/// and any other file costs about what its real parse costs.
fn flow_depth_over(text: &str, max: usize) -> Option<usize> {
    use libyaml_rs as sys;
    use std::mem::MaybeUninit;
    let mut parser = Box::new(MaybeUninit::<sys::yaml_parser_t>::uninit());
    let parser = parser.as_mut_ptr();
    let mut token = MaybeUninit::<sys::yaml_token_t>::uninit();
    let token = token.as_mut_ptr();
    let mut depth = 0usize;
    let mut found = None;
    // SAFETY: the parser is initialised before use and deleted once; `text` outlives it; each
    // token is read only after a successful scan wrote it, and deleted before the next.
    unsafe {
        if sys::yaml_parser_initialize(parser).fail {
            return None;
        }
        sys::yaml_parser_set_encoding(parser, sys::YAML_UTF8_ENCODING);
        sys::yaml_parser_set_input_string(parser, text.as_ptr(), text.len() as u64);
        while !sys::yaml_parser_scan(parser, token).fail {
            let (kind, line) = ((*token).type_, (*token).start_mark.line);
            sys::yaml_token_delete(token);
            match kind {
                sys::YAML_FLOW_SEQUENCE_START_TOKEN | sys::YAML_FLOW_MAPPING_START_TOKEN => {
                    depth += 1;
                    if depth > max {
                        found = Some(usize::try_from(line).unwrap_or(usize::MAX).saturating_add(1));
                        break;
                    }
                }
                sys::YAML_FLOW_SEQUENCE_END_TOKEN | sys::YAML_FLOW_MAPPING_END_TOKEN => depth = depth.saturating_sub(1),
                sys::YAML_STREAM_END_TOKEN | sys::YAML_NO_TOKEN => break,
                _ => {}
            }
        }
        sys::yaml_parser_delete(parser);
    }
    found
}

/// Whether the document, with every alias expanded, stays within `budget` (one unit per node and
/// per byte of text). Walks the parsed document once without building anything, so a bomb costs
/// at most `budget` steps. A document that fails for another reason fits: the real parse reports
/// that failure in its own words.
fn expansion_fits(text: &str, budget: usize) -> bool {
    use serde::de::{DeserializeSeed, EnumAccess, SeqAccess, VariantAccess};
    use std::cell::Cell;

    #[derive(Clone, Copy)]
    struct Walk<'a>(&'a Cell<usize>);
    const OVER: &str = "pm-skills: expansion budget exceeded";

    impl Walk<'_> {
        fn spend<E: serde::de::Error>(self, units: usize) -> Result<(), E> {
            match self.0.get().checked_sub(units.saturating_add(1)) {
                Some(left) => {
                    self.0.set(left);
                    Ok(())
                }
                None => Err(E::custom(OVER)),
            }
        }
    }
    impl<'de> DeserializeSeed<'de> for Walk<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Walk<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any YAML")
        }
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_i128<E: serde::de::Error>(self, _: i128) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_u128<E: serde::de::Error>(self, _: u128) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<(), E> {
            self.spend(v.len())
        }
        fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<(), E> {
            self.spend(v.len())
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
        fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            self.spend(0)?;
            while seq.next_element_seed(self)?.is_some() {}
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            self.spend(0)?;
            while map.next_key_seed(self)?.is_some() {
                map.next_value_seed(self)?;
            }
            Ok(())
        }
        fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
            let ((), variant) = data.variant_seed(self)?;
            variant.newtype_variant_seed(self)
        }
    }

    let left = Cell::new(budget);
    match Walk(&left).deserialize(serde_yaml::Deserializer::from_str(text)) {
        Ok(()) => true,
        Err(e) => !e.to_string().contains(OVER),
    }
}

/// Rewrites a serde/YAML message for a person: the position goes in the prefix, and an unknown
/// field gets a did-you-mean from the fields that were expected.
fn describe_yaml_error(raw: &str) -> (String, Option<String>) {
    let mut message = match raw.find(" at line ") {
        Some(pos) => raw[..pos].to_string(),
        None => raw.to_string(),
    };
    // yaml_serde's own limits, and the names of the raw structs, said in the reader's terms.
    if message.ends_with("recursion limit exceeded") {
        message = "the YAML nests more than 128 levels deep; refused".into();
    } else if message.ends_with("repetition limit exceeded") {
        message = format!("{EXPANSION_REFUSED}; refused");
    } else if let Some(said) = wrong_kind(&message) {
        message = said;
    }
    let hint = unknown_field_hint(&message).or_else(|| {
        if message.contains("mapping values are not allowed") {
            Some("a plain value cannot hold `: `; put the value in quotes, e.g. `note: \"Yes: it is.\"`".to_string())
        } else if message.contains("expected a mapping; found a list") {
            Some("a mapping is lines of `key: value`, a list lines of `- item`".to_string())
        } else {
            None
        }
    });
    (crate::text::clip_quoted(&message, MAX_EXCERPT), hint)
}

/// serde's "invalid type: sequence, expected struct RawRole" (and "invalid value", "invalid
/// length"), said in a reader's words: "expected a mapping; found a list", after the path.
fn wrong_kind(message: &str) -> Option<String> {
    let (path, rest, is_length) = ["invalid type: ", "invalid value: ", "invalid length "].iter().find_map(|k| {
        let (path, rest) = message.split_once(k)?;
        Some((path, rest, k.starts_with("invalid length")))
    })?;
    // What was found may quote the file, never what was expected: the last `, expected ` splits.
    let (found, expected) = rest.rsplit_once(", expected ")?;
    let found = if is_length {
        format!("{found} entries")
    } else {
        let quoted = |kind: &str| found.strip_prefix(kind);
        match found {
            "sequence" => "a list".to_string(),
            "map" => "a mapping".to_string(),
            "unit value" => "an empty value".to_string(),
            _ => quoted("string ")
                .or_else(|| quoted("character "))
                .map(|t| format!("the text {t}"))
                .or_else(|| quoted("integer ").or_else(|| quoted("floating point ")).map(|n| format!("the number {n}")))
                .or_else(|| quoted("boolean ").map(str::to_string))
                .unwrap_or_else(|| found.to_string()),
        }
    };
    let expected = match expected {
        _ if expected.starts_with("struct ") => "a mapping",
        "a map" => "a mapping",
        "a sequence" => "a list",
        "a string" | "a borrowed string" | "a character" => "text",
        "a boolean" => "true or false",
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        other => other,
    };
    Some(format!("{path}expected {expected}; found {found}"))
}

/// The most characters of a file's own text that an error quotes: enough to find the place, too
/// few to show a secret from a file that was never YAML.
const MAX_EXCERPT: usize = 20;

fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let (field, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    crate::resolve::did_you_mean(field, candidates.iter().copied()).map(|best| format!("did you mean `{best}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw::RawProfile;

    #[test]
    fn nesting_estimate_counts_every_opener_and_only_safe_closers() {
        assert_eq!(estimate_over("a: [x, [y]]\nb: {c: [d]}\n", 2), None);
        assert_eq!(estimate_over("a: [[[x]]]", 2), Some(1));
        // Closers inside quotes or after a comment or tag never cancel an opener.
        assert_eq!(estimate_over("[\"]\", [']', [# ]\n[!t]", 3), Some(2));
        // Brackets inside text count, but close themselves when nothing can hide the closer.
        assert_eq!(estimate_over(&"d: see [1] and {2}\n".repeat(500), 1), None);
        // The quick scan for openers looks at every 64-byte block, the last one included.
        assert_eq!(estimate_over(&format!("{}[{{[", "a\n".repeat(100)), 2), Some(101));
        assert_eq!(estimate_over(&"]}".repeat(100), 0), None);
    }

    #[test]
    fn quoted_text_and_comments_inside_brackets_are_read_as_the_parser_reads_them() {
        // The estimate cannot see a closer after a quoted string; the parser's scanner can.
        let lines = "- {id: sN, name: \"S N\", proficiencies: {a: x, b: y}}\n".repeat(300);
        assert!(estimate_over(&lines, MAX_FLOW_DEPTH).is_some());
        assert_eq!(too_deep(&lines, MAX_FLOW_DEPTH), None);
        let json = format!("[{}{{\"a\": \"]\\\"}}\"}}]", "{\"k\": 'x]', \"v\": [1]}, # ]\n".repeat(300));
        assert_eq!(too_deep(&json, 3), None);
        assert_eq!(too_deep(&json, 2), Some(1));
        // Brackets inside quotes never count; real ones always do, with the line of the first too many.
        assert_eq!(too_deep(&format!("a: \"{}\"\n", "[".repeat(500)), 1), None);
        assert_eq!(too_deep(&format!("a: 'it''s'\nb: {}", "[".repeat(3)), 2), Some(2));
        assert_eq!(too_deep(&"[".repeat(100_000), MAX_FLOW_DEPTH), Some(1));
    }

    #[test]
    fn evidence_is_one_line_a_list_or_nothing_and_bombs_stop_early() {
        let profile = |text: &str| {
            let file = SourceFile { display: "p.yaml".into(), rel: "p.yaml".into(), text: text.into() };
            let mut problems = Problems::default();
            parse::<RawProfile>(&file, &mut problems).ok_or(problems)
        };
        let evidence = |text: &str| {
            let p = profile(&format!("name: x\nskills:\n  a:\n    evidence: {text}\n")).unwrap();
            p.skills.0[0].1.clone().unwrap().evidence
        };
        assert_eq!(evidence("one"), ["one"]);
        assert_eq!(evidence("[one, two]"), ["one", "two"]);
        assert!(evidence("~").is_empty());
        let bomb = "name: x\nskills:\n  a:\n    evidence: [&a [x, x, x, x], &b [*a, *a, *a, *a], [*b, *b]]\n";
        let err = profile(bomb).unwrap_err();
        assert!(err.0[0].message.contains("expected text; found a list"), "{:?}", err.0);
    }

    #[test]
    fn a_colon_in_a_plain_value_gets_a_hint_to_quote_it() {
        let (message, hint) = describe_yaml_error("mapping values are not allowed in this context at line 3 column 8");
        assert_eq!(message, "mapping values are not allowed in this context");
        assert!(hint.unwrap().contains("put the value in quotes"));
    }

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let (msg, hint) = describe_yaml_error(
            "unknown field `skils`, expected one of `id`, `name`, `skills`, `levels` at line 4 column 1",
        );
        assert!(msg.starts_with("unknown field `skils`"));
        assert_eq!(hint.as_deref(), Some("did you mean `skills`?"));
    }
    #[test]
    fn blanking_removes_the_key_and_its_block_and_keeps_line_numbers() {
        let mut text = "a: 1\nbad:\n  - x\n  - y\nb: 2\n".to_string();
        assert!(blank_entry(&mut text, 2));
        assert_eq!(text, "a: 1\n\n\n\nb: 2\n");
        // A line inside a block value stands for the key that opens the block.
        let mut nested = "a:\n  b:\n\n    text\nc: 2\n".to_string();
        assert!(blank_entry(&mut nested, 4));
        assert_eq!(nested, "a:\n\n\n\nc: 2\n");
        // A list item's first line is left alone: blanking it would change the list.
        let mut item = "l:\n  - bad: 1\n".to_string();
        assert!(!blank_entry(&mut item, 2));
    }
    #[test]
    fn later_rounds_are_bounded() {
        let text: String =
            std::iter::once("name: x\n".to_string()).chain((0..300).map(|i| format!("k{i}: 1\n"))).collect();
        let file = SourceFile { display: "p.yaml".into(), rel: "p.yaml".into(), text };
        let mut problems = Problems::default();
        assert!(parse::<RawProfile>(&file, &mut problems).is_none());
        assert_eq!(problems.0.len(), 1 + MAX_ROUNDS);
        assert_eq!(problems.0[MAX_ROUNDS].line, Some(MAX_ROUNDS + 2));
    }
}
