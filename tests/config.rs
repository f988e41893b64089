//! The security baseline, checked on the files that ship: the CSP allows nothing remote, the
//! global Tauri object is off, the one capability names the main window only, and every app
//! command is declared (so it needs a permission), registered and allowed — no more, no less.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use serde_json::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The quoted names in the `COMMANDS` list of build.rs.
fn declared_commands() -> BTreeSet<String> {
    let src = read("src-tauri/build.rs");
    let start = src
        .find("const COMMANDS")
        .expect("build.rs declares COMMANDS");
    let list = &src[start..src[start..].find("];").expect("end of COMMANDS") + start];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The commands in `generate_handler![...]` of lib.rs.
fn registered_commands() -> BTreeSet<String> {
    let src = read("src-tauri/src/lib.rs");
    let start = src
        .find("generate_handler![")
        .expect("lib.rs registers commands");
    let end = src[start..].find(']').expect("end of generate_handler") + start;
    src[start + "generate_handler![".len()..end]
        .split(',')
        // `module::command` → `command`.
        .map(|s| s.trim().rsplit("::").next().unwrap_or("").to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn csp_allows_nothing_remote_and_no_eval() {
    let conf = json("tauri.conf.json");
    let security = &conf["app"]["security"];
    let csp = security["csp"]
        .as_object()
        .expect("the CSP is a map, never null");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'", "scripts only from the app");
    assert_eq!(csp["object-src"], "'none'");
    for (directive, sources) in csp {
        let sources = sources.as_str().unwrap();
        for source in sources.split_whitespace() {
            assert!(
                !source.contains('*') && source != "'unsafe-eval'" && source != "blob:",
                "{directive}: {source} is not allowed"
            );
            let remote = source.starts_with("http:")
                || source.starts_with("https:")
                || source.starts_with("ws:")
                || source.starts_with("wss:");
            assert!(
                !remote || (directive == "connect-src" && source == "http://ipc.localhost"),
                "{directive}: {source} would load remote content"
            );
        }
    }
    assert_eq!(conf["app"]["withGlobalTauri"], false);
    assert_eq!(security["freezePrototype"], true);
    assert_eq!(security["capabilities"], serde_json::json!(["main-window"]));
}

#[test]
fn the_capability_is_for_the_main_window_only() {
    let cap = json("src-tauri/capabilities/main.json");
    assert_eq!(cap["identifier"], "main-window");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    assert!(cap.get("webviews").is_none() && cap.get("remote").is_none());
    let windows = json("tauri.conf.json")["app"]["windows"].clone();
    assert_eq!(
        windows[0]["label"], "main",
        "the app's one window is named main"
    );
}

#[test]
fn every_command_is_declared_registered_and_allowed() {
    let declared = declared_commands();
    assert!(declared.len() >= 7, "{declared:?}");
    assert_eq!(
        declared,
        registered_commands(),
        "build.rs COMMANDS vs generate_handler!"
    );
    let allowed: BTreeSet<String> = json("src-tauri/capabilities/main.json")["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    let expected: BTreeSet<String> = declared
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert_eq!(
        allowed, expected,
        "the capability allows exactly the app's commands"
    );
}
