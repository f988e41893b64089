//! End-to-end tests in the real WebKitGTK webview of the real app binary, each with its own data
//! folder. They need an X display and tauri-driver: `make test-e2e` runs them under xvfb-run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::Path;

use docket_core::domain::{NewRecommendation, NewReview, Position};
use docket_core::Store;
use fantoccini::key::Key;
use fantoccini::Locator;
use support::{click, testid, wait_for, wait_text, wait_value, Driver};

fn app() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_docket"))
}

fn row(paragraph: &str) -> String {
    format!("{}[data-paragraph=\"{paragraph}\"]", testid("rec-row"))
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn first_run_sample_edit_and_restart_keeps_the_edits() {
    let home = tempfile::tempdir().unwrap();
    let driver = Driver::start(home.path());

    let c = driver.launch(app()).await;
    wait_for(&c, &testid("first-run")).await;
    click(&c, "open-sample").await;
    wait_text(&c, &testid("rec-count"), |t| t.contains("347")).await;

    wait_for(&c, &row("26.1")).await.click().await.unwrap();
    wait_text(&c, &testid("detail-pane"), |t| t.contains("26.1")).await;
    wait_for(&c, &testid("field-priority"))
        .await
        .select_by_value("high")
        .await
        .unwrap();
    wait_for(&c, &testid("saved-status")).await;
    let notes = wait_for(&c, &testid("field-notes")).await;
    notes.click().await.unwrap();
    notes.send_keys("Met the mission on 3 March").await.unwrap();
    click(&c, "save-notes").await;
    wait_text(&c, &testid("history"), |t| t.contains("Met the mission")).await;
    // The priority column of the table follows the edit.
    wait_text(&c, &row("26.1"), |t| t.contains("High")).await;
    c.close().await.unwrap();

    // Restart: a new app process on the same data folder.
    let c = driver.launch(app()).await;
    wait_text(&c, &testid("rec-count"), |t| t.contains("347")).await;
    wait_for(&c, &row("26.1")).await.click().await.unwrap();
    wait_value(&c, &testid("field-priority"), |v| v == "high").await;
    wait_value(&c, &testid("field-notes"), |v| {
        v == "Met the mission on 3 March"
    })
    .await;
    c.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn keyboard_moves_opens_and_closes() {
    let home = tempfile::tempdir().unwrap();
    let driver = Driver::start(home.path());
    {
        let mut store = Store::open(&driver.db_path()).unwrap();
        docket_core::sample::load(&mut store).unwrap();
    }
    let c = driver.launch(app()).await;
    wait_text(&c, &testid("rec-count"), |t| t.contains("347")).await;
    wait_for(&c, &row("26.1")).await;
    c.execute(
        "document.querySelector('[data-testid=\"rec-table\"]').focus()",
        vec![],
    )
    .await
    .unwrap();
    let table = c.active_element().await.unwrap();
    for _ in 0..2 {
        table.send_keys(&Key::Down.to_string()).await.unwrap();
    }
    wait_for(&c, &format!("{}[aria-selected=\"true\"]", row("26.2"))).await;
    table.send_keys(&Key::Enter.to_string()).await.unwrap();
    wait_text(&c, &testid("detail-pane"), |t| t.contains("26.2")).await;
    let active = c
        .execute(
            "return !!document.activeElement.closest('[data-testid=\"detail-pane\"]')",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        active,
        serde_json::Value::Bool(true),
        "Enter moves focus into the detail pane"
    );
    c.active_element()
        .await
        .unwrap()
        .send_keys(&Key::Escape.to_string())
        .await
        .unwrap();
    let deadline = std::time::Instant::now() + support::UI_TIMEOUT;
    while c.find(Locator::Css(&testid("detail-pane"))).await.is_ok() {
        assert!(
            std::time::Instant::now() < deadline,
            "Esc closes the detail pane"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    c.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn recommendation_text_is_rendered_inert() {
    const XSS: &str = "<img src=x onerror=alert(1)>";
    let home = tempfile::tempdir().unwrap();
    let driver = Driver::start(home.path());
    {
        let mut store = Store::open(&driver.db_path()).unwrap();
        let review = NewReview {
            state_under_review: "Narnia".into(),
            cycle: Some(4),
            wg_session: Some(45),
            review_date: Some("2024-01-22".into()),
            report_symbol: None,
            addendum_symbol: None,
            adoption_date: None,
        };
        let rec = NewRecommendation {
            paragraph: "1.1".into(),
            text: XSS.into(),
            states: vec!["<b>Atlantis</b>".into()],
            position: Position::Pending,
            position_source: None,
            themes: vec!["<script>alert(2)</script>".into()],
            groups_of_persons: vec![],
            sdgs: vec![],
            action_category: None,
            tracking: None,
        };
        store.create_review(&review, &[rec]).unwrap();
    }
    let c = driver.launch(app()).await;
    // WebDriver's "element text" mangles markup-like text in WebKitWebDriver, so read what the
    // page shows through innerText.
    let inner = |css: String| {
        let c = &c;
        async move {
            wait_for(c, &css).await;
            let script = format!(
                "return document.querySelector('{}').innerText",
                css.replace('\'', "\\'")
            );
            c.execute(&script, vec![])
                .await
                .unwrap()
                .as_str()
                .unwrap_or_default()
                .to_owned()
        }
    };
    let text = inner(row("1.1")).await;
    assert!(text.contains(XSS), "the row shows the characters: {text}");
    assert!(
        text.contains("<b>Atlantis</b>"),
        "the State is shown as written: {text}"
    );
    wait_for(&c, &row("1.1")).await.click().await.unwrap();
    let detail = inner(testid("detail-text")).await;
    assert_eq!(detail.trim(), XSS);
    let counts = c
        .execute(
            "return [document.querySelectorAll('img').length, document.querySelectorAll('b').length, document.querySelectorAll('body script').length]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        counts,
        serde_json::json!([0, 0, 0]),
        "no element was created from data"
    );
    assert!(
        c.get_alert_text().await.is_err(),
        "no alert may have been opened by the data"
    );
    c.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn a_newer_database_is_explained_and_kept() {
    let home = tempfile::tempdir().unwrap();
    let driver = Driver::start(home.path());
    let path = driver.db_path();
    {
        let store = Store::open(&path).unwrap();
        let next = docket_core::store::migrations::latest_version() + 1;
        store
            .conn()
            .pragma_update(None, "user_version", next)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let c = driver.launch(app()).await;
    let text = wait_text(&c, &testid("cannot-open"), |t| t.contains("newer version")).await;
    assert!(text.contains("left untouched"), "{text}");
    c.close().await.unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is kept as it was"
    );
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn a_second_launch_hands_over_to_the_running_app() {
    let home = tempfile::tempdir().unwrap();
    let bus = support::SessionBus::start();
    let driver = Driver::start_with_env(
        home.path(),
        &[("DBUS_SESSION_BUS_ADDRESS", bus.address.as_str())],
    );
    let c = driver.launch(app()).await;
    wait_for(&c, &testid("first-run")).await;

    let mut second = std::process::Command::new(app())
        .envs(driver.app_env())
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status = support::wait_exit(&mut second, std::time::Duration::from_secs(15));
    if status.is_none() {
        let _ = second.kill();
        let _ = second.wait();
    }
    assert!(
        status.is_some_and(|s| s.success()),
        "the second launch must exit and leave the running app in charge: {status:?}"
    );
    // The first instance carries on.
    click(&c, "open-sample").await;
    wait_text(&c, &testid("rec-count"), |t| t.contains("347")).await;
    c.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn the_window_size_is_remembered() {
    let home = tempfile::tempdir().unwrap();
    let driver = Driver::start(home.path());
    let c = driver.launch(app()).await;
    wait_for(&c, &testid("first-run")).await;
    c.set_window_size(1000, 700).await.unwrap();
    let deadline = std::time::Instant::now() + support::UI_TIMEOUT;
    while c.get_window_size().await.unwrap() != (1000, 700) {
        assert!(
            std::time::Instant::now() < deadline,
            "the window did not resize"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // The size is saved shortly after the window stops changing, then the app is ended.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    c.close().await.unwrap();

    let c = driver.launch(app()).await;
    wait_for(&c, &testid("first-run")).await;
    assert_eq!(c.get_window_size().await.unwrap(), (1000, 700));
    c.close().await.unwrap();
}

/// The user guide's screenshots, taken from the real app (`make screenshots` writes them to
/// docs/images; otherwise they go to a temp folder and are only checked).
#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn screenshots_for_the_user_guide() {
    let home = tempfile::tempdir().unwrap();
    let out = std::env::var_os("DOCKET_SCREENSHOTS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| home.path().join("shots"));
    std::fs::create_dir_all(&out).unwrap();
    let report = shared("slovenia-2025/A_HRC_59_15_working_group_report.txt");
    let driver = Driver::start_with_env(home.path(), &[("DOCKET_TEST_PICK_FILE", &report)]);
    let c = driver.launch(app()).await;
    c.set_window_size(1280, 800).await.unwrap();
    let shoot = |name: &'static str| {
        let c = &c;
        let out = out.clone();
        async move {
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            let png = c.screenshot().await.unwrap();
            assert!(png.starts_with(b"\x89PNG"), "{name} is a PNG");
            std::fs::write(out.join(format!("{name}.png")), png).unwrap();
        }
    };
    wait_for(&c, &testid("first-run")).await;
    shoot("first-run").await;
    click(&c, "open-sample").await;
    wait_text(&c, &testid("rec-count"), |t| t.contains("347")).await;
    shoot("review").await;
    wait_for(&c, &row("26.5")).await.click().await.unwrap();
    wait_for(&c, &testid("field-priority"))
        .await
        .select_by_value("high")
        .await
        .unwrap();
    wait_for(&c, &testid("saved-status")).await;
    let ask = wait_for(&c, &testid("field-our_ask")).await;
    ask.click().await.unwrap();
    ask.send_keys("Ratify the Convention on the Rights of the Child before the mid-term report.")
        .await
        .unwrap();
    click(&c, "save-our_ask").await;
    wait_text(&c, &testid("history"), |t| t.contains("Ratify")).await;
    shoot("detail").await;

    // Finding and tracking.
    click(&c, "close-detail").await;
    let search = wait_for(&c, &testid("search-box")).await;
    search.click().await.unwrap();
    search.send_keys("\"death penalty\"").await.unwrap();
    wait_for(&c, &format!("{} mark", testid("rec-row"))).await;
    wait_for(&c, &facet("position", "noted"))
        .await
        .click()
        .await
        .unwrap();
    wait_for(&c, &testid("filter-chip")).await;
    shoot("search").await;
    click(&c, "select-all-matching").await;
    wait_for(&c, &testid("bulk-bar")).await;
    wait_for(&c, &testid("bulk-priority"))
        .await
        .select_by_value("high")
        .await
        .unwrap();
    click(&c, "bulk-priority-apply").await;
    wait_for(&c, &testid("status-undo")).await;
    shoot("bulk-edit").await;
    // The calendar: the sample's dates, a deadline with its reminders, the month.
    click(&c, "mode-calendar").await;
    wait_for(
        &c,
        &format!("{}[data-kind=\"adoption\"]", testid("agenda-item")),
    )
    .await;
    shoot("calendar-agenda").await;
    let soon: Vec<String> = serde_json::from_value(
        c.execute(
            "const p = (n) => String(n).padStart(2, '0');
             const d = (days) => { const t = new Date(Date.now() + days * 86400000);
               return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}`; };
             return [d(3), d(9)];",
            vec![],
        )
        .await
        .unwrap(),
    )
    .unwrap();
    for (title, date, time) in [
        ("Brief the Mexican mission on 26.5", &soon[1], ""),
        ("Send the joint letter to the missions", &soon[0], "10:00"),
    ] {
        click(&c, "new-deadline").await;
        let field = wait_for(&c, &testid("deadline-title")).await;
        field.send_keys(title).await.unwrap();
        set_value(&c, "deadline-date", date).await;
        if !time.is_empty() {
            set_value(&c, "deadline-time", time).await;
            wait_for(&c, &testid("deadline-zone"))
                .await
                .select_by_value("Europe/Zurich")
                .await
                .unwrap();
        }
        let owner = wait_for(&c, &testid("deadline-owner")).await;
        owner.send_keys("Amina").await.unwrap();
        wait_for(
            &c,
            &format!("{}[data-minutes=\"10080\"]", testid("reminder-option")),
        )
        .await
        .click()
        .await
        .unwrap();
        if !time.is_empty() {
            shoot("deadline").await;
        }
        click(&c, "deadline-save").await;
        wait_text(
            &c,
            &format!("{}[data-kind=\"custom\"]", testid("agenda-item")),
            |t| !t.is_empty(),
        )
        .await;
    }
    // The week-before reminder of the second deadline is already due: its notice shows.
    wait_for(&c, &testid("reminder-toast")).await;
    click(&c, "reminder-dismiss").await;
    wait_for(&c, &format!("{} .dismiss", testid("status-message")))
        .await
        .click()
        .await
        .unwrap();
    click(&c, "view-month").await;
    wait_for(&c, &testid("month-event")).await;
    shoot("calendar-month").await;
    click(&c, "view-agenda").await;

    // A statement, over its time, with two recommendations quoted.
    click(&c, "mode-statements").await;
    click(&c, "new-oral").await;
    wait_for(&c, &testid("statement-editor")).await;
    let org = wait_for(&c, &testid("statement-organization")).await;
    org.clear().await.unwrap();
    org.send_keys("Human Rights Advocates").await.unwrap();
    let speaker = wait_for(&c, &testid("statement-speaker")).await;
    speaker.send_keys("Amina").await.unwrap();
    set_value(
        &c,
        "statement-text",
        &format!(
            "Madam President,\n\n{}\n\n",
            ["We welcome the engagement of the United States with this review, and we urge \
                 it to turn its support into action before the mid-term report."; 12]
                .join(" ")
        ),
    )
    .await;
    for paragraph in ["26.1", "26.2"] {
        let field = wait_for(&c, &testid("link-paragraph")).await;
        field.clear().await.unwrap();
        field.send_keys(paragraph).await.unwrap();
        click(&c, "link-add").await;
        wait_text(&c, &testid("statement-recs"), |t| t.contains(paragraph)).await;
    }
    click(&c, "insert-quotes").await;
    wait_for(&c, &testid("over-limit")).await;
    // Saved on its own: the list shows the new length.
    wait_text(&c, &testid("statement-row-budget"), |t| {
        first_number(t).is_some_and(|n| n > 300)
    })
    .await;
    shoot("statement").await;
    click(&c, "mode-states").await;
    wait_for(&c, &testid("state-rank")).await;
    shoot("lobbying").await;

    click(&c, "mode-dashboard").await;
    wait_for(&c, &slice("position", "noted")).await;
    wait_for(&c, &testid("next-deadline")).await;
    shoot("dashboard").await;
    click(&c, "dashboard-export").await;
    wait_for(&c, &testid("export-dialog")).await;
    set_value(&c, "export-format", "pdf").await;
    wait_text(&c, &testid("export-summary"), |t| t.contains("347")).await;
    shoot("export").await;
    c.active_element()
        .await
        .unwrap()
        .send_keys(&Key::Escape.to_string())
        .await
        .unwrap();
    let deadline = std::time::Instant::now() + support::UI_TIMEOUT;
    while c.find(Locator::Css(&testid("export-dialog"))).await.is_ok() {
        assert!(
            std::time::Instant::now() < deadline,
            "Esc closes the export dialog"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    click(&c, "mode-history").await;
    wait_for(&c, &testid("change")).await;
    shoot("history").await;

    // Importing the Slovenia report.
    click(&c, "import-button").await;
    wait_for(&c, &testid("paste-box")).await;
    shoot("import-start").await;
    click(&c, "choose-file").await;
    wait_text(&c, &testid("count-created"), |t| t == "254").await;
    shoot("import-preview").await;
    click(&c, "import-commit").await;
    wait_for(&c, &testid("import-result")).await;
    shoot("import-result").await;
    c.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn a_review_of_100000_recommendations_keeps_only_visible_rows_in_the_page() {
    const N: usize = 100_000;
    let home = tempfile::tempdir().unwrap();
    let driver = Driver::start(home.path());
    {
        let mut store = Store::open(&driver.db_path()).unwrap();
        let recs: Vec<NewRecommendation> = (0..N)
            .map(|i| NewRecommendation {
                paragraph: format!("{}.{}", 100 + i / 1000, i % 1000 + 1),
                text: format!("Generated recommendation number {i}"),
                states: vec!["Cabo Verde".into()],
                position: Position::Supported,
                position_source: None,
                themes: vec![],
                groups_of_persons: vec![],
                sdgs: vec![],
                action_category: None,
                tracking: None,
            })
            .collect();
        let review = NewReview {
            state_under_review: "Slovenia".into(),
            cycle: Some(4),
            wg_session: Some(46),
            review_date: None,
            report_symbol: None,
            addendum_symbol: None,
            adoption_date: None,
        };
        store.create_review(&review, &recs).unwrap();
    }
    let c = driver.launch(app()).await;
    wait_text(&c, &testid("rec-count"), |t| t.contains("100,000")).await;
    wait_for(&c, &row("100.1")).await;
    let rendered = || async {
        c.execute(
            "return document.querySelectorAll('[data-testid=\"rec-row\"]').length",
            vec![],
        )
        .await
        .unwrap()
        .as_u64()
        .unwrap()
    };
    let n = rendered().await;
    assert!(
        (1..200).contains(&n),
        "only the visible rows are in the DOM, not {n}"
    );
    // Jump to the end: the last recommendation is fetched and drawn, still with few rows.
    c.execute(
        "const g = document.querySelector('[data-testid=\"rec-table\"]'); g.scrollTop = g.scrollHeight;",
        vec![],
    )
    .await
    .unwrap();
    wait_for(&c, &row("199.1000")).await;
    let n = rendered().await;
    assert!(
        (1..200).contains(&n),
        "after scrolling, still only visible rows: {n}"
    );
    // Searching keeps the same bound: every recommendation matches "generated".
    let search = wait_for(&c, &testid("search-box")).await;
    search.click().await.unwrap();
    search.send_keys("generated").await.unwrap();
    wait_for(&c, &format!("{} mark", testid("rec-row"))).await;
    wait_text(&c, &testid("rec-count"), |t| t.contains("100,000")).await;
    let n = rendered().await;
    assert!(
        (1..200).contains(&n),
        "a search matching all 100,000 keeps only visible rows: {n}"
    );
    search.clear().await.unwrap();
    search.send_keys("\"number 99999\"").await.unwrap();
    wait_text(&c, &testid("rec-count"), |t| first_number(t) == Some(1)).await;
    wait_for(&c, &row("199.1000")).await;
    c.close().await.unwrap();
}

/// A file of the shared real data, as an absolute path for the app's file-dialog test seam.
fn shared(relative: &str) -> String {
    Path::new("../shared/data")
        .join(relative)
        .canonicalize()
        .expect("the shared data folder is beside the project")
        .display()
        .to_string()
}

/// Starts the app on an empty data folder whose file dialog answers `file`, and imports it from
/// the first-run screen, up to the preview.
async fn import_from_first_run(home: &Path, file: &str) -> (Driver, fantoccini::Client) {
    let driver = Driver::start_with_env(home, &[("DOCKET_TEST_PICK_FILE", file)]);
    let c = driver.launch(app()).await;
    click(&c, "first-run-import").await;
    click(&c, "choose-file").await;
    (driver, c)
}

/// Imports the previewed file, waits for the result (which must mention `result`) and opens the
/// review, whose count must mention `count`.
async fn commit_and_open(c: &fantoccini::Client, result: &str, count: &str) {
    click(c, "import-commit").await;
    wait_text(c, &testid("import-result"), |t| t.contains(result)).await;
    click(c, "open-imported-review").await;
    wait_text(c, &testid("rec-count"), |t| t.contains(count)).await;
}

/// Counts by position of the first review in the app's database (the app closed).
fn positions_of_first_review(driver: &Driver) -> std::collections::BTreeMap<String, i64> {
    let store = Store::open(&driver.db_path()).unwrap();
    let review = store.list_reviews().unwrap()[0].id;
    store.stats(review).unwrap().by_position
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn the_us_spreadsheet_imports_through_the_column_mapping() {
    let home = tempfile::tempdir().unwrap();
    let file = shared("us-2020/recommendations.csv");
    let (driver, c) = import_from_first_run(home.path(), &file).await;
    // No review columns: Docket asks which review, and shows the columns it guessed.
    wait_text(&c, &testid("review-chooser"), |t| {
        t.contains("no column for the State under review")
    })
    .await;
    wait_text(&c, &testid("mapping-source"), |t| t.contains("guessed")).await;
    let state = wait_for(&c, &testid("review-state")).await;
    state.send_keys("United States of America").await.unwrap();
    let session = wait_for(&c, &testid("review-session")).await;
    session.send_keys("36").await.unwrap();
    click(&c, "review-submit").await;

    wait_text(&c, &testid("count-created"), |t| t == "347").await;
    wait_text(&c, &testid("count-positions"), |t| t == "347").await;
    commit_and_open(&c, "347 new recommendations", "347").await;
    c.close().await.unwrap();

    // The positions are stored as in the source: 263 supported, 67 noted, 17 in part.
    let positions = positions_of_first_review(&driver);
    assert_eq!(positions.get("supported"), Some(&263));
    assert_eq!(positions.get("noted"), Some(&67));
    assert_eq!(positions.get("supported_in_part"), Some(&17));
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn a_report_file_then_its_thematic_list_pasted() {
    let home = tempfile::tempdir().unwrap();
    let file = shared("slovenia-2025/A_HRC_59_15_working_group_report.txt");
    let thematic = std::fs::read_to_string(shared("slovenia-2025/thematic_list.md")).unwrap();
    let (driver, c) = import_from_first_run(home.path(), &file).await;
    // What the report's text says about the review is shown for confirmation.
    wait_text(&c, &testid("report-facts"), |t| {
        t.contains("Slovenia") && t.contains("A/HRC/59/15")
    })
    .await;
    wait_text(&c, &testid("count-created"), |t| t == "254").await;
    commit_and_open(&c, "254 new recommendations", "254").await;

    // The thematic list, pasted: its positions join onto the same recommendations.
    click(&c, "import-button").await;
    wait_for(&c, &testid("paste-box")).await;
    c.execute(
        "const box = document.querySelector('[data-testid=\"paste-box\"]');
         box.value = arguments[0];
         box.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![serde_json::json!(thematic)],
    )
    .await
    .unwrap();
    click(&c, "preview-paste").await;
    wait_text(&c, &testid("count-positions"), |t| t == "254").await;
    wait_text(&c, &testid("count-created"), |t| t == "0").await;
    commit_and_open(&c, "Imported", "254").await;
    c.close().await.unwrap();

    let positions = positions_of_first_review(&driver);
    assert_eq!(positions.get("supported"), Some(&217));
    assert_eq!(positions.get("noted"), Some(&37));
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn a_long_import_shows_progress_and_cancel_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    // 100,000 rows of a UPR Info export: long enough (debug build) to show the progress bar.
    let file = home.path().join("big-upr-info.csv");
    let mut csv = String::from(
        "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r",
    );
    for i in 0..100_000 {
        csv.push_str(&format!(
            "Narnia,WEOG,,Generated recommendation number {i},Ghana,Africa,AU,Accepted,3,Justice,{}\r",
            1 + i % 5
        ));
    }
    std::fs::write(&file, csv).unwrap();
    let path = file.display().to_string();
    let (driver, c) = import_from_first_run(home.path(), &path).await;
    wait_text(&c, &testid("import-progress-count"), |t| {
        t.contains("of 100,000 recommendations")
    })
    .await;
    click(&c, "import-cancel").await;
    wait_text(&c, &testid("import-cancelled"), |t| {
        t.contains("nothing was changed")
    })
    .await;
    wait_for(&c, &testid("choose-file")).await;
    c.close().await.unwrap();

    let store = Store::open(&driver.db_path()).unwrap();
    assert!(store.list_reviews().unwrap().is_empty());
}

/// The first number in a text ("36 of 347 recommendations" → 36), thousands separators allowed.
fn first_number(text: &str) -> Option<i64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Whether `text` has the words of `phrase` one after the other, as a person reads them: case
/// ignored, punctuation between words ignored (computed here without the search index).
fn has_phrase(text: &str, phrase: &[&str]) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(phrase.len())
        .any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
}

/// Priority of every recommendation, by paragraph (the app closed).
fn priorities(path: &Path) -> std::collections::BTreeMap<String, Option<String>> {
    let store = Store::open(path).unwrap();
    let mut stmt = store
        .conn()
        .prepare("SELECT paragraph, priority FROM recommendation")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    rows
}

/// A facet value's button in the facets sidebar.
fn facet(facet: &str, value: &str) -> String {
    format!(
        "{}[data-facet=\"{facet}\"][data-value=\"{value}\"]",
        testid("facet-value")
    )
}

/// A clickable slice of a dashboard chart.
fn slice(chart: &str, value: &str) -> String {
    format!(
        "{}[data-chart=\"{chart}\"][data-value=\"{value}\"]",
        testid("slice")
    )
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn search_facets_bulk_edit_and_undo_on_the_sample() {
    let home = tempfile::tempdir().unwrap();
    let driver = Driver::start(home.path());
    // The sample, with a few priorities set beforehand, so that Undo has values to restore.
    let (expected, noted, supported) = {
        let mut store = Store::open(&driver.db_path()).unwrap();
        let review = docket_core::sample::load(&mut store).unwrap();
        for (paragraph, priority) in [("26.1", "low"), ("26.4", "medium"), ("26.20", "low")] {
            let id = store.recommendation_id(review, paragraph).unwrap();
            let edit =
                serde_json::from_value(serde_json::json!({"field": "priority", "value": priority}))
                    .unwrap();
            store.edit_tracking(id, &edit, "Test").unwrap();
        }
        // Recommendations whose searchable text (the recommendation, its themes) has the phrase.
        let mut stmt = store
            .conn()
            .prepare(
                "SELECT r.text || ' ' || coalesce((SELECT group_concat(l.value, ' | ')
                   FROM recommendation_label l WHERE l.recommendation_id = r.id AND l.kind <> 'tag'), ''),
                   r.position
                 FROM recommendation r",
            )
            .unwrap();
        let rows: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let expected = rows
            .iter()
            .filter(|(text, _)| has_phrase(text, &["death", "penalty"]))
            .count() as i64;
        let count = |position: &str| rows.iter().filter(|(_, p)| p == position).count() as i64;
        (expected, count("noted"), count("supported"))
    };
    assert_eq!(noted, 67);
    let before = priorities(&driver.db_path());

    let c = driver.launch(app()).await;
    wait_text(&c, &testid("rec-count"), |t| t.contains("347")).await;
    let search = wait_for(&c, &testid("search-box")).await;
    search.click().await.unwrap();
    search.send_keys("\"death penalty\"").await.unwrap();
    wait_text(&c, &testid("rec-count"), |t| {
        first_number(t) == Some(expected)
    })
    .await;
    // The words found are highlighted in the list.
    wait_text(&c, &format!("{} mark", testid("rec-row")), |t| {
        t.eq_ignore_ascii_case("death") || t.eq_ignore_ascii_case("penalty")
    })
    .await;

    // Clear the search, then narrow to the noted recommendations.
    search.clear().await.unwrap();
    wait_text(&c, &testid("rec-count"), |t| first_number(t) == Some(347)).await;
    wait_for(&c, &facet("position", "noted"))
        .await
        .click()
        .await
        .unwrap();
    wait_text(&c, &testid("rec-count"), |t| first_number(t) == Some(67)).await;

    // Select them all and set their priority in one step.
    click(&c, "select-all-matching").await;
    wait_text(&c, &testid("selected-count"), |t| {
        first_number(t) == Some(67)
    })
    .await;
    wait_for(&c, &testid("bulk-priority"))
        .await
        .select_by_value("high")
        .await
        .unwrap();
    click(&c, "bulk-priority-apply").await;
    wait_text(&c, &facet("priority", "high"), |t| {
        first_number(t) == Some(67)
    })
    .await;

    // Undo (Ctrl+Z, focus on the list) restores every priority as it was.
    wait_for(&c, &testid("rec-table"))
        .await
        .click()
        .await
        .unwrap();
    c.active_element()
        .await
        .unwrap()
        .send_keys(&format!("{}z", Key::Control))
        .await
        .unwrap();
    // The high-priority facet value disappears (or counts zero) once Undo is done.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let shown = match c.find(Locator::Css(&facet("priority", "high"))).await {
            Ok(e) => first_number(&e.text().await.unwrap_or_default()).unwrap_or(0),
            Err(_) => 0,
        };
        if shown == 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "after Undo no recommendation should be high priority ({shown} still are)"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    // The review's history shows the bulk edit as one change, and its undo.
    click(&c, "mode-history").await;
    wait_text(&c, &testid("review-history"), |t| {
        t.contains("Undid: Priority set to High on 67 recommendations")
    })
    .await;
    // A slice of the dashboard opens the list filtered by it.
    click(&c, "mode-dashboard").await;
    wait_for(&c, &slice("position", "supported"))
        .await
        .click()
        .await
        .unwrap();
    wait_text(&c, &testid("rec-count"), |t| {
        first_number(t) == Some(supported)
    })
    .await;
    c.close().await.unwrap();
    assert_eq!(
        priorities(&driver.db_path()),
        before,
        "Undo restored every priority"
    );
}

/// Sets a form control's value as typing would (date and time inputs take no keys reliably in
/// WebKitGTK).
async fn set_value(c: &fantoccini::Client, id: &str, value: &str) {
    wait_for(c, &testid(id)).await;
    c.execute(
        "const el = document.querySelector(arguments[0]);
         el.value = arguments[1];
         el.dispatchEvent(new Event('input', { bubbles: true }));
         el.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![testid(id).into(), value.into()],
    )
    .await
    .unwrap();
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn the_agenda_shows_the_adoption_and_a_reminder_due_now_notifies() {
    let home = tempfile::tempdir().unwrap();
    let log = home.path().join("notifications.jsonl");
    let ics = home.path().join("calendar.ics");
    let driver = Driver::start_with_env(
        home.path(),
        &[
            ("DOCKET_TEST_NOTIFICATIONS", log.to_str().unwrap()),
            ("DOCKET_TEST_SAVE_FILE", ics.to_str().unwrap()),
        ],
    );
    let c = driver.launch(app()).await;
    click(&c, "open-sample").await;
    wait_text(&c, &testid("rec-count"), |t| t.contains("347")).await;

    // The sample's agenda: the adoption on 17 March 2021, confirmed by the review's record.
    click(&c, "mode-calendar").await;
    wait_for(&c, &testid("calendar-view")).await;
    let adoption = format!("{}[data-kind=\"adoption\"]", testid("agenda-item"));
    let text = wait_text(&c, &adoption, |t| t.contains("17 Mar 2021")).await;
    assert!(text.contains("HRC46"), "{text}");
    wait_for(&c, &format!("{adoption} {}", testid("badge-confirmed"))).await;

    // A deadline due in 30 minutes with a reminder an hour before: the reminder is due now.
    let when: Vec<String> = serde_json::from_value(
        c.execute(
            "const d = new Date(Date.now() + 30 * 60000);
             const p = (n) => String(n).padStart(2, '0');
             return [`${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`,
                     `${p(d.getHours())}:${p(d.getMinutes())}`];",
            vec![],
        )
        .await
        .unwrap(),
    )
    .unwrap();
    click(&c, "new-deadline").await;
    wait_for(&c, &testid("deadline-dialog")).await;
    let title = wait_for(&c, &testid("deadline-title")).await;
    title
        .send_keys("Send the joint letter to the missions")
        .await
        .unwrap();
    set_value(&c, "deadline-date", &when[0]).await;
    set_value(&c, "deadline-time", &when[1]).await;
    wait_for(
        &c,
        &format!("{}[data-minutes=\"60\"]", testid("reminder-option")),
    )
    .await
    .click()
    .await
    .unwrap();
    click(&c, "deadline-save").await;

    // The notification is requested (the test seam records the request) …
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let requested = loop {
        let logged = std::fs::read_to_string(&log).unwrap_or_default();
        if logged.contains("Send the joint letter to the missions") {
            break logged;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no notification request recorded in {}",
            log.display()
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert_eq!(requested.lines().count(), 1, "one request: {requested}");
    // … the app says so, and the deadline shows as due in the agenda.
    wait_text(&c, &testid("reminder-toast"), |t| {
        t.contains("Send the joint letter")
    })
    .await;
    let item = format!("{}[data-kind=\"custom\"]", testid("agenda-item"));
    wait_text(&c, &item, |t| t.contains("Send the joint letter")).await;
    wait_for(&c, &format!("{item} {}", testid("badge-due"))).await;

    // The month view shows it on its day.
    click(&c, "view-month").await;
    wait_for(
        &c,
        &format!(
            "{}[data-date=\"{}\"] {}",
            testid("month-day"),
            when[0],
            testid("month-event")
        ),
    )
    .await;

    // Exported for other calendars: the adoption and the deadline with its alarm.
    click(&c, "export-ics").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !ics.exists() {
        assert!(std::time::Instant::now() < deadline, "no .ics written");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let written = std::fs::read_to_string(&ics).unwrap();
    assert!(written.starts_with("BEGIN:VCALENDAR\r\n"), "{written}");
    assert!(
        written.contains("UID:upr-usa-wg36-adoption@docket.local"),
        "{written}"
    );
    assert!(written.contains("DTSTART;VALUE=DATE:20210317"), "{written}");
    assert!(written.contains("BEGIN:VALARM"), "{written}");
    c.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn a_statement_over_its_time_quotes_recommendations_and_registers_and_mexico_has_its_page() {
    // Mexico's recommendations in the sample, in paragraph order.
    let mexico: Vec<String> = docket_core::sample::recommendations()
        .unwrap()
        .into_iter()
        .filter(|r| r.states.iter().any(|s| s == "Mexico"))
        .map(|r| r.paragraph)
        .collect();
    assert!(
        mexico.len() >= 3,
        "Mexico made recommendations to the US: {mexico:?}"
    );
    let (text_261, text_262) = {
        let all = docket_core::sample::recommendations().unwrap();
        let text = |p: &str| all.iter().find(|r| r.paragraph == p).unwrap().text.clone();
        (text("26.1"), text("26.2"))
    };

    let home = tempfile::tempdir().unwrap();
    let driver = Driver::start(home.path());
    let c = driver.launch(app()).await;
    click(&c, "open-sample").await;
    wait_text(&c, &testid("rec-count"), |t| t.contains("347")).await;

    // A 300-word oral statement with the default 2:00 at 130 words a minute: 40 words too many.
    click(&c, "mode-statements").await;
    click(&c, "new-oral").await;
    wait_for(&c, &testid("statement-editor")).await;
    let words = vec!["rights"; 300].join(" ");
    set_value(&c, "statement-text", &words).await;
    wait_text(&c, &testid("statement-budget"), |t| t.contains("300")).await;
    wait_text(&c, &testid("over-limit"), |t| t.contains("40 words")).await;

    // Link 26.1 and 26.2 and insert them into the text.
    for paragraph in ["26.1", "26.2"] {
        let field = wait_for(&c, &testid("link-paragraph")).await;
        field.clear().await.unwrap();
        field.send_keys(paragraph).await.unwrap();
        click(&c, "link-add").await;
        wait_text(&c, &testid("statement-recs"), |t| t.contains(paragraph)).await;
    }
    click(&c, "insert-quotes").await;
    let text = wait_value(&c, &testid("statement-text"), |v| {
        v.contains("26.1") && v.contains("26.2")
    })
    .await;
    let first_words = |t: &str| t.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    assert!(text.contains(&first_words(&text_261)), "{text}");
    assert!(text.contains(&first_words(&text_262)), "{text}");
    assert!(text.find("26.1").unwrap() < text.find("26.2").unwrap());

    // Drafting → final → registered on the speakers list: a reminder appears in the agenda.
    for status in ["drafting", "final", "registered"] {
        click(&c, &format!("status-{status}")).await;
        wait_text(&c, &testid("statement-status"), |t| {
            t.to_lowercase().contains(status)
        })
        .await;
    }
    click(&c, "mode-calendar").await;
    let item = format!("{}[data-kind=\"custom\"]", testid("agenda-item"));
    wait_text(&c, &item, |t| t.contains("speakers list")).await;

    // The page of Mexico lists its recommendations to the United States.
    click(&c, "mode-states").await;
    wait_for(
        &c,
        &format!(
            "{}[data-iso3=\"MEX\"] {}",
            testid("state-rank"),
            testid("state-open")
        ),
    )
    .await
    .click()
    .await
    .unwrap();
    wait_text(&c, &testid("state-name"), |t| t.contains("Mexico")).await;
    let listed = c
        .find_all(Locator::Css(&format!(
            "{} {}",
            testid("state-recs-review"),
            testid("state-rec")
        )))
        .await
        .unwrap();
    let mut shown = Vec::new();
    for rec in listed {
        shown.push(
            rec.attr("data-paragraph")
                .await
                .unwrap()
                .unwrap_or_default(),
        );
    }
    assert_eq!(shown, mexico);
    c.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs an X display and tauri-driver: run `make test-e2e`"]
async fn a_briefing_of_a_search_is_exported_as_pdf_and_opened() {
    let home = tempfile::tempdir().unwrap();
    let pdf = home.path().join("torture briefing.pdf");
    let opened = home.path().join("opened.log");
    let driver = Driver::start_with_env(
        home.path(),
        &[
            ("DOCKET_TEST_SAVE_FILE", pdf.to_str().unwrap()),
            ("DOCKET_TEST_OPEN", opened.to_str().unwrap()),
        ],
    );
    // The sample, with the organization's name set in Settings beforehand.
    let found = {
        let mut store = Store::open(&driver.db_path()).unwrap();
        let review = docket_core::sample::load(&mut store).unwrap();
        store.set_organization_name("Rights Watchers").unwrap();
        let ids = store
            .search_ids(&docket_core::store::search::SearchRequest {
                review_id: Some(review),
                query: "torture".into(),
                ..Default::default()
            })
            .unwrap();
        ids.iter()
            .map(|&id| store.recommendation(id).unwrap().paragraph)
            .collect::<Vec<_>>()
    };
    assert!(found.len() > 3, "{found:?}");

    let c = driver.launch(app()).await;
    wait_text(&c, &testid("rec-count"), |t| t.contains("347")).await;
    let search = wait_for(&c, &testid("search-box")).await;
    search.click().await.unwrap();
    search.send_keys("torture").await.unwrap();
    wait_text(&c, &testid("rec-count"), |t| {
        first_number(t) == Some(found.len() as i64)
    })
    .await;

    // Export… the search as a thematic briefing in PDF: the summary says what will be written.
    click(&c, "export-button").await;
    wait_for(&c, &testid("export-dialog")).await;
    set_value(&c, "export-template", "thematic").await;
    set_value(&c, "export-format", "pdf").await;
    wait_text(&c, &testid("export-summary"), |t| {
        t.contains(&format!(
            "{} recommendations found for “torture”",
            found.len()
        ))
    })
    .await;
    click(&c, "export-save").await;
    wait_text(&c, &testid("export-done"), |t| {
        t.contains("torture briefing.pdf")
    })
    .await;

    // The file holds the organization, and every recommendation found, by paragraph number.
    let text =
        docket_core::import::extract::pdf_text(&std::fs::read(&pdf).unwrap(), "brief.pdf").unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Rights Watchers"), "{flat}");
    assert!(flat.contains("Thematic briefing"), "{flat}");
    for paragraph in &found {
        assert!(flat.contains(paragraph.as_str()), "{paragraph} in {flat}");
    }
    let names: Vec<String> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".part")), "{names:?}");

    // Open and Show in folder go to the system with the file written, and nothing else.
    click(&c, "export-open-file").await;
    click(&c, "export-show-folder").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let log = loop {
        let log = std::fs::read_to_string(&opened).unwrap_or_default();
        if log.lines().count() == 2 {
            break log;
        }
        assert!(std::time::Instant::now() < deadline, "not opened: {log}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert_eq!(
        log,
        format!("open {0}\nreveal {0}\n", pdf.display()),
        "the file written is opened, then shown in its folder"
    );
    c.close().await.unwrap();
}
