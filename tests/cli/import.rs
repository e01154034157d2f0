//! `import ddat-csv` end to end.
