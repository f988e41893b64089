//! `docket-cli` end to end: the built binary on a temp database.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Value};
use tempfile::TempDir;

/// Runs the binary with `args` (after `--db PATH` when `db` is given).
fn run(db: Option<&Path>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_docket-cli"));
    if let Some(db) = db {
        cmd.arg("--db").arg(db);
    }
    cmd.args(args).output().expect("run docket-cli")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 stderr")
}

/// Runs a command that must succeed; returns its standard output.
fn ok(db: &Path, args: &[&str]) -> String {
    let o = run(Some(db), args);
    assert!(
        o.status.success(),
        "docket-cli {args:?} failed ({}): {}",
        o.status,
        stderr(&o)
    );
    stdout(&o)
}

/// Runs a command that must fail; returns its standard error.
/// `export --review ID --template TEMPLATE` followed by `rest`.
fn export_args<'a>(review: &'a str, template: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["export", "--review", review, "--template", template];
    args.extend_from_slice(rest);
    args
}

fn fails(db: &Path, args: &[&str]) -> String {
    let o = run(Some(db), args);
    assert!(
        !o.status.success(),
        "docket-cli {args:?} should fail, printed {}",
        stdout(&o)
    );
    assert!(
        stdout(&o).is_empty(),
        "nothing on stdout when failing: {}",
        stdout(&o)
    );
    let err = stderr(&o);
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "a plain message, not a panic: {err}"
    );
    err
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// A temp folder, its database path, and the sample loaded into it; returns the review id.
fn with_sample() -> (TempDir, PathBuf, i64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("x.sqlite3");
    let id = ok(&db, &["sample"])
        .trim()
        .parse()
        .expect("`sample` prints the review id");
    (dir, db, id)
}

#[test]
fn sample_prints_the_same_id_every_time() {
    let (_dir, db, id) = with_sample();
    assert!(db.exists(), "the database was created at --db");
    let again: i64 = ok(&db, &["sample"]).trim().parse().expect("an id");
    assert_eq!(
        again, id,
        "loading the sample again returns the stored review"
    );
    let reviews = json_of(&ok(&db, &["reviews", "--json"]));
    assert_eq!(
        reviews.as_array().map(Vec::len),
        Some(1),
        "no second review: {reviews}"
    );
}

#[test]
fn reviews_json_lists_the_sample() {
    let (_dir, db, id) = with_sample();
    let reviews = json_of(&ok(&db, &["reviews", "--json"]));
    let list = reviews.as_array().expect("an array");
    assert_eq!(list.len(), 1, "one review: {reviews}");
    let r = &list[0];
    assert_eq!(r["id"], json!(id));
    assert_eq!(r["state_under_review"], json!("United States of America"));
    assert_eq!(r["recommendations"], json!(347));
    assert_eq!(r["report_symbol"], json!("A/HRC/46/15"));
    assert_eq!(r["cycle"], json!(3));
}

#[test]
fn reviews_text_lists_the_sample_and_says_when_there_is_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("x.sqlite3");
    let empty = ok(&db, &["reviews"]);
    assert!(empty.contains("No reviews yet"), "empty database: {empty}");
    let id: i64 = ok(&db, &["sample"]).trim().parse().expect("id");
    let text = ok(&db, &["reviews"]);
    for fact in [
        id.to_string().as_str(),
        "United States of America",
        "cycle 3",
        "WG 36",
        "2020-11-09",
        "347 recommendations",
    ] {
        assert!(text.contains(fact), "`reviews` shows {fact:?}: {text}");
    }
}

#[test]
fn stats_json_has_exactly_the_documented_shape() {
    let (_dir, db, id) = with_sample();
    let stats = json_of(&ok(&db, &["stats", "--review", &id.to_string(), "--json"]));
    let obj = stats.as_object().expect("an object");
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        vec![
            "by_position",
            "by_regional_group",
            "by_theme",
            "recommendations",
            "review"
        ],
        "top-level keys"
    );
    assert_eq!(stats["review"], json!(id));
    assert_eq!(stats["recommendations"], json!(347));
    assert_eq!(
        stats["by_position"],
        json!({"supported": 263, "noted": 67, "supported_in_part": 17, "pending": 0}),
        "by_position"
    );
    let groups = stats["by_regional_group"]
        .as_object()
        .expect("groups object");
    for g in ["WEOG", "GRULAC", "African", "Asia-Pacific", "EEG"] {
        assert!(
            groups.get(g).and_then(Value::as_i64).unwrap_or(0) > 0,
            "{g} recommended something: {groups:?}"
        );
    }
    assert!(
        !groups.contains_key("unknown"),
        "every State known: {groups:?}"
    );
    let themes = stats["by_theme"].as_object().expect("themes object");
    assert!(
        themes
            .get("Death penalty")
            .and_then(Value::as_i64)
            .unwrap_or(0)
            > 0,
        "themes counted: {themes:?}"
    );
    assert!(themes.values().all(Value::is_i64), "counts are integers");
}

#[test]
fn stats_text_shows_the_counts() {
    let (_dir, db, id) = with_sample();
    let text = ok(&db, &["stats", "--review", &id.to_string()]);
    for fact in [
        "347 recommendations",
        "263  supported",
        "67  noted",
        "17  supported_in_part",
        "WEOG",
        "GRULAC",
        "By theme",
    ] {
        assert!(text.contains(fact), "`stats` shows {fact:?}: {text}");
    }
}

#[test]
fn show_json_of_a_corrected_recommendation() {
    let (_dir, db, id) = with_sample();
    let d = json_of(&ok(
        &db,
        &["show", "--review", &id.to_string(), "26.347", "--json"],
    ));
    assert_eq!(d["paragraph"], json!("26.347"));
    assert_eq!(d["review_id"], json!(id));
    assert_eq!(d["position"], json!("supported"));
    assert_eq!(
        d["recommending_states"],
        json!([{"name": "Nicaragua", "iso3": "NIC", "regional_group": "GRULAC"}]),
        "recommending_states"
    );
    assert!(
        d["themes"].is_array(),
        "themes is an array: {}",
        d["themes"]
    );
    assert_eq!(d["themes"], json!(["Migrants"]));
    let text = d["text"].as_str().expect("text");
    assert!(
        !text.contains("(Nicaragua)"),
        "text without the State: {text}"
    );
    assert!(d["tracking"].is_object(), "tracking included");
    assert_eq!(d["history"], json!([]), "no history yet");
}

#[test]
fn show_text_has_the_key_facts() {
    let (_dir, db, id) = with_sample();
    let text = ok(&db, &["show", "--review", &id.to_string(), "26.161"]);
    for fact in [
        "26.161",
        "noted",
        "Put an end to sanctions",
        "Venezuela (Bolivarian Republic of) (GRULAC)",
        "Nicaragua (GRULAC)",
        "Unilateral coercive measures",
    ] {
        assert!(text.contains(fact), "`show` shows {fact:?}: {text}");
    }
}

#[test]
fn show_of_a_missing_paragraph_fails_naming_it() {
    let (_dir, db, id) = with_sample();
    let err = fails(&db, &["show", "--review", &id.to_string(), "26.999"]);
    assert!(err.contains("26.999"), "names the paragraph: {err}");
}

#[test]
fn stats_of_a_missing_review_fails_plainly() {
    let (_dir, db, id) = with_sample();
    let err = fails(&db, &["stats", "--review", &(id + 1).to_string()]);
    assert!(
        err.contains("no review"),
        "says the review is missing: {err}"
    );
}

#[test]
fn a_text_file_as_db_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("notes.txt");
    let content = "Coalition notes: lobby the mission before HRC46.\n";
    std::fs::write(&db, content).expect("write");
    for args in [&["sample"][..], &["reviews", "--json"][..]] {
        let err = fails(&db, args);
        assert!(err.contains("left untouched"), "{args:?}: {err}");
        assert!(
            err.contains(&db.display().to_string()),
            "names the file: {err}"
        );
        assert_eq!(
            std::fs::read_to_string(&db).expect("read"),
            content,
            "file unchanged"
        );
    }
}

#[test]
fn a_newer_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("x.sqlite3");
    ok(&db, &["sample"]);
    bump_user_version(&db);
    let before = std::fs::read(&db).expect("read");
    let err = fails(&db, &["reviews"]);
    assert!(err.contains("newer version of Docket"), "says why: {err}");
    assert!(
        err.contains("left untouched"),
        "says the file is kept: {err}"
    );
    assert!(
        std::fs::read(&db).expect("read") == before,
        "file unchanged"
    );
}

/// Raises the file's `user_version` by one without a SQLite library: the header stores it
/// big-endian at byte 60 (<https://www.sqlite.org/fileformat.html#user_version_number>). The
/// database was closed cleanly, so the main file holds everything (no -wal left).
fn bump_user_version(db: &Path) {
    assert!(
        !db.with_extension("sqlite3-wal").exists(),
        "the database was checkpointed and its log removed on close"
    );
    let mut bytes = std::fs::read(db).expect("read");
    let version = u32::from_be_bytes([bytes[60], bytes[61], bytes[62], bytes[63]]);
    assert!(version >= 1, "a Docket database has a version");
    bytes[60..64].copy_from_slice(&(version + 1).to_be_bytes());
    std::fs::write(db, bytes).expect("write");
}

#[cfg(target_os = "linux")]
#[test]
fn without_db_the_app_database_in_xdg_data_home_is_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let out = Command::new(env!("CARGO_BIN_EXE_docket-cli"))
        .arg("sample")
        .env("XDG_DATA_HOME", &data)
        .env("HOME", dir.path().join("home"))
        .output()
        .expect("run docket-cli");
    assert!(
        out.status.success(),
        "sample without --db: {}",
        stderr(&out)
    );
    let expected = data.join("org.docket.desktop").join("docket.sqlite3");
    assert!(
        expected.exists(),
        "the app's database {} was created",
        expected.display()
    );
    assert!(
        !dir.path().join("home").exists(),
        "nothing written under HOME when XDG_DATA_HOME is set"
    );
    let id = stdout(&out).trim().to_owned();
    let again = ok(&expected, &["sample"]);
    assert_eq!(again.trim(), id, "--db on that file sees the same review");
}

fn shared_file(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(rel);
    p.exists().then_some(p).or_else(|| {
        eprintln!("skipped: {rel} is not here");
        None
    })
}

#[test]
fn import_guesses_formats_previews_commits_and_reimports_without_duplicates() {
    let (Some(report), Some(list)) = (
        shared_file("slovenia-2025/A_HRC_59_15_working_group_report.txt"),
        shared_file("slovenia-2025/thematic_list.md"),
    ) else {
        return;
    };
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("x.sqlite3");
    let report = report.to_str().unwrap();
    let dry = json_of(&ok(&db, &["import", report, "--dry-run", "--json"]));
    assert_eq!(dry["recommendations_created"], 254);
    assert_eq!(dry["committed"], false);
    assert_eq!(
        json_of(&ok(&db, &["reviews", "--json"])),
        json!([]),
        "a dry run changes nothing"
    );

    let first = json_of(&ok(&db, &["import", report, "--json"]));
    assert_eq!(first["reviews_created"], 1);
    assert_eq!(first["reviews"][0]["state_under_review"], "Slovenia");
    assert_eq!(first["reviews"][0]["session"], 48);
    assert_eq!(first["reviews"][0]["recommendations"], 254);
    assert_eq!(first["recommendations_created"], 254);
    let id = first["reviews"][0]["id"].as_i64().unwrap().to_string();

    let joined = json_of(&ok(&db, &["import", list.to_str().unwrap(), "--json"]));
    assert_eq!(joined["recommendations_updated"], 254);
    let stats = json_of(&ok(&db, &["stats", "--review", &id, "--json"]));
    assert_eq!(stats["by_position"]["supported"], 217);
    assert_eq!(stats["by_position"]["noted"], 37);

    let again = ok(&db, &["import", report]);
    assert!(
        again.contains("0 recommendations created") && again.contains("254 unchanged"),
        "{again}"
    );
}

#[test]
fn import_through_the_column_mapping_path_into_a_chosen_review() {
    let Some(csv) = shared_file("us-2020/recommendations.csv") else {
        return;
    };
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("x.sqlite3");
    let csv = csv.to_str().unwrap();
    let err = fails(&db, &["import", csv]);
    assert!(err.contains("Say which review"), "{err}");
    // An empty review of the United States to import into.
    let id = ok(&db, &["sample"]).trim().to_owned();
    let out = json_of(&ok(
        &db,
        &["import", csv, "--review", &id, "--format", "csv", "--json"],
    ));
    assert_eq!(
        out["recommendations_created"].as_i64().unwrap()
            + out["unchanged"].as_i64().unwrap()
            + out["recommendations_updated"].as_i64().unwrap(),
        347
    );
    let problems = out["problems"].as_array().unwrap();
    assert!(
        problems.iter().any(|p| p["message"]
            .as_str()
            .unwrap()
            .contains("the Paris Principles")
            && p["file"] == "recommendations.csv"
            && p["line"] == 92),
        "the unknown name is reported with file and line: {problems:?}"
    );
}

#[test]
fn import_refuses_bad_input_with_a_message_and_a_failing_exit_code() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("x.sqlite3");
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.csv", b"", "empty"),
        ("binary.dat", b"\x00\x01\x02binary\x00", "not text"),
        (
            "book.xlsx",
            b"PK\x03\x04garbage that is no workbook",
            "could not be read as an Excel workbook",
        ),
        ("one.csv", b"just one column\nand another line\n", "Text"),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let err = fails(&db, &["import", path.to_str().unwrap()]);
        assert!(err.contains(expected), "{name}: {err}");
    }
    assert_eq!(json_of(&ok(&db, &["reviews", "--json"])), json!([]));
    let missing = fails(
        &db,
        &["import", dir.path().join("nope.csv").to_str().unwrap()],
    );
    assert!(missing.contains("could not read"), "{missing}");
}

#[test]
fn search_prints_the_issues_json_shape_with_facets_and_pages() {
    let (_dir, db, id) = with_sample();
    let review = id.to_string();
    let out = json_of(&ok(
        &db,
        &[
            "search",
            "--review",
            &review,
            "\"death penalty\"",
            "--filter",
            "position=noted",
            "--limit",
            "5",
            "--json",
        ],
    ));
    let total = out["total"].as_i64().unwrap();
    assert!(total > 5, "{out}");
    let hits = out["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 5);
    for hit in hits {
        assert_eq!(hit["review"], id);
        assert!(hit["paragraph"].as_str().unwrap().starts_with("26."));
        assert!(hit["snippet"].as_str().unwrap().len() > 10);
    }
    assert_eq!(out["facets"]["position"]["noted"], total);
    let groups: i64 = out["facets"]["regional_group"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_i64().unwrap())
        .sum();
    assert!(groups >= total, "each hit counts in at least one group");

    // The next page starts where the first ended.
    let next = json_of(&ok(
        &db,
        &[
            "search",
            "--all",
            "\"death penalty\"",
            "--filter",
            "position=noted",
            "--limit",
            "5",
            "--offset",
            "4",
            "--json",
        ],
    ));
    assert_eq!(next["hits"][0]["paragraph"], hits[4]["paragraph"]);

    let err = fails(&db, &["search", "x", "--filter", "colour=red"]);
    assert!(err.contains("not a facet"), "{err}");
    let err = fails(&db, &["search", "x", "--filter", "position"]);
    assert!(err.contains("KEY=VALUE"), "{err}");
}

#[test]
fn search_sorts_by_the_first_recommending_state_and_reverses_with_desc() {
    let (_dir, db, _) = with_sample();
    let ids_and_states = |extra: &[&str]| -> Vec<(i64, Option<String>)> {
        let mut args = vec!["search", "", "--limit", "500", "--json"];
        args.extend_from_slice(extra);
        json_of(&ok(&db, &args))["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["id"].as_i64().unwrap(),
                    h["states"][0].as_str().map(str::to_lowercase),
                )
            })
            .collect()
    };
    let by_state = ids_and_states(&["--sort", "state"]);
    assert_eq!(by_state.len(), 347);
    // Each State's recommendations together, A to Z, the ones without a State last.
    let firsts: Vec<(bool, Option<String>)> = by_state
        .iter()
        .map(|(_, s)| (s.is_none(), s.clone()))
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] <= w[1]), "{firsts:?}");
    assert_ne!(
        by_state,
        ids_and_states(&[]),
        "not the paragraph order it started from"
    );
    let mut reversed = ids_and_states(&["--sort", "state", "--desc"]);
    reversed.reverse();
    assert_eq!(reversed, by_state);

    let err = fails(&db, &["search", "x", "--sort", "colour"]);
    assert!(err.contains("colour"), "{err}");
}

/// The event kinds `calendar --json` may print.
const EVENT_KINDS: &[&str] = &[
    "review",
    "responses_due",
    "speakers_list_opens",
    "written_statement_due",
    "adoption",
    "mid_term",
    "next_submission_due",
    "next_review",
    "custom",
];

#[test]
fn calendar_json_has_the_samples_confirmed_adoption() {
    let (_dir, db, id) = with_sample();
    let out = json_of(&ok(
        &db,
        &["calendar", "--review", &id.to_string(), "--json"],
    ));
    let obj = out.as_object().unwrap();
    assert_eq!(
        obj.keys().collect::<Vec<_>>(),
        vec!["events"],
        "exactly {{\"events\": [...]}}"
    );
    let events = out["events"].as_array().unwrap();
    assert!(events.len() >= 5, "the review's timeline: {out}");
    for e in events {
        let kind = e["kind"].as_str().unwrap();
        assert!(EVENT_KINDS.contains(&kind), "known kind {kind}");
        assert!(e["date"].as_str().unwrap().len() == 10, "{e}");
        assert!(e["confirmed"].is_boolean(), "{e}");
        assert!(!e["rule"].as_str().unwrap().is_empty(), "{e}");
        assert!(!e["title"].as_str().unwrap().is_empty(), "{e}");
        assert_eq!(e["review_id"], json!(id));
    }
    let adoption: Vec<&Value> = events.iter().filter(|e| e["kind"] == "adoption").collect();
    assert_eq!(adoption.len(), 1, "{out}");
    assert_eq!(adoption[0]["date"], "2021-03-17");
    assert_eq!(adoption[0]["confirmed"], true);
    let dates: Vec<&str> = events.iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "date order: {dates:?}"
    );

    let all = json_of(&ok(&db, &["calendar", "--json"]));
    assert_eq!(all, out, "one review in the database: the same events");
}

#[test]
fn calendar_text_is_a_table_with_flags() {
    let (_dir, db, id) = with_sample();
    let text = ok(&db, &["calendar", "--review", &id.to_string()]);
    let adoption = text
        .lines()
        .find(|l| l.starts_with("2021-03-17"))
        .unwrap_or_else(|| panic!("a row for the adoption: {text}"));
    for fact in [
        "Adoption",
        "confirmed",
        "HRC46",
        "United States of America, WG 36",
    ] {
        assert!(adoption.contains(fact), "{fact:?} in {adoption:?}");
    }
    assert!(text.contains("estimated"), "dates from the rules: {text}");
    assert!(
        text.contains("DATE") && text.contains("KIND"),
        "a header: {text}"
    );

    let dir = tempfile::tempdir().unwrap();
    let empty = ok(&dir.path().join("x.sqlite3"), &["calendar"]);
    assert!(empty.contains("No calendar events"), "{empty}");
}

/// The file's content lines, unfolded (RFC 5545 3.1), after checking the physical lines.
fn ics_lines(ics: &str) -> Vec<String> {
    assert!(ics.ends_with("\r\n"), "ends with CRLF");
    for line in ics.split_inclusive('\n') {
        assert!(line.ends_with("\r\n"), "CRLF: {line:?}");
        assert!(line.len() - 2 <= 75, "at most 75 octets: {line:?}");
    }
    ics.replace("\r\n ", "")
        .split_terminator("\r\n")
        .map(str::to_owned)
        .collect()
}

#[test]
fn calendar_ics_writes_a_whole_file_that_parses_and_keeps_its_uids() {
    let (dir, db, id) = with_sample();
    let review = id.to_string();
    let path = dir.path().join("upr.ics");
    let out = ok(
        &db,
        &[
            "calendar",
            "--review",
            &review,
            "--ics",
            path.to_str().unwrap(),
        ],
    );
    let events = json_of(&ok(&db, &["calendar", "--review", &review, "--json"]));
    let events = events["events"].as_array().unwrap();
    assert!(
        out.contains(&format!("Wrote {} events", events.len()))
            && out.contains(path.to_str().unwrap()),
        "says what it wrote where: {out}"
    );
    let ics = std::fs::read_to_string(&path).unwrap();
    let lines = ics_lines(&ics);
    // Components nest and every line is NAME[;PARAM=...]:VALUE.
    let mut open: Vec<&str> = Vec::new();
    for line in &lines {
        let (name, _) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("a content line: {line:?}"));
        assert!(
            name.chars().next().is_some_and(|c| c.is_ascii_uppercase()),
            "{line:?}"
        );
        if let Some(c) = line.strip_prefix("BEGIN:") {
            open.push(c);
        } else if let Some(c) = line.strip_prefix("END:") {
            assert_eq!(open.pop(), Some(c), "{line:?} closes what was opened");
        }
    }
    assert!(open.is_empty(), "every component closed");
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert!(lines.iter().any(|l| l == "VERSION:2.0"));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("X-WR-CALNAME:Docket: United States of America")));
    let uids: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("UID:"))
        .collect();
    let expected: Vec<&str> = events.iter().map(|e| e["uid"].as_str().unwrap()).collect();
    assert_eq!(uids, expected, "one VEVENT per event, with its uid");
    assert!(
        lines.iter().any(|l| l == "DTSTART;VALUE=DATE:20210317"),
        "the adoption, a whole day"
    );

    // Exporting again replaces the file and keeps the UIDs; nothing else is left in the folder.
    ok(
        &db,
        &[
            "calendar",
            "--review",
            &review,
            "--ics",
            path.to_str().unwrap(),
        ],
    );
    let again = std::fs::read_to_string(&path).unwrap();
    let again_uids: Vec<String> = ics_lines(&again)
        .iter()
        .filter_map(|l| l.strip_prefix("UID:").map(str::to_owned))
        .collect();
    assert_eq!(again_uids, uids);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("x.sqlite3"))
        .collect();
    names.sort();
    assert_eq!(names, vec!["upr.ics"], "no temporary file left");
}

#[test]
fn calendar_ics_with_json_prints_the_json_and_says_where_on_stderr() {
    let (dir, db, _) = with_sample();
    let path = dir.path().join("all.ics");
    let o = run(
        Some(&db),
        &["calendar", "--json", "--ics", path.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = json_of(&stdout(&o));
    assert!(out["events"].as_array().unwrap().len() >= 5);
    assert!(stderr(&o).contains("Wrote"), "{}", stderr(&o));
    assert!(path.exists());
}

#[test]
fn calendar_of_an_unknown_review_fails_and_writes_nothing() {
    let (dir, db, id) = with_sample();
    let missing = (id + 1).to_string();
    let err = fails(&db, &["calendar", "--review", &missing]);
    assert!(
        err.contains("no review"),
        "says the review is missing: {err}"
    );
    assert!(err.contains(&missing), "names it: {err}");
    let path = dir.path().join("none.ics");
    let err = fails(
        &db,
        &[
            "calendar",
            "--review",
            &missing,
            "--json",
            "--ics",
            path.to_str().unwrap(),
        ],
    );
    assert!(err.contains("no review"), "{err}");
    assert!(!path.exists(), "no file for a failed export");
}

#[test]
fn calendar_ics_into_a_missing_folder_fails_and_leaves_an_existing_file_alone() {
    let (dir, db, _) = with_sample();
    let nowhere = dir.path().join("no such folder").join("upr.ics");
    let err = fails(&db, &["calendar", "--ics", nowhere.to_str().unwrap()]);
    assert!(err.contains("could not write"), "{err}");
    assert!(!dir.path().join("no such folder").exists());

    let err = fails(&db, &["calendar", "--ics", dir.path().to_str().unwrap()]);
    assert!(err.contains("is a folder"), "{err}");

    // A file that cannot be replaced (its folder is read-only) keeps its content.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        let path = locked.join("upr.ics");
        std::fs::write(&path, "old calendar").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        let probe = locked.join("probe");
        // Root ignores permissions: nothing to check then.
        if std::fs::write(&probe, "x").is_err() {
            let err = fails(&db, &["calendar", "--ics", path.to_str().unwrap()]);
            assert!(err.contains("could not write"), "{err}");
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "old calendar");
            assert_eq!(
                std::fs::read_dir(&locked).unwrap().count(),
                1,
                "no temp file"
            );
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// The paragraph numbers of the recommendations in an exported Markdown file (`**26.1** …`).
fn md_paragraphs(md: &str) -> Vec<String> {
    md.lines()
        .filter_map(|l| l.strip_prefix("**")?.split_once("** "))
        .map(|(number, _)| number.to_owned())
        .filter(|n| n.starts_with("26."))
        .collect()
}

/// The names in a folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn export_writes_markdown_with_every_paragraph_number_and_says_what_it_wrote() {
    let (dir, db, id) = with_sample();
    let id = id.to_string();
    let all = json_of(&ok(
        &db,
        &["search", "--review", &id, "--json", "--limit", "1000", ""],
    ));
    let expected: std::collections::BTreeSet<String> = all["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["paragraph"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(expected.len(), 347);

    let path = dir.path().join("briefing.md");
    let out = ok(
        &db,
        &export_args(&id, "thematic", &["--out", path.to_str().unwrap()]),
    );
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(
        md.starts_with("# Thematic briefing"),
        "Markdown, from the extension"
    );
    let found: std::collections::BTreeSet<String> = md_paragraphs(&md).into_iter().collect();
    assert_eq!(found, expected, "every recommendation is in the briefing");

    let kb = std::fs::metadata(&path).unwrap().len().div_ceil(1024);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(format!("Wrote {} ({kb} KB)", path.display()).as_str()),
        "{out}"
    );
    let summary: Vec<&str> = lines.collect();
    assert!(!summary.is_empty(), "the summary's lines follow: {out}");
    assert!(out.contains("347"), "the summary counts them: {out}");
    assert_eq!(
        listing(dir.path()).len(),
        2,
        "the database and the file only"
    );

    // The same as a web page, again from the extension.
    let page = dir.path().join("briefing.HTML");
    ok(
        &db,
        &export_args(&id, "thematic", &["--out", page.to_str().unwrap()]),
    );
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..100]);
    assert!(html.contains("<span class=\"paragraph\">26.347</span>"));
}

#[test]
fn export_as_csv_writes_utf8_with_a_byte_order_mark() {
    let (dir, db, id) = with_sample();
    let path = dir.path().join("matrix data");
    ok(
        &db,
        &export_args(
            &id.to_string(),
            "matrix",
            &["--format", "csv", "--out", path.to_str().unwrap()],
        ),
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 byte order mark first: {:?}",
        &bytes[..bytes.len().min(8)]
    );
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    assert!(text.contains("26.346"), "the recommendations' rows");
}

#[test]
fn export_refuses_unknown_templates_formats_and_extensions_with_the_choices() {
    let (dir, db, id) = with_sample();
    let id = id.to_string();
    let before = listing(dir.path());
    let out = dir.path().join("brief.md");
    let out = out.to_str().unwrap();

    let err = fails(&db, &export_args(&id, "briefing", &["--out", out]));
    assert!(err.contains("\"briefing\" is not a template"), "{err}");
    for name in ["thematic", "state", "matrix", "statement", "calendar"] {
        assert!(err.contains(name), "lists {name}: {err}");
    }

    let err = fails(
        &db,
        &export_args(&id, "matrix", &["--format", "odt", "--out", out]),
    );
    assert!(err.contains("\"odt\" is not a format"), "{err}");
    for name in ["docx", "pdf", "md", "html", "csv", "xlsx"] {
        assert!(err.contains(name), "lists {name}: {err}");
    }

    let text = dir.path().join("brief.txt");
    let err = fails(
        &db,
        &export_args(&id, "matrix", &["--out", text.to_str().unwrap()]),
    );
    assert!(err.contains(".txt is not a format"), "{err}");
    assert!(err.contains("--format"), "says how to choose one: {err}");
    for name in ["docx", "pdf", "md", "html", "csv", "xlsx"] {
        assert!(err.contains(name), "lists {name}: {err}");
    }

    let err = fails(
        &db,
        &export_args(&id, "matrix", &["--state", "Mexico", "--out", out]),
    );
    assert!(err.contains("--template state"), "{err}");

    let missing = (id.parse::<i64>().unwrap() + 1).to_string();
    let err = fails(&db, &export_args(&missing, "matrix", &["--out", out]));
    assert!(err.contains("no review"), "{err}");
    assert_eq!(listing(dir.path()), before, "nothing written");
}

#[test]
fn export_into_a_missing_folder_fails_and_leaves_nothing_behind() {
    let (dir, db, id) = with_sample();
    let before = listing(dir.path());
    let path = dir.path().join("no such folder").join("brief.md");
    let err = fails(
        &db,
        &export_args(
            &id.to_string(),
            "thematic",
            &["--out", path.to_str().unwrap()],
        ),
    );
    assert!(err.contains("does not exist"), "{err}");
    assert!(err.contains("no such folder"), "names the folder: {err}");
    assert!(!dir.path().join("no such folder").exists());
    assert_eq!(listing(dir.path()), before, "nothing left behind");
}

#[test]
fn export_state_sheet_of_one_state_has_its_recommendations_only() {
    let (dir, db, id) = with_sample();
    let path = dir.path().join("mexico.md");
    ok(
        &db,
        &export_args(
            &id.to_string(),
            "state",
            &[
                "--state",
                "Mexico",
                "--format",
                "md",
                "--out",
                path.to_str().unwrap(),
            ],
        ),
    );
    let md = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        md_paragraphs(&md),
        ["26.108", "26.133", "26.207", "26.310", "26.346"],
        "Mexico's recommendations in paragraph order: {md}"
    );
    let sections: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(sections, ["## Mexico"], "no other State's section: {md}");
}
