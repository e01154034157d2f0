//! YAML → model. Every YAML call of the program lives here, so that every input surface gets the
//! same limits and the same error style.
//!
//! A framework comes from a set of [`SourceFile`]s: the files embedded at build time, or the files
//! of a folder given with `--data`. Parsing collects every problem of every file before giving up,
//! so that `validate` can report them all at once.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::validate::{Problem, Problems};

/// Files larger than this are refused before parsing. Nobody writes a framework this big by hand
/// (the 100× scale benchmark's largest file is 7 MB); and the YAML parser holds every event of a
/// document at once, about 60 bytes of memory per byte of a hostile file, so the cap is also
/// what bounds memory: 16 MiB keeps the worst case near 1 GB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The deepest folder nesting walked under a `--data` folder (also stops symlink loops).
const MAX_DEPTH: usize = 8;

/// One input file: where it came from (for messages) and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown to the user, e.g. `data/dvla/skills.yaml` or `./my-ladder/skills.yaml`.
    pub display: String,
    /// Path relative to the framework folder, with `/` separators, e.g. `roles/pm.yaml`.
    pub rel: String,
    pub text: String,
}

/// Reads a file the user named, with the size cap, UTF-8 and NUL checks every input shares.
/// `-` reads standard input.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    let stdin = path == Path::new("-");
    // Named as profiles name it, so every message about standard input says the same.
    let shown = if stdin { "<stdin>".to_string() } else { path.display().to_string() };
    let bytes = if stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| anyhow::anyhow!("cannot read standard input: {e}"))?;
        buf
    } else {
        let meta = fs::metadata(path).map_err(|e| anyhow::anyhow!("cannot read {shown}: {}", io_reason(&e)))?;
        if meta.is_dir() {
            anyhow::bail!("cannot read {shown}: it is a directory, expected a file");
        }
        if meta.len() > MAX_FILE_BYTES {
            anyhow::bail!(
                "cannot read {shown}: the file is {} MiB, over the {} MiB limit for input files",
                meta.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            );
        }
        let file = fs::File::open(path).map_err(|e| anyhow::anyhow!("cannot read {shown}: {}", io_reason(&e)))?;
        let mut buf = Vec::with_capacity(meta.len() as usize);
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| anyhow::anyhow!("cannot read {shown}: {}", io_reason(&e)))?;
        buf
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        anyhow::bail!(
            "cannot read {shown}: the input is over the {} MiB limit for input files",
            MAX_FILE_BYTES / (1024 * 1024)
        );
    }
    decode(&bytes).map_err(|why| anyhow::anyhow!("{shown}: {why}"))
}

/// Turns raw bytes into text: UTF-8 only, no NUL, a leading byte-order mark dropped.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        let line = bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(format!("line {line}: contains a NUL byte; expected a UTF-8 text file"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let pos = e.valid_up_to();
            let line = bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(format!("line {line}: invalid UTF-8 at byte {pos}; expected a UTF-8 text file"))
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            // "Too many levels of symbolic links" and friends carry no kind of their own.
            let text = e.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_lowercase()
        }
    }
}

/// Lists the YAML files of a framework folder, sorted, reading each with the shared limits.
/// A file that cannot be read becomes a problem, not an early exit.
pub fn read_folder(dir: &Path, problems: &mut Problems) -> anyhow::Result<Vec<SourceFile>> {
    let meta = fs::metadata(dir)
        .map_err(|e| anyhow::anyhow!("cannot read data folder {}: {}", dir.display(), io_reason(&e)))?;
    if !meta.is_dir() {
        anyhow::bail!("{} is not a folder; expected a framework folder holding framework.yaml", dir.display());
    }
    let mut paths = Vec::new();
    walk(dir, 0, &mut paths, problems);
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        match read_text(&path) {
            Ok(text) => files.push(SourceFile { display: path.display().to_string(), rel, text }),
            Err(e) => problems.error(path.display().to_string(), None, strip_prefix_path(&e.to_string(), &path)),
        }
    }
    Ok(files)
}

fn strip_prefix_path(message: &str, path: &Path) -> String {
    let shown = path.display().to_string();
    message
        .strip_prefix(&format!("cannot read {shown}: "))
        .or_else(|| message.strip_prefix(&format!("{shown}: ")))
        .unwrap_or(message)
        .to_string()
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>, problems: &mut Problems) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.error(dir.display().to_string(), None, format!("cannot read folder: {}", io_reason(&e)));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if depth + 1 < MAX_DEPTH {
                walk(&path, depth + 1, out, problems);
            }
        } else if is_yaml(&path) {
            // Regular files and symlinks to files; a broken or looping link is reported on read.
            out.push(path);
        }
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

/// Parses one YAML document into `T`, turning a failure into a problem with file and line.
pub fn parse<T: DeserializeOwned>(file: &SourceFile, problems: &mut Problems) -> Option<T> {
    if file.text.trim().is_empty() {
        problems.error(&file.display, None, "the file is empty; expected a YAML mapping".to_string());
        return None;
    }
    if let Err((line, message)) = check_budget(&file.text) {
        problems.error(&file.display, line, message);
        return None;
    }
    match serde_yaml::from_str::<T>(&file.text) {
        Ok(value) => Some(value),
        Err(e) => {
            let line = e.location().map(|l| l.line());
            let (message, hint) = describe_yaml_error(&e.to_string());
            problems.push(Problem::error(&file.display, line, message).with_hint(hint));
            None
        }
    }
}

/// Flow collections (`[`, `{`) nested deeper than this are refused before parsing: the YAML
/// parser's work grows with the nesting depth times the length of the file, so a 200 kB file of
/// `[[[[…` would otherwise keep it busy for minutes. Nothing real nests this deep, and the
/// deserializer refuses anything deeper than 128 levels anyway.
pub const MAX_FLOW_DEPTH: usize = 128;

const EXPANSION_REFUSED: &str =
    "aliases (`*name`) expand to far more data than the file holds, as in a \"billion laughs\" alias bomb";

/// Cheap checks that keep a hostile file from costing the parser time or memory out of proportion
/// to its size: flow nesting depth, and how far aliases expand. Returns the line (where known) and
/// the message.
fn check_budget(text: &str) -> Result<(), (Option<usize>, String)> {
    if let Some(line) = too_deep(text, MAX_FLOW_DEPTH) {
        return Err((
            Some(line),
            format!(
                "brackets `[`/`{{` nest more than {MAX_FLOW_DEPTH} deep (counting brackets inside quoted text); refused"
            ),
        ));
    }
    // Without a `*` there is no alias, and nothing can expand.
    if text.contains('*') && !expansion_fits(text, text.len().saturating_mul(4).saturating_add(1 << 20)) {
        return Err((None, format!("{EXPANSION_REFUSED}; refused")));
    }
    Ok(())
}

/// The line where flow nesting first exceeds `max`, by an estimate that never falls below the
/// parser's real depth: every `[` and `{` counts, wherever it stands, and a `]` or `}` closes the
/// latest one only when no `"`, `'`, `#`, `!` or `%` came between them. Such a character could
/// start a quoted scalar, comment, tag or directive that hides the closer from the parser; without
/// one, a closer after a real opener is a real closer, and one after a bracket inside text closes
/// only that bracket. Linear time, constant memory.
fn too_deep(text: &str, max: usize) -> Option<usize> {
    // Most files hold no opener at all. Saying so takes a scan without an early exit per byte,
    // which the compiler turns into vector instructions: a tenth of the byte-by-byte walk below.
    let opener = |chunk: &[u8]| chunk.iter().fold(false, |seen, &b| seen | (b == b'[') | (b == b'{'));
    if !text.as_bytes().chunks(64).any(opener) {
        return None;
    }
    let (mut depth, mut clean_above, mut line) = (0usize, 0usize, 1usize);
    for byte in text.bytes() {
        match byte {
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(line);
                }
            }
            b']' | b'}' if depth > clean_above => depth -= 1,
            b'"' | b'\'' | b'#' | b'!' | b'%' => clean_above = depth,
            b'\n' => line += 1,
            _ => {}
        }
    }
    None
}

/// Whether the document, with every alias expanded, stays within `budget` (one unit per node and
/// per byte of text). Walks the parsed document once without building anything, so a bomb costs
/// at most `budget` steps. A document that fails for another reason fits: the real parse reports
/// that failure in its own words.
fn expansion_fits(text: &str, budget: usize) -> bool {
    use serde::de::{DeserializeSeed, EnumAccess, SeqAccess, VariantAccess};
    use std::cell::Cell;

    #[derive(Clone, Copy)]
    struct Walk<'a>(&'a Cell<usize>);
    const OVER: &str = "pm-skills: expansion budget exceeded";

    impl Walk<'_> {
        fn spend<E: serde::de::Error>(self, units: usize) -> Result<(), E> {
            match self.0.get().checked_sub(units.saturating_add(1)) {
                Some(left) => {
                    self.0.set(left);
                    Ok(())
                }
                None => Err(E::custom(OVER)),
            }
        }
    }
    impl<'de> DeserializeSeed<'de> for Walk<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Walk<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any YAML")
        }
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_i128<E: serde::de::Error>(self, _: i128) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_u128<E: serde::de::Error>(self, _: u128) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<(), E> {
            self.spend(v.len())
        }
        fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<(), E> {
            self.spend(v.len())
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
            self.spend(0)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
        fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            self.spend(0)?;
            while seq.next_element_seed(self)?.is_some() {}
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            self.spend(0)?;
            while map.next_key_seed(self)?.is_some() {
                map.next_value_seed(self)?;
            }
            Ok(())
        }
        fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
            let ((), variant) = data.variant_seed(self)?;
            variant.newtype_variant_seed(self)
        }
    }

    let left = Cell::new(budget);
    match Walk(&left).deserialize(serde_yaml::Deserializer::from_str(text)) {
        Ok(()) => true,
        Err(e) => !e.to_string().contains(OVER),
    }
}

/// Rewrites a serde/YAML message for a person: the position goes in the prefix, and an unknown
/// field gets a did-you-mean from the fields that were expected.
fn describe_yaml_error(raw: &str) -> (String, Option<String>) {
    let mut message = match raw.find(" at line ") {
        Some(pos) => raw[..pos].to_string(),
        None => raw.to_string(),
    };
    // yaml_serde's own limits, and the names of the raw structs, said in the reader's terms.
    if message.ends_with("recursion limit exceeded") {
        message = "the YAML nests more than 128 levels deep; refused".into();
    } else if message.ends_with("repetition limit exceeded") {
        message = format!("{EXPANSION_REFUSED}; refused");
    } else if let Some(pos) = message.find("expected struct Raw") {
        message.replace_range(pos + "expected ".len().., "a mapping");
    }
    let hint = unknown_field_hint(&message);
    (message, hint)
}

fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let (field, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    crate::resolve::did_you_mean(field, candidates.iter().copied()).map(|best| format!("did you mean `{best}`?"))
}

// ---------------------------------------------------------------------------------------------
// Raw file shapes. Unknown fields are errors so that a typo never silently drops data.

/// `framework.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    pub source: Option<String>,
    pub licence: Option<String>,
    pub id: String,
    pub name: String,
    #[serde(deserialize_with = "string_or_number")]
    pub version: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub default_role: Option<String>,
    pub scale: Vec<RawStep>,
}

/// One entry of the proficiency scale.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub meaning: Option<String>,
}

/// `skills.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSkillsFile {
    pub source: Option<String>,
    pub licence: Option<String>,
    pub skills: Vec<RawSkill>,
}

/// One skill with its per-proficiency meanings.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSkill {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub proficiencies: OrderedMap<String>,
}

/// `soft-skills.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSoftSkillsFile {
    pub source: Option<String>,
    pub licence: Option<String>,
    pub soft_skills: Vec<RawSoftSkill>,
}

/// One soft skill.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSoftSkill {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub explanation: Option<String>,
    #[serde(default)]
    pub examples: Vec<String>,
}

/// `roles/<id>.yaml`: one role family with its levels.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    pub source: Option<String>,
    pub licence: Option<String>,
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub family: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub technical: Option<String>,
    #[serde(default)]
    pub benefits: Vec<String>,
    #[serde(default)]
    pub day_in_the_life: Vec<String>,
    #[serde(default)]
    pub responsibilities: Vec<String>,
    pub skills: Vec<String>,
    pub levels: Vec<RawLevel>,
}

/// One level of a role.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLevel {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub responsibilities: Vec<String>,
    pub skills: OrderedMap<RawRating>,
}

/// A level's rating of a skill: `skill: practitioner`, or the long form with a note.
#[derive(Debug, Clone)]
pub struct RawRating {
    pub proficiency: String,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLongRating {
    proficiency: String,
    #[serde(default)]
    note: Option<String>,
}

impl WordOrMapping for RawRating {
    type Long = RawLongRating;
    const EXPECTING: &'static str = "a proficiency name, or a mapping with `proficiency` and `note`";
    fn from_word(word: &str) -> Self {
        RawRating { proficiency: word.to_string(), note: None }
    }
    fn from_long(long: RawLongRating) -> Self {
        RawRating { proficiency: long.proficiency, note: long.note }
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProfile {
    pub name: String,
    /// The person's current level, if they want `gap` to default to the next one.
    #[serde(default)]
    pub level: Option<String>,
    /// The framework the profile was written for; checked against the one in use.
    #[serde(default)]
    pub framework: Option<String>,
    /// The role family, for frameworks with several.
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub skills: OrderedMap<Option<RawAssessment>>,
}

/// One skill of a profile: `skill: working`, or the long form with evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct RawAssessment {
    pub proficiency: Option<String>,
    pub evidence: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLongAssessment {
    #[serde(default)]
    proficiency: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    evidence: Vec<String>,
}

impl WordOrMapping for RawAssessment {
    type Long = RawLongAssessment;
    const EXPECTING: &'static str = "a proficiency name, or a mapping with `proficiency` and `evidence`";
    fn from_word(word: &str) -> Self {
        RawAssessment { proficiency: Some(word.to_string()), evidence: Vec::new() }
    }
    fn from_long(long: RawLongAssessment) -> Self {
        RawAssessment { proficiency: long.proficiency, evidence: long.evidence }
    }
}

impl<'de> Deserialize<'de> for RawAssessment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        word_or_mapping(deserializer)
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

/// Finds the 1-based line of the first line at or after `from` (1-based) whose content, after
/// indentation and a list dash, starts with `needle`. Used to point semantic errors at a line.
pub fn find_line(text: &str, needle: &str, from: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, line)| {
            let content = line.trim_start();
            let content = content.strip_prefix("- ").map(str::trim_start).unwrap_or(content);
            content.starts_with(needle)
        })
        .map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_drops_bom_and_rejects_nul_and_bad_utf8() {
        assert_eq!(decode(b"\xEF\xBB\xBFa: 1").unwrap(), "a: 1");
        assert!(decode(b"a: 1\nb: \0").unwrap_err().contains("line 2"));
        assert!(decode(b"a: \xff").unwrap_err().contains("invalid UTF-8"));
    }

    #[test]
    fn nesting_estimate_counts_every_opener_and_only_safe_closers() {
        assert_eq!(too_deep("a: [x, [y]]\nb: {c: [d]}\n", 2), None);
        assert_eq!(too_deep("a: [[[x]]]", 2), Some(1));
        // Closers inside quotes or after a comment or tag never cancel an opener.
        assert_eq!(too_deep("[\"]\", [']', [# ]\n[!t]", 3), Some(2));
        // Brackets inside text count, but close themselves when nothing can hide the closer.
        assert_eq!(too_deep(&"d: see [1] and {2}\n".repeat(500), 1), None);
        // The quick scan for openers looks at every 64-byte block, the last one included.
        assert_eq!(too_deep(&format!("{}[{{[", "a\n".repeat(100)), 2), Some(101));
        assert_eq!(too_deep(&"]}".repeat(100), 0), None);
    }

    #[test]
    fn evidence_is_one_line_a_list_or_nothing_and_bombs_stop_early() {
        let profile = |text: &str| {
            let file = SourceFile { display: "p.yaml".into(), rel: "p.yaml".into(), text: text.into() };
            let mut problems = Problems::default();
            parse::<RawProfile>(&file, &mut problems).ok_or(problems)
        };
        let evidence = |text: &str| {
            let p = profile(&format!("name: x\nskills:\n  a:\n    evidence: {text}\n")).unwrap();
            p.skills.0[0].1.clone().unwrap().evidence
        };
        assert_eq!(evidence("one"), ["one"]);
        assert_eq!(evidence("[one, two]"), ["one", "two"]);
        assert!(evidence("~").is_empty());
        let bomb = "name: x\nskills:\n  a:\n    evidence: [&a [x, x, x, x], &b [*a, *a, *a, *a], [*b, *b]]\n";
        let err = profile(bomb).unwrap_err();
        assert!(err.0[0].message.contains("expected a string"), "{:?}", err.0);
    }

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let (msg, hint) = describe_yaml_error(
            "unknown field `skils`, expected one of `id`, `name`, `skills`, `levels` at line 4 column 1",
        );
        assert!(msg.starts_with("unknown field `skils`"));
        assert_eq!(hint.as_deref(), Some("did you mean `skills`?"));
    }

    #[test]
    fn find_line_skips_dashes_and_indentation() {
        let text = "a: 1\nlevels:\n  - id: x\n    skills:\n      foo: working\n";
        assert_eq!(find_line(text, "id: x", 1), Some(3));
        assert_eq!(find_line(text, "foo:", 3), Some(5));
        assert_eq!(find_line(text, "id: x", 4), None);
    }
}
