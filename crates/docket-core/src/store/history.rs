//! Changes: every edit of the organization's tracking is one `change` (a single edit, a bulk
//! edit of a selection, or an undo) with its `history` rows, one per value changed.
//!
//! - [`Store::bulk_edit`] sets one value on a selection in one transaction: one change, one
//!   history row per recommendation actually changed, one Undo step.
//! - [`Store::undo_last`] reverts the newest change that is neither an undo nor undone yet, and
//!   records the reverting as a change of its own (kind `undo`), so that a recommendation's
//!   history shows who undid what and when. Undo changes are never undone themselves: pressing
//!   Undo again reverts the change before.
//! - [`Store::review_history`] lists a review's changes, newest first ("what changed this week").
//!
//! Undo restores the values recorded *before* the change, whatever they are now: a value changed
//! since by something that is not on the Undo stack (docket-cli, another window, an older version
//! of Docket) is overwritten, and the undo's history rows record the value it replaced, so nothing
//! is lost from the history. A value already back to what it was is left alone, with no history
//! row. An evidence link removed since is not removed again; a removed link is not restored twice.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::queries::parse_stored;
use super::{fts, json_ids, now, tracking, Store};
use crate::domain::{
    BulkOutcome, ChangeEntry, ChangeKind, ChangeSummary, TrackingEdit, UndoOutcome,
    MAX_CHANGE_ENTRIES,
};
use crate::error::{Error, Result};

/// The most changes one [`Store::review_history`] request may ask for.
pub const MAX_HISTORY: i64 = 1000;

/// The scalar columns of `recommendation` that the organization edits, with whether they may be
/// NULL. History rows name them in `field`.
const SCALAR_FIELDS: [(&str, bool); 6] = [
    ("priority", true),
    ("our_ask", false),
    ("lobbying_status", false),
    ("implementation_status", false),
    ("assignee", false),
    ("notes", false),
];

/// What an undo needs to know about an evidence link beyond its shown text (`history.detail`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct EvidenceDetail {
    pub(crate) id: i64,
    pub(crate) url: String,
    pub(crate) label: String,
    pub(crate) added_at: String,
}

impl EvidenceDetail {
    /// Reads `id, url, label, added_at` (in that order) from an `evidence_link` row.
    pub(crate) fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EvidenceDetail> {
        Ok(EvidenceDetail {
            id: r.get(0)?,
            url: r.get(1)?,
            label: r.get(2)?,
            added_at: r.get(3)?,
        })
    }

    pub(crate) fn to_json(&self) -> Result<String> {
        serde_json::to_string(self).map_err(|e| {
            Error::InvalidInput(format!(
                "Docket could not record this evidence link ({e}), so nothing was saved."
            ))
        })
    }
}

/// An evidence link as the history shows it: `label <url>`, or the address alone.
pub(crate) fn evidence_shown(url: &str, label: &str) -> String {
    if label.is_empty() {
        url.to_owned()
    } else {
        format!("{label} <{url}>")
    }
}

/// The address and label of an evidence link from its shown text (history rows written before
/// schema v5 have no [`EvidenceDetail`]).
fn evidence_from_shown(shown: &str) -> (String, String) {
    match shown
        .strip_suffix('>')
        .and_then(|s| s.rsplit_once(" <"))
        .filter(|(label, _)| !label.is_empty())
    {
        Some((label, url)) => (url.to_owned(), label.to_owned()),
        None => (shown.to_owned(), String::new()),
    }
}

/// `priority` → `Priority`, `in_progress` → `In progress`.
fn label(value: &str) -> String {
    let mut chars = value.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.map(|c| if c == '_' { ' ' } else { c }))
            .collect(),
        None => String::new(),
    }
}

/// A change in plain words: "Priority set to High on 26.1", "Tag “urgent” added to 67
/// recommendations". `target` is a paragraph number or a count of recommendations.
/// (Migration v5 repeats this wording for the history written before it.)
pub(crate) fn describe(field: &str, old: Option<&str>, new: Option<&str>, target: &str) -> String {
    let set = new.filter(|v| !v.is_empty());
    let (what, preposition) = match field {
        "priority" | "lobbying_status" | "implementation_status" => match set {
            Some(v) => (format!("{} set to {}", label(field), label(v)), "on"),
            None => (format!("{} cleared", label(field)), "on"),
        },
        "assignee" => match set {
            Some(v) => (format!("Assignee set to {v}"), "on"),
            None => ("Assignee cleared".to_owned(), "on"),
        },
        "our_ask" | "notes" => match set {
            Some(_) => (format!("{} changed", label(field)), "on"),
            None => (format!("{} cleared", label(field)), "on"),
        },
        "tag" => match (old, new) {
            (_, Some(t)) => (format!("Tag “{t}” added"), "to"),
            (old, None) => (format!("Tag “{}” removed", old.unwrap_or_default()), "from"),
        },
        "evidence" => match new {
            Some(_) => ("Evidence added".to_owned(), "to"),
            None => ("Evidence removed".to_owned(), "from"),
        },
        other => (format!("{} changed", label(other)), "on"),
    };
    format!("{what} {preposition} {target}")
}

/// How one recommendation is named in a description.
pub(crate) fn paragraph_target(paragraph: &str) -> String {
    if paragraph.is_empty() {
        "a recommendation".to_owned()
    } else {
        paragraph.to_owned()
    }
}

/// How a number of recommendations is named in a description.
fn count_target(n: i64) -> String {
    if n == 1 {
        "1 recommendation".to_owned()
    } else {
        format!("{n} recommendations")
    }
}

/// Writes a change row; returns its id.
pub(crate) fn insert_change(
    tx: &Transaction<'_>,
    kind: ChangeKind,
    review_id: Option<i64>,
    who: &str,
    at: &str,
    description: &str,
    undoes: Option<i64>,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO change (at, who, kind, review_id, description, undoes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(rusqlite::params![
        at,
        who,
        kind.as_str(),
        review_id,
        description,
        undoes
    ])?;
    Ok(tx.last_insert_rowid())
}

/// One history row: the value of `field` on `recommendation_id` before and after.
pub(crate) struct Entry<'a> {
    /// The change it belongs to; `None` for an import's change to the source's fields (see
    /// [`super::insert_history`]), which Undo does not revert.
    pub(crate) change_id: Option<i64>,
    pub(crate) recommendation_id: i64,
    pub(crate) field: &'a str,
    pub(crate) old: Option<&'a str>,
    pub(crate) new: Option<&'a str>,
    /// JSON, see [`EvidenceDetail`].
    pub(crate) detail: Option<&'a str>,
}

/// Writes one history row (the only place that writes one by one; a bulk edit and an undo write
/// theirs with `INSERT … SELECT`).
pub(crate) fn insert_entry(tx: &Transaction<'_>, at: &str, who: &str, e: &Entry<'_>) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO history (recommendation_id, at, who, field, old_value, new_value, change_id,
                              detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(rusqlite::params![
        e.recommendation_id,
        at,
        who,
        e.field,
        e.old,
        e.new,
        e.change_id,
        e.detail
    ])?;
    Ok(())
}

/// What a bulk edit does to each recommendation of the selection.
enum BulkOp {
    /// Sets a scalar column (see [`SCALAR_FIELDS`]) to a value (`None`: NULL).
    Set(&'static str, Option<String>),
    AddTag(String),
    RemoveTag(String),
}

impl BulkOp {
    /// The column and value come from [`tracking::column`], as for a single edit.
    fn of(edit: &TrackingEdit) -> Result<BulkOp> {
        match edit {
            TrackingEdit::OurAsk(_)
            | TrackingEdit::Notes(_)
            | TrackingEdit::AddEvidence { .. }
            | TrackingEdit::RemoveEvidence(_) => Err(not_for_bulk()),
            TrackingEdit::AddTag(t) => Ok(BulkOp::AddTag(t.trim().to_owned())),
            TrackingEdit::RemoveTag(t) => Ok(BulkOp::RemoveTag(t.trim().to_owned())),
            _ => tracking::column(edit)
                .map(|(col, value)| BulkOp::Set(col, value))
                .ok_or_else(not_for_bulk),
        }
    }

    fn field(&self) -> &'static str {
        match self {
            BulkOp::Set(col, _) => col,
            BulkOp::AddTag(_) | BulkOp::RemoveTag(_) => "tag",
        }
    }

    fn value(&self) -> Option<&str> {
        match self {
            BulkOp::Set(_, v) => v.as_deref(),
            BulkOp::AddTag(t) | BulkOp::RemoveTag(t) => Some(t),
        }
    }
}

fn not_for_bulk() -> Error {
    Error::InvalidInput(
        "Our ask, notes and evidence are edited one recommendation at a time: open the \
         recommendation to change them. A selection can get a priority, a lobbying or \
         implementation status, an assignee, or a tag added or removed."
            .into(),
    )
}

impl Store {
    /// Applies one edit to every recommendation in `ids`, as `who`, in one transaction: one
    /// change (one history entry, one Undo step) with a history row for each recommendation
    /// changed. Recommendations already so are left alone. Only priority, lobbying status,
    /// implementation status, assignee and adding or removing a tag can be bulk edits.
    ///
    /// Refused, with nothing written, when `ids` is empty or names a recommendation that does
    /// not exist.
    pub fn bulk_edit(
        &mut self,
        ids: &[i64],
        edit: &TrackingEdit,
        who: &str,
    ) -> Result<BulkOutcome> {
        if ids.is_empty() {
            return Err(Error::InvalidInput(
                "Select at least one recommendation first.".into(),
            ));
        }
        let op = BulkOp::of(edit)?;
        tracking::validate(edit)?;
        let ids = json_ids(ids);
        self.write(|tx| bulk(tx, &ids, &op, who))
    }

    /// The change Undo would revert now: the newest one that is not an undo, is not undone yet
    /// and still has history rows (the recommendations it touched may have been deleted).
    pub fn last_change(&self) -> Result<Option<ChangeSummary>> {
        // One read transaction: the change and its entries come from one snapshot.
        let tx = self.conn.unchecked_transaction()?;
        let change = match last_change_id(&tx)? {
            Some(id) => summaries(&tx, &[id], None)?.pop(),
            None => None,
        };
        tx.finish()?;
        Ok(change)
    }

    /// Undoes [`Store::last_change`], as `who`, in one transaction (see the module's notes);
    /// `None` when there is nothing to undo.
    pub fn undo_last(&mut self, who: &str) -> Result<Option<UndoOutcome>> {
        self.write(|tx| {
            let Some(target) = last_change_id(tx)? else {
                return Ok(None);
            };
            let (review_id, description): (Option<i64>, String) = tx
                .prepare_cached("SELECT review_id, description FROM change WHERE id = ?1")?
                .query_row([target], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let at = now();
            let undo = insert_change(
                tx,
                ChangeKind::Undo,
                review_id,
                who,
                &at,
                &format!("Undid: {description}"),
                Some(target),
            )?;
            revert(tx, target, undo, who, &at)?;
            tx.prepare_cached("UPDATE change SET undone_at = ?2 WHERE id = ?1")?
                .execute(rusqlite::params![target, at])?;
            let mut recommendation_ids = tx
                .prepare_cached(
                    "UPDATE recommendation SET updated_at = ?2
                     WHERE id IN (SELECT recommendation_id FROM history WHERE change_id = ?1)
                     RETURNING id",
                )?
                .query_map(rusqlite::params![undo, at], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?;
            // RETURNING's order is unspecified.
            recommendation_ids.sort_unstable();
            let undone = summaries(tx, &[target], None)?.pop().ok_or_else(|| {
                Error::NotFound("The change to undo is gone, so nothing was undone.".into())
            })?;
            Ok(Some(UndoOutcome {
                undone,
                recommendation_ids,
            }))
        })
    }

    /// The changes touching a review, newest first, at most `limit` (1 to 1000, `MAX_HISTORY`);
    /// `since` (RFC 3339, or a date `YYYY-MM-DD` meaning its start in UTC) keeps the changes made
    /// then or later. Each change's entries and count are those of this review's
    /// recommendations (a bulk edit of a search across reviews also touched others).
    pub fn review_history(
        &self,
        review_id: i64,
        since: Option<&str>,
        limit: i64,
    ) -> Result<Vec<ChangeSummary>> {
        if !(1..=MAX_HISTORY).contains(&limit) {
            return Err(Error::InvalidInput(format!(
                "The history shows 1 to {MAX_HISTORY} changes at a time."
            )));
        }
        let since = since
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(normalize_time)
            .transpose()?;
        // One read transaction: the changes and their entries come from one snapshot.
        let tx = self.conn.unchecked_transaction()?;
        let ids = tx
            .prepare_cached(
                "SELECT c.id FROM change c
                 WHERE (c.review_id = ?1
                        OR (c.review_id IS NULL AND EXISTS (
                            SELECT 1 FROM history h JOIN recommendation r ON r.id = h.recommendation_id
                            WHERE h.change_id = c.id AND r.review_id = ?1)))
                   AND (?2 IS NULL OR c.at >= ?2)
                 ORDER BY c.at DESC, c.id DESC
                 LIMIT ?3",
            )?
            .query_map(rusqlite::params![review_id, since, limit], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        if ids.is_empty() {
            // No changes, or no such review: `review` tells them apart (NotFound).
            self.review(review_id)?;
        }
        let changes = summaries(&tx, &ids, Some(review_id))?;
        tx.finish()?;
        Ok(changes)
    }
}

/// A time as the store writes them (RFC 3339 UTC to the second), from RFC 3339 in any offset or
/// a date (`YYYY-MM-DD`, its start in UTC).
fn normalize_time(input: &str) -> Result<String> {
    let parsed = chrono::DateTime::parse_from_rfc3339(input)
        .map(|t| t.with_timezone(&chrono::Utc))
        .or_else(|_| {
            chrono::NaiveDate::parse_from_str(input, "%Y-%m-%d")
                .map(|d| d.and_time(chrono::NaiveTime::MIN).and_utc())
        })
        .map_err(|_| {
            Error::InvalidInput(format!(
                "“{input}” is not a date Docket understands. Pick the date again \
                 (for example 2025-05-05)."
            ))
        })?;
    Ok(parsed.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

/// The bulk edit itself, inside the caller's transaction. `ids` is a JSON array.
fn bulk(tx: &Transaction<'_>, ids: &str, op: &BulkOp, who: &str) -> Result<BulkOutcome> {
    let missing: i64 = tx
        .prepare_cached(
            "SELECT count(*) FROM (SELECT DISTINCT value AS id FROM json_each(?1)) j
             WHERE NOT EXISTS (SELECT 1 FROM recommendation r WHERE r.id = j.id)",
        )?
        .query_row([ids], |r| r.get(0))?;
    if missing > 0 {
        let which = if missing == 1 {
            "One of the selected recommendations no longer exists".to_owned()
        } else {
            format!("{missing} of the selected recommendations no longer exist")
        };
        return Err(Error::NotFound(format!(
            "{which} (an import or another window may have removed them), so nothing was \
             changed. Search again, select the recommendations and repeat the change."
        )));
    }
    let field = op.field();
    // What a recommendation of the selection needs to be changed; `?2` is the value. The column
    // names come from `SCALAR_FIELDS` via `tracking::column`, never from input.
    let (needs_change, old_expr, new_expr) = match op {
        BulkOp::Set(col, _) => (format!("r.{col} IS NOT ?2"), format!("r.{col}"), "?2"),
        BulkOp::AddTag(_) => (
            "NOT EXISTS (SELECT 1 FROM recommendation_label l
                         WHERE l.recommendation_id = r.id AND l.kind = 'tag' AND l.value = ?2)"
                .to_owned(),
            "NULL".to_owned(),
            "?2",
        ),
        BulkOp::RemoveTag(_) => (
            "EXISTS (SELECT 1 FROM recommendation_label l
                     WHERE l.recommendation_id = r.id AND l.kind = 'tag' AND l.value = ?2)"
                .to_owned(),
            "?2".to_owned(),
            "NULL",
        ),
    };
    let selected = format!(
        "FROM recommendation r WHERE r.id IN (SELECT value FROM json_each(?1)) AND {needs_change}"
    );
    let (count, first_review, last_review): (i64, Option<i64>, Option<i64>) = tx
        .prepare_cached(&format!(
            "SELECT count(*), min(r.review_id), max(r.review_id) {selected}"
        ))?
        .query_row(rusqlite::params![ids, op.value()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    if count == 0 {
        return Ok(BulkOutcome {
            change_id: None,
            changed: 0,
        });
    }
    let review_id = first_review.filter(|_| first_review == last_review);
    let (old, new) = match op {
        BulkOp::RemoveTag(t) => (Some(t.as_str()), None),
        _ => (None, op.value()),
    };
    let description = describe(field, old, new, &count_target(count));
    let at = now();
    let change_id = insert_change(
        tx,
        ChangeKind::Bulk,
        review_id,
        who,
        &at,
        &description,
        None,
    )?;
    // The history rows, in paragraph order (the order the change's entries are listed in).
    tx.prepare_cached(&format!(
        "INSERT INTO history (recommendation_id, at, who, field, old_value, new_value, change_id)
         SELECT r.id, ?3, ?4, '{field}', {old_expr}, {new_expr}, ?5 {selected}
         ORDER BY r.review_id, r.sort_key, r.id"
    ))?
    .execute(rusqlite::params![ids, op.value(), at, who, change_id])?;
    let changed = "(SELECT recommendation_id FROM history WHERE change_id = ?1)";
    match op {
        BulkOp::Set(col, value) => {
            tx.prepare_cached(&format!(
                "UPDATE recommendation SET {col} = ?2, updated_at = ?3 WHERE id IN {changed}"
            ))?
            .execute(rusqlite::params![change_id, value, at])?;
        }
        BulkOp::AddTag(tag) => {
            tx.prepare_cached(&format!(
                "INSERT OR IGNORE INTO recommendation_label (recommendation_id, kind, value)
                 SELECT recommendation_id, 'tag', ?2 FROM {changed}"
            ))?
            .execute(rusqlite::params![change_id, tag])?;
        }
        BulkOp::RemoveTag(tag) => {
            tx.prepare_cached(&format!(
                "DELETE FROM recommendation_label
                 WHERE kind = 'tag' AND value = ?2 AND recommendation_id IN {changed}"
            ))?
            .execute(rusqlite::params![change_id, tag])?;
        }
    }
    if !matches!(op, BulkOp::Set(..)) {
        tx.prepare_cached(&format!(
            "UPDATE recommendation SET updated_at = ?2 WHERE id IN {changed}"
        ))?
        .execute(rusqlite::params![change_id, at])?;
    }
    Ok(BulkOutcome {
        change_id: Some(change_id),
        changed: count,
    })
}

/// See [`Store::last_change`].
fn last_change_id(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT c.id FROM change c
             WHERE c.kind <> 'undo' AND c.undone_at IS NULL
               AND EXISTS (SELECT 1 FROM history h WHERE h.change_id = c.id)
             ORDER BY c.id DESC LIMIT 1",
        )?
        .query_row([], |r| r.get(0))
        .optional()?)
}

/// Reverts change `target`'s history rows, recording each value restored as a history row of
/// change `undo`. Every change but an undo sets one field; were there several, the scalar fields
/// and tags are restored field by field, then the evidence in reverse order.
fn revert(tx: &Transaction<'_>, target: i64, undo: i64, who: &str, at: &str) -> Result<()> {
    // Only the fields the change has: each statement below reads all of the change's rows.
    let fields = tx
        .prepare_cached("SELECT DISTINCT field FROM history WHERE change_id = ?1")?
        .query_map([target], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let has = |field: &str| fields.iter().any(|f| f == field);
    for (col, nullable) in SCALAR_FIELDS.into_iter().filter(|(col, _)| has(col)) {
        // A recommendation with several rows for one field in one change gets back the value
        // before the first. A NOT NULL column is never set to NULL.
        let not_null = if nullable {
            ""
        } else {
            "AND h.old_value IS NOT NULL"
        };
        let restored = tx
            .prepare_cached(&format!(
                "INSERT INTO history (recommendation_id, at, who, field, old_value, new_value,
                                      change_id)
                 SELECT r.id, ?2, ?3, '{col}', r.{col}, h.old_value, ?4
                 FROM history h JOIN recommendation r ON r.id = h.recommendation_id
                 WHERE h.change_id = ?1 AND h.field = '{col}' AND r.{col} IS NOT h.old_value
                   {not_null}
                   AND h.id = (SELECT min(f.id) FROM history f
                               WHERE f.change_id = ?1 AND f.recommendation_id = h.recommendation_id
                                 AND f.field = '{col}')
                 ORDER BY h.id DESC"
            ))?
            .execute(rusqlite::params![target, at, who, undo])?;
        if restored == 0 {
            continue;
        }
        tx.prepare_cached(&format!(
            "UPDATE recommendation
             SET {col} = (SELECT h.new_value FROM history h
                          WHERE h.change_id = ?1 AND h.recommendation_id = recommendation.id
                            AND h.field = '{col}')
             WHERE id IN (SELECT recommendation_id FROM history
                          WHERE change_id = ?1 AND field = '{col}')"
        ))?
        .execute([undo])?;
        if tracking::in_search_index(col) {
            let ids = tx
                .prepare_cached(
                    "SELECT recommendation_id FROM history WHERE change_id = ?1 AND field = ?2",
                )?
                .query_map(rusqlite::params![undo, col], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?;
            for id in ids {
                fts::refresh(tx, id)?;
            }
        }
    }
    if has("tag") {
        revert_tags(tx, target, undo, who, at)?;
    }
    if has("evidence") {
        revert_evidence(tx, target, undo, who, at)?;
    }
    Ok(())
}

/// Removes the tags the change added (where still there) and adds back those it removed (where
/// still missing).
fn revert_tags(tx: &Transaction<'_>, target: i64, undo: i64, who: &str, at: &str) -> Result<()> {
    let has_tag = "SELECT 1 FROM recommendation_label l
                   WHERE l.recommendation_id = h.recommendation_id AND l.kind = 'tag'";
    tx.prepare_cached(&format!(
        "INSERT INTO history (recommendation_id, at, who, field, old_value, new_value, change_id)
         SELECT h.recommendation_id, ?2, ?3, 'tag', h.new_value, NULL, ?4 FROM history h
         WHERE h.change_id = ?1 AND h.field = 'tag' AND h.new_value IS NOT NULL
           AND EXISTS ({has_tag} AND l.value = h.new_value)
         ORDER BY h.id DESC"
    ))?
    .execute(rusqlite::params![target, at, who, undo])?;
    tx.prepare_cached(
        "DELETE FROM recommendation_label
         WHERE kind = 'tag' AND (recommendation_id, value) IN
               (SELECT recommendation_id, old_value FROM history
                WHERE change_id = ?1 AND field = 'tag' AND old_value IS NOT NULL)",
    )?
    .execute([undo])?;
    tx.prepare_cached(&format!(
        "INSERT INTO history (recommendation_id, at, who, field, old_value, new_value, change_id)
         SELECT h.recommendation_id, ?2, ?3, 'tag', NULL, h.old_value, ?4 FROM history h
         WHERE h.change_id = ?1 AND h.field = 'tag' AND h.old_value IS NOT NULL
           AND h.new_value IS NULL
           AND NOT EXISTS ({has_tag} AND l.value = h.old_value)
         ORDER BY h.id DESC"
    ))?
    .execute(rusqlite::params![target, at, who, undo])?;
    tx.prepare_cached(
        "INSERT OR IGNORE INTO recommendation_label (recommendation_id, kind, value)
         SELECT recommendation_id, 'tag', new_value FROM history
         WHERE change_id = ?1 AND field = 'tag' AND new_value IS NOT NULL",
    )?
    .execute([undo])?;
    Ok(())
}

/// Removes the evidence links the change added and restores those it removed, newest row first.
fn revert_evidence(
    tx: &Transaction<'_>,
    target: i64,
    undo: i64,
    who: &str,
    at: &str,
) -> Result<()> {
    let rows = tx
        .prepare_cached(
            "SELECT recommendation_id, old_value, new_value, detail FROM history
             WHERE change_id = ?1 AND field = 'evidence' ORDER BY id DESC",
        )?
        .query_map([target], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (rec, old, new, detail) in rows {
        // History rows from before schema v5 have no detail: the link is found by its text.
        let detail: Option<EvidenceDetail> = detail.and_then(|d| serde_json::from_str(&d).ok());
        let entry = match (old, new) {
            (_, Some(added)) => remove_added_link(tx, rec, &added, detail.as_ref())?
                .map(|removed| (Some(added), None, removed)),
            (Some(removed), None) => restore_removed_link(tx, rec, &removed, detail, at)?
                .map(|restored| (None, Some(removed), restored)),
            (None, None) => None,
        };
        if let Some((old, new, link)) = entry {
            let json = link.to_json()?;
            insert_entry(
                tx,
                at,
                who,
                &Entry {
                    change_id: Some(undo),
                    recommendation_id: rec,
                    field: "evidence",
                    old: old.as_deref(),
                    new: new.as_deref(),
                    detail: Some(&json),
                },
            )?;
        }
    }
    Ok(())
}

/// Removes the link a change added, if it is still there; returns it.
fn remove_added_link(
    tx: &Transaction<'_>,
    rec: i64,
    shown: &str,
    detail: Option<&EvidenceDetail>,
) -> Result<Option<EvidenceDetail>> {
    // The link's id when known, else the newest link with its address and label. Its address
    // and label must match too: an id freed by a removal may have been given to another link.
    let (id, url, label) = match detail {
        Some(d) => (Some(d.id), d.url.clone(), d.label.clone()),
        None => {
            let (url, label) = evidence_from_shown(shown);
            (None, url, label)
        }
    };
    Ok(tx
        .prepare_cached(
            "DELETE FROM evidence_link
             WHERE id = (SELECT id FROM evidence_link
                         WHERE recommendation_id = ?2 AND url = ?3 AND label = ?4
                           AND (?1 IS NULL OR id = ?1)
                         ORDER BY id DESC LIMIT 1)
             RETURNING id, url, label, added_at",
        )?
        .query_row(
            rusqlite::params![id, rec, url, label],
            EvidenceDetail::from_row,
        )
        .optional()?)
}

/// Adds back the link a change removed, under its old id when that is free, unless the
/// recommendation has the same link again; returns it.
fn restore_removed_link(
    tx: &Transaction<'_>,
    rec: i64,
    shown: &str,
    detail: Option<EvidenceDetail>,
    at: &str,
) -> Result<Option<EvidenceDetail>> {
    let link = detail.unwrap_or_else(|| {
        let (url, label) = evidence_from_shown(shown);
        EvidenceDetail {
            id: 0,
            url,
            label,
            added_at: at.to_owned(),
        }
    });
    let already = tx
        .prepare_cached(
            "SELECT 1 FROM evidence_link WHERE recommendation_id = ?1 AND url = ?2 AND label = ?3",
        )?
        .query_row(rusqlite::params![rec, link.url, link.label], |_| Ok(()))
        .optional()?
        .is_some();
    if already {
        return Ok(None);
    }
    // `NULL` for the id lets SQLite choose one when the old id is taken (or unknown).
    let id_free = link.id > 0
        && tx
            .prepare_cached("SELECT 1 FROM evidence_link WHERE id = ?1")?
            .query_row([link.id], |_| Ok(()))
            .optional()?
            .is_none();
    tx.prepare_cached(
        "INSERT INTO evidence_link (id, recommendation_id, url, label, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(rusqlite::params![
        id_free.then_some(link.id),
        rec,
        link.url,
        link.label,
        link.added_at
    ])?;
    Ok(Some(EvidenceDetail {
        id: tx.last_insert_rowid(),
        ..link
    }))
}

/// Changes with their entries, in the order of `ids` (an id with no change is left out);
/// `review` keeps only the entries (and the count) of that review's recommendations. Two
/// statements however many changes.
fn summaries(conn: &Connection, ids: &[i64], review: Option<i64>) -> Result<Vec<ChangeSummary>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids = json_ids(ids);
    // `CASE` runs only the count asked for: all the change's recommendations, or the review's.
    let mut changes = conn
        .prepare_cached(
            "SELECT c.id, c.at, c.who, c.kind, c.description, c.undone_at,
                    CASE WHEN ?2 IS NULL
                    THEN (SELECT count(DISTINCT recommendation_id) FROM history
                          WHERE change_id = c.id)
                    ELSE (SELECT count(DISTINCT h.recommendation_id)
                          FROM history h JOIN recommendation r ON r.id = h.recommendation_id
                          WHERE h.change_id = c.id AND r.review_id = ?2)
                    END
             FROM json_each(?1) j JOIN change c ON c.id = j.value
             ORDER BY j.key",
        )?
        .query_map(rusqlite::params![ids, review], |r| {
            let kind: String = r.get(3)?;
            Ok(ChangeSummary {
                id: r.get(0)?,
                at: r.get(1)?,
                who: r.get(2)?,
                kind: parse_stored(&kind, ChangeKind::parse, 3)?,
                description: r.get(4)?,
                undone_at: r.get(5)?,
                count: r.get(6)?,
                entries: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let position: HashMap<i64, usize> =
        changes.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    // Each change's first entries, by the correlated subquery (run once per change).
    let mut stmt = conn.prepare_cached(
        "SELECT h.change_id, h.recommendation_id, r.review_id, r.paragraph, h.field, h.old_value,
                h.new_value
         FROM json_each(?1) j
         JOIN history h ON h.id IN (
             SELECT f.id FROM history f JOIN recommendation fr ON fr.id = f.recommendation_id
             WHERE f.change_id = j.value AND (?2 IS NULL OR fr.review_id = ?2)
             ORDER BY f.id
             LIMIT ?3)
         JOIN recommendation r ON r.id = h.recommendation_id
         ORDER BY h.id",
    )?;
    let mut rows = stmt.query(rusqlite::params![ids, review, MAX_CHANGE_ENTRIES])?;
    while let Some(r) = rows.next()? {
        let change: i64 = r.get(0)?;
        if let Some(&i) = position.get(&change) {
            changes[i].entries.push(ChangeEntry {
                recommendation_id: r.get(1)?,
                review_id: r.get(2)?,
                paragraph: r.get(3)?,
                field: r.get(4)?,
                old_value: r.get(5)?,
                new_value: r.get(6)?,
            });
        }
    }
    Ok(changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_plain_words() {
        let cases = [
            (
                ("priority", None, Some("high"), "26.1"),
                "Priority set to High on 26.1",
            ),
            (
                ("priority", Some("high"), None, "26.1"),
                "Priority cleared on 26.1",
            ),
            (
                (
                    "lobbying_status",
                    None,
                    Some("in_progress"),
                    "3 recommendations",
                ),
                "Lobbying status set to In progress on 3 recommendations",
            ),
            (
                (
                    "implementation_status",
                    None,
                    Some("partially_implemented"),
                    "26.1",
                ),
                "Implementation status set to Partially implemented on 26.1",
            ),
            (
                ("assignee", None, Some("Ana"), "26.1"),
                "Assignee set to Ana on 26.1",
            ),
            (
                ("assignee", Some("Ana"), Some(""), "26.1"),
                "Assignee cleared on 26.1",
            ),
            (
                ("our_ask", None, Some("Ratify"), "26.1"),
                "Our ask changed on 26.1",
            ),
            (
                ("notes", Some("x"), Some(""), "26.1"),
                "Notes cleared on 26.1",
            ),
            (
                ("tag", None, Some("urgent"), "26.1"),
                "Tag “urgent” added to 26.1",
            ),
            (
                ("tag", Some("urgent"), None, "2 recommendations"),
                "Tag “urgent” removed from 2 recommendations",
            ),
            (
                ("evidence", None, Some("x <y>"), "26.1"),
                "Evidence added to 26.1",
            ),
            (
                ("evidence", Some("x <y>"), None, "26.1"),
                "Evidence removed from 26.1",
            ),
        ];
        for ((field, old, new, target), expected) in cases {
            assert_eq!(
                describe(field, old, new, target),
                expected,
                "{field} {old:?} {new:?}"
            );
        }
        assert_eq!(count_target(1), "1 recommendation");
        assert_eq!(paragraph_target(""), "a recommendation");
    }

    /// Migration v5 repeats `describe`'s wording in SQL for the history written before it (a
    /// migration is frozen once shipped): the two must agree on every kind of edit.
    #[test]
    fn the_v5_backfill_words_each_edit_as_describe_does() -> Result<()> {
        let edits: [(&str, Option<&str>, Option<&str>); 15] = [
            ("priority", None, Some("high")),
            ("priority", Some("high"), None),
            ("lobbying_status", Some("not_started"), Some("in_progress")),
            (
                "implementation_status",
                Some("not_assessed"),
                Some("partially_implemented"),
            ),
            ("assignee", Some(""), Some("Ana")),
            ("assignee", Some("Ana"), Some("")),
            ("our_ask", Some(""), Some("Ratify")),
            ("our_ask", Some("Ratify"), Some("")),
            ("notes", Some(""), Some("Call")),
            ("notes", Some("Call"), Some("")),
            ("tag", None, Some("urgent")),
            ("tag", Some("urgent"), None),
            ("evidence", None, Some("Report <https://example.org>")),
            ("evidence", Some("https://example.org"), None),
            ("position", Some("pending"), Some("noted")),
        ];
        let mut conn = Connection::open_in_memory()?;
        super::super::configure(&conn)?;
        super::super::migrations::migrate_to(&mut conn, 4)?;
        conn.execute_batch(
            "INSERT INTO review (id, state_under_review, created_at)
                 VALUES (1, 'Paraguay', '2024-01-01T00:00:00Z');
             INSERT INTO recommendation (id, review_id, paragraph, sort_key, text)
                 VALUES (1, 1, '26.1', '0026.0001', 'Ratify'), (2, 1, '', '', 'Abolish');",
        )?;
        for rec in [1, 2] {
            for (field, old, new) in edits {
                conn.execute(
                    "INSERT INTO history (recommendation_id, at, who, field, old_value, new_value)
                     VALUES (?1, '2024-02-01T10:00:00Z', 'Ana', ?2, ?3, ?4)",
                    rusqlite::params![rec, field, old, new],
                )?;
            }
        }
        super::super::migrations::migrate(&mut conn, 4)?;
        let mut stmt = conn.prepare(
            "SELECT h.field, h.old_value, h.new_value, r.paragraph, c.description
             FROM history h JOIN recommendation r ON r.id = h.recommendation_id
             LEFT JOIN change c ON c.id = h.change_id
             ORDER BY h.id",
        )?;
        let mut rows = stmt.query([])?;
        let mut seen = 0;
        while let Some(r) = rows.next()? {
            let (field, old, new, paragraph): (String, Option<String>, Option<String>, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            let migrated: Option<String> = r.get(4)?;
            let expected = (field != "position").then(|| {
                describe(
                    &field,
                    old.as_deref(),
                    new.as_deref(),
                    &paragraph_target(&paragraph),
                )
            });
            assert_eq!(
                migrated, expected,
                "{field} {old:?} {new:?} on {paragraph:?}"
            );
            seen += 1;
        }
        assert_eq!(seen, 2 * edits.len(), "every row read back");
        Ok(())
    }

    #[test]
    fn evidence_text_is_read_back_as_written() {
        for (url, label) in [
            ("https://example.org/a", ""),
            ("https://example.org/a", "Report"),
            ("report <draft>.pdf", ""),
            ("b.pdf", "Shadow report <2024>"),
        ] {
            let shown = evidence_shown(url, label);
            assert_eq!(
                evidence_from_shown(&shown),
                (url.to_owned(), label.to_owned()),
                "{shown}"
            );
        }
    }

    #[test]
    fn times_are_normalized_to_the_stored_form() {
        assert_eq!(
            normalize_time("2025-05-05T12:30:00.123+02:00")
                .ok()
                .as_deref(),
            Some("2025-05-05T10:30:00Z")
        );
        assert_eq!(
            normalize_time("2025-05-05").ok().as_deref(),
            Some("2025-05-05T00:00:00Z")
        );
        assert!(matches!(
            normalize_time("last week"),
            Err(Error::InvalidInput(_))
        ));
    }
}
