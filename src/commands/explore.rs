//! The commands that read the framework and take more than one line: `show`, `skills`,
//! `soft-skills`, `diff` and `frameworks` (`levels`, `ladder` and `about` are their line in
//! [`super::run`]).

use super::Outcome;
use super::selected::Selected;
use crate::cli::DiffArgs;
use crate::model::Framework;
use crate::render::RenderOptions;
use crate::{data, report, resolve};

/// `show LEVEL`: a level of any role, named alone or as `ROLE/LEVEL`.
pub fn show(selected: &Selected, level: &str, options: &RenderOptions) -> anyhow::Result<Outcome> {
    let at = selected.level_at(level)?;
    Outcome::report(&report::show::ShowReport::build(selected.framework.scope(at), at.level), options)
}

/// `skills [SKILL]`: the list, or one skill explained.
pub fn skills(selected: &Selected, skill: Option<&str>, options: &RenderOptions) -> anyhow::Result<Outcome> {
    let scope = selected.scope()?;
    match skill {
        None => Outcome::report(&report::skills::SkillsReport::build(scope), options),
        Some(name) => {
            let index = resolve::resolve_index(&selected.framework.skills, name, "skill")?;
            Outcome::report(&report::skills::SkillReport::build(scope, index), options)
        }
    }
}

/// `soft-skills [NAME]`: the list, or one explained. Soft skills belong to the framework, so no
/// role is needed.
pub fn soft_skills(framework: &Framework, name: Option<&str>, options: &RenderOptions) -> anyhow::Result<Outcome> {
    match name {
        None => Outcome::report(&report::soft_skills::SoftSkillsReport::build(framework), options),
        Some(name) => {
            let index = resolve::resolve_index(&framework.soft_skills, name, "soft skill")?;
            Outcome::report(&report::soft_skills::SoftSkillReport::build(framework, index), options)
        }
    }
}

/// `diff FROM TO`: the net change, or with `--path` every step between.
pub fn diff(selected: &Selected, args: &DiffArgs, options: &RenderOptions) -> anyhow::Result<Outcome> {
    let DiffArgs { from: from_name, to: to_name, only_gaps, exit_code, path, .. } = args;
    let (from, to) = (selected.level_at(from_name)?, selected.level_at(to_name)?);
    let framework = &selected.framework;
    if *path {
        if from.role != to.role {
            anyhow::bail!(
                "--path follows one role's ladder, but `{}` is a level of {} and `{}` of {}; leave out --path to compare them",
                crate::text::sanitize(from_name, false),
                framework.roles[from.role].name,
                crate::text::sanitize(to_name, false),
                framework.roles[to.role].name
            );
        }
        let report = report::path::PathReport::build(framework, from.role, from.level, to.level, *only_gaps);
        return Outcome::report_gaps(&report, options, *exit_code && report.has_gaps());
    }
    let report = report::diff::DiffReport::build(framework, from, to, *only_gaps);
    Outcome::report_gaps(&report, options, *exit_code && report.has_gaps())
}

/// `frameworks`: every built-in framework.
pub fn frameworks(options: &RenderOptions) -> anyhow::Result<Outcome> {
    let frameworks = data::builtin_ids().into_iter().map(data::load_builtin).collect::<anyhow::Result<Vec<_>>>()?;
    Outcome::report(&report::frameworks::FrameworksReport::build(&frameworks, data::DEFAULT_FRAMEWORK), options)
}
