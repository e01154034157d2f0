//! Fuzzes the framework loader: the input replaces one file of a good framework folder (the first
//! byte picks which), then the folder is validated and, when it passes, every report is rendered.

use pm_skills::assemble;
use pm_skills::diagnostics::Problems;
use pm_skills_fuzz::{FIXTURE, exercise_framework, fixture_with, text};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Some((&pick, rest)) = data.split_first() else { return };
        let Some(text) = text(rest) else { return };
        let files = fixture_with(usize::from(pick) % FIXTURE.len(), text);
        let mut problems = Problems::default();
        let framework = assemble::assemble("fuzz", &files, &mut problems);
        // The findings themselves are a report too (`pm-skills validate`).
        pm_skills_fuzz::render_all(&pm_skills::report::validate::ValidateReport::build(
            "fuzz".into(),
            problems,
            pick & 0x80 != 0,
        ));
        if let Some(framework) = framework {
            exercise_framework(&framework);
        }
    });
}
