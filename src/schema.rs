//! The JSON Schema of the data files, for editors (`yaml-language-server`) to check YAML as it is
//! typed. It is kept in `schema/` as a plain file so it can be linked from a repository too.

/// The schema, as `pm-skills schema` prints it.
pub static JSON_SCHEMA: &str = include_str!("../schema/pm-skills.schema.json");

#[cfg(test)]
mod tests {
    use super::JSON_SCHEMA;
    use crate::raw::{RawFramework, RawRole, RawSkillsFile, RawSoftSkillsFile};
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
        use crate::raw::examples;
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
}
