//! Docket's desktop shell: window, plugins and commands over `docket-core`.
//!
//! Kept thin on purpose: behaviour lives in `crates/docket-core`, where it is tested without Tauri.

pub mod commands;
pub mod db;
pub mod error;

use std::sync::Arc;

use tauri::{Manager, Runtime};

pub use db::Db;

/// The app's command handler, shared by the app and the IPC tests.
pub fn invoke_handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        commands::app_info,
        commands::list_reviews,
        commands::open_sample,
        commands::list_recommendations,
        commands::get_recommendation,
        commands::edit_tracking,
        commands::review_stats,
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
        .setup(|app| {
            let path = app
                .path()
                .app_data_dir()
                .ok()
                .map(|d| d.join(docket_core::paths::DB_FILE_NAME));
            let db: Arc<Db> = Db::new(path);
            db.warm_up();
            app.manage(db);
            Ok(())
        })
        .invoke_handler(invoke_handler())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Docket could not start: {e}");
        std::process::exit(1);
    }
}
