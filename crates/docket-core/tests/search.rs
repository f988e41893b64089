//! Search and facets (`Store::search`) on the sample review and small hand-made ones; every
//! expected count is computed here from the recommendations themselves, not written down.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use docket_core::domain::{
    NewRecommendation, NewReview, Position, Priority, RecommendationDetail, TrackingEdit,
};
use docket_core::sample;
use docket_core::store::search::{Facet, SearchRequest};
use docket_core::{ErrorKind, Store};

fn details(store: &Store, review: i64) -> Vec<RecommendationDetail> {
    let page = store.recommendations_page(review, 0, 1000).unwrap();
    page.rows
        .iter()
        .map(|r| store.recommendation(r.id).unwrap())
        .collect()
}

fn request(review: Option<i64>, query: &str, filters: &[(Facet, &str)]) -> SearchRequest {
    SearchRequest {
        review_id: review,
        query: query.into(),
        filters: filters.iter().map(|(f, v)| (*f, (*v).to_owned())).collect(),
        offset: 0,
        limit: 500,
        ..SearchRequest::default()
    }
}

fn review(state: &str, session: i64, texts: &[&str]) -> (NewReview, Vec<NewRecommendation>) {
    let review = NewReview {
        state_under_review: state.into(),
        cycle: Some(4),
        wg_session: Some(session),
        review_date: None,
        report_symbol: None,
        addendum_symbol: None,
        adoption_date: None,
    };
    let recs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| NewRecommendation {
            paragraph: format!("140.{}", i + 1),
            text: (*t).into(),
            states: vec!["Mexico".into()],
            position: Position::Noted,
            position_source: None,
            themes: vec![],
            groups_of_persons: vec![],
            sdgs: vec![],
            action_category: None,
        })
        .collect();
    (review, recs)
}

#[test]
fn a_phrase_finds_what_contains_it_and_facets_count_the_hits() {
    let mut store = Store::open_in_memory().unwrap();
    let id = sample::load(&mut store).unwrap();
    let all = details(&store, id);
    let contains = |d: &RecommendationDetail, phrase: &str| {
        let haystack = format!(
            "{} {} {}",
            d.text,
            d.themes.join(" "),
            d.recommending_states
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        )
        .to_lowercase();
        haystack.contains(phrase)
    };
    let expected: BTreeSet<i64> = all
        .iter()
        .filter(|d| contains(d, "death penalty"))
        .map(|d| d.id)
        .collect();
    assert!(expected.len() > 3);

    let found = store
        .search(&request(Some(id), "\"death penalty\"", &[]))
        .unwrap();
    assert_eq!(found.total as usize, expected.len());
    let ids: BTreeSet<i64> = found.hits.iter().map(|h| h.id).collect();
    assert_eq!(ids, expected);
    for hit in &found.hits {
        let marked: Vec<String> = hit
            .matches
            .iter()
            .map(|[a, b]| hit.snippet[*a..*b].to_lowercase())
            .collect();
        // A hit found through its theme has no match in its text.
        assert!(marked
            .iter()
            .all(|m| m.starts_with("death") || m.starts_with("penalty")));
    }

    // Facets count the hits: positions and regional groups, from the details.
    let mut positions: BTreeMap<String, i64> = BTreeMap::new();
    let mut groups: BTreeMap<String, i64> = BTreeMap::new();
    for d in all.iter().filter(|d| expected.contains(&d.id)) {
        *positions.entry(d.position.to_string()).or_default() += 1;
        let mine: BTreeSet<&str> = d
            .recommending_states
            .iter()
            .filter_map(|s| s.regional_group.as_deref())
            .collect();
        for g in mine {
            *groups.entry(g.to_owned()).or_default() += 1;
        }
    }
    assert_eq!(found.facets["position"], positions);
    assert_eq!(found.facets["regional_group"], groups);
}

#[test]
fn facet_values_narrow_across_facets_and_widen_within_one() {
    let mut store = Store::open_in_memory().unwrap();
    let id = sample::load(&mut store).unwrap();
    let all = details(&store, id);

    let everything = store.search(&request(Some(id), "", &[])).unwrap();
    assert_eq!(everything.total, 347);
    assert_eq!(everything.facets["position"]["supported"], 263);
    assert_eq!(everything.facets["position"]["noted"], 67);
    assert_eq!(everything.facets["position"]["supported_in_part"], 17);
    let mut themes: BTreeMap<String, i64> = BTreeMap::new();
    for d in &all {
        for t in &d.themes {
            *themes.entry(t.clone()).or_default() += 1;
        }
    }
    assert_eq!(everything.facets["theme"], themes);

    let noted = store
        .search(&request(Some(id), "", &[(Facet::Position, "noted")]))
        .unwrap();
    assert_eq!(noted.total, 67);
    let either = store
        .search(&request(
            Some(id),
            "",
            &[
                (Facet::Position, "noted"),
                (Facet::Position, "supported_in_part"),
            ],
        ))
        .unwrap();
    assert_eq!(either.total, 84);

    let (theme, _) = themes.iter().max_by_key(|(_, n)| **n).unwrap();
    let both = store
        .search(&request(
            Some(id),
            "",
            &[(Facet::Position, "noted"), (Facet::Theme, theme)],
        ))
        .unwrap();
    let expected = all
        .iter()
        .filter(|d| d.position == Position::Noted && d.themes.contains(theme))
        .count();
    assert_eq!(both.total as usize, expected);

    let weog = store
        .search(&request(Some(id), "", &[(Facet::RegionalGroup, "WEOG")]))
        .unwrap();
    let expected = all
        .iter()
        .filter(|d| {
            d.recommending_states
                .iter()
                .any(|s| s.regional_group.as_deref() == Some("WEOG"))
        })
        .count();
    assert_eq!(weog.total as usize, expected);
    assert_eq!(
        everything.facets["regional_group"]["WEOG"] as usize,
        expected
    );
}

#[test]
fn the_organizations_fields_are_facets_too() {
    let mut store = Store::open_in_memory().unwrap();
    let id = sample::load(&mut store).unwrap();
    let first = store.recommendation_id(id, "26.1").unwrap();
    let second = store.recommendation_id(id, "26.2").unwrap();
    for rec in [first, second] {
        store
            .edit_tracking(rec, &TrackingEdit::Priority(Some(Priority::High)), "Ana")
            .unwrap();
    }
    store
        .edit_tracking(first, &TrackingEdit::AddTag("Maria".into()), "Ana")
        .unwrap();
    let high = store
        .search(&request(Some(id), "", &[(Facet::Priority, "high")]))
        .unwrap();
    assert_eq!(high.total, 2);
    assert_eq!(high.facets["tag"]["Maria"], 1);
    let none = store
        .search(&request(Some(id), "", &[(Facet::Priority, "none")]))
        .unwrap();
    assert_eq!(none.total, 345);
    assert_eq!(none.facets["priority"]["none"], 345);
}

#[test]
fn diacritics_prefixes_and_every_review() {
    let mut store = Store::open_in_memory().unwrap();
    let sample = sample::load(&mut store).unwrap();
    let (r, recs) = review(
        "Paraguay",
        52,
        &[
            "Guarantee bilingual education in Guaraní and Spanish",
            "Prevent torture in places of detention",
        ],
    );
    let paraguay = store.create_review(&r, &recs).unwrap();

    let guarani = store.search(&request(None, "guarani", &[])).unwrap();
    assert_eq!(guarani.total, 1);
    assert_eq!(guarani.hits[0].review, paraguay);

    let everywhere = store.search(&request(None, "tortur*", &[])).unwrap();
    let in_sample = store
        .search(&request(Some(sample), "tortur*", &[]))
        .unwrap();
    let in_paraguay = store
        .search(&request(Some(paraguay), "tortur*", &[]))
        .unwrap();
    assert_eq!(in_paraguay.total, 1);
    assert!(in_sample.total > 0);
    assert_eq!(everywhere.total, in_sample.total + in_paraguay.total);
    assert_eq!(everywhere.facets["cycle"]["4"], 1);

    // Paging.
    let page = SearchRequest {
        offset: 1,
        limit: 2,
        ..request(None, "tortur*", &[])
    };
    let second = store.search(&page).unwrap();
    assert_eq!(second.hits.len(), 2);
    assert_eq!(second.hits[0].id, everywhere.hits[1].id);
}

#[test]
fn bad_filters_are_refused_with_a_message() {
    let mut store = Store::open_in_memory().unwrap();
    let id = sample::load(&mut store).unwrap();
    for (facet, value) in [
        (Facet::RegionalGroup, "Oceania"),
        (Facet::Cycle, "third"),
        (Facet::ActionCategory, "x"),
    ] {
        let err = store
            .search(&request(Some(id), "", &[(facet, value)]))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{facet:?}");
        assert!(err.to_string().contains(value), "{err}");
    }
    assert_eq!(
        store
            .search(&request(Some(9999), "", &[]))
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
    // Punctuation alone is no text condition.
    assert_eq!(
        store.search(&request(Some(id), " ;* ", &[])).unwrap().total,
        347
    );
}
