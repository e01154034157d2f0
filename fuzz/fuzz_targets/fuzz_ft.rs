//! Fuzzes `pm-skills import ft-progression`: the input is an FT engineering-progression job
//! family (YAML), read and converted in memory exactly as the importer does; what it produces is
//! then loaded as a framework folder and its reports rendered.

use pm_skills::import::ft_progression;
use pm_skills_fuzz::{exercise_import, load_files, text};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Some(text) = text(data) else { return };
        let Ok(files) = ft_progression::convert_text("fuzz.yml", &text) else { return };
        let framework = load_files(&files).expect("what the importer writes, the loader reads");
        exercise_import(&framework);
    });
}
