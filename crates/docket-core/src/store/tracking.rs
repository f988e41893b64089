//! Edits of the organization's tracking, each written to the history in the same transaction:
//! an edit that changes something is one change (see [`super::history`]) with one history row.

use rusqlite::{OptionalExtension, Transaction};

use super::history::{self, describe, insert_change, insert_entry, Entry, EvidenceDetail};
use super::{checks, fts, now, queries, Store};
use crate::domain::{ChangeKind, RecommendationDetail, TrackingEdit};
use crate::error::{Error, Result};

/// Longest free text accepted in our ask and notes (characters).
const MAX_TEXT: usize = 100_000;
/// Longest short value accepted (assignee, tag, evidence label).
const MAX_SHORT: usize = 200;
/// Longest evidence address accepted.
const MAX_URL: usize = 2_000;

impl Store {
    /// Applies one edit to a recommendation's tracking and records it in the history as `who`:
    /// one change (one Undo step) with one history row. An edit that changes nothing writes
    /// nothing. Returns the recommendation as saved.
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

/// A scalar column of `recommendation` that the organization edits, and the value the edit
/// sets (as stored).
pub(super) fn column(edit: &TrackingEdit) -> Option<(&'static str, Option<String>)> {
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

/// Whether a column of [`column`] is in the full-text index (see [`fts`]).
pub(super) fn in_search_index(col: &str) -> bool {
    matches!(col, "our_ask" | "notes")
}

/// Refuses values that are blank where a value is needed, or too long.
pub(super) fn validate(edit: &TrackingEdit) -> Result<()> {
    match edit {
        TrackingEdit::OurAsk(s) => checks::at_most("the ask", s, MAX_TEXT),
        TrackingEdit::Notes(s) => checks::at_most("the note", s, MAX_TEXT),
        TrackingEdit::Assignee(s) => checks::at_most("the assignee's name", s, MAX_SHORT),
        TrackingEdit::AddTag(t) | TrackingEdit::RemoveTag(t) => {
            if t.trim().is_empty() {
                return Err(Error::InvalidInput("Type a tag first.".into()));
            }
            checks::at_most("the tag", t.trim(), MAX_SHORT)
        }
        TrackingEdit::AddEvidence { url, label } => {
            if url.trim().is_empty() {
                return Err(Error::InvalidInput(
                    "Enter the address (or file name) of the evidence.".into(),
                ));
            }
            checks::at_most("the address", url.trim(), MAX_URL)?;
            checks::at_most("the label", label.trim(), MAX_SHORT)
        }
        _ => Ok(()),
    }
}

/// The recommendation an edit applies to.
struct Target<'a> {
    id: i64,
    review_id: i64,
    paragraph: String,
    who: &'a str,
}

impl Target<'_> {
    /// Records one value changed: a change of kind `edit` with its one history row.
    fn record(
        &self,
        tx: &Transaction<'_>,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
        detail: Option<&str>,
    ) -> Result<()> {
        let at = now();
        let description = describe(field, old, new, &history::paragraph_target(&self.paragraph));
        let change_id = insert_change(
            tx,
            ChangeKind::Edit,
            Some(self.review_id),
            self.who,
            &at,
            &description,
            None,
        )?;
        insert_entry(
            tx,
            &at,
            self.who,
            &Entry {
                change_id: Some(change_id),
                recommendation_id: self.id,
                field,
                old,
                new,
                detail,
            },
        )?;
        tx.prepare_cached("UPDATE recommendation SET updated_at = ?2 WHERE id = ?1")?
            .execute(rusqlite::params![self.id, at])?;
        Ok(())
    }
}

fn apply(tx: &Transaction<'_>, id: i64, edit: &TrackingEdit, who: &str) -> Result<()> {
    validate(edit)?;
    let target = tx
        .prepare_cached("SELECT review_id, paragraph FROM recommendation WHERE id = ?1")?
        .query_row([id], |r| {
            Ok(Target {
                id,
                review_id: r.get(0)?,
                paragraph: r.get(1)?,
                who,
            })
        })
        .optional()?;
    let Some(target) = target else {
        return Err(Error::NotFound(format!(
            "Recommendation {id} no longer exists, so the change was not saved."
        )));
    };
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
        target.record(tx, col, old.as_deref(), new.as_deref(), None)?;
        if in_search_index(col) {
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
                target.record(tx, "tag", None, Some(tag), None)?;
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
                target.record(tx, "tag", Some(tag), None, None)?;
            }
        }
        TrackingEdit::AddEvidence { url, label } => {
            let (url, label) = (url.trim(), label.trim());
            let added_at = now();
            tx.prepare_cached(
                "INSERT INTO evidence_link (recommendation_id, url, label, added_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(rusqlite::params![id, url, label, added_at])?;
            let link = EvidenceDetail {
                id: tx.last_insert_rowid(),
                url: url.to_owned(),
                label: label.to_owned(),
                added_at,
            };
            let shown = history::evidence_shown(url, label);
            target.record(tx, "evidence", None, Some(&shown), Some(&link.to_json()?))?;
        }
        TrackingEdit::RemoveEvidence(link) => {
            let old: Option<EvidenceDetail> = tx
                .prepare_cached(
                    "DELETE FROM evidence_link WHERE id = ?2 AND recommendation_id = ?1
                     RETURNING id, url, label, added_at",
                )?
                .query_row(rusqlite::params![id, link], EvidenceDetail::from_row)
                .optional()?;
            let Some(old) = old else {
                return Err(Error::NotFound(
                    "That evidence link was already removed.".into(),
                ));
            };
            let shown = history::evidence_shown(&old.url, &old.label);
            target.record(tx, "evidence", Some(&shown), None, Some(&old.to_json()?))?;
        }
        _ => {}
    }
    Ok(())
}
