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
    // v5, bulk edits, Undo and saved views:
    // - `change`: one row per edit, bulk edit or undo (who, when, what in plain words); each
    //   history row of the organization's tracking belongs to one. `review_id` is NULL when a
    //   bulk edit spans several reviews; `undone_at` is set once it is undone, and `undoes` links
    //   an undo to the change it undid.
    // - `history.change_id` links a row to its change (NULL for an import's changes to the
    //   source's fields, which are not undone); `history.detail` keeps, as JSON, what an undo
    //   needs beyond the shown values (an evidence link's id, address, label and date).
    // - Existing history rows of the tracking become one change each (same id as the row), so
    //   that they show in the review's history; their descriptions repeat `store::history`'s
    //   wording on purpose (a migration is frozen once shipped).
    // - `saved_view`: a named search (words, filters as JSON `[[facet, value], ...]`, sort).
    //   A view of one review goes with it when the review is deleted.
    r#"
    CREATE TABLE change (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        who         TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('edit', 'bulk', 'undo')),
        review_id   INTEGER REFERENCES review(id) ON DELETE CASCADE,
        description TEXT NOT NULL,
        undone_at   TEXT,
        undoes      INTEGER REFERENCES change(id) ON DELETE SET NULL
    );
    CREATE INDEX change_by_review ON change(review_id, at);
    CREATE INDEX change_by_undoes ON change(undoes);

    ALTER TABLE history ADD COLUMN change_id INTEGER REFERENCES change(id) ON DELETE CASCADE;
    ALTER TABLE history ADD COLUMN detail TEXT;
    CREATE INDEX history_by_change ON history(change_id, recommendation_id);

    INSERT INTO change (id, at, who, kind, review_id, description)
    SELECT h.id, h.at, h.who, 'edit', r.review_id,
           CASE
               WHEN h.field = 'priority' AND h.new_value IS NULL THEN 'Priority cleared on '
               WHEN h.field IN ('priority', 'lobbying_status', 'implementation_status') THEN
                   upper(substr(h.field, 1, 1)) || replace(substr(h.field, 2), '_', ' ')
                   || ' set to '
                   || upper(substr(h.new_value, 1, 1)) || replace(substr(h.new_value, 2), '_', ' ')
                   || ' on '
               WHEN h.field = 'assignee' AND coalesce(h.new_value, '') = '' THEN 'Assignee cleared on '
               WHEN h.field = 'assignee' THEN 'Assignee set to ' || h.new_value || ' on '
               WHEN h.field = 'our_ask' AND coalesce(h.new_value, '') = '' THEN 'Our ask cleared on '
               WHEN h.field = 'our_ask' THEN 'Our ask changed on '
               WHEN h.field = 'notes' AND coalesce(h.new_value, '') = '' THEN 'Notes cleared on '
               WHEN h.field = 'notes' THEN 'Notes changed on '
               WHEN h.field = 'tag' AND h.new_value IS NOT NULL THEN 'Tag “' || h.new_value || '” added to '
               WHEN h.field = 'tag' THEN 'Tag “' || coalesce(h.old_value, '') || '” removed from '
               WHEN h.new_value IS NOT NULL THEN 'Evidence added to '
               ELSE 'Evidence removed from '
           END
           || CASE WHEN r.paragraph = '' THEN 'a recommendation' ELSE r.paragraph END
    FROM history h JOIN recommendation r ON r.id = h.recommendation_id
    WHERE h.field IN ('priority', 'our_ask', 'lobbying_status', 'implementation_status',
                      'assignee', 'notes', 'tag', 'evidence');
    -- The rows given a change just above (not those of a recommendation deleted with foreign
    -- keys off, e.g. in the sqlite3 shell: the join left them out, and no change may be named
    -- that does not exist).
    UPDATE history SET change_id = id WHERE id IN (SELECT id FROM change);

    CREATE TABLE saved_view (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL COLLATE NOCASE UNIQUE,
        review_id  INTEGER REFERENCES review(id) ON DELETE CASCADE,
        query      TEXT NOT NULL DEFAULT '',
        filters    TEXT NOT NULL DEFAULT '[]',
        sort       TEXT NOT NULL DEFAULT 'paragraph',
        descending INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE INDEX saved_view_by_review ON saved_view(review_id);
    "#,
    // v6, the calendar:
    // - `calendar_override`: the user's date for an event computed from a review (one per review
    //   and kind; `confirmed` when it is the official date). Gone with the review.
    // - `hrc_session_override`: Settings' corrections of the Council's session dates (Docket's
    //   own table is in the code, `calendar::sessions`).
    // - `deadline`: the organization's own deadlines and tasks. `uid` (the iCalendar UID) is made
    //   once at creation and never changes. A deadline outlives its review (`review_id` becomes
    //   NULL): the organization's work is never deleted with imported data. `due_date` is
    //   `YYYY-MM-DD`, `due_time` `HH:MM` or NULL for the whole day, both in `time_zone` (IANA).
    // - `deadline_recommendation`: the recommendations a deadline is about; a link goes with
    //   either side.
    // - `reminder`: when to remind of a deadline, as minutes before it; `fires_at` is that time
    //   computed (RFC 3339, UTC, to the second, so that instants compare as text), `fired_at` when
    //   it was shown, `snoozed_until` when it comes due again. The partial index serves the
    //   check of pending reminders (`coalesce(snoozed_until, fires_at)` is when one comes due).
    r#"
    CREATE TABLE calendar_override (
        review_id  INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL
                   CHECK (kind IN ('review', 'responses_due', 'speakers_list_opens',
                                   'written_statement_due', 'adoption', 'mid_term',
                                   'next_submission_due', 'next_review')),
        date       TEXT NOT NULL,
        confirmed  INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (review_id, kind)
    ) WITHOUT ROWID;

    CREATE TABLE hrc_session_override (
        number     INTEGER PRIMARY KEY,
        opens      TEXT NOT NULL,
        closes     TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );

    CREATE TABLE deadline (
        id         INTEGER PRIMARY KEY,
        uid        TEXT NOT NULL UNIQUE,
        review_id  INTEGER REFERENCES review(id) ON DELETE SET NULL,
        event_kind TEXT
                   CHECK (event_kind IN ('review', 'responses_due', 'speakers_list_opens',
                                         'written_statement_due', 'adoption', 'mid_term',
                                         'next_submission_due', 'next_review')),
        title      TEXT NOT NULL,
        due_date   TEXT NOT NULL,
        due_time   TEXT,
        time_zone  TEXT NOT NULL,
        owner      TEXT NOT NULL DEFAULT '',
        status     TEXT NOT NULL DEFAULT 'to_do' CHECK (status IN ('to_do', 'in_progress', 'done')),
        notes      TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX deadline_by_review ON deadline(review_id, due_date);

    CREATE TABLE deadline_recommendation (
        deadline_id       INTEGER NOT NULL REFERENCES deadline(id) ON DELETE CASCADE,
        recommendation_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
        PRIMARY KEY (deadline_id, recommendation_id)
    ) WITHOUT ROWID;
    CREATE INDEX deadline_recommendation_by_recommendation
        ON deadline_recommendation(recommendation_id);

    CREATE TABLE reminder (
        id             INTEGER PRIMARY KEY,
        deadline_id    INTEGER NOT NULL REFERENCES deadline(id) ON DELETE CASCADE,
        minutes_before INTEGER NOT NULL CHECK (minutes_before >= 0),
        fires_at       TEXT NOT NULL,
        fired_at       TEXT,
        snoozed_until  TEXT,
        UNIQUE (deadline_id, minutes_before)
    );
    CREATE INDEX reminder_pending ON reminder(coalesce(snoozed_until, fires_at))
        WHERE fired_at IS NULL;
    "#,
    // v7, advocacy:
    // - `statement`: oral and written statements (co-signers as a JSON array of names); the
    //   deadline made when it was registered is linked, and outlives it. A statement outlives its
    //   review (the link is cleared). `statement_recommendation` keeps the linked
    //   recommendations in the order chosen; `statement_version` a snapshot at every status
    //   change and on demand.
    // - `speaker_rate`: each speaker's speaking rate; `session_time_limit`: the NGO speaking time
    //   of a Council session, when it is not the default.
    // - `state_contact`, `state_meeting` (+ its recommendations), `state_lobbying`: the lobbying
    //   of recommending States, each named by `state_key` (its ISO code when known, else
    //   `name:` and its name as written, lowercased) with its ISO code and name kept beside.
    //   A meeting's follow-up deadline lives in the calendar and is deleted with the meeting.
    r#"
    CREATE TABLE statement (
        id                 INTEGER PRIMARY KEY,
        kind               TEXT NOT NULL CHECK (kind IN ('oral', 'written')),
        title              TEXT NOT NULL,
        hrc_session        INTEGER,
        review_id          INTEGER REFERENCES review(id) ON DELETE SET NULL,
        debate             TEXT NOT NULL DEFAULT '',
        organization       TEXT NOT NULL DEFAULT '',
        ecosoc_status      TEXT NOT NULL CHECK (ecosoc_status IN ('general', 'special', 'roster', 'none')),
        co_signers         TEXT NOT NULL DEFAULT '[]',
        speaker            TEXT NOT NULL DEFAULT '',
        words_per_minute   INTEGER NOT NULL,
        time_limit_seconds INTEGER NOT NULL,
        text               TEXT NOT NULL DEFAULT '',
        status             TEXT NOT NULL DEFAULT 'idea'
                           CHECK (status IN ('idea', 'drafting', 'final', 'registered', 'delivered', 'not_called')),
        deadline_id        INTEGER REFERENCES deadline(id) ON DELETE SET NULL,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
    );
    CREATE INDEX statement_by_review ON statement(review_id);

    CREATE TABLE statement_recommendation (
        statement_id      INTEGER NOT NULL REFERENCES statement(id) ON DELETE CASCADE,
        recommendation_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
        ord               INTEGER NOT NULL,
        PRIMARY KEY (statement_id, recommendation_id)
    ) WITHOUT ROWID;
    CREATE INDEX statement_recommendation_by_recommendation ON statement_recommendation(recommendation_id);

    CREATE TABLE statement_version (
        id           INTEGER PRIMARY KEY,
        statement_id INTEGER NOT NULL REFERENCES statement(id) ON DELETE CASCADE,
        at           TEXT NOT NULL,
        who          TEXT NOT NULL,
        label        TEXT NOT NULL,
        status       TEXT NOT NULL,
        title        TEXT NOT NULL,
        text         TEXT NOT NULL,
        words        INTEGER NOT NULL
    );
    CREATE INDEX statement_version_by_statement ON statement_version(statement_id, id);

    CREATE TABLE speaker_rate (
        name             TEXT PRIMARY KEY COLLATE NOCASE,
        words_per_minute INTEGER NOT NULL CHECK (words_per_minute BETWEEN 60 AND 250)
    ) WITHOUT ROWID;

    CREATE TABLE session_time_limit (
        hrc_session INTEGER PRIMARY KEY,
        seconds     INTEGER NOT NULL CHECK (seconds BETWEEN 15 AND 1200)
    );

    CREATE TABLE state_contact (
        id         INTEGER PRIMARY KEY,
        state_key  TEXT NOT NULL,
        iso3       TEXT,
        state_name TEXT NOT NULL,
        name       TEXT NOT NULL,
        role       TEXT NOT NULL DEFAULT '',
        place      TEXT NOT NULL CHECK (place IN ('mission', 'capital')),
        email      TEXT NOT NULL DEFAULT '',
        phone      TEXT NOT NULL DEFAULT '',
        notes      TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX state_contact_by_state ON state_contact(state_key);

    CREATE TABLE state_meeting (
        id                    INTEGER PRIMARY KEY,
        state_key             TEXT NOT NULL,
        iso3                  TEXT,
        state_name            TEXT NOT NULL,
        review_id             INTEGER REFERENCES review(id) ON DELETE SET NULL,
        date                  TEXT NOT NULL,
        who                   TEXT NOT NULL DEFAULT '',
        asked                 TEXT NOT NULL DEFAULT '',
        outcome               TEXT NOT NULL DEFAULT '',
        follow_up_deadline_id INTEGER REFERENCES deadline(id) ON DELETE SET NULL,
        created_at            TEXT NOT NULL,
        updated_at            TEXT NOT NULL
    );
    CREATE INDEX state_meeting_by_state ON state_meeting(state_key, date);

    CREATE TABLE state_meeting_recommendation (
        meeting_id        INTEGER NOT NULL REFERENCES state_meeting(id) ON DELETE CASCADE,
        recommendation_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
        PRIMARY KEY (meeting_id, recommendation_id)
    ) WITHOUT ROWID;

    CREATE TABLE state_lobbying (
        state_key  TEXT PRIMARY KEY,
        iso3       TEXT,
        state_name TEXT NOT NULL,
        status     TEXT NOT NULL DEFAULT 'not_contacted'
                   CHECK (status IN ('not_contacted', 'planned', 'met', 'follow_up', 'supportive', 'unresponsive')),
        notes      TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // v8, export: the organization's logo shown in the header of every document (its name is a
    // `setting`, `organization_name`).
    r#"
    CREATE TABLE organization_logo (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        format TEXT NOT NULL CHECK (format IN ('png', 'jpeg')),
        width  INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes  BLOB NOT NULL
    );
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
