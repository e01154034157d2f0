//! Which framework and role a command runs on: `--data`, `--framework` and `--role`.

use anyhow::Context as _;

use crate::cli::GlobalArgs;
use crate::data;
use crate::model::Framework;
use crate::model::Scope;
use crate::resolve;

/// The loaded framework and the role picked in it, built once per command that needs both.
#[derive(Debug)]
pub struct Selected {
    pub framework: Framework,
    role: usize,
}

impl Selected {
    /// Loads the framework the flags ask for and picks the role `--role` names (or the only one,
    /// or the framework's default).
    pub fn load(global: &GlobalArgs) -> anyhow::Result<Self> {
        let framework = load_selected(global)?;
        let role = role_index(&framework, global.role.as_deref())?;
        Ok(Selected { framework, role })
    }

    /// The framework and role, as reports take them.
    pub fn scope(&self) -> Scope<'_> {
        Scope { framework: &self.framework, role: &self.framework.roles[self.role] }
    }

    /// A level of the selected role, by id, alias, display name or unique prefix.
    pub fn level(&self, name: &str) -> anyhow::Result<usize> {
        resolve::resolve_index(&self.scope().role.levels, name, "level")
    }
}

/// Loads the framework the flags ask for: `--data DIR`, `--framework NAME`, or the default.
pub fn load_selected(global: &GlobalArgs) -> anyhow::Result<Framework> {
    match (&global.data, &global.framework) {
        (Some(dir), _) => {
            // Warnings are lint: `validate` shows them; other commands run on.
            Ok(data::load_folder(dir).with_context(|| format!("cannot use data folder {}", dir.display()))?.0)
        }
        (None, Some(name)) => data::load_builtin(data::builtin_id(name)?),
        (None, None) => data::load_builtin(data::DEFAULT_FRAMEWORK),
    }
}

/// Loads the framework for commands that read profiles: `--data` or `--framework` when given,
/// else the built-in framework the profiles name (`named`), else the default. A name that is not
/// a built-in framework falls back to the default, where the profile check refuses it by file
/// and line.
pub fn load_for_profiles(global: &GlobalArgs, named: Option<&str>) -> anyhow::Result<Framework> {
    if global.names_framework() {
        return load_selected(global);
    }
    let wanted = named.map(resolve::normalise);
    let id = data::builtin_ids().into_iter().find(|id| Some(*id) == wanted.as_deref());
    data::load_builtin(id.unwrap_or(data::DEFAULT_FRAMEWORK))
}

/// Picks the role: the one named, the only one, or the framework's default.
pub fn select_role<'a>(framework: &'a Framework, role: Option<&str>) -> anyhow::Result<Scope<'a>> {
    let index = role_index(framework, role)?;
    Ok(Scope { framework, role: &framework.roles[index] })
}

fn role_index(framework: &Framework, role: Option<&str>) -> anyhow::Result<usize> {
    match role {
        Some(name) => resolve::resolve_index(&framework.roles, name, "role"),
        None if framework.roles.len() == 1 => Ok(0),
        None => match framework.default_role {
            Some(index) => Ok(index),
            None => {
                let ids: Vec<&str> = framework.roles.iter().map(|r| r.id.as_str()).collect();
                anyhow::bail!(
                    "the framework {} has {} roles; pick one with --role NAME\n  roles: {}",
                    framework.id,
                    ids.len(),
                    ids.join(", ")
                )
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn global(framework: Option<&str>, role: Option<&str>) -> GlobalArgs {
        GlobalArgs {
            format: crate::render::Format::Table,
            color: crate::cli::ColorWhen::Never,
            data: None,
            framework: framework.map(String::from),
            role: role.map(String::from),
            raw_csv: false,
        }
    }

    #[test]
    fn selects_the_framework_and_role_the_flags_name() {
        let selected = Selected::load(&global(Some("ddat"), None)).unwrap();
        assert_eq!(selected.framework.id, "ddat-2025");
        let scope = selected.scope();
        assert_eq!(scope.role.id, scope.framework.roles[0].id);
        assert_eq!(selected.level("associate").unwrap(), 0);
        assert!(selected.level("nope").unwrap_err().to_string().contains("nope"));
        let role = scope.role.id.clone();
        assert_eq!(select_role(&selected.framework, Some(&role)).unwrap().role.id, role);
        let err = Selected::load(&global(None, Some("no-such-role"))).unwrap_err();
        assert!(err.to_string().contains("unknown role `no-such-role`"), "{err}");
    }

    #[test]
    fn profiles_pick_a_builtin_framework_unless_a_flag_does() {
        let load = |flag: Option<&str>, named: Option<&str>| load_for_profiles(&global(flag, None), named).unwrap().id;
        assert_eq!(load(None, Some("ddat-2025")), "ddat-2025");
        assert_eq!(load(None, Some("DDAT 2025")), "ddat-2025");
        assert_eq!(load(None, None), data::DEFAULT_FRAMEWORK);
        // Not built in (nor a prefix of one): the default, which the profile check then refuses.
        assert_eq!(load(None, Some("ddat")), data::DEFAULT_FRAMEWORK);
        assert_eq!(load(Some("dvla"), Some("ddat-2025")), "dvla");
    }
}
