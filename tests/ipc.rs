//! IPC tests: the app's commands through Tauri's mock runtime, with the app's real configuration
//! and capabilities (so the ACL is the one the app ships), on a temporary database.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use docket_app::Db;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

fn app(db: Arc<Db>) -> App<MockRuntime> {
    mock_builder()
        .invoke_handler(docket_app::invoke_handler())
        .manage(db)
        .manage(docket_app::import::Imports::new())
        .manage(docket_app::events::AppEvents::new())
        .manage(docket_app::reminders::Reminders::new())
        .manage(docket_app::export::Exports::new())
        .build(tauri::generate_context!(test = true))
        .expect("the mock app builds")
}

fn window(app: &App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    WebviewWindowBuilder::new(app, label, Default::default())
        .build()
        .expect("the mock window builds")
}

fn invoke(w: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // The local origin the app serves its pages from on Linux and macOS.
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().expect("a JSON response"))
}

/// Held by the tests that answer a file dialog through its environment variable, one at a time.
static DIALOG_SEAMS: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn temp_db() -> (tempfile::TempDir, Arc<Db>) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::new(Some(dir.path().join("docket.sqlite3")));
    (dir, db)
}

/// The app on a fresh temporary database, and its main window (keep all three to the end).
fn main_window() -> (
    tempfile::TempDir,
    App<MockRuntime>,
    WebviewWindow<MockRuntime>,
) {
    let (dir, db) = temp_db();
    let app = app(db);
    let w = window(&app, "main");
    (dir, app, w)
}

#[test]
fn sample_opens_lists_and_edits_through_ipc() {
    let (_dir, _app, w) = main_window();

    assert_eq!(invoke(&w, "list_reviews", json!({})).unwrap(), json!([]));
    let id = invoke(&w, "open_sample", json!({})).unwrap();
    let again = invoke(&w, "open_sample", json!({})).unwrap();
    assert_eq!(id, again, "opening the sample twice must not load it twice");

    let reviews = invoke(&w, "list_reviews", json!({})).unwrap();
    assert_eq!(reviews[0]["recommendations"], 347);
    assert_eq!(reviews[0]["state_under_review"], "United States of America");

    let page = invoke(&w, "search", search_request(&id, "", json!([]))).unwrap();
    assert_eq!(page["total"], 347);
    let paras: Vec<&str> = page["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["paragraph"].as_str().unwrap())
        .collect();
    assert_eq!(&paras[..3], ["26.1", "26.2", "26.3"]);
    assert_eq!(paras[9], "26.10", "paragraphs sort numerically");

    let rec_id = page["hits"][0]["id"].clone();
    let saved = invoke(
        &w,
        "edit_tracking",
        json!({"id": rec_id, "edit": {"field": "priority", "value": "high"}}),
    )
    .unwrap();
    assert_eq!(saved["tracking"]["priority"], "high");
    assert_eq!(saved["history"][0]["field"], "priority");
    assert_eq!(saved["history"][0]["new_value"], "high");

    let saved = invoke(
        &w,
        "edit_tracking",
        json!({"id": rec_id, "edit": {"field": "notes", "value": "Raised with the mission on 3 March"}}),
    )
    .unwrap();
    assert_eq!(
        saved["tracking"]["notes"],
        "Raised with the mission on 3 March"
    );

    let detail = invoke(&w, "get_recommendation", json!({"id": rec_id})).unwrap();
    assert_eq!(detail["tracking"]["priority"], "high");
    assert_eq!(detail["history"].as_array().unwrap().len(), 2);

    let high = invoke(
        &w,
        "search",
        search_request(&id, "", json!([["priority", "high"]])),
    )
    .unwrap();
    assert_eq!(high["total"], 1, "the search sees the edit at once");
    assert_eq!(high["hits"][0]["id"], rec_id);

    let info = invoke(&w, "app_info", json!({})).unwrap();
    assert!(info["db_path"]
        .as_str()
        .unwrap()
        .ends_with("docket.sqlite3"));
}

#[test]
fn errors_cross_ipc_as_kind_and_message() {
    let (_dir, _app, w) = main_window();

    let err = invoke(&w, "get_recommendation", json!({"id": 987654})).unwrap_err();
    assert_eq!(err["kind"], "not_found", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("no longer exists"),
        "{err}"
    );

    let err = invoke(&w, "search", search_request(&json!(1), "", json!([]))).unwrap_err();
    assert_eq!(err["kind"], "not_found", "{err}");

    let id = invoke(&w, "open_sample", json!({})).unwrap();
    let page = invoke(&w, "search", search_request(&id, "", json!([]))).unwrap();
    let rec_id = page["hits"][0]["id"].clone();
    let err = invoke(
        &w,
        "edit_tracking",
        json!({"id": rec_id, "edit": {"field": "priority", "value": "urgent"}}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("could not understand this change"),
        "{err}"
    );
    let detail = invoke(&w, "get_recommendation", json!({"id": rec_id})).unwrap();
    assert_eq!(
        detail["history"],
        json!([]),
        "a refused edit writes no history"
    );
}

#[test]
fn a_newer_database_is_refused_by_every_command_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("docket.sqlite3");
    {
        let conn = rusqlite_free_newer_db(&path);
        drop(conn);
    }
    let before = std::fs::read(&path).unwrap();
    let app = app(Db::new(Some(path.clone())));
    let w = window(&app, "main");

    let info = invoke(&w, "app_info", json!({})).unwrap();
    assert!(info["data_dir"]
        .as_str()
        .unwrap()
        .ends_with(dir.path().file_name().unwrap().to_str().unwrap()));
    for (cmd, args) in [
        ("list_reviews", json!({})),
        ("open_sample", json!({})),
        ("get_recommendation", json!({"id": 1})),
    ] {
        let err = invoke(&w, cmd, args).unwrap_err();
        assert_eq!(err["kind"], "newer_database", "{cmd}: {err}");
        assert!(
            err["message"].as_str().unwrap().contains("left untouched"),
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the newer file must not change"
    );
}

/// A database stamped with a schema version from the future, made through the store itself.
fn rusqlite_free_newer_db(path: &std::path::Path) -> docket_core::Store {
    let store = docket_core::Store::open(path).unwrap();
    let next = docket_core::store::migrations::latest_version() + 1;
    store
        .conn()
        .pragma_update(None, "user_version", next)
        .unwrap();
    store
}

#[test]
fn only_the_main_window_may_call_the_apps_commands() {
    let (_dir, db) = temp_db();
    let app = app(db);
    let other = window(&app, "other");
    let err = invoke(&other, "list_reviews", json!({})).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("not allowed"),
        "a window without a capability must be refused: {text}"
    );
    let main = window(&app, "main");
    assert!(invoke(&main, "list_reviews", json!({})).is_ok());
}

/// A channel argument as the UI sends it (the mock webview drops what is sent on it).
fn channel() -> Value {
    json!("__CHANNEL__:4242")
}

/// A small spreadsheet with review columns, as people make by hand.
const SHEET: &str =
    "State under review;Session;Paragraph;Recommendation;Recommending State;Position\r\n\
Narnia;40;120.1;Ratify the Convention against Torture;Ghana;Supported\r\n\
Narnia;40;120.2;Abolish the death penalty;Chile;Noted\r\n\
Narnia;40;120.3;End child marriage;Atlantis;\r\n";

#[test]
fn an_import_is_previewed_without_writing_then_committed_once() {
    let (dir, db) = temp_db();
    let file = dir.path().join("narnia.csv");
    std::fs::write(&file, SHEET).unwrap();
    let app = app(db);
    let w = window(&app, "main");

    let request = json!({"source": {"kind": "file", "path": file}});
    let preview = invoke(
        &w,
        "preview_import",
        json!({"request": request, "onProgress": channel()}),
    )
    .unwrap();
    assert_eq!(preview["format"], "csv");
    assert_eq!(preview["source"]["mapping_source"], "guessed");
    assert_eq!(preview["summary"]["recommendations_created"], 3);
    assert_eq!(preview["summary"]["positions_found"], 2);
    assert_eq!(preview["summary"]["committed"], false);
    assert_eq!(preview["unknown_states"][0]["name"], "Atlantis");
    assert_eq!(
        invoke(&w, "list_reviews", json!({})).unwrap(),
        json!([]),
        "a preview writes nothing"
    );

    let token = preview["token"].clone();
    let done = invoke(
        &w,
        "commit_import",
        json!({"token": token, "onProgress": channel()}),
    )
    .unwrap();
    assert_eq!(done["committed"], true);
    assert_eq!(done["recommendations_created"], 3);
    assert!(done["backup"].as_str().unwrap().contains("backups"));
    let reviews = invoke(&w, "list_reviews", json!({})).unwrap();
    assert_eq!(reviews[0]["state_under_review"], "Narnia");
    assert_eq!(reviews[0]["recommendations"], 3);

    // The same preview cannot be committed twice.
    let err = invoke(
        &w,
        "commit_import",
        json!({"token": token, "onProgress": channel()}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input");
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("Preview the file again"));

    // The columns were remembered for the next file with the same headings.
    let again = invoke(
        &w,
        "preview_import",
        json!({"request": request, "onProgress": channel()}),
    )
    .unwrap();
    assert_eq!(again["source"]["mapping_source"], "remembered");
    assert_eq!(again["summary"]["unchanged"], 3);
}

#[test]
fn bad_import_requests_are_refused_with_a_message() {
    let (dir, db) = temp_db();
    let app = app(db);
    let w = window(&app, "main");
    let malformed = invoke(
        &w,
        "preview_import",
        json!({"request": {"source": {"kind": "floppy"}}, "onProgress": channel()}),
    )
    .unwrap_err();
    assert_eq!(malformed["kind"], "invalid_input");

    let missing = dir.path().join("nowhere.csv");
    let err = invoke(
        &w,
        "preview_import",
        json!({"request": {"source": {"kind": "file", "path": missing}}, "onProgress": channel()}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "io");
    assert!(err["message"].as_str().unwrap().contains("nowhere.csv"));

    let empty = invoke(
        &w,
        "preview_import",
        json!({"request": {"source": {"kind": "text", "name": "Pasted text", "text": "  "}}, "onProgress": channel()}),
    )
    .unwrap_err();
    assert_eq!(empty["kind"], "invalid_input");
    assert!(empty["message"].as_str().unwrap().contains("empty"));

    let stale = invoke(
        &w,
        "commit_import",
        json!({"token": 99, "onProgress": channel()}),
    )
    .unwrap_err();
    assert_eq!(stale["kind"], "invalid_input");
}

#[test]
fn pasted_report_text_without_a_state_asks_for_the_review() {
    let (_dir, _app, w) = main_window();
    let text = "140.1 Ratify the Convention against Torture (Ghana);\n140.2 Abolish the death penalty (Chile).\n";
    let request = json!({"source": {"kind": "text", "name": "Pasted text", "text": text}});
    let preview = invoke(
        &w,
        "preview_import",
        json!({"request": request, "onProgress": channel()}),
    )
    .unwrap();
    assert_eq!(preview["format"], "report");
    assert!(preview["needs_review"]
        .as_str()
        .unwrap()
        .contains("which State"));
    assert_eq!(preview["summary"], Value::Null);

    let mut request = request;
    request["review"] = json!({"state_under_review": "Slovenia", "cycle": 4, "wg_session": 48,
        "review_date": null, "report_symbol": null, "addendum_symbol": null, "adoption_date": null});
    let preview = invoke(
        &w,
        "preview_import",
        json!({"request": request, "onProgress": channel()}),
    )
    .unwrap();
    assert_eq!(preview["needs_review"], Value::Null);
    assert_eq!(preview["summary"]["recommendations_created"], 2);
    assert_eq!(
        preview["summary"]["reviews"][0]["state_under_review"],
        "Slovenia"
    );
}

#[test]
fn the_file_dialog_has_a_test_seam_in_debug_builds() {
    let (_dir, _app, w) = main_window();
    let _dialog = DIALOG_SEAMS.lock().unwrap_or_else(|p| p.into_inner());
    std::env::set_var(docket_app::import::TEST_PICK_FILE_ENV, "/tmp/chosen.csv");
    let picked = invoke(&w, "choose_import_file", json!({})).unwrap();
    std::env::remove_var(docket_app::import::TEST_PICK_FILE_ENV);
    assert_eq!(picked, json!("/tmp/chosen.csv"));
}

/// The `search` request the UI sends, with `filters` as `[[facet, value], …]`.
fn search_request(review: &Value, query: &str, filters: Value) -> Value {
    json!({"request": {
        "review_id": review, "query": query, "filters": filters,
        "sort": "paragraph", "descending": false, "facets": true, "offset": 0, "limit": 50
    }})
}

#[test]
fn search_bulk_edit_undo_history_and_views_through_ipc() {
    let (_dir, _app, w) = main_window();
    let review = invoke(&w, "open_sample", json!({})).unwrap();
    assert_eq!(
        invoke(&w, "set_user_name", json!({"name": "  Maria  "})).unwrap(),
        "Maria"
    );

    let noted = invoke(
        &w,
        "search",
        search_request(&review, "", json!([["position", "noted"]])),
    )
    .unwrap();
    assert_eq!(noted["total"], 67);
    assert_eq!(noted["hits"].as_array().unwrap().len(), 50);
    // The position facet still offers the other positions, with their own counts.
    assert_eq!(noted["facets"]["position"]["supported"], 263);
    assert_eq!(noted["facets"]["position"]["noted"], 67);

    let ids = invoke(
        &w,
        "search_ids",
        search_request(&review, "", json!([["position", "noted"]])),
    )
    .unwrap();
    assert_eq!(ids.as_array().unwrap().len(), 67);
    assert_eq!(ids[0], noted["hits"][0]["id"]);

    let done = invoke(
        &w,
        "bulk_edit",
        json!({"ids": ids, "edit": {"field": "priority", "value": "high"}}),
    )
    .unwrap();
    assert_eq!(done["changed"], 67);
    let high = invoke(
        &w,
        "search",
        search_request(&review, "", json!([["priority", "high"]])),
    )
    .unwrap();
    assert_eq!(high["total"], 67);

    let last = invoke(&w, "last_change", json!({})).unwrap();
    assert_eq!(last["id"], done["change_id"]);
    assert_eq!(last["who"], "Maria");
    assert_eq!(last["count"], 67);

    let undone = invoke(&w, "undo_last", json!({})).unwrap();
    assert_eq!(undone["undone"]["id"], done["change_id"]);
    assert_eq!(undone["recommendation_ids"].as_array().unwrap().len(), 67);
    let high = invoke(
        &w,
        "search",
        search_request(&review, "", json!([["priority", "high"]])),
    )
    .unwrap();
    assert_eq!(high["total"], 0, "Undo restores every priority");
    assert_eq!(invoke(&w, "last_change", json!({})).unwrap(), Value::Null);

    let history = invoke(
        &w,
        "review_history",
        json!({"reviewId": review, "since": null, "limit": 10}),
    )
    .unwrap();
    let kinds: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["undo", "bulk"]);
    assert!(history[1]["undone_at"].is_string());

    let view = invoke(
        &w,
        "save_view",
        json!({"view": {"name": "Noted on torture", "review_id": review, "query": "tortur*",
                        "filters": [["position", "noted"]], "sort": "priority", "descending": true}}),
    )
    .unwrap();
    let views = invoke(&w, "list_views", json!({})).unwrap();
    assert_eq!(views.as_array().unwrap().len(), 1);
    assert_eq!(views[0]["filters"], json!([["position", "noted"]]));
    assert_eq!(views[0]["sort"], "priority");
    invoke(&w, "delete_view", json!({"id": view["id"]})).unwrap();
    assert_eq!(invoke(&w, "list_views", json!({})).unwrap(), json!([]));
}

#[test]
fn malformed_searches_and_bulk_edits_are_refused_with_a_message() {
    let (_dir, _app, w) = main_window();
    let review = invoke(&w, "open_sample", json!({})).unwrap();

    let err = invoke(
        &w,
        "search",
        search_request(&review, "", json!([["colour", "red"]])),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input");
    assert!(err["message"].as_str().unwrap().contains("this search"));

    let err = invoke(
        &w,
        "bulk_edit",
        json!({"ids": [], "edit": {"field": "priority", "value": "high"}}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input");

    let err = invoke(
        &w,
        "bulk_edit",
        json!({"ids": [1], "edit": {"field": "notes", "value": "x"}}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "notes are not a bulk edit");
    assert_eq!(invoke(&w, "last_change", json!({})).unwrap(), Value::Null);
}

/// The sample review's id and the id of its recommendation 26.1.
fn sample_and_first_recommendation(w: &WebviewWindow<MockRuntime>) -> (Value, Value) {
    let review = invoke(w, "open_sample", json!({})).unwrap();
    let (first, _) = first_two_recommendations(w, &review);
    (review, first)
}

/// A deadline as the UI sends it to `save_deadline`.
fn deadline(review: &Value, title: &str, due_date: &str, recommendations: Value) -> Value {
    json!({
        "review_id": review,
        "title": title,
        "due_date": due_date,
        "due_time": "10:00",
        "time_zone": "Europe/Zurich",
        "owner": "Amina",
        "recommendation_ids": recommendations,
        "reminders": [1440],
    })
}

/// The review's calendar event of this kind.
fn event_of_kind(w: &WebviewWindow<MockRuntime>, review: &Value, kind: &str) -> Value {
    let events = invoke(w, "calendar", json!({"reviewId": review})).unwrap();
    events
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == kind)
        .cloned()
        .unwrap_or_else(|| panic!("no {kind} in {events}"))
}

#[test]
fn the_calendar_shows_the_reviews_dates_and_the_users_edits() {
    let (_dir, _app, w) = main_window();
    let (review, _) = sample_and_first_recommendation(&w);

    let adoption = event_of_kind(&w, &review, "adoption");
    assert_eq!(adoption["date"], "2021-03-17", "{adoption}");
    assert_eq!(adoption["confirmed"], true, "{adoption}");
    assert_eq!(adoption["edited"], false, "{adoption}");
    let everything = invoke(&w, "calendar", json!({"reviewId": null})).unwrap();
    let events = invoke(&w, "calendar", json!({"reviewId": review})).unwrap();
    assert!(everything.as_array().unwrap().len() >= events.as_array().unwrap().len());

    invoke(
        &w,
        "set_event_date",
        json!({"edit": {"review_id": review, "kind": "mid_term", "date": "2023-06-30", "confirmed": true}}),
    )
    .unwrap();
    let mid_term = event_of_kind(&w, &review, "mid_term");
    assert_eq!(mid_term["date"], "2023-06-30", "{mid_term}");
    assert_eq!(mid_term["edited"], true, "{mid_term}");
    assert_eq!(mid_term["confirmed"], true, "{mid_term}");

    invoke(
        &w,
        "reset_event_date",
        json!({"reviewId": review, "kind": "mid_term"}),
    )
    .unwrap();
    let mid_term = event_of_kind(&w, &review, "mid_term");
    assert_eq!(mid_term["edited"], false, "{mid_term}");

    let err = invoke(
        &w,
        "set_event_date",
        json!({"edit": {"review_id": review, "kind": "party", "date": "2023-06-30", "confirmed": true}}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("could not understand this date"),
        "{err}"
    );
}

#[test]
fn deadlines_are_created_updated_linked_done_and_deleted_through_ipc() {
    let (_dir, _app, w) = main_window();
    let (review, rec) = sample_and_first_recommendation(&w);

    let created = invoke(
        &w,
        "save_deadline",
        json!({"id": null, "deadline": deadline(&review, "Written statement", "2031-03-01", json!([rec]))}),
    )
    .unwrap();
    let id = created["id"].clone();
    assert_eq!(created["title"], "Written statement");
    assert_eq!(created["time_zone"], "Europe/Zurich");
    assert_eq!(created["status"], "to_do");
    assert_eq!(created["reminders"][0]["minutes_before"], 1440);
    assert_eq!(created["recommendations"][0]["paragraph"], "26.1");

    let updated = invoke(
        &w,
        "save_deadline",
        json!({"id": id, "deadline": deadline(&review, "Written statement to the Council", "2031-03-02", json!([rec]))}),
    )
    .unwrap();
    assert_eq!(updated["id"], id);
    assert_eq!(updated["uid"], created["uid"], "an update keeps the UID");
    assert_eq!(updated["title"], "Written statement to the Council");
    assert_eq!(updated["due_date"], "2031-03-02");

    let linked = invoke(
        &w,
        "recommendation_deadlines",
        json!({"recommendationId": rec}),
    )
    .unwrap();
    assert_eq!(linked.as_array().unwrap().len(), 1, "{linked}");
    assert_eq!(linked[0]["id"], id);

    let events = invoke(&w, "calendar", json!({"reviewId": review})).unwrap();
    assert!(
        events
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "custom" && e["deadline"]["id"] == id),
        "the deadline is on the calendar: {events}"
    );

    let done = invoke(
        &w,
        "set_deadline_status",
        json!({"id": id, "status": "done"}),
    )
    .unwrap();
    assert_eq!(done["status"], "done");
    let err = invoke(
        &w,
        "set_deadline_status",
        json!({"id": id, "status": "finished"}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");

    invoke(&w, "delete_deadline", json!({"id": id})).unwrap();
    let linked = invoke(
        &w,
        "recommendation_deadlines",
        json!({"recommendationId": rec}),
    )
    .unwrap();
    assert_eq!(linked, json!([]));
}

#[test]
fn malformed_deadlines_and_sessions_are_refused_with_a_message() {
    let (_dir, _app, w) = main_window();

    for bad in [
        json!({"id": null, "deadline": {"title": "No date"}}),
        json!({"id": null, "deadline": {"title": "x", "due_date": "2031-01-01", "time_zone": "Europe/Zurich", "reminders": "daily"}}),
        json!({"id": null, "deadline": "Register"}),
    ] {
        let err = invoke(&w, "save_deadline", bad.clone()).unwrap_err();
        assert_eq!(err["kind"], "invalid_input", "{bad}: {err}");
        let message = err["message"].as_str().unwrap();
        assert!(
            message.starts_with("Docket could not understand this deadline")
                && message.ends_with("so nothing was done."),
            "{message}"
        );
    }

    let sessions = invoke(&w, "hrc_sessions", json!({})).unwrap();
    let first = sessions[0].clone();
    let number = first["number"].clone();
    let err = invoke(
        &w,
        "set_hrc_session",
        json!({"number": number, "opens": "2030-03-20", "closes": "2030-03-01"}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");
    assert!(err["message"].as_str().unwrap().contains("before it opens"));

    let corrected = invoke(
        &w,
        "set_hrc_session",
        json!({"number": number, "opens": "2030-03-01", "closes": "2030-03-20"}),
    )
    .unwrap();
    let session = corrected
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["number"] == number)
        .unwrap();
    assert_eq!(session["opens"], "2030-03-01");
    assert_eq!(session["edited"], true);
    let reset = invoke(&w, "reset_hrc_session", json!({"number": number})).unwrap();
    assert_eq!(reset[0], first, "a reset gives the table's dates back");

    let err = invoke(&w, "snooze_reminder", json!({"id": 1, "minutes": 0})).unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");
}

/// An app on the sample with one deadline of the sample's review, long past, whose reminder has
/// come due; returns the data folder, the app, its window and the deadline.
fn app_with_past_deadline(
    title: &str,
) -> (
    tempfile::TempDir,
    App<MockRuntime>,
    WebviewWindow<MockRuntime>,
    Value,
) {
    let (dir, db) = temp_db();
    let app = app(db);
    let w = window(&app, "main");
    let (review, _) = sample_and_first_recommendation(&w);
    let created = invoke(
        &w,
        "save_deadline",
        json!({"id": null, "deadline": deadline(&review, title, "2020-01-10", json!([]))}),
    )
    .unwrap();
    (dir, app, w, created)
}

#[test]
fn missed_reminders_are_listed_once_after_the_first_check() {
    let (_dir, app, w, created) = app_with_past_deadline("Send the follow-up letter");
    assert_eq!(invoke(&w, "overdue_count", json!({})).unwrap(), 1);

    // The UI asks before the timer's first check has run: the answer waits for it.
    let handle = app.handle().clone();
    let checker = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        tauri::async_runtime::block_on(docket_app::reminders::check_at_launch(
            &handle,
            std::time::SystemTime::now(),
        ))
    });
    let missed = invoke(&w, "take_missed_reminders", json!({})).unwrap();
    checker.join().unwrap().unwrap();
    assert_eq!(missed.as_array().unwrap().len(), 1, "{missed}");
    assert_eq!(missed[0]["deadline_id"], created["id"]);
    assert_eq!(missed[0]["title"], "Send the follow-up letter");
    assert_eq!(missed[0]["overdue"], true);

    assert_eq!(
        invoke(&w, "take_missed_reminders", json!({})).unwrap(),
        json!([]),
        "missed reminders are listed once"
    );
    let reminder = missed[0]["reminder_id"].clone();
    invoke(
        &w,
        "snooze_reminder",
        json!({"id": reminder, "minutes": 10}),
    )
    .unwrap();
}

#[test]
fn due_reminders_are_notified_and_logged_by_the_test_seam() {
    let (dir, app, w, created) = app_with_past_deadline("Brief the mission");

    // Launched "before" the reminder came due: nothing was missed.
    let before = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_500_000_000);
    tauri::async_runtime::block_on(docket_app::reminders::check_at_launch(app.handle(), before))
        .unwrap();
    assert_eq!(
        invoke(&w, "take_missed_reminders", json!({})).unwrap(),
        json!([])
    );

    let log = dir.path().join("notifications.jsonl");
    // No other test reads this variable.
    std::env::set_var(docket_app::reminders::TEST_NOTIFICATIONS_ENV, &log);
    let due = tauri::async_runtime::block_on(docket_app::reminders::check_now(
        app.handle(),
        std::time::SystemTime::now(),
    ));
    std::env::remove_var(docket_app::reminders::TEST_NOTIFICATIONS_ENV);
    let due = due.unwrap();
    assert_eq!(due.len(), 1);
    let lines: Vec<Value> = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines,
        vec![json!({
            "title": "Docket: Brief the mission",
            "body": "Overdue: it was due 10 Jan 2020, 10:00 Geneva time.\nUnited States of America, WG 36",
            "deadline_id": created["id"],
        })]
    );
    let again = tauri::async_runtime::block_on(docket_app::reminders::check_now(
        app.handle(),
        std::time::SystemTime::now(),
    ))
    .unwrap();
    assert!(again.is_empty(), "a reminder is notified once");

    let event = serde_json::to_value(docket_app::events::AppEvent::Reminders { due }).unwrap();
    assert_eq!(event["kind"], "reminders");
    assert_eq!(event["due"][0]["title"], "Brief the mission");
}

#[test]
fn the_calendar_is_exported_where_the_save_dialog_says() {
    let (dir, db) = temp_db();
    let app = app(db);
    let w = window(&app, "main");
    let (review, _) = sample_and_first_recommendation(&w);

    let target = dir.path().join("calendar.ics");
    let _dialog = DIALOG_SEAMS.lock().unwrap_or_else(|p| p.into_inner());
    std::env::set_var(docket_app::calendar::TEST_SAVE_FILE_ENV, &target);
    let written = invoke(&w, "export_ics", json!({"reviewId": review}));
    let missing = dir.path().join("no such folder").join("calendar.ics");
    std::env::set_var(docket_app::calendar::TEST_SAVE_FILE_ENV, &missing);
    let refused = invoke(&w, "export_ics", json!({"reviewId": null}));
    std::env::remove_var(docket_app::calendar::TEST_SAVE_FILE_ENV);

    assert_eq!(written.unwrap(), json!(target.display().to_string()));
    let ics = std::fs::read_to_string(&target).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics}");
    assert!(ics.contains("20210317"), "the adoption day is exported");

    let err = refused.unwrap_err();
    assert_eq!(err["kind"], "io", "{err}");
    let message = err["message"].as_str().unwrap();
    assert!(
        message.starts_with("The folder") && message.ends_with("Choose another folder."),
        "{message}"
    );
    assert!(!missing.exists());

    let err = invoke(&w, "export_ics", json!({"reviewId": 987654})).unwrap_err();
    assert_eq!(err["kind"], "not_found", "{err}");
}

#[test]
fn a_briefing_is_previewed_saved_where_the_dialog_says_and_opened_by_its_id() {
    let (dir, db) = temp_db();
    let app = app(db);
    let w = window(&app, "main");
    let (review, _) = sample_and_first_recommendation(&w);
    let (first, second) = first_two_recommendations(&w, &review);

    let org = invoke(
        &w,
        "set_organization_name",
        json!({"name": "  Rights   Watchers "}),
    )
    .unwrap();
    assert_eq!(org, json!({"name": "Rights Watchers", "logo": null}));
    assert_eq!(invoke(&w, "organization", json!({})).unwrap(), org);

    let request = json!({
        "template": "thematic", "format": "md", "review_id": review,
        "query": "", "filters": [], "ids": [second, first], "state": null, "statement_id": null
    });
    let summary = invoke(&w, "export_preview", json!({"request": request})).unwrap();
    assert_eq!(summary["recommendations"], 2);
    assert_eq!(
        summary["file_name"],
        "Thematic briefing United States of America, 3rd cycle.md"
    );

    let target = dir.path().join("brief");
    let log = dir.path().join("opened.log");
    let written = {
        let _dialog = DIALOG_SEAMS.lock().unwrap_or_else(|p| p.into_inner());
        std::env::set_var(docket_app::calendar::TEST_SAVE_FILE_ENV, &target);
        let written = invoke(
            &w,
            "export_document",
            json!({"request": request, "onProgress": "__CHANNEL__:7"}),
        );
        std::env::remove_var(docket_app::calendar::TEST_SAVE_FILE_ENV);
        written
    };
    let done = written.unwrap();
    let path = dir.path().join("brief.md");
    assert_eq!(
        done["path"],
        json!(path.display().to_string()),
        "the extension is added"
    );
    assert_eq!(done["file_name"], "brief.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(done["bytes"], json!(text.len()));
    assert!(text.contains("26.1") && text.contains("26.2"), "{text}");
    assert!(!text.contains("26.3 "), "only the selection: {text}");

    std::env::set_var(docket_app::export::TEST_OPEN_ENV, &log);
    invoke(&w, "open_export", json!({"id": done["id"]})).unwrap();
    invoke(&w, "reveal_export", json!({"id": done["id"]})).unwrap();
    let unknown = invoke(&w, "open_export", json!({"id": 999})).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    let gone = invoke(&w, "open_export", json!({"id": done["id"]})).unwrap_err();
    std::env::remove_var(docket_app::export::TEST_OPEN_ENV);
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        format!("open {0}\nreveal {0}\n", path.display())
    );
    assert_eq!(unknown["kind"], "invalid_input", "{unknown}");
    assert_eq!(gone["kind"], "not_found", "{gone}");

    // Nothing to export, and malformed requests, are refused before any dialog opens.
    let empty = json!({"template": "matrix", "format": "pdf", "review_id": review, "ids": []});
    let err = invoke(
        &w,
        "export_document",
        json!({"request": empty, "onProgress": "__CHANNEL__:8"}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("No recommendation is selected"));
    let err = invoke(
        &w,
        "export_preview",
        json!({"request": {"template": "poster"}}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");

    // A file that is not an image is refused as the logo and changes nothing.
    let not_image = dir.path().join("logo.png");
    std::fs::write(&not_image, b"GIF89a not really").unwrap();
    let _dialog = DIALOG_SEAMS.lock().unwrap_or_else(|p| p.into_inner());
    std::env::set_var(docket_app::import::TEST_PICK_FILE_ENV, &not_image);
    let err = invoke(&w, "choose_organization_logo", json!({})).unwrap_err();
    std::env::remove_var(docket_app::import::TEST_PICK_FILE_ENV);
    assert_eq!(err["kind"], "invalid_input", "{err}");
    assert_eq!(
        invoke(&w, "organization", json!({})).unwrap()["logo"],
        json!(null)
    );
}

/// The ids of the sample's recommendations 26.1 and 26.2, found with `search`.
fn first_two_recommendations(w: &WebviewWindow<MockRuntime>, review: &Value) -> (Value, Value) {
    let page = invoke(w, "search", search_request(review, "", json!([]))).unwrap();
    assert_eq!(page["hits"][0]["paragraph"], "26.1");
    assert_eq!(page["hits"][1]["paragraph"], "26.2");
    (page["hits"][0]["id"].clone(), page["hits"][1]["id"].clone())
}

/// An oral statement at the sample review's adoption as the UI sends it to `save_statement`.
fn oral_statement(review: &Value, text: &str, recommendations: Value) -> Value {
    json!({
        "kind": "oral",
        "title": "Adoption of the outcome: United States of America",
        "hrc_session": 46,
        "review_id": review,
        "organization": "Freedom Now Coalition",
        "ecosoc_status": "special",
        "co_signers": ["Amnesty Local"],
        "speaker": "Amina",
        "text": text,
        "recommendation_ids": recommendations,
    })
}

/// Whether the calendar of `review` has a custom event for the deadline `id`.
fn calendar_has_deadline(w: &WebviewWindow<MockRuntime>, review: &Value, id: &Value) -> bool {
    let events = invoke(w, "calendar", json!({"reviewId": review})).unwrap();
    events
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "custom" && e["deadline"]["id"] == *id)
}

#[test]
fn statements_are_budgeted_quoted_registered_and_versioned_through_ipc() {
    let (_dir, _app, w) = main_window();
    let review = invoke(&w, "open_sample", json!({})).unwrap();
    let (first, second) = first_two_recommendations(&w, &review);

    // 300 words against 2:00 at 130 words a minute (260 words).
    let text = "word ".repeat(300);
    let created = invoke(
        &w,
        "save_statement",
        json!({"id": null, "statement": oral_statement(&review, &text, json!([first, second]))}),
    )
    .unwrap();
    let id = created["id"].clone();
    assert_eq!(created["status"], "idea", "{created}");
    assert_eq!(created["review_id"], review);
    assert_eq!(created["words_per_minute"], 130);
    assert_eq!(created["time_limit_seconds"], 120);
    assert_eq!(created["budget"]["words"], 300, "{created}");
    assert_eq!(created["budget"]["word_limit"], 260, "{created}");
    assert_eq!(created["budget"]["over_by_words"], 40, "{created}");
    assert_eq!(created["deadline"], Value::Null);
    let linked: Vec<&Value> = created["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["id"])
        .collect();
    assert_eq!(linked, [&first, &second], "{created}");

    let listed = invoke(&w, "statements", json!({"reviewId": review})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!(listed[0]["id"], id);
    assert_eq!(listed[0]["budget"]["over_by_words"], 40);
    assert_eq!(
        invoke(&w, "statements", json!({"reviewId": null}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // The recommendations quoted, in the order asked, with their text.
    let quotes = invoke(&w, "quotes", json!({"ids": [second, first]})).unwrap();
    let paragraphs: Vec<&str> = quotes
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["paragraph"].as_str().unwrap())
        .collect();
    assert_eq!(paragraphs, ["26.2", "26.1"], "{quotes}");
    for quote in quotes.as_array().unwrap() {
        let detail = invoke(&w, "get_recommendation", json!({"id": quote["id"]})).unwrap();
        assert_eq!(quote["text"], detail["text"], "{quote}");
        assert!(!quote["text"].as_str().unwrap().is_empty());
    }
    assert_eq!(
        quotes[1]["text"],
        "Consider ratifying all remaining human rights conventions"
    );
    assert_eq!(quotes[1]["states"], json!(["Somalia"]));

    // A move the workflow does not allow is refused, and nothing changes.
    let err = invoke(
        &w,
        "set_statement_status",
        json!({"id": id, "status": "delivered"}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");
    let unchanged = invoke(&w, "statement", json!({"id": id})).unwrap();
    assert_eq!(unchanged["status"], "idea");

    let mut statement = Value::Null;
    for status in ["drafting", "final", "registered"] {
        statement = invoke(
            &w,
            "set_statement_status",
            json!({"id": id, "status": status}),
        )
        .unwrap();
        assert_eq!(statement["status"], status, "{statement}");
    }
    let deadline = statement["deadline"].clone();
    assert!(
        deadline["id"].is_i64(),
        "registering sets a deadline: {statement}"
    );
    assert!(
        calendar_has_deadline(&w, &review, &deadline["id"]),
        "the statement's deadline is on the review's calendar"
    );
    assert_eq!(
        invoke(&w, "statement", json!({"id": id})).unwrap()["deadline"]["id"],
        deadline["id"]
    );

    // Versions: at creation, at each move and on demand, newest first.
    let snapshot = invoke(
        &w,
        "snapshot_statement",
        json!({"id": id, "label": "Before the call with the mission"}),
    )
    .unwrap();
    assert_eq!(snapshot["statement_id"], id);
    assert_eq!(snapshot["status"], "registered");
    assert_eq!(snapshot["words"], 300);
    assert_eq!(
        snapshot["label"],
        "Saved by hand: Before the call with the mission"
    );
    let versions = invoke(&w, "statement_versions", json!({"id": id})).unwrap();
    let versions = versions.as_array().unwrap();
    assert_eq!(versions.len(), 5, "{versions:?}");
    assert_eq!(versions[0]["id"], snapshot["id"], "newest first");
    assert_eq!(
        versions[0]["label"],
        "Saved by hand: Before the call with the mission"
    );
    let oldest = versions.last().unwrap();
    assert_eq!(oldest["status"], "idea");

    // The text cut to fit; the status is kept.
    let shorter = format!("{}Thank you", "word ".repeat(250));
    let updated = invoke(
        &w,
        "save_statement",
        json!({"id": id, "statement": oral_statement(&review, &shorter, json!([first]))}),
    )
    .unwrap();
    assert_eq!(updated["id"], id);
    assert_eq!(
        updated["status"], "registered",
        "an update keeps the status"
    );
    assert_eq!(updated["budget"]["words"], 252, "{updated}");
    assert_eq!(updated["budget"]["over_by_words"], 0, "{updated}");
    assert_eq!(updated["recommendations"].as_array().unwrap().len(), 1);

    let same = invoke(
        &w,
        "diff_versions",
        json!({"left": oldest["id"], "right": snapshot["id"]}),
    )
    .unwrap();
    assert_eq!(same["added_words"], 0, "{same}");
    assert_eq!(same["removed_words"], 0, "{same}");
    let diff = invoke(
        &w,
        "diff_versions",
        json!({"left": snapshot["id"], "right": null}),
    )
    .unwrap();
    assert_eq!(diff["left"]["id"], snapshot["id"]);
    assert_eq!(diff["right"]["id"], 0, "the current text is version 0");
    assert_eq!(diff["removed_words"], 50, "{}", diff["parts"]);
    assert_eq!(diff["added_words"], 2, "{}", diff["parts"]);
    assert!(diff["parts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["kind"] == "added" && p["text"].as_str().unwrap().contains("Thank")));

    invoke(&w, "delete_statement", json!({"id": id})).unwrap();
    assert_eq!(
        invoke(&w, "statements", json!({"reviewId": review})).unwrap(),
        json!([])
    );
    let err = invoke(&w, "statement", json!({"id": id})).unwrap_err();
    assert_eq!(err["kind"], "not_found", "{err}");
}

#[test]
fn speaker_rates_and_session_time_limits_through_ipc() {
    let (_dir, _app, w) = main_window();

    assert_eq!(
        invoke(&w, "session_time_limit", json!({"hrcSession": 46})).unwrap(),
        120,
        "2:00 unless the session says otherwise"
    );
    invoke(
        &w,
        "set_session_time_limit",
        json!({"hrcSession": 46, "seconds": 90}),
    )
    .unwrap();
    assert_eq!(
        invoke(&w, "session_time_limit", json!({"hrcSession": 46})).unwrap(),
        90
    );
    let err = invoke(
        &w,
        "set_session_time_limit",
        json!({"hrcSession": 46, "seconds": 5}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");

    invoke(
        &w,
        "set_speaker_rate",
        json!({"name": "Amina", "wordsPerMinute": 140}),
    )
    .unwrap();
    let rates = invoke(&w, "speaker_rates", json!({})).unwrap();
    assert!(
        rates.as_array().unwrap().contains(&json!(["Amina", 140])),
        "{rates}"
    );
    let err = invoke(
        &w,
        "set_speaker_rate",
        json!({"name": "Amina", "wordsPerMinute": 400}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");
}

/// Mexico as the lobbying pages name it.
fn mexico() -> Value {
    json!({"iso3": "MEX", "name": "Mexico"})
}

#[test]
fn state_pages_contacts_meetings_and_who_to_meet_first_through_ipc() {
    let (_dir, _app, w) = main_window();
    let review = invoke(&w, "open_sample", json!({})).unwrap();

    let page = invoke(
        &w,
        "state_page",
        json!({"state": mexico(), "reviewId": review}),
    )
    .unwrap();
    assert_eq!(page["state"]["iso3"], "MEX", "{page}");
    assert_eq!(page["status"], "not_contacted", "{page}");
    let mut paragraphs: Vec<&str> = page["in_review"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert_eq!(r["review_id"], review, "{r}");
            r["paragraph"].as_str().unwrap()
        })
        .collect();
    paragraphs.sort_unstable();
    // Mexico's recommendations in the sample (crates/docket-core/data/us-2020.tsv).
    assert_eq!(
        paragraphs,
        ["26.108", "26.133", "26.207", "26.310", "26.346"],
        "{page}"
    );
    for rec in page["in_review"].as_array().unwrap() {
        let detail = invoke(&w, "get_recommendation", json!({"id": rec["id"]})).unwrap();
        assert_eq!(detail["text"], rec["text"]);
        assert!(
            detail["recommending_states"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["iso3"] == "MEX"),
            "{detail}"
        );
    }
    assert_eq!(
        page["elsewhere"],
        json!([]),
        "the sample is the only review"
    );
    let rec = page["in_review"][0]["id"].clone();

    let ranks = invoke(&w, "who_to_meet_first", json!({"reviewId": review})).unwrap();
    let ranks = ranks.as_array().unwrap();
    assert!(!ranks.is_empty());
    assert!(
        ranks.iter().any(|r| r["state"]["name"] == "Mexico"),
        "{ranks:?}"
    );
    assert!(ranks
        .iter()
        .all(|r| r["recommendations"].as_u64() > Some(0)));

    let contact = json!({"state": mexico(), "name": "Ana Ruiz", "role": "First Secretary, human rights",
        "place": "mission", "email": "ana@example.org"});
    let saved = invoke(&w, "save_contact", json!({"id": null, "contact": contact})).unwrap();
    let contact_id = saved["id"].clone();
    assert_eq!(saved["name"], "Ana Ruiz");
    assert_eq!(saved["place"], "mission");
    let mut moved = contact.clone();
    moved["place"] = json!("capital");
    let updated = invoke(
        &w,
        "save_contact",
        json!({"id": contact_id, "contact": moved}),
    )
    .unwrap();
    assert_eq!(updated["id"], contact_id);
    assert_eq!(updated["place"], "capital");

    let meeting = json!({
        "state": mexico(),
        "review_id": review,
        "date": "2021-03-10",
        "who": "Ana Ruiz",
        "asked": "Raise the death penalty at the adoption",
        "outcome": "Will consult the capital",
        "follow_up": deadline(&review, "Follow up with Mexico", "2031-03-15", json!([rec])),
        "recommendation_ids": [rec],
    });
    let logged = invoke(&w, "save_meeting", json!({"id": null, "meeting": meeting})).unwrap();
    let meeting_id = logged["id"].clone();
    let follow_up = logged["follow_up"]["id"].clone();
    assert!(follow_up.is_i64(), "{logged}");
    assert_eq!(logged["follow_up"]["title"], "Follow up with Mexico");
    assert_eq!(logged["recommendations"][0]["id"], rec);
    assert!(
        calendar_has_deadline(&w, &review, &follow_up),
        "the follow-up is on the review's calendar"
    );

    invoke(
        &w,
        "set_state_lobbying",
        json!({"state": mexico(), "status": "follow_up", "notes": "Open to raising it"}),
    )
    .unwrap();
    let page = invoke(
        &w,
        "state_page",
        json!({"state": mexico(), "reviewId": review}),
    )
    .unwrap();
    assert_eq!(page["status"], "follow_up");
    assert_eq!(page["notes"], "Open to raising it");
    assert_eq!(page["contacts"].as_array().unwrap().len(), 1, "{page}");
    assert_eq!(page["contacts"][0]["id"], contact_id);
    assert_eq!(page["meetings"].as_array().unwrap().len(), 1, "{page}");
    assert_eq!(page["meetings"][0]["id"], meeting_id);

    invoke(&w, "delete_meeting", json!({"id": meeting_id})).unwrap();
    assert!(
        !calendar_has_deadline(&w, &review, &follow_up),
        "the follow-up goes with its meeting"
    );
    invoke(&w, "delete_contact", json!({"id": contact_id})).unwrap();
    let page = invoke(
        &w,
        "state_page",
        json!({"state": mexico(), "reviewId": null}),
    )
    .unwrap();
    assert_eq!(page["contacts"], json!([]));
    assert_eq!(page["meetings"], json!([]));
}

#[test]
fn malformed_advocacy_requests_are_refused_with_a_message() {
    let (_dir, _app, w) = main_window();
    let review = invoke(&w, "open_sample", json!({})).unwrap();

    let mut sung = oral_statement(&review, "Thank you", json!([]));
    sung["kind"] = json!("sung");
    let cases = [
        (
            "save_statement",
            json!({"id": null, "statement": sung}),
            "this statement",
        ),
        (
            "save_statement",
            json!({"id": null, "statement": "Thank you"}),
            "this statement",
        ),
        (
            "set_statement_status",
            json!({"id": 1, "status": "finished"}),
            "this status",
        ),
        (
            "state_page",
            json!({"state": "Mexico", "reviewId": review}),
            "this State",
        ),
        (
            "save_contact",
            json!({"id": null, "contact": {"state": mexico(), "place": "mission"}}),
            "this contact",
        ),
        (
            "save_contact",
            json!({"id": null, "contact": {"state": mexico(), "name": "Ana", "place": "embassy"}}),
            "this contact",
        ),
        (
            "save_meeting",
            json!({"id": null, "meeting": {"state": mexico(), "who": "Ana"}}),
            "this meeting",
        ),
        (
            "save_meeting",
            json!({"id": null, "meeting": {"state": mexico(), "date": "2021-03-10",
                "follow_up": {"title": "No date"}}}),
            "this meeting",
        ),
        (
            "set_state_lobbying",
            json!({"state": {"name": 3}, "status": "met", "notes": ""}),
            "this State",
        ),
        (
            "set_state_lobbying",
            json!({"state": mexico(), "status": "friendly", "notes": ""}),
            "this lobbying status",
        ),
    ];
    for (cmd, args, what) in cases {
        let err = invoke(&w, cmd, args.clone()).unwrap_err();
        assert_eq!(err["kind"], "invalid_input", "{cmd} {args}: {err}");
        let message = err["message"].as_str().unwrap();
        assert!(
            message.starts_with(&format!("Docket could not understand {what}"))
                && message.ends_with("so nothing was done."),
            "{cmd}: {message}"
        );
    }

    let too_many: Vec<i64> = (1..=501).collect();
    let err = invoke(&w, "quotes", json!({"ids": too_many})).unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");
    assert!(err["message"].as_str().unwrap().contains("500"), "{err}");

    let mut untitled = oral_statement(&review, "Thank you", json!([]));
    untitled["title"] = json!("");
    let err = invoke(
        &w,
        "save_statement",
        json!({"id": null, "statement": untitled}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "an empty title: {err}");
    assert_eq!(
        invoke(&w, "statements", json!({"reviewId": null})).unwrap(),
        json!([]),
        "refused requests write nothing"
    );
}
