//! Every template from the sample review, in every format: what each holds, and that each file
//! written holds every recommendation's paragraph number and every heading of its document.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::io::Read;

use calamine::Reader;
use chrono::NaiveDate;
use common::{at, rec_id, refused, sample_store};
use docket_core::advocacy::{EcosocStatus, NewMeeting, NewStatement, StateKey, StatementKind};
use docket_core::domain::{Priority, TrackingEdit};
use docket_core::export::model::{Block, Document};
use docket_core::export::templates::{build, Content};
use docket_core::export::{self, write, ExportFormat, ExportRequest, Template};
use docket_core::{ErrorKind, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 2, 1).unwrap()
}

fn request(review_id: i64, template: Template, format: ExportFormat) -> ExportRequest {
    ExportRequest::new(review_id, template, format)
}

fn document(store: &Store, request: &ExportRequest) -> Document {
    match build(store, request, today()).unwrap().content {
        Content::Document(doc) => doc,
        Content::Sheet(_) => panic!("a document was expected"),
    }
}

fn paragraphs(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Recommendation { paragraph, .. } => Some(paragraph.clone()),
            _ => None,
        })
        .collect()
}

fn headings(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

fn all_paragraphs(store: &Store, review: i64) -> BTreeSet<String> {
    let page = store.recommendations_page(review, 0, 1000).unwrap();
    page.rows.into_iter().map(|r| r.paragraph).collect()
}

/// A sample with an oral statement, a meeting with Mexico and some tracking.
fn prepared() -> (Store, i64, i64) {
    let (mut store, review) = sample_store();
    let mexico = rec_id(&store, review, "26.108");
    store
        .edit_tracking(
            mexico,
            &TrackingEdit::Priority(Some(Priority::High)),
            "Amal",
        )
        .unwrap();
    store
        .edit_tracking(
            mexico,
            &TrackingEdit::OurAsk("Ratify it before the adoption".into()),
            "Amal",
        )
        .unwrap();
    let statement = store
        .create_statement(
            &NewStatement {
                kind: StatementKind::Oral,
                title: "Adoption: our statement / USA".into(),
                hrc_session: Some(46),
                review_id: Some(review),
                debate: "Item 6".into(),
                organization: "Rights Watchers".into(),
                ecosoc_status: EcosocStatus::Special,
                co_signers: vec!["Friends of the Earth".into()],
                speaker: "Amal".into(),
                words_per_minute: 120,
                time_limit_seconds: 120,
                text: format!(
                    "{}\n\n{}\n\n{}",
                    "Thank you, Mr. President. ".repeat(10).trim(),
                    "We welcome the support of recommendation 26.108.",
                    "Thank you."
                ),
                recommendation_ids: vec![mexico],
            },
            at("2021-01-10T10:00:00Z"),
        )
        .unwrap();
    store
        .save_meeting(
            None,
            &NewMeeting {
                state: StateKey {
                    iso3: Some("MEX".into()),
                    name: "Mexico".into(),
                },
                review_id: Some(review),
                date: "2021-01-20".into(),
                who: "First Secretary".into(),
                asked: "Raise 26.108 at the adoption".into(),
                outcome: "Will consider it".into(),
                follow_up: None,
                recommendation_ids: Vec::new(),
            },
            at("2021-01-20T10:00:00Z"),
        )
        .unwrap();
    (store, review, statement.id)
}

#[test]
fn the_thematic_briefing_lists_every_recommendation_under_its_themes_with_a_summary() {
    let (store, review, _) = prepared();
    let doc = document(
        &store,
        &request(review, Template::Thematic, ExportFormat::Docx),
    );
    let expected = all_paragraphs(&store, review);
    let listed: BTreeSet<String> = paragraphs(&doc).into_iter().collect();
    assert_eq!(
        listed, expected,
        "every recommendation appears under a theme"
    );
    assert!(
        doc.title.contains("United States of America"),
        "{}",
        doc.title
    );
    assert!(
        doc.subtitle.contains("All 347 recommendations"),
        "{}",
        doc.subtitle
    );
    assert_eq!(headings(&doc)[0], "Summary");
    // The positions table adds up to the review's recommendations.
    let Block::Table { rows, .. } = &doc.blocks[2] else {
        panic!("positions table first: {:?}", doc.blocks[2]);
    };
    let total: usize = rows[..rows.len() - 1]
        .iter()
        .map(|r| r[1].parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, 347);
    assert_eq!(rows.last().unwrap()[1], "347");
    // Our ask and priority are shown with the recommendation.
    let mexico = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Recommendation {
                paragraph, details, ..
            } if paragraph == "26.108" => Some(details.clone()),
            _ => None,
        })
        .unwrap();
    assert!(
        mexico.contains(&("Priority".into(), "High".into())),
        "{mexico:?}"
    );
    assert!(mexico.contains(&("Our ask".into(), "Ratify it before the adoption".into())));
}

#[test]
fn a_search_or_a_selection_narrows_what_is_exported_and_an_empty_one_is_refused() {
    let (store, review, _) = prepared();
    let mut searched = request(review, Template::Thematic, ExportFormat::Md);
    searched.query = "women".into();
    let found: BTreeSet<i64> = store
        .search_ids(&docket_core::store::search::SearchRequest {
            review_id: Some(review),
            query: "women".into(),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .collect();
    let built = build(&store, &searched, today()).unwrap();
    assert_eq!(built.summary.recommendations, found.len());
    assert!(
        built.summary.lines[0].contains("found for “women”"),
        "{:?}",
        built.summary.lines
    );

    let mut selected = request(review, Template::Matrix, ExportFormat::Docx);
    let ids = vec![
        rec_id(&store, review, "26.2"),
        rec_id(&store, review, "26.1"),
    ];
    selected.ids = Some(ids);
    let doc = document(&store, &selected);
    let Block::Table { rows, .. } = &doc.blocks[1] else {
        panic!("the matrix table: {:?}", doc.blocks[1]);
    };
    assert_eq!(rows.len(), 2);
    assert!(
        rows[0][0].starts_with("26.1 "),
        "paragraph order: {}",
        rows[0][0]
    );
    assert!(rows[1][0].starts_with("26.2 "));

    selected.ids = Some(Vec::new());
    let message = refused(build(&store, &selected, today()), ErrorKind::InvalidInput);
    assert!(
        message.contains("No recommendation is selected"),
        "{message}"
    );

    searched.query = "zzzznothing".into();
    let message = refused(build(&store, &searched, today()), ErrorKind::InvalidInput);
    assert!(message.contains("matches this search"), "{message}");

    let message = refused(
        build(
            &store,
            &request(9999, Template::Thematic, ExportFormat::Md),
            today(),
        ),
        ErrorKind::NotFound,
    );
    assert!(!message.is_empty());
}

#[test]
fn the_state_sheet_holds_one_state_its_recommendations_and_its_last_meeting() {
    let (store, review, _) = prepared();
    let mut req = request(review, Template::State, ExportFormat::Pdf);
    req.state = Some("mexico".into());
    let doc = document(&store, &req);
    assert_eq!(
        paragraphs(&doc)
            .into_iter()
            .filter(|p| p.starts_with("26."))
            .collect::<Vec<_>>(),
        ["26.108", "26.133", "26.207", "26.310", "26.346"]
    );
    assert_eq!(headings(&doc)[0], "Mexico");
    let meeting = doc.blocks.iter().find_map(|b| match b {
        Block::Recommendation {
            paragraph, details, ..
        } if paragraph == "20 January 2021" => Some(details.clone()),
        _ => None,
    });
    let meeting = meeting.expect("the last meeting is shown");
    assert!(meeting.contains(&("Outcome".into(), "Will consider it".into())));

    req.state = Some("Atlantis".into());
    let message = refused(build(&store, &req, today()), ErrorKind::InvalidInput);
    assert!(message.contains("Atlantis"), "{message}");

    // One per State: every recommending State gets a page.
    req.state = None;
    let doc = document(&store, &req);
    let breaks = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::PageBreak))
        .count();
    let built = build(&store, &req, today()).unwrap();
    assert!(built.summary.states > 100, "{}", built.summary.states);
    assert_eq!(breaks + 1, built.summary.states);
}

#[test]
fn the_matrix_counts_its_words_against_the_submission_limits() {
    let (store, review, _) = prepared();
    let built = build(
        &store,
        &request(review, Template::Matrix, ExportFormat::Html),
        today(),
    )
    .unwrap();
    let words = built.summary.words.unwrap();
    assert!(words > 5_630, "the whole sample's matrix is long: {words}");
    assert!(built.summary.lines[1].contains("over the 5,630-word limit of a joint submission"));
    let over: Vec<usize> = built.summary.word_limits.iter().map(|l| l.over).collect();
    assert_eq!(over, [words - 2_815, words - 5_630]);
    let Content::Document(doc) = built.content else {
        panic!()
    };
    let Block::Table { columns, rows } = &doc.blocks[1] else {
        panic!()
    };
    let headers: Vec<&str> = columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        [
            "Recommendation",
            "Position",
            "Source of position",
            "Our assessment of implementation",
            "Evidence"
        ]
    );
    assert_eq!(columns.iter().map(|c| u32::from(c.width)).sum::<u32>(), 100);
    assert_eq!(rows.len(), 347);
    let counted: usize = rows
        .iter()
        .flatten()
        .chain(
            headers
                .iter()
                .map(|h| h.to_string())
                .collect::<Vec<_>>()
                .iter(),
        )
        .map(|c| docket_core::advocacy::words::count_words(c))
        .sum();
    assert_eq!(counted, words);
}

#[test]
fn an_oral_statement_script_is_in_large_type_with_time_marks() {
    let (store, review, statement) = prepared();
    let mut req = request(review, Template::Statement, ExportFormat::Docx);
    req.statement_id = Some(statement);
    let doc = document(&store, &req);
    assert!(doc.large_type);
    assert_eq!(doc.title, "Adoption: our statement / USA");
    let marks: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::TimeMark { at } => Some(at.clone()),
            _ => None,
        })
        .collect();
    // 40 words at 120 a minute is 20 s; 7 more words, 3.5 s; the end after 2 more words.
    assert_eq!(marks, ["0:00", "0:20", "0:24", "0:25 end (limit 2:00)"]);
    let summary = build(&store, &req, today()).unwrap().summary;
    assert_eq!(summary.file_name, "Adoption our statement USA.docx");
    // A review without statements has nothing to export.
    let (bare, bare_review) = sample_store();
    let message = refused(
        build(
            &bare,
            &request(bare_review, Template::Statement, ExportFormat::Pdf),
            today(),
        ),
        ErrorKind::InvalidInput,
    );
    assert!(message.contains("no statements"), "{message}");
}

#[test]
fn the_calendar_overview_lists_the_review_dates_and_deadlines() {
    let (store, review, _) = prepared();
    let doc = document(
        &store,
        &request(review, Template::Calendar, ExportFormat::Pdf),
    );
    assert_eq!(headings(&doc), ["Coming up", "Past"]);
    let rows: Vec<Vec<String>> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table { rows, .. } => Some(rows.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    let adoption = rows
        .iter()
        .find(|r| r[0] == "17 March 2021")
        .expect("the adoption on 17 March 2021");
    assert_eq!(adoption[2], "Confirmed");
}

/// The style and text of each `w:p` of a DOCX's document.xml (read plainly: Docket's own
/// DOCX writes no nested paragraphs).
fn docx_paragraphs(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let unescape = |t: &str| {
        t.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    };
    let mut out = Vec::new();
    for chunk in xml.split("</w:p>") {
        let Some(start) = chunk.rfind("<w:p>").or_else(|| chunk.rfind("<w:p ")) else {
            continue;
        };
        let p = &chunk[start..];
        let style = p
            .split("<w:pStyle w:val=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("")
            .to_owned();
        let mut text = String::new();
        for part in p.split("<w:t").skip(1) {
            if let Some((_, rest)) = part.split_once('>') {
                if let Some((t, _)) = rest.split_once("</w:t>") {
                    text.push_str(&unescape(t));
                }
            }
        }
        out.push((style, text));
    }
    out
}

/// The raw XML of a DOCX's page headers.
fn docx_headers(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| n.starts_with("word/header"))
        .collect();
    let mut xml = String::new();
    for name in names {
        zip.by_name(&name)
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
    }
    xml
}

/// An HTML page's text: tags become spaces, entities are decoded.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn words_of(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_template_in_every_format_holds_every_paragraph_number_and_heading() {
    let (mut store, review, statement) = prepared();
    store.set_organization_name("Rights Watchers").unwrap();
    let dir = tempfile::tempdir().unwrap();
    for template in Template::ALL.iter().copied() {
        for format in ExportFormat::ALL.iter().copied() {
            let mut req = request(review, template, format);
            match template {
                Template::State => req.state = Some("Mexico".into()),
                Template::Statement => req.statement_id = Some(statement),
                Template::Matrix => req.query = "torture".into(),
                _ => {}
            }
            let what = format!("{template} as {format}");
            let built = build(&store, &req, today()).unwrap();
            let mut steps = Vec::new();
            let rendered = export::render(&store, &req, today(), &mut |p| steps.push(p.step))
                .unwrap_or_else(|e| panic!("{what}: {e}"));
            assert!(!steps.is_empty(), "{what}: progress is reported");
            let path = dir.path().join(&rendered.summary.file_name);
            write::write_atomic(&path, &rendered.bytes).unwrap();
            assert_eq!(std::fs::read(&path).unwrap(), rendered.bytes);

            match built.content {
                Content::Document(doc) => {
                    let numbers = paragraphs(&doc);
                    let heads = headings(&doc);
                    assert!(
                        !numbers.is_empty()
                            || template == Template::Calendar
                            || template == Template::Matrix
                            || template == Template::Statement,
                        "{what}: no recommendation"
                    );
                    let text = match format {
                        ExportFormat::Docx => {
                            let paras = docx_paragraphs(&rendered.bytes);
                            for h in &heads {
                                assert!(
                                    paras.iter().any(|(style, t)| style.starts_with("Heading")
                                        && words_of(t) == words_of(h)),
                                    "{what}: heading {h:?} with a Heading style"
                                );
                            }
                            let mut text = paras
                                .iter()
                                .map(|(_, t)| t.as_str())
                                .collect::<Vec<_>>()
                                .join("\n");
                            text.push_str(&docx_headers(&rendered.bytes));
                            text
                        }
                        ExportFormat::Pdf => {
                            pdf_extract::extract_text_from_mem(&rendered.bytes).unwrap()
                        }
                        ExportFormat::Html => {
                            html_text(&String::from_utf8(rendered.bytes.clone()).unwrap())
                        }
                        _ => String::from_utf8(rendered.bytes.clone()).unwrap(),
                    };
                    let flat = words_of(&text);
                    for number in &numbers {
                        assert!(flat.contains(number.as_str()), "{what}: paragraph {number}");
                    }
                    for h in &heads {
                        assert!(flat.contains(&words_of(h)), "{what}: heading {h:?}");
                    }
                    if format != ExportFormat::Md {
                        assert!(flat.contains("Rights Watchers"), "{what}: the organization");
                    }
                    if template == Template::Matrix {
                        for p in ["26.", "Our assessment"] {
                            assert!(flat.contains(p), "{what}: {p}");
                        }
                    }
                }
                Content::Sheet(sheet) => {
                    let rows = match format {
                        ExportFormat::Csv => {
                            assert!(rendered.bytes.starts_with(b"\xEF\xBB\xBF"), "{what}: BOM");
                            csv::Reader::from_reader(&rendered.bytes[3..])
                                .records()
                                .count()
                        }
                        _ => {
                            let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(
                                std::io::Cursor::new(rendered.bytes.clone()),
                            )
                            .unwrap();
                            let name = book.sheet_names()[0].clone();
                            book.worksheet_range(&name).unwrap().rows().count() - 1
                        }
                    };
                    assert_eq!(rows, sheet.rows.len(), "{what}: every row written");
                    assert!(!sheet.rows.is_empty(), "{what}: rows");
                }
            }
        }
    }
    // Nothing but the files themselves was left in the folder.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".part")), "{names:?}");
}
