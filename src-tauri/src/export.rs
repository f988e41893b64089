//! Export in the app: the summary shown before saving, the native save dialog (opened here, so
//! the webview never supplies a path), the file written all or nothing with progress, then
//! "Open" and "Show in folder" for the files this session wrote; and the organization's name and
//! logo from Settings. The work is in `docket_core::export`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use chrono::Local;
use docket_core::export::model::Organization;
use docket_core::export::{
    self, templates, write, ExportFormat, ExportProgress, ExportRequest, ExportSummary,
};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::db::Db;
use crate::error::IpcError;

type Res<T> = Result<T, IpcError>;

/// In debug builds only (the end-to-end tests), "Open" and "Show in folder" append a line to the
/// file this variable names instead of starting another program. Release builds never read it.
pub const TEST_OPEN_ENV: &str = "DOCKET_TEST_OPEN";

/// The files exported in this session, by the id the UI holds: the UI asks to open "export 3",
/// never a path of its choosing.
#[derive(Default)]
pub struct Exports {
    saved: Mutex<HashMap<u32, PathBuf>>,
    next: AtomicU32,
}

impl Exports {
    /// A new, shared register.
    pub fn new() -> Arc<Exports> {
        Arc::new(Exports::default())
    }

    fn remember(&self, path: PathBuf) -> u32 {
        let id = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        self.saved
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id, path);
        id
    }

    fn path(&self, id: u32) -> Res<PathBuf> {
        let path = self
            .saved
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&id)
            .cloned()
            .ok_or_else(|| {
                IpcError::invalid_input("Docket does not know this export. Export again.")
            })?;
        if !path.exists() {
            return Err(IpcError {
                kind: docket_core::ErrorKind::NotFound,
                message: format!(
                    "{} is no longer there: it was moved or deleted. Export again.",
                    path.display()
                ),
            });
        }
        Ok(path)
    }
}

/// A file written.
#[derive(Debug, Serialize)]
pub struct ExportDone {
    /// Pass it to `open_export` or `reveal_export`.
    pub id: u32,
    /// Where it was written (shown).
    pub path: String,
    /// Its name.
    pub file_name: String,
    /// Its size.
    pub bytes: u64,
}

/// The organization as Settings shows it.
#[derive(Debug, Serialize)]
pub struct OrganizationInfo {
    /// Its name; empty when not set.
    pub name: String,
    /// Its logo, if any.
    pub logo: Option<LogoInfo>,
}

/// The logo, with a `data:` URI to show it.
#[derive(Debug, Serialize)]
pub struct LogoInfo {
    /// `png` or `jpeg`.
    pub format: docket_core::export::model::ImageFormat,
    /// Pixels.
    pub width: u32,
    /// Pixels.
    pub height: u32,
    /// The image as a `data:` URI.
    pub data_url: String,
}

impl From<Organization> for OrganizationInfo {
    fn from(org: Organization) -> Self {
        OrganizationInfo {
            name: org.name,
            logo: org.logo.map(|logo| LogoInfo {
                format: logo.format,
                width: logo.width,
                height: logo.height,
                data_url: export::html::data_uri(&logo),
            }),
        }
    }
}

fn today() -> chrono::NaiveDate {
    Local::now().date_naive()
}

/// What an export will write (the dialog's summary); errors say why there is nothing to export.
#[tauri::command]
pub async fn export_preview(
    db: State<'_, Arc<Db>>,
    request: serde_json::Value,
) -> Res<ExportSummary> {
    let request: ExportRequest = IpcError::parse(request, "this export")?;
    db.run(move |s| export::preview(s, &request, today())).await
}

/// Builds the export, asks where to save it (native dialog), writes it through a temporary file
/// and remembers it for "Open" and "Show in folder". `None` when the dialog was cancelled.
#[tauri::command]
pub async fn export_document<R: Runtime>(
    app: AppHandle<R>,
    db: State<'_, Arc<Db>>,
    exports: State<'_, Arc<Exports>>,
    request: serde_json::Value,
    on_progress: Channel<ExportProgress>,
) -> Res<Option<ExportDone>> {
    let request: ExportRequest = IpcError::parse(request, "this export")?;
    // Built before the dialog opens: an empty selection is reported before asking for a place.
    let built = {
        let request = request.clone();
        db.run(move |s| templates::build(s, &request, today()))
            .await?
    };
    let Some(path) = crate::dialogs::save_file(
        &app,
        &format!("Export: {}", built.summary.title),
        &built.summary.file_name,
        (request.format.label(), request.format.extension()),
    )
    .await?
    else {
        return Ok(None);
    };
    let path = with_extension(path, request.format);
    let written = path.clone();
    let bytes = tauri::async_runtime::spawn_blocking(move || {
        let rendered = export::render_built(built, &request, &mut |p| {
            // A closed window cannot be told; the export goes on.
            let _ = on_progress.send(p);
        })?;
        let _ = on_progress.send(ExportProgress {
            step: "Saving the file".into(),
            done: 0,
            total: 0,
        });
        write::write_atomic(&written, &rendered.bytes)?;
        Ok::<u64, docket_core::Error>(rendered.bytes.len() as u64)
    })
    .await
    .map_err(IpcError::internal)??;
    Ok(Some(ExportDone {
        id: exports.remember(path.clone()),
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.display().to_string(),
        bytes,
    }))
}

/// Adds the format's extension when the name chosen has another one (or none).
fn with_extension(path: PathBuf, format: ExportFormat) -> PathBuf {
    let has = path
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(format.extension()));
    if has {
        path
    } else {
        let mut name = path.clone().into_os_string();
        name.push(".");
        name.push(format.extension());
        PathBuf::from(name)
    }
}

/// Records what would have been opened (end-to-end tests), if the test variable is set.
#[cfg(debug_assertions)]
fn test_open(action: &str, path: &std::path::Path) -> Res<bool> {
    use std::io::Write;
    let Some(log) = std::env::var_os(TEST_OPEN_ENV) else {
        return Ok(false);
    };
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .map_err(IpcError::internal)?;
    writeln!(file, "{action} {}", path.display()).map_err(IpcError::internal)?;
    Ok(true)
}

/// Opens an exported file with the program the system uses for it.
#[tauri::command]
pub async fn open_export<R: Runtime>(
    app: AppHandle<R>,
    exports: State<'_, Arc<Exports>>,
    id: u32,
) -> Res<()> {
    let path = exports.path(id)?;
    #[cfg(debug_assertions)]
    if test_open("open", &path)? {
        return Ok(());
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| {
            IpcError::invalid_input(format!(
                "No program on this computer opens {} ({e}). Open it from its folder.",
                path.display()
            ))
        })
}

/// Shows an exported file in the system's file manager.
#[tauri::command]
pub async fn reveal_export<R: Runtime>(
    app: AppHandle<R>,
    exports: State<'_, Arc<Exports>>,
    id: u32,
) -> Res<()> {
    let path = exports.path(id)?;
    #[cfg(debug_assertions)]
    if test_open("reveal", &path)? {
        return Ok(());
    }
    app.opener().reveal_item_in_dir(&path).map_err(|e| {
        IpcError::invalid_input(format!(
            "Docket could not open the folder of {} ({e}). It is in {}.",
            path.display(),
            path.parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        ))
    })
}

/// The organization shown at the top of exported documents.
#[tauri::command]
pub async fn organization(db: State<'_, Arc<Db>>) -> Res<OrganizationInfo> {
    db.run(|s| s.organization()).await.map(Into::into)
}

/// Sets the organization's name.
#[tauri::command]
pub async fn set_organization_name(db: State<'_, Arc<Db>>, name: String) -> Res<OrganizationInfo> {
    db.run(move |s| {
        s.set_organization_name(&name)?;
        s.organization()
    })
    .await
    .map(Into::into)
}

/// Asks for an image file (native dialog) and makes it the logo. `None` when cancelled; a file
/// that is not a PNG or JPEG, or is too large, is refused and changes nothing.
#[tauri::command]
pub async fn choose_organization_logo<R: Runtime>(
    app: AppHandle<R>,
    db: State<'_, Arc<Db>>,
) -> Res<Option<OrganizationInfo>> {
    let Some(path) = crate::dialogs::pick_file(&app, "Choose the organization's logo", |d| {
        d.add_filter("Images (PNG, JPEG)", &["png", "jpg", "jpeg"])
    })
    .await?
    else {
        return Ok(None);
    };
    let bytes = tauri::async_runtime::spawn_blocking(move || {
        // Read at most a little over the limit: a huge file is refused without loading it.
        use std::io::Read;
        let file = std::fs::File::open(&path).map_err(|e| {
            IpcError::invalid_input(format!("Docket could not open {} ({e}).", path.display()))
        })?;
        let mut bytes = Vec::new();
        file.take(export::logo::MAX_LOGO_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                IpcError::invalid_input(format!("Docket could not read {} ({e}).", path.display()))
            })?;
        Ok::<_, IpcError>(bytes)
    })
    .await
    .map_err(IpcError::internal)??;
    db.run(move |s| {
        s.set_organization_logo(Some(bytes))?;
        s.organization()
    })
    .await
    .map(|org| Some(org.into()))
}

/// Removes the logo.
#[tauri::command]
pub async fn remove_organization_logo(db: State<'_, Arc<Db>>) -> Res<OrganizationInfo> {
    db.run(|s| {
        s.set_organization_logo(None)?;
        s.organization()
    })
    .await
    .map(Into::into)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_extension_is_added_unless_already_there() {
        let docx = ExportFormat::Docx;
        assert_eq!(
            with_extension("/tmp/brief".into(), docx),
            PathBuf::from("/tmp/brief.docx")
        );
        assert_eq!(
            with_extension("/tmp/brief.DOCX".into(), docx),
            PathBuf::from("/tmp/brief.DOCX")
        );
        assert_eq!(
            with_extension("/tmp/brief.pdf".into(), docx),
            PathBuf::from("/tmp/brief.pdf.docx")
        );
    }
}
