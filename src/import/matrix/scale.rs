//! The scale of a matrix: given with `--scale`, or read from the cells when that can be done
//! without guessing: numbers are ordered by value, and words only when they all belong to one
//! well-known scale. Anything else is refused with the words found and a `--scale` to start from.

use std::collections::HashMap;

use serde::Serialize;

use crate::resolve::normalise;

/// The most steps a scale may have. Real scales have a handful (the government framework 4, FT
/// 5); a matrix of distinct numbers would otherwise become a scale of thousands of steps, and a
/// skills file with a text for each step of each skill.
pub const MAX_STEPS: usize = 20;

/// Well-known scales, lowest first, that words in the cells may be read as without `--scale`.
const KNOWN: [(&str, &[&str]); 4] = [
    ("the government Digital and Data framework's", &["awareness", "working", "practitioner", "expert"]),
    (
        "the Financial Times engineering-progression",
        &["awareness", "foundational", "working knowledge", "practitioner", "expert"],
    ),
    ("the beginner to expert", &["beginner", "intermediate", "advanced", "expert"]),
    ("the novice to expert (Dreyfus)", &["novice", "advanced beginner", "competent", "proficient", "expert"]),
];

/// How the scale was decided, for the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScaleSource {
    /// `--scale`.
    Option,
    /// Every cell is a number: the numbers found, ordered by value.
    Numbers,
    /// Every cell is a word of a well-known scale, named here.
    Known(String),
}

/// A cell's value as a number, when it is one (`3`, `1.5`, `-2`).
fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

/// The steps of a scale, indexed once, so that each cell is matched in one look-up.
pub struct StepIndex {
    words: HashMap<String, usize>,
    numbers: Vec<(f64, usize)>,
}

impl StepIndex {
    pub fn new(steps: &[String]) -> StepIndex {
        let mut words = HashMap::new();
        for (i, s) in steps.iter().enumerate() {
            words.entry(normalise(s)).or_insert(i);
        }
        let numbers = steps.iter().enumerate().filter_map(|(i, s)| Some((number(s)?, i))).collect();
        StepIndex { words, numbers }
    }

    /// Which step the cell `text` names: the same words ignoring case and spacing, or the same
    /// number (`3.0` is `3`).
    pub fn step_of(&self, text: &str) -> Option<usize> {
        self.words.get(&normalise(text)).copied().or_else(|| {
            let n = number(text)?;
            self.numbers.iter().find(|(s, _)| *s == n).map(|&(_, i)| i)
        })
    }
}

/// The error for a scale of `n` steps, over [`MAX_STEPS`]; `what` says where they came from.
fn too_many(n: usize, what: &str) -> String {
    format!(
        "{what} {n} steps, over the limit of {MAX_STEPS} steps a scale may have; \
         give the steps lowest first with --scale (at most {MAX_STEPS}), or write each cell as one of them"
    )
}

/// The steps, lowest first, and how they were decided. `given` is `--scale` (empty when not
/// given); `values` are the distinct rated cells in order of first appearance, level columns
/// left to right, so that the juniors' words come first.
pub fn decide(given: &[String], values: &[String]) -> Result<(Vec<String>, ScaleSource), String> {
    if !given.is_empty() {
        if given.len() > MAX_STEPS {
            return Err(too_many(given.len(), "--scale gives"));
        }
        let steps: Vec<String> = given.iter().map(|s| s.trim().to_string()).collect();
        if steps.iter().any(String::is_empty) {
            return Err("--scale has an empty step; give the steps lowest first, e.g. --scale basic,good,great".into());
        }
        for (i, step) in steps.iter().enumerate() {
            if steps[..i].iter().any(|s| normalise(s) == normalise(step)) {
                return Err(format!("--scale names the step `{step}` twice"));
            }
        }
        if steps.len() < 2 {
            return Err("--scale needs at least two steps, lowest first".into());
        }
        return Ok((steps, ScaleSource::Option));
    }
    if values.is_empty() {
        return Err("no cell rates a skill; nothing to read a scale from".into());
    }
    if values.iter().all(|v| number(v).is_some()) {
        let mut numbers: Vec<(f64, &String)> = values.iter().map(|v| (number(v).unwrap_or_default(), v)).collect();
        numbers.sort_by(|a, b| a.0.total_cmp(&b.0));
        numbers.dedup_by(|a, b| a.0 == b.0);
        if numbers.len() > MAX_STEPS {
            return Err(too_many(numbers.len(), "the cells hold different numbers, which would make a scale of"));
        }
        if let [(_, only)] = numbers.as_slice() {
            return Err(format!(
                "every rated cell holds the number `{only}`, and one number makes no scale; give the steps lowest \
                 first with --scale, e.g. --scale 1,2,3,4"
            ));
        }
        return Ok((numbers.into_iter().map(|(_, v)| v.clone()).collect(), ScaleSource::Numbers));
    }
    let found: Vec<String> = values.iter().map(|v| normalise(v)).collect();
    for (name, steps) in KNOWN {
        if found.iter().all(|f| steps.iter().any(|s| normalise(s) == *f)) {
            let steps = steps.iter().map(|s| title(s)).collect();
            return Ok((steps, ScaleSource::Known(format!("{name} scale"))));
        }
    }
    let shown: Vec<&str> = values.iter().take(20).map(String::as_str).collect();
    let more = if values.len() > 20 { format!(" and {} more", values.len() - 20) } else { String::new() };
    let quoted = |s: &str| if s.contains([' ', '"']) { format!("\"{}\"", s.replace('"', "")) } else { s.to_string() };
    Err(format!(
        "the cells name words, not numbers, and the importer cannot know their order: {}{more}\n  give the steps lowest first with --scale, e.g. --scale {}",
        shown.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", "),
        shown.iter().map(|s| quoted(s)).collect::<Vec<_>>().join(",")
    ))
}

/// `working knowledge` → `Working knowledge`.
fn title(step: &str) -> String {
    let mut chars = step.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn one_number_alone_makes_no_scale() {
        // Found by `fuzz_matrix`: a scale of one step, which the loader then refused.
        let err = decide(&[], &strings(&["2", "2.0"])).unwrap_err();
        assert!(err.contains("one number makes no scale") && err.contains("--scale"), "{err}");
    }

    #[test]
    fn numbers_are_ordered_by_value_and_words_need_an_order() {
        let (steps, how) = decide(&[], &strings(&["3", "1", "1.5", "10", "3.0"])).unwrap();
        assert_eq!((steps, how), (strings(&["1", "1.5", "3", "10"]), ScaleSource::Numbers));
        let err = decide(&[], &strings(&["basic", "good", "great"])).unwrap_err();
        assert!(err.contains("`basic`, `good`, `great`") && err.contains("--scale basic,good,great"), "{err}");
        let (steps, how) = decide(&[], &strings(&["Working", "expert"])).unwrap();
        assert_eq!(steps, strings(&["Awareness", "Working", "Practitioner", "Expert"]));
        assert!(matches!(how, ScaleSource::Known(_)));
        let (steps, how) = decide(&strings(&[" low", "high "]), &strings(&["x"])).unwrap();
        assert_eq!((steps, how), (strings(&["low", "high"]), ScaleSource::Option));
        assert!(decide(&strings(&["a", "A"]), &[]).unwrap_err().contains("twice"));
        assert!(decide(&strings(&["a", ""]), &[]).is_err());
        assert!(decide(&[], &[]).is_err());
    }

    #[test]
    fn cells_match_steps_by_words_or_value() {
        let steps = StepIndex::new(&strings(&["1", "2", "Working knowledge"]));
        assert_eq!(steps.step_of("2.0"), Some(1));
        assert_eq!(steps.step_of(" working   KNOWLEDGE"), Some(2));
        assert_eq!(steps.step_of("3"), None);
    }

    #[test]
    fn a_scale_has_at_most_twenty_steps() {
        let numbers: Vec<String> = (0..10_000).map(|i| i.to_string()).collect();
        let err = decide(&[], &numbers).unwrap_err();
        assert!(err.contains("10000 steps, over the limit of 20 steps"), "{err}");
        assert_eq!(decide(&[], &numbers[..20]).unwrap().0.len(), 20);
        let err = decide(&numbers[..21], &[]).unwrap_err();
        assert!(err.starts_with("--scale gives 21 steps, over the limit of 20"), "{err}");
    }
}
