//! What the fuzz targets share: a known-good framework to slot a fuzzed file into, and a driver
//! that builds every report of a framework and renders it in every format at several widths.
//! Anything may fail with an error; nothing may panic, hang or run away with memory.

use clap::ValueEnum as _;
use pm_skills::assemble;
use pm_skills::diagnostics::Problems;
use pm_skills::model::{Framework, LevelAt, Profile};
use pm_skills::render::{self, Format, RenderOptions, Report};
use pm_skills::report::{self, Scope};
use pm_skills::source::{self, SourceFile};

/// The good fixture framework (tests/fixtures/custom-ladder): 5-step scale, two role families.
pub const FIXTURE: [(&str, &str); 5] = [
    ("framework.yaml", include_str!("../../tests/fixtures/custom-ladder/framework.yaml")),
    ("skills.yaml", include_str!("../../tests/fixtures/custom-ladder/skills.yaml")),
    ("soft-skills.yaml", include_str!("../../tests/fixtures/custom-ladder/soft-skills.yaml")),
    (
        "roles/engineering/engineer.yaml",
        include_str!("../../tests/fixtures/custom-ladder/roles/engineering/engineer.yaml"),
    ),
    ("roles/design/designer.yaml", include_str!("../../tests/fixtures/custom-ladder/roles/design/designer.yaml")),
];

/// The fixture's files with `slot` (0..5) replaced by `text`.
pub fn fixture_with(slot: usize, text: String) -> Vec<SourceFile> {
    FIXTURE
        .iter()
        .enumerate()
        .map(|(i, (rel, good))| SourceFile {
            display: format!("fuzz/{rel}"),
            rel: (*rel).to_string(),
            text: if i == slot { text.clone() } else { (*good).to_string() },
        })
        .collect()
}

/// The fixture framework, assembled.
pub fn fixture() -> Framework {
    let files = fixture_with(usize::MAX, String::new());
    assemble::assemble("fuzz", &files, &mut Problems::default()).expect("the fixture is valid")
}

/// Renders one report in every format, unwrapped and at a width from 1 to 400 picked by the text
/// of the report itself (so the fuzzer steers it); errors are fine, panics are not.
pub fn render_all<R: Report>(report: &R) {
    render_in(report, Format::value_variants());
}

/// [`render_all`] in every format but xlsx.
pub fn render_text<R: Report>(report: &R) {
    let formats: Vec<Format> = Format::value_variants().iter().copied().filter(|f| !f.is_binary()).collect();
    render_in(report, &formats);
}

fn render_in<R: Report>(report: &R, formats: &[Format]) {
    let seed = serde_json::to_vec(report).map_or(0, |v| v.len());
    let width = 1 + seed % 400;
    for &format in formats {
        for width in [None, Some(width)] {
            let options = RenderOptions {
                format,
                color: width.is_some(),
                width,
                raw_csv: seed % 2 == 0,
                terminal: seed % 3 == 0,
                invocation: if seed % 5 == 0 { "pm-skills --data 'a b'".into() } else { String::new() },
            };
            let _ = render::render(report, &options);
        }
    }
}

/// Builds and renders every report of every role, for a few level pairs.
pub fn exercise_framework(framework: &Framework) {
    render_all(&report::soft_skills::SoftSkillsReport::build(framework));
    for i in 0..framework.soft_skills.len().min(3) {
        render_all(&report::soft_skills::SoftSkillReport::build(framework, i));
    }
    for (ri, role) in framework.roles.iter().enumerate() {
        let scope = Scope { framework, role };
        render_all(&report::levels::LevelsReport::build(scope));
        render_all(&report::ladder::LadderReport::build(scope));
        render_all(&report::skills::SkillsReport::build(scope));
        render_all(&report::about::AboutReport::build(scope));
        for &s in role.skills.iter().take(3) {
            render_all(&report::skills::SkillReport::build(scope, s));
        }
        let n = role.levels.len().min(4);
        for a in 0..n {
            render_all(&report::show::ShowReport::build(scope, a));
            for b in 0..n {
                render_all(&report::diff::DiffReport::build(
                    framework,
                    LevelAt { role: ri, level: a },
                    LevelAt { role: ri, level: b },
                    a % 2 == 0,
                ));
                render_all(&report::path::PathReport::build(framework, ri, a, b, b % 2 == 0));
            }
        }
    }
}

/// What an importer's output goes through: each role's levels, ladder and skills, its first
/// levels shown and compared, in every format but xlsx. The importers' targets check that what is
/// written loads and reads; `fuzz_data` drives every renderer, and an input here stays well
/// under the hang limit.
pub fn exercise_import(framework: &Framework) {
    for (ri, role) in framework.roles.iter().enumerate() {
        let scope = Scope { framework, role };
        render_text(&report::levels::LevelsReport::build(scope));
        render_text(&report::ladder::LadderReport::build(scope));
        render_text(&report::skills::SkillsReport::build(scope));
        let n = role.levels.len().min(2);
        for a in 0..n {
            render_text(&report::show::ShowReport::build(scope, a));
            let (from, to) = (LevelAt { role: ri, level: a }, LevelAt { role: ri, level: n - 1 });
            render_text(&report::diff::DiffReport::build(framework, from, to, false));
        }
    }
}

/// Gap reports of one checked profile against every level of its role, and as a team of two.
pub fn exercise_profile(scope: Scope, profile: &Profile) {
    for target in 0..scope.role.levels.len().min(4) {
        render_all(&report::gap::GapReport::build(scope, profile, target, target % 2 == 1));
        let team = [profile.clone(), profile.clone()];
        render_all(&report::team::TeamReport::build(
            scope.framework,
            &team,
            &[report::team::Target {
                at: LevelAt { role: profile.role, level: target },
                from: report::team::TargetFrom::To,
            }],
            target % 2 == 0,
            report::team::Sort::Given,
        ));
    }
}

/// Bytes as the loader sees them: UTF-8 without NUL, or refused like the CLI refuses them.
pub fn text(data: &[u8]) -> Option<String> {
    source::decode(data).ok()
}

/// An importer's output, `(path, text)` pairs, loaded as a framework folder; `None` when the
/// loader refuses it (which the importer targets treat as a finding).
pub fn load_files(files: &[(String, String)]) -> Option<Framework> {
    let files: Vec<SourceFile> = files
        .iter()
        .map(|(rel, text)| SourceFile { display: format!("import/{rel}"), rel: rel.clone(), text: text.clone() })
        .collect();
    let mut problems = Problems::default();
    let framework = assemble::assemble("import", &files, &mut problems);
    if framework.is_none() {
        eprintln!("{:#?}", problems.0);
    }
    framework
}
