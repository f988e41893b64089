//! Word documents and PDFs through the importer: their text extracted, then read by the same
//! readers as pasted text. Fixtures are small hand-made files written by
//! `tests/fixtures/make_extract_fixtures.py` (invented but realistic data).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use docket_core::domain::Position;
use docket_core::import::extract::{self, DocumentKind};
use docket_core::import::read::{read, ReadOptions};
use docket_core::import::{Format, ImportBatch, PositionUpdate};
use docket_core::Error;
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read_file(name: &str) -> ImportBatch {
    read(&fixture(name), name, &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The message of a refused file.
fn refusal(bytes: &[u8], name: &str) -> String {
    match read(bytes, name, &ReadOptions::default()) {
        Err(Error::InvalidInput(m)) => m,
        other => panic!("{name}: expected InvalidInput, got {other:?}"),
    }
}

/// Checks a batch read from the Narnia report fixtures (DOCX or PDF).
fn assert_narnia_report(batch: &ImportBatch, name: &str) {
    assert_eq!(batch.format, Format::Report, "{name}");
    assert_eq!(batch.reviews.len(), 1, "{name}: {:?}", batch.problems);
    let review = &batch.reviews[0];
    assert_eq!(review.review.state_under_review, "Narnia", "{name}");
    assert_eq!(review.review.wg_session, Some(48), "{name}");
    assert_eq!(
        review.review.review_date.as_deref(),
        Some("2025-01-28"),
        "{name}"
    );
    let paragraphs: Vec<&str> = review
        .recommendations
        .iter()
        .map(|r| r.paragraph.as_str())
        .collect();
    assert_eq!(paragraphs, ["140.1", "140.2", "140.3"], "{name}");
    let states: Vec<Vec<&str>> = review
        .recommendations
        .iter()
        .map(|r| r.states.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(states[0], ["Ghana", "Chile"], "{name}");
    assert_eq!(states[1].len(), 2, "{name}: {:?}", states[1]);
    assert!(
        states[1][0].contains("Venezuela") && states[1][1] == "Türkiye",
        "{name}: {:?}",
        states[1]
    );
    assert_eq!(states[2], ["Norway"], "{name}");
    for r in &review.recommendations {
        assert!(!r.text.contains("GE.25"), "{name}: {}", r.text);
        assert!(!r.text.contains('\t'), "{name}: {:?}", r.text);
        assert_eq!(r.position, Position::Pending, "{name}");
    }
    assert_eq!(batch.rows, 3, "{name}");
}

#[test]
fn a_word_report_is_read_as_a_report() {
    let batch = read_file("report.docx");
    assert_narnia_report(&batch, "report.docx");
    let recs = &batch.reviews[0].recommendations;
    assert_eq!(recs[0].text, "Ratify the Convention against Torture");
    assert!(
        recs[1]
            .text
            .starts_with("Protect the rights of persons with disabilities & of older persons"),
        "{}",
        recs[1].text
    );
    // Tracked deletions and field codes are not text.
    assert_eq!(
        recs[2].text,
        "Strengthen the national human rights institution"
    );
    assert_eq!(batch.source.encoding, None);
}

#[test]
fn a_word_documents_text_keeps_its_lines() {
    let text = extract::docx_text(&fixture("report.docx"), "report.docx").unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "United Nations\tA/HRC/59/15");
    assert!(lines.contains(&"140.1\tRatify the Convention against Torture (Ghana) (Chile);"));
    assert!(lines.contains(&"persons (Bolivarian Republic of"));
    assert!(lines.contains(&"Venezuela) (Türkiye);"));
    assert!(!text.contains("old ") && !text.contains("PAGE"), "{text}");
}

#[test]
fn a_pdf_report_is_read_as_a_report() {
    assert_narnia_report(&read_file("report.pdf"), "report.pdf");
    let batch = read_file("report.pdf");
    assert_eq!(
        batch.reviews[0].recommendations[0].text,
        "Ratify the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment"
    );
}

#[test]
fn a_pdf_with_an_embedded_font_is_read_as_a_report() {
    assert_narnia_report(
        &read_file("report-embedded-font.pdf"),
        "report-embedded-font.pdf",
    );
}

#[test]
fn a_pdf_restricted_by_an_owner_password_only_is_read() {
    assert_narnia_report(&read_file("restricted.pdf"), "restricted.pdf");
}

#[test]
fn a_word_thematic_list_gives_positions_and_labels() {
    let batch = read_file("thematic.docx");
    assert_eq!(batch.format, Format::ThematicList);
    assert_eq!(batch.updates_document.as_deref(), Some("A/HRC/59/15/Add.1"));
    let find = |p: &str| -> &PositionUpdate {
        batch
            .updates
            .iter()
            .find(|u| u.paragraph == p)
            .unwrap_or_else(|| panic!("{p} missing: {:?}", batch.updates))
    };
    assert_eq!(batch.updates.len(), 2, "{:?}", batch.updates);
    let u = find("140.7");
    assert_eq!(u.position, Some(Position::Supported));
    assert_eq!(
        u.position_source.as_deref(),
        Some("A/HRC/59/15/Add.1 - Para.3")
    );
    assert!(
        u.themes
            .iter()
            .any(|t| t == "Ratification of & accession to international instruments"),
        "{:?}",
        u.themes
    );
    assert_eq!(u.groups_of_persons, ["Public officials"]);
    assert_eq!(u.sdgs, ["1 - NO POVERTY", "5 - GENDER EQUALITY"]);
    let u = find("140.9");
    assert_eq!(u.position, Some(Position::Noted));
    assert_eq!(u.groups_of_persons, ["Persons deprived of their liberty"]);
    assert_eq!(u.sdgs, ["16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"]);
    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
}

#[test]
fn a_word_addendum_gives_the_states_responses() {
    let batch = read_file("responses.docx");
    assert_eq!(batch.format, Format::Responses);
    let positions: Vec<(&str, Option<Position>)> = batch
        .updates
        .iter()
        .map(|u| (u.paragraph.as_str(), u.position))
        .collect();
    assert_eq!(
        positions,
        [
            ("140.1", Some(Position::Supported)),
            ("140.2", Some(Position::Supported)),
            ("140.3", Some(Position::Noted)),
        ]
    );
}

#[test]
fn a_chosen_format_is_used_for_a_documents_text() {
    let options = ReadOptions {
        format: Some(Format::Responses),
        ..ReadOptions::default()
    };
    let batch = read(&fixture("responses.docx"), "responses.docx", &options).unwrap();
    assert_eq!(batch.format, Format::Responses);
    assert_eq!(batch.updates.len(), 3);
}

#[test]
fn spreadsheets_still_go_to_the_spreadsheet_reader() {
    let xlsx = fixture("mapped.xlsx");
    assert_eq!(extract::document_kind(&xlsx, "mapped.xlsx"), None);
    let batch = read_file("mapped.xlsx");
    assert_eq!(batch.format, Format::Csv);
    assert!(!batch.reviews.is_empty(), "{:?}", batch.problems);
    let xlsx = fixture("uhri-sample.xlsx");
    assert_eq!(extract::document_kind(&xlsx, "uhri-sample.xlsx"), None);
    assert_eq!(
        extract::document_kind(&fixture("report.docx"), "report.docx"),
        Some(DocumentKind::Docx)
    );
}

#[test]
fn truncated_word_documents_are_refused_as_damaged() {
    let bytes = fixture("report.docx");
    for cut in [40, bytes.len() / 3, bytes.len() / 2, bytes.len() - 30] {
        let m = refusal(&bytes[..cut], "report.docx");
        assert!(
            m.starts_with("report.docx is a damaged or incomplete Word document"),
            "cut at {cut}: {m}"
        );
    }
}

#[test]
fn truncated_pdfs_are_refused_as_damaged() {
    let bytes = fixture("report.pdf");
    for cut in [10, bytes.len() / 3, bytes.len() / 2, bytes.len() - 40] {
        let m = refusal(&bytes[..cut], "report.pdf");
        assert!(
            m.starts_with("report.pdf is a damaged or incomplete PDF"),
            "cut at {cut}: {m}"
        );
    }
}

#[test]
fn a_password_protected_pdf_is_refused() {
    let m = refusal(&fixture("password.pdf"), "password.pdf");
    assert!(
        m.starts_with("password.pdf is a password-protected PDF"),
        "{m}"
    );
    assert!(m.contains("save a copy without the password"), "{m}");
}

#[test]
fn a_password_protected_word_document_is_refused() {
    let bytes = fixture("encrypted.docx");
    assert_eq!(
        extract::document_kind(&bytes, "encrypted.docx"),
        Some(DocumentKind::EncryptedOffice)
    );
    let m = refusal(&bytes, "encrypted.docx");
    assert!(
        m.starts_with("encrypted.docx is protected by a password"),
        "{m}"
    );
    assert!(m.contains("remove the password"), "{m}");
    // Asked for directly too.
    let Err(Error::InvalidInput(m)) = extract::docx_text(&bytes, "encrypted.docx") else {
        panic!("not refused");
    };
    assert!(m.contains("protected by a password"), "{m}");
}

#[test]
fn a_scanned_pdf_is_refused_as_having_no_text() {
    let m = refusal(&fixture("scan.pdf"), "scan.pdf");
    assert!(m.starts_with("scan.pdf has no text (it is a scan"), "{m}");
}

#[test]
fn a_zip_named_docx_that_is_not_a_word_document_is_refused() {
    let m = refusal(&fixture("mapped.xlsx"), "mapped.docx");
    assert!(m.starts_with("mapped.docx is not a Word document"), "{m}");
}

/// Bytes that start like a PDF or a ZIP file, then anything.
fn document_like() -> impl Strategy<Value = Vec<u8>> {
    let prefix = prop_oneof![
        Just(b"%PDF-".to_vec()),
        Just(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".to_vec()),
        Just(b"PK\x03\x04".to_vec()),
        Just(b"PK\x03\x04\x14\x00\x00\x00\x08\x00word/document.xml".to_vec()),
    ];
    (prefix, proptest::collection::vec(any::<u8>(), 0..2048)).prop_map(|(mut p, rest)| {
        p.extend(rest);
        p
    })
}

/// A fixture with a few bytes changed.
fn damaged_fixture() -> impl Strategy<Value = Vec<u8>> {
    let names = prop_oneof![
        Just("report.docx"),
        Just("thematic.docx"),
        Just("report.pdf"),
        Just("report-embedded-font.pdf"),
        Just("restricted.pdf"),
    ];
    (
        names,
        proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    )
        .prop_map(|(name, changes)| {
            let mut bytes = fixture(name);
            for (at, value) in changes {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn document_like_bytes_never_panic(bytes in document_like()) {
        let _ = extract::docx_text(&bytes, "x.docx");
        let _ = extract::pdf_text(&bytes, "x.pdf");
        let _ = read(&bytes, "x", &ReadOptions::default());
    }

    #[test]
    fn damaged_documents_never_panic(bytes in damaged_fixture()) {
        let _ = read(&bytes, "x", &ReadOptions::default());
    }
}
