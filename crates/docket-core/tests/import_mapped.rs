//! The column-mapping reader, on the United States' 2020 recommendations (a hand-made CSV) and
//! on hand-written fixtures in the encodings and separators spreadsheets use.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use docket_core::domain::{NewReview, Position};
use docket_core::import::decode::decode;
use docket_core::import::mapped::{
    header_of_text, header_of_xlsx, parse_text, parse_xlsx, ColumnMapping, Field, MappedParse,
};
use docket_core::Error;
use proptest::prelude::*;

const US_2020: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/us-2020/recommendations.csv"
);

const XLSX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mapped.xlsx");

fn review(state: &str, cycle: i64, session: i64) -> NewReview {
    NewReview {
        state_under_review: state.into(),
        cycle: Some(cycle),
        wg_session: Some(session),
        review_date: None,
        report_symbol: Some("A/HRC/46/15".into()),
        addendum_symbol: None,
        adoption_date: None,
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Guesses the mapping from the text's header, checks it is usable and parses.
fn guess_and_parse(text: &str, review: Option<&NewReview>) -> (ColumnMapping, MappedParse) {
    let header = header_of_text(text);
    let mapping = ColumnMapping::guess(&header);
    mapping.is_usable().expect("usable mapping");
    let parsed = parse_text(text, &mapping, review);
    (mapping, parsed)
}

#[test]
fn us_2020_through_the_mapping_path() {
    let Ok(bytes) = std::fs::read(US_2020) else {
        println!("note: {US_2020} is absent; real-file test skipped");
        return;
    };
    let text = decode(&bytes, None).unwrap().text;
    let header = header_of_text(&text);
    assert_eq!(
        header,
        strings(&[
            "paragraph",
            "recommending_states",
            "position",
            "theme",
            "text"
        ])
    );
    let us = review("United States of America", 3, 36);
    let (mapping, parsed) = guess_and_parse(&text, Some(&us));
    assert_eq!(
        mapping.columns,
        vec![
            Field::Paragraph,
            Field::States,
            Field::Position,
            Field::Themes,
            Field::Text
        ]
    );
    assert_eq!(parsed.rows, 347);
    assert_eq!(parsed.reviews.len(), 1);
    let r = &parsed.reviews[0];
    assert_eq!(r.review, us, "the user's review applies as given");
    assert_eq!(r.recommendations.len(), 347);
    let count = |p: Position| r.recommendations.iter().filter(|x| x.position == p).count();
    assert_eq!(count(Position::Supported), 263);
    assert_eq!(count(Position::Noted), 67);
    assert_eq!(count(Position::SupportedInPart), 17);
    assert_eq!(count(Position::Pending), 0);
    // No position or text problem: only recommending "States" the list does not know.
    for p in &parsed.problems {
        assert!(
            p.message.starts_with("Recommending State"),
            "unexpected problem {p:?}"
        );
    }

    let first = &r.recommendations[0];
    assert_eq!(first.paragraph, "26.1");
    assert_eq!(
        first.text,
        "Consider ratifying all remaining human rights conventions"
    );
    assert_eq!(first.states, vec!["Somalia"]);
    assert_eq!(first.position, Position::Supported);
    assert_eq!(
        first.themes,
        vec!["Ratification of & accession to international instruments"]
    );
    assert!(first.groups_of_persons.is_empty() && first.sdgs.is_empty());
    assert_eq!(first.position_source, None);
    assert_eq!(first.action_category, None);

    // "; "-separated States.
    let four = r
        .recommendations
        .iter()
        .find(|x| x.states.len() == 4)
        .expect("a recommendation by four States");
    assert_eq!(four.states, vec!["Rwanda", "Bahamas", "Namibia", "Morocco"]);
    let six = r
        .recommendations
        .iter()
        .find(|x| x.states.len() == 6)
        .expect("a recommendation by six States");
    assert_eq!(
        six.states,
        vec![
            "Switzerland",
            "Rwanda",
            "Bahamas",
            "Luxembourg",
            "Mali",
            "Morocco"
        ]
    );
    assert!(r
        .recommendations
        .iter()
        .all(|x| x.states.iter().all(|s| !s.contains(';') && s == s.trim())));
    // A theme with commas inside parentheses stays whole.
    let long = "International criminal & humanitarian law (including crimes against humanity, \
                war crimes, genocide)";
    assert!(r
        .recommendations
        .iter()
        .any(|x| x.themes == vec![long.to_string()]));
    assert!(r.recommendations.iter().all(|x| x.themes.len() == 1));
    // Paragraphs are unique and in file order.
    assert_eq!(r.recommendations[1].paragraph, "26.2");
}

#[test]
fn french_excel_csv_in_windows_1252() {
    let csv = "N°;Recommandation;États recommandants;Réponse;Thèmes\r\n\
               140.1;Ratifier la Convention relative aux droits des personnes handicapées;\
               France;Soutenue;Droits de l'enfant; Éducation\r\n\
               \"140.2 \";\"Abolir la peine de mort; sans délai\";\"Algérie, Égypte\";Notée;\
               Peine de mort\r\n\
               140.3;Renforcer l'accès à la santé;Côte d'Ivoire|Sénégal;partiellement soutenue;\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(csv);
    assert!(!unmappable);
    let decoded = decode(&bytes, None).unwrap();
    assert_eq!(decoded.encoding, "windows-1252");
    let header = header_of_text(&decoded.text);
    assert_eq!(
        header,
        strings(&[
            "N°",
            "Recommandation",
            "États recommandants",
            "Réponse",
            "Thèmes"
        ])
    );
    let fr = review("France", 4, 43);
    let (mapping, parsed) = guess_and_parse(&decoded.text, Some(&fr));
    assert_eq!(
        mapping.columns,
        vec![
            Field::Paragraph,
            Field::Text,
            Field::States,
            Field::Position,
            Field::Themes
        ]
    );
    assert_eq!(parsed.rows, 3);
    assert_eq!(parsed.reviews.len(), 1);
    let recs = &parsed.reviews[0].recommendations;
    assert_eq!(recs.len(), 3);
    // A row with more cells than the header (the ";" in the themes): the extra cell is ignored.
    assert_eq!(recs[0].paragraph, "140.1");
    assert_eq!(recs[0].position, Position::Supported);
    assert_eq!(recs[0].themes, vec!["Droits de l'enfant"]);
    assert_eq!(recs[1].paragraph, "140.2", "paragraph trimmed");
    assert_eq!(recs[1].text, "Abolir la peine de mort; sans délai");
    // French names are not in the list of States, so the comma does not split them.
    assert_eq!(recs[1].states, vec!["Algérie, Égypte"]);
    assert_eq!(recs[1].position, Position::Noted);
    assert_eq!(recs[2].states, vec!["Côte d'Ivoire", "Sénégal"]);
    assert_eq!(recs[2].position, Position::SupportedInPart);
    assert!(recs[2].themes.is_empty());
}

#[test]
fn tab_separated_utf16_unicode_text() {
    let text = "Párrafo\tRecomendación\tEstado(s) recomendante(s)\tPosición\tTema\r\n\
                1.1\tRatificar el Protocolo\tMéxico; España\tApoyada\tDerechos del niño\r\n\
                1.2\tAbolir la pena de muerte\tKorea, Republic of\tTomada nota\tPena de muerte, \
                Justicia\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let decoded = decode(&bytes, None).unwrap();
    assert_eq!(decoded.encoding, "UTF-16LE");
    assert!(decoded.had_bom);
    let es = review("Chile", 4, 46);
    let (mapping, parsed) = guess_and_parse(&decoded.text, Some(&es));
    assert_eq!(
        mapping.columns,
        vec![
            Field::Paragraph,
            Field::Text,
            Field::States,
            Field::Position,
            Field::Themes
        ]
    );
    let recs = &parsed.reviews[0].recommendations;
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].states, vec!["México", "España"]);
    assert_eq!(recs[0].position, Position::Supported);
    assert_eq!(recs[1].states, vec!["Korea, Republic of"], "kept whole");
    assert_eq!(recs[1].position, Position::Noted);
    assert_eq!(recs[1].themes, vec!["Pena de muerte", "Justicia"]);
    // "México" is a known variant, "España" is not: kept as written, with a problem.
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
    assert_eq!(
        (parsed.problems[0].line, parsed.problems[0].column),
        (Some(2), Some(3))
    );
    assert!(parsed.problems[0].message.contains("España"));
}

#[test]
fn state_under_review_and_session_columns_make_several_reviews() {
    let text = "State under review,Session,Cycle,Date,Paragraph,Recommendation,From,Status,\
                Source of position,SDGs,Affected persons,Action\n\
                Brazil,UPR 41,4,2022-11-14,1.1,Text one,Chile,Supported,A/HRC/52/14/Add.1,\
                \"5 - GENDER EQUALITY, 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS\",women,5\n\
                Brazil,41,,,1.2,Text two,Peru,Noted,,,,\n\
                India,41,,14/11/2022,1.1,Text three,Nepal,,,,,9\n\
                Brazil,27,,,1.1,Older text,Chile,Accepted,,,,\n";
    let (mapping, parsed) = guess_and_parse(text, None);
    assert_eq!(
        mapping.columns,
        vec![
            Field::StateUnderReview,
            Field::Session,
            Field::Cycle,
            Field::ReviewDate,
            Field::Paragraph,
            Field::Text,
            Field::States,
            Field::Position,
            Field::PositionSource,
            Field::Sdgs,
            Field::GroupsOfPersons,
            Field::ActionCategory
        ]
    );
    assert_eq!(parsed.rows, 4);
    type Summary<'a> = (&'a str, Option<i64>, Option<i64>, Option<&'a str>, usize);
    let summary: Vec<Summary> = parsed
        .reviews
        .iter()
        .map(|r| {
            (
                r.review.state_under_review.as_str(),
                r.review.wg_session,
                r.review.cycle,
                r.review.review_date.as_deref(),
                r.recommendations.len(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("Brazil", Some(41), Some(4), Some("2022-11-14"), 2),
            ("India", Some(41), Some(4), Some("2022-11-14"), 1),
            ("Brazil", Some(27), Some(3), None, 1),
        ]
    );
    let first = &parsed.reviews[0].recommendations[0];
    assert_eq!(first.position_source.as_deref(), Some("A/HRC/52/14/Add.1"));
    assert_eq!(
        first.sdgs,
        vec![
            "5 - GENDER EQUALITY",
            "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"
        ]
    );
    assert_eq!(first.groups_of_persons, vec!["women"]);
    assert_eq!(first.action_category, Some(5));
    // Action 9 is a problem at its line and column.
    let action = parsed
        .problems
        .iter()
        .find(|p| p.message.contains("Action \"9\""))
        .expect("action problem");
    assert_eq!((action.line, action.column), (Some(4), Some(12)));
    assert_eq!(
        parsed.reviews[1].recommendations[0].position,
        Position::Pending
    );
}

#[test]
fn without_a_review_and_without_review_columns_nothing_is_read() {
    let text = "Paragraph,Text\n1.1,Do something\n";
    let (_, parsed) = guess_and_parse(text, None);
    assert!(parsed.reviews.is_empty());
    assert_eq!(parsed.problems.len(), 1);
    assert!(parsed.problems[0]
        .message
        .starts_with("Say which review these recommendations belong to"));
}

#[test]
fn no_text_column_is_not_usable() {
    let header = strings(&["Paragraph", "Recommending States", "Position"]);
    let mapping = ColumnMapping::guess(&header);
    let message = mapping.is_usable().unwrap_err();
    assert!(message.contains("text of the recommendations"), "{message}");
    assert!(message.contains("\"Text\""), "{message}");
    // parse_text refuses the same way, with nothing read.
    let parsed = parse_text(
        "Paragraph,Recommending States,Position\n1.1,France,Supported\n",
        &mapping,
        Some(&review("Chile", 4, 46)),
    );
    assert!(parsed.reviews.is_empty());
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].message, message);
}

#[test]
fn positions_in_several_spellings() {
    let text = "para,text,response\n\
                1,a,Supported\n2,b,ACCEPTED\n3,c,supported_noted\n4,d,Supported/Noted\n\
                5,e,supported in part\n6,f,Partially\n7,g,noted\n8,h,Rejected\n9,i,pending\n\
                10,j,\n11,k,Soutenue\n12,l,notée\n13,m,Apoyada\n14,n,tomada nota\n15,o,Aceptada\n\
                16,p,maybe\n";
    let (_, parsed) = guess_and_parse(text, Some(&review("Chile", 4, 46)));
    let got: Vec<Position> = parsed.reviews[0]
        .recommendations
        .iter()
        .map(|r| r.position)
        .collect();
    use Position::*;
    assert_eq!(
        got,
        vec![
            Supported,
            Supported,
            SupportedInPart,
            SupportedInPart,
            SupportedInPart,
            SupportedInPart,
            Noted,
            Noted,
            Pending,
            Pending,
            Supported,
            Noted,
            Supported,
            Noted,
            Supported,
            Pending
        ]
    );
    assert_eq!(parsed.problems.len(), 1);
    let p = &parsed.problems[0];
    assert_eq!((p.line, p.column), (Some(17), Some(3)));
    assert!(p.message.contains("\"maybe\""), "{}", p.message);
}

#[test]
fn empty_text_row_is_a_problem_with_its_line() {
    // (No blank line before the empty-text row: decode::records gives a record that follows
    // a blank line the blank line's number.)
    let text = "Paragraph,Recommendation\n1.1,First\n,\n1.2,  \n1.3,Third\n\n,,\n";
    let (_, parsed) = guess_and_parse(text, Some(&review("Chile", 4, 46)));
    assert_eq!(
        parsed.rows, 3,
        "blank lines and rows of empty cells are not rows"
    );
    let paragraphs: Vec<&str> = parsed.reviews[0]
        .recommendations
        .iter()
        .map(|r| r.paragraph.as_str())
        .collect();
    assert_eq!(paragraphs, vec!["1.1", "1.3"]);
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].line, Some(4));
    assert!(parsed.problems[0]
        .message
        .contains("without recommendation text"));
}

#[test]
fn duplicate_paragraph_keeps_the_first() {
    let text = "Paragraph,Text\n1.1,First\n 1.1 ,Again\n1.2,Second\n";
    let (_, parsed) = guess_and_parse(text, Some(&review("Chile", 4, 46)));
    let recs = &parsed.reviews[0].recommendations;
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].text, "First");
    assert_eq!(recs[1].paragraph, "1.2");
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].line, Some(3));
    assert!(parsed.problems[0].message.contains("first on line 2"));
}

#[test]
fn key_is_the_same_for_the_same_headers() {
    let a = strings(&["Paragraph", "Recommending State(s)", "Text", "État"]);
    let b = strings(&[" paragraph ", "RECOMMENDING  STATE (S)", "text", "etat", ""]);
    let c = strings(&["Paragraph", "Recommending State(s)", "Text"]);
    let d = strings(&["Text", "Paragraph", "Recommending State(s)", "État"]);
    assert_eq!(ColumnMapping::key(&a), ColumnMapping::key(&b));
    assert_ne!(ColumnMapping::key(&a), ColumnMapping::key(&c));
    assert_ne!(ColumnMapping::key(&a), ColumnMapping::key(&d));
}

#[test]
fn mapping_round_trips_through_json() {
    let mapping = ColumnMapping::guess(&strings(&["No.", "Recommendation", "Groups of persons"]));
    let json = serde_json::to_string(&mapping).unwrap();
    assert_eq!(
        json,
        r#"{"columns":["paragraph","text","groups_of_persons"]}"#
    );
    assert_eq!(
        serde_json::from_str::<ColumnMapping>(&json).unwrap(),
        mapping
    );
}

#[test]
fn xlsx_fixture() {
    // Made by tests/fixtures/make_mapped_xlsx.py (openpyxl).
    let Ok(bytes) = std::fs::read(XLSX) else {
        println!("note: {XLSX} is absent; XLSX test skipped");
        return;
    };
    let header = header_of_xlsx(&bytes).unwrap();
    assert_eq!(
        header,
        strings(&[
            "Paragraph",
            "Recommendation",
            "Recommending State(s)",
            "Position",
            "Themes",
            "State under review",
            "Session",
            "Review date"
        ])
    );
    let mapping = ColumnMapping::guess(&header);
    assert_eq!(
        mapping.columns,
        vec![
            Field::Paragraph,
            Field::Text,
            Field::States,
            Field::Position,
            Field::Themes,
            Field::StateUnderReview,
            Field::Session,
            Field::ReviewDate
        ]
    );
    let parsed = parse_xlsx(&bytes, &mapping, None).unwrap();
    assert_eq!(parsed.rows, 4);
    assert_eq!(parsed.reviews.len(), 2);
    let us = &parsed.reviews[0];
    assert_eq!(us.review.state_under_review, "United States of America");
    assert_eq!(us.review.wg_session, Some(36));
    assert_eq!(us.review.cycle, Some(3));
    assert_eq!(us.review.review_date.as_deref(), Some("2020-11-09"));
    assert_eq!(us.recommendations.len(), 2);
    assert_eq!(us.recommendations[0].paragraph, "26.1");
    assert_eq!(
        us.recommendations[0].themes,
        vec!["Ratification", "Treaties"]
    );
    assert_eq!(us.recommendations[1].states, vec!["France", "Germany"]);
    assert_eq!(us.recommendations[1].position, Position::Noted);
    let fr = &parsed.reviews[1];
    assert_eq!(fr.review.state_under_review, "France");
    assert_eq!(fr.review.wg_session, Some(43));
    assert_eq!(fr.recommendations[0].states, vec!["Korea, Republic of"]);
    assert_eq!(fr.recommendations[0].position, Position::Supported);
    // The empty-text row is reported at its spreadsheet row.
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
    assert_eq!(parsed.problems[0].line, Some(6));
}

#[test]
fn corrupt_or_protected_xlsx_is_invalid_input() {
    let mapping = ColumnMapping {
        columns: vec![Field::Text],
    };
    for bytes in [
        b"PK\x03\x04 definitely not a zip".to_vec(),
        b"hello, world".to_vec(),
        vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        Vec::new(),
    ] {
        match parse_xlsx(&bytes, &mapping, None) {
            Err(Error::InvalidInput(message)) => {
                assert!(message.contains("xlsx"), "{message}")
            }
            other => panic!("expected InvalidInput, got {other:?}"),
        }
        assert!(matches!(
            header_of_xlsx(&bytes),
            Err(Error::InvalidInput(_))
        ));
    }
    // A truncated real workbook as well.
    if let Ok(bytes) = std::fs::read(XLSX) {
        let cut = &bytes[..bytes.len() / 2];
        assert!(matches!(
            parse_xlsx(cut, &mapping, None),
            Err(Error::InvalidInput(_))
        ));
    }
}

fn any_field() -> impl Strategy<Value = Field> {
    prop::sample::select(vec![
        Field::Paragraph,
        Field::Text,
        Field::States,
        Field::Position,
        Field::Themes,
        Field::GroupsOfPersons,
        Field::Sdgs,
        Field::ActionCategory,
        Field::StateUnderReview,
        Field::Session,
        Field::Cycle,
        Field::ReviewDate,
        Field::PositionSource,
        Field::Ignore,
    ])
}

proptest! {
    #[test]
    fn parse_text_never_panics(
        text in "(?s)[a-zA-Z0-9 ,;|\t\r\n\"'éÉ()./_-]{0,300}",
        columns in prop::collection::vec(any_field(), 0..8),
        with_review in any::<bool>(),
    ) {
        let mapping = ColumnMapping { columns };
        let r = review("Chile", 4, 46);
        let parsed = parse_text(&text, &mapping, with_review.then_some(&r));
        let kept: u64 = parsed
            .reviews
            .iter()
            .map(|r| r.recommendations.len() as u64)
            .sum();
        prop_assert!(kept <= parsed.rows);
        let _ = header_of_text(&text);
    }

    #[test]
    fn parse_text_never_panics_on_any_string(text in any::<String>(), columns in prop::collection::vec(any_field(), 0..5)) {
        let _ = parse_text(&text, &ColumnMapping { columns }, None);
    }

    #[test]
    fn guess_never_panics(header in prop::collection::vec(any::<String>(), 0..10)) {
        let mapping = ColumnMapping::guess(&header);
        prop_assert_eq!(mapping.columns.len(), header.len());
        let _ = ColumnMapping::key(&header);
        let _ = mapping.is_usable();
    }

    #[test]
    fn parse_xlsx_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = parse_xlsx(&bytes, &ColumnMapping { columns: vec![Field::Text] }, None);
    }
}
