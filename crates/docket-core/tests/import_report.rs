//! The Working Group report reader on the real Slovenia report and on hand-written fixtures.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use docket_core::domain::Position;
use docket_core::import::report::{self, ReportParse};
use docket_core::states;
use proptest::prelude::*;

const SLOVENIA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/slovenia-2025/A_HRC_59_15_working_group_report.txt"
);

fn paragraphs(p: &ReportParse) -> Vec<&str> {
    p.recommendations
        .iter()
        .map(|r| r.paragraph.as_str())
        .collect()
}

fn states_of<'a>(p: &'a ReportParse, paragraph: &str) -> Vec<&'a str> {
    p.recommendations
        .iter()
        .find(|r| r.paragraph == paragraph)
        .map(|r| r.states.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

fn text_of<'a>(p: &'a ReportParse, paragraph: &str) -> &'a str {
    p.recommendations
        .iter()
        .find(|r| r.paragraph == paragraph)
        .map(|r| r.text.as_str())
        .unwrap_or("")
}

#[test]
fn slovenia_report_gives_its_254_recommendations() {
    let Ok(text) = std::fs::read_to_string(SLOVENIA) else {
        println!("skipped: {SLOVENIA} is not here");
        return;
    };
    let parsed = report::parse(&text);

    let expected: Vec<String> = (1..=254).map(|k| format!("140.{k}")).collect();
    assert_eq!(paragraphs(&parsed), expected);

    for r in &parsed.recommendations {
        assert!(!r.states.is_empty(), "{} has no State", r.paragraph);
        for s in &r.states {
            assert!(
                states::resolve(s).is_some(),
                "{}: {s:?} does not resolve",
                r.paragraph
            );
        }
        assert!(!r.text.is_empty(), "{} has no text", r.paragraph);
        assert!(!r.text.contains("GE.25"), "{}: {}", r.paragraph, r.text);
        assert!(
            !r.text.contains("A/HRC/59/15"),
            "{}: {}",
            r.paragraph,
            r.text
        );
        assert!(!r.text.ends_with(')'), "{}: {}", r.paragraph, r.text);
        assert!(!r.text.ends_with(';'), "{}: {}", r.paragraph, r.text);
        assert!(!r.text.contains("  "), "{}: {}", r.paragraph, r.text);
        assert_eq!(r.position, Position::Pending);
        assert_eq!(r.position_source, None);
        assert!(r.themes.is_empty());
    }

    assert_eq!(
        text_of(&parsed, "140.1"),
        "Ratify the International Convention on the Protection of the Rights of All Migrant \
         Workers and Members of Their Families"
    );
    assert_eq!(
        states_of(&parsed, "140.1"),
        vec![
            "Algeria",
            "Cabo Verde",
            "Paraguay",
            "South Sudan",
            "Sri Lanka",
            "Togo",
            "Uruguay",
            "Bolivarian Republic of Venezuela",
        ]
    );
    // Names broken across lines in the file.
    assert_eq!(states_of(&parsed, "140.11"), vec!["North Macedonia"]);
    assert_eq!(states_of(&parsed, "140.115"), vec!["Sri Lanka"]);
    // An item split by a page break: 140.254 sits after the page 24 footer and page 25 header.
    assert_eq!(states_of(&parsed, "140.254"), vec!["Iraq"]);
    assert_eq!(
        text_of(&parsed, "140.254"),
        "Strengthen measures to reduce statelessness and ensure the protection of stateless persons"
    );
    // 140.9 ends page 11; 140.10 starts page 12: nothing of the page furniture in between.
    assert_eq!(
        text_of(&parsed, "140.9"),
        "Consider acceding to the Optional Protocol to the International Covenant on Economic, \
         Social and Cultural Rights"
    );

    let meta = &parsed.review;
    assert_eq!(meta.report_symbol.as_deref(), Some("A/HRC/59/15"));
    assert_eq!(meta.state_under_review.as_deref(), Some("Slovenia"));
    assert_eq!(meta.hrc_session, Some(59));
    assert_eq!(meta.wg_session, Some(48));
    assert_eq!(meta.review_date.as_deref(), Some("2025-01-28"));
    let review = meta.to_new_review().unwrap();
    assert_eq!(review.state_under_review, "Slovenia");
    assert_eq!(review.cycle, Some(4));

    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
}

/// A 4th-cycle report, invented, in the layout of the PDF text: header, title, dialogue with
/// numbers, a page break inside an item, names wrapped across lines.
const FOURTH_CYCLE: &str = "\
              United Nations                                           A/HRC/61/9
              General Assembly                            Distr.: General
                                                          2 December 2025

Human Rights Council
Sixty-first session
Agenda item 6
Universal periodic review

            Report of the Working Group on the Universal Periodic
            Review*

            Malta

          * The annex is being circulated without formal editing.

GE.25-17001 (E)    031225 031225
A/HRC/61/9

               1.     The Working Group on the Universal Periodic Review, established in accordance with
               Human Rights Council resolution 5/1, held its fiftieth session from 3 to 14 November
               2025. The review of Malta was held at the 7th meeting, on 6 November 2025. The
               delegation of Malta was headed by the Minister for Foreign Affairs.
               12. The delegation said that 2.4 per cent of the budget, some
               10.1 million euros, went to shelters, as recalled in A/HRC/52/8 and in
               27.3 of an earlier draft (Spain).
               13. The delegation noted the recommendations of the previous cycle.

       II. Conclusions and/or recommendations
               27. The following recommendations will be examined by Malta, which will
               provide responses in due time, but no later than the sixty-first session of the Human
               Rights Council:
                      27.1   Adopt a national plan on the inclusion of persons with disabilities
                      in the labour market (Chile) (Republic
                      of Moldova) (United Kingdom of Great Britain and
                      Northern Ireland);
                      27.2     Set up an independent body for the monitoring of places of
                      detention, in accordance with the principles relating to the status of national institutions
                      (the Paris Principles) (Philippines);
                      27.3   Continue to improve reception conditions for asylum-

4                                                                              GE.25-17001
                                                                                  A/HRC/61/9

              seekers, in particular for children (Venezuela (Bolivarian Republic of));
              27.4   Raise awareness of online hate speech among young people (Atlantis)
              (Sierra
              Leone).
              28. All conclusions and/or recommendations contained in the present report reflect
              the position of the submitting State(s) and/or the State under review.

GE.25-17001                                                                            5
";

#[test]
fn fourth_cycle_layout() {
    let parsed = report::parse(FOURTH_CYCLE);
    assert_eq!(paragraphs(&parsed), vec!["27.1", "27.2", "27.3", "27.4"]);
    assert_eq!(
        states_of(&parsed, "27.1"),
        vec![
            "Chile",
            "Republic of Moldova",
            "United Kingdom of Great Britain and Northern Ireland"
        ]
    );
    assert_eq!(
        text_of(&parsed, "27.1"),
        "Adopt a national plan on the inclusion of persons with disabilities in the labour market"
    );
    assert_eq!(states_of(&parsed, "27.2"), vec!["Philippines"]);
    assert!(text_of(&parsed, "27.2").ends_with("national institutions (the Paris Principles)"));
    // The page break and the hyphenated line break inside 27.3.
    assert_eq!(
        text_of(&parsed, "27.3"),
        "Continue to improve reception conditions for asylum-seekers, in particular for children"
    );
    assert_eq!(
        states_of(&parsed, "27.3"),
        vec!["Venezuela (Bolivarian Republic of)"]
    );
    // The last item ends with "."; the unknown name is kept as written and reported.
    assert_eq!(states_of(&parsed, "27.4"), vec!["Atlantis", "Sierra Leone"]);
    assert_eq!(
        text_of(&parsed, "27.4"),
        "Raise awareness of online hate speech among young people"
    );
    for r in &parsed.recommendations {
        assert_eq!(r.position, Position::Pending);
        assert_eq!(r.position_source, None);
    }
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
    let problem = &parsed.problems[0];
    assert!(problem.message.contains("not a known State"));
    assert!(problem.message.contains("Atlantis"));
    let atlantis_line = FOURTH_CYCLE
        .lines()
        .position(|l| l.contains("(Atlantis)"))
        .unwrap() as u64
        + 1;
    assert_eq!(problem.line, Some(atlantis_line));
    let column = FOURTH_CYCLE
        .lines()
        .nth(atlantis_line as usize - 1)
        .and_then(|l| l.find("Atlantis"))
        .unwrap() as u64
        + 1;
    assert_eq!(problem.column, Some(column));

    let meta = &parsed.review;
    assert_eq!(meta.report_symbol.as_deref(), Some("A/HRC/61/9"));
    assert_eq!(meta.state_under_review.as_deref(), Some("Malta"));
    assert_eq!(meta.wg_session, Some(50));
    assert_eq!(meta.hrc_session, Some(61));
    assert_eq!(meta.review_date.as_deref(), Some("2025-11-06"));
}

#[test]
fn crlf_and_cr_line_endings_read_the_same() {
    let lf = report::parse(FOURTH_CYCLE);
    let crlf = report::parse(&FOURTH_CYCLE.replace('\n', "\r\n"));
    let cr = report::parse(&FOURTH_CYCLE.replace('\n', "\r"));
    assert_eq!(lf, crlf);
    assert_eq!(lf, cr);
    assert_eq!(cr.recommendations.len(), 4);
}

/// A first-cycle report, invented: the list split into supported / to be examined / not
/// supported, States comma-separated inside one pair of parentheses.
const FIRST_CYCLE: &str = "\
Report of the Working Group on the Universal Periodic Review
Freedonia
1. The Working Group on the Universal Periodic Review held its third session from 1 to 15
December 2008. The review of Freedonia was held at the 5th meeting on 3 December 2008.
II. CONCLUSIONS AND/OR RECOMMENDATIONS
89. The recommendations formulated during the interactive dialogue have been examined by
Freedonia and the recommendations listed below enjoy the support of Freedonia:
89.1. Consider acceding to the convention on the rights of migrant workers (Algeria,
Egypt, Argentina);
89.2. Strengthen the national human rights institution (Bolivia (Plurinational State of), Cuba);
90. The following recommendations will be examined by Freedonia, which will provide
responses in due time. The response will be included in the outcome report adopted by the
Human Rights Council at its tenth session:
90.1 Abolish the death penalty (Italy, Mexico);
90.2 Invite all special procedures to visit (Latvia);
91. The following recommendations did not enjoy the support of Freedonia:
91.1 Decriminalize defamation (Norway, Korea, Republic of);
91.2 Join the treaty (Algeria, Egpyt, Argentina).
92. All conclusions and/or recommendations contained in the present report reflect the
position of the submitting State(s).
";

#[test]
fn first_cycle_split_lists_with_comma_separated_states() {
    let parsed = report::parse(FIRST_CYCLE);
    assert_eq!(
        paragraphs(&parsed),
        vec!["89.1", "89.2", "90.1", "90.2", "91.1", "91.2"]
    );
    assert_eq!(
        states_of(&parsed, "89.1"),
        vec!["Algeria", "Egypt", "Argentina"]
    );
    assert_eq!(
        states_of(&parsed, "89.2"),
        vec!["Bolivia (Plurinational State of)", "Cuba"]
    );
    assert_eq!(states_of(&parsed, "90.1"), vec!["Italy", "Mexico"]);
    assert_eq!(
        states_of(&parsed, "91.1"),
        vec!["Norway", "Korea, Republic of"]
    );
    assert_eq!(
        states_of(&parsed, "91.2"),
        vec!["Algeria", "Egpyt", "Argentina"]
    );
    let pos: Vec<Position> = parsed.recommendations.iter().map(|r| r.position).collect();
    assert_eq!(
        pos,
        vec![
            Position::Supported,
            Position::Supported,
            Position::Pending,
            Position::Pending,
            Position::Noted,
            Position::Noted
        ]
    );
    assert_eq!(parsed.recommendations[0].position_source, None);
    // Not a known State: kept as written.
    assert_eq!(
        parsed.review.state_under_review.as_deref(),
        Some("Freedonia")
    );
    assert_eq!(parsed.review.wg_session, Some(3));
    assert_eq!(parsed.review.hrc_session, Some(10));
    assert_eq!(parsed.review.review_date.as_deref(), Some("2008-12-03"));
    assert_eq!(
        parsed.review.to_new_review().map(|r| r.state_under_review),
        Some("Freedonia".to_string())
    );
    // The misspelt name is the only problem, on the last item's line.
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
    assert!(parsed.problems[0].message.contains("Egpyt"));
    assert_eq!(parsed.problems[0].line, Some(18));
}

#[test]
fn position_source_is_the_report_symbol_when_the_layout_gives_the_position() {
    let text = format!(
        "A/HRC/10/77\n\n{}",
        FIRST_CYCLE.replace("Freedonia", "Malta")
    );
    let parsed = report::parse(&text);
    assert_eq!(parsed.review.report_symbol.as_deref(), Some("A/HRC/10/77"));
    assert_eq!(parsed.review.state_under_review.as_deref(), Some("Malta"));
    let by = |p: &str| {
        parsed
            .recommendations
            .iter()
            .find(|r| r.paragraph == p)
            .and_then(|r| r.position_source.clone())
    };
    assert_eq!(by("89.1").as_deref(), Some("A/HRC/10/77"));
    assert_eq!(by("90.1"), None);
    assert_eq!(by("91.1").as_deref(), Some("A/HRC/10/77"));
    let review = parsed.review.to_new_review().unwrap();
    assert_eq!(review.cycle, Some(1));
    assert_eq!(review.report_symbol.as_deref(), Some("A/HRC/10/77"));
}

#[test]
fn dialogue_numbers_are_not_recommendations() {
    let text = "\
5. The delegation said that 10.5 million euros had been spent.
6. It referred to
140.3 of the previous report and to paragraph 26.1 (Spain).
10.1 million people had been vaccinated.
7. In 2024, A/HRC/55/4 was published.
";
    let parsed = report::parse(text);
    assert!(parsed.recommendations.is_empty());
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(
        parsed.problems[0].message,
        "No recommendations list found: the text should contain numbered items like 140.1 … (State);"
    );
    assert_eq!(parsed.problems[0].line, None);
}

#[test]
fn pasted_items_without_introduction_gaps_and_repeats() {
    let text = "\
  26.1 Ratify the treaty (Chile);
  26.2 Repeal the law of
  26.1 of 1990 on assemblies (France);
  26.5 Train the police (Ghana);
  26.5 Train the judges (Peru);
  26.6 Fund the ombudsman (Benin).
";
    let parsed = report::parse(text);
    // "26.1 of 1990" continues an unfinished item; 26.3 and 26.4 are missing, 26.5 comes twice.
    assert_eq!(
        paragraphs(&parsed),
        vec!["26.1", "26.2", "26.5", "26.5", "26.6"]
    );
    assert_eq!(
        text_of(&parsed, "26.2"),
        "Repeal the law of 26.1 of 1990 on assemblies"
    );
    let messages: Vec<(Option<u64>, &str)> = parsed
        .problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert_eq!(messages[0].0, Some(4));
    assert!(
        messages[0].1.contains("26.3–26.4 are missing"),
        "{messages:?}"
    );
    assert_eq!(messages[1].0, Some(5));
    assert!(messages[1].1.contains("again"));
}

#[test]
fn items_without_states_are_reported() {
    let text = "\
  140. The following recommendations will be examined by Chile:
  140.1 Ratify the treaty (Spain);
  140.2 Repeal the law;
  140.3 Train the police (CEDAW).
";
    let parsed = report::parse(text);
    assert_eq!(paragraphs(&parsed), vec!["140.1", "140.2", "140.3"]);
    assert!(states_of(&parsed, "140.2").is_empty());
    assert_eq!(text_of(&parsed, "140.3"), "Train the police (CEDAW)");
    let lines: Vec<Option<u64>> = parsed.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![Some(3), Some(4)]);
}

#[test]
fn empty_and_garbage_inputs() {
    for text in [
        "",
        "\n\n\r",
        "(((",
        "140.1",
        "140.1 (",
        ")))) 1.1 ((",
        "\u{feff}é\u{ad}",
    ] {
        let parsed = report::parse(text);
        assert!(parsed
            .problems
            .iter()
            .any(|p| p.message.starts_with("No recommendations list found")
                || !parsed.recommendations.is_empty()));
    }
}

fn realistic_token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("140.1 ".to_string()),
        Just("140.2 ".to_string()),
        Just("26.3".to_string()),
        Just("12. ".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("; ".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("   ".to_string()),
        Just("-".to_string()),
        Just("Algeria".to_string()),
        Just("Venezuela (Bolivarian Republic of)".to_string()),
        Just("Bolivarian Republic\n of Venezuela".to_string()),
        Just("the Paris Principles".to_string()),
        Just("Ratify the Convention ".to_string()),
        Just("A/HRC/59/15".to_string()),
        Just("GE.25-02819".to_string()),
        Just("Report of the Working Group on the Universal Periodic Review".to_string()),
        Just("no later than the fifty-ninth session".to_string()),
        Just("held its one hundred and first session".to_string()),
        Just("was held at the 3rd meeting, on 31 February 2025".to_string()),
        Just("enjoy the support".to_string()),
        Just("é\u{ad}’".to_string()),
        "[0-9]{1,6}".prop_map(|s| s),
    ]
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = report::parse(&text);
    }

    #[test]
    fn never_panics_on_realistic_tokens(tokens in prop::collection::vec(realistic_token(), 0..80)) {
        let text = tokens.concat();
        let parsed = report::parse(&text);
        let lines = text.split("\r\n").flat_map(|l| l.split(['\r', '\n'])).count() as u64;
        for p in &parsed.problems {
            if let Some(line) = p.line {
                prop_assert!(line >= 1 && line <= lines.max(1));
            }
        }
        prop_assert_eq!(
            parsed.recommendations.is_empty(),
            parsed.problems.iter().any(|p| p.line.is_none()
                && p.message.starts_with("No recommendations list found"))
        );
    }
}

#[test]
fn large_and_pathological_inputs_stay_linear() {
    let mut text = String::from("5. The following recommendations will be examined by Chile:\n");
    for k in 1..=9_000 {
        text.push_str(&format!(
            "   5.{k}   Take measures number {k} to protect the rights of\n   all persons (Spain) (Cabo\n   Verde);\n"
        ));
    }
    let parsed = report::parse(&text);
    assert_eq!(parsed.recommendations.len(), 9_000);
    assert_eq!(
        parsed.recommendations[8_999].states,
        vec!["Spain", "Cabo Verde"]
    );
    assert!(parsed.problems.is_empty());

    let junk = "held its no later than the was held at the (((( ))))) 1.1 ".repeat(50_000);
    let _ = report::parse(&junk);
    let parens = format!("1.1 x {};", "(A)".repeat(200_000));
    let _ = report::parse(&parens);
}

#[test]
fn and_joined_states_and_names_with_and() {
    let text = "\
  60. The following recommendations did not enjoy the support of Chile:
  60.1 Ratify the treaty (Algeria, Egypt and Argentina);
  60.2 Repeal the law (Trinidad and Tobago) (Bosnia and
  Herzegovina);
  60.3 Fund the shelters (Antigua and Barbuda, Cuba).
";
    let parsed = report::parse(text);
    assert_eq!(
        states_of(&parsed, "60.1"),
        vec!["Algeria", "Egypt", "Argentina"]
    );
    assert_eq!(
        states_of(&parsed, "60.2"),
        vec!["Trinidad and Tobago", "Bosnia and Herzegovina"]
    );
    assert_eq!(
        states_of(&parsed, "60.3"),
        vec!["Antigua and Barbuda", "Cuba"]
    );
    assert!(parsed
        .recommendations
        .iter()
        .all(|r| r.position == Position::Noted && r.position_source.is_none()));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
}

#[test]
fn first_cycle_items_numbered_inside_their_paragraph() {
    let text = "\
59. The delegation thanked the troika.
60. The recommendations formulated during the interactive dialogue have been examined by
Chile and the recommendations listed below enjoy the support of Chile:
1. To strengthen the human rights commission (Algeria, Egypt);
2. To adopt a plan on gender equality, covering 2009-
2012 (Norway).
61. The following recommendations will be examined by Chile, which will provide responses
in due time:
1. To consider abolishing the death penalty (Italy);
2. To invite the special rapporteurs (Latvia, Brazil).
62. All conclusions and/or recommendations contained in the present report reflect the
position of the submitting State(s).
";
    let parsed = report::parse(text);
    assert_eq!(paragraphs(&parsed), vec!["60.1", "60.2", "61.1", "61.2"]);
    assert_eq!(states_of(&parsed, "60.1"), vec!["Algeria", "Egypt"]);
    assert_eq!(
        text_of(&parsed, "60.2"),
        "To adopt a plan on gender equality, covering 2009-2012"
    );
    assert_eq!(states_of(&parsed, "61.2"), vec!["Latvia", "Brazil"]);
    let pos: Vec<Position> = parsed.recommendations.iter().map(|r| r.position).collect();
    assert_eq!(
        pos,
        vec![
            Position::Supported,
            Position::Supported,
            Position::Pending,
            Position::Pending
        ]
    );
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
}

#[test]
fn numbers_wrapped_to_a_line_start_inside_an_item_stay_text() {
    let text = "\
  140. The following recommendations will be examined by Chile:
  140.1 Allocate at least
  2.1 million dollars to shelters, and
  10.5 per cent of the budget (Spain);
  140.2 Train the police (Peru).
";
    let parsed = report::parse(text);
    assert_eq!(paragraphs(&parsed), vec!["140.1", "140.2"]);
    assert_eq!(
        text_of(&parsed, "140.1"),
        "Allocate at least 2.1 million dollars to shelters, and 10.5 per cent of the budget"
    );
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
}
