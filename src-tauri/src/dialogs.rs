//! Native file dialogs, opened from Rust over the main window: the webview never supplies a
//! path. Every "choose a file" and "save as" of the app goes through here.

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};
use tokio::sync::oneshot;

use crate::error::IpcError;

type Res<T> = Result<T, IpcError>;

/// In debug builds only (the end-to-end tests), this variable answers every "choose a file"
/// dialog with a path, because WebDriver cannot drive a native dialog. Release builds never
/// read it.
pub const TEST_PICK_FILE_ENV: &str = "DOCKET_TEST_PICK_FILE";

/// In debug builds only, this variable answers every "save as" dialog with a path (see
/// [`TEST_PICK_FILE_ENV`]).
pub const TEST_SAVE_FILE_ENV: &str = "DOCKET_TEST_SAVE_FILE";

/// The test seam's answer, if its variable is set (debug builds only).
fn seam(variable: &str) -> Option<PathBuf> {
    if cfg!(debug_assertions) {
        std::env::var_os(variable).map(PathBuf::from)
    } else {
        None
    }
}

/// A file dialog titled `title`, over the main window, shaped by `build` (filters, file name).
fn dialog<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    build: impl FnOnce(FileDialogBuilder<R>) -> FileDialogBuilder<R>,
) -> FileDialogBuilder<R> {
    let mut dialog = app.dialog().file().set_title(title);
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    build(dialog)
}

/// Waits for the dialog's answer without blocking a thread: the path, or `None` when cancelled.
/// A location that is not a path on this computer is refused with `unusable`'s advice.
async fn answer(rx: oneshot::Receiver<Option<FilePath>>, unusable: &str) -> Res<Option<PathBuf>> {
    match rx.await.map_err(IpcError::internal)? {
        None => Ok(None),
        Some(file) => file.into_path().map(Some).map_err(|e| {
            IpcError::invalid_input(format!(
                "Docket cannot use this kind of location ({e}). {unusable}"
            ))
        }),
    }
}

/// Asks for a file to open.
pub async fn pick_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    build: impl FnOnce(FileDialogBuilder<R>) -> FileDialogBuilder<R>,
) -> Res<Option<PathBuf>> {
    if let Some(path) = seam(TEST_PICK_FILE_ENV) {
        return Ok(Some(path));
    }
    let (tx, rx) = oneshot::channel();
    dialog(app, title, build).pick_file(move |file| {
        let _ = tx.send(file);
    });
    answer(
        rx,
        "Copy the file to a folder on this computer and choose it there.",
    )
    .await
}

/// Asks where to save a file, proposing `file_name` with `filter` (its label, its extension).
pub async fn save_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    file_name: &str,
    (filter, extension): (&str, &str),
) -> Res<Option<PathBuf>> {
    if let Some(path) = seam(TEST_SAVE_FILE_ENV) {
        return Ok(Some(path));
    }
    let (tx, rx) = oneshot::channel();
    dialog(app, title, |d| {
        d.set_file_name(file_name)
            .add_filter(filter, &[extension])
            .set_can_create_directories(true)
    })
    .save_file(move |file| {
        let _ = tx.send(file);
    });
    answer(rx, "Choose a folder on this computer.").await
}
