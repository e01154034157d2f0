//! The data model of a levelled skills framework and its loader: files are read ([`source`]),
//! parsed with input limits ([`yaml`]) into raw types ([`raw`]), then assembled and checked into
//! the indexed [`model`] every report reads ([`assemble`], [`resolve`]), with every problem
//! pointing at a file and line ([`diagnostics`]).
//!
//! A crate of its own so that `build.rs` checks the built-in data with the very code a run uses.

pub mod assemble;
pub mod diagnostics;
pub mod model;
pub mod raw;
pub mod resolve;
pub mod source;
pub mod text;
pub mod yaml;
