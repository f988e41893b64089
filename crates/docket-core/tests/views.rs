//! Saved views (`store/views.rs`): a named search with its filters and sort.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use docket_core::domain::NewSavedView;
use docket_core::store::search::{Facet, Sort};
use docket_core::ErrorKind;

use common::{rec, review, sample_store};

fn view(name: &str, review_id: Option<i64>) -> NewSavedView {
    NewSavedView {
        name: name.into(),
        review_id,
        query: "death penalty".into(),
        filters: vec![
            (Facet::Position, "noted".into()),
            (Facet::Position, "supported_in_part".into()),
            (Facet::Theme, "Death penalty".into()),
        ],
        sort: Sort::Changed,
        descending: true,
    }
}

#[test]
fn a_view_is_saved_listed_and_deleted() {
    let (mut store, review) = sample_store();
    assert!(store.list_views().unwrap().is_empty());
    let saved = store
        .save_view(&view("  Noted on the death penalty ", Some(review)))
        .unwrap();
    assert_eq!(
        saved.name, "Noted on the death penalty",
        "the name is trimmed"
    );
    assert_eq!(saved.review_id, Some(review));
    assert_eq!(saved.query, "death penalty");
    assert_eq!(
        saved.filters,
        view("x", None).filters,
        "filters kept in order"
    );
    assert_eq!((saved.sort, saved.descending), (Sort::Changed, true));
    assert_eq!(
        saved.created_at.len(),
        20,
        "RFC 3339 UTC: {}",
        saved.created_at
    );

    let all = store
        .save_view(&NewSavedView {
            name: "all reviews, high".into(),
            review_id: None,
            query: String::new(),
            filters: vec![(Facet::Priority, "high".into())],
            sort: Sort::Paragraph,
            descending: false,
        })
        .unwrap();
    let names: Vec<_> = store
        .list_views()
        .unwrap()
        .into_iter()
        .map(|v| v.name)
        .collect();
    assert_eq!(
        names,
        vec!["all reviews, high", "Noted on the death penalty"],
        "by name, regardless of case"
    );
    assert_eq!(store.list_views().unwrap()[1], saved, "read back as saved");

    store.delete_view(all.id).unwrap();
    assert_eq!(store.list_views().unwrap(), vec![saved]);
    let e = store.delete_view(all.id).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}

#[test]
fn saving_under_a_name_in_use_replaces_that_view() {
    let (mut store, review) = sample_store();
    let first = store.save_view(&view("Urgent", Some(review))).unwrap();
    let replaced = store
        .save_view(&NewSavedView {
            name: "URGENT".into(),
            review_id: None,
            query: "torture".into(),
            filters: Vec::new(),
            sort: Sort::Priority,
            descending: false,
        })
        .unwrap();
    assert_eq!(replaced.id, first.id, "the same view, replaced");
    assert_eq!(replaced.name, "URGENT", "with the name as typed now");
    assert_eq!(
        (
            replaced.review_id,
            replaced.query.as_str(),
            replaced.filters.len(),
            replaced.sort
        ),
        (None, "torture", 0, Sort::Priority)
    );
    assert_eq!(store.list_views().unwrap(), vec![replaced]);

    // Beyond A to Z, too.
    let e1 = store.save_view(&view("Égalité", None)).unwrap();
    let e2 = store.save_view(&view("éGALITÉ", None)).unwrap();
    assert_eq!(e1.id, e2.id);
    assert_eq!(store.list_views().unwrap().len(), 2);
}

#[test]
fn invalid_views_are_refused() {
    let (mut store, review) = sample_store();
    for name in ["", "   ", &"x".repeat(101)] {
        let e = store.save_view(&view(name, None)).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{name:?}");
        assert!(e.to_string().contains("1 to 100 characters"), "{e}");
    }
    assert!(store.save_view(&view(&"x".repeat(100), None)).is_ok());

    let mut bad = view("Empty value", None);
    bad.filters.push((Facet::Tag, "  ".into()));
    let e = store.save_view(&bad).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("tag filter"), "{e}");

    let e = store
        .save_view(&view("Gone", Some(review + 100)))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert!(
        e.to_string().contains("all reviews"),
        "says what to do: {e}"
    );
    assert_eq!(store.list_views().unwrap().len(), 1, "only the valid one");
}

#[test]
fn views_of_a_deleted_review_go_with_it() {
    let (mut store, sample_review) = sample_store();
    let other = store
        .create_review(&review("Slovenia"), &[rec("1.1", "Ratify", &[], &[])])
        .unwrap();
    store
        .save_view(&view("Sample", Some(sample_review)))
        .unwrap();
    store.save_view(&view("Slovenia", Some(other))).unwrap();
    store.save_view(&view("Everywhere", None)).unwrap();
    store
        .conn()
        .execute("DELETE FROM review WHERE id = ?1", [other])
        .unwrap();
    let names: Vec<_> = store
        .list_views()
        .unwrap()
        .into_iter()
        .map(|v| v.name)
        .collect();
    assert_eq!(names, vec!["Everywhere", "Sample"]);
}

#[test]
fn view_json_matches_the_ui_contract() {
    let (mut store, review) = sample_store();
    let input: NewSavedView = serde_json::from_value(serde_json::json!({
        "name": "Noted",
        "review_id": review,
        "query": "",
        "filters": [["position", "noted"], ["group_of_persons", "Women"]],
        "sort": "changed",
        "descending": true
    }))
    .unwrap();
    let saved = store.save_view(&input).unwrap();
    assert_eq!(
        serde_json::to_value(&saved).unwrap(),
        serde_json::json!({
            "id": saved.id,
            "name": "Noted",
            "review_id": review,
            "query": "",
            "filters": [["position", "noted"], ["group_of_persons", "Women"]],
            "sort": "changed",
            "descending": true,
            "created_at": saved.created_at
        })
    );
}
