//! The app's commands: adapters that take the arguments, run core work off the main thread and map
//! errors to `{ kind, message }`. Each is declared in `build.rs` and allowed in
//! `capabilities/main.json`.

use std::sync::Arc;

use docket_core::domain::{RecommendationDetail, ReviewSummary, TrackingEdit};
use docket_core::sample;
use serde::Serialize;
use tauri::State;

use crate::db::Db;
use crate::error::IpcError;

/// What the UI shows about the app and its data.
#[derive(Debug, Serialize)]
pub struct AppInfo {
    /// Docket's version.
    pub version: String,
    /// The data folder.
    pub data_dir: String,
    /// The database file.
    pub db_path: String,
    /// The name recorded in the history.
    pub user_name: String,
}

type Res<T> = Result<T, IpcError>;

/// Version, data folder and user name. Succeeds even when the database cannot be opened, so that
/// the UI can say where the data folder is; every other command then fails with the reason.
#[tauri::command]
pub async fn app_info(db: State<'_, Arc<Db>>) -> Res<AppInfo> {
    let db_path = db.path().cloned().unwrap_or_default();
    let user_name = db
        .run(|s| s.user_name())
        .await
        .unwrap_or_else(|_| docket_core::store::os_user_name());
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: db_path
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        db_path: db_path.display().to_string(),
        user_name,
    })
}

/// Every review.
#[tauri::command]
pub async fn list_reviews(db: State<'_, Arc<Db>>) -> Res<Vec<ReviewSummary>> {
    db.run(|s| s.list_reviews()).await
}

/// Loads the sample review if needed; returns its id.
#[tauri::command]
pub async fn open_sample(db: State<'_, Arc<Db>>) -> Res<i64> {
    db.run(sample::load).await
}

/// One recommendation with its tracking and history.
#[tauri::command]
pub async fn get_recommendation(db: State<'_, Arc<Db>>, id: i64) -> Res<RecommendationDetail> {
    db.run(move |s| s.recommendation(id)).await
}

/// Saves one edit of the organization's tracking, recorded in the history under the user's name.
/// The edit is taken as raw JSON (see [`IpcError::parse`]).
#[tauri::command]
pub async fn edit_tracking(
    db: State<'_, Arc<Db>>,
    id: i64,
    edit: serde_json::Value,
) -> Res<RecommendationDetail> {
    let edit: TrackingEdit = IpcError::parse(edit, "this change")?;
    db.run(move |s| {
        let who = s.user_name()?;
        s.edit_tracking(id, &edit, &who)
    })
    .await
}
