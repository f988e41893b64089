//! Search and facets (`Store::search`) on the sample review and small hand-made ones; every
//! expected count and order is computed here from the recommendations themselves (read one by
//! one, by plain Rust), not written down.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use docket_core::domain::{
    ImplementationStatus, LobbyingStatus, NewRecommendation, NewReview, Position, Priority,
    RecommendationDetail, TrackingEdit,
};
use docket_core::sample;
use docket_core::store::search::{Facet, SearchRequest, SearchTerm, Sort};
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
            tracking: None,
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

// ---------------------------------------------------------------------------------------------
// A model of the data, read back recommendation by recommendation, and the search's semantics
// written out plainly over it.

/// Facet values chosen.
type Filters<'a> = Vec<(Facet, &'a str)>;

/// One recommendation as the model sees it.
#[derive(Debug, Clone)]
struct Rec {
    detail: RecommendationDetail,
    cycle: Option<i64>,
    updated_at: Option<String>,
}

/// Every recommendation, reviews by id, each review in paragraph order (the table's page order).
fn model(store: &Store) -> Vec<Rec> {
    let mut reviews = store.list_reviews().unwrap();
    reviews.sort_by_key(|r| r.id);
    let mut recs = Vec::new();
    for review in reviews {
        let mut offset = 0;
        loop {
            let page = store.recommendations_page(review.id, offset, 1000).unwrap();
            for row in &page.rows {
                let updated_at = store
                    .conn()
                    .query_row(
                        "SELECT updated_at FROM recommendation WHERE id = ?1",
                        [row.id],
                        |r| r.get(0),
                    )
                    .unwrap();
                recs.push(Rec {
                    detail: store.recommendation(row.id).unwrap(),
                    cycle: review.cycle,
                    updated_at,
                });
            }
            offset += page.rows.len() as i64;
            if page.rows.is_empty() || offset >= page.total {
                break;
            }
        }
    }
    recs
}

/// A recommendation's values of a facet (each once).
fn values(r: &Rec, facet: Facet) -> BTreeSet<String> {
    let d = &r.detail;
    let t = &d.tracking;
    let owned = |v: &[String]| v.iter().cloned().collect::<BTreeSet<_>>();
    match facet {
        Facet::Position => [d.position.as_str().to_owned()].into(),
        Facet::Theme => owned(&d.themes),
        Facet::GroupOfPersons => owned(&d.groups_of_persons),
        Facet::Sdg => owned(&d.sdgs),
        Facet::State => d
            .recommending_states
            .iter()
            .map(|s| s.name.clone())
            .collect(),
        Facet::RegionalGroup => d
            .recommending_states
            .iter()
            .filter_map(|s| s.regional_group.clone())
            .collect(),
        Facet::ActionCategory => d.action_category.iter().map(|c| c.to_string()).collect(),
        Facet::Priority => [t.priority.map_or("none", |p| p.as_str()).to_owned()].into(),
        Facet::LobbyingStatus => [t.lobbying_status.as_str().to_owned()].into(),
        Facet::ImplementationStatus => [t.implementation_status.as_str().to_owned()].into(),
        Facet::Assignee => (!t.assignee.is_empty())
            .then(|| t.assignee.clone())
            .into_iter()
            .collect(),
        Facet::Tag => owned(&t.tags),
        Facet::Cycle => r.cycle.iter().map(|c| c.to_string()).collect(),
    }
}

/// Whether `r` passes the filters of `facet` (none chosen: it does).
fn passes(r: &Rec, facet: Facet, filters: &[(Facet, &str)]) -> bool {
    let chosen: Vec<&str> = filters
        .iter()
        .filter(|(f, _)| *f == facet)
        .map(|(_, v)| *v)
        .collect();
    chosen.is_empty()
        || values(r, facet)
            .iter()
            .any(|v| chosen.contains(&v.as_str()))
}

/// What a search should find among `candidates` (the recommendations its words match): the ids
/// in paragraph order, and each facet's counts among those passing every *other* facet.
fn expected(
    candidates: &[&Rec],
    filters: &[(Facet, &str)],
) -> (Vec<i64>, BTreeMap<String, BTreeMap<String, i64>>) {
    let ids = candidates
        .iter()
        .filter(|r| Facet::ALL.iter().all(|f| passes(r, *f, filters)))
        .map(|r| r.detail.id)
        .collect();
    let mut facets = BTreeMap::new();
    for facet in Facet::ALL {
        let mut counts: BTreeMap<String, i64> = BTreeMap::new();
        for r in candidates {
            let others = Facet::ALL
                .iter()
                .filter(|f| **f != facet)
                .all(|f| passes(r, *f, filters));
            if others {
                for v in values(r, facet) {
                    *counts.entry(v).or_default() += 1;
                }
            }
        }
        facets.insert(facet.as_str().to_owned(), counts);
    }
    (ids, facets)
}

/// Whether a word is one of the words of a recommendation's indexed text (its text, States,
/// themes, groups of persons and SDGs), case ignored.
fn mentions(r: &Rec, word: &str) -> bool {
    let d = &r.detail;
    let states: Vec<&str> = d
        .recommending_states
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    [
        d.text.as_str(),
        &d.themes.join(" "),
        &d.groups_of_persons.join(" "),
        &d.sdgs.join(" "),
        &states.join(" "),
    ]
    .iter()
    .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
    .any(|w| w.eq_ignore_ascii_case(word))
}

/// The sample review, a small review of another State (another cycle, action categories,
/// groups of persons, SDGs, several and unknown recommending States), and the organization's
/// work on some of them: priorities, statuses, assignees, tags and last-change times (some
/// equal).
fn fixture() -> (Store, i64, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let sample = sample::load(&mut store).unwrap();
    let review = NewReview {
        state_under_review: "Paraguay".into(),
        cycle: Some(4),
        wg_session: Some(52),
        review_date: None,
        report_symbol: None,
        addendum_symbol: None,
        adoption_date: None,
    };
    let texts = [
        "Prevent torture in places of detention",
        "Guarantee bilingual education in Guaraní and Spanish",
        "Ratify the Optional Protocol to the Convention against Torture",
        "Combat violence against women and girls",
        "Ensure the right to education of indigenous children",
        "Abolish the death penalty in law",
        "Protect human rights defenders and journalists",
        "Strengthen the national mechanism for the prevention of torture",
    ];
    let states = [
        vec!["Mexico", "Uruguay"],
        vec!["atlantis"],
        vec!["France", "Türkiye", "Turkey"],
        vec![],
        vec!["Mexico"],
        vec!["Uruguay", "Japan", "Kenya"],
        vec!["Norway"],
        vec!["Mexico", "France"],
    ];
    let positions = [
        Position::Supported,
        Position::Noted,
        Position::SupportedInPart,
        Position::Pending,
    ];
    let recs: Vec<NewRecommendation> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| NewRecommendation {
            paragraph: format!("120.{}", [3, 10, 2, 1, 25, 4, 7, 11][i]),
            text: (*t).into(),
            states: states[i].iter().map(|s| s.to_string()).collect(),
            position: positions[i % 4],
            position_source: None,
            themes: if i % 2 == 0 {
                vec!["Torture".into(), "Detention".into()]
            } else {
                vec!["Women's rights".into()]
            },
            groups_of_persons: if i % 3 == 0 {
                vec!["Children".into()]
            } else {
                vec![]
            },
            sdgs: vec![format!("{} - GOAL", i % 3 + 1)],
            action_category: (i % 4 != 3).then_some(i as i64 % 5 + 1),
            tracking: None,
        })
        .collect();
    let paraguay = store.create_review(&review, &recs).unwrap();

    let all = model(&store);
    let priorities = [
        Some(Priority::High),
        Some(Priority::Low),
        Some(Priority::Medium),
    ];
    let lobbying = [
        LobbyingStatus::Planned,
        LobbyingStatus::InProgress,
        LobbyingStatus::Achieved,
    ];
    for (i, r) in all.iter().enumerate() {
        let id = r.detail.id;
        if i % 7 == 0 {
            let edit = TrackingEdit::Priority(priorities[(i / 7) % 3]);
            store.edit_tracking(id, &edit, "Ana").unwrap();
        }
        if i % 11 == 0 {
            let edit = TrackingEdit::LobbyingStatus(lobbying[(i / 11) % 3]);
            store.edit_tracking(id, &edit, "Ana").unwrap();
            let edit = TrackingEdit::ImplementationStatus(ImplementationStatus::NotImplemented);
            store.edit_tracking(id, &edit, "Ana").unwrap();
        }
        if i % 13 == 0 {
            let who = ["Ana", "bo", "Chidi"][(i / 13) % 3];
            let edit = TrackingEdit::Assignee(who.into());
            store.edit_tracking(id, &edit, "Ana").unwrap();
        }
        if i % 17 == 0 {
            let edit = TrackingEdit::AddTag(["urgent", "coalition"][(i / 17) % 2].into());
            store.edit_tracking(id, &edit, "Ana").unwrap();
        }
    }
    // Last changes: distinct times on some, the same time on others (ties), none on the rest.
    store
        .write(|tx| {
            tx.execute_batch(
                "UPDATE recommendation SET updated_at = NULL;
                 UPDATE recommendation SET updated_at =
                     strftime('%Y-%m-%dT%H:%M:%SZ', 1700000000 + (id * 7919) % 1000, 'unixepoch')
                 WHERE id % 3 = 0;
                 UPDATE recommendation SET updated_at = '2025-01-01T00:00:00Z' WHERE id % 10 = 1;",
            )?;
            Ok(())
        })
        .unwrap();
    (store, sample, paraguay)
}

fn filtered(
    review: Option<i64>,
    query: &str,
    filters: &[(Facet, &str)],
    sort: Sort,
    descending: bool,
) -> SearchRequest {
    SearchRequest {
        sort,
        descending,
        ..request(review, query, filters)
    }
}

#[test]
fn facet_counts_are_disjunctive_and_agree_with_a_count_by_hand() {
    let (store, sample, paraguay) = fixture();
    let all = model(&store);
    // (review, filters)
    let cases: Vec<(Option<i64>, Filters)> = vec![
        (None, vec![]),
        (None, vec![(Facet::Position, "noted")]),
        (
            None,
            vec![
                (Facet::Position, "noted"),
                (Facet::Position, "supported_in_part"),
                (Facet::RegionalGroup, "GRULAC"),
            ],
        ),
        (
            Some(sample),
            vec![(Facet::Priority, "high"), (Facet::Priority, "none")],
        ),
        (
            None,
            vec![
                (Facet::Theme, "Torture"),
                (Facet::Cycle, "4"),
                (Facet::ActionCategory, "1"),
                (Facet::ActionCategory, "3"),
            ],
        ),
        (
            None,
            vec![
                (Facet::Assignee, "Ana"),
                (Facet::Tag, "urgent"),
                (Facet::LobbyingStatus, "planned"),
                (Facet::ImplementationStatus, "not_assessed"),
            ],
        ),
        (
            Some(paraguay),
            vec![
                (Facet::State, "Mexico"),
                (Facet::State, "atlantis"),
                (Facet::GroupOfPersons, "Children"),
                (Facet::Sdg, "1 - GOAL"),
            ],
        ),
        // A value no recommendation has: nothing matches, and that facet's own counts are
        // still those of everything else.
        (None, vec![(Facet::Theme, "No such theme")]),
    ];
    for (review, filters) in &cases {
        let candidates: Vec<&Rec> = all
            .iter()
            .filter(|r| review.is_none_or(|id| r.detail.review_id == id))
            .collect();
        let found = store.search(&request(*review, "", filters)).unwrap();
        let (ids, facets) = expected(&candidates, filters);
        let found_ids: Vec<i64> = found.hits.iter().map(|h| h.id).collect();
        assert_eq!(found.total as usize, ids.len(), "{filters:?}");
        assert_eq!(found_ids, ids[..ids.len().min(500)], "{filters:?}");
        assert_eq!(found.facets, facets, "{filters:?}");
    }

    // With words: the candidates are the recommendations that mention them.
    for word in ["torture", "education", "women"] {
        let candidates: Vec<&Rec> = all.iter().filter(|r| mentions(r, word)).collect();
        assert!(candidates.len() > 3, "{word}");
        for filters in [
            vec![],
            vec![
                (Facet::Position, "supported"),
                (Facet::RegionalGroup, "WEOG"),
            ],
        ] {
            let found = store.search(&request(None, word, &filters)).unwrap();
            let (ids, facets) = expected(&candidates, &filters);
            assert_eq!(found.total as usize, ids.len(), "{word} {filters:?}");
            assert_eq!(
                found.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
                ids,
                "{word} {filters:?}"
            );
            assert_eq!(found.facets, facets, "{word} {filters:?}");
        }
    }

    // The rule by example: with "noted" chosen, the position facet still counts the others.
    let noted = store
        .search(&request(Some(sample), "", &[(Facet::Position, "noted")]))
        .unwrap();
    assert_eq!(noted.total, 67);
    assert_eq!(noted.facets["position"]["supported"], 263);
    assert_eq!(noted.facets["position"]["noted"], 67);
}

#[test]
fn every_order_and_its_reverse_agree_with_a_sort_by_hand() {
    let (store, _, _) = fixture();
    let all = model(&store);
    let position_rank = |p: Position| {
        [
            Position::Supported,
            Position::SupportedInPart,
            Position::Noted,
            Position::Pending,
        ]
        .iter()
        .position(|q| *q == p)
        .unwrap()
    };
    let priority_rank = |p: Option<Priority>| match p {
        Some(Priority::High) => 0,
        Some(Priority::Medium) => 1,
        Some(Priority::Low) => 2,
        None => 3,
    };
    // Many hits (picked out of the whole order) and few (sorted on their own: the other
    // review's eight).
    for filters in [
        vec![],
        vec![(Facet::Position, "noted"), (Facet::Cycle, "3")],
        vec![(Facet::Cycle, "4")],
    ] {
        let candidates: Vec<&Rec> = all
            .iter()
            .filter(|r| Facet::ALL.iter().all(|f| passes(r, *f, &filters)))
            .collect();
        for sort in [
            Sort::Paragraph,
            Sort::State,
            Sort::Position,
            Sort::Priority,
            Sort::Changed,
        ] {
            // `candidates` is in paragraph order; a stable sort keeps it for ties.
            let mut by_hand = candidates.clone();
            match sort {
                Sort::Paragraph => {}
                Sort::State => by_hand.sort_by_key(|r| {
                    let first = r.detail.recommending_states.first();
                    (first.is_none(), first.map(|s| s.name.to_lowercase()))
                }),
                Sort::Position => by_hand.sort_by_key(|r| position_rank(r.detail.position)),
                Sort::Priority => {
                    by_hand.sort_by_key(|r| priority_rank(r.detail.tracking.priority))
                }
                Sort::Changed => by_hand.sort_by(|a, b| match (&a.updated_at, &b.updated_at) {
                    (Some(a), Some(b)) => b.cmp(a),
                    (a, b) => a.is_none().cmp(&b.is_none()),
                }),
            }
            let ascending: Vec<i64> = by_hand.iter().map(|r| r.detail.id).collect();
            let found = store
                .search_ids(&filtered(None, "", &filters, sort, false))
                .unwrap();
            assert_eq!(found, ascending, "{sort:?} {filters:?}");
            let descending: Vec<i64> = ascending.iter().rev().copied().collect();
            let found = store
                .search_ids(&filtered(None, "", &filters, sort, true))
                .unwrap();
            assert_eq!(found, descending, "{sort:?} descending {filters:?}");
            // The page is the same order's beginning.
            let page = store
                .search(&SearchRequest {
                    limit: 20,
                    ..filtered(None, "", &filters, sort, true)
                })
                .unwrap();
            let page_ids: Vec<i64> = page.hits.iter().map(|h| h.id).collect();
            assert_eq!(page_ids, descending[..20.min(descending.len())], "{sort:?}");
        }
    }
}

#[test]
fn search_ids_is_every_page_put_together() {
    let (store, _, _) = fixture();
    let request = filtered(
        None,
        "right*",
        &[(Facet::Position, "supported"), (Facet::Position, "noted")],
        Sort::State,
        true,
    );
    let ids = store.search_ids(&request).unwrap();
    let first = store.search(&request).unwrap();
    assert_eq!(first.total as usize, ids.len());
    assert!(ids.len() > 20, "{}", ids.len());
    let mut pages = Vec::new();
    let mut offset = 0;
    loop {
        let page = store
            .search(&SearchRequest {
                offset,
                limit: 7,
                facets: false,
                ..request.clone()
            })
            .unwrap();
        assert!(page.facets.is_empty(), "no counts were asked for");
        assert_eq!(page.total, first.total);
        if page.hits.is_empty() {
            break;
        }
        pages.extend(page.hits.iter().map(|h| h.id));
        offset += 7;
    }
    assert_eq!(pages, ids);
}

#[test]
fn hits_carry_the_tracking_the_table_shows_and_the_terms_searched() {
    let (store, sample, _) = fixture();
    let all = model(&store);
    let found = store
        .search(&request(
            Some(sample),
            "Tortur* \"death PENALTY\" Guaraní",
            &[],
        ))
        .unwrap();
    assert_eq!(
        found.terms,
        [
            SearchTerm {
                word: "tortur".into(),
                prefix: true
            },
            SearchTerm {
                word: "death".into(),
                prefix: false
            },
            SearchTerm {
                word: "penalty".into(),
                prefix: false
            },
            SearchTerm {
                word: "guarani".into(),
                prefix: false
            },
        ]
    );
    let everything = store.search(&request(None, "", &[])).unwrap();
    assert_eq!(
        everything.total as usize,
        all.len(),
        "no words, no filter: all"
    );
    let mut checked = 0;
    let by_priority = store
        .search(&filtered(None, "", &[], Sort::Priority, false))
        .unwrap();
    let by_change = store
        .search(&filtered(None, "", &[], Sort::Changed, false))
        .unwrap();
    assert!(by_priority.hits[0].priority.is_some());
    assert!(by_change.hits[0].updated_at.is_some());
    for hit in by_priority
        .hits
        .iter()
        .chain(&by_change.hits)
        .chain(&everything.hits)
    {
        let r = all.iter().find(|r| r.detail.id == hit.id).unwrap();
        let names: Vec<String> = r
            .detail
            .recommending_states
            .iter()
            .map(|s| s.name.clone())
            .collect();
        assert_eq!(hit.states, names, "States in the source's order");
        assert_eq!(hit.review, r.detail.review_id);
        assert_eq!(hit.paragraph, r.detail.paragraph);
        assert_eq!(hit.position, r.detail.position);
        assert_eq!(hit.priority, r.detail.tracking.priority);
        assert_eq!(hit.lobbying_status, r.detail.tracking.lobbying_status);
        assert_eq!(hit.updated_at, r.updated_at);
        checked += 1;
    }
    assert!(checked >= 50);
    // The JSON the app reads (ui/src/lib/ipc/types.ts).
    let json = serde_json::to_value(&everything).unwrap();
    let hit = &json["hits"][0];
    for key in [
        "id",
        "review",
        "paragraph",
        "snippet",
        "matches",
        "position",
        "states",
        "priority",
        "lobbying_status",
        "updated_at",
    ] {
        assert!(hit.get(key).is_some(), "hit has {key}: {hit}");
    }
    assert!(json["terms"].is_array());
}

#[test]
fn pages_are_clamped_to_500_and_a_negative_offset_to_the_start() {
    let mut store = Store::open_in_memory().unwrap();
    let texts: Vec<String> = (0..620).map(|i| format!("Item {i} on torture")).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let (r, recs) = review("Chile", 40, &texts);
    store.create_review(&r, &recs).unwrap();
    let big = store
        .search(&SearchRequest {
            limit: 10_000,
            ..request(None, "torture", &[])
        })
        .unwrap();
    assert_eq!(big.total, 620);
    assert_eq!(big.hits.len(), 500);
    let start = store
        .search(&SearchRequest {
            offset: -5,
            limit: 1,
            ..request(None, "torture", &[])
        })
        .unwrap();
    assert_eq!(start.hits[0].id, big.hits[0].id);
    let none = store
        .search(&SearchRequest {
            limit: -1,
            ..request(None, "torture", &[])
        })
        .unwrap();
    assert!(none.hits.is_empty());
    assert_eq!(none.total, 620);
    // 140.2 before 140.10: paragraph order, not text order.
    assert_eq!(big.hits[1].paragraph, "140.2");
}

#[test]
fn an_edit_through_the_same_store_is_seen_by_the_next_search() {
    let (mut store, sample, _) = fixture();
    let high = |store: &Store| {
        store
            .search(&request(Some(sample), "", &[(Facet::Priority, "high")]))
            .unwrap()
    };
    let before = high(&store);
    let id = store.recommendation_id(sample, "26.2").unwrap();
    assert!(!before.hits.iter().any(|h| h.id == id));
    store
        .edit_tracking(id, &TrackingEdit::Priority(Some(Priority::High)), "Ana")
        .unwrap();
    let after = high(&store);
    assert_eq!(after.total, before.total + 1);
    assert!(after.hits.iter().any(|h| h.id == id));
    assert_eq!(
        after.facets["priority"]["high"],
        before.facets["priority"]["high"] + 1
    );
    let hit = after.hits.iter().find(|h| h.id == id).unwrap();
    assert_eq!(hit.priority, Some(Priority::High));
    assert!(hit.updated_at.is_some());

    // A tag and an assignee, and a sort by last change: the edited one comes first.
    store
        .edit_tracking(id, &TrackingEdit::AddTag("fresh".into()), "Ana")
        .unwrap();
    let tagged = store
        .search(&filtered(
            None,
            "",
            &[(Facet::Tag, "fresh")],
            Sort::Changed,
            false,
        ))
        .unwrap();
    assert_eq!(tagged.total, 1);
    let changed = store
        .search_ids(&filtered(None, "", &[], Sort::Changed, false))
        .unwrap();
    assert_eq!(changed[0], id, "the last change sorts first");
}

#[test]
fn a_write_by_another_program_is_seen_by_the_next_search() {
    let (_dir, path) = common::temp_db();
    let mut app = Store::open(&path).unwrap();
    let sample = sample::load(&mut app).unwrap();
    let high = |store: &Store| {
        store
            .search(&request(None, "", &[(Facet::Priority, "high")]))
            .unwrap()
            .total
    };
    assert_eq!(high(&app), 0);
    let everything = app.search(&request(None, "", &[])).unwrap().total;

    // docket-cli, on the same file, while the app is open.
    let mut cli = Store::open(&path).unwrap();
    let id = cli.recommendation_id(sample, "26.5").unwrap();
    cli.edit_tracking(id, &TrackingEdit::Priority(Some(Priority::High)), "Bo")
        .unwrap();
    assert_eq!(high(&app), 1, "the app sees the other program's edit");
    let found = app
        .search(&request(None, "", &[(Facet::Priority, "high")]))
        .unwrap();
    assert_eq!(found.hits[0].id, id);

    let (r, recs) = review("Paraguay", 52, &["Prevent torture in places of detention"]);
    let paraguay = cli.create_review(&r, &recs).unwrap();
    drop(cli);
    let after = app.search(&request(None, "", &[])).unwrap();
    assert_eq!(after.total, everything + 1);
    let new = app
        .search(&request(Some(paraguay), "detention", &[]))
        .unwrap();
    assert_eq!(new.total, 1, "a review created meanwhile is searchable");
}
