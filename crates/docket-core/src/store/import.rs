//! Committing an [`ImportBatch`]: one transaction, all or nothing, never changing the
//! organization's own work.
//!
//! - A review is the same review when its State under review and WG session match (without a
//!   session: its report symbol; without either: the same State's review that has neither). Its
//!   missing facts are filled in; known ones are kept.
//! - A recommendation is the same recommendation when its paragraph matches within the review
//!   (its text, when the source has no paragraph numbers). Its source fields (text, position,
//!   States, themes, groups, SDGs, action category) are updated; priority, our ask, statuses,
//!   assignee, tags, notes, evidence and history are never overwritten.
//! - Tracking read from a file (Docket's own CSV/XLSX export read back, see
//!   [`crate::import::mapped`]) is given to the recommendations the import creates, as their
//!   starting tracking (no history entry, like the rest of a new recommendation). A
//!   recommendation already in Docket keeps its own tracking, whatever the file says: an import
//!   never overwrites someone's work. When the file's tracking differs from Docket's, one
//!   problem says how many recommendations kept theirs. A value Docket would refuse in an edit
//!   (a note over 100,000 characters, a tag over 200…) is left out, with a problem.
//! - A preview is the same work rolled back, so what the preview says is what the commit does.
//! - Before a commit, the database file is copied to `backups/` beside it (`VACUUM INTO`), and
//!   the import is recorded in `import_log`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

use rusqlite::{OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::{
    check_action_category, fts, insert_history, insert_labels, insert_review, insert_states, now,
    tracking, Inserter, Store,
};
use crate::domain::{
    ImplementationStatus, LobbyingStatus, NewEvidence, NewRecommendation, NewReview, NewTracking,
    Position, Priority, TrackingEdit,
};
use crate::error::{Error, Result};
use crate::import::{ImportBatch, PositionUpdate};
use crate::states;

/// How many backups are kept; older ones are removed after a successful import.
const KEEP_BACKUPS: usize = 10;

/// A review touched by an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedReview {
    /// The review's id (in a preview, the id it would get or has).
    pub id: i64,
    /// The State under review.
    pub state_under_review: String,
    /// WG session.
    pub session: Option<i64>,
    /// Recommendations in the review after the import.
    pub recommendations: i64,
    /// Whether the import creates it.
    pub created: bool,
}

/// A problem with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileProblem {
    /// The file's name.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<u64>,
    /// 1-based column, when known.
    pub column: Option<u64>,
    /// What is wrong and what to do.
    pub message: String,
}

/// What an import did (or, in a preview, would do).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Reviews created.
    pub reviews_created: i64,
    /// Reviews touched.
    pub reviews: Vec<ImportedReview>,
    /// Recommendations created.
    pub recommendations_created: i64,
    /// Recommendations whose source fields changed.
    pub recommendations_updated: i64,
    /// Recommendations found identical.
    pub unchanged: i64,
    /// Recommendations that carry a position (other than pending) in the source.
    pub positions_found: i64,
    /// Rows skipped on purpose (e.g. non-UPR rows of a UHRI export).
    pub skipped: u64,
    /// Problems, reading and joining.
    pub problems: Vec<FileProblem>,
    /// Whether the changes were written (false for a preview).
    pub committed: bool,
    /// The backup taken just before the import, when committed.
    pub backup: Option<String>,
}

impl ImportSummary {
    /// Whether anything at all could be imported.
    pub fn imported_anything(&self) -> bool {
        self.recommendations_created + self.recommendations_updated + self.unchanged > 0
    }
}

/// Progress of a long import: `(done, total)`; return `false` to cancel (nothing is written).
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64) -> bool;

impl Store {
    /// Previews (`commit = false`) or commits an import. `target` puts everything into that
    /// existing review (the CLI's `--review`). All or nothing: on any error, or a cancel through
    /// `progress`, nothing changes.
    pub fn import(
        &mut self,
        batch: &ImportBatch,
        target: Option<i64>,
        commit: bool,
        progress: Progress<'_>,
    ) -> Result<ImportSummary> {
        if batch.reviews.is_empty() && batch.updates.is_empty() {
            let first = batch
                .problems
                .iter()
                .take(3)
                .map(|p| p.message.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            return Err(Error::InvalidInput(format!(
                "Nothing could be imported from {}. {first}",
                batch.file
            )));
        }
        if let Some(id) = target {
            self.review(id)?;
            if batch.reviews.len() > 1 {
                return Err(Error::InvalidInput(format!(
                    "{} holds {} reviews, so it cannot all go into review {id}. Import it without choosing a review.",
                    batch.file,
                    batch.reviews.len()
                )));
            }
        }
        let backup = if commit { self.backup()? } else { None };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // The schema's CHECK constraints that list allowed words (`position IN (...)` and the
        // like) make SQLite build a temporary b-tree for each list on every row it writes: about
        // 40% of an import's time. Everything an import writes into those columns is valid by
        // construction (positions and label kinds come from Rust enums and literals, action
        // categories are range-checked before they are written, priorities and statuses read
        // from a file come from Rust enums too), so they are not evaluated again while the
        // import runs; every other
        // constraint (NOT NULL, UNIQUE, foreign keys) is. The setting belongs to the connection,
        // not the transaction: it is put back whether the import succeeds or not.
        tx.pragma_update(None, "ignore_check_constraints", true)?;
        let applied = apply(&tx, batch, target, progress);
        tx.pragma_update(None, "ignore_check_constraints", false)?;
        let mut summary = applied?;
        if commit {
            tx.execute(
                "INSERT INTO import_log (at, file_name, format, reviews_created,
                     recommendations_created, recommendations_updated, unchanged, problems,
                     backup_path)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                rusqlite::params![
                    now(),
                    batch.file,
                    batch.format.as_str(),
                    summary.reviews_created,
                    summary.recommendations_created,
                    summary.recommendations_updated,
                    summary.unchanged,
                    summary.problems.len() as i64,
                    backup.as_ref().map(|p| p.display().to_string()),
                ],
            )?;
            tx.commit()?;
            summary.committed = true;
            summary.backup = backup.map(|p| p.display().to_string());
            self.prune_backups();
        }
        // A preview's transaction is dropped here: rolled back.
        Ok(summary)
    }

    /// Copies the database to `backups/docket-<time>.sqlite3` beside it. `None` in memory.
    pub fn backup(&self) -> Result<Option<PathBuf>> {
        let Some(path) = self.path.as_ref() else {
            return Ok(None);
        };
        let dir = path
            .parent()
            .map(|d| d.join("backups"))
            .unwrap_or_else(|| PathBuf::from("backups"));
        std::fs::create_dir_all(&dir).map_err(|e| {
            Error::io(
                format!(
                    "Docket could not create the backup folder {}",
                    dir.display()
                ),
                e,
            )
        })?;
        let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S%.3f");
        let file = dir.join(format!("docket-{stamp}.sqlite3"));
        self.conn
            .execute("VACUUM INTO ?1", [file.display().to_string()])?;
        Ok(Some(file))
    }

    /// Keeps the newest [`KEEP_BACKUPS`] backups. Failing to remove an old one is not an error.
    fn prune_backups(&self) {
        let Some(dir) = self
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(|d| d.join("backups"))
        else {
            return;
        };
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("docket-") && n.ends_with(".sqlite3"))
            })
            .collect();
        files.sort();
        let excess = files.len().saturating_sub(KEEP_BACKUPS);
        for old in files.into_iter().take(excess) {
            let _ = std::fs::remove_file(old);
        }
    }
}

/// The batch's reading problems, placed in its file.
pub(crate) fn file_problems(batch: &ImportBatch) -> Vec<FileProblem> {
    batch
        .problems
        .iter()
        .map(|p| FileProblem {
            file: batch.file.clone(),
            line: p.line,
            column: p.column,
            message: p.message.clone(),
        })
        .collect()
}

/// The source fields of a stored recommendation, to compare with an incoming one.
struct Stored {
    text: String,
    position: String,
    position_source: Option<String>,
    action_category: Option<i64>,
    states: Vec<String>,
    labels: HashMap<&'static str, Vec<String>>,
}

fn stored(tx: &Transaction<'_>, id: i64) -> Result<Stored> {
    let (text, position, position_source, action_category) = tx
        .prepare_cached(
            "SELECT text, position, position_source, action_category FROM recommendation WHERE id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    let states = tx
        .prepare_cached(
            "SELECT name_as_written FROM recommending_state WHERE recommendation_id = ?1 ORDER BY ord",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let mut labels: HashMap<&'static str, Vec<String>> = HashMap::new();
    let mut stmt = tx.prepare_cached(
        "SELECT kind, value FROM recommendation_label WHERE recommendation_id = ?1 AND kind <> 'tag'
         ORDER BY kind, value",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let kind: String = r.get(0)?;
        let kind = match kind.as_str() {
            "theme" => "theme",
            "group" => "group",
            _ => "sdg",
        };
        labels.entry(kind).or_default().push(r.get(1)?);
    }
    Ok(Stored {
        text,
        position,
        position_source,
        action_category,
        states,
        labels,
    })
}

fn sorted_clean(values: &[String]) -> Vec<String> {
    let mut v: Vec<String> = values
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    v.sort();
    v.dedup();
    v
}

fn clean(values: &[String]) -> Vec<String> {
    values
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Replaces one kind of source label when the incoming list is non-empty and differs.
fn replace_labels(
    tx: &Transaction<'_>,
    id: i64,
    kind: &'static str,
    old: Option<&Vec<String>>,
    new: &[String],
) -> Result<bool> {
    let new = sorted_clean(new);
    if new.is_empty() || old.map(|o| sorted_clean(o)) == Some(new.clone()) {
        return Ok(false);
    }
    tx.prepare_cached(
        "DELETE FROM recommendation_label WHERE recommendation_id = ?1 AND kind = ?2",
    )?
    .execute(rusqlite::params![id, kind])?;
    insert_labels(tx, id, kind, &new)?;
    Ok(true)
}

fn replace_states(tx: &Transaction<'_>, id: i64, new: &[String]) -> Result<()> {
    tx.prepare_cached("DELETE FROM recommending_state WHERE recommendation_id = ?1")?
        .execute([id])?;
    insert_states(tx, id, new)
}

/// Records a change made by an import in the recommendation's history.
fn record(
    tx: &Transaction<'_>,
    id: i64,
    who: &str,
    field: &str,
    old: &str,
    new: &str,
) -> Result<()> {
    insert_history(tx, id, who, field, Some(old), Some(new))
}

/// Updates a stored recommendation's source fields from `rec`; returns whether anything changed.
fn update_recommendation(
    tx: &Transaction<'_>,
    id: i64,
    rec: &NewRecommendation,
    who: &str,
) -> Result<bool> {
    let old = stored(tx, id)?;
    let mut changed = false;
    let text = rec.text.trim();
    if !text.is_empty() && text != old.text {
        tx.prepare_cached("UPDATE recommendation SET text = ?2 WHERE id = ?1")?
            .execute(rusqlite::params![id, text])?;
        record(tx, id, who, "text", &old.text, text)?;
        changed = true;
    }
    // A source without positions (pending) never erases a known position.
    if rec.position != Position::Pending && rec.position.as_str() != old.position {
        tx.prepare_cached("UPDATE recommendation SET position = ?2 WHERE id = ?1")?
            .execute(rusqlite::params![id, rec.position.as_str()])?;
        record(
            tx,
            id,
            who,
            "position",
            &old.position,
            rec.position.as_str(),
        )?;
        changed = true;
    }
    if rec.position_source.is_some() && rec.position_source != old.position_source {
        tx.prepare_cached("UPDATE recommendation SET position_source = ?2 WHERE id = ?1")?
            .execute(rusqlite::params![id, rec.position_source])?;
        changed = true;
    }
    if let Some(c) = rec.action_category {
        // Checked here as the schema would: the import does not evaluate CHECK constraints.
        check_action_category(&rec.paragraph, c)?;
    }
    if rec.action_category.is_some() && rec.action_category != old.action_category {
        tx.prepare_cached("UPDATE recommendation SET action_category = ?2 WHERE id = ?1")?
            .execute(rusqlite::params![id, rec.action_category])?;
        changed = true;
    }
    let states = clean(&rec.states);
    if !states.is_empty() && states != old.states {
        replace_states(tx, id, &states)?;
        changed = true;
    }
    changed |= replace_labels(tx, id, "theme", old.labels.get("theme"), &rec.themes)?;
    changed |= replace_labels(
        tx,
        id,
        "group",
        old.labels.get("group"),
        &rec.groups_of_persons,
    )?;
    changed |= replace_labels(tx, id, "sdg", old.labels.get("sdg"), &rec.sdgs)?;
    Ok(changed)
}

/// Finds the stored review a parsed one is the same as.
fn find_review(tx: &Transaction<'_>, review: &NewReview) -> Result<Option<i64>> {
    let name = review.state_under_review.trim();
    let name = states::resolve(name).map_or(name, |s| s.name);
    if let Some(session) = review.wg_session {
        return Ok(tx
            .prepare_cached(
                "SELECT id FROM review WHERE state_under_review = ?1 COLLATE NOCASE AND wg_session = ?2
                 ORDER BY id LIMIT 1",
            )?
            .query_row(rusqlite::params![name, session], |r| r.get(0))
            .optional()?);
    }
    if let Some(symbol) = review.report_symbol.as_deref() {
        return Ok(tx
            .prepare_cached("SELECT id FROM review WHERE report_symbol = ?1 ORDER BY id LIMIT 1")?
            .query_row([symbol], |r| r.get(0))
            .optional()?);
    }
    // Neither session nor symbol: the same State's review that has neither either, so that
    // importing such a file twice does not make two reviews.
    Ok(tx
        .prepare_cached(
            "SELECT id FROM review WHERE state_under_review = ?1 COLLATE NOCASE
               AND wg_session IS NULL AND report_symbol IS NULL ORDER BY id LIMIT 1",
        )?
        .query_row([name], |r| r.get(0))
        .optional()?)
}

/// Fills a stored review's unknown facts from a parsed one; known facts are kept.
fn fill_review(tx: &Transaction<'_>, id: i64, review: &NewReview) -> Result<()> {
    tx.execute(
        "UPDATE review SET
            cycle           = coalesce(cycle, ?2),
            wg_session      = coalesce(wg_session, ?3),
            review_date     = coalesce(review_date, ?4),
            report_symbol   = coalesce(report_symbol, ?5),
            addendum_symbol = coalesce(addendum_symbol, ?6),
            adoption_date   = coalesce(adoption_date, ?7)
         WHERE id = ?1",
        rusqlite::params![
            id,
            review.cycle,
            review.wg_session,
            review.review_date,
            review.report_symbol,
            review.addendum_symbol,
            review.adoption_date,
        ],
    )?;
    Ok(())
}

/// A review's recommendations by paragraph and by text: read from the store for an existing
/// review, borrowed from the batch for the ones an import creates.
type ByKey<'b> = HashMap<Cow<'b, str>, i64>;

/// The review's recommendations by paragraph and by text.
fn index_review(tx: &Transaction<'_>, review_id: i64) -> Result<(ByKey<'static>, ByKey<'static>)> {
    let mut by_paragraph = HashMap::new();
    let mut by_text = HashMap::new();
    let mut stmt =
        tx.prepare_cached("SELECT id, paragraph, text FROM recommendation WHERE review_id = ?1")?;
    let mut rows = stmt.query([review_id])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let paragraph: String = r.get(1)?;
        if !paragraph.is_empty() {
            by_paragraph.insert(Cow::Owned(paragraph), id);
        }
        by_text
            .entry(Cow::Owned(r.get::<_, String>(2)?))
            .or_insert(id);
    }
    Ok((by_paragraph, by_text))
}

/// A review as the import summary shows it, read after the import's changes.
fn imported_review(tx: &Transaction<'_>, review_id: i64, created: bool) -> Result<ImportedReview> {
    Ok(tx
        .prepare_cached(
            "SELECT state_under_review, wg_session,
                    (SELECT count(*) FROM recommendation WHERE review_id = ?1)
             FROM review WHERE id = ?1",
        )?
        .query_row([review_id], |r| {
            Ok(ImportedReview {
                id: review_id,
                state_under_review: r.get(0)?,
                session: r.get(1)?,
                recommendations: r.get(2)?,
                created,
            })
        })?)
}

fn apply(
    tx: &Transaction<'_>,
    batch: &ImportBatch,
    target: Option<i64>,
    progress: Progress<'_>,
) -> Result<ImportSummary> {
    let who = format!("import of {}", batch.file);
    let mut summary = ImportSummary {
        reviews_created: 0,
        reviews: Vec::new(),
        recommendations_created: 0,
        recommendations_updated: 0,
        unchanged: 0,
        positions_found: 0,
        skipped: batch.skipped,
        problems: file_problems(batch),
        committed: false,
        backup: None,
    };
    let total = batch
        .reviews
        .iter()
        .map(|r| r.recommendations.len() as u64)
        .sum::<u64>()
        + batch.updates.len() as u64;
    let mut done = 0u64;
    let mut tick = |done: u64| -> Result<()> {
        if done.is_multiple_of(1000) && !progress(done, total) {
            return Err(Error::Cancelled);
        }
        Ok(())
    };

    let mut inserter = Inserter::new(tx)?;
    // Recommendations already in Docket whose tracking in the file differs from theirs.
    let mut tracking_kept = 0u64;
    for parsed in &batch.reviews {
        let (review_id, created) = match target {
            Some(id) => (id, false),
            None => match find_review(tx, &parsed.review)? {
                Some(id) => (id, false),
                None => (insert_review(tx, &parsed.review)?, true),
            },
        };
        if created {
            summary.reviews_created += 1;
        } else {
            fill_review(tx, review_id, &parsed.review)?;
        }
        // A review the import creates has no recommendations yet: nothing to read back.
        let (mut by_paragraph, mut by_text): (ByKey<'_>, ByKey<'_>) = if created {
            let n = parsed.recommendations.len();
            (HashMap::with_capacity(n), HashMap::with_capacity(n))
        } else {
            index_review(tx, review_id)?
        };
        let mut touched = Vec::new();
        for rec in &parsed.recommendations {
            done += 1;
            tick(done)?;
            if rec.position != Position::Pending {
                summary.positions_found += 1;
            }
            let paragraph = rec.paragraph.trim();
            let existing = if paragraph.is_empty() {
                by_text.get(rec.text.trim()).copied()
            } else {
                by_paragraph.get(paragraph).copied()
            };
            match existing {
                Some(id) => {
                    if let Some(theirs) = rec.tracking.as_ref().filter(|t| !t.is_empty()) {
                        if cleaned(theirs) != stored_tracking(tx, id)? {
                            tracking_kept += 1;
                        }
                    }
                    if update_recommendation(tx, id, rec, &who)? {
                        summary.recommendations_updated += 1;
                        touched.push(id);
                    } else {
                        summary.unchanged += 1;
                    }
                }
                None => {
                    let id = inserter.insert(review_id, rec)?;
                    if let Some(t) = rec.tracking.as_ref().filter(|t| !t.is_empty()) {
                        set_tracking(tx, id, &rec.paragraph, t, batch, &mut summary.problems)?;
                    }
                    summary.recommendations_created += 1;
                    if !paragraph.is_empty() {
                        by_paragraph.insert(Cow::Borrowed(paragraph), id);
                    }
                    by_text.insert(Cow::Borrowed(rec.text.trim()), id);
                }
            }
        }
        for id in touched {
            fts::refresh(tx, id)?;
        }
        summary
            .reviews
            .push(imported_review(tx, review_id, created)?);
    }
    if tracking_kept > 0 {
        let (n, verb) = if tracking_kept == 1 {
            ("1 recommendation".to_owned(), "was")
        } else {
            (format!("{tracking_kept} recommendations"), "were")
        };
        summary.problems.push(FileProblem {
            file: batch.file.clone(),
            line: None,
            column: None,
            message: format!(
                "{n} {verb} already in Docket with other tracking (priority, our ask, statuses, \
                 assignee, tags, notes or evidence) than in {}: Docket's was kept, as an import \
                 never overwrites your work. Change them in Docket if the file's are the ones \
                 you want.",
                batch.file
            ),
        });
    }

    if !batch.updates.is_empty() {
        let review_id = match target {
            Some(id) => id,
            None => review_for_document(tx, batch.updates_document.as_deref())?.ok_or_else(|| {
                Error::InvalidInput(format!(
                    "Docket could not tell which review {} belongs to{}. Choose the review to join it onto (docket-cli: --review ID).",
                    batch.file,
                    batch
                        .updates_document
                        .as_deref()
                        .map(|d| format!(" (it refers to {d}, which is not in Docket yet)"))
                        .unwrap_or_default()
                ))
            })?,
        };
        let (by_paragraph, _) = index_review(tx, review_id)?;
        let mut touched = Vec::new();
        let mut stored_text = tx.prepare_cached("SELECT text FROM recommendation WHERE id = ?1")?;
        for update in &batch.updates {
            done += 1;
            tick(done)?;
            let Some(&id) = by_paragraph.get(update.paragraph.trim()) else {
                summary.problems.push(FileProblem {
                    file: batch.file.clone(),
                    line: None,
                    column: None,
                    message: format!(
                        "Recommendation {} is not in the review: import the Working Group report first, or check the paragraph number.",
                        update.paragraph
                    ),
                });
                continue;
            };
            // A list that repeats the text must be about the same recommendation: a list joined
            // onto the wrong review would otherwise give its positions to other recommendations.
            if let Some(text) = update.text.as_deref() {
                let stored: String = stored_text.query_row([id], |r| r.get(0))?;
                if !crate::import::texts_agree(&stored, text) {
                    summary.problems.push(FileProblem {
                        file: batch.file.clone(),
                        line: None,
                        column: None,
                        message: format!(
                            "Recommendation {} in {} does not read like {} in the review (\"{}\"), so its position was not imported. Check that the file belongs to this review.",
                            update.paragraph,
                            batch.file,
                            update.paragraph,
                            stored.chars().take(60).collect::<String>()
                        ),
                    });
                    continue;
                }
            }
            if update.position.is_some_and(|p| p != Position::Pending) {
                summary.positions_found += 1;
            }
            if apply_update(tx, id, update, &who)? {
                summary.recommendations_updated += 1;
                touched.push(id);
            } else {
                summary.unchanged += 1;
            }
        }
        for id in touched {
            fts::refresh(tx, id)?;
        }
        if !summary.reviews.iter().any(|r| r.id == review_id) {
            summary.reviews.push(imported_review(tx, review_id, false)?);
        }
    }
    Ok(summary)
}

/// Tracking as Docket stores it: texts trimmed as an edit trims them, tags sorted once each,
/// evidence trimmed without blank addresses.
fn cleaned(t: &NewTracking) -> NewTracking {
    let mut tags: Vec<String> = t
        .tags
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    tags.sort();
    tags.dedup();
    NewTracking {
        priority: t.priority,
        our_ask: t.our_ask.trim().to_owned(),
        lobbying_status: t.lobbying_status,
        implementation_status: t.implementation_status,
        assignee: t.assignee.trim().to_owned(),
        tags,
        notes: t.notes.trim_end().to_owned(),
        evidence: t
            .evidence
            .iter()
            .map(|e| NewEvidence {
                url: e.url.trim().to_owned(),
                label: e.label.trim().to_owned(),
            })
            .filter(|e| !e.url.is_empty())
            .collect(),
    }
}

/// A stored recommendation's tracking, in [`cleaned`]'s shape.
fn stored_tracking(tx: &Transaction<'_>, id: i64) -> Result<NewTracking> {
    let bad = |column: usize, value: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            format!("unexpected stored value {value:?}").into(),
        )
    };
    let mut t = tx
        .prepare_cached(
            "SELECT priority, our_ask, lobbying_status, implementation_status, assignee, notes
             FROM recommendation WHERE id = ?1",
        )?
        .query_row([id], |r| {
            let priority: Option<String> = r.get(0)?;
            let lobbying: String = r.get(2)?;
            let implementation: String = r.get(3)?;
            Ok(NewTracking {
                priority: match priority {
                    Some(p) => Some(Priority::parse(&p).ok_or_else(|| bad(0, &p))?),
                    None => None,
                },
                our_ask: r.get(1)?,
                lobbying_status: LobbyingStatus::parse(&lobbying)
                    .ok_or_else(|| bad(2, &lobbying))?,
                implementation_status: ImplementationStatus::parse(&implementation)
                    .ok_or_else(|| bad(3, &implementation))?,
                assignee: r.get(4)?,
                tags: Vec::new(),
                notes: r.get(5)?,
                evidence: Vec::new(),
            })
        })?;
    t.tags = tx
        .prepare_cached(
            "SELECT value FROM recommendation_label WHERE recommendation_id = ?1 AND kind = 'tag'
             ORDER BY value",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    t.evidence = tx
        .prepare_cached(
            "SELECT url, label FROM evidence_link WHERE recommendation_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| {
            Ok(NewEvidence {
                url: r.get(0)?,
                label: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(t)
}

/// Gives a recommendation the import has just created the tracking read from the file (see the
/// module documentation). Values an edit would refuse are left out, each with a problem.
fn set_tracking(
    tx: &Transaction<'_>,
    id: i64,
    paragraph: &str,
    from_file: &NewTracking,
    batch: &ImportBatch,
    problems: &mut Vec<FileProblem>,
) -> Result<()> {
    let t = cleaned(from_file);
    let mut accepted = |edit: TrackingEdit| -> bool {
        match tracking::validate(&edit) {
            Ok(()) => true,
            Err(e) => {
                let which = if paragraph.trim().is_empty() {
                    "A recommendation".to_owned()
                } else {
                    format!("Recommendation {}", paragraph.trim())
                };
                problems.push(FileProblem {
                    file: batch.file.clone(),
                    line: None,
                    column: None,
                    message: format!("{which}: {e} That value was not imported."),
                });
                false
            }
        }
    };
    let our_ask = if accepted(TrackingEdit::OurAsk(t.our_ask.clone())) {
        t.our_ask.as_str()
    } else {
        ""
    };
    let notes = if accepted(TrackingEdit::Notes(t.notes.clone())) {
        t.notes.as_str()
    } else {
        ""
    };
    let assignee = if accepted(TrackingEdit::Assignee(t.assignee.clone())) {
        t.assignee.as_str()
    } else {
        ""
    };
    tx.prepare_cached(
        "UPDATE recommendation SET priority = ?2, our_ask = ?3, lobbying_status = ?4,
             implementation_status = ?5, assignee = ?6, notes = ?7
         WHERE id = ?1",
    )?
    .execute(rusqlite::params![
        id,
        t.priority.map(Priority::as_str),
        our_ask,
        t.lobbying_status.as_str(),
        t.implementation_status.as_str(),
        assignee,
        notes,
    ])?;
    let tags: Vec<String> = t
        .tags
        .iter()
        .filter(|tag| accepted(TrackingEdit::AddTag((*tag).clone())))
        .cloned()
        .collect();
    insert_labels(tx, id, "tag", &tags)?;
    let added_at = now();
    let mut evidence = tx.prepare_cached(
        "INSERT INTO evidence_link (recommendation_id, url, label, added_at) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for link in &t.evidence {
        if accepted(TrackingEdit::AddEvidence {
            url: link.url.clone(),
            label: link.label.clone(),
        }) {
            evidence.execute(rusqlite::params![id, link.url, link.label, added_at])?;
        }
    }
    if !our_ask.is_empty() || !notes.is_empty() {
        // The index row was written with the new recommendation, before its ask and notes.
        fts::refresh(tx, id)?;
    }
    Ok(())
}

/// The review a document belongs to: `A/HRC/59/15/Add.1` and `A/HRC/59/15` both name the review
/// whose report is `A/HRC/59/15`.
fn review_for_document(tx: &Transaction<'_>, document: Option<&str>) -> Result<Option<i64>> {
    let Some(doc) = document.map(str::trim).filter(|d| !d.is_empty()) else {
        return Ok(None);
    };
    let report = match doc.to_ascii_lowercase().find("/add") {
        Some(i) => &doc[..i],
        None => doc,
    };
    Ok(tx
        .prepare_cached(
            "SELECT id FROM review WHERE report_symbol = ?1 COLLATE NOCASE
                OR addendum_symbol = ?2 COLLATE NOCASE ORDER BY id LIMIT 1",
        )?
        .query_row(rusqlite::params![report, doc], |r| r.get(0))
        .optional()?)
}

fn apply_update(tx: &Transaction<'_>, id: i64, update: &PositionUpdate, who: &str) -> Result<bool> {
    let rec = NewRecommendation {
        paragraph: update.paragraph.clone(),
        // Thematic lists repeat the text; it is only used to check the join, never to replace
        // the report's text.
        text: String::new(),
        states: Vec::new(),
        position: update.position.unwrap_or(Position::Pending),
        position_source: update.position_source.clone(),
        themes: update.themes.clone(),
        groups_of_persons: update.groups_of_persons.clone(),
        sdgs: update.sdgs.clone(),
        action_category: None,
        tracking: None,
    };
    update_recommendation(tx, id, &rec, who)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::import::read::{read, ReadOptions};
    use crate::{Error, Store};

    const EXPORT: &str = "To,Text,From,Response,Action,Issue,Session\r\
        Narnia,Abolish the death penalty,Ghana,Accepted,4,Death penalty,3\r\
        Narnia,Abolish the death penalty,Chile,Accepted,4,Death penalty,3\r\
        Narnia,Ratify the Convention,Chile,Noted,,\"Treaties,Women's rights\",3\r";

    fn batch() -> crate::import::ImportBatch {
        read(EXPORT.as_bytes(), "export.csv", &ReadOptions::default()).expect("reads")
    }

    /// Whether the schema's CHECK constraints are enforced on this connection.
    fn checks_enforced(store: &Store) -> bool {
        store
            .conn()
            .execute("UPDATE recommendation SET position = 'bogus'", [])
            .is_err()
    }

    #[test]
    fn check_constraints_hold_again_after_an_import_that_succeeds_or_fails() {
        let mut store = Store::open_in_memory().expect("store");
        let summary = store
            .import(&batch(), None, true, &mut |_, _| true)
            .expect("import");
        assert_eq!(summary.recommendations_created, 2);
        assert!(checks_enforced(&store), "after a commit");

        store
            .import(&batch(), None, false, &mut |_, _| true)
            .expect("preview");
        assert!(checks_enforced(&store), "after a preview");

        let mut bad = batch();
        bad.reviews[0].recommendations[0].action_category = Some(9);
        let err = store
            .import(&bad, None, true, &mut |_, _| true)
            .expect_err("an action category of 9 is refused");
        assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
        assert!(checks_enforced(&store), "after a failed import");
    }

    #[test]
    fn an_out_of_range_action_category_is_refused_on_update_too() {
        let mut store = Store::open_in_memory().expect("store");
        store
            .import(&batch(), None, true, &mut |_, _| true)
            .expect("import");
        let mut bad = batch();
        bad.reviews[0].recommendations[0].action_category = Some(0);
        let err = store
            .import(&bad, None, true, &mut |_, _| true)
            .expect_err("refused");
        assert!(err.to_string().contains("action category"), "{err}");
        let categories: Vec<Option<i64>> = store
            .conn()
            .prepare("SELECT action_category FROM recommendation ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(categories, vec![Some(4), None], "nothing changed");
    }
}
