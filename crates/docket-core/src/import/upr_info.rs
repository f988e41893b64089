//! UPR Info database exports (CSV).
//!
//! The export has one row per recommending State:
//! `To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session`. Header names
//! match case-insensitively and in any order; extra columns are ignored; `To`, `Text`, `From` and
//! `Session` are required.
//!
//! # Grouping
//!
//! Rows with the same State under review (`To`, as resolved), the same `Session` and the same
//! recommendation text are one recommendation with several recommending States (in the order of
//! their first appearance, without duplicates). The text is compared **after trimming surrounding
//! whitespace only**; whitespace inside the text is significant. This is the rule that yields the
//! documented figures of the real export of sessions 1-5 (6,094 rows → 5,644 recommendations in
//! 80 reviews): its 28 pairs of rows that differ only by trailing spaces are one recommendation
//! each, while one pair (Finland, session 1, Netherlands / Slovenia) differs by a double space
//! inside the text and is kept as two recommendations (collapsing inner whitespace would give
//! 5,643). The stored text is the first row's trimmed text, so two recommendations of one review
//! never end up with the same text.
//!
//! Within a group, the first non-empty `Response` and `Action` win (a conflicting `Response` is
//! reported as a problem), and the issues of all rows are merged (first appearance order).
//!
//! # Fields
//!
//! - `Response`: "Accepted"/"Supported" → supported, "Noted"/"Rejected" → noted, "Partially
//!   accepted"/"Supported/Noted" → supported in part, empty/"Pending" → pending, anything else →
//!   pending with a problem.
//! - `Action`: UPR Info's action category 1-5; other numbers or empty → none; not a number → none
//!   with a problem.
//! - `Issue`: comma-joined issues → themes, see [`split_issues`].
//! - `Session`: the Working Group session number, the first number in the cell ("5", "UPR 5",
//!   "Session 5"); the cycle comes from [`cycle_of_session`].
//! - `To`: canonical name via [`crate::states::resolve`], else as written with a problem.
//! - `From`: kept as written (the store resolves), HTML entities decoded (`&#40;Unknown&#41;` →
//!   `(Unknown)`); a name that is not a known State is reported once.
//!
//! UPR Info exports carry no paragraph numbers: `paragraph` is empty (the store then matches
//! recommendations by text) and recommendations keep their source order within a review.
//!
//! Line numbers in problems are 1-based lines of the decoded text, counting CR, LF and CRLF as
//! line breaks (the real file has bare CR line endings).

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

use super::decode;
use super::entities::decode_entities;
use super::{first_number, position_cell, ParsedReview, Problem};
use crate::domain::{NewRecommendation, NewReview, Position};
use crate::states;

/// The result of reading a UPR Info export.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UprInfoParse {
    /// One review per (State under review, session), ordered by session (unknown last), then by
    /// State.
    pub reviews: Vec<ParsedReview>,
    /// Data rows read (the header not counted), including rows skipped for a problem.
    pub rows: u64,
    /// Problems, with 1-based line numbers where known.
    pub problems: Vec<Problem>,
}

/// The UPR cycle of a Working Group session: sessions 1–12 → cycle 1, 13–26 → 2, 27–40 → 3,
/// 41–54 → 4, 55 and later → 5; `None` for a number below 1.
pub fn cycle_of_session(n: i64) -> Option<i64> {
    match n {
        i64::MIN..=0 => None,
        1..=12 => Some(1),
        13..=26 => Some(2),
        27..=40 => Some(3),
        41..=54 => Some(4),
        _ => Some(5),
    }
}

/// UPR Info issue names known to contain a comma, which [`split_issues`] keeps whole.
///
/// The export of sessions 1-5 has none (its 54 issues are all comma-free); the list is here so
/// that one seen in another export can be added without touching the splitting logic.
const ISSUES_WITH_COMMAS: &[&str] = &[];

/// Splits an `Issue` cell into themes.
///
/// Splits on commas, trims, drops empty parts and duplicates. UPR Info joins issues with a bare
/// comma and every issue name starts with a capital letter, so a part that starts with a
/// lower-case letter ("…, refugees") is taken as the continuation of the previous issue, joined
/// back with ", ". Names listed in `ISSUES_WITH_COMMAS` are kept whole as well.
pub fn split_issues(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = cell.trim();
    'outer: while !rest.is_empty() {
        for known in ISSUES_WITH_COMMAS {
            if let Some(head) = rest.get(..known.len()) {
                let tail = rest.get(known.len()..).unwrap_or("");
                if head.eq_ignore_ascii_case(known)
                    && (tail.is_empty() || tail.trim_start().starts_with(','))
                {
                    push_unique(&mut out, head.trim());
                    rest = tail.trim_start().trim_start_matches(',').trim_start();
                    continue 'outer;
                }
            }
        }
        let (part, tail) = match rest.split_once(',') {
            Some((p, t)) => (p, t),
            None => (rest, ""),
        };
        let part = part.trim();
        let continues = part.chars().next().is_some_and(char::is_lowercase);
        if continues {
            if let Some(last) = out.last_mut() {
                last.push_str(", ");
                last.push_str(part);
            } else {
                push_unique(&mut out, part);
            }
        } else if !part.is_empty() {
            push_unique(&mut out, part);
        }
        rest = tail.trim_start();
    }
    out
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !item.is_empty() && !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}

/// Reads an `Action` cell: `Ok(Some(1..=5))`, `Ok(None)` for empty or out of range, `Err` when
/// not a number.
fn parse_action(cell: &str) -> Result<Option<i64>, ()> {
    let t = cell.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let n = match t.parse::<i64>() {
        Ok(n) => n,
        Err(_) => match t.parse::<f64>() {
            Ok(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e9 => f as i64,
            _ => return Err(()),
        },
    };
    Ok((1..=5).contains(&n).then_some(n))
}

/// The columns this reader uses, by index.
struct Columns {
    to: usize,
    text: usize,
    from: usize,
    session: usize,
    response: Option<usize>,
    action: Option<usize>,
    issue: Option<usize>,
}

struct RecAcc {
    rec: NewRecommendation,
    /// Line of the first row, for problems about the group.
    line: u64,
    /// The previous recommendation of the review whose text has the same hash, if any.
    same_hash: Option<usize>,
}

struct ReviewAcc {
    state: String,
    session: Option<i64>,
    recs: Vec<RecAcc>,
    /// Hash of a trimmed text → index in `recs` of the last recommendation with a text of that
    /// hash (earlier ones are chained through [`RecAcc::same_hash`]), so that texts are not
    /// kept twice.
    by_text: HashMap<u64, usize, BuildHasherDefault<HashIsKey>>,
}

/// The hasher of a map keyed by a hash already (of [`std::collections::hash_map::RandomState`],
/// so not predictable from the file): the key itself.
#[derive(Default)]
struct HashIsKey(u64);

impl Hasher for HashIsKey {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl ReviewAcc {
    /// The index in `recs` of the recommendation with this trimmed text (of hash `hash`).
    fn find(&self, hash: u64, text: &str) -> Option<usize> {
        let mut next = self.by_text.get(&hash).copied();
        while let Some(i) = next {
            let acc = self.recs.get(i)?;
            if acc.rec.text == text {
                return Some(i);
            }
            next = acc.same_hash;
        }
        None
    }
}

/// How many distinct `Response` cells are remembered (exports have a handful).
const RESPONSES_REMEMBERED: usize = 32;

/// Reads the decoded text of a UPR Info export. Never panics; every doubt becomes a [`Problem`].
pub fn parse(text: &str) -> UprInfoParse {
    let mut result = UprInfoParse::default();
    // The export is comma-separated; `records` gives each record with its 1-based line,
    // counting CR, LF and CRLF as line breaks (the real file has bare CRs).
    let mut records = decode::records(text, b',');

    // Header.
    let columns = match records.next() {
        Some(Ok(record)) => {
            let find = |name: &str| {
                record.fields.iter().position(|h| {
                    h.trim_start_matches('\u{feff}')
                        .trim()
                        .eq_ignore_ascii_case(name)
                })
            };
            let (to, text_col, from, session) =
                (find("To"), find("Text"), find("From"), find("Session"));
            let missing: Vec<&str> = [
                ("To", to),
                ("Text", text_col),
                ("From", from),
                ("Session", session),
            ]
            .iter()
            .filter(|(_, c)| c.is_none())
            .map(|(n, _)| *n)
            .collect();
            match (to, text_col, from, session) {
                (Some(to), Some(text), Some(from), Some(session)) => Columns {
                    to,
                    text,
                    from,
                    session,
                    response: find("Response"),
                    action: find("Action"),
                    issue: find("Issue"),
                },
                _ => {
                    result.problems.push(Problem::at(
                        1,
                        None,
                        format!(
                            "This is not a UPR Info export: the header lacks the column(s) {}. \
                             Expected To, Text, From and Session (and usually Response, Action, \
                             Issue).",
                            missing.join(", ")
                        ),
                    ));
                    return result;
                }
            }
        }
        None => {
            result.problems.push(Problem::at(
                1,
                None,
                "The file is empty: no header, no rows.",
            ));
            return result;
        }
        Some(Err(problem)) => {
            result.problems.push(problem);
            return result;
        }
    };

    let mut reviews: Vec<ReviewAcc> = Vec::new();
    // Raw `To` → index in `surs` (canonical name).
    let mut sur_by_raw: HashMap<String, usize> = HashMap::new();
    let mut surs: Vec<String> = Vec::new();
    // Canonical (or as written) name → index in `surs`.
    let mut sur_by_name: HashMap<String, usize> = HashMap::new();
    // (SuR index, session) → index in `reviews`.
    let mut review_index: HashMap<(usize, Option<i64>), usize> = HashMap::new();
    // Recommending State as written (decoded) → known State?
    let mut from_known: HashMap<String, bool> = HashMap::new();
    let mut bad_sessions: HashMap<String, ()> = HashMap::new();
    // `Response` cell as written → its position and whether it is known.
    let mut responses: Vec<(String, Position, bool)> = Vec::new();
    let text_hasher = std::collections::hash_map::RandomState::new();

    while let Some(item) = records.next_ref() {
        let record = match item {
            Ok(record) => record,
            Err(problem) => {
                result.problems.push(problem);
                continue;
            }
        };
        let line = record.line;
        // A row of empty cells (e.g. ",,,,," left by a spreadsheet) is not data.
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        result.rows += 1;
        let cell = |i: usize| record.get(i).unwrap_or(Cow::Borrowed(""));

        let text_cell = cell(columns.text);
        let decoded_text = decode_entities(&text_cell);
        let rec_text = decoded_text.trim();
        if rec_text.is_empty() {
            result.problems.push(Problem::at(
                line,
                None,
                "Row without recommendation text (Text is empty): skipped.",
            ));
            continue;
        }

        // State under review.
        let to_cell = cell(columns.to);
        let raw_to = to_cell.trim();
        let sur = match sur_by_raw.get(raw_to) {
            Some(&i) => i,
            None => {
                let decoded = decode_entities(raw_to);
                let name = match states::resolve(&decoded) {
                    Some(s) => s.name.to_string(),
                    None => {
                        result.problems.push(Problem::at(
                            line,
                            None,
                            if decoded.is_empty() {
                                "Row without State under review (To is empty).".to_string()
                            } else {
                                format!(
                                    "State under review \"{decoded}\" is not a known State: kept as written."
                                )
                            },
                        ));
                        decoded.into_owned()
                    }
                };
                // Different spellings of one State ("brazil", "Brazil") are one State.
                let next = surs.len();
                let i = *sur_by_name.entry(name.clone()).or_insert(next);
                if i == next {
                    surs.push(name);
                }
                sur_by_raw.insert(raw_to.to_string(), i);
                i
            }
        };

        // Session.
        let session_cell = cell(columns.session);
        let raw_session = session_cell.trim();
        let session = first_number(raw_session);
        if session.is_none() && bad_sessions.insert(raw_session.to_string(), ()).is_none() {
            result.problems.push(Problem::at(
                line,
                None,
                if raw_session.is_empty() {
                    "Row without a session number: its review has no session.".to_string()
                } else {
                    format!("Session \"{raw_session}\" has no session number: its review has no session.")
                },
            ));
        }

        let review_i = *review_index.entry((sur, session)).or_insert_with(|| {
            reviews.push(ReviewAcc {
                state: surs.get(sur).cloned().unwrap_or_default(),
                session,
                recs: Vec::new(),
                by_text: HashMap::default(),
            });
            reviews.len() - 1
        });

        // Response and action.
        let response_cell = columns.response.map(cell).unwrap_or(Cow::Borrowed(""));
        let raw_response: &str = &response_cell;
        let (position, known_response) =
            match responses.iter().find(|(raw, _, _)| raw == raw_response) {
                Some(&(_, position, known)) => (position, known),
                None => {
                    let (position, known) = position_cell(raw_response);
                    if responses.len() < RESPONSES_REMEMBERED {
                        responses.push((raw_response.to_owned(), position, known));
                    }
                    (position, known)
                }
            };
        if !known_response {
            result.problems.push(Problem::at(
                line,
                None,
                format!(
                    "Response \"{}\" is not known (Accepted, Noted, Partially accepted, \
                     Pending): taken as pending.",
                    raw_response.trim()
                ),
            ));
        }
        let action = match columns.action {
            Some(c) => {
                let action_cell = cell(c);
                match parse_action(&action_cell) {
                    Ok(a) => a,
                    Err(()) => {
                        result.problems.push(Problem::at(
                            line,
                            None,
                            format!(
                                "Action \"{}\" is not a number from 1 to 5: no action category.",
                                action_cell.trim()
                            ),
                        ));
                        None
                    }
                }
            }
            None => None,
        };
        let themes = match columns.issue {
            Some(c) => split_issues(&decode_entities(&cell(c))),
            None => Vec::new(),
        };

        // Recommending State.
        let from_cell = cell(columns.from);
        let from = decode_entities(from_cell.trim());
        if !from.is_empty() && !from_known.contains_key(from.as_ref()) {
            let known = states::resolve(&from).is_some();
            if !known {
                result.problems.push(Problem::at(
                    line,
                    None,
                    format!("Recommending State \"{from}\" is not a known State: kept as written."),
                ));
            }
            from_known.insert(from.clone().into_owned(), known);
        }

        let Some(review) = reviews.get_mut(review_i) else {
            continue;
        };
        let hash = text_hasher.hash_one(rec_text);
        match review.find(hash, rec_text) {
            Some(ri) => {
                let Some(acc) = review.recs.get_mut(ri) else {
                    continue;
                };
                let rec = &mut acc.rec;
                if !from.is_empty() && !rec.states.iter().any(|s| *s == *from) {
                    rec.states.push(from.into_owned());
                }
                if rec.position == Position::Pending {
                    rec.position = position;
                } else if position != Position::Pending && position != rec.position {
                    result.problems.push(Problem::at(
                        line,
                        None,
                        format!(
                            "This row gives the response {} for a recommendation that line {} \
                             gives as {}: the first is kept.",
                            position, acc.line, rec.position
                        ),
                    ));
                }
                if rec.action_category.is_none() {
                    rec.action_category = action;
                }
                for t in themes {
                    if !rec.themes.contains(&t) {
                        rec.themes.push(t);
                    }
                }
            }
            None => {
                // Held until the import: no spare capacity.
                let mut themes = themes;
                themes.shrink_to_fit();
                let rec = NewRecommendation {
                    paragraph: String::new(),
                    text: rec_text.to_string(),
                    states: if from.is_empty() {
                        Vec::new()
                    } else {
                        vec![from.into_owned()]
                    },
                    position,
                    position_source: None,
                    themes,
                    groups_of_persons: Vec::new(),
                    sdgs: Vec::new(),
                    action_category: action,
                    tracking: None,
                };
                let same_hash = review.by_text.insert(hash, review.recs.len());
                review.recs.push(RecAcc {
                    rec,
                    line,
                    same_hash,
                });
            }
        }
    }

    reviews.sort_by(|a, b| {
        let sa = a.session.unwrap_or(i64::MAX);
        let sb = b.session.unwrap_or(i64::MAX);
        sa.cmp(&sb)
            .then_with(|| a.session.is_none().cmp(&b.session.is_none()))
            .then_with(|| a.state.cmp(&b.state))
    });
    result.reviews = reviews
        .into_iter()
        .map(|r| ParsedReview {
            review: NewReview {
                state_under_review: r.state,
                cycle: r.session.and_then(cycle_of_session),
                wg_session: r.session,
                review_date: None,
                report_symbol: None,
                addendum_symbol: None,
                adoption_date: None,
            },
            recommendations: {
                let mut recs: Vec<NewRecommendation> = r
                    .recs
                    .into_iter()
                    .map(|a| {
                        let mut rec = a.rec;
                        rec.states.shrink_to_fit();
                        rec.themes.shrink_to_fit();
                        rec
                    })
                    .collect();
                recs.shrink_to_fit();
                recs
            },
        })
        .collect();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles() {
        assert_eq!(cycle_of_session(0), None);
        assert_eq!(cycle_of_session(1), Some(1));
        assert_eq!(cycle_of_session(12), Some(1));
        assert_eq!(cycle_of_session(13), Some(2));
        assert_eq!(cycle_of_session(26), Some(2));
        assert_eq!(cycle_of_session(27), Some(3));
        assert_eq!(cycle_of_session(40), Some(3));
        assert_eq!(cycle_of_session(41), Some(4));
        assert_eq!(cycle_of_session(54), Some(4));
        assert_eq!(cycle_of_session(55), Some(5));
    }

    #[test]
    fn sessions() {
        assert_eq!(first_number("5"), Some(5));
        assert_eq!(first_number(" UPR 5 "), Some(5));
        assert_eq!(first_number("Session 12"), Some(12));
        assert_eq!(first_number("5th"), Some(5));
        assert_eq!(first_number("x"), None);
        assert_eq!(first_number(""), None);
        assert_eq!(first_number("99999999999999999999999"), None);
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("&#40;Unknown&#41;"), "(Unknown)");
        assert_eq!(decode_entities("A &amp; B &#x29;"), "A & B )");
        assert_eq!(decode_entities("Trinidad & Tobago"), "Trinidad & Tobago");
        assert_eq!(decode_entities("&#99999999;&"), "&#99999999;&");
        assert_eq!(decode_entities("é&"), "é&");
    }

    #[test]
    fn issues() {
        assert_eq!(
            split_issues("Rights of the Child,Women's rights"),
            vec!["Rights of the Child", "Women's rights"]
        );
        assert_eq!(split_issues(" , A ,, B,A"), vec!["A", "B"]);
        assert_eq!(
            split_issues("Asylum-seekers, refugees,Justice"),
            vec!["Asylum-seekers, refugees", "Justice"]
        );
        assert!(split_issues("").is_empty());
    }

    #[test]
    fn responses_and_actions() {
        assert_eq!(position_cell("Accepted"), (Position::Supported, true));
        assert_eq!(position_cell(" noted "), (Position::Noted, true));
        assert_eq!(
            position_cell("Supported/Noted"),
            (Position::SupportedInPart, true)
        );
        assert_eq!(position_cell(""), (Position::Pending, true));
        assert_eq!(position_cell("Maybe"), (Position::Pending, false));
        assert_eq!(parse_action("5"), Ok(Some(5)));
        assert_eq!(parse_action("5.0"), Ok(Some(5)));
        assert_eq!(parse_action("7"), Ok(None));
        assert_eq!(parse_action(""), Ok(None));
        assert_eq!(parse_action("x"), Err(()));
    }
}
