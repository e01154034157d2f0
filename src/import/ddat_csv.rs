//! Placeholder while the importer is being written (replaced before commit).

use serde::Serialize;

use crate::cli::ImportDdatCsv;
use crate::render::{Block, Records, Report};

/// What the import did.
#[derive(Debug, Serialize)]
pub struct ImportReport {}

impl Report for ImportReport {
    fn document(&self) -> Vec<Block> {
        Vec::new()
    }
    fn records(&self) -> Records {
        Records::default()
    }
}

/// Imports the official CSV export.
pub fn run(_args: &ImportDdatCsv) -> anyhow::Result<ImportReport> {
    anyhow::bail!("import ddat-csv is not built yet")
}
