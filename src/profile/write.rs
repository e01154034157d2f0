//! Writing profiles: the template `profile new` prints and the profile `assess` writes. Both list
//! every skill (and every soft skill the role rates) with what each step means in comments, so the
//! file explains itself to whoever opens it next, and both read back through [`super::check`] to
//! the profile they were written from.

use std::fmt::Write as _;

use super::Voice;
use crate::model::{Assessment, Level, LevelAt, Profile, Role, Scope};

/// The YAML template `profile new` prints: every skill of the role, commented with what each
/// proficiency looks like for it, left unassessed (`~`) for the person to fill in, dated `date`
/// and rated by `assessor`. `invocation` starts the command the template suggests
/// (`pm-skills --data DIR`).
pub fn template(
    scope: Scope,
    level: Option<usize>,
    date: jiff::civil::Date,
    assessor: &str,
    invocation: &str,
    also: Option<LevelAt>,
) -> String {
    let name = match Voice::of(Some(assessor)) {
        Voice::Own => "Your Name",
        Voice::Other => "Their Name",
    };
    let mut blank = Profile::empty("", name, 0);
    blank.level = level;
    blank.date = Some(date);
    blank.assessor = Some(assessor.to_string());
    to_yaml(scope, &blank, invocation, also)
}

/// The soft skills the role's levels rate, in framework order: the ones a profile is asked about.
/// None when the framework has no behaviour scale.
pub fn rated_soft_skills(scope: Scope) -> Vec<usize> {
    if scope.framework.behaviour_scale.is_empty() {
        return Vec::new();
    }
    let mut rated: Vec<usize> = scope.role.levels.iter().flat_map(|l| l.behaviours.iter().map(|&(s, _)| s)).collect();
    rated.sort_unstable();
    rated.dedup();
    rated
}

/// A profile as YAML, in the role's order, with the same comments as the template. Every skill
/// of the role is listed (`~` where unassessed), in the short form, or the long form where there
/// is evidence; so is every soft skill the role rates, in a `behaviours:` section. A skill or soft
/// skill the profile rates outside the role is kept after the others, and so is, `~` where
/// unassessed, every one that `also` rates (`--for`: a level of another role to compare with).
/// The profile's `file` and `role` are not written: the scope gives the role.
pub fn to_yaml(scope: Scope, profile: &Profile, invocation: &str, also: Option<LevelAt>) -> String {
    let framework = scope.framework;
    let voice = Voice::of(profile.assessor.as_deref());
    let mut expecting: Vec<(String, &Role, &Level)> = Vec::with_capacity(2);
    if let Some(i) = profile.level {
        expecting.push((format!("{} level", voice.their()), scope.role, &scope.role.levels[i]));
    }
    let also = also.map(|at| (framework.qualified(at), &framework.roles[at.role], framework.level(at)));
    expecting.extend(also.clone());
    let soft = soft_skills_listed(scope, profile, also.as_ref().map(|a| a.2));
    let mut out = header(scope, profile, invocation, !soft.is_empty(), also.as_ref().map(|a| a.0.as_str()));
    let _ = writeln!(out, "skills:");
    let mut outside: Vec<usize> = profile.skills.iter().map(|(s, _)| *s).collect();
    outside.extend(also.as_ref().map(|(_, role, level)| role.rated_by(level)).unwrap_or_default());
    outside.retain(|s| !scope.role.skills.contains(s));
    outside.sort_unstable();
    outside.dedup();
    for &s in scope.role.skills.iter().chain(&outside) {
        let skill = &framework.skills[s];
        let _ = writeln!(out, "\n  # {}: {}", one_line(&skill.name), one_line(&skill.description));
        for (step, meaning) in framework.scale.iter().zip(&skill.proficiencies) {
            let _ = writeln!(out, "  #   {}: {}", step.id, one_line(meaning));
        }
        if !scope.role.skills.contains(&s) {
            let _ = writeln!(out, "  #   (not a skill of the {} role)", one_line(&scope.role.name));
        }
        for (label, role, level) in &expecting {
            let own = std::ptr::eq(*role, scope.role);
            let need = role.rating_of(level, s).map(|r| framework.scale[r.proficiency].id.as_str());
            // The person's level says it expects nothing of a skill of the role; of another
            // role's, it is silent.
            if let Some(need) = need.or((own && scope.role.skills.contains(&s)).then_some("nothing of this skill")) {
                let _ = writeln!(out, "  #   ({label} expects {need})");
            }
        }
        entry(&mut out, &skill.id, profile.assessment(s), &framework.scale);
    }
    if !soft.is_empty() {
        let _ = writeln!(out, "\nbehaviours:");
    }
    for s in soft {
        let soft_skill = &framework.soft_skills[s];
        let _ = writeln!(out, "\n  # {}: {}", one_line(&soft_skill.name), one_line(&soft_skill.explanation));
        for step in &framework.behaviour_scale {
            let _ = writeln!(out, "  #   {}: {}", step.id, one_line(&step.meaning));
        }
        for (label, role, level) in &expecting {
            let need = level.behaviour(s).map(|step| framework.behaviour_scale[step].id.as_str());
            if let Some(need) = need.or(std::ptr::eq(*role, scope.role).then_some("nothing of this soft skill")) {
                let _ = writeln!(out, "  #   ({label} expects {need})");
            }
        }
        entry(&mut out, &soft_skill.id, profile.behaviour(s), &framework.behaviour_scale);
    }
    out
}

/// The comments that explain the file, then the fields before `skills:`. `also` is the
/// `ROLE/LEVEL` the file also lists the skills of.
fn header(scope: Scope, profile: &Profile, invocation: &str, soft: bool, also: Option<&str>) -> String {
    let framework = scope.framework;
    let ids = |steps: &[crate::model::ScaleStep]| steps.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ");
    let voice = Voice::of(profile.assessor.as_deref());
    let mut out = String::new();
    match voice {
        Voice::Own => {
            let _ = writeln!(out, "# A pm-skills self-assessment profile.");
        }
        Voice::Other => {
            let by = one_line(profile.assessor.as_deref().unwrap_or_default());
            let _ = writeln!(out, "# A pm-skills profile: an assessment by {by} of the person named below.");
        }
    }
    let _ = writeln!(out, "# For each skill, replace ~ with one of: {} (lowest first).", ids(&framework.scale));
    if soft {
        let scale = ids(&framework.behaviour_scale);
        let _ = writeln!(out, "# For each soft skill, replace ~ with one of: {scale} (lowest first).");
    }
    let yourself = if voice == Voice::Own { "yourself" } else { "them" };
    let _ = writeln!(out, "# Leave ~ where you have not assessed {yourself}: it counts as unassessed, never as met.");
    let _ = writeln!(out, "# Evidence is optional; use the long form:");
    let top = framework.scale.last().map_or("expert", |s| s.id.as_str());
    let they = voice.they();
    let _ = writeln!(out, "#   skill-id:\n#     proficiency: {top}\n#     evidence:\n#       - what {they} did");
    match also {
        None => {
            let _ = writeln!(out, "# Then run: {} gap --profile THIS-FILE", one_line(invocation));
        }
        Some(at) => {
            let at = one_line(at);
            let _ =
                writeln!(out, "# It also lists the skills {at} rates, to compare {} with that level.", voice.them());
            let _ = writeln!(out, "# Then run: {} gap --profile THIS-FILE --to {at}", one_line(invocation));
        }
    }
    let _ = writeln!(out, "name: {}", yaml_string(&profile.name));
    if let Some(date) = profile.date {
        let _ = writeln!(out, "date: {date}");
    }
    if let Some(assessor) = &profile.assessor {
        let _ = writeln!(out, "assessor: {}", yaml_string(assessor));
    }
    let _ = writeln!(out, "framework: {}", framework.id);
    if framework.roles.len() > 1 {
        let _ = writeln!(out, "role: {}", scope.role.id);
    }
    let levels = &scope.role.levels;
    match profile.level {
        Some(i) => {
            let _ = writeln!(out, "level: {}   # {}", levels[i].id, one_line(&levels[i].name));
        }
        None => {
            let _ = writeln!(out, "# level: {}   # {} current level (optional)", levels[0].id, voice.their());
        }
    }
    if let Some(i) = profile.target {
        let _ = writeln!(out, "target: {}   # {}", levels[i].id, one_line(&levels[i].name));
    }
    out
}

/// The soft skills a profile lists: those the role rates, those `also` rates and any other the
/// profile rates, in framework order; none when the framework has no behaviour scale.
fn soft_skills_listed(scope: Scope, profile: &Profile, also: Option<&Level>) -> Vec<usize> {
    let mut soft = rated_soft_skills(scope);
    if !scope.framework.behaviour_scale.is_empty() {
        soft.extend(profile.behaviours.iter().map(|(s, _)| *s));
        soft.extend(also.into_iter().flat_map(|l| l.behaviours.iter().map(|&(s, _)| s)));
        soft.sort_unstable();
        soft.dedup();
    }
    soft
}

/// One `id: step` line, or the long form when there is evidence; `~` when unassessed.
fn entry(out: &mut String, id: &str, assessment: Option<&Assessment>, scale: &[crate::model::ScaleStep]) {
    match assessment {
        None => {
            let _ = writeln!(out, "  {id}: ~");
        }
        Some(a) if a.evidence.is_empty() => {
            let _ = writeln!(out, "  {id}: {}", scale[a.proficiency].id);
        }
        Some(a) => {
            let _ = writeln!(out, "  {id}:\n    proficiency: {}\n    evidence:", scale[a.proficiency].id);
            for line in &a.evidence {
                let _ = writeln!(out, "      - {}", yaml_string(line));
            }
        }
    }
}

/// Text for a YAML comment: one line, no control characters.
fn one_line(text: &str) -> String {
    crate::text::sanitize(text, false).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A double-quoted YAML scalar that always reads back as `text`, whatever it holds: quotes, `: `,
/// `#`, a leading `-`, line breaks, and characters YAML may not carry as they are (control
/// characters, DEL, C1 controls, the byte-order mark, and the line and paragraph separators, which
/// some readers take as line breaks) are escaped; everything else is written as it is.
pub fn yaml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            ' '..='~' | '\u{a0}'..='\u{2027}' | '\u{202a}'..='\u{d7ff}' | '\u{e000}'..='\u{fefe}' => out.push(c),
            '\u{ff00}'..='\u{fffd}' | '\u{10000}'.. => out.push(c),
            c if (c as u32) <= 0xffff => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;
    use crate::diagnostics::Problems;
    use crate::model::Framework;
    use crate::profile::{RawProfileFile, SkillLookup, check};
    use crate::raw::RawProfile;
    use crate::source::SourceFile;

    fn read_back(scope: Scope, text: &str) -> Profile {
        let file = SourceFile { display: "me.yaml".into(), rel: "me.yaml".into(), text: text.into() };
        let mut problems = Problems::default();
        let raw = crate::yaml::parse::<RawProfile>(&file, &mut problems)
            .unwrap_or_else(|| panic!("{:?}\n{text}", problems.0));
        check(RawProfileFile { file, raw, problems: Problems::default() }, scope, &SkillLookup::new(scope.framework))
            .unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    fn custom_ladder() -> Framework {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-ladder");
        data::load_folder(&dir).unwrap().0
    }

    /// Awkward evidence: quotes, `: `, `#`, a leading `-`, unicode, a line break, control
    /// characters and characters YAML cannot carry raw.
    const AWKWARD: [&str; 10] = [
        "Said \"no\" to the 'big bang' release",
        "Scope: cut by half; risk: low",
        "Ran #1 retro # not a comment",
        "- led the review",
        "Réunion à Zürich — 日本語 ✓ 🚀",
        "First line\nsecond line",
        "  spaces kept  ",
        "tab\there, \\backslash\\, \u{1b}[31mred\u{1b}[0m",
        "del \u{7f} nel \u{85} bom \u{feff} ls \u{2028} ps \u{2029} ff \u{ffff}",
        "~",
    ];

    fn assessment(proficiency: usize, evidence: &[&str]) -> Assessment {
        Assessment { proficiency, evidence: evidence.iter().map(|e| e.to_string()).collect() }
    }

    #[test]
    fn a_profile_with_evidence_date_and_assessor_reads_back_the_same() {
        let f = data::load_builtin("dvla").unwrap();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let mut p = Profile::empty("me.yaml", "Ada \"the Countess\" Lovelace: #1", 0);
        p.level = Some(0);
        p.target = Some(2);
        p.date = Some("2026-03-02".parse().unwrap());
        p.assessor = Some("Dana Reyes".into());
        p.skills = vec![
            (0, assessment(3, &AWKWARD[..5])),
            (2, assessment(1, &[])),
            (5, assessment(2, &AWKWARD[5..])),
            (9, assessment(0, &["one"])),
        ];
        let text = to_yaml(scope, &p, "pm-skills", None);
        assert_eq!(read_back(scope, &text), p, "{text}");
        let top = text.find("skills:").unwrap();
        for field in ["name:", "date: 2026-03-02\n", "assessor: \"Dana Reyes\"", "target: lead   # Lead"] {
            assert!(text[..top].contains(field), "{field} near the top: {text}");
        }
        assert!(text.contains("  agile-working:\n    proficiency: expert\n    evidence:\n      - \"Said"), "{text}");
        assert!(text.contains("  experience-of-working-within-constraints: working\n"), "{text}");
        assert!(text.contains("  lifecycle-perspective: ~\n"), "{text}");
        assert!(!text.contains("behaviours:"), "the DVLA framework rates no soft skills");
    }

    #[test]
    fn behaviours_are_written_with_the_scale_and_read_back() {
        let f = custom_ladder();
        let designer = f.roles.iter().position(|r| r.id == "designer").unwrap();
        let scope = Scope { framework: &f, role: &f.roles[designer] };
        let mut p = Profile::empty("me.yaml", "Sam", designer);
        p.level = Some(0);
        p.date = Some("2026-06-01".parse().unwrap());
        p.assessor = Some("self".into());
        p.skills = vec![(2, assessment(4, &["Ran a sketching day"]))];
        p.behaviours = vec![(0, assessment(2, &AWKWARD[3..6])), (1, assessment(0, &[]))];
        let text = to_yaml(scope, &p, "pm-skills", None);
        assert_eq!(read_back(scope, &text), p, "{text}");
        assert!(text.contains("# For each soft skill, replace ~ with one of: emerging, steady, model"), "{text}");
        assert!(text.contains("\nbehaviours:\n\n  # Curiosity: Wanting to know why.\n"), "{text}");
        assert!(text.contains("  #   steady: Shows it most days without a prompt.\n"), "{text}");
        // The designer level rates curiosity (emerging) and not patience.
        assert!(text.contains("  #   (your level expects emerging)\n  curiosity:\n    proficiency: model"), "{text}");
        assert!(text.contains("  #   (your level expects nothing of this soft skill)\n  patience: emerging"), "{text}");
        // Unrated ones are listed, to fill in.
        p.behaviours.clear();
        let text = to_yaml(scope, &p, "pm-skills", None);
        assert!(text.contains("  curiosity: ~\n") && text.contains("  patience: ~\n"), "{text}");
        assert_eq!(read_back(scope, &text), p);
    }

    #[test]
    fn a_role_that_rates_no_soft_skills_gets_no_behaviours_section() {
        let f = custom_ladder();
        let engineer = f.roles.iter().position(|r| r.id == "engineer").unwrap();
        let scope = Scope { framework: &f, role: &f.roles[engineer] };
        assert!(rated_soft_skills(scope).is_empty());
        let mut p = Profile::empty("me.yaml", "Sam", engineer);
        let text = to_yaml(scope, &p, "pm-skills", None);
        assert!(!text.contains("behaviours") && !text.contains("soft skill"), "{text}");
        // A soft skill the profile rates anyway is kept, as is a skill of another role.
        p.behaviours = vec![(1, assessment(1, &["Waited"]))];
        p.skills = vec![(0, assessment(2, &[])), (2, assessment(3, &[]))];
        let text = to_yaml(scope, &p, "pm-skills", None);
        assert!(text.contains("  #   (not a skill of the Engineer role)\n  sketching: "), "{text}");
        assert_eq!(read_back(scope, &text), p, "{text}");
    }

    #[test]
    fn template_round_trips_as_an_all_unassessed_profile() {
        let f = data::load_builtin("dvla").unwrap();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let text = template(scope, Some(0), "2026-03-02".parse().unwrap(), "self", "pm-skills", None);
        let p = read_back(scope, &text);
        assert_eq!(
            (p.level, p.date.map(|d| d.to_string()).as_deref(), p.assessor.as_deref()),
            (Some(0), Some("2026-03-02"), Some("self"))
        );
        assert!(p.skills.is_empty());
        assert_eq!(text.matches(": ~").count(), 10);
        assert!(text.contains("#   expert:"));
    }

    #[test]
    fn yaml_strings_escape_what_yaml_cannot_carry() {
        assert_eq!(yaml_string("plain"), "\"plain\"");
        assert_eq!(yaml_string("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
        assert_eq!(yaml_string("\u{7f}\u{85}\u{feff}\u{2028}"), "\"\\u007f\\u0085\\ufeff\\u2028\"");
        assert_eq!(yaml_string("é 🚀"), "\"é 🚀\"");
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_back_as_written(name in "\\PC{1,30}", evidence in proptest::collection::vec(proptest::prelude::any::<String>(), 0..4)) {
            let f = data::load_builtin("dvla").unwrap();
            let scope = Scope { framework: &f, role: &f.roles[0] };
            proptest::prop_assume!(!name.trim().is_empty());
            let mut p = Profile::empty("me.yaml", name.clone(), 0);
            p.assessor = Some(name.trim().to_string()).filter(|a| !a.is_empty());
            p.skills = vec![(1, Assessment { proficiency: 2, evidence: evidence.clone() })];
            let text = to_yaml(scope, &p, "pm-skills", None);
            proptest::prop_assert_eq!(read_back(scope, &text), p);
        }
    }
}
