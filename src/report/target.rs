//! Which level a person is compared with when no one level is given for everyone, and why: one
//! rule that `gap`, `gap --team`, `plan`, `gap --review`, `progress` and `fit` all call.

use serde::Serialize;

use crate::diagnostics::MAX_OF_A_KIND;
use crate::model::{Framework, LevelAt, Profile};

/// Where a person's target came from, so a reader knows why it is this one. `gap`, `plan`,
/// `progress` and `gap --review` choose it alike ([`Target::of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[serde(into = "&'static str")]
#[strum(serialize_all = "lowercase")]
pub enum TargetFrom {
    /// `--to`: the same level for everyone.
    To,
    /// The profile's `target:`.
    Profile,
    /// The level above the profile's `level:`.
    Next,
    /// Already at the top of their ladder with no `target:`: their own level, to check they meet it.
    Top,
}

/// The level a person is compared with, and why that one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub at: LevelAt,
    pub from: TargetFrom,
}

impl Target {
    /// A person's own target when no `--to` is given: the profile's `target:`, else the level
    /// above their `level:`, else (at the top of the ladder) their own level. `None` when the
    /// profile names neither a level nor a target, so nothing says what to compare them with.
    pub fn of(framework: &Framework, profile: &Profile) -> Option<Target> {
        let role = profile.role;
        if let Some(level) = profile.target {
            return Some(Target { at: LevelAt { role, level }, from: TargetFrom::Profile });
        }
        let level = profile.level?;
        Some(if level + 1 < framework.roles[role].levels.len() {
            Target { at: LevelAt { role, level: level + 1 }, from: TargetFrom::Next }
        } else {
            Target { at: LevelAt { role, level }, from: TargetFrom::Top }
        })
    }

    /// The target of a person seen alone (`gap -p`, `plan`, `gap --review`, the latest check-in of
    /// `progress`): `to` when given, else their own ([`Target::of`]). Alone, a person at the top of
    /// the ladder with no `target:` is told to name one, since a report on their own level is a
    /// team's check, not a next step. `who` names them in the error: their file, and what it is.
    pub fn alone(framework: &Framework, person: &Profile, to: Option<LevelAt>, who: &str) -> anyhow::Result<Target> {
        if let Some(at) = to {
            return Ok(Target { at, from: TargetFrom::To });
        }
        match Target::of(framework, person) {
            Some(Target { from: TargetFrom::Top, at }) => anyhow::bail!(
                "{who} is already at the top level ({}); give the target with --to LEVEL",
                framework.level(at).name
            ),
            Some(target) => Ok(target),
            None => anyhow::bail!(
                "{who} names no `target` and no current `level`, so there is no level to aim for; give the target \
                 with --to LEVEL"
            ),
        }
    }

    /// Each person's target in a team: `to` for everyone, else their own ([`Target::of`]), their
    /// own level for those at the top. People whose profile names neither a level nor a target
    /// are all named in one error, since leaving them out would misstate how ready the team is.
    pub fn each(framework: &Framework, people: &[Profile], to: Option<LevelAt>) -> anyhow::Result<Vec<Target>> {
        if let Some(at) = to {
            return Ok(vec![Target { at, from: TargetFrom::To }; people.len()]);
        }
        let targets: Vec<Option<Target>> = people.iter().map(|p| Target::of(framework, p)).collect();
        let missing: Vec<&str> =
            people.iter().zip(&targets).filter(|(_, t)| t.is_none()).map(|(p, _)| p.file.as_str()).collect();
        match missing.as_slice() {
            [] => Ok(targets.into_iter().flatten().collect()),
            [one] => anyhow::bail!(
                "{one} names neither a current `level` nor a `target`, so there is nothing to compare it with; \
                 add `level:` or `target:` to it, or give one target for everyone with --to LEVEL"
            ),
            many => {
                let mut text = format!(
                    "{} profiles name neither a current `level` nor a `target`, so there is nothing to compare \
                     them with; add `level:` or `target:` to each, or give one target for everyone with --to LEVEL:",
                    many.len()
                );
                for file in many.iter().take(MAX_OF_A_KIND) {
                    text.push_str(&format!("\n  {file}"));
                }
                if many.len() > MAX_OF_A_KIND {
                    text.push_str(&format!("\n  … and {} more", many.len() - MAX_OF_A_KIND));
                }
                Err(anyhow::anyhow!(text))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::dvla;

    fn at(level: usize) -> LevelAt {
        LevelAt { role: 0, level }
    }

    fn with(level: Option<usize>, target: Option<usize>) -> Profile {
        Profile { level, target, ..Profile::empty("p.yaml", "P", 0) }
    }

    #[test]
    fn a_person_s_target_is_their_own_then_the_next_level_then_their_own_level_at_the_top() {
        let f = dvla();
        assert_eq!(Target::of(&f, &with(Some(0), None)), Some(Target { at: at(1), from: TargetFrom::Next }));
        assert_eq!(Target::of(&f, &with(Some(1), Some(3))), Some(Target { at: at(3), from: TargetFrom::Profile }));
        // A target below the current level is taken as written.
        assert_eq!(Target::of(&f, &with(Some(2), Some(0))), Some(Target { at: at(0), from: TargetFrom::Profile }));
        assert_eq!(Target::of(&f, &with(Some(3), None)), Some(Target { at: at(3), from: TargetFrom::Top }));
        assert_eq!(Target::of(&f, &with(None, Some(2))), Some(Target { at: at(2), from: TargetFrom::Profile }));
        assert_eq!(Target::of(&f, &with(None, None)), None);
    }

    /// Alone, `--to` wins, then the person's own; at the top, or with nothing named, they are asked
    /// for `--to`. In a team, the top is their own level, and everyone with nothing named is listed.
    #[test]
    fn alone_a_person_at_the_top_is_asked_for_a_target_and_a_team_is_not() {
        let f = dvla();
        let alone = |p: &Profile, to| Target::alone(&f, p, to, "me.yaml").map_err(|e| e.to_string());
        assert_eq!(alone(&with(Some(3), None), Some(at(0))), Ok(Target { at: at(0), from: TargetFrom::To }));
        assert_eq!(alone(&with(Some(0), None), None), Ok(Target { at: at(1), from: TargetFrom::Next }));
        let top = alone(&with(Some(3), None), None).unwrap_err();
        assert!(top.starts_with("me.yaml is already at the top level (") && top.ends_with("with --to LEVEL"), "{top}");
        let none = alone(&with(None, None), None).unwrap_err();
        assert!(none.starts_with("me.yaml names no `target` and no current `level`"), "{none}");
        let team = [with(Some(3), None), with(Some(0), Some(2))];
        let each = Target::each(&f, &team, None).unwrap();
        assert_eq!(
            each,
            [Target { at: at(3), from: TargetFrom::Top }, Target { at: at(2), from: TargetFrom::Profile }]
        );
        let unnamed = [with(None, None), with(Some(0), None), Profile { file: "q.yaml".into(), ..with(None, None) }];
        let err = Target::each(&f, &unnamed, None).unwrap_err().to_string();
        assert!(err.starts_with("2 profiles name neither") && err.ends_with("\n  p.yaml\n  q.yaml"), "{err}");
    }
}
