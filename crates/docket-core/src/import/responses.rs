//! The State's responses to its recommendations, from the addendum's text (`A/HRC/…/Add.1`).
//!
//! Addenda list the paragraphs a State supports or notes in running text:
//!
//! ```text
//! 3. Slovenia supports the following recommendations: 140.1, 140.2, 140.5–140.9 and 140.12.
//! 4. The following recommendations are noted: 140.3, 140.4.
//! Recommendations 26.1 to 26.15 enjoy the support of the United States.
//! ```
//!
//! What is read:
//!
//! - sentences (split at `.` followed by a space and a non-digit, at blank lines and at the
//!   addendum's own numbered paragraphs `3. ...`) that contain paragraph numbers (`140.1`) and a
//!   position word: *supports / supported / accepts / enjoy the support* → supported; *notes /
//!   noted / takes note / does not support / rejects* → noted; *supported in part / partially
//!   supported / partly accepted / supported/noted* → supported in part;
//! - lists with `,`, `;`, `and`, `&`, ranges with `-`, `–`, `—`, `to`, `through`, and bare numbers
//!   after the prefix was given (`140.1, 2 and 5`, `140.5-9`): a bare number is read with the
//!   prefix of the list's paragraph numbers only when all of them share one prefix, otherwise it
//!   is a [`Problem`];
//! - lines that pair paragraphs with a position: `140.3 Noted`, `140.3: Supported`, table rows
//!   `| 140.3 | Supported in part |` or tab-separated.
//!
//! A position word before a list (`supports 140.1`, `are noted: 140.3`) applies to it; one after
//! it (`140.1 and 140.2 are supported`, `26.1 to 26.15 enjoy the support`) applies to the list
//! before it. Sentences with paragraph numbers but no position word are ignored; a sentence giving
//! the same list two positions (`received support or were noted`) is not read and becomes a
//! problem.
//!
//! **Decision:** a paragraph listed with two different positions (in the supported list and in the
//! noted list) is a State's way of supporting it in part: it gets
//! [`Position::SupportedInPart`] and a [`Problem`] tells the user to check it.

use std::collections::HashMap;

use crate::domain::Position;
use crate::import::thematic::{clean, position_of, strip_bullet};
use crate::import::{PositionUpdate, Problem};
use crate::paragraph::sort_key;

/// What an addendum's text gave.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResponsesParse {
    /// One update per paragraph, sorted numerically by paragraph; `position_source` is
    /// `"<symbol> - Para.<n>"` when the addendum's paragraph is known (`"Para.<n>"` without a
    /// symbol), else the symbol.
    pub updates: Vec<PositionUpdate>,
    /// Doubtful or contradictory statements.
    pub problems: Vec<Problem>,
}

/// The largest range read (`140.1–140.254` is 254).
const MAX_RANGE: u32 = 2000;

/// Reads the positions an addendum's text gives. `symbol` is the addendum's symbol
/// (`A/HRC/59/15/Add.1`), used for `position_source`. Never panics.
pub fn parse(text: &str, symbol: Option<&str>) -> ResponsesParse {
    let mut out = Collector {
        symbol: symbol
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from),
        ..Collector::default()
    };
    let mut para: Option<u32> = None;
    let mut current = Statement::default();
    for (index, raw) in text.lines().enumerate() {
        let line_no = index as u64 + 1;
        let cleaned = clean(raw);
        let (_, line) = strip_bullet(&cleaned);
        let line = line.trim();
        if line.is_empty() {
            out.statement(&std::mem::take(&mut current));
            continue;
        }
        let line = match addendum_paragraph(line) {
            Some((n, rest)) => {
                out.statement(&std::mem::take(&mut current));
                para = Some(n);
                rest
            }
            None => line,
        };
        if out.row(line, line_no, para) {
            out.statement(&std::mem::take(&mut current));
            continue;
        }
        if line.contains('|') || line.contains('\t') {
            // A table row that does not pair paragraphs with a position: its own statement.
            out.statement(&std::mem::take(&mut current));
            let row = Statement {
                text: line.replace(['|', '\t'], " ; "),
                lines: vec![(0, line_no)],
                para,
            };
            out.statement(&row);
            continue;
        }
        if current.text.is_empty() {
            current.para = para;
        } else {
            current.text.push(' ');
        }
        current.lines.push((current.text.len(), line_no));
        current.text.push_str(line);
    }
    out.statement(&current);
    out.finish()
}

/// Text of one or more joined lines, with where each line starts.
#[derive(Default)]
struct Statement {
    text: String,
    /// (byte offset in `text`, 1-based line).
    lines: Vec<(usize, u64)>,
    /// The addendum's paragraph the text is in.
    para: Option<u32>,
}

impl Statement {
    fn line_at(&self, offset: usize) -> u64 {
        self.lines
            .iter()
            .take_while(|(start, _)| *start <= offset)
            .last()
            .or_else(|| self.lines.first())
            .map(|&(_, l)| l)
            .unwrap_or(0)
    }
}

#[derive(Default)]
struct Collector {
    symbol: Option<String>,
    updates: Vec<PositionUpdate>,
    /// paragraph → (index in updates, line first seen, position first given).
    index: HashMap<String, (usize, u64, Position)>,
    problems: Vec<Problem>,
}

impl Collector {
    fn source(&self, para: Option<u32>) -> Option<String> {
        match (&self.symbol, para) {
            (Some(s), Some(n)) => Some(format!("{} - Para.{}", s, n)),
            (None, Some(n)) => Some(format!("Para.{}", n)),
            (Some(s), None) => Some(s.clone()),
            (None, None) => None,
        }
    }

    fn set(&mut self, paragraph: String, position: Position, line: u64, para: Option<u32>) {
        if let Some(&(i, first_line, first)) = self.index.get(&paragraph) {
            if first == position {
                return;
            }
            if let Some(update) = self.updates.get_mut(i) {
                if update.position != Some(Position::SupportedInPart) {
                    update.position = Some(Position::SupportedInPart);
                }
            }
            self.problems.push(Problem::at(
                line,
                None,
                format!(
                    "Recommendation {} is listed as {} here and as {} at line {}: read as \
                     supported in part; check the addendum.",
                    paragraph, position, first, first_line
                ),
            ));
            return;
        }
        let source = self.source(para);
        self.index
            .insert(paragraph.clone(), (self.updates.len(), line, position));
        self.updates.push(PositionUpdate {
            paragraph,
            position: Some(position),
            position_source: source,
            text: None,
            states: Vec::new(),
            themes: Vec::new(),
            groups_of_persons: Vec::new(),
            sdgs: Vec::new(),
        });
    }

    /// A line pairing paragraphs with a position (`140.3 Noted`, `| 140.3 | Supported |`).
    /// Returns whether it was one.
    fn row(&mut self, line: &str, line_no: u64, para: Option<u32>) -> bool {
        let cells: Vec<&str> = if line.contains('|') {
            line.split('|')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        } else if line.contains('\t') {
            line.split('\t')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        } else {
            vec![line]
        };
        let mut refs: Option<Vec<String>> = None;
        let mut position = None;
        for cell in &cells {
            if refs.is_none() {
                if let Some((found, rest)) = leading_refs(cell, line_no, &mut self.problems) {
                    let rest = rest
                        .trim()
                        .trim_start_matches([':', '-', '–', '—', '|'])
                        .trim();
                    if !rest.is_empty() {
                        position = position.or_else(|| position_of(rest));
                        if cells.len() == 1 && position.is_none() {
                            return false;
                        }
                    }
                    refs = Some(found);
                    continue;
                }
            }
            if position.is_none() {
                position = position_of(cell);
            }
        }
        match (refs, position) {
            (Some(refs), Some(position)) if !refs.is_empty() => {
                for r in refs {
                    self.set(r, position, line_no, para);
                }
                true
            }
            _ => false,
        }
    }

    /// Reads the sentences of a statement.
    fn statement(&mut self, st: &Statement) {
        if st.text.trim().is_empty() {
            return;
        }
        for (start, end) in sentences(&st.text) {
            let Some(sentence) = st.text.get(start..end) else {
                continue;
            };
            let toks = tokenize(sentence);
            self.sentence(st, start, &toks);
        }
    }

    fn sentence(&mut self, st: &Statement, base: usize, toks: &[Tok]) {
        let groups = ref_groups(toks);
        if groups.is_empty() {
            return;
        }
        let keywords = keywords(toks);
        if keywords.is_empty() {
            return;
        }
        // Where each keyword points.
        let mut targets: Vec<Vec<Position>> = vec![Vec::new(); groups.len()];
        let mut kw_info: Vec<(usize, Position, bool)> = Vec::new(); // (token index, position, forward)
        for kw in &keywords {
            let forward = forward_group(toks, kw.end, &groups);
            match forward {
                Some(g) => {
                    if let Some(t) = targets.get_mut(g) {
                        t.push(kw.position);
                    }
                }
                None => {
                    if let Some(g) = groups.iter().rposition(|gr| gr.last < kw.start) {
                        if let Some(t) = targets.get_mut(g) {
                            t.push(kw.position);
                        }
                    }
                }
            }
            kw_info.push((kw.start, kw.position, forward.is_some()));
        }
        for (gi, group) in groups.iter().enumerate() {
            let mut positions = targets.get(gi).cloned().unwrap_or_default();
            if positions.is_empty() {
                // Inherit from the nearest preceding forward keyword, else the nearest following
                // backward one.
                let before = kw_info
                    .iter()
                    .rev()
                    .find(|(i, _, fwd)| *fwd && *i < group.first)
                    .map(|&(_, p, _)| p);
                let after = kw_info
                    .iter()
                    .find(|(i, _, fwd)| !*fwd && *i > group.last)
                    .map(|&(_, p, _)| p);
                if let Some(p) = before.or(after) {
                    positions.push(p);
                }
            }
            positions.dedup();
            let offset = toks.get(group.first).map(|t| t.start).unwrap_or(0);
            let line = st.line_at(base + offset);
            let Some(&position) = positions.first() else {
                continue;
            };
            if positions.iter().any(|&p| p != position) {
                self.problems.push(Problem::at(
                    line,
                    None,
                    "This sentence gives the same recommendations more than one position; \
                     it was not read.",
                ));
                continue;
            }
            let refs = expand(toks, group, line, &mut self.problems);
            for r in refs {
                self.set(r, position, line, st.para);
            }
        }
    }

    fn finish(mut self) -> ResponsesParse {
        let mut updates = self.updates;
        updates.sort_by_cached_key(|u| sort_key(&u.paragraph));
        self.problems
            .sort_by_key(|p| (p.line.is_none(), p.line.unwrap_or(0)));
        ResponsesParse {
            updates,
            problems: self.problems,
        }
    }
}

/// `3. Slovenia supports ...`: the addendum's own paragraph number and the rest.
fn addendum_paragraph(line: &str) -> Option<(u32, &str)> {
    let end = line.find(|c: char| !c.is_ascii_digit())?;
    if end == 0 || end > 3 {
        return None;
    }
    let n: u32 = line.get(..end)?.parse().ok()?;
    let rest = line.get(end..)?.strip_prefix('.')?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim_start();
    if rest.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '(' | '‘')) {
        Some((n, rest))
    } else {
        None
    }
}

/// Byte ranges of sentences: split at `.`/`!`/`?` followed by whitespace and a non-digit.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let ws = chars
            .get(k + 1)
            .map(|&(_, n)| n.is_whitespace())
            .unwrap_or(true);
        let next = chars
            .iter()
            .skip(k + 1)
            .find(|(_, n)| !n.is_whitespace())
            .map(|&(_, n)| n);
        if ws && next.map(|n| !n.is_ascii_digit()).unwrap_or(true) {
            out.push((start, i + c.len_utf8()));
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// `140.1`: (prefix, number).
    Ref(String, u32),
    /// `5`.
    Bare(u32),
    /// `-`, `–`, `—`, `to`, `through`.
    Dash,
    /// `,`, `;`, `and`, `&`.
    List,
    /// Words that may sit inside a list (`recommendation`, `paragraphs`, `the`, ...).
    Neutral,
    /// `:`.
    Colon,
    /// Any other word (lower-cased).
    Word(String),
    /// Other punctuation.
    Punct,
}

#[derive(Debug, Clone)]
struct Tok {
    kind: Kind,
    start: usize,
    /// The token's text, lower-cased.
    text: String,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn tokenize(s: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut toks = Vec::new();
    let mut k = 0;
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    while let Some(&(start, c)) = chars.get(k) {
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if c.is_alphanumeric() {
            // A word or a number: alphanumerics joined by `.`, `/`, `'`, `’`, `-` when an
            // alphanumeric follows.
            let mut j = k;
            while let Some(ch) = at(j) {
                if is_word_char(ch) {
                    j += 1;
                    continue;
                }
                let joins = matches!(ch, '.' | '/' | '\'' | '’' | '-' | '_');
                if joins && at(j + 1).map(is_word_char).unwrap_or(false) {
                    // A dash between two numbers is a range, not a join.
                    if matches!(ch, '-')
                        && at(j + 1).map(|n| n.is_ascii_digit()).unwrap_or(false)
                        && at(j.wrapping_sub(1))
                            .map(|p| p.is_ascii_digit())
                            .unwrap_or(false)
                    {
                        break;
                    }
                    j += 2;
                    continue;
                }
                break;
            }
            let end = chars.get(j).map(|&(i, _)| i).unwrap_or(s.len());
            let word = s.get(start..end).unwrap_or("");
            toks.push(Tok {
                kind: classify(word),
                start,
                text: word.to_lowercase(),
            });
            k = j;
            continue;
        }
        let kind = match c {
            '-' | '–' | '—' | '‑' => Kind::Dash,
            ',' | ';' | '&' => Kind::List,
            ':' => Kind::Colon,
            _ => Kind::Punct,
        };
        // Quotes are transparent.
        if !matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | '*') {
            toks.push(Tok {
                kind,
                start,
                text: c.to_string(),
            });
        }
        k += 1;
    }
    toks
}

fn classify(word: &str) -> Kind {
    if word.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && word.starts_with(|c: char| c.is_ascii_digit())
    {
        let segs: Vec<&str> = word.split('.').collect();
        let ok = segs.iter().all(|s| !s.is_empty() && s.len() <= 5);
        match (segs.as_slice(), ok) {
            ([n], true) => {
                if let Ok(n) = n.parse() {
                    return Kind::Bare(n);
                }
            }
            ([p, n], true) if p.len() <= 4 => {
                if let Ok(n) = n.parse() {
                    return Kind::Ref((*p).to_string(), n);
                }
            }
            _ => {}
        }
        return Kind::Word(word.to_string());
    }
    let lower = word.to_lowercase();
    match lower.as_str() {
        "and" => Kind::List,
        "to" | "through" | "till" | "until" | "thru" => Kind::Dash,
        "recommendation" | "recommendations" | "paragraph" | "paragraphs" | "para" | "paras"
        | "no" | "nos" | "number" | "numbers" | "the" | "following" | "contained" | "listed"
        | "in" | "of" | "below" | "above" | "full" | "fully" | "namely" | "also" | "as"
        | "well" | "i.e" | "e.g" | "inclusive" => Kind::Neutral,
        _ => Kind::Word(lower),
    }
}

/// A list of paragraph numbers: token indices of its first and last number.
#[derive(Debug, Clone, Copy)]
struct Group {
    first: usize,
    last: usize,
}

fn ref_groups(toks: &[Tok]) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut current: Option<Group> = None;
    for (i, t) in toks.iter().enumerate() {
        match &t.kind {
            Kind::Ref(..) => match current.as_mut() {
                Some(g) => g.last = i,
                None => current = Some(Group { first: i, last: i }),
            },
            Kind::Bare(_) => {
                if let Some(g) = current.as_mut() {
                    g.last = i;
                }
            }
            Kind::Dash | Kind::List | Kind::Neutral => {}
            _ => {
                if let Some(g) = current.take() {
                    groups.push(g);
                }
            }
        }
    }
    if let Some(g) = current {
        groups.push(g);
    }
    groups
}

/// A position word found in a sentence, as token indices `start..end`.
struct Keyword {
    start: usize,
    end: usize,
    position: Position,
}

fn keywords(toks: &[Tok]) -> Vec<Keyword> {
    let texts: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < texts.len() {
        let w = |k: usize| texts.get(k).copied().unwrap_or("");
        let is_support = |s: &str| s.starts_with("support") || s.starts_with("accept");
        let found: Option<(usize, Position)> = if w(i) == "supported/noted"
            || w(i) == "noted/supported"
        {
            Some((1, Position::SupportedInPart))
        } else if (w(i) == "partially" || w(i) == "partly")
            && (is_support(w(i + 1)) || w(i + 1) == "noted")
        {
            Some((2, Position::SupportedInPart))
        } else if is_support(w(i)) && w(i + 1) == "in" && w(i + 2) == "part" {
            Some((3, Position::SupportedInPart))
        } else if matches!(w(i), "does" | "do" | "did" | "will" | "would" | "could")
            && w(i + 1) == "not"
            && (is_support(w(i + 2)) || w(i + 2) == "enjoy")
        {
            Some((if w(i + 2) == "enjoy" { 5 } else { 3 }, Position::Noted))
        } else if matches!(w(i), "cannot" | "not") && (is_support(w(i + 1)) || w(i + 1) == "enjoy")
        {
            Some((if w(i + 1) == "enjoy" { 4 } else { 2 }, Position::Noted))
        } else if w(i) == "unable" && w(i + 1) == "to" && is_support(w(i + 2)) {
            Some((3, Position::Noted))
        } else if matches!(
            w(i),
            "noted" | "notes" | "note" | "rejected" | "rejects" | "reject"
        ) {
            let len = if w(i + 1) == "of" { 2 } else { 1 };
            Some((len, Position::Noted))
        } else if is_support(w(i)) {
            Some((1, Position::Supported))
        } else {
            None
        };
        match found {
            Some((len, position)) => {
                out.push(Keyword {
                    start: i,
                    end: i + len,
                    position,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// The group a keyword ending at token `end` points forward to: reached by skipping neutral
/// words and colons only.
fn forward_group(toks: &[Tok], end: usize, groups: &[Group]) -> Option<usize> {
    let mut k = end;
    while let Some(t) = toks.get(k) {
        match t.kind {
            Kind::Neutral | Kind::Colon => k += 1,
            Kind::Ref(..) => return groups.iter().position(|g| g.first == k),
            _ => return None,
        }
    }
    None
}

/// The paragraphs of a group, ranges expanded and bare numbers given their prefix.
fn expand(toks: &[Tok], group: &Group, line: u64, problems: &mut Vec<Problem>) -> Vec<String> {
    let slice = toks.get(group.first..=group.last).unwrap_or(&[]);
    let mut prefixes: Vec<&str> = Vec::new();
    for t in slice {
        if let Kind::Ref(p, _) = &t.kind {
            if !prefixes.contains(&p.as_str()) {
                prefixes.push(p);
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut last: Option<(String, u32)> = None;
    let mut pending_range = false;
    for t in slice {
        let item = match &t.kind {
            Kind::Ref(p, n) => Some((p.clone(), *n)),
            Kind::Bare(n) => {
                let prefix = last.as_ref().map(|(p, _)| p.clone());
                match prefix {
                    Some(p) if prefixes.len() == 1 || pending_range => Some((p, *n)),
                    _ => {
                        problems.push(Problem::at(
                            line,
                            None,
                            format!(
                                "The number {} in a list of recommendations with different \
                                 prefixes ({}) is ambiguous; it was not read.",
                                n,
                                prefixes.join(", ")
                            ),
                        ));
                        pending_range = false;
                        continue;
                    }
                }
            }
            Kind::Dash => {
                if last.is_some() {
                    pending_range = true;
                }
                continue;
            }
            _ => {
                continue;
            }
        };
        let Some((p, n)) = item else { continue };
        if pending_range {
            pending_range = false;
            if let Some((lp, ln)) = last.clone() {
                if lp != p {
                    problems.push(Problem::at(
                        line,
                        None,
                        format!(
                            "The range {}.{} to {}.{} spans two prefixes; only its ends were read.",
                            lp, ln, p, n
                        ),
                    ));
                } else if n < ln || n - ln > MAX_RANGE {
                    problems.push(Problem::at(
                        line,
                        None,
                        format!("The range {}.{} to {}.{} is not a range of recommendations; only its ends were read.", lp, ln, p, n),
                    ));
                } else {
                    for m in ln.saturating_add(1)..n {
                        out.push(format!("{}.{}", p, m));
                    }
                }
            }
        }
        out.push(format!("{}.{}", p, n));
        last = Some((p, n));
    }
    out
}

/// `140.1, 140.2 and 140.5-140.7 Supported`: the paragraph numbers at the start of a cell and the
/// rest, when the cell starts with one.
fn leading_refs<'a>(
    cell: &'a str,
    line: u64,
    problems: &mut Vec<Problem>,
) -> Option<(Vec<String>, &'a str)> {
    let toks = tokenize(cell);
    let mut k = 0;
    while let Some(t) = toks.get(k) {
        if matches!(t.kind, Kind::Neutral) {
            k += 1;
        } else {
            break;
        }
    }
    if !matches!(toks.get(k).map(|t| &t.kind), Some(Kind::Ref(..))) {
        return None;
    }
    let first = k;
    let mut last = k;
    let mut j = k;
    while let Some(t) = toks.get(j) {
        match t.kind {
            Kind::Ref(..) | Kind::Bare(_) => {
                last = j;
                j += 1;
            }
            Kind::Dash | Kind::List => j += 1,
            _ => break,
        }
    }
    // Any number after the list makes it something else ("140.3 noted in paragraph 5").
    let rest_start = toks.get(last + 1).map(|t| t.start).unwrap_or(cell.len());
    let rest = cell.get(rest_start..).unwrap_or("");
    let mut scratch = Vec::new();
    let refs = expand(&toks, &Group { first, last }, line, &mut scratch);
    problems.extend(scratch);
    Some((refs, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_after_numbers_but_not_inside_them() {
        let text = "Slovenia supports 140.1 and 140.12. The others are noted.";
        let s: Vec<&str> = sentences(text)
            .into_iter()
            .filter_map(|(a, b)| text.get(a..b))
            .collect();
        assert_eq!(
            s,
            vec![
                "Slovenia supports 140.1 and 140.12.",
                " The others are noted."
            ]
        );
    }

    #[test]
    fn tokenizer_tells_refs_from_symbols() {
        let toks = tokenize("A/HRC/59/15/Add.1 lists 140.5–140.9, 12 and 10.12.2024");
        let kinds: Vec<Kind> = toks.into_iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Word("a/hrc/59/15/add.1".into()),
                Kind::Word("lists".into()),
                Kind::Ref("140".into(), 5),
                Kind::Dash,
                Kind::Ref("140".into(), 9),
                Kind::List,
                Kind::Bare(12),
                Kind::List,
                Kind::Word("10.12.2024".into()),
            ]
        );
    }

    #[test]
    fn addendum_paragraphs_are_recognized() {
        assert_eq!(
            addendum_paragraph("3. Slovenia supports"),
            Some((3, "Slovenia supports"))
        );
        assert_eq!(addendum_paragraph("140.3 Noted"), None);
        assert_eq!(addendum_paragraph("12. and so"), None);
    }
}
