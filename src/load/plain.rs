//! The plain form of a profile, read line by line without the YAML parser.
//!
//! A team report reads thousands of profiles, and the YAML parser costs about 25 ns a byte on
//! this project's machine: 10,000 profiles of 200 skills took a third of the run. Almost every
//! profile is in the form that `profile new`, `profile assess` and scripts write: top-level
//! `key: value` lines, a `skill: proficiency` line per skill or the long form with `proficiency:`
//! and `evidence:` (one line, or a list of `- line` items), with comments and blank lines between.
//! This module reads exactly that form, a subset of YAML whose meaning is never in doubt, and
//! declines everything else: single quotes, escapes, flow collections, anchors, tags, block
//! scalars, lines continued, tabs, non-ASCII outside comments, a number or boolean where a word is
//! expected, repeated keys of a mapping that refuses them, anything unusual. A declined file goes
//! to the YAML parser, which also words every error: this reader never reports a problem.
//!
//! The contract, tested against the YAML parser on generated and real files: whenever this reader
//! accepts a text, the YAML parser reads the same [`RawProfile`] from it.

use super::{OrderedMap, RawAssessment, RawProfile};

/// The value of a `key: value` line or of a `- item` line.
#[derive(Clone, Copy)]
enum Value<'t> {
    /// Nothing: null, or a mapping or list on the lines below.
    Empty,
    /// Unquoted words; YAML may read some as null, a boolean or a number.
    Plain(&'t str),
    /// Double-quoted, without escapes: always this text.
    Quoted(&'t str),
}

impl<'t> Value<'t> {
    /// The text, unless YAML would read it as something else: null or a boolean, and with `word`
    /// anything not starting with a letter. `word` is for values read as "any scalar", such as
    /// `skill: working` or `evidence: one line`, where a plain `3` or `0x1F` is a number; fields
    /// read as text take a number's digits as they are.
    fn text(self, word: bool) -> Option<&'t str> {
        match self {
            Value::Quoted(text) => Some(text),
            Value::Plain(text) if !special(text) && (!word || text.as_bytes()[0].is_ascii_alphabetic()) => Some(text),
            _ => None,
        }
    }

    /// `~` and the null words, which read as "not given" wherever a value is optional.
    fn is_null(self) -> bool {
        matches!(self, Value::Plain(word) if null(word))
    }
}

/// Where the reader is: what an indented line may be.
#[derive(Clone, Copy)]
enum At {
    /// After a top-level key other than `skills`: nothing is indented here.
    Top,
    /// In `skills:`, after `skill: proficiency` or none yet.
    Skills,
    /// After `skill:` alone: its `proficiency:` and `evidence:` lines, at the indentation of the
    /// first one.
    Long { field: Option<usize> },
    /// After `evidence:` alone: its `- line` items, all at one indentation.
    Evidence { field: usize, item: Option<usize> },
}

/// The profile `text` holds, if it is in the plain form; `None` sends it to the YAML parser.
pub fn profile(text: &str) -> Option<RawProfile> {
    // name, level, framework, role
    let mut top: [Option<String>; 4] = Default::default();
    let mut skills: Option<Vec<(String, Option<RawAssessment>)>> = None;
    // The indentation of the skill lines, set by the first one.
    let mut skill_indent = None;
    // Which of `proficiency` and `evidence` the current long form has had.
    let mut fields = [false; 2];
    let mut at = At::Top;
    for line in text.split('\n') {
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        let content = strip_comment(content)?;
        if content.is_empty() {
            continue;
        }
        if indent == 0 {
            let (key, value) = entry(content)?;
            let slot = match key {
                "name" => 0,
                "level" => 1,
                "framework" => 2,
                "role" => 3,
                "skills" if matches!(value, Value::Empty) && skills.is_none() => {
                    skills = Some(Vec::new());
                    at = At::Skills;
                    continue;
                }
                _ => return None,
            };
            // A repeat is the YAML parser's to judge.
            if top[slot].is_some() {
                return None;
            }
            top[slot] = Some(value.text(false)?.to_string());
            at = At::Top;
            continue;
        }
        let list = skills.as_mut()?;
        match at {
            At::Top => return None,
            _ if skill_indent.is_none_or(|s| s == indent) => {
                skill_indent = Some(indent);
                let (key, value) = entry(content)?;
                let assessment = if matches!(value, Value::Empty) || value.is_null() {
                    None
                } else {
                    Some(RawAssessment { proficiency: Some(value.text(true)?.to_string()), evidence: Vec::new() })
                };
                at = if matches!(value, Value::Empty) { At::Long { field: None } } else { At::Skills };
                fields = [false; 2];
                list.push((key.to_string(), assessment));
            }
            At::Long { .. } | At::Evidence { .. }
                if indent > skill_indent.unwrap_or(0) && field_of(at).is_none_or(|f| f == indent) =>
            {
                let (key, value) = entry(content)?;
                let assessment =
                    list.last_mut()?.1.get_or_insert_with(|| RawAssessment { proficiency: None, evidence: Vec::new() });
                let seen = match key {
                    "proficiency" => &mut fields[0],
                    "evidence" => &mut fields[1],
                    _ => return None,
                };
                if std::mem::replace(seen, true) {
                    return None;
                }
                at = At::Long { field: Some(indent) };
                match (key, value) {
                    (_, value) if value.is_null() => {}
                    ("evidence", Value::Empty) => at = At::Evidence { field: indent, item: None },
                    ("evidence", value) => assessment.evidence.push(value.text(true)?.to_string()),
                    (_, value) => assessment.proficiency = Some(value.text(false)?.to_string()),
                }
            }
            At::Evidence { field, item } if indent > field && item.is_none_or(|i| i == indent) => {
                let value = scalar(content.strip_prefix("- ")?.trim_start_matches(' '))?;
                let evidence = &mut list.last_mut()?.1.as_mut()?.evidence;
                evidence.push(value.text(false)?.to_string());
                at = At::Evidence { field, item: Some(indent) };
            }
            _ => return None,
        }
    }
    let [name, level, framework, role] = top;
    Some(RawProfile { name: name?, level, framework, role, skills: OrderedMap(skills.unwrap_or_default()) })
}

/// The indentation of the long form's fields, once known.
fn field_of(at: At) -> Option<usize> {
    match at {
        At::Long { field } => field,
        At::Evidence { field, .. } => Some(field),
        _ => None,
    }
}

/// The content of a line before its comment, if the comment holds nothing that could end it early
/// or make the parser refuse the file: a control character, a line separator, a byte-order mark.
/// The content itself is checked word by word in [`entry`].
fn strip_comment(content: &str) -> Option<&str> {
    let bytes = content.as_bytes();
    // A `#` starts a comment at the start of the content or after a space, never inside a word.
    let start = bytes.iter().enumerate().position(|(i, &b)| b == b'#' && (i == 0 || bytes[i - 1] == b' '));
    let (before, comment) = match start {
        Some(i) => (&content[..i], &content[i..]),
        None => (content, ""),
    };
    let comment_ok = comment.chars().all(|c| match c {
        ' '..='~' => true,
        '\u{2028}' | '\u{2029}' | '\u{feff}' => false,
        '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' => true,
        _ => false,
    });
    comment_ok.then(|| before.trim_end_matches(' '))
}

/// `key: value` or `key:`, the key plain words.
fn entry(content: &str) -> Option<(&str, Value<'_>)> {
    let colon = content.find(':')?;
    let (key, rest) = (&content[..colon], &content[colon + 1..]);
    // `key:value` is one scalar to YAML, not an entry.
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    // YAML limits a key on one line to 1,024 characters.
    if key.len() > 1000 || !is_word(key) || special(key) {
        return None;
    }
    Some((key, scalar(rest.trim_start_matches(' '))?))
}

/// A value: nothing, `~`, plain words, or a quoted text without escapes.
fn scalar(text: &str) -> Option<Value<'_>> {
    Some(match text {
        "" => Value::Empty,
        "~" => Value::Plain("~"),
        quoted if quoted.starts_with('"') => {
            let text = quoted[1..].strip_suffix('"')?;
            // No escapes, no inner quote, nothing a terminal or the parser would treat specially.
            if !text.bytes().all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\') {
                return None;
            }
            Value::Quoted(text)
        }
        words if is_word(words) => Value::Plain(words),
        _ => return None,
    })
}

/// A plain scalar whose text YAML keeps exactly as written: printable ASCII that starts with a
/// letter or digit (no indicator such as `-`, `?`, `&`, `*`, `!`, `'`, `"`, `|`, `>`, `%`, `@`,
/// `[` or `{`), has no `:` or `#` that could end it, and does not end in a space.
fn is_word(text: &str) -> bool {
    let bytes = text.as_bytes();
    matches!(bytes.first(), Some(b) if b.is_ascii_alphanumeric())
        && bytes.last() != Some(&b' ')
        && bytes.iter().all(|&b| (b' '..=b'~').contains(&b) && b != b':' && b != b'#')
}

/// The words YAML reads as null rather than as text.
fn null(word: &str) -> bool {
    matches!(word, "~" | "null" | "Null" | "NULL")
}

/// The words YAML reads as null or a boolean rather than as text.
fn special(word: &str) -> bool {
    null(word) || matches!(word, "true" | "True" | "TRUE" | "false" | "False" | "FALSE")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{SourceFile, parse, parse_profile};
    use crate::validate::Problems;
    use proptest::prelude::*;

    fn file(text: &str) -> SourceFile {
        SourceFile { display: "p.yaml".into(), rel: "p.yaml".into(), text: text.into() }
    }

    /// The contract: what this reader accepts, the YAML parser reads the same way, and a profile
    /// is read the same whichever way it goes (the YAML path with its size and nesting checks).
    fn agrees(text: &str) -> Result<bool, TestCaseError> {
        let file = file(text);
        let either = parse_profile(&file, &mut Problems::default());
        prop_assert_eq!(&either, &parse::<RawProfile>(&file, &mut Problems::default()), "{:?}", text);
        let Some(plain) = profile(text) else { return Ok(false) };
        prop_assert_eq!(Ok(plain), serde_yaml::from_str::<RawProfile>(text).map_err(|e| e.to_string()), "{:?}", text);
        Ok(true)
    }

    #[test]
    fn reads_the_written_form_with_comments_and_unassessed_skills() {
        let text = "# A profile.\nname: Sam O'Neil, Jr.\nlevel: senior   # Senior PM\nskills:\n\n  # Agile: ...\n  #   awareness: knows it – the basics\n  agile-working: working\n  User Focus: ~\n    # deeper comment\nframework: dvla\n";
        let p = profile(text).expect("plain");
        assert_eq!(p.name, "Sam O'Neil, Jr.");
        assert_eq!(p.level.as_deref(), Some("senior"));
        assert_eq!(p.framework.as_deref(), Some("dvla"));
        assert_eq!(p.skills.0.len(), 2);
        assert_eq!(p.skills.0[0].0, "agile-working");
        assert_eq!(p.skills.0[0].1.as_ref().unwrap().proficiency.as_deref(), Some("working"));
        assert!(p.skills.0[1].1.is_none());
        assert!(agrees(text).unwrap());
    }

    #[test]
    fn reads_the_long_form_with_evidence() {
        let text = "name: Sam\nskills:\n  a:\n    proficiency: expert\n    evidence:\n      - Ran [two] rounds, 3 * 2 = 6 ('yes').\n      - \"Quoted: with a colon\"\n  b:\n    evidence: one line\n  c: working\n  d:\n  e:\n    evidence: ~\n    proficiency: ~\n";
        let p = profile(text).expect("plain");
        let [a, b, c, d, e] = &p.skills.0[..] else { panic!("{p:?}") };
        let a = a.1.as_ref().unwrap();
        assert_eq!(a.proficiency.as_deref(), Some("expert"));
        assert_eq!(a.evidence, ["Ran [two] rounds, 3 * 2 = 6 ('yes').", "Quoted: with a colon"]);
        assert_eq!(b.1.as_ref().unwrap().evidence, ["one line"]);
        assert_eq!(b.1.as_ref().unwrap().proficiency, None);
        assert_eq!(c.1.as_ref().unwrap().proficiency.as_deref(), Some("working"));
        assert_eq!(d.1, None);
        assert_eq!(e.1, Some(RawAssessment { proficiency: None, evidence: Vec::new() }));
        assert!(agrees(text).unwrap());
        for example in ["priya.yaml", "tom.yaml"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/team").join(example);
            let text = std::fs::read_to_string(path).unwrap();
            assert!(profile(&text).is_some(), "{example}");
            assert!(agrees(&text).unwrap());
        }
    }

    #[test]
    fn declines_what_only_the_yaml_parser_can_judge() {
        for text in [
            "",
            "# only a comment\n",
            "name: Sam\nskills:\n  a:\n    proficiency: working\n    proficiency: expert\n",
            "name: Sam\nskills:\n  a:\n    note: working\n",
            "name: Sam\nskills:\n  a:\n    proficiency: working\n     evidence: x\n",
            "name: Sam\nskills:\n  a:\n    evidence:\n    - compact list\n",
            "name: Sam\nskills:\n  a:\n    evidence:\n   - less indented\n",
            "name: Sam\nskills:\n  a:\n    evidence:\n      - one\n        more\n",
            "name: Sam\nskills:\n  a:\n    evidence:\n      - one\n       - two\n",
            "name: Sam\nskills:\n  a:\n    evidence:\n      - true\n",
            "name: Sam\nskills:\n  a:\n    evidence: 3\n",
            "name: Sam\nskills:\n    a:\n  proficiency: working\n",
            "name: Sam\nskills:\n  a: working\n    proficiency: working\n",
            "name: Sam\nskills:\n  a: 'working'\n",
            "name: Sam\nskills:\n  a: working\n   b: expert\n",
            "name: Sam\nskills:\n  a: working\n    more\n",
            "name: Sam\nskills:\n  a: true\n",
            "name: Sam\nskills:\n  a: 3\n",
            "name: Sam\nname: Jo\nskills:\n  a: working\n",
            "name: Sam\nlevel: ~\nskills:\n  a: working\n",
            "name: Sam\nlevel: null\nskills:\n  a: working\n",
            "name: Sam\nskills:\n\ta: working\n",
            "name: Sam\r\nskills:\r\n  a: working\r\n",
            "name: Zoë\nskills:\n  a: working\n",
            "name: Sam\nskills:\n  a: working\n# \u{2028}b: c\n",
            "---\nname: Sam\nskills:\n  a: working\n",
            "name: Sam\nskils:\n  a: working\n",
            "name: Sam\nskills:\n  a:working\n",
            "name: Sam#1\nskills:\n  a: working\n",
            "name: Sam\nskills:\n  a : working\n",
            "  name: Sam\nskills:\n  a: working\n",
            "skills:\n  a: working\n",
            "name: Sam\nskills:\n  a: working\nlevel: senior\n  b: expert\n",
            &format!("name: Sam\nskills:\n  {}: working\n", "k".repeat(1100)),
        ] {
            assert_eq!(profile(text), None, "{text:?}");
        }
    }

    /// Mostly the keys of a profile, with some that YAML reads otherwise or that are not keys.
    fn key() -> impl Strategy<Value = &'static str> {
        prop_oneof![
            4 => prop::sample::select(vec!["name", "level", "framework", "role", "skills"]),
            4 => prop::sample::select(vec!["s1", "s2", "User Focus", "agile-working", "a.b", "1", "007"]),
            2 => prop::sample::select(vec!["skils", "null", "true", "~", "-a", "'a'", "a b ", "a:b", "a#b", "é", "? a"]),
        ]
    }

    /// Mostly the words of a profile, with the words and characters that change what YAML reads.
    #[rustfmt::skip]
    fn value() -> impl Strategy<Value = &'static str> {
        let usual = vec!["working", "expert", "Person 0", "senior", "~", ""];
        let odd = vec![
            "null", "Null", "NULL", "true", "False", "TRUE", "yes", "no", "on", "y", "1", "-1", "0x1F", "0o7", "1.5", "1e5",
            "1_000", ".inf", "-.inf", ".NaN", "inf", "nan", "infinity", "NaN", "Infinity", "007", "+1", "e", "O'Brien",
            "a, b", "(x)", "a/b", "a  b", "x ", "a: b", "a:b", "a#b", "a #b", "Zoë", "'q'", "&a x", "*a", "!t x", "|", ">",
            "[a]", "{a: b}", "-x", "- x", "%x", "@x", "`x", "x\u{2028}y", "x\u{85}y", "\u{feff}", "x\ty", "x\r",
        ];
        let quoted = vec![
            "\"working\"", "\"\"", "\"true\"", "\"~\"", "\"a #b\"", "\"a: b\"", "\"a\\\"b\"", "\"a\\nb\"", "\"é\"",
            "\"  x  \"", "\"x\" y", "\"x", "\"x\"\"", "\"x\ty\"", "\"[x]\"",
        ];
        prop_oneof![
            3 => prop::sample::select(usual),
            2 => prop::sample::select(odd),
            2 => prop::sample::select(quoted),
        ]
    }

    #[test]
    fn what_pm_skills_writes_is_plain() {
        for id in crate::data::builtin_ids() {
            let framework = crate::data::load_builtin(id).unwrap();
            for role in &framework.roles {
                let scope = crate::report::Scope { framework: &framework, role };
                let answers: Vec<Option<usize>> =
                    (0..framework.skills.len()).map(|i| (i % 3 > 0).then(|| i % framework.scale.len())).collect();
                for text in [
                    crate::profile::template(scope, None),
                    crate::profile::template(scope, Some(role.levels.len() - 1)),
                    crate::profile::to_yaml(scope, "Sam O'Neil", Some(0), &answers),
                ] {
                    assert!(profile(&text).is_some(), "{id}/{}: not plain:\n{text}", role.id);
                    assert!(agrees(&text).unwrap());
                }
            }
        }
    }

    #[test]
    fn the_checks_before_the_parser_still_apply() {
        let text = format!("name: Sam\nskills:\n  a: working # {}\n", "[".repeat(200));
        assert!(profile(&text).is_some());
        assert!(agrees(&text).unwrap());
        let mut problems = Problems::default();
        assert_eq!(parse_profile(&file(&text), &mut problems), None);
        assert!(problems.0[0].message.contains("nest more than 128 deep"), "{:?}", problems.0);
    }

    /// Nothing, or a comment: some of them hold what ends a comment early or is refused.
    #[rustfmt::skip]
    fn comment() -> impl Strategy<Value = &'static str> {
        let odd = vec![
            " # note", "  #[", " #*", "#x", "\t# x", " # é – ’ 👩", " # \u{2028}x: y", " # \u{85}x: y", " # \u{1}",
            " # \u{fffe}", " # \u{9f}",
        ];
        prop_oneof![2 => Just(""), 1 => prop::sample::select(odd)]
    }

    /// A line of a profile-like text: mostly the plain form, some of it subtly not.
    fn line() -> impl Strategy<Value = String> {
        let indent = prop::sample::select(vec!["", "", "  ", "  ", " ", "   ", "    ", "\t", " \t"]);
        let sep = prop::sample::select(vec![": ", ": ", ":", ":  ", " : ", ":\t"]);
        prop_oneof![
            8 => (indent, key(), sep, value(), comment()).prop_map(|(i, k, s, v, c)| format!("{i}{k}{s}{v}{c}")),
            1 => prop::sample::select(vec!["", "  ", "# c", "  # [c", "---", "...", "- x", "%YAML 1.2", "\r", "a"])
                .prop_map(String::from),
        ]
    }

    /// The lines of one skill: `skill: word`, or the long form with a proficiency and evidence,
    /// one line or a list; now and then at an odd indentation or with an odd word.
    fn skill() -> impl Strategy<Value = Vec<String>> {
        let word = |usual: Vec<&'static str>, odd: BoxedStrategy<&'static str>| prop_oneof![4 => prop::sample::select(usual), 1 => odd];
        let sep = word(vec![": "], prop::sample::select(vec![":", ":  ", " : ", ":\t", ":: "]).boxed());
        let name = word(vec!["s1", "s2", "s3", "User Focus"], key().boxed());
        let odd = prop::sample::select(vec!["", " ", "  ", "   ", "    ", "     ", "      ", "        "]);
        let indent = |usual: &'static str| prop_oneof![2 => Just(usual), 1 => odd.clone()];
        let short = (name.clone(), sep, word(vec!["working", "expert", "~"], value().boxed()), comment())
            .prop_map(|(k, s, v, c)| vec![format!("  {k}{s}{v}{c}")]);
        let field = |name: &'static str, usual: &'static str| {
            (indent("    "), word(vec![name], key().boxed()), word(vec![usual], value().boxed()), comment())
                .prop_map(|(i, k, v, c)| format!("{i}{k}: {v}{c}"))
        };
        let items =
            prop::collection::vec((indent("      "), word(vec!["ran a discovery", "3 rounds"], value().boxed())), 0..3)
                .prop_map(|items| items.into_iter().map(|(i, v)| format!("{i}- {v}")).collect::<Vec<_>>());
        let evidence = prop_oneof![
            Just(Vec::new()),
            field("evidence", "led the alpha").prop_map(|l| vec![l]),
            (indent("    "), items).prop_map(|(i, items)| [vec![format!("{i}evidence:")], items].concat()),
        ];
        let long = (name, comment(), prop::option::of(field("proficiency", "expert")), evidence, any::<bool>())
            .prop_map(|(k, c, proficiency, evidence, swap)| {
                let mut fields: Vec<Vec<String>> = vec![proficiency.into_iter().collect(), evidence];
                if swap {
                    fields.reverse();
                }
                [vec![format!("  {k}:{c}")], fields.concat()].concat()
            });
        prop_oneof![3 => short, 2 => long]
    }

    /// A profile in the plain form, or nearly: any of its words may be one of the odd ones.
    fn plain_profile() -> impl Strategy<Value = Vec<String>> {
        let word = |usual: Vec<&'static str>, odd: BoxedStrategy<&'static str>| prop_oneof![4 => prop::sample::select(usual), 1 => odd];
        (
            word(vec!["Sam", "Person 7"], value().boxed()),
            word(vec!["senior # now"], value().boxed()),
            word(vec!["", " # mine"], prop::sample::select(vec!["working", "~", "\"x\"", "{}", "[]"]).boxed()),
            prop::collection::vec(skill(), 0..5),
        )
            .prop_map(|(name, level, after_skills, skills)| {
                let mut lines =
                    vec![format!("name: {name}"), format!("level: {level}"), format!("skills: {after_skills}")];
                lines.extend(skills.into_iter().flatten());
                lines
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn whatever_it_accepts_yaml_reads_the_same(
            mut lines in plain_profile(),
            extra in prop::collection::vec((any::<prop::sample::Index>(), line()), 0..4),
            random in prop::collection::vec(line(), 0..8),
            pick in prop::bool::weighted(0.8),
        ) {
            for (at, line) in extra {
                let at = at.index(lines.len() + 1);
                lines.insert(at, line);
            }
            let text = if pick { lines.join("\n") } else { random.join("\n") };
            agrees(&text)?;
            agrees(&format!("{text}\n"))?;
        }
    }

    #[test]
    fn the_yaml_test_suite_and_hostile_fixtures_agree() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        let mut walk =
            vec![root.join("tests/fixtures"), root.join("examples"), root.join("../shared/reference/yaml-test-suite")];
        if !walk[2].is_dir() {
            eprintln!("skipped the YAML test suite: {} is absent (it comes with ../shared)", walk[2].display());
            walk.pop();
        }
        while let Some(dir) = walk.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk.push(path);
                } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 20, "{files:?}");
        for path in files {
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            // Each file as it is, and with a profile's head, so the plain reader gets further.
            for text in [
                text.clone(),
                format!("name: Sam\nskills:\n{text}"),
                format!("name: Sam\nskills:\n  a: working\n{text}"),
            ] {
                agrees(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            }
        }
    }
}
