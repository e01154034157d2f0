//! Fuzzes the profile loader: the input is a profile, parsed and checked against the built-in
//! default framework and the test fixture (two role families, five-step scale); a profile that
//! passes is rendered as a gap report and a team report in every format. Every profile goes
//! through the one YAML reader, with its checks against hostile input.

use std::sync::OnceLock;

use pm_skills::diagnostics::Problems;
use pm_skills::model::{Framework, Scope};
use pm_skills::profile::{self, RawProfileFile, SkillLookup};
use pm_skills::raw::RawProfile;
use pm_skills::source::SourceFile;
use pm_skills_fuzz::{exercise_profile, fixture, text};

fn frameworks() -> &'static [Framework; 2] {
    static CELL: OnceLock<[Framework; 2]> = OnceLock::new();
    CELL.get_or_init(|| [pm_skills::data::load_builtin("dvla").expect("built-in"), fixture()])
}

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Some(text) = text(data) else { return };
        let file = SourceFile { display: "fuzz.yaml".into(), rel: "fuzz.yaml".into(), text };
        let mut problems = Problems::default();
        let Some(raw) = pm_skills::yaml::parse::<RawProfile>(&file, &mut problems) else { return };
        let parsed = RawProfileFile { file, raw, problems };
        for framework in frameworks() {
            for role in &framework.roles {
                let scope = Scope { framework, role };
                let again = RawProfileFile {
                    file: parsed.file.clone(),
                    raw: parsed.raw.clone(),
                    problems: parsed.problems.clone(),
                };
                if let Ok(person) = profile::check(again, scope, &SkillLookup::new(framework)) {
                    exercise_profile(scope, &person);
                }
            }
        }
    });
}
