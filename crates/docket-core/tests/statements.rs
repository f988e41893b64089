#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Statements in the store (`store/statements.rs`): content and validation, the workflow with its
//! versions, the deadline made when a statement is registered, differences between versions,
//! quotes of recommendations, speakers' rates and sessions' time limits.

mod common;

use chrono::{DateTime, Utc};
use docket_core::advocacy::{
    DiffKind, EcosocStatus, NewStatement, StatementKind, StatementStatus,
    DEFAULT_TIME_LIMIT_SECONDS,
};
use docket_core::calendar::{Deadline, DeadlineStatus, EventKind, GENEVA};
use docket_core::{states, ErrorKind, Store};

use common::{at, count, deadline_count, rec_id, refused, sample_store};
use StatementStatus::{Delivered, Drafting, Final, Idea, NotCalled, Registered};

/// Early February 2021: before the sample review's adoption (17 March 2021).
fn now() -> DateTime<Utc> {
    at("2021-02-01T09:00:00Z")
}

/// An oral statement for `review`, in English, with no recommendations.
fn oral(title: &str, review: Option<i64>) -> NewStatement {
    NewStatement {
        kind: StatementKind::Oral,
        title: title.into(),
        hrc_session: Some(46),
        review_id: review,
        debate: String::new(),
        organization: "Rights Watchers".into(),
        ecosoc_status: EcosocStatus::Special,
        co_signers: vec!["Friends of the Earth".into()],
        speaker: String::new(),
        words_per_minute: 130,
        time_limit_seconds: 120,
        text: "Thank you, Mr. President. We welcome the support of recommendation 26.1.".into(),
        recommendation_ids: Vec::new(),
    }
}

fn written(title: &str, review: Option<i64>) -> NewStatement {
    NewStatement {
        kind: StatementKind::Written,
        ecosoc_status: EcosocStatus::General,
        ..oral(title, review)
    }
}

/// Creates a statement and registers it (idea, drafting, final, registered); returns its id and
/// the deadline registering made.
fn registered(store: &mut Store, new: &NewStatement) -> (i64, Deadline) {
    let id = store.create_statement(new, now()).unwrap().id;
    walk(store, id, &[Drafting, Final, Registered]);
    (id, deadline_of(store, id))
}

/// A statement's deadline, which it must have.
fn deadline_of(store: &Store, id: i64) -> Deadline {
    store.statement(id).unwrap().deadline.expect("a deadline")
}

/// Moves a statement through `steps`, at `now`.
fn walk(store: &mut Store, id: i64, steps: &[StatementStatus]) {
    for s in steps {
        store.set_statement_status(id, *s, now()).unwrap();
    }
}

// ---- Content ----------------------------------------------------------------------------------

#[test]
fn a_new_statement_is_an_idea_with_its_budget_dates_and_first_version() {
    let (mut store, review) = sample_store();
    store.set_user_name("Amina").unwrap();
    let ids = [
        rec_id(&store, review, "26.2"),
        rec_id(&store, review, "26.1"),
    ];
    let s = store
        .create_statement(
            &NewStatement {
                title: "  Adoption of the US outcome  ".into(),
                co_signers: vec![" A ".into(), "".into(), "B".into()],
                recommendation_ids: vec![ids[0], ids[1], ids[0]],
                ..oral("", Some(review))
            },
            now(),
        )
        .unwrap();
    assert_eq!(s.status, Idea);
    assert_eq!(s.title, "Adoption of the US outcome");
    assert_eq!(s.co_signers, ["A", "B"]);
    assert_eq!(s.created_at, "2021-02-01T09:00:00Z");
    assert_eq!(s.updated_at, s.created_at);
    assert_eq!(s.budget.words, 11);
    assert_eq!(s.budget.word_limit, Some(260));
    assert_eq!(s.budget.over_by_words, 0);
    assert!(!s.budget.needs_sponsor);
    assert_eq!(s.deadline, None);
    // Linked in the order chosen, once each.
    let linked: Vec<(&str, i64)> = s
        .recommendations
        .iter()
        .map(|r| (r.paragraph.as_str(), r.review_id))
        .collect();
    assert_eq!(linked, [("26.2", review), ("26.1", review)]);
    // The review's dates, from its calendar.
    let calendar = store.calendar(Some(review), now()).unwrap();
    let date_of = |kind: EventKind| {
        calendar
            .iter()
            .find(|e| e.kind == kind)
            .map(|e| e.date.clone())
    };
    assert_eq!(s.dates.adoption.as_deref(), Some("2021-03-17"));
    assert_eq!(s.dates.adoption, date_of(EventKind::Adoption));
    assert!(s.dates.speakers_list_opens.is_some());
    assert_eq!(
        s.dates.speakers_list_opens,
        date_of(EventKind::SpeakersListOpens)
    );
    assert!(s.dates.written_statement_due.is_some());
    assert_eq!(
        s.dates.written_statement_due,
        date_of(EventKind::WrittenStatementDue)
    );

    let versions = store.statement_versions(s.id).unwrap();
    assert_eq!(versions.len(), 1);
    let v = &versions[0];
    assert_eq!(
        (v.label.as_str(), v.status, v.who.as_str(), v.at.as_str()),
        ("Created", Idea, "Amina", "2021-02-01T09:00:00Z")
    );
    assert_eq!((v.words, v.text.as_str()), (11, s.text.as_str()));
}

#[test]
fn a_statement_without_review_has_no_dates() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store
        .create_statement(&oral("Item 4 general debate", None), now())
        .unwrap();
    assert_eq!(s.dates, Default::default());
    assert_eq!(s.review_id, None);
}

#[test]
fn saving_with_a_speaker_remembers_the_speaker_s_rate() {
    let mut store = Store::open_in_memory().unwrap();
    let mut new = NewStatement {
        speaker: " Ana Pérez ".into(),
        words_per_minute: 110,
        ..oral("One", None)
    };
    let s = store.create_statement(&new, now()).unwrap();
    assert_eq!(s.speaker, "Ana Pérez");
    assert_eq!(store.speaker_rates().unwrap(), [("Ana Pérez".into(), 110)]);
    new.words_per_minute = 140;
    new.speaker = "ana pérez".into();
    store.update_statement(s.id, &new, now()).unwrap();
    assert_eq!(
        store.speaker_rates().unwrap(),
        [("ana pérez".into(), 140)],
        "one speaker whatever the case, at the latest rate"
    );
    // No speaker: nothing remembered.
    store.create_statement(&oral("Two", None), now()).unwrap();
    assert_eq!(store.speaker_rates().unwrap().len(), 1);
}

#[test]
fn updating_changes_the_content_not_the_status() {
    let (mut store, review) = sample_store();
    let s = store
        .create_statement(&oral("Draft", Some(review)), now())
        .unwrap();
    walk(&mut store, s.id, &[Drafting]);
    let later = at("2021-02-02T10:00:00Z");
    let new = NewStatement {
        text: "A shorter text.".into(),
        recommendation_ids: vec![rec_id(&store, review, "26.3")],
        ..written("Written now", None)
    };
    let u = store.update_statement(s.id, &new, later).unwrap();
    assert_eq!(u.status, Drafting);
    assert_eq!(u.kind, StatementKind::Written);
    assert_eq!(u.title, "Written now");
    assert_eq!(u.review_id, None);
    assert_eq!(u.budget.words, 3);
    assert_eq!(u.budget.word_limit, Some(2_000));
    assert_eq!(u.updated_at, "2021-02-02T10:00:00Z");
    assert_eq!(u.created_at, "2021-02-01T09:00:00Z");
    assert_eq!(u.recommendations.len(), 1);
    assert_eq!(u.recommendations[0].paragraph, "26.3");
    // Saving keeps no version: "Created" and the move to drafting.
    assert_eq!(store.statement_versions(s.id).unwrap().len(), 2);

    let msg = refused(
        store.update_statement(9_999, &new, later),
        ErrorKind::NotFound,
    );
    assert!(msg.contains("no longer exists"), "{msg}");
}

#[test]
fn statements_are_listed_most_recently_changed_first() {
    let (mut store, review) = sample_store();
    let a = store
        .create_statement(&oral("A", Some(review)), at("2021-02-01T09:00:00Z"))
        .unwrap();
    let b = store
        .create_statement(&oral("B", None), at("2021-02-02T09:00:00Z"))
        .unwrap();
    let c = store
        .create_statement(&written("C", Some(review)), at("2021-02-03T09:00:00Z"))
        .unwrap();
    store
        .update_statement(
            a.id,
            &oral("A again", Some(review)),
            at("2021-02-04T09:00:00Z"),
        )
        .unwrap();
    let all: Vec<i64> = store
        .statements(None)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(all, [a.id, c.id, b.id]);
    let of_review = store.statements(Some(review)).unwrap();
    let ids: Vec<i64> = of_review.iter().map(|s| s.id).collect();
    assert_eq!(ids, [a.id, c.id]);
    assert_eq!(of_review[0].title, "A again");
    assert_eq!(of_review[1].kind, StatementKind::Written);
    assert_eq!(of_review[1].budget.word_limit, Some(2_000));
    assert_eq!(of_review[0].status, Idea);
}

#[test]
fn a_statement_is_refused_with_a_message_saying_what_to_fix() {
    let (mut store, review) = sample_store();
    let base = oral("Title", Some(review));
    let cases: Vec<(NewStatement, ErrorKind, &str)> = vec![
        (
            NewStatement {
                title: "   ".into(),
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "title of 1 to 200 characters",
        ),
        (
            NewStatement {
                title: "t".repeat(201),
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "title of 1 to 200 characters",
        ),
        (
            NewStatement {
                words_per_minute: 59,
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "enter 60 to 250",
        ),
        (
            NewStatement {
                words_per_minute: 251,
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "251 words a minute",
        ),
        (
            NewStatement {
                time_limit_seconds: 14,
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "15 seconds to 20 minutes",
        ),
        (
            NewStatement {
                time_limit_seconds: 1_201,
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "1201 seconds",
        ),
        (
            NewStatement {
                co_signers: (0..21).map(|i| format!("Org {i}")).collect(),
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "up to 20 co-signing organizations, not 21",
        ),
        (
            NewStatement {
                co_signers: vec!["o".repeat(201)],
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "keep each organization's name to 200 characters",
        ),
        (
            NewStatement {
                text: "a".repeat(100_001),
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "at most 100,000 characters",
        ),
        (
            NewStatement {
                hrc_session: Some(0),
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "no Council session 0",
        ),
        (
            NewStatement {
                hrc_session: Some(201),
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "numbered 1 to 200",
        ),
        (
            NewStatement {
                review_id: Some(9_999),
                ..base.clone()
            },
            ErrorKind::NotFound,
            "Review 9999 no longer exists",
        ),
        (
            NewStatement {
                recommendation_ids: vec![rec_id(&store, review, "26.1"), 9_998],
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "One of the linked recommendations no longer exists",
        ),
        (
            NewStatement {
                recommendation_ids: vec![9_997, 9_998, 9_999],
                ..base.clone()
            },
            ErrorKind::InvalidInput,
            "3 of the linked recommendations no longer exist",
        ),
    ];
    for (new, kind, expected) in cases {
        let msg = refused(store.create_statement(&new, now()), kind);
        assert!(msg.contains(expected), "{msg:?} should say {expected:?}");
    }
    // The limits themselves are accepted.
    store
        .create_statement(
            &NewStatement {
                title: "t".repeat(200),
                words_per_minute: 250,
                time_limit_seconds: 15,
                co_signers: (0..20).map(|i| format!("Org {i}")).collect(),
                text: "a".repeat(100_000),
                hrc_session: Some(200),
                ..base.clone()
            },
            now(),
        )
        .unwrap();
    assert_eq!(
        store.statements(None).unwrap().len(),
        1,
        "nothing else saved"
    );
}

// ---- Workflow, versions and the deadline ------------------------------------------------------

#[test]
fn every_status_change_keeps_a_version() {
    let (mut store, review) = sample_store();
    let s = store
        .create_statement(&oral("Adoption", Some(review)), now())
        .unwrap();
    walk(
        &mut store,
        s.id,
        &[
            Drafting, Final, Drafting, Final, Registered, Delivered, Registered, NotCalled,
        ],
    );
    let labels: Vec<String> = store
        .statement_versions(s.id)
        .unwrap()
        .into_iter()
        .map(|v| format!("{} [{}]", v.label, v.status))
        .collect();
    assert_eq!(
        labels,
        [
            "Registered → Not called [not_called]",
            "Delivered → Registered [registered]",
            "Registered → Delivered [delivered]",
            "Final → Registered [registered]",
            "Drafting → Final [final]",
            "Final → Drafting [drafting]",
            "Drafting → Final [final]",
            "Idea → Drafting [drafting]",
            "Created [idea]",
        ]
    );
    assert_eq!(store.statement(s.id).unwrap().status, NotCalled);
    // Back to an idea from the end.
    walk(&mut store, s.id, &[Idea]);
    assert_eq!(store.statement(s.id).unwrap().status, Idea);
}

#[test]
fn a_move_the_workflow_forbids_is_refused() {
    let (mut store, review) = sample_store();
    let s = store
        .create_statement(&oral("Adoption", Some(review)), now())
        .unwrap();
    let msg = refused(
        store.set_statement_status(s.id, Delivered, now()),
        ErrorKind::InvalidInput,
    );
    assert!(
        msg.starts_with("A statement can go from Idea to Drafting, not to Delivered."),
        "{msg}"
    );
    walk(&mut store, s.id, &[Drafting, Final]);
    let msg = refused(
        store.set_statement_status(s.id, NotCalled, now()),
        ErrorKind::InvalidInput,
    );
    assert!(
        msg.starts_with(
            "A statement can go from Final to Idea, Drafting or Registered, not to Not called."
        ),
        "{msg}"
    );
    // Nothing was kept for the refused moves; staying is no move and keeps nothing either.
    let before = store.statement_versions(s.id).unwrap().len();
    let same = store.set_statement_status(s.id, Final, now()).unwrap();
    assert_eq!(same.status, Final);
    assert_eq!(store.statement_versions(s.id).unwrap().len(), before);
    assert_eq!(before, 3);
    refused(
        store.set_statement_status(9_999, Drafting, now()),
        ErrorKind::NotFound,
    );
}

#[test]
fn registering_an_oral_statement_sets_a_deadline_the_day_before_the_adoption() {
    let (mut store, review) = sample_store();
    let s = store
        .create_statement(&oral("US adoption", Some(review)), now())
        .unwrap();
    walk(&mut store, s.id, &[Drafting, Final]);
    assert_eq!(deadline_count(&store), 0);
    let s = store.set_statement_status(s.id, Registered, now()).unwrap();
    let d = s.deadline.clone().expect("a deadline");
    assert_eq!(
        d.title,
        "Confirm our place on the speakers list: US adoption"
    );
    assert_eq!(d.due_date, "2021-03-16");
    assert_eq!(d.due_time, None);
    assert_eq!(d.time_zone, GENEVA);
    assert_eq!(d.event_kind, Some(EventKind::Adoption));
    assert_eq!(d.review_id, Some(review));
    assert_eq!(d.status, DeadlineStatus::ToDo);
    let mut reminders: Vec<i64> = d.reminders.iter().map(|r| r.minutes_before).collect();
    reminders.sort_unstable();
    assert_eq!(reminders, [0, 1440]);
    // A whole-day deadline is reminded at 9:00 in Geneva (CET, UTC+1), the day before and on the
    // day.
    let fires: Vec<&str> = d.reminders.iter().map(|r| r.fires_at.as_str()).collect();
    assert_eq!(fires, ["2021-03-15T08:00:00Z", "2021-03-16T08:00:00Z"]);

    // The calendar shows it.
    let calendar = store.calendar(Some(review), now()).unwrap();
    let event = calendar
        .iter()
        .find(|e| e.deadline.as_ref().is_some_and(|x| x.id == d.id))
        .expect("the deadline in the review's calendar");
    assert_eq!(event.date, "2021-03-16");
    assert_eq!(event.title, d.title);
    assert_eq!(
        store
            .calendar(None, now())
            .unwrap()
            .iter()
            .filter(|e| e.uid == d.uid)
            .count(),
        1
    );
}

#[test]
fn registering_again_after_going_back_moves_the_same_deadline() {
    let (mut store, review) = sample_store();
    let (id, first) = registered(&mut store, &oral("US adoption", Some(review)));
    // The user marks it done and adds a note; the statement goes back to final, then on again
    // after its title changed.
    store
        .set_deadline_status(first.id, DeadlineStatus::Done, now())
        .unwrap();
    walk(&mut store, id, &[Final]);
    assert_eq!(
        deadline_of(&store, id).id,
        first.id,
        "going back does not delete the deadline"
    );
    store
        .update_statement(id, &oral("US adoption, revised", Some(review)), now())
        .unwrap();
    walk(&mut store, id, &[Registered]);
    let again = deadline_of(&store, id);
    assert_eq!(again.id, first.id);
    assert_eq!(again.uid, first.uid);
    assert_eq!(deadline_count(&store), 1, "not duplicated");
    assert_eq!(
        again.title,
        "Confirm our place on the speakers list: US adoption, revised"
    );
    assert_eq!(
        again.status,
        DeadlineStatus::Done,
        "the user's status stays"
    );
    assert_eq!(again.due_date, "2021-03-16");
    // Delivered, then corrected back to registered: still one.
    walk(&mut store, id, &[Delivered, Registered]);
    assert_eq!(deadline_count(&store), 1);
}

#[test]
fn a_deleted_deadline_is_made_again_at_the_next_registration() {
    let (mut store, review) = sample_store();
    let (id, first) = registered(&mut store, &oral("US adoption", Some(review)));
    store.delete_deadline(first.id).unwrap();
    assert_eq!(store.statement(id).unwrap().deadline, None);
    walk(&mut store, id, &[Final, Registered]);
    let again = deadline_of(&store, id);
    assert_ne!(again.uid, first.uid, "a new deadline");
    assert_eq!(deadline_count(&store), 1);
}

#[test]
fn registering_a_written_statement_sets_its_due_date() {
    let (mut store, review) = sample_store();
    let (id, d) = registered(&mut store, &written("Written on the US", Some(review)));
    let due = store.statement(id).unwrap().dates.written_statement_due;
    assert_eq!(Some(d.due_date.clone()), due);
    assert_eq!(d.title, "Written statement due: Written on the US");
    assert_eq!(d.event_kind, Some(EventKind::WrittenStatementDue));
    assert_eq!(d.review_id, Some(review));
    let mut reminders: Vec<i64> = d.reminders.iter().map(|r| r.minutes_before).collect();
    reminders.sort_unstable();
    assert_eq!(reminders, [1440, 10080]);
}

#[test]
fn without_a_review_the_deadline_follows_the_registration() {
    let mut store = Store::open_in_memory().unwrap();
    let (_, d) = registered(&mut store, &oral("Item 4 general debate", None));
    assert_eq!(d.due_date, "2021-02-02", "the day after registering");
    assert_eq!((d.review_id, d.event_kind), (None, None));
    let (_, d) = registered(&mut store, &written("Item 3 written", None));
    assert_eq!(d.due_date, "2021-02-08", "a week after registering");
}

#[test]
fn a_long_title_is_cut_to_fit_the_deadline() {
    let (mut store, review) = sample_store();
    let (_, d) = registered(&mut store, &oral(&"é".repeat(200), Some(review)));
    assert_eq!(d.title.chars().count(), 200);
    assert!(d
        .title
        .starts_with("Confirm our place on the speakers list: éé"));
    assert!(d.title.ends_with('…'));
}

#[test]
fn deleting_a_statement_keeps_its_deadline() {
    let (mut store, review) = sample_store();
    let (id, d) = registered(&mut store, &oral("US adoption", Some(review)));
    store.delete_statement(id).unwrap();
    refused(store.statement(id), ErrorKind::NotFound);
    refused(store.statement_versions(id), ErrorKind::NotFound);
    let versions = count(store.conn(), "SELECT count(*) FROM statement_version");
    assert_eq!(versions, 0, "its versions go with it");
    assert_eq!(store.deadline(d.id).unwrap().title, d.title);
    let msg = refused(store.delete_statement(id), ErrorKind::NotFound);
    assert!(msg.contains("no longer exists"), "{msg}");
}

#[test]
fn versions_saved_by_hand_are_labelled() {
    let (mut store, review) = sample_store();
    let s = store
        .create_statement(&oral("US adoption", Some(review)), now())
        .unwrap();
    let v = store
        .snapshot_statement(s.id, "  before the call ", at("2021-02-03T08:00:00Z"))
        .unwrap();
    assert_eq!(v.label, "Saved by hand: before the call");
    assert_eq!(v.at, "2021-02-03T08:00:00Z");
    assert_eq!((v.status, v.title.as_str()), (Idea, "US adoption"));
    let plain = store.snapshot_statement(s.id, "", now()).unwrap();
    assert_eq!(plain.label, "Saved by hand");
    let labels: Vec<String> = store
        .statement_versions(s.id)
        .unwrap()
        .into_iter()
        .map(|v| v.label)
        .collect();
    assert_eq!(
        labels,
        ["Saved by hand", "Saved by hand: before the call", "Created"],
        "newest first"
    );
    let msg = refused(
        store.snapshot_statement(s.id, &"x".repeat(201), now()),
        ErrorKind::InvalidInput,
    );
    assert!(msg.contains("200 characters"), "{msg}");
    refused(
        store.snapshot_statement(9_999, "", now()),
        ErrorKind::NotFound,
    );
}

#[test]
fn two_versions_are_compared_word_by_word() {
    let (mut store, review) = sample_store();
    let first = "Thank you, Mr. President. We welcome the support of recommendation 26.1.";
    let s = store
        .create_statement(&oral("US adoption", Some(review)), now())
        .unwrap();
    let second = "Thank you, Madam President. We warmly welcome the support of \
                  recommendations 26.1 and 26.2.";
    store
        .update_statement(
            s.id,
            &NewStatement {
                text: second.into(),
                ..oral("US adoption", Some(review))
            },
            now(),
        )
        .unwrap();
    walk(&mut store, s.id, &[Drafting]);
    let versions = store.statement_versions(s.id).unwrap();
    let (newer, older) = (&versions[0], &versions[1]);
    assert_eq!(older.text, first);
    assert_eq!(newer.text, second);

    let diff = store.diff_versions(older.id, Some(newer.id)).unwrap();
    assert_eq!(diff.left.id, older.id);
    assert_eq!(diff.right.id, newer.id);
    let side = |keep: DiffKind| -> String {
        diff.parts
            .iter()
            .filter(|p| p.kind == DiffKind::Same || p.kind == keep)
            .map(|p| p.text.as_str())
            .collect()
    };
    assert_eq!(side(DiffKind::Removed), first);
    assert_eq!(side(DiffKind::Added), second);
    // Mr. → Madam; + warmly; recommendation → recommendations; 26.1. → 26.1 and 26.2.
    assert_eq!(diff.removed_words, 3);
    assert_eq!(diff.added_words, 6);
    let removed: Vec<&str> = diff
        .parts
        .iter()
        .filter(|p| p.kind == DiffKind::Removed)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(removed, ["Mr. ", "recommendation 26.1."]);

    // With the text as it is now.
    store
        .update_statement(
            s.id,
            &NewStatement {
                text: format!("{second} Thank you."),
                ..oral("US adoption", Some(review))
            },
            at("2021-02-05T12:00:00Z"),
        )
        .unwrap();
    let now_diff = store.diff_versions(newer.id, None).unwrap();
    assert_eq!(now_diff.right.id, 0);
    assert_eq!(now_diff.right.label, "Now");
    assert_eq!(now_diff.right.at, "2021-02-05T12:00:00Z");
    assert_eq!(now_diff.right.status, Drafting);
    assert_eq!(now_diff.right.words, 16);
    assert_eq!((now_diff.added_words, now_diff.removed_words), (2, 0));

    // Versions of two statements cannot be compared; a version that does not exist is not found.
    let other = store.create_statement(&oral("Other", None), now()).unwrap();
    let other_version = store.statement_versions(other.id).unwrap()[0].id;
    let msg = refused(
        store.diff_versions(older.id, Some(other_version)),
        ErrorKind::InvalidInput,
    );
    assert!(msg.contains("different statements"), "{msg}");
    refused(store.diff_versions(9_999, None), ErrorKind::NotFound);
    refused(
        store.diff_versions(older.id, Some(9_999)),
        ErrorKind::NotFound,
    );
}

// ---- Quotes -----------------------------------------------------------------------------------

#[test]
fn quotes_give_paragraph_states_and_text_in_the_order_asked() {
    let (store, review) = sample_store();
    let ids = [
        rec_id(&store, review, "26.2"),
        rec_id(&store, review, "26.1"),
        rec_id(&store, review, "26.161"),
    ];
    let quotes = store.quotes(&ids).unwrap();
    let paragraphs: Vec<&str> = quotes.iter().map(|q| q.paragraph.as_str()).collect();
    assert_eq!(paragraphs, ["26.2", "26.1", "26.161"]);
    for (q, id) in quotes.iter().zip(ids) {
        assert_eq!(q.id, id);
        let stored = store.recommendation(id).unwrap();
        assert_eq!(q.text, stored.text, "the text from the store");
        assert!(!q.states.is_empty(), "{q:?}");
    }
    assert_eq!(quotes[0].states, ["Ghana"]);
    assert_eq!(quotes[1].states, ["Somalia"]);
    assert!(quotes[1].text.starts_with("Consider ratifying"));
    // Canonical names, in the order of the recommendation.
    let venezuela = states::resolve("Bolivarian Republic of Venezuela")
        .unwrap()
        .name;
    assert_eq!(quotes[2].states, [venezuela, "Nicaragua"]);

    assert_eq!(store.quotes(&[]).unwrap(), []);
    let msg = refused(store.quotes(&[ids[0], 9_999]), ErrorKind::NotFound);
    assert!(
        msg.starts_with("One of the recommendations to quote no longer exists"),
        "{msg}"
    );
    let msg = refused(store.quotes(&[9_998, ids[0], 9_999]), ErrorKind::NotFound);
    assert!(
        msg.starts_with("2 of the recommendations to quote"),
        "{msg}"
    );
}

// ---- Speakers and sessions --------------------------------------------------------------------

#[test]
fn speaker_rates_are_checked_and_listed_by_name() {
    let mut store = Store::open_in_memory().unwrap();
    store.set_speaker_rate("Zoe", 120).unwrap();
    store.set_speaker_rate(" amir ", 150).unwrap();
    store.set_speaker_rate("Zoe", 125).unwrap();
    assert_eq!(
        store.speaker_rates().unwrap(),
        [("amir".to_owned(), 150), ("Zoe".to_owned(), 125)]
    );
    for rate in [0, 59, 251] {
        let msg = refused(store.set_speaker_rate("Zoe", rate), ErrorKind::InvalidInput);
        assert!(msg.contains("enter 60 to 250"), "{msg}");
    }
    store.set_speaker_rate("Slow", 60).unwrap();
    store.set_speaker_rate("Fast", 250).unwrap();
    let msg = refused(store.set_speaker_rate("  ", 130), ErrorKind::InvalidInput);
    assert!(msg.contains("speaker's name"), "{msg}");
}

#[test]
fn session_time_limits_default_to_two_minutes() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(
        store.session_time_limit(46).unwrap(),
        DEFAULT_TIME_LIMIT_SECONDS
    );
    assert_eq!(DEFAULT_TIME_LIMIT_SECONDS, 120);
    store.set_session_time_limit(46, 90).unwrap();
    assert_eq!(store.session_time_limit(46).unwrap(), 90);
    store.set_session_time_limit(46, 15).unwrap();
    store.set_session_time_limit(47, 1_200).unwrap();
    assert_eq!(store.session_time_limit(46).unwrap(), 15);
    assert_eq!(store.session_time_limit(47).unwrap(), 1_200);
    for seconds in [0, 14, 1_201] {
        let msg = refused(
            store.set_session_time_limit(46, seconds),
            ErrorKind::InvalidInput,
        );
        assert!(msg.contains("15 seconds to 20 minutes"), "{msg}");
    }
    let msg = refused(
        store.set_session_time_limit(0, 120),
        ErrorKind::InvalidInput,
    );
    assert!(msg.contains("no Council session 0"), "{msg}");
    assert_eq!(store.session_time_limit(46).unwrap(), 15, "unchanged");
}
