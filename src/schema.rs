//! The JSON Schema of the data files, for editors (`yaml-language-server`) to check YAML as it is
//! typed, and of a profile, which the MCP server offers an assistant that writes one. They are
//! kept in `schema/` as plain files so they can be linked from a repository too.

/// The schema, as `pm-skills schema` prints it.
pub static JSON_SCHEMA: &str = include_str!("../schema/pm-skills.schema.json");

/// The schema of a profile.
pub static PROFILE_SCHEMA: &str = include_str!("../schema/profile.schema.json");

#[cfg(test)]
mod tests {
    use super::{JSON_SCHEMA, PROFILE_SCHEMA};
    use crate::raw::{RawFramework, RawProfile, RawRole, RawSkillsFile, RawSoftSkillsFile};
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    /// The fields serde accepts for `T`, read from its own "unknown field" message, so the schema
    /// test follows the code rather than a copy of it.
    fn accepted_fields<T: DeserializeOwned + std::fmt::Debug>(yaml_prefix: &str) -> Vec<String> {
        let text = format!("{yaml_prefix}zz_unknown_field: 1\n");
        let err = serde_yaml::from_str::<T>(&text).unwrap_err().to_string();
        let expected = err.split("expected one of ").nth(1).unwrap_or_else(|| panic!("{err}"));
        let mut fields: Vec<String> = expected.split('`').skip(1).step_by(2).map(String::from).collect();
        fields.sort();
        fields
    }

    fn schema_fields(schema: &Value, def: &str) -> Vec<String> {
        let mut fields: Vec<String> = schema["$defs"][def]["properties"].as_object().unwrap().keys().cloned().collect();
        fields.sort();
        fields
    }

    /// Checks that `value` (a written example) has exactly the properties `node` of the schema
    /// names, both ways, at every depth: a field added to a raw shape or to the schema alone fails.
    fn same_fields(value: &Value, node: &Value, schema: &Value, at: &str) {
        if let Some(target) = node["$ref"].as_str() {
            let def = target.strip_prefix("#/$defs/").unwrap();
            return same_fields(value, &schema["$defs"][def], schema, at);
        }
        if let Some(options) = node["oneOf"].as_array().or(node["anyOf"].as_array()) {
            let object = options.iter().find(|o| {
                let o = o["$ref"].as_str().map_or(*o, |r| &schema["$defs"][r.strip_prefix("#/$defs/").unwrap()]);
                o["type"] == "object"
            });
            if let (Value::Object(_), Some(object)) = (value, object) {
                return same_fields(value, object, schema, at);
            }
            return;
        }
        match value {
            Value::Object(map) if node["properties"].is_object() => {
                let properties = node["properties"].as_object().unwrap();
                let mut written: Vec<&String> = map.keys().collect();
                let mut named: Vec<&String> = properties.keys().collect();
                written.sort();
                named.sort();
                assert_eq!(written, named, "fields at {at}: the raw shape against the schema");
                for (key, inner) in map {
                    same_fields(inner, &properties[key], schema, &format!("{at}.{key}"));
                }
            }
            Value::Object(map) => {
                for (key, inner) in map {
                    same_fields(inner, &node["additionalProperties"], schema, &format!("{at}.{key}"));
                }
            }
            Value::Array(items) => {
                for item in items {
                    same_fields(item, &node["items"], schema, &format!("{at}[]"));
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_field_of_every_raw_shape_is_in_the_schema_and_back() {
        use super::examples;
        let schema: Value = serde_json::from_str(JSON_SCHEMA).expect("schema is valid JSON");
        let check = |value: Value, def: &str| same_fields(&value, &schema["$defs"][def], &schema, def);
        check(serde_json::to_value(examples::framework()).unwrap(), "frameworkFile");
        check(serde_json::to_value(examples::skills()).unwrap(), "skillsFile");
        check(serde_json::to_value(examples::soft_skills()).unwrap(), "softSkillsFile");
        check(serde_json::to_value(examples::role()).unwrap(), "roleFile");
        // The check itself fails on a field the schema does not name.
        let mut extra = serde_json::to_value(examples::role()).unwrap();
        extra["levels"][0]["skills"]["k"]["colour"] = Value::from("red");
        let missed = std::panic::catch_unwind(|| check(extra, "roleFile"));
        assert!(missed.is_err(), "an unknown rating field must fail the check");
    }

    #[test]
    fn schema_is_json_and_lists_exactly_the_fields_the_loader_accepts() {
        let schema: Value = serde_json::from_str(JSON_SCHEMA).expect("schema is valid JSON");
        assert_eq!(schema_fields(&schema, "frameworkFile"), accepted_fields::<RawFramework>(""));
        assert_eq!(schema_fields(&schema, "skillsFile"), accepted_fields::<RawSkillsFile>(""));
        assert_eq!(schema_fields(&schema, "softSkillsFile"), accepted_fields::<RawSoftSkillsFile>(""));
        assert_eq!(schema_fields(&schema, "roleFile"), accepted_fields::<RawRole>(""));
        let level = &schema["$defs"]["roleFile"]["properties"]["levels"]["items"]["properties"];
        let mut level_fields: Vec<String> = level.as_object().unwrap().keys().cloned().collect();
        level_fields.sort();
        let from_loader = accepted_fields::<RawRole>("id: r\nname: R\nskills: []\nlevels:\n  - ").into_iter();
        // The unknown field lands inside the level, so serde lists the level's fields.
        assert_eq!(level_fields, from_loader.collect::<Vec<_>>());
    }

    #[test]
    fn the_profile_schema_lists_exactly_the_fields_a_profile_takes() {
        let schema: Value = serde_json::from_str(PROFILE_SCHEMA).expect("schema is valid JSON");
        let mut top: Vec<String> = schema["properties"].as_object().unwrap().keys().cloned().collect();
        top.sort();
        assert_eq!(top, accepted_fields::<RawProfile>("name: x\n"));
        let long = &schema["$defs"]["assessment"]["anyOf"][1]["properties"];
        let mut fields: Vec<String> = long.as_object().unwrap().keys().cloned().collect();
        fields.sort();
        // Two fields are listed as "expected `a` or `b`", which `accepted_fields` does not read.
        let text = "name: x\nskills:\n  a:\n    proficiency: working\n    zz_unknown_field: 1\n";
        let err = serde_yaml::from_str::<RawProfile>(text).unwrap_err().to_string();
        let expected = err.split("expected ").nth(1).unwrap_or_else(|| panic!("{err}"));
        let mut accepted: Vec<String> = expected.split('`').skip(1).step_by(2).map(String::from).collect();
        accepted.sort();
        assert_eq!(fields, accepted);
    }
}

/// Fully populated values of every file shape (every optional field given, every list and map
/// non-empty, ratings in the long form), so the schema test can see every field the loader reads.
#[cfg(test)]
mod examples {
    use crate::raw::*;

    fn text(t: &str) -> Option<String> {
        Some(t.to_string())
    }

    fn list(t: &str) -> Vec<String> {
        vec![t.to_string()]
    }

    /// `framework.yaml`.
    pub fn framework() -> RawFramework {
        RawFramework {
            source: text("s"),
            licence: text("l"),
            id: "f".into(),
            name: "F".into(),
            version: "1".into(),
            description: text("d"),
            default_role: text("r"),
            scale: vec![RawStep { id: "a".into(), name: "A".into(), meaning: text("m") }],
            behaviour_scale: vec![RawStep { id: "b".into(), name: "B".into(), meaning: text("m") }],
        }
    }

    /// `skills.yaml`.
    pub fn skills() -> RawSkillsFile {
        let skill = RawSkill {
            id: "k".into(),
            name: "K".into(),
            aliases: list("kk"),
            description: text("d"),
            proficiencies: OrderedMap(vec![("a".into(), "looks like".into())]),
            tips: OrderedMap(vec![("a".into(), "try".into())]),
            resources: vec![RawResource { title: "t".into(), url: "https://example.org".into(), kind: text("k") }],
        };
        RawSkillsFile { source: text("s"), licence: text("l"), skills: vec![skill] }
    }

    /// `soft-skills.yaml`.
    pub fn soft_skills() -> RawSoftSkillsFile {
        let soft = RawSoftSkill {
            id: "k".into(),
            name: "K".into(),
            aliases: list("kk"),
            explanation: text("e"),
            examples: list("x"),
        };
        RawSoftSkillsFile { source: text("s"), licence: text("l"), soft_skills: vec![soft] }
    }

    /// `roles/<id>.yaml`.
    pub fn role() -> RawRole {
        let criterion = RawCriterion { statement: "c".into(), examples: list("x") };
        let rating = RawRating { proficiency: "a".into(), note: text("n"), criteria: vec![criterion] };
        let level = RawLevel {
            id: "v".into(),
            name: "V".into(),
            aliases: list("vv"),
            summary: text("s"),
            responsibilities: list("r"),
            skills: OrderedMap(vec![("k".into(), Some(rating))]),
            behaviours: OrderedMap(vec![("k".into(), "b".into())]),
        };
        RawRole {
            source: text("s"),
            licence: text("l"),
            id: "r".into(),
            name: "R".into(),
            family: text("f"),
            summary: text("s"),
            technical: text("t"),
            benefits: list("b"),
            day_in_the_life: list("d"),
            responsibilities: list("r"),
            skills: list("k"),
            levels: vec![level],
        }
    }
}
