//! The full-text index (`recommendation_fts`, FTS5, diacritics and case folded) over each
//! recommendation's text, recommending States, themes / groups / SDGs, our ask and notes.
//!
//! Its rowid is the recommendation's id. The store refreshes a recommendation's row in the same
//! transaction as every write that changes one of those columns (a new recommendation's row is
//! written as it is inserted, from the same values). Since schema v4 the index keeps no copy of
//! the indexed text (contentless): it answers searches with rowids and ranks only.

use rusqlite::{Connection, Transaction};

use crate::error::Result;

pub(crate) const REFRESH_SELECT: &str = "
    SELECT r.id, r.text,
           coalesce((SELECT group_concat(s.name || ' ' || s.name_as_written, ' ')
                     FROM recommending_state s WHERE s.recommendation_id = r.id), ''),
           coalesce((SELECT group_concat(l.value, ' ')
                     FROM recommendation_label l WHERE l.recommendation_id = r.id AND l.kind <> 'tag'), ''),
           r.our_ask, r.notes
    FROM recommendation r";

/// Writes one new recommendation's row: rowid, text, States, labels (as [`REFRESH_SELECT`]
/// builds them); our ask and notes are empty for a new recommendation.
pub(crate) const INSERT_ROW: &str =
    "INSERT INTO recommendation_fts(rowid, text, states, themes, our_ask, notes)
     VALUES (?1, ?2, ?3, ?4, '', '')";

/// Re-indexes one recommendation (or removes it from the index if it no longer exists).
pub fn refresh(tx: &Transaction<'_>, recommendation_id: i64) -> Result<()> {
    tx.prepare_cached("DELETE FROM recommendation_fts WHERE rowid = ?1")?
        .execute([recommendation_id])?;
    tx.prepare_cached(&format!(
        "INSERT INTO recommendation_fts(rowid, text, states, themes, our_ask, notes)
         {REFRESH_SELECT} WHERE r.id = ?1"
    ))?
    .execute([recommendation_id])?;
    Ok(())
}

/// Removes index rows above the last recommendation's id (left by a recommendation deleted
/// outside Docket), so that new recommendations' rows cannot collide with them.
pub(crate) fn clear_above_last(tx: &Transaction<'_>) -> Result<()> {
    tx.prepare_cached(
        "DELETE FROM recommendation_fts
         WHERE rowid > (SELECT coalesce(max(id), 0) FROM recommendation)",
    )?
    .execute([])?;
    Ok(())
}

/// Turns what a person types into a safe FTS5 query: words and `"quoted phrases"` are all
/// required, a trailing `*` makes a word a prefix; FTS5 operators and punctuation are taken as
/// plain text, so no input can be a syntax error. Returns `None` when nothing searchable is left.
pub fn to_match_query(input: &str) -> Option<String> {
    let mut terms = Vec::new();
    let mut rest = input;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        let (raw, phrase, next) = if let Some(stripped) = rest.strip_prefix('"') {
            match stripped.find('"') {
                Some(end) => (&stripped[..end], true, &stripped[end + 1..]),
                None => (stripped, true, ""),
            }
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (&rest[..end], false, &rest[end..])
        };
        rest = next;
        let prefix = !phrase && raw.ends_with('*');
        // Keep letters, digits and inner spaces; everything else separates tokens.
        let cleaned: String = raw
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        let words: Vec<&str> = cleaned.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let quoted = format!("\"{}\"", words.join(" "));
        terms.push(if prefix { format!("{quoted}*") } else { quoted });
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Ids of the recommendations matching `query` (see [`to_match_query`]), best match first;
/// limited to one review when `review_id` is given.
pub fn search(
    conn: &Connection,
    review_id: Option<i64>,
    query: &str,
    limit: i64,
) -> Result<Vec<i64>> {
    let Some(q) = to_match_query(query) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT f.rowid FROM recommendation_fts f
         JOIN recommendation r ON r.id = f.rowid
         WHERE recommendation_fts MATCH ?1 AND (?2 IS NULL OR r.review_id = ?2)
         ORDER BY f.rank LIMIT ?3",
    )?;
    let ids = stmt
        .query_map(rusqlite::params![q, review_id, limit], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::to_match_query;

    #[test]
    fn builds_safe_queries() {
        assert_eq!(
            to_match_query("death penalty").as_deref(),
            Some("\"death\" \"penalty\"")
        );
        assert_eq!(
            to_match_query("\"death penalty\"").as_deref(),
            Some("\"death penalty\"")
        );
        assert_eq!(to_match_query("tortur*").as_deref(), Some("\"tortur\"*"));
        assert_eq!(
            to_match_query("NOT OR (\"").as_deref(),
            Some("\"NOT\" \"OR\"")
        );
        assert_eq!(to_match_query("  ** ; "), None);
    }
}
