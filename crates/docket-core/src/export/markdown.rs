//! Markdown from a [`Document`].
//!
//! The Markdown is CommonMark with GitHub's pipe tables. Every text that comes from people
//! (titles, recommendations, notes, cells) is escaped so that it shows exactly as written: a
//! note reading `*not bold*` stays `*not bold*` and does not become emphasis, a line starting
//! with `1.` or `#` does not become a list or a heading.
//!
//! Markdown has no place for images inside the file itself, so the organization's logo is left
//! out; its name and the date are written under the title.

use super::model::{long_date, Block, Column, Document, Span};

/// Writes `doc` as Markdown (without the logo: see the module's documentation).
pub fn render(doc: &Document) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.push(format!("# {}", heading_text(&doc.title)));
    let subtitle = one_line(&doc.subtitle);
    if !subtitle.is_empty() {
        parts.push(emphasized(&subtitle, false, true));
    }
    let organization = one_line(&doc.organization.name);
    let date = long_date(doc.date);
    parts.push(if organization.is_empty() {
        date
    } else {
        format!("{} · {date}", escape_line(&organization))
    });

    // Two lists of the same kind one after the other would merge into one list: an empty HTML
    // comment between them keeps them apart.
    let mut last_list: Option<bool> = None;
    for block in &doc.blocks {
        let list = match block {
            Block::List { numbered, .. } => Some(*numbered),
            Block::Recommendation { details, .. } if !details.is_empty() => Some(false),
            _ => None,
        };
        let starts_with_list = matches!(block, Block::List { items, .. } if !items.is_empty());
        let Some(text) = block_md(block) else {
            continue;
        };
        if starts_with_list && list.is_some() && list == last_list {
            parts.push("<!-- -->".to_owned());
        }
        parts.push(text);
        last_list = list;
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// One block as Markdown, or `None` when it has nothing to show.
fn block_md(block: &Block) -> Option<String> {
    match block {
        Block::Heading { level, text } => {
            let text = heading_text(text);
            if text.is_empty() {
                return None;
            }
            let hashes = "#".repeat(usize::from((*level).clamp(1, 3)) + 1);
            Some(format!("{hashes} {text}"))
        }
        Block::Paragraph { spans } => {
            let text = spans_md(spans, "", true);
            (!text.is_empty()).then_some(text)
        }
        Block::Recommendation {
            paragraph,
            text,
            states,
            details,
        } => {
            let mut parts = Vec::new();
            let number = one_line(paragraph);
            let body = spans_md(&[Span::plain(text.clone())], "", true);
            parts.push(match (number.is_empty(), body.is_empty()) {
                (true, _) => body,
                (false, true) => emphasized(&number, true, false),
                (false, false) => format!("{} {body}", emphasized(&number, true, false)),
            });
            let states = one_line(states);
            if !states.is_empty() {
                parts.push(format!("Recommended by: {}", escape_line(&states)));
            }
            if !details.is_empty() {
                let items: Vec<String> = details
                    .iter()
                    .map(|(label, value)| {
                        let label = one_line(label);
                        let value = spans_md(&[Span::plain(value.clone())], "  ", false);
                        if label.is_empty() {
                            format!("- {value}")
                        } else {
                            format!(
                                "- {} {value}",
                                emphasized(&format!("{label}:"), true, false)
                            )
                            .trim_end()
                            .to_owned()
                        }
                    })
                    .collect();
                parts.push(items.join("\n"));
            }
            let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        Block::List { numbered, items } => {
            if items.is_empty() {
                return None;
            }
            let lines: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let marker = if *numbered {
                        format!("{}.", i + 1)
                    } else {
                        "-".to_owned()
                    };
                    let indent = " ".repeat(marker.len() + 1);
                    let text = spans_md(item, &indent, false);
                    if text.is_empty() {
                        marker
                    } else {
                        format!("{marker} {text}")
                    }
                })
                .collect();
            Some(lines.join("\n"))
        }
        Block::Table { columns, rows } => table_md(columns, rows),
        Block::TimeMark { at } => Some(format!("**[{}]**", escape_line(&one_line(at)))),
        Block::PageBreak => Some("---".to_owned()),
    }
}

/// A GitHub pipe table: a header row, the alignment row, then one line per row, each with as
/// many cells as there are columns.
fn table_md(columns: &[Column], rows: &[Vec<String>]) -> Option<String> {
    if columns.is_empty() {
        return None;
    }
    let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let mut lines = vec![
        line(columns.iter().map(|c| cell(&c.header)).collect()),
        line(columns.iter().map(|_| "---".to_owned()).collect()),
    ];
    for row in rows {
        lines.push(line(
            (0..columns.len())
                .map(|i| row.get(i).map_or_else(String::new, |c| cell(c)))
                .collect(),
        ));
    }
    Some(lines.join("\n"))
}

/// A table cell: escaped, `|` escaped, line breaks as `<br>` (a row is one line).
fn cell(text: &str) -> String {
    let lines: Vec<String> = normalize(text)
        .split('\n')
        .map(|l| escape_inline(l.trim()).replace('|', "\\|"))
        .collect();
    // Leading and trailing empty lines would only leave stray breaks.
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("<br>"),
        _ => String::new(),
    }
}

/// Runs of text as Markdown: each run's emphasis around its words, line breaks kept as hard
/// breaks. With `paragraphs`, an empty line starts a new paragraph; otherwise (a list item)
/// empty lines are dropped and continued lines are indented by `indent`.
fn spans_md(spans: &[Span], indent: &str, paragraphs: bool) -> String {
    // The lines of the text, each made of pieces already escaped and emphasized.
    let mut lines: Vec<String> = vec![String::new()];
    for span in spans {
        let text = normalize(&span.text);
        for (i, piece) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(String::new());
            }
            if let Some(line) = lines.last_mut() {
                let at_start = line.trim().is_empty();
                let piece = if at_start { piece.trim_start() } else { piece };
                if at_start {
                    line.clear();
                }
                if piece.trim().is_empty() {
                    if !at_start && !piece.is_empty() {
                        line.push(' ');
                    }
                    continue;
                }
                // Keep the spaces around the words outside the emphasis markers: `** a**` is
                // not bold in Markdown.
                let leading = piece.len() - piece.trim_start().len();
                let trailing = piece.len() - piece.trim_end().len();
                let words = piece.trim();
                // After an emphasis marker, nothing in the words can start a block.
                let escaped = if at_start && !span.bold && !span.italic {
                    escape_line(words)
                } else {
                    escape_inline(words)
                };
                line.push_str(&piece[..leading]);
                line.push_str(&wrap(&escaped, span.bold, span.italic));
                line.push_str(&piece[piece.len() - trailing..]);
            }
        }
    }
    // Group the lines into paragraphs (separated by empty lines); lines of one paragraph are
    // joined by a hard break (a backslash at the end of the line).
    let mut groups: Vec<Vec<String>> = vec![Vec::new()];
    for line in lines {
        let line = line.trim_end().to_owned();
        if line.is_empty() {
            if paragraphs && groups.last().is_some_and(|g| !g.is_empty()) {
                groups.push(Vec::new());
            }
        } else if let Some(group) = groups.last_mut() {
            group.push(line);
        }
    }
    let separator = format!("\\\n{indent}");
    groups
        .iter()
        .filter(|g| !g.is_empty())
        .map(|g| g.join(&separator))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Escaped, already-trimmed words with emphasis markers.
fn wrap(escaped: &str, bold: bool, italic: bool) -> String {
    let marker = match (bold, italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => "",
    };
    format!("{marker}{escaped}{marker}")
}

/// One line of text with emphasis, escaped (as at a line's start when it has none).
fn emphasized(text: &str, bold: bool, italic: bool) -> String {
    let text = text.trim();
    if bold || italic {
        wrap(&escape_inline(text), bold, italic)
    } else {
        escape_line(text)
    }
}

/// A heading's text: one line, escaped, with `#` escaped too (a `#` at a heading's end would be
/// taken for its closing marker).
fn heading_text(text: &str) -> String {
    escape_inline(&one_line(text)).replace('#', "\\#")
}

/// Line breaks as `\n` only, without the control characters Markdown viewers show as boxes.
fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect()
}

/// A text on one line (line breaks and runs of spaces as one space), trimmed.
fn one_line(text: &str) -> String {
    normalize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Escapes `text` for the start of a line: what would begin a heading, a list, a quote, a
/// thematic break or a setext underline is escaped too.
fn escape_line(text: &str) -> String {
    let text = text.trim_start();
    let mut out = escape_inline(text);
    if let Some(first) = text.chars().next() {
        if matches!(first, '#' | '-' | '+' | '=') {
            out.insert(0, '\\');
        } else if first.is_ascii_digit() {
            // `1.` or `1)` starts an ordered list: escape the dot or parenthesis.
            let digits = text.chars().take_while(char::is_ascii_digit).count();
            if matches!(text[digits..].chars().next(), Some('.' | ')')) {
                out.insert(digits, '\\');
            }
        }
    }
    out
}

/// Escapes the characters that make emphasis, code, links, HTML or entities in running text.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // `&amp;` or `&#169;` would show as the character it names.
            '&' if looks_like_entity(&text[i + 1..]) => out.push_str("\\&"),
            c => out.push(c),
        }
    }
    out
}

/// Whether the text after a `&` reads as an HTML entity (`amp;`, `#169;`, `#x41;`).
fn looks_like_entity(after: &str) -> bool {
    let Some(end) = after.find(';') else {
        return false;
    };
    let name = &after[..end];
    let name = name.strip_prefix('#').unwrap_or(name);
    !name.is_empty() && name.len() <= 32 && name.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn line_starts_that_would_make_structure_are_escaped() {
        assert_eq!(escape_line("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line("- not a bullet"), "\\- not a bullet");
        assert_eq!(escape_line("+ not a bullet"), "\\+ not a bullet");
        assert_eq!(escape_line("12. not a list"), "12\\. not a list");
        assert_eq!(escape_line("3) not a list"), "3\\) not a list");
        assert_eq!(escape_line("2020 was a year"), "2020 was a year");
        assert_eq!(escape_line("=== not a heading"), "\\=== not a heading");
        assert_eq!(escape_line("> not a quote"), "\\> not a quote");
    }

    #[test]
    fn inline_specials_and_entities_are_escaped() {
        assert_eq!(
            escape_inline("*a* _b_ `c` [d](e) <f> \\ ~~g~~"),
            "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\\\ \\~\\~g\\~\\~"
        );
        assert_eq!(
            escape_inline("&amp; &#169; & AT&T &"),
            "\\&amp; \\&#169; & AT&T &"
        );
    }

    #[test]
    fn emphasis_stays_inside_the_spaces_and_line_breaks_are_hard_breaks() {
        let spans = vec![
            Span::plain("Start "),
            Span::bold("bold words "),
            Span::italic("then\n- a line"),
        ];
        assert_eq!(
            spans_md(&spans, "", true),
            "Start **bold words** *then*\\\n*- a line*"
        );
        let two = vec![Span::plain("one\n\n\ntwo")];
        assert_eq!(spans_md(&two, "", true), "one\n\ntwo");
        assert_eq!(spans_md(&two, "   ", false), "one\\\n   two");
    }

    #[test]
    fn cells_escape_pipes_and_keep_line_breaks() {
        assert_eq!(cell("a | b\nc *d*\n"), "a \\| b<br>c \\*d\\*");
        assert_eq!(cell("\n \n"), "");
    }
}
