//! `moves`: where a level leads, up its own ladder and across to other roles.

use super::Outcome;
use super::selected::Selected;
use crate::cli::{GlobalArgs, MovesArgs};
use crate::render::RenderOptions;
use crate::report;

/// `moves LEVEL`: `--role`, when given, is the one role to look at, as well as where a bare level
/// name is looked up first; a level of another role is still found when its name is unique.
pub fn moves(
    selected: &Selected,
    global: &GlobalArgs,
    args: &MovesArgs,
    options: &RenderOptions,
) -> anyhow::Result<Outcome> {
    let from = selected.level_at(&args.level)?;
    let only_role = global.role.as_ref().and(selected.role());
    let limit = usize::try_from(args.limit).unwrap_or(usize::MAX);
    Outcome::report(&report::moves::MovesReport::build(&selected.framework, from, only_role, limit), options)
}
