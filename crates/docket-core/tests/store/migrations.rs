//! Upgrading a real version-1 file (`tests/fixtures/v1.sqlite3`) to the latest schema.

use docket_core::store::{fts, migrations};
use docket_core::Store;

use crate::common::{count, schema, temp_db, v1_fixture};

/// Copies the v1 fixture into a temp folder (the committed file is never opened by the store).
fn v1_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = temp_db();
    std::fs::copy(v1_fixture(), &path).expect("copy the v1 fixture");
    (dir, path)
}

#[test]
fn fixture_is_a_version_1_docket_database() {
    let conn = rusqlite::Connection::open_with_flags(
        v1_fixture(),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .expect("open the fixture read-only");
    assert_eq!(count(&conn, "PRAGMA user_version"), 1, "fixture version");
    assert_eq!(
        count(&conn, "PRAGMA application_id"),
        migrations::APPLICATION_ID,
        "fixture application_id"
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM sqlite_master WHERE name = 'recommendation_fts'"
        ),
        0,
        "a v1 file has no full-text index yet"
    );
}

#[test]
fn upgrading_v1_keeps_the_data() {
    let (_dir, path) = v1_copy();
    let store = Store::open(&path).expect("open and upgrade the v1 file");
    let conn = store.conn();
    assert_eq!(
        count(conn, "PRAGMA user_version"),
        migrations::latest_version(),
        "user_version after the upgrade"
    );
    assert_eq!(
        count(conn, "SELECT count(*) FROM recommendation"),
        3,
        "recommendations kept"
    );
    assert_eq!(
        count(conn, "SELECT count(*) FROM recommending_state"),
        5,
        "States kept"
    );
    assert_eq!(
        count(conn, "SELECT count(*) FROM evidence_link"),
        1,
        "evidence kept"
    );

    let id = store
        .recommendation_id(1, "26.1")
        .expect("26.1 is still there");
    let d = store.recommendation(id).expect("read 26.1");
    assert_eq!(
        d.tracking.notes, "Guaraní speakers consulted",
        "the note survives"
    );
    assert_eq!(
        d.tracking.our_ask, "Ratify the Covenant before the mid-term report",
        "our ask survives"
    );
    assert_eq!(d.tracking.tags, vec!["treaties"], "the tag survives");
    assert_eq!(
        d.history.len(),
        1,
        "the history row survives: {:?}",
        d.history
    );
    assert_eq!(d.history[0].who, "Ana");
    assert_eq!(d.history[0].field, "notes");
    assert_eq!(
        d.history[0].new_value.as_deref(),
        Some("Guaraní speakers consulted")
    );

    let joint = store.recommendation_id(1, "26.10").expect("26.10");
    let states = store
        .recommendation(joint)
        .expect("read 26.10")
        .recommending_states;
    let names: Vec<_> = states
        .iter()
        .map(|s| (s.name.as_str(), s.iso3.as_deref()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Türkiye", Some("TUR")),
            ("Pakistan", Some("PAK")),
            ("ACT Group", None)
        ],
        "States keep their order and the unknown name stays flagged"
    );

    let page = store.recommendations_page(1, 0, 10).expect("page");
    let paras: Vec<_> = page.rows.iter().map(|r| r.paragraph.as_str()).collect();
    assert_eq!(
        paras,
        vec!["26.1", "26.2", "26.10"],
        "numeric order after the upgrade"
    );
}

#[test]
fn upgraded_schema_equals_a_fresh_database() {
    let (_dir, path) = v1_copy();
    let upgraded = Store::open(&path).expect("upgrade the v1 file");
    let (_fresh_dir, fresh_path) = temp_db();
    let fresh = Store::open(&fresh_path).expect("create a fresh database");
    let (up, new) = (schema(upgraded.conn()), schema(fresh.conn()));
    assert!(!new.is_empty(), "the fresh schema is not empty");
    for (a, b) in up.iter().zip(&new) {
        assert_eq!(
            a, b,
            "schema object differs between upgraded and fresh databases"
        );
    }
    assert_eq!(up.len(), new.len(), "same number of schema objects");
    assert_eq!(
        count(upgraded.conn(), "PRAGMA application_id"),
        count(fresh.conn(), "PRAGMA application_id"),
        "application_id"
    );
}

#[test]
fn upgrade_indexes_old_notes_states_and_labels() {
    let (_dir, path) = v1_copy();
    let store = Store::open(&path).expect("upgrade the v1 file");
    let conn = store.conn();
    assert_eq!(
        count(conn, "SELECT count(*) FROM recommendation_fts"),
        3,
        "one index row per recommendation"
    );
    let note = store.recommendation_id(1, "26.1").expect("26.1");
    let joint = store.recommendation_id(1, "26.10").expect("26.10");
    for (query, expected) in [
        ("guarani", vec![note]),
        ("GUARANÍ speakers", vec![note]),
        ("mid-term", vec![note]),
        ("Turkey", vec![joint]),
        ("Türkiye", vec![joint]),
        ("ACT", vec![joint]),
        ("gender", vec![joint]),
    ] {
        let found = fts::search(conn, Some(1), query, 10).expect("search");
        assert_eq!(found, expected, "search {query:?} after the upgrade");
    }
    // Tags are the organization's own and are not indexed with the source's labels.
    assert!(
        fts::search(conn, None, "treaties", 10)
            .expect("search")
            .is_empty(),
        "tags are not in the index"
    );
}

#[test]
fn upgraded_database_accepts_writes_and_reopens_without_migrating_again() {
    let (_dir, path) = v1_copy();
    {
        let mut store = Store::open(&path).expect("upgrade");
        store
            .set_user_name("Bea")
            .expect("the v2 setting table works");
    }
    let store = Store::open(&path).expect("reopen the upgraded file");
    assert_eq!(store.user_name().expect("user name"), "Bea", "setting kept");
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM recommendation_fts"),
        3,
        "reopening does not index twice"
    );
}

/// A version-4 database file with tracking history (and an import's change of position), as
/// Docket wrote them before changes were grouped (schema v5).
fn v4_with_history() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = temp_db();
    let mut conn = rusqlite::Connection::open(&path).expect("create the v4 file");
    migrations::migrate_to(&mut conn, 4).expect("schema v4");
    conn.execute_batch(
        "INSERT INTO review (id, state_under_review, created_at)
             VALUES (1, 'Paraguay', '2024-01-01T00:00:00Z');
         INSERT INTO recommendation (id, review_id, paragraph, sort_key, text, position, priority)
             VALUES (1, 1, '26.1', '0026.0001', 'Ratify', 'noted', 'high'),
                    (2, 1, '26.2', '0026.0002', 'Abolish', 'supported', NULL);
         INSERT INTO recommendation_label VALUES (2, 'tag', 'treaties');
         INSERT INTO evidence_link (id, recommendation_id, url, label, added_at)
             VALUES (7, 2, 'https://example.org/r', 'Shadow report', '2024-02-01T00:00:00Z');
         INSERT INTO history (id, recommendation_id, at, who, field, old_value, new_value) VALUES
             (1, 1, '2024-02-01T10:00:00Z', 'Ana', 'priority', NULL, 'high'),
             (2, 1, '2024-02-02T10:00:00Z', 'Ana', 'position', 'pending', 'noted'),
             (3, 2, '2024-02-03T10:00:00Z', 'Bea', 'tag', NULL, 'treaties'),
             (4, 2, '2024-02-04T10:00:00Z', 'Bea', 'lobbying_status', 'not_started', 'planned'),
             (5, 2, '2024-02-05T10:00:00Z', 'Bea', 'lobbying_status', 'planned', 'not_started'),
             (6, 2, '2024-02-06T10:00:00Z', 'Bea', 'evidence', NULL,
                 'Shadow report <https://example.org/r>');",
    )
    .expect("fill the v4 file");
    (dir, path)
}

#[test]
fn upgrading_v4_keeps_the_history_and_lists_it_as_changes() {
    use docket_core::domain::ChangeKind;

    let (_dir, path) = v4_with_history();
    let mut store = Store::open(&path).expect("upgrade the v4 file");
    let conn = store.conn();
    assert_eq!(
        count(conn, "PRAGMA user_version"),
        migrations::latest_version()
    );
    assert_eq!(
        count(conn, "SELECT count(*) FROM history"),
        6,
        "history rows kept"
    );
    assert_eq!(
        count(conn, "SELECT count(*) FROM change"),
        5,
        "one change per tracking row; the import's row has none"
    );
    assert_eq!(
        count(
            conn,
            "SELECT count(*) FROM history WHERE change_id IS NULL AND field = 'position'"
        ),
        1
    );
    let d = store.recommendation(1).expect("26.1");
    let fields: Vec<_> = d.history.iter().map(|h| h.field.as_str()).collect();
    assert_eq!(
        fields,
        vec!["position", "priority"],
        "the recommendation's own history is whole, newest first"
    );

    let history = store.review_history(1, None, 10).expect("review history");
    let described: Vec<_> = history
        .iter()
        .map(|c| {
            (
                c.at.as_str(),
                c.who.as_str(),
                c.kind,
                c.description.as_str(),
            )
        })
        .collect();
    assert_eq!(
        described,
        vec![
            (
                "2024-02-06T10:00:00Z",
                "Bea",
                ChangeKind::Edit,
                "Evidence added to 26.2"
            ),
            (
                "2024-02-05T10:00:00Z",
                "Bea",
                ChangeKind::Edit,
                "Lobbying status set to Not started on 26.2"
            ),
            (
                "2024-02-04T10:00:00Z",
                "Bea",
                ChangeKind::Edit,
                "Lobbying status set to Planned on 26.2"
            ),
            (
                "2024-02-03T10:00:00Z",
                "Bea",
                ChangeKind::Edit,
                "Tag “treaties” added to 26.2"
            ),
            (
                "2024-02-01T10:00:00Z",
                "Ana",
                ChangeKind::Edit,
                "Priority set to High on 26.1"
            ),
        ]
    );
    assert_eq!(
        store
            .review_history(1, Some("2024-02-04T00:00:00Z"), 10)
            .expect("since")
            .len(),
        3
    );

    // The old rows are undone like new ones; the evidence link is found by its address and label.
    let undone = store.undo_last("Cleo").expect("undo").expect("a change");
    assert_eq!(undone.undone.description, "Evidence added to 26.2");
    assert!(store
        .recommendation(2)
        .expect("26.2")
        .tracking
        .evidence
        .is_empty());
    store.undo_last("Cleo").expect("undo").expect("a change");
    store.undo_last("Cleo").expect("undo").expect("a change");
    let t = store.recommendation(2).expect("26.2").tracking;
    assert_eq!(t.lobbying_status.as_str(), "not_started");
    store.undo_last("Cleo").expect("undo").expect("a change");
    assert!(store
        .recommendation(2)
        .expect("26.2")
        .tracking
        .tags
        .is_empty());
}

#[test]
fn upgrading_v4_with_history_of_a_recommendation_deleted_outside_docket_succeeds() {
    // The sqlite3 shell leaves foreign keys off: a recommendation deleted there keeps its history
    // rows. The upgrade must still succeed (foreign keys are on while it runs), and the orphaned
    // rows get no change.
    let (_dir, path) = v4_with_history();
    {
        let conn = rusqlite::Connection::open(&path).expect("reopen the v4 file");
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             DELETE FROM recommendation WHERE id = 1;",
        )
        .expect("delete 26.1 without its history");
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM history WHERE recommendation_id = 1"
            ),
            2,
            "its history rows are left behind"
        );
    }
    let store = Store::open(&path).expect("upgrade despite the orphaned history rows");
    let conn = store.conn();
    assert_eq!(
        count(conn, "SELECT count(*) FROM change"),
        4,
        "one change per tracking row of 26.2"
    );
    assert_eq!(
        count(
            conn,
            "SELECT count(*) FROM history WHERE recommendation_id = 1 AND change_id IS NOT NULL"
        ),
        0,
        "no change for the orphaned rows"
    );
    assert_eq!(
        count(
            conn,
            "SELECT count(*) FROM pragma_foreign_key_check WHERE parent = 'change'"
        ),
        0,
        "no history row names a change that does not exist"
    );
}
