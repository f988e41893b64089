//! What the window tells the UI on its own: a menu item chosen, a file dragged over or dropped,
//! reminders that came due.
//!
//! The UI subscribes once with a channel (`subscribe_app_events`); no Tauri event permission is
//! granted to the webview. The native menu is built here too.

use std::sync::{Arc, Mutex};

use docket_core::calendar::DueReminder;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, DragDropEvent, Manager, Runtime, State};

use crate::error::IpcError;

/// Menu item ids the UI acts on.
pub const MENU_IMPORT: &str = "import";
/// Opens the paste box.
pub const MENU_PASTE: &str = "paste";

/// Something the UI should react to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppEvent {
    /// A menu item of Docket's own was chosen.
    Menu {
        /// Its id: `import` or `paste`.
        action: String,
    },
    /// Files are being dragged over the window.
    DragEnter,
    /// The drag left the window without dropping.
    DragLeave,
    /// Files were dropped on the window.
    FilesDropped {
        /// Their paths.
        paths: Vec<String>,
    },
    /// Reminders of deadlines came due while Docket runs (a desktop notification was requested
    /// for each).
    Reminders {
        /// The reminders, soonest first.
        due: Vec<DueReminder>,
    },
}

/// The UI's channel, once it has subscribed (managed Tauri state).
#[derive(Default)]
pub struct AppEvents(Mutex<Option<Channel<AppEvent>>>);

impl AppEvents {
    /// A new, shared hub.
    pub fn new() -> Arc<AppEvents> {
        Arc::new(AppEvents::default())
    }

    /// Sends an event to the UI, if it listens.
    pub fn send(&self, event: AppEvent) {
        let channel = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(channel) = channel.as_ref() {
            // The page may be reloading; the event is dropped then.
            let _ = channel.send(event);
        }
    }
}

/// Subscribes the UI to [`AppEvent`]s (a reloaded page subscribes again and replaces the old
/// channel).
#[tauri::command]
pub async fn subscribe_app_events(
    events: State<'_, Arc<AppEvents>>,
    channel: Channel<AppEvent>,
) -> Result<(), IpcError> {
    let mut slot = events.0.lock().unwrap_or_else(|p| p.into_inner());
    *slot = Some(channel);
    Ok(())
}

/// The event a window's drag-and-drop event means for the UI.
pub fn drag_drop_event(event: &DragDropEvent) -> Option<AppEvent> {
    match event {
        DragDropEvent::Enter { .. } => Some(AppEvent::DragEnter),
        DragDropEvent::Leave => Some(AppEvent::DragLeave),
        DragDropEvent::Drop { paths, .. } => Some(AppEvent::FilesDropped {
            paths: paths.iter().map(|p| p.display().to_string()).collect(),
        }),
        _ => None,
    }
}

/// The event a menu click means for the UI.
pub fn menu_event(event: &MenuEvent) -> Option<AppEvent> {
    let id = event.id().as_ref();
    [MENU_IMPORT, MENU_PASTE]
        .contains(&id)
        .then(|| AppEvent::Menu {
            action: id.to_owned(),
        })
}

/// Docket's menu: File (Import…, Paste report text…, Quit) and Edit (so that copy and paste
/// work in text fields on every platform); on macOS the app menu first.
pub fn menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let import = MenuItemBuilder::with_id(MENU_IMPORT, "Import…")
        .accelerator("CmdOrCtrl+O")
        .build(app)?;
    let paste = MenuItemBuilder::with_id(MENU_PASTE, "Paste report text…").build(app)?;
    let file = SubmenuBuilder::new(app, "File")
        .item(&import)
        .item(&paste)
        .separator()
        .quit()
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .undo()
        .redo()
        .separator()
        .cut()
        .copy()
        .paste()
        .select_all()
        .build()?;
    let mut builder = MenuBuilder::new(app);
    #[cfg(target_os = "macos")]
    {
        let about = SubmenuBuilder::new(app, "Docket")
            .about(None)
            .separator()
            .hide()
            .show_all()
            .separator()
            .quit()
            .build()?;
        builder = builder.item(&about);
    }
    builder = builder.item(&file).item(&edit);
    builder.build()
}

/// Sends an event to the UI through the app's hub.
pub fn forward<R: Runtime>(app: &AppHandle<R>, event: Option<AppEvent>) {
    if let (Some(event), Some(hub)) = (event, app.try_state::<Arc<AppEvents>>()) {
        hub.send(event);
    }
}
