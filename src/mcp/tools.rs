//! The tools: each is a command of the same name, asked with `--format json`. A tool's arguments
//! become that command's arguments (values as `--option=VALUE`, names after `--`, so no value is
//! ever read as an option), and the command line is parsed as a typed one is; paths are checked
//! against the `--profiles` folders first, and YAML text is read where `-` would read.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rmcp::model::{JsonObject, Tool};
use serde_json::{Value, json};

/// How a tool's argument reaches its command.
#[derive(Clone, Copy)]
enum Takes {
    /// A name or a level, in order after the options.
    Name,
    /// `--option=VALUE`.
    Value(&'static str),
    /// `--flag` when true.
    Flag(&'static str),
    /// `--option=N`, a whole number.
    Number(&'static str),
    /// A profile, as `profile` (a path) or `profile_yaml` (its text): `--option=PATH` or `-`.
    Profile(&'static str),
    /// `--option=DIR`, a folder inside the `--profiles` folders.
    Folder(&'static str),
    /// Files inside the `--profiles` folders, in order after the options.
    Files,
}

struct Param {
    name: &'static str,
    takes: Takes,
    required: bool,
    what: &'static str,
}

const fn arg(name: &'static str, takes: Takes, what: &'static str) -> Param {
    Param { name, takes, required: false, what }
}

const fn needed(name: &'static str, takes: Takes, what: &'static str) -> Param {
    Param { name, takes, required: true, what }
}

/// One tool: its name, the command it asks, what it answers, its arguments.
pub struct Spec {
    pub name: &'static str,
    command: &'static str,
    what: &'static str,
    params: &'static [Param],
}

const LEVEL: &str =
    "a level, by id, alias, display name or unique prefix, any case; ROLE/LEVEL names one of another role";
const TO: &str =
    "the level to compare with (a level as for `show`); by default the profile's target, else the level above its own";
const PROFILE: Param = arg("profile", Takes::Profile("--profile"), "");
const ONLY_GAPS: Param = arg("only_gaps", Takes::Flag("--only-gaps"), "only the skills that must grow");

/// Every tool, in the order they are listed.
pub const TOOLS: &[Spec] = &[
    Spec {
        name: "levels",
        command: "levels",
        what: "The levels of the role in seniority order, with ids, aliases and summaries.",
        params: &[],
    },
    Spec {
        name: "show",
        command: "show",
        what: "One level: its summary, responsibilities and the proficiency it needs in every skill.",
        params: &[needed("level", Takes::Name, LEVEL)],
    },
    Spec {
        name: "skills",
        command: "skills",
        what: "The skills, or one skill explained: what it is, each proficiency, and what each level needs.",
        params: &[arg("skill", Takes::Name, "a skill, by id, alias, name or unique prefix; none lists them all")],
    },
    Spec {
        name: "soft_skills",
        command: "soft-skills",
        what: "The soft skills, or one explained with examples of it in practice.",
        params: &[arg("name", Takes::Name, "a soft skill, by id, alias, name or unique prefix; none lists them all")],
    },
    Spec {
        name: "diff",
        command: "diff",
        what: "Two levels compared skill by skill: what must grow, biggest gaps first.",
        params: &[
            needed("from", Takes::Name, LEVEL),
            needed("to", Takes::Name, LEVEL),
            ONLY_GAPS,
            arg("path", Takes::Flag("--path"), "also each step of the ladder between the two levels"),
        ],
    },
    Spec {
        name: "moves",
        command: "moves",
        what: "Where one can go from a level: the next level up, then the closest level of every other role.",
        params: &[
            needed("level", Takes::Name, LEVEL),
            arg("limit", Takes::Number("--limit"), "the most moves across roles listed (10 by default)"),
        ],
    },
    Spec {
        name: "gap",
        command: "gap",
        what: "A person's self-assessment compared with a level, or a team's (team): what must grow.",
        params: &[
            PROFILE,
            arg("team", Takes::Folder("--team"), "a folder of profiles, one a person, inside a --profiles folder"),
            arg("to", Takes::Value("--to"), TO),
            ONLY_GAPS,
        ],
    },
    Spec {
        name: "fit",
        command: "fit",
        what: "A person (or a team) placed on every level of every role: the best fit and the closest next levels.",
        params: &[
            PROFILE,
            arg("team", Takes::Folder("--team"), "a folder of profiles, one a person, inside a --profiles folder"),
            arg("limit", Takes::Number("--limit"), "the most levels listed"),
        ],
    },
    Spec {
        name: "plan",
        command: "plan",
        what: "A development plan from a profile: each gap, its evidence, how to grow, actions.",
        params: &[PROFILE, arg("to", Takes::Value("--to"), TO)],
    },
    Spec {
        name: "progress",
        command: "progress",
        what: "One person's check-ins over time: which gaps closed, opened or remain.",
        params: &[
            arg("files", Takes::Files, "the check-ins, profiles of one person, inside a --profiles folder"),
            arg(
                "history",
                Takes::Folder("--history"),
                "a folder of one person's check-ins, inside a --profiles folder",
            ),
            arg("to", Takes::Value("--to"), TO),
            ONLY_GAPS,
        ],
    },
    Spec {
        name: "route",
        command: "route",
        what: "The cheapest route from a level (or a person's profile) to another level: moves up a ladder and across roles.",
        params: &[
            arg("from", Takes::Name, "the level to start from (a level as for `show`); leave it out with a profile"),
            needed("to", Takes::Name, LEVEL),
            PROFILE,
            arg("via", Takes::Value("--via"), "a role the route must pass through"),
            arg("max_steps", Takes::Number("--max-steps"), "the most moves a route may take"),
        ],
    },
];

const ROLE: &str = "the role family whose levels a bare level name means, when the framework has several";
const PROFILE_PATH: &str = "a profile file, inside a --profiles folder (a relative path is taken in the first)";
const PROFILE_YAML: &str = "a profile as YAML text, instead of a file (what `pm-skills profile new` prints, filled in)";

/// The tools as the protocol lists them, each with the JSON Schema of its arguments.
pub fn list() -> Vec<Tool> {
    TOOLS.iter().map(|spec| Tool::new(spec.name, spec.what, Arc::new(schema(spec)))).collect()
}

fn schema(spec: &Spec) -> JsonObject {
    let mut properties = serde_json::Map::new();
    for param in spec.params {
        match param.takes {
            Takes::Profile(_) => {
                properties.insert("profile".into(), json!({ "type": "string", "description": PROFILE_PATH }));
                properties.insert("profile_yaml".into(), json!({ "type": "string", "description": PROFILE_YAML }));
            }
            Takes::Flag(_) => {
                drop(properties.insert(param.name.into(), json!({ "type": "boolean", "description": param.what })))
            }
            Takes::Number(_) => drop(
                properties
                    .insert(param.name.into(), json!({ "type": "integer", "minimum": 1, "description": param.what })),
            ),
            Takes::Files => drop(properties.insert(
                param.name.into(),
                json!({ "type": "array", "items": { "type": "string" }, "description": param.what }),
            )),
            Takes::Name | Takes::Value(_) | Takes::Folder(_) => {
                drop(properties.insert(param.name.into(), json!({ "type": "string", "description": param.what })))
            }
        }
    }
    properties.insert("role".into(), json!({ "type": "string", "description": ROLE }));
    let required: Vec<&str> = spec.params.iter().filter(|p| p.required).map(|p| p.name).collect();
    let schema =
        json!({ "type": "object", "properties": properties, "required": required, "additionalProperties": false });
    match schema {
        Value::Object(object) => object,
        _ => unreachable!("a schema is an object"),
    }
}

/// A tool's call as a command line, and the YAML text `-` stands for, if any; or why it is refused.
pub struct Call {
    pub args: Vec<String>,
    pub stdin: Option<Vec<u8>>,
}

/// The command line of a call to `spec` with `arguments`, every path checked against `folders`.
pub fn command_line(spec: &Spec, arguments: &JsonObject, folders: &[PathBuf]) -> Result<Call, String> {
    let known = |name: &str| {
        name == "role"
            || spec
                .params
                .iter()
                .any(|p| p.name == name || (matches!(p.takes, Takes::Profile(_)) && name == "profile_yaml"))
    };
    if let Some(unknown) = arguments.keys().find(|k| !known(k)) {
        return Err(format!("`{}` takes no argument `{unknown}`", spec.name));
    }
    let mut call = Call { args: vec!["pm-skills".into(), spec.command.into(), "--format=json".into()], stdin: None };
    let mut names = Vec::new();
    if let Some(role) = arguments.get("role") {
        call.args.push(format!("--role={}", text(role, "role")?));
    }
    for param in spec.params {
        let value = arguments.get(param.name);
        match param.takes {
            Takes::Profile(option) => {
                match (value, arguments.get("profile_yaml")) {
                    (Some(_), Some(_)) => return Err("give `profile` or `profile_yaml`, not both".into()),
                    (Some(path), None) => {
                        let path = inside(folders, &text(path, "profile")?, false)?;
                        call.args.push(format!("{option}={}", path.display()));
                    }
                    (None, Some(yaml)) => {
                        call.stdin = Some(text(yaml, "profile_yaml")?.into_bytes());
                        call.args.push(format!("{option}=-"));
                    }
                    (None, None) => {}
                }
                continue;
            }
            _ if value.is_none() => continue,
            _ => {}
        }
        let Some(value) = value else { continue };
        match param.takes {
            Takes::Name => names.push(text(value, param.name)?),
            Takes::Value(option) => call.args.push(format!("{option}={}", text(value, param.name)?)),
            Takes::Flag(flag) => match value {
                Value::Bool(true) => call.args.push(flag.into()),
                Value::Bool(false) => {}
                _ => return Err(format!("`{}` is true or false", param.name)),
            },
            Takes::Number(option) => match value.as_u64() {
                Some(n) => call.args.push(format!("{option}={n}")),
                None => return Err(format!("`{}` is a whole number", param.name)),
            },
            Takes::Folder(option) => {
                let path = inside(folders, &text(value, param.name)?, true)?;
                call.args.push(format!("{option}={}", path.display()));
            }
            Takes::Files => {
                let Some(files) = value.as_array() else {
                    return Err(format!("`{}` is a list of paths", param.name));
                };
                for file in files {
                    names.push(inside(folders, &text(file, param.name)?, false)?.display().to_string());
                }
            }
            Takes::Profile(_) => {}
        }
    }
    call.args.push("--".into());
    call.args.extend(names);
    Ok(call)
}

fn text(value: &Value, name: &str) -> Result<String, String> {
    value.as_str().map(str::to_owned).ok_or_else(|| format!("`{name}` is text"))
}

/// `given` as a path inside one of `folders` (already canonical), with every link followed: a
/// path outside them, or a link that leads out, is refused before anything is read.
pub fn inside(folders: &[PathBuf], given: &str, folder: bool) -> Result<PathBuf, String> {
    let Some(first) = folders.first() else {
        return Err("this server reads no profile files: it was started without --profiles DIR; give the profile as YAML text (profile_yaml)".into());
    };
    let path = Path::new(given);
    let path = if path.is_absolute() { path.to_path_buf() } else { first.join(path) };
    let real =
        std::fs::canonicalize(&path).map_err(|e| format!("cannot read {given}: {}", crate::source::io_reason(&e)))?;
    if !folders.iter().any(|f| real.starts_with(f)) {
        let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        let what = if link { "a symbolic link to a place outside" } else { "outside" };
        return Err(format!("cannot read {given}: it is {what} the folders this server reads (--profiles); refused"));
    }
    if folder != real.is_dir() {
        let want = if folder { "a folder" } else { "a file" };
        return Err(format!("cannot read {given}: expected {want}"));
    }
    Ok(real)
}
