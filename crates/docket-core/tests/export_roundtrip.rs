//! Docket's own data export read back: the sample review with tracking on several
//! recommendations, exported as CSV and as XLSX (`export::records`, `export::sheet`), imported
//! into a fresh store as the app imports any file (`import::prepare`), gives the same table and
//! the same recommendations. Imported again into the store it came from, the tracking there is
//! kept.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use docket_core::domain::{
    ImplementationStatus, LobbyingStatus, Position, Priority, RecommendationDetail, TrackingEdit,
};
use docket_core::export::model::Sheet;
use docket_core::export::records::{recommendations_sheet, COLUMNS};
use docket_core::export::sheet;
use docket_core::import::mapped::Field;
use docket_core::import::prepare::{ImportRequest, Source};
use docket_core::import::{Format, MappingSource};
use docket_core::store::import::ImportSummary;
use docket_core::{sample, Store};

fn no_progress() -> impl FnMut(u64, u64) -> bool {
    |_, _| true
}

/// A recommendation's content without its database ids and history: what must survive.
#[derive(Debug, PartialEq)]
struct Essence {
    paragraph: String,
    text: String,
    states: Vec<String>,
    position: Position,
    position_source: Option<String>,
    themes: Vec<String>,
    groups_of_persons: Vec<String>,
    sdgs: Vec<String>,
    action_category: Option<i64>,
    priority: Option<Priority>,
    our_ask: String,
    lobbying_status: LobbyingStatus,
    implementation_status: ImplementationStatus,
    assignee: String,
    tags: Vec<String>,
    notes: String,
    evidence: Vec<(String, String)>,
}

fn essence(d: RecommendationDetail) -> Essence {
    let t = d.tracking;
    Essence {
        paragraph: d.paragraph,
        text: d.text,
        states: d.recommending_states.into_iter().map(|s| s.name).collect(),
        position: d.position,
        position_source: d.position_source,
        themes: d.themes,
        groups_of_persons: d.groups_of_persons,
        sdgs: d.sdgs,
        action_category: d.action_category,
        priority: t.priority,
        our_ask: t.our_ask,
        lobbying_status: t.lobbying_status,
        implementation_status: t.implementation_status,
        assignee: t.assignee,
        tags: t.tags,
        notes: t.notes,
        evidence: t.evidence.into_iter().map(|e| (e.label, e.url)).collect(),
    }
}

/// The review's recommendation ids in paragraph order.
fn ids(store: &Store, review: i64) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut offset = 0;
    loop {
        let page = store.recommendations_page(review, offset, 1000).unwrap();
        ids.extend(page.rows.iter().map(|r| r.id));
        offset += page.rows.len() as i64;
        if page.rows.is_empty() || offset >= page.total {
            return ids;
        }
    }
}

fn essences(store: &Store, ids: &[i64]) -> Vec<Essence> {
    ids.iter()
        .map(|&id| essence(store.recommendation(id).unwrap()))
        .collect()
}

/// The sample review, some recommendations given groups, SDGs, action categories, States and
/// texts that test the columns' separators and the formula neutralization; tracking set on
/// several of them through the app's edits. Returns the store, the review and the ids edited.
fn original() -> (Store, i64, Vec<i64>) {
    let mut recs = sample::recommendations().unwrap();
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    recs[0].groups_of_persons = strings(&["Women", "Persons with disabilities"]);
    recs[0].sdgs = strings(&[
        "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
        "5 - GENDER EQUALITY",
    ]);
    recs[0].action_category = Some(5);
    recs[1].states = strings(&["Korea, Republic of", "Atlantis, Kingdom of", "Mexico"]);
    recs[1].groups_of_persons =
        strings(&["Lesbian, gay, bisexual, transgender and intersex persons"]);
    recs[1].sdgs = strings(&["16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"]);
    recs[2].themes = strings(&["Rights of the Child, Children"]);
    recs[2].position_source = None;
    recs[2].action_category = Some(1);
    recs[3].text = "=1+1 is not a formula: ratify the Convention".into();
    recs[4].text = "صادقوا على الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين".into();
    recs[5].text = "Garantir l'égalité des chances, « sans délai », et 26.10".into();
    recs[6].position = Position::SupportedInPart;
    recs[7].position = Position::Pending;
    let mut store = Store::open_in_memory().unwrap();
    let review = store.create_review(&sample::review(), &recs).unwrap();
    let all = ids(&store, review);

    let edits: Vec<(usize, Vec<TrackingEdit>)> = vec![
        (
            0,
            vec![
                TrackingEdit::Priority(Some(Priority::High)),
                TrackingEdit::OurAsk("=HYPERLINK(\"x\")".into()),
                TrackingEdit::LobbyingStatus(LobbyingStatus::InProgress),
                TrackingEdit::ImplementationStatus(ImplementationStatus::PartiallyImplemented),
                TrackingEdit::Assignee("Amina Diallo".into()),
                TrackingEdit::AddTag("urgent".into()),
                TrackingEdit::AddTag("Geneva, mission".into()),
                TrackingEdit::Notes("-3 votes short\nsecond line\n\tindented third".into()),
                TrackingEdit::AddEvidence {
                    url: "https://www.upr-info.org/brief?a=1&b=2".into(),
                    label: "UPR Info brief".into(),
                },
                TrackingEdit::AddEvidence {
                    url: "https://example.org/report.pdf".into(),
                    label: String::new(),
                },
                TrackingEdit::AddEvidence {
                    url: "https://example.org/a".into(),
                    label: "Report <2020>, draft".into(),
                },
            ],
        ),
        (
            1,
            vec![
                TrackingEdit::Priority(Some(Priority::Low)),
                TrackingEdit::OurAsk("@ministry: adopter une loi sur l'égalité, d'ici 2026".into()),
                TrackingEdit::Notes("+ follow up with the mission".into()),
                TrackingEdit::AddTag("Égalité".into()),
                TrackingEdit::LobbyingStatus(LobbyingStatus::Achieved),
                TrackingEdit::ImplementationStatus(ImplementationStatus::FullyImplemented),
            ],
        ),
        (
            2,
            vec![
                TrackingEdit::Notes("@desk officer\r\nملاحظات حول التوصية".into()),
                TrackingEdit::Assignee("Zoë".into()),
                TrackingEdit::LobbyingStatus(LobbyingStatus::Dropped),
                TrackingEdit::ImplementationStatus(ImplementationStatus::NotImplemented),
            ],
        ),
        (
            3,
            vec![
                TrackingEdit::Priority(Some(Priority::Medium)),
                TrackingEdit::Notes("\tstarts with a tab".into()),
                TrackingEdit::OurAsk("-".into()),
                TrackingEdit::Assignee("'@handle".into()),
                TrackingEdit::LobbyingStatus(LobbyingStatus::Planned),
            ],
        ),
    ];
    let mut edited = Vec::new();
    for (i, list) in edits {
        for edit in list {
            store.edit_tracking(all[i], &edit, "tester").unwrap();
        }
        edited.push(all[i]);
    }
    (store, review, edited)
}

/// Imports a file as the app does (format, encoding and columns guessed), checking that the
/// preview needs nothing from the user, and commits it.
fn import(store: &mut Store, path: &Path) -> ImportSummary {
    let request = ImportRequest {
        source: Some(Source::File {
            path: path.to_path_buf(),
        }),
        ..ImportRequest::default()
    };
    let prepared = store.prepare_import(&request, &mut no_progress()).unwrap();
    let preview = &prepared.preview;
    assert_eq!(preview.format, Format::Csv, "{path:?}");
    assert_eq!(preview.needs_review, None);
    assert_eq!(preview.blocked, None);
    assert_eq!(preview.source.header, COLUMNS);
    // Guessed from the header (remembered from the first import, the second time).
    assert!(
        matches!(
            preview.source.mapping_source,
            Some(MappingSource::Guessed | MappingSource::Remembered)
        ),
        "{:?}",
        preview.source.mapping_source
    );
    let mapping = preview.source.mapping.as_ref().unwrap();
    assert!(
        !mapping.columns.contains(&Field::Ignore),
        "every column is recognised: {mapping:?}"
    );
    assert_eq!(mapping.columns.len(), COLUMNS.len());
    // The only things said about the file: the recommending State Docket does not know, and
    // (into the store the file came from) the tracking kept.
    for problem in &preview.problems {
        assert!(
            problem.message.contains("Atlantis, Kingdom of")
                || problem.message.contains("never overwrites your work"),
            "{problem:?}"
        );
    }
    store
        .commit_import(&prepared.batch, prepared.target, &mut no_progress())
        .unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn exported(store: &Store, review: i64) -> Sheet {
    recommendations_sheet(store, &ids(store, review)).unwrap()
}

#[test]
fn csv_and_xlsx_exports_import_into_identical_data() {
    let (store, review, edited) = original();
    let all = ids(&store, review);
    let sheet_before = recommendations_sheet(&store, &all).unwrap();
    assert_eq!(sheet_before.rows.len(), 347);
    let before = essences(&store, &all);
    // The edits are there to be carried over.
    assert_eq!(before[0].evidence.len(), 3);
    assert_eq!(before[0].tags, ["Geneva, mission", "urgent"]);

    let dir = tempfile::tempdir().unwrap();
    let csv = sheet::csv(&sheet_before);
    let xlsx = sheet::xlsx(&sheet_before, &mut |_| {}).unwrap();
    // The neutralized cells are in the CSV as written for spreadsheets.
    let csv_text = String::from_utf8(csv.clone()).unwrap();
    assert!(
        csv_text.contains("\"'=HYPERLINK(\"\"x\"\")\""),
        "our ask neutralized"
    );
    assert!(csv_text.contains("'+ follow up with the mission"));

    for path in [
        write(dir.path(), "docket-export.csv", &csv),
        write(dir.path(), "docket-export.xlsx", &xlsx),
    ] {
        let mut fresh = Store::open_in_memory().unwrap();
        let summary = import(&mut fresh, &path);
        assert_eq!(summary.reviews_created, 1, "{path:?}");
        assert_eq!(summary.recommendations_created, 347, "{path:?}");

        let reviews = fresh.list_reviews().unwrap();
        assert_eq!(reviews.len(), 1);
        let facts = (
            &reviews[0].state_under_review,
            reviews[0].cycle,
            reviews[0].wg_session,
            reviews[0].review_date.as_deref(),
            reviews[0].report_symbol.as_deref(),
        );
        assert_eq!(
            facts,
            (
                &"United States of America".to_string(),
                Some(3),
                Some(36),
                Some("2020-11-09"),
                Some("A/HRC/46/15")
            ),
            "{path:?}"
        );

        let new_ids = ids(&fresh, reviews[0].id);
        let sheet_after = recommendations_sheet(&fresh, &new_ids).unwrap();
        assert_eq!(sheet_after.header, sheet_before.header);
        for (i, (a, b)) in sheet_after.rows.iter().zip(&sheet_before.rows).enumerate() {
            assert_eq!(a, b, "{path:?}, row {}", i + 1);
        }
        assert_eq!(sheet_after, sheet_before, "{path:?}");

        let after = essences(&fresh, &new_ids);
        assert_eq!(after.len(), before.len());
        for (a, b) in after.iter().zip(&before) {
            assert_eq!(a, b, "{path:?}");
        }
        let edited_after = essences(&fresh, &new_ids[..edited.len()]);
        assert_eq!(edited_after[0].our_ask, "=HYPERLINK(\"x\")");
        assert_eq!(edited_after[3].notes, "\tstarts with a tab");
        assert_eq!(edited_after[2].notes, "@desk officer\r\nملاحظات حول التوصية");
    }
}

#[test]
fn re_importing_into_the_same_store_keeps_the_tracking_there() {
    let (mut store, review, edited) = original();
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "export.csv",
        &sheet::csv(&exported(&store, review)),
    );
    let xlsx = write(
        dir.path(),
        "export.xlsx",
        &sheet::xlsx(&exported(&store, review), &mut |_| {}).unwrap(),
    );

    // After the export, the organization's work moves on.
    let first = edited[0];
    for edit in [
        TrackingEdit::Priority(None),
        TrackingEdit::Notes("Changed after the export".into()),
        TrackingEdit::RemoveTag("urgent".into()),
        TrackingEdit::AddTag("new".into()),
    ] {
        store.edit_tracking(first, &edit, "tester").unwrap();
    }
    let all = ids(&store, review);
    let before = essences(&store, &all);

    for path in [csv, xlsx] {
        let summary = import(&mut store, &path);
        assert_eq!(summary.reviews_created, 0, "{path:?}");
        assert_eq!(summary.recommendations_created, 0, "{path:?}");
        assert_eq!(store.list_reviews().unwrap().len(), 1);
        assert_eq!(
            essences(&store, &all),
            before,
            "{path:?}: nothing overwritten"
        );
        // One problem says that the file's tracking was not taken, for the one that differs.
        let kept: Vec<&str> = summary
            .problems
            .iter()
            .map(|p| p.message.as_str())
            .filter(|m| m.contains("tracking"))
            .collect();
        assert_eq!(kept.len(), 1, "{:?}", summary.problems);
        assert!(
            kept[0].starts_with("1 recommendation was already in Docket"),
            "{}",
            kept[0]
        );
        assert!(kept[0].contains("never overwrites"), "{}", kept[0]);
    }
}

#[test]
fn tracking_typed_in_a_spreadsheet_goes_to_new_recommendations_only() {
    let (mut store, review) = common::sample_store();
    let existing = common::rec_id(&store, review, "26.1");
    store
        .edit_tracking(
            existing,
            &TrackingEdit::Priority(Some(Priority::Low)),
            "tester",
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    // By hand: the sample's review, an existing paragraph and a new one, tracking filled in.
    let path = write(
        dir.path(),
        "by-hand.csv",
        "State under review,Session,Paragraph,Recommendation,Priority,Our ask,Tags,Notes,Evidence\n\
         United States of America,36,26.1,Ratify the Convention,High,Ask,a; b,Note,https://a.org\n\
         United States of America,36,26.999,A new recommendation,High,'=Ask,a; b,Note,Brief <https://a.org>\n"
            .as_bytes(),
    );
    let request = ImportRequest {
        source: Some(Source::File { path }),
        ..ImportRequest::default()
    };
    let prepared = store.prepare_import(&request, &mut no_progress()).unwrap();
    let summary = store
        .commit_import(&prepared.batch, prepared.target, &mut no_progress())
        .unwrap();
    assert_eq!(summary.recommendations_created, 1);
    assert!(
        summary.problems.iter().any(|p| p
            .message
            .starts_with("1 recommendation was already in Docket")),
        "{:?}",
        summary.problems
    );
    let old = store.recommendation(existing).unwrap();
    assert_eq!(old.tracking.priority, Some(Priority::Low), "kept");
    assert_eq!(old.tracking.our_ask, "");
    assert!(old.tracking.tags.is_empty());
    let new = store
        .recommendation(common::rec_id(&store, review, "26.999"))
        .unwrap();
    assert_eq!(new.tracking.priority, Some(Priority::High));
    assert_eq!(new.tracking.our_ask, "=Ask");
    assert_eq!(new.tracking.tags, ["a", "b"]);
    assert_eq!(new.tracking.notes, "Note");
    assert_eq!(new.tracking.evidence.len(), 1);
    assert_eq!(
        (
            new.tracking.evidence[0].label.as_str(),
            new.tracking.evidence[0].url.as_str()
        ),
        ("Brief", "https://a.org")
    );
    // Its notes are in the search index, as typed ones are.
    let found = store
        .search(&docket_core::store::search::SearchRequest {
            query: "Note".into(),
            review_id: Some(review),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        found.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
        [new.id],
        "{found:?}"
    );
}
