//! OHCHR's thematic list of recommendations (the DOCX converted to text or markdown, or pasted).
//!
//! The list repeats each recommendation with its position and classification:
//!
//! ```text
//! Theme: Ratification of &amp; accession to international instruments
//! 140.7 Ratify the Optional Protocol ... (Maldives) (Portugal);
//! Source of Position: A/HRC/59/15/Add.1 - Para.3
//! Supported
//! - Ratification of &amp; accession to international instruments
//! - Economic, social &amp; cultural rights - general measures of implementation
//! Groups of Persons:
//! - Public officials
//! - 1 - NO POVERTY
//! - 5 - GENDER EQUALITY
//! ```
//!
//! Layouts read:
//!
//! - a recommendation starts on a line beginning with its paragraph number (`140.7`); its text may
//!   wrap over the following lines until a label, a position or a list item;
//! - `Source of Position: <symbol> - Para.<n>` gives the position's source;
//! - the position is a line of its own: `Supported`, `Noted`, `Supported/Noted` (→ supported in
//!   part), `Accepted` (→ supported), `Partially supported`, `Supported in part`, `Pending`,
//!   optionally after `Position:`;
//! - list items (`- `, `* `, `+ `, `• ` bullets, or plain lines) after the position are themes
//!   until `Groups of Persons:` (or `Affected persons:`), groups of persons after it; an item that
//!   looks like an SDG (`5 - GENDER EQUALITY`: a number, a dash, upper-case words) is an SDG
//!   wherever it stands. `Themes:` and `SDGs:` labels are read too;
//! - theme headings (`Theme: X`, markdown `## A12 Acceptance of international norms`) group
//!   recommendations; their theme is added to the recommendation's themes (UPR Info-style codes
//!   such as `A12` are dropped); the same recommendation under several headings is merged;
//! - markdown tables (`| 140.7 ... | Supported | ... |`): each cell is read as a line, `<br>`
//!   splits a cell;
//! - HTML entities are decoded and markdown emphasis (`**`, `__`) and backslash escapes removed.

use std::collections::HashMap;

use crate::domain::Position;
use crate::import::entities::decode_entities;
use crate::import::{position_word, PositionUpdate, Problem};
use crate::paragraph::sort_key;

/// What a thematic list gave.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ThematicParse {
    /// One update per paragraph, sorted numerically by paragraph.
    pub updates: Vec<PositionUpdate>,
    /// The document the positions come from (e.g. `A/HRC/59/15/Add.1`), from the first
    /// "Source of Position".
    pub document: Option<String>,
    /// Doubtful or contradictory entries.
    pub problems: Vec<Problem>,
}

/// Which list the next plain item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Still reading the recommendation's (wrapped) text.
    Text,
    Themes,
    Groups,
    Sdgs,
}

/// One occurrence of a recommendation in the list (it may occur under several headings).
struct Block {
    line: u64,
    paragraph: String,
    text: String,
    heading: Option<String>,
    position: Option<Position>,
    position_line: u64,
    source: Option<String>,
    themes: Vec<String>,
    groups: Vec<String>,
    sdgs: Vec<String>,
    mode: Mode,
}

/// Reads an OHCHR thematic list. Never panics; anything doubtful becomes a [`Problem`].
pub fn parse(text: &str) -> ThematicParse {
    let mut state = Parser::default();
    for (index, raw) in text.lines().enumerate() {
        let line_no = index as u64 + 1;
        for cell in split_cells(raw) {
            state.line(line_no, &clean(&cell));
        }
    }
    state.finish()
}

#[derive(Default)]
struct Parser {
    heading: Option<String>,
    current: Option<Block>,
    updates: Vec<PositionUpdate>,
    first_line: Vec<u64>,
    index: HashMap<String, usize>,
    document: Option<String>,
    problems: Vec<Problem>,
}

impl Parser {
    fn line(&mut self, line_no: u64, line: &str) {
        let (bullet, content) = strip_bullet(line);
        let content = content.trim();
        if content.is_empty() || is_rule(content) {
            return;
        }
        // Headings.
        if let Some(theme) = heading_theme(line, content) {
            self.flush();
            self.heading = Some(theme);
            return;
        }
        if line.starts_with('#') {
            // A markdown heading that is not a theme ends the current group.
            self.flush();
            self.heading = None;
            return;
        }
        if let Some((paragraph, rest)) = recommendation_start(content) {
            self.flush();
            self.current = Some(Block {
                line: line_no,
                paragraph,
                text: rest.to_string(),
                heading: self.heading.clone(),
                position: None,
                position_line: line_no,
                source: None,
                themes: Vec::new(),
                groups: Vec::new(),
                sdgs: Vec::new(),
                mode: if text_complete(rest) {
                    Mode::Themes
                } else {
                    Mode::Text
                },
            });
            return;
        }
        let Some(block) = self.current.as_mut() else {
            return; // Title, column headers, notes before the first recommendation.
        };
        if let Some(source) = strip_label(content, &["source of position", "source"]) {
            let source = source.trim().to_string();
            if !source.is_empty() {
                if self.document.is_none() {
                    self.document = document_of(&source);
                }
                if block.source.is_none() {
                    block.source = Some(source);
                }
            }
            if block.mode == Mode::Text {
                block.mode = Mode::Themes;
            }
            return;
        }
        if let Some(position) = position_of(content) {
            match block.position {
                None => {
                    block.position = Some(position);
                    block.position_line = line_no;
                }
                Some(p) if p == position => {}
                Some(p) => self.problems.push(Problem::at(
                    line_no,
                    None,
                    format!(
                        "Recommendation {} is given two positions ({} and {}); the first is kept.",
                        block.paragraph, p, position
                    ),
                )),
            }
            if block.mode == Mode::Text {
                block.mode = Mode::Themes;
            }
            return;
        }
        if is_column_header(content) {
            return;
        }
        if let Some(rest) = strip_label(
            content,
            &[
                "groups of persons",
                "group of persons",
                "groups of persons concerned",
                "affected persons",
                "persons affected",
            ],
        ) {
            block.mode = Mode::Groups;
            push_items(block, rest);
            return;
        }
        if let Some(rest) = strip_label(
            content,
            &[
                "themes",
                "theme",
                "human rights themes",
                "human rights themes and groups of persons",
            ],
        ) {
            block.mode = Mode::Themes;
            push_items(block, rest);
            return;
        }
        if let Some(rest) = strip_label(
            content,
            &[
                "sdgs",
                "sdg",
                "relevant sdgs",
                "sustainable development goals",
            ],
        ) {
            block.mode = Mode::Sdgs;
            push_items(block, rest);
            return;
        }
        if block.mode == Mode::Text && !bullet {
            if !block.text.is_empty() {
                block.text.push(' ');
            }
            block.text.push_str(content);
            if text_complete(&block.text) {
                block.mode = Mode::Themes;
            }
            return;
        }
        if block.mode == Mode::Text {
            block.mode = Mode::Themes;
        }
        push_item(block, content);
    }

    /// Ends the current block, merging it into the updates.
    fn flush(&mut self) {
        let Some(mut block) = self.current.take() else {
            return;
        };
        if let Some(theme) = block.heading.take() {
            push_unique(&mut block.themes, theme);
        }
        let (text, states) = split_states(&block.text);
        if let Some(&i) = self.index.get(&block.paragraph) {
            let Some(existing) = self.updates.get_mut(i) else {
                return;
            };
            match (existing.position, block.position) {
                (None, Some(p)) => existing.position = Some(p),
                (Some(a), Some(b)) if a != b => {
                    let first = self.first_line.get(i).copied().unwrap_or(0);
                    self.problems.push(Problem::at(
                        block.position_line,
                        None,
                        format!(
                            "Recommendation {} is {} here but {} at line {}; the first position is kept.",
                            block.paragraph, b, a, first
                        ),
                    ));
                }
                _ => {}
            }
            if existing.position_source.is_none() {
                existing.position_source = block.source;
            }
            if existing.text.is_none() && !text.is_empty() {
                existing.text = Some(text);
            }
            if existing.states.is_empty() {
                existing.states = states;
            }
            for t in block.themes {
                push_unique(&mut existing.themes, t);
            }
            for g in block.groups {
                push_unique(&mut existing.groups_of_persons, g);
            }
            for s in block.sdgs {
                push_unique(&mut existing.sdgs, s);
            }
            return;
        }
        self.index
            .insert(block.paragraph.clone(), self.updates.len());
        self.first_line.push(block.line);
        self.updates.push(PositionUpdate {
            paragraph: block.paragraph,
            position: block.position,
            position_source: block.source,
            text: if text.is_empty() { None } else { Some(text) },
            states,
            themes: block.themes,
            groups_of_persons: block.groups,
            sdgs: block.sdgs,
        });
    }

    fn finish(mut self) -> ThematicParse {
        self.flush();
        for (update, line) in self.updates.iter().zip(self.first_line.iter()) {
            if update.position.is_none() {
                self.problems.push(Problem::at(
                    *line,
                    None,
                    format!(
                        "No position (Supported / Noted) found for recommendation {}.",
                        update.paragraph
                    ),
                ));
            }
        }
        if self.updates.is_empty() {
            self.problems.push(Problem::general(
                "No recommendations found: a thematic list has lines such as \
                 \"140.7 Ratify ... (State);\" followed by \"Source of Position\" and \
                 \"Supported\" or \"Noted\".",
            ));
        }
        let mut updates = self.updates;
        updates.sort_by_cached_key(|u| sort_key(&u.paragraph));
        self.problems
            .sort_by_key(|p| (p.line.is_none(), p.line.unwrap_or(0)));
        ThematicParse {
            updates,
            document: self.document,
            problems: self.problems,
        }
    }
}

fn push_items(block: &mut Block, rest: &str) {
    let rest = rest.trim();
    if rest.is_empty() {
        return;
    }
    for item in rest.split(';') {
        let item = item.trim();
        if !item.is_empty() {
            push_item(block, item);
        }
    }
}

fn push_item(block: &mut Block, item: &str) {
    let item = item.trim().trim_end_matches([';', ',']).trim();
    if item.is_empty() {
        return;
    }
    if let Some(sdg) = sdg_of(item) {
        push_unique(&mut block.sdgs, sdg);
        return;
    }
    match block.mode {
        Mode::Groups => push_unique(&mut block.groups, normalize_space(item)),
        Mode::Sdgs => push_unique(&mut block.sdgs, normalize_space(item)),
        Mode::Text | Mode::Themes => push_unique(&mut block.themes, strip_code(item)),
    }
}

fn push_unique(list: &mut Vec<String>, value: String) {
    if !value.is_empty() && !list.contains(&value) {
        list.push(value);
    }
}

/// Splits a markdown table row into its cells (and `<br>`-separated parts); other lines are one
/// cell.
fn split_cells(raw: &str) -> Vec<String> {
    let trimmed = raw.trim();
    let parts: Vec<&str> = if trimmed.starts_with('|') {
        let inner = trimmed.trim_start_matches('|');
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        inner.split('|').collect()
    } else {
        vec![raw]
    };
    let mut out = Vec::new();
    for part in parts {
        // A table's separator row: `|---|:---:|`.
        if trimmed.starts_with('|')
            && !part.trim().is_empty()
            && part.trim().chars().all(|c| matches!(c, '-' | ':' | ' '))
        {
            continue;
        }
        let mut rest = part;
        loop {
            let lower = rest.to_ascii_lowercase();
            let found = ["<br>", "<br/>", "<br />"]
                .iter()
                .filter_map(|tag| lower.find(tag).map(|i| (i, tag.len())))
                .min();
            match found {
                Some((i, len)) => {
                    out.push(rest.get(..i).unwrap_or("").to_string());
                    rest = rest.get(i + len..).unwrap_or("");
                }
                None => {
                    out.push(rest.to_string());
                    break;
                }
            }
        }
    }
    out
}

/// Decodes entities, drops markdown emphasis and escapes, and normalizes spaces.
pub(crate) fn clean(raw: &str) -> String {
    let decoded = decode_entities(raw);
    let mut out = String::with_capacity(decoded.len());
    let mut chars = decoded.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' | '_' if chars.peek() == Some(&c) => {
                chars.next();
            }
            '\\' => match chars.peek() {
                Some(&n) if n.is_ascii_punctuation() => {
                    out.push(n);
                    chars.next();
                }
                _ => out.push(c),
            },
            '\u{a0}' | '\t' | '\u{2007}' | '\u{202f}' => out.push(' '),
            '\u{feff}' | '\u{200b}' | '\r' => {}
            _ => out.push(c),
        }
    }
    // Headings keep their `#` so that the parser can tell them.
    let trimmed = out.trim();
    let (hashes, rest) = match trimmed.find(|c| c != '#') {
        Some(i) => trimmed.split_at(i),
        None => (trimmed, ""),
    };
    let rest = strip_emphasis(rest.trim());
    if hashes.is_empty() {
        rest.to_string()
    } else {
        format!("{} {}", hashes, rest)
    }
}

/// Removes single `*` / `_` emphasis wrapping a whole value.
fn strip_emphasis(s: &str) -> &str {
    let mut s = s;
    for mark in ['*', '_'] {
        if s.len() >= 2 && s.starts_with(mark) && s.ends_with(mark) {
            s = s
                .strip_prefix(mark)
                .and_then(|x| x.strip_suffix(mark))
                .unwrap_or(s)
                .trim();
        }
    }
    s
}

/// `- item`, `* item`, `+ item`, `• item`: (is a bullet, the item).
pub(crate) fn strip_bullet(line: &str) -> (bool, &str) {
    let t = line.trim_start();
    for b in ["- ", "* ", "+ ", "• ", "· ", "▪ ", "◦ ", "o "] {
        if let Some(rest) = t.strip_prefix(b) {
            // "o " only as a Word bullet followed by an upper-case letter or digit.
            if b == "o " && !rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                continue;
            }
            return (true, rest);
        }
    }
    if t == "-" || t == "*" || t == "•" {
        return (true, "");
    }
    (false, t)
}

fn is_rule(s: &str) -> bool {
    s.len() >= 3 && s.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | ' '))
}

/// A theme heading: `Theme: X`, or a markdown heading with a UPR Info-style code
/// (`## A12 Acceptance of international norms`) or a `Theme:` prefix.
fn heading_theme(line: &str, content: &str) -> Option<String> {
    let is_md_heading = line.starts_with('#');
    let text = if is_md_heading {
        line.trim_start_matches('#').trim()
    } else {
        content
    };
    let text = strip_emphasis(text);
    if let Some(rest) = strip_label(text, &["theme", "thematic cluster", "cluster"]) {
        let theme = strip_code(rest);
        return if theme.is_empty() { None } else { Some(theme) };
    }
    if is_md_heading && code_len(text).is_some() {
        let theme = strip_code(text);
        return if theme.is_empty() { None } else { Some(theme) };
    }
    None
}

/// The length of a UPR Info-style theme code at the start (`A12 `, `B31 `, `D2 `), with its
/// following space.
fn code_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if !first.is_ascii_uppercase() {
        return None;
    }
    let mut digits = 0;
    for (i, c) in chars {
        if c.is_ascii_digit() {
            digits += 1;
            continue;
        }
        if (c == ' ' || c == '\u{a0}') && (1..=3).contains(&digits) {
            let rest = s.get(i..)?.trim_start();
            return if rest.is_empty() {
                None
            } else {
                Some(s.len() - rest.len())
            };
        }
        return None;
    }
    None
}

fn strip_code(s: &str) -> String {
    let s = s.trim();
    let s = match code_len(s) {
        Some(n) => s.get(n..).unwrap_or(s),
        None => s,
    };
    normalize_space(s)
}

fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Label: rest` (case-insensitive, the colon required unless nothing follows the label).
fn strip_label<'a>(s: &'a str, labels: &[&str]) -> Option<&'a str> {
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        // Case mapping changed byte offsets: compare on ASCII-folded text instead.
        let folded = s.to_ascii_lowercase();
        return strip_label_folded(s, &folded, labels);
    }
    strip_label_folded(s, &lower, labels)
}

fn strip_label_folded<'a>(s: &'a str, folded: &str, labels: &[&str]) -> Option<&'a str> {
    for label in labels {
        if let Some(after) = folded.strip_prefix(label) {
            let after_trim = after.trim_start();
            if let Some(rest) = after_trim.strip_prefix(':') {
                let start = s.len() - rest.len();
                return s.get(start..);
            }
            if after_trim.is_empty() && !label.contains(' ') {
                continue; // A bare "Theme" is more likely an item than a label.
            }
            if after_trim.is_empty() {
                return Some("");
            }
        }
    }
    None
}

/// A recommendation's first line: `140.7 text` (also `140.7. text`).
fn recommendation_start(s: &str) -> Option<(String, &str)> {
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map(|(i, _)| i)?;
    let number = s.get(..end)?.trim_end_matches('.');
    let rest = s.get(end..)?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let segments: Vec<&str> = number.split('.').collect();
    if segments.len() < 2
        || segments.len() > 3
        || segments
            .iter()
            .any(|seg| seg.is_empty() || seg.len() > 5 || !seg.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let rest = rest.trim();
    // An SDG or a number in running text would not be followed by a capital or a quote.
    if !rest.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“' || c == '(') {
        return None;
    }
    Some((number.to_string(), rest))
}

/// Whether a recommendation's text looks finished (`...(State);` or `...(State).`).
fn text_complete(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(';') || t.ends_with(").")
}

/// A position line or cell ("Supported", "**Noted**", "Position: Supported/Noted"), see
/// [`position_word`].
pub(crate) fn position_of(s: &str) -> Option<Position> {
    let s = strip_emphasis(s.trim());
    let s = strip_label(
        s,
        &["position", "position of the state under review", "response"],
    )
    .unwrap_or(s);
    position_word(s)
}

fn is_column_header(s: &str) -> bool {
    let key = s.trim().to_lowercase();
    matches!(
        key.as_str(),
        "recommendation and recommending state"
            | "recommendation"
            | "recommendations"
            | "position of the state under review"
            | "human rights themes and groups of persons"
            | "relevant sdgs"
            | "position"
            | "full list of themes"
            | "assessment/comments on level of implementation"
    )
}

/// `5 - GENDER EQUALITY`, `5-GENDER EQUALITY`, `SDG 5 - Gender equality` → `5 - GENDER EQUALITY`
/// (upper-case words required after the number unless `SDG` is written).
fn sdg_of(item: &str) -> Option<String> {
    let item = item.trim();
    let (explicit, body) = match strip_prefix_ci(item, "sdg") {
        Some(rest) => (true, rest.trim_start()),
        None => (false, item),
    };
    let digits_end = body
        .char_indices()
        .find(|&(_, c)| !c.is_ascii_digit())
        .map(|(i, _)| i)?;
    let number: u32 = body.get(..digits_end)?.parse().ok()?;
    if !(1..=17).contains(&number) {
        return None;
    }
    let rest = body.get(digits_end..)?.trim_start();
    let rest = rest
        .strip_prefix(['-', '–', '—', ':', '.'])
        .map(str::trim_start)?;
    if rest.is_empty() {
        return None;
    }
    let letters: Vec<char> = rest.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return None;
    }
    let upper = letters.iter().all(|c| c.is_uppercase());
    if !upper && !explicit {
        return None;
    }
    Some(format!(
        "{} - {}",
        number,
        normalize_space(&rest.to_uppercase())
    ))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

/// The document symbol in `A/HRC/59/15/Add.1 - Para.3`.
fn document_of(source: &str) -> Option<String> {
    let lower = source.to_ascii_lowercase();
    let cut = ["- para", "– para", ", para", " para"]
        .iter()
        .filter_map(|m| lower.find(m))
        .min()
        .unwrap_or(source.len());
    let doc = source
        .get(..cut)?
        .trim()
        .trim_end_matches([',', '-', '–'])
        .trim();
    if doc.is_empty() {
        None
    } else {
        Some(doc.to_string())
    }
}

/// Splits `text (State) (State);` into the text and the States in the trailing parentheses
/// (nested parentheses kept inside one State: `(Venezuela (Bolivarian Republic of))`).
///
/// The last group is always a State; earlier groups only when they name a known State, so that
/// a parenthesis belonging to the text (`(CEDAW)`) stays in it.
pub(crate) fn split_states(text: &str) -> (String, Vec<String>) {
    let mut rest = normalize_space(text);
    rest = rest
        .trim_end()
        .trim_end_matches([';', '.', ','])
        .trim_end()
        .to_string();
    let mut states = Vec::new();
    loop {
        let trimmed = rest.trim_end();
        if !trimmed.ends_with(')') {
            break;
        }
        let Some(open) = matching_open(trimmed) else {
            break;
        };
        let inner = trimmed
            .get(open + 1..trimmed.len() - 1)
            .unwrap_or("")
            .trim();
        let before = trimmed.get(..open).unwrap_or("").trim_end();
        let known = inner
            .split([',', ';'])
            .all(|name| crate::states::resolve(name.trim()).is_some());
        if inner.is_empty() || (!states.is_empty() && !known) || before.is_empty() {
            break;
        }
        states.push(inner.to_string());
        rest = before.to_string();
    }
    states.reverse();
    (rest.trim().to_string(), states)
}

/// The byte index of the `(` matching the final `)`.
fn matching_open(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            decode_entities("a &amp; b &#39;c&#39; &quot;d&quot; &lt;&gt; &#x41;&nbsp;x &bogus; &"),
            "a & b 'c' \"d\" <> A\u{a0}x &bogus; &"
        );
    }

    #[test]
    fn states_split_from_text() {
        let (text, states) =
            split_states("Ratify it (CEDAW) (Venezuela (Bolivarian Republic of)) (Algeria);");
        assert_eq!(text, "Ratify it (CEDAW)");
        assert_eq!(
            states,
            vec!["Venezuela (Bolivarian Republic of)", "Algeria"]
        );
    }

    #[test]
    fn sdgs_are_recognized() {
        assert_eq!(
            sdg_of("5 - GENDER EQUALITY").as_deref(),
            Some("5 - GENDER EQUALITY")
        );
        assert_eq!(
            sdg_of("16-PEACE,  JUSTICE").as_deref(),
            Some("16 - PEACE, JUSTICE")
        );
        assert_eq!(sdg_of("2030 Agenda & other voluntary commitments"), None);
        assert_eq!(
            sdg_of("SDG 5: Gender equality").as_deref(),
            Some("5 - GENDER EQUALITY")
        );
    }

    #[test]
    fn codes_are_stripped_from_headings() {
        assert_eq!(
            heading_theme(
                "## A12 Acceptance of international norms",
                "A12 Acceptance of international norms"
            )
            .as_deref(),
            Some("Acceptance of international norms")
        );
        assert_eq!(
            heading_theme("## Full Document Text", "Full Document Text"),
            None
        );
    }
}
