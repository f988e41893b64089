//! Tests for the addendum (State's responses) reader, on invented but realistic text.

use docket_core::domain::Position;
use docket_core::import::responses::{parse, ResponsesParse};
use proptest::prelude::*;

fn position(parsed: &ResponsesParse, paragraph: &str) -> Option<Position> {
    parsed
        .updates
        .iter()
        .find(|u| u.paragraph == paragraph)
        .and_then(|u| u.position)
}

fn paragraphs(parsed: &ResponsesParse, p: Position) -> Vec<String> {
    parsed
        .updates
        .iter()
        .filter(|u| u.position == Some(p))
        .map(|u| u.paragraph.clone())
        .collect()
}

const SLOVENIA_LIKE: &str = "\
Report of the Working Group on the Universal Periodic Review
Slovenia
Addendum
Views on conclusions and/or recommendations, voluntary commitments and replies
presented by the State under review

1. Slovenia has carefully examined the 254 recommendations received during its
fourth review, held on 13 January 2025, with the support of all ministries.

2. Slovenia continues to support the work of civil society.

3. Slovenia supports the following recommendations: 140.1, 140.2, 140.5–140.9,
140.11 to 140.14 and 140.20.

4. Slovenia supports in part recommendation 140.10.

5. The following recommendations are noted: 140.3, 140.4,
140.15-17 and 140.21.
";

#[test]
fn numbered_paragraphs_lists_ranges_and_wraps() {
    let parsed = parse(SLOVENIA_LIKE, Some("A/HRC/59/15/Add.1"));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(
        paragraphs(&parsed, Position::Supported),
        vec![
            "140.1", "140.2", "140.5", "140.6", "140.7", "140.8", "140.9", "140.11", "140.12",
            "140.13", "140.14", "140.20"
        ]
    );
    assert_eq!(
        paragraphs(&parsed, Position::SupportedInPart),
        vec!["140.10"]
    );
    assert_eq!(
        paragraphs(&parsed, Position::Noted),
        vec!["140.3", "140.4", "140.15", "140.16", "140.17", "140.21"]
    );
    let u = parsed.updates.iter().find(|u| u.paragraph == "140.12");
    assert_eq!(
        u.and_then(|u| u.position_source.as_deref()),
        Some("A/HRC/59/15/Add.1 - Para.3")
    );
    let u = parsed.updates.iter().find(|u| u.paragraph == "140.21");
    assert_eq!(
        u.and_then(|u| u.position_source.as_deref()),
        Some("A/HRC/59/15/Add.1 - Para.5")
    );
    // Sorted numerically.
    let got: Vec<&str> = parsed
        .updates
        .iter()
        .map(|u| u.paragraph.as_str())
        .collect();
    assert_eq!(got.first(), Some(&"140.1"));
    assert_eq!(got.last(), Some(&"140.21"));
    assert_eq!(got.len(), 19);
}

#[test]
fn position_after_the_list_and_no_numbered_paragraphs() {
    let text = "Recommendations 26.1 to 26.15 enjoy the support of the United States. \
                Recommendations 26.16, 26.18 and 26.20 are noted. The United States does not \
                support recommendation 26.19. Recommendation 26.17 is partially supported.";
    let parsed = parse(text, Some("A/HRC/46/15/Add.1"));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(paragraphs(&parsed, Position::Supported).len(), 15);
    assert_eq!(
        paragraphs(&parsed, Position::Noted),
        vec!["26.16", "26.18", "26.19", "26.20"]
    );
    assert_eq!(position(&parsed, "26.17"), Some(Position::SupportedInPart));
    assert!(parsed
        .updates
        .iter()
        .all(|u| u.position_source.as_deref() == Some("A/HRC/46/15/Add.1")));
}

#[test]
fn two_positions_in_one_sentence() {
    let text = "Recommendations 99.1 and 99.2 are supported, and 99.3 is noted.\n\
                Chile supports 99.4 and takes note of 99.5 and 99.6.";
    let parsed = parse(text, None);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(
        paragraphs(&parsed, Position::Supported),
        vec!["99.1", "99.2", "99.4"]
    );
    assert_eq!(
        paragraphs(&parsed, Position::Noted),
        vec!["99.3", "99.5", "99.6"]
    );
    assert!(parsed.updates.iter().all(|u| u.position_source.is_none()));
}

#[test]
fn bare_numbers_after_the_prefix() {
    let parsed = parse("Ghana accepts recommendations 140.1, 2 and 5.", None);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(
        paragraphs(&parsed, Position::Supported),
        vec!["140.1", "140.2", "140.5"]
    );
    // Two prefixes in the list: the bare number is ambiguous.
    let parsed = parse("Ghana accepts recommendations 26.1, 27.4 and 5.", None);
    assert_eq!(
        paragraphs(&parsed, Position::Supported),
        vec!["26.1", "27.4"]
    );
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
}

#[test]
fn per_recommendation_lines_and_tables() {
    let text = "\
Recommendation | Position
---|---
140.1 | Supported
140.2 | Noted
| 140.3 | Supported in part |
140.4\tAccepted
140.5 Noted
140.6: Partially supported
140.7-140.9 Supported
";
    let parsed = parse(text, Some("A/HRC/59/15/Add.1"));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(
        paragraphs(&parsed, Position::Supported),
        vec!["140.1", "140.4", "140.7", "140.8", "140.9"]
    );
    assert_eq!(paragraphs(&parsed, Position::Noted), vec!["140.2", "140.5"]);
    assert_eq!(
        paragraphs(&parsed, Position::SupportedInPart),
        vec!["140.3", "140.6"]
    );
}

#[test]
fn paragraph_in_two_lists_is_supported_in_part_with_a_problem() {
    let text = "\
3. Slovenia supports recommendations 140.1, 140.2 and 140.3.

4. Slovenia notes recommendations 140.3 and 140.4, as they concern matters
outside the competence of the State.
";
    let parsed = parse(text, Some("A/HRC/59/15/Add.1"));
    assert_eq!(position(&parsed, "140.3"), Some(Position::SupportedInPart));
    assert_eq!(position(&parsed, "140.4"), Some(Position::Noted));
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
    assert_eq!(parsed.problems[0].line, Some(3));
    assert!(parsed.problems[0].message.contains("140.3"));
}

#[test]
fn sentences_without_positions_and_ambiguous_ones() {
    let text = "\
Recommendations 140.1 to 140.10 were examined by an inter-ministerial working group.
The recommendations 140.1–140.10 received support or were noted.
The report (A/HRC/59/15/Add.1) was adopted on 3.4.2025; 12 supported.
";
    let parsed = parse(text, None);
    assert!(parsed.updates.is_empty(), "{:?}", parsed.updates);
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
    assert_eq!(parsed.problems[0].line, Some(2));
}

#[test]
fn entities_and_markdown_are_read() {
    let text = "**Slovenia supports** recommendations 140.1 &amp; 140.2&nbsp;&ndash; 140.4.";
    let parsed = parse(text, Some("X/Add.1"));
    assert_eq!(
        paragraphs(&parsed, Position::Supported),
        vec!["140.1", "140.2", "140.3", "140.4"]
    );
}

#[test]
fn empty_input() {
    let parsed = parse("", None);
    assert!(parsed.updates.is_empty());
    assert!(parsed.problems.is_empty());
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC*", sym in proptest::option::of("\\PC{0,20}")) {
        let _ = parse(&s, sym.as_deref());
    }

    #[test]
    fn never_panics_on_list_like_input(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("140.1".to_string()),
                Just("4294967295.99999".to_string()),
                Just("140.99999".to_string()),
                Just("supports".to_string()),
                Just("noted".to_string()),
                Just("in part".to_string()),
                Just("–".to_string()),
                Just("to".to_string()),
                Just("and".to_string()),
                Just(",".to_string()),
                Just("|".to_string()),
                Just("\n".to_string()),
                Just("3. ".to_string()),
                "[0-9.]{1,8}",
                "[a-z ]{0,10}",
            ],
            0..40,
        )
    ) {
        let _ = parse(&parts.join(" "), Some("A/HRC/1/1/Add.1"));
    }
}
