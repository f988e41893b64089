//! The sample review embedded in Docket: the United States' 3rd-cycle UPR (WG 36, 9 Nov 2020,
//! A/HRC/46/15 + Add.1, adopted at HRC46 on 17 Mar 2021), 347 recommendations.
//!
//! The data is `data/us-2020.tsv`, made by `scripts/make-sample.py` from the circulated CSV with
//! its defects corrected. Format: `#` comment lines, then one line per recommendation with five
//! tab-separated fields: paragraph, position, recommending States (separated by ` | `), themes
//! (` | `), text.

use crate::domain::{NewRecommendation, NewReview, Position};
use crate::error::{Error, Result};
use crate::store::Store;

const DATA: &str = include_str!("../data/us-2020.tsv");

/// The sample's WG report symbol, which identifies it in the database.
pub const REPORT_SYMBOL: &str = "A/HRC/46/15";

/// The sample review's metadata.
pub fn review() -> NewReview {
    NewReview {
        state_under_review: "United States of America".into(),
        cycle: Some(3),
        wg_session: Some(36),
        review_date: Some("2020-11-09".into()),
        report_symbol: Some(REPORT_SYMBOL.into()),
        addendum_symbol: Some("A/HRC/46/15/Add.1".into()),
        adoption_date: Some("2021-03-17".into()),
    }
}

fn split_list(field: &str) -> Vec<String> {
    field
        .split(" | ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The sample's recommendations, parsed from the embedded data.
pub fn recommendations() -> Result<Vec<NewRecommendation>> {
    DATA.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, line)| {
            let bad =
                |what: &str| Error::InvalidInput(format!("sample data line {}: {what}", i + 1));
            let fields: Vec<&str> = line.split('\t').collect();
            let [paragraph, position, states, themes, text] = fields[..] else {
                return Err(bad("expected 5 tab-separated fields"));
            };
            Ok(NewRecommendation {
                paragraph: paragraph.to_owned(),
                text: text.to_owned(),
                states: split_list(states),
                position: Position::parse(position).ok_or_else(|| bad("unknown position"))?,
                position_source: Some("A/HRC/46/15/Add.1".into()),
                themes: split_list(themes),
                groups_of_persons: Vec::new(),
                sdgs: Vec::new(),
                action_category: None,
                tracking: None,
            })
        })
        .collect()
}

/// Loads the sample review unless a review with its report symbol is already stored; returns
/// the review's id either way.
pub fn load(store: &mut Store) -> Result<i64> {
    if let Some(id) = find(store)? {
        return Ok(id);
    }
    let recs = recommendations()?;
    store.create_review(&review(), &recs)
}

/// The id of the stored sample review, if any.
pub fn find(store: &Store) -> Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    Ok(store
        .conn()
        .query_row(
            "SELECT id FROM review WHERE report_symbol = ?1 AND sur_iso3 = 'USA' ORDER BY id LIMIT 1",
            [REPORT_SYMBOL],
            |r| r.get(0),
        )
        .optional()?)
}
