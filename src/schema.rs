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
