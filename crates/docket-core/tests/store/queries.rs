//! Read queries (`store/queries.rs`): paging in paragraph order, one recommendation, statistics.

use docket_core::domain::{NewRecommendation, Position};
use docket_core::{ErrorKind, Store};

use crate::common::{rec, review, store_with};

fn unordered() -> Vec<NewRecommendation> {
    ["26.10", "26.2", "26.1", "27.1", "26.100"]
        .iter()
        .map(|p| rec(p, &format!("Recommendation {p}"), &["France"], &[]))
        .collect()
}

fn paragraphs(store: &Store, review: i64, offset: i64, limit: i64) -> Vec<String> {
    store
        .recommendations_page(review, offset, limit)
        .expect("page")
        .rows
        .into_iter()
        .map(|r| r.paragraph)
        .collect()
}

#[test]
fn page_sorts_paragraphs_numerically() {
    let (store, id) = store_with(&unordered());
    assert_eq!(
        paragraphs(&store, id, 0, 100),
        vec!["26.1", "26.2", "26.10", "26.100", "27.1"],
        "26.2 before 26.10, 26.100 before 27.1"
    );
}

#[test]
fn pages_are_consistent_windows_of_the_whole_list() {
    let (store, id) = store_with(&unordered());
    let all = paragraphs(&store, id, 0, 100);
    for limit in 1..=5 {
        let mut joined = Vec::new();
        let mut offset = 0;
        loop {
            let page = store.recommendations_page(id, offset, limit).expect("page");
            assert_eq!(page.total, 5, "total does not depend on the window");
            assert_eq!(page.offset, offset, "the page reports its offset");
            assert!(page.rows.len() as i64 <= limit, "at most `limit` rows");
            if page.rows.is_empty() {
                break;
            }
            offset += page.rows.len() as i64;
            joined.extend(page.rows.into_iter().map(|r| r.paragraph));
        }
        assert_eq!(
            joined, all,
            "pages of {limit} put together give the whole list"
        );
    }
    assert!(
        paragraphs(&store, id, 99, 10).is_empty(),
        "an offset past the end gives an empty page"
    );
}

#[test]
fn page_rows_carry_states_in_order_and_default_tracking() {
    let (store, id) = store_with(&[rec(
        "1.1",
        "Ratify",
        &["Bolivarian Republic of Venezuela", "Nicaragua", "ACT Group"],
        &[],
    )]);
    let row = store
        .recommendations_page(id, 0, 1)
        .expect("page")
        .rows
        .remove(0);
    assert_eq!(
        row.states,
        vec![
            "Venezuela (Bolivarian Republic of)",
            "Nicaragua",
            "ACT Group"
        ],
        "canonical names, in the source's order"
    );
    assert_eq!(row.position, Position::Pending);
    assert_eq!(row.priority, None, "no priority until set");
    assert_eq!(row.lobbying_status.as_str(), "not_started");
}

#[test]
fn invalid_page_arguments_are_refused() {
    let (store, id) = store_with(&unordered());
    for (offset, limit) in [(-1, 10), (0, 0), (0, -5), (0, 1001)] {
        let err = store
            .recommendations_page(id, offset, limit)
            .expect_err("refused");
        assert_eq!(
            err.kind(),
            ErrorKind::InvalidInput,
            "offset {offset}, limit {limit}: {err}"
        );
    }
    assert!(
        store.recommendations_page(id, 0, 1000).is_ok(),
        "1000 is allowed"
    );
}

#[test]
fn unknown_review_is_not_found() {
    let (store, id) = store_with(&unordered());
    let missing = id + 100;
    let err = store
        .recommendations_page(missing, 0, 10)
        .expect_err("page");
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    assert_eq!(
        store.review(missing).expect_err("review").kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        store.stats(missing).expect_err("stats").kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn empty_review_has_an_empty_page_not_an_error() {
    let mut store = Store::open_in_memory().expect("open");
    let id = store
        .create_review(&review("Slovenia"), &[])
        .expect("create");
    let page = store
        .recommendations_page(id, 0, 10)
        .expect("page of an empty review");
    assert_eq!(page.total, 0);
    assert!(page.rows.is_empty());
}

#[test]
fn recommendation_lookups_report_missing_ones() {
    let (store, id) = store_with(&unordered());
    let err = store
        .recommendation_id(id, "26.999")
        .expect_err("missing paragraph");
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(
        err.to_string().contains("26.999"),
        "names the paragraph: {err}"
    );
    assert_eq!(
        store.recommendation_id(id, " 26.10 ").expect("trimmed"),
        store.recommendation_id(id, "26.10").expect("exact"),
        "surrounding spaces are ignored"
    );
    let err = store.recommendation(987_654).expect_err("missing id");
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
}

#[test]
fn recommendation_ids_are_per_review() {
    let mut store = Store::open_in_memory().expect("open");
    let a = store
        .create_review(&review("Slovenia"), &[rec("1.1", "A", &[], &[])])
        .expect("a");
    let b = store
        .create_review(&review("Croatia"), &[rec("1.1", "B", &[], &[])])
        .expect("b");
    let ra = store.recommendation_id(a, "1.1").expect("a's 1.1");
    let rb = store.recommendation_id(b, "1.1").expect("b's 1.1");
    assert_ne!(ra, rb, "the same paragraph in two reviews");
    assert_eq!(store.recommendation(rb).expect("detail").text, "B");
}

#[test]
fn list_reviews_is_sorted_by_state_and_counts_recommendations() {
    let mut store = Store::open_in_memory().expect("open");
    store
        .create_review(&review("Slovenia"), &[rec("1.1", "A", &[], &[])])
        .expect("s");
    store
        .create_review(
            &review("croatia"),
            &[rec("1.1", "A", &[], &[]), rec("1.2", "B", &[], &[])],
        )
        .expect("c");
    let reviews = store.list_reviews().expect("list");
    let summary: Vec<_> = reviews
        .iter()
        .map(|r| (r.state_under_review.as_str(), r.recommendations))
        .collect();
    assert_eq!(
        summary,
        vec![("Croatia", 2), ("Slovenia", 1)],
        "by State, with counts"
    );
}

#[test]
fn detail_returns_labels_by_kind_with_sdgs_in_goal_order() {
    let r = NewRecommendation {
        position: Position::SupportedInPart,
        position_source: Some("A/HRC/59/15/Add.1 - Para.3".into()),
        groups_of_persons: vec!["Women".into(), "Migrants".into()],
        sdgs: vec![
            "10 - REDUCED INEQUALITIES".into(),
            "5 - GENDER EQUALITY".into(),
        ],
        action_category: Some(5),
        ..rec(
            "140.7",
            "Adopt a plan",
            &["Algeria"],
            &["Death penalty", "Asylum-seekers"],
        )
    };
    let (store, id) = store_with(&[r]);
    let d = store
        .recommendation(store.recommendation_id(id, "140.7").expect("id"))
        .expect("detail");
    assert_eq!(d.review_id, id);
    assert_eq!(d.position, Position::SupportedInPart);
    assert_eq!(
        d.position_source.as_deref(),
        Some("A/HRC/59/15/Add.1 - Para.3")
    );
    assert_eq!(d.action_category, Some(5));
    assert_eq!(
        d.themes,
        vec!["Asylum-seekers", "Death penalty"],
        "themes sorted"
    );
    assert_eq!(
        d.groups_of_persons,
        vec!["Migrants", "Women"],
        "groups sorted"
    );
    assert_eq!(
        d.sdgs,
        vec!["5 - GENDER EQUALITY", "10 - REDUCED INEQUALITIES"],
        "SDGs in goal order, not text order"
    );
    assert!(d.tracking.tags.is_empty() && d.tracking.evidence.is_empty() && d.history.is_empty());
}

#[test]
fn stats_count_positions_groups_once_per_recommendation_and_themes() {
    let mk = |p: &str, pos: Position, states: &[&str], themes: &[&str]| NewRecommendation {
        position: pos,
        ..rec(p, "text", states, themes)
    };
    let (store, id) = store_with(&[
        mk(
            "1.1",
            Position::Supported,
            &["France", "Germany"],
            &["Death penalty"],
        ),
        mk(
            "1.2",
            Position::Noted,
            &["Brazil", "France"],
            &["Death penalty", "Torture"],
        ),
        mk("1.3", Position::Noted, &["ACT Group"], &[]),
        mk("1.4", Position::Supported, &[], &["Torture"]),
    ]);
    let s = store.stats(id).expect("stats");
    assert_eq!(s.review, id);
    assert_eq!(s.recommendations, 4);
    let pos: Vec<_> = s
        .by_position
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        pos,
        vec![
            ("noted", 2),
            ("pending", 0),
            ("supported", 2),
            ("supported_in_part", 0)
        ],
        "every position present, zero included"
    );
    let groups: Vec<_> = s
        .by_regional_group
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        groups,
        vec![("GRULAC", 1), ("WEOG", 2), ("unknown", 1)],
        "France + Germany count once for WEOG; unknown names under `unknown`"
    );
    let themes: Vec<_> = s.by_theme.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(themes, vec![("Death penalty", 2), ("Torture", 2)]);
}
