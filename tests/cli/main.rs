//! End-to-end tests: the built binary, run as a user runs it. One test binary, split in modules.

mod assess;
mod assess_growth;
mod career;
mod colour;
mod common;
mod explorer;
mod files;
mod framework;
mod gap;
mod hostile;
mod import;
mod import_ft;
mod import_matrix;
mod injection;
mod levels_across;
mod options;
mod pictures;
mod plan;
mod problems;
mod progress;
mod readme;
mod review;
mod site;
mod team;
mod travel;
mod xlsx;
