//! Lobbying in the store: each recommending State's page (its recommendations here and in other
//! reviews, contacts, meetings, status) and the "who to meet first" ranking of a review.
//!
//! - A State is named in the lobbying tables by one key ([`Target`]): its ISO code when it is a
//!   known State, else `name:` and its name as written, lowercased (a group such as "ACT Group",
//!   or a name Docket does not know: kept and flagged, never dropped).
//! - Its recommendations are those whose recommending States include it: by ISO code when known,
//!   else by the name as written, case aside. A joint recommendation belongs to each of its
//!   authors.
//! - A meeting's follow-up deadline lives in the calendar; it is created, replaced and removed
//!   with the meeting, in the meeting's transaction (`calendar::write_deadline` and
//!   `calendar::remove_deadline`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};

use super::calendar::{load_deadline, remove_deadline, review_label, write_deadline};
use super::{bad_value, checks, insert_or_update, linked_by_row, RecommendationLinks, Store};
use crate::advocacy::lobbying::{rank, RankInput};
use crate::advocacy::{
    Contact, ContactPlace, Meeting, NewContact, NewMeeting, StateKey, StateLobbyingStatus,
    StatePage, StateRank, StateRecommendation,
};
use crate::calendar::reminders::format_utc;
use crate::domain::{LobbyingStatus, Position, Priority};
use crate::error::{Error, Result};
use crate::states;

/// Longest contact name, and role (characters).
const MAX_NAME: usize = 200;
/// Longest e-mail address (RFC 5321's path limit).
const MAX_EMAIL: usize = 254;
/// Longest phone number.
const MAX_PHONE: usize = 50;
/// Longest free text: notes, who we met, what we asked, what came of it.
const MAX_TEXT: usize = 10_000;
/// The years a meeting may be dated in (the Council's first year to the end of the century).
const MEETING_YEARS: std::ops::RangeInclusive<i32> = 2006..=2100;

/// A State as the lobbying tables name it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Target {
    /// `state_key`: the ISO code, else `name:` + the name as written, lowercased.
    key: String,
    /// The ISO code, when known.
    iso3: Option<String>,
    /// The canonical name when known, else as written (trimmed).
    name: String,
}

impl Target {
    fn state_key(&self) -> StateKey {
        StateKey {
            iso3: self.iso3.clone(),
            name: self.name.clone(),
        }
    }

    /// The lowercased name an unknown State is matched by (`None` for a known State).
    fn written_lower(&self) -> Option<&str> {
        self.key.strip_prefix("name:")
    }
}

/// The one place a State's key is made: a known ISO code (or a name Docket resolves to a known
/// State) gives the ISO code; any other name gives `name:` + the name, trimmed and lowercased.
fn state_key(state: &StateKey) -> Result<Target> {
    let known = state
        .iso3
        .as_deref()
        .and_then(states::by_iso3)
        .or_else(|| states::resolve(&state.name));
    if let Some(s) = known {
        return Ok(Target {
            key: s.iso3.to_owned(),
            iso3: Some(s.iso3.to_owned()),
            name: s.name.to_owned(),
        });
    }
    let name = state.name.trim();
    if name.is_empty() {
        return Err(Error::InvalidInput(
            "Choose the State first: its name cannot be empty.".into(),
        ));
    }
    checks::at_most("the State's name", name, MAX_NAME)?;
    Ok(Target {
        key: format!("name:{}", name.to_lowercase()),
        iso3: None,
        name: name.to_owned(),
    })
}

/// The key of a recommending State as stored (`recommending_state`): the same as [`state_key`]
/// would give for it.
fn stored_key(iso3: Option<&str>, name_as_written: &str) -> String {
    match iso3 {
        Some(code) => code.to_owned(),
        None => format!("name:{}", name_as_written.trim().to_lowercase()),
    }
}

fn parse_col<T>(
    r: &Row<'_>,
    column: usize,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let s: String = r.get(column)?;
    parse(&s).ok_or_else(|| bad_value(column, what, &s))
}

fn parse_opt_col<T>(
    r: &Row<'_>,
    column: usize,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    let s: Option<String> = r.get(column)?;
    s.map(|s| parse(&s).ok_or_else(|| bad_value(column, what, &s)))
        .transpose()
}

/// Whether an e-mail address looks like one: no spaces, one `@` with something before it, and a
/// dot in what follows with something on each side.
fn looks_like_email(s: &str) -> bool {
    if s.chars().any(char::is_whitespace) {
        return false;
    }
    let mut parts = s.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && domain
            .split_once('.')
            .is_some_and(|(before, after)| !before.is_empty() && !after.is_empty())
        && !domain.ends_with('.')
}

/// Whether a phone number holds only what phone numbers are written with.
fn looks_like_phone(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.' | '/'))
}

/// A contact as given, checked and trimmed.
struct ValidContact<'a> {
    target: Target,
    name: &'a str,
    role: &'a str,
    place: ContactPlace,
    email: &'a str,
    phone: &'a str,
    notes: &'a str,
}

fn validate_contact(c: &NewContact) -> Result<ValidContact<'_>> {
    let target = state_key(&c.state)?;
    let name = checks::required(&c.name, MAX_NAME, "the contact a name")?;
    let role = c.role.trim();
    checks::at_most("the role", role, MAX_NAME)?;
    let email = c.email.trim();
    checks::at_most("the e-mail address", email, MAX_EMAIL)?;
    if !email.is_empty() && !looks_like_email(email) {
        return Err(Error::InvalidInput(format!(
            "“{email}” does not look like an e-mail address (name@example.org). Check it, or \
             leave it empty."
        )));
    }
    let phone = c.phone.trim();
    checks::at_most("the phone number", phone, MAX_PHONE)?;
    if !looks_like_phone(phone) {
        return Err(Error::InvalidInput(format!(
            "The phone number “{phone}” can hold only digits, spaces and + - ( ) . /. Check it, \
             or leave it empty."
        )));
    }
    let notes = c.notes.trim_end();
    checks::at_most("the notes", notes, MAX_TEXT)?;
    Ok(ValidContact {
        target,
        name,
        role,
        place: c.place,
        email,
        phone,
        notes,
    })
}

fn contact_not_found() -> Error {
    checks::gone("contact")
}

fn meeting_not_found() -> Error {
    checks::gone("meeting")
}

/// A meeting's recommendations.
const LINKS: RecommendationLinks = RecommendationLinks {
    table: "state_meeting_recommendation",
    column: "meeting_id",
    ordered: false,
};

/// The spellings, as stored, of an unknown State's name (the same name, case aside).
fn spellings(conn: &Connection, lower: &str) -> Result<Vec<String>> {
    let all = conn
        .prepare_cached(
            "SELECT DISTINCT name_as_written FROM recommending_state WHERE iso3 IS NULL",
        )?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(all
        .into_iter()
        .filter(|s| s.trim().to_lowercase() == lower)
        .collect())
}

/// A JSON array of strings, for `json_each`.
fn json_strings(values: &[String]) -> Result<String> {
    serde_json::to_string(values).map_err(|e| {
        Error::InvalidInput(format!(
            "Docket could not look up the State's name ({e}). Check the name."
        ))
    })
}

/// A recommendation of a State's, with what orders it on the page.
struct Found {
    rec: StateRecommendation,
    sur_iso3: Option<String>,
    sur_name: String,
}

/// Every recommendation the State made, in any review: newest review first (by WG session, else
/// review date, else the most recently added), in paragraph order within a review.
fn recommendations_of(conn: &Connection, target: &Target) -> Result<Vec<Found>> {
    let names = match target.written_lower() {
        Some(lower) => spellings(conn, lower)?,
        None => Vec::new(),
    };
    if target.iso3.is_none() && names.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.review_id, v.state_under_review, v.wg_session, v.review_date,
                r.paragraph, r.text, r.position, r.priority, r.our_ask, r.lobbying_status,
                v.sur_iso3
         FROM recommendation r JOIN review v ON v.id = r.review_id
         WHERE r.id IN (SELECT s.recommendation_id FROM recommending_state s
                        WHERE (?1 IS NOT NULL AND s.iso3 = ?1)
                           OR (?1 IS NULL AND s.iso3 IS NULL
                               AND s.name_as_written IN (SELECT value FROM json_each(?2))))
         ORDER BY v.wg_session IS NULL, v.wg_session DESC,
                  v.review_date IS NULL, v.review_date DESC, v.id DESC, r.sort_key, r.id",
    )?;
    let found = stmt
        .query_map(rusqlite::params![target.iso3, json_strings(&names)?], |r| {
            let sur_name: String = r.get(2)?;
            let wg: Option<i64> = r.get(3)?;
            let date: Option<String> = r.get(4)?;
            Ok(Found {
                rec: StateRecommendation {
                    id: r.get(0)?,
                    review_id: r.get(1)?,
                    review: review_label(&sur_name, wg, date.as_deref()),
                    paragraph: r.get(5)?,
                    text: r.get(6)?,
                    position: parse_col(r, 7, "position", Position::parse)?,
                    priority: parse_opt_col(r, 8, "priority", Priority::parse)?,
                    our_ask: r.get(9)?,
                    lobbying_status: parse_col(r, 10, "lobbying status", LobbyingStatus::parse)?,
                },
                sur_iso3: r.get(11)?,
                sur_name,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found)
}

const CONTACT_COLUMNS: &str = "id, iso3, state_name, name, role, place, email, phone, notes";

fn contact_from_row(r: &Row<'_>) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: r.get(0)?,
        state: StateKey {
            iso3: r.get(1)?,
            name: r.get(2)?,
        },
        name: r.get(3)?,
        role: r.get(4)?,
        place: parse_col(r, 5, "contact place", ContactPlace::parse)?,
        email: r.get(6)?,
        phone: r.get(7)?,
        notes: r.get(8)?,
    })
}

fn load_contact(conn: &Connection, id: i64) -> Result<Contact> {
    conn.prepare_cached(&format!(
        "SELECT {CONTACT_COLUMNS} FROM state_contact WHERE id = ?1"
    ))?
    .query_row([id], contact_from_row)
    .optional()?
    .ok_or_else(contact_not_found)
}

/// A State's contacts: the mission's first, then the capital's, each by name.
fn contacts_of(conn: &Connection, key: &str) -> Result<Vec<Contact>> {
    let contacts = conn
        .prepare_cached(&format!(
            "SELECT {CONTACT_COLUMNS} FROM state_contact WHERE state_key = ?1
             ORDER BY place <> 'mission', name COLLATE NOCASE, id"
        ))?
        .query_map([key], contact_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(contacts)
}

/// Which meetings to load.
#[derive(Clone, Copy)]
enum MeetingScope<'a> {
    /// One, by id.
    Id(i64),
    /// A State's, by key.
    State(&'a str),
}

/// The meetings in scope, newest first, with their follow-up deadlines and recommendations.
fn load_meetings(conn: &Connection, scope: MeetingScope<'_>) -> Result<Vec<Meeting>> {
    let (filter, param): (&str, rusqlite::types::Value) = match scope {
        MeetingScope::Id(id) => ("m.id = ?1", id.into()),
        MeetingScope::State(key) => ("m.state_key = ?1", key.to_owned().into()),
    };
    let rows = conn
        .prepare_cached(&format!(
            "SELECT m.id, m.iso3, m.state_name, m.review_id, m.date, m.who, m.asked, m.outcome,
                    m.follow_up_deadline_id
             FROM state_meeting m WHERE {filter}
             ORDER BY m.date DESC, m.id DESC"
        ))?
        .query_map([&param], |r| {
            Ok((
                Meeting {
                    id: r.get(0)?,
                    state: StateKey {
                        iso3: r.get(1)?,
                        name: r.get(2)?,
                    },
                    review_id: r.get(3)?,
                    date: r.get(4)?,
                    who: r.get(5)?,
                    asked: r.get(6)?,
                    outcome: r.get(7)?,
                    follow_up: None,
                    recommendations: Vec::new(),
                },
                r.get::<_, Option<i64>>(8)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let mut links = linked_by_row(
        conn,
        &format!(
            "SELECT mr.meeting_id, r.id, r.review_id, r.paragraph
             FROM state_meeting m
             JOIN state_meeting_recommendation mr ON mr.meeting_id = m.id
             JOIN recommendation r ON r.id = mr.recommendation_id
             WHERE {filter}
             ORDER BY r.review_id, r.sort_key, r.id"
        ),
        [&param],
    )?;
    let mut meetings = Vec::with_capacity(rows.len());
    for (mut meeting, deadline) in rows {
        meeting.recommendations = links.remove(&meeting.id).unwrap_or_default();
        if let Some(id) = deadline {
            meeting.follow_up = Some(load_deadline(conn, id)?);
        }
        meetings.push(meeting);
    }
    Ok(meetings)
}

fn load_meeting(conn: &Connection, id: i64) -> Result<Meeting> {
    load_meetings(conn, MeetingScope::Id(id))?
        .into_iter()
        .next()
        .ok_or_else(meeting_not_found)
}

/// Our lobbying status and notes for a State, by key (not contacted and none when unset).
fn lobbying_of(conn: &Connection, key: &str) -> Result<(StateLobbyingStatus, String)> {
    let row = conn
        .prepare_cached("SELECT status, notes FROM state_lobbying WHERE state_key = ?1")?
        .query_row([key], |r| {
            Ok((
                parse_col(r, 0, "lobbying status", StateLobbyingStatus::parse)?,
                r.get::<_, String>(1)?,
            ))
        })
        .optional()?;
    Ok(row.unwrap_or((StateLobbyingStatus::NotContacted, String::new())))
}

/// Whether the organization recorded anything for a State (contacts, meetings, status).
fn anything_recorded(conn: &Connection, key: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM state_contact WHERE state_key = ?1)
                 OR EXISTS (SELECT 1 FROM state_meeting WHERE state_key = ?1)
                 OR EXISTS (SELECT 1 FROM state_lobbying WHERE state_key = ?1)",
        )?
        .query_row([key], |r| r.get(0))?)
}

/// Whether a deadline still exists (the user may have deleted it in the calendar).
fn deadline_exists(tx: &Connection, id: i64) -> Result<bool> {
    Ok(tx
        .prepare_cached("SELECT 1 FROM deadline WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

impl Store {
    /// A recommending State's page, for a review (its recommendations there first) or none.
    pub fn state_page(&self, state: &StateKey, review_id: Option<i64>) -> Result<StatePage> {
        let conn = &self.conn;
        let target = state_key(state)?;
        // The State under review of the chosen review: its other reviews come first.
        let chosen: Option<(Option<String>, String)> = match review_id {
            Some(id) => Some(
                conn.prepare_cached(
                    "SELECT sur_iso3, state_under_review FROM review WHERE id = ?1",
                )?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?
                .ok_or_else(|| checks::review_gone(id))?,
            ),
            None => None,
        };
        let found = recommendations_of(conn, &target)?;
        if target.iso3.is_none() && found.is_empty() && !anything_recorded(conn, &target.key)? {
            return Err(Error::NotFound(format!(
                "Docket has no recommendations from {}. Check the name.",
                target.name
            )));
        }
        let same_sur = |f: &Found| match &chosen {
            Some((Some(iso3), _)) => f.sur_iso3.as_deref() == Some(iso3.as_str()),
            Some((None, name)) => {
                f.sur_iso3.is_none() && f.sur_name.to_lowercase() == name.to_lowercase()
            }
            None => false,
        };
        let mut in_review = Vec::new();
        let mut same = Vec::new();
        let mut rest = Vec::new();
        for f in found {
            if Some(f.rec.review_id) == review_id {
                in_review.push(f.rec);
            } else if same_sur(&f) {
                same.push(f.rec);
            } else {
                rest.push(f.rec);
            }
        }
        same.extend(rest);
        let (status, notes) = lobbying_of(conn, &target.key)?;
        Ok(StatePage {
            regional_group: target
                .iso3
                .as_deref()
                .and_then(states::by_iso3)
                .map(|s| s.group.code().to_owned()),
            in_review,
            elsewhere: same,
            contacts: contacts_of(conn, &target.key)?,
            meetings: load_meetings(conn, MeetingScope::State(&target.key))?,
            status,
            notes,
            state: target.state_key(),
        })
    }

    /// The recommending States of a review, best to meet first.
    pub fn who_to_meet_first(&self, review_id: i64) -> Result<Vec<StateRank>> {
        let conn = &self.conn;
        if !checks::review_exists(conn, review_id)? {
            return Err(checks::review_gone(review_id));
        }
        let statuses: HashMap<String, StateLobbyingStatus> = conn
            .prepare_cached("SELECT state_key, status FROM state_lobbying")?
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    parse_col(r, 1, "lobbying status", StateLobbyingStatus::parse)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = conn.prepare_cached(
            "SELECT s.iso3, s.name, s.name_as_written, r.id, r.priority, r.position
             FROM recommendation r JOIN recommending_state s ON s.recommendation_id = r.id
             WHERE r.review_id = ?1
             ORDER BY r.sort_key, r.id, s.ord",
        )?;
        let mut rows = stmt.query([review_id])?;
        // Each State once, with each of its recommendations once (a State listed twice on one
        // recommendation counts it once).
        let mut order: Vec<String> = Vec::new();
        let mut by_key: HashMap<String, (RankInput, Option<i64>)> = HashMap::new();
        while let Some(r) = rows.next()? {
            let iso3: Option<String> = r.get(0)?;
            let name: String = r.get(1)?;
            let written: String = r.get(2)?;
            let rec_id: i64 = r.get(3)?;
            let priority = parse_opt_col(r, 4, "priority", Priority::parse)?;
            let position = parse_col(r, 5, "position", Position::parse)?;
            let key = stored_key(iso3.as_deref(), &written);
            let (input, last) = by_key.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                let state = StateKey {
                    name: if iso3.is_some() { name } else { written },
                    iso3,
                };
                let status = statuses
                    .get(&key)
                    .copied()
                    .unwrap_or(StateLobbyingStatus::NotContacted);
                (
                    RankInput {
                        state,
                        recommendations: Vec::new(),
                        status,
                    },
                    None,
                )
            });
            if *last != Some(rec_id) {
                input.recommendations.push((priority, position));
                *last = Some(rec_id);
            }
        }
        let inputs = order
            .iter()
            .filter_map(|k| by_key.remove(k))
            .map(|(input, _)| input)
            .collect();
        Ok(rank(inputs))
    }

    /// Creates (`id` None) or updates a contact.
    pub fn save_contact(
        &mut self,
        id: Option<i64>,
        contact: &NewContact,
        now: DateTime<Utc>,
    ) -> Result<Contact> {
        let c = validate_contact(contact)?;
        let at = format_utc(now);
        self.write(|tx| {
            let values = rusqlite::params![
                c.target.key,
                c.target.iso3,
                c.target.name,
                c.name,
                c.role,
                c.place.as_str(),
                c.email,
                c.phone,
                c.notes,
                at,
            ];
            let id = insert_or_update(
                tx,
                id,
                "INSERT INTO state_contact (state_key, iso3, state_name, name, role, place, email,
                     phone, notes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                "UPDATE state_contact SET state_key = ?1, iso3 = ?2, state_name = ?3, name = ?4,
                     role = ?5, place = ?6, email = ?7, phone = ?8, notes = ?9, updated_at = ?10
                 WHERE id = ?11",
                values,
            )?
            .ok_or_else(contact_not_found)?;
            load_contact(tx, id)
        })
    }

    /// Deletes a contact.
    pub fn delete_contact(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            let deleted = tx
                .prepare_cached("DELETE FROM state_contact WHERE id = ?1")?
                .execute([id])?;
            if deleted == 0 {
                return Err(contact_not_found());
            }
            Ok(())
        })
    }

    /// Logs (`id` None) or updates a meeting; its follow-up deadline is created, replaced or
    /// removed in the calendar with it.
    pub fn save_meeting(
        &mut self,
        id: Option<i64>,
        meeting: &NewMeeting,
        now: DateTime<Utc>,
    ) -> Result<Meeting> {
        let target = state_key(&meeting.state)?;
        let date = checks::day_in(&meeting.date, "The meeting date", MEETING_YEARS)?
            .format("%Y-%m-%d")
            .to_string();
        checks::at_most("who you met", &meeting.who, MAX_TEXT)?;
        checks::at_most("what you asked", &meeting.asked, MAX_TEXT)?;
        checks::at_most("what came of it", &meeting.outcome, MAX_TEXT)?;
        let mut recommendation_ids = meeting.recommendation_ids.clone();
        recommendation_ids.sort_unstable();
        recommendation_ids.dedup();
        // The follow-up belongs to the meeting's review unless it names its own.
        let follow_up = meeting.follow_up.clone().map(|mut d| {
            if d.review_id.is_none() {
                d.review_id = meeting.review_id;
            }
            d
        });
        let at = format_utc(now);
        self.write(|tx| {
            checks::review_of(tx, meeting.review_id, "meeting")?;
            checks::recommendations_exist(tx, &recommendation_ids, "meeting")?;
            let existing: Option<Option<i64>> = match id {
                Some(id) => Some(
                    tx.prepare_cached(
                        "SELECT follow_up_deadline_id FROM state_meeting WHERE id = ?1",
                    )?
                    .query_row([id], |r| r.get(0))
                    .optional()?
                    .ok_or_else(meeting_not_found)?,
                ),
                None => None,
            };
            // The follow-up it had, unless the user deleted it in the calendar.
            let old_deadline = match existing.flatten() {
                Some(old) if deadline_exists(tx, old)? => Some(old),
                _ => None,
            };
            let deadline = match (&follow_up, old_deadline) {
                (Some(d), old) => Some(write_deadline(tx, old, d, now)?),
                (None, Some(old)) => {
                    remove_deadline(tx, old)?;
                    None
                }
                (None, None) => None,
            };
            let values = rusqlite::params![
                target.key,
                target.iso3,
                target.name,
                meeting.review_id,
                date,
                meeting.who.trim_end(),
                meeting.asked.trim_end(),
                meeting.outcome.trim_end(),
                deadline,
                at,
            ];
            let id = insert_or_update(
                tx,
                id,
                "INSERT INTO state_meeting (state_key, iso3, state_name, review_id, date, who,
                     asked, outcome, follow_up_deadline_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                "UPDATE state_meeting SET state_key = ?1, iso3 = ?2, state_name = ?3,
                     review_id = ?4, date = ?5, who = ?6, asked = ?7, outcome = ?8,
                     follow_up_deadline_id = ?9, updated_at = ?10
                 WHERE id = ?11",
                values,
            )?
            .ok_or_else(meeting_not_found)?;
            LINKS.write(tx, id, &recommendation_ids)?;
            load_meeting(tx, id)
        })
    }

    /// Deletes a meeting and its follow-up deadline.
    pub fn delete_meeting(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            let deadline: Option<i64> = tx
                .prepare_cached("SELECT follow_up_deadline_id FROM state_meeting WHERE id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?
                .ok_or_else(meeting_not_found)?;
            tx.prepare_cached("DELETE FROM state_meeting WHERE id = ?1")?
                .execute([id])?;
            if let Some(deadline) = deadline {
                if deadline_exists(tx, deadline)? {
                    remove_deadline(tx, deadline)?;
                }
            }
            Ok(())
        })
    }

    /// Sets our lobbying status and notes for a State.
    pub fn set_state_lobbying(
        &mut self,
        state: &StateKey,
        status: StateLobbyingStatus,
        notes: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let target = state_key(state)?;
        let notes = notes.trim_end();
        checks::at_most("the notes", notes, MAX_TEXT)?;
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO state_lobbying (state_key, iso3, state_name, status, notes, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (state_key) DO UPDATE SET
                     iso3 = excluded.iso3, state_name = excluded.state_name,
                     status = excluded.status, notes = excluded.notes,
                     updated_at = excluded.updated_at",
            )?
            .execute(rusqlite::params![
                target.key,
                target.iso3,
                target.name,
                status.as_str(),
                notes,
                format_utc(now),
            ])?;
            Ok(())
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn key(iso3: Option<&str>, name: &str) -> StateKey {
        StateKey {
            iso3: iso3.map(str::to_owned),
            name: name.into(),
        }
    }

    #[test]
    fn one_key_per_state() {
        let mexico = state_key(&key(Some("MEX"), "")).unwrap();
        assert_eq!(mexico.key, "MEX");
        assert_eq!(mexico.name, "Mexico");
        assert_eq!(state_key(&key(None, " mexico ")).unwrap(), mexico);
        assert_eq!(state_key(&key(Some("mex"), "Mexique")).unwrap(), mexico);
        let act = state_key(&key(None, " ACT Group ")).unwrap();
        assert_eq!(act.key, "name:act group");
        assert_eq!(act.name, "ACT Group");
        assert_eq!(act.key, stored_key(None, "ACT GROUP"));
        assert_eq!(mexico.key, stored_key(Some("MEX"), "Mexique"));
        assert!(state_key(&key(None, "  ")).is_err());
    }

    #[test]
    fn addresses_and_phones() {
        for ok in ["a@b.org", "first.last@mission.example.ch"] {
            assert!(looks_like_email(ok), "{ok}");
        }
        for bad in [
            "a@b",
            "@b.org",
            "a@@b.org",
            "a@b@c.org",
            "a b@c.org",
            "a@.org",
            "a@b.",
        ] {
            assert!(!looks_like_email(bad), "{bad}");
        }
        assert!(looks_like_phone("+41 (0)22 917-12.34/5"));
        assert!(looks_like_phone(""));
        assert!(!looks_like_phone("call 022"));
    }
}
