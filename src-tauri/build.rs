//! Build script of the desktop app: declares the app's own commands so that each one needs an
//! explicit permission in a capability (without this, app commands are callable from any webview).

/// Keep in step with `generate_handler!` in `src-tauri/src/lib.rs` and
/// `src-tauri/capabilities/main.json`.
const COMMANDS: &[&str] = &[
    "app_info",
    "list_reviews",
    "open_sample",
    "get_recommendation",
    "edit_tracking",
    "choose_import_file",
    "preview_import",
    "commit_import",
    "cancel_import",
    "subscribe_app_events",
    "search",
    "search_ids",
    "bulk_edit",
    "last_change",
    "undo_last",
    "review_history",
    "list_views",
    "save_view",
    "delete_view",
    "set_user_name",
    "calendar",
    "overdue_count",
    "set_event_date",
    "reset_event_date",
    "save_deadline",
    "set_deadline_status",
    "delete_deadline",
    "recommendation_deadlines",
    "snooze_reminder",
    "take_missed_reminders",
    "hrc_sessions",
    "set_hrc_session",
    "reset_hrc_session",
    "export_ics",
    "statements",
    "statement",
    "save_statement",
    "set_statement_status",
    "delete_statement",
    "snapshot_statement",
    "statement_versions",
    "diff_versions",
    "quotes",
    "speaker_rates",
    "set_speaker_rate",
    "session_time_limit",
    "set_session_time_limit",
    "state_page",
    "who_to_meet_first",
    "save_contact",
    "delete_contact",
    "save_meeting",
    "delete_meeting",
    "set_state_lobbying",
    "export_preview",
    "export_document",
    "open_export",
    "reveal_export",
    "organization",
    "set_organization_name",
    "choose_organization_logo",
    "remove_organization_logo",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
