//! Importing in the app: the file chosen in a native dialog (opened from Rust, so the webview
//! never hands a path to the dialog backend), dropped on the window or pasted as text; previewed;
//! then committed, with progress and Cancel.
//!
//! The preview keeps what it read, so the commit writes exactly what the user saw, without
//! reading the file again.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use docket_core::import::prepare::{ImportPreview, ImportRequest};
use docket_core::import::ImportBatch;
use docket_core::store::import::ImportSummary;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::db::Db;
use crate::error::IpcError;

type Res<T> = Result<T, IpcError>;

/// The extensions offered in the file dialog.
const EXTENSIONS: &[&str] = &["csv", "tsv", "txt", "md", "xlsx", "xls", "docx", "pdf"];

pub use crate::dialogs::TEST_PICK_FILE_ENV;

/// The preview the user is looking at, kept until it is committed or replaced.
struct Pending {
    token: u64,
    batch: ImportBatch,
    target: Option<i64>,
}

/// The app's import state (managed Tauri state).
#[derive(Default)]
pub struct Imports {
    pending: Mutex<Option<Pending>>,
    cancel: AtomicBool,
    next_token: AtomicU64,
}

impl Imports {
    /// A new, shared import state.
    pub fn new() -> Arc<Imports> {
        Arc::new(Imports::default())
    }
}

/// Where a long import is: sent to the UI about every thousand recommendations.
#[derive(Debug, Clone, Serialize)]
pub struct ImportProgress {
    /// `checking` (the preview) or `importing` (the commit).
    pub phase: &'static str,
    /// Recommendations done.
    pub done: u64,
    /// Recommendations in all.
    pub total: u64,
}

/// A preview, with the token that commits it.
#[derive(Debug, Serialize)]
pub struct PreviewReply {
    /// Pass it to `commit_import`.
    pub token: u64,
    /// What the import would do.
    #[serde(flatten)]
    pub preview: ImportPreview,
}

/// A progress callback that reports to the UI and stops when the user cancels.
fn reporter(
    imports: &Arc<Imports>,
    phase: &'static str,
    channel: Channel<ImportProgress>,
) -> impl FnMut(u64, u64) -> bool + Send + 'static {
    let imports = Arc::clone(imports);
    move |done, total| {
        // A closed window cannot be told; the import goes on.
        let _ = channel.send(ImportProgress { phase, done, total });
        !imports.cancel.load(Ordering::SeqCst)
    }
}

/// Opens the native "choose a file" dialog; the path chosen, or `None` when cancelled.
#[tauri::command]
pub async fn choose_import_file<R: Runtime>(app: AppHandle<R>) -> Res<Option<String>> {
    let picked = crate::dialogs::pick_file(&app, "Import recommendations", |d| {
        d.add_filter("Recommendations (CSV, Excel, Word, PDF, text)", EXTENSIONS)
            .add_filter("All files", &["*"])
    })
    .await?;
    Ok(picked.map(|p| p.display().to_string()))
}

/// Reads the source and previews the import: nothing is written. Replaces any earlier preview.
/// `request` is taken as raw JSON so that a malformed one is refused as `invalid_input`.
#[tauri::command]
pub async fn preview_import(
    db: State<'_, Arc<Db>>,
    imports: State<'_, Arc<Imports>>,
    request: serde_json::Value,
    on_progress: Channel<ImportProgress>,
) -> Res<PreviewReply> {
    let request: ImportRequest = serde_json::from_value(request).map_err(|e| {
        IpcError::invalid_input(format!(
            "Docket could not understand this import ({e}), so nothing was read."
        ))
    })?;
    let imports = Arc::clone(&imports);
    imports.cancel.store(false, Ordering::SeqCst);
    let mut progress = reporter(&imports, "checking", on_progress);
    let prepared = db
        .run(move |s| s.prepare_import(&request, &mut progress))
        .await?;
    let token = imports.next_token.fetch_add(1, Ordering::SeqCst) + 1;
    let mut pending = imports.pending.lock().unwrap_or_else(|p| p.into_inner());
    *pending = Some(Pending {
        token,
        batch: prepared.batch,
        target: prepared.target,
    });
    Ok(PreviewReply {
        token,
        preview: prepared.preview,
    })
}

/// Commits the preview with this token, in one transaction, after a backup of the database.
/// On a cancel or any failure nothing changes.
#[tauri::command]
pub async fn commit_import(
    db: State<'_, Arc<Db>>,
    imports: State<'_, Arc<Imports>>,
    token: u64,
    on_progress: Channel<ImportProgress>,
) -> Res<ImportSummary> {
    let imports = Arc::clone(&imports);
    let pending = {
        let mut slot = imports.pending.lock().unwrap_or_else(|p| p.into_inner());
        match slot.take() {
            Some(p) if p.token == token => p,
            other => {
                *slot = other;
                return Err(IpcError::invalid_input(
                    "This preview is out of date (another file was previewed since). Preview the file again, then import it.",
                ));
            }
        }
    };
    imports.cancel.store(false, Ordering::SeqCst);
    let mut progress = reporter(&imports, "importing", on_progress);
    let kept = Arc::clone(&imports);
    let result = db
        .run(move |s| {
            let result = s.commit_import(&pending.batch, pending.target, &mut progress);
            // The batch comes back so that a cancelled import can be committed again.
            Ok((result, pending))
        })
        .await?;
    let (result, pending) = result;
    match result {
        Ok(summary) => Ok(summary),
        Err(e) => {
            // Cancelled or failed: nothing was written, so the same preview can be committed
            // again.
            let mut slot = kept.pending.lock().unwrap_or_else(|p| p.into_inner());
            if slot.is_none() {
                *slot = Some(pending);
            }
            Err(IpcError::from(e))
        }
    }
}

/// Asks the running preview or import to stop; it then fails with `cancelled` and changes
/// nothing.
#[tauri::command]
pub async fn cancel_import(imports: State<'_, Arc<Imports>>) -> Res<()> {
    imports.cancel.store(true, Ordering::SeqCst);
    Ok(())
}
