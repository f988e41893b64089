//! The embedded sample review (`src/sample.rs`): loaded through the store, and checked against the
//! circulated source file it was made from (`../shared/data/us-2020/recommendations.csv`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use docket_core::domain::Position;
use docket_core::{sample, Store};

use common::count;

fn loaded() -> (Store, i64) {
    let mut store = Store::open_in_memory().expect("open");
    let id = sample::load(&mut store).expect("load the sample");
    (store, id)
}

fn states_of(
    store: &Store,
    review: i64,
    paragraph: &str,
) -> Vec<(String, Option<String>, Option<String>)> {
    let id = store.recommendation_id(review, paragraph).expect(paragraph);
    store
        .recommendation(id)
        .expect("detail")
        .recommending_states
        .into_iter()
        .map(|s| (s.name, s.iso3, s.regional_group))
        .collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

#[test]
fn sample_has_347_recommendations_with_the_addendum_positions() {
    let (store, id) = loaded();
    let stats = store.stats(id).expect("stats");
    assert_eq!(stats.recommendations, 347, "recommendations");
    let pos: Vec<_> = stats
        .by_position
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        pos,
        vec![
            ("noted", 67),
            ("pending", 0),
            ("supported", 263),
            ("supported_in_part", 17)
        ],
        "positions from A/HRC/46/15/Add.1"
    );
    let summary = store.review(id).expect("review");
    assert_eq!(summary.state_under_review, "United States of America");
    assert_eq!(summary.sur_iso3.as_deref(), Some("USA"));
    assert_eq!(
        summary.report_symbol.as_deref(),
        Some(sample::REPORT_SYMBOL)
    );
}

#[test]
fn every_recommending_state_of_the_sample_is_a_known_state() {
    let (store, id) = loaded();
    let unknown: Vec<String> = {
        let mut st = store
            .conn()
            .prepare("SELECT name_as_written FROM recommending_state WHERE iso3 IS NULL")
            .expect("prepare");
        st.query_map([], |r| r.get(0))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows")
    };
    assert!(
        unknown.is_empty(),
        "names that did not resolve: {unknown:?}"
    );
    assert_eq!(
        count(
            store.conn(),
            "SELECT count(*) FROM recommending_state WHERE iso3 IS NULL"
        ),
        0
    );
    assert_eq!(
        count(
            store.conn(),
            "SELECT count(*) FROM recommendation r WHERE NOT EXISTS
                 (SELECT 1 FROM recommending_state s WHERE s.recommendation_id = r.id)"
        ),
        0,
        "every recommendation has at least one recommending State"
    );
    let groups = store.stats(id).expect("stats").by_regional_group;
    assert!(
        groups.get("WEOG").copied().unwrap_or(0) > 0,
        "WEOG: {groups:?}"
    );
    assert!(
        groups.get("GRULAC").copied().unwrap_or(0) > 0,
        "GRULAC: {groups:?}"
    );
    assert!(
        !groups.contains_key("unknown"),
        "no unknown group: {groups:?}"
    );
}

#[test]
fn corrected_recommendations_have_their_real_states_and_text() {
    let (store, id) = loaded();
    assert_eq!(
        states_of(&store, id, "26.347"),
        vec![("Nicaragua".to_owned(), some("NIC"), some("GRULAC"))],
        "26.347's State was at the end of its text"
    );
    let text = store
        .recommendation(store.recommendation_id(id, "26.347").expect("26.347"))
        .expect("26.347")
        .text;
    assert!(
        !text.ends_with("(Nicaragua).") && text.ends_with("southern border of the United States"),
        "26.347's text without the State: {text:?}"
    );
    let names =
        |p: &str| -> Vec<String> { states_of(&store, id, p).into_iter().map(|s| s.0).collect() };
    assert_eq!(
        names("26.161"),
        vec!["Venezuela (Bolivarian Republic of)", "Nicaragua"],
        "26.161's cut name restored"
    );
    assert_eq!(
        names("26.91"),
        vec!["Philippines"],
        "'the Paris Principles' is not a State"
    );
    assert_eq!(
        names("26.34"),
        vec!["Liechtenstein"],
        "'ACT Group' is not a State here"
    );
    let text_91 = store
        .recommendation(store.recommendation_id(id, "26.91").expect("26.91"))
        .expect("26.91")
        .text;
    assert!(
        text_91.ends_with("(the Paris Principles)"),
        "26.91: {text_91:?}"
    );
}

#[test]
fn loading_the_sample_twice_returns_the_same_review() {
    let (mut store, id) = loaded();
    assert_eq!(
        sample::find(&store).expect("find"),
        Some(id),
        "find returns it"
    );
    let again = sample::load(&mut store).expect("load again");
    assert_eq!(again, id, "same id");
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM review"),
        1,
        "one review"
    );
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM recommendation"),
        347,
        "no duplicated recommendations"
    );
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM recommendation_fts"),
        347
    );
}

#[test]
fn sample_paragraphs_come_back_in_numeric_order() {
    let (store, id) = loaded();
    let page = store.recommendations_page(id, 0, 1000).expect("page");
    assert_eq!(page.total, 347);
    let paras: Vec<&str> = page.rows.iter().map(|r| r.paragraph.as_str()).collect();
    let expected: Vec<String> = (1..=347).map(|n| format!("26.{n}")).collect();
    assert_eq!(paras, expected, "26.1, 26.2, …, 26.10, …, 26.347");
    let window = store.recommendations_page(id, 8, 3).expect("window");
    let w: Vec<&str> = window.rows.iter().map(|r| r.paragraph.as_str()).collect();
    assert_eq!(
        w,
        vec!["26.9", "26.10", "26.11"],
        "paging crosses 26.9 → 26.10"
    );
}

#[test]
fn sample_is_searchable() {
    let (store, id) = loaded();
    let hits = docket_core::store::fts::search(store.conn(), Some(id), "\"death penalty\"", 500)
        .expect("search");
    assert!(
        hits.len() > 5,
        "the US got many death-penalty recommendations: {}",
        hits.len()
    );
    let venezuela =
        docket_core::store::fts::search(store.conn(), Some(id), "venezuela", 500).expect("search");
    let p161 = store.recommendation_id(id, "26.161").expect("26.161");
    assert!(venezuela.contains(&p161), "26.161 is found by its State");
}

/// Splits one CSV line: fields separated by commas, optionally quoted (`""` is a quote); the
/// source has no line breaks inside fields.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

#[test]
fn csv_fields_handles_quotes_and_commas() {
    assert_eq!(
        csv_fields(r#"a,"b, c",,"d ""e""""#),
        vec!["a", "b, c", "", r#"d "e""#]
    );
}

fn split_semicolons(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn sample_matches_the_source_file_except_documented_corrections() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/us-2020/recommendations.csv");
    let Ok(source) = std::fs::read_to_string(&path) else {
        println!("skipped: {} is not here", path.display());
        return;
    };
    let mut lines = source.lines().map(|l| l.trim_end_matches('\r'));
    let header = csv_fields(lines.next().expect("a header"));
    assert_eq!(
        header,
        vec![
            "paragraph",
            "recommending_states",
            "position",
            "theme",
            "text"
        ],
        "the source's columns"
    );
    let sample: BTreeMap<String, _> = sample::recommendations()
        .expect("parse the sample")
        .into_iter()
        .map(|r| (r.paragraph.clone(), r))
        .collect();
    let mut seen = 0;
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let f = csv_fields(line);
        assert_eq!(f.len(), 5, "five fields: {line}");
        let para = f[0].trim();
        let ours = sample
            .get(para)
            .unwrap_or_else(|| panic!("{para} is in the sample"));
        seen += 1;

        let position = match f[2].as_str() {
            "supported_noted" => Position::SupportedInPart,
            other => Position::parse(other).unwrap_or_else(|| panic!("{para}: position {other}")),
        };
        assert_eq!(ours.position, position, "{para}: position");

        let text = f[4].trim();
        let expected_text = match para {
            "26.347" => text
                .strip_suffix(" (Nicaragua).")
                .unwrap_or_else(|| panic!("26.347's source ends with the State: {text}"))
                .to_owned(),
            "26.91" => format!("{text} (the Paris Principles)"),
            _ => text.to_owned(),
        };
        assert_eq!(ours.text, expected_text, "{para}: text");

        let states: Vec<String> = split_semicolons(&f[1])
            .into_iter()
            .map(|s| s.replace(" ’ s", "’s"))
            .collect();
        let expected_states: Vec<String> = match para {
            "26.347" => {
                assert!(
                    states.is_empty(),
                    "26.347 has no State in the source: {states:?}"
                );
                vec!["Nicaragua".into()]
            }
            "26.161" => {
                assert_eq!(
                    states,
                    vec!["Bolivarian Republic of", "Nicaragua"],
                    "26.161 source"
                );
                vec![
                    "Bolivarian Republic of Venezuela".into(),
                    "Nicaragua".into(),
                ]
            }
            "26.91" => {
                assert_eq!(
                    states,
                    vec!["the Paris Principles", "Philippines"],
                    "26.91 source"
                );
                vec!["Philippines".into()]
            }
            "26.34" => {
                assert_eq!(states, vec!["ACT Group", "Liechtenstein"], "26.34 source");
                vec!["Liechtenstein".into()]
            }
            _ => states,
        };
        assert_eq!(ours.states, expected_states, "{para}: recommending States");
        assert_eq!(ours.themes, split_semicolons(&f[3]), "{para}: themes");
    }
    assert_eq!(seen, 347, "rows in the source");
    assert_eq!(sample.len(), 347, "recommendations in the sample");
}
