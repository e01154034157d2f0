//! The serde shapes of each data file, field order as in the files. Unknown fields are errors so
//! that a typo never silently drops data.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `framework.yaml`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    pub id: String,
    pub name: String,
    #[serde(deserialize_with = "string_or_number")]
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_role: Option<String>,
    pub scale: Vec<RawStep>,
    /// The steps soft skills are rated on, when levels rate them; lowest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub behaviour_scale: Vec<RawStep>,
}

/// One entry of the proficiency scale.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meaning: Option<String>,
}

/// `skills.yaml`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSkillsFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    pub skills: Vec<RawSkill>,
}

/// One skill with its per-proficiency meanings.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSkill {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub proficiencies: OrderedMap<String>,
    /// Per scale step: how to grow into it.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub tips: OrderedMap<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<RawResource>,
}

/// Something to read, watch or do to grow a skill.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawResource {
    pub title: String,
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// `soft-skills.yaml`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSoftSkillsFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    pub soft_skills: Vec<RawSoftSkill>,
}

/// One soft skill.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSoftSkill {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
}

/// `roles/<id>.yaml`: one role family with its levels.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technical: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benefits: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub day_in_the_life: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<String>,
    pub skills: Vec<String>,
    pub levels: Vec<RawLevel>,
}

/// One level of a role.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawLevel {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<String>,
    /// Skill id → rating; `~` (or leaving a listed skill out) means not expected at this level.
    pub skills: OrderedMap<Option<RawRating>>,
    /// Soft skill id → a step of the framework's `behaviour_scale`.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub behaviours: OrderedMap<String>,
}

/// A level's rating of a skill: `skill: practitioner`, or the long form with a note and criteria.
#[derive(Debug, Clone, Default)]
pub struct RawRating {
    pub proficiency: String,
    pub note: Option<String>,
    pub criteria: Vec<RawCriterion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLongRating {
    proficiency: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    criteria: Vec<RawCriterion>,
}

impl WordOrMapping for RawRating {
    type Long = RawLongRating;
    const EXPECTING: &'static str =
        "a proficiency name, or a mapping with `proficiency` and optional `note` and `criteria`";
    fn from_word(word: &str) -> Self {
        RawRating { proficiency: word.to_string(), ..RawRating::default() }
    }
    fn from_long(long: RawLongRating) -> Self {
        RawRating { proficiency: long.proficiency, note: long.note, criteria: long.criteria }
    }
}

impl Serialize for RawRating {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.note.is_none() && self.criteria.is_empty() {
            return serializer.serialize_str(&self.proficiency);
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("proficiency", &self.proficiency)?;
        if let Some(note) = &self.note {
            map.serialize_entry("note", note)?;
        }
        if !self.criteria.is_empty() {
            map.serialize_entry("criteria", &self.criteria)?;
        }
        map.end()
    }
}

/// One statement of what a level expects in a skill: a line, or a mapping with examples.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawCriterion {
    pub statement: String,
    pub examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLongCriterion {
    statement: String,
    #[serde(default, deserialize_with = "one_or_many")]
    examples: Vec<String>,
}

impl WordOrMapping for RawCriterion {
    type Long = RawLongCriterion;
    const EXPECTING: &'static str = "a statement, or a mapping with `statement` and `examples`";
    fn from_word(word: &str) -> Self {
        RawCriterion { statement: word.to_string(), examples: Vec::new() }
    }
    fn from_long(long: RawLongCriterion) -> Self {
        RawCriterion { statement: long.statement, examples: long.examples }
    }
}

impl Serialize for RawCriterion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.examples.is_empty() {
            return serializer.serialize_str(&self.statement);
        }
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("statement", &self.statement)?;
        map.serialize_entry("examples", &self.examples)?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for RawCriterion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        word_or_mapping(deserializer)
    }
}

impl<'de> Deserialize<'de> for RawRating {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        word_or_mapping(deserializer)
    }
}

/// A value people write either as one word (`skill: working`) or as a mapping with more fields.
trait WordOrMapping: Sized {
    /// The long form.
    type Long: for<'de> Deserialize<'de>;
    /// What serde says was expected, when neither form fits.
    const EXPECTING: &'static str;
    fn from_word(word: &str) -> Self;
    fn from_long(long: Self::Long) -> Self;
}

fn word_or_mapping<'de, D: Deserializer<'de>, T: WordOrMapping>(deserializer: D) -> Result<T, D::Error> {
    struct Either<T>(std::marker::PhantomData<T>);
    impl<'de, T: WordOrMapping> Visitor<'de> for Either<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(T::EXPECTING)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            Ok(T::from_word(v))
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::Long::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(T::from_long)
        }
    }
    deserializer.deserialize_any(Either(std::marker::PhantomData))
}

/// A self-assessment written by a person.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, expecting = "a profile: a mapping with `name` and `skills`")]
pub struct RawProfile {
    pub name: String,
    /// The person's current level, if they want `gap` to default to the next one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// The framework the profile was written for; checked against the one in use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// The role family, for frameworks with several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The level the person aims for, when it is not simply the next one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// When the assessment was made (ISO 8601, `2026-03-01`), so check-ins can be ordered.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "date_text")]
    pub date: Option<String>,
    /// Who rated: `self`, or the reviewer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessor: Option<String>,
    #[serde(default)]
    pub skills: OrderedMap<Option<RawAssessment>>,
    /// Soft skills, each to a step of the framework's `behaviour_scale`, in the same short or long
    /// form as skills.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub behaviours: OrderedMap<Option<RawAssessment>>,
}

/// One skill of a profile: `skill: working`, or the long form with evidence. Any scalar is a
/// word (`skill: 3` is the third step): which words are steps is for the check against the scale
/// to say, with the scale's names, so a wrong one never hides the file's other problems.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawAssessment {
    pub proficiency: Option<String>,
    pub evidence: Vec<String>,
    /// What stood where a step belongs when it was no word (`a list`), for the check to report;
    /// never written.
    pub misfit: Option<&'static str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLongAssessment {
    #[serde(default)]
    proficiency: Option<Answer>,
    #[serde(default, deserialize_with = "one_or_many")]
    evidence: Vec<String>,
}

/// The value of `proficiency:` in the long form: a word, or what stood there instead.
enum Answer {
    Word(String),
    Misfit(&'static str),
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let answer = deserializer.deserialize_any(AnswerVisitor { long: true })?;
        Ok(match answer.misfit {
            Some(misfit) => Answer::Misfit(misfit),
            None => Answer::Word(answer.proficiency.unwrap_or_default()),
        })
    }
}

/// Reads a skill's value: any scalar as a word, a mapping as the long form (unless `long`, when
/// it is the value of `proficiency:` and a misfit like a list).
struct AnswerVisitor {
    long: bool,
}

impl AnswerVisitor {
    fn word<E>(text: String) -> Result<RawAssessment, E> {
        Ok(RawAssessment { proficiency: Some(text), ..RawAssessment::default() })
    }
    fn misfit<E>(what: &'static str) -> Result<RawAssessment, E> {
        Ok(RawAssessment { misfit: Some(what), ..RawAssessment::default() })
    }
}

impl<'de> Visitor<'de> for AnswerVisitor {
    type Value = RawAssessment;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a proficiency, or a mapping with `proficiency` and `evidence`")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawAssessment, E> {
        Self::word(v.to_string())
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RawAssessment, E> {
        Self::word(v.to_string())
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RawAssessment, E> {
        Self::word(v.to_string())
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<RawAssessment, E> {
        // `3.0` stays `3.0`, which is no step's number.
        Self::word(format!("{v:?}"))
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<RawAssessment, E> {
        Self::word(v.to_string())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawAssessment, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Self::misfit("a list")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawAssessment, A::Error> {
        if self.long {
            while map.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
            return Self::misfit("a mapping");
        }
        let long = RawLongAssessment::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        let (proficiency, misfit) = match long.proficiency {
            None => (None, None),
            Some(Answer::Word(word)) => (Some(word), None),
            Some(Answer::Misfit(what)) => (None, Some(what)),
        };
        Ok(RawAssessment { proficiency, evidence: long.evidence, misfit })
    }
}

impl Serialize for RawAssessment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (&self.proficiency, self.evidence.is_empty()) {
            (Some(word), true) => serializer.serialize_str(word),
            (proficiency, _) => {
                let mut map = serializer.serialize_map(None)?;
                if let Some(p) = proficiency {
                    map.serialize_entry("proficiency", p)?;
                }
                if !self.evidence.is_empty() {
                    map.serialize_entry("evidence", &self.evidence)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for RawAssessment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnswerVisitor { long: false })
    }
}

/// `evidence: one line` or a list of lines. A visitor rather than an untagged enum, which would
/// first copy the whole value, however far its aliases expand, before looking at it.
fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct OneOrMany;
    impl<'de> Visitor<'de> for OneOrMany {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a line of evidence, or a list of them")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Vec<String>, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Vec<String>, E> {
            Ok(Vec::new())
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<String>, E> {
            Ok(Vec::new())
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Vec<String>, D::Error> {
            d.deserialize_any(OneOrMany)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut lines = Vec::new();
            while let Some(line) = seq.next_element::<String>()? {
                lines.push(line);
            }
            Ok(lines)
        }
    }
    deserializer.deserialize_option(OneOrMany)
}

/// A YAML mapping kept in file order, duplicates included, so that validation can name them.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderedMap<V>(pub Vec<(String, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<V> OrderedMap<V> {
    /// Whether the mapping has no entries, for `skip_serializing_if`.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V: Serialize> Serialize for OrderedMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedMap<V>, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some((key, value)) = map.next_entry::<String, V>()? {
                    entries.push((key, value));
                }
                Ok(OrderedMap(entries))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<OrderedMap<V>, E> {
                Ok(OrderedMap::default())
            }
        }
        deserializer.deserialize_map(MapVisitor(std::marker::PhantomData))
    }
}

/// A profile's `date:` as its text, whatever scalar it is (`2026` included), for the check to
/// read; anything else is refused as no date.
fn date_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a date written YYYY-MM-DD (year-month-day)")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(V)
        }
    }
    deserializer.deserialize_any(V)
}

fn string_or_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    struct V;
    impl Visitor<'_> for V {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a version string")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
    }
    deserializer.deserialize_any(V)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;

    /// Parses `path` (relative to the crate) as `T`, writes it back and parses that: the second
    /// writing must equal the first, so nothing a file holds is lost or reordered on the way.
    fn round_trip<T: DeserializeOwned + Serialize>(path: &str) -> String {
        let file = format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let first: T = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let written = serde_yaml::to_string(&first).unwrap();
        let again: T = serde_yaml::from_str(&written).unwrap_or_else(|e| panic!("{path} written back: {e}"));
        assert_eq!(serde_yaml::to_string(&again).unwrap(), written, "{path}");
        written
    }

    #[test]
    fn every_file_shape_writes_what_it_reads() {
        let framework = round_trip::<RawFramework>("examples/custom-ladder/framework.yaml");
        assert!(framework.starts_with("source: "), "{framework}");
        round_trip::<RawSkillsFile>("examples/custom-ladder/skills.yaml");
        round_trip::<RawSoftSkillsFile>("examples/custom-ladder/soft-skills.yaml");
        round_trip::<RawRole>("examples/custom-ladder/roles/design/designer.yaml");
        round_trip::<RawRole>("data/dvla/roles/product-manager.yaml");
        let profile = round_trip::<RawProfile>("examples/team/priya.yaml");
        let text =
            std::fs::read_to_string(format!("{}/../../examples/team/priya.yaml", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let read: RawProfile = serde_yaml::from_str(&text).unwrap();
        assert_eq!(serde_yaml::from_str::<RawProfile>(&profile).unwrap(), read);
    }

    #[test]
    fn short_forms_are_written_short() {
        let rating = RawRating { proficiency: "working".into(), ..RawRating::default() };
        assert_eq!(serde_yaml::to_string(&rating).unwrap(), "working\n");
        let noted = RawRating { proficiency: "working".into(), note: Some("why".into()), criteria: Vec::new() };
        assert_eq!(serde_yaml::to_string(&noted).unwrap(), "proficiency: working\nnote: why\n");
        let bare = RawAssessment { proficiency: None, evidence: vec!["did it".into()], misfit: None };
        assert_eq!(serde_yaml::to_string(&bare).unwrap(), "evidence:\n- did it\n");
    }
}
