//! The schema, as an append-only list of migrations under `PRAGMA user_version`.
//!
//! Never edit or remove an entry once it has shipped: a database at version N has run exactly the
//! first N entries. Add a new entry at the end instead. All pending entries run in one transaction.

use std::path::PathBuf;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Identifies a Docket database (`PRAGMA application_id`, the bytes "DKT1").
pub const APPLICATION_ID: i64 = 0x444B_5431;

/// The migrations; entry `i` takes the database from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // v1: reviews, recommendations, recommending States, labels, the organization's tracking,
    // evidence links and the change history.
    r#"
    CREATE TABLE review (
        id                 INTEGER PRIMARY KEY,
        state_under_review TEXT NOT NULL,
        sur_iso3           TEXT,
        cycle              INTEGER,
        wg_session         INTEGER,
        review_date        TEXT,
        report_symbol      TEXT,
        addendum_symbol    TEXT,
        adoption_date      TEXT,
        created_at         TEXT NOT NULL
    );

    CREATE TABLE recommendation (
        id                    INTEGER PRIMARY KEY,
        review_id             INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        paragraph             TEXT NOT NULL,
        sort_key              TEXT NOT NULL,
        text                  TEXT NOT NULL,
        position              TEXT NOT NULL DEFAULT 'pending'
                              CHECK (position IN ('supported', 'noted', 'supported_in_part', 'pending')),
        position_source       TEXT,
        action_category       INTEGER CHECK (action_category BETWEEN 1 AND 5),
        priority              TEXT CHECK (priority IN ('high', 'medium', 'low')),
        our_ask               TEXT NOT NULL DEFAULT '',
        lobbying_status       TEXT NOT NULL DEFAULT 'not_started'
                              CHECK (lobbying_status IN ('not_started', 'planned', 'in_progress', 'achieved', 'dropped')),
        implementation_status TEXT NOT NULL DEFAULT 'not_assessed'
                              CHECK (implementation_status IN ('not_assessed', 'not_implemented', 'partially_implemented', 'fully_implemented')),
        assignee              TEXT NOT NULL DEFAULT '',
        notes                 TEXT NOT NULL DEFAULT '',
        updated_at            TEXT
    );
    CREATE INDEX recommendation_by_review ON recommendation(review_id, sort_key);
    CREATE UNIQUE INDEX recommendation_paragraph ON recommendation(review_id, paragraph) WHERE paragraph <> '';

    -- One row per recommending State, in the order the source lists them. `iso3` is NULL for a
    -- name that is not a known State: it is kept as written and flagged, never dropped.
    CREATE TABLE recommending_state (
        recommendation_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
        ord               INTEGER NOT NULL,
        name              TEXT NOT NULL,
        name_as_written   TEXT NOT NULL,
        iso3              TEXT,
        PRIMARY KEY (recommendation_id, ord)
    ) WITHOUT ROWID;
    CREATE INDEX recommending_state_by_iso3 ON recommending_state(iso3);

    -- Themes, groups of persons and SDGs (from the sources) and tags (the organization's own).
    CREATE TABLE recommendation_label (
        recommendation_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
        kind              TEXT NOT NULL CHECK (kind IN ('theme', 'group', 'sdg', 'tag')),
        value             TEXT NOT NULL,
        PRIMARY KEY (recommendation_id, kind, value)
    ) WITHOUT ROWID;
    CREATE INDEX recommendation_label_by_value ON recommendation_label(kind, value);

    CREATE TABLE evidence_link (
        id                INTEGER PRIMARY KEY,
        recommendation_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
        url               TEXT NOT NULL,
        label             TEXT NOT NULL DEFAULT '',
        added_at          TEXT NOT NULL
    );
    CREATE INDEX evidence_link_by_recommendation ON evidence_link(recommendation_id);

    CREATE TABLE history (
        id                INTEGER PRIMARY KEY,
        recommendation_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
        at                TEXT NOT NULL,
        who               TEXT NOT NULL,
        field             TEXT NOT NULL,
        old_value         TEXT,
        new_value         TEXT
    );
    CREATE INDEX history_by_recommendation ON history(recommendation_id, id);
    "#,
    // v2: settings, and the full-text index over text, States, themes, our ask and notes, filled
    // from what v1 databases already hold. The store keeps it in sync (`store::fts`); the backfill
    // below repeats `fts::REFRESH_SELECT` on purpose: a migration is frozen once shipped, while
    // the store's indexing may change in a later migration.
    r#"
    CREATE TABLE setting (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE VIRTUAL TABLE recommendation_fts USING fts5(
        text, states, themes, our_ask, notes,
        tokenize = "unicode61 remove_diacritics 2"
    );

    INSERT INTO recommendation_fts(rowid, text, states, themes, our_ask, notes)
    SELECT r.id, r.text,
           coalesce((SELECT group_concat(s.name || ' ' || s.name_as_written, ' ')
                     FROM recommending_state s WHERE s.recommendation_id = r.id), ''),
           coalesce((SELECT group_concat(l.value, ' ')
                     FROM recommendation_label l WHERE l.recommendation_id = r.id AND l.kind <> 'tag'), ''),
           r.our_ask, r.notes
    FROM recommendation r;
    "#,
    // v3: a record of every import (file, time, counts, the backup taken just before it).
    r#"
    CREATE TABLE import_log (
        id                      INTEGER PRIMARY KEY,
        at                      TEXT NOT NULL,
        file_name               TEXT NOT NULL,
        format                  TEXT NOT NULL,
        reviews_created         INTEGER NOT NULL,
        recommendations_created INTEGER NOT NULL,
        recommendations_updated INTEGER NOT NULL,
        unchanged               INTEGER NOT NULL,
        problems                INTEGER NOT NULL,
        backup_path             TEXT
    );
    "#,
    // v4, for imports of large exports:
    // - the full-text index keeps no copy of what it indexes (`content=''`): the text is in
    //   `recommendation` already, and nothing reads it back from the index (searches only need
    //   rowids and ranks); a third smaller on disk and a third less to write on import.
    //   `contentless_delete` keeps rows deletable by rowid, as `store::fts` does;
    // - it gathers up to 8 MB of new entries in memory before writing them (`hashsize`, 1 MB by
    //   default), so that a large import writes fewer, larger segments and merges them less;
    // - reviews are found by State and session through an index (each import looks up every
    //   review it reads).
    r#"
    DROP TABLE recommendation_fts;

    CREATE VIRTUAL TABLE recommendation_fts USING fts5(
        text, states, themes, our_ask, notes,
        content = '', contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 2"
    );
    INSERT INTO recommendation_fts(recommendation_fts, rank) VALUES ('hashsize', 8388608);

    CREATE INDEX review_by_state ON review(state_under_review COLLATE NOCASE, wg_session);

    INSERT INTO recommendation_fts(rowid, text, states, themes, our_ask, notes)
    SELECT r.id, r.text,
           coalesce((SELECT group_concat(s.name || ' ' || s.name_as_written, ' ')
                     FROM recommending_state s WHERE s.recommendation_id = r.id), ''),
           coalesce((SELECT group_concat(l.value, ' ')
                     FROM recommendation_label l WHERE l.recommendation_id = r.id AND l.kind <> 'tag'), ''),
           r.our_ask, r.notes
    FROM recommendation r;
    "#,
];

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Runs every pending migration in one transaction, then stamps the version. `from` is the
/// version read when the file was opened: when it is current, nothing is locked.
pub(crate) fn migrate(conn: &mut Connection, from: i64) -> Result<()> {
    if from >= latest_version() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
    // The app and docket-cli share the file: another connection may have migrated it while this
    // one waited for the lock, so the version that counts is the one read inside the transaction.
    let from: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if from > latest_version() {
        return Err(Error::NewerDatabase {
            path: PathBuf::new(), // filled in by `Store::open`
            found: from,
            supported: latest_version(),
        });
    }
    if from == latest_version() {
        return Ok(()); // dropping `tx` rolls back: nothing was written
    }
    for sql in MIGRATIONS.iter().skip(from.max(0) as usize) {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", latest_version())?;
    tx.commit()?;
    Ok(())
}

/// Runs only the first `version` migrations: used to build old databases in tests and fixtures.
#[doc(hidden)]
pub fn migrate_to(conn: &mut Connection, version: i64) -> Result<()> {
    let tx = conn.transaction()?;
    for sql in MIGRATIONS.iter().take(version.max(0) as usize) {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", version)?;
    tx.commit()?;
    Ok(())
}
