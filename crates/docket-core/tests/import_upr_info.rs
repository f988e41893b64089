//! The UPR Info export reader, on the real export of sessions 1-5 and on hand-written fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{HashMap, HashSet};

use docket_core::domain::Position;
use docket_core::import::upr_info::{cycle_of_session, parse, UprInfoParse};
use docket_core::states;
use proptest::prelude::*;

const REAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/upr-info-export/sessions-01-05.csv"
);

const HEADER: &str = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session";

fn real_text() -> Option<String> {
    match std::fs::read(REAL) {
        Ok(bytes) => {
            let (text, _) = encoding_rs::MACINTOSH.decode_without_bom_handling(&bytes);
            Some(text.into_owned())
        }
        Err(_) => {
            println!("note: {REAL} is absent; real-file test skipped");
            None
        }
    }
}

fn recommendation_count(p: &UprInfoParse) -> usize {
    p.reviews.iter().map(|r| r.recommendations.len()).sum()
}

#[test]
fn real_export_sessions_1_to_5() {
    let Some(text) = real_text() else { return };
    let p = parse(&text);

    assert_eq!(p.rows, 6_094);
    assert_eq!(p.reviews.len(), 80);
    assert_eq!(recommendation_count(&p), 5_644);

    // Sessions 1-5 only, cycle 1, ordered by session then State.
    for r in &p.reviews {
        let s = r.review.wg_session.unwrap();
        assert!((1..=5).contains(&s), "session {s}");
        assert_eq!(r.review.cycle, Some(1));
        assert!(r.recommendations.iter().all(|x| x.paragraph.is_empty()));
    }
    let keys: Vec<(i64, &str)> = p
        .reviews
        .iter()
        .map(|r| {
            (
                r.review.wg_session.unwrap(),
                r.review.state_under_review.as_str(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);

    // Every State under review resolves, under its canonical name.
    for r in &p.reviews {
        let st = states::resolve(&r.review.state_under_review)
            .unwrap_or_else(|| panic!("{} does not resolve", r.review.state_under_review));
        assert_eq!(st.name, r.review.state_under_review);
        assert_eq!(st.iso3.len(), 3);
    }
    let isos: HashSet<&str> = p
        .reviews
        .iter()
        .map(|r| states::resolve(&r.review.state_under_review).unwrap().iso3)
        .collect();
    assert!(isos.contains("MKD") && isos.contains("CPV") && isos.contains("COG"));

    // "Equité" read correctly (Mac Roman), not "EquitŽ".
    let all_text: Vec<&str> = p
        .reviews
        .iter()
        .flat_map(|r| r.recommendations.iter().map(|x| x.text.as_str()))
        .collect();
    assert!(all_text.iter().any(|t| t.contains("Instance Equité")));
    assert!(!all_text.iter().any(|t| t.contains("EquitŽ")));
    assert!(all_text.iter().any(|t| t.contains("Hissène Habré")));

    // A known review: Algeria, session 1, 36 recommendations; the first from Kuwait.
    let algeria = p
        .reviews
        .iter()
        .find(|r| r.review.state_under_review == "Algeria" && r.review.wg_session == Some(1))
        .unwrap();
    assert_eq!(algeria.recommendations.len(), 36);
    assert!(algeria.recommendations[0]
        .text
        .starts_with("The establishment of an international round table"));
    assert_eq!(algeria.recommendations[0].states, vec!["Kuwait"]);

    // Positions, checked against an independent count of the rows by Response: every row's
    // recommending State lands in exactly one recommendation, whose position is the row's.
    let mut rows_by_response: HashMap<String, usize> = HashMap::new();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    for rec in rdr.records() {
        let rec = rec.unwrap();
        *rows_by_response
            .entry(rec.get(7).unwrap().trim().to_string())
            .or_default() += 1;
    }
    assert_eq!(rows_by_response.get("Accepted"), Some(&4_087));
    assert_eq!(rows_by_response.get("Noted"), Some(&2_007));
    assert_eq!(rows_by_response.get(""), None);
    let states_with = |pos: Position| -> usize {
        p.reviews
            .iter()
            .flat_map(|r| &r.recommendations)
            .filter(|x| x.position == pos)
            .map(|x| x.states.len())
            .sum()
    };
    assert_eq!(states_with(Position::Supported), 4_087);
    assert_eq!(states_with(Position::Noted), 2_007);
    assert_eq!(states_with(Position::Pending), 0);
    assert_eq!(states_with(Position::SupportedInPart), 0);
    let recs_with = |pos: Position| -> usize {
        p.reviews
            .iter()
            .flat_map(|r| &r.recommendations)
            .filter(|x| x.position == pos)
            .count()
    };
    assert_eq!(recs_with(Position::Supported), 3_822);
    assert_eq!(recs_with(Position::Noted), 1_822);

    // Grouping: 65 recommendations made by 3 States, at most 8 States on one.
    let by_states = |n: usize| {
        p.reviews
            .iter()
            .flat_map(|r| &r.recommendations)
            .filter(|x| x.states.len() == n)
            .count()
    };
    assert_eq!(by_states(3), 65);
    assert!(p
        .reviews
        .iter()
        .flat_map(|r| &r.recommendations)
        .all(|x| (1..=8).contains(&x.states.len())));

    // Themes split: the first row, Afghanistan session 5, from Austria.
    let afg = p
        .reviews
        .iter()
        .find(|r| r.review.state_under_review == "Afghanistan" && r.review.wg_session == Some(5))
        .unwrap();
    let first = afg
        .recommendations
        .iter()
        .find(|x| {
            x.text
                .starts_with("Enact legislation and take effective measures to protect")
        })
        .unwrap();
    assert_eq!(first.states, vec!["Austria"]);
    assert_eq!(first.themes, vec!["Rights of the Child", "Women's rights"]);
    assert_eq!(first.action_category, Some(5));
    assert_eq!(first.position, Position::Supported);

    // Trailing spaces do not split a recommendation; an inner double space does (Finland).
    let chad = p
        .reviews
        .iter()
        .find(|r| r.review.state_under_review == "Chad" && r.review.wg_session == Some(5))
        .unwrap();
    assert_eq!(
        chad.recommendations
            .iter()
            .filter(|x| x.text == "Sign and ratify CAT-OP.")
            .count(),
        1
    );
    let finland = p
        .reviews
        .iter()
        .find(|r| r.review.state_under_review == "Finland")
        .unwrap();
    assert_eq!(
        finland
            .recommendations
            .iter()
            .filter(|x| x
                .text
                .starts_with("Provide the same coverage in national legislation"))
            .count(),
        2
    );

    // "(Unknown)" decoded, kept, and reported once (9 rows).
    let unknown_rows: usize = p
        .reviews
        .iter()
        .flat_map(|r| &r.recommendations)
        .filter(|x| x.states.iter().any(|s| s == "(Unknown)"))
        .count();
    assert!(unknown_rows >= 1);
    let unknown_problems: Vec<_> = p
        .problems
        .iter()
        .filter(|pr| pr.message.contains("(Unknown)"))
        .collect();
    assert_eq!(unknown_problems.len(), 1, "{:?}", p.problems);
    assert!(unknown_problems[0].line.unwrap() > 1);
    // "Trinidad & Tobago" must not be decoded as an entity.
    assert!(p
        .reviews
        .iter()
        .flat_map(|r| &r.recommendations)
        .any(|x| x.states.iter().any(|s| s == "Trinidad & Tobago")));
}

#[test]
fn real_export_is_fast() {
    let Some(text) = real_text() else { return };
    let start = std::time::Instant::now();
    let p = parse(&text);
    let elapsed = start.elapsed();
    println!("parsed {} rows in {:?}", p.rows, elapsed);
    // Generous even for a debug build: ≥ 50,000 rows/s is the release target.
    assert!(elapsed.as_secs_f64() < 5.0);
}

#[test]
fn other_column_order_extra_column_and_case() {
    let text = "session,EXTRA,text,from,to,response,action,issue\n\
                1,x,Ratify CAT.,France,Algeria,Accepted,5,Torture and other CID treatment\n";
    let p = parse(text);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.rows, 1);
    assert_eq!(p.reviews.len(), 1);
    let r = &p.reviews[0];
    assert_eq!(r.review.state_under_review, "Algeria");
    assert_eq!(r.review.wg_session, Some(1));
    assert_eq!(r.review.cycle, Some(1));
    let x = &r.recommendations[0];
    assert_eq!(x.text, "Ratify CAT.");
    assert_eq!(x.states, vec!["France"]);
    assert_eq!(x.position, Position::Supported);
    assert_eq!(x.action_category, Some(5));
    assert_eq!(x.themes, vec!["Torture and other CID treatment"]);
    assert_eq!(x.paragraph, "");
}

fn three_rows(eol: &str) -> String {
    [
        HEADER,
        "Chad,Africa,AU,Abolish the death penalty.,France,WEOG,EU,Noted,4,Death penalty,5",
        "Chad,Africa,AU,Empty line above?,Spain,WEOG,EU,Accepted,3,Justice,5",
        "Chad,Africa,AU,\"Abolish the  death penalty. \",Italy,WEOG,EU,Noted,4,Death penalty,5",
        "Chad,Africa,AU,Abolish the death penalty. ,Mexico,GRULAC,,Noted,4,Death penalty,5",
        "Chad,Africa,AU,,Mexico,GRULAC,,Noted,4,Death penalty,5",
    ]
    .join(eol)
        + eol
}

#[test]
fn line_endings_cr_lf_crlf() {
    for eol in ["\r", "\n", "\r\n"] {
        let p = parse(&three_rows(eol));
        assert_eq!(p.rows, 5, "{eol:?}");
        assert_eq!(p.reviews.len(), 1);
        let recs = &p.reviews[0].recommendations;
        // Trailing space joins Mexico's row to France's; the inner double space keeps Italy's
        // apart.
        assert_eq!(recs.len(), 3, "{eol:?}");
        assert_eq!(recs[0].text, "Abolish the death penalty.");
        assert_eq!(recs[0].states, vec!["France", "Mexico"]);
        assert_eq!(recs[1].text, "Empty line above?");
        assert_eq!(recs[2].states, vec!["Italy"]);
        // The empty-text row is reported at its line (header is line 1).
        assert_eq!(p.problems.len(), 1, "{:?}", p.problems);
        assert_eq!(p.problems[0].line, Some(6), "{eol:?}");
        assert!(p.problems[0].message.contains("Text is empty"));
    }
}

#[test]
fn one_recommendation_from_three_states() {
    let text = format!(
        "{HEADER}\n\
         Cuba,GRULAC,,Issue a standing invitation to all special procedures,Canada,WEOG,,Noted,4,Special procedures,4\n\
         Cuba,GRULAC,,Issue a standing invitation to all special procedures ,Czech Republic,EEG,EU,Noted,4,Special procedures,4\n\
         Cuba,GRULAC,,Other text,Canada,WEOG,,Accepted,2,,4\n\
         Cuba,GRULAC,,Issue a standing invitation to all special procedures,Canada,WEOG,,Noted,4,Special procedures,4\n\
         Cuba,GRULAC,,Issue a  standing invitation to all special procedures,Germany,WEOG,EU,Noted,4,Special procedures,4\n\
         Cuba,GRULAC,,Issue a standing invitation to all special procedures,Ireland,WEOG,EU,Noted,4,\"Special procedures,Treaty bodies\",4\n"
    );
    let p = parse(&text);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let recs = &p.reviews[0].recommendations;
    assert_eq!(recs.len(), 3);
    assert_eq!(
        recs[0].states,
        vec!["Canada", "Czech Republic", "Ireland"],
        "order of first appearance, no duplicate"
    );
    assert_eq!(recs[0].themes, vec!["Special procedures", "Treaty bodies"]);
    assert_eq!(recs[1].text, "Other text");
    assert_eq!(recs[1].position, Position::Supported);
    assert_eq!(recs[2].states, vec!["Germany"]);
    assert_eq!(p.reviews[0].review.wg_session, Some(4));
}

#[test]
fn same_text_in_two_sessions_is_two_reviews() {
    let text = format!(
        "{HEADER}\n\
         Brazil,GRULAC,,Ratify OP-CAT.,Chile,GRULAC,,Accepted,5,,UPR 13\n\
         Brazil,GRULAC,,Ratify OP-CAT.,Chile,GRULAC,,Accepted,5,,Session 1\n\
         Argentina,GRULAC,,Ratify OP-CAT.,Chile,GRULAC,,Accepted,5,,1\n\
         brazil,GRULAC,,Ratify OP-CAT.,Peru,GRULAC,,Accepted,5,,1\n"
    );
    let p = parse(&text);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let keys: Vec<(String, Option<i64>, Option<i64>, usize)> = p
        .reviews
        .iter()
        .map(|r| {
            (
                r.review.state_under_review.clone(),
                r.review.wg_session,
                r.review.cycle,
                r.recommendations.len(),
            )
        })
        .collect();
    assert_eq!(
        keys,
        vec![
            ("Argentina".to_string(), Some(1), Some(1), 1),
            ("Brazil".to_string(), Some(1), Some(1), 1),
            ("Brazil".to_string(), Some(13), Some(2), 1),
        ]
    );
    // "brazil" resolves to the same review as "Brazil".
    assert_eq!(
        p.reviews[1].recommendations[0].states,
        vec!["Chile", "Peru"]
    );
}

#[test]
fn action_values() {
    let text = format!(
        "{HEADER}\n\
         Mali,Africa,,A.,France,WEOG,,Accepted,5,,3\n\
         Mali,Africa,,B.,France,WEOG,,Accepted,x,,3\n\
         Mali,Africa,,C.,France,WEOG,,Accepted,,,3\n\
         Mali,Africa,,D.,France,WEOG,,Accepted,9,,3\n"
    );
    let p = parse(&text);
    let recs = &p.reviews[0].recommendations;
    let actions: Vec<Option<i64>> = recs.iter().map(|x| x.action_category).collect();
    assert_eq!(actions, vec![Some(5), None, None, None]);
    assert_eq!(p.problems.len(), 1, "{:?}", p.problems);
    assert_eq!(p.problems[0].line, Some(3));
    assert!(p.problems[0].message.contains("\"x\""));
}

#[test]
fn response_variants() {
    let rows = [
        ("Accepted", Position::Supported),
        ("Supported", Position::Supported),
        ("noted", Position::Noted),
        ("Rejected", Position::Noted),
        ("Partially accepted", Position::SupportedInPart),
        ("Supported/Noted", Position::SupportedInPart),
        ("", Position::Pending),
        ("Pending", Position::Pending),
        ("Perhaps", Position::Pending),
    ];
    let mut text = format!("{HEADER}\n");
    for (i, (resp, _)) in rows.iter().enumerate() {
        text.push_str(&format!(
            "Peru,GRULAC,,Text {i}.,Chile,GRULAC,,{resp},1,,2\n"
        ));
    }
    let p = parse(&text);
    let got: Vec<Position> = p.reviews[0]
        .recommendations
        .iter()
        .map(|x| x.position)
        .collect();
    let want: Vec<Position> = rows.iter().map(|(_, pos)| *pos).collect();
    assert_eq!(got, want);
    assert_eq!(p.problems.len(), 1, "{:?}", p.problems);
    assert_eq!(p.problems[0].line, Some(10));
    assert!(p.problems[0].message.contains("Perhaps"));
}

#[test]
fn missing_required_column() {
    for header in [
        "To,To-Rgrp,Text,From,Response,Action,Issue",
        "To,Text,Session,Response",
        "Country,Recommendation,State,Session",
    ] {
        let text = format!("{header}\nChad,Ratify.,France,5\n");
        let p = parse(&text);
        assert!(p.reviews.is_empty(), "{header}");
        assert_eq!(p.rows, 0);
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, Some(1));
    }
    let p = parse("To,Text,Session\nChad,Ratify.,5\n");
    assert!(p.problems[0].message.contains("From"));
    let p = parse("");
    assert!(p.reviews.is_empty());
    assert_eq!(p.problems.len(), 1);
}

#[test]
fn quoted_issue_cell_with_commas() {
    let text = format!(
        "{HEADER}\r\
         Tonga,Asia,,\"Ratify CEDAW, CRPD and, \"\"as soon as possible\"\", ICCPR.\",Australia,WEOG,,Accepted,5,\"Women's rights, Disabilities,International instruments,\",1\r"
    );
    let p = parse(&text);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let x = &p.reviews[0].recommendations[0];
    assert_eq!(
        x.text,
        "Ratify CEDAW, CRPD and, \"as soon as possible\", ICCPR."
    );
    assert_eq!(
        x.themes,
        vec![
            "Women's rights",
            "Disabilities",
            "International instruments"
        ]
    );
}

#[test]
fn unknown_states_reported_once() {
    let text = format!(
        "{HEADER}\n\
         Narnia,,,A.,&#40;Unknown&#41;,,,Accepted,1,,1\n\
         Narnia,,,B.,&#40;Unknown&#41;,,,Accepted,1,,1\n\
         Narnia,,,C.,France,,,Accepted,1,,1\n"
    );
    let p = parse(&text);
    assert_eq!(p.reviews.len(), 1);
    assert_eq!(p.reviews[0].review.state_under_review, "Narnia");
    assert_eq!(p.reviews[0].recommendations[0].states, vec!["(Unknown)"]);
    let msgs: Vec<&str> = p.problems.iter().map(|x| x.message.as_str()).collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("Narnia")));
    assert!(msgs.iter().any(|m| m.contains("(Unknown)")));
    assert!(p.problems.iter().all(|x| x.line == Some(2)));
}

#[test]
fn cycle_mapping() {
    let cases = [
        (1, 1),
        (12, 1),
        (13, 2),
        (26, 2),
        (27, 3),
        (40, 3),
        (41, 4),
        (54, 4),
        (55, 5),
    ];
    for (s, c) in cases {
        assert_eq!(cycle_of_session(s), Some(c), "session {s}");
    }
    assert_eq!(cycle_of_session(0), None);
}

#[test]
fn many_generated_rows() {
    // Shape of the benchmark file: 20,000 rows, 5 States per recommendation.
    let mut text = String::from(HEADER);
    text.push('\r');
    let from = ["France", "Chile", "Japan", "Kenya", "Peru"];
    for i in 0..20_000 {
        let sur = if i % 2 == 0 { "Algeria" } else { "Brazil" };
        let session = 1 + (i / 5) % 7;
        text.push_str(&format!(
            "{sur},,,\"Recommendation {}, about things.\",{},,,Accepted,{},\"Justice,Labour\",{session}\r",
            i / 5,
            from[i % 5],
            1 + i % 5
        ));
    }
    let start = std::time::Instant::now();
    let p = parse(&text);
    println!("20,000 generated rows in {:?}", start.elapsed());
    assert_eq!(p.rows, 20_000);
    assert!(p.problems.is_empty());
    let n = recommendation_count(&p);
    // Recommendation k gets rows 5k..5k+5, alternating State under review: each (k, SuR) pair
    // is its own recommendation.
    assert!(n > 4_000, "{n}");
    let states: usize = p
        .reviews
        .iter()
        .flat_map(|r| &r.recommendations)
        .map(|x| x.states.len())
        .sum();
    assert_eq!(states, 20_000);
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,20}",
        "[0-9]{1,3}",
        Just("Accepted".to_string()),
        Just("Noted".to_string()),
        Just("&#40;".to_string()),
        Just("\"".to_string()),
        Just("\r".to_string()),
        ".{0,12}",
    ]
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_strings(s in ".{0,400}") {
        let _ = parse(&s);
    }

    #[test]
    fn never_panics_on_arbitrary_csv(
        rows in prop::collection::vec(prop::collection::vec(cell(), 0..13), 0..30),
        eol in prop_oneof![Just("\r"), Just("\n"), Just("\r\n")],
    ) {
        let mut text = String::from(HEADER);
        text.push_str(eol);
        for row in &rows {
            let quoted: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, c)| if i % 2 == 0 { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.clone() })
                .collect();
            text.push_str(&quoted.join(","));
            text.push_str(eol);
        }
        let p = parse(&text);
        prop_assert!(p.rows as usize <= text.len());
        for r in &p.reviews {
            for x in &r.recommendations {
                prop_assert!(!x.text.trim().is_empty());
                prop_assert!(x.paragraph.is_empty());
            }
        }
        for pr in &p.problems {
            prop_assert!(pr.line.unwrap_or(1) >= 1);
        }
    }
}
