#![allow(clippy::unwrap_used, clippy::expect_used)]
//! When reminders fire and deadlines fall due (`calendar/reminders.rs`), with an injected clock.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use docket_core::calendar::reminders::{
    effective_time, format_utc, local_instant, parse_utc, reminder_effective_time, reminder_state,
    DueAt, ReminderState,
};
use docket_core::calendar::{DeadlineStatus, Reminder};

fn at(s: &str) -> DateTime<Utc> {
    parse_utc(s).unwrap_or_else(|| panic!("bad instant {s}"))
}

fn due(date: &str, time: Option<&str>, zone: &str) -> DueAt {
    DueAt::parse(date, time, zone).unwrap_or_else(|| panic!("bad due {date} {time:?} {zone}"))
}

fn local(date: &str, time: &str) -> chrono::NaiveDateTime {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .unwrap()
        .and_time(NaiveTime::parse_from_str(time, "%H:%M").unwrap())
}

const GENEVA: &str = "Europe/Zurich";
const NEW_YORK: &str = "America/New_York";

#[test]
fn a_timed_deadline_reminds_back_from_its_time_in_its_zone() {
    // 17:00 in Geneva in winter (UTC+1).
    let d = due("2025-03-14", Some("17:00"), GENEVA);
    assert_eq!(d.reminder_base(), at("2025-03-14T16:00:00Z"));
    assert_eq!(d.fires_at(0), at("2025-03-14T16:00:00Z"));
    assert_eq!(d.fires_at(60), at("2025-03-14T15:00:00Z"));
    assert_eq!(d.fires_at(1440), at("2025-03-13T16:00:00Z"));
    assert_eq!(d.fires_at(10080), at("2025-03-07T16:00:00Z"));
    // The same wall-clock time in New York (UTC-4 from 9 March 2025).
    let ny = due("2025-03-14", Some("17:00"), NEW_YORK);
    assert_eq!(ny.reminder_base(), at("2025-03-14T21:00:00Z"));
}

#[test]
fn a_whole_day_deadline_reminds_back_from_nine_in_the_morning() {
    assert_eq!(
        due("2025-07-01", None, GENEVA).reminder_base(),
        at("2025-07-01T07:00:00Z"),
        "09:00 summer time in Geneva"
    );
    assert_eq!(
        due("2025-07-01", None, NEW_YORK).fires_at(1440),
        at("2025-06-30T13:00:00Z"),
        "a day before 09:00 EDT"
    );
    assert_eq!(
        due("2025-01-15", None, GENEVA).reminder_base(),
        at("2025-01-15T08:00:00Z"),
        "09:00 winter time in Geneva"
    );
}

#[test]
fn overdue_once_the_due_time_or_the_due_day_has_passed_in_its_zone() {
    let timed = due("2025-07-01", Some("17:00"), NEW_YORK);
    assert_eq!(timed.instant(), at("2025-07-01T21:00:00Z"));
    assert!(!timed.is_overdue(DeadlineStatus::ToDo, at("2025-07-01T20:59:00Z")));
    assert!(!timed.is_overdue(DeadlineStatus::ToDo, at("2025-07-01T21:00:00Z")));
    assert!(timed.is_overdue(DeadlineStatus::InProgress, at("2025-07-01T21:01:00Z")));
    assert!(!timed.is_overdue(DeadlineStatus::Done, at("2025-07-01T21:01:00Z")));

    // A whole day: until midnight at its end, in its own zone.
    let geneva = due("2025-07-01", None, GENEVA);
    let new_york = due("2025-07-01", None, NEW_YORK);
    assert_eq!(geneva.instant(), at("2025-07-01T22:00:00Z"));
    assert_eq!(new_york.instant(), at("2025-07-02T04:00:00Z"));
    let late_evening_in_geneva = at("2025-07-01T21:30:00Z");
    assert!(!geneva.is_overdue(DeadlineStatus::ToDo, late_evening_in_geneva));
    let after_midnight_in_geneva = at("2025-07-01T23:00:00Z");
    assert!(geneva.is_overdue(DeadlineStatus::ToDo, after_midnight_in_geneva));
    assert!(
        !new_york.is_overdue(DeadlineStatus::ToDo, after_midnight_in_geneva),
        "still 1 July in New York"
    );
    assert!(new_york.is_overdue(DeadlineStatus::ToDo, at("2025-07-02T04:00:01Z")));
}

#[test]
fn skipped_and_repeated_local_times_take_the_earliest_valid_instant() {
    let zurich: Tz = GENEVA.parse().unwrap();
    // 30 March 2025: clocks go from 02:00 to 03:00; 02:30 does not exist → 03:00 CEST.
    assert_eq!(
        local_instant(local("2025-03-30", "02:30"), zurich),
        at("2025-03-30T01:00:00Z")
    );
    // 26 October 2025: 02:30 happens twice → the first, still in summer time.
    assert_eq!(
        local_instant(local("2025-10-26", "02:30"), zurich),
        at("2025-10-26T00:30:00Z")
    );
    // A deadline at the skipped time is due when the clocks jump.
    assert_eq!(
        due("2025-03-30", Some("02:30"), GENEVA).instant(),
        at("2025-03-30T01:00:00Z")
    );
    // Samoa skipped 30 December 2011 altogether: a whole-day deadline on the 29th ends when the
    // 31st begins (00:00 at UTC+14).
    let apia = due("2011-12-29", None, "Pacific/Apia");
    assert_eq!(apia.instant(), at("2011-12-30T10:00:00Z"));
    // Midnight skipped (Santiago, 7 September 2025: 00:00 → 01:00): the day after ends at 01:00.
    assert_eq!(
        due("2025-09-06", None, "America/Santiago").instant(),
        at("2025-09-07T04:00:00Z")
    );
}

#[test]
fn reminders_count_exact_minutes_across_a_clock_change() {
    // 09:00 CEST on Monday 31 March is 07:00Z; a day (1,440 minutes) before is 07:00Z on the
    // 30th, 09:00 summer time: the change at 01:00Z on the 30th is not crossed.
    let d = due("2025-03-31", None, GENEVA);
    assert_eq!(d.fires_at(1440), at("2025-03-30T07:00:00Z"));
    // Two days before crosses it: 07:00Z on the 29th is 08:00 winter time.
    assert_eq!(d.fires_at(2880), at("2025-03-29T07:00:00Z"));
}

#[test]
fn a_reminder_is_pending_then_due_then_shown_and_never_for_a_done_deadline() {
    let fires = at("2025-03-13T16:00:00Z");
    let before = at("2025-03-13T15:59:59Z");
    let after = at("2025-03-13T16:00:00Z");
    let todo = DeadlineStatus::ToDo;
    assert_eq!(
        reminder_state(fires, None, None, todo, before),
        ReminderState::Pending
    );
    assert_eq!(
        reminder_state(fires, None, None, todo, after),
        ReminderState::Due
    );
    assert_eq!(
        reminder_state(fires, Some(after), None, todo, at("2025-03-14T00:00:00Z")),
        ReminderState::Shown
    );
    assert_eq!(
        reminder_state(fires, None, None, DeadlineStatus::Done, after),
        ReminderState::Off
    );
    // Snoozed until 18:00: pending before, due from then on.
    let until = Some(at("2025-03-13T18:00:00Z"));
    assert_eq!(
        reminder_state(fires, None, until, todo, at("2025-03-13T17:59:00Z")),
        ReminderState::Pending
    );
    assert_eq!(
        reminder_state(fires, None, until, todo, at("2025-03-13T18:00:00Z")),
        ReminderState::Due
    );
    assert_eq!(effective_time(fires, until), at("2025-03-13T18:00:00Z"));
    assert_eq!(effective_time(fires, None), fires);
}

#[test]
fn stored_reminders_read_back_their_effective_time() {
    let mut r = Reminder {
        id: 1,
        minutes_before: 60,
        fires_at: "2025-03-14T15:00:00Z".into(),
        fired_at: None,
        snoozed_until: None,
    };
    assert_eq!(
        reminder_effective_time(&r),
        Some(at("2025-03-14T15:00:00Z"))
    );
    r.snoozed_until = Some("2025-03-14T16:30:00+01:00".into());
    assert_eq!(
        reminder_effective_time(&r),
        Some(at("2025-03-14T15:30:00Z"))
    );
    r.fires_at = "soon".into();
    assert_eq!(reminder_effective_time(&r), None);
}

#[test]
fn stored_instants_are_utc_to_the_second_and_sort_as_text() {
    let t = at("2025-03-14T16:00:00.750+01:00");
    assert_eq!(format_utc(t), "2025-03-14T15:00:00Z");
    assert_eq!(parse_utc(&format_utc(t)), Some(at("2025-03-14T15:00:00Z")));
    let mut instants = [
        at("2025-10-26T00:30:00Z"),
        at("2024-12-31T23:59:59Z"),
        at("2025-03-30T01:00:00Z"),
    ];
    let mut texts: Vec<String> = instants.iter().map(|t| format_utc(*t)).collect();
    instants.sort();
    texts.sort();
    let sorted: Vec<String> = instants.iter().map(|t| format_utc(*t)).collect();
    assert_eq!(texts, sorted);
}

#[test]
fn due_at_refuses_what_does_not_parse() {
    assert!(DueAt::parse("2025-02-30", None, GENEVA).is_none());
    assert!(DueAt::parse("2025-02-28", Some("25:00"), GENEVA).is_none());
    assert!(DueAt::parse("2025-02-28", None, "Mars/Olympus_Mons").is_none());
    let d = due("2025-02-28", Some("08:15"), "Asia/Kolkata");
    assert_eq!(d.instant(), at("2025-02-28T02:45:00Z"));
}
