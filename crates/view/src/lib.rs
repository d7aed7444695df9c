//! Views of liasse's output for people who check it by looking: a terminal rendering of one
//! document ([`terminal`]) and a static HTML site over a whole output directory ([`report`]).
//!
//! Both read the output contract as JSON values, never the typed records, so they work on any
//! output directory, including one written by an older version: a field they do not know is
//! ignored, a field that is missing is shown as missing.

pub mod model;
pub mod report;
pub mod terminal;

pub use model::{records, Record, RecordType, Span};
