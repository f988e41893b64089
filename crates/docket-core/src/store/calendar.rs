//! The calendar in the store: each review's computed timeline with the user's edits, the
//! Council's session dates as corrected in Settings, the organization's deadlines and their
//! reminders.
//!
//! - The computed dates are not stored: [`rules::timeline`] gives them from the review's row and
//!   the Council's sessions each time; only the user's changes are (`calendar_override`,
//!   `hrc_session_override`).
//! - A deadline's reminders store their computed time (`fires_at`), so that the app's check is
//!   one indexed query; it is computed again when the deadline's due day, time or zone changes.
//! - Every instant is stored as RFC 3339 in UTC to the second ([`reminders::format_utc`]): stored
//!   instants compare as text in the order of time.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::{Connection, Row, Transaction};

use super::{and_last, bad_value, checks, json_ids, linked_by_row, RecommendationLinks, Store};
use crate::calendar::reminders::{self, format_utc, parse_utc, DueAt, MAX_MINUTES_BEFORE};
use crate::calendar::rules::{self, ReviewFacts};
use crate::calendar::sessions::HrcSessions;
use crate::calendar::{
    CalendarEvent, Deadline, DeadlineStatus, DueReminder, EventDateEdit, EventKind,
    HrcSessionDates, NewDeadline, Reminder, ReminderCheck,
};
use crate::error::{Error, Result};

/// Longest deadline title (characters).
const MAX_TITLE: usize = 200;
/// Longest owner (characters).
const MAX_OWNER: usize = 100;
/// Longest notes (characters).
const MAX_NOTES: usize = 20_000;
/// Most reminders a deadline has.
const MAX_REMINDERS: usize = 10;
/// The years a computed event or a Council session may be moved to: the Council's first year
/// to the end of the century (a typed year outside them is a typo).
const EVENT_YEARS: std::ops::RangeInclusive<i32> = 2006..=2100;
/// The years a deadline may be due in.
const DEADLINE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
/// The longest a Council session may be corrected to, in days from first to last: 20 weeks, for a
/// session suspended and resumed (HRC43 ran from 24 February to 22 June 2020, COVID-19).
const MAX_SESSION_DAYS: i64 = 20 * 7;

/// What the rule text says of the organization's own deadlines.
const DEADLINE_RULE: &str = "Your deadline";

/// A time as the user types it: `HH:MM` exactly, 00:00 to 23:59.
fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    if b.len() != 5 || b[2] != b':' || !digits(&b[..2]) || !digits(&b[3..]) {
        return None;
    }
    NaiveTime::parse_from_str(s, "%H:%M").ok()
}

/// A day stored by Docket (or by an import: anything else is ignored, not an error).
fn stored_day(s: Option<&str>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
}

fn day_string(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The timeline's order of the kinds (the organization's deadlines last on a day).
/// A review as the calendar reads it.
struct ReviewRow {
    id: i64,
    state: String,
    iso3: Option<String>,
    wg_session: Option<i64>,
    review_date: Option<String>,
    adoption_date: Option<String>,
}

const REVIEW_COLUMNS: &str =
    "id, state_under_review, sur_iso3, wg_session, review_date, adoption_date";

impl ReviewRow {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<ReviewRow> {
        Ok(ReviewRow {
            id: r.get(0)?,
            state: r.get(1)?,
            iso3: r.get(2)?,
            wg_session: r.get(3)?,
            review_date: r.get(4)?,
            adoption_date: r.get(5)?,
        })
    }

    fn facts(&self) -> ReviewFacts {
        ReviewFacts {
            state: self.state.clone(),
            iso3: self.iso3.clone(),
            wg_session: self
                .wg_session
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| *n > 0),
            review_date: stored_day(self.review_date.as_deref()),
            adoption_date: stored_day(self.adoption_date.as_deref()),
        }
    }

    fn label(&self) -> String {
        review_label(&self.state, self.wg_session, self.review_date.as_deref())
    }
}

/// A review in words: "United States of America, WG 36", else with its date, else the State.
pub(super) fn review_label(
    state: &str,
    wg_session: Option<i64>,
    review_date: Option<&str>,
) -> String {
    if let Some(n) = wg_session.filter(|n| *n > 0) {
        format!("{state}, WG {n}")
    } else if let Some(d) = stored_day(review_date) {
        format!("{state}, {}", day_string(d))
    } else {
        state.to_owned()
    }
}

/// The user's date for a computed event.
#[derive(Clone, Copy)]
struct Override {
    date: NaiveDate,
    confirmed: bool,
}

/// Which deadlines to load.
#[derive(Clone, Copy)]
enum Scope {
    /// One, by id.
    Id(i64),
    /// Those of a review.
    Review(i64),
    /// Every deadline.
    All,
    /// Those linked to a recommendation.
    Recommendation(i64),
}

impl Scope {
    /// The condition on `deadline d`, and its parameter.
    fn filter(self) -> (&'static str, Option<i64>) {
        match self {
            Scope::Id(id) => ("d.id = ?1", Some(id)),
            Scope::Review(id) => ("d.review_id = ?1", Some(id)),
            Scope::All => ("1", None),
            Scope::Recommendation(id) => (
                "d.id IN (SELECT deadline_id FROM deadline_recommendation
                          WHERE recommendation_id = ?1)",
                Some(id),
            ),
        }
    }
}

const DEADLINE_COLUMNS: &str = "d.id, d.uid, d.review_id, d.event_kind, d.title, d.due_date,
     d.due_time, d.time_zone, d.owner, d.status, d.notes, d.created_at, d.updated_at";

fn deadline_from_row(r: &Row<'_>) -> rusqlite::Result<Deadline> {
    let kind: Option<String> = r.get(3)?;
    let event_kind = match kind {
        Some(k) => Some(EventKind::parse(&k).ok_or_else(|| bad_value(3, "event kind", &k))?),
        None => None,
    };
    let status: String = r.get(9)?;
    Ok(Deadline {
        id: r.get(0)?,
        uid: r.get(1)?,
        review_id: r.get(2)?,
        event_kind,
        title: r.get(4)?,
        due_date: r.get(5)?,
        due_time: r.get(6)?,
        time_zone: r.get(7)?,
        owner: r.get(8)?,
        status: DeadlineStatus::parse(&status)
            .ok_or_else(|| bad_value(9, "deadline status", &status))?,
        notes: r.get(10)?,
        recommendations: Vec::new(),
        reminders: Vec::new(),
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
    })
}

/// The deadlines in scope with their links and reminders, soonest first: three queries
/// whatever their number.
fn load_deadlines(conn: &Connection, scope: Scope) -> Result<Vec<Deadline>> {
    let (filter, param) = scope.filter();
    let params = rusqlite::params_from_iter(param.iter());
    let mut deadlines = conn
        .prepare_cached(&format!(
            "SELECT {DEADLINE_COLUMNS} FROM deadline d WHERE {filter}
             ORDER BY d.due_date, coalesce(d.due_time, ''), d.id"
        ))?
        .query_map(params, deadline_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if deadlines.is_empty() {
        return Ok(deadlines);
    }
    let mut links = linked_by_row(
        conn,
        &format!(
            "SELECT dr.deadline_id, r.id, r.review_id, r.paragraph
             FROM deadline d
             JOIN deadline_recommendation dr ON dr.deadline_id = d.id
             JOIN recommendation r ON r.id = dr.recommendation_id
             WHERE {filter}
             ORDER BY r.sort_key, r.id"
        ),
        rusqlite::params_from_iter(param.iter()),
    )?;
    let mut reminders: HashMap<i64, Vec<Reminder>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT m.deadline_id, m.id, m.minutes_before, m.fires_at, m.fired_at, m.snoozed_until
         FROM deadline d JOIN reminder m ON m.deadline_id = d.id
         WHERE {filter}
         ORDER BY m.fires_at, m.id"
    ))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(param.iter()))?;
    while let Some(r) = rows.next()? {
        reminders.entry(r.get(0)?).or_default().push(Reminder {
            id: r.get(1)?,
            minutes_before: r.get(2)?,
            fires_at: r.get(3)?,
            fired_at: r.get(4)?,
            snoozed_until: r.get(5)?,
        });
    }
    for d in &mut deadlines {
        d.recommendations = links.remove(&d.id).unwrap_or_default();
        d.reminders = reminders.remove(&d.id).unwrap_or_default();
    }
    Ok(deadlines)
}

/// One deadline, or a plain "not found".
pub(super) fn load_deadline(conn: &Connection, id: i64) -> Result<Deadline> {
    load_deadlines(conn, Scope::Id(id))?
        .into_iter()
        .next()
        .ok_or_else(deadline_not_found)
}

fn deadline_not_found() -> Error {
    checks::gone("deadline")
}

/// The Council's session corrections from Settings; rows that do not parse are ignored.
fn hrc_corrections(conn: &Connection) -> Result<BTreeMap<u32, (NaiveDate, NaiveDate)>> {
    let mut stmt = conn.prepare_cached("SELECT number, opens, closes FROM hrc_session_override")?;
    let mut rows = stmt.query([])?;
    let mut corrections = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let number: i64 = r.get(0)?;
        let opens: Option<String> = r.get(1)?;
        let closes: Option<String> = r.get(2)?;
        if let (Ok(number), Some(opens), Some(closes)) = (
            u32::try_from(number),
            stored_day(opens.as_deref()),
            stored_day(closes.as_deref()),
        ) {
            corrections.insert(number, (opens, closes));
        }
    }
    Ok(corrections)
}

/// The user's dates of computed events, of one review or all; rows that do not parse are ignored.
fn overrides(
    conn: &Connection,
    review_id: Option<i64>,
) -> Result<HashMap<(i64, EventKind), Override>> {
    let mut stmt = conn.prepare_cached(
        "SELECT review_id, kind, date, confirmed FROM calendar_override
         WHERE ?1 IS NULL OR review_id = ?1",
    )?;
    let mut rows = stmt.query([review_id])?;
    let mut map = HashMap::new();
    while let Some(r) = rows.next()? {
        let kind: String = r.get(1)?;
        let date: Option<String> = r.get(2)?;
        if let (Some(kind), Some(date)) = (EventKind::parse(&kind), stored_day(date.as_deref())) {
            let confirmed: bool = r.get(3)?;
            map.insert((r.get(0)?, kind), Override { date, confirmed });
        }
    }
    Ok(map)
}

/// The computed events of one review with the user's edits applied.
fn review_events(
    review: &ReviewRow,
    overrides: &HashMap<(i64, EventKind), Override>,
    hrc: &HrcSessions,
    out: &mut Vec<CalendarEvent>,
) {
    let facts = review.facts();
    let label = review.label();
    let review_override = overrides.get(&(review.id, EventKind::Review));
    // The user's review day moves the dates that follow from it; the rule's own review day is
    // kept to show beside it.
    let (computed, rule_review_date) = match review_override {
        Some(o) => {
            let edited = ReviewFacts {
                review_date: Some(o.date),
                ..facts.clone()
            };
            let rule_review = rules::timeline(&facts, hrc)
                .into_iter()
                .find(|e| e.kind == EventKind::Review)
                .map(|e| e.date);
            (rules::timeline(&edited, hrc), rule_review)
        }
        None => (rules::timeline(&facts, hrc), None),
    };
    for c in computed {
        let (date, end_date, confirmed, edited, rule_date) =
            match overrides.get(&(review.id, c.kind)) {
                Some(o) => {
                    let rule_date = if c.kind == EventKind::Review {
                        rule_review_date
                    } else {
                        Some(c.date)
                    };
                    (o.date, None, o.confirmed, true, rule_date.map(day_string))
                }
                None => (c.date, c.end_date, c.confirmed, false, None),
            };
        out.push(CalendarEvent {
            // From the review's own facts, not the user's edits: the entry stays the same one.
            uid: rules::event_uid(&facts, c.kind),
            kind: c.kind,
            review_id: Some(review.id),
            review: Some(label.clone()),
            title: c.title,
            date: day_string(date),
            end_date: end_date.map(day_string),
            time: None,
            time_zone: c.time_zone.map(str::to_owned),
            confirmed,
            edited,
            rule: c.rule,
            source: c.source.to_owned(),
            rule_date,
            deadline: None,
            overdue: false,
            reminder_due: false,
        });
    }
}

/// A deadline as a calendar event.
fn deadline_event(d: Deadline, review: Option<String>, now: DateTime<Utc>) -> CalendarEvent {
    let open = d.status != DeadlineStatus::Done;
    let overdue = DueAt::of(&d).is_some_and(|due| due.is_overdue(d.status, now));
    let reminder_due = open
        && d.reminders
            .iter()
            .filter_map(reminders::reminder_effective_time)
            .any(|t| t <= now);
    CalendarEvent {
        uid: d.uid.clone(),
        kind: EventKind::Custom,
        review_id: d.review_id,
        review,
        title: d.title.clone(),
        date: d.due_date.clone(),
        end_date: None,
        time: d.due_time.clone(),
        time_zone: Some(d.time_zone.clone()),
        confirmed: false,
        edited: false,
        rule: DEADLINE_RULE.to_owned(),
        source: String::new(),
        rule_date: None,
        deadline: Some(d),
        overdue,
        reminder_due,
    }
}

/// A deadline as given, checked and normalized.
struct ValidDeadline<'a> {
    review_id: Option<i64>,
    event_kind: Option<EventKind>,
    title: &'a str,
    due: DueAt,
    owner: &'a str,
    status: DeadlineStatus,
    notes: &'a str,
    recommendation_ids: Vec<i64>,
    reminders: Vec<i64>,
}

impl ValidDeadline<'_> {
    fn due_date(&self) -> String {
        day_string(self.due.date)
    }

    fn due_time(&self) -> Option<String> {
        self.due.time.map(|t| t.format("%H:%M").to_string())
    }
}

/// Refuses a deadline that cannot be saved as given.
fn validate(d: &NewDeadline) -> Result<ValidDeadline<'_>> {
    let invalid = |m: String| Err(Error::InvalidInput(m));
    let title = checks::required(&d.title, MAX_TITLE, "the deadline a title")?;
    let date = checks::day_in(&d.due_date, "The due date", DEADLINE_YEARS)?;
    let time = match d.due_time.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(t) => match parse_time(t) {
            Some(t) => Some(t),
            None => {
                return invalid(format!(
                    "The due time “{t}” is not a time of day. Enter it as HH:MM, from 00:00 to \
                     23:59, or leave it empty for a deadline that lasts the whole day."
                ))
            }
        },
    };
    let zone_name = d.time_zone.trim();
    let Ok(zone) = zone_name.parse::<Tz>() else {
        return invalid(format!(
            "Docket does not know the time zone {zone_name}. Choose Geneva or this computer's \
             zone."
        ));
    };
    let owner = d.owner.trim();
    checks::at_most("the owner's name", owner, MAX_OWNER)?;
    checks::at_most("the notes", &d.notes, MAX_NOTES)?;
    if let Some(&m) = d
        .reminders
        .iter()
        .find(|m| !(0..=MAX_MINUTES_BEFORE).contains(*m))
    {
        return invalid(format!(
            "A reminder can be set from 0 minutes to one year (525,600 minutes) before the \
             deadline, not {m} minutes. Change that reminder and save again."
        ));
    }
    let mut reminders = d.reminders.clone();
    reminders.sort_unstable();
    reminders.dedup();
    if reminders.len() > MAX_REMINDERS {
        return invalid(format!(
            "A deadline can have up to {MAX_REMINDERS} reminders. Remove some and save again."
        ));
    }
    let mut recommendation_ids = d.recommendation_ids.clone();
    recommendation_ids.sort_unstable();
    recommendation_ids.dedup();
    Ok(ValidDeadline {
        review_id: d.review_id,
        // A deadline "for" an event names a computed one; `custom` means none.
        event_kind: d.event_kind.filter(|k| *k != EventKind::Custom),
        title,
        due: DueAt { date, time, zone },
        owner,
        status: d.status,
        notes: &d.notes,
        recommendation_ids,
        reminders,
    })
}

/// A deadline's recommendations.
const LINKS: RecommendationLinks = RecommendationLinks {
    table: "deadline_recommendation",
    column: "deadline_id",
    ordered: false,
};

/// Sets a deadline's reminders: one kept as it was (shown or snoozed) when its time does not
/// change, computed again (and pending) when it does, added or removed to match `minutes`.
fn write_reminders(tx: &Transaction<'_>, id: i64, due: &DueAt, minutes: &[i64]) -> Result<()> {
    let existing = tx
        .prepare_cached("SELECT id, minutes_before, fires_at FROM reminder WHERE deadline_id = ?1")?
        .query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut delete = tx.prepare_cached("DELETE FROM reminder WHERE id = ?1")?;
    for (reminder, m, _) in &existing {
        if !minutes.contains(m) {
            delete.execute([reminder])?;
        }
    }
    let mut moved = tx.prepare_cached(
        "UPDATE reminder SET fires_at = ?2, fired_at = NULL, snoozed_until = NULL WHERE id = ?1",
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO reminder (deadline_id, minutes_before, fires_at) VALUES (?1, ?2, ?3)",
    )?;
    for &m in minutes {
        let fires_at = format_utc(due.fires_at(m));
        match existing.iter().find(|(_, before, _)| *before == m) {
            Some((_, _, stored)) if *stored == fires_at => {}
            Some((reminder, _, _)) => {
                moved.execute(rusqlite::params![reminder, fires_at])?;
            }
            None => {
                insert.execute(rusqlite::params![id, m, fires_at])?;
            }
        }
    }
    Ok(())
}

/// Checks and writes a deadline with its links and reminders in the caller's transaction (for
/// the store's other parts that make a deadline with their own rows): a new one (`id` `None`),
/// or the content of one (its id and UID stay). Returns its id.
pub(super) fn write_deadline(
    tx: &Transaction<'_>,
    id: Option<i64>,
    deadline: &NewDeadline,
    now: DateTime<Utc>,
) -> Result<i64> {
    let d = validate(deadline)?;
    checks::review_of(tx, d.review_id, "deadline")?;
    checks::recommendations_exist(tx, &d.recommendation_ids, "deadline")?;
    let content = rusqlite::params![
        d.review_id,
        d.event_kind.map(EventKind::as_str),
        d.title,
        d.due_date(),
        d.due_time(),
        d.due.zone.name(),
        d.owner,
        d.status.as_str(),
        d.notes,
        format_utc(now),
    ];
    let id = match id {
        None => {
            // The UID's second part: the instant it was made, by this computer's clock (not the
            // `now` given, which tests fix), so that a deadline id used again after a deletion
            // never gives an earlier deadline's UID.
            let made = Utc::now()
                .timestamp_nanos_opt()
                .map_or(now.timestamp(), |n| n);
            tx.prepare_cached(
                "INSERT INTO deadline (review_id, event_kind, title, due_date, due_time,
                                       time_zone, owner, status, notes, updated_at, created_at,
                                       uid)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11)",
            )?
            .execute(and_last(content, &format!("docket-deadline-new-{made:x}")))?;
            let id = tx.last_insert_rowid();
            tx.prepare_cached("UPDATE deadline SET uid = ?2 WHERE id = ?1")?
                .execute(rusqlite::params![
                    id,
                    format!("docket-deadline-{id}-{made:x}@docket.local")
                ])?;
            id
        }
        Some(id) => {
            let updated = tx
                .prepare_cached(
                    "UPDATE deadline SET review_id = ?1, event_kind = ?2, title = ?3,
                         due_date = ?4, due_time = ?5, time_zone = ?6, owner = ?7, status = ?8,
                         notes = ?9, updated_at = ?10
                     WHERE id = ?11",
                )?
                .execute(and_last(content, &id))?;
            if updated == 0 {
                return Err(deadline_not_found());
            }
            id
        }
    };
    LINKS.write(tx, id, &d.recommendation_ids)?;
    write_reminders(tx, id, &d.due, &d.reminders)?;
    Ok(id)
}

/// Deletes a deadline with its reminders in the caller's transaction.
pub(super) fn remove_deadline(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let deleted = tx
        .prepare_cached("DELETE FROM deadline WHERE id = ?1")?
        .execute([id])?;
    if deleted == 0 {
        return Err(deadline_not_found());
    }
    Ok(())
}

/// Refuses a kind the user cannot date (the organization's own deadlines are changed as
/// deadlines).
fn check_computed(kind: EventKind) -> Result<()> {
    if kind == EventKind::Custom {
        return Err(Error::InvalidInput(
            "Your own deadlines are not dated here: open the deadline and change its due date."
                .into(),
        ));
    }
    Ok(())
}

impl Store {
    /// The calendar of one review (`Some`) or of everything (`None`): computed events with the
    /// user's edits applied, and the organization's deadlines, in date order. `now` decides what
    /// is overdue and which reminders have come due.
    pub fn calendar(
        &self,
        review_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<Vec<CalendarEvent>> {
        let conn = &self.conn;
        let reviews = conn
            .prepare_cached(&format!(
                "SELECT {REVIEW_COLUMNS} FROM review WHERE ?1 IS NULL OR id = ?1 ORDER BY id"
            ))?
            .query_map([review_id], ReviewRow::from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if let (Some(id), true) = (review_id, reviews.is_empty()) {
            return Err(checks::review_gone(id));
        }
        let hrc = HrcSessions::new(hrc_corrections(conn)?);
        let overrides = overrides(conn, review_id)?;
        let mut events = Vec::new();
        for review in &reviews {
            review_events(review, &overrides, &hrc, &mut events);
        }
        let labels: HashMap<i64, String> = reviews.iter().map(|r| (r.id, r.label())).collect();
        let scope = review_id.map_or(Scope::All, Scope::Review);
        for d in load_deadlines(conn, scope)? {
            let label = d.review_id.and_then(|id| labels.get(&id).cloned());
            events.push(deadline_event(d, label, now));
        }
        events.sort_by(|a, b| {
            (
                &a.date,
                a.time.as_deref().unwrap_or(""),
                a.kind.order(),
                &a.title,
                &a.uid,
            )
                .cmp(&(
                    &b.date,
                    b.time.as_deref().unwrap_or(""),
                    b.kind.order(),
                    &b.title,
                    &b.uid,
                ))
        });
        Ok(events)
    }

    /// Sets a computed event's date (and whether it is confirmed).
    pub fn set_event_date(&mut self, edit: &EventDateEdit) -> Result<()> {
        check_computed(edit.kind)?;
        let date = checks::day_in(&edit.date, "The date", EVENT_YEARS)?;
        self.write(|tx| {
            if !checks::review_exists(tx, edit.review_id)? {
                return Err(Error::NotFound(format!(
                    "Review {} no longer exists (it may have been deleted in another window), \
                     so the date was not saved.",
                    edit.review_id
                )));
            }
            tx.prepare_cached(
                "INSERT INTO calendar_override (review_id, kind, date, confirmed, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (review_id, kind) DO UPDATE SET
                     date = excluded.date, confirmed = excluded.confirmed,
                     updated_at = excluded.updated_at",
            )?
            .execute(rusqlite::params![
                edit.review_id,
                edit.kind.as_str(),
                day_string(date),
                edit.confirmed,
                super::now(),
            ])?;
            Ok(())
        })
    }

    /// Gives a computed event back to its rule.
    pub fn reset_event_date(&mut self, review_id: i64, kind: EventKind) -> Result<()> {
        check_computed(kind)?;
        self.write(|tx| {
            tx.prepare_cached("DELETE FROM calendar_override WHERE review_id = ?1 AND kind = ?2")?
                .execute(rusqlite::params![review_id, kind.as_str()])?;
            Ok(())
        })
    }

    /// The Council's sessions for Settings: Docket's table with the user's corrections.
    pub fn hrc_session_list(&self) -> Result<Vec<HrcSessionDates>> {
        Ok(HrcSessions::new(hrc_corrections(&self.conn)?).list())
    }

    /// Corrects a Council session's dates (`YYYY-MM-DD`).
    pub fn set_hrc_session(&mut self, number: u32, opens: &str, closes: &str) -> Result<()> {
        checks::hrc_session(number)?;
        let opens = checks::day_in(opens, "The first day", EVENT_YEARS)?;
        let closes = checks::day_in(closes, "The last day", EVENT_YEARS)?;
        if closes < opens {
            return Err(Error::InvalidInput(format!(
                "Session {number} cannot close ({}) before it opens ({}). Check the two dates.",
                day_string(closes),
                day_string(opens)
            )));
        }
        let days = (closes - opens).num_days() + 1;
        if days > MAX_SESSION_DAYS {
            return Err(Error::InvalidInput(format!(
                "Session {number} would last {days} days; even a suspended and resumed Council \
                 session lasts at most 20 weeks. Check the dates."
            )));
        }
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO hrc_session_override (number, opens, closes, updated_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (number) DO UPDATE SET
                     opens = excluded.opens, closes = excluded.closes,
                     updated_at = excluded.updated_at",
            )?
            .execute(rusqlite::params![
                number,
                day_string(opens),
                day_string(closes),
                super::now()
            ])?;
            Ok(())
        })
    }

    /// Gives a Council session back its dates from Docket's table.
    pub fn reset_hrc_session(&mut self, number: u32) -> Result<()> {
        self.write(|tx| {
            tx.prepare_cached("DELETE FROM hrc_session_override WHERE number = ?1")?
                .execute([number])?;
            Ok(())
        })
    }

    /// One deadline.
    pub fn deadline(&self, id: i64) -> Result<Deadline> {
        load_deadline(&self.conn, id)
    }

    /// The deadlines linked to a recommendation, soonest first.
    pub fn deadlines_for_recommendation(&self, recommendation_id: i64) -> Result<Vec<Deadline>> {
        load_deadlines(&self.conn, Scope::Recommendation(recommendation_id))
    }

    /// Creates a deadline with its links and reminders.
    pub fn create_deadline(
        &mut self,
        deadline: &NewDeadline,
        now: DateTime<Utc>,
    ) -> Result<Deadline> {
        self.write(|tx| {
            let id = write_deadline(tx, None, deadline, now)?;
            load_deadline(tx, id)
        })
    }

    /// Replaces a deadline's content (its id and UID stay).
    pub fn update_deadline(
        &mut self,
        id: i64,
        deadline: &NewDeadline,
        now: DateTime<Utc>,
    ) -> Result<Deadline> {
        self.write(|tx| {
            write_deadline(tx, Some(id), deadline, now)?;
            load_deadline(tx, id)
        })
    }

    /// Sets a deadline's status.
    pub fn set_deadline_status(
        &mut self,
        id: i64,
        status: DeadlineStatus,
        now: DateTime<Utc>,
    ) -> Result<Deadline> {
        self.write(|tx| {
            let updated = tx
                .prepare_cached("UPDATE deadline SET status = ?2, updated_at = ?3 WHERE id = ?1")?
                .execute(rusqlite::params![id, status.as_str(), format_utc(now)])?;
            if updated == 0 {
                return Err(deadline_not_found());
            }
            load_deadline(tx, id)
        })
    }

    /// Deletes a deadline with its reminders.
    pub fn delete_deadline(&mut self, id: i64) -> Result<()> {
        self.write(|tx| remove_deadline(tx, id))
    }

    /// The reminders that have come due by `now` and were not shown yet, marked shown. At launch
    /// (`at_launch`) they came due while the app was closed and are returned as `missed`;
    /// afterwards as `due` (to notify).
    pub fn check_reminders(
        &mut self,
        now: DateTime<Utc>,
        at_launch: bool,
    ) -> Result<ReminderCheck> {
        let at = format_utc(now);
        let found = self.write(|tx| {
            let found = tx
                .prepare_cached(
                    "SELECT m.id, m.deadline_id, coalesce(m.snoozed_until, m.fires_at) AS due_at,
                            d.title, d.due_date, d.due_time, d.time_zone, d.status,
                            v.state_under_review, v.wg_session, v.review_date
                     FROM reminder m
                     JOIN deadline d ON d.id = m.deadline_id
                     LEFT JOIN review v ON v.id = d.review_id
                     WHERE m.fired_at IS NULL AND coalesce(m.snoozed_until, m.fires_at) <= ?1
                       AND d.status <> 'done'
                     ORDER BY due_at, m.id",
                )?
                .query_map([&at], |r| {
                    let status: String = r.get(7)?;
                    let state: Option<String> = r.get(8)?;
                    let wg: Option<i64> = r.get(9)?;
                    let review_date: Option<String> = r.get(10)?;
                    let reminder = DueReminder {
                        reminder_id: r.get(0)?,
                        deadline_id: r.get(1)?,
                        fires_at: r.get(2)?,
                        title: r.get(3)?,
                        due_date: r.get(4)?,
                        due_time: r.get(5)?,
                        time_zone: r.get(6)?,
                        review: state.map(|s| review_label(&s, wg, review_date.as_deref())),
                        overdue: false,
                    };
                    Ok((reminder, status))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let ids: Vec<i64> = found.iter().map(|(r, _)| r.reminder_id).collect();
            if !ids.is_empty() {
                tx.prepare_cached(
                    "UPDATE reminder SET fired_at = ?1 WHERE id IN (SELECT value FROM json_each(?2))",
                )?
                .execute(rusqlite::params![at, json_ids(&ids)])?;
            }
            Ok(found)
        })?;
        // Several reminders of one deadline that come due together (the day before and the hour
        // before, both past when Docket starts or when the deadline is saved) are shown once: the
        // latest of them, which says the most about how near the deadline is.
        let mut latest: HashMap<i64, usize> = HashMap::new();
        for (i, (r, _)) in found.iter().enumerate() {
            latest.insert(r.deadline_id, i); // ordered by time: the last one wins
        }
        let reminders = found
            .into_iter()
            .enumerate()
            .filter(|(i, (r, _))| latest.get(&r.deadline_id) == Some(i))
            .map(|(_, (mut r, status))| {
                let status = DeadlineStatus::parse(&status).unwrap_or(DeadlineStatus::ToDo);
                r.overdue = DueAt::parse(&r.due_date, r.due_time.as_deref(), &r.time_zone)
                    .is_some_and(|due| due.is_overdue(status, now));
                r
            })
            .collect();
        Ok(if at_launch {
            ReminderCheck {
                due: Vec::new(),
                missed: reminders,
            }
        } else {
            ReminderCheck {
                due: reminders,
                missed: Vec::new(),
            }
        })
    }

    /// Snoozes a reminder: it comes due again at `until`.
    pub fn snooze_reminder(&mut self, id: i64, until: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            let updated = tx
                .prepare_cached(
                    "UPDATE reminder SET snoozed_until = ?2, fired_at = NULL WHERE id = ?1",
                )?
                .execute(rusqlite::params![id, format_utc(until)])?;
            if updated == 0 {
                return Err(Error::NotFound(
                    "That reminder no longer exists (its deadline may have been changed or \
                     deleted). Nothing was snoozed."
                        .into(),
                ));
            }
            Ok(())
        })
    }

    /// How many of the organization's deadlines are overdue at `now` (the Calendar tab's count):
    /// only the deadlines not done are read, none of the computed events (never overdue).
    pub fn overdue_count(&self, now: DateTime<Utc>) -> Result<usize> {
        let mut count = 0;
        let mut stmt = self.conn.prepare_cached(
            "SELECT due_date, due_time, time_zone, status FROM deadline WHERE status <> 'done'",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let (date, time, zone, status): (String, Option<String>, String, String) =
                (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
            let status = DeadlineStatus::parse(&status).unwrap_or(DeadlineStatus::ToDo);
            if DueAt::parse(&date, time.as_deref(), &zone)
                .is_some_and(|d| d.is_overdue(status, now))
            {
                count += 1;
            }
        }
        Ok(count)
    }

    /// When the next pending reminder comes due, if any (for the app's timer).
    pub fn next_reminder_at(&self) -> Result<Option<DateTime<Utc>>> {
        let next: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT min(coalesce(m.snoozed_until, m.fires_at))
                 FROM reminder m JOIN deadline d ON d.id = m.deadline_id
                 WHERE m.fired_at IS NULL AND d.status <> 'done'",
            )?
            .query_row([], |r| r.get(0))?;
        Ok(next.as_deref().and_then(parse_utc))
    }
}
