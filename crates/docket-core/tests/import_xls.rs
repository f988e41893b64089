//! Workbooks in the old Excel format (.xls), as older UPR Info exports and hand-made
//! spreadsheets come; hand-made fixtures written by `fixtures/make_xls_fixtures.py`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use docket_core::domain::Position;
use docket_core::import::read::{read, ReadOptions};
use docket_core::import::{Format, MappingSource};
use docket_core::ErrorKind;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn a_upr_info_export_saved_as_xls_reads_like_its_csv() {
    let batch = read(
        &fixture("upr-info.xls"),
        "upr-info.xls",
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(batch.format, Format::UprInfo);
    assert_eq!(batch.rows, 4);
    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
    let states: Vec<&str> = batch
        .reviews
        .iter()
        .map(|r| r.review.state_under_review.as_str())
        .collect();
    assert_eq!(states, ["France", "Ghana"]);
    let france = &batch.reviews[0];
    assert_eq!(france.review.wg_session, Some(2));
    // Two rows, one per recommending State, are one recommendation.
    let [equite, death] = france.recommendations.as_slice() else {
        panic!("{france:#?}")
    };
    assert!(equite.text.contains("Instance Equité"), "{}", equite.text);
    assert_eq!(equite.states, ["Morocco", "Algeria"]);
    assert_eq!(equite.position, Position::Supported);
    assert_eq!(equite.themes, ["Justice", "Human rights education"]);
    assert_eq!(equite.action_category, Some(4));
    assert_eq!(death.position, Position::Noted);
    assert_eq!(
        batch.reviews[1].recommendations[0].position,
        Position::Pending
    );
}

#[test]
fn a_hand_made_xls_is_mapped_by_its_headings() {
    let batch = read(
        &fixture("mapped.xls"),
        "mapped.xls",
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(batch.format, Format::Csv);
    assert_eq!(batch.source.mapping_source, Some(MappingSource::Guessed));
    assert_eq!(batch.source.header[1], "Recommendation");
    let [review] = batch.reviews.as_slice() else {
        panic!("{batch:#?}")
    };
    assert_eq!(review.review.state_under_review, "United States of America");
    assert_eq!(review.review.wg_session, Some(36));
    let paragraphs: Vec<&str> = review
        .recommendations
        .iter()
        .map(|r| r.paragraph.as_str())
        .collect();
    assert_eq!(paragraphs, ["26.1", "26.2"]);
    assert_eq!(review.recommendations[1].states, ["Côte d'Ivoire", "Chile"]);
}

#[test]
fn damaged_xls_and_old_word_files_are_refused_plainly() {
    let xls = fixture("upr-info.xls");
    let err = read(&xls[..xls.len() / 3], "cut.xls", &ReadOptions::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("Excel"), "{err}");

    // An OLE file with a WordDocument stream: Word 97-2003.
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend(vec![0u8; 512]);
    doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    let err = read(&doc, "report.doc", &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("old Word format"), "{err}");
}
