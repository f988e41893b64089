//! PDF documents from a [`Document`], laid out by typst with the fonts shipped in `fonts/`.
//!
//! typst is used as a library through a small [`World`] of our own: its main source is the fixed
//! template `pdf.typ`, which reads the document from the virtual file `/doc.json` (written here
//! with serde_json) and the logo from `/logo.png` or `/logo.jpg`. User text is therefore never
//! part of the markup and needs no escaping. No other file can be read, no package is fetched and
//! no system font is looked at: the only fonts are Noto Sans and Noto Naskh Arabic, embedded in
//! the program and parsed once.

use std::path::PathBuf;
use std::sync::LazyLock;

use chrono::Datelike;
use serde::Serialize;
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_pdf::{PdfOptions, Timestamp};

use super::model::{is_rtl, long_date, Block, Document, ImageFormat, Span};
use crate::{Error, Result};

/// The layout: a typst file that reads `/doc.json`.
const TEMPLATE: &str = include_str!("pdf.typ");

/// The fonts, in the program itself (SIL Open Font License, `fonts/OFL.txt`).
const FONTS: [&[u8]; 6] = [
    include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../fonts/NotoSans-BoldItalic.ttf"),
    include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf"),
];

/// A recommendation whose texts add up to at most this many characters is kept on one page; a
/// longer one may break (an unbreakable block taller than a page would run off it).
const KEEP_CHARS: usize = 2_400;
/// The same for large type (16 pt, lines 1.5 apart: about a third as many characters a page).
const KEEP_CHARS_LARGE: usize = 700;

/// What every PDF shares, built once: the standard library, the fonts and the template.
struct Assets {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    json: FileId,
    png: FileId,
    jpg: FileId,
}

static ASSETS: LazyLock<std::result::Result<Assets, String>> = LazyLock::new(assets);

fn file_id(path: &str) -> std::result::Result<FileId, String> {
    let vpath = VirtualPath::new(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

fn assets() -> std::result::Result<Assets, String> {
    let fonts: Vec<Font> = FONTS
        .iter()
        .filter_map(|data| Font::new(Bytes::new(*data), 0))
        .collect();
    if fonts.len() != FONTS.len() {
        return Err("a font shipped with Docket could not be read".into());
    }
    let main = file_id("/main.typ")?;
    Ok(Assets {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main: Source::new(main, TEMPLATE.to_owned()),
        json: file_id("/doc.json")?,
        png: file_id("/logo.png")?,
        jpg: file_id("/logo.jpg")?,
    })
}

/// The world one document is laid out in: the shared assets plus this document's JSON and logo.
struct DocWorld {
    assets: &'static Assets,
    json: Bytes,
    logo: Option<(FileId, Bytes)>,
    today: Option<Datetime>,
}

impl DocWorld {
    fn not_found(id: FileId) -> FileError {
        FileError::NotFound(PathBuf::from(id.vpath().get_with_slash()))
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.assets.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.assets.book
    }

    fn main(&self) -> FileId {
        self.assets.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.assets.main.id() {
            Ok(self.assets.main.clone())
        } else {
            Err(Self::not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.assets.main.id() {
            return Ok(Bytes::from_string(TEMPLATE));
        }
        if id == self.assets.json {
            return Ok(self.json.clone());
        }
        match &self.logo {
            Some((logo, bytes)) if *logo == id => Ok(bytes.clone()),
            _ => Err(Self::not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.assets.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

/// What the template reads: the document as it is, and what Rust works out about it.
#[derive(Serialize)]
struct View<'a> {
    doc: &'a Document,
    /// The date as written under the title and in the footer.
    date: String,
    /// The logo's virtual path, if there is a logo.
    logo: Option<&'static str>,
    org_rtl: bool,
    title_rtl: bool,
    subtitle_rtl: bool,
    /// One per block, in order.
    notes: Vec<Note>,
}

/// Layout facts about one block: which of its texts are right to left, and whether it is kept
/// on one page.
#[derive(Serialize, Default)]
struct Note {
    /// The block's main text (the whole list or table: its direction).
    rtl: bool,
    /// A recommendation's "Recommended by" line.
    states_rtl: bool,
    /// Keep the block on one page.
    keep: bool,
    /// A recommendation's detail lines, a list's items.
    parts: Vec<bool>,
    /// A recommendation's detail labels.
    labels: Vec<bool>,
    /// A table's header cells.
    header: Vec<bool>,
    /// A table's body cells, row by row.
    cells: Vec<Vec<bool>>,
}

fn spans_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

fn note(block: &Block, large: bool) -> Note {
    match block {
        Block::Heading { text, .. } => Note {
            rtl: is_rtl(text),
            ..Note::default()
        },
        Block::Paragraph { spans } => Note {
            rtl: is_rtl(&spans_text(spans)),
            ..Note::default()
        },
        Block::Recommendation {
            paragraph,
            text,
            states,
            details,
        } => {
            let chars = [paragraph, text, states]
                .into_iter()
                .chain(details.iter().flat_map(|(l, v)| [l, v]))
                .map(|s| s.chars().count())
                .sum::<usize>();
            Note {
                rtl: is_rtl(text),
                states_rtl: is_rtl(states),
                keep: chars <= if large { KEEP_CHARS_LARGE } else { KEEP_CHARS },
                parts: details
                    .iter()
                    .map(|(label, value)| is_rtl(&format!("{label} {value}")))
                    .collect(),
                labels: details.iter().map(|(label, _)| is_rtl(label)).collect(),
                ..Note::default()
            }
        }
        Block::List { items, .. } => {
            let parts: Vec<bool> = items.iter().map(|i| is_rtl(&spans_text(i))).collect();
            Note {
                rtl: is_rtl(&items.iter().map(|i| spans_text(i)).collect::<String>()),
                parts,
                ..Note::default()
            }
        }
        Block::Table { columns, rows } => {
            let headers: Vec<&str> = columns.iter().map(|c| c.header.as_str()).collect();
            Note {
                rtl: is_rtl(&headers.concat()),
                header: headers.iter().map(|h| is_rtl(h)).collect(),
                cells: rows
                    .iter()
                    .map(|row| row.iter().map(|c| is_rtl(c)).collect())
                    .collect(),
                ..Note::default()
            }
        }
        Block::TimeMark { .. } | Block::PageBreak => Note::default(),
    }
}

/// Writes `doc` as a PDF.
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let assets = ASSETS.as_ref().map_err(|e| {
        Error::CannotWrite(format!(
            "The PDF could not be made because Docket's own fonts could not be loaded ({e}). \
             Export as Word instead, and reinstall Docket."
        ))
    })?;
    match guarded(assets, doc, true) {
        Ok(bytes) => Ok(bytes),
        Err(_) if doc.organization.logo.is_some() && guarded(assets, doc, false).is_ok() => {
            Err(Error::InvalidInput(
                "The organization's logo could not be read as an image (the file may be \
                 damaged), so the PDF was not made. In Settings, choose the logo again (save it \
                 as PNG first) or remove it, then export again."
                    .into(),
            ))
        }
        Err(diagnostics) => Err(layout_failed(&diagnostics)),
    }
}

/// [`layout`], with a panic inside typst (a bug) turned into an error instead of ending Docket.
fn guarded(
    assets: &'static Assets,
    doc: &Document,
    with_logo: bool,
) -> std::result::Result<Vec<u8>, Vec<SourceDiagnostic>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        layout(assets, doc, with_logo)
    }))
    .unwrap_or_else(|_| {
        Err(vec![SourceDiagnostic::error(
            typst::syntax::Span::detached(),
            "the layout engine stopped unexpectedly",
        )])
    })
}

/// The error for a layout that failed: Docket's template is at fault, never the user's text
/// (which typst only ever sees as data).
fn layout_failed(diagnostics: &[SourceDiagnostic]) -> Error {
    Error::CannotWrite(format!(
        "The PDF could not be laid out ({}). This is a fault in Docket, not in your data: \
         export as Word instead, and please report the problem.",
        describe(diagnostics)
    ))
}

/// Lays out and writes the PDF, with the logo or without it.
fn layout(
    assets: &'static Assets,
    doc: &Document,
    with_logo: bool,
) -> std::result::Result<Vec<u8>, Vec<SourceDiagnostic>> {
    let logo = doc
        .organization
        .logo
        .as_ref()
        .filter(|_| with_logo)
        .map(|logo| match logo.format {
            ImageFormat::Png => ("/logo.png", assets.png, logo),
            ImageFormat::Jpeg => ("/logo.jpg", assets.jpg, logo),
        });
    let view = View {
        doc,
        date: long_date(doc.date),
        logo: logo.map(|(path, _, _)| path),
        org_rtl: is_rtl(&doc.organization.name),
        title_rtl: is_rtl(&doc.title),
        subtitle_rtl: is_rtl(&doc.subtitle),
        notes: doc.blocks.iter().map(|b| note(b, doc.large_type)).collect(),
    };
    let json = serde_json::to_value(&view)
        .and_then(|mut value| {
            clean(&mut value, &|c| {
                assets
                    .fonts
                    .iter()
                    .any(|f| f.info().coverage.contains(u32::from(c)))
            });
            serde_json::to_vec(&value)
        })
        .map_err(|e| {
            vec![SourceDiagnostic::error(
                typst::syntax::Span::detached(),
                format!("the document could not be written as JSON: {e}"),
            )]
        })?;
    let today = Datetime::from_ymd(
        doc.date.year(),
        u8::try_from(doc.date.month()).unwrap_or(1),
        u8::try_from(doc.date.day()).unwrap_or(1),
    );
    let world = DocWorld {
        assets,
        json: Bytes::new(json),
        logo: logo.map(|(_, id, logo)| (id, Bytes::new(logo.bytes.clone()))),
        today,
    };
    let compiled = typst::compile(&world).output;
    let pdf = compiled.and_then(|document| {
        let options = PdfOptions {
            creator: Smart::Custom(Some("Docket".into())),
            timestamp: today.map(Timestamp::new_utc),
            ..PdfOptions::default()
        };
        typst_pdf::pdf(&document, &options)
    });
    // typst memoizes layout across runs; keep what the last few exports used, drop the rest.
    typst::comemo::evict(2);
    pdf.map_err(|diagnostics| diagnostics.to_vec())
}

/// Makes every text safe to draw: a tab becomes a space and other control characters (pasted
/// from other programs; typst would draw them as empty boxes) are dropped; a few common signs
/// the shipped fonts lack (arrows, comparison signs) are written with signs they have, e.g.
/// `→` as `->`. Line breaks stay: `\r\n` and `\n` break the line in a statement script.
/// `covered` says whether a character is in one of the fonts.
fn clean(value: &mut serde_json::Value, covered: &dyn Fn(char) -> bool) {
    use serde_json::Value;
    match value {
        Value::String(text) => {
            let bad = |c: char| {
                (c.is_control() && c != '\n' && c != '\r')
                    || (!c.is_ascii() && substitute(c).is_some() && !covered(c))
            };
            if text.chars().any(bad) {
                let mut out = String::with_capacity(text.len());
                for c in text.chars() {
                    match c {
                        '\t' => out.push(' '),
                        c if bad(c) => out.push_str(substitute(c).unwrap_or("")),
                        c => out.push(c),
                    }
                }
                *text = out;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| clean(v, covered)),
        Value::Object(fields) => fields.values_mut().for_each(|v| clean(v, covered)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// What to write for a sign the fonts may lack (None: leave the character alone).
fn substitute(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2192}' | '\u{279D}' | '\u{27F6}' => "->",
        '\u{2190}' | '\u{27F5}' => "<-",
        '\u{2194}' => "<->",
        '\u{21D2}' => "=>",
        '\u{21D0}' => "<=",
        '\u{2264}' => "<=",
        '\u{2265}' => ">=",
        '\u{2260}' => "!=",
        '\u{2248}' => "~",
        '\u{2713}' | '\u{2714}' | '\u{2705}' => "(yes)",
        '\u{2717}' | '\u{2718}' | '\u{274C}' => "(no)",
        '\u{25CF}' | '\u{25A0}' | '\u{25B6}' | '\u{25BA}' | '\u{25C6}' | '\u{2605}' => "\u{2022}",
        '\u{23F1}' | '\u{23F0}' | '\u{231A}' => "",
        _ => return None,
    })
}

/// typst's error messages (with their hints), for the report.
fn describe(diagnostics: &[SourceDiagnostic]) -> String {
    let mut out: Vec<String> = Vec::new();
    for d in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        let mut line = d.message.to_string();
        for hint in &d.hints {
            line.push_str(&format!("; hint: {}", hint.v));
        }
        out.push(line);
    }
    if out.is_empty() {
        "typst gave no reason".into()
    } else {
        out.join(" / ")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::export::model::Column;

    #[test]
    fn the_world_serves_only_the_template_the_json_and_the_logo() {
        let assets = ASSETS.as_ref().unwrap();
        let world = DocWorld {
            assets,
            json: Bytes::new(b"{}".to_vec()),
            logo: None,
            today: Datetime::from_ymd(2021, 3, 17),
        };
        assert_eq!(world.source(world.main()).unwrap().text(), TEMPLATE);
        assert_eq!(world.file(assets.json).unwrap().as_slice(), b"{}");
        for path in [
            "/logo.png",
            "/etc/passwd",
            "/fonts/NotoSans-Regular.ttf",
            "/main.typ.bak",
        ] {
            let id = file_id(path).unwrap();
            assert!(
                matches!(world.file(id), Err(FileError::NotFound(_))),
                "{path} was served"
            );
        }
        assert!(matches!(
            world.source(assets.json),
            Err(FileError::NotFound(_))
        ));
        assert_eq!(world.today(None), Datetime::from_ymd(2021, 3, 17));

        let with_logo = DocWorld {
            logo: Some((assets.png, Bytes::new(vec![1, 2, 3]))),
            ..world
        };
        assert_eq!(with_logo.file(assets.png).unwrap().as_slice(), [1, 2, 3]);
        assert!(with_logo.file(assets.jpg).is_err());
    }

    #[test]
    fn only_the_six_shipped_fonts_are_known() {
        let assets = ASSETS.as_ref().unwrap();
        assert_eq!(assets.fonts.len(), 6);
        let families: Vec<&str> = assets.book.families().map(|(name, _)| name).collect();
        assert_eq!(families.len(), 2, "{families:?}");
        assert!(assets.book.contains_family("noto sans"));
        assert!(assets.book.contains_family("noto naskh arabic"));
    }

    #[test]
    fn notes_say_which_texts_are_right_to_left_and_what_to_keep_together() {
        let arabic = "ينبغي للدولة أن تصدق على الاتفاقية";
        let rec = |text: String| Block::Recommendation {
            paragraph: "26.1".into(),
            text,
            states: "مصر".into(),
            details: vec![
                ("Position".into(), "Supported".into()),
                ("Our ask".into(), arabic.into()),
            ],
        };
        let n = note(&rec(arabic.into()), false);
        assert!(n.rtl && n.states_rtl && n.keep);
        assert_eq!(n.parts, [false, true]);
        assert_eq!(n.labels, [false, false]);

        // Short enough for a page of normal type, too long for a page of large type.
        let long = "word ".repeat(300);
        assert!(!note(&rec(long.clone()), false).rtl);
        assert!(note(&rec(long.clone()), false).keep);
        assert!(!note(&rec(long), true).keep);
        assert!(!note(&rec("word ".repeat(600)), false).keep);

        let table = Block::Table {
            columns: vec![
                Column {
                    header: "Theme".into(),
                    width: 50,
                },
                Column {
                    header: "Notes".into(),
                    width: 50,
                },
            ],
            rows: vec![vec!["Women".into(), arabic.into()]],
        };
        let n = note(&table, false);
        assert!(!n.rtl);
        assert_eq!(n.header, [false, false]);
        assert_eq!(n.cells, [vec![false, true]]);
    }

    #[test]
    fn control_characters_are_cleaned_from_every_text_and_line_breaks_kept() {
        let mut value = serde_json::json!({
            "title": "A\tB\u{0}C",
            "blocks": [{"text": "one\r\ntwo\nthree\u{7}", "level": 2, "bold": true}],
        });
        clean(&mut value, &|_| false);
        assert_eq!(value["title"], "A BC");
        assert_eq!(value["blocks"][0]["text"], "one\r\ntwo\nthree");
        assert_eq!(value["blocks"][0]["level"], 2);
    }

    #[test]
    fn signs_the_fonts_lack_are_written_with_signs_they_have() {
        let assets = ASSETS.as_ref().unwrap();
        let covered = |c: char| {
            assets
                .fonts
                .iter()
                .any(|f| f.info().coverage.contains(u32::from(c)))
        };
        let mut value = serde_json::json!([
            "WG 36 \u{2192} HRC46, \u{2264} 5 \u{2713}",
            "Réf. État – «ok» … 🙂"
        ]);
        clean(&mut value, &covered);
        assert_eq!(value[0], "WG 36 -> HRC46, <= 5 (yes)");
        // What the fonts have is left alone (and what no sign replaces too).
        assert_eq!(value[1], "Réf. État – «ok» … 🙂");
        // Were a font to have the arrow, it would stay.
        let mut value = serde_json::json!("a \u{2192} b");
        clean(&mut value, &|_| true);
        assert_eq!(value, "a \u{2192} b");
    }

    #[test]
    fn a_layout_failure_says_it_is_docket_s_fault_and_what_to_do() {
        let mut diagnostic =
            SourceDiagnostic::error(typst::syntax::Span::detached(), "unknown variable: x");
        diagnostic.hint("declare it first");
        let message = layout_failed(&[diagnostic]).to_string();
        assert!(message.contains("could not be laid out"), "{message}");
        assert!(message.contains("unknown variable: x"), "{message}");
        assert!(message.contains("declare it first"), "{message}");
        assert!(message.contains("export as Word"), "{message}");
    }
}
