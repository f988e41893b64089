#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The calendar's rules against real reviews (see `../shared/docs/UPR.md`, "Calendar rules").

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate, Weekday};
use docket_core::calendar::rules::{self, ComputedEvent, ReviewFacts, RULES};
use docket_core::calendar::sessions::HrcSessions;
use docket_core::calendar::EventKind;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn facts(state: &str, iso3: &str, wg: Option<u32>, review: Option<&str>) -> ReviewFacts {
    ReviewFacts {
        state: state.into(),
        iso3: Some(iso3.into()),
        wg_session: wg,
        review_date: review.map(day),
        adoption_date: None,
    }
}

fn event(events: &[ComputedEvent], kind: EventKind) -> &ComputedEvent {
    events
        .iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} event in {events:#?}"))
}

fn date_of(events: &[ComputedEvent], kind: EventKind) -> String {
    event(events, kind).date.to_string()
}

#[test]
fn us_first_cycle_wg9_is_adopted_at_hrc16_in_march_2011() {
    let events = rules::timeline(
        &facts(
            "United States of America",
            "USA",
            Some(9),
            Some("2010-11-05"),
        ),
        &HrcSessions::default(),
    );
    let adoption = event(&events, EventKind::Adoption);
    assert!(adoption.title.contains("HRC16"), "{}", adoption.title);
    assert_eq!((adoption.date.year(), adoption.date.month()), (2011, 3));
    assert!(!adoption.confirmed, "computed, not from a record");
    assert!(
        adoption.rule.contains("October-December"),
        "{}",
        adoption.rule
    );
    // HRC16 opened on Monday 28 Feb 2011.
    assert_eq!(date_of(&events, EventKind::ResponsesDue), "2011-02-28");
    assert_eq!(date_of(&events, EventKind::SpeakersListOpens), "2011-02-25");
    assert_eq!(
        date_of(&events, EventKind::WrittenStatementDue),
        "2011-02-14"
    );
    // The next review, 2nd cycle: the session nearest to 4.5 years later (WG 22, May 2015).
    let next = event(&events, EventKind::NextReview);
    assert!(next.title.contains("WG 22"), "{}", next.title);
    assert_eq!(next.date.to_string(), "2015-05-04");
    assert_eq!(date_of(&events, EventKind::NextSubmissionDue), "2014-11-04");
}

#[test]
fn us_wg36_is_adopted_at_hrc46_on_17_march_2021() {
    let mut us = facts(
        "United States of America",
        "USA",
        Some(36),
        Some("2020-11-09"),
    );
    // Without the record's date: HRC46 (22 Feb - 24 Mar 2021), the day estimated in March.
    let events = rules::timeline(&us, &HrcSessions::default());
    let adoption = event(&events, EventKind::Adoption);
    assert!(adoption.title.contains("HRC46"), "{}", adoption.title);
    assert_eq!((adoption.date.year(), adoption.date.month()), (2021, 3));
    assert!(!adoption.confirmed);
    // With it: the record's day, confirmed.
    us.adoption_date = Some(day("2021-03-17"));
    let events = rules::timeline(&us, &HrcSessions::default());
    let adoption = event(&events, EventKind::Adoption);
    assert_eq!(adoption.date.to_string(), "2021-03-17");
    assert!(adoption.confirmed);
    assert!(adoption.title.contains("HRC46"));
    assert_eq!(date_of(&events, EventKind::Review), "2020-11-09");
    assert!(
        event(&events, EventKind::Review).confirmed,
        "the record's day is a fact"
    );
    assert_eq!(date_of(&events, EventKind::ResponsesDue), "2021-02-22");
    assert_eq!(date_of(&events, EventKind::SpeakersListOpens), "2021-02-19");
    assert_eq!(
        date_of(&events, EventKind::WrittenStatementDue),
        "2021-02-08"
    );
    assert_eq!(date_of(&events, EventKind::MidTerm), "2023-02-09");
    // Same slot of the 4th cycle: WG 50, November 2025.
    let next = event(&events, EventKind::NextReview);
    assert!(next.title.contains("WG 50"), "{}", next.title);
    assert_eq!(next.date.to_string(), "2025-11-03");
    assert_eq!(date_of(&events, EventKind::NextSubmissionDue), "2025-05-03");
    // In date order, every kind once.
    assert!(events.windows(2).all(|w| w[0].date <= w[1].date));
    let kinds: HashSet<_> = events.iter().map(|e| e.kind).collect();
    assert_eq!(kinds.len(), EventKind::COMPUTED.len());
}

#[test]
fn slovenia_wg48_known_only_by_its_session_is_adopted_at_hrc59_in_june_2025() {
    // As UPR Info and UHRI exports give it: the session number, no date.
    let events = rules::timeline(
        &facts("Slovenia", "SVN", Some(48), None),
        &HrcSessions::default(),
    );
    let review = event(&events, EventKind::Review);
    assert_eq!(review.date.to_string(), "2025-01-20");
    assert_eq!(
        review.end_date.map(|d| d.to_string()).as_deref(),
        Some("2025-01-31")
    );
    let adoption = event(&events, EventKind::Adoption);
    assert!(adoption.title.contains("HRC59"), "{}", adoption.title);
    // HRC59, the June session: 16 June - 9 July 2025.
    assert!(
        adoption.rule.contains("HRC59 (16 Jun - 9 Jul 2025)"),
        "{}",
        adoption.rule
    );
    assert!(adoption.date >= day("2025-06-16") && adoption.date <= day("2025-07-09"));
    assert!(
        adoption.rule.contains("January/February"),
        "{}",
        adoption.rule
    );
    // The report: responses "no later than the fifty-ninth session" (opened 16 June 2025).
    assert_eq!(date_of(&events, EventKind::ResponsesDue), "2025-06-16");
    let speakers = event(&events, EventKind::SpeakersListOpens);
    assert_eq!(speakers.date.weekday(), Weekday::Fri);
    assert!(speakers.date < day("2025-06-16"));
}

#[test]
fn the_first_sessions_follow_the_table_not_the_months() {
    // WG 1 (April 2008) and WG 2 (May 2008) were both adopted at HRC8 in June 2008.
    for wg in [1, 2] {
        let events = rules::timeline(
            &facts("Bahrain", "BHR", Some(wg), None),
            &HrcSessions::default(),
        );
        let adoption = event(&events, EventKind::Adoption);
        assert!(
            adoption.title.contains("HRC8"),
            "WG {wg}: {}",
            adoption.title
        );
        assert_eq!(adoption.date.month(), 6, "WG {wg}");
    }
    // WG 3 (December 2008) → HRC10, March 2009.
    let events = rules::timeline(
        &facts("Germany", "DEU", Some(3), None),
        &HrcSessions::default(),
    );
    assert!(event(&events, EventKind::Adoption).title.contains("HRC10"));
}

#[test]
fn a_corrected_council_session_moves_the_dates_that_follow_it() {
    let corrected = HrcSessions::new(BTreeMap::from([(
        46,
        (day("2021-03-01"), day("2021-03-31")),
    )]));
    let events = rules::timeline(
        &facts(
            "United States of America",
            "USA",
            Some(36),
            Some("2020-11-09"),
        ),
        &corrected,
    );
    assert_eq!(date_of(&events, EventKind::ResponsesDue), "2021-03-01");
    assert_eq!(date_of(&events, EventKind::SpeakersListOpens), "2021-02-26");
    assert_eq!(
        date_of(&events, EventKind::WrittenStatementDue),
        "2021-02-15"
    );
}

#[test]
fn a_review_date_alone_finds_its_session_and_nothing_gives_no_timeline() {
    let events = rules::timeline(
        &facts("United States of America", "USA", None, Some("2020-11-09")),
        &HrcSessions::default(),
    );
    assert!(event(&events, EventKind::Review).title.contains("WG 36"));
    assert!(event(&events, EventKind::NextReview)
        .title
        .contains("WG 50"));
    assert!(rules::timeline(
        &facts("Nowhere", "XXX", None, None),
        &HrcSessions::default()
    )
    .is_empty());
    // A session beyond the table, without a date, cannot be placed.
    assert!(rules::timeline(
        &facts("Nowhere", "XXX", Some(90), None),
        &HrcSessions::default()
    )
    .is_empty());
}

#[test]
fn a_review_beyond_the_table_still_gets_its_next_review_and_an_estimated_council_session() {
    let events = rules::timeline(
        &facts("Slovenia", "SVN", Some(48), Some("2025-01-24")),
        &HrcSessions::default(),
    );
    // WG 62 is beyond the table: 4.5 years after the review.
    let next = event(&events, EventKind::NextReview);
    assert_eq!(next.date.to_string(), "2029-07-24");
    assert!(next.rule.contains("does not reach"), "{}", next.rule);
    // A review in the 4th cycle's last session is adopted at a session beyond the Council table.
    let events = rules::timeline(
        &facts("Zambia", "ZMB", Some(54), None),
        &HrcSessions::default(),
    );
    let adoption = event(&events, EventKind::Adoption);
    assert!(adoption.title.contains("HRC65"), "{}", adoption.title);
    assert!(
        adoption.rule.contains("dates estimated"),
        "{}",
        adoption.rule
    );
}

#[test]
fn every_computed_event_has_one_rule_with_a_source() {
    for kind in EventKind::COMPUTED {
        let found: Vec<_> = RULES.iter().filter(|r| r.kind == *kind).collect();
        assert_eq!(found.len(), 1, "{kind}");
        assert!(!found[0].source.trim().is_empty() && !found[0].rule.trim().is_empty());
    }
    assert!(RULES.iter().all(|r| r.kind != EventKind::Custom));
    let order: Vec<_> = RULES.iter().map(|r| r.kind).collect();
    assert_eq!(
        order,
        EventKind::COMPUTED,
        "one rule per event, in the timeline's order"
    );
    // Each event carries its rule's words and source.
    let events = rules::timeline(
        &facts(
            "United States of America",
            "USA",
            Some(36),
            Some("2020-11-09"),
        ),
        &HrcSessions::default(),
    );
    for e in &events {
        let r = rules::rule(e.kind).unwrap();
        assert!(e.rule.ends_with(r.rule), "{}", e.rule);
        assert_eq!(e.source, r.source);
    }
}

#[test]
fn event_uids_are_stable_and_distinct() {
    let us = facts(
        "United States of America",
        "USA",
        Some(36),
        Some("2020-11-09"),
    );
    let uids: HashSet<String> = EventKind::COMPUTED
        .iter()
        .map(|k| rules::event_uid(&us, *k))
        .collect();
    assert_eq!(uids.len(), EventKind::COMPUTED.len());
    assert_eq!(
        rules::event_uid(&us, EventKind::Adoption),
        "upr-usa-wg36-adoption@docket.local"
    );
    // Same review, same uid, whatever else changed.
    let mut later = us.clone();
    later.adoption_date = Some(day("2021-03-17"));
    assert_eq!(
        rules::event_uid(&later, EventKind::Adoption),
        rules::event_uid(&us, EventKind::Adoption)
    );
    // A State not known by its code: from its name.
    let unknown = ReviewFacts {
        state: "Côte d’Ivoire (as written)".into(),
        iso3: None,
        wg_session: Some(33),
        ..ReviewFacts::default()
    };
    assert_eq!(
        rules::event_uid(&unknown, EventKind::Review),
        "upr-c-te-d-ivoire-as-written-wg33-review@docket.local"
    );
}
