//! Search with facets, on one review or on all of them: the words typed (FTS5, see
//! [`fts::to_match_query`]) and the facet values chosen narrow the recommendations; the result is
//! a page of hits, their total, and the count of every facet value among them.
//!
//! Values chosen for the same facet widen each other (noted *or* supported in part); different
//! facets narrow (noted *and* theme "Death penalty"). A facet's counts are *disjunctive*: among
//! the recommendations matching the words and every other facet's values, so that a person who
//! chose "noted" still sees how many "supported" there are to add.
//!
//! SQLite answers the words (the rowids FTS5 matches) and the page's rows; the filters, the
//! counts and the order come from an in-memory index (`search/index.rs`), rebuilt when the
//! database changed.

mod index;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use self::index::{Index, Stamp};
use super::queries::{parse_stored, split_packed};
use super::{fts, json_ids, Store};
use crate::domain::{LobbyingStatus, Position, Priority};
use crate::error::{Error, Result};
use crate::states::{self, RegionalGroup};

/// What a recommendation can be narrowed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    /// The State under review's position.
    Position,
    /// Theme.
    Theme,
    /// Group of persons.
    GroupOfPersons,
    /// Sustainable Development Goal.
    Sdg,
    /// Recommending State (its canonical name, or the name as written when unknown).
    State,
    /// UN regional group of a recommending State (`African`, `Asia-Pacific`, `EEG`, `GRULAC`,
    /// `WEOG`).
    RegionalGroup,
    /// UPR Info action category (1-5).
    ActionCategory,
    /// The organization's priority (`high`, `medium`, `low`, or `none`).
    Priority,
    /// Lobbying status.
    LobbyingStatus,
    /// Implementation status.
    ImplementationStatus,
    /// Who it is assigned to.
    Assignee,
    /// The organization's tag.
    Tag,
    /// UPR cycle of the review.
    Cycle,
}

impl Facet {
    /// Every facet, in the order they are shown.
    pub const ALL: [Facet; 13] = [
        Facet::Position,
        Facet::Theme,
        Facet::GroupOfPersons,
        Facet::Sdg,
        Facet::State,
        Facet::RegionalGroup,
        Facet::ActionCategory,
        Facet::Priority,
        Facet::LobbyingStatus,
        Facet::ImplementationStatus,
        Facet::Assignee,
        Facet::Tag,
        Facet::Cycle,
    ];

    /// Its name on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Position => "position",
            Facet::Theme => "theme",
            Facet::GroupOfPersons => "group_of_persons",
            Facet::Sdg => "sdg",
            Facet::State => "state",
            Facet::RegionalGroup => "regional_group",
            Facet::ActionCategory => "action_category",
            Facet::Priority => "priority",
            Facet::LobbyingStatus => "lobbying_status",
            Facet::ImplementationStatus => "implementation_status",
            Facet::Assignee => "assignee",
            Facet::Tag => "tag",
            Facet::Cycle => "cycle",
        }
    }

    /// Parses [`Facet::as_str`]'s names (also `group` and `groups_of_persons`).
    pub fn parse(name: &str) -> Option<Facet> {
        let name = name.trim().to_ascii_lowercase().replace('-', "_");
        match name.as_str() {
            "group" | "groups_of_persons" => Some(Facet::GroupOfPersons),
            _ => Facet::ALL.into_iter().find(|f| f.as_str() == name),
        }
    }
}

/// The order of a search's hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Review, then paragraph number (26.2 before 26.10).
    #[default]
    Paragraph,
    /// First recommending State's name, then paragraph.
    State,
    /// Supported, supported in part, noted, pending; then paragraph.
    Position,
    /// High, medium, low, none; then paragraph.
    Priority,
    /// Last changed first (never changed last); then paragraph.
    Changed,
}

fn yes() -> bool {
    true
}

/// A search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchRequest {
    /// One review, or `None` for all reviews.
    pub review_id: Option<i64>,
    /// Words, `"phrases"` and `prefix*`es; empty for no text condition.
    pub query: String,
    /// Facet values chosen.
    #[serde(default)]
    pub filters: Vec<(Facet, String)>,
    /// The order of the hits.
    #[serde(default)]
    pub sort: Sort,
    /// Reverses `sort`.
    #[serde(default)]
    pub descending: bool,
    /// Whether to count the facets (a page fetched while scrolling does not need them).
    #[serde(default = "yes")]
    pub facets: bool,
    /// First hit to return.
    pub offset: i64,
    /// How many hits to return (at most 500).
    pub limit: i64,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            review_id: None,
            query: String::new(),
            filters: Vec::new(),
            sort: Sort::Paragraph,
            descending: false,
            facets: true,
            offset: 0,
            limit: 50,
        }
    }
}

/// One recommendation found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Recommendation id.
    pub id: i64,
    /// Its review's id.
    pub review: i64,
    /// Paragraph number.
    pub paragraph: String,
    /// The part of the text around the first word searched for (the start of the text when no
    /// word was), with `…` where it was cut.
    pub snippet: String,
    /// Where the words searched for are in the snippet: UTF-8 byte ranges `[start, end)`.
    pub matches: Vec<[usize; 2]>,
    /// The position.
    pub position: Position,
    /// Recommending States' names, in the order the source lists them.
    pub states: Vec<String>,
    /// The organization's priority.
    pub priority: Option<Priority>,
    /// Lobbying status.
    pub lobbying_status: LobbyingStatus,
    /// When the organization last changed it (RFC 3339 UTC); `None` if never.
    pub updated_at: Option<String>,
}

/// A word searched for, folded as the index folds it (lower case, no accents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchTerm {
    /// The folded word.
    pub word: String,
    /// Whether it was typed as a prefix (`word*`): longer words starting with it match.
    pub prefix: bool,
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResult {
    /// How many recommendations match.
    pub total: i64,
    /// The page asked for, in the order asked for.
    pub hits: Vec<SearchHit>,
    /// For each facet, each value's count among the recommendations matching the words and
    /// every *other* facet's values chosen (values with no recommendation left out; the priority
    /// of a recommendation with none is `none`). Empty when the request did not ask for counts.
    pub facets: BTreeMap<String, BTreeMap<String, i64>>,
    /// The words searched for, folded, for highlighting them in a recommendation's full text.
    pub terms: Vec<SearchTerm>,
}

/// The search index a [`Store`] keeps: built on the first search, rebuilt on the first search
/// after the database changed (see [`index`]).
#[derive(Default)]
pub(crate) struct IndexCache(RefCell<Option<Index>>);

/// A filter's value as the index names it: action categories and cycles are numbers, regional
/// groups one of the five codes (any of their names accepted); other values as given (a value
/// no recommendation has matches nothing).
fn canonical_value(facet: Facet, value: &str) -> Result<String> {
    Ok(match facet {
        Facet::ActionCategory | Facet::Cycle => {
            let n: i64 = value.trim().parse().map_err(|_| {
                Error::InvalidInput(format!(
                    "{} must be a number, not \"{value}\".",
                    facet.as_str()
                ))
            })?;
            n.to_string()
        }
        Facet::RegionalGroup => RegionalGroup::from_code(value)
            .ok_or_else(|| {
                Error::InvalidInput(format!(
                    "\"{value}\" is not a regional group: use African, Asia-Pacific, EEG, GRULAC or WEOG."
                ))
            })?
            .code()
            .to_owned(),
        _ => value.to_owned(),
    })
}

/// What a request asks for, checked and written as FTS5 and the index take it.
struct Conditions {
    /// The words, as [`fts::to_match_query`] writes them; `None` for no text condition.
    match_query: Option<String>,
    /// The filters, grouped by facet (see [`canonical_value`]).
    filters: BTreeMap<Facet, Vec<String>>,
}

impl Conditions {
    fn of(request: &SearchRequest) -> Result<Conditions> {
        let mut filters: BTreeMap<Facet, Vec<String>> = BTreeMap::new();
        for (facet, value) in &request.filters {
            filters
                .entry(*facet)
                .or_default()
                .push(canonical_value(*facet, value)?);
        }
        Ok(Conditions {
            match_query: fts::to_match_query(&request.query),
            filters,
        })
    }
}

/// Folds one token as the full-text index does (`unicode61 remove_diacritics 2`): lower case,
/// accents removed, anything but letters and digits dropped.
fn fold_into(token: &str, out: &mut String) {
    out.clear();
    for c in token.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            let mut buf = [0u8; 4];
            // One character: none of `normalize`'s word rules apply, only its folding.
            for part in states::normalize(c.encode_utf8(&mut buf)).split(' ') {
                out.push_str(part);
            }
        }
    }
}

/// The words of a query, folded, and whether each is a prefix (each word of a phrase is a term).
pub fn query_terms(query: &str) -> Vec<SearchTerm> {
    fts::to_match_query(query).map_or_else(Vec::new, |q| match_terms(&q))
}

/// The terms of a query as [`fts::to_match_query`] wrote it.
fn match_terms(match_query: &str) -> Vec<SearchTerm> {
    // `to_match_query` writes `"a b" "c"*`: split on quotes, the odd pieces are the quoted
    // words and each even piece what follows them (a `*` after a prefix).
    let mut terms: Vec<SearchTerm> = Vec::new();
    let mut folded = String::new();
    for (i, piece) in match_query.split('"').enumerate() {
        if i % 2 == 1 {
            for word in piece.split_whitespace() {
                fold_into(word, &mut folded);
                if !folded.is_empty() {
                    terms.push(SearchTerm {
                        word: folded.clone(),
                        prefix: false,
                    });
                }
            }
        } else if piece.starts_with('*') {
            if let Some(last) = terms.last_mut() {
                last.prefix = true;
            }
        }
    }
    terms
}

/// The byte ranges of the tokens (runs of letters, digits and combining accents) in `word`.
fn tokens(word: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let is_token = |c: char| c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c);
    let mut chars = word.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = chars.peek() {
            if is_token(c) {
                break;
            }
            chars.next();
        }
        let (start, _) = chars.next()?;
        let mut end = word.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_token(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// Adds to `out` the ranges of `word`'s tokens that are one of `terms`.
fn word_matches(word: &str, terms: &[SearchTerm], folded: &mut String, out: &mut Vec<[usize; 2]>) {
    for (start, end) in tokens(word) {
        fold_into(&word[start..end], folded);
        let hit = !folded.is_empty()
            && terms.iter().any(|t| {
                if t.prefix {
                    folded.starts_with(t.word.as_str())
                } else {
                    *folded == t.word
                }
            });
        if hit {
            out.push([start, end]);
        }
    }
}

/// The snippet of `text` around the first of `terms`, with the ranges of the words that are one
/// of the terms in it.
pub fn snippet(text: &str, terms: &[SearchTerm]) -> (String, Vec<[usize; 2]>) {
    const BEFORE: usize = 8;
    const LENGTH: usize = 32;
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut folded = String::new();
    let mut found: Vec<[usize; 2]> = Vec::new();
    let first = if terms.is_empty() {
        0
    } else {
        words
            .iter()
            .position(|w| {
                word_matches(w, terms, &mut folded, &mut found);
                !found.is_empty()
            })
            .unwrap_or(0)
    };
    let start = first.saturating_sub(BEFORE);
    let end = (start + LENGTH).min(words.len());
    let mut out = String::new();
    let mut ranges = Vec::new();
    if start > 0 {
        out.push_str("… ");
    }
    for (i, word) in words[start..end].iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if !terms.is_empty() {
            found.clear();
            word_matches(word, terms, &mut folded, &mut found);
            ranges.extend(found.iter().map(|[a, b]| [out.len() + a, out.len() + b]));
        }
        out.push_str(word);
    }
    if end < words.len() {
        out.push_str(" …");
    }
    (out, ranges)
}

/// The rows a search matches, in its order, and (when asked) each facet's counts.
struct Selection {
    rows: Vec<u32>,
    facets: Option<BTreeMap<String, BTreeMap<String, i64>>>,
}

/// The set bits of a bit set, in order.
fn set_bits(words: &[u64]) -> impl Iterator<Item = u32> + '_ {
    words.iter().enumerate().flat_map(|(w, &word)| {
        let mut bits = word;
        std::iter::from_fn(move || {
            if bits == 0 {
                return None;
            }
            let bit = bits.trailing_zeros();
            bits &= bits - 1;
            Some(w as u32 * 64 + bit)
        })
    })
}

/// The rows matching a request's words and filters (its `conditions`), in the request's order,
/// with the facets' counts when `count`.
fn select(
    store: &Store,
    conn: &Connection,
    index: &Index,
    request: &SearchRequest,
    conditions: &Conditions,
    count: bool,
) -> Result<Selection> {
    let range = match request.review_id {
        None => 0..index.len() as u32,
        Some(id) => match index.review_rows(id) {
            Some(range) => range,
            // Not in this snapshot: the review's NotFound error (or, had it just been created,
            // nothing).
            None => store.review(id).map(|_| 0..0)?,
        },
    };
    let filter = index.filter(&conditions.filters);
    let mut near: Option<Vec<Vec<u32>>> = count.then(|| vec![Vec::new(); Facet::ALL.len()]);

    let mut rows = match &conditions.match_query {
        None => index.scan(range, &filter, near.as_deref_mut()),
        Some(q) => {
            // The words' rowids, kept when in range, as a bit set over the rows: read back in
            // paragraph order.
            let mut hit = vec![0u64; index.len().div_ceil(64)];
            let mut stmt = conn.prepare_cached(
                "SELECT rowid FROM recommendation_fts WHERE recommendation_fts MATCH ?1",
            )?;
            let mut found = stmt.query([q])?;
            while let Some(r) = found.next()? {
                if let Some(row) = index.row_of(r.get(0)?) {
                    if range.contains(&row) {
                        hit[row as usize / 64] |= 1 << (row % 64);
                    }
                }
            }
            index.scan(set_bits(&hit), &filter, near.as_deref_mut())
        }
    };
    let facets = near.map(|near| index.count(&rows, &near));
    index.sort(&mut rows, request.sort);
    if request.descending {
        rows.reverse();
    }
    Ok(Selection { rows, facets })
}

/// The hits of a page, by id, in the ids' order (an id deleted meanwhile is left out).
fn fetch_hits(conn: &Connection, ids: &[i64], terms: &[SearchTerm]) -> Result<Vec<SearchHit>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.review_id, r.paragraph, r.text, r.position, r.priority,
                r.lobbying_status, r.updated_at,
                (SELECT group_concat(s.name, char(31) ORDER BY s.ord)
                 FROM recommending_state s WHERE s.recommendation_id = r.id)
         FROM recommendation r
         WHERE r.id IN (SELECT value FROM json_each(?1))",
    )?;
    let mut by_id: HashMap<i64, SearchHit> = stmt
        .query_map([json_ids(ids)], |r| {
            let text = r.get_ref(3)?.as_str()?;
            let (snippet, matches) = snippet(text, terms);
            let id: i64 = r.get(0)?;
            Ok((
                id,
                SearchHit {
                    id,
                    review: r.get(1)?,
                    paragraph: r.get(2)?,
                    snippet,
                    matches,
                    position: parse_stored(r.get_ref(4)?.as_str()?, Position::parse, 4)?,
                    priority: r
                        .get_ref(5)?
                        .as_str_or_null()?
                        .map(|p| parse_stored(p, Priority::parse, 5))
                        .transpose()?,
                    lobbying_status: parse_stored(
                        r.get_ref(6)?.as_str()?,
                        LobbyingStatus::parse,
                        6,
                    )?,
                    updated_at: r.get(7)?,
                    states: split_packed(r.get_ref(8)?.as_str_or_null()?),
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

impl Store {
    /// Runs `f` on the search index, in one read transaction (the index, the words' matches and
    /// the page's rows all come from the same snapshot), building the index first if the database
    /// changed since it was built.
    fn with_index<T>(&self, f: impl FnOnce(&Connection, &Index) -> Result<T>) -> Result<T> {
        let tx = self.conn().unchecked_transaction()?;
        let stamp = Stamp::read(&tx)?;
        let mut cache = self.search_index.0.borrow_mut();
        let index = match cache.take() {
            Some(index) if index.stamp == stamp => cache.insert(index),
            // The old index is dropped before the new one is built.
            _ => cache.insert(Index::build(&tx, stamp)?),
        };
        let value = f(&tx, index)?;
        drop(cache);
        tx.finish()?;
        Ok(value)
    }

    /// Builds the search index now if it is not up to date (the first search does it anyway; an
    /// app can call this while it shows its first screen).
    pub fn prepare_search(&self) -> Result<()> {
        self.with_index(|_, _| Ok(()))
    }

    /// Runs a search: the page of hits, the total, the facets' counts (when asked) and the
    /// folded words searched for.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResult> {
        let conditions = Conditions::of(request)?;
        let terms = conditions
            .match_query
            .as_deref()
            .map_or_else(Vec::new, match_terms);
        self.with_index(|conn, index| {
            let selection = select(self, conn, index, request, &conditions, request.facets)?;
            let rows = &selection.rows;
            let offset = usize::try_from(request.offset.max(0))
                .unwrap_or(usize::MAX)
                .min(rows.len());
            let limit = request.limit.clamp(0, 500) as usize;
            let page: Vec<i64> = rows[offset..(offset + limit).min(rows.len())]
                .iter()
                .map(|&row| index.ids[row as usize])
                .collect();
            let hits = fetch_hits(conn, &page, &terms)?;
            Ok(SearchResult {
                total: rows.len() as i64,
                hits,
                facets: selection.facets.unwrap_or_default(),
                terms,
            })
        })
    }

    /// The id of every recommendation a search matches, in its order (for "select all
    /// matching"); its offset, limit and facets are ignored.
    pub fn search_ids(&self, request: &SearchRequest) -> Result<Vec<i64>> {
        let conditions = Conditions::of(request)?;
        self.with_index(|conn, index| {
            let selection = select(self, conn, index, request, &conditions, false)?;
            Ok(selection
                .rows
                .iter()
                .map(|&row| index.ids[row as usize])
                .collect())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_names_round_trip() {
        for facet in Facet::ALL {
            assert_eq!(Facet::parse(facet.as_str()), Some(facet));
        }
        assert_eq!(Facet::parse("Group"), Some(Facet::GroupOfPersons));
        assert_eq!(Facet::parse("colour"), None);
    }

    #[test]
    fn snippets_centre_on_the_first_match_and_mark_it() {
        let text = "Take all necessary measures to ensure that the death penalty is abolished in law and in practice";
        let terms = query_terms("\"Death penalty\"");
        let (s, m) = snippet(text, &terms);
        assert_eq!(s, text);
        let marked: Vec<&str> = m.iter().map(|[a, b]| &s[*a..*b]).collect();
        assert_eq!(marked, ["death", "penalty"]);

        let terms = query_terms("abolish*");
        assert_eq!(
            terms,
            [SearchTerm {
                word: "abolish".into(),
                prefix: true
            }]
        );
        let (s, m) = snippet(text, &terms);
        assert_eq!(&s[m[0][0]..m[0][1]], "abolished");

        let long: String = (0..60).map(|i| format!("w{i} ")).collect::<String>() + "Guaraní";
        let (s, m) = snippet(&long, &query_terms("guarani"));
        assert!(s.starts_with("… w"), "{s}");
        assert_eq!(&s[m[0][0]..m[0][1]], "Guaraní");
    }
}
