//! The rules that turn a review into its timeline: one table ([`RULES`]), each rule with its source
//! (see `../shared/docs/UPR.md`, "Calendar rules").

use chrono::NaiveDate;

use super::sessions::HrcSessions;
use super::EventKind;

/// What the rules need to know about a review.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewFacts {
    /// The State under review.
    pub state: String,
    /// Its ISO 3166 alpha-3 code, when it is a known State.
    pub iso3: Option<String>,
    /// The Working Group session.
    pub wg_session: Option<u32>,
    /// The day of the review (the user's date when edited).
    pub review_date: Option<NaiveDate>,
    /// The adoption day the source gives (a confirmed fact), if any.
    pub adoption_date: Option<NaiveDate>,
}

/// A date computed from a review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComputedEvent {
    /// What it is.
    pub kind: EventKind,
    /// The day.
    pub date: NaiveDate,
    /// The last day, for a review known only by its session.
    pub end_date: Option<NaiveDate>,
    /// In words.
    pub title: String,
    /// The rule applied, in words, with the values it used.
    pub rule: String,
    /// Where the rule comes from.
    pub source: &'static str,
    /// Given by the source (the adoption date of the review's record), not computed.
    pub confirmed: bool,
    /// IANA time zone of the event (Geneva for the Council's and the Working Group's).
    pub time_zone: Option<&'static str>,
}

/// One rule of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The event it gives.
    pub kind: EventKind,
    /// The rule, in words.
    pub rule: &'static str,
    /// Where it comes from.
    pub source: &'static str,
}

/// The calendar's rules, one per computed event.
pub const RULES: &[Rule] = &[];

/// The review's timeline, in date order: every event the facts allow (none without a session or
/// a date).
pub fn timeline(facts: &ReviewFacts, hrc: &HrcSessions) -> Vec<ComputedEvent> {
    let _ = (facts, hrc);
    todo!("rules")
}

/// The stable identifier of a computed event: from the State and the session (or the review's
/// date), never from a database id, so that exporting again updates the same calendar entries.
pub fn event_uid(facts: &ReviewFacts, kind: EventKind) -> String {
    let _ = (facts, kind);
    todo!("rules")
}
