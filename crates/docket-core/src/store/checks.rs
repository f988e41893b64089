//! Checks of what the user gives, shared by the store's writers (calendar, statements, lobbying,
//! saved views, tracking): each check is made here once, so that it says the same thing to the
//! person wherever it refuses.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension};

use super::json_ids;
use crate::error::{Error, Result};

/// The Council's session numbers accepted.
pub(super) const HRC_NUMBERS: RangeInclusive<u32> = 1..=200;

/// A text of 1 to `max` characters once trimmed, returned trimmed. `what` completes "Give …":
/// "the deadline a title".
pub(super) fn required<'a>(value: &'a str, max: usize, what: &str) -> Result<&'a str> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > max {
        return Err(Error::InvalidInput(format!(
            "Give {what} of 1 to {max} characters."
        )));
    }
    Ok(value)
}

/// Refuses a text of more than `max` characters. `what` names it: "the notes".
pub(super) fn at_most(what: &str, value: &str, max: usize) -> Result<()> {
    if value.chars().count() > max {
        return Err(Error::InvalidInput(format!(
            "Too long to save: {what} can have at most {} characters.",
            thousands(max)
        )));
    }
    Ok(())
}

/// 10000 → "10,000".
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A day as the user types it: `YYYY-MM-DD` exactly.
fn parse_day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A day typed as `YYYY-MM-DD`, in `years` (a year outside them is a typo). `what` names it in
/// the message: "The due date".
pub(super) fn day_in(s: &str, what: &str, years: RangeInclusive<i32>) -> Result<NaiveDate> {
    let Some(day) = parse_day(s) else {
        return Err(Error::InvalidInput(format!(
            "{what} “{}” is not a date Docket can read. Enter it as YYYY-MM-DD, e.g. 2025-03-14.",
            s.trim()
        )));
    };
    if !years.contains(&day.year()) {
        return Err(Error::InvalidInput(format!(
            "{what} {} is not between {} and {}. Check the year.",
            day.format("%Y-%m-%d"),
            years.start(),
            years.end()
        )));
    }
    Ok(day)
}

/// Refuses a Council session number outside [`HRC_NUMBERS`].
pub(super) fn hrc_session(number: u32) -> Result<()> {
    if !HRC_NUMBERS.contains(&number) {
        return Err(Error::InvalidInput(format!(
            "There is no Council session {number}: sessions are numbered {} to {}. Check the \
             number.",
            HRC_NUMBERS.start(),
            HRC_NUMBERS.end()
        )));
    }
    Ok(())
}

/// Whether a review exists.
pub(super) fn review_exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM review WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// A review read that no longer exists.
pub(super) fn review_gone(id: i64) -> Error {
    Error::NotFound(format!(
        "Review {id} no longer exists (it may have been deleted in another window). Pick another \
         review."
    ))
}

/// Refuses the review of a row being saved when it no longer exists. `what` names the row:
/// "deadline".
pub(super) fn review_of(conn: &Connection, review_id: Option<i64>, what: &str) -> Result<()> {
    match review_id {
        Some(review) if !review_exists(conn, review)? => Err(Error::NotFound(format!(
            "Review {review} no longer exists (it may have been deleted in another window), so \
             the {what} was not saved. Pick another review, or save the {what} without one."
        ))),
        _ => Ok(()),
    }
}

/// Refuses linked recommendations that no longer exist (`ids` once each). `what` names the row
/// they are linked from: "deadline".
pub(super) fn recommendations_exist(conn: &Connection, ids: &[i64], what: &str) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let found: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM recommendation WHERE id IN (SELECT value FROM json_each(?1))",
        )?
        .query_row([json_ids(ids)], |r| r.get(0))?;
    match ids.len() as i64 - found {
        1 => Err(Error::InvalidInput(format!(
            "One of the linked recommendations no longer exists (it may have been deleted). \
             Remove it from the {what} and save again."
        ))),
        n if n > 1 => Err(Error::InvalidInput(format!(
            "{n} of the linked recommendations no longer exist (they may have been deleted). \
             Remove them from the {what} and save again."
        ))),
        _ => Ok(()),
    }
}

/// A row changed or deleted that no longer exists. `what` names it: "deadline".
pub(super) fn gone(what: &str) -> Error {
    Error::NotFound(format!(
        "That {what} no longer exists (it may have been deleted in another window). Nothing was \
         changed."
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(254), "254");
    }

    #[test]
    fn days_are_typed_exactly() {
        let years = 2000..=2100;
        assert_eq!(
            day_in(" 2025-03-14 ", "The day", years.clone()).ok(),
            NaiveDate::from_ymd_opt(2025, 3, 14)
        );
        for bad in ["2025-3-14", "14/03/2025", "2025-02-30", ""] {
            assert!(day_in(bad, "The day", years.clone()).is_err(), "{bad}");
        }
        let err = day_in("1999-12-31", "The day", years).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The day 1999-12-31 is not between 2000 and 2100. Check the year."
        );
    }
}
