//! The Markdown and HTML renderers on hand-built documents: every block type, Markdown and HTML
//! specials in people's text, Arabic, and a logo.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use docket_core::export::logo::read_logo;
use docket_core::export::model::{Block, Column, Document, Organization, Span};
use docket_core::export::{html, markdown};

use common::{rec_block as rec, PNG_1X1};

const ARABIC: &str = "نوصي بتعزيز حماية المدافعين عن حقوق الإنسان.";
const LITERAL: &str = "*not bold* <b>";

/// A document with every block type, specials everywhere, and the logo.
fn document() -> Document {
    Document {
        title: "Thematic briefing: Women & girls <draft>".into(),
        subtitle: "Working Group session 36, reviewed 9 November 2020".into(),
        organization: Organization {
            name: "Droits \"Égaux\" d'abord".into(),
            logo: Some(read_logo(PNG_1X1.to_vec()).unwrap()),
        },
        date: NaiveDate::from_ymd_opt(2021, 3, 17).unwrap(),
        large_type: false,
        blocks: vec![
            Block::Heading {
                level: 1,
                text: "Women's rights".into(),
            },
            Block::Paragraph {
                spans: vec![
                    Span::plain("Our ask: "),
                    Span::bold("adopt the law"),
                    Span::plain(" and "),
                    Span::italic("report back"),
                    Span::plain(". Note: "),
                    Span::plain(LITERAL),
                ],
            },
            Block::Heading {
                level: 2,
                text: "Violence # against women".into(),
            },
            rec(
                "26.1",
                "Ratify the Convention on the Elimination of All Forms of Discrimination against \
                 Women (CEDAW) [Art. 2]",
                "Mexico; Chile",
                &[
                    ("Position", "Supported"),
                    ("Our ask", "Pass a law by 2025 | with a budget_line"),
                ],
            ),
            rec("26.2", "# Ensure equal pay", "France", &[]),
            Block::Heading {
                level: 3,
                text: "Follow-up".into(),
            },
            Block::List {
                numbered: true,
                items: vec![
                    vec![Span::plain("Meet the mission")],
                    vec![Span::bold("Send"), Span::plain(" the briefing")],
                ],
            },
            Block::List {
                numbered: false,
                items: vec![
                    vec![Span::plain("- a dash at the start")],
                    vec![Span::plain("1. a number at the start")],
                ],
            },
            Block::Table {
                columns: vec![
                    Column {
                        header: "Position".into(),
                        width: 40,
                    },
                    Column {
                        header: "Recommendations".into(),
                        width: 60,
                    },
                ],
                rows: vec![
                    vec!["Supported".into(), "12".into()],
                    vec!["Noted | partly".into(), "3\nof which 1 new".into()],
                    vec!["Pending".into()],
                ],
            },
            Block::PageBreak,
            Block::Heading {
                level: 1,
                text: "Statement".into(),
            },
            Block::TimeMark { at: "0:30".into() },
            Block::Paragraph {
                spans: vec![Span::plain(ARABIC)],
            },
            rec("26.10", "Protect journalists", "", &[("Priority", "High")]),
        ],
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let values: Vec<u32> = text
        .bytes()
        .filter(|&b| b != b'=')
        .map(|b| {
            ALPHABET
                .iter()
                .position(|&a| a == b)
                .expect("base64 character") as u32
        })
        .collect();
    let mut out = Vec::new();
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | (v << (18 - 6 * i)));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    out
}

/// The positions of `needles` in `haystack`, each found after the previous one.
fn in_order(haystack: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        let at = haystack[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} after byte {from} in:\n{haystack}"));
        from += at + needle.len();
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown

#[test]
fn markdown_has_the_title_header_and_headings_in_order() {
    let md = markdown::render(&document());
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(
        lines[0], "# Thematic briefing: Women & girls \\<draft\\>",
        "{md}"
    );
    assert_eq!(
        lines[2],
        "*Working Group session 36, reviewed 9 November 2020*"
    );
    assert_eq!(lines[4], "Droits \"Égaux\" d'abord · 17 March 2021");
    in_order(
        &md,
        &[
            "\n## Women's rights\n",
            "\n### Violence \\# against women\n",
            "\n#### Follow-up\n",
            "\n## Statement\n",
        ],
    );
    assert_eq!(
        lines.iter().filter(|l| l.starts_with('#')).count(),
        5,
        "the title and four headings, no other line starts a heading: {md}"
    );
    assert!(!md.contains("data:"), "no logo in Markdown");
    assert!(
        md.ends_with("\n- **Priority:** High\n"),
        "one line break at the end: {md:?}"
    );
}

#[test]
fn markdown_recommendations_keep_their_numbers_states_and_details() {
    let md = markdown::render(&document());
    in_order(
        &md,
        &[
            "\n**26.1** Ratify the Convention on the Elimination of All Forms of Discrimination \
             against Women (CEDAW) \\[Art. 2\\]\n\nRecommended by: Mexico; Chile\n\n\
             - **Position:** Supported\n- **Our ask:** Pass a law by 2025 | with a budget\\_line\n",
            "\n**26.2** \\# Ensure equal pay\n",
            "\n**26.10** Protect journalists\n\n- **Priority:** High\n",
        ],
    );
    assert_eq!(
        md.matches("Recommended by:").count(),
        2,
        "26.10 has no recommending State, so no line: {md}"
    );
}

#[test]
fn markdown_paragraphs_keep_emphasis_and_show_specials_as_written() {
    let md = markdown::render(&document());
    assert!(
        md.contains(
            "\nOur ask: **adopt the law** and *report back*. Note: \\*not bold\\* \\<b\\>\n"
        ),
        "{md}"
    );
    assert!(!md.contains("<b>"), "no raw HTML from people's text: {md}");
    assert!(md.contains(&format!("\n{ARABIC}\n")), "{md}");
}

#[test]
fn markdown_lists_tables_time_marks_and_page_breaks() {
    let md = markdown::render(&document());
    assert!(
        md.contains("\n1. Meet the mission\n2. **Send** the briefing\n"),
        "{md}"
    );
    assert!(
        md.contains("\n- \\- a dash at the start\n- 1\\. a number at the start\n"),
        "line starts inside items are escaped: {md}"
    );
    assert!(
        md.contains(
            "\n| Position | Recommendations |\n| --- | --- |\n| Supported | 12 |\n\
             | Noted \\| partly | 3<br>of which 1 new |\n| Pending |  |\n"
        ),
        "{md}"
    );
    let table: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(table.len(), 5, "header, rule and three rows");
    for row in &table {
        let cells = row.replace("\\|", "").matches('|').count() - 1;
        assert_eq!(cells, 2, "two cells in {row:?}");
    }
    in_order(&md, &["\n\n---\n\n## Statement", "\n\n**[0:30]**\n\n"]);
}

#[test]
fn markdown_escapes_structure_in_every_place_people_write() {
    let doc = Document {
        title: "Plan # 2".into(),
        subtitle: String::new(),
        organization: Organization::default(),
        date: NaiveDate::from_ymd_opt(2020, 11, 9).unwrap(),
        large_type: true,
        blocks: vec![
            Block::Paragraph {
                spans: vec![Span::plain(
                    "1. not a list\n- not a bullet\n> not a quote\n=== not a heading\n    not code",
                )],
            },
            Block::Paragraph {
                spans: vec![Span::plain("`code` [link](x) ~~gone~~ \\ &amp; _x_")],
            },
            Block::Paragraph {
                spans: vec![Span::bold("Pause.\n\nNext part")],
            },
        ],
    };
    let md = markdown::render(&doc);
    assert!(
        md.starts_with("# Plan \\# 2\n\n9 November 2020\n\n"),
        "{md}"
    );
    assert!(
        md.contains(
            "1\\. not a list\\\n\\- not a bullet\\\n\\> not a quote\\\n\\=== not a heading\\\n\
             not code\n"
        ),
        "each line kept with a hard break, none starting a block: {md}"
    );
    assert!(
        md.contains("\\`code\\` \\[link\\](x) \\~\\~gone\\~\\~ \\\\ \\&amp; \\_x\\_"),
        "{md}"
    );
    assert!(
        md.contains("\n**Pause.**\n\n**Next part**\n"),
        "an empty line starts a new paragraph, each keeping its bold: {md}"
    );
}

// ---------------------------------------------------------------------------------------------
// HTML

#[test]
fn html_is_one_self_contained_page() {
    let page = html::render(&document());
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{page}"
    );
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(page.contains("<style>") && page.contains("@page"));
    assert!(page.trim_end().ends_with("</html>"));
    let lower = page.to_lowercase();
    for external in ["http", "<script", "<link", "url(", "@import", "href="] {
        assert!(!lower.contains(external), "{external:?} in the page");
    }
    let sources: Vec<&str> = page.split("src=\"").skip(1).collect();
    assert_eq!(sources.len(), 1, "only the logo has a source");
    assert!(sources[0].starts_with("data:image/png;base64,"));
    assert!(lower.contains("font-family: \"noto sans\", \"noto naskh arabic\", sans-serif"));
}

#[test]
fn html_logo_is_a_data_uri_of_the_file() {
    let page = html::render(&document());
    let start = page.find("data:image/png;base64,").unwrap() + "data:image/png;base64,".len();
    let end = start + page[start..].find('"').unwrap();
    assert_eq!(base64_decode(&page[start..end]), PNG_1X1);

    let mut without = document();
    without.organization.logo = None;
    let page = html::render(&without);
    assert!(!page.contains("<img"), "no image without a logo");
    assert!(!page.contains("src="));
}

#[test]
fn html_header_title_and_headings() {
    let page = html::render(&document());
    in_order(
        &page,
        &[
            "<title>Thematic briefing: Women &amp; girls &lt;draft&gt;</title>",
            "<header",
            "<img class=\"logo\"",
            "alt=\"Logo of Droits &quot;Égaux&quot; d&#39;abord\"",
            ">Droits &quot;Égaux&quot; d&#39;abord</span>",
            ">17 March 2021</time>",
            "</header>",
            "<h1 dir=\"auto\">Thematic briefing: Women &amp; girls &lt;draft&gt;</h1>",
            "<p class=\"subtitle\" dir=\"auto\">Working Group session 36, reviewed 9 November \
             2020</p>",
            "<h2 dir=\"auto\">Women&#39;s rights</h2>",
            "<h3 dir=\"auto\">Violence # against women</h3>",
            "<h4 dir=\"auto\">Follow-up</h4>",
            "<h2 dir=\"auto\">Statement</h2>",
        ],
    );
    assert_eq!(page.matches("<h1").count(), 1);
    assert_eq!(page.matches("<h2").count(), 2);
}

#[test]
fn html_recommendations_are_sections_with_their_numbers_in_order() {
    let page = html::render(&document());
    assert_eq!(page.matches("<section class=\"rec\">").count(), 3);
    let numbers: Vec<&str> = page
        .split("<span class=\"paragraph\">")
        .skip(1)
        .map(|s| &s[..s.find("</span>").unwrap()])
        .collect();
    assert_eq!(numbers, ["26.1", "26.2", "26.10"]);
    in_order(
        &page,
        &[
            "<span class=\"paragraph\">26.1</span> Ratify the Convention",
            "(CEDAW) [Art. 2]</p>",
            "Recommended by: Mexico; Chile</p>",
            "<dt dir=\"auto\">Position</dt><dd dir=\"auto\">Supported</dd>",
            "<dt dir=\"auto\">Our ask</dt><dd dir=\"auto\">Pass a law by 2025 | with a \
             budget_line</dd>",
            "</section>",
            "<span class=\"paragraph\">26.2</span> # Ensure equal pay</p>",
        ],
    );
}

#[test]
fn html_escapes_peoples_text_and_keeps_emphasis() {
    let page = html::render(&document());
    assert!(
        page.contains(
            "Our ask: <strong>adopt the law</strong> and <em>report back</em>. Note: *not bold* \
             &lt;b&gt;</p>"
        ),
        "{page}"
    );
    assert!(!page.contains("<b>"), "people's text never becomes markup");
    assert!(!page.contains("<draft>"));
}

#[test]
fn html_lists_tables_time_marks_and_page_breaks() {
    let page = html::render(&document());
    in_order(
        &page,
        &[
            "<ol>",
            "<li dir=\"auto\">Meet the mission</li>",
            "<li dir=\"auto\"><strong>Send</strong> the briefing</li>",
            "</ol>",
            "<ul>",
            "<li dir=\"auto\">- a dash at the start</li>",
            "</ul>",
            "<table>",
            "<colgroup><col style=\"width:40%\"><col style=\"width:60%\"></colgroup>",
            "<th scope=\"col\" dir=\"auto\">Position</th><th scope=\"col\" \
             dir=\"auto\">Recommendations</th>",
            "</table>",
            "<div class=\"page-break\"></div>",
            "<p class=\"time-mark\"><span>0:30</span></p>",
        ],
    );
    let body = &page[page.find("<tbody>").unwrap()..page.find("</tbody>").unwrap()];
    let rows: Vec<&str> = body.split("<tr>").skip(1).collect();
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_eq!(row.matches("<td").count(), 2, "two cells in {row}");
    }
    assert!(
        rows[1].contains(">3<br>\nof which 1 new</td>"),
        "{}",
        rows[1]
    );
    assert!(page.contains("page-break-before: always"));
}

#[test]
fn html_sets_arabic_paragraphs_right_to_left() {
    let page = html::render(&document());
    assert!(
        page.contains(&format!("<p dir=\"rtl\">{ARABIC}</p>")),
        "{page}"
    );
    assert_eq!(
        page.matches("<p dir=\"rtl\">").count(),
        1,
        "only the Arabic paragraph"
    );
    assert!(page.contains("<p dir=\"auto\">Our ask:"));
}

#[test]
fn html_large_type_for_statement_scripts() {
    let mut doc = document();
    assert!(page_body_tag(&html::render(&doc)) == "<body>");
    doc.large_type = true;
    let page = html::render(&doc);
    assert_eq!(page_body_tag(&page), "<body class=\"large-type\">");
    let rule = &page[page.find("body.large-type {").unwrap()..];
    let rule = &rule[..rule.find('}').unwrap()];
    let size: f32 = rule
        .split("font-size:")
        .nth(1)
        .and_then(|s| s.trim().split("pt").next())
        .and_then(|s| s.parse().ok())
        .expect("a font size in points");
    assert!(size >= 16.0, "{rule}");
    assert!(rule.contains("line-height: 1.5"), "{rule}");
}

fn page_body_tag(page: &str) -> &str {
    let start = page.find("<body").unwrap();
    &page[start..start + page[start..].find('>').unwrap() + 1]
}

#[test]
fn markdown_keeps_two_lists_of_the_same_kind_apart() {
    let item = |t: &str| vec![Span::plain(t)];
    let doc = Document {
        title: "Lists".into(),
        subtitle: String::new(),
        organization: Organization::default(),
        date: NaiveDate::from_ymd_opt(2020, 11, 9).unwrap(),
        large_type: false,
        blocks: vec![
            Block::List {
                numbered: false,
                items: vec![item("first list")],
            },
            Block::List {
                numbered: false,
                items: vec![item("second list")],
            },
            Block::List {
                numbered: true,
                items: vec![item("numbered")],
            },
        ],
    };
    let md = markdown::render(&doc);
    assert!(
        md.contains("\n- first list\n\n<!-- -->\n\n- second list\n\n1. numbered\n"),
        "{md}"
    );
}
