//! Which framework and role a command runs on: `--data`, `--framework` and `--role`.

use crate::cli::GlobalArgs;
use crate::data::role_index;
pub use crate::data::select_role;
use crate::model::{Framework, LevelAt, Scope};
use crate::resolve;

/// The loaded framework and the role picked in it, built once per command.
#[derive(Debug)]
pub struct Selected {
    pub framework: Framework,
    /// The role `--role` names, or the only one, or the framework's default; `None` when the
    /// framework has several roles and no default, which only a command that needs a role
    /// refuses.
    role: Option<usize>,
}

impl Selected {
    /// Loads the framework the flags ask for and picks the role `--role` names (or the only one,
    /// or the framework's default).
    pub fn load(global: &GlobalArgs) -> anyhow::Result<Self> {
        let framework = load_selected(global)?;
        let role = match global.role.as_deref() {
            Some(name) => Some(resolve::resolve_index(&framework.roles, name, "role")?),
            None => role_index(&framework, None).ok(),
        };
        Ok(Selected { framework, role })
    }

    /// The framework and role, as reports take them; an error naming the roles when there is no
    /// role to pick.
    pub fn scope(&self) -> anyhow::Result<Scope<'_>> {
        let role = match self.role {
            Some(role) => role,
            None => role_index(&self.framework, None)?,
        };
        Ok(Scope { framework: &self.framework, role: &self.framework.roles[role] })
    }

    /// The index of the selected role, when there is one.
    pub fn role(&self) -> Option<usize> {
        self.role
    }

    /// A level anywhere in the framework: `ROLE/LEVEL`, or a bare name, looked up in the selected
    /// role first (see [`resolve::resolve_level`]).
    pub fn level_at(&self, name: &str) -> anyhow::Result<LevelAt> {
        resolve::resolve_level(&self.framework, name, self.role)
    }

    /// A level of the selected role, by id, alias, display name or unique prefix, or as
    /// `ROLE/LEVEL` naming that role.
    pub fn level(&self, name: &str) -> anyhow::Result<usize> {
        let scope = self.scope()?;
        let at = self.level_at(name)?;
        let role = &self.framework.roles[at.role];
        if role.id != scope.role.id {
            anyhow::bail!(
                "`{}` is a level of the role {}, not of {}; pick that role with --role {}",
                crate::text::sanitize(name, false),
                role.id,
                scope.role.id,
                role.id
            );
        }
        Ok(at.level)
    }
}

/// Loads the framework the flags ask for: `--data DIR`, `--framework NAME`, or the default.
pub fn load_selected(global: &GlobalArgs) -> anyhow::Result<Framework> {
    global.selection().load()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

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
        let scope = selected.scope().unwrap();
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
        let load = |flag: Option<&str>, named: Option<&str>| {
            global(flag, None).selection().load_for_profiles(named).unwrap().id
        };
        assert_eq!(load(None, Some("ddat-2025")), "ddat-2025");
        assert_eq!(load(None, Some("DDAT 2025")), "ddat-2025");
        assert_eq!(load(None, None), data::DEFAULT_FRAMEWORK);
        // Not built in (nor a prefix of one): the default, which the profile check then refuses.
        assert_eq!(load(None, Some("ddat")), data::DEFAULT_FRAMEWORK);
        assert_eq!(load(Some("dvla"), Some("ddat-2025")), "dvla");
    }
}
