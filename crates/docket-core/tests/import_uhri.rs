//! The UHRI export reader, on hand-written fixtures in the documented format (invented data).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use docket_core::domain::Position;
use docket_core::import::decode::decode;
use docket_core::import::uhri::{excel_date, parse_csv, parse_xlsx, split_items, UhriParse};
use docket_core::import::ParsedReview;
use docket_core::Error;
use proptest::prelude::*;

const XLSX_FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/uhri-sample.xlsx"
);

const CANNOT_OPEN: &str = "This Excel file could not be opened: it may be password-protected or \
                           damaged. Save it again without a password, or export it as CSV.";

/// The header as OHCHR writes it, with its "Reccomending" spelling.
const SIC_HEADER: &str = "Text,Countries Concerned,Reccomending Body,Document Symbol,Themes,\
Affected Persons,Sdgs,Document Publication Date,UPR Reccomending States,UPR Position,Type,\
OHCHR Annotation Id,UPR Session,Regions Concerned,Recommending Regions,Date of publication on UHRI";

/// A UHRI CSV export: Kenya at sessions 35 and 48, an unknown State, treaty-body and
/// special-procedure rows, multi-line "- " cells, Excel serial dates.
fn sic_fixture() -> String {
    let rows = [
        // line 2-5: UPR, Kenya, session 35, supported, multi-line cells.
        "\"Ratify the Optional Protocol to the Convention against Torture\",\"- Kenya\",\"- UPR\",\
A/HRC/44/9/Add.1,\"- Ratification of & accession to international instruments\n- Torture and \
other cruel, inhuman or degrading treatment\",\"- Persons deprived of their liberty\",\
\"- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS\",43900,\"- Chile\n- Ghana\",Supported,\
Recommendation,0f1e2d3c-0001,35,\"- African States\",\"- Latin American and Caribbean States\n\
- African States\",43950",
        // line 6: UPR, Kenya, session 35, noted.
        "Abolish the death penalty,- Kenya,- UPR,A/HRC/44/9/Add.1,- Death penalty,,,43900,\
- Australia,Noted,Recommendation,0f1e2d3c-0002,UPR 35,- African States,\
- Western European and Other States,43950",
        // line 7-8: CEDAW (skipped).
        "\"Adopt a law criminalizing marital rape\",Kenya,CEDAW,CEDAW/C/KEN/CO/8,\
\"- Women's rights\n- Sexual and gender-based violence\",- Women,- 5 - GENDER EQUALITY,\
43500,,,Concluding observations,0f1e2d3c-0003,,- African States,,43510",
        // line 9: special procedure (skipped).
        "Ensure access to adequate food in arid counties,Kenya,\
Special Rapporteur on the right to food,A/HRC/52/40/Add.2,- Right to food,,- 2 - ZERO HUNGER,\
44900,,,Special procedures,0f1e2d3c-0004,,- African States,,44910",
        // line 10-11: UPR, Kenya, session 48, supported/noted, two SDGs.
        "\"Strengthen the independence of the National Gender and Equality Commission\",Kenya,UPR,\
A/HRC/59/9/Add.1,- National Human Rights Institution,- Women,\"- 5 - GENDER EQUALITY\n\
- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS\",45800,- Türkiye,Supported/Noted,Recommendation,\
0f1e2d3c-0005,48th session,- African States,- Eastern European States,45810",
        // line 12: CRC (skipped).
        "Raise the minimum age of criminal responsibility,Kenya,CRC,CRC/C/KEN/CO/6,\
- Juvenile justice,- Children,,44000,,,Concluding observations,0f1e2d3c-0006,,\
- African States,,44010",
        // line 13: UPR, unknown State under review, session 35, pending.
        "Establish a national preventive mechanism,- Republic of Wakanda,- UPR,A/HRC/44/99,\
- Torture and other cruel; inhuman or degrading treatment,,,43900,- Canada,,Recommendation,\
0f1e2d3c-0007,35,,- Western European and Other States,43950",
        // line 14: UPR, Kenya, session 35, with a paragraph number in the text.
        "140.7 Take measures to end police violence,- Kenya,- UPR,A/HRC/44/9,\
- Administration of justice & fair trial,,,43880,- Ghana,,Recommendation,0f1e2d3c-0008,35,\
- African States,- African States,43950",
    ];
    format!("{SIC_HEADER}\n{}\n", rows.join("\n"))
}

fn review<'a>(p: &'a UhriParse, state: &str, session: i64) -> &'a ParsedReview {
    p.reviews
        .iter()
        .find(|r| r.review.state_under_review == state && r.review.wg_session == Some(session))
        .unwrap_or_else(|| panic!("no review of {state} at session {session}: {p:#?}"))
}

#[test]
fn csv_with_sic_headers() {
    let text = sic_fixture();
    let p = parse_csv(&text);

    assert_eq!(p.rows, 8);
    assert_eq!(p.skipped_non_upr, 3);
    assert_eq!(
        p.reviews
            .iter()
            .map(|r| (
                r.review.state_under_review.as_str(),
                r.review.wg_session,
                r.recommendations.len()
            ))
            .collect::<Vec<_>>(),
        vec![
            ("Kenya", Some(35), 3),
            ("Republic of Wakanda", Some(35), 1),
            ("Kenya", Some(48), 1),
        ]
    );

    let kenya35 = review(&p, "Kenya", 35);
    assert_eq!(kenya35.review.cycle, Some(3));
    assert_eq!(kenya35.review.review_date, None);
    assert_eq!(kenya35.review.report_symbol.as_deref(), Some("A/HRC/44/9"));
    assert_eq!(
        kenya35.review.addendum_symbol.as_deref(),
        Some("A/HRC/44/9/Add.1")
    );
    let [opcat, death, police] = kenya35.recommendations.as_slice() else {
        panic!("{kenya35:#?}")
    };
    assert_eq!(
        opcat.text,
        "Ratify the Optional Protocol to the Convention against Torture"
    );
    assert_eq!(opcat.paragraph, "");
    assert_eq!(opcat.position, Position::Supported);
    assert_eq!(opcat.position_source.as_deref(), Some("A/HRC/44/9/Add.1"));
    assert_eq!(opcat.states, vec!["Chile", "Ghana"]);
    assert_eq!(
        opcat.themes,
        vec![
            "Ratification of & accession to international instruments",
            "Torture and other cruel, inhuman or degrading treatment"
        ]
    );
    assert_eq!(
        opcat.groups_of_persons,
        vec!["Persons deprived of their liberty"]
    );
    assert_eq!(
        opcat.sdgs,
        vec!["16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"]
    );
    assert_eq!(opcat.action_category, None);

    assert_eq!(death.position, Position::Noted);
    assert_eq!(death.states, vec!["Australia"]);
    assert!(death.groups_of_persons.is_empty() && death.sdgs.is_empty());

    assert_eq!(police.paragraph, "140.7");
    assert_eq!(police.text, "Take measures to end police violence");
    assert_eq!(police.position, Position::Pending);
    assert_eq!(police.position_source, None);

    let kenya48 = review(&p, "Kenya", 48);
    assert_eq!(kenya48.review.cycle, Some(4));
    let [gender] = kenya48.recommendations.as_slice() else {
        panic!("{kenya48:#?}")
    };
    assert_eq!(gender.position, Position::SupportedInPart);
    assert_eq!(gender.states, vec!["Türkiye"]);
    assert_eq!(
        gender.sdgs,
        vec![
            "5 - GENDER EQUALITY",
            "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"
        ]
    );

    let wakanda = review(&p, "Republic of Wakanda", 35);
    assert_eq!(wakanda.review.report_symbol.as_deref(), Some("A/HRC/44/99"));
    assert_eq!(wakanda.review.addendum_symbol, None);
    // A single-line cell separated by "; " is split.
    assert_eq!(
        wakanda.recommendations[0].themes,
        vec!["Torture and other cruel", "inhuman or degrading treatment"]
    );

    // The one problem: the unknown State under review, on the line where its row starts.
    let wakanda_line = 1 + text[..text.find("Establish a national").unwrap()]
        .matches('\n')
        .count() as u64;
    assert_eq!(wakanda_line, 13);
    assert_eq!(p.problems.len(), 1, "{:#?}", p.problems);
    let problem = &p.problems[0];
    assert_eq!(problem.line, Some(wakanda_line));
    assert!(
        problem.message.contains("Republic of Wakanda") && problem.message.contains("not a known"),
        "{}",
        problem.message
    );
}

#[test]
fn csv_with_correct_spellings_semicolons_crlf_and_a_title_line() {
    let text = "Universal Human Rights Index — export of 11/03/2021\r\n\
Date of publication on UHRI;UPR Session;UPR Position;UPR Recommending States;Sdgs;\
Affected Persons;Themes;Document Symbol;Recommending Body;Countries Concerned;Text;Paragraph\r\n\
44270;UPR 37;Noted;\"France; Chile\";;- Women | - Girls;Women's rights;A/HRC/47/5/Add.1;\
Universal Periodic Review;Venezuela (Bolivarian Republic of);Repeal the restrictions on \
abortion;37.12\r\n\
44270;37;Supported;Mexico;5 - GENDER EQUALITY;;Women's rights;A/HRC/47/5;UPR;\
Bolivarian Republic of Venezuela;Adopt a national action plan on violence against women;\r\n\
44270;37;Supported;Peru;;;;A/HRC/47/5;CEDAW;Venezuela;Adopt a national action plan on women;\r\n";
    let p = parse_csv(text);
    assert_eq!(p.rows, 3);
    assert_eq!(p.skipped_non_upr, 1);
    assert!(p.problems.is_empty(), "{:#?}", p.problems);
    let [venezuela] = p.reviews.as_slice() else {
        panic!("{p:#?}")
    };
    assert_eq!(
        venezuela.review.state_under_review,
        "Venezuela (Bolivarian Republic of)"
    );
    assert_eq!(venezuela.review.wg_session, Some(37));
    assert_eq!(venezuela.review.cycle, Some(3));
    assert_eq!(
        venezuela.review.report_symbol.as_deref(),
        Some("A/HRC/47/5")
    );
    assert_eq!(
        venezuela.review.addendum_symbol.as_deref(),
        Some("A/HRC/47/5/Add.1")
    );
    let [abortion, plan] = venezuela.recommendations.as_slice() else {
        panic!("{venezuela:#?}")
    };
    assert_eq!(abortion.paragraph, "37.12");
    assert_eq!(abortion.position, Position::Noted);
    assert_eq!(abortion.states, vec!["France", "Chile"]);
    assert!(abortion.sdgs.is_empty());
    assert_eq!(abortion.groups_of_persons, vec!["Women", "Girls"]);
    assert_eq!(plan.paragraph, "");
    assert_eq!(plan.position, Position::Supported);
    assert_eq!(plan.sdgs, vec!["5 - GENDER EQUALITY"]);
}

#[test]
fn decoded_utf16_export_reads_the_same() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(sic_fixture().encode_utf16().flat_map(u16::to_le_bytes));
    let decoded = decode(&bytes, None).unwrap();
    let p = parse_csv(&decoded.text);
    assert_eq!(p, parse_csv(&sic_fixture()));
}

#[test]
fn same_text_rows_merge_and_conflicts_are_reported() {
    let text = format!(
        "{SIC_HEADER}\n\
Ratify the Convention,Chile,UPR,A/HRC/41/6/Add.1,- Theme A,,,43700,- Peru,Supported,,,32,,,\n\
Ratify the Convention,Chile,UPR,A/HRC/41/6/Add.1,- Theme B,,,43700,\"- Peru\n- Spain\",Noted,,,32,,,\n\
Protect defenders,\"- Chile\n- Peru\",UPR,A/HRC/41/6,,,,43700,- Spain,Maybe,,,32,,,\n\
,Chile,UPR,A/HRC/41/6,,,,43700,- Spain,Supported,,,32,,,\n\
Protect journalists,,UPR,A/HRC/41/6,,,,43700,- Spain,Supported,,,32,,,\n\
Protect judges,Chile,UPR,A/HRC/41/6,,,,43700,- Atlantis Group,Supported,,,,,,\n\
,,,,,,,,,,,,,,,\n"
    );
    let p = parse_csv(&text);
    assert_eq!(p.rows, 6);
    assert_eq!(p.skipped_non_upr, 0);
    let chile = review(&p, "Chile", 32);
    let [convention, defenders] = chile.recommendations.as_slice() else {
        panic!("{chile:#?}")
    };
    assert_eq!(convention.states, vec!["Peru", "Spain"]);
    assert_eq!(convention.themes, vec!["Theme A", "Theme B"]);
    assert_eq!(convention.position, Position::Supported);
    assert_eq!(defenders.position, Position::Pending);
    let judges = p
        .reviews
        .iter()
        .find(|r| r.review.wg_session.is_none())
        .unwrap();
    assert_eq!(judges.review.state_under_review, "Chile");
    assert_eq!(judges.review.cycle, None);
    assert_eq!(judges.recommendations[0].states, vec!["Atlantis Group"]);

    let lines: Vec<(Option<u64>, &str)> = p
        .problems
        .iter()
        .map(|x| (x.line, x.message.as_str()))
        .collect();
    let expect = [
        (3, "row 2 gives as supported"),
        (5, "several countries"),
        (5, "Maybe"),
        (7, "Text is empty"),
        (8, "Countries Concerned is empty"),
        (9, "no session"),
        (9, "Atlantis Group"),
    ];
    assert_eq!(lines.len(), expect.len(), "{lines:#?}");
    for ((line, message), (want_line, want)) in lines.iter().zip(expect) {
        assert_eq!(*line, Some(want_line), "{message}");
        assert!(message.contains(want), "{message} (wanted {want})");
    }
}

#[test]
fn not_a_uhri_file() {
    let p = parse_csv("To,Text,From,Session\nKenya,Do it,Chile,35\n");
    assert!(p.reviews.is_empty());
    assert_eq!(p.rows, 0);
    assert_eq!(p.problems.len(), 1);
    assert!(p.problems[0].message.contains("not a UHRI export"));

    // The header is only looked for in the first 20 records.
    let late = format!("{}{}\n", "title\n".repeat(20), SIC_HEADER);
    assert!(parse_csv(&late).problems[0]
        .message
        .contains("not a UHRI export"));
    let in_time = format!("{}{}\n", "title\n".repeat(19), SIC_HEADER);
    assert!(parse_csv(&in_time).problems.is_empty());
}

#[test]
fn unclosed_quote_is_a_problem() {
    let text = format!("{SIC_HEADER}\n\"Ratify,Kenya,UPR,,,,,,,,,,35\n");
    let p = parse_csv(&text);
    assert!(p
        .problems
        .iter()
        .any(|x| x.message.contains("never") && x.line == Some(2)));
}

#[test]
fn only_treaty_bodies() {
    let text = format!(
        "{SIC_HEADER}\nA,Kenya,CRC,,,,,,,,,,,,,\nB,Kenya,- CEDAW,,,,,,,,,,,,,\nC,Kenya,,,,,,,,,,,,,,\n"
    );
    let p = parse_csv(&text);
    assert_eq!((p.rows, p.skipped_non_upr), (3, 3));
    assert!(p.reviews.is_empty() && p.problems.is_empty(), "{p:#?}");
}

#[test]
fn helpers() {
    assert_eq!(excel_date("44266").as_deref(), Some("2021-03-11"));
    assert_eq!(excel_date("2021-03-11").as_deref(), Some("2021-03-11"));
    assert_eq!(
        split_items("- Women\n- Persons with disabilities"),
        vec!["Women", "Persons with disabilities"]
    );
}

#[test]
fn xlsx_fixture() {
    let bytes = match std::fs::read(XLSX_FIXTURE) {
        Ok(bytes) => bytes,
        Err(_) => {
            println!("note: {XLSX_FIXTURE} is absent (make_uhri_xlsx.py); XLSX test skipped");
            return;
        }
    };
    let p = parse_xlsx(&bytes).unwrap();
    assert_eq!(p.rows, 4);
    assert_eq!(p.skipped_non_upr, 1);
    assert!(p.problems.is_empty(), "{:#?}", p.problems);
    let [slovenia] = p.reviews.as_slice() else {
        panic!("{p:#?}")
    };
    assert_eq!(slovenia.review.state_under_review, "Slovenia");
    assert_eq!(slovenia.review.wg_session, Some(48));
    assert_eq!(slovenia.review.cycle, Some(4));
    assert_eq!(
        slovenia.review.report_symbol.as_deref(),
        Some("A/HRC/59/15")
    );
    assert_eq!(
        slovenia.review.addendum_symbol.as_deref(),
        Some("A/HRC/59/15/Add.1")
    );
    let [opcat, death, nhri] = slovenia.recommendations.as_slice() else {
        panic!("{slovenia:#?}")
    };
    assert_eq!(opcat.position, Position::Supported);
    assert_eq!(opcat.states, vec!["Chile", "Ghana"]);
    assert_eq!(opcat.themes.len(), 2);
    assert_eq!(opcat.position_source.as_deref(), Some("A/HRC/59/15/Add.1"));
    assert_eq!(death.position, Position::SupportedInPart);
    assert_eq!(death.states, vec!["Türkiye"]);
    assert_eq!(nhri.position, Position::Pending);
    assert_eq!(nhri.position_source, None);
    assert_eq!(nhri.states, vec!["Norway"]);

    // Cut short: refused, not a panic.
    let cut = &bytes[..bytes.len() / 2];
    assert_invalid(parse_xlsx(cut));
}

fn assert_invalid(result: Result<UhriParse, Error>) {
    match result {
        Err(Error::InvalidInput(message)) => assert_eq!(message, CANNOT_OPEN),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

/// A ZIP archive holding one empty file `readme.txt` (stored, CRC 0): a ZIP, not a workbook.
fn zip_not_a_workbook() -> Vec<u8> {
    let name = b"readme.txt";
    let mut zip = Vec::new();
    // Local file header.
    zip.extend_from_slice(b"PK\x03\x04");
    zip.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, method, time, date
    zip.extend_from_slice(&[0; 12]); // crc, compressed size, size
    zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
    zip.extend_from_slice(&[0, 0]);
    zip.extend_from_slice(name);
    let central = zip.len() as u32;
    // Central directory header.
    zip.extend_from_slice(b"PK\x01\x02");
    zip.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    zip.extend_from_slice(&[0; 12]);
    zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
    zip.extend_from_slice(&[0; 12]); // extra, comment, disk, attributes (2 + 4)
    zip.extend_from_slice(&0u32.to_le_bytes()); // local header offset
    zip.extend_from_slice(name);
    let size = zip.len() as u32 - central;
    // End of central directory.
    zip.extend_from_slice(b"PK\x05\x06");
    zip.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
    zip.extend_from_slice(&size.to_le_bytes());
    zip.extend_from_slice(&central.to_le_bytes());
    zip.extend_from_slice(&[0, 0]);
    zip
}

#[test]
fn bad_workbooks_are_refused_plainly() {
    assert_invalid(parse_xlsx(b""));
    assert_invalid(parse_xlsx(b"this is not a spreadsheet at all"));
    assert_invalid(parse_xlsx(sic_fixture().as_bytes()));
    assert_invalid(parse_xlsx(&zip_not_a_workbook()));
    // Password-protected (encrypted) Office files are OLE2 compound files.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    assert_invalid(parse_xlsx(&ole));
    let mut ole_ff = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole_ff.resize(4096, 0xFF);
    assert_invalid(parse_xlsx(&ole_ff));
}

const COLUMN_VALUES: &[&str] = &[
    "",
    "UPR",
    "- UPR",
    "CEDAW",
    "Kenya",
    "- Kenya\n- Chile",
    "37",
    "UPR 37",
    "99999999999999999999",
    "Supported/Noted",
    "140.7 Ratify",
    "1.",
    "A/HRC/44/9/Add.1",
    "/add.",
    "44266",
    "- 5 - GENDER EQUALITY",
    "é; |ü",
    "-",
    "\"",
    "[sic]",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parse_csv_never_panics(text in any::<String>()) {
        let p = parse_csv(&text);
        prop_assert!(p.skipped_non_upr <= p.rows);
    }

    #[test]
    fn parse_csv_never_panics_under_the_header(
        rows in prop::collection::vec(
            prop::collection::vec(
                prop_oneof![
                    prop::sample::select(COLUMN_VALUES).prop_map(str::to_string),
                    "[^\"]{0,12}",
                    any::<String>(),
                ],
                0..18,
            ),
            0..12,
        )
    ) {
        let mut text = format!("{SIC_HEADER}\n");
        for row in &rows {
            let cells: Vec<String> = row
                .iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect();
            text.push_str(&cells.join(","));
            text.push('\n');
        }
        let p = parse_csv(&text);
        prop_assert!(p.skipped_non_upr <= p.rows);
        prop_assert!(p.rows <= rows.len() as u64);
        for r in &p.reviews {
            prop_assert!(!r.recommendations.is_empty());
            for rec in &r.recommendations {
                prop_assert!(!rec.text.is_empty());
            }
        }
    }

    #[test]
    fn parse_xlsx_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_xlsx(&bytes);
    }

    #[test]
    fn parse_xlsx_never_panics_on_damaged_zip_headers(
        tail in prop::collection::vec(any::<u8>(), 0..1024)
    ) {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend(tail);
        let _ = parse_xlsx(&bytes);
    }
}

#[test]
fn parse_xlsx_never_panics_on_mutated_fixture() {
    let Ok(bytes) = std::fs::read(XLSX_FIXTURE) else {
        return;
    };
    // Deterministic mutations: flip one byte at many positions, truncate at many lengths.
    let step = (bytes.len() / 200).max(1);
    for at in (0..bytes.len()).step_by(step) {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x5A;
        let _ = parse_xlsx(&flipped);
        let _ = parse_xlsx(&bytes[..at]);
    }
}

#[test]
fn read_recognises_exports_that_start_with_a_title() {
    use docket_core::import::read::{read, ReadOptions};
    use docket_core::import::Format;
    let csv = "Universal Human Rights Index — export of 11/03/2021\r\n\
Text;Countries Concerned;Recommending Body;UPR Position;UPR Session\r\n\
Abolish the death penalty;Kenya;UPR;Noted;35\r\n";
    let batch = read(csv.as_bytes(), "uhri.csv", &ReadOptions::default()).unwrap();
    assert_eq!(batch.format, Format::Uhri);
    assert_eq!(batch.reviews[0].recommendations.len(), 1);

    let xlsx = std::fs::read(XLSX_FIXTURE).unwrap();
    let batch = read(&xlsx, "uhri-sample.xlsx", &ReadOptions::default()).unwrap();
    assert_eq!(batch.format, Format::Uhri, "{:?}", batch.problems);
    assert_eq!(batch, {
        let p = parse_xlsx(&xlsx).unwrap();
        let mut expected = batch.clone();
        expected.reviews = p.reviews;
        expected
    });
}
