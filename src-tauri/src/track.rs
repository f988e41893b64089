//! Find and track: search with facets, bulk edits of a selection, Undo, the review's history,
//! saved views and the user name the history records. Adapters only: the work is in
//! `docket_core::store`, run off the main thread by [`Db::run`].

use std::sync::Arc;

use docket_core::domain::{
    BulkOutcome, ChangeSummary, NewSavedView, SavedView, TrackingEdit, UndoOutcome,
};
use docket_core::store::search::{SearchRequest, SearchResult};
use tauri::State;

use crate::db::Db;
use crate::error::IpcError;

type Res<T> = Result<T, IpcError>;

/// Rebuilds the search index after a change to many recommendations, while the person waits for
/// the change anyway, so that the list that follows is drawn at once. The change is saved even if
/// this fails: the next search then tries again and reports the reason.
fn refresh_search(store: &docket_core::Store) {
    let _ = store.prepare_search();
}

/// A page of the recommendations matching words and facet values, with the facets' counts.
#[tauri::command]
pub async fn search(db: State<'_, Arc<Db>>, request: serde_json::Value) -> Res<SearchResult> {
    let request: SearchRequest = IpcError::parse(request, "this search")?;
    db.run(move |s| s.search(&request)).await
}

/// The ids of every recommendation a search matches, in its order ("select all matching").
#[tauri::command]
pub async fn search_ids(db: State<'_, Arc<Db>>, request: serde_json::Value) -> Res<Vec<i64>> {
    let request: SearchRequest = IpcError::parse(request, "this search")?;
    db.run(move |s| s.search_ids(&request)).await
}

/// One edit on many recommendations, under the user's name: one history entry, one Undo step.
#[tauri::command]
pub async fn bulk_edit(
    db: State<'_, Arc<Db>>,
    ids: Vec<i64>,
    edit: serde_json::Value,
) -> Res<BulkOutcome> {
    let edit: TrackingEdit = IpcError::parse(edit, "this change")?;
    db.run(move |s| {
        let who = s.user_name()?;
        let outcome = s.bulk_edit(&ids, &edit, &who)?;
        refresh_search(s);
        Ok(outcome)
    })
    .await
}

/// What Undo would undo now, if anything.
#[tauri::command]
pub async fn last_change(db: State<'_, Arc<Db>>) -> Res<Option<ChangeSummary>> {
    db.run(|s| s.last_change()).await
}

/// Undoes the last change not undone yet (recorded under the user's name).
#[tauri::command]
pub async fn undo_last(db: State<'_, Arc<Db>>) -> Res<Option<UndoOutcome>> {
    db.run(|s| {
        let who = s.user_name()?;
        let outcome = s.undo_last(&who)?;
        refresh_search(s);
        Ok(outcome)
    })
    .await
}

/// A review's changes, newest first; `since` (RFC 3339) keeps only the later ones.
#[tauri::command]
pub async fn review_history(
    db: State<'_, Arc<Db>>,
    review_id: i64,
    since: Option<String>,
    limit: i64,
) -> Res<Vec<ChangeSummary>> {
    db.run(move |s| s.review_history(review_id, since.as_deref(), limit))
        .await
}

/// The saved views, by name.
#[tauri::command]
pub async fn list_views(db: State<'_, Arc<Db>>) -> Res<Vec<SavedView>> {
    db.run(|s| s.list_views()).await
}

/// Saves a view (one with the same name is replaced).
#[tauri::command]
pub async fn save_view(db: State<'_, Arc<Db>>, view: serde_json::Value) -> Res<SavedView> {
    let view: NewSavedView = IpcError::parse(view, "this view")?;
    db.run(move |s| s.save_view(&view)).await
}

/// Deletes a saved view.
#[tauri::command]
pub async fn delete_view(db: State<'_, Arc<Db>>, id: i64) -> Res<()> {
    db.run(move |s| s.delete_view(id)).await
}

/// Sets the name the history records; returns it as saved.
#[tauri::command]
pub async fn set_user_name(db: State<'_, Arc<Db>>, name: String) -> Res<String> {
    db.run(move |s| {
        s.set_user_name(&name)?;
        s.user_name()
    })
    .await
}
