//! `Store::open`: creating, reopening, and refusing files it must not touch.

use std::path::Path;

use docket_core::store::migrations;
use docket_core::{sample, Error, ErrorKind, Store};

use crate::common::{bytes, count, temp_db};

/// The names of the files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list the folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Opens `path`, expects a refusal of `kind`, and checks the file is byte-identical afterwards and
/// that no journal was left beside it. Returns the error's message.
fn assert_refused_untouched(path: &Path, kind: ErrorKind) -> String {
    let before = bytes(path);
    let listing = files_in(path.parent().expect("parent"));
    let err = match Store::open(path) {
        Ok(_) => panic!("{} should have been refused", path.display()),
        Err(e) => e,
    };
    assert_eq!(err.kind(), kind, "kind of the refusal: {err}");
    assert!(path.exists(), "the refused file must not be deleted");
    assert!(
        bytes(path) == before,
        "the refused file must be byte-identical"
    );
    assert_eq!(
        files_in(path.parent().expect("parent")),
        listing,
        "no -wal/-shm or other file is left beside the refused one"
    );
    let message = err.to_string();
    assert!(
        message.contains(&path.display().to_string()),
        "the message names the file: {message}"
    );
    assert!(
        message.contains("left untouched"),
        "the message says the file was left untouched: {message}"
    );
    message
}

#[test]
fn fresh_open_creates_missing_parent_folders() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a/b/c/docket.sqlite3");
    let store = Store::open(&path).expect("open in a folder that does not exist yet");
    assert!(path.exists(), "the database file was created");
    assert_eq!(
        store.path(),
        Some(path.as_path()),
        "the store knows its path"
    );
    assert_eq!(
        count(store.conn(), "PRAGMA user_version"),
        migrations::latest_version(),
        "a fresh database is at the latest version"
    );
    assert_eq!(
        count(store.conn(), "PRAGMA application_id"),
        migrations::APPLICATION_ID,
        "a fresh database is stamped as Docket's"
    );
}

#[test]
fn open_sets_the_documented_pragmas() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).expect("open");
    let conn = store.conn();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("journal_mode");
    assert_eq!(mode, "wal", "journal_mode");
    assert_eq!(count(conn, "PRAGMA foreign_keys"), 1, "foreign_keys on");
    assert_eq!(count(conn, "PRAGMA synchronous"), 1, "synchronous NORMAL");
    assert_eq!(
        count(conn, "PRAGMA busy_timeout"),
        5000,
        "busy_timeout in ms"
    );
}

#[test]
fn opening_twice_keeps_data_and_does_not_migrate_again() {
    let (_dir, path) = temp_db();
    let id = {
        let mut store = Store::open(&path).expect("first open");
        sample::load(&mut store).expect("load the sample")
    };
    let store = Store::open(&path).expect("second open");
    assert_eq!(
        count(store.conn(), "PRAGMA user_version"),
        migrations::latest_version(),
        "version unchanged"
    );
    assert_eq!(
        store
            .review(id)
            .expect("the review is still there")
            .recommendations,
        347,
        "data kept"
    );
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM recommendation_fts"),
        347,
        "the index was not filled a second time"
    );
}

#[test]
fn an_empty_file_is_initialized_as_a_new_database() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"").expect("create an empty file");
    let store = Store::open(&path).expect("an empty file is an empty SQLite database");
    assert_eq!(
        count(store.conn(), "PRAGMA user_version"),
        migrations::latest_version()
    );
}

#[test]
fn newer_database_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    let newer = migrations::latest_version() + 1;
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        conn.execute_batch(&format!(
            "CREATE TABLE from_the_future (x); PRAGMA application_id = {}; PRAGMA user_version = {newer};",
            migrations::APPLICATION_ID
        ))
        .expect("write a newer database");
    }
    let message = assert_refused_untouched(&path, ErrorKind::NewerDatabase);
    assert!(message.contains("newer version"), "message: {message}");
    match Store::open(&path) {
        Err(Error::NewerDatabase {
            path: p,
            found,
            supported,
        }) => {
            assert_eq!(p, path, "the error carries the path");
            assert_eq!(found, newer, "found version");
            assert_eq!(supported, migrations::latest_version(), "supported version");
        }
        Err(other) => panic!("expected NewerDatabase, got {other:?}"),
        Ok(_) => panic!("a newer database must be refused"),
    }
}

#[test]
fn text_file_is_refused_as_corrupt_and_kept() {
    let (_dir, path) = temp_db();
    std::fs::write(
        &path,
        "Minutes of the coalition meeting, 3 March.\nNext: lobby the mission before HRC46.\n",
    )
    .expect("write a text file");
    assert_refused_untouched(&path, ErrorKind::CorruptDatabase);
}

#[test]
fn a_few_bytes_of_text_are_refused_as_corrupt_and_kept() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"SQLite").expect("write a short file");
    assert_refused_untouched(&path, ErrorKind::CorruptDatabase);
}

#[test]
fn sqlite_file_of_another_program_is_refused_and_kept() {
    let (_dir, path) = temp_db();
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        conn.execute_batch("CREATE TABLE foo (bar TEXT); INSERT INTO foo VALUES ('baz');")
            .expect("write another program's database");
    }
    let message = assert_refused_untouched(&path, ErrorKind::CorruptDatabase);
    assert!(message.contains("another program"), "message: {message}");
}

#[test]
fn sqlite_file_of_another_program_with_its_own_application_id_is_refused_and_kept() {
    let (_dir, path) = temp_db();
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        conn.execute_batch(
            "CREATE TABLE foo (bar TEXT); PRAGMA application_id = 1234; PRAGMA user_version = 1;",
        )
        .expect("write another program's database");
    }
    assert_refused_untouched(&path, ErrorKind::CorruptDatabase);
}

#[test]
fn sqlite_file_of_another_program_with_a_user_version_is_refused_and_kept() {
    // Many programs number their schema with user_version too; without Docket's application_id
    // such a file must not be taken for a Docket database and migrated (or switched to WAL).
    for version in [1, migrations::latest_version()] {
        let (_dir, path) = temp_db();
        {
            let conn = rusqlite::Connection::open(&path).expect("create");
            conn.execute_batch(&format!(
                "CREATE TABLE foo (bar TEXT); PRAGMA user_version = {version};"
            ))
            .expect("write another program's database");
        }
        assert_refused_untouched(&path, ErrorKind::CorruptDatabase);
    }
}

#[test]
fn truncated_docket_database_is_refused_and_kept() {
    let (dir, full) = temp_db();
    {
        let mut store = Store::open(&full).expect("create");
        sample::load(&mut store).expect("fill many pages");
    }
    let whole = bytes(&full);
    assert!(
        whole.len() > 4096 * 8,
        "the source database has many pages ({} bytes)",
        whole.len()
    );
    let path = dir.path().join("truncated").join("docket.sqlite3");
    std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
    std::fs::write(&path, &whole[..4096]).expect("write the first page");
    let before = bytes(&path);
    match Store::open(&path) {
        Ok(store) => panic!(
            "a truncated database must be refused, it opened with {} reviews",
            count(store.conn(), "SELECT count(*) FROM review")
        ),
        Err(e) => {
            assert!(
                matches!(e.kind(), ErrorKind::CorruptDatabase | ErrorKind::Database),
                "refused as damaged: {e:?}"
            );
            let message = e.to_string();
            if e.kind() == ErrorKind::CorruptDatabase {
                assert!(message.contains("left untouched"), "message: {message}");
            }
            assert!(!message.trim().is_empty(), "a message for a person");
        }
    }
    assert!(
        bytes(&path) == before,
        "the truncated file is kept as it was"
    );
}

/// Opens `path` from `n` threads at once; returns the errors.
fn open_concurrently(path: &Path, n: usize) -> Vec<String> {
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(n));
    let handles: Vec<_> = (0..n)
        .map(|_| {
            let (path, barrier) = (path.to_path_buf(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                Store::open(&path).map(drop).map_err(|e| e.to_string())
            })
        })
        .collect();
    handles
        .into_iter()
        .filter_map(|h| h.join().expect("no panic").err())
        .collect()
}

#[test]
fn simultaneous_first_opens_migrate_once_and_all_succeed() {
    // The app and docket-cli may open a new (or old) file at the same moment: the second one must
    // not run the migrations again ("table review already exists").
    for _ in 0..10 {
        let (_dir, path) = temp_db();
        let errors = open_concurrently(&path, 4);
        assert!(errors.is_empty(), "every open succeeds: {errors:?}");
        let store = Store::open(&path).expect("reopen");
        assert_eq!(
            count(store.conn(), "PRAGMA user_version"),
            migrations::latest_version()
        );
    }
}

#[test]
fn simultaneous_opens_of_an_old_file_upgrade_it_once() {
    for _ in 0..10 {
        let (_dir, path) = temp_db();
        std::fs::copy(crate::common::v1_fixture(), &path).expect("copy the v1 fixture");
        let errors = open_concurrently(&path, 4);
        assert!(errors.is_empty(), "every open succeeds: {errors:?}");
        let store = Store::open(&path).expect("reopen");
        assert_eq!(
            count(store.conn(), "SELECT count(*) FROM recommendation_fts"),
            3,
            "the index was filled once"
        );
    }
}

#[test]
fn damage_found_after_opening_is_reported_as_a_damaged_file() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).expect("open");
        docket_core::sample::load(&mut store).expect("load the sample");
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .expect("checkpoint");
    }
    assert!(
        std::fs::metadata(path.with_extension("sqlite3-wal")).map_or(0, |m| m.len()) == 0,
        "everything is in the main file"
    );
    // Overwrite the root page of the recommendations' b-tree; the schema stays intact.
    let root: i64 = rusqlite::Connection::open(&path)
        .expect("open with rusqlite")
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'recommendation'",
            [],
            |r| r.get(0),
        )
        .expect("the table's root page");
    let mut bytes = std::fs::read(&path).expect("read");
    let page = 4096;
    let start = page * (root as usize - 1);
    for b in &mut bytes[start..start + page] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).expect("write");

    let store = Store::open(&path).expect("the schema page is intact, so the file opens");
    let review = 1;
    let err = store
        .recommendations_page(review, 0, 1000)
        .and_then(|_| store.stats(review))
        .expect_err("reading the damaged pages fails");
    assert_eq!(err.kind(), ErrorKind::CorruptDatabase, "{err}");
    let message = err.to_string();
    assert!(message.contains("damaged"), "{message}");
    assert!(
        !message.contains("Try again"),
        "damage is not a passing failure: {message}"
    );
}
