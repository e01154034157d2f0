//! Command-line types only: what a user can type, with help text and examples.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::render::Format;

/// The exit codes, shown in `--help` and kept in one place.
macro_rules! exit_codes {
    () => {
        "Exit codes:
  0  success
  1  error: bad data, unknown name, unreadable file
  2  usage error: unknown command or flag
  3  with --exit-code: gaps were found"
    };
}

const MAIN_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills show senior                       what a Senior Product Manager does and needs
  pm-skills diff product-manager senior       what must grow from PM to Senior
  pm-skills ladder --format csv > ladder.csv  the whole matrix for a spreadsheet
  pm-skills skills \"product ownership\"        one skill, every proficiency, every level

",
    exit_codes!()
);

const DIFF_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills diff product-manager senior
  pm-skills compare senior lead --only-gaps
  pm-skills diff pm senior --format json | jq '.rows[] | select(.change > 0) | .skill.id'

",
    exit_codes!()
);

/// Explore a product manager's career path: levels, skills, proficiencies and gaps.
///
/// Answers come from a levelled skills framework built into the binary (or your own folder with
/// --data), offline and in milliseconds, as tables for people or JSON, YAML, CSV and Markdown for
/// scripts.
#[derive(Debug, Parser)]
#[command(name = "pm-skills", version, about, long_about, after_help = MAIN_EXAMPLES)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Output format: table for people; json, yaml, csv or markdown for scripts and documents.
    #[arg(long, short = 'f', global = true, value_enum, default_value_t = Format::Table, value_name = "FORMAT")]
    pub format: Format,

    /// When to use colour. NO_COLOR is honoured by `auto`.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Use the framework in this folder instead of a built-in one.
    #[arg(long, global = true, env = "PM_SKILLS_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Pick a built-in framework by id (see `pm-skills frameworks`).
    #[arg(long, global = true, value_name = "NAME", conflicts_with = "data")]
    pub framework: Option<String>,

    /// Pick a role family when the framework has several.
    #[arg(long, global = true, value_name = "NAME")]
    pub role: Option<String>,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour, even into a pipe.
    Always,
    /// Never colour.
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the levels in seniority order, with ids, aliases and summaries.
    #[command(
        after_help = "Examples:\n  pm-skills levels\n  pm-skills levels --format json | jq -r '.levels[].id'"
    )]
    Levels,

    /// Describe one level: summary, responsibilities and the proficiency it needs in every skill.
    #[command(
        after_help = "Examples:\n  pm-skills show senior\n  pm-skills show \"Head of Product\" --format markdown\n\nA level can be named by id, alias, display name or unique prefix, ignoring case."
    )]
    Show {
        /// The level: id, alias, display name or unique prefix.
        #[arg(value_name = "LEVEL")]
        level: String,
    },

    /// Print the whole skills × levels matrix.
    #[command(
        after_help = "Examples:\n  pm-skills ladder\n  pm-skills ladder --format csv > ladder.csv"
    )]
    Ladder,

    /// List the skills, or explain one: what it is, each proficiency, and what each level needs.
    #[command(
        after_help = "Examples:\n  pm-skills skills\n  pm-skills skills \"product ownership\"\n  pm-skills skills user-focus --format json"
    )]
    Skills {
        /// The skill to explain: id, alias, name or unique prefix.
        #[arg(value_name = "SKILL")]
        skill: Option<String>,
    },

    /// List the soft skills, or explain one with examples of it in practice.
    #[command(
        name = "soft-skills",
        after_help = "Examples:\n  pm-skills soft-skills\n  pm-skills soft-skills resilience"
    )]
    SoftSkills {
        /// The soft skill to explain: id, alias, name or unique prefix.
        #[arg(value_name = "NAME")]
        name: Option<String>,
    },

    /// Describe the role: what it is, whether it is technical, what it brings, a day in the life.
    #[command(
        after_help = "Examples:\n  pm-skills about\n  pm-skills about --format markdown > role.md"
    )]
    About,

    /// Compare two levels skill by skill: what must grow, biggest gaps first.
    #[command(
        visible_alias = "compare",
        after_help = DIFF_EXAMPLES
    )]
    Diff {
        /// The level you are at.
        #[arg(value_name = "FROM")]
        from: String,
        /// The level you aim for.
        #[arg(value_name = "TO")]
        to: String,
        /// Hide skills whose expectation does not change.
        #[arg(long)]
        only_gaps: bool,
        /// Exit with 3 when any skill must grow, 0 when none does (like `git diff --exit-code`).
        #[arg(long)]
        exit_code: bool,
    },

    /// List the frameworks built into the binary.
    #[command(
        after_help = "Examples:\n  pm-skills frameworks\n  pm-skills --framework ddat-2025 ladder"
    )]
    Frameworks,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
