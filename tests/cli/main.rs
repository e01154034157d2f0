//! End-to-end tests: the built binary, run as a user runs it. One test binary, split in modules.

mod assess;
mod career;
mod colour;
mod common;
mod explorer;
mod files;
mod framework;
mod gap;
mod hostile;
mod import;
mod injection;
mod options;
mod pictures;
mod problems;
mod readme;
