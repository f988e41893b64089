#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The calendar in the store (`store/calendar.rs`): deadlines with their links and reminders,
//! reminder checks with an injected clock, the user's dates and the Council's sessions.

mod common;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use docket_core::calendar::rules::{self, ReviewFacts};
use docket_core::calendar::sessions::HrcSessions;
use docket_core::calendar::{
    CalendarEvent, DeadlineStatus, EventDateEdit, EventKind, NewDeadline, GENEVA,
};
use docket_core::{ErrorKind, Store};

use common::{at, count, deadline, rec, rec_id, refused, sample_store, store_with};

const NEW_YORK: &str = "America/New_York";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A store with one review (Slovenia, WG 49) and three recommendations; returns the review id.
fn store_with_recs() -> (Store, i64) {
    store_with(&[
        rec("10.2", "Ratify the Convention", &["Chile"], &[]),
        rec("10.10", "Abolish the death penalty", &["France"], &[]),
        rec("10.1", "Adopt a national plan", &["Brazil"], &[]),
    ])
}

/// The sample review's facts, as the store reads them.
fn sample_facts() -> ReviewFacts {
    ReviewFacts {
        state: "United States of America".into(),
        iso3: Some("USA".into()),
        wg_session: Some(36),
        review_date: Some(day("2020-11-09")),
        adoption_date: Some(day("2021-03-17")),
    }
}

fn event(events: &[CalendarEvent], review: i64, kind: EventKind) -> &CalendarEvent {
    events
        .iter()
        .find(|e| e.review_id == Some(review) && e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} event in {events:#?}"))
}

fn computed_date(facts: &ReviewFacts, hrc: &HrcSessions, kind: EventKind) -> String {
    rules::timeline(facts, hrc)
        .into_iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("the rules give no {kind}"))
        .date
        .to_string()
}

/// The one deadline of the calendar at `now`.
fn custom(store: &Store, now: &str) -> CalendarEvent {
    let events = store.calendar(None, at(now)).unwrap();
    let mut mine = events.into_iter().filter(|e| e.kind == EventKind::Custom);
    let one = mine.next().expect("a deadline");
    assert!(mine.next().is_none(), "one deadline");
    one
}

const NOW: &str = "2025-03-01T10:00:00Z";

#[test]
fn deadline_round_trip_with_links_and_reminders() {
    let (mut store, review) = store_with_recs();
    let ids = [
        rec_id(&store, review, "10.10"),
        rec_id(&store, review, "10.1"),
        rec_id(&store, review, "10.2"),
    ];
    let mut new = deadline("  Submit the shadow report  ", "2025-03-14");
    new.review_id = Some(review);
    new.event_kind = Some(EventKind::NextSubmissionDue);
    new.due_time = Some("17:00".into());
    new.owner = " Ana ".into();
    new.notes = "Joint submission with the coalition".into();
    new.recommendation_ids = vec![ids[0], ids[1], ids[2], ids[1]];
    new.reminders = vec![60, 10080, 1440, 60];
    let created = store.create_deadline(&new, at(NOW)).unwrap();

    assert_eq!(created.title, "Submit the shadow report", "trimmed");
    assert_eq!(created.owner, "Ana");
    assert_eq!(created.review_id, Some(review));
    assert_eq!(created.event_kind, Some(EventKind::NextSubmissionDue));
    assert_eq!(created.due_date, "2025-03-14");
    assert_eq!(created.due_time.as_deref(), Some("17:00"));
    assert_eq!(created.time_zone, GENEVA);
    assert_eq!(created.status, DeadlineStatus::ToDo);
    assert_eq!(created.notes, "Joint submission with the coalition");
    assert_eq!(created.created_at, "2025-03-01T10:00:00Z");
    assert_eq!(created.updated_at, "2025-03-01T10:00:00Z");
    let paragraphs: Vec<_> = created
        .recommendations
        .iter()
        .map(|l| (l.paragraph.as_str(), l.review_id))
        .collect();
    assert_eq!(
        paragraphs,
        vec![("10.1", review), ("10.2", review), ("10.10", review)],
        "once each, in paragraph order"
    );
    let reminders: Vec<_> = created
        .reminders
        .iter()
        .map(|r| (r.minutes_before, r.fires_at.as_str(), r.fired_at.is_none()))
        .collect();
    assert_eq!(
        reminders,
        vec![
            (10080, "2025-03-07T16:00:00Z", true),
            (1440, "2025-03-13T16:00:00Z", true),
            (60, "2025-03-14T15:00:00Z", true),
        ],
        "once each, soonest first, 17:00 in Geneva (UTC+1) counted back"
    );
    assert_eq!(store.deadline(created.id).unwrap(), created, "read back");

    // Replaced content.
    let mut changed = new.clone();
    changed.title = "Send the shadow report".into();
    changed.due_date = "2025-03-20".into();
    changed.due_time = None;
    changed.time_zone = NEW_YORK.into();
    changed.status = DeadlineStatus::InProgress;
    changed.recommendation_ids = vec![ids[2]];
    changed.reminders = vec![0];
    changed.event_kind = None;
    let updated = store
        .update_deadline(created.id, &changed, at("2025-03-02T09:30:00Z"))
        .unwrap();
    assert_eq!(updated.id, created.id);
    assert_eq!(updated.title, "Send the shadow report");
    assert_eq!(updated.due_time, None);
    assert_eq!(updated.time_zone, NEW_YORK);
    assert_eq!(updated.status, DeadlineStatus::InProgress);
    assert_eq!(updated.event_kind, None);
    assert_eq!(updated.created_at, created.created_at);
    assert_eq!(updated.updated_at, "2025-03-02T09:30:00Z");
    assert_eq!(updated.recommendations.len(), 1);
    assert_eq!(updated.recommendations[0].paragraph, "10.2");
    assert_eq!(updated.reminders.len(), 1);
    assert_eq!(
        updated.reminders[0].fires_at, "2025-03-20T13:00:00Z",
        "09:00 in New York (EDT) for a whole-day deadline"
    );

    // Linked deadlines of a recommendation, soonest first.
    let other = store
        .create_deadline(
            &NewDeadline {
                recommendation_ids: vec![ids[2]],
                ..deadline("Meet the ministry", "2025-03-05")
            },
            at(NOW),
        )
        .unwrap();
    let linked: Vec<_> = store
        .deadlines_for_recommendation(ids[2])
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(linked, vec![other.id, created.id]);
    assert!(store
        .deadlines_for_recommendation(ids[0])
        .unwrap()
        .is_empty());

    // Status only.
    let done = store
        .set_deadline_status(created.id, DeadlineStatus::Done, at("2025-03-03T08:00:00Z"))
        .unwrap();
    assert_eq!(done.status, DeadlineStatus::Done);
    assert_eq!(done.title, updated.title);
    assert_eq!(done.updated_at, "2025-03-03T08:00:00Z");

    // Deleted with its links and reminders.
    store.delete_deadline(created.id).unwrap();
    assert_eq!(
        store.deadline(created.id).unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(count(store.conn(), "SELECT count(*) FROM reminder"), 0);
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM deadline_recommendation"),
        1,
        "only the other deadline's link"
    );
    let gone = refused(store.delete_deadline(created.id), ErrorKind::NotFound);
    assert!(gone.contains("no longer exists"), "{gone}");
    refused(
        store.set_deadline_status(created.id, DeadlineStatus::ToDo, at(NOW)),
        ErrorKind::NotFound,
    );
    refused(
        store.update_deadline(created.id, &changed, at(NOW)),
        ErrorKind::NotFound,
    );
}

#[test]
fn deadlines_are_checked_with_messages_for_people() {
    let (mut store, review) = store_with_recs();
    let now = at(NOW);
    let check = |store: &mut Store, d: NewDeadline, kind: ErrorKind, words: &str| {
        let message = refused(store.create_deadline(&d, now), kind);
        assert!(message.contains(words), "{message:?} should say {words:?}");
    };
    let base = deadline("Lobby the mission", "2025-04-01");
    check(
        &mut store,
        NewDeadline {
            title: "   ".into(),
            ..base.clone()
        },
        ErrorKind::InvalidInput,
        "title of 1 to 200 characters",
    );
    check(
        &mut store,
        NewDeadline {
            title: "x".repeat(201),
            ..base.clone()
        },
        ErrorKind::InvalidInput,
        "title of 1 to 200 characters",
    );
    for bad in ["2025-02-30", "1/4/2025", "", "2025-4-1"] {
        check(
            &mut store,
            NewDeadline {
                due_date: bad.into(),
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "YYYY-MM-DD",
        );
    }
    check(
        &mut store,
        NewDeadline {
            due_date: "0205-04-01".into(),
            ..base.clone()
        },
        ErrorKind::InvalidInput,
        "Check the year",
    );
    for bad in ["24:00", "9:30", "12h30", "12:60"] {
        check(
            &mut store,
            NewDeadline {
                due_time: Some(bad.into()),
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "HH:MM",
        );
    }
    let zone = refused(
        store.create_deadline(
            &NewDeadline {
                time_zone: "Geneva/Palais".into(),
                ..base.clone()
            },
            now,
        ),
        ErrorKind::InvalidInput,
    );
    assert_eq!(
        zone,
        "Docket does not know the time zone Geneva/Palais. Choose Geneva or this computer's zone."
    );
    check(
        &mut store,
        NewDeadline {
            owner: "o".repeat(101),
            ..base.clone()
        },
        ErrorKind::InvalidInput,
        "100 characters",
    );
    check(
        &mut store,
        NewDeadline {
            notes: "n".repeat(20_001),
            ..base.clone()
        },
        ErrorKind::InvalidInput,
        "20,000 characters",
    );
    check(
        &mut store,
        NewDeadline {
            reminders: (0..11).collect(),
            ..base.clone()
        },
        ErrorKind::InvalidInput,
        "up to 10 reminders",
    );
    for bad in [-1, 525_601] {
        check(
            &mut store,
            NewDeadline {
                reminders: vec![60, bad],
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "one year",
        );
    }
    let one = rec_id(&store, review, "10.1");
    check(
        &mut store,
        NewDeadline {
            recommendation_ids: vec![one, 9_001],
            ..base.clone()
        },
        ErrorKind::InvalidInput,
        "One of the linked recommendations no longer exists",
    );
    check(
        &mut store,
        NewDeadline {
            recommendation_ids: vec![9_001, one, 9_002, 9_002],
            ..base.clone()
        },
        ErrorKind::InvalidInput,
        "2 of the linked recommendations no longer exist",
    );
    check(
        &mut store,
        NewDeadline {
            review_id: Some(review + 100),
            ..base.clone()
        },
        ErrorKind::NotFound,
        "no longer exists (it may have been deleted in another window), so the deadline was not \
         saved",
    );
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM deadline"),
        0,
        "nothing saved"
    );

    // Ten reminders, duplicates counted once, and the limits themselves are accepted.
    let mut reminders: Vec<i64> = (0..9).collect();
    reminders.extend([525_600, 0, 3]);
    let ok = store
        .create_deadline(
            &NewDeadline {
                reminders,
                due_time: Some("23:59".into()),
                title: "t".repeat(200),
                ..base.clone()
            },
            now,
        )
        .unwrap();
    assert_eq!(ok.reminders.len(), 10);
    // An update is checked the same way and leaves the deadline as it was.
    let message = refused(
        store.update_deadline(
            ok.id,
            &NewDeadline {
                time_zone: "Nowhere".into(),
                ..base.clone()
            },
            now,
        ),
        ErrorKind::InvalidInput,
    );
    assert!(message.contains("time zone Nowhere"), "{message}");
    assert_eq!(store.deadline(ok.id).unwrap(), ok);
}

#[test]
fn uids_are_made_once_unique_and_stable() {
    let mut store = Store::open_in_memory().unwrap();
    let a = store
        .create_deadline(&deadline("Shadow report", "2025-03-14"), at(NOW))
        .unwrap();
    let b = store
        .create_deadline(&deadline("Shadow report", "2025-03-14"), at(NOW))
        .unwrap();
    assert_ne!(a.uid, b.uid, "same content, different deadlines");
    assert!(
        a.uid.starts_with(&format!("docket-deadline-{}-", a.id))
            && a.uid.ends_with("@docket.local"),
        "{}",
        a.uid
    );
    let mut changed = deadline("Another title entirely", "2026-01-01");
    changed.due_time = Some("08:00".into());
    changed.time_zone = NEW_YORK.into();
    let updated = store
        .update_deadline(a.id, &changed, at("2025-04-01T00:00:00Z"))
        .unwrap();
    assert_eq!(updated.uid, a.uid, "the UID survives every edit");
    let updated = store
        .set_deadline_status(a.id, DeadlineStatus::Done, at("2025-04-02T00:00:00Z"))
        .unwrap();
    assert_eq!(updated.uid, a.uid);

    // An id used again after a deletion does not give the deleted deadline's UID back.
    store.delete_deadline(b.id).unwrap();
    let c = store
        .create_deadline(&deadline("Shadow report", "2025-03-14"), at(NOW))
        .unwrap();
    assert_eq!(c.id, b.id, "SQLite gives the largest id again");
    assert_ne!(c.uid, b.uid);

    // The calendar shows the deadline under its UID.
    let events = store.calendar(None, at(NOW)).unwrap();
    assert!(events
        .iter()
        .any(|e| e.uid == a.uid && e.kind == EventKind::Custom));
}

#[test]
fn an_update_keeps_a_shown_reminder_whose_time_stays_and_resets_a_moved_one() {
    let mut store = Store::open_in_memory().unwrap();
    let mut new = deadline("Register for the speakers list", "2025-03-14");
    new.due_time = Some("17:00".into());
    new.reminders = vec![1440, 60, 10080];
    let d = store.create_deadline(&new, at(NOW)).unwrap();
    let id_of = |d: &docket_core::calendar::Deadline, m: i64| {
        d.reminders
            .iter()
            .find(|r| r.minutes_before == m)
            .unwrap()
            .clone()
    };
    // The week's and the day's reminders are shown (as one notice); the day's is snoozed.
    let shown = store
        .check_reminders(at("2025-03-13T16:30:00Z"), false)
        .unwrap();
    assert_eq!(shown.due.len(), 1);
    let shown_now = store.deadline(d.id).unwrap();
    assert!(shown_now
        .reminders
        .iter()
        .filter(|r| r.minutes_before != 60)
        .all(|r| r.fired_at.is_some()));
    let day_before = id_of(&d, 1440);
    store
        .snooze_reminder(day_before.id, at("2025-03-14T08:00:00Z"))
        .unwrap();
    store
        .check_reminders(at("2025-03-14T08:00:00Z"), false)
        .unwrap();
    let before = store.deadline(d.id).unwrap();

    // Same due time, one reminder dropped, one added: the others stay exactly as they were.
    let mut same_time = new.clone();
    same_time.title = "Register early for the speakers list".into();
    same_time.reminders = vec![1440, 10080, 30];
    let after = store
        .update_deadline(d.id, &same_time, at("2025-03-14T09:00:00Z"))
        .unwrap();
    assert_eq!(id_of(&after, 1440), id_of(&before, 1440), "kept, shown");
    assert_eq!(id_of(&after, 10080), id_of(&before, 10080), "kept, shown");
    assert!(id_of(&after, 1440).fired_at.is_some());
    assert!(id_of(&after, 1440).snoozed_until.is_some());
    assert!(after.reminders.iter().all(|r| r.minutes_before != 60));
    let added = id_of(&after, 30);
    assert_eq!(added.fires_at, "2025-03-14T15:30:00Z");
    assert_eq!(added.fired_at, None);

    // The due time moves a day later: every reminder's time moves and is pending again.
    let mut moved = same_time.clone();
    moved.due_date = "2025-03-15".into();
    let after_move = store
        .update_deadline(d.id, &moved, at("2025-03-14T09:30:00Z"))
        .unwrap();
    let week = id_of(&after_move, 10080);
    assert_eq!(week.id, id_of(&after, 10080).id, "the row is kept");
    assert_eq!(week.fires_at, "2025-03-08T16:00:00Z");
    assert_eq!(week.fired_at, None, "pending again");
    let day = id_of(&after_move, 1440);
    assert_eq!(day.fires_at, "2025-03-14T16:00:00Z");
    assert_eq!(day.fired_at, None);
    assert_eq!(day.snoozed_until, None, "the snooze was for the old time");
    // The moved week reminder is in the past: it comes due at the next check.
    let check = store
        .check_reminders(at("2025-03-14T10:00:00Z"), false)
        .unwrap();
    let due: Vec<_> = check.due.iter().map(|r| r.reminder_id).collect();
    assert_eq!(due, vec![week.id]);
}

#[test]
fn a_deadline_outlives_its_review_and_loses_a_deleted_recommendation() {
    let (mut store, review) = store_with_recs();
    let one = rec_id(&store, review, "10.1");
    let two = rec_id(&store, review, "10.2");
    let mut new = deadline("Follow up with the ministry", "2025-06-01");
    new.review_id = Some(review);
    new.recommendation_ids = vec![one, two];
    new.reminders = vec![1440];
    let d = store.create_deadline(&new, at(NOW)).unwrap();
    store
        .set_event_date(&EventDateEdit {
            review_id: review,
            kind: EventKind::Adoption,
            date: "2025-10-01".into(),
            confirmed: true,
        })
        .unwrap();

    store
        .conn()
        .execute("DELETE FROM recommendation WHERE id = ?1", [one])
        .unwrap();
    let kept = store.deadline(d.id).unwrap();
    let links: Vec<_> = kept.recommendations.iter().map(|l| l.id).collect();
    assert_eq!(
        links,
        vec![two],
        "the deleted recommendation's link is gone"
    );

    store
        .conn()
        .execute("DELETE FROM review WHERE id = ?1", [review])
        .unwrap();
    let kept = store.deadline(d.id).unwrap();
    assert_eq!(kept.review_id, None, "the deadline stays, with no review");
    assert_eq!(kept.title, d.title);
    assert!(kept.recommendations.is_empty());
    assert_eq!(kept.reminders.len(), 1, "its reminders stay");
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM calendar_override"),
        0,
        "the review's dates go with it"
    );
    let events = store.calendar(None, at(NOW)).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].review, None);
    assert_eq!(
        store.calendar(Some(review), at(NOW)).unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn reminders_come_due_once_are_missed_at_launch_and_snooze() {
    let (mut store, review) = store_with_recs();
    let mut new = deadline("Written statement to HRC", "2025-03-14");
    new.review_id = Some(review);
    new.due_time = Some("17:00".into());
    new.reminders = vec![1440, 60];
    let d = store.create_deadline(&new, at(NOW)).unwrap();
    let day_before = d.reminders[0].clone();
    let hour_before = d.reminders[1].clone();
    assert_eq!(day_before.minutes_before, 1440);

    assert_eq!(
        store.next_reminder_at().unwrap(),
        Some(at("2025-03-13T16:00:00Z"))
    );
    let early = store
        .check_reminders(at("2025-03-13T15:59:59Z"), false)
        .unwrap();
    assert!(early.due.is_empty() && early.missed.is_empty(), "pending");
    assert!(!custom(&store, "2025-03-13T15:59:59Z").reminder_due);

    let on_time = store
        .check_reminders(at("2025-03-13T16:00:00Z"), false)
        .unwrap();
    assert!(on_time.missed.is_empty());
    assert_eq!(on_time.due.len(), 1);
    let due = &on_time.due[0];
    assert_eq!(due.reminder_id, day_before.id);
    assert_eq!(due.deadline_id, d.id);
    assert_eq!(due.title, "Written statement to HRC");
    assert_eq!(due.due_date, "2025-03-14");
    assert_eq!(due.due_time.as_deref(), Some("17:00"));
    assert_eq!(due.time_zone, GENEVA);
    assert_eq!(due.review.as_deref(), Some("Slovenia, WG 49"));
    assert_eq!(due.fires_at, "2025-03-13T16:00:00Z");
    assert!(!due.overdue);
    assert_eq!(
        store.deadline(d.id).unwrap().reminders[0]
            .fired_at
            .as_deref(),
        Some("2025-03-13T16:00:00Z"),
        "marked shown"
    );
    assert!(custom(&store, "2025-03-13T16:05:00Z").reminder_due);

    let again = store
        .check_reminders(at("2025-03-13T16:05:00Z"), false)
        .unwrap();
    assert!(again.due.is_empty(), "shown only once");
    assert_eq!(
        store.next_reminder_at().unwrap(),
        Some(at("2025-03-14T15:00:00Z"))
    );

    // Snoozed for two hours: not before, then once more.
    store
        .snooze_reminder(day_before.id, at("2025-03-13T18:00:00Z"))
        .unwrap();
    assert_eq!(
        store.next_reminder_at().unwrap(),
        Some(at("2025-03-13T18:00:00Z"))
    );
    let snoozed = store
        .check_reminders(at("2025-03-13T17:59:00Z"), false)
        .unwrap();
    assert!(snoozed.due.is_empty());
    let woke = store
        .check_reminders(at("2025-03-13T18:00:30Z"), false)
        .unwrap();
    let woke: Vec<_> = woke
        .due
        .iter()
        .map(|r| (r.reminder_id, r.fires_at.as_str()))
        .collect();
    assert_eq!(woke, vec![(day_before.id, "2025-03-13T18:00:00Z")]);

    // Docket was closed through the hour-before reminder and the deadline itself.
    let launch = store
        .check_reminders(at("2025-03-15T08:00:00Z"), true)
        .unwrap();
    assert!(launch.due.is_empty());
    assert_eq!(launch.missed.len(), 1);
    assert_eq!(launch.missed[0].reminder_id, hour_before.id);
    assert_eq!(launch.missed[0].fires_at, "2025-03-14T15:00:00Z");
    assert!(launch.missed[0].overdue);
    assert!(store
        .check_reminders(at("2025-03-15T08:00:00Z"), true)
        .unwrap()
        .missed
        .is_empty());
    assert_eq!(store.next_reminder_at().unwrap(), None);

    refused(store.snooze_reminder(9_999, at(NOW)), ErrorKind::NotFound);
}

#[test]
fn reminders_of_one_deadline_due_together_are_shown_once() {
    let (mut store, _) = store_with_recs();
    let mut new = deadline("Joint letter to the missions", "2025-03-14");
    new.due_time = Some("17:00".into());
    new.reminders = vec![10080, 1440, 60];
    let d = store.create_deadline(&new, at(NOW)).unwrap();
    let mut other = deadline("Side event", "2025-03-14");
    other.reminders = vec![0];
    store.create_deadline(&other, at(NOW)).unwrap();
    // Both the week-before and the day-before reminders have passed, the hour-before not yet.
    let check = store
        .check_reminders(at("2025-03-13T17:00:00Z"), false)
        .unwrap();
    let shown: Vec<_> = check
        .due
        .iter()
        .map(|r| (r.title.as_str(), r.fires_at.as_str()))
        .collect();
    assert_eq!(
        shown,
        vec![("Joint letter to the missions", "2025-03-13T16:00:00Z")],
        "one notice, the latest reminder"
    );
    // Both are marked shown: neither comes back; the hour-before one is still to come.
    let fired = store.deadline(d.id).unwrap().reminders;
    assert!(fired[..2].iter().all(|r| r.fired_at.is_some()));
    assert!(fired[2].fired_at.is_none());
    assert!(store
        .check_reminders(at("2025-03-13T17:01:00Z"), false)
        .unwrap()
        .due
        .is_empty());
    // The side event's reminder (09:00 on the day, Geneva) comes separately.
    let day = store
        .check_reminders(at("2025-03-14T08:00:00Z"), false)
        .unwrap();
    let titles: Vec<_> = day.due.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, vec!["Side event"]);
}

#[test]
fn a_done_deadline_is_never_reminded_nor_overdue() {
    let mut store = Store::open_in_memory().unwrap();
    let mut new = deadline("Already sent", "2025-03-02");
    new.reminders = vec![1440];
    new.status = DeadlineStatus::Done;
    let d = store.create_deadline(&new, at(NOW)).unwrap();
    let later = at("2025-04-01T00:00:00Z");
    assert_eq!(store.next_reminder_at().unwrap(), None);
    let check = store.check_reminders(later, true).unwrap();
    assert!(check.due.is_empty() && check.missed.is_empty());
    let events = store.calendar(None, later).unwrap();
    assert!(!events[0].overdue && !events[0].reminder_due);
    assert_eq!(
        store.overdue_count(later).unwrap(),
        0,
        "a done deadline is not counted"
    );

    // Open again: its reminder, never shown, is missed at the next launch; it is overdue.
    store
        .set_deadline_status(d.id, DeadlineStatus::ToDo, later)
        .unwrap();
    assert_eq!(
        store.next_reminder_at().unwrap(),
        Some(at("2025-03-01T08:00:00Z")),
        "in the past: the timer fires at once"
    );
    let events = store.calendar(None, later).unwrap();
    assert!(events[0].overdue && events[0].reminder_due);
    let check = store.check_reminders(later, true).unwrap();
    assert_eq!(check.missed.len(), 1);
    assert!(check.missed[0].overdue);
}

#[test]
fn overdue_follows_the_deadlines_zone() {
    let mut store = Store::open_in_memory().unwrap();
    let mut geneva = deadline("Whole day in Geneva", "2025-07-01");
    geneva.time_zone = GENEVA.into();
    let mut new_york = deadline("Whole day in New York", "2025-07-01");
    new_york.time_zone = NEW_YORK.into();
    let mut timed = deadline("17:00 in New York", "2025-07-01");
    timed.time_zone = NEW_YORK.into();
    timed.due_time = Some("17:00".into());
    for d in [&geneva, &new_york, &timed] {
        store.create_deadline(d, at(NOW)).unwrap();
    }
    // The calendar's marks, and the Calendar tab's count of them, agree at every moment.
    let overdue = |store: &Store, now: &str| -> Vec<String> {
        let titles: Vec<String> = store
            .calendar(None, at(now))
            .unwrap()
            .into_iter()
            .filter(|e| e.overdue)
            .map(|e| e.title)
            .collect();
        assert_eq!(
            store.overdue_count(at(now)).unwrap(),
            titles.len(),
            "at {now}"
        );
        titles
    };
    assert!(overdue(&store, "2025-07-01T20:59:00Z").is_empty());
    assert_eq!(
        overdue(&store, "2025-07-01T21:01:00Z"),
        vec!["17:00 in New York"]
    );
    assert_eq!(
        overdue(&store, "2025-07-01T22:00:01Z"),
        vec!["Whole day in Geneva", "17:00 in New York"],
        "Geneva's day has ended; New York's has not"
    );
    assert_eq!(overdue(&store, "2025-07-02T04:00:01Z").len(), 3);
}

#[test]
fn next_reminder_is_the_earliest_pending_one() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.next_reminder_at().unwrap(), None);
    let mut later = deadline("Later", "2025-05-01");
    later.reminders = vec![0];
    let mut sooner = deadline("Sooner", "2025-04-01");
    sooner.time_zone = NEW_YORK.into();
    sooner.reminders = vec![0, 1440];
    store.create_deadline(&later, at(NOW)).unwrap();
    let s = store.create_deadline(&sooner, at(NOW)).unwrap();
    assert_eq!(
        store.next_reminder_at().unwrap(),
        Some(at("2025-03-31T13:00:00Z"))
    );
    store.delete_deadline(s.id).unwrap();
    assert_eq!(
        store.next_reminder_at().unwrap(),
        Some(at("2025-05-01T07:00:00Z"))
    );
}

#[test]
fn council_session_corrections_round_trip_and_are_checked() {
    let (mut store, review) = sample_store();
    let builtin = store.hrc_session_list().unwrap();
    assert_eq!(builtin, HrcSessions::default().list());
    let table_46 = builtin.iter().find(|s| s.number == 46).unwrap().clone();
    assert!(!table_46.edited);

    store
        .set_hrc_session(46, "2021-02-15", "2021-03-19")
        .unwrap();
    let corrected = store.hrc_session_list().unwrap();
    let s46 = corrected.iter().find(|s| s.number == 46).unwrap();
    assert_eq!(
        (s46.opens.as_str(), s46.closes.as_str(), s46.edited),
        ("2021-02-15", "2021-03-19", true)
    );
    let mut corrections = BTreeMap::new();
    corrections.insert(46, (day("2021-02-15"), day("2021-03-19")));
    let hrc = HrcSessions::new(corrections);
    assert_eq!(corrected, hrc.list());

    // The calendar follows the corrected session (the US outcome was adopted at HRC46).
    let events = store.calendar(Some(review), at(NOW)).unwrap();
    let written = event(&events, review, EventKind::WrittenStatementDue);
    assert_eq!(
        written.date,
        computed_date(&sample_facts(), &hrc, EventKind::WrittenStatementDue)
    );
    assert_ne!(
        written.date,
        computed_date(
            &sample_facts(),
            &HrcSessions::default(),
            EventKind::WrittenStatementDue
        ),
        "the correction moved it"
    );
    assert!(
        !written.edited,
        "a corrected session is not an edit of the event"
    );

    // A session beyond the table, corrected, is listed.
    store
        .set_hrc_session(70, "2028-06-12", "2028-07-07")
        .unwrap();
    let s70 = store.hrc_session_list().unwrap();
    let s70 = s70.iter().find(|s| s.number == 70).unwrap();
    assert!(s70.edited && !s70.estimated);

    store.reset_hrc_session(46).unwrap();
    store.reset_hrc_session(70).unwrap();
    assert_eq!(store.hrc_session_list().unwrap(), builtin);

    for (number, opens, closes, words) in [
        (0, "2021-02-15", "2021-03-19", "numbered 1 to 200"),
        (201, "2021-02-15", "2021-03-19", "numbered 1 to 200"),
        (46, "15/02/2021", "2021-03-19", "YYYY-MM-DD"),
        (46, "2021-02-15", "2021-02-30", "YYYY-MM-DD"),
        (
            46,
            "2021-03-19",
            "2021-02-15",
            "cannot close (2021-02-15) before it opens",
        ),
        (43, "2020-02-24", "2020-07-14", "at most 20 weeks"),
        (46, "1921-02-15", "1921-03-19", "Check the year"),
    ] {
        let message = refused(
            store.set_hrc_session(number, opens, closes),
            ErrorKind::InvalidInput,
        );
        assert!(message.contains(words), "{message:?} should say {words:?}");
    }
    // HRC43 as it ran, suspended and resumed (24 Feb - 22 Jun 2020, 17 weeks), is accepted.
    store
        .set_hrc_session(43, "2020-02-24", "2020-06-22")
        .unwrap();
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM hrc_session_override"),
        1
    );
}

#[test]
fn a_confirmed_date_wins_over_the_rule_and_keeps_the_rules_date() {
    let (mut store, review) = sample_store();
    let facts = sample_facts();
    let hrc = HrcSessions::default();
    let before = store.calendar(Some(review), at(NOW)).unwrap();
    let timeline = rules::timeline(&facts, &hrc);
    assert_eq!(
        before.len(),
        timeline.len(),
        "one event per computed date, no deadlines yet"
    );
    for c in &timeline {
        let e = event(&before, review, c.kind);
        assert_eq!(e.date, c.date.to_string(), "{}", c.kind);
        assert_eq!(e.title, c.title);
        assert_eq!(e.rule, c.rule);
        assert_eq!(e.source, c.source);
        assert_eq!(e.confirmed, c.confirmed);
        assert_eq!(e.time_zone.as_deref(), c.time_zone);
        assert_eq!(e.end_date, c.end_date.map(|d| d.to_string()));
        assert_eq!(e.uid, rules::event_uid(&facts, c.kind));
        assert_eq!(e.review.as_deref(), Some("United States of America, WG 36"));
        assert!(!e.edited && e.rule_date.is_none() && e.deadline.is_none());
        assert!(!e.overdue && !e.reminder_due);
    }

    let rule_day = computed_date(&facts, &hrc, EventKind::SpeakersListOpens);
    store
        .set_event_date(&EventDateEdit {
            review_id: review,
            kind: EventKind::SpeakersListOpens,
            date: "2021-02-26".into(),
            confirmed: true,
        })
        .unwrap();
    let after = store.calendar(Some(review), at(NOW)).unwrap();
    let e = event(&after, review, EventKind::SpeakersListOpens);
    assert_eq!(e.date, "2021-02-26");
    assert!(e.edited && e.confirmed);
    assert_eq!(e.rule_date.as_deref(), Some(rule_day.as_str()));
    assert_eq!(
        e.uid,
        rules::event_uid(&facts, EventKind::SpeakersListOpens),
        "the same entry"
    );
    // The others are untouched, and the order is by date.
    let untouched = event(&after, review, EventKind::Adoption);
    assert_eq!(untouched, event(&before, review, EventKind::Adoption));
    assert!(after.windows(2).all(|w| w[0].date <= w[1].date));

    // Changed again, not confirmed this time: one row, the latest wins.
    store
        .set_event_date(&EventDateEdit {
            review_id: review,
            kind: EventKind::SpeakersListOpens,
            date: "2021-02-19".into(),
            confirmed: false,
        })
        .unwrap();
    let again = store.calendar(Some(review), at(NOW)).unwrap();
    let e = event(&again, review, EventKind::SpeakersListOpens);
    assert_eq!(
        (e.date.as_str(), e.confirmed, e.edited),
        ("2021-02-19", false, true)
    );
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM calendar_override"),
        1
    );

    // Reset: the rule's date is back.
    store
        .reset_event_date(review, EventKind::SpeakersListOpens)
        .unwrap();
    let reset = store.calendar(Some(review), at(NOW)).unwrap();
    assert_eq!(reset, before);
}

#[test]
fn an_edited_review_date_moves_the_dates_that_follow_from_it() {
    let (mut store, review) = sample_store();
    let facts = sample_facts();
    let hrc = HrcSessions::default();
    let before = store.calendar(Some(review), at(NOW)).unwrap();
    store
        .set_event_date(&EventDateEdit {
            review_id: review,
            kind: EventKind::Review,
            date: "2021-01-20".into(),
            confirmed: false,
        })
        .unwrap();
    let after = store.calendar(Some(review), at(NOW)).unwrap();
    let edited_facts = ReviewFacts {
        review_date: Some(day("2021-01-20")),
        ..facts.clone()
    };
    let expected = rules::timeline(&edited_facts, &hrc);
    assert_eq!(after.len(), expected.len());
    for c in &expected {
        let e = event(&after, review, c.kind);
        assert_eq!(e.date, c.date.to_string(), "{} follows the rules", c.kind);
        assert_eq!(
            e.uid,
            rules::event_uid(&facts, c.kind),
            "uid of the review's own facts"
        );
    }
    let r = event(&after, review, EventKind::Review);
    assert!(r.edited && !r.confirmed);
    assert_eq!(r.date, "2021-01-20");
    assert_eq!(
        r.rule_date.as_deref(),
        Some("2020-11-09"),
        "the rule's day, from the review's record"
    );
    let moved: Vec<_> = expected
        .iter()
        .filter(|c| c.kind != EventKind::Review)
        .filter(|c| event(&before, review, c.kind).date != c.date.to_string())
        .map(|c| c.kind)
        .collect();
    assert!(
        !moved.is_empty(),
        "some computed date follows the review's day: {after:#?}"
    );
    for kind in moved {
        assert!(
            !event(&after, review, kind).edited,
            "{kind} moved by the rule"
        );
    }

    // An event the user dated stays put while the review's day moves again.
    store
        .set_event_date(&EventDateEdit {
            review_id: review,
            kind: EventKind::MidTerm,
            date: "2023-02-01".into(),
            confirmed: true,
        })
        .unwrap();
    let mid = store.calendar(Some(review), at(NOW)).unwrap();
    let m = event(&mid, review, EventKind::MidTerm);
    assert_eq!(m.date, "2023-02-01");
    assert_eq!(
        m.rule_date,
        Some(computed_date(&edited_facts, &hrc, EventKind::MidTerm)),
        "the rule applied to the user's review day"
    );

    store.reset_event_date(review, EventKind::Review).unwrap();
    store.reset_event_date(review, EventKind::MidTerm).unwrap();
    assert_eq!(store.calendar(Some(review), at(NOW)).unwrap(), before);
}

#[test]
fn event_dates_are_checked() {
    let (mut store, review) = sample_store();
    let edit = |kind, date: &str, review_id| EventDateEdit {
        review_id,
        kind,
        date: date.into(),
        confirmed: true,
    };
    let custom = refused(
        store.set_event_date(&edit(EventKind::Custom, "2021-03-01", review)),
        ErrorKind::InvalidInput,
    );
    assert!(custom.contains("open the deadline"), "{custom}");
    refused(
        store.reset_event_date(review, EventKind::Custom),
        ErrorKind::InvalidInput,
    );
    for (date, words) in [
        ("17 March 2021", "YYYY-MM-DD"),
        ("2021-02-29", "YYYY-MM-DD"),
        ("2005-12-31", "Check the year"),
        ("2101-01-01", "Check the year"),
    ] {
        let message = refused(
            store.set_event_date(&edit(EventKind::Adoption, date, review)),
            ErrorKind::InvalidInput,
        );
        assert!(message.contains(words), "{message:?} should say {words:?}");
    }
    let gone = refused(
        store.set_event_date(&edit(EventKind::Adoption, "2021-03-17", review + 1)),
        ErrorKind::NotFound,
    );
    assert!(gone.contains("no longer exists"), "{gone}");
    store
        .set_event_date(&edit(EventKind::Adoption, "2006-01-01", review))
        .unwrap();
    store
        .set_event_date(&edit(EventKind::Adoption, "2100-12-31", review))
        .unwrap();
}

#[test]
fn the_whole_calendar_has_every_review_and_every_deadline_in_order() {
    let (mut store, us) = sample_store();
    let slovenia = store
        .create_review(&common::review("Slovenia"), &[])
        .unwrap();
    let mut undated = common::review("Narnia");
    undated.wg_session = None;
    undated.review_date = None;
    let narnia = store.create_review(&undated, &[]).unwrap();
    let mut dated = common::review("Atlantis");
    dated.wg_session = None;
    dated.review_date = Some("not a date".into());
    store.create_review(&dated, &[]).unwrap();

    let mut ours = deadline("Coalition meeting", "2025-05-05");
    ours.due_time = Some("14:00".into());
    let ours = store.create_deadline(&ours, at(NOW)).unwrap();
    let mut of_slovenia = deadline("Brief the embassy", "2025-05-05");
    of_slovenia.review_id = Some(slovenia);
    let of_slovenia = store.create_deadline(&of_slovenia, at(NOW)).unwrap();

    let all = store.calendar(None, at(NOW)).unwrap();
    let hrc = HrcSessions::default();
    let us_count = rules::timeline(&sample_facts(), &hrc).len();
    let slovenia_facts = ReviewFacts {
        state: "Slovenia".into(),
        iso3: Some("SVN".into()),
        wg_session: Some(49),
        review_date: Some(day("2025-05-05")),
        adoption_date: None,
    };
    let slovenia_count = rules::timeline(&slovenia_facts, &hrc).len();
    assert_eq!(all.len(), us_count + slovenia_count + 2, "{all:#?}");
    assert!(
        all.iter().all(|e| e.review_id != Some(narnia)),
        "no dates without a session or a day"
    );

    // Sorted by day, time, the timeline's order, then title.
    let key = |e: &CalendarEvent| (e.date.clone(), e.time.clone().unwrap_or_default());
    assert!(all.windows(2).all(|w| key(&w[0]) <= key(&w[1])));
    let on_the_day: Vec<_> = all
        .iter()
        .filter(|e| e.date == "2025-05-05")
        .map(|e| (e.kind, e.title.as_str()))
        .collect();
    assert_eq!(
        on_the_day,
        vec![
            (
                EventKind::Review,
                event(&all, slovenia, EventKind::Review).title.as_str()
            ),
            (EventKind::Custom, "Brief the embassy"),
            (EventKind::Custom, "Coalition meeting"),
        ],
        "the whole day's events first, the 14:00 deadline last"
    );

    let mine = all.iter().find(|e| e.uid == ours.uid).unwrap();
    assert_eq!(mine.kind, EventKind::Custom);
    assert_eq!(mine.review_id, None);
    assert_eq!(mine.review, None);
    assert_eq!(mine.time.as_deref(), Some("14:00"));
    assert_eq!(mine.time_zone.as_deref(), Some(GENEVA));
    assert_eq!(mine.rule, "Your deadline");
    assert_eq!(mine.source, "");
    assert!(!mine.confirmed && !mine.edited && mine.rule_date.is_none());
    assert_eq!(mine.deadline.as_ref(), Some(&ours));
    let theirs = all.iter().find(|e| e.uid == of_slovenia.uid).unwrap();
    assert_eq!(theirs.review.as_deref(), Some("Slovenia, WG 49"));

    // One review: its events and its deadlines only.
    let one = store.calendar(Some(slovenia), at(NOW)).unwrap();
    assert_eq!(one.len(), slovenia_count + 1);
    assert!(one.iter().all(|e| e.review_id == Some(slovenia)));
    let us_only = store.calendar(Some(us), at(NOW)).unwrap();
    assert_eq!(us_only.len(), us_count);
}

#[test]
fn the_review_label_uses_what_is_known() {
    let mut store = Store::open_in_memory().unwrap();
    let mut by_date = common::review("Narnia");
    by_date.wg_session = None;
    by_date.review_date = Some("2024-05-06".into());
    let by_date = store.create_review(&by_date, &[]).unwrap();
    let mut new = deadline("Ask", "2025-01-01");
    new.review_id = Some(by_date);
    store.create_deadline(&new, at(NOW)).unwrap();
    let mut unknown = common::review("Atlantis");
    unknown.wg_session = None;
    unknown.review_date = None;
    let unknown = store.create_review(&unknown, &[]).unwrap();
    new.review_id = Some(unknown);
    store.create_deadline(&new, at(NOW)).unwrap();
    let labels: Vec<_> = store
        .calendar(None, at(NOW))
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == EventKind::Custom)
        .map(|e| e.review.unwrap_or_default())
        .collect();
    assert_eq!(
        labels,
        vec!["Narnia, 2024-05-06", "Atlantis"],
        "same day and title: by UID"
    );
}
