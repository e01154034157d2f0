//! Property tests on random frameworks and profiles, built as YAML text and loaded in memory
//! through the same loader and checks as a `--data` folder (`assemble::assemble`).
//!
//! - `diff a a` has no changes, and `diff a b` is the exact negation of `diff b a`;
//! - the JSON of every report parses and equals the report (`serde_json::to_value`), and the YAML
//!   of every report carries the same data;
//! - no renderer panics, in any format, at any terminal width from 1 to 400;
//! - a profile that claims exactly a level's expectations is ready for that level, and two
//!   check-ins of it show every gap met at both.
//!
//! Names are drawn from an alphabet of Unicode, wide characters, controls, escape sequences and
//! Markdown and spreadsheet specials, and must survive the YAML round trip byte for byte.

use clap::ValueEnum as _;
use pm_skills::assemble;
use pm_skills::diagnostics::Problems;
use pm_skills::model::{Framework, LevelAt, Profile};
use pm_skills::profile::{self, RawProfileFile, SkillLookup};
use pm_skills::raw::RawProfile;
use pm_skills::render::{self, Format, RenderOptions, Report};
use pm_skills::report::{self, Scope};
use pm_skills::source::SourceFile;
use proptest::prelude::*;

/// A name: a letter first (names must not be blank), then anything from a hostile alphabet.
fn name() -> impl Strategy<Value = String> {
    let hostile = prop_oneof![
        Just("\x1b[31m".to_string()),
        Just("\x1b]0;t\x07".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{9b}".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("|".to_string()),
        Just("=SUM(A1)".to_string()),
        Just("@".to_string()),
        Just("-".to_string()),
        Just("製品".to_string()),
        Just("e\u{301}".to_string()),
        Just("👩‍💻".to_string()),
        Just("\\".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("#".to_string()),
        Just("*".to_string()),
        Just("[".to_string()),
        Just("}".to_string()),
        Just(": ".to_string()),
        "[a-z ]{1,12}",
        any::<char>().prop_map(String::from),
    ];
    ("[A-Z]", prop::collection::vec(hostile, 0..6)).prop_map(|(first, rest)| format!("{first}{}", rest.concat()))
}

/// A YAML double-quoted scalar that parses back to exactly `text`: what YAML may hold raw stays
/// raw, everything else (controls, line separators, the BOM) is escaped.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        let raw = matches!(c, '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
            && !matches!(c, '"' | '\\' | '\u{2028}' | '\u{2029}' | '\u{feff}');
        match c {
            _ if raw => out.push(c),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// A random framework: a scale of 2-7 steps, 1-6 skills, 1-5 levels, each rating most skills
/// and leaving some unrated (`~`); a level with a note also gives its first skill a criterion.
#[derive(Debug, Clone)]
struct Spec {
    scale: Vec<String>,
    skills: Vec<(String, Vec<String>)>,
    levels: Vec<(String, Vec<Option<usize>>, Option<String>)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (2usize..=7, 1usize..=6, 1usize..=5).prop_flat_map(|(steps, skills, levels)| {
        (
            prop::collection::vec(name(), steps),
            prop::collection::vec((name(), prop::collection::vec(name(), steps)), skills),
            prop::collection::vec(
                (
                    name(),
                    prop::collection::vec(prop::option::weighted(0.8, 0..steps), skills),
                    prop::option::of(name()),
                ),
                levels,
            ),
        )
            .prop_map(|(scale, skills, levels)| Spec { scale, skills, levels })
    })
}

impl Spec {
    fn files(&self) -> Vec<SourceFile> {
        let mut framework = String::from("id: random\nname: ");
        framework.push_str(&quoted(&self.scale[0]));
        framework.push_str("\nversion: 1\ndescription: Random.\nscale:\n");
        for (i, step) in self.scale.iter().enumerate() {
            framework.push_str(&format!("  - id: s{i}\n    name: {}\n    meaning: {}\n", quoted(step), quoted(step)));
        }
        let mut skills = String::from("skills:\n");
        for (k, (skill, meanings)) in self.skills.iter().enumerate() {
            skills.push_str(&format!(
                "  - id: k{k}\n    name: {}\n    description: {}\n",
                quoted(skill),
                quoted(skill)
            ));
            skills.push_str("    proficiencies:\n");
            for (i, meaning) in meanings.iter().enumerate() {
                skills.push_str(&format!("      s{i}: {}\n", quoted(meaning)));
            }
        }
        let ids: Vec<String> = (0..self.skills.len()).map(|k| format!("k{k}")).collect();
        let mut role = format!("id: r\nname: Role\nsummary: A role.\nskills: [{}]\nlevels:\n", ids.join(", "));
        for (l, (level, ratings, note)) in self.levels.iter().enumerate() {
            role.push_str(&format!(
                "  - id: l{l}\n    name: {}\n    summary: {}\n    skills:\n",
                quoted(level),
                quoted(level)
            ));
            for (k, rating) in ratings.iter().enumerate() {
                match (rating, note) {
                    (None, _) => role.push_str(&format!("      k{k}: ~\n")),
                    (Some(rating), Some(note)) if k == 0 => role.push_str(&format!(
                        "      k{k}:\n        proficiency: s{rating}\n        note: {}\n        criteria:\n          - statement: {}\n            examples: [{}]\n",
                        quoted(note),
                        quoted(note),
                        quoted(note)
                    )),
                    (Some(rating), _) => role.push_str(&format!("      k{k}: s{rating}\n")),
                }
            }
        }
        [("framework.yaml", framework), ("skills.yaml", skills), ("roles/r.yaml", role)]
            .into_iter()
            .map(|(rel, text)| SourceFile { display: format!("random/{rel}"), rel: rel.into(), text })
            .collect()
    }

    fn framework(&self) -> Framework {
        let mut problems = Problems::default();
        let framework = assemble::assemble("random", &self.files(), &mut problems);
        framework
            .unwrap_or_else(|| panic!("the generated framework is refused: {:#?}\n{:#?}", problems.0, self.files()))
    }
}

/// Renders `report` as JSON and YAML and checks both against the report itself.
fn round_trips<R: Report>(report: &R) -> Result<(), TestCaseError> {
    let want = serde_json::to_value(report).expect("reports serialise");
    let json = render::render(report, &RenderOptions { format: Format::Json, ..Default::default() }).unwrap();
    let parsed: serde_json::Value = serde_json::from_slice(&json).expect("the JSON output parses");
    prop_assert_eq!(&parsed, &want);
    let yaml = render::render(report, &RenderOptions { format: Format::Yaml, ..Default::default() }).unwrap();
    let parsed: serde_json::Value =
        serde_yaml::from_str(std::str::from_utf8(&yaml).unwrap()).expect("the YAML output parses");
    prop_assert_eq!(&parsed, &want);
    Ok(())
}

/// Renders `report` in every format with these options; a panic fails the property.
fn renders_everywhere<R: Report>(report: &R, width: usize, color: bool) {
    for &format in Format::value_variants() {
        for width in [Some(width), None] {
            let options = RenderOptions {
                format,
                color,
                width,
                raw_csv: color,
                terminal: color,
                invocation: "pm-skills --role x".into(),
                answer_line: color,
            };
            render::render(report, &options).expect("rendering never fails");
            if color {
                // The line the MCP server quotes is built from the same document, whatever it holds.
                let _ = render::answer_line(report);
            }
        }
    }
}

/// Calls `check` on every report of the framework.
fn every_report(framework: &Framework, mut check: impl FnMut(&dyn ErasedReport)) {
    let scope = Scope { framework, role: &framework.roles[0] };
    let at = |level| LevelAt { role: 0, level };
    let n = scope.role.levels.len();
    check(&report::levels::LevelsReport::build(scope));
    check(&report::ladder::LadderReport::build(scope));
    check(&report::skills::SkillsReport::build(scope));
    check(&report::skills::SkillReport::build(scope, framework.skills.len() - 1));
    check(&report::about::AboutReport::build(scope));
    check(&report::soft_skills::SoftSkillsReport::build(framework));
    for a in 0..n {
        check(&report::show::ShowReport::build(scope, a));
        check(&report::diff::DiffReport::build(framework, at(a), at(n - 1 - a), a % 2 == 0));
        check(&report::path::PathReport::build(framework, 0, 0, a, a % 2 == 1));
    }
}

/// A report behind a reference, so one closure can take every kind.
trait ErasedReport {
    fn json_round_trip(&self) -> Result<(), TestCaseError>;
    fn render_everywhere(&self, width: usize, color: bool);
}

impl<R: Report> ErasedReport for R {
    fn json_round_trip(&self) -> Result<(), TestCaseError> {
        round_trips(self)
    }
    fn render_everywhere(&self, width: usize, color: bool) {
        renders_everywhere(self, width, color)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn diff_with_itself_has_no_changes(spec in spec()) {
        let framework = spec.framework();
        for a in 0..framework.roles[0].levels.len() {
            let at = LevelAt { role: 0, level: a };
            let d = report::diff::DiffReport::build(&framework, at, at, false);
            prop_assert!(d.rows.iter().all(|r| r.change == 0), "{:?}", d.rows);
            prop_assert_eq!((d.summary.grow, d.summary.drop, d.summary.steps_to_grow), (0, 0, 0));
            prop_assert_eq!((d.summary.new, d.summary.left), (0, 0));
            let rated = spec.levels[a].1.iter().filter(|r| r.is_some()).count();
            prop_assert_eq!(d.summary.skills, rated);
            prop_assert!(!d.has_gaps());
            prop_assert!(report::diff::DiffReport::build(&framework, at, at, true).rows.is_empty());
        }
    }

    #[test]
    fn diff_backwards_is_the_exact_negation(spec in spec(), a in 0usize..5, b in 0usize..5) {
        let framework = spec.framework();
        let n = framework.roles[0].levels.len();
        let (a, b) = (LevelAt { role: 0, level: a % n }, LevelAt { role: 0, level: b % n });
        let forward = report::diff::DiffReport::build(&framework, a, b, false);
        let backward = report::diff::DiffReport::build(&framework, b, a, false);
        prop_assert_eq!(forward.rows.len(), backward.rows.len());
        for row in &forward.rows {
            let back = backward.rows.iter().find(|r| r.skill.id == row.skill.id).expect("same skills");
            prop_assert_eq!(row.change, -back.change);
            prop_assert_eq!(&row.from, &back.to);
            prop_assert_eq!(&row.to, &back.from);
        }
        prop_assert_eq!(forward.summary.grow, backward.summary.drop);
        prop_assert_eq!(forward.summary.drop, backward.summary.grow);
        prop_assert_eq!(forward.summary.stay, backward.summary.stay);
        prop_assert_eq!(forward.summary.new, backward.summary.left);
        prop_assert_eq!(forward.summary.left, backward.summary.new);
    }

    #[test]
    fn json_and_yaml_output_round_trip_into_the_report(spec in spec()) {
        let framework = spec.framework();
        // Every name went through YAML and came back byte for byte.
        prop_assert_eq!(&framework.skills[0].name, &spec.skills[0].0);
        prop_assert_eq!(&framework.roles[0].levels[0].name, &spec.levels[0].0);
        let mut result = Ok(());
        every_report(&framework, |r| {
            if result.is_ok() {
                result = r.json_round_trip();
            }
        });
        result?;
    }

    #[test]
    fn no_renderer_panics_at_any_width(spec in spec(), width in 1usize..=400, color: bool) {
        let framework = spec.framework();
        every_report(&framework, |r| r.render_everywhere(width, color));
    }

    /// The site of any framework has its pages, each with one heading 1 and one script (the
    /// site's own, in the head): hostile names stay text, and no control character gets through.
    #[test]
    fn the_site_of_any_framework_keeps_names_as_text(spec in spec()) {
        let framework = spec.framework();
        let site = pm_skills::site::build(&framework, None);
        let pages: Vec<&(String, String)> = site.files.iter().filter(|(p, _)| p.ends_with(".html")).collect();
        prop_assert_eq!(pages.len(), site.pages.total);
        for (path, html) in pages {
            prop_assert_eq!(html.matches("<h1>").count(), 1, "{}", path);
            prop_assert_eq!(html.matches("<script").count(), 1, "{}", path);
            prop_assert!(!html.chars().any(|c| c.is_control() && c != '\n'), "{}", path);
        }
    }

    #[test]
    fn a_profile_claiming_a_level_is_ready_for_it(
        spec in spec(),
        level in 0usize..5,
        width in 1usize..=400,
        person in name(),
    ) {
        let framework = spec.framework();
        let scope = Scope { framework: &framework, role: &framework.roles[0] };
        let level = level % scope.role.levels.len();
        let ratings = &spec.levels[level].1;
        let mut text = format!("name: {}\nlevel: l{level}\nskills:\n", quoted(&person));
        for (k, rating) in ratings.iter().enumerate() {
            let Some(rating) = rating else { continue };
            text.push_str(&format!("  k{k}:\n    proficiency: s{rating}\n    evidence: {}\n", quoted(&person)));
        }
        let file = SourceFile { display: "me.yaml".into(), rel: "me.yaml".into(), text };
        let raw = pm_skills::yaml::parse::<RawProfile>(&file, &mut Problems::default()).expect("the profile parses");
        let parsed = RawProfileFile { file, raw, problems: Problems::default() };
        let me = profile::check(parsed, scope, &SkillLookup::new(&framework)).expect("the profile checks");
        prop_assert_eq!(&me.name, &person);
        let gap = report::gap::GapReport::build(scope, &me, level, false);
        prop_assert!(!gap.has_gaps(), "{:?}", gap.rows);
        round_trips(&gap)?;
        renders_everywhere(&gap, width, true);
        let dated = |date: &str| {
            report::progress::Dated::of(Profile { date: Some(date.parse().unwrap()), ..me.clone() }).unwrap()
        };
        let checkins = [dated("2026-06-01"), dated("2026-01-01")];
        let progress = report::progress::ProgressReport::build(
            scope, &checkins, level, report::TargetFrom::To, false);
        prop_assert!(!progress.has_gaps(), "{:?}", progress.rows);
        prop_assert!(progress.rows.iter().all(|r| r.status == report::progress::Status::Met), "{:?}", progress.rows);
        prop_assert_eq!(&progress.summary.text, "0 gaps closed since 2026-01-01; none remain");
        round_trips(&progress)?;
        renders_everywhere(&progress, width, true);
        let target = report::team::Target { at: LevelAt { role: 0, level }, from: report::team::TargetFrom::To };
        let sort = report::team::Sort::Given;
        let team = report::team::TeamReport::build(&framework, &[me.clone(), me], &[target, target], false, sort);
        prop_assert!(!team.has_gaps());
        round_trips(&team)?;
        renders_everywhere(&team, width, false);
    }
}

#[test]
fn quoting_survives_the_yaml_parser_for_every_awkward_character() {
    let awkward =
        "\u{0}\u{7}\x1b\u{7f}\u{85}\u{9b}\u{a0}\u{2028}\u{2029}\u{feff}\u{fffe}\u{10ffff}\"\\'#:*&![]{}|>-?%@`";
    let file =
        SourceFile { display: "q.yaml".into(), rel: "q.yaml".into(), text: format!("name: {}\n", quoted(awkward)) };
    let raw = pm_skills::yaml::parse::<RawProfile>(&file, &mut Problems::default()).expect("parses");
    assert_eq!(raw.name, awkward);
}

/// A scalar that hides brackets from the parser: quoted text, and a tagged plain scalar.
fn hiding_scalar() -> impl Strategy<Value = String> {
    let double = prop::collection::vec(
        prop::sample::select(vec!["[", "]", "{", "}", "'", "#", "!", "%", " ", "a", "\\\"", "\\\\", ","]),
        0..8,
    )
    .prop_map(|p| format!("\"{}\"", p.concat()));
    let single = prop::collection::vec(
        prop::sample::select(vec!["[", "]", "{", "}", "''", "#", "\"", "!", " ", "a", ","]),
        0..8,
    )
    .prop_map(|p| format!("'{}'", p.concat()));
    prop_oneof![double, single, Just("!t a".to_string()), Just("a".to_string()), Just("&x b".to_string())]
}

/// Sibling items at one level, each with whether a comment full of brackets follows it.
fn siblings() -> impl Strategy<Value = Vec<(String, bool)>> {
    prop::collection::vec((hiding_scalar(), prop::bool::weighted(0.2)), 0..3)
}

/// Siblings as flow items, each followed by a comma; in a mapping each gets a key of its own.
fn items(siblings: Vec<(String, bool)>, keys: Option<&str>) -> String {
    let mut out = String::new();
    for (i, (item, comment)) in siblings.into_iter().enumerate() {
        if let Some(prefix) = keys {
            out.push_str(&format!("{prefix}{i}: "));
        }
        out.push_str(&item);
        out.push_str(if comment { ", # ] } [ ' \"\n" } else { ", " });
    }
    out
}

/// Valid flow YAML nested 100 to 160 deep, with bracket-hiding scalars and comments at every
/// level, and the real depth.
fn deep_flow() -> impl Strategy<Value = (String, usize)> {
    (100usize..=160).prop_flat_map(|depth| {
        prop::collection::vec((any::<bool>(), siblings(), siblings()), depth).prop_map(move |levels| {
            let mut text = "x".to_string();
            for (map, before, after) in levels.into_iter().rev() {
                text = if map {
                    format!("{{{}k: {text}, {}}}", items(before, Some("b")), items(after, Some("a")))
                } else {
                    format!("[{}{text}, {}]", items(before, None), items(after, None))
                };
            }
            (text, depth)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The nesting check runs before the parser and must never let through a document that nests
    /// deeper than it allows: its estimate may be high, never low. The oracle is the deserializer,
    /// which refuses anything nested over 128 levels with "recursion limit exceeded".
    #[test]
    fn the_nesting_estimate_is_never_below_the_real_depth((text, depth) in deep_flow()) {
        let real = serde_yaml::from_str::<serde_yaml::Value>(&text);
        match &real {
            Ok(_) => prop_assert!(depth <= 128),
            Err(e) => prop_assert!(
                depth > 128 && e.to_string().contains("recursion limit exceeded"),
                "the generator made invalid YAML: {e}\n{text}"
            ),
        }
        let file = SourceFile { display: "f.yaml".into(), rel: "f.yaml".into(), text: text.clone() };
        let mut problems = Problems::default();
        let ours = pm_skills::yaml::parse::<serde_yaml::Value>(&file, &mut problems);
        if depth > pm_skills::yaml::MAX_FLOW_DEPTH {
            prop_assert!(ours.is_none());
            let message = &problems.0[0].message;
            prop_assert!(
                message.contains(&format!("nest more than {} deep", pm_skills::yaml::MAX_FLOW_DEPTH)),
                "the estimate let through a document nested {depth} deep: {message}\n{text}"
            );
        }
    }
}

/// A random profile of the random framework: each skill unassessed or at any step.
/// A profile with a date, as a check-in of a history.
fn dated(profile: &Profile) -> report::progress::Dated {
    report::progress::Dated::of(profile.clone()).expect("a dated profile")
}

fn person(spec: &Spec, ratings: &[Option<usize>], date: &str) -> Profile {
    let steps = spec.scale.len();
    Profile {
        skills: ratings
            .iter()
            .enumerate()
            .take(spec.skills.len())
            .filter_map(|(k, r)| {
                Some((k, pm_skills::model::Assessment { proficiency: (*r)? % steps, evidence: vec![] }))
            })
            .collect(),
        date: Some(date.parse().unwrap()),
        level: Some(0),
        ..Profile::empty("p.yaml", "P", 0)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// One gap rule: for the same person and target, gap, team, fit, plan, progress and the
    /// review's own side give the same counts, in the same fields.
    #[test]
    fn every_report_counts_a_person_against_a_level_alike(
        spec in spec(),
        now in prop::collection::vec(prop::option::weighted(0.7, 0usize..7), 6),
        before in prop::collection::vec(prop::option::weighted(0.7, 0usize..7), 6),
    ) {
        use report::TargetFrom;
        let framework = spec.framework();
        let scope = Scope { framework: &framework, role: &framework.roles[0] };
        let (p, earlier) = (person(&spec, &now, "2026-06-01"), person(&spec, &before, "2026-01-01"));
        let map = report::fit::Map::new(&framework);
        let scores = map.scores(&p);
        let fit = report::fit::PersonFit::build(&framework, &map, &p, usize::MAX);
        // One role: the map's scores are its levels, in order.
        for (t, score) in scores.iter().enumerate() {
            let at = LevelAt { role: 0, level: t };
            let gap = report::gap::GapReport::build(scope, &p, t, false).summary;
            let target = report::Target { at, from: TargetFrom::To };
            let team = report::team::TeamReport::build(&framework, std::slice::from_ref(&p), &[target], false, Default::default());
            prop_assert_eq!(&team.people[0].readiness, &gap);
            let plan = report::plan::PlanReport::build(&framework, &p, at, TargetFrom::To);
            prop_assert_eq!(&plan.summary, &gap);
            let progress = report::progress::ProgressReport::build(scope, &[dated(&earlier), dated(&p)], t, TargetFrom::To, false);
            prop_assert_eq!(&progress.summary.readiness, &gap);
            prop_assert_eq!(progress.summary.ready, gap.ready);
            let review = report::review::ReviewReport::build(scope, &p, &earlier, t, false);
            prop_assert_eq!(&review.summary.own, &gap);
            let tally = score.tally;
            prop_assert_eq!((tally.skills, tally.met, tally.grow, tally.unassessed, tally.steps), (gap.skills, gap.met, gap.grow, gap.unassessed, gap.steps_to_grow));
            for e in fit.best_fit.iter().chain(&fit.next).filter(|e| e.level.id == scope.role.levels[t].id) {
                prop_assert_eq!(&e.readiness, &gap);
            }
        }
    }
}
