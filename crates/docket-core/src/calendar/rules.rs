//! The rules that turn a review into its timeline: one table ([`RULES`]), each rule with its source
//! (see `../shared/docs/UPR.md`, "Calendar rules").

use chrono::{Datelike, Months, NaiveDate, Weekday};

use super::sessions::{self, HrcSessions, HrcSlot, WgSession};
use super::{EventKind, GENEVA};

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
    /// Given by the source (the review's day, the adoption day of its record), not computed.
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

/// The calendar's rules, one per computed event, in the order of a review's timeline.
pub const RULES: &[Rule] = &[
    Rule {
        kind: EventKind::Review,
        rule: "The day of the review; when only its Working Group session is known, the session's \
               period.",
        source: "OHCHR, UPR Working Group sessions (Docket's table)",
    },
    Rule {
        kind: EventKind::WrittenStatementDue,
        rule: "Two weeks before the adoption session opens (NGOs in consultative status with \
               ECOSOC only; up to 2,000 words with general status, 1,500 with special or roster).",
        source: "OHCHR, Human Rights Council NGO guidelines (written statements)",
    },
    Rule {
        kind: EventKind::SpeakersListOpens,
        rule: "The Friday before the adoption session opens: online registration, first come, \
               first served, ten NGO places per outcome (2012 modalities; check for this session).",
        source: "UPR Info, \"NGOs register for speakers list\"",
    },
    Rule {
        kind: EventKind::ResponsesDue,
        rule:
            "No later than the adoption session (\"no later than the Nth session\", as the Working \
               Group's report says): its opening day.",
        source: "Working Group reports, e.g. A/HRC/46/15 and A/HRC/59/15 para. 140",
    },
    Rule {
        kind: EventKind::Adoption,
        rule:
            "The Council adopts the outcome at its next regular session: a Working Group session \
               in January/February goes to the June session, April/May to September, \
               October-December to March of the next year. The day is estimated in the session's \
               third week until it is known.",
        source: "HRC res. 16/21 and dec. 17/119; UPR Info session news (US: WG 36, Nov 2020 → \
                 HRC46, adopted 17 Mar 2021)",
    },
    Rule {
        kind: EventKind::MidTerm,
        rule: "Voluntary, about 2 to 2.5 years after the review: Docket takes 27 months, half-way \
               to the next review.",
        source: "UPR Info, mid-term reporting",
    },
    Rule {
        kind: EventKind::NextSubmissionDue,
        rule: "About six months before the next review's Working Group session (OHCHR publishes \
               the exact date per session); up to 2,815 words, 5,630 for a joint submission.",
        source: "OHCHR technical guidelines for stakeholders' submissions (3rd cycle)",
    },
    Rule {
        kind: EventKind::NextReview,
        rule: "4.5 years after the review, in the same slot of the next cycle: Working Group \
               session + 14 from the 2nd cycle on; for a 1st-cycle review, the session nearest to \
               4.5 years later.",
        source: "HRC res. 16/21",
    },
];

/// The rule of a computed event.
pub fn rule(kind: EventKind) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.kind == kind)
}

/// Months from the review to the mid-term report.
const MID_TERM_MONTHS: u32 = 27;
/// Months from a review to the next (4.5 years).
const CYCLE_MONTHS: u32 = 54;
/// Months from the stakeholder submission to the review it is for.
const SUBMISSION_MONTHS: u32 = 6;
/// Days from a session's opening to its estimated UPR adoptions (Wednesday of the third week).
const ADOPTION_OFFSET_DAYS: i64 = 16;
/// Working Group sessions in a cycle from the 2nd on.
const SESSIONS_PER_CYCLE: u32 = 14;
/// The first session of the 2nd cycle.
const SECOND_CYCLE_FIRST_SESSION: u32 = 13;

/// "17 Mar 2021".
fn day(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// "2-13 Nov 2020", "30 Nov - 11 Dec 2009", "22 Feb - 24 Mar 2021".
fn period(opens: NaiveDate, closes: NaiveDate) -> String {
    if opens.year() != closes.year() {
        format!("{} - {}", day(opens), day(closes))
    } else if opens.month() != closes.month() {
        format!("{} - {}", opens.format("%-d %b"), day(closes))
    } else {
        format!("{}-{}", opens.day(), day(closes))
    }
}

/// The Council session that adopts the outcome of a review held in this month: its number, and
/// the words of the rule applied.
fn adoption_session(wg: Option<WgSession>, review_day: NaiveDate) -> (u32, &'static str) {
    if let Some(n) = wg.and_then(|s| s.adoption_exception) {
        return (n, "an exception of the 1st cycle, from the table");
    }
    let held = wg.map_or(review_day, |s| s.opens);
    let year = held.year();
    match held.month() {
        1..=3 => (
            sessions::hrc_session_number(year, HrcSlot::June),
            "January/February → the June session",
        ),
        4..=7 => (
            sessions::hrc_session_number(year, HrcSlot::September),
            "April/May → the September session",
        ),
        _ => (
            sessions::hrc_session_number(year + 1, HrcSlot::March),
            "October-December → the March session of the next year",
        ),
    }
}

/// The Friday before `day`.
fn friday_before(day: NaiveDate) -> NaiveDate {
    let mut d = day - chrono::Duration::days(1);
    while d.weekday() != Weekday::Fri {
        d -= chrono::Duration::days(1);
    }
    d
}

fn plus_months(d: NaiveDate, months: u32) -> Option<NaiveDate> {
    d.checked_add_months(Months::new(months))
}

fn minus_months(d: NaiveDate, months: u32) -> Option<NaiveDate> {
    d.checked_sub_months(Months::new(months))
}

/// The review's timeline, in date order: every event the facts allow (none without a session in
/// Docket's table or a date).
pub fn timeline(facts: &ReviewFacts, hrc: &HrcSessions) -> Vec<ComputedEvent> {
    let wg = facts
        .wg_session
        .and_then(sessions::wg_session)
        .or_else(|| facts.review_date.and_then(sessions::wg_session_on));
    let (review_day, review_end) = match (facts.review_date, wg) {
        (Some(d), _) => (d, None),
        (None, Some(s)) => (s.opens, Some(s.closes)),
        (None, None) => return Vec::new(),
    };
    let state = facts.state.as_str();
    let mut events = Vec::with_capacity(RULES.len());
    let mut push = |kind: EventKind,
                    date: NaiveDate,
                    end_date: Option<NaiveDate>,
                    title: String,
                    applied: String,
                    confirmed: bool,
                    time_zone: Option<&'static str>| {
        if let Some(r) = rule(kind) {
            events.push(ComputedEvent {
                kind,
                date,
                end_date,
                title,
                rule: if applied.is_empty() {
                    r.rule.to_owned()
                } else {
                    format!("{applied}. {}", r.rule)
                },
                source: r.source,
                confirmed,
                time_zone,
            });
        }
    };

    // The review.
    let session_words = wg.map(|s| format!("WG {} ({})", s.number, period(s.opens, s.closes)));
    let title = match wg {
        Some(s) => format!("UPR review of {state} (WG {})", s.number),
        None => format!("UPR review of {state}"),
    };
    let applied = match (&session_words, review_end) {
        (Some(w), Some(_)) => format!("Only the session is known: {w}"),
        (Some(w), None) => format!("Reviewed on {} in {w}", day(review_day)),
        (None, _) => format!("Reviewed on {}", day(review_day)),
    };
    // The day the source gives is a fact; a session's period only says when the day falls.
    push(
        EventKind::Review,
        review_day,
        review_end,
        title,
        applied,
        review_end.is_none(),
        Some(GENEVA),
    );

    // The adoption session and the deadlines before it.
    let (adopting, why) = adoption_session(wg, review_day);
    if let Some((opens, closes, estimated)) = hrc.period(adopting) {
        let hrc_words = format!(
            "HRC{adopting} ({}{})",
            period(opens, closes),
            if estimated { ", dates estimated" } else { "" }
        );
        let held = session_words.clone().unwrap_or_else(|| day(review_day));
        push(
            EventKind::WrittenStatementDue,
            opens - chrono::Duration::days(14),
            None,
            format!("NGO written statements due for HRC{adopting}"),
            format!("{hrc_words} opens on {}", day(opens)),
            false,
            Some(GENEVA),
        );
        push(
            EventKind::SpeakersListOpens,
            friday_before(opens),
            None,
            format!(
                "NGO speakers list opens for the adoption of {state}'s outcome (HRC{adopting})"
            ),
            format!("{hrc_words} opens on {}", day(opens)),
            false,
            Some(GENEVA),
        );
        let responses = facts.adoption_date.map_or(opens, |a| a.min(opens));
        push(
            EventKind::ResponsesDue,
            responses,
            None,
            format!("{state}'s responses to the recommendations due (HRC{adopting})"),
            format!("Adopted at {hrc_words}"),
            false,
            Some(GENEVA),
        );
        let (adoption_day, confirmed, applied) = match facts.adoption_date {
            Some(d) => (
                d,
                true,
                format!(
                    "Adopted on {} (the review's record); {held} → {hrc_words}",
                    day(d)
                ),
            ),
            None => (
                (opens + chrono::Duration::days(ADOPTION_OFFSET_DAYS)).min(closes),
                false,
                format!("{held} → {hrc_words}: {why}"),
            ),
        };
        push(
            EventKind::Adoption,
            adoption_day,
            None,
            format!("Adoption of {state}'s UPR outcome at HRC{adopting}"),
            applied,
            confirmed,
            Some(GENEVA),
        );
    }

    // Implementation: the mid-term report, then the next review and the submissions for it.
    if let Some(mid) = plus_months(review_day, MID_TERM_MONTHS) {
        push(
            EventKind::MidTerm,
            mid,
            None,
            format!("Mid-term report of {state} (voluntary)"),
            format!("Reviewed on {}", day(review_day)),
            false,
            None,
        );
    }
    let next = match wg {
        Some(s) if s.number >= SECOND_CYCLE_FIRST_SESSION => {
            sessions::wg_session(s.number + SESSIONS_PER_CYCLE)
        }
        _ => plus_months(review_day, CYCLE_MONTHS).and_then(sessions::wg_session_nearest),
    };
    let next_day = match next {
        Some(s) => Some((
            s.opens,
            Some(s.closes),
            format!("Next review of {state} (WG {})", s.number),
            format!("WG {} ({})", s.number, period(s.opens, s.closes)),
        )),
        None => plus_months(review_day, CYCLE_MONTHS).map(|d| {
            (
                d,
                None,
                format!("Next review of {state}"),
                format!(
                    "Docket's table does not reach that far: {} is 4.5 years after the review",
                    day(d)
                ),
            )
        }),
    };
    if let Some((date, end, title, words)) = next_day {
        if let Some(due) = minus_months(date, SUBMISSION_MONTHS) {
            push(
                EventKind::NextSubmissionDue,
                due,
                None,
                format!("Stakeholder submissions due for {state}'s next review"),
                format!("Next review: {words}"),
                false,
                Some(GENEVA),
            );
        }
        push(
            EventKind::NextReview,
            date,
            end,
            title,
            words,
            false,
            Some(GENEVA),
        );
    }

    events.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.kind.order().cmp(&b.kind.order()))
    });
    events
}

/// Lowercase letters and digits of a name, words joined by `-` ("Côte d'Ivoire" → "c-te-d-ivoire"
/// keeps only ASCII; the ISO code is used when known).
fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The stable identifier of a computed event: from the State and the session (or the review's
/// date), never from a database id, so that exporting again updates the same calendar entries.
pub fn event_uid(facts: &ReviewFacts, kind: EventKind) -> String {
    let who = facts
        .iso3
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .map(|c| c.trim().to_ascii_lowercase())
        .unwrap_or_else(|| slug(&facts.state));
    let when = match (facts.wg_session, facts.review_date) {
        (Some(n), _) => format!("wg{n}"),
        (None, Some(d)) => d.format("%Y%m%d").to_string(),
        (None, None) => "undated".to_owned(),
    };
    format!(
        "upr-{who}-{when}-{}@docket.local",
        kind.as_str().replace('_', "-")
    )
}
