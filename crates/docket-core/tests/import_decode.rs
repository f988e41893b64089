//! Integration tests of `import::decode`: encodings, binary refusals, separators, line endings
//! and CSV records, on hand-made fixtures and on the real UPR Info export when it is present.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use docket_core::import::decode::{
    decode, header_index, normalize_newlines, records, sniff_delimiter, Decoded, Record,
};
use docket_core::Error;
use proptest::prelude::*;

const UPR_INFO: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/upr-info-export/sessions-01-05.csv"
);

fn ok(bytes: &[u8], forced: Option<&str>) -> Decoded<'static> {
    decode(bytes, forced).expect("decodes").into_owned()
}

fn invalid(bytes: &[u8]) -> String {
    match decode(bytes, None) {
        Err(Error::InvalidInput(message)) => message,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

fn all_records(text: &str, delimiter: u8) -> Vec<Record> {
    records(text, delimiter)
        .map(|r| r.expect("record reads"))
        .collect()
}

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    let units = bom
        .then_some(0xFEFFu16)
        .into_iter()
        .chain(text.encode_utf16());
    for unit in units {
        if little_endian {
            bytes.extend(unit.to_le_bytes());
        } else {
            bytes.extend(unit.to_be_bytes());
        }
    }
    bytes
}

// ---- The real UPR Info export ----

#[test]
fn upr_info_export_is_read_as_mac_roman_with_bare_cr_records() {
    let Ok(bytes) = std::fs::read(UPR_INFO) else {
        eprintln!("note: {UPR_INFO} is absent; skipping the real-file test");
        return;
    };
    let decoded = ok(&bytes, None);
    assert_eq!(decoded.encoding, "macintosh");
    assert!(!decoded.had_bom);
    assert_eq!(decoded.replaced, 0);
    assert!(decoded.text.contains("Instance Equité"));
    assert!(!decoded.text.contains("EquitŽ"));

    assert_eq!(sniff_delimiter(&decoded.text), b',');
    let rows = all_records(&decoded.text, b',');
    let header = &rows.first().expect("a header").fields;
    assert_eq!(
        header,
        &[
            "To",
            "To-Rgrp",
            "To-Org",
            "Text",
            "From",
            "From-Rgrp",
            "From-Org",
            "Response",
            "Action",
            "Issue",
            "Session"
        ]
    );
    assert_eq!(header_index(header, &["issue"]), Some(9));
    let data: Vec<&Record> = rows
        .iter()
        .skip(1)
        .filter(|r| r.fields.first().is_some_and(|f| !f.is_empty()))
        .collect();
    assert_eq!(data.len(), 6094);
    assert_eq!(rows.len(), 6095);
    assert!(rows.windows(2).all(|w| w[0].line < w[1].line));
    assert!(data.iter().all(|r| r.fields.len() == 11));
}

// ---- Encodings ----

#[test]
fn utf8_bom_is_removed_and_reported() {
    let decoded = ok("\u{FEFF}Text,From\nÉgalité,France\n".as_bytes(), None);
    assert_eq!(decoded.encoding, "UTF-8");
    assert!(decoded.had_bom);
    assert_eq!(decoded.text, "Text,From\nÉgalité,France\n");
}

#[test]
fn utf8_without_bom_is_utf8() {
    let decoded = ok("Société civile, Côte d’Ivoire".as_bytes(), None);
    assert_eq!(decoded.encoding, "UTF-8");
    assert!(!decoded.had_bom);
    assert_eq!(decoded.replaced, 0);
}

#[test]
fn utf16le_with_bom() {
    let text = "Text\tFrom\nÉquité et Côte d’Ivoire\tČeška\n";
    let decoded = ok(&utf16(text, true, true), None);
    assert_eq!(decoded.encoding, "UTF-16LE");
    assert!(decoded.had_bom);
    assert_eq!(decoded.text, text);
    assert_eq!(sniff_delimiter(&decoded.text), b'\t');
}

#[test]
fn utf16be_with_bom() {
    let text = "Text,From\nÉquité,France\n";
    let decoded = ok(&utf16(text, false, true), None);
    assert_eq!(decoded.encoding, "UTF-16BE");
    assert!(decoded.had_bom);
    assert_eq!(decoded.text, text);
}

#[test]
fn utf16be_without_bom_is_recognised_by_its_zero_bytes() {
    let text = "Text,From\nSociété civile,France\n";
    let decoded = ok(&utf16(text, false, false), None);
    assert_eq!(decoded.encoding, "UTF-16BE");
    assert_eq!(decoded.text, text);
}

#[test]
fn windows_1252_french_text() {
    let bytes = b"Text,From\n\"Soci\xE9t\xE9 civile, \xE9quit\xE9, C\xF4te d\x92Ivoire\",France\n";
    let decoded = ok(bytes, None);
    assert_eq!(decoded.encoding, "windows-1252");
    assert!(decoded
        .text
        .contains("Société civile, équité, Côte d’Ivoire"));
    assert_eq!(decoded.replaced, 0);
}

#[test]
fn mac_roman_french_text() {
    // Mac Roman: é 0x8E, è 0x8F, ô 0x99, ç 0x8D, à 0x88, ’ 0xD5.
    let bytes = b"Soci\x8Et\x8E civile, \x8Equit\x8E, C\x99te d\xD5Ivoire, tr\x8Fs, fran\x8Dais, \x88 Gen\x8Fve";
    let decoded = ok(bytes, None);
    assert_eq!(decoded.encoding, "macintosh");
    assert_eq!(
        decoded.text,
        "Société civile, équité, Côte d’Ivoire, très, français, à Genève"
    );
}

#[test]
fn mac_roman_single_word_equite() {
    let decoded = ok(b"To,Text\nFrance,Instance Equit\x8E\n", None);
    assert_eq!(decoded.encoding, "macintosh");
    assert!(decoded.text.contains("Instance Equité"));
}

#[test]
fn windows_1250_slovenian_text() {
    // Windows-1250: Č 0xC8, š 0x9A, ž 0x9E, č 0xE8.
    let bytes = b"\xC8lovekove pravice, Ljubljana, \x9Aola, \x9Eena, \xE8as";
    let decoded = ok(bytes, None);
    assert_eq!(decoded.encoding, "windows-1250");
    assert_eq!(
        decoded.text,
        "Človekove pravice, Ljubljana, šola, žena, čas"
    );
}

#[test]
fn windows_1250_short_sample_with_capital_c_caron() {
    let bytes = b"\xC8lovekove pravice, Ljubljana, \x9Aola, \x9Eena";
    let decoded = ok(bytes, None);
    assert_eq!(decoded.encoding, "windows-1250");
    assert_eq!(decoded.text, "Človekove pravice, Ljubljana, šola, žena");
}

#[test]
fn windows_1252_spanish_and_german_text() {
    let bytes = b"Ni\xF1os y ni\xF1as, educaci\xF3n, M\xE4dchen, Gr\xF6\xDFe, \xFCber";
    let decoded = ok(bytes, None);
    assert_eq!(decoded.encoding, "windows-1252");
    assert_eq!(
        decoded.text,
        "Niños y niñas, educación, Mädchen, Größe, über"
    );
}

#[test]
fn windows_1252_portuguese_text() {
    let bytes = b"N\xE3o discrimina\xE7\xE3o, a\xE7\xF5es, Constitui\xE7\xE3o";
    let decoded = ok(bytes, None);
    assert_eq!(decoded.encoding, "windows-1252");
    assert_eq!(decoded.text, "Não discriminação, ações, Constituição");
}

#[test]
fn mac_roman_curly_quotes_and_dashes() {
    // Mac Roman: “ 0xD2, ” 0xD3, – 0xD0, é 0x8E.
    let bytes = b"\xD2Equality\xD3 \xD0 soci\xE9t\xE9".map(|b| if b == 0xE9 { 0x8E } else { b });
    let decoded = ok(&bytes, None);
    assert_eq!(decoded.encoding, "macintosh");
    assert_eq!(decoded.text, "“Equality” – société");
}

#[test]
fn iso_8859_15_euro_sign() {
    let decoded = ok(b"Budget: 5000 \xA4 pour l'\xE9cole", None);
    assert_eq!(decoded.encoding, "ISO-8859-15");
    assert_eq!(decoded.text, "Budget: 5000 € pour l'école");
}

#[test]
fn windows_1251_cyrillic_text() {
    // "Права человека" in Windows-1251.
    let bytes = b"\xcf\xf0\xe0\xe2\xe0 \xf7\xe5\xeb\xee\xe2\xe5\xea\xe0";
    let decoded = ok(bytes, None);
    assert_eq!(decoded.encoding, "windows-1251");
    assert_eq!(decoded.text, "Права человека");
}

#[test]
fn forced_encoding_overrides_detection() {
    let bytes = b"Instance Equit\x8E";
    let decoded = ok(bytes, Some("windows-1252"));
    assert_eq!(decoded.encoding, "windows-1252");
    assert_eq!(decoded.text, "Instance EquitŽ");

    let decoded = ok(b"Soci\xE9t\xE9", Some(" MacIntosh "));
    assert_eq!(decoded.encoding, "macintosh");

    // As in browsers, latin1 means windows-1252.
    assert_eq!(ok(b"caf\xE9", Some("iso-8859-1")).encoding, "windows-1252");

    // A forced UTF-8 on bad bytes replaces them and counts them.
    let decoded = ok(b"caf\xE9 \xFF", Some("utf-8"));
    assert_eq!(decoded.replaced, 2);
    assert_eq!(decoded.text, "caf\u{FFFD} \u{FFFD}");

    // The BOM of the forced encoding is removed.
    let decoded = ok(&utf16("abc", true, true), Some("utf-16le"));
    assert!(decoded.had_bom);
    assert_eq!(decoded.text, "abc");
}

#[test]
fn unknown_forced_encoding_is_refused_with_valid_names() {
    match decode(b"abc", Some("latin-42")) {
        Err(Error::InvalidInput(message)) => {
            assert!(message.contains("latin-42"), "{message}");
            assert!(message.contains("utf-8"), "{message}");
            assert!(message.contains("macintosh"), "{message}");
        }
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

// ---- Bad input ----

#[test]
fn empty_file_is_refused() {
    assert_eq!(invalid(b""), "The file is empty.");
    assert_eq!(invalid(b"\xEF\xBB\xBF"), "The file is empty.");
}

#[test]
fn zip_files_are_recognised_as_xlsx_or_docx() {
    let message = invalid(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml");
    assert!(message.contains("ZIP"), "{message}");
    assert!(message.contains(".xlsx"), "{message}");
    assert!(message.contains(".docx"), "{message}");
}

#[test]
fn old_office_and_protected_files_are_recognised() {
    let message = invalid(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0]);
    assert!(message.contains(".xls"), "{message}");
    assert!(message.contains("password"), "{message}");
}

#[test]
fn pdf_files_are_recognised() {
    let message = invalid(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
    assert!(message.contains("PDF"), "{message}");
}

#[test]
fn random_binary_is_not_text() {
    // A deterministic pseudo-random byte stream.
    let mut state: u32 = 0x1234_5678;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (state >> 24) as u8
        })
        .collect();
    let message = invalid(&bytes);
    assert!(message.starts_with("This file is not text"), "{message}");
    assert!(message.contains("binary"), "{message}");
}

#[test]
fn control_characters_without_nul_are_not_text() {
    let bytes: Vec<u8> = (0..200u8)
        .map(|i| [1u8, 2, 3, b'a', 5][usize::from(i % 5)])
        .collect();
    let message = invalid(&bytes);
    assert!(message.contains("not text"), "{message}");
}

// ---- Separators, line endings, records ----

#[test]
fn semicolon_separator_is_sniffed_despite_commas_in_quotes() {
    let text = "Text;From;Response\n\"Ratify, accede, and implement\";France;Accepted\n\
                \"Protect women, children, migrants\";Brazil;Noted\n";
    assert_eq!(sniff_delimiter(text), b';');
    let rows = all_records(text, b';');
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1].fields[0], "Ratify, accede, and implement");
}

#[test]
fn tab_separator_is_sniffed() {
    let text = "Text\tFrom\n\"a, b; c\"\tFrance\nd, e\tBrazil\n";
    assert_eq!(sniff_delimiter(text), b'\t');
}

#[test]
fn comma_is_the_default_separator() {
    assert_eq!(sniff_delimiter(""), b',');
    assert_eq!(sniff_delimiter("only one column\nhere\n"), b',');
    assert_eq!(sniff_delimiter("a,b\n1,2\n"), b',');
}

#[test]
fn cr_lf_and_crlf_line_endings_give_the_same_records_and_lines() {
    for ending in ["\n", "\r", "\r\n"] {
        let text = ["a,b", "1,2", "3,4"].join(ending) + ending;
        let rows = all_records(&text, b',');
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 3], "ending {ending:?}");
        assert_eq!(rows[2].fields, ["3", "4"], "ending {ending:?}");
    }
}

#[test]
fn quoted_multiline_cell_is_one_record_at_its_first_line() {
    for ending in ["\n", "\r", "\r\n"] {
        let text = format!(
            "Text,From{e}\"First line{e}second line{e}third\",France{e}Next,Brazil{e}",
            e = ending
        );
        let rows = all_records(&text, b',');
        assert_eq!(rows.len(), 3, "ending {ending:?}");
        assert_eq!(rows[1].line, 2);
        assert_eq!(rows[1].fields[1], "France");
        assert!(rows[1].fields[0].starts_with("First line"));
        assert!(rows[1].fields[0].ends_with("third"));
        assert_eq!(rows[2].line, 5, "ending {ending:?}");
    }
}

#[test]
fn rows_of_different_lengths_are_kept() {
    let rows = all_records("a,b,c\n1\n1,2,3,4\n", b',');
    let lengths: Vec<usize> = rows.iter().map(|r| r.fields.len()).collect();
    assert_eq!(lengths, [3, 1, 4]);
}

#[test]
fn normalize_newlines_turns_cr_and_crlf_into_lf() {
    assert_eq!(normalize_newlines("a\rb\r\nc\n"), "a\nb\nc\n");
    assert_eq!(normalize_newlines("\r\r\n\n"), "\n\n\n");
    assert_eq!(normalize_newlines("plain"), "plain");
}

#[test]
fn header_index_matches_loosely() {
    let header: Vec<String> = ["\u{FEFF}\"Text\"", "  From ", "UPR Position"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(header_index(&header, &["text"]), Some(0));
    assert_eq!(header_index(&header, &["from"]), Some(1));
    assert_eq!(
        header_index(&header, &["Response", "upr position"]),
        Some(2)
    );
    assert_eq!(header_index(&header, &["Session"]), None);
}

// ---- Properties ----

proptest! {
    #[test]
    fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(decoded) = decode(&bytes, None) {
            prop_assert!(!decoded.text.contains('\0'));
            prop_assert!(!decoded.text.is_empty());
        }
    }

    #[test]
    fn decode_never_panics_on_mostly_text(
        text in "[a-zA-Z ,;\"\n\r]{0,200}",
        noise in proptest::collection::vec(128u8.., 0..20),
        label in proptest::option::of(prop_oneof![
            Just("utf-8"), Just("utf-16le"), Just("utf-16be"), Just("macintosh"),
            Just("windows-1250"), Just("shift_jis"), Just("nonsense"),
        ]),
    ) {
        let mut bytes = text.into_bytes();
        for (i, byte) in noise.into_iter().enumerate() {
            let at = (i * 7) % (bytes.len() + 1);
            bytes.insert(at, byte);
        }
        if let Ok(decoded) = decode(&bytes, label) {
            prop_assert!(!decoded.text.contains('\0'));
        }
    }

    #[test]
    fn records_never_panic_and_lines_increase(
        text in "(?s).{0,400}",
        delimiter in prop_oneof![Just(b','), Just(b';'), Just(b'\t'), Just(b'|')],
    ) {
        let mut last = 1u64;
        for item in records(&text, delimiter) {
            match item {
                Ok(record) => {
                    prop_assert!(record.line >= 1);
                    prop_assert!(record.line >= last);
                    last = record.line;
                }
                Err(problem) => prop_assert!(problem.line.unwrap_or(1) >= 1),
            }
        }
    }

    #[test]
    fn csv_like_records_never_panic(text in "[a\",;\t|\r\n é]{0,300}") {
        let delimiter = sniff_delimiter(&text);
        let mut last = 1u64;
        for record in records(&text, delimiter).flatten() {
            prop_assert!(record.line >= last);
            last = record.line;
        }
    }

    #[test]
    fn sniff_delimiter_never_panics(text in "(?s).{0,400}") {
        let delimiter = sniff_delimiter(&text);
        prop_assert!([b',', b';', b'\t', b'|'].contains(&delimiter));
        let _ = normalize_newlines(&text);
    }
}

#[test]
fn a_record_after_blank_lines_is_on_its_own_line() {
    let lines: Vec<u64> =
        docket_core::import::decode::records("a,b\n1,x\n\n\n2,y\r\n\r\n3,z", b',')
            .map(|r| r.expect("a record").line)
            .collect();
    assert_eq!(lines, vec![1, 2, 5, 7]);
}
