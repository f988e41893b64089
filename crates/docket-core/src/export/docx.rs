//! Word documents (DOCX) from a [`Document`].
//!
//! The document is built with `docx-rs` and uses real Word styles, so that people can restyle a
//! briefing in Word and see its outline in the navigation pane: `Title`, `Subtitle`, `Heading1`
//! to `Heading3` (with outline levels), and Docket's own styles for recommendations, their
//! detail lines, time marks and table headers. Lists are real Word lists (numbering.xml), each
//! numbered list restarting at 1. Tables have a fixed layout with their column widths written
//! both in the grid and on every cell, and a header row repeated on each page. Every page has a
//! header with the organization (name and logo) and a footer with "Page N of M" and the date.
//!
//! Two things `docx-rs` cannot write are added to its XML before packing: the table header
//! row's `w:tblHeader` and the right-to-left run mark `w:rtl`. The package is then zipped here
//! (compressed) so that a JPEG logo keeps its own file type.

use std::io::{Cursor, Write};

use docx_rs::{
    AbstractNumbering, BorderType, BreakType, Docx, Footer, Header, IndentLevel, Level, LevelJc,
    LevelOverride, LevelText, LineSpacing, LineSpacingType, NumPages, NumberFormat, Numbering,
    NumberingId, PageMargin, PageNum, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Pic, Run, RunFonts, Shading, ShdType, SpecialIndentType, Start, Style,
    StyleType, Tab, TabValueType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableLayoutType, TableRow, WidthType, XMLDocx,
};

use super::model::{self, Block, Column, Document, ImageFormat, Logo, Span};
use crate::{Error, Result};

/// The width of the text on the page, in twentieths of a point (twips): an A4 page (21 cm) less
/// two 2 cm margins, 17 cm. Table column percentages are shares of this width.
pub const TEXT_WIDTH: usize = 9_638;

/// A4 in twips.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
/// 2 cm in twips.
const MARGIN: i32 = 1_134;
/// From the page's edge to the header and footer: 1 cm.
const HEADER_DISTANCE: i32 = 567;

/// The logo's height in the header: 1.2 cm in EMU (360,000 per cm).
const LOGO_HEIGHT_EMU: u64 = 432_000;
/// The widest a logo may be: the text width (17 cm) in EMU.
const LOGO_MAX_WIDTH_EMU: u64 = 6_120_000;

const BODY_FONT: &str = "Noto Sans";
const ARABIC_FONT: &str = "Noto Naskh Arabic";

/// Docket's style ids (Word's own ids for the built-in ones).
const TITLE: &str = "Title";
const SUBTITLE: &str = "Subtitle";
const DATE_LINE: &str = "DocumentDate";
const HEADINGS: [&str; 3] = ["Heading1", "Heading2", "Heading3"];
const RECOMMENDATION: &str = "Recommendation";
const DETAIL: &str = "RecommendationDetail";
const TIME_MARK: &str = "TimeMark";
const LIST_PARAGRAPH: &str = "ListParagraph";
const TABLE_TEXT: &str = "TableText";
const TABLE_HEADER: &str = "TableHeader";
const PAGE_HEADER: &str = "Header";
const PAGE_FOOTER: &str = "Footer";

/// Numbering ids: `docx-rs` always writes abstract numbering 1 and numbering 1 of its own.
const DECIMAL_ABSTRACT: usize = 2;
const BULLET_ABSTRACT: usize = 3;
const FIRST_NUM_ID: usize = 2;

/// A run style id that never reaches the file: it marks right-to-left runs and is replaced by
/// `<w:rtl />` once `docx-rs` has written the XML.
const RTL_MARKER: &str = "DocketRightToLeftRun";
const RTL_MARKER_XML: &str = "<w:rStyle w:val=\"DocketRightToLeftRun\" />";
const RTL_XML: &str = "<w:rtl />";
/// Only table header rows are written with "can't split": the mark becomes `w:tblHeader` too.
const HEADER_ROW_MARKER_XML: &str = "<w:cantSplit />";
const HEADER_ROW_XML: &str = "<w:cantSplit /><w:tblHeader />";

/// Writes `doc` as a Word document.
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let logo = usable_logo(doc.organization.logo.as_ref());
    let mut writer = Writer::new(doc);
    writer.title();
    for block in &doc.blocks {
        writer.block(block);
    }
    writer.finish();
    let docx = writer.docx;
    let xml = docx.build();
    let media_ext = match logo.map(|l| l.format) {
        Some(ImageFormat::Jpeg) => "jpeg",
        _ => "png",
    };
    pack(xml, media_ext).map_err(|detail| {
        Error::CannotWrite(format!(
            "Docket could not put the Word document together ({detail}). This is a fault in \
             Docket, not in your data: try exporting as PDF instead, and please report it."
        ))
    })
}

/// The logo if it can be placed: a logo without a size (never read by `read_logo`) or without
/// bytes is left out rather than failing the export.
fn usable_logo(logo: Option<&Logo>) -> Option<&Logo> {
    logo.filter(|l| l.width > 0 && l.height > 0 && !l.bytes.is_empty())
}

/// Builds the document paragraph by paragraph.
struct Writer<'a> {
    doc: &'a Document,
    docx: Docx,
    next_num_id: usize,
    bullet_num_id: Option<usize>,
    /// A page break asked for and not yet placed: the next paragraph starts a page.
    break_pending: bool,
}

impl<'a> Writer<'a> {
    fn new(doc: &'a Document) -> Self {
        let large = doc.large_type;
        let mut docx = Docx::new()
            .page_size(PAGE_WIDTH, PAGE_HEIGHT)
            .page_margin(
                PageMargin::new()
                    .top(MARGIN)
                    .bottom(MARGIN)
                    .left(MARGIN)
                    .right(MARGIN)
                    .header(HEADER_DISTANCE)
                    .footer(HEADER_DISTANCE)
                    .gutter(0),
            )
            .default_fonts(
                RunFonts::new()
                    .ascii(BODY_FONT)
                    .hi_ansi(BODY_FONT)
                    .east_asia(BODY_FONT)
                    .cs(ARABIC_FONT),
            )
            .default_size(if large { 32 } else { 21 })
            .default_line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Auto)
                    .line(if large { 360 } else { 240 })
                    .after(if large { 240 } else { 120 }),
            )
            .created_at(&iso_date(doc.date))
            .updated_at(&iso_date(doc.date))
            .add_abstract_numbering(list_numbering(DECIMAL_ABSTRACT, true))
            .add_abstract_numbering(list_numbering(BULLET_ABSTRACT, false));
        for style in styles(large) {
            docx = docx.add_style(style);
        }
        if let Some(header) = page_header(doc) {
            docx = docx.header(header);
        }
        docx = docx.footer(page_footer(doc));
        Writer {
            doc,
            docx,
            next_num_id: FIRST_NUM_ID,
            bullet_num_id: None,
            break_pending: false,
        }
    }

    fn push(&mut self, mut p: Paragraph) {
        if std::mem::take(&mut self.break_pending) {
            p = p.page_break_before(true);
        }
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    fn push_table(&mut self, t: Table) {
        if std::mem::take(&mut self.break_pending) {
            // A table cannot start a page by itself: an empty paragraph carries the break.
            self.docx = std::mem::take(&mut self.docx)
                .add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
        }
        self.docx = std::mem::take(&mut self.docx).add_table(t);
        // Word joins tables that touch into one: a paragraph keeps them apart.
        self.docx = std::mem::take(&mut self.docx).add_paragraph(Paragraph::new());
    }

    fn title(&mut self) {
        let doc = self.doc;
        self.push(text_paragraph(TITLE, &[Span::plain(doc.title.as_str())]));
        if !doc.subtitle.trim().is_empty() {
            self.push(text_paragraph(
                SUBTITLE,
                &[Span::plain(doc.subtitle.as_str())],
            ));
        }
        self.push(text_paragraph(
            DATE_LINE,
            &[Span::plain(model::long_date(doc.date))],
        ));
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, text } => {
                let style = HEADINGS[usize::from((*level).clamp(1, 3)) - 1];
                self.push(text_paragraph(style, &[Span::plain(text.as_str())]));
            }
            Block::Paragraph { spans } => self.push(text_paragraph("Normal", spans)),
            Block::Recommendation {
                paragraph,
                text,
                states,
                details,
            } => self.recommendation(paragraph, text, states, details),
            Block::List { numbered, items } => self.list(*numbered, items),
            Block::Table { columns, rows } => {
                if let Some(table) = table(columns, rows) {
                    self.push_table(table);
                }
            }
            Block::TimeMark { at } => {
                self.push(
                    text_paragraph(TIME_MARK, &[Span::plain(format!("[{}]", at.trim()))])
                        .keep_next(true),
                );
            }
            Block::PageBreak => self.break_pending = true,
        }
    }

    fn recommendation(
        &mut self,
        paragraph: &str,
        text: &str,
        states: &str,
        details: &[(String, String)],
    ) {
        let mut spans = Vec::with_capacity(2);
        let number = paragraph.trim();
        if !number.is_empty() {
            spans.push(Span::bold(format!("{number}  ")));
        }
        spans.push(Span::plain(text));
        let mut lines: Vec<(&str, &str)> = Vec::with_capacity(details.len() + 1);
        if !states.trim().is_empty() {
            lines.push(("Recommended by", states));
        }
        lines.extend(details.iter().map(|(l, v)| (l.as_str(), v.as_str())));

        // The recommendation and its lines stay on one page: each keeps with the next, but the
        // last one does not, or the whole briefing would be chained together.
        self.push(text_paragraph(RECOMMENDATION, &spans).keep_next(!lines.is_empty()));
        let last = lines.len().saturating_sub(1);
        for (i, (label, value)) in lines.into_iter().enumerate() {
            let spans = [Span::bold(format!("{label}: ")), Span::plain(value)];
            self.push(text_paragraph(DETAIL, &spans).keep_next(i < last));
        }
    }

    fn list(&mut self, numbered: bool, items: &[Vec<Span>]) {
        if items.is_empty() {
            return;
        }
        let num_id = if numbered {
            // A numbering of its own that starts again at 1: numberings sharing an abstract
            // numbering would otherwise carry on counting from the previous list.
            let id = self.new_num_id();
            self.docx = std::mem::take(&mut self.docx).add_numbering(
                Numbering::new(id, DECIMAL_ABSTRACT).add_override(LevelOverride::new(0).start(1)),
            );
            id
        } else if let Some(id) = self.bullet_num_id {
            id
        } else {
            let id = self.new_num_id();
            self.docx =
                std::mem::take(&mut self.docx).add_numbering(Numbering::new(id, BULLET_ABSTRACT));
            self.bullet_num_id = Some(id);
            id
        };
        for item in items {
            self.push(
                text_paragraph(LIST_PARAGRAPH, item)
                    .numbering(NumberingId::new(num_id), IndentLevel::new(0)),
            );
        }
    }

    fn new_num_id(&mut self) -> usize {
        let id = self.next_num_id;
        self.next_num_id += 1;
        id
    }

    fn finish(&mut self) {
        if self.break_pending {
            // A break at the very end: an empty last page, as asked.
            self.break_pending = false;
            self.docx = std::mem::take(&mut self.docx)
                .add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
        }
    }
}

/// `2020-11-09T00:00:00Z`, for the document's properties.
fn iso_date(date: chrono::NaiveDate) -> String {
    format!("{}T00:00:00Z", date.format("%Y-%m-%d"))
}

/// A paragraph of `spans` in `style`, set right to left when its text is mostly Arabic.
fn text_paragraph(style: &str, spans: &[Span]) -> Paragraph {
    let rtl = match spans {
        [one] => model::is_rtl(&one.text),
        _ => model::is_rtl(&spans.iter().map(|s| s.text.as_str()).collect::<String>()),
    };
    let mut p = Paragraph::new().style(style);
    if rtl {
        p.property = p.property.bidi(true);
    }
    for span in spans {
        if let Some(run) = run(&span.text, span.bold, span.italic, rtl) {
            p = p.add_run(run);
        }
    }
    p
}

/// A run of `text`: line breaks become Word line breaks, tabs Word tabs, and characters XML
/// cannot hold (control characters) are left out. `None` for an empty text.
fn run(text: &str, bold: bool, italic: bool, rtl_paragraph: bool) -> Option<Run> {
    if text.is_empty() {
        return None;
    }
    let mut run = Run::new();
    if bold {
        run = run.bold();
    }
    if italic {
        run = run.italic();
    }
    if rtl_paragraph && run_is_rtl(text) {
        run = run.style(RTL_MARKER);
    }
    let mut piece = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => {
                if !piece.is_empty() {
                    run = run.add_text(std::mem::take(&mut piece));
                }
                run = if c == '\n' {
                    run.add_break(BreakType::TextWrapping)
                } else {
                    run.add_tab()
                };
            }
            c if is_xml_char(c) => piece.push(c),
            _ => {}
        }
    }
    if !piece.is_empty() {
        run = run.add_text(piece);
    }
    Some(run)
}

/// In a right-to-left paragraph, the runs of right-to-left text are marked right to left (so
/// Word shapes them with the complex-script font and sizes). Runs without Arabic letters, such
/// as a paragraph number "26.3", are not: marked, they would take the Arabic font and locale
/// and could show "26٫3"; unmarked, the paragraph's direction still places them first (right).
fn run_is_rtl(text: &str) -> bool {
    model::is_rtl(text)
}

/// Whether XML 1.0 can hold `c` (`\r` is left out too: Word breaks lines on `\n`).
fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{d}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// The column widths in twips: each column's share of the text width, adding up to exactly the
/// text width (percentages that do not add up to 100 are taken as shares of their sum).
fn column_widths(columns: &[Column]) -> Vec<usize> {
    let shares: Vec<usize> = columns
        .iter()
        .map(|c| usize::from(c.width.max(1)))
        .collect();
    let total: usize = shares.iter().sum::<usize>().max(1);
    let mut widths = Vec::with_capacity(shares.len());
    let (mut acc, mut edge) = (0usize, 0usize);
    for share in shares {
        acc += share;
        // Rounded edges, so that rounding never adds up across columns.
        let next = (TEXT_WIDTH * acc + total / 2) / total;
        widths.push(next - edge);
        edge = next;
    }
    widths
}

/// A table with its header row; `None` for a table without columns.
fn table(columns: &[Column], rows: &[Vec<String>]) -> Option<Table> {
    if columns.is_empty() {
        return None;
    }
    let widths = column_widths(columns);
    let header_cells = columns
        .iter()
        .zip(&widths)
        .map(|(column, width)| {
            TableCell::new()
                .width(*width, WidthType::Dxa)
                .shading(
                    Shading::new()
                        .shd_type(ShdType::Clear)
                        .color("auto")
                        .fill("E4EAF2"),
                )
                .add_paragraph(text_paragraph(
                    TABLE_HEADER,
                    &[Span::bold(column.header.as_str())],
                ))
        })
        .collect();
    // "Can't split" marks the header row; it becomes `w:tblHeader` (repeated on every page).
    let mut table_rows = Vec::with_capacity(rows.len() + 1);
    table_rows.push(TableRow::new(header_cells).cant_split());
    for row in rows {
        let cells = widths
            .iter()
            .enumerate()
            .map(|(i, width)| {
                let text = row.get(i).map(String::as_str).unwrap_or("");
                TableCell::new()
                    .width(*width, WidthType::Dxa)
                    .add_paragraph(text_paragraph(TABLE_TEXT, &[Span::plain(text)]))
            })
            .collect();
        table_rows.push(TableRow::new(cells));
    }
    let border = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color("8C96A3")
    };
    let borders = TableBorders::new()
        .set(border(TableBorderPosition::Top))
        .set(border(TableBorderPosition::Left))
        .set(border(TableBorderPosition::Bottom))
        .set(border(TableBorderPosition::Right))
        .set(border(TableBorderPosition::InsideH))
        .set(border(TableBorderPosition::InsideV));
    Some(
        Table::new(table_rows)
            .set_grid(widths)
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .set_borders(borders),
    )
}

/// Abstract numbering `id`: decimal "1." or bullets, one level.
fn list_numbering(id: usize, numbered: bool) -> AbstractNumbering {
    let (format, text) = if numbered {
        ("decimal", "%1.")
    } else {
        ("bullet", "\u{2022}")
    };
    AbstractNumbering::new(id).add_level(
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(Some(567), Some(SpecialIndentType::Hanging(340)), None, None),
    )
}

/// The header of every page: the logo, then the organization's name. `None` when there is
/// neither.
fn page_header(doc: &Document) -> Option<Header> {
    let name = doc.organization.name.trim();
    let logo = usable_logo(doc.organization.logo.as_ref());
    if name.is_empty() && logo.is_none() {
        return None;
    }
    let rtl = model::is_rtl(name);
    let mut p = Paragraph::new().style(PAGE_HEADER);
    if rtl {
        p.property = p.property.bidi(true);
    }
    if let Some(logo) = logo {
        let (w, h) = logo_size(logo);
        let pic = Pic::new_with_dimensions(logo.bytes.clone(), logo.width, logo.height).size(w, h);
        p = p.add_run(Run::new().add_image(pic));
        if !name.is_empty() {
            p = p.add_run(Run::new().add_tab());
        }
    }
    if let Some(run) = run(name, true, false, rtl) {
        p = p.add_run(run);
    }
    Some(Header::new().add_paragraph(p))
}

/// The logo's size in EMU: 1.2 cm high, as wide as its proportions make it, and never wider
/// than the text (a very wide logo is made lower instead).
fn logo_size(logo: &Logo) -> (u32, u32) {
    let (pw, ph) = (u64::from(logo.width.max(1)), u64::from(logo.height.max(1)));
    let mut h = LOGO_HEIGHT_EMU;
    let mut w = h * pw / ph;
    if w > LOGO_MAX_WIDTH_EMU {
        w = LOGO_MAX_WIDTH_EMU;
        h = (w * ph / pw).max(1);
    }
    // Both are at most 6,120,000 here.
    (
        u32::try_from(w.max(1)).unwrap_or(u32::MAX),
        u32::try_from(h).unwrap_or(u32::MAX),
    )
}

/// The footer of every page: "Page N of M" with Word's page fields, and the date on the right.
fn page_footer(doc: &Document) -> Footer {
    let p = Paragraph::new()
        .style(PAGE_FOOTER)
        .add_run(Run::new().add_text("Page "))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(" of "))
        .add_num_pages(NumPages::new())
        .add_run(Run::new().add_tab().add_text(model::long_date(doc.date)));
    Footer::new().add_paragraph(p)
}

/// Sizes in half-points, for ordinary documents and large-type scripts.
fn half_points(large: bool, normal: usize, large_type: usize) -> usize {
    if large {
        large_type
    } else {
        normal
    }
}

/// Space before and after a paragraph, in twips, keeping the body's line spacing.
fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

/// Space before and after, with single line spacing: titles, headings and small print are not
/// spread out like a large-type script's body.
fn tight(before: u32, after: u32) -> LineSpacing {
    spacing(before, after)
        .line_rule(LineSpacingType::Auto)
        .line(240)
}

/// A paragraph style based on Normal.
fn paragraph_style(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
}

/// Every style the document uses, sized for ordinary documents or large-type scripts.
fn styles(large: bool) -> Vec<Style> {
    let hp = |normal, large_type| half_points(large, normal, large_type);
    let mut title = paragraph_style(TITLE, "Title")
        .size(hp(44, 56))
        .bold()
        .color("1F3864")
        .line_spacing(tight(0, 80));
    title.paragraph_property = title.paragraph_property.keep_next(true);
    let mut subtitle = paragraph_style(SUBTITLE, "Subtitle")
        .size(hp(26, 36))
        .color("44546A")
        .line_spacing(tight(0, 60));
    subtitle.paragraph_property = subtitle.paragraph_property.keep_next(true);
    let date = paragraph_style(DATE_LINE, "Document date")
        .size(hp(19, 28))
        .color("595959")
        .line_spacing(tight(0, 360));

    let heading = |level: usize, size: usize, color: &str, before: u32, after: u32| {
        let mut s = paragraph_style(HEADINGS[level - 1], &format!("heading {level}"))
            .size(size)
            .bold()
            .color(color)
            .outline_lvl(level - 1)
            .line_spacing(tight(before, after));
        s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
        s
    };
    let h1 = heading(1, hp(32, 44), "1F3864", 360, 120);
    let h2 = heading(2, hp(26, 38), "2E5597", 280, 100);
    let h3 = heading(3, hp(23, 34), "404040", 200, 80);

    let recommendation = paragraph_style(RECOMMENDATION, "Recommendation")
        .line_spacing(spacing(if large { 240 } else { 160 }, 40));
    let detail = paragraph_style(DETAIL, "Recommendation detail")
        .size(hp(19, 30))
        .color("333333")
        .indent(Some(567), None, None, None)
        .line_spacing(spacing(0, 20));
    let mut time_mark = paragraph_style(TIME_MARK, "Time mark")
        .size(hp(18, 26))
        .bold()
        .color("B45309")
        .line_spacing(tight(120, 40));
    time_mark.paragraph_property = time_mark.paragraph_property.keep_next(true);
    let list = paragraph_style(LIST_PARAGRAPH, "List Paragraph").line_spacing(spacing(0, 60));
    let table_text = paragraph_style(TABLE_TEXT, "Table text")
        .size(hp(18, 28))
        .line_spacing(tight(20, 20));
    let table_header = paragraph_style(TABLE_HEADER, "Table header")
        .size(hp(18, 28))
        .bold()
        .line_spacing(tight(20, 20));

    let mut header = paragraph_style(PAGE_HEADER, "header")
        .size(hp(17, 22))
        .color("404040")
        .line_spacing(tight(0, 0));
    header.paragraph_property = header
        .paragraph_property
        .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
        .set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::Single)
                    .size(4)
                    .space(4)
                    .color("A6A6A6"),
            ),
        );
    let mut footer = paragraph_style(PAGE_FOOTER, "footer")
        .size(hp(16, 22))
        .color("595959")
        .line_spacing(tight(0, 0));
    footer.paragraph_property = footer
        .paragraph_property
        .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH));

    vec![
        title,
        subtitle,
        date,
        h1,
        h2,
        h3,
        recommendation,
        detail,
        time_mark,
        list,
        table_text,
        table_header,
        header,
        footer,
    ]
}

/// Zips the parts `docx-rs` wrote, after adding what it cannot write (`w:tblHeader`, `w:rtl`).
/// `media_ext` is the logo's file type ("png" or "jpeg").
fn pack(xml: XMLDocx, media_ext: &str) -> std::result::Result<Vec<u8>, String> {
    use zip::write::SimpleFileOptions;

    let document = finish_xml(xml.document, true)?;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(64 * 1024)));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6));
    let mut put = |name: &str, bytes: &[u8]| -> std::result::Result<(), String> {
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())
    };
    put("[Content_Types].xml", &xml.content_type)?;
    put("_rels/.rels", &xml.rels)?;
    put("docProps/app.xml", &xml.doc_props.app)?;
    put("docProps/core.xml", &xml.doc_props.core)?;
    put("docProps/custom.xml", &xml.doc_props.custom)?;
    put("word/_rels/document.xml.rels", &xml.document_rels)?;
    put("word/document.xml", document.as_bytes())?;
    put("word/styles.xml", &xml.styles)?;
    put("word/settings.xml", &xml.settings)?;
    put("word/fontTable.xml", &xml.font_table)?;
    put("word/comments.xml", &xml.comments)?;
    put("word/numbering.xml", &xml.numberings)?;
    put("word/commentsExtended.xml", &xml.comments_extended)?;
    put("word/footnotes.xml", &xml.footnotes)?;
    for (i, header) in xml.headers.into_iter().enumerate() {
        let n = i + 1;
        put(
            &format!("word/header{n}.xml"),
            finish_xml(header, false)?.as_bytes(),
        )?;
        if let Some(rels) = xml.header_rels.get(i) {
            let rels = String::from_utf8_lossy(rels).replace(".png\"", &format!(".{media_ext}\""));
            put(&format!("word/_rels/header{n}.xml.rels"), rels.as_bytes())?;
        }
    }
    for (i, footer) in xml.footers.iter().enumerate() {
        let n = i + 1;
        put(&format!("word/footer{n}.xml"), footer)?;
        if let Some(rels) = xml.footer_rels.get(i) {
            put(&format!("word/_rels/footer{n}.xml.rels"), rels)?;
        }
    }
    // The only picture is the logo (in the header).
    for (id, bytes) in &xml.media {
        put(&format!("word/media/{id}.{media_ext}"), bytes)?;
    }
    let cursor = zip.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

/// Turns the markers into the XML they stand for.
fn finish_xml(xml: Vec<u8>, tables: bool) -> std::result::Result<String, String> {
    let mut text = String::from_utf8(xml).map_err(|e| e.to_string())?;
    if text.contains(RTL_MARKER_XML) {
        text = text.replace(RTL_MARKER_XML, RTL_XML);
    }
    if tables && text.contains(HEADER_ROW_MARKER_XML) {
        text = text.replace(HEADER_ROW_MARKER_XML, HEADER_ROW_XML);
    }
    Ok(text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn columns(widths: &[u8]) -> Vec<Column> {
        widths
            .iter()
            .map(|w| Column {
                header: String::new(),
                width: *w,
            })
            .collect()
    }

    #[test]
    fn column_widths_share_the_text_width_exactly() {
        let w = column_widths(&columns(&[10, 30, 60]));
        assert_eq!(w, vec![964, 2891, 5783]);
        assert_eq!(w.iter().sum::<usize>(), TEXT_WIDTH);
        // Percentages that do not add up to 100, and a zero, still fill the width.
        let w = column_widths(&columns(&[50, 0, 20]));
        assert_eq!(w.iter().sum::<usize>(), TEXT_WIDTH);
        assert!(w.iter().all(|w| *w > 0), "{w:?}");
        let w = column_widths(&columns(&[33, 33, 33]));
        assert_eq!(w.iter().sum::<usize>(), TEXT_WIDTH);
    }

    #[test]
    fn logos_are_1_2_cm_high_unless_too_wide() {
        let logo = |width, height| Logo {
            format: ImageFormat::Png,
            width,
            height,
            bytes: vec![1],
        };
        assert_eq!(logo_size(&logo(300, 100)), (1_296_000, 432_000));
        let (w, h) = logo_size(&logo(10_000, 1));
        assert_eq!(w as u64, LOGO_MAX_WIDTH_EMU);
        assert!((1..1_000).contains(&h), "{h}");
    }

    #[test]
    fn control_characters_are_left_out_and_breaks_kept() {
        assert!(!is_xml_char('\u{1}'));
        assert!(!is_xml_char('\r'));
        assert!(is_xml_char('é'));
        assert!(!run_is_rtl("26.1  "));
        assert!(!run_is_rtl("Position: "));
        assert!(run_is_rtl("ينبغي"));
    }
}
