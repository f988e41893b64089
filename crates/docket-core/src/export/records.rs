//! Docket's own data table: every field of a recommendation, in columns Docket's importer
//! recognizes, so that an exported CSV or XLSX imports back into identical data.
//!
//! The columns are [`COLUMNS`]. Lists (States, themes, groups of persons, SDGs, tags) are
//! joined with `"; "` as the mapped-columns importer splits them back (a single item with a
//! comma, such as "Korea, Republic of", stays one item; see [`crate::import::mapped::join_list`]);
//! positions and statuses are written as the app shows them (`Position::label`, …: "Supported
//! in part", "In progress"), which the importer reads back; evidence
//! is one link per line, `label <address>`; the review date is a date cell; numbers are text.
//!
//! [`load`] reads many recommendations with a few queries (not one query per recommendation), in
//! the same shape and order as [`Store::recommendation`] gives them.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::ValueRef;

use super::model::{Cell, Sheet};
use crate::domain::{
    EvidenceLink, ImplementationStatus, LobbyingStatus, Position, Priority, ReviewSummary, Tracking,
};
use crate::import::mapped::{evidence_line, join_list, join_sdgs, join_states};
use crate::store::{json_ids, parse_stored};
use crate::{Error, Result, Store};

/// Everything exported about one recommendation.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Database id.
    pub id: i64,
    /// Its review.
    pub review_id: i64,
    /// Paragraph number.
    pub paragraph: String,
    /// Text.
    pub text: String,
    /// Recommending States (canonical names when known), in the source's order.
    pub states: Vec<String>,
    /// Position.
    pub position: Position,
    /// Source of the position.
    pub position_source: Option<String>,
    /// Themes.
    pub themes: Vec<String>,
    /// Groups of persons.
    pub groups_of_persons: Vec<String>,
    /// SDGs.
    pub sdgs: Vec<String>,
    /// UPR Info action category.
    pub action_category: Option<i64>,
    /// The organization's tracking.
    pub tracking: Tracking,
}

/// The header of [`recommendations_sheet`], in order: the names the mapped-columns importer
/// recognizes without help.
pub const COLUMNS: [&str; 22] = [
    "State under review",
    "Cycle",
    "Session",
    "Review date",
    "Report",
    "Paragraph",
    "Recommendation",
    "Recommending States",
    "Position",
    "Source of position",
    "Themes",
    "Groups of persons",
    "SDGs",
    "Action category",
    "Priority",
    "Our ask",
    "Lobbying status",
    "Implementation status",
    "Assignee",
    "Tags",
    "Notes",
    "Evidence",
];

/// A text column read without copying its bytes twice.
fn text(value: ValueRef<'_>) -> rusqlite::Result<&str> {
    value.as_str().map_err(rusqlite::Error::from)
}

/// The records of these recommendations, in the order given (an id given twice comes twice).
/// Each record holds what [`Store::recommendation`] gives for it: States in the source's order,
/// themes, groups and tags in alphabetical order (case ignored), SDGs in goal order, evidence
/// oldest first. A recommendation that no longer exists is an [`Error::NotFound`].
///
/// A few queries in all, whatever the number of ids: 100,000 recommendations load in well under
/// a second.
pub fn load(store: &Store, ids: &[i64]) -> Result<Vec<Record>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let conn = store.conn();
    // One read transaction: every query sees the same data even while another program writes.
    let tx = conn.unchecked_transaction()?;
    let param = json_ids(ids);
    let mut by_id: HashMap<i64, Record> = HashMap::with_capacity(ids.len());
    {
        let mut stmt = tx.prepare(
            "SELECT r.id, r.review_id, r.paragraph, r.text, r.position, r.position_source,
                    r.action_category, r.priority, r.our_ask, r.lobbying_status,
                    r.implementation_status, r.assignee, r.notes
             FROM recommendation r
             WHERE r.id IN (SELECT value FROM json_each(?1))",
        )?;
        let mut rows = stmt.query([&param])?;
        while let Some(r) = rows.next()? {
            let priority = match r.get_ref(7)? {
                ValueRef::Null => None,
                v => Some(parse_stored(text(v)?, Priority::parse, 7)?),
            };
            let record = Record {
                id: r.get(0)?,
                review_id: r.get(1)?,
                paragraph: r.get(2)?,
                text: r.get(3)?,
                states: Vec::new(),
                position: parse_stored(text(r.get_ref(4)?)?, Position::parse, 4)?,
                position_source: r.get(5)?,
                themes: Vec::new(),
                groups_of_persons: Vec::new(),
                sdgs: Vec::new(),
                action_category: r.get(6)?,
                tracking: Tracking {
                    priority,
                    our_ask: r.get(8)?,
                    lobbying_status: parse_stored(text(r.get_ref(9)?)?, LobbyingStatus::parse, 9)?,
                    implementation_status: parse_stored(
                        text(r.get_ref(10)?)?,
                        ImplementationStatus::parse,
                        10,
                    )?,
                    assignee: r.get(11)?,
                    tags: Vec::new(),
                    notes: r.get(12)?,
                    evidence: Vec::new(),
                },
            };
            by_id.insert(record.id, record);
        }
    }
    {
        let mut stmt = tx.prepare(
            "SELECT recommendation_id, name FROM recommending_state
             WHERE recommendation_id IN (SELECT value FROM json_each(?1))
             ORDER BY recommendation_id, ord",
        )?;
        let mut rows = stmt.query([&param])?;
        while let Some(r) = rows.next()? {
            if let Some(record) = by_id.get_mut(&r.get::<_, i64>(0)?) {
                record.states.push(r.get(1)?);
            }
        }
    }
    {
        // As `Store::recommendation` orders them: by kind, then value with case ignored.
        let mut stmt = tx.prepare(
            "SELECT recommendation_id, kind, value FROM recommendation_label
             WHERE recommendation_id IN (SELECT value FROM json_each(?1))
             ORDER BY recommendation_id, kind, value COLLATE NOCASE",
        )?;
        let mut rows = stmt.query([&param])?;
        while let Some(r) = rows.next()? {
            let Some(record) = by_id.get_mut(&r.get::<_, i64>(0)?) else {
                continue;
            };
            let value: String = r.get(2)?;
            match text(r.get_ref(1)?)? {
                "theme" => record.themes.push(value),
                "group" => record.groups_of_persons.push(value),
                "sdg" => record.sdgs.push(value),
                _ => record.tracking.tags.push(value),
            }
        }
    }
    {
        let mut stmt = tx.prepare(
            "SELECT recommendation_id, id, url, label FROM evidence_link
             WHERE recommendation_id IN (SELECT value FROM json_each(?1))
             ORDER BY recommendation_id, id",
        )?;
        let mut rows = stmt.query([&param])?;
        while let Some(r) = rows.next()? {
            if let Some(record) = by_id.get_mut(&r.get::<_, i64>(0)?) {
                record.tracking.evidence.push(EvidenceLink {
                    id: r.get(1)?,
                    url: r.get(2)?,
                    label: r.get(3)?,
                });
            }
        }
    }
    tx.finish()?;
    for record in by_id.values_mut() {
        sort_sdgs(&mut record.sdgs);
    }

    // In the order given; an id given twice is copied from its first place.
    let mut out: Vec<Record> = Vec::with_capacity(ids.len());
    let mut placed: HashMap<i64, usize> = HashMap::new();
    for &id in ids {
        if let Some(record) = by_id.remove(&id) {
            placed.insert(id, out.len());
            out.push(record);
        } else if let Some(copy) = placed.get(&id).and_then(|&i| out.get(i)).cloned() {
            out.push(copy);
        } else {
            return Err(Error::NotFound(format!(
                "Recommendation {id} no longer exists. Pick another one from the list."
            )));
        }
    }
    Ok(out)
}

/// SDGs in goal order ("2 - …" before "10 - …"), as [`Store::recommendation`] gives them.
fn sort_sdgs(sdgs: &mut [String]) {
    if sdgs.len() < 2 {
        return;
    }
    sdgs.sort_by_cached_key(|s| {
        let n: u32 = s
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|d| d.parse().ok())
            .unwrap_or(u32::MAX);
        (n, s.clone())
    });
}

/// A text cell.
fn cell(text: impl Into<String>) -> Cell {
    Cell::Text(text.into())
}

/// A number as a text cell; empty when there is none.
fn number(n: Option<i64>) -> Cell {
    cell(n.map(|n| n.to_string()).unwrap_or_default())
}

/// The review date: a date cell when it is a `YYYY-MM-DD` date, else the text as stored.
fn review_date(date: Option<&str>) -> Cell {
    match date {
        Some(d) => match NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d") {
            Ok(date) => Cell::Date(date),
            Err(_) => cell(d),
        },
        None => cell(""),
    }
}

/// The row of one recommendation, in [`COLUMNS`]' order.
fn row(review: &ReviewSummary, r: Record) -> Vec<Cell> {
    let t = r.tracking;
    let evidence = t
        .evidence
        .iter()
        .map(|e| evidence_line(&e.label, &e.url))
        .collect::<Vec<_>>()
        .join("\n");
    vec![
        cell(review.state_under_review.as_str()),
        number(review.cycle),
        number(review.wg_session),
        review_date(review.review_date.as_deref()),
        cell(review.report_symbol.clone().unwrap_or_default()),
        cell(r.paragraph),
        cell(r.text),
        cell(join_states(&r.states)),
        cell(r.position.label()),
        cell(r.position_source.unwrap_or_default()),
        cell(join_list(&r.themes)),
        cell(join_list(&r.groups_of_persons)),
        cell(join_sdgs(&r.sdgs)),
        number(r.action_category),
        cell(t.priority.map_or("", Priority::label)),
        cell(t.our_ask),
        cell(t.lobbying_status.label()),
        cell(t.implementation_status.label()),
        cell(t.assignee),
        cell(join_list(&t.tags)),
        cell(t.notes),
        cell(evidence),
    ]
}

/// The table of these recommendations (ids of any reviews), in the order given: one row per
/// recommendation, with [`COLUMNS`] as the header.
pub fn recommendations_sheet(store: &Store, ids: &[i64]) -> Result<Sheet> {
    records_sheet(store, load(store, ids)?)
}

/// The table of records already loaded (by [`load`]), in their order. Each review's facts are
/// read once.
pub fn records_sheet(store: &Store, records: Vec<Record>) -> Result<Sheet> {
    let mut reviews: HashMap<i64, ReviewSummary> = HashMap::new();
    let mut rows = Vec::with_capacity(records.len());
    for record in records {
        let review = match reviews.entry(record.review_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(store.review(record.review_id)?)
            }
        };
        rows.push(row(review, record));
    }
    Ok(Sheet {
        name: "Recommendations".into(),
        header: COLUMNS.iter().map(|h| (*h).to_owned()).collect(),
        rows,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::TrackingEdit;

    #[test]
    fn load_gives_what_the_detail_gives_for_every_sample_recommendation() {
        let mut store = Store::open_in_memory().unwrap();
        let review = crate::sample::load(&mut store).unwrap();
        let ids: Vec<i64> = store
            .conn()
            .prepare("SELECT id FROM recommendation WHERE review_id = ?1 ORDER BY id DESC")
            .unwrap()
            .query_map([review], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        // Tracking, tags in mixed case, evidence and SDGs out of goal order on a few of them.
        let first = ids[0];
        for edit in [
            TrackingEdit::Priority(Some(Priority::High)),
            TrackingEdit::OurAsk("Adopt a law".into()),
            TrackingEdit::LobbyingStatus(LobbyingStatus::InProgress),
            TrackingEdit::ImplementationStatus(ImplementationStatus::NotImplemented),
            TrackingEdit::Assignee("Amina".into()),
            TrackingEdit::Notes("Line one\nLine two".into()),
            TrackingEdit::AddTag("zeta".into()),
            TrackingEdit::AddTag("Alpha".into()),
            TrackingEdit::AddTag("beta".into()),
            TrackingEdit::AddEvidence {
                url: "https://example.org/b".into(),
                label: "Second".into(),
            },
            TrackingEdit::AddEvidence {
                url: "https://example.org/a".into(),
                label: "".into(),
            },
        ] {
            store.edit_tracking(first, &edit, "tester").unwrap();
        }
        store
            .conn()
            .execute(
                "INSERT INTO recommendation_label (recommendation_id, kind, value)
                 VALUES (?1, 'sdg', '10 - REDUCED INEQUALITIES'), (?1, 'sdg', '5 - GENDER EQUALITY'),
                        (?1, 'group', 'Women'), (?1, 'group', 'children')",
                [ids[1]],
            )
            .unwrap();

        let mut asked = ids.clone();
        asked.push(first); // an id given twice comes twice
        let records = load(&store, &asked).unwrap();
        assert_eq!(records.len(), asked.len());
        for (record, &id) in records.iter().zip(&asked) {
            let d = store.recommendation(id).unwrap();
            let expected = Record {
                id: d.id,
                review_id: d.review_id,
                paragraph: d.paragraph,
                text: d.text,
                states: d.recommending_states.into_iter().map(|s| s.name).collect(),
                position: d.position,
                position_source: d.position_source,
                themes: d.themes,
                groups_of_persons: d.groups_of_persons,
                sdgs: d.sdgs,
                action_category: d.action_category,
                tracking: d.tracking,
            };
            assert_eq!(record, &expected);
        }
        assert_eq!(records[0].tracking.tags, ["Alpha", "beta", "zeta"]);
        assert_eq!(records[1].sdgs[0], "5 - GENDER EQUALITY");

        let err = load(&store, &[first, 999_999]).unwrap_err();
        assert!(matches!(err, Error::NotFound(_)), "{err}");
        assert!(load(&store, &[]).unwrap().is_empty());
    }

    #[test]
    fn the_sheet_has_docket_s_columns_and_one_row_per_recommendation() {
        let mut store = Store::open_in_memory().unwrap();
        let review = crate::sample::load(&mut store).unwrap();
        let id = store.recommendation_id(review, "26.1").unwrap();
        let sheet = recommendations_sheet(&store, &[id]).unwrap();
        assert_eq!(sheet.header, COLUMNS);
        let row = &sheet.rows[0];
        assert_eq!(row.len(), COLUMNS.len());
        assert_eq!(row[0], cell("United States of America"));
        assert_eq!(row[1], cell("3"));
        assert_eq!(row[2], cell("36"));
        assert_eq!(
            row[3],
            Cell::Date(NaiveDate::from_ymd_opt(2020, 11, 9).unwrap())
        );
        assert_eq!(row[4], cell("A/HRC/46/15"));
        assert_eq!(row[5], cell("26.1"));
        assert_eq!(row[13], cell(""), "no action category");
        assert_eq!(row[14], cell(""), "no priority");
        assert_eq!(row[16], cell("Not started"));
        assert_eq!(row[17], cell("Not assessed"));
    }
}
