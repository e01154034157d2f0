//! The `pm-skills` binary: parse arguments and hand over to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    pm_skills::main_with(pm_skills::cli::Cli::parse())
}
