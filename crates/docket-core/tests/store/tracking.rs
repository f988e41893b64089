//! Edits of the organization's tracking (`store/tracking.rs`): each change is saved with exactly
//! one history row, a no-op saves nothing, and a refused edit changes nothing.

use docket_core::domain::{
    ImplementationStatus, LobbyingStatus, Priority, RecommendationDetail, TrackingEdit,
};
use docket_core::{ErrorKind, Store};

use crate::common::{count, rec, store_with};

/// A store with one recommendation; returns its id.
fn one() -> (Store, i64) {
    let (store, review) = store_with(&[rec("26.1", "Ratify the Covenant", &["Somalia"], &[])]);
    let id = store.recommendation_id(review, "26.1").expect("26.1");
    (store, id)
}

fn history_count(store: &Store) -> i64 {
    count(store.conn(), "SELECT count(*) FROM history")
}

/// Applies `edit` as `who`, and checks it wrote exactly one history row with `field`, `old` and
/// `new`. Returns the detail as saved.
fn edit_recorded(
    store: &mut Store,
    id: i64,
    edit: TrackingEdit,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> RecommendationDetail {
    let before = history_count(store);
    let d = store
        .edit_tracking(id, &edit, "Ana")
        .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    assert_eq!(
        history_count(store),
        before + 1,
        "{edit:?} writes one history row"
    );
    let h = &d.history[0];
    assert_eq!(
        (
            h.who.as_str(),
            h.field.as_str(),
            h.old_value.as_deref(),
            h.new_value.as_deref()
        ),
        ("Ana", field, old, new),
        "newest history entry for {edit:?}"
    );
    assert!(
        is_utc_to_the_second(&h.at),
        "the time is RFC 3339 UTC to the second: {}",
        h.at
    );
    d
}

/// `YYYY-MM-DDTHH:MM:SSZ`.
fn is_utc_to_the_second(at: &str) -> bool {
    let b = at.as_bytes();
    b.len() == 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'Z'
}

/// Applies `edit` and checks it wrote no history row and left the detail as it was.
fn edit_is_noop(store: &mut Store, id: i64, edit: TrackingEdit) {
    let before = store.recommendation(id).expect("before");
    let rows = history_count(store);
    let after = store
        .edit_tracking(id, &edit, "Ana")
        .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    assert_eq!(
        history_count(store),
        rows,
        "{edit:?} changes nothing, so writes no history"
    );
    assert_eq!(
        after, before,
        "{edit:?} leaves the recommendation as it was"
    );
}

#[test]
fn priority_is_set_changed_and_cleared() {
    let (mut store, id) = one();
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::Priority(Some(Priority::High)),
        "priority",
        None,
        Some("high"),
    );
    assert_eq!(d.tracking.priority, Some(Priority::High));
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::Priority(Some(Priority::Low)),
        "priority",
        Some("high"),
        Some("low"),
    );
    assert_eq!(d.tracking.priority, Some(Priority::Low));
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::Priority(None),
        "priority",
        Some("low"),
        None,
    );
    assert_eq!(d.tracking.priority, None);
    edit_is_noop(&mut store, id, TrackingEdit::Priority(None));
    let page = store.recommendations_page(d.review_id, 0, 1).expect("page");
    assert_eq!(page.rows[0].priority, None, "the table row agrees");
}

#[test]
fn our_ask_is_saved_trimmed() {
    let (mut store, id) = one();
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::OurAsk("  Ratify by 2026 \n".into()),
        "our_ask",
        Some(""),
        Some("Ratify by 2026"),
    );
    assert_eq!(d.tracking.our_ask, "Ratify by 2026");
    edit_is_noop(
        &mut store,
        id,
        TrackingEdit::OurAsk("Ratify by 2026  ".into()),
    );
}

#[test]
fn lobbying_status_changes_are_recorded() {
    let (mut store, id) = one();
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::LobbyingStatus(LobbyingStatus::InProgress),
        "lobbying_status",
        Some("not_started"),
        Some("in_progress"),
    );
    assert_eq!(d.tracking.lobbying_status, LobbyingStatus::InProgress);
    edit_is_noop(
        &mut store,
        id,
        TrackingEdit::LobbyingStatus(LobbyingStatus::InProgress),
    );
    let page = store.recommendations_page(d.review_id, 0, 1).expect("page");
    assert_eq!(
        page.rows[0].lobbying_status,
        LobbyingStatus::InProgress,
        "the table row agrees"
    );
}

#[test]
fn implementation_status_changes_are_recorded() {
    let (mut store, id) = one();
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::ImplementationStatus(ImplementationStatus::PartiallyImplemented),
        "implementation_status",
        Some("not_assessed"),
        Some("partially_implemented"),
    );
    assert_eq!(
        d.tracking.implementation_status,
        ImplementationStatus::PartiallyImplemented
    );
    edit_is_noop(
        &mut store,
        id,
        TrackingEdit::ImplementationStatus(ImplementationStatus::PartiallyImplemented),
    );
}

#[test]
fn assignee_is_saved_trimmed() {
    let (mut store, id) = one();
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::Assignee(" Bea ".into()),
        "assignee",
        Some(""),
        Some("Bea"),
    );
    assert_eq!(d.tracking.assignee, "Bea");
    edit_is_noop(&mut store, id, TrackingEdit::Assignee("Bea".into()));
}

#[test]
fn notes_keep_leading_space_and_drop_trailing_space() {
    let (mut store, id) = one();
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::Notes("  - met the mission\n\n".into()),
        "notes",
        Some(""),
        Some("  - met the mission"),
    );
    assert_eq!(d.tracking.notes, "  - met the mission");
    edit_is_noop(
        &mut store,
        id,
        TrackingEdit::Notes("  - met the mission   ".into()),
    );
}

#[test]
fn edits_set_updated_at() {
    let (mut store, id) = one();
    let before: Option<String> = store
        .conn()
        .query_row(
            "SELECT updated_at FROM recommendation WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .expect("updated_at");
    assert_eq!(before, None, "never edited");
    store
        .edit_tracking(id, &TrackingEdit::Assignee("Bea".into()), "Ana")
        .expect("edit");
    let after: Option<String> = store
        .conn()
        .query_row(
            "SELECT updated_at FROM recommendation WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .expect("updated_at");
    assert!(after.is_some(), "an edit stamps updated_at");
}

#[test]
fn add_tag_twice_keeps_one_tag_and_one_history_row() {
    let (mut store, id) = one();
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::AddTag(" treaties ".into()),
        "tag",
        None,
        Some("treaties"),
    );
    assert_eq!(d.tracking.tags, vec!["treaties"]);
    edit_is_noop(&mut store, id, TrackingEdit::AddTag("treaties".into()));
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::AddTag("Access".into()),
        "tag",
        None,
        Some("Access"),
    );
    assert_eq!(
        d.tracking.tags,
        vec!["Access", "treaties"],
        "tags sorted, case-insensitively"
    );
}

#[test]
fn remove_tag_is_recorded_and_removing_a_missing_tag_is_a_noop() {
    let (mut store, id) = one();
    store
        .edit_tracking(id, &TrackingEdit::AddTag("treaties".into()), "Ana")
        .expect("add");
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::RemoveTag("treaties".into()),
        "tag",
        Some("treaties"),
        None,
    );
    assert!(d.tracking.tags.is_empty());
    edit_is_noop(&mut store, id, TrackingEdit::RemoveTag("treaties".into()));
}

#[test]
fn a_theme_with_the_same_value_is_not_a_tag() {
    let (mut store, review) = store_with(&[rec("1.1", "Ratify", &["France"], &["treaties"])]);
    let id = store.recommendation_id(review, "1.1").expect("1.1");
    edit_is_noop(&mut store, id, TrackingEdit::RemoveTag("treaties".into()));
    assert_eq!(
        store.recommendation(id).expect("d").themes,
        vec!["treaties"],
        "the theme stays"
    );
}

#[test]
fn evidence_is_added_and_removed_with_history() {
    let (mut store, id) = one();
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::AddEvidence {
            url: " https://undocs.org/A/HRC/46/15 ".into(),
            label: "WG report".into(),
        },
        "evidence",
        None,
        Some("WG report <https://undocs.org/A/HRC/46/15>"),
    );
    assert_eq!(d.tracking.evidence.len(), 1);
    assert_eq!(
        d.tracking.evidence[0].url, "https://undocs.org/A/HRC/46/15",
        "trimmed"
    );
    assert_eq!(d.tracking.evidence[0].label, "WG report");
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::AddEvidence {
            url: "notes/visit.pdf".into(),
            label: "".into(),
        },
        "evidence",
        None,
        Some("notes/visit.pdf"),
    );
    let urls: Vec<_> = d.tracking.evidence.iter().map(|e| e.url.as_str()).collect();
    assert_eq!(
        urls,
        vec!["https://undocs.org/A/HRC/46/15", "notes/visit.pdf"],
        "oldest first"
    );

    let first = d.tracking.evidence[0].id;
    let d = edit_recorded(
        &mut store,
        id,
        TrackingEdit::RemoveEvidence(first),
        "evidence",
        Some("WG report <https://undocs.org/A/HRC/46/15>"),
        None,
    );
    let urls: Vec<_> = d.tracking.evidence.iter().map(|e| e.url.as_str()).collect();
    assert_eq!(urls, vec!["notes/visit.pdf"]);
}

#[test]
fn removing_missing_evidence_is_not_found_and_changes_nothing() {
    let (mut store, id) = one();
    let d = store
        .edit_tracking(
            id,
            &TrackingEdit::AddEvidence {
                url: "https://example.org".into(),
                label: "x".into(),
            },
            "Ana",
        )
        .expect("add");
    let link = d.tracking.evidence[0].id;
    let before = store.recommendation(id).expect("before");
    let err = store
        .edit_tracking(id, &TrackingEdit::RemoveEvidence(link + 1), "Ana")
        .expect_err("no such link");
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    assert_eq!(
        store.recommendation(id).expect("after"),
        before,
        "nothing changed"
    );
}

#[test]
fn evidence_of_another_recommendation_cannot_be_removed_through_this_one() {
    let (mut store, review) = store_with(&[
        rec("1.1", "A", &["France"], &[]),
        rec("1.2", "B", &["France"], &[]),
    ]);
    let a = store.recommendation_id(review, "1.1").expect("a");
    let b = store.recommendation_id(review, "1.2").expect("b");
    let link = store
        .edit_tracking(
            a,
            &TrackingEdit::AddEvidence {
                url: "https://example.org".into(),
                label: "".into(),
            },
            "Ana",
        )
        .expect("add")
        .tracking
        .evidence[0]
        .id;
    let err = store
        .edit_tracking(b, &TrackingEdit::RemoveEvidence(link), "Ana")
        .expect_err("the link is a's");
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    assert_eq!(
        store.recommendation(a).expect("a").tracking.evidence.len(),
        1,
        "a keeps its link"
    );
}

#[test]
fn over_long_or_empty_input_is_refused_and_changes_nothing() {
    let (mut store, id) = one();
    store
        .edit_tracking(id, &TrackingEdit::Notes("keep me".into()), "Ana")
        .expect("a first note");
    let before = store.recommendation(id).expect("before");
    let rows = history_count(&store);
    let long = |n: usize| "é".repeat(n);
    for edit in [
        TrackingEdit::Notes(long(100_001)),
        TrackingEdit::OurAsk(long(100_001)),
        TrackingEdit::Assignee(long(201)),
        TrackingEdit::AddTag(long(201)),
        TrackingEdit::AddTag("   ".into()),
        TrackingEdit::RemoveTag("".into()),
        TrackingEdit::AddEvidence {
            url: "  ".into(),
            label: "label".into(),
        },
        TrackingEdit::AddEvidence {
            url: format!("https://e.org/{}", long(2_000)),
            label: "".into(),
        },
        TrackingEdit::AddEvidence {
            url: "https://e.org".into(),
            label: long(201),
        },
    ] {
        let err = store.edit_tracking(id, &edit, "Ana").expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
        assert_eq!(history_count(&store), rows, "no history for a refused edit");
        assert_eq!(
            store.recommendation(id).expect("after"),
            before,
            "nothing changed"
        );
    }
    // Limits count characters, not bytes: 100,000 two-byte characters are accepted.
    store
        .edit_tracking(id, &TrackingEdit::Notes(long(100_000)), "Ana")
        .expect("at the limit");
}

#[test]
fn editing_a_missing_recommendation_is_not_found() {
    let (mut store, id) = one();
    let rows = history_count(&store);
    for edit in [
        TrackingEdit::Notes("x".into()),
        TrackingEdit::AddTag("x".into()),
        TrackingEdit::RemoveEvidence(1),
    ] {
        let err = store
            .edit_tracking(id + 1000, &edit, "Ana")
            .expect_err("missing");
        assert_eq!(err.kind(), ErrorKind::NotFound, "{edit:?}: {err}");
    }
    assert_eq!(history_count(&store), rows, "nothing recorded");
}

#[test]
fn history_is_newest_first_and_names_who() {
    let (mut store, id) = one();
    store
        .edit_tracking(id, &TrackingEdit::Assignee("Bea".into()), "Ana")
        .expect("1");
    store
        .edit_tracking(id, &TrackingEdit::Assignee("Cy".into()), "Bea")
        .expect("2");
    let h = store.recommendation(id).expect("d").history;
    let seen: Vec<_> = h
        .iter()
        .map(|e| {
            (
                e.who.as_str(),
                e.old_value.as_deref(),
                e.new_value.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            ("Bea", Some("Bea"), Some("Cy")),
            ("Ana", Some(""), Some("Bea"))
        ],
        "newest first"
    );
}

#[test]
fn tracking_edit_json_shape() {
    let edit: TrackingEdit =
        serde_json::from_str(r#"{"field": "priority", "value": "high"}"#).expect("parse");
    assert_eq!(edit, TrackingEdit::Priority(Some(Priority::High)));
    let edit: TrackingEdit =
        serde_json::from_str(r#"{"field": "add_evidence", "value": {"url": "u", "label": "l"}}"#)
            .expect("parse");
    assert_eq!(
        edit,
        TrackingEdit::AddEvidence {
            url: "u".into(),
            label: "l".into()
        }
    );
}
