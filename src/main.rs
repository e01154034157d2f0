//! The `pm-skills` binary: everything happens in the library.

fn main() {
    std::process::exit(i32::from(pm_skills::main()))
}
