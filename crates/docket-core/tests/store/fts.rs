//! The full-text index (`store/fts.rs`) is kept in sync with every write that changes what it
//! covers, and folds case and diacritics.

use docket_core::domain::{NewRecommendation, TrackingEdit};
use docket_core::store::fts::search;
use docket_core::Store;

use crate::common::{count, rec, review, store_with};

fn recs() -> Vec<NewRecommendation> {
    vec![
        NewRecommendation {
            groups_of_persons: vec!["Indigenous peoples".into()],
            ..rec(
                "26.1",
                "Abolish the death penalty at the federal level",
                &["Turkey"],
                &["Death penalty"],
            )
        },
        rec(
            "26.2",
            "Prevent torture and ill-treatment in places of detention",
            &["Bolivarian Republic of Venezuela"],
            &["Prohibition of torture and cruel, inhuman or degrading treatment"],
        ),
        rec(
            "26.3",
            "Impose a moratorium on the penalty of death",
            &["ACT Group"],
            &["Administration of justice & fair trial"],
        ),
    ]
}

/// The paragraphs matching `query` in `review`, sorted (rank order is not under test here).
fn found(store: &Store, review: Option<i64>, query: &str) -> Vec<String> {
    let mut paras: Vec<String> = search(store.conn(), review, query, 100)
        .expect("search")
        .into_iter()
        .map(|id| store.recommendation(id).expect("a hit exists").paragraph)
        .collect();
    paras.sort();
    paras
}

#[test]
fn index_has_one_row_per_recommendation_after_create_review() {
    let (mut store, _) = store_with(&recs());
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM recommendation_fts"),
        3
    );
    store
        .create_review(&review("Croatia"), &recs()[..2])
        .expect("second review");
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM recommendation_fts"),
        count(store.conn(), "SELECT count(*) FROM recommendation"),
        "index rows = recommendations after a second review"
    );
}

#[test]
fn text_states_both_names_and_labels_are_findable() {
    let (store, id) = store_with(&recs());
    for (query, expected) in [
        ("federal", vec!["26.1"]),
        ("Türkiye", vec!["26.1"]),
        ("Turkey", vec!["26.1"]),
        ("Venezuela", vec!["26.2"]),
        ("Bolivarian", vec!["26.2"]),
        ("ACT Group", vec!["26.3"]),
        ("fair trial", vec!["26.3"]),
        ("indigenous", vec!["26.1"]),
        ("degrading", vec!["26.2"]),
    ] {
        assert_eq!(found(&store, Some(id), query), expected, "search {query:?}");
    }
}

#[test]
fn case_and_diacritics_are_ignored() {
    let (store, id) = store_with(&recs());
    for query in ["turkiye", "TÜRKIYE", "TuRkIyE"] {
        assert_eq!(
            found(&store, Some(id), query),
            vec!["26.1"],
            "search {query:?}"
        );
    }
}

#[test]
fn prefix_and_phrase_queries() {
    let (store, id) = store_with(&recs());
    assert_eq!(found(&store, Some(id), "tortur*"), vec!["26.2"], "prefix");
    assert_eq!(
        found(&store, Some(id), "tortur"),
        Vec::<String>::new(),
        "without * a word must match whole"
    );
    assert_eq!(
        found(&store, Some(id), "\"death penalty\""),
        vec!["26.1"],
        "the phrase, not 'penalty of death'"
    );
    assert_eq!(
        found(&store, Some(id), "death penalty"),
        vec!["26.1", "26.3"],
        "both words anywhere"
    );
}

#[test]
fn operators_and_punctuation_are_plain_text_not_errors() {
    let (store, id) = store_with(&recs());
    for query in [
        "NOT", "death OR", "(\"", "penalty)", "-death", "death:*", "^",
    ] {
        assert!(
            search(store.conn(), Some(id), query, 10).is_ok(),
            "{query:?} must not be a syntax error"
        );
    }
    assert!(
        found(&store, Some(id), "  ;; ").is_empty(),
        "nothing searchable finds nothing"
    );
}

#[test]
fn search_can_be_limited_to_one_review() {
    let (mut store, first) = store_with(&recs());
    let second = store
        .create_review(&review("Croatia"), &recs()[..1])
        .expect("second review");
    let all = search(store.conn(), None, "federal", 10).expect("search all");
    assert_eq!(all.len(), 2, "both reviews match without a limit");
    for review in [first, second] {
        let hits = search(store.conn(), Some(review), "federal", 10).expect("search one");
        assert_eq!(hits.len(), 1, "one hit in review {review}");
        assert_eq!(
            store.recommendation(hits[0]).expect("hit").review_id,
            review,
            "the hit belongs to the review asked for"
        );
    }
    assert_eq!(
        search(store.conn(), None, "federal", 1)
            .expect("limited")
            .len(),
        1,
        "the limit is applied"
    );
}

#[test]
fn edited_notes_and_ask_are_reindexed() {
    let (mut store, id) = store_with(&recs());
    let r = store.recommendation_id(id, "26.2").expect("26.2");
    store
        .edit_tracking(
            r,
            &TrackingEdit::Notes("Guaraní speakers consulted".into()),
            "Ana",
        )
        .expect("notes");
    store
        .edit_tracking(
            r,
            &TrackingEdit::OurAsk("Independent prison inspectorate".into()),
            "Ana",
        )
        .expect("ask");
    assert_eq!(
        found(&store, Some(id), "Guarani"),
        vec!["26.2"],
        "new note found, accent-free"
    );
    assert_eq!(
        found(&store, Some(id), "inspectorate"),
        vec!["26.2"],
        "new ask found"
    );

    store
        .edit_tracking(
            r,
            &TrackingEdit::Notes("Quechua interpreters booked".into()),
            "Ana",
        )
        .expect("notes again");
    store
        .edit_tracking(
            r,
            &TrackingEdit::OurAsk("Visit by the Special Rapporteur".into()),
            "Ana",
        )
        .expect("ask again");
    assert!(
        found(&store, Some(id), "guarani").is_empty(),
        "the old note no longer matches"
    );
    assert!(
        found(&store, Some(id), "inspectorate").is_empty(),
        "the old ask no longer matches"
    );
    assert_eq!(found(&store, Some(id), "quechua"), vec!["26.2"]);
    assert_eq!(found(&store, Some(id), "rapporteur"), vec!["26.2"]);
    assert_eq!(
        found(&store, Some(id), "torture"),
        vec!["26.2"],
        "the text is still indexed after the refresh"
    );
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM recommendation_fts"),
        3,
        "a refresh replaces the row, it does not add one"
    );
}

#[test]
fn tags_and_evidence_are_not_indexed() {
    let (mut store, id) = store_with(&recs());
    let r = store.recommendation_id(id, "26.1").expect("26.1");
    store
        .edit_tracking(r, &TrackingEdit::AddTag("flagship".into()), "Ana")
        .expect("tag");
    store
        .edit_tracking(
            r,
            &TrackingEdit::AddEvidence {
                url: "https://example.org/shadow-report".into(),
                label: "Shadow report".into(),
            },
            "Ana",
        )
        .expect("evidence");
    assert!(
        found(&store, Some(id), "flagship").is_empty(),
        "tags are the organization's own"
    );
    assert!(
        found(&store, Some(id), "shadow").is_empty(),
        "evidence is not indexed"
    );
}
