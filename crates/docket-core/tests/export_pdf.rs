#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The PDF renderer: documents built by hand, rendered, and read back with `pdf_extract` (text)
//! and `lopdf` (fonts, metadata, pages).
//!
//! Set `DOCKET_PDF_SHOTS` to a folder to keep the PDFs these tests make (to look at them).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use docket_core::export::logo::read_logo;
use docket_core::export::model::{Block, Column, Document, Logo, Organization, Span};
use docket_core::export::pdf;
use lopdf::{Dictionary, Object};

mod common;

use common::ARABIC_SENTENCE as ARABIC;

/// Characters with a meaning in typst markup or code: they must come out as written.
const SPECIAL: &str = r##"#set page(paper: "a5") $x^2$ *bold* _under_ @ref <label> \ ] [ "quoted" `raw` ~ // /* 100% = 5$"##;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 11, 9).unwrap()
}

fn shot(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("DOCKET_PDF_SHOTS") {
        std::fs::write(
            std::path::Path::new(&dir).join(format!("{name}.pdf")),
            bytes,
        )
        .unwrap();
    }
}

/// Text of the PDF with runs of white space made single spaces (lines wrap anywhere).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text without any white space: `pdf_extract` guesses spaces from the glyphs' positions, adds
/// one where the font changes ("État ." after italics) and keeps a line that ends with a hyphen
/// apart from the next ("follow- up"), so long texts are compared without spaces.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn text_of(bytes: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(bytes).unwrap()
}

fn pages_of(bytes: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(bytes).unwrap()
}

fn page_count(bytes: &[u8]) -> usize {
    lopdf::Document::load_mem(bytes).unwrap().get_pages().len()
}

// A real PNG, made by hand: 8 × 4 pixels, RGB, blue with an orange band, stored uncompressed
// in its zlib stream.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
}

fn png_logo() -> Logo {
    let (width, height) = (8u32, 4u32);
    let mut raw = Vec::new();
    for y in 0..height {
        raw.push(0); // filter: none
        for _ in 0..width {
            raw.extend_from_slice(if y == 1 || y == 2 {
                &[0xE8, 0x7A, 0x1E]
            } else {
                &[0x1F, 0x4E, 0x9A]
            });
        }
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    let len = u16::try_from(raw.len()).unwrap();
    let mut zlib = vec![0x78, 0x01, 0x01];
    zlib.extend_from_slice(&len.to_le_bytes());
    zlib.extend_from_slice(&(!len).to_le_bytes());
    zlib.extend_from_slice(&raw);
    zlib.extend_from_slice(&((b << 16) | a).to_be_bytes());

    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &zlib);
    chunk(&mut png, b"IEND", &[]);
    read_logo(png).unwrap()
}

fn recommendation(paragraph: &str, text: &str, states: &str) -> Block {
    common::rec_block(
        paragraph,
        text,
        states,
        &[("Position", "Supported"), ("Priority", "High")],
    )
}

/// Every kind of block, in English, French and Arabic, with markup characters everywhere.
fn full_doc() -> Document {
    Document {
        title: "Thematic briefing: Réf. État".into(),
        subtitle: "Working Group session 36, reviewed 9 November 2020".into(),
        organization: Organization {
            name: "Droits Égaux International".into(),
            logo: Some(png_logo()),
        },
        date: date(),
        large_type: false,
        blocks: vec![
            Block::Heading {
                level: 1,
                text: "Women's rights".into(),
            },
            Block::Paragraph {
                spans: vec![
                    Span::plain("This briefing covers "),
                    Span::bold("twelve"),
                    Span::plain(" recommendations, "),
                    Span::italic("Réf. État"),
                    Span::plain(". "),
                    Span::plain(SPECIAL),
                ],
            },
            Block::Heading {
                level: 2,
                text: "Ratification of treaties".into(),
            },
            recommendation(
                "26.1",
                "Ratify the Convention on the Elimination of All Forms of Discrimination against \
                 Women",
                "Mexico; Chile",
            ),
            Block::Recommendation {
                paragraph: "26.2".into(),
                text: "Ratifier la Convention relative aux droits de l'enfant, Réf. État".into(),
                states: "France".into(),
                details: vec![
                    ("Position".into(), "Noted".into()),
                    ("Our ask".into(), format!("Publish the plan {SPECIAL}")),
                    ("Notre demande".into(), ARABIC.into()),
                ],
            },
            Block::Heading {
                level: 3,
                text: "Follow-up #3 & $cost".into(),
            },
            Block::List {
                numbered: true,
                items: vec![
                    vec![Span::plain("Meet the Ministry of Justice")],
                    vec![Span::plain("Brief the "), Span::bold("embassies")],
                ],
            },
            Block::List {
                numbered: false,
                items: vec![
                    vec![Span::plain("Bulleted point one")],
                    vec![Span::plain("Bulleted point * two_")],
                ],
            },
            Block::Table {
                columns: vec![
                    Column {
                        header: "Theme".into(),
                        width: 50,
                    },
                    Column {
                        header: "Supported".into(),
                        width: 25,
                    },
                    Column {
                        header: "Noted".into(),
                        width: 25,
                    },
                ],
                rows: vec![
                    vec!["Women's rights".into(), "12".into(), "3".into()],
                    vec!["Right to education <edu>".into(), "7".into(), "1".into()],
                    vec!["https://www.ohchr.org/en/hr-bodies/upr/us-index?some_really_long_query=abcdefghijklmnopqrstuvwxyz0123456789".into(), "https://www.ohchr.org/en/hr-bodies/upr/us-index".into(), "Ünïcödé".into()],
                ],
            },
            Block::PageBreak,
            Block::Heading {
                level: 1,
                text: "Oral statement".into(),
            },
            Block::TimeMark { at: "0:30".into() },
            Block::Paragraph {
                spans: vec![Span::plain("Thank you, Madam President.")],
            },
            Block::Paragraph {
                spans: vec![Span::plain(ARABIC)],
            },
        ],
    }
}

#[test]
fn every_block_comes_back_as_text() {
    let doc = full_doc();
    let bytes = pdf::render(&doc).unwrap();
    shot("full", &bytes);
    assert!(bytes.starts_with(b"%PDF-"));
    let text = flat(&text_of(&bytes));

    for heading in [
        "Thematic briefing: Réf. État",
        "Working Group session 36, reviewed 9 November 2020",
        "Women's rights",
        "Ratification of treaties",
        "Follow-up #3 & $cost",
        "Oral statement",
    ] {
        assert!(text.contains(heading), "{heading:?} missing from {text}");
    }
    for line in [
        "26.1 Ratify the Convention on the Elimination of All Forms of Discrimination against Women",
        "Recommended by: Mexico; Chile",
        "26.2 Ratifier la Convention relative aux droits de l'enfant, Réf. État",
        "Recommended by: France",
        "This briefing covers twelve recommendations, Réf. État.",
        "1. Meet the Ministry of Justice",
        "2. Brief the embassies",
        "Bulleted point one",
        "Bulleted point * two_",
        "Theme Supported Noted",
        "Right to education <edu> 7 1",
        "https://www.ohchr.org/en/hr-bodies/upr/us-index?some_really_long_query=\
         abcdefghijklmnopqrstuvwxyz0123456789",
        "[0:30]",
        "Thank you, Madam President.",
        "Droits Égaux International",
        "9 November 2020",
    ] {
        assert!(
            squash(&text).contains(&squash(line)),
            "{line:?} missing from {text}"
        );
    }
    // Labels and values of the details (the extraction may double the space after a label).
    for (label, value) in [
        ("Position:", "Supported"),
        ("Priority:", "High"),
        ("Position:", "Noted"),
    ] {
        assert!(
            text.contains(&format!("{label} {value}")),
            "{label} {value} missing from {text}"
        );
    }
    // The markup characters come out as written, twice (paragraph and "Our ask").
    assert_eq!(text.matches(&flat(SPECIAL)).count(), 2, "{text}");
    assert!(text.contains(&format!("Our ask: Publish the plan {}", flat(SPECIAL))));
    // A5 was not set by the text: pages stay A4 (595 × 842 pt).
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    for (_, page) in pdf.get_pages() {
        let media = pdf
            .get_dictionary(page)
            .unwrap()
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_float().unwrap())
            .collect::<Vec<_>>();
        assert_eq!(media[2].round(), 595.0);
        assert_eq!(media[3].round(), 842.0);
    }
}

#[test]
fn every_page_has_the_header_and_a_footer_counting_pages() {
    let bytes = pdf::render(&full_doc()).unwrap();
    let pages = pages_of(&bytes);
    assert_eq!(pages.len(), 2, "the page break starts a second page");
    assert_eq!(page_count(&bytes), 2);
    for (i, page) in pages.iter().enumerate() {
        let page = flat(page);
        assert!(
            page.starts_with("Droits Égaux International"),
            "page {}: {page}",
            i + 1
        );
        assert!(
            page.ends_with(&format!("9 November 2020 Page {} of 2", i + 1)),
            "page {}: {page}",
            i + 1
        );
    }
    assert!(flat(&pages[1]).contains("Oral statement"));
    assert!(!flat(&pages[0]).contains("Oral statement"));
}

#[test]
fn without_an_organization_there_is_no_header() {
    let mut doc = full_doc();
    doc.organization = Organization::default();
    let bytes = pdf::render(&doc).unwrap();
    shot("no-header", &bytes);
    let pages = pages_of(&bytes);
    assert_eq!(pages.len(), 2);
    // Each page starts with its own content: the title, then the heading after the break.
    assert!(
        flat(&pages[0]).starts_with("Thematic briefing"),
        "{}",
        pages[0]
    );
    assert!(
        flat(&pages[1]).starts_with("Oral statement"),
        "{}",
        pages[1]
    );
    assert!(!flat(&pages.concat()).contains("Droits"));
    // And no image: the logo is drawn only in the header.
    assert_eq!(images(&bytes), 0);
    assert!(images(&pdf::render(&full_doc()).unwrap()) >= 1);

    // A name without a logo still makes a header.
    doc.organization.name = "Coalition UPR".into();
    let bytes = pdf::render(&doc).unwrap();
    assert!(flat(&pages_of(&bytes)[1]).starts_with("Coalition UPR Oral statement"));
    assert_eq!(images(&bytes), 0);
}

fn images(bytes: &[u8]) -> usize {
    let pdf = lopdf::Document::load_mem(bytes).unwrap();
    pdf.objects
        .values()
        .filter_map(|o| match o {
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        })
        .filter(|d| d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"))
        .count()
}

/// `pdf_extract` gives Arabic in the order the glyphs are drawn, left to right: the letters of a
/// right-to-left line come out reversed (and its words in reverse order), though as ordinary
/// Arabic letters, not presentation forms, thanks to the ToUnicode maps typst writes. Reversing
/// each extracted line puts a right-to-left line back in reading order.
fn reading_order(text: &str) -> String {
    text.lines()
        .map(|line| flat(&line.chars().rev().collect::<String>()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn arabic_comes_back_in_its_own_letters_and_is_set_right_to_left() {
    let doc = Document {
        title: "تقرير الاستعراض الدوري الشامل".into(),
        subtitle: String::new(),
        organization: Organization {
            name: "منظمة حقوق الإنسان".into(),
            logo: None,
        },
        date: date(),
        large_type: false,
        blocks: vec![
            Block::Heading {
                level: 1,
                text: "حقوق المرأة".into(),
            },
            Block::Paragraph {
                spans: vec![Span::plain(ARABIC)],
            },
            Block::Recommendation {
                paragraph: "26.7".into(),
                text: format!("{ARABIC} (CEDAW)"),
                states: "مصر".into(),
                details: vec![("Position".into(), "Supported".into())],
            },
            Block::Table {
                columns: vec![
                    Column {
                        header: "الموضوع".into(),
                        width: 70,
                    },
                    Column {
                        header: "العدد".into(),
                        width: 30,
                    },
                ],
                rows: vec![vec!["حقوق الطفل".into(), "4".into()]],
            },
        ],
    };
    let bytes = pdf::render(&doc).unwrap();
    shot("arabic", &bytes);
    let raw = text_of(&bytes);
    assert!(
        !raw.chars()
            .any(|c| matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)),
        "presentation forms in {raw}"
    );
    let text = reading_order(&raw);
    for words in [
        ARABIC,
        "تقرير الاستعراض الدوري الشامل",
        "منظمة حقوق الإنسان",
        "حقوق المرأة",
        "حقوق الطفل",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    // Right to left: in a drawn line the Arabic words come right to left, so the last word of
    // the sentence is drawn first (leftmost).
    let drawn = flat(&raw);
    let first = ARABIC.split(' ').next().unwrap();
    let last = ARABIC.split(' ').next_back().unwrap();
    let reversed = |w: &str| w.chars().rev().collect::<String>();
    let (at_first, at_last) = (
        drawn.find(&reversed(first)).unwrap(),
        drawn.find(&reversed(last)).unwrap(),
    );
    assert!(at_last < at_first, "{drawn}");
    // The paragraph number and the Latin words in a right-to-left line keep their own order.
    assert!(drawn.contains("26.7"), "{drawn}");
    assert!(drawn.contains("CEDAW"), "{drawn}");
    assert!(flat(&raw).contains("Position: Supported"), "{raw}");
    // Right to left also means right-aligned: the Arabic paragraph's line ends at the right
    // margin, the English "Position" line starts at the left one.
    let fonts = fonts_used(&bytes);
    assert!(
        fonts.iter().any(|f| f.contains("NotoNaskhArabic")),
        "{fonts:?}"
    );
}

/// Base font names of every font in the PDF, each checked to have its file embedded.
fn fonts_used(bytes: &[u8]) -> Vec<String> {
    let pdf = lopdf::Document::load_mem(bytes).unwrap();
    let deref = |o: &Object| -> Dictionary {
        match o {
            Object::Reference(id) => pdf.get_dictionary(*id).unwrap().clone(),
            Object::Dictionary(d) => d.clone(),
            other => panic!("not a dictionary: {other:?}"),
        }
    };
    let mut names = Vec::new();
    let mut descriptors = 0;
    for object in pdf.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        match dict.get(b"Type").and_then(Object::as_name) {
            Ok(b"Font") => {
                let subtype = dict.get(b"Subtype").unwrap().as_name().unwrap();
                assert_ne!(subtype, b"Type3", "a Type 3 (drawn) font: {dict:?}");
                let name = dict.get(b"BaseFont").unwrap().as_name().unwrap();
                names.push(String::from_utf8_lossy(name).into_owned());
                if subtype != b"Type0" {
                    // Simple or CID fonts name their descriptor; Type 0 fonts point to a CID font.
                    let descriptor = deref(dict.get(b"FontDescriptor").unwrap());
                    assert!(
                        descriptor.has(b"FontFile2") || descriptor.has(b"FontFile3"),
                        "font {} is not embedded",
                        String::from_utf8_lossy(name)
                    );
                }
            }
            Ok(b"FontDescriptor") => {
                descriptors += 1;
                assert!(
                    dict.has(b"FontFile2") || dict.has(b"FontFile3"),
                    "descriptor without a font file: {dict:?}"
                );
            }
            _ => {}
        }
    }
    assert!(descriptors > 0, "no font descriptor");
    names
}

#[test]
fn only_the_shipped_fonts_are_used_and_all_are_embedded() {
    let bytes = pdf::render(&full_doc()).unwrap();
    let fonts = fonts_used(&bytes);
    assert!(!fonts.is_empty());
    for font in &fonts {
        assert!(
            font.contains("NotoSans") || font.contains("NotoNaskhArabic"),
            "unexpected font {font}"
        );
    }
    for needed in [
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSans-Italic",
        "NotoNaskhArabic-Regular",
    ] {
        assert!(
            fonts.iter().any(|f| f.contains(needed)),
            "{needed} missing from {fonts:?}"
        );
    }
}

#[test]
fn the_title_is_the_pdf_title() {
    let bytes = pdf::render(&full_doc()).unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let info = pdf.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let title = pdf
        .get_dictionary(info)
        .unwrap()
        .get(b"Title")
        .unwrap()
        .as_str()
        .unwrap()
        .to_vec();
    let title = if let Some(utf16) = title.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).unwrap()
    } else {
        String::from_utf8(title).unwrap()
    };
    assert_eq!(title, "Thematic briefing: Réf. État");
}

fn statement(large_type: bool) -> Document {
    let sentence = "Madam President, our coalition welcomes the commitment of the State under \
                    review to ratify the Optional Protocol and urges it to set a date. ";
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: "Oral statement, item 6".into(),
    }];
    for (i, at) in ["0:00", "0:30", "1:00", "1:30"].iter().enumerate() {
        blocks.push(Block::TimeMark { at: (*at).into() });
        blocks.push(Block::Paragraph {
            spans: vec![Span::plain(format!(
                "Part {}. {}",
                i + 1,
                sentence.repeat(3)
            ))],
        });
    }
    Document {
        title: "Statement".into(),
        subtitle: "Human Rights Council, 46th session".into(),
        organization: Organization {
            name: "Coalition UPR".into(),
            logo: None,
        },
        date: date(),
        large_type,
        blocks,
    }
}

#[test]
fn large_type_takes_more_pages_than_normal_type() {
    let normal = pdf::render(&statement(false)).unwrap();
    let large = pdf::render(&statement(true)).unwrap();
    shot("statement-normal", &normal);
    shot("statement-large", &large);
    let (normal_pages, large_pages) = (page_count(&normal), page_count(&large));
    assert_eq!(normal_pages, 1);
    assert!(large_pages > normal_pages, "{large_pages} pages");
    let text = flat(&text_of(&large));
    for at in ["[0:00]", "[0:30]", "[1:00]", "[1:30]"] {
        assert!(text.contains(at), "{at} missing from {text}");
    }
    assert!(text.contains(&format!("Page {large_pages} of {large_pages}")));
}

#[test]
fn line_breaks_in_a_script_paragraph_start_new_lines() {
    // `pdf_extract` does not show where a line breaks inside a paragraph, so the breaks are
    // counted by the room they take: 80 short lines fill more than a page, the same words run
    // together fill a few lines.
    let lines: Vec<String> = (1..=80).map(|i| format!("Line {i}")).collect();
    let mut doc = statement(false);
    doc.blocks = vec![Block::Paragraph {
        spans: vec![Span::plain(lines.join("\n"))],
    }];
    let broken = pdf::render(&doc).unwrap();
    doc.blocks = vec![Block::Paragraph {
        spans: vec![Span::plain(lines.join(" "))],
    }];
    let running = pdf::render(&doc).unwrap();
    assert_eq!(page_count(&running), 1);
    assert!(page_count(&broken) > 1);
    let text = squash(&text_of(&broken));
    assert!(text.contains("Line1Line2Line3"), "{text}");
    assert!(text.contains("Line79Line80"), "{text}");
}

#[test]
fn odd_tables_and_empty_documents_still_render() {
    let doc = Document {
        title: String::new(),
        subtitle: String::new(),
        organization: Organization::default(),
        date: date(),
        large_type: false,
        blocks: vec![
            Block::Table {
                columns: Vec::new(),
                rows: vec![vec!["lost".into()]],
            },
            Block::Table {
                columns: vec![
                    Column {
                        header: "A".into(),
                        width: 0,
                    },
                    Column {
                        header: "B".into(),
                        width: 100,
                    },
                ],
                rows: vec![
                    vec!["short row".into()],
                    vec!["x".into(), "y".into(), "extra cell".into()],
                    Vec::new(),
                ],
            },
            Block::List {
                numbered: true,
                items: Vec::new(),
            },
            Block::Paragraph { spans: Vec::new() },
            // Control characters, Windows line ends, invisible characters, and scripts the
            // shipped fonts do not cover (drawn as empty boxes, but no failure).
            Block::Paragraph {
                spans: vec![Span::plain(
                    "Tab\there\r\nnext\u{0}nul\u{7}bell\u{FEFF}\u{200B}zero 中文 🙂 Ελληνικά Русский end",
                )],
            },
            Block::Heading {
                level: 9,
                text: "Deep heading".into(),
            },
            Block::PageBreak,
            Block::PageBreak,
        ],
    };
    let bytes = pdf::render(&doc).unwrap();
    shot("odd", &bytes);
    let text = flat(&text_of(&bytes));
    assert!(text.contains("short row"), "{text}");
    assert!(text.contains("Ελληνικά Русский end"), "{text}");
    // Tabs become spaces, other control characters go; the line end stays a line end.
    assert!(text.contains("Tab here"), "{text}");
    assert!(squash(&text).contains("Tabherenextnulbellzero"), "{text}");
    assert!(text.contains("Deep heading"), "{text}");
    assert!(text.contains("Page 1 of"), "{text}");
    // Two page breaks in a row (and at the end) make no blank page.
    assert_eq!(page_count(&bytes), 1);
}

#[test]
fn a_recommendation_longer_than_a_page_is_not_cut() {
    let long: String = (1..=400).map(|i| format!("clause{i} ")).collect::<String>();
    let mut doc = statement(true);
    doc.blocks = vec![recommendation("26.300", long.trim(), "Norway")];
    let bytes = pdf::render(&doc).unwrap();
    assert!(page_count(&bytes) > 1);
    let text = flat(&text_of(&bytes));
    for i in 1..=400 {
        assert!(
            text.contains(&format!("clause{i} ")) || text.contains(&format!("clause{i}")),
            "clause{i} lost"
        );
    }
    assert!(text.contains("Recommended by: Norway"));
}

#[test]
fn a_damaged_logo_is_reported_with_what_to_do() {
    let mut doc = full_doc();
    // A PNG whose header reads well but whose image data is missing.
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(&13u32.to_be_bytes());
    bytes.extend_from_slice(b"IHDR");
    bytes.extend_from_slice(&64u32.to_be_bytes());
    bytes.extend_from_slice(&16u32.to_be_bytes());
    bytes.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    doc.organization.logo = Some(read_logo(bytes).unwrap());
    let err = pdf::render(&doc).unwrap_err().to_string();
    assert!(err.contains("logo"), "{err}");
    assert!(err.contains("Settings"), "{err}");
}

/// Something like the sample review's thematic briefing: 347 recommendations by theme, with
/// details, and a summary table.
fn thematic() -> Document {
    let recs = docket_core::sample::recommendations().unwrap();
    let mut themes: BTreeMap<String, Vec<&_>> = BTreeMap::new();
    for rec in &recs {
        let theme = rec
            .themes
            .first()
            .cloned()
            .unwrap_or_else(|| "Other".into());
        themes.entry(theme).or_default().push(rec);
    }
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: "Summary".into(),
        },
        Block::Table {
            columns: vec![
                Column {
                    header: "Theme".into(),
                    width: 55,
                },
                Column {
                    header: "Recommendations".into(),
                    width: 25,
                },
                Column {
                    header: "Supported".into(),
                    width: 20,
                },
            ],
            rows: themes
                .iter()
                .map(|(theme, recs)| {
                    let supported = recs
                        .iter()
                        .filter(|r| r.position.label() == "Supported")
                        .count();
                    vec![theme.clone(), recs.len().to_string(), supported.to_string()]
                })
                .collect(),
        },
        Block::Heading {
            level: 1,
            text: "Recommendations by theme".into(),
        },
    ];
    for (i, (theme, recs)) in themes.iter().enumerate() {
        blocks.push(Block::Heading {
            level: 2,
            text: theme.clone(),
        });
        for (j, rec) in recs.iter().enumerate() {
            let mut details = vec![("Position".into(), rec.position.label().to_owned())];
            if j % 3 == 0 {
                details.push(("Priority".into(), "High".into()));
            }
            if (i + j) % 4 == 0 {
                details.push((
                    "Our ask".into(),
                    "Adopt a national action plan with a timetable and a budget.".into(),
                ));
            }
            blocks.push(Block::Recommendation {
                paragraph: rec.paragraph.clone(),
                text: rec.text.clone(),
                states: rec.states.join("; "),
                details,
            });
        }
    }
    Document {
        title: "Thematic briefing: United States of America, 3rd cycle".into(),
        subtitle: "Working Group session 36, reviewed 9 November 2020".into(),
        organization: Organization {
            name: "Coalition for the UPR".into(),
            logo: Some(png_logo()),
        },
        date: date(),
        large_type: false,
        blocks,
    }
}

#[test]
fn the_sample_thematic_briefing_renders_whole() {
    let doc = thematic();
    let started = std::time::Instant::now();
    let bytes = pdf::render(&doc).unwrap();
    // Reported, not asserted: the time depends on the machine and the build.
    eprintln!(
        "thematic briefing: {} pages, {} KB, {:?}",
        page_count(&bytes),
        bytes.len() / 1024,
        started.elapsed()
    );
    shot("thematic", &bytes);
    let pages = page_count(&bytes);
    assert!((20..=80).contains(&pages), "{pages} pages");
    let text = flat(&text_of(&bytes));
    assert!(text.contains(&format!("Page {pages} of {pages}")));
    let squashed = squash(&text);
    let mut count = 0;
    for block in &doc.blocks {
        if let Block::Recommendation {
            paragraph, text: t, ..
        } = block
        {
            count += 1;
            let words: Vec<&str> = t.split_whitespace().collect();
            let start = format!("{paragraph} {}", words[..words.len().min(4)].join(" "));
            assert!(text.contains(&start), "{start:?} missing");
            assert!(squashed.contains(&squash(t)), "text of {paragraph} missing");
        }
    }
    assert_eq!(count, 347);
}

#[test]
fn the_real_templates_of_the_sample_review_come_out_as_pdf() {
    use docket_core::advocacy::{EcosocStatus, NewStatement, StatementKind};
    use docket_core::export::{self, ExportFormat, ExportRequest, Template};
    let mut store = docket_core::Store::open_in_memory().unwrap();
    let review = docket_core::sample::load(&mut store).unwrap();
    store
        .set_organization_name("Observatoire des droits — مرصد الحقوق")
        .unwrap();
    let logo = png_logo();
    store.set_organization_logo(Some(logo.bytes)).unwrap();
    let text = format!(
        "Thank you, Madam President.\n\n{}\n\n{ARABIC} 26.1.\n\nThank you.",
        "We welcome the support of recommendation 26.108 and urge the Government to act \
         before the mid-term report. "
            .repeat(6)
    );
    store
        .create_statement(
            &NewStatement {
                kind: StatementKind::Oral,
                title: "Adoption of the outcome: our statement".into(),
                hrc_session: Some(46),
                review_id: Some(review),
                debate: "Item 6".into(),
                organization: "OD".into(),
                ecosoc_status: EcosocStatus::Special,
                co_signers: vec!["Friends of the Earth".into()],
                speaker: "Amal".into(),
                words_per_minute: 130,
                time_limit_seconds: 120,
                text,
                recommendation_ids: Vec::new(),
            },
            "2021-01-10T10:00:00Z".parse().unwrap(),
        )
        .unwrap();
    for template in [
        Template::Thematic,
        Template::State,
        Template::Matrix,
        Template::Statement,
        Template::Calendar,
    ] {
        let request = ExportRequest::new(review, template, ExportFormat::Pdf);
        let started = std::time::Instant::now();
        let rendered = export::render(&store, &request, date(), &mut |_| {}).unwrap();
        let bytes = rendered.bytes;
        let pages = page_count(&bytes);
        eprintln!(
            "{}: {pages} pages in {:?}",
            template.label(),
            started.elapsed()
        );
        shot(&format!("template-{}", template.as_str()), &bytes);
        let text = flat(&text_of(&bytes));
        assert!(
            text.contains(&rendered.summary.title),
            "{template:?}: {text}"
        );
        assert!(
            text.contains(&format!("Page {pages} of {pages}")),
            "{template:?}"
        );
        assert!(text.contains("Observatoire des droits"), "{template:?}");
    }
}
