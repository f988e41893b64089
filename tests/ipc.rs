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

fn temp_db() -> (tempfile::TempDir, Arc<Db>) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::new(Some(dir.path().join("docket.sqlite3")));
    (dir, db)
}

#[test]
fn sample_opens_lists_and_edits_through_ipc() {
    let (_dir, db) = temp_db();
    let app = app(db);
    let w = window(&app, "main");

    assert_eq!(invoke(&w, "list_reviews", json!({})).unwrap(), json!([]));
    let id = invoke(&w, "open_sample", json!({})).unwrap();
    let again = invoke(&w, "open_sample", json!({})).unwrap();
    assert_eq!(id, again, "opening the sample twice must not load it twice");

    let reviews = invoke(&w, "list_reviews", json!({})).unwrap();
    assert_eq!(reviews[0]["recommendations"], 347);
    assert_eq!(reviews[0]["state_under_review"], "United States of America");

    let page = invoke(
        &w,
        "list_recommendations",
        json!({"reviewId": id, "offset": 0, "limit": 12}),
    )
    .unwrap();
    assert_eq!(page["total"], 347);
    let paras: Vec<&str> = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["paragraph"].as_str().unwrap())
        .collect();
    assert_eq!(&paras[..3], ["26.1", "26.2", "26.3"]);
    assert_eq!(paras[9], "26.10", "paragraphs sort numerically");

    let rec_id = page["rows"][0]["id"].clone();
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

    let stats = invoke(&w, "review_stats", json!({"reviewId": id})).unwrap();
    assert_eq!(stats["by_position"]["supported"], 263);

    let info = invoke(&w, "app_info", json!({})).unwrap();
    assert!(info["db_path"]
        .as_str()
        .unwrap()
        .ends_with("docket.sqlite3"));
}

#[test]
fn errors_cross_ipc_as_kind_and_message() {
    let (_dir, db) = temp_db();
    let app = app(db);
    let w = window(&app, "main");

    let err = invoke(&w, "get_recommendation", json!({"id": 987654})).unwrap_err();
    assert_eq!(err["kind"], "not_found", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("no longer exists"),
        "{err}"
    );

    let err = invoke(
        &w,
        "list_recommendations",
        json!({"reviewId": 1, "offset": 0, "limit": 0}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");

    let id = invoke(&w, "open_sample", json!({})).unwrap();
    let page = invoke(
        &w,
        "list_recommendations",
        json!({"reviewId": id, "offset": 0, "limit": 1}),
    )
    .unwrap();
    let rec_id = page["rows"][0]["id"].clone();
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
            .contains("nothing was saved"),
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
