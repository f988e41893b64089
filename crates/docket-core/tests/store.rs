//! Integration tests of the store, one file per module of `src/store/`:
//! `open` and `write` cover `store/mod.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod store {
    mod fts;
    mod migrations;
    mod open;
    mod queries;
    mod tracking;
    mod write;
}
