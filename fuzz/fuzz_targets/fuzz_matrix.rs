//! Fuzzes `pm-skills import matrix`: the input is a skills-matrix CSV (its first byte picks the
//! scale: read from the cells, or given as words), converted in memory exactly as the importer
//! converts it; what it produces is then loaded as a framework folder and its reports rendered,
//! so the importer's output is held to the loader.

use pm_skills::import::matrix;
use pm_skills_fuzz::{exercise_import, load_files, text};

const SCALES: [&[&str]; 3] = [&[], &["basic", "good", "great"], &["1", "2", "3", "4"]];

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Some((&pick, rest)) = data.split_first() else { return };
        let Some(text) = text(rest) else { return };
        let scale: Vec<String> = SCALES[usize::from(pick) % SCALES.len()].iter().map(|s| s.to_string()).collect();
        let Ok(files) = matrix::convert_text("fuzz.csv", &text, &scale, "Fuzzed role") else { return };
        let framework = load_files(&files).expect("what the importer writes, the loader reads");
        exercise_import(&framework);
    });
}
