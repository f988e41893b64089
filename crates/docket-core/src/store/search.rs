//! Search with facets, on one review or on all of them: the words typed (FTS5, see
//! [`fts::to_match_query`]) and the facet values chosen narrow the recommendations; the result is
//! a page of hits, their total, and the count of every facet value among them.
//!
//! Values chosen for the same facet widen each other (noted *or* supported in part); different
//! facets narrow (noted *and* theme "Death penalty").

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::{fts, Store};
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

    /// The label kind of the facets stored as labels.
    fn label_kind(self) -> Option<&'static str> {
        match self {
            Facet::Theme => Some("theme"),
            Facet::GroupOfPersons => Some("group"),
            Facet::Sdg => Some("sdg"),
            Facet::Tag => Some("tag"),
            _ => None,
        }
    }

    /// The column of the facets that are one value per recommendation.
    fn column(self) -> Option<&'static str> {
        match self {
            Facet::Position => Some("r.position"),
            Facet::ActionCategory => Some("r.action_category"),
            Facet::Priority => Some("coalesce(r.priority, 'none')"),
            Facet::LobbyingStatus => Some("r.lobbying_status"),
            Facet::ImplementationStatus => Some("r.implementation_status"),
            Facet::Assignee => Some("nullif(r.assignee, '')"),
            Facet::Cycle => Some("v.cycle"),
            _ => None,
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
    /// Where the words searched for are in the snippet: byte ranges `[start, end)`.
    pub matches: Vec<[usize; 2]>,
    /// The position.
    pub position: String,
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResult {
    /// How many recommendations match.
    pub total: i64,
    /// The page asked for, in review then paragraph order.
    pub hits: Vec<SearchHit>,
    /// For each facet, how many of the matching recommendations have each value.
    pub facets: BTreeMap<String, BTreeMap<String, i64>>,
}

/// `CASE s.iso3 WHEN 'DZA' THEN 'African' … END`: a recommending State's regional group in SQL.
fn regional_group_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let mut sql = String::from("CASE s.iso3");
        for state in states::STATES {
            sql.push_str(&format!(
                " WHEN '{}' THEN '{}'",
                state.iso3,
                state.group.code()
            ));
        }
        sql.push_str(" END");
        sql
    })
}

/// The SQL condition for one facet value, with its parameter.
fn condition(facet: Facet, value: &str) -> Result<(String, Option<Value>)> {
    let text = Some(Value::Text(value.to_owned()));
    if let Some(kind) = facet.label_kind() {
        return Ok((
            format!(
                "EXISTS (SELECT 1 FROM recommendation_label l WHERE l.recommendation_id = r.id AND l.kind = '{kind}' AND l.value = ?)"
            ),
            text,
        ));
    }
    Ok(match (facet, facet.column()) {
        (Facet::Priority, _) if value == "none" => ("r.priority IS NULL".into(), None),
        (Facet::ActionCategory | Facet::Cycle, Some(column)) => {
            let n: i64 = value.trim().parse().map_err(|_| {
                Error::InvalidInput(format!(
                    "{} must be a number, not \"{value}\".",
                    facet.as_str()
                ))
            })?;
            (format!("{column} = ?"), Some(Value::Integer(n)))
        }
        (_, Some(column)) => (format!("{column} = ?"), text),
        (Facet::RegionalGroup, None) => {
            let group = RegionalGroup::from_code(value).ok_or_else(|| {
                Error::InvalidInput(format!(
                    "\"{value}\" is not a regional group: use African, Asia-Pacific, EEG, GRULAC or WEOG."
                ))
            })?;
            let codes: Vec<String> = states::STATES
                .iter()
                .filter(|s| s.group == group)
                .map(|s| format!("'{}'", s.iso3))
                .collect();
            (
                format!(
                    "EXISTS (SELECT 1 FROM recommending_state s WHERE s.recommendation_id = r.id AND s.iso3 IN ({}))",
                    codes.join(", ")
                ),
                None,
            )
        }
        // The State facet (the only one left: neither a label nor a column).
        (_, None) => (
            "EXISTS (SELECT 1 FROM recommending_state s WHERE s.recommendation_id = r.id AND s.name = ?)"
                .into(),
            text,
        ),
    })
}

/// The words of a query, folded, and whether each is a prefix.
fn query_terms(query: &str) -> Vec<(String, bool)> {
    let Some(q) = fts::to_match_query(query) else {
        return Vec::new();
    };
    // `to_match_query` writes `"a b" "c"*`: split on quotes, the odd pieces are the quoted
    // words and each even piece what follows them (a `*` after a prefix).
    let mut terms: Vec<(String, bool)> = Vec::new();
    for (i, piece) in q.split('"').enumerate() {
        if i % 2 == 1 {
            terms.extend(piece.split_whitespace().map(|w| (fold(w), false)));
        } else if piece.starts_with('*') {
            if let Some(last) = terms.last_mut() {
                last.1 = true;
            }
        }
    }
    terms
}

/// A word as the index compares it: lower case, accents removed.
fn fold(word: &str) -> String {
    states::normalize(word).replace(' ', "")
}

/// The snippet of `text` around the first of `terms`, with the terms' ranges in it.
pub fn snippet(text: &str, terms: &[(String, bool)]) -> (String, Vec<[usize; 2]>) {
    const BEFORE: usize = 8;
    const LENGTH: usize = 32;
    let words: Vec<&str> = text.split_whitespace().collect();
    let matches_term = |word: &str| {
        let folded = fold(word);
        !folded.is_empty()
            && terms.iter().any(|(t, prefix)| {
                if *prefix {
                    folded.starts_with(t.as_str())
                } else {
                    folded == *t
                }
            })
    };
    let first = words.iter().position(|w| matches_term(w)).unwrap_or(0);
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
        if matches_term(word) {
            ranges.push([out.len(), out.len() + word.len()]);
        }
        out.push_str(word);
    }
    if end < words.len() {
        out.push_str(" …");
    }
    (out, ranges)
}

impl Store {
    /// Runs a search: the page of hits, the total and every facet's counts.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResult> {
        let mut conditions: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        if let Some(id) = request.review_id {
            self.review(id)?;
            conditions.push("r.review_id = ?".into());
            params.push(Value::Integer(id));
        }
        if let Some(q) = fts::to_match_query(&request.query) {
            conditions.push(
                "r.id IN (SELECT rowid FROM recommendation_fts WHERE recommendation_fts MATCH ?)"
                    .into(),
            );
            params.push(Value::Text(q));
        }
        let mut by_facet: BTreeMap<Facet, Vec<&str>> = BTreeMap::new();
        for (facet, value) in &request.filters {
            by_facet.entry(*facet).or_default().push(value.as_str());
        }
        for (facet, values) in by_facet {
            let mut any = Vec::new();
            for value in values {
                let (sql, param) = condition(facet, value)?;
                any.push(sql);
                params.extend(param);
            }
            conditions.push(format!("({})", any.join(" OR ")));
        }
        let filter = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };

        // One read transaction: the hits, the total and the counts agree.
        let tx = self.conn().unchecked_transaction()?;
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS search_hit (id INTEGER PRIMARY KEY);
             DELETE FROM temp.search_hit;",
        )?;
        let total = tx.execute(
            &format!(
                "INSERT INTO temp.search_hit (id)
                 SELECT r.id FROM recommendation r JOIN review v ON v.id = r.review_id {filter}"
            ),
            rusqlite::params_from_iter(params.iter()),
        )? as i64;

        let terms = query_terms(&request.query);
        let limit = request.limit.clamp(0, 500);
        let mut stmt = tx.prepare(
            "SELECT r.id, r.review_id, r.paragraph, r.text, r.position
             FROM temp.search_hit h JOIN recommendation r ON r.id = h.id
             ORDER BY r.review_id, r.sort_key, r.id LIMIT ?1 OFFSET ?2",
        )?;
        let hits = stmt
            .query_map([limit, request.offset.max(0)], |row| {
                let text: String = row.get(3)?;
                let (snippet, matches) = snippet(&text, &terms);
                Ok(SearchHit {
                    id: row.get(0)?,
                    review: row.get(1)?,
                    paragraph: row.get(2)?,
                    snippet,
                    matches,
                    position: row.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        drop(stmt);

        let mut facets = BTreeMap::new();
        for facet in Facet::ALL {
            let sql = match (facet, facet.label_kind(), facet.column()) {
                (Facet::State, _, _) => "SELECT s.name, count(DISTINCT s.recommendation_id)
                     FROM temp.search_hit h JOIN recommending_state s ON s.recommendation_id = h.id
                     GROUP BY s.name"
                    .to_owned(),
                (Facet::RegionalGroup, _, _) => format!(
                    "SELECT g, count(DISTINCT id) FROM (
                         SELECT {} AS g, s.recommendation_id AS id
                         FROM temp.search_hit h JOIN recommending_state s ON s.recommendation_id = h.id)
                     WHERE g IS NOT NULL GROUP BY g",
                    regional_group_sql()
                ),
                (_, Some(kind), _) => format!(
                    "SELECT l.value, count(*)
                     FROM temp.search_hit h JOIN recommendation_label l
                       ON l.recommendation_id = h.id AND l.kind = '{kind}'
                     GROUP BY l.value"
                ),
                (_, None, Some(column)) => format!(
                    "SELECT CAST({column} AS TEXT) AS value, count(*)
                     FROM temp.search_hit h JOIN recommendation r ON r.id = h.id
                       JOIN review v ON v.id = r.review_id
                     WHERE value IS NOT NULL GROUP BY value"
                ),
                (_, None, None) => continue,
            };
            let mut stmt = tx.prepare_cached(&sql)?;
            let counts = stmt
                .query_map([], |row| {
                    Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
                })?
                .collect::<rusqlite::Result<BTreeMap<String, i64>>>()?;
            facets.insert(facet.as_str().to_owned(), counts);
        }
        // Dropping the transaction rolls it back: only the temporary table was written.
        drop(tx);
        Ok(SearchResult {
            total,
            hits,
            facets,
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
        assert_eq!(terms, [("abolish".to_owned(), true)]);
        let (s, m) = snippet(text, &terms);
        assert_eq!(&s[m[0][0]..m[0][1]], "abolished");

        let long: String = (0..60).map(|i| format!("w{i} ")).collect::<String>() + "Guaraní";
        let (s, m) = snippet(&long, &query_terms("guarani"));
        assert!(s.starts_with("… w"), "{s}");
        assert_eq!(&s[m[0][0]..m[0][1]], "Guaraní");
    }
}
