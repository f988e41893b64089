//! Edits of the organization's tracking, each written to the history in the same transaction.

use rusqlite::{OptionalExtension, Transaction};

use super::{fts, insert_history, now, queries, Store};
use crate::domain::{RecommendationDetail, TrackingEdit};
use crate::error::{Error, Result};

/// Longest free text accepted in our ask and notes (characters).
const MAX_TEXT: usize = 100_000;
/// Longest short value accepted (assignee, tag, evidence label).
const MAX_SHORT: usize = 200;
/// Longest evidence address accepted.
const MAX_URL: usize = 2_000;

fn check_len(what: &str, value: &str, max: usize) -> Result<()> {
    if value.chars().count() > max {
        return Err(Error::InvalidInput(format!(
            "The {what} is too long: keep it under {max} characters."
        )));
    }
    Ok(())
}

impl Store {
    /// Applies one edit to a recommendation's tracking and records it in the history as `who`.
    /// An edit that changes nothing writes nothing. Returns the recommendation as saved.
    pub fn edit_tracking(
        &mut self,
        id: i64,
        edit: &TrackingEdit,
        who: &str,
    ) -> Result<RecommendationDetail> {
        self.write(|tx| {
            apply(tx, id, edit, who)?;
            queries::detail(tx, id)
        })
    }
}

/// A scalar column of `recommendation` that the organization edits.
fn column(edit: &TrackingEdit) -> Option<(&'static str, Option<String>)> {
    Some(match edit {
        TrackingEdit::Priority(p) => ("priority", p.map(|p| p.as_str().to_owned())),
        TrackingEdit::OurAsk(s) => ("our_ask", Some(s.trim().to_owned())),
        TrackingEdit::LobbyingStatus(s) => ("lobbying_status", Some(s.as_str().to_owned())),
        TrackingEdit::ImplementationStatus(s) => {
            ("implementation_status", Some(s.as_str().to_owned()))
        }
        TrackingEdit::Assignee(s) => ("assignee", Some(s.trim().to_owned())),
        TrackingEdit::Notes(s) => ("notes", Some(s.trim_end().to_owned())),
        _ => return None,
    })
}

fn validate(edit: &TrackingEdit) -> Result<()> {
    match edit {
        TrackingEdit::OurAsk(s) => check_len("ask", s, MAX_TEXT),
        TrackingEdit::Notes(s) => check_len("note", s, MAX_TEXT),
        TrackingEdit::Assignee(s) => check_len("assignee's name", s, MAX_SHORT),
        TrackingEdit::AddTag(t) | TrackingEdit::RemoveTag(t) => {
            if t.trim().is_empty() {
                return Err(Error::InvalidInput("Type a tag first.".into()));
            }
            check_len("tag", t.trim(), MAX_SHORT)
        }
        TrackingEdit::AddEvidence { url, label } => {
            if url.trim().is_empty() {
                return Err(Error::InvalidInput(
                    "Enter the address (or file name) of the evidence.".into(),
                ));
            }
            check_len("address", url.trim(), MAX_URL)?;
            check_len("label", label.trim(), MAX_SHORT)
        }
        _ => Ok(()),
    }
}

fn record(
    tx: &Transaction<'_>,
    id: i64,
    who: &str,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    insert_history(tx, id, who, field, old, new)?;
    tx.prepare_cached("UPDATE recommendation SET updated_at = ?2 WHERE id = ?1")?
        .execute(rusqlite::params![id, now()])?;
    Ok(())
}

fn apply(tx: &Transaction<'_>, id: i64, edit: &TrackingEdit, who: &str) -> Result<()> {
    validate(edit)?;
    let exists = tx
        .prepare_cached("SELECT 1 FROM recommendation WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some();
    if !exists {
        return Err(Error::NotFound(format!(
            "Recommendation {id} no longer exists, so the change was not saved."
        )));
    }
    if let Some((col, new)) = column(edit) {
        // `col` comes from the fixed list in `column`, never from input.
        let old: Option<String> = tx.query_row(
            &format!("SELECT {col} FROM recommendation WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )?;
        if old == new {
            return Ok(());
        }
        tx.execute(
            &format!("UPDATE recommendation SET {col} = ?2 WHERE id = ?1"),
            rusqlite::params![id, new],
        )?;
        record(tx, id, who, col, old.as_deref(), new.as_deref())?;
        if matches!(col, "our_ask" | "notes") {
            fts::refresh(tx, id)?;
        }
        return Ok(());
    }
    match edit {
        TrackingEdit::AddTag(tag) => {
            let tag = tag.trim();
            let added = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO recommendation_label (recommendation_id, kind, value)
                     VALUES (?1, 'tag', ?2)",
                )?
                .execute(rusqlite::params![id, tag])?;
            if added > 0 {
                record(tx, id, who, "tag", None, Some(tag))?;
            }
        }
        TrackingEdit::RemoveTag(tag) => {
            let tag = tag.trim();
            let removed = tx
                .prepare_cached(
                    "DELETE FROM recommendation_label
                     WHERE recommendation_id = ?1 AND kind = 'tag' AND value = ?2",
                )?
                .execute(rusqlite::params![id, tag])?;
            if removed > 0 {
                record(tx, id, who, "tag", Some(tag), None)?;
            }
        }
        TrackingEdit::AddEvidence { url, label } => {
            let (url, label) = (url.trim(), label.trim());
            tx.prepare_cached(
                "INSERT INTO evidence_link (recommendation_id, url, label, added_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(rusqlite::params![id, url, label, now()])?;
            let shown = if label.is_empty() {
                url.to_owned()
            } else {
                format!("{label} <{url}>")
            };
            record(tx, id, who, "evidence", None, Some(&shown))?;
        }
        TrackingEdit::RemoveEvidence(link) => {
            let old: Option<(String, String)> = tx
                .prepare_cached(
                    "DELETE FROM evidence_link WHERE id = ?2 AND recommendation_id = ?1
                     RETURNING url, label",
                )?
                .query_row(rusqlite::params![id, link], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((url, label)) = old else {
                return Err(Error::NotFound(
                    "That evidence link was already removed.".into(),
                ));
            };
            let shown = if label.is_empty() {
                url
            } else {
                format!("{label} <{url}>")
            };
            record(tx, id, who, "evidence", Some(&shown), None)?;
        }
        _ => {}
    }
    Ok(())
}
