//! The Working Group report's text (extracted from a PDF, a DOCX, or pasted) → recommendations.
//!
//! The report's recommendations section lists items numbered `<paragraph>.<n>` (`140.1`,
//! `26.347`), wrapped over lines with layout indentation, each ending with `;` (the last with
//! `.`), with the recommending States in parentheses at the end: `(Algeria) (Cabo Verde)
//! (Bolivarian Republic\n of Venezuela);`, or in the first cycle `(Algeria, Egypt, Argentina)`.
//! Page headers and footers (`A/HRC/59/15`, `GE.25-02819`, page numbers) may be interleaved
//! anywhere and are dropped.
//!
//! A list is the run of items `N.1`, `N.2`, … of one paragraph `N`. Older reports split the list
//! over several paragraphs ("… enjoy the support of …", "… will be examined by …", "… did not
//! enjoy the support …"): each paragraph's introduction gives its items' position. Numbers in the
//! rest of the report (the dialogue summary: `12. The delegation …`, `10.5 million`, `para.
//! 140.3`) are not taken for recommendations: an item must start a line, continue its list's
//! sequence, and its list must be introduced as recommendations or carry recommending States.
//! Some first-cycle reports number the items `1.`, `2.` … inside the introducing paragraph
//! (`60. … enjoy the support of Chile:`); they are read as `60.1`, `60.2` ….
//!
//! [`parse`] never panics; what it cannot read becomes a [`Problem`] with a line and column.

use crate::domain::{NewRecommendation, NewReview, Position};
use crate::import::Problem;
use crate::states;

/// What [`parse`] read from a Working Group report's text.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportParse {
    /// What the text says about the review (State, symbol, sessions, date).
    pub review: ReportMeta,
    /// The recommendations, in the report's order. Their position is
    /// [`Position::Pending`] unless the report's layout says they are supported or noted.
    pub recommendations: Vec<NewRecommendation>,
    /// Problems found, with their line (1-based in the given text) and column when known.
    pub problems: Vec<Problem>,
}

/// The review's facts as read from the report's text; every field is `None` when the text does
/// not say it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportMeta {
    /// The State under review: its canonical name when [`states::resolve`] knows it, else as
    /// written in the title.
    pub state_under_review: Option<String>,
    /// The report's own symbol, e.g. `A/HRC/59/15`.
    pub report_symbol: Option<String>,
    /// The Working Group session ("held its forty-eighth session" → 48).
    pub wg_session: Option<i64>,
    /// The Human Rights Council session by which the State responds ("no later than the
    /// fifty-ninth session" → 59).
    pub hrc_session: Option<i64>,
    /// The date of the review, `YYYY-MM-DD` ("The review of Slovenia was held at the 13th
    /// meeting, on 28 January 2025").
    pub review_date: Option<String>,
}

impl ReportMeta {
    /// The review to store, or `None` when the text did not name the State under review.
    ///
    /// The UPR cycle is inferred from the Working Group session (sessions 1-12: first cycle,
    /// 13-26: second, 27-40: third, 41-54: fourth, from 55: fifth).
    pub fn to_new_review(&self) -> Option<NewReview> {
        let state = self.state_under_review.clone()?;
        Some(NewReview {
            state_under_review: state,
            cycle: self.wg_session.and_then(super::upr_info::cycle_of_session),
            wg_session: self.wg_session,
            review_date: self.review_date.clone(),
            report_symbol: self.report_symbol.clone(),
            addendum_symbol: None,
            adoption_date: None,
        })
    }
}

/// The message of the problem reported when the text holds no recommendations list.
pub const NO_LIST_MESSAGE: &str =
    "No recommendations list found: the text should contain numbered items like 140.1 … (State);";

/// Reads a Working Group report's text: its recommendations and what it says about the review.
///
/// Never panics, whatever the input; see the [module documentation](self) for the layouts read.
pub fn parse(text: &str) -> ReportParse {
    let lines = split_lines(text);
    let meta = read_meta(&lines);
    let mut problems = Vec::new();
    let lists = find_lists(&lines, &mut problems);
    let mut recommendations = Vec::new();
    for list in &lists {
        let (position, known) = list
            .intro
            .as_deref()
            .map(position_of_intro)
            .unwrap_or((Position::Pending, false));
        let source = if known {
            meta.report_symbol.clone()
        } else {
            None
        };
        for item in &list.items {
            recommendations.push(finish_item(item, position, source.clone(), &mut problems));
        }
    }
    if recommendations.is_empty() {
        problems.push(Problem::general(NO_LIST_MESSAGE));
    }
    problems.sort_by_key(|p| (p.line.unwrap_or(0), p.column.unwrap_or(0)));
    ReportParse {
        review: meta,
        recommendations,
        problems,
    }
}

// ---------------------------------------------------------------------------------------------
// Lines
// ---------------------------------------------------------------------------------------------

/// One line of the input, without its line ending.
#[derive(Debug, Clone)]
struct Line<'a> {
    /// 1-based line number.
    number: u64,
    /// Characters of indentation before `content`.
    indent: u64,
    /// The line without surrounding whitespace.
    content: &'a str,
    /// A page header or footer, a page number, or blank.
    junk: bool,
}

/// Splits on CRLF, CR and LF, and classifies each line.
fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut number = 0u64;
    let mut rest = text;
    loop {
        number += 1;
        let (line, next) = match rest.find(['\r', '\n']) {
            Some(i) => {
                let line = rest.get(..i).unwrap_or("");
                let after = rest.get(i..).unwrap_or("");
                let skip = if after.starts_with("\r\n") { 2 } else { 1 };
                (line, Some(after.get(skip..).unwrap_or("")))
            }
            None => (rest, None),
        };
        let trimmed_start = line.trim_start();
        let indent = line
            .get(..line.len() - trimmed_start.len())
            .map_or(0, |s| s.chars().count() as u64);
        let content = trimmed_start.trim_end();
        lines.push(Line {
            number,
            indent,
            content,
            junk: is_junk_line(content),
        });
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    lines
}

/// Whether a line is blank or made only of page furniture: document symbols, `GE.25-02819`
/// job numbers, page numbers, `(E)` language marks, date stamps and bar-code numbers.
fn is_junk_line(content: &str) -> bool {
    content.split_whitespace().all(is_junk_token)
}

fn is_junk_token(token: &str) -> bool {
    let t = token.trim_matches('*');
    if t.is_empty() {
        return !token.is_empty();
    }
    if t.len() <= 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if t.len() == 3 && t.starts_with('(') && t.ends_with(')') {
        return t.chars().nth(1).is_some_and(|c| c.is_ascii_uppercase());
    }
    if let Some(rest) = t.strip_prefix("GE.") {
        return rest
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-' || b == b'.');
    }
    symbol_at(t).is_some_and(|(_, len)| {
        let after = t.get(len..).unwrap_or("");
        after.is_empty() || after.starts_with("/Add.") || after.starts_with("/Corr.")
    })
}

/// A document symbol `A/HRC/<n>/<n>` at the start of `s`: the symbol and its length in bytes.
fn symbol_at(s: &str) -> Option<(String, usize)> {
    let rest = s.strip_prefix("A/HRC/")?;
    let (a, rest) = split_digits(rest)?;
    let rest = rest.strip_prefix('/')?;
    let (b, rest) = split_digits(rest)?;
    let len = s.len() - rest.len();
    Some((format!("A/HRC/{a}/{b}"), len))
}

/// A leading run of 1 to 4 ASCII digits and what follows it.
fn split_digits(s: &str) -> Option<(&str, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 4 {
        return None;
    }
    Some((s.get(..n)?, s.get(n..)?))
}

// ---------------------------------------------------------------------------------------------
// Finding the lists
// ---------------------------------------------------------------------------------------------

/// A piece of an item's text: where its first character is in the input.
#[derive(Debug, Clone)]
struct Segment {
    /// Byte offset in the joined text.
    start: usize,
    line: u64,
    column: u64,
}

/// A recommendation as found: its number and its joined text with a map back to the input.
#[derive(Debug, Clone)]
struct RawItem {
    paragraph: String,
    text: String,
    segments: Vec<Segment>,
}

impl RawItem {
    fn new(paragraph: String) -> Self {
        RawItem {
            paragraph,
            text: String::new(),
            segments: Vec::new(),
        }
    }

    /// Appends a line's text, joining a hyphenated line break without a space.
    fn push(&mut self, s: &str, line: u64, column: u64) {
        let s = s.trim();
        if s.is_empty() {
            return;
        }
        if self.text.ends_with('\u{ad}') {
            self.text.pop();
        } else if !self.text.is_empty() && !ends_with_word_hyphen(&self.text) {
            self.text.push(' ');
        }
        self.segments.push(Segment {
            start: self.text.len(),
            line,
            column,
        });
        self.text.push_str(s);
    }

    /// Whether the item looks finished: it ends with `;` or `.`.
    fn complete(&self) -> bool {
        let t = self.text.trim_end();
        t.ends_with(';') || t.ends_with('.')
    }

    /// Where a byte offset of the joined text is in the input.
    fn position(&self, offset: usize) -> (u64, u64) {
        let seg = self
            .segments
            .iter()
            .rev()
            .find(|s| s.start <= offset)
            .or(self.segments.first());
        match seg {
            Some(seg) => {
                let chars = self
                    .text
                    .get(seg.start.min(offset)..offset)
                    .map_or(0, |s| s.chars().count() as u64);
                (seg.line, seg.column + chars)
            }
            None => (0, 0),
        }
    }

    fn first_line(&self) -> u64 {
        self.segments.first().map_or(0, |s| s.line)
    }
}

/// `gender-` + `based`, `2009-` + `2012`: a line ending with a hyphen after a letter or digit is
/// joined without a space.
fn ends_with_word_hyphen(text: &str) -> bool {
    let mut rev = text.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphanumeric)
}

/// The items of one paragraph `N`, with the paragraph's introduction when it has one.
#[derive(Debug)]
struct List {
    n: u64,
    intro: Option<String>,
    items: Vec<RawItem>,
    /// Problems found while reading it (reported only if the list is kept).
    problems: Vec<Problem>,
    /// Items numbered `1.`, `2.` … inside paragraph `N` (some first-cycle reports), labelled
    /// `N.1`, `N.2` ….
    plain: bool,
}

impl List {
    /// A list of paragraph `n` starting with its first item.
    fn start(n: u64, intro: Option<String>, plain: bool, first: RawItem) -> List {
        List {
            n,
            intro,
            items: vec![first],
            problems: Vec::new(),
            plain,
        }
    }
}

/// A new item from its first line: `label`, then the text from byte `after`.
fn new_item(label: String, content: &str, after: usize, line: &Line<'_>) -> RawItem {
    let mut item = RawItem::new(label);
    let text = content.get(after..).unwrap_or("");
    let lead = text.len() - text.trim_start().len();
    item.push(
        text,
        line.number,
        line.indent + 1 + chars_before(content, after + lead),
    );
    item
}

/// A line start `N.k` followed by whitespace (or nothing): the numbers, the label as written
/// and the byte offset of the text after it.
fn item_start(content: &str) -> Option<(u64, u64, String, usize)> {
    let (a, rest) = split_digits(content)?;
    let rest = rest.strip_prefix('.')?;
    let (b, rest) = split_digits(rest)?;
    // "1.2.3" or "10.5%" are not item numbers; "89.1." is.
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let n = a.parse().ok()?;
    let k = b.parse().ok()?;
    if n == 0 || k == 0 {
        return None;
    }
    let label = format!("{n}.{k}");
    Some((n, k, label, content.len() - rest.len()))
}

/// A line start `M.` followed by whitespace and text: a numbered paragraph of the report.
fn paragraph_start(content: &str) -> Option<(u64, usize)> {
    let (a, rest) = split_digits(content)?;
    let rest = rest.strip_prefix('.')?;
    if !rest.starts_with(char::is_whitespace) || rest.trim().is_empty() {
        return None;
    }
    Some((a.parse().ok()?, content.len() - rest.len()))
}

/// A section heading that ends a list: `III. …`, `Annex`.
fn is_heading(content: &str) -> bool {
    let lower = content.to_ascii_lowercase();
    if lower == "annex" || lower == "annexe" || lower.starts_with("annex ") {
        return true;
    }
    let roman: String = content
        .chars()
        .take_while(|c| matches!(c, 'I' | 'V' | 'X'))
        .collect();
    !roman.is_empty()
        && content
            .get(roman.len()..)
            .is_some_and(|r| r.starts_with(". ") || r == ".")
}

/// Character count of a byte prefix, for columns.
fn chars_before(s: &str, byte: usize) -> u64 {
    s.get(..byte).map_or(0, |p| p.chars().count() as u64)
}

/// Reads every list `N.1, N.2, …` and keeps those that are recommendations.
fn find_lists(lines: &[Line<'_>], problems: &mut Vec<Problem>) -> Vec<List> {
    let mut lists: Vec<List> = Vec::new();
    // The list being read.
    let mut current: Option<List> = None;
    // The numbered paragraph being read, outside any list: its number and text.
    let mut paragraph: Option<(u64, String)> = None;
    // The highest paragraph number seen: a list `N.1` outside it cannot start before it.
    let mut last_paragraph = 0u64;
    // Whether the previous line ended a sentence or was a heading.
    let mut after_break = true;

    for line in lines.iter().filter(|l| !l.junk) {
        let content = line.content;
        let column = line.indent + 1;
        let previous_ended = after_break;
        after_break = is_heading(content) || content.ends_with(['.', ':', ';', ')']);
        let after_break = previous_ended;

        if let Some(list) = current.as_mut() {
            let last_complete = list.items.last().is_none_or(RawItem::complete);
            let last_final = list
                .items
                .last()
                .is_some_and(|i| i.text.trim_end().ends_with(").") && !i.text.is_empty());
            let candidate = if list.plain {
                paragraph_start(content).map(|(k, after)| {
                    let n = list.n;
                    (n, k, format!("{n}.{k}"), after)
                })
            } else {
                item_start(content)
            };
            if let Some((n, k, label, after)) = candidate {
                if list.plain {
                    let next = list.items.len() as u64 + 1;
                    if k == next {
                        list.items.push(new_item(label, content, after, line));
                        continue;
                    }
                } else if n == list.n {
                    let last_k = list
                        .items
                        .last()
                        .and_then(|i| i.paragraph.rsplit('.').next())
                        .and_then(|k| k.parse::<u64>().ok())
                        .unwrap_or(0);
                    let next = last_k + 1;
                    if k == next || last_complete {
                        if k > next {
                            list.problems.push(Problem::at(
                                line.number,
                                Some(column),
                                if k == next + 1 {
                                    format!("{label} follows {n}.{last_k}: {n}.{next} is missing")
                                } else {
                                    format!(
                                        "{label} follows {n}.{last_k}: {n}.{next}–{n}.{} are missing",
                                        k - 1
                                    )
                                },
                            ));
                        } else if k < next {
                            list.problems.push(Problem::at(
                                line.number,
                                Some(column),
                                format!(
                                    "{label} comes again after {n}.{last_k}: check the numbering"
                                ),
                            ));
                        }
                        list.items.push(new_item(label, content, after, line));
                        continue;
                    }
                } else if k == 1 && (last_complete || n > list.n) {
                    // A new list begins (the next paragraph of an older report's split list);
                    // "2.1 million" wrapped to a line start inside an item does not.
                    if let Some(done) = current.take() {
                        lists.push(done);
                    }
                    let intro = paragraph
                        .take()
                        .filter(|(p, _)| *p == n)
                        .map(|(_, text)| text);
                    let first = new_item(label, content, after, line);
                    current = Some(List::start(n, intro, false, first));
                    continue;
                }
            }
            let ends = match paragraph_start(content) {
                Some((m, _)) => m < 1000 && (m > list.n || last_complete),
                None => false,
            } || (last_complete && is_heading(content))
                || last_final;
            if ends {
                if let Some(done) = current.take() {
                    lists.push(done);
                }
                // Fall through: the line is read as ordinary text below.
            } else {
                if let Some(item) = list.items.last_mut() {
                    item.push(content, line.number, column);
                }
                continue;
            }
        }

        // Outside a list.
        if let (Some((n, text)), Some((1, after))) = (paragraph.as_ref(), paragraph_start(content))
        {
            let intro = text.trim_end();
            if intro.ends_with(':') && intro.to_ascii_lowercase().contains("recommendation") {
                let n = *n;
                let intro = paragraph.take().map(|(_, text)| text);
                let first = new_item(format!("{n}.1"), content, after, line);
                current = Some(List::start(n, intro, true, first));
                continue;
            }
        }
        if let Some((n, k, label, after)) = item_start(content) {
            if k == 1 && n >= last_paragraph {
                let intro = paragraph
                    .take()
                    .filter(|(p, _)| *p == n)
                    .map(|(_, text)| text);
                let first = new_item(label, content, after, line);
                current = Some(List::start(n, intro, false, first));
                continue;
            }
        }
        // A paragraph number follows the previous one closely ("2025. The review …" is a
        // wrapped year, not paragraph 2025).
        let numbered = paragraph_start(content).filter(|(m, _)| {
            *m < 1000
                && (last_paragraph == 0
                    || (*m > last_paragraph && (*m <= last_paragraph + 5 || after_break)))
        });
        if let Some((m, after)) = numbered {
            last_paragraph = m;
            paragraph = Some((m, content.get(after..).unwrap_or("").trim().to_string()));
        } else if is_heading(content) {
            paragraph = None;
        } else if let Some((_, text)) = paragraph.as_mut() {
            if text.len() < 4000 {
                text.push(' ');
                text.push_str(content);
            }
        }
    }
    if let Some(done) = current.take() {
        lists.push(done);
    }

    let introduced = |l: &List| {
        l.intro
            .as_deref()
            .is_some_and(|t| t.to_ascii_lowercase().contains("recommendation"))
    };
    let with_states = |l: &List| {
        let n = l
            .items
            .iter()
            .filter(|i| {
                let (_, groups) = split_states(&i.text);
                !groups.is_empty()
            })
            .count();
        n > 0 && n * 2 >= l.items.len()
    };
    // When some lists are introduced as recommendations, only those are; otherwise lists whose
    // items mostly name States are.
    let any_introduced = lists.iter().any(introduced);
    let introduced_ns: Vec<u64> = lists
        .iter()
        .filter(|l| introduced(l))
        .map(|l| l.n)
        .collect();
    let mut kept = Vec::new();
    for list in lists {
        let keep = if any_introduced {
            introduced(&list)
                || (with_states(&list) && introduced_ns.iter().any(|n| n.abs_diff(list.n) <= 2))
        } else {
            with_states(&list)
        };
        if keep {
            problems.extend(list.problems.iter().cloned());
            kept.push(list);
        }
    }
    kept
}

// ---------------------------------------------------------------------------------------------
// Positions
// ---------------------------------------------------------------------------------------------

/// The position an introduction gives its list's items, and whether it is a known position.
fn position_of_intro(intro: &str) -> (Position, bool) {
    let t = collapse(&intro.to_lowercase());
    let has = |needles: &[&str]| needles.iter().any(|n| t.contains(n));
    if has(&[
        "did not enjoy",
        "do not enjoy",
        "does not enjoy",
        "not enjoy the support",
        "not supported",
        "not accepted",
        "did not accept",
        "does not accept",
        "rejected",
        "were noted",
        "was noted",
        "have been noted",
        "has been noted",
        "are noted",
        "be noted",
        "noted by",
        "took note",
        "takes note",
        "has noted",
    ]) {
        return (Position::Noted, true);
    }
    if has(&[
        "enjoy the support",
        "enjoyed the support",
        "enjoys the support",
        "supported by",
        "are supported",
        "were supported",
        "have been supported",
        "has supported",
        "accepted",
        "accepts",
        "already implemented",
        "process of implementation",
    ]) {
        return (Position::Supported, true);
    }
    (Position::Pending, false)
}

// ---------------------------------------------------------------------------------------------
// Items: text and States
// ---------------------------------------------------------------------------------------------

/// Collapses runs of whitespace into one space and trims.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A trailing parenthesized group of an item: its byte range in the text (parentheses
/// included) and its content.
#[derive(Debug, Clone)]
struct Group {
    open: usize,
    states: Vec<String>,
}

/// Splits an item's text into its recommendation text (byte length) and trailing State groups
/// (in text order).
fn split_states(text: &str) -> (usize, Vec<Group>) {
    let mut end = strip_terminator(text);
    let mut groups: Vec<Group> = Vec::new();
    loop {
        let head = text.get(..end).unwrap_or("").trim_end();
        if !head.ends_with(')') {
            break;
        }
        let Some(open) = matching_open(head) else {
            break;
        };
        let content = collapse(head.get(open + 1..head.len() - 1).unwrap_or(""));
        let Some(states) = states_of_group(&content) else {
            break;
        };
        groups.push(Group { open, states });
        end = open;
        if text.get(..end).is_none_or(|h| h.trim().is_empty()) {
            break;
        }
    }
    groups.reverse();
    let body = text.get(..end).unwrap_or("").trim_end();
    // A terminator left before the States ("text; (Algeria)") is not part of the text either.
    let body_len = strip_terminator(body);
    (body_len, groups)
}

/// The byte length of `text` without trailing whitespace, `;`, `.` and `,`.
fn strip_terminator(text: &str) -> usize {
    text.trim_end_matches(|c: char| c.is_whitespace() || c == ';' || c == '.' || c == ',')
        .len()
}

/// The byte offset of the `(` matching the `)` that ends `s`.
fn matching_open(s: &str) -> Option<usize> {
    let mut depth = 0i64;
    for (i, c) in s.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The States of a parenthesized group, or `None` when it is not a group of States.
fn states_of_group(content: &str) -> Option<Vec<String>> {
    if content.is_empty() {
        return None;
    }
    if states::resolve(content).is_some() {
        return Some(vec![content.to_string()]);
    }
    let parts = split_final_and(merge_inverted_names(split_top_level_commas(content)));
    if parts.len() > 1 {
        if parts.iter().all(|p| states::resolve(p).is_some()) {
            return Some(parts);
        }
        // Several names, some unknown: split when they are all names and at least one is a
        // State, and none is the tail of an inverted name ("Korea, Republic of").
        let fragment = |p: &str| {
            let l = p.to_ascii_lowercase();
            l.ends_with(" of") || l.ends_with(" of the") || l.starts_with("republic")
        };
        if parts.iter().any(|p| states::resolve(p).is_some())
            && parts.iter().all(|p| looks_like_name(p) && !fragment(p))
        {
            return Some(parts);
        }
    }
    if looks_like_name(content) {
        return Some(vec![content.to_string()]);
    }
    None
}

/// Splits on commas outside nested parentheses; trims the parts and drops empty ones.
fn split_top_level_commas(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i64;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth == 0 {
            parts.push(collapse(&cur));
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    parts.push(collapse(&cur));
    parts.retain(|p| !p.is_empty());
    parts
}

/// Splits "Egypt and Argentina" into two States when it does not resolve as a whole and both
/// halves do ("Trinidad and Tobago" stays whole).
fn split_final_and(parts: Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for part in parts {
        if states::resolve(&part).is_none() {
            if let Some((a, b)) = part.rsplit_once(" and ") {
                if states::resolve(a).is_some() && states::resolve(b).is_some() {
                    out.push(a.trim().to_string());
                    out.push(b.trim().to_string());
                    continue;
                }
            }
        }
        out.push(part);
    }
    out
}

/// Joins the tail of an inverted name to its head: "Korea", "Republic of" → "Korea, Republic of".
fn merge_inverted_names(parts: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in parts {
        let lower = part.to_lowercase();
        let tail = lower.ends_with(" of")
            || lower.ends_with(" of the")
            || !part.chars().next().is_some_and(char::is_uppercase);
        match out.last_mut() {
            Some(prev) if tail => {
                prev.push_str(", ");
                prev.push_str(&part);
            }
            _ => out.push(part),
        }
    }
    out
}

/// Words that name things other than States ("(Paris Principles)", "(Istanbul Convention)").
const NOT_STATE_WORDS: &[&str] = &[
    "principles",
    "principle",
    "convention",
    "protocol",
    "covenant",
    "act",
    "law",
    "code",
    "committee",
    "rights",
    "agenda",
    "goal",
    "goals",
    "strategy",
    "plan",
    "programme",
    "program",
    "office",
    "commission",
    "commissioner",
    "council",
    "declaration",
    "rules",
    "guidelines",
    "treaty",
    "statute",
    "charter",
    "ombudsman",
    "ombudsperson",
    "institution",
    "institutions",
    "mechanism",
    "recommendation",
    "recommendations",
    "resolution",
    "article",
    "articles",
    "paragraph",
    "see",
    "annex",
];

/// Lower-case words allowed inside a name.
const NAME_CONNECTORS: &[&str] = &[
    "of", "and", "the", "de", "del", "da", "du", "des", "la", "le", "et", "y", "on", "behalf",
];

/// Whether a group's content looks like a (possibly unknown) State name: capitalized words, no
/// digits, not an acronym, nothing that names an instrument or an institution.
fn looks_like_name(content: &str) -> bool {
    let content = content.trim();
    if content.is_empty() || content.chars().count() > 80 {
        return false;
    }
    if !content.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if content.chars().any(|c| {
        !(c.is_alphabetic()
            || c.is_whitespace()
            || matches!(
                c,
                '\'' | '’' | '‘' | '-' | '.' | ',' | '(' | ')' | '&' | '–'
            ))
    }) {
        return false;
    }
    let words: Vec<&str> = content
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 10 {
        return false;
    }
    // An acronym ("CEDAW", "OPCAT") that does not resolve is not a State.
    if words.len() == 1
        && words.first().is_some_and(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        })
    {
        return false;
    }
    words.iter().all(|w| {
        let lower = w.to_lowercase();
        if NOT_STATE_WORDS.contains(&lower.trim_matches('.')) {
            return false;
        }
        w.chars().next().is_some_and(char::is_uppercase) || NAME_CONNECTORS.contains(w)
    })
}

/// Turns a found item into a recommendation, reporting unknown States and odd endings.
fn finish_item(
    item: &RawItem,
    position: Position,
    position_source: Option<String>,
    problems: &mut Vec<Problem>,
) -> NewRecommendation {
    let (body_len, groups) = split_states(&item.text);
    let body = collapse(item.text.get(..body_len).unwrap_or(""));
    let mut states_out = Vec::new();
    for group in &groups {
        for state in &group.states {
            if states::resolve(state).is_none() {
                let offset = item
                    .text
                    .get(group.open..)
                    .and_then(|g| g.find(state.split_whitespace().next().unwrap_or("")))
                    .map_or(group.open, |i| group.open + i);
                let (line, column) = item.position(offset);
                problems.push(Problem::at(
                    line,
                    Some(column),
                    format!(
                        "not a known State: \u{201c}{state}\u{201d} (in {}); kept as written",
                        item.paragraph
                    ),
                ));
            }
            states_out.push(state.clone());
        }
    }
    let line = item.first_line();
    if states_out.is_empty() {
        problems.push(Problem::at(
            line,
            None,
            format!(
                "{} names no recommending State: its text should end with the States in parentheses, e.g. \"(Algeria);\"",
                item.paragraph
            ),
        ));
    }
    if body.is_empty() {
        problems.push(Problem::at(
            line,
            None,
            format!("{} has no text", item.paragraph),
        ));
    }
    if !item.complete() {
        problems.push(Problem::at(
            line,
            None,
            format!(
                "{} does not end with \";\" or \".\": its text may be cut or run on",
                item.paragraph
            ),
        ));
    }
    NewRecommendation {
        paragraph: item.paragraph.clone(),
        text: body,
        states: states_out,
        position,
        position_source,
        themes: Vec::new(),
        groups_of_persons: Vec::new(),
        sdgs: Vec::new(),
        action_category: None,
        tracking: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

/// Reads the State, symbol, sessions and date.
fn read_meta(lines: &[Line<'_>]) -> ReportMeta {
    let content: Vec<&Line<'_>> = lines.iter().filter(|l| !l.content.is_empty()).collect();
    // Prose: every non-junk line joined, for phrases that wrap.
    let mut prose = String::new();
    for line in lines.iter().filter(|l| !l.junk) {
        if !prose.is_empty() && !ends_with_word_hyphen(&prose) {
            prose.push(' ');
        }
        prose.push_str(line.content);
    }
    let prose = collapse(&prose);
    let lower = prose.to_ascii_lowercase();

    let state_under_review = state_from_title(&content, false)
        .or_else(|| state_from_title(&content, true))
        .or_else(|| {
            between(&prose, &lower, "the review of ", " was held")
                .filter(|s| s.len() < 80)
                .map(|s| canonical_state(&s))
        });

    ReportMeta {
        state_under_review,
        report_symbol: report_symbol(lines),
        wg_session: ordinal_after(&prose, &lower, "held its ", " session")
            .or_else(|| {
                let wg = lower.find("working group")?;
                let rest = lower.get(wg..)?;
                let at = rest.find("at its ")?;
                if at > 300 {
                    return None;
                }
                ordinal_after(
                    prose.get(wg + at..)?,
                    rest.get(at..)?,
                    "at its ",
                    " session",
                )
            })
            .or_else(|| ordinal_before(&lower, " session, held from")),
        hrc_session: ordinal_after(&prose, &lower, "no later than the ", " session")
            .or_else(|| ordinal_after(&prose, &lower, "human rights council at its ", " session")),
        review_date: review_date(&prose, &lower),
    }
}

/// The canonical name when the State is known, else the name as written.
fn canonical_state(name: &str) -> String {
    let name = collapse(name.trim_matches(|c: char| c == '*' || c.is_whitespace()));
    states::resolve(&name).map_or(name, |s| s.name.to_string())
}

/// The State named by the title "Report of the Working Group on the Universal Periodic Review*
/// <State>" (the title may wrap, and the State may follow on the same line after ":" or "-").
///
/// With `as_written`, a name that does not resolve is taken as written, from the full title
/// only.
fn state_from_title(lines: &[&Line<'_>], as_written: bool) -> Option<String> {
    for (i, line) in lines.iter().enumerate() {
        let lower = line.content.to_ascii_lowercase();
        let Some(at) = lower.find("universal periodic") else {
            continue;
        };
        if !lower.contains("working group") && !lower.starts_with("universal periodic review") {
            continue;
        }
        let after = lower.get(at..).unwrap_or("");
        let mut rest_start = at + "universal periodic".len();
        let mut next = i + 1;
        if after.starts_with("universal periodic review") {
            rest_start = at + "universal periodic review".len();
        } else if after.trim_end() == "universal periodic" {
            // "Review*" on the next line.
            let review = lines.get(next).map(|l| l.content.to_ascii_lowercase());
            if review.is_some_and(|r| r.trim_end_matches(['*', ' ']).trim() == "review") {
                next += 1;
            } else {
                continue;
            }
        } else {
            continue;
        }
        let rest = line
            .content
            .get(rest_start..)
            .unwrap_or("")
            .trim_start_matches(|c: char| {
                c == '*' || c == ':' || c == '-' || c == '–' || c.is_whitespace() || c.is_numeric()
            })
            .trim();
        if !rest.is_empty() {
            if let Some(state) = states::resolve(rest) {
                return Some(state.name.to_string());
            }
            continue;
        }
        // The next non-junk line (skipping footnote marks) names the State.
        for candidate in lines.iter().skip(next).take(3) {
            if candidate.junk {
                continue;
            }
            let name = candidate
                .content
                .trim_matches(|c: char| c == '*' || c.is_whitespace());
            if let Some(state) = states::resolve(name) {
                return Some(state.name.to_string());
            }
            if as_written
                && lower.contains("working group")
                && looks_like_name(name)
                && name.split_whitespace().count() <= 6
            {
                return Some(collapse(name));
            }
            break;
        }
    }
    None
}

/// The report's own symbol: the one standing alone in the page headers (the most frequent),
/// else the first one in the text before its first numbered paragraph.
fn report_symbol(lines: &[Line<'_>]) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for line in lines {
        // A header line: the symbol alone, or last after "United Nations  …".
        let Some(last) = line.content.split_whitespace().last() else {
            continue;
        };
        let Some((symbol, len)) = symbol_at(last.trim_matches('*')) else {
            continue;
        };
        if last.trim_matches('*').len() != len {
            continue;
        }
        let alone = line.content.split_whitespace().count() == 1
            || line
                .content
                .to_ascii_lowercase()
                .starts_with("united nations");
        if !alone {
            continue;
        }
        match counts.iter_mut().find(|(s, _)| *s == symbol) {
            Some((_, n)) => *n += 1,
            None => counts.push((symbol, 1)),
        }
    }
    let mut best: Option<(String, usize)> = None;
    for (symbol, n) in counts {
        if best.as_ref().is_none_or(|(_, b)| n > *b) {
            best = Some((symbol, n));
        }
    }
    if let Some((symbol, _)) = best {
        return Some(symbol);
    }
    for line in lines {
        if paragraph_start(line.content).is_some_and(|(m, _)| m == 1) {
            break;
        }
        let mut rest = line.content;
        while let Some(at) = rest.find("A/HRC/") {
            let from = rest.get(at..).unwrap_or("");
            if let Some((symbol, len)) = symbol_at(from) {
                let after = from.get(len..).unwrap_or("");
                if !after.starts_with("/Add") && !after.starts_with(|c: char| c.is_ascii_digit()) {
                    return Some(symbol);
                }
            }
            rest = from.get(6..).unwrap_or("");
        }
    }
    None
}

/// The text between `prefix` and `suffix` (searched case-insensitively in `lower`, the ASCII
/// lower-case copy of `prose`), when close enough together.
fn between(prose: &str, lower: &str, prefix: &str, suffix: &str) -> Option<String> {
    let start = lower.find(prefix)? + prefix.len();
    let len = window(lower, start, 200).find(suffix)?;
    if len == 0 || len > 120 {
        return None;
    }
    prose.get(start..start + len).map(str::to_string)
}

/// At most `len` bytes of `s` from `start`, cut at a character boundary.
fn window(s: &str, start: usize, len: usize) -> &str {
    let mut end = start.saturating_add(len).min(s.len());
    while end > start && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(start..end).unwrap_or("")
}

/// The ordinal number between `prefix` and `suffix`, at the first place where one is found.
fn ordinal_after(prose: &str, lower: &str, prefix: &str, suffix: &str) -> Option<i64> {
    let mut from = 0;
    while let Some(at) = lower.get(from..).and_then(|l| l.find(prefix)) {
        let start = from + at + prefix.len();
        if let Some(len) = window(lower, start, 80).find(suffix) {
            if len <= 60 {
                if let Some(n) = prose.get(start..start + len).and_then(parse_ordinal) {
                    return Some(n);
                }
            }
        }
        from = start;
    }
    None
}

/// The ordinal number just before `suffix` ("forty-eighth session, held from").
fn ordinal_before(lower: &str, suffix: &str) -> Option<i64> {
    let end = lower.find(suffix)?;
    let head = lower.get(..end)?;
    let words: Vec<&str> = head.split_whitespace().collect();
    // The longest run of trailing words that reads as an ordinal.
    for take in (1..=words.len().min(6)).rev() {
        let start = words.len() - take;
        if let Some(n) = words.get(start..).and_then(|w| parse_ordinal(&w.join(" "))) {
            return Some(n);
        }
    }
    None
}

/// Parses an English ordinal (or cardinal) up to the hundreds: "forty-eighth", "one hundred
/// and first", "48th", "48".
fn parse_ordinal(s: &str) -> Option<i64> {
    let s = s.trim().to_lowercase();
    if s.is_empty() {
        return None;
    }
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let suffix = s.get(digits.len()..)?.trim();
        if matches!(suffix, "" | "st" | "nd" | "rd" | "th") && digits.len() <= 4 {
            return digits.parse().ok();
        }
        return None;
    }
    let mut total = 0i64;
    let mut current = 0i64;
    let mut any = false;
    for word in s.split(|c: char| c.is_whitespace() || c == '-' || c == '‐' || c == '–') {
        if word.is_empty() || word == "and" {
            continue;
        }
        if word == "hundred" || word == "hundredth" {
            current = current.max(1) * 100;
            any = true;
            continue;
        }
        let v = word_value(word)?;
        current += v;
        any = true;
    }
    total += current;
    if any && total > 0 {
        Some(total)
    } else {
        None
    }
}

/// The value of one number word, cardinal or ordinal.
fn word_value(word: &str) -> Option<i64> {
    Some(match word {
        "one" | "first" => 1,
        "two" | "second" => 2,
        "three" | "third" => 3,
        "four" | "fourth" => 4,
        "five" | "fifth" => 5,
        "six" | "sixth" => 6,
        "seven" | "seventh" => 7,
        "eight" | "eighth" => 8,
        "nine" | "ninth" => 9,
        "ten" | "tenth" => 10,
        "eleven" | "eleventh" => 11,
        "twelve" | "twelfth" => 12,
        "thirteen" | "thirteenth" => 13,
        "fourteen" | "fourteenth" => 14,
        "fifteen" | "fifteenth" => 15,
        "sixteen" | "sixteenth" => 16,
        "seventeen" | "seventeenth" => 17,
        "eighteen" | "eighteenth" => 18,
        "nineteen" | "nineteenth" => 19,
        "twenty" | "twentieth" => 20,
        "thirty" | "thirtieth" => 30,
        "forty" | "fortieth" => 40,
        "fifty" | "fiftieth" => 50,
        "sixty" | "sixtieth" => 60,
        "seventy" | "seventieth" => 70,
        "eighty" | "eightieth" => 80,
        "ninety" | "ninetieth" => 90,
        _ => return None,
    })
}

/// "The review of Slovenia was held at the 13th meeting, on 28 January 2025" → `2025-01-28`.
fn review_date(prose: &str, lower: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = lower.get(from..).and_then(|l| l.find("was held at the")) {
        let start = from + at;
        let near = window(prose, start, 120);
        if let Some(on) = near.find(" on ") {
            if let Some(date) = near.get(on + 4..).and_then(parse_date) {
                return Some(date);
            }
        }
        from = start + 1;
    }
    None
}

/// Parses "28 January 2025" at the start of `s`.
fn parse_date(s: &str) -> Option<String> {
    let mut words = s.split_whitespace();
    let day: u32 = words.next()?.parse().ok()?;
    let month = match words.next()?.to_ascii_lowercase().as_str() {
        "january" => 1,
        "february" => 2,
        "march" => 3,
        "april" => 4,
        "may" => 5,
        "june" => 6,
        "july" => 7,
        "august" => 8,
        "september" => 9,
        "october" => 10,
        "november" => 11,
        "december" => 12,
        _ => return None,
    };
    let year_word = words.next()?;
    let year: String = year_word.chars().take_while(char::is_ascii_digit).collect();
    if year.len() != 4 || !(1..=31).contains(&day) {
        return None;
    }
    Some(format!("{year}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(parse_ordinal("forty-eighth"), Some(48));
        assert_eq!(parse_ordinal("fifty-ninth"), Some(59));
        assert_eq!(parse_ordinal("first"), Some(1));
        assert_eq!(parse_ordinal("one hundred and first"), Some(101));
        assert_eq!(parse_ordinal("48th"), Some(48));
        assert_eq!(parse_ordinal("twelfth"), Some(12));
        assert_eq!(parse_ordinal("session"), None);
        assert_eq!(parse_ordinal(""), None);
    }

    #[test]
    fn junk_lines() {
        assert!(is_junk_line("A/HRC/59/15"));
        assert!(is_junk_line("GE.25-02819 (E)    210325 210325"));
        assert!(is_junk_line("12      GE.25-02819"));
        assert!(is_junk_line(""));
        assert!(!is_junk_line("(Paraguay);"));
        assert!(!is_junk_line("2025."));
    }

    #[test]
    fn item_starts() {
        assert_eq!(
            item_start("140.1    Ratify").map(|s| (s.0, s.1)),
            Some((140, 1))
        );
        assert_eq!(
            item_start("89.1. Ratify").map(|s| (s.0, s.1)),
            Some((89, 1))
        );
        assert!(item_start("10.5% of").is_none());
        assert!(item_start("1.2.3 x").is_none());
        assert!(item_start("12. The").is_none());
    }

    #[test]
    fn groups() {
        let (len, groups) = split_states("Do it (Algeria) (Cabo Verde);");
        assert_eq!(len, "Do it".len());
        assert_eq!(groups.len(), 2);
        let (_, groups) = split_states("Do it (the Paris Principles) (Philippines);");
        assert_eq!(groups.len(), 1);
        let (_, groups) = split_states("Do it (Bolivia (Plurinational State of), Cuba).");
        assert_eq!(
            groups.first().map(|g| g.states.clone()),
            Some(vec![
                "Bolivia (Plurinational State of)".to_string(),
                "Cuba".to_string()
            ])
        );
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("28 January 2025."), Some("2025-01-28".into()));
        assert_eq!(parse_date("32 January 2025"), None);
    }
}
