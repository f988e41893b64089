//! Writes `tests/fixtures/v1.sqlite3`, a small database exactly as Docket's schema version 1 left
//! it, for the upgrade tests (`tests/store/migrations.rs`).
//!
//! The file is committed; regenerate it only if this generator changes (never because a new
//! migration was added: the point is to keep a *version-1* file). To regenerate:
//!
//! ```sh
//! cargo test -p docket-core --test make_fixture -- --ignored
//! ```
//!
//! The data is inserted by plain SQL (not through the store, which writes the latest schema), with
//! fixed timestamps so that the file only changes when this generator does.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use docket_core::paragraph::sort_key;
use docket_core::store::migrations::migrate_to;
use rusqlite::{params, Connection};

#[test]
#[ignore = "writes tests/fixtures/v1.sqlite3; run by hand, see the module comment"]
fn make_v1_fixture() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1.sqlite3");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    if path.exists() {
        std::fs::remove_file(&path).unwrap();
    }
    let mut conn = Connection::open(&path).unwrap();
    // One self-contained file: no -wal beside it.
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    migrate_to(&mut conn, 1).unwrap();

    let at = "2021-03-01T10:00:00Z";
    let tx = conn.transaction().unwrap();
    tx.execute(
        "INSERT INTO review (id, state_under_review, sur_iso3, cycle, wg_session, review_date,
                             report_symbol, addendum_symbol, adoption_date, created_at)
         VALUES (1, 'United States of America', 'USA', 3, 36, '2020-11-09',
                 'A/HRC/46/15', 'A/HRC/46/15/Add.1', '2021-03-17', ?1)",
        [at],
    )
    .unwrap();
    // Inserted out of paragraph order on purpose: ids 1, 2, 3 are 26.2, 26.10, 26.1.
    let recs = [
        (1, "26.2", "supported",
         "Continue with the ongoing efforts to ratify outstanding core international human rights instruments at the earliest convenience"),
        (2, "26.10", "supported_in_part",
         "Ratify the International Covenant on Economic, Social and Cultural Rights, the Convention on the Elimination of All Forms of Discrimination against Women and the Convention on the Rights of the Child"),
        (3, "26.1", "supported", "Consider ratifying all remaining human rights conventions"),
    ];
    for (id, para, position, text) in recs {
        tx.execute(
            "INSERT INTO recommendation (id, review_id, paragraph, sort_key, text, position,
                                         position_source)
             VALUES (?1, 1, ?2, ?3, ?4, ?5, 'A/HRC/46/15/Add.1')",
            params![id, para, sort_key(para), text, position],
        )
        .unwrap();
    }
    // The organization's tracking on 26.1.
    tx.execute(
        "UPDATE recommendation SET priority = 'high', lobbying_status = 'in_progress',
                our_ask = 'Ratify the Covenant before the mid-term report',
                notes = 'Guaraní speakers consulted', assignee = 'Ana', updated_at = ?1
         WHERE id = 3",
        [at],
    )
    .unwrap();
    let states: [(i64, i64, &str, &str, Option<&str>); 5] = [
        (1, 0, "Ghana", "Ghana", Some("GHA")),
        (2, 0, "Türkiye", "Turkey", Some("TUR")),
        (2, 1, "Pakistan", "Pakistan", Some("PAK")),
        // A name that is not a known State: kept as written, flagged by a NULL iso3.
        (2, 2, "ACT Group", "ACT Group", None),
        (3, 0, "Somalia", "Somalia", Some("SOM")),
    ];
    for (rec, ord, name, written, iso3) in states {
        tx.execute(
            "INSERT INTO recommending_state (recommendation_id, ord, name, name_as_written, iso3)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![rec, ord, name, written, iso3],
        )
        .unwrap();
    }
    let labels = [
        (
            1,
            "theme",
            "Ratification of & accession to international instruments",
        ),
        (
            2,
            "theme",
            "Ratification of & accession to international instruments",
        ),
        (2, "group", "Women"),
        (2, "sdg", "5 - GENDER EQUALITY"),
        (
            3,
            "theme",
            "Ratification of & accession to international instruments",
        ),
        (3, "tag", "treaties"),
    ];
    for (rec, kind, value) in labels {
        tx.execute(
            "INSERT INTO recommendation_label (recommendation_id, kind, value) VALUES (?1, ?2, ?3)",
            params![rec, kind, value],
        )
        .unwrap();
    }
    tx.execute(
        "INSERT INTO evidence_link (id, recommendation_id, url, label, added_at)
         VALUES (1, 3, 'https://undocs.org/A/HRC/46/15', 'WG report', ?1)",
        [at],
    )
    .unwrap();
    tx.execute(
        "INSERT INTO history (id, recommendation_id, at, who, field, old_value, new_value)
         VALUES (1, 3, ?1, 'Ana', 'notes', '', 'Guaraní speakers consulted')",
        [at],
    )
    .unwrap();
    tx.commit().unwrap();
    conn.execute_batch("VACUUM").unwrap();
    drop(conn);

    let size = std::fs::metadata(&path).unwrap().len();
    assert!(
        size < 100_000,
        "the fixture should stay small, it is {size} bytes"
    );
    println!("wrote {} ({size} bytes)", path.display());
}
