//! The import engine (`Store::import`) on real files: preview then commit, re-import updates
//! without duplicating and never touches the organization's own fields, all or nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use docket_core::domain::{NewRecommendation, Position, Priority, TrackingEdit};
use docket_core::import::{report, thematic, upr_info, ImportBatch, ParsedReview};
use docket_core::import::{Format, Problem};
use docket_core::{Error, ErrorKind, Store};

fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is not here", p.display());
        None
    }
}

fn no_progress() -> impl FnMut(u64, u64) -> bool {
    |_, _| true
}

fn report_batch(text: &str) -> ImportBatch {
    let parsed = report::parse(text);
    ImportBatch {
        file: "A_HRC_59_15.txt".into(),
        format: Format::Report,
        reviews: vec![ParsedReview {
            review: parsed
                .review
                .to_new_review()
                .expect("the report names its State"),
            recommendations: parsed.recommendations,
        }],
        updates: vec![],
        updates_document: None,
        rows: 0,
        skipped: 0,
        problems: parsed.problems,
        source: Default::default(),
    }
}

fn thematic_batch(text: &str) -> ImportBatch {
    let parsed = thematic::parse(text);
    ImportBatch {
        file: "thematic_list.md".into(),
        format: Format::ThematicList,
        reviews: vec![],
        updates: parsed.updates,
        updates_document: parsed.document,
        rows: 0,
        skipped: 0,
        problems: parsed.problems,
        source: Default::default(),
    }
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn report_then_thematic_list_then_reimport_keeps_the_organizations_work() {
    let (Some(rep), Some(them)) = (
        shared("slovenia-2025/A_HRC_59_15_working_group_report.txt"),
        shared("slovenia-2025/thematic_list.md"),
    ) else {
        return;
    };
    let report_text = std::fs::read_to_string(rep).unwrap();
    let thematic_text = std::fs::read_to_string(them).unwrap();
    let mut store = Store::open_in_memory().unwrap();

    let first = store
        .import(&report_batch(&report_text), None, true, &mut no_progress())
        .unwrap();
    assert_eq!(first.reviews_created, 1);
    assert_eq!(first.recommendations_created, 254);
    let review = first.reviews[0].id;
    assert_eq!(first.reviews[0].state_under_review, "Slovenia");
    assert_eq!(first.reviews[0].recommendations, 254);

    // The organization's work on 140.1.
    let rec = store.recommendation_id(review, "140.1").unwrap();
    store
        .edit_tracking(rec, &TrackingEdit::Priority(Some(Priority::High)), "maria")
        .unwrap();
    store
        .edit_tracking(
            rec,
            &TrackingEdit::Notes("Met the ministry".into()),
            "maria",
        )
        .unwrap();

    let joined = store
        .import(
            &thematic_batch(&thematic_text),
            None,
            true,
            &mut no_progress(),
        )
        .unwrap();
    assert_eq!(joined.reviews_created, 0);
    assert_eq!(joined.recommendations_updated, 254, "{:?}", joined.problems);
    assert_eq!(joined.positions_found, 254);
    let stats = store.stats(review).unwrap();
    assert_eq!(stats.by_position["supported"], 217);
    assert_eq!(stats.by_position["noted"], 37);
    assert_eq!(stats.by_position["pending"], 0);

    // The same report again: nothing duplicated, positions and the organization's work kept.
    let again = store
        .import(&report_batch(&report_text), None, true, &mut no_progress())
        .unwrap();
    assert_eq!(again.reviews_created, 0);
    assert_eq!(again.recommendations_created, 0);
    assert_eq!(
        again.unchanged, 254,
        "a pending report does not erase known positions"
    );
    assert_eq!(store.list_reviews().unwrap().len(), 1);
    let d = store.recommendation(rec).unwrap();
    assert_eq!(d.tracking.priority, Some(Priority::High));
    assert_eq!(d.tracking.notes, "Met the ministry");
    assert!(d
        .position_source
        .as_deref()
        .unwrap_or("")
        .starts_with("A/HRC/59/15/Add.1"));
    assert!(
        !d.themes.is_empty(),
        "themes joined on from the thematic list"
    );
    assert!(
        d.history
            .iter()
            .any(|h| h.field == "position" && h.who.contains("thematic_list.md")),
        "the position change is in the history"
    );
    assert_eq!(count(&store, "SELECT count(*) FROM import_log"), 3);
    // FTS follows the joined themes.
    let hits =
        docket_core::store::fts::search(store.conn(), Some(review), &d.themes[0], 500).unwrap();
    assert!(hits.contains(&rec));
}

#[test]
fn upr_info_export_reimports_without_duplicates() {
    let Some(path) = shared("upr-info-export/sessions-01-05.csv") else {
        return;
    };
    let bytes = std::fs::read(path).unwrap();
    let (text, _, _) = encoding_rs::MACINTOSH.decode(&bytes);
    let parsed = upr_info::parse(&text);
    let batch = ImportBatch {
        file: "sessions-01-05.csv".into(),
        format: Format::UprInfo,
        reviews: parsed.reviews,
        updates: vec![],
        updates_document: None,
        rows: parsed.rows,
        skipped: 0,
        problems: parsed.problems,
        source: Default::default(),
    };
    let mut store = Store::open_in_memory().unwrap();
    let first = store
        .import(&batch, None, true, &mut no_progress())
        .unwrap();
    assert_eq!(first.reviews_created, 80);
    assert_eq!(first.recommendations_created, 5644);
    assert_eq!(count(&store, "SELECT count(*) FROM recommendation"), 5644);
    assert_eq!(
        count(&store, "SELECT count(*) FROM recommendation_fts"),
        5644,
        "every imported recommendation is searchable"
    );
    let second = store
        .import(&batch, None, true, &mut no_progress())
        .unwrap();
    assert_eq!(second.reviews_created, 0);
    assert_eq!(second.recommendations_created, 0);
    assert_eq!(second.unchanged, 5644);
    assert_eq!(count(&store, "SELECT count(*) FROM recommendation"), 5644);
}

fn small_batch(texts: &[&str]) -> ImportBatch {
    ImportBatch {
        file: "small.csv".into(),
        format: Format::Csv,
        reviews: vec![ParsedReview {
            review: docket_core::domain::NewReview {
                state_under_review: "Cabo Verde".into(),
                cycle: Some(4),
                wg_session: Some(44),
                review_date: None,
                report_symbol: None,
                addendum_symbol: None,
                adoption_date: None,
            },
            recommendations: texts
                .iter()
                .enumerate()
                .map(|(i, t)| NewRecommendation {
                    paragraph: format!("120.{}", i + 1),
                    text: (*t).into(),
                    states: vec!["Ghana".into()],
                    position: Position::Supported,
                    position_source: None,
                    themes: vec!["Torture".into()],
                    groups_of_persons: vec![],
                    sdgs: vec![],
                    action_category: None,
                    tracking: None,
                })
                .collect(),
        }],
        updates: vec![],
        updates_document: None,
        rows: texts.len() as u64,
        skipped: 0,
        problems: vec![Problem::at(3, Some(2), "a doubtful cell")],
        source: Default::default(),
    }
}

#[test]
fn a_preview_says_what_the_commit_does_and_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let batch = small_batch(&["Ratify the Convention", "End torture"]);
    let preview = store
        .import(&batch, None, false, &mut no_progress())
        .unwrap();
    assert!(!preview.committed);
    assert_eq!(preview.recommendations_created, 2);
    assert_eq!(preview.problems.len(), 1);
    assert_eq!(preview.problems[0].line, Some(3));
    assert_eq!(preview.problems[0].file, "small.csv");
    assert_eq!(
        count(&store, "SELECT count(*) FROM review"),
        0,
        "a preview writes nothing"
    );
    assert_eq!(count(&store, "SELECT count(*) FROM import_log"), 0);
    let done = store
        .import(&batch, None, true, &mut no_progress())
        .unwrap();
    assert!(done.committed);
    assert_eq!(
        (done.reviews_created, done.recommendations_created),
        (preview.reviews_created, preview.recommendations_created)
    );
}

#[test]
fn a_failure_or_a_cancel_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let mut bad = small_batch(&["Fine", "Also fine"]);
    bad.reviews[0].recommendations[1].action_category = Some(9);
    let err = store
        .import(&bad, None, true, &mut no_progress())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    assert_eq!(count(&store, "SELECT count(*) FROM review"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM recommendation"), 0);

    let many: Vec<String> = (0..2500).map(|i| format!("Recommendation {i}")).collect();
    let refs: Vec<&str> = many.iter().map(String::as_str).collect();
    let batch = small_batch(&refs);
    let mut calls = 0;
    let err = store
        .import(&batch, None, true, &mut |done, total| {
            calls += 1;
            assert_eq!(total, 2500);
            done < 2000
        })
        .unwrap_err();
    assert!(matches!(err, Error::Cancelled), "{err}");
    assert!(calls >= 2);
    assert_eq!(count(&store, "SELECT count(*) FROM recommendation"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM import_log"), 0);
}

#[test]
fn a_commit_takes_a_backup_and_records_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("docket.sqlite3");
    let mut store = Store::open(&path).unwrap();
    docket_core::sample::load(&mut store).unwrap();
    let summary = store
        .import(&small_batch(&["One"]), None, true, &mut no_progress())
        .unwrap();
    let backup = PathBuf::from(summary.backup.expect("a backup on commit"));
    assert!(backup.starts_with(dir.path().join("backups")));
    let old = Store::open(&backup).unwrap();
    assert_eq!(
        old.list_reviews().unwrap().len(),
        1,
        "the backup is the state before"
    );
    assert_eq!(store.list_reviews().unwrap().len(), 2);
    let (file, created): (String, i64) = store
        .conn()
        .query_row(
            "SELECT file_name, recommendations_created FROM import_log",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((file.as_str(), created), ("small.csv", 1));
}

#[test]
fn positions_without_their_review_ask_which_review() {
    let mut store = Store::open_in_memory().unwrap();
    let batch = ImportBatch {
        file: "list.md".into(),
        format: Format::ThematicList,
        reviews: vec![],
        updates: vec![docket_core::import::PositionUpdate {
            paragraph: "140.1".into(),
            position: Some(Position::Noted),
            position_source: None,
            text: None,
            states: vec![],
            themes: vec![],
            groups_of_persons: vec![],
            sdgs: vec![],
        }],
        updates_document: Some("A/HRC/99/1/Add.1".into()),
        rows: 1,
        skipped: 0,
        problems: vec![],
        source: Default::default(),
    };
    let err = store
        .import(&batch, None, true, &mut no_progress())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("A/HRC/99/1/Add.1"), "{err}");
    // An empty batch is refused with the reading problems.
    let empty = ImportBatch {
        updates: vec![],
        problems: vec![Problem::general("No recommendations list found.")],
        ..batch
    };
    let err = store
        .import(&empty, None, true, &mut no_progress())
        .unwrap_err();
    assert!(
        err.to_string().contains("No recommendations list found"),
        "{err}"
    );
}

#[test]
fn a_review_without_session_or_symbol_is_found_again_on_reimport() {
    let mut store = Store::open_in_memory().unwrap();
    let mut batch = small_batch(&["Abolish the death penalty"]);
    batch.reviews[0].review.wg_session = None;
    store
        .import(&batch, None, true, &mut no_progress())
        .unwrap();
    let again = store
        .import(&batch, None, true, &mut no_progress())
        .unwrap();
    assert_eq!(again.reviews_created, 0);
    assert_eq!(again.unchanged, 1);
    assert_eq!(count(&store, "SELECT count(*) FROM review"), 1);
}

#[test]
fn a_list_whose_text_does_not_match_the_review_gives_no_positions() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import(
            &small_batch(&[
                "Ratify the Optional Protocol to the Convention against Torture",
                "Adopt a national action plan on violence against women",
            ]),
            None,
            true,
            &mut no_progress(),
        )
        .unwrap();
    let review = store.list_reviews().unwrap()[0].id;
    let update = |paragraph: &str, text: &str| docket_core::import::PositionUpdate {
        paragraph: paragraph.into(),
        position: Some(Position::Noted),
        position_source: None,
        text: Some(text.into()),
        states: vec![],
        themes: vec![],
        groups_of_persons: vec![],
        sdgs: vec![],
    };
    let batch = ImportBatch {
        file: "list.md".into(),
        format: Format::ThematicList,
        reviews: vec![],
        updates: vec![
            // The same recommendation, written with the States the list appends.
            update(
                "120.1",
                "Ratify the optional protocol to the Convention against Torture (Ghana);",
            ),
            // Another review's 120.2.
            update(
                "120.2",
                "Abolish the death penalty and commute all death sentences",
            ),
        ],
        updates_document: None,
        rows: 2,
        skipped: 0,
        problems: vec![],
        source: Default::default(),
    };
    let summary = store
        .import(&batch, Some(review), true, &mut no_progress())
        .unwrap();
    assert_eq!(summary.recommendations_updated, 1);
    assert_eq!(summary.positions_found, 1);
    let [problem] = summary.problems.as_slice() else {
        panic!("{:#?}", summary.problems)
    };
    assert!(problem.message.contains("120.2"), "{}", problem.message);
    assert!(
        problem.message.contains("does not read like"),
        "{}",
        problem.message
    );
    let position = |p: &str| {
        let id = store.recommendation_id(review, p).unwrap();
        store.recommendation(id).unwrap().position
    };
    assert_eq!(position("120.1"), Position::Noted);
    assert_eq!(position("120.2"), Position::Supported, "left as it was");
}
