//! Saved views: a named search (the words, the facet values chosen, the sort) to run again with
//! one click. Names are unique regardless of case: saving a view under a name already used
//! replaces that view (it keeps its id). A view of one review is deleted with the review.

use rusqlite::{Row, Transaction};

use super::search::Sort;
use super::{checks, now, Store};
use crate::domain::{NewSavedView, SavedView};
use crate::error::{Error, Result};

/// Longest view name (characters).
const MAX_NAME: usize = 100;
/// Longest search saved (characters).
const MAX_QUERY: usize = 1_000;
/// Most facet values a view keeps.
const MAX_FILTERS: usize = 200;
/// Longest facet value (characters).
const MAX_VALUE: usize = 500;

const COLUMNS: &str = "id, name, review_id, query, filters, sort, descending, created_at";

/// A stored value that does not parse (a bug or an edit outside Docket), as a database error.
fn bad_column(column: usize, e: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
}

fn view_from_row(r: &Row<'_>) -> rusqlite::Result<SavedView> {
    let filters: String = r.get(4)?;
    let sort: String = r.get(5)?;
    Ok(SavedView {
        id: r.get(0)?,
        name: r.get(1)?,
        review_id: r.get(2)?,
        query: r.get(3)?,
        filters: serde_json::from_str(&filters).map_err(|e| bad_column(4, e))?,
        sort: serde_json::from_value(serde_json::Value::String(sort))
            .map_err(|e| bad_column(5, e))?,
        descending: r.get(6)?,
        created_at: r.get(7)?,
    })
}

/// The stored form of a sort: its JSON name (`paragraph`, `changed`, …).
fn sort_name(sort: Sort) -> Result<String> {
    match serde_json::to_value(sort) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        _ => Err(Error::InvalidInput(
            "Docket could not save the order of this view. Pick the order again and save.".into(),
        )),
    }
}

/// Refuses a view that cannot be saved as given; returns its name trimmed.
fn validate(view: &NewSavedView) -> Result<&str> {
    let name = checks::required(&view.name, MAX_NAME, "the view a name")?;
    checks::at_most("the search words", &view.query, MAX_QUERY)?;
    if view.filters.len() > MAX_FILTERS {
        return Err(Error::InvalidInput(format!(
            "A view keeps up to {MAX_FILTERS} filter values. Remove some filters and save again."
        )));
    }
    for (facet, value) in &view.filters {
        let value = value.trim();
        if value.is_empty() || value.chars().count() > MAX_VALUE {
            return Err(Error::InvalidInput(format!(
                "The {} filter of this view has an empty or too long value. Remove that filter \
                 and save again.",
                facet.as_str().replace('_', " ")
            )));
        }
    }
    Ok(name)
}

impl Store {
    /// Every saved view, by name.
    pub fn list_views(&self) -> Result<Vec<SavedView>> {
        let views = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM saved_view ORDER BY name COLLATE NOCASE, id"
            ))?
            .query_map([], view_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(views)
    }

    /// Saves a view; a view with the same name (regardless of case) is replaced: it keeps its
    /// id, and takes the name as typed now and today's date. Returns the view as saved.
    pub fn save_view(&mut self, view: &NewSavedView) -> Result<SavedView> {
        let name = validate(view)?;
        let filters: Vec<(_, &str)> = view.filters.iter().map(|(f, v)| (*f, v.trim())).collect();
        let filters = serde_json::to_string(&filters).map_err(|e| {
            Error::InvalidInput(format!(
                "Docket could not save the filters of this view ({e}). Choose them again and save."
            ))
        })?;
        let sort = sort_name(view.sort)?;
        self.write(|tx| {
            if let Some(review) = view.review_id {
                if !checks::review_exists(tx, review)? {
                    return Err(Error::NotFound(format!(
                        "Review {review} no longer exists, so the view was not saved. Pick a \
                         review, or save the view for all reviews."
                    )));
                }
            }
            // A view of the same name keeps its id (`?1`); else SQLite picks one (`?1` NULL).
            Ok(tx
                .prepare_cached(&format!(
                    "INSERT INTO saved_view (id, name, review_id, query, filters, sort,
                                             descending, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                     ON CONFLICT (id) DO UPDATE SET
                         name = excluded.name, review_id = excluded.review_id,
                         query = excluded.query, filters = excluded.filters,
                         sort = excluded.sort, descending = excluded.descending,
                         created_at = excluded.created_at
                     RETURNING {COLUMNS}"
                ))?
                .query_row(
                    rusqlite::params![
                        same_name(tx, name)?,
                        name,
                        view.review_id,
                        view.query.trim(),
                        filters,
                        sort,
                        view.descending,
                        now()
                    ],
                    view_from_row,
                )?)
        })
    }

    /// Deletes a saved view.
    pub fn delete_view(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            let deleted = tx
                .prepare_cached("DELETE FROM saved_view WHERE id = ?1")?
                .execute([id])?;
            if deleted == 0 {
                return Err(checks::gone("saved view"));
            }
            Ok(())
        })
    }
}

/// The view whose name is `name` regardless of case (of any letter, not only A to Z as
/// SQLite's NOCASE).
fn same_name(tx: &Transaction<'_>, name: &str) -> Result<Option<i64>> {
    let folded = name.to_lowercase();
    let mut stmt = tx.prepare_cached("SELECT id, name FROM saved_view")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let existing: String = r.get(1)?;
        if existing.to_lowercase() == folded {
            return Ok(Some(r.get(0)?));
        }
    }
    Ok(None)
}
