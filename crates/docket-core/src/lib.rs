//! Docket's core: the UPR domain, the local SQLite store and the sample review.
//!
//! Nothing in this crate depends on Tauri: the desktop shell (`src-tauri/`) and the command line
//! (`crates/docket-cli`) are thin adapters over it, and its tests run in seconds.
#![deny(missing_docs)]

#[macro_use]
mod macros;

pub mod advocacy;
pub mod calendar;
pub mod domain;
pub mod error;
pub mod export;
pub mod import;
pub mod paragraph;
pub mod paths;
pub mod sample;
pub mod states;
pub mod store;

pub use error::{Error, ErrorKind, Result};
pub use store::Store;
