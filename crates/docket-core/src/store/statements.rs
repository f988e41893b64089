//! Statements in the store: their content, linked recommendations, versions, the deadline made
//! when one is registered; speakers' rates and sessions' time limits.
//!
//! - A version (a snapshot of the title, text and status) is kept when a statement is created, at
//!   every status change and on demand; saving the content does not keep one.
//! - Registering a statement puts a deadline in the calendar with the calendar's own writers
//!   (validated, its reminders computed as any deadline's), in the same transaction as the move.
//!   The deadline is the user's: it outlives a move back and the statement itself.
//! - Saving a statement with a speaker remembers the speaker's rate for the next one.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction};

use super::calendar::write_deadline;
use super::{bad_value, checks, insert_or_update, json_ids, RecommendationLinks, Store};
use crate::advocacy::{
    diff, words, workflow, DiffKind, EcosocStatus, NewStatement, Statement, StatementDates,
    StatementKind, StatementStatus, StatementSummary, StatementVersion, VersionDiff,
    DEFAULT_TIME_LIMIT_SECONDS,
};
use crate::calendar::reminders::format_utc;
use crate::calendar::{Deadline, EventKind, LinkedRecommendation, NewDeadline, GENEVA};
use crate::error::{Error, Result};

/// A recommendation as a statement quotes it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    /// Database id.
    pub id: i64,
    /// Paragraph number.
    pub paragraph: String,
    /// The recommending States.
    pub states: Vec<String>,
    /// The text.
    pub text: String,
}

/// Longest title (characters).
const MAX_TITLE: usize = 200;
/// Longest organization, debate, speaker or co-signer name (characters).
const MAX_NAME: usize = 200;
/// Most co-signing organizations.
const MAX_CO_SIGNERS: usize = 20;
/// Longest text (characters): far beyond any statement's limit, to keep a pasted book out.
const MAX_TEXT: usize = 100_000;
/// Longest label of a version saved by hand (characters).
const MAX_LABEL: usize = 200;
/// Speaking rates accepted (words a minute; the schema's CHECK).
const RATES: std::ops::RangeInclusive<u32> = 60..=250;
/// Time limits accepted (seconds; the schema's CHECK).
const TIME_LIMITS: std::ops::RangeInclusive<u32> = 15..=1200;
/// Longest deadline title (the calendar's limit).
const MAX_DEADLINE_TITLE: usize = 200;
/// Reminders of an oral statement's deadline: the day before and on the day (minutes before).
const ORAL_REMINDERS: [i64; 2] = [1440, 0];
/// Reminders of a written statement's deadline: a week and a day before.
const WRITTEN_REMINDERS: [i64; 2] = [10080, 1440];

const COLUMNS: &str = "id, kind, title, hrc_session, review_id, debate, organization,
     ecosoc_status, co_signers, speaker, words_per_minute, time_limit_seconds, text, status,
     deadline_id, created_at, updated_at";

/// A statement's row.
struct StatementRow {
    id: i64,
    kind: StatementKind,
    title: String,
    hrc_session: Option<u32>,
    review_id: Option<i64>,
    debate: String,
    organization: String,
    ecosoc_status: EcosocStatus,
    co_signers: Vec<String>,
    speaker: String,
    words_per_minute: u32,
    time_limit_seconds: u32,
    text: String,
    status: StatementStatus,
    deadline_id: Option<i64>,
    created_at: String,
    updated_at: String,
}

fn parse_status(column: usize, s: &str) -> rusqlite::Result<StatementStatus> {
    StatementStatus::parse(s).ok_or_else(|| bad_value(column, "statement status", s))
}

impl StatementRow {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<StatementRow> {
        let kind: String = r.get(1)?;
        let ecosoc: String = r.get(7)?;
        let co_signers: String = r.get(8)?;
        let status: String = r.get(13)?;
        Ok(StatementRow {
            id: r.get(0)?,
            kind: StatementKind::parse(&kind).ok_or_else(|| bad_value(1, "kind", &kind))?,
            title: r.get(2)?,
            hrc_session: r.get(3)?,
            review_id: r.get(4)?,
            debate: r.get(5)?,
            organization: r.get(6)?,
            ecosoc_status: EcosocStatus::parse(&ecosoc)
                .ok_or_else(|| bad_value(7, "ECOSOC status", &ecosoc))?,
            co_signers: serde_json::from_str(&co_signers)
                .map_err(|_| bad_value(8, "list of co-signers", &co_signers))?,
            speaker: r.get(9)?,
            words_per_minute: r.get(10)?,
            time_limit_seconds: r.get(11)?,
            text: r.get(12)?,
            status: parse_status(13, &status)?,
            deadline_id: r.get(14)?,
            created_at: r.get(15)?,
            updated_at: r.get(16)?,
        })
    }

    fn budget(&self) -> crate::advocacy::Budget {
        words::budget(
            self.kind,
            self.ecosoc_status,
            &self.text,
            self.words_per_minute,
            self.time_limit_seconds,
        )
    }
}

fn load_row(conn: &Connection, id: i64) -> Result<Option<StatementRow>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM statement WHERE id = ?1"))?
        .query_row([id], StatementRow::from_row)
        .optional()?)
}

fn statement_not_found() -> Error {
    checks::gone("statement")
}

fn version_not_found() -> Error {
    Error::NotFound(
        "That version of the statement no longer exists (the statement may have been deleted). \
         Choose another version."
            .into(),
    )
}

/// The statement's linked recommendations, in the order chosen.
fn linked_recommendations(conn: &Connection, id: i64) -> Result<Vec<LinkedRecommendation>> {
    Ok(conn
        .prepare_cached(
            "SELECT r.id, r.review_id, r.paragraph
             FROM statement_recommendation sr JOIN recommendation r ON r.id = sr.recommendation_id
             WHERE sr.statement_id = ?1
             ORDER BY sr.ord, r.id",
        )?
        .query_map([id], |r| {
            Ok(LinkedRecommendation {
                id: r.get(0)?,
                review_id: r.get(1)?,
                paragraph: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A statement as given, checked and normalized.
struct Valid<'a> {
    title: &'a str,
    debate: &'a str,
    organization: &'a str,
    co_signers: Vec<&'a str>,
    speaker: &'a str,
    /// The recommendations, once each, in the order given.
    recommendation_ids: Vec<i64>,
}

/// Refuses a statement that cannot be saved as given.
fn validate(s: &NewStatement) -> Result<Valid<'_>> {
    let invalid = |m: String| Err(Error::InvalidInput(m));
    let title = checks::required(&s.title, MAX_TITLE, "the statement a title")?;
    if !RATES.contains(&s.words_per_minute) {
        return invalid(rate_message(s.words_per_minute));
    }
    if !TIME_LIMITS.contains(&s.time_limit_seconds) {
        return invalid(time_limit_message(s.time_limit_seconds));
    }
    if let Some(n) = s.hrc_session {
        checks::hrc_session(n)?;
    }
    for (value, what) in [
        (&s.organization, "the organization's name"),
        (&s.debate, "the debate's name"),
        (&s.speaker, "the speaker's name"),
    ] {
        checks::at_most(what, value.trim(), MAX_NAME)?;
    }
    let co_signers: Vec<&str> = s
        .co_signers
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    if co_signers.len() > MAX_CO_SIGNERS {
        return invalid(format!(
            "A statement can have up to {MAX_CO_SIGNERS} co-signing organizations, not {}. \
             Remove some and save again.",
            co_signers.len()
        ));
    }
    if let Some(c) = co_signers.iter().find(|c| c.chars().count() > MAX_NAME) {
        let start: String = c.chars().take(40).collect();
        return invalid(format!(
            "The co-signer “{start}…” is too long: keep each organization's name to {MAX_NAME} \
             characters."
        ));
    }
    checks::at_most("the text", &s.text, MAX_TEXT)?;
    let mut recommendation_ids = Vec::with_capacity(s.recommendation_ids.len());
    for id in &s.recommendation_ids {
        if !recommendation_ids.contains(id) {
            recommendation_ids.push(*id);
        }
    }
    Ok(Valid {
        title,
        debate: s.debate.trim(),
        organization: s.organization.trim(),
        co_signers,
        speaker: s.speaker.trim(),
        recommendation_ids,
    })
}

fn rate_message(words_per_minute: u32) -> String {
    format!(
        "A speaking rate of {words_per_minute} words a minute cannot be right: enter {} to {} \
         (130 is a common pace for statements interpreters must follow).",
        RATES.start(),
        RATES.end()
    )
}

fn time_limit_message(seconds: u32) -> String {
    format!(
        "A speaking time of {seconds} seconds cannot be right: enter {} seconds to {} minutes \
         (NGOs usually have 2 minutes, 120 seconds).",
        TIME_LIMITS.start(),
        TIME_LIMITS.end() / 60
    )
}

/// A statement's recommendations, in the order chosen.
const LINKS: RecommendationLinks = RecommendationLinks {
    table: "statement_recommendation",
    column: "statement_id",
    ordered: true,
};

/// Checks and writes a statement's content in the caller's transaction, with its links and its
/// speaker's rate: a new statement (`id` `None`, status "idea"), or the content of one (not its
/// status). Returns its id.
fn write_statement(
    tx: &Transaction<'_>,
    id: Option<i64>,
    statement: &NewStatement,
    v: &Valid<'_>,
    at: &str,
) -> Result<i64> {
    if let Some(id) = id {
        if load_row(tx, id)?.is_none() {
            return Err(statement_not_found());
        }
    }
    checks::review_of(tx, statement.review_id, "statement")?;
    checks::recommendations_exist(tx, &v.recommendation_ids, "statement")?;
    let content = rusqlite::params![
        statement.kind.as_str(),
        v.title,
        statement.hrc_session,
        statement.review_id,
        v.debate,
        v.organization,
        statement.ecosoc_status.as_str(),
        serde_json::Value::from(v.co_signers.clone()).to_string(),
        v.speaker,
        statement.words_per_minute,
        statement.time_limit_seconds,
        statement.text,
        at,
    ];
    let id = insert_or_update(
        tx,
        id,
        "INSERT INTO statement (kind, title, hrc_session, review_id, debate, organization,
             ecosoc_status, co_signers, speaker, words_per_minute, time_limit_seconds, text,
             updated_at, created_at, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, 'idea')",
        "UPDATE statement SET kind = ?1, title = ?2, hrc_session = ?3, review_id = ?4,
             debate = ?5, organization = ?6, ecosoc_status = ?7, co_signers = ?8, speaker = ?9,
             words_per_minute = ?10, time_limit_seconds = ?11, text = ?12, updated_at = ?13
         WHERE id = ?14",
        content,
    )?
    .ok_or_else(statement_not_found)?;
    LINKS.write(tx, id, &v.recommendation_ids)?;
    if !v.speaker.is_empty() {
        write_speaker_rate(tx, v.speaker, statement.words_per_minute)?;
    }
    Ok(id)
}

/// Remembers a speaker's rate (the latest spelling of the name is kept).
fn write_speaker_rate(tx: &Connection, name: &str, words_per_minute: u32) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO speaker_rate (name, words_per_minute) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET
             name = excluded.name, words_per_minute = excluded.words_per_minute",
    )?
    .execute(rusqlite::params![name, words_per_minute])?;
    Ok(())
}

/// What a version keeps.
struct Snapshot<'a> {
    status: StatementStatus,
    title: &'a str,
    text: &'a str,
}

/// Keeps a version; returns its id.
fn insert_version(
    tx: &Transaction<'_>,
    statement_id: i64,
    at: &str,
    who: &str,
    label: &str,
    s: &Snapshot<'_>,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO statement_version (statement_id, at, who, label, status, title, text, words)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(rusqlite::params![
        statement_id,
        at,
        who,
        label,
        s.status.as_str(),
        s.title,
        s.text,
        words::count_words(s.text) as i64,
    ])?;
    Ok(tx.last_insert_rowid())
}

const VERSION_COLUMNS: &str = "id, statement_id, at, who, label, status, title, text, words";

fn version_from_row(r: &Row<'_>) -> rusqlite::Result<StatementVersion> {
    let status: String = r.get(5)?;
    Ok(StatementVersion {
        id: r.get(0)?,
        statement_id: r.get(1)?,
        at: r.get(2)?,
        who: r.get(3)?,
        label: r.get(4)?,
        status: parse_status(5, &status)?,
        title: r.get(6)?,
        text: r.get(7)?,
        words: r.get::<_, i64>(8)?.try_into().unwrap_or(0),
    })
}

fn load_version(conn: &Connection, id: i64) -> Result<StatementVersion> {
    conn.prepare_cached(&format!(
        "SELECT {VERSION_COLUMNS} FROM statement_version WHERE id = ?1"
    ))?
    .query_row([id], version_from_row)
    .optional()?
    .ok_or_else(version_not_found)
}

/// A title in at most `max` characters (cut with an ellipsis).
fn fit(title: String, max: usize) -> String {
    if title.chars().count() <= max {
        return title;
    }
    let mut cut: String = title.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

impl Store {
    /// The statements of one review (`Some`) or all, most recently changed first.
    pub fn statements(&self, review_id: Option<i64>) -> Result<Vec<StatementSummary>> {
        let rows = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM statement WHERE ?1 IS NULL OR review_id = ?1
                 ORDER BY updated_at DESC, id DESC"
            ))?
            .query_map([review_id], StatementRow::from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows
            .into_iter()
            .map(|row| StatementSummary {
                budget: row.budget(),
                id: row.id,
                kind: row.kind,
                title: row.title,
                review_id: row.review_id,
                hrc_session: row.hrc_session,
                status: row.status,
                updated_at: row.updated_at,
            })
            .collect())
    }

    /// One statement, with its budget and its review's dates.
    pub fn statement(&self, id: i64) -> Result<Statement> {
        let row = load_row(&self.conn, id)?.ok_or_else(statement_not_found)?;
        let recommendations = linked_recommendations(&self.conn, id)?;
        let deadline = self.deadline_if_kept(row.deadline_id)?;
        let dates = self.statement_dates(row.review_id, Utc::now())?;
        Ok(Statement {
            budget: row.budget(),
            id: row.id,
            kind: row.kind,
            title: row.title,
            hrc_session: row.hrc_session,
            review_id: row.review_id,
            debate: row.debate,
            organization: row.organization,
            ecosoc_status: row.ecosoc_status,
            co_signers: row.co_signers,
            speaker: row.speaker,
            words_per_minute: row.words_per_minute,
            time_limit_seconds: row.time_limit_seconds,
            text: row.text,
            status: row.status,
            recommendations,
            deadline,
            dates,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }

    /// A statement's deadline, unless the user deleted it in the calendar.
    fn deadline_if_kept(&self, id: Option<i64>) -> Result<Option<Deadline>> {
        match id.map(|id| self.deadline(id)) {
            Some(Ok(d)) => Ok(Some(d)),
            Some(Err(Error::NotFound(_))) | None => Ok(None),
            Some(Err(e)) => Err(e),
        }
    }

    /// The review's dates that matter for a statement, from its calendar (with the user's edits).
    fn statement_dates(
        &self,
        review_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<StatementDates> {
        let mut dates = StatementDates::default();
        let Some(review) = review_id else {
            return Ok(dates);
        };
        for event in self.calendar(Some(review), now)? {
            let slot = match event.kind {
                EventKind::SpeakersListOpens => &mut dates.speakers_list_opens,
                EventKind::WrittenStatementDue => &mut dates.written_statement_due,
                EventKind::Adoption => &mut dates.adoption,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(event.date);
            }
        }
        Ok(dates)
    }

    /// Creates a statement (status "idea") and its first version.
    pub fn create_statement(
        &mut self,
        statement: &NewStatement,
        now: DateTime<Utc>,
    ) -> Result<Statement> {
        let v = validate(statement)?;
        let who = self.user_name()?;
        let at = format_utc(now);
        let id = self.write(|tx| {
            let id = write_statement(tx, None, statement, &v, &at)?;
            let first = Snapshot {
                status: StatementStatus::Idea,
                title: v.title,
                text: &statement.text,
            };
            insert_version(tx, id, &at, &who, "Created", &first)?;
            Ok(id)
        })?;
        self.statement(id)
    }

    /// Replaces a statement's content (not its status).
    pub fn update_statement(
        &mut self,
        id: i64,
        statement: &NewStatement,
        now: DateTime<Utc>,
    ) -> Result<Statement> {
        let v = validate(statement)?;
        self.write(|tx| write_statement(tx, Some(id), statement, &v, &format_utc(now)))?;
        self.statement(id)
    }

    /// Moves a statement to another status: refused when the workflow does not allow it; keeps a
    /// version; registering makes (or moves) its deadline with reminders in the calendar.
    ///
    /// Moving to the status it has is not a move: nothing changes (a second click).
    pub fn set_statement_status(
        &mut self,
        id: i64,
        status: StatementStatus,
        now: DateTime<Utc>,
    ) -> Result<Statement> {
        let row = load_row(&self.conn, id)?.ok_or_else(statement_not_found)?;
        let from = row.status;
        if from == status {
            return self.statement(id);
        }
        if !workflow::can_move(from, status) {
            return Err(Error::InvalidInput(move_message(from, status)));
        }
        let who = self.user_name()?;
        let deadline = if status == StatementStatus::Registered {
            Some(self.registration_deadline(&row, now)?)
        } else {
            None
        };
        let at = format_utc(now);
        let label = format!("{} → {}", workflow::label(from), workflow::label(status));
        // One transaction: the deadline, the move and its version, or nothing.
        self.write(|tx| {
            let deadline_id = match &deadline {
                Some((existing, content)) => Some(write_deadline(tx, *existing, content, now)?),
                None => None,
            };
            let updated = tx
                .prepare_cached(
                    "UPDATE statement SET status = ?3, deadline_id = coalesce(?4, deadline_id),
                         updated_at = ?5
                     WHERE id = ?1 AND status = ?2",
                )?
                .execute(rusqlite::params![
                    id,
                    from.as_str(),
                    status.as_str(),
                    deadline_id,
                    at
                ])?;
            if updated == 0 {
                return Err(Error::InvalidInput(
                    "The statement was changed or deleted in another window meanwhile, so its \
                     status was not changed. Open it again and repeat the change."
                        .into(),
                ));
            }
            let snapshot = Snapshot {
                status,
                title: &row.title,
                text: &row.text,
            };
            insert_version(tx, id, &at, &who, &label, &snapshot)?;
            Ok(())
        })?;
        self.statement(id)
    }

    /// The deadline of a statement being registered: the one it has (to move, keeping the user's
    /// owner, status, notes and links), if it still exists, and its content.
    ///
    /// - Oral: confirm the place on the speakers list the day before the review's adoption (or
    ///   the day after registering, without one), reminded the day before and on the day.
    /// - Written: the review's written-statement deadline (or a week after registering), reminded
    ///   a week and a day before.
    fn registration_deadline(
        &self,
        row: &StatementRow,
        now: DateTime<Utc>,
    ) -> Result<(Option<i64>, NewDeadline)> {
        let today = now.with_timezone(&chrono_tz::Europe::Zurich).date_naive();
        let dates = self.statement_dates(row.review_id, now)?;
        let (title, due, event_kind, reminders) = match row.kind {
            StatementKind::Oral => (
                format!("Confirm our place on the speakers list: {}", row.title),
                dates
                    .adoption
                    .as_deref()
                    .and_then(day)
                    .and_then(|d| d.checked_sub_days(Days::new(1)))
                    .or_else(|| today.checked_add_days(Days::new(1))),
                EventKind::Adoption,
                ORAL_REMINDERS,
            ),
            StatementKind::Written => (
                format!("Written statement due: {}", row.title),
                dates
                    .written_statement_due
                    .as_deref()
                    .and_then(day)
                    .or_else(|| today.checked_add_days(Days::new(7))),
                EventKind::WrittenStatementDue,
                WRITTEN_REMINDERS,
            ),
        };
        let due = due.unwrap_or(today);
        let existing = self.deadline_if_kept(row.deadline_id)?;
        let mut deadline = NewDeadline {
            review_id: row.review_id,
            event_kind: row.review_id.map(|_| event_kind),
            title: fit(title, MAX_DEADLINE_TITLE),
            due_date: due.format("%Y-%m-%d").to_string(),
            due_time: None,
            time_zone: GENEVA.to_owned(),
            owner: String::new(),
            status: crate::calendar::DeadlineStatus::ToDo,
            notes: String::new(),
            recommendation_ids: Vec::new(),
            reminders: reminders.to_vec(),
        };
        match existing {
            Some(d) => {
                // The user's owner, status, notes and links stay.
                deadline.owner = d.owner;
                deadline.status = d.status;
                deadline.notes = d.notes;
                deadline.recommendation_ids = d.recommendations.iter().map(|r| r.id).collect();
                Ok((Some(d.id), deadline))
            }
            None => Ok((None, deadline)),
        }
    }

    /// Deletes a statement with its versions (its deadline stays in the calendar).
    pub fn delete_statement(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            let deleted = tx
                .prepare_cached("DELETE FROM statement WHERE id = ?1")?
                .execute([id])?;
            if deleted == 0 {
                return Err(statement_not_found());
            }
            Ok(())
        })
    }

    /// Keeps a version of the statement as it is now, with the user's label.
    pub fn snapshot_statement(
        &mut self,
        id: i64,
        label: &str,
        now: DateTime<Utc>,
    ) -> Result<StatementVersion> {
        let label = label.trim();
        checks::at_most("the version's label", label, MAX_LABEL)?;
        let label = if label.is_empty() {
            "Saved by hand".to_owned()
        } else {
            format!("Saved by hand: {label}")
        };
        let who = self.user_name()?;
        let at = format_utc(now);
        let version = self.write(|tx| {
            let row = load_row(tx, id)?.ok_or_else(statement_not_found)?;
            let snapshot = Snapshot {
                status: row.status,
                title: &row.title,
                text: &row.text,
            };
            insert_version(tx, id, &at, &who, &label, &snapshot)
        })?;
        load_version(&self.conn, version)
    }

    /// A statement's versions, newest first.
    pub fn statement_versions(&self, id: i64) -> Result<Vec<StatementVersion>> {
        if load_row(&self.conn, id)?.is_none() {
            return Err(statement_not_found());
        }
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {VERSION_COLUMNS} FROM statement_version WHERE statement_id = ?1
                 ORDER BY id DESC"
            ))?
            .query_map([id], version_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The differences between two versions of a statement; `right` `None` compares with the
    /// statement as it is now (as a version with id 0, labelled "Now").
    pub fn diff_versions(&self, left: i64, right: Option<i64>) -> Result<VersionDiff> {
        let left = load_version(&self.conn, left)?;
        let right = match right {
            Some(right) => {
                let right = load_version(&self.conn, right)?;
                if right.statement_id != left.statement_id {
                    return Err(Error::InvalidInput(
                        "These two versions belong to different statements, so they cannot be \
                         compared. Choose two versions of the same statement."
                            .into(),
                    ));
                }
                right
            }
            None => {
                let row =
                    load_row(&self.conn, left.statement_id)?.ok_or_else(statement_not_found)?;
                StatementVersion {
                    id: 0,
                    statement_id: row.id,
                    at: row.updated_at,
                    who: self.user_name()?,
                    label: "Now".into(),
                    status: row.status,
                    title: row.title,
                    words: words::count_words(&row.text),
                    text: row.text,
                }
            }
        };
        let parts = diff::diff_words(&left.text, &right.text);
        let count = |kind: DiffKind| -> usize {
            parts
                .iter()
                .filter(|p| p.kind == kind)
                .map(|p| words::count_words(&p.text))
                .sum()
        };
        Ok(VersionDiff {
            added_words: count(DiffKind::Added),
            removed_words: count(DiffKind::Removed),
            left,
            right,
            parts,
        })
    }

    /// Recommendations as a statement quotes them, in the order given: paragraph, recommending
    /// States (canonical names, in their order) and text.
    pub fn quotes(&self, ids: &[i64]) -> Result<Vec<Quote>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = json_ids(ids);
        let mut found: HashMap<i64, Quote> = self
            .conn
            .prepare_cached(
                "SELECT id, paragraph, text FROM recommendation
                 WHERE id IN (SELECT value FROM json_each(?1))",
            )?
            .query_map([&list], |r| {
                Ok(Quote {
                    id: r.get(0)?,
                    paragraph: r.get(1)?,
                    states: Vec::new(),
                    text: r.get(2)?,
                })
            })?
            .map(|q| q.map(|q| (q.id, q)))
            .collect::<rusqlite::Result<_>>()?;
        let mut wanted = ids.to_vec();
        wanted.sort_unstable();
        wanted.dedup();
        let missing = wanted.iter().filter(|id| !found.contains_key(id)).count();
        if missing > 0 {
            let what = if missing == 1 {
                "One of the recommendations to quote no longer exists".to_owned()
            } else {
                format!("{missing} of the recommendations to quote no longer exist")
            };
            return Err(Error::NotFound(format!(
                "{what} (deleted, or replaced by an import). Remove it from the statement and \
                 try again."
            )));
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT recommendation_id, name FROM recommending_state
             WHERE recommendation_id IN (SELECT value FROM json_each(?1))
             ORDER BY recommendation_id, ord",
        )?;
        let mut rows = stmt.query([&list])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if let Some(q) = found.get_mut(&id) {
                q.states.push(r.get(1)?);
            }
        }
        Ok(ids.iter().filter_map(|id| found.get(id).cloned()).collect())
    }

    /// Every speaker's rate, by name.
    pub fn speaker_rates(&self) -> Result<Vec<(String, u32)>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT name, words_per_minute FROM speaker_rate ORDER BY name COLLATE NOCASE",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Sets a speaker's rate (60-250 words a minute).
    pub fn set_speaker_rate(&mut self, name: &str, words_per_minute: u32) -> Result<()> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME {
            return Err(Error::InvalidInput(format!(
                "Enter the speaker's name (1 to {MAX_NAME} characters)."
            )));
        }
        if !RATES.contains(&words_per_minute) {
            return Err(Error::InvalidInput(rate_message(words_per_minute)));
        }
        self.write(|tx| write_speaker_rate(tx, name, words_per_minute))
    }

    /// The NGO speaking time of a Council session, if set (else the default).
    pub fn session_time_limit(&self, hrc_session: u32) -> Result<u32> {
        let set: Option<u32> = self
            .conn
            .prepare_cached("SELECT seconds FROM session_time_limit WHERE hrc_session = ?1")?
            .query_row([hrc_session], |r| r.get(0))
            .optional()?;
        Ok(set.unwrap_or(DEFAULT_TIME_LIMIT_SECONDS))
    }

    /// Sets the NGO speaking time of a Council session (15-1,200 seconds).
    pub fn set_session_time_limit(&mut self, hrc_session: u32, seconds: u32) -> Result<()> {
        checks::hrc_session(hrc_session)?;
        if !TIME_LIMITS.contains(&seconds) {
            return Err(Error::InvalidInput(time_limit_message(seconds)));
        }
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO session_time_limit (hrc_session, seconds) VALUES (?1, ?2)
                 ON CONFLICT (hrc_session) DO UPDATE SET seconds = excluded.seconds",
            )?
            .execute([hrc_session, seconds])?;
            Ok(())
        })
    }
}

/// Why a move is refused, with the moves that are allowed.
fn move_message(from: StatementStatus, to: StatementStatus) -> String {
    let steps: Vec<&str> = workflow::next_steps(from)
        .into_iter()
        .map(workflow::label)
        .collect();
    let allowed = match steps.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    };
    format!(
        "A statement can go from {} to {allowed}, not to {}. It moves one step at a time (idea, \
         drafting, final, registered, then delivered or not called), or back to an earlier \
         stage.",
        workflow::label(from),
        workflow::label(to)
    )
}
