//! The Word renderer (`export::docx`): documents built by hand, rendered, unzipped and read back
//! as XML, checking what Word, LibreOffice and Pages rely on.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use chrono::NaiveDate;
use docket_core::export::docx::{render, TEXT_WIDTH};
use docket_core::export::logo::read_logo;
use docket_core::export::model::{Block, Column, Document, Logo, Organization, Span};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use common::{rec_block as rec, ARABIC_SENTENCE as ARABIC, PNG_1X1};

// ---------------------------------------------------------------------------------------------
// Reading the package back

/// The package's files by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("the DOCX is a zip file");
    let mut files = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        if file.is_dir() {
            continue;
        }
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        files.insert(file.name().unwrap().into_owned(), content);
    }
    files
}

/// An XML element: local name, attributes by local name, children, and its own text.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every element named `name` under this one (depth first, in document order).
    fn all<'a>(&'a self, name: &str) -> Vec<&'a Node> {
        let mut found = Vec::new();
        self.collect(name, &mut found);
        found
    }

    fn collect<'a>(&'a self, name: &str, found: &mut Vec<&'a Node>) {
        for child in &self.children {
            if child.name == name {
                found.push(child);
            }
            child.collect(name, found);
        }
    }

    fn first(&self, name: &str) -> Option<&Node> {
        self.children.iter().find_map(|c| {
            if c.name == name {
                Some(c)
            } else {
                c.first(name)
            }
        })
    }

    fn has(&self, name: &str) -> bool {
        self.first(name).is_some()
    }

    /// A paragraph's or run's text: `w:t` contents, `w:br` as a line break, `w:tab` in runs as a
    /// tab (not the tab stops of paragraph properties).
    fn text(&self) -> String {
        let mut out = String::new();
        self.text_into(&mut out);
        out
    }

    fn text_into(&self, out: &mut String) {
        for child in &self.children {
            match child.name.as_str() {
                "t" => out.push_str(&child.text),
                "br" => out.push('\n'),
                "tab" => out.push('\t'),
                "pPr" | "rPr" => {}
                _ => child.text_into(out),
            }
        }
    }

    /// A paragraph's style id.
    fn style(&self) -> Option<&str> {
        self.children
            .iter()
            .find(|c| c.name == "pPr")
            .and_then(|ppr| ppr.children.iter().find(|c| c.name == "pStyle"))
            .and_then(|s| s.attr("val"))
    }

    /// Whether the paragraph properties (not the runs') hold `name`.
    fn ppr_has(&self, name: &str) -> bool {
        self.children
            .iter()
            .find(|c| c.name == "pPr")
            .is_some_and(|ppr| ppr.children.iter().any(|c| c.name == name))
    }

    fn runs(&self) -> Vec<&Node> {
        self.children.iter().filter(|c| c.name == "r").collect()
    }
}

fn attributes(e: &BytesStart<'_>) -> Vec<(String, String)> {
    e.attributes()
        .map(|a| {
            let a = a.expect("well-formed attribute");
            let key = a.key.local_name().as_ref().to_owned();
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .expect("attribute value")
                .into_owned();
            (key, value)
        })
        .collect()
}

fn element(e: &BytesStart<'_>) -> Node {
    Node {
        name: e.local_name().as_ref().to_owned(),
        attrs: attributes(e),
        ..Node::default()
    }
}

/// Parses a part; panics (failing the test) on XML that is not well formed.
fn parse(xml: &[u8]) -> Node {
    let xml = std::str::from_utf8(xml).expect("XML parts are UTF-8");
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => stack.last_mut().unwrap().children.push(element(&e)),
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack.last_mut().expect("balanced tags").children.push(node);
            }
            Event::Text(e) => stack.last_mut().unwrap().text.push_str(&e.xml10_content()),
            Event::GeneralRef(e) => {
                let c = match e.resolve_char_ref().unwrap() {
                    Some(c) => c,
                    None => match &*e {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("unknown entity &{other};"),
                    },
                };
                stack.last_mut().unwrap().text.push(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "every element is closed");
    stack.pop().unwrap()
}

/// A rendered document, unzipped.
struct Docx {
    files: BTreeMap<String, Vec<u8>>,
}

impl Docx {
    fn of(doc: &Document) -> Docx {
        let bytes = render(doc).expect("render");
        let files = unzip(&bytes);
        // Every XML part is well formed.
        for (name, content) in &files {
            if name.ends_with(".xml") || name.ends_with(".rels") {
                parse(content);
            }
        }
        Docx { files }
    }

    fn part(&self, name: &str) -> Node {
        parse(
            self.files
                .get(name)
                .unwrap_or_else(|| panic!("{name} is in the package")),
        )
    }

    fn raw(&self, name: &str) -> String {
        String::from_utf8(self.files[name].clone()).unwrap()
    }

    fn document(&self) -> Node {
        self.part("word/document.xml")
    }

    /// The body's paragraphs outside tables.
    fn body_paragraphs(&self) -> Vec<Node> {
        body_children(self.document())
            .into_iter()
            .filter(|c| c.name == "p")
            .collect()
    }
}

/// The body's direct children, owned.
fn body_children(mut doc: Node) -> Vec<Node> {
    let document = doc.children.pop().expect("w:document");
    let body = document
        .children
        .into_iter()
        .find(|c| c.name == "body")
        .expect("w:body");
    body.children
}

// ---------------------------------------------------------------------------------------------
// Documents

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 11, 9).unwrap()
}

fn png_logo() -> Logo {
    read_logo(PNG_1X1.to_vec()).expect("a valid PNG")
}

fn base(blocks: Vec<Block>) -> Document {
    Document {
        title: "Thematic briefing: United States of America, 3rd cycle".into(),
        subtitle: "Working Group session 36, reviewed 9 November 2020".into(),
        organization: Organization {
            name: "Droits & Libertés <Genève>".into(),
            logo: Some(png_logo()),
        },
        date: date(),
        large_type: false,
        blocks,
    }
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

fn list(numbered: bool, items: &[&str]) -> Block {
    Block::List {
        numbered,
        items: items.iter().map(|i| vec![Span::plain(*i)]).collect(),
    }
}

fn table(widths: &[u8], rows: &[&[&str]]) -> Block {
    Block::Table {
        columns: widths
            .iter()
            .enumerate()
            .map(|(i, w)| Column {
                header: format!("Column {}", i + 1),
                width: *w,
            })
            .collect(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect(),
    }
}

/// A document with every kind of block, in English, French and Arabic.
fn everything() -> Document {
    base(vec![
        heading(1, "Women's rights"),
        Block::Paragraph {
            spans: vec![
                Span::plain("The review found "),
                Span::bold("progress"),
                Span::plain(" and "),
                Span::italic("gaps"),
                Span::plain("."),
            ],
        },
        heading(2, "Égalité des genres : état des lieux"),
        rec(
            "26.1",
            "Ratify the Convention on the Elimination of All Forms of Discrimination against Women",
            "Mexico; Chile",
            &[("Position", "Supported"), ("Our ask", "Ratify by 2025")],
        ),
        rec(
            "26.2",
            "Adopter une loi-cadre sur l'égalité",
            "France",
            &[("Position", "Noted")],
        ),
        heading(3, "Sub-section"),
        rec("26.3", ARABIC, "Égypte", &[]),
        list(true, &["First step", "Second step", "Third step"]),
        Block::Paragraph {
            spans: vec![Span::plain(ARABIC)],
        },
        list(false, &["A bullet", "Another bullet"]),
        list(true, &["Again one", "Again two"]),
        table(
            &[10, 30, 60],
            &[
                &["26.1", "Supported", "Evidence & sources <2020>"],
                &["26.2", ARABIC, "Noted"],
                &["26.3"],
            ],
        ),
        Block::TimeMark { at: "0:30".into() },
        Block::Paragraph {
            spans: vec![Span::plain("Madam President,\nthank you.")],
        },
        Block::PageBreak,
        heading(1, "Annex"),
    ])
}

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn the_package_is_a_word_document_with_its_parts() {
    let docx = Docx::of(&everything());
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/header1.xml",
        "word/footer1.xml",
        "word/_rels/document.xml.rels",
    ] {
        assert!(docx.files.contains_key(name), "{name} is missing");
    }
    let rels = docx.part("word/_rels/document.xml.rels");
    let targets: Vec<&str> = rels
        .all("Relationship")
        .iter()
        .filter_map(|r| r.attr("Target"))
        .collect();
    for target in ["styles.xml", "numbering.xml", "header1.xml", "footer1.xml"] {
        assert!(targets.contains(&target), "{target} in {targets:?}");
    }
    let doc = docx.document();
    let sect = doc.first("sectPr").expect("section properties");
    // A4 with 2 cm margins.
    let size = sect.first("pgSz").unwrap();
    assert_eq!(
        (size.attr("w").unwrap(), size.attr("h").unwrap()),
        ("11906", "16838")
    );
    let margins = sect.first("pgMar").unwrap();
    for side in ["top", "bottom", "left", "right"] {
        assert_eq!(margins.attr(side), Some("1134"), "{side} margin");
    }
    assert!(sect.has("headerReference") && sect.has("footerReference"));
}

#[test]
fn title_subtitle_and_long_date_open_the_document() {
    let docx = Docx::of(&everything());
    let paragraphs = docx.body_paragraphs();
    let firsts: Vec<(Option<&str>, String)> = paragraphs[..3]
        .iter()
        .map(|p| (p.style(), p.text()))
        .collect();
    assert_eq!(
        firsts,
        vec![
            (
                Some("Title"),
                "Thematic briefing: United States of America, 3rd cycle".to_owned()
            ),
            (
                Some("Subtitle"),
                "Working Group session 36, reviewed 9 November 2020".to_owned()
            ),
            (Some("DocumentDate"), "9 November 2020".to_owned()),
        ]
    );

    // Without a subtitle, the date follows the title.
    let mut doc = everything();
    doc.subtitle = "  ".into();
    let paragraphs = Docx::of(&doc).body_paragraphs();
    assert_eq!(paragraphs[1].style(), Some("DocumentDate"));
}

#[test]
fn headings_use_words_heading_styles_with_outline_levels() {
    let mut doc = everything();
    // Levels out of range are kept within 1 to 3.
    doc.blocks.push(heading(0, "Level zero"));
    doc.blocks.push(heading(7, "Level seven"));
    let docx = Docx::of(&doc);
    let headings: Vec<(String, String)> = docx
        .body_paragraphs()
        .iter()
        .filter(|p| p.style().is_some_and(|s| s.starts_with("Heading")))
        .map(|p| (p.style().unwrap().to_owned(), p.text()))
        .collect();
    let expected = [
        ("Heading1", "Women's rights"),
        ("Heading2", "Égalité des genres : état des lieux"),
        ("Heading3", "Sub-section"),
        ("Heading1", "Annex"),
        ("Heading1", "Level zero"),
        ("Heading3", "Level seven"),
    ];
    assert_eq!(
        headings,
        expected
            .iter()
            .map(|(s, t)| ((*s).to_owned(), (*t).to_owned()))
            .collect::<Vec<_>>()
    );

    let styles = docx.part("word/styles.xml");
    let style = |id: &str| {
        styles
            .all("style")
            .into_iter()
            .find(|s| s.attr("styleId") == Some(id))
            .unwrap_or_else(|| panic!("style {id} is defined"))
    };
    for (level, id) in ["Heading1", "Heading2", "Heading3"].iter().enumerate() {
        let s = style(id);
        assert_eq!(s.attr("type"), Some("paragraph"));
        assert_eq!(
            s.first("name").and_then(|n| n.attr("val")),
            Some(format!("heading {}", level + 1).as_str()),
            "Word's built-in name"
        );
        assert_eq!(
            s.first("outlineLvl").and_then(|o| o.attr("val")),
            Some(level.to_string().as_str()),
            "{id}'s outline level"
        );
        assert!(s.has("keepNext"), "{id} keeps with the next paragraph");
    }
    for id in [
        "Title",
        "Subtitle",
        "Recommendation",
        "RecommendationDetail",
        "TimeMark",
        "TableHeader",
        "ListParagraph",
        "Header",
        "Footer",
    ] {
        style(id);
    }
    // The time mark stands out in colour.
    assert!(style("TimeMark").first("color").is_some());
}

#[test]
fn recommendations_keep_number_text_and_details_together_in_order() {
    let docx = Docx::of(&everything());
    let paragraphs = docx.body_paragraphs();
    let recs: Vec<(usize, &Node)> = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.style() == Some("Recommendation"))
        .collect();
    let texts: Vec<String> = recs.iter().map(|(_, p)| p.text()).collect();
    assert_eq!(
        texts,
        vec![
            "26.1  Ratify the Convention on the Elimination of All Forms of Discrimination against Women"
                .to_owned(),
            "26.2  Adopter une loi-cadre sur l'égalité".to_owned(),
            format!("26.3  {ARABIC}"),
        ]
    );
    // The number is its own bold run; the text is not bold.
    let (first_at, first) = recs[0];
    let runs = first.runs();
    assert_eq!(runs[0].text(), "26.1  ");
    assert!(runs[0].first("rPr").unwrap().has("b"));
    assert!(!runs[1].first("rPr").is_some_and(|r| r.has("b")));

    // Then "Recommended by" and one indented line per detail, label bold.
    let lines: Vec<&Node> = paragraphs[first_at + 1..first_at + 4].iter().collect();
    assert!(lines
        .iter()
        .all(|p| p.style() == Some("RecommendationDetail")));
    assert_eq!(
        lines.iter().map(|p| p.text()).collect::<Vec<_>>(),
        vec![
            "Recommended by: Mexico; Chile",
            "Position: Supported",
            "Our ask: Ratify by 2025"
        ]
    );
    for line in &lines {
        let runs = line.runs();
        assert!(runs[0].first("rPr").unwrap().has("b"), "label is bold");
        assert!(!runs[1].first("rPr").is_some_and(|r| r.has("b")));
    }
    // Kept with the next paragraph, except the last line (or the whole briefing would chain).
    assert!(first.ppr_has("keepNext"));
    assert!(lines[0].ppr_has("keepNext") && lines[1].ppr_has("keepNext"));
    assert!(!lines[2].ppr_has("keepNext"));
    assert_eq!(
        paragraphs[first_at + 4].style(),
        Some("Recommendation"),
        "26.2 follows"
    );

    // No States and no details: one paragraph that does not keep with the next.
    let docx = Docx::of(&base(vec![rec("12", "Alone", "", &[])]));
    let paragraphs = docx.body_paragraphs();
    let alone = paragraphs
        .iter()
        .find(|p| p.style() == Some("Recommendation"))
        .unwrap();
    assert_eq!(alone.text(), "12  Alone");
    assert!(!alone.ppr_has("keepNext"));
}

#[test]
fn lists_are_word_lists_and_each_numbered_list_restarts_at_one() {
    let docx = Docx::of(&everything());
    let items: Vec<(String, String)> = docx
        .body_paragraphs()
        .iter()
        .filter(|p| p.first("numPr").is_some())
        .map(|p| {
            let num_id = p.first("numId").unwrap().attr("val").unwrap().to_owned();
            assert_eq!(p.first("ilvl").unwrap().attr("val"), Some("0"));
            (num_id, p.text())
        })
        .collect();
    assert_eq!(items.len(), 7);
    let ids: Vec<&str> = items.iter().map(|(id, _)| id.as_str()).collect();
    let (first, bullets, second) = (ids[0], ids[3], ids[5]);
    assert_eq!(&ids[..3], &[first; 3]);
    assert_eq!(&ids[3..5], &[bullets; 2]);
    assert_eq!(&ids[5..], &[second; 2]);
    assert_ne!(
        first, second,
        "the second numbered list has a numbering of its own"
    );
    assert_ne!(first, bullets);
    assert_eq!(items[5].1, "Again one");

    let numbering = docx.part("word/numbering.xml");
    let num = |id: &str| {
        numbering
            .children
            .iter()
            .flat_map(|n| n.children.iter())
            .find(|n| n.name == "num" && n.attr("numId") == Some(id))
            .unwrap_or_else(|| panic!("num {id}"))
    };
    let abstract_of = |id: &str| {
        let abstract_id = num(id).first("abstractNumId").unwrap().attr("val").unwrap();
        numbering
            .all("abstractNum")
            .into_iter()
            .find(|a| a.attr("abstractNumId") == Some(abstract_id))
            .unwrap()
    };
    for id in [first, second] {
        // Both numbered lists start again at 1.
        let start = num(id).first("lvlOverride").unwrap().first("startOverride");
        assert_eq!(start.and_then(|s| s.attr("val")), Some("1"), "list {id}");
        let lvl = abstract_of(id).first("lvl").unwrap();
        assert_eq!(lvl.first("numFmt").unwrap().attr("val"), Some("decimal"));
        assert_eq!(lvl.first("lvlText").unwrap().attr("val"), Some("%1."));
    }
    let lvl = abstract_of(bullets).first("lvl").unwrap();
    assert_eq!(lvl.first("numFmt").unwrap().attr("val"), Some("bullet"));
}

#[test]
fn tables_have_their_widths_in_grid_and_cells_and_a_repeated_header_row() {
    let docx = Docx::of(&everything());
    let doc = docx.document();
    let tables = doc.all("tbl");
    assert_eq!(tables.len(), 1);
    let tbl = tables[0];
    let expected: Vec<i64> = [10i64, 30, 60]
        .iter()
        .map(|p| TEXT_WIDTH as i64 * p / 100)
        .collect();
    let close = |got: &[i64]| {
        got.len() == expected.len() && got.iter().zip(&expected).all(|(g, e)| (g - e).abs() <= 1)
    };
    let grid: Vec<i64> = tbl
        .all("gridCol")
        .iter()
        .map(|g| g.attr("w").unwrap().parse().unwrap())
        .collect();
    assert!(close(&grid), "grid {grid:?}, expected {expected:?}");
    assert_eq!(grid.iter().sum::<i64>(), TEXT_WIDTH as i64);
    assert_eq!(TEXT_WIDTH, 9638);

    let tbl_pr = tbl.first("tblPr").unwrap();
    assert_eq!(
        tbl_pr.first("tblLayout").unwrap().attr("type"),
        Some("fixed")
    );
    assert_eq!(tbl_pr.first("tblW").unwrap().attr("w"), Some("9638"));
    assert!(tbl_pr.first("tblBorders").unwrap().has("insideH"));

    let rows: Vec<&Node> = tbl.children.iter().filter(|c| c.name == "tr").collect();
    assert_eq!(rows.len(), 4, "a header row and three rows");
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<&Node> = row.children.iter().filter(|c| c.name == "tc").collect();
        assert_eq!(cells.len(), 3, "row {i} has a cell per column");
        let widths: Vec<i64> = cells
            .iter()
            .map(|c| {
                let w = c.first("tcW").unwrap();
                assert_eq!(w.attr("type"), Some("dxa"));
                w.attr("w").unwrap().parse().unwrap()
            })
            .collect();
        assert_eq!(widths, grid, "row {i}'s cells are as wide as the grid");
        // Only the header row repeats on each page.
        let tr_pr = row.first("trPr");
        assert_eq!(tr_pr.is_some_and(|p| p.has("tblHeader")), i == 0, "row {i}");
    }
    let header: Vec<&Node> = rows[0].children.iter().filter(|c| c.name == "tc").collect();
    for cell in &header {
        assert!(cell.first("shd").unwrap().attr("fill").is_some());
        let p = cell.first("p").unwrap();
        assert_eq!(p.style(), Some("TableHeader"));
        assert!(p.runs()[0].first("rPr").unwrap().has("b"));
    }
    assert_eq!(header[2].text(), "Column 3");
    let body: Vec<String> = rows[1..]
        .iter()
        .map(|r| {
            r.children
                .iter()
                .filter(|c| c.name == "tc")
                .map(|c| c.text())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert_eq!(
        body,
        vec![
            "26.1|Supported|Evidence & sources <2020>".to_owned(),
            format!("26.2|{ARABIC}|Noted"),
            "26.3||".to_owned(),
        ]
    );
    // Every cell, even an empty one, holds a paragraph (Word refuses cells without one).
    assert!(tbl.all("tc").iter().all(|c| c.has("p")));
}

#[test]
fn tables_next_to_each_other_stay_apart_and_tables_without_columns_are_left_out() {
    let docx = Docx::of(&base(vec![
        table(&[50, 50], &[&["a", "b"]]),
        table(&[100], &[&["c"]]),
        Block::Table {
            columns: vec![],
            rows: vec![vec!["lost".into()]],
        },
    ]));
    let children = body_children(docx.document());
    let kinds: Vec<&str> = children
        .iter()
        .map(|c| c.name.as_str())
        .skip_while(|n| *n == "p")
        .collect();
    assert_eq!(kinds, vec!["tbl", "p", "tbl", "p", "sectPr"]);
    assert!(!docx.raw("word/document.xml").contains("lost"));
}

#[test]
fn the_footer_numbers_pages_with_word_fields_and_shows_the_date() {
    let docx = Docx::of(&everything());
    let footer = docx.part("word/footer1.xml");
    let instructions: Vec<String> = footer
        .all("instrText")
        .iter()
        .map(|i| i.text.trim().to_owned())
        .collect();
    assert_eq!(instructions, vec!["PAGE", "NUMPAGES"]);
    assert_eq!(footer.all("fldChar").len(), 6, "begin, separate, end twice");
    let p = footer.first("p").unwrap();
    let text = p.text();
    assert!(text.starts_with("Page "), "{text}");
    assert!(text.contains(" of "), "{text}");
    assert!(text.ends_with("\t9 November 2020"), "{text}");
    assert_eq!(p.style(), Some("Footer"));
}

#[test]
fn the_header_shows_the_organization_and_its_logo() {
    let docx = Docx::of(&everything());
    let header = docx.part("word/header1.xml");
    assert_eq!(header.text_of_paragraphs(), "\tDroits & Libertés <Genève>");
    // The logo: 1.2 cm high (432,000 EMU), as wide as its proportions (1×1 here).
    let extent = header.first("extent").expect("an inline picture");
    assert_eq!(extent.attr("cy"), Some("432000"));
    assert_eq!(extent.attr("cx"), Some("432000"));
    let blip = header.first("blip").unwrap();
    let rid = blip.attr("embed").unwrap();
    let rels = docx.part("word/_rels/header1.xml.rels");
    let target = rels
        .all("Relationship")
        .into_iter()
        .find(|r| r.attr("Id") == Some(rid))
        .and_then(|r| r.attr("Target"))
        .expect("the picture's relationship")
        .to_owned();
    assert!(
        target.starts_with("media/") && target.ends_with(".png"),
        "{target}"
    );
    assert_eq!(docx.files[&format!("word/{target}")], PNG_1X1);

    // A wide JPEG logo keeps its file type and its proportions.
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    jpeg.extend_from_slice(&[0; 14]);
    jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 50, 0x00, 200, 3]);
    jpeg.extend_from_slice(&[0xFF, 0xD9]);
    let mut doc = everything();
    doc.organization.logo = Some(read_logo(jpeg.clone()).unwrap());
    let docx = Docx::of(&doc);
    let header = docx.part("word/header1.xml");
    let extent = header.first("extent").unwrap();
    assert_eq!(extent.attr("cx"), Some("1728000"), "4 × 1.2 cm");
    let media: Vec<&String> = docx
        .files
        .keys()
        .filter(|k| k.starts_with("word/media/"))
        .collect();
    assert_eq!(media.len(), 1);
    assert!(media[0].ends_with(".jpeg"), "{media:?}");
    assert_eq!(docx.files[media[0]], jpeg);
    let rels = docx.raw("word/_rels/header1.xml.rels");
    assert!(rels.contains(&media[0]["word/".len()..]), "{rels}");
    let types = docx.part("[Content_Types].xml");
    assert!(types.all("Default").iter().any(
        |d| d.attr("Extension") == Some("jpeg") && d.attr("ContentType") == Some("image/jpeg")
    ));
}

impl Node {
    /// The text of every paragraph, one per line.
    fn text_of_paragraphs(&self) -> String {
        self.all("p")
            .iter()
            .map(|p| p.text())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[test]
fn without_an_organization_the_header_has_no_organization_text() {
    let mut doc = everything();
    doc.organization = Organization::default();
    let docx = Docx::of(&doc);
    let headers: Vec<&String> = docx
        .files
        .keys()
        .filter(|k| k.starts_with("word/header"))
        .collect();
    for name in &headers {
        assert_eq!(docx.part(name).text_of_paragraphs().trim(), "", "{name}");
    }
    assert!(!docx.files.keys().any(|k| k.starts_with("word/media/")));
    // The footer is still there.
    assert!(docx.files.contains_key("word/footer1.xml"));

    // A name without a logo: the name alone.
    doc.organization.name = "Amnesty Section".into();
    let docx = Docx::of(&doc);
    let header = docx.part("word/header1.xml");
    assert_eq!(header.text_of_paragraphs(), "Amnesty Section");
    assert!(!header.has("drawing"));
}

#[test]
fn arabic_paragraphs_are_set_right_to_left() {
    let docx = Docx::of(&everything());
    let doc = docx.document();
    let paragraphs = doc.all("p");
    let find = |text: &str| {
        paragraphs
            .iter()
            .find(|p| p.text() == text)
            .unwrap_or_else(|| panic!("paragraph {text:?}"))
    };
    let arabic = find(ARABIC);
    assert!(arabic.ppr_has("bidi"));
    assert!(arabic
        .runs()
        .iter()
        .all(|r| r.first("rPr").is_some_and(|p| p.has("rtl"))));

    // The Arabic recommendation: its text run is right to left, its number stays as written
    // (the paragraph's direction puts it first, on the right).
    let rec = find(&format!("26.3  {ARABIC}"));
    assert!(rec.ppr_has("bidi"));
    let runs = rec.runs();
    assert_eq!(runs[0].text(), "26.3  ");
    assert!(!runs[0].first("rPr").unwrap().has("rtl"));
    assert!(runs[1].first("rPr").unwrap().has("rtl"));
    // …but its English detail line ("Recommended by: Égypte") is left to right.
    let by = find("Recommended by: Égypte");
    assert!(!by.ppr_has("bidi"));

    // An Arabic table cell.
    let cell = doc
        .all("tc")
        .into_iter()
        .find(|c| c.text() == ARABIC)
        .unwrap();
    assert!(cell.first("p").unwrap().ppr_has("bidi"));

    // French and English stay left to right, accents intact.
    let french = find("Égalité des genres : état des lieux");
    assert!(!french.ppr_has("bidi"));
    assert!(!french.has("rtl"));
    assert!(!find("Women's rights").ppr_has("bidi"));

    // Arabic text in an English paragraph: the paragraph stays left to right.
    let docx = Docx::of(&base(vec![Block::Paragraph {
        spans: vec![Span::plain(
            "The State was asked (ينبغي) to ratify the Convention without delay",
        )],
    }]));
    let p = docx.body_paragraphs().pop().unwrap();
    assert!(!p.ppr_has("bidi"));
}

#[test]
fn large_type_sets_a_bigger_body_with_wider_spacing() {
    let sizes = |large: bool| {
        let mut doc = everything();
        doc.large_type = large;
        let styles = Docx::of(&doc).part("word/styles.xml");
        let defaults = styles.first("docDefaults").unwrap();
        let sz = defaults
            .first("sz")
            .unwrap()
            .attr("val")
            .unwrap()
            .to_owned();
        let sz_cs = defaults
            .first("szCs")
            .unwrap()
            .attr("val")
            .unwrap()
            .to_owned();
        let line = defaults
            .first("spacing")
            .unwrap()
            .attr("line")
            .unwrap()
            .to_owned();
        let fonts = defaults.first("rFonts").unwrap();
        assert_eq!(fonts.attr("ascii"), Some("Noto Sans"));
        assert_eq!(fonts.attr("hAnsi"), Some("Noto Sans"));
        assert_eq!(fonts.attr("cs"), Some("Noto Naskh Arabic"));
        (sz, sz_cs, line)
    };
    assert_eq!(sizes(false), ("21".into(), "21".into(), "240".into()));
    assert_eq!(sizes(true), ("32".into(), "32".into(), "360".into()));
}

#[test]
fn special_characters_line_breaks_and_control_characters() {
    let docx = Docx::of(&base(vec![
        heading(1, "Fish & chips <\"quoted\"> 'single'"),
        Block::Paragraph {
            spans: vec![Span::plain("Line one\nLine two\r\nLine three\tafter a tab")],
        },
        Block::Paragraph {
            spans: vec![Span::plain("Bell\u{7} and null\u{0} are dropped")],
        },
    ]));
    let paragraphs = docx.body_paragraphs();
    let texts: Vec<String> = paragraphs.iter().map(|p| p.text()).collect();
    assert!(
        texts.contains(&"Fish & chips <\"quoted\"> 'single'".to_owned()),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"Line one\nLine two\nLine three\tafter a tab".to_owned()),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"Bell and null are dropped".to_owned()),
        "{texts:?}"
    );
    // Word line breaks, not characters in the text.
    let broken = paragraphs
        .iter()
        .find(|p| p.text().starts_with("Line one"))
        .unwrap();
    let brs = broken.all("br");
    assert_eq!(brs.len(), 2);
    assert!(brs.iter().all(|b| b.attr("type") == Some("textWrapping")));
    assert!(broken.all("t").iter().all(|t| !t.text.contains('\n')));
    // The organization's name in the header is escaped too.
    let header = docx.part("word/header1.xml");
    assert!(header
        .text_of_paragraphs()
        .contains("Droits & Libertés <Genève>"));
}

#[test]
fn time_marks_and_page_breaks() {
    let docx = Docx::of(&everything());
    let paragraphs = docx.body_paragraphs();
    let at = paragraphs
        .iter()
        .position(|p| p.style() == Some("TimeMark"))
        .expect("a time mark");
    assert_eq!(paragraphs[at].text(), "[0:30]");
    assert!(
        paragraphs[at].ppr_has("keepNext"),
        "a mark stays with its text"
    );
    assert_eq!(paragraphs[at + 1].text(), "Madam President,\nthank you.");
    // The page break: "Annex" starts a new page.
    let annex = paragraphs.iter().find(|p| p.text() == "Annex").unwrap();
    assert!(annex.ppr_has("pageBreakBefore"));
    assert_eq!(
        paragraphs
            .iter()
            .filter(|p| p.ppr_has("pageBreakBefore"))
            .count(),
        1
    );

    // A break before a table is a page break in a paragraph of its own.
    let docx = Docx::of(&base(vec![
        Block::Paragraph {
            spans: vec![Span::plain("Before")],
        },
        Block::PageBreak,
        table(&[100], &[&["After"]]),
    ]));
    let children = body_children(docx.document());
    let at = children.iter().position(|c| c.name == "tbl").unwrap();
    let br = children[at - 1]
        .first("br")
        .expect("a break before the table");
    assert_eq!(br.attr("type"), Some("page"));
}

#[test]
fn a_briefing_of_350_recommendations_keeps_them_all_in_order() {
    let mut blocks = vec![heading(1, "All recommendations")];
    for i in 1..=350 {
        blocks.push(rec(
            &format!("26.{i}"),
            &format!("Recommendation number {i} about women's rights & children <2020>"),
            "Mexico; Chile; Égypte",
            &[
                ("Position", "Supported"),
                ("Theme", "Women's rights"),
                ("Our ask", "Adopt a law"),
            ],
        ));
        if i % 50 == 0 {
            blocks.push(table(
                &[15, 25, 60],
                &[&["26.1", "Supported", "Text"], &["26.2", "Noted", "Text"]],
            ));
        }
    }
    let docx = Docx::of(&base(blocks));
    let numbers: Vec<String> = docx
        .body_paragraphs()
        .iter()
        .filter(|p| p.style() == Some("Recommendation"))
        .map(|p| p.runs()[0].text())
        .collect();
    let expected: Vec<String> = (1..=350).map(|i| format!("26.{i}  ")).collect();
    assert_eq!(numbers, expected);
}

#[test]
fn odd_inputs_do_not_break_the_export() {
    // Empty texts, an empty list, a logo without a size, rows longer than the columns.
    let mut doc = base(vec![
        heading(2, ""),
        Block::Paragraph { spans: vec![] },
        Block::List {
            numbered: true,
            items: vec![],
        },
        rec("", "", "", &[]),
        table(&[0, 0], &[&["a", "b", "c"]]),
        Block::PageBreak,
    ]);
    doc.title = String::new();
    doc.organization.logo = Some(Logo {
        width: 0,
        ..png_logo()
    });
    let docx = Docx::of(&doc);
    let doc_xml = docx.document();
    let grid: Vec<i64> = doc_xml
        .all("gridCol")
        .iter()
        .map(|g| g.attr("w").unwrap().parse().unwrap())
        .collect();
    assert_eq!(grid, vec![4819, 4819]);
    assert!(!docx.raw("word/document.xml").contains(">c<"));
    assert!(!docx.files.keys().any(|k| k.starts_with("word/media/")));
    assert!(docx
        .part("word/header1.xml")
        .text_of_paragraphs()
        .contains("Droits"));
}
