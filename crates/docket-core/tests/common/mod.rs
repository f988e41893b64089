//! Helpers shared by docket-core's integration tests: temp databases, small reviews, schema dumps.
#![allow(dead_code)] // each test binary uses a different subset

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use docket_core::calendar::reminders::parse_utc;
use docket_core::calendar::{DeadlineStatus, NewDeadline, GENEVA};
use docket_core::domain::{NewRecommendation, NewReview, Position};
use docket_core::{sample, ErrorKind, Store};
use rusqlite::Connection;
use tempfile::TempDir;

/// A fresh temp folder and the path of a database file inside it (not created yet).
pub fn temp_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("create a temp dir");
    let path = dir.path().join("docket.sqlite3");
    (dir, path)
}

/// The committed version-1 database (see `tests/make_fixture.rs`).
pub fn v1_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1.sqlite3")
}

/// A review of `state` with no dates.
pub fn review(state: &str) -> NewReview {
    NewReview {
        state_under_review: state.into(),
        cycle: Some(4),
        wg_session: Some(49),
        review_date: Some("2025-05-05".into()),
        report_symbol: None,
        addendum_symbol: None,
        adoption_date: None,
    }
}

/// A pending recommendation with the given States and themes.
pub fn rec(paragraph: &str, text: &str, states: &[&str], themes: &[&str]) -> NewRecommendation {
    NewRecommendation {
        paragraph: paragraph.into(),
        text: text.into(),
        states: states.iter().map(|s| s.to_string()).collect(),
        position: Position::Pending,
        position_source: None,
        themes: themes.iter().map(|s| s.to_string()).collect(),
        groups_of_persons: Vec::new(),
        sdgs: Vec::new(),
        action_category: None,
        tracking: None,
    }
}

/// An in-memory store holding one review with the given recommendations; returns the review id.
pub fn store_with(recs: &[NewRecommendation]) -> (Store, i64) {
    let mut store = Store::open_in_memory().expect("open an in-memory store");
    let id = store
        .create_review(&review("Slovenia"), recs)
        .expect("create the review");
    (store, id)
}

/// An in-memory store holding the sample review; returns the review id.
pub fn sample_store() -> (Store, i64) {
    let mut store = Store::open_in_memory().expect("open an in-memory store");
    let id = sample::load(&mut store).expect("load the sample review");
    (store, id)
}

/// The id of a review's recommendation by paragraph number.
pub fn rec_id(store: &Store, review: i64, paragraph: &str) -> i64 {
    store
        .recommendation_id(review, paragraph)
        .unwrap_or_else(|e| panic!("paragraph {paragraph}: {e}"))
}

/// An instant written as RFC 3339 in UTC.
pub fn at(s: &str) -> DateTime<Utc> {
    parse_utc(s).unwrap_or_else(|| panic!("bad instant {s}"))
}

/// The message of an error that must be of `kind`.
pub fn refused<T: std::fmt::Debug>(result: docket_core::Result<T>, kind: ErrorKind) -> String {
    let err = result.expect_err("refused");
    assert_eq!(err.kind(), kind, "{err}");
    err.to_string()
}

/// A deadline due on `date` (whole day) in Geneva, of no review, without reminders.
pub fn deadline(title: &str, date: &str) -> NewDeadline {
    NewDeadline {
        review_id: None,
        event_kind: None,
        title: title.into(),
        due_date: date.into(),
        due_time: None,
        time_zone: GENEVA.into(),
        owner: String::new(),
        status: DeadlineStatus::ToDo,
        notes: String::new(),
        recommendation_ids: Vec::new(),
        reminders: Vec::new(),
    }
}

/// How many deadlines the calendar holds.
pub fn deadline_count(store: &Store) -> i64 {
    count(store.conn(), "SELECT count(*) FROM deadline")
}

/// `sqlite_master` as (type, name, tbl_name, sql with whitespace collapsed), ordered by name.
pub fn schema(conn: &Connection) -> Vec<(String, String, String, Option<String>)> {
    let mut stmt = conn
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")
        .expect("prepare the schema query");
    let rows = stmt
        .query_map([], |r| {
            let sql: Option<String> = r.get(3)?;
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                sql.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")),
            ))
        })
        .expect("query the schema")
        .collect::<rusqlite::Result<Vec<_>>>()
        .expect("read the schema");
    rows
}

/// A single integer from a query without parameters.
pub fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The bytes of a file.
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// A 1×1 PNG (a red pixel), valid down to its checksums: the export tests' logo.
pub const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
    0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// An Arabic recommendation the export tests set right to left.
pub const ARABIC_SENTENCE: &str = "ينبغي للدولة أن تصدق على الاتفاقية";

/// A recommendation block of a hand-built export document, with its details (label, value).
pub fn rec_block(
    paragraph: &str,
    text: &str,
    states: &str,
    details: &[(&str, &str)],
) -> docket_core::export::model::Block {
    docket_core::export::model::Block::Recommendation {
        paragraph: paragraph.into(),
        text: text.into(),
        states: states.into(),
        details: details
            .iter()
            .map(|(l, v)| ((*l).to_owned(), (*v).to_owned()))
            .collect(),
    }
}
