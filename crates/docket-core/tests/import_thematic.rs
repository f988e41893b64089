//! Tests for the OHCHR thematic list reader.

use docket_core::domain::Position;
use docket_core::import::thematic::parse;
use proptest::prelude::*;

const REAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/slovenia-2025/thematic_list.md"
);

#[test]
fn real_slovenia_thematic_list() {
    let Ok(text) = std::fs::read_to_string(REAL) else {
        eprintln!("note: {REAL} not found; real-file test skipped");
        return;
    };
    let parsed = parse(&text);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.updates.len(), 254);
    let expected: Vec<String> = (1..=254).map(|n| format!("140.{n}")).collect();
    let got: Vec<&str> = parsed
        .updates
        .iter()
        .map(|u| u.paragraph.as_str())
        .collect();
    assert_eq!(got, expected);
    let count = |p| {
        parsed
            .updates
            .iter()
            .filter(|u| u.position == Some(p))
            .count()
    };
    assert_eq!(count(Position::Supported), 217);
    assert_eq!(count(Position::Noted), 37);
    assert_eq!(parsed.document.as_deref(), Some("A/HRC/59/15/Add.1"));
    for u in &parsed.updates {
        let src = u.position_source.as_deref().unwrap_or("");
        assert!(
            src.starts_with("A/HRC/59/15/Add.1"),
            "{}: {src}",
            u.paragraph
        );
        assert!(!u.states.is_empty(), "{} has no States", u.paragraph);
        assert!(!u.themes.is_empty(), "{} has no themes", u.paragraph);
        let text = u.text.as_deref().unwrap_or("");
        assert!(!text.is_empty() && !text.ends_with(';'), "{}", u.paragraph);
        let values = u
            .themes
            .iter()
            .chain(&u.groups_of_persons)
            .chain(&u.sdgs)
            .chain(&u.states)
            .chain(u.text.iter());
        for v in values {
            assert!(
                !v.contains("&amp;") && !v.contains("**") && !v.contains('|'),
                "{v}"
            );
        }
        for sdg in &u.sdgs {
            let (n, name) = sdg.split_once(" - ").unwrap_or(("", ""));
            assert!(
                n.parse::<u32>()
                    .map(|n| (1..=17).contains(&n))
                    .unwrap_or(false),
                "{sdg}"
            );
            assert!(
                !name.is_empty() && !name.chars().any(|c| c.is_lowercase()),
                "{sdg}"
            );
        }
    }
    let u = &parsed.updates[10];
    assert_eq!(u.paragraph, "140.11");
    assert_eq!(u.position, Some(Position::Supported));
    assert_eq!(
        u.position_source.as_deref(),
        Some("A/HRC/59/15/Add.1 - Para.4")
    );
    assert_eq!(
        u.text.as_deref(),
        Some(
            "Accede to the 1961 Convention on the Reduction of Statelessness, in line with the \
             pledge announced during the 2023 Global Refugee Forum"
        )
    );
    assert_eq!(u.states, vec!["North Macedonia"]);
    assert_eq!(
        u.themes,
        vec![
            "Ratification of & accession to international instruments",
            "Refugees & asylum seekers"
        ]
    );
    assert_eq!(
        u.groups_of_persons,
        vec![
            "Refugees & asylum seekers",
            "Public officials",
            "Stateless persons"
        ]
    );
    assert_eq!(u.sdgs, vec!["10 - REDUCED INEQUALITIES"]);
    // A theme that starts with a number is not an SDG.
    let u = parsed.updates.iter().find(|u| u.paragraph == "140.145");
    assert!(u
        .map(|u| u
            .themes
            .iter()
            .any(|t| t == "2030 Agenda & other voluntary commitments"))
        .unwrap_or(false));
    let last = &parsed.updates[253];
    assert_eq!(last.position, Some(Position::Supported));
    assert_eq!(last.states, vec!["Iraq"]);
}

#[test]
fn plain_text_layout_with_wrapped_text() {
    let text = "\
Theme: Death penalty
26.3 Abolish the death penalty and commute all sentences
to life imprisonment (France) (Venezuela (Bolivarian Republic of));
Source of Position: A/HRC/46/15/Add.1 - Para.7
Noted
Death penalty
Right to life
Groups of Persons:
Persons deprived of their liberty
16 - PEACE, JUSTICE AND STRONG INSTITUTIONS
26.1 Ratify the Convention (Algeria);
Source of Position: A/HRC/46/15/Add.1 - Para.6
Accepted
Ratification of & accession to international instruments
";
    let parsed = parse(text);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.document.as_deref(), Some("A/HRC/46/15/Add.1"));
    assert_eq!(parsed.updates.len(), 2);
    let a = &parsed.updates[0];
    assert_eq!(a.paragraph, "26.1");
    assert_eq!(a.position, Some(Position::Supported));
    assert_eq!(
        a.themes,
        vec![
            "Ratification of & accession to international instruments",
            "Death penalty"
        ]
    );
    let b = &parsed.updates[1];
    assert_eq!(b.paragraph, "26.3");
    assert_eq!(b.position, Some(Position::Noted));
    assert_eq!(
        b.text.as_deref(),
        Some("Abolish the death penalty and commute all sentences to life imprisonment")
    );
    assert_eq!(
        b.states,
        vec!["France", "Venezuela (Bolivarian Republic of)"]
    );
    assert_eq!(b.themes, vec!["Death penalty", "Right to life"]);
    assert_eq!(
        b.groups_of_persons,
        vec!["Persons deprived of their liberty"]
    );
    assert_eq!(b.sdgs, vec!["16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"]);
}

#[test]
fn supported_noted_is_supported_in_part() {
    let text = "\
140.9 Adopt a law (Chile);
Source of Position: A/HRC/59/15/Add.1 - Para.5
**Supported/Noted**
- Legal & institutional reform
140.10 Adopt another law (Peru);
Source of Position: A/HRC/59/15/Add.1 - Para.5
Partially supported
";
    let parsed = parse(text);
    assert_eq!(parsed.updates.len(), 2);
    assert!(parsed
        .updates
        .iter()
        .all(|u| u.position == Some(Position::SupportedInPart)));
    assert_eq!(
        parsed.updates[0].themes,
        vec!["Legal & institutional reform"]
    );
}

#[test]
fn repeated_recommendation_is_merged() {
    let text = "\
## A12 Acceptance of international norms
140.2 Ratify the Convention (Algeria) (Cabo Verde);
Source of Position: A/HRC/59/15/Add.1 - Para.3
Supported
* A12 Acceptance of international norms
* Groups of Persons:
* Migrants
* 10 - REDUCED INEQUALITIES
140.1 Ratify the Protocol (Chile);
Source of Position: A/HRC/59/15/Add.1 - Para.3
Supported
## B31 Equality & non-discrimination
140.2 Ratify the Convention (Algeria) (Cabo Verde);
Source of Position: A/HRC/59/15/Add.1 - Para.3
Supported
* B31 Equality & non-discrimination
* Groups of Persons:
* Women
* 10 - REDUCED INEQUALITIES
* 5 - GENDER EQUALITY
";
    let parsed = parse(text);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.updates.len(), 2);
    assert_eq!(parsed.updates[0].paragraph, "140.1");
    assert_eq!(
        parsed.updates[0].themes,
        vec!["Acceptance of international norms"]
    );
    let u = &parsed.updates[1];
    assert_eq!(u.paragraph, "140.2");
    assert_eq!(u.states, vec!["Algeria", "Cabo Verde"]);
    assert_eq!(
        u.themes,
        vec![
            "Acceptance of international norms",
            "Equality & non-discrimination"
        ]
    );
    assert_eq!(u.groups_of_persons, vec!["Migrants", "Women"]);
    assert_eq!(
        u.sdgs,
        vec!["10 - REDUCED INEQUALITIES", "5 - GENDER EQUALITY"]
    );
}

#[test]
fn conflicting_positions_are_a_problem() {
    let text = "\
Theme: Death penalty
140.4 Abolish the death penalty (France);
Source of Position: A/HRC/59/15/Add.1 - Para.3
Supported
Theme: Right to life
140.4 Abolish the death penalty (France);
Source of Position: A/HRC/59/15/Add.1 - Para.5
Noted
";
    let parsed = parse(text);
    assert_eq!(parsed.updates.len(), 1);
    assert_eq!(parsed.updates[0].position, Some(Position::Supported));
    assert_eq!(
        parsed.updates[0].position_source.as_deref(),
        Some("A/HRC/59/15/Add.1 - Para.3")
    );
    assert_eq!(
        parsed.updates[0].themes,
        vec!["Death penalty", "Right to life"]
    );
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
    assert_eq!(parsed.problems[0].line, Some(8));
    assert!(parsed.problems[0].message.contains("140.4"));
}

#[test]
fn entities_emphasis_and_tables_do_not_leak() {
    let text = "\
| Recommendation | Position | Themes |
|---|---|---|
| **140.5** Protect &quot;defenders&quot; &amp; journalists&#39; rights &lt;now&gt; (C&#244;te d&#x27;Ivoire); | Supported | Human rights defenders &amp; journalists<br>Groups of Persons:<br>Human rights defenders |
";
    let parsed = parse(text);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.updates.len(), 1);
    let u = &parsed.updates[0];
    assert_eq!(u.paragraph, "140.5");
    assert_eq!(u.position, Some(Position::Supported));
    assert_eq!(
        u.text.as_deref(),
        Some("Protect \"defenders\" & journalists' rights <now>")
    );
    assert_eq!(u.states, vec!["Côte d'Ivoire"]);
    assert_eq!(u.themes, vec!["Human rights defenders & journalists"]);
    assert_eq!(u.groups_of_persons, vec!["Human rights defenders"]);
}

#[test]
fn nothing_recognizable_is_a_problem() {
    let parsed = parse("Hello\nworld\n");
    assert!(parsed.updates.is_empty());
    assert_eq!(parsed.problems.len(), 1);
    let parsed = parse("");
    assert!(parsed.updates.is_empty());
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC*") {
        let _ = parse(&s);
    }

    #[test]
    fn never_panics_on_list_like_input(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("140.1 Do it (France);".to_string()),
                Just("Source of Position: A/HRC/1/1/Add.1 - Para.3".to_string()),
                Just("Supported".to_string()),
                Just("Noted".to_string()),
                Just("Groups of Persons:".to_string()),
                Just("- 5 - GENDER EQUALITY".to_string()),
                Just("## A1 Theme".to_string()),
                Just("| a | &#x;&#99999999; | ((( ))) |".to_string()),
                "[-*#|&;()0-9. a-zA-Z]{0,30}",
            ],
            0..40,
        )
    ) {
        let _ = parse(&lines.join("\n"));
    }
}
