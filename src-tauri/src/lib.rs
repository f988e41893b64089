//! Docket's desktop shell: window, plugins and commands over `docket-core`.
//!
//! Kept thin on purpose: behaviour lives in `crates/docket-core`, where it is tested without Tauri.

pub mod advocacy;
pub mod calendar;
pub mod commands;
pub mod db;
pub mod dialogs;
pub mod error;
pub mod events;
pub mod export;
pub mod import;
pub mod reminders;
pub mod track;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

pub use db::Db;

/// The clock the commands pass to the core (which takes it as `DateTime<Utc>`).
pub(crate) fn now() -> std::time::SystemTime {
    std::time::SystemTime::now()
}

/// The app's command handler, shared by the app and the IPC tests.
pub fn invoke_handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        commands::app_info,
        commands::list_reviews,
        commands::open_sample,
        commands::get_recommendation,
        commands::edit_tracking,
        import::choose_import_file,
        import::preview_import,
        import::commit_import,
        import::cancel_import,
        events::subscribe_app_events,
        track::search,
        track::search_ids,
        track::bulk_edit,
        track::last_change,
        track::undo_last,
        track::review_history,
        track::list_views,
        track::save_view,
        track::delete_view,
        track::set_user_name,
        calendar::calendar,
        calendar::overdue_count,
        calendar::set_event_date,
        calendar::reset_event_date,
        calendar::save_deadline,
        calendar::set_deadline_status,
        calendar::delete_deadline,
        calendar::recommendation_deadlines,
        calendar::snooze_reminder,
        calendar::take_missed_reminders,
        calendar::hrc_sessions,
        calendar::set_hrc_session,
        calendar::reset_hrc_session,
        calendar::export_ics,
        advocacy::statements,
        advocacy::statement,
        advocacy::save_statement,
        advocacy::set_statement_status,
        advocacy::delete_statement,
        advocacy::snapshot_statement,
        advocacy::statement_versions,
        advocacy::diff_versions,
        advocacy::quotes,
        advocacy::speaker_rates,
        advocacy::set_speaker_rate,
        advocacy::session_time_limit,
        advocacy::set_session_time_limit,
        advocacy::state_page,
        advocacy::who_to_meet_first,
        advocacy::save_contact,
        advocacy::delete_contact,
        advocacy::save_meeting,
        advocacy::delete_meeting,
        advocacy::set_state_lobbying,
        export::export_preview,
        export::export_document,
        export::open_export,
        export::reveal_export,
        export::organization,
        export::set_organization_name,
        export::choose_organization_logo,
        export::remove_organization_logo,
    ]
}

/// Starts the app.
pub fn run() {
    let result = tauri::Builder::default()
        // A second launch focuses the running window instead of opening the database twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        // Remembers the window's size and position between runs.
        .plugin(tauri_plugin_window_state::Builder::default().build())
        // Native file dialogs, opened from Rust only: no dialog permission is granted to the
        // webview.
        .plugin(tauri_plugin_dialog::init())
        // Desktop notifications of reminders, requested from Rust only (`reminders.rs`): no
        // notification permission is granted to the webview.
        .plugin(tauri_plugin_notification::init())
        // Opens exported files and their folders, from Rust only (`export.rs`) and only for files
        // this session wrote: no opener permission is granted to the webview.
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let menu = events::menu(app.handle())?;
            app.set_menu(menu)?;
            app.on_menu_event(|app, event| events::forward(app, events::menu_event(&event)));
            app.manage(events::AppEvents::new());
            app.manage(import::Imports::new());
            app.manage(reminders::Reminders::new());
            app.manage(export::Exports::new());
            let path = app
                .path()
                .app_data_dir()
                .ok()
                .map(|d| d.join(docket_core::paths::DB_FILE_NAME));
            let db: Arc<Db> = Db::new(path);
            db.warm_up();
            app.manage(db);
            // Checks for reminders missed while Docket was closed, then notifies them as they
            // come due.
            reminders::start(app.handle());
            Ok(())
        })
        .on_window_event(|window, event| match event {
            WindowEvent::Resized(_) | WindowEvent::Moved(_) => {
                save_window_state_soon(window.app_handle())
            }
            WindowEvent::DragDrop(drop) => {
                events::forward(window.app_handle(), events::drag_drop_event(drop))
            }
            _ => {}
        })
        .invoke_handler(invoke_handler())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Docket could not start: {e}");
        std::process::exit(1);
    }
}

/// Saves the window's size and position half a second after it stops changing. The plugin saves
/// only when the app exits normally; this keeps the size when the session ends or the app is
/// killed.
fn save_window_state_soon<R: Runtime>(app: &AppHandle<R>) {
    static GENERATION: AtomicU64 = AtomicU64::new(0);
    let generation = GENERATION.fetch_add(1, Ordering::SeqCst) + 1;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(Duration::from_millis(500)).await;
        if GENERATION.load(Ordering::SeqCst) == generation {
            if let Err(e) = app.save_window_state(StateFlags::all()) {
                eprintln!("Docket could not save the window's size: {e}");
            }
        }
    });
}
