//! An import as the app and the CLI run it (`import::prepare`): the preview and what it asks the
//! user, corrections applied, column mappings remembered, files refused before anything changes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use docket_core::domain::NewReview;
use docket_core::import::mapped::{ColumnMapping, Field};
use docket_core::import::prepare::{unknown_states, ImportRequest, Source};
use docket_core::import::read::MAX_FILE_BYTES;
use docket_core::import::{Format, MappingSource};
use docket_core::{ErrorKind, Store};

fn no_progress() -> impl FnMut(u64, u64) -> bool {
    |_, _| true
}

fn file(dir: &Path, name: &str, content: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn request(path: &Path) -> ImportRequest {
    ImportRequest {
        source: Some(Source::File {
            path: path.to_path_buf(),
        }),
        ..ImportRequest::default()
    }
}

fn pasted(text: &str) -> ImportRequest {
    ImportRequest {
        source: Some(Source::Text {
            name: "Pasted text".into(),
            text: text.into(),
        }),
        ..ImportRequest::default()
    }
}

fn review(state: &str, session: i64) -> NewReview {
    NewReview {
        state_under_review: state.into(),
        cycle: None,
        wg_session: Some(session),
        review_date: None,
        report_symbol: None,
        addendum_symbol: None,
        adoption_date: None,
    }
}

/// Headings no guess understands: the user maps them.
const ODD_SHEET: &str = "Nr;Wording;Who\n1.1;Ratify the Convention against Torture;Ghana\n\
1.2;Abolish the death penalty;Cabo Verd\n";

#[test]
fn a_mapping_the_user_chose_is_used_then_remembered_for_the_same_headings_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let path = file(dir.path(), "mine.csv", ODD_SHEET);

    // Guessed: no column holds the text, so nothing can be imported yet; the headings are shown.
    let guessed = store
        .prepare_import(&request(&path), &mut no_progress())
        .unwrap();
    let preview = &guessed.preview;
    assert_eq!(preview.source.header, ["Nr", "Wording", "Who"]);
    assert_eq!(preview.source.mapping_source, Some(MappingSource::Guessed));
    assert!(preview.summary.is_none());
    assert!(
        preview.blocked.as_deref().unwrap().contains("mine.csv"),
        "{preview:?}"
    );

    // Chosen by the user, with the review the rows belong to.
    let mapping = ColumnMapping {
        columns: vec![Field::Paragraph, Field::Text, Field::States],
    };
    let chosen = ImportRequest {
        mapping: Some(mapping.clone()),
        review: Some(review("Narnia", 40)),
        ..request(&path)
    };
    let prepared = store.prepare_import(&chosen, &mut no_progress()).unwrap();
    assert_eq!(
        prepared.preview.source.mapping_source,
        Some(MappingSource::Chosen)
    );
    let summary = prepared.preview.summary.as_ref().unwrap();
    assert_eq!(summary.recommendations_created, 2);
    assert_eq!(
        store.list_reviews().unwrap().len(),
        0,
        "a preview writes nothing"
    );
    store
        .commit_import(&prepared.batch, prepared.target, &mut no_progress())
        .unwrap();

    // The next file with the same headings (other rows, other case and spacing) uses it.
    let next = file(
        dir.path(),
        "next.csv",
        " nr ;WORDING;who\n1.3;End child marriage;Chile\n",
    );
    let again = ImportRequest {
        review: Some(review("Narnia", 40)),
        ..request(&next)
    };
    let prepared = store.prepare_import(&again, &mut no_progress()).unwrap();
    assert_eq!(
        prepared.preview.source.mapping_source,
        Some(MappingSource::Remembered)
    );
    assert_eq!(prepared.preview.source.mapping.as_ref(), Some(&mapping));
    assert_eq!(
        prepared
            .preview
            .summary
            .as_ref()
            .unwrap()
            .recommendations_created,
        1
    );

    // Other headings are guessed, not mapped with it.
    let other = file(
        dir.path(),
        "other.csv",
        "Nr;Wording;Who;Extra\n1.4;Text;Chile;x\n",
    );
    let prepared = store
        .prepare_import(&request(&other), &mut no_progress())
        .unwrap();
    assert_eq!(
        prepared.preview.source.mapping_source,
        Some(MappingSource::Guessed)
    );
}

#[test]
fn unknown_states_come_with_the_closest_canonical_names() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let path = file(dir.path(), "mine.csv", ODD_SHEET);
    let chosen = ImportRequest {
        mapping: Some(ColumnMapping {
            columns: vec![Field::Paragraph, Field::Text, Field::States],
        }),
        review: Some(review("Narnia", 40)),
        ..request(&path)
    };
    let batch = store.read_for_import(&chosen).unwrap();
    let unknown = unknown_states(&batch);
    let names: Vec<&str> = unknown.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["Cabo Verd", "Narnia"]);
    assert_eq!(
        unknown[0].suggestions.first().map(String::as_str),
        Some("Cabo Verde")
    );
}

const REPORT: &str = "Report of the Working Group on the Universal Periodic Review\n\
Narnia\n\
  140.1   Ratify the Convention against Torture (Ghana);\n\
  140.2   Abolish the death penalty (Chile).\n";

#[test]
fn a_report_asks_for_confirmation_and_the_users_facts_win() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let prepared = store
        .prepare_import(&pasted(REPORT), &mut no_progress())
        .unwrap();
    assert_eq!(prepared.preview.format, Format::Report);
    assert_eq!(prepared.preview.reviews_read.len(), 1);
    assert_eq!(
        prepared.preview.reviews_read[0].state_under_review,
        "Narnia"
    );
    assert!(prepared.preview.needs_review.is_none());

    // The user corrects the State and adds the session: the import uses them.
    let corrected = ImportRequest {
        review: Some(review("Slovenia", 48)),
        ..pasted(REPORT)
    };
    let prepared = store
        .prepare_import(&corrected, &mut no_progress())
        .unwrap();
    let summary = prepared.preview.summary.as_ref().unwrap();
    assert_eq!(summary.reviews[0].state_under_review, "Slovenia");
    assert_eq!(summary.reviews[0].session, Some(48));
    store
        .commit_import(&prepared.batch, prepared.target, &mut no_progress())
        .unwrap();
    let reviews = store.list_reviews().unwrap();
    assert_eq!(reviews[0].state_under_review, "Slovenia");
    assert_eq!(reviews[0].recommendations, 2);

    // A list without the report's title asks which review.
    let list_only = "  140.1   Ratify the Convention against Torture (Ghana);\n  140.2   Abolish the death penalty (Chile).\n";
    let prepared = store
        .prepare_import(&pasted(list_only), &mut no_progress())
        .unwrap();
    assert!(prepared.preview.needs_review.is_some());
    assert!(prepared.preview.summary.is_none());
    // Into the existing review: the same recommendations, unchanged.
    let into = ImportRequest {
        review_id: Some(reviews[0].id),
        ..pasted(list_only)
    };
    let prepared = store.prepare_import(&into, &mut no_progress()).unwrap();
    assert_eq!(prepared.preview.summary.as_ref().unwrap().unchanged, 2);
}

#[test]
fn positions_for_a_review_docket_does_not_have_ask_which_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let responses = "Narnia supports recommendations 140.1 and 140.2.\n";
    let prepared = store
        .prepare_import(&pasted(responses), &mut no_progress())
        .unwrap();
    assert_eq!(prepared.preview.format, Format::Responses);
    let why = prepared.preview.needs_review.as_deref().unwrap();
    assert!(!why.is_empty());
    assert!(prepared.preview.summary.is_none());

    let created = store
        .prepare_import(&pasted(REPORT), &mut no_progress())
        .unwrap();
    store
        .commit_import(&created.batch, created.target, &mut no_progress())
        .unwrap();
    let id = store.list_reviews().unwrap()[0].id;
    let into = ImportRequest {
        review_id: Some(id),
        ..pasted(responses)
    };
    let prepared = store.prepare_import(&into, &mut no_progress()).unwrap();
    let summary = prepared.preview.summary.as_ref().unwrap();
    assert_eq!(summary.recommendations_updated, 2);
    assert_eq!(summary.positions_found, 2);
}

#[test]
fn files_are_refused_before_anything_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let mut store = Store::open(&db).unwrap();

    // Larger than the limit: refused from its size, without reading it.
    let huge = dir.path().join("huge.csv");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap();
    let err = store
        .prepare_import(&request(&huge), &mut no_progress())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("MB"), "{err}");

    let err = store
        .prepare_import(&request(dir.path()), &mut no_progress())
        .unwrap_err();
    assert!(err.to_string().contains("folder"), "{err}");

    let err = store
        .prepare_import(
            &request(&dir.path().join("missing.csv")),
            &mut no_progress(),
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);

    let err = store
        .prepare_import(&pasted(" \n "), &mut no_progress())
        .unwrap_err();
    assert!(err.to_string().contains("empty"), "{err}");

    let err = store
        .prepare_import(&ImportRequest::default(), &mut no_progress())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    // A cancelled preview is an error of its own kind.
    let big: String = (1..=2500)
        .map(|i| format!("  140.{i}   Ratify treaty number {i} (Ghana);\n"))
        .collect();
    let text =
        format!("Report of the Working Group on the Universal Periodic Review\nNarnia\n{big}");
    let err = store
        .prepare_import(&pasted(&text), &mut |_, _| false)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cancelled);

    assert!(
        store.list_reviews().unwrap().is_empty(),
        "nothing was written"
    );
    let imports: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM import_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(imports, 0);
    assert!(
        !dir.path().join("backups").exists(),
        "no backup for a preview"
    );
}
