//! CSV and XLSX written from a sheet (`export::sheet`): the CSV's byte order mark, quoting and
//! neutralized formula starts; the workbook read back with calamine (strings stay strings,
//! dates are dates) and unzipped (frozen header, filters, no formula anywhere).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use docket_core::export::model::{Cell, Sheet};
use docket_core::export::sheet::{self, MAX_CELL_CHARS};

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn date(y: i32, m: u32, d: u32) -> Cell {
    Cell::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn sheet(rows: Vec<Vec<Cell>>) -> Sheet {
    Sheet {
        name: "Recommendations".into(),
        header: vec!["Paragraph".into(), "Text".into(), "Review date".into()],
        rows,
    }
}

/// The CSV's records, parsed by the csv crate after the byte order mark.
fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("a byte order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The first worksheet of a workbook, as calamine reads it.
fn read_xlsx(bytes: &[u8]) -> (String, calamine::Range<Data>) {
    let mut workbook = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let name = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range_at(0).unwrap().unwrap();
    (name, range)
}

/// Every file of the workbook's ZIP, by name, as text.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut content = String::new();
        file.read_to_string(&mut content).unwrap();
        files.push((name, content));
    }
    files
}

fn no_progress() -> impl FnMut(u64) {
    |_| {}
}

#[test]
fn csv_starts_with_a_bom_and_quotes_as_rfc_4180_says() {
    let bytes = sheet::csv(&sheet(vec![
        vec![
            text("26.1"),
            text("Ratify, then \"implement\"\nthe Convention"),
            date(2020, 11, 9),
        ],
        vec![text("26.10"), text("Égalité"), text("")],
    ]));
    assert!(bytes.starts_with(b"\xEF\xBB\xBFParagraph,Text,Review date\r\n"));
    let body = std::str::from_utf8(&bytes[3..]).unwrap();
    assert_eq!(
        body,
        "Paragraph,Text,Review date\r\n\
         26.1,\"Ratify, then \"\"implement\"\"\nthe Convention\",2020-11-09\r\n\
         26.10,Égalité,\r\n"
    );
    assert_eq!(
        csv_records(&bytes)[1],
        [
            "26.1",
            "Ratify, then \"implement\"\nthe Convention",
            "2020-11-09"
        ]
    );
}

#[test]
fn csv_neutralizes_every_formula_start_and_nothing_else() {
    let risky = [
        "=SUM(A1:A9)",
        "+33 1 23 45 67 89",
        "-2+3",
        "@SUM(1)",
        "\tindented",
        "\rcarriage",
        // A text that starts like a neutralized cell gets one more quote, so that the
        // importer (which removes one) reads it back as it was.
        "'=looks neutralized",
        "'-",
        "''@",
    ];
    let safe = [
        "26.1",
        "Égalité des chances",
        "حقوق الإنسان",
        "'already quoted",
        "'",
        "''",
        "a=b",
        " =with a space",
        "",
    ];
    let rows = risky
        .iter()
        .chain(&safe)
        .map(|t| vec![text("1.1"), text(t), text("")])
        .collect();
    let records = csv_records(&sheet::csv(&sheet(rows)));
    for (i, t) in risky.iter().enumerate() {
        assert_eq!(records[i + 1][1], format!("'{t}"), "{t:?}");
    }
    for (i, t) in safe.iter().enumerate() {
        assert_eq!(records[i + 1 + risky.len()][1], *t, "{t:?}");
    }
    // Dates are never neutralized, and a header is checked as any cell.
    let records = csv_records(&sheet::csv(&Sheet {
        name: "x".into(),
        header: vec!["=bad header".into()],
        rows: vec![vec![date(2021, 3, 17)]],
    }));
    assert_eq!(records, [["'=bad header"], ["2021-03-17"]]);
}

#[test]
fn xlsx_cells_are_strings_or_dates_never_formulas() {
    let long = "x".repeat(MAX_CELL_CHARS + 100);
    let bytes = sheet::xlsx(
        &sheet(vec![
            vec![text("26.10"), text("=SUM(A1)"), date(2020, 11, 9)],
            vec![text("26.2"), text("Égalité\nحقوق الإنسان"), text("")],
            vec![text("007"), text(&long), text("1.5E3")],
            vec![text("-1"), text("+1"), text("@A1")],
        ]),
        &mut no_progress(),
    )
    .unwrap();
    let (name, range) = read_xlsx(&bytes);
    assert_eq!(name, "Recommendations");
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    let string = |r: u32, c: u32| match cell(r, c) {
        Data::String(s) => s,
        other => panic!("({r}, {c}) is not a string cell: {other:?}"),
    };
    assert_eq!(
        (string(0, 0), string(0, 1), string(0, 2)),
        ("Paragraph".into(), "Text".into(), "Review date".into())
    );
    assert_eq!(string(1, 0), "26.10");
    assert_eq!(string(1, 1), "=SUM(A1)");
    match cell(1, 2) {
        Data::DateTime(d) => assert_eq!(
            d.as_datetime().unwrap().date(),
            NaiveDate::from_ymd_opt(2020, 11, 9).unwrap()
        ),
        other => panic!("the review date is not a date cell: {other:?}"),
    }
    assert_eq!(string(2, 1), "Égalité\nحقوق الإنسان");
    assert_eq!(cell(2, 2), Data::Empty);
    assert_eq!(string(3, 0), "007");
    assert_eq!(string(3, 2), "1.5E3");
    // Longer than Excel allows: cut, with an ellipsis.
    let cut = string(3, 1);
    assert_eq!(cut.chars().count(), MAX_CELL_CHARS);
    assert!(cut.ends_with("x…"));
    assert_eq!(
        (string(4, 0), string(4, 1), string(4, 2)),
        ("-1".into(), "+1".into(), "@A1".into())
    );
}

#[test]
fn xlsx_header_is_frozen_filtered_and_no_formula_is_written() {
    let bytes = sheet::xlsx(
        &sheet(vec![
            vec![
                text("26.1"),
                text("=HYPERLINK(\"http://x\")"),
                date(2020, 11, 9),
            ],
            vec![text("26.2"), text(&"long words ".repeat(20)), text("")],
        ]),
        &mut no_progress(),
    )
    .unwrap();
    let files = unzip(&bytes);
    let sheet1 = &files
        .iter()
        .find(|(name, _)| name == "xl/worksheets/sheet1.xml")
        .expect("a first worksheet")
        .1;
    assert!(sheet1.contains("ySplit=\"1\""), "{sheet1}");
    assert!(sheet1.contains("state=\"frozen\""), "{sheet1}");
    assert!(sheet1.contains("<autoFilter ref=\"A1:C3\""), "{sheet1}");
    // Column widths are set; the long text column is 60 wide.
    assert!(sheet1.contains("<cols>"), "{sheet1}");
    for (name, content) in &files {
        assert!(
            !content.contains("<f>") && !content.contains("<f "),
            "{name} holds a formula"
        );
    }
    let styles = &files
        .iter()
        .find(|(name, _)| name == "xl/styles.xml")
        .unwrap()
        .1;
    assert!(styles.contains("<b/>"), "a bold header: {styles}");
    assert!(styles.contains("formatCode=\"yyyy-mm-dd\""), "{styles}");
    assert!(styles.contains("wrapText=\"1\""), "{styles}");
}

#[test]
fn xlsx_worksheet_name_is_made_valid() {
    let mut s = sheet(Vec::new());
    s.name = "A/HRC/46/15: [all]? recommendations of the review".into();
    let bytes = sheet::xlsx(&s, &mut no_progress()).unwrap();
    let (name, range) = read_xlsx(&bytes);
    assert_eq!(name, "A HRC 46 15   all   recommendat");
    assert!(name.chars().count() <= 31);
    // The header alone, filters over it.
    assert_eq!(range.height(), 1);
}

#[test]
fn xlsx_reports_progress_every_thousand_rows_and_at_the_end() {
    let rows = (0..2_500)
        .map(|i| vec![text(&format!("1.{i}")), text("Ratify"), text("")])
        .collect();
    let mut seen = Vec::new();
    let bytes = sheet::xlsx(&sheet(rows), &mut |done| seen.push(done)).unwrap();
    assert_eq!(seen, [1_000, 2_000, 2_500]);
    let (_, range) = read_xlsx(&bytes);
    assert_eq!(range.height(), 2_501);

    let mut seen = Vec::new();
    sheet::xlsx(&sheet(Vec::new()), &mut |done| seen.push(done)).unwrap();
    assert_eq!(seen, [0]);
}

proptest::proptest! {
    /// Any text: the CSV cell never starts a formula, and the importer's undoing gives the text
    /// back exactly.
    #[test]
    fn every_text_survives_the_csv_and_its_neutralization(
        texts in proptest::collection::vec("['=+@\\t\\r\\n\\-a-z,\" é;]{0,12}", 1..6)
    ) {
        let rows = vec![texts.iter().map(|t| text(t)).collect()];
        let records = csv_records(&sheet::csv(&Sheet {
            name: "x".into(),
            header: (0..texts.len()).map(|i| format!("c{i}")).collect(),
            rows,
        }));
        let cells = &records[1];
        proptest::prop_assert_eq!(cells.len(), texts.len());
        for (cell, original) in cells.iter().zip(&texts) {
            proptest::prop_assert!(!cell.starts_with(docket_core::import::mapped::FORMULA_STARTS));
            proptest::prop_assert_eq!(docket_core::import::mapped::unneutralize(cell), original.as_str());
        }
    }
}
