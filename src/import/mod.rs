//! Converters from other formats into a framework folder.

pub mod ddat_csv;
pub mod text;
