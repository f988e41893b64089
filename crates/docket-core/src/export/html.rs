//! One self-contained HTML file from a [`Document`].
//!
//! Everything is inside the file: the style sheet, and the logo as a `data:` URI. It loads
//! nothing from anywhere (no scripts, no web fonts, no links), so it opens the same offline,
//! attached to an e-mail or from a USB stick, and prints on A4 with the page breaks the
//! document asks for. Every text that comes from people is escaped.

use std::fmt::Write as _;

use super::model::{is_rtl, long_date, Block, Column, Document, Logo, Span};

/// The style sheet, readable on screen and printable on A4.
const STYLE: &str = r#"
@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
:root { color-scheme: light; }
html { background: #f4f4f2; }
body {
  font-family: "Noto Sans", "Noto Naskh Arabic", sans-serif;
  font-size: 11pt; line-height: 1.4; color: #1a1a1a; background: #fff;
  max-width: 48em; margin: 2em auto; padding: 2.5em 3em;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15);
}
[dir="rtl"] { font-family: "Noto Naskh Arabic", "Noto Sans", sans-serif; }
body.large-type { font-size: 18pt; line-height: 1.5; max-width: 40em; }
header.doc-header {
  display: flex; align-items: center; gap: 1em; flex-wrap: wrap;
  border-bottom: 1px solid #c8c8c8; padding-bottom: 0.6em; margin-bottom: 1.2em;
  font-size: 0.9em; color: #444;
}
header.doc-header .logo { max-height: 56px; max-width: 40%; width: auto; height: auto; }
header.doc-header .organization { font-weight: bold; }
header.doc-header .date { margin-inline-start: auto; }
h1 { font-size: 1.8em; line-height: 1.2; margin: 0 0 0.2em; }
h2 { font-size: 1.4em; margin: 1.4em 0 0.5em; }
h3 { font-size: 1.2em; margin: 1.2em 0 0.4em; }
h4 { font-size: 1.05em; margin: 1em 0 0.3em; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 0.7em; }
p.subtitle { font-style: italic; color: #444; margin-bottom: 1.4em; }
section.rec {
  border-inline-start: 3px solid #5b7fa6; padding: 0.2em 0 0.2em 0.9em; margin: 0 0 1.1em;
  break-inside: avoid; page-break-inside: avoid;
}
section.rec .paragraph { font-weight: bold; margin-inline-end: 0.4em; }
section.rec .states { color: #444; font-size: 0.95em; }
section.rec dl {
  display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 0.8em;
  margin: 0.3em 0 0; font-size: 0.95em;
}
section.rec dt { font-weight: bold; }
section.rec dd { margin: 0; }
ul, ol { margin: 0 0 0.8em; padding-inline-start: 1.6em; }
li { margin-bottom: 0.2em; }
table {
  width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0.4em 0 1.2em;
  font-size: 0.92em;
}
th, td {
  border: 1px solid #8a8a8a; padding: 0.3em 0.45em; vertical-align: top; text-align: start;
  overflow-wrap: anywhere;
}
thead th { background: #e9edf2; }
tr { break-inside: avoid; page-break-inside: avoid; }
p.time-mark { margin: 0.9em 0 0.3em; }
.time-mark span {
  display: inline-block; font-size: 0.7em; font-weight: bold; color: #fff;
  background: #b0522d; border-radius: 0.8em; padding: 0.1em 0.7em; letter-spacing: 0.03em;
}
div.page-break {
  break-before: page; page-break-before: always;
  border-top: 1px dashed #b8b8b8; margin: 2em 0;
}
@media print {
  html { background: none; }
  body { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  div.page-break { border: 0; margin: 0; }
  thead th, .time-mark span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Writes `doc` as an HTML page with its style and logo inside.
pub fn render(doc: &Document) -> String {
    let mut out = String::with_capacity(8 * 1024 + doc.blocks.len() * 512);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&one_line(&doc.title)));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>");
    out.push_str(if doc.large_type {
        "<body class=\"large-type\">\n"
    } else {
        "<body>\n"
    });

    out.push_str("<header class=\"doc-header\">\n");
    let name = one_line(&doc.organization.name);
    if let Some(logo) = &doc.organization.logo {
        out.push_str(&logo_img(logo, &name));
    }
    if !name.is_empty() {
        let _ = writeln!(
            out,
            "<span class=\"organization\" dir=\"{}\">{}</span>",
            dir(&name),
            escape(&name)
        );
    }
    let _ = writeln!(
        out,
        "<time class=\"date\" datetime=\"{}\">{}</time>\n</header>",
        doc.date.format("%Y-%m-%d"),
        escape(&long_date(doc.date))
    );

    out.push_str("<main>\n");
    let title = one_line(&doc.title);
    let _ = writeln!(out, "<h1 dir=\"{}\">{}</h1>", dir(&title), escape(&title));
    let subtitle = one_line(&doc.subtitle);
    if !subtitle.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"subtitle\" dir=\"{}\">{}</p>",
            dir(&subtitle),
            escape(&subtitle)
        );
    }
    for block in &doc.blocks {
        block_html(&mut out, block);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// One block, appended to `out`.
fn block_html(out: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            let text = one_line(text);
            if text.is_empty() {
                return;
            }
            let tag = (*level).clamp(1, 3) + 1;
            let _ = writeln!(
                out,
                "<h{tag} dir=\"{}\">{}</h{tag}>",
                dir(&text),
                escape(&text)
            );
        }
        Block::Paragraph { spans } => {
            let text: String = spans.iter().map(|s| s.text.as_str()).collect();
            if text.trim().is_empty() {
                return;
            }
            let _ = writeln!(out, "<p dir=\"{}\">{}</p>", dir(&text), spans_html(spans));
        }
        Block::Recommendation {
            paragraph,
            text,
            states,
            details,
        } => {
            out.push_str("<section class=\"rec\">\n");
            let number = one_line(paragraph);
            let number = if number.is_empty() {
                String::new()
            } else {
                format!("<span class=\"paragraph\">{}</span> ", escape(&number))
            };
            let _ = writeln!(
                out,
                "<p class=\"text\" dir=\"{}\">{number}{}</p>",
                dir(text),
                multiline(text.trim())
            );
            let states = one_line(states);
            if !states.is_empty() {
                let _ = writeln!(
                    out,
                    "<p class=\"states\" dir=\"auto\">Recommended by: {}</p>",
                    escape(&states)
                );
            }
            if !details.is_empty() {
                out.push_str("<dl>\n");
                for (label, value) in details {
                    let _ = writeln!(
                        out,
                        "<dt dir=\"auto\">{}</dt><dd dir=\"{}\">{}</dd>",
                        escape(&one_line(label)),
                        dir(value),
                        multiline(value.trim())
                    );
                }
                out.push_str("</dl>\n");
            }
            out.push_str("</section>\n");
        }
        Block::List { numbered, items } => {
            if items.is_empty() {
                return;
            }
            let tag = if *numbered { "ol" } else { "ul" };
            let _ = writeln!(out, "<{tag}>");
            for item in items {
                let text: String = item.iter().map(|s| s.text.as_str()).collect();
                let _ = writeln!(out, "<li dir=\"{}\">{}</li>", dir(&text), spans_html(item));
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Table { columns, rows } => table_html(out, columns, rows),
        Block::TimeMark { at } => {
            let _ = writeln!(
                out,
                "<p class=\"time-mark\"><span>{}</span></p>",
                escape(&one_line(at))
            );
        }
        Block::PageBreak => out.push_str("<div class=\"page-break\"></div>\n"),
    }
}

/// A table with its columns' widths, a header row and one row per entry (short rows padded).
fn table_html(out: &mut String, columns: &[Column], rows: &[Vec<String>]) {
    if columns.is_empty() {
        return;
    }
    out.push_str("<table>\n<colgroup>");
    for column in columns {
        let _ = write!(out, "<col style=\"width:{}%\">", column.width.min(100));
    }
    out.push_str("</colgroup>\n<thead><tr>");
    for column in columns {
        let _ = write!(
            out,
            "<th scope=\"col\" dir=\"auto\">{}</th>",
            multiline(column.header.trim())
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for i in 0..columns.len() {
            let text = row.get(i).map_or("", |c| c.trim());
            let _ = write!(out, "<td dir=\"{}\">{}</td>", dir(text), multiline(text));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The logo as an image whose source is inside the file (a `data:` URI).
fn logo_img(logo: &Logo, organization: &str) -> String {
    let alt = if organization.is_empty() {
        "Logo".to_owned()
    } else {
        format!("Logo of {organization}")
    };
    format!(
        "<img class=\"logo\" src=\"data:{};base64,{}\" width=\"{}\" height=\"{}\" alt=\"{}\">\n",
        logo.format.mime(),
        base64(&logo.bytes),
        logo.width,
        logo.height,
        escape(&alt)
    )
}

/// Runs of text with their emphasis, line breaks kept.
fn spans_html(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        let text = multiline(&span.text);
        match (span.bold, span.italic) {
            (true, true) => {
                let _ = write!(out, "<strong><em>{text}</em></strong>");
            }
            (true, false) => {
                let _ = write!(out, "<strong>{text}</strong>");
            }
            (false, true) => {
                let _ = write!(out, "<em>{text}</em>");
            }
            (false, false) => out.push_str(&text),
        }
    }
    out
}

/// Escaped text with its line breaks as `<br>`.
fn multiline(text: &str) -> String {
    escape(&text.replace("\r\n", "\n").replace('\r', "\n")).replace('\n', "<br>\n")
}

/// `rtl` for a text mostly in a right-to-left script, else `auto` (the browser decides from the
/// first strong character).
fn dir(text: &str) -> &'static str {
    if is_rtl(text) {
        "rtl"
    } else {
        "auto"
    }
}

/// A text on one line (line breaks and runs of spaces as one space), trimmed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes `& < > " '`, and drops the control characters HTML does not allow (keeping line
/// breaks and tabs).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The logo as a `data:` URI, e.g. for an `<img>` (Settings shows it this way too).
pub fn data_uri(logo: &Logo) -> String {
    format!("data:{};base64,{}", logo.format.mime(), base64(&logo.bytes))
}

/// Standard base64 (RFC 4648, with padding), for the logo's `data:` URI.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let sextet = |shift: u32| char::from(ALPHABET[((n >> shift) & 0x3F) as usize]);
        out.push(sextet(18));
        out.push(sextet(12));
        out.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_test_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        assert_eq!(base64(&[0xFB, 0xFF, 0xBF]), "+/+/");
    }

    #[test]
    fn escape_covers_the_five_specials_and_drops_control_characters() {
        assert_eq!(
            escape("a & b < c > d \"e\" 'f'\u{0}\u{7}\n"),
            "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;\n"
        );
    }

    #[test]
    fn direction_follows_the_script() {
        assert_eq!(dir("توصية بشأن حقوق المرأة"), "rtl");
        assert_eq!(dir("Recommendation on women's rights"), "auto");
        assert_eq!(dir(""), "auto");
    }
}
