//! Read queries: reviews, pages of recommendations, one recommendation, statistics.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, Row};

use super::{checks, Store};
use crate::domain::{
    EvidenceLink, HistoryEntry, ImplementationStatus, LobbyingStatus, Position, Priority,
    RecommendationDetail, RecommendationPage, RecommendationRow, ReviewStats, ReviewSummary,
    StateRef, Tracking,
};
use crate::error::{Error, Result};
use crate::states;

/// Separates values packed by `group_concat` (the ASCII unit separator never occurs in text).
const SEP: char = '\u{1f}';

/// The most rows one page request may ask for.
pub const MAX_PAGE: i64 = 1000;

const REVIEW_COLUMNS: &str = "v.id, v.state_under_review, v.sur_iso3, v.cycle, v.wg_session,
    v.review_date, v.report_symbol, v.addendum_symbol, v.adoption_date,
    (SELECT count(*) FROM recommendation r WHERE r.review_id = v.id)";

fn review_from_row(r: &Row<'_>) -> rusqlite::Result<ReviewSummary> {
    Ok(ReviewSummary {
        id: r.get(0)?,
        state_under_review: r.get(1)?,
        sur_iso3: r.get(2)?,
        cycle: r.get(3)?,
        wg_session: r.get(4)?,
        review_date: r.get(5)?,
        report_symbol: r.get(6)?,
        addendum_symbol: r.get(7)?,
        adoption_date: r.get(8)?,
        recommendations: r.get(9)?,
    })
}

/// Reads a stored enum value; a value the schema's CHECK should have refused is a bug, reported as
/// a database error rather than a panic.
pub(crate) fn parse_stored<T>(
    value: &str,
    parse: fn(&str) -> Option<T>,
    column: usize,
) -> rusqlite::Result<T> {
    parse(value).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            format!("unexpected stored value {value:?}").into(),
        )
    })
}

/// The values of a `group_concat(…, char(31))`, in order.
pub(super) fn split_packed(packed: Option<&str>) -> Vec<String> {
    packed
        .map(|p| p.split(SEP).map(str::to_owned).collect())
        .unwrap_or_default()
}

impl Store {
    /// Every review, by State under review then review date (newest first).
    pub fn list_reviews(&self) -> Result<Vec<ReviewSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {REVIEW_COLUMNS} FROM review v
             ORDER BY v.state_under_review COLLATE NOCASE, v.review_date DESC, v.id"
        ))?;
        let rows = stmt
            .query_map([], review_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// One review.
    pub fn review(&self, id: i64) -> Result<ReviewSummary> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {REVIEW_COLUMNS} FROM review v WHERE v.id = ?1"
            ))?
            .query_row([id], review_from_row)
            .optional()?
            .ok_or_else(|| review_not_found(id))
    }

    /// A window of a review's recommendations, sorted by paragraph number (26.2 before 26.10).
    pub fn recommendations_page(
        &self,
        review_id: i64,
        offset: i64,
        limit: i64,
    ) -> Result<RecommendationPage> {
        if offset < 0 || !(1..=MAX_PAGE).contains(&limit) {
            return Err(Error::InvalidInput(format!(
                "A page starts at 0 or later and holds 1 to {MAX_PAGE} rows."
            )));
        }
        // One read transaction: the total and the rows come from the same snapshot even while the
        // app and docket-cli write at the same time.
        let tx = self.conn.unchecked_transaction()?;
        let total: i64 = tx
            .prepare_cached("SELECT count(*) FROM recommendation WHERE review_id = ?1")?
            .query_row([review_id], |r| r.get(0))?;
        if total == 0 && !checks::review_exists(&self.conn, review_id)? {
            return Err(review_not_found(review_id));
        }
        let mut stmt = tx.prepare_cached(
            "SELECT r.id, r.paragraph, r.text, r.position, r.priority, r.lobbying_status,
                    (SELECT group_concat(s.name, char(31)) FROM
                        (SELECT name FROM recommending_state
                         WHERE recommendation_id = r.id ORDER BY ord) s)
             FROM recommendation r
             WHERE r.review_id = ?1
             ORDER BY r.sort_key
             LIMIT ?2 OFFSET ?3",
        )?;
        let rows = stmt
            .query_map(rusqlite::params![review_id, limit, offset], |r| {
                let position: String = r.get(3)?;
                let priority: Option<String> = r.get(4)?;
                let lobbying: String = r.get(5)?;
                Ok(RecommendationRow {
                    id: r.get(0)?,
                    paragraph: r.get(1)?,
                    text: r.get(2)?,
                    position: parse_stored(&position, Position::parse, 3)?,
                    priority: priority
                        .map(|p| parse_stored(&p, Priority::parse, 4))
                        .transpose()?,
                    lobbying_status: parse_stored(&lobbying, LobbyingStatus::parse, 5)?,
                    states: split_packed(r.get_ref(6)?.as_str_or_null()?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        drop(stmt);
        tx.finish()?;
        Ok(RecommendationPage {
            total,
            offset,
            rows,
        })
    }

    /// The id of a review's recommendation by paragraph number.
    pub fn recommendation_id(&self, review_id: i64, paragraph: &str) -> Result<i64> {
        self.conn
            .prepare_cached(
                "SELECT id FROM recommendation WHERE review_id = ?1 AND paragraph = ?2",
            )?
            .query_row(rusqlite::params![review_id, paragraph.trim()], |r| r.get(0))
            .optional()?
            .ok_or_else(|| {
                Error::NotFound(format!(
                    "Review {review_id} has no recommendation {}. Check the paragraph number (for example 26.1).",
                    paragraph.trim()
                ))
            })
    }

    /// Everything about one recommendation.
    pub fn recommendation(&self, id: i64) -> Result<RecommendationDetail> {
        detail(&self.conn, id)
    }

    /// Counts by position, regional group and theme for one review.
    pub fn stats(&self, review_id: i64) -> Result<ReviewStats> {
        let review = self.review(review_id)?;
        let mut by_position: BTreeMap<String, i64> = Position::ALL
            .iter()
            .map(|p| (p.as_str().to_owned(), 0))
            .collect();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT position, count(*) FROM recommendation WHERE review_id = ?1 GROUP BY position",
            )?;
            let mut rows = stmt.query([review_id])?;
            while let Some(r) = rows.next()? {
                by_position.insert(r.get(0)?, r.get(1)?);
            }
        }
        let mut by_regional_group: BTreeMap<String, i64> = BTreeMap::new();
        {
            // Each recommendation counts once per regional group among its recommending States.
            let mut stmt = self.conn.prepare_cached(
                "SELECT s.recommendation_id, s.iso3 FROM recommending_state s
                 JOIN recommendation r ON r.id = s.recommendation_id
                 WHERE r.review_id = ?1 ORDER BY s.recommendation_id",
            )?;
            let mut rows = stmt.query([review_id])?;
            let mut current: Option<i64> = None;
            let mut groups: Vec<&'static str> = Vec::new();
            let mut flush = |groups: &mut Vec<&'static str>| {
                groups.sort_unstable();
                groups.dedup();
                for g in groups.drain(..) {
                    *by_regional_group.entry(g.to_owned()).or_default() += 1;
                }
            };
            while let Some(r) = rows.next()? {
                let rec: i64 = r.get(0)?;
                let iso3: Option<String> = r.get(1)?;
                if current != Some(rec) {
                    flush(&mut groups);
                    current = Some(rec);
                }
                groups.push(
                    iso3.as_deref()
                        .and_then(states::by_iso3)
                        .map_or("unknown", |s| s.group.code()),
                );
            }
            flush(&mut groups);
        }
        let mut by_theme = BTreeMap::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT l.value, count(*) FROM recommendation_label l
                 JOIN recommendation r ON r.id = l.recommendation_id
                 WHERE r.review_id = ?1 AND l.kind = 'theme' GROUP BY l.value",
            )?;
            let mut rows = stmt.query([review_id])?;
            while let Some(r) = rows.next()? {
                by_theme.insert(r.get(0)?, r.get(1)?);
            }
        }
        Ok(ReviewStats {
            review: review_id,
            recommendations: review.recommendations,
            by_position,
            by_regional_group,
            by_theme,
        })
    }
}

fn review_not_found(id: i64) -> Error {
    Error::NotFound(format!(
        "There is no review {id}. It may have been deleted; pick a review from the list."
    ))
}

/// Reads one recommendation with its States, labels, tracking and history.
pub(super) fn detail(conn: &Connection, id: i64) -> Result<RecommendationDetail> {
    let base = conn
        .prepare_cached(
            "SELECT review_id, paragraph, text, position, position_source, action_category,
                    priority, our_ask, lobbying_status, implementation_status, assignee, notes
             FROM recommendation WHERE id = ?1",
        )?
        .query_row([id], |r| {
            let position: String = r.get(3)?;
            let priority: Option<String> = r.get(6)?;
            let lobbying: String = r.get(8)?;
            let implementation: String = r.get(9)?;
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                parse_stored(&position, Position::parse, 3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<i64>>(5)?,
                Tracking {
                    priority: priority
                        .map(|p| parse_stored(&p, Priority::parse, 6))
                        .transpose()?,
                    our_ask: r.get(7)?,
                    lobbying_status: parse_stored(&lobbying, LobbyingStatus::parse, 8)?,
                    implementation_status: parse_stored(
                        &implementation,
                        ImplementationStatus::parse,
                        9,
                    )?,
                    assignee: r.get(10)?,
                    notes: r.get(11)?,
                    tags: Vec::new(),
                    evidence: Vec::new(),
                },
            ))
        })
        .optional()?
        .ok_or_else(|| {
            Error::NotFound(format!(
                "Recommendation {id} no longer exists. Pick another one from the list."
            ))
        })?;
    let (review_id, paragraph, text, position, position_source, action_category, mut tracking) =
        base;

    let recommending_states = conn
        .prepare_cached(
            "SELECT name, iso3 FROM recommending_state WHERE recommendation_id = ?1 ORDER BY ord",
        )?
        .query_map([id], |r| {
            let iso3: Option<String> = r.get(1)?;
            Ok(StateRef {
                name: r.get(0)?,
                regional_group: iso3
                    .as_deref()
                    .and_then(states::by_iso3)
                    .map(|s| s.group.code().to_owned()),
                iso3,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let mut themes = Vec::new();
    let mut groups_of_persons = Vec::new();
    let mut sdgs = Vec::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT kind, value FROM recommendation_label WHERE recommendation_id = ?1
             ORDER BY kind, value COLLATE NOCASE",
        )?;
        let mut rows = stmt.query([id])?;
        while let Some(r) = rows.next()? {
            let kind: String = r.get(0)?;
            let value: String = r.get(1)?;
            match kind.as_str() {
                "theme" => themes.push(value),
                "group" => groups_of_persons.push(value),
                "sdg" => sdgs.push(value),
                _ => tracking.tags.push(value),
            }
        }
    }
    // SDGs read best in goal order ("2 - …" before "10 - …").
    sdgs.sort_by_key(|s| {
        let n: u32 = s
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|d| d.parse().ok())
            .unwrap_or(u32::MAX);
        (n, s.clone())
    });

    tracking.evidence = conn
        .prepare_cached(
            "SELECT id, url, label FROM evidence_link WHERE recommendation_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| {
            Ok(EvidenceLink {
                id: r.get(0)?,
                url: r.get(1)?,
                label: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let history = conn
        .prepare_cached(
            "SELECT id, at, who, field, old_value, new_value FROM history
             WHERE recommendation_id = ?1 ORDER BY id DESC",
        )?
        .query_map([id], |r| {
            Ok(HistoryEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                who: r.get(2)?,
                field: r.get(3)?,
                old_value: r.get(4)?,
                new_value: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    Ok(RecommendationDetail {
        id,
        review_id,
        paragraph,
        text,
        position,
        position_source,
        recommending_states,
        themes,
        groups_of_persons,
        sdgs,
        action_category,
        tracking,
        history,
    })
}
