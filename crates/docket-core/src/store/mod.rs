//! The local SQLite store: one file in the user's data folder.
//!
//! - Open-time pragmas live in [`configure`], each commented.
//! - The schema is migrated by [`migrations`]; a newer or foreign database is refused and left
//!   untouched, never deleted.
//! - Every write goes through [`Store::write`], which owns the transaction: commit on `Ok`,
//!   roll back on `Err`.
//! - The full-text index is kept in sync here ([`fts`]), by every write path that changes what it
//!   covers.

mod calendar;
mod checks;
pub(crate) use checks::thousands;
pub(crate) use queries::parse_stored;
pub mod fts;
mod history;
pub mod import;
mod lobbying;
pub mod migrations;
mod organization;
mod queries;
pub mod search;
pub mod statements;
mod tracking;
mod views;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, Transaction};

use crate::domain::{NewRecommendation, NewReview};
use crate::error::{Error, Result};
use crate::paragraph;
use crate::states;

/// The store: a connection to Docket's SQLite database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The search's in-memory index, built on first use (see [`search`]).
    search_index: search::IndexCache,
}

/// Pragmas set on every connection, before anything else runs.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // The app and docket-cli may use the file at the same time: wait up to 5 s for a lock instead of
    // failing at once. First, so that the pragmas below wait too.
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Write-ahead logging: readers never block the writer, and a crash mid-write cannot damage
    // committed data. Switching a new file to WAL needs an exclusive lock, and SQLite does not wait
    // for it when another connection is switching at the same moment (that would deadlock), so
    // this retries until the busy timeout.
    let start = std::time::Instant::now();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            result => break result?,
        }
    }
    // With WAL, NORMAL is durable across application crashes (the OS keeps the log); only a power
    // loss can undo the last transactions, never corrupt the file.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Enforce REFERENCES ... ON DELETE CASCADE (off by default in SQLite).
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Temporary tables and indexes in memory, not in temp files beside the user's data.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// How long a connection waits for another one's lock (see [`configure`]).
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// The header every SQLite 3 file starts with.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// A database written by a newer Docket, a damaged file, or a SQLite file that is not
    /// Docket's is refused with a clear message and left exactly as it was.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(|e| {
                    Error::io(
                        format!("Docket could not create its data folder {}", dir.display()),
                        e,
                    )
                })?;
            }
        }
        check_header(path)?;
        let corrupt = |e: rusqlite::Error| classify(e, path);
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(corrupt)?;
        // Waiting for locks writes nothing, and reading the identity may have to wait for the
        // other program (app or docket-cli) to finish creating the file.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(corrupt)?;
        // Read the version before any pragma writes to the file.
        let (version, app_id, tables) = read_identity(&conn).map_err(corrupt)?;
        // Anything but a brand-new empty file must carry Docket's application_id (every migration
        // stamps it): another program's file with its own `user_version` is not migrated.
        let empty = version == 0 && app_id == 0 && tables == 0;
        if !empty && app_id != migrations::APPLICATION_ID {
            return Err(Error::CorruptDatabase {
                path: path.to_path_buf(),
                detail: "it is a database of another program".into(),
            });
        }
        if version > migrations::latest_version() {
            return Err(Error::NewerDatabase {
                path: path.to_path_buf(),
                found: version,
                supported: migrations::latest_version(),
            });
        }
        configure(&conn).map_err(corrupt)?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            search_index: Default::default(),
        };
        migrations::migrate(&mut store.conn, version).map_err(|e| match e {
            Error::Database(e) => classify(e, path),
            Error::CorruptDatabase { detail, .. } => Error::CorruptDatabase {
                path: path.to_path_buf(),
                detail,
            },
            Error::NewerDatabase {
                found, supported, ..
            } => Error::NewerDatabase {
                path: path.to_path_buf(),
                found,
                supported,
            },
            other => other,
        })?;
        Ok(store)
    }

    /// A fresh database in memory (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrations::migrate(&mut conn, 0)?;
        Ok(Store {
            conn,
            path: None,
            search_index: Default::default(),
        })
    }

    /// The database file, if on disk.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Read access for queries that live outside this module (tests, later features).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one transaction: committed if it returns `Ok`, rolled back if it returns `Err`.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// The user name recorded in the history: the one set in Settings, else the OS account's name.
    pub fn user_name(&self) -> Result<String> {
        let set: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = 'user_name'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(set
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(os_user_name))
    }

    /// Sets the user name recorded in the history.
    pub fn set_user_name(&mut self, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(Error::InvalidInput(
                "Enter a name of 1 to 100 characters: it is shown in the history of every change you make."
                    .into(),
            ));
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO setting(key, value) VALUES ('user_name', ?1)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [name],
            )?;
            Ok(())
        })
    }

    /// Creates a review with its recommendations in one transaction; returns the review id.
    pub fn create_review(
        &mut self,
        review: &NewReview,
        recommendations: &[NewRecommendation],
    ) -> Result<i64> {
        self.write(|tx| {
            let id = insert_review(tx, review)?;
            let mut inserter = Inserter::new(tx)?;
            for rec in recommendations {
                inserter.insert(id, rec)?;
            }
            Ok(id)
        })
    }
}

/// The OS account's name: the history's author until a name is set in Settings.
pub fn os_user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "me".to_string())
}

/// Refuses, without opening it with SQLite, a file that is not a SQLite database at all.
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(Error::io(
                format!("Docket could not open its data file {}", path.display()),
                e,
            ))
        }
    };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => {
                return Err(Error::io(
                    format!("Docket could not read its data file {}", path.display()),
                    e,
                ))
            }
        }
    }
    // An empty file is a valid, empty SQLite database.
    if read == 0 || (read == header.len() && &header == SQLITE_HEADER) {
        Ok(())
    } else {
        Err(Error::CorruptDatabase {
            path: path.to_path_buf(),
            detail: "it is not a SQLite database".into(),
        })
    }
}

/// The file's `user_version`, `application_id` and number of schema objects, read in one statement
/// so that they come from one snapshot (another program may be creating the file meanwhile).
fn read_identity(conn: &Connection) -> rusqlite::Result<(i64, i64, i64)> {
    conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version),
                (SELECT application_id FROM pragma_application_id),
                (SELECT count(*) FROM sqlite_master)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}

/// Turns SQLite's "this is not a database / it is corrupt" into [`Error::CorruptDatabase`].
fn classify(e: rusqlite::Error, path: &Path) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
            Error::CorruptDatabase {
                path: path.to_path_buf(),
                detail: e.to_string(),
            }
        }
        _ => Error::Database(e),
    }
}

/// Inserts a review row; the State under review is made canonical when it is a known State.
pub(crate) fn insert_review(tx: &Transaction<'_>, review: &NewReview) -> Result<i64> {
    let name = review.state_under_review.trim();
    if name.is_empty() {
        return Err(Error::InvalidInput(
            "A review needs the State under review.".into(),
        ));
    }
    let known = states::resolve(name);
    tx.prepare_cached(
        "INSERT INTO review (state_under_review, sur_iso3, cycle, wg_session, review_date,
                             report_symbol, addendum_symbol, adoption_date, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(rusqlite::params![
        known.map_or(name, |s| s.name),
        known.map(|s| s.iso3),
        review.cycle,
        review.wg_session,
        review.review_date,
        review.report_symbol,
        review.addendum_symbol,
        review.adoption_date,
        now(),
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Inserts new recommendations with their recommending States, labels and row of the full-text
/// index, for bulk inserts (an import, a new review): the statements are prepared once, and
/// each State's name resolved once per distinct name.
pub(crate) struct Inserter<'t> {
    recommendation: rusqlite::CachedStatement<'t>,
    state: rusqlite::CachedStatement<'t>,
    label: rusqlite::CachedStatement<'t>,
    fts: rusqlite::CachedStatement<'t>,
    /// Each State name as written (trimmed) → its canonical State, when known.
    resolved: HashMap<String, Option<&'static states::State>>,
    /// The last index row's States and labels columns (buffers reused from row to row).
    states_text: String,
    themes_text: String,
    labels: Vec<(&'static str, String)>,
}

impl<'t> Inserter<'t> {
    /// Prepares the statements. New recommendations get ids above every existing one, so index
    /// rows left there (by a recommendation deleted outside Docket) are removed first.
    pub(crate) fn new(tx: &'t Transaction<'_>) -> Result<Inserter<'t>> {
        fts::clear_above_last(tx)?;
        Ok(Inserter {
            recommendation: tx.prepare_cached(
                "INSERT INTO recommendation (review_id, paragraph, sort_key, text, position,
                                             position_source, action_category)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
            state: tx.prepare_cached(
                "INSERT INTO recommending_state (recommendation_id, ord, name, name_as_written, iso3)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            label: tx.prepare_cached(
                "INSERT OR IGNORE INTO recommendation_label (recommendation_id, kind, value) VALUES (?1, ?2, ?3)",
            )?,
            fts: tx.prepare_cached(fts::INSERT_ROW)?,
            resolved: HashMap::new(),
            states_text: String::new(),
            themes_text: String::new(),
            labels: Vec::new(),
        })
    }

    /// The canonical State of a name as written (trimmed, non-empty), resolved once per name.
    fn resolve(&mut self, written: &str) -> Option<&'static states::State> {
        if let Some(known) = self.resolved.get(written) {
            return *known;
        }
        let known = states::resolve(written);
        self.resolved.insert(written.to_owned(), known);
        known
    }

    /// Inserts one new recommendation with its States, labels and index row (the row
    /// [`fts::refresh`] would write, built from what is inserted rather than read back).
    /// Returns its id.
    pub(crate) fn insert(&mut self, review_id: i64, rec: &NewRecommendation) -> Result<i64> {
        let text = rec.text.trim();
        if text.is_empty() {
            return Err(Error::InvalidInput(format!(
                "Recommendation {} has no text.",
                rec.paragraph
            )));
        }
        if let Some(c) = rec.action_category {
            check_action_category(&rec.paragraph, c)?;
        }
        let para = rec.paragraph.trim();
        let id = self
            .recommendation
            .insert(rusqlite::params![
                review_id,
                para,
                paragraph::sort_key(para),
                text,
                rec.position.as_str(),
                rec.position_source,
                rec.action_category,
            ])
            .map_err(|e| match e.sqlite_error_code() {
                Some(ErrorCode::ConstraintViolation) => {
                    Error::InvalidInput(format!("Paragraph {para} appears twice in this review."))
                }
                _ => Error::Database(e),
            })?;
        self.insert_states(id, &rec.states)?;
        self.labels.clear();
        for (kind, values) in [
            ("theme", &rec.themes),
            ("group", &rec.groups_of_persons),
            ("sdg", &rec.sdgs),
        ] {
            for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
                self.label.execute(rusqlite::params![id, kind, v])?;
                self.labels.push((kind, v.to_owned()));
            }
        }
        // As `fts::REFRESH_SELECT` reads them back: labels in (kind, value) order, once each.
        self.labels.sort_unstable();
        self.labels.dedup();
        self.themes_text.clear();
        for (_, v) in &self.labels {
            if !self.themes_text.is_empty() {
                self.themes_text.push(' ');
            }
            self.themes_text.push_str(v);
        }
        self.fts.execute(rusqlite::params![
            id,
            text,
            self.states_text,
            self.themes_text
        ])?;
        Ok(id)
    }

    /// Adds a new recommendation's recommending States, and fills `states_text` with the index
    /// row's States column ("name name-as-written" for each, in order).
    fn insert_states(&mut self, id: i64, names: &[String]) -> Result<()> {
        self.states_text.clear();
        let written = names.iter().map(|s| s.trim()).filter(|s| !s.is_empty());
        for (ord, written) in written.enumerate() {
            let known = self.resolve(written);
            let name = known.map_or(written, |s| s.name);
            self.state.execute(rusqlite::params![
                id,
                ord as i64,
                name,
                written,
                known.map(|s| s.iso3),
            ])?;
            if !self.states_text.is_empty() {
                self.states_text.push(' ');
            }
            self.states_text.push_str(name);
            self.states_text.push(' ');
            self.states_text.push_str(written);
        }
        Ok(())
    }
}

/// Refuses an action category outside UPR Info's 1 to 5 (the schema's CHECK, in Rust).
pub(crate) fn check_action_category(paragraph: &str, category: i64) -> Result<()> {
    if (1..=5).contains(&category) {
        return Ok(());
    }
    Err(Error::InvalidInput(format!(
        "Recommendation {paragraph}: the action category must be 1 to 5, not {category}."
    )))
}

/// Adds a recommendation's recommending States (after any it has), each resolved to the canonical
/// list; a name that is not a known State is kept as written with no ISO code.
pub(crate) fn insert_states(tx: &Transaction<'_>, id: i64, names: &[String]) -> Result<()> {
    let mut st = tx.prepare_cached(
        "INSERT INTO recommending_state (recommendation_id, ord, name, name_as_written, iso3)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let written = names.iter().map(|s| s.trim()).filter(|s| !s.is_empty());
    for (ord, written) in written.enumerate() {
        let known = states::resolve(written);
        st.execute(rusqlite::params![
            id,
            ord as i64,
            known.map_or(written, |s| s.name),
            written,
            known.map(|s| s.iso3),
        ])?;
    }
    Ok(())
}

/// Adds labels of one kind (`theme`, `group`, `sdg`, `tag`) to a recommendation; blanks and
/// duplicates are skipped.
pub(crate) fn insert_labels(
    tx: &Transaction<'_>,
    id: i64,
    kind: &str,
    values: &[String],
) -> Result<()> {
    let mut label = tx.prepare_cached(
        "INSERT OR IGNORE INTO recommendation_label (recommendation_id, kind, value) VALUES (?1, ?2, ?3)",
    )?;
    for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        label.execute(rusqlite::params![id, kind, v])?;
    }
    Ok(())
}

/// Writes one history row that belongs to no change (an import's change to the source's
/// fields, which Undo does not revert): when, who, which field, the value before and after.
pub(crate) fn insert_history(
    tx: &Transaction<'_>,
    id: i64,
    who: &str,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    history::insert_entry(
        tx,
        &now(),
        who,
        &history::Entry {
            change_id: None,
            recommendation_id: id,
            field,
            old,
            new,
            detail: None,
        },
    )
}

/// The current time, RFC 3339 UTC to the second.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A stored value that does not parse (a bug or an edit outside Docket), as a database error.
fn bad_value(column: usize, what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Text,
        format!("unknown {what} {value:?}").into(),
    )
}

/// A row's values and then one more (its id, or its key) as one statement's parameters, so that
/// the same values serve the row's INSERT and its UPDATE (`… WHERE id = ?N`, N one past them).
fn and_last<'a>(
    values: &'a [&'a dyn rusqlite::ToSql],
    last: &'a dyn rusqlite::ToSql,
) -> impl rusqlite::Params + 'a {
    rusqlite::params_from_iter(values.iter().copied().chain([last]))
}

/// A table that links rows of one kind (deadlines, statements, meetings) to recommendations.
struct RecommendationLinks {
    /// The link table.
    table: &'static str,
    /// Its column of the linking row's id (beside `recommendation_id`).
    column: &'static str,
    /// Whether it keeps the order given, in `ord`.
    ordered: bool,
}

impl RecommendationLinks {
    /// Links a row to its recommendations (replacing any links it had), in the order given when
    /// the table keeps one.
    fn write(&self, tx: &Transaction<'_>, id: i64, ids: &[i64]) -> Result<()> {
        let RecommendationLinks {
            table,
            column,
            ordered,
        } = self;
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE {column} = ?1"))?
            .execute([id])?;
        let (ord, key) = if *ordered {
            (", ord", ", key")
        } else {
            ("", "")
        };
        tx.prepare_cached(&format!(
            "INSERT INTO {table} ({column}, recommendation_id{ord})
             SELECT ?1, value{key} FROM json_each(?2)"
        ))?
        .execute(rusqlite::params![id, json_ids(ids)])?;
        Ok(())
    }
}

/// Saves a row from its values: a new one with `insert` (`id` `None`), or row `id` with `update`,
/// which takes the id after the values (see [`and_last`]). Returns the row's id, or `None` when
/// row `id` does not exist.
fn insert_or_update(
    tx: &Transaction<'_>,
    id: Option<i64>,
    insert: &str,
    update: &str,
    values: &[&dyn rusqlite::ToSql],
) -> Result<Option<i64>> {
    match id {
        None => {
            tx.prepare_cached(insert)?.execute(values)?;
            Ok(Some(tx.last_insert_rowid()))
        }
        Some(id) => {
            let updated = tx.prepare_cached(update)?.execute(and_last(values, &id))?;
            Ok((updated > 0).then_some(id))
        }
    }
}

/// The recommendations linked to each row, by the row's id, from a query that gives
/// `(row id, r.id, r.review_id, r.paragraph)` in the order to keep.
fn linked_by_row(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<HashMap<i64, Vec<crate::calendar::LinkedRecommendation>>> {
    let mut links: HashMap<i64, Vec<_>> = HashMap::new();
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    while let Some(r) = rows.next()? {
        links
            .entry(r.get(0)?)
            .or_default()
            .push(crate::calendar::LinkedRecommendation {
                id: r.get(1)?,
                review_id: r.get(2)?,
                paragraph: r.get(3)?,
            });
    }
    Ok(links)
}

/// The ids as a JSON array, for `json_each`: one parameter however many ids there are.
pub(crate) fn json_ids(ids: &[i64]) -> String {
    let mut out = String::with_capacity(ids.len() * 8 + 2);
    out.push('[');
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&id.to_string());
    }
    out.push(']');
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::Position;

    #[test]
    fn index_row_of_an_insert_is_what_the_refresh_reads_back() {
        let mut store = Store::open_in_memory().expect("store");
        let review = NewReview {
            state_under_review: "Narnia".into(),
            cycle: None,
            wg_session: Some(1),
            review_date: None,
            report_symbol: None,
            addendum_symbol: None,
            adoption_date: None,
        };
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let recs = [
            NewRecommendation {
                paragraph: "1.1".into(),
                text: "  Abolish the death penalty ".into(),
                states: strings(&[
                    " Turkey ",
                    "",
                    "Atlantis",
                    "Türkiye",
                    "Bolivarian Republic of Venezuela",
                ]),
                position: Position::Supported,
                position_source: None,
                themes: strings(&["Women's rights", "Death penalty", " Death penalty ", ""]),
                groups_of_persons: strings(&["Women", "Death penalty"]),
                sdgs: strings(&["5 - GENDER EQUALITY"]),
                action_category: Some(4),
                tracking: None,
            },
            NewRecommendation {
                paragraph: "1.2".into(),
                text: "Ratify".into(),
                states: Vec::new(),
                position: Position::Pending,
                position_source: None,
                themes: Vec::new(),
                groups_of_persons: Vec::new(),
                sdgs: Vec::new(),
                action_category: None,
                tracking: None,
            },
        ];
        store
            .write(|tx| {
                let review_id = insert_review(tx, &review)?;
                let mut inserter = Inserter::new(tx)?;
                for rec in &recs {
                    let id = inserter.insert(review_id, rec)?;
                    let (states, themes): (String, String) = tx.query_row(
                        &format!("SELECT * FROM ({}) WHERE id = ?1", fts::REFRESH_SELECT),
                        [id],
                        |r| Ok((r.get(2)?, r.get(3)?)),
                    )?;
                    assert_eq!(inserter.states_text, states, "{rec:?}");
                    assert_eq!(inserter.themes_text, themes, "{rec:?}");
                }
                Ok(())
            })
            .expect("insert");
    }
}
