//! Changes, bulk edits, Undo and a review's history (`store/history.rs`), on the sample review
//! (347 recommendations, 67 noted).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use docket_core::domain::{
    ChangeKind, ChangeSummary, ImplementationStatus, LobbyingStatus, Priority, TrackingEdit,
};
use docket_core::store::fts;
use docket_core::{ErrorKind, Store};

use common::{count, rec, review, sample_store};

/// The review's recommendations with a position, in paragraph order.
fn ids_with_position(store: &Store, review: i64, position: &str) -> Vec<i64> {
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT id FROM recommendation WHERE review_id = ?1 AND position = ?2 ORDER BY sort_key",
        )
        .unwrap();
    stmt.query_map(rusqlite::params![review, position], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<Vec<i64>>>()
        .unwrap()
}

fn all_ids(store: &Store, review: i64) -> Vec<i64> {
    let mut stmt = store
        .conn()
        .prepare("SELECT id FROM recommendation WHERE review_id = ?1 ORDER BY sort_key")
        .unwrap();
    stmt.query_map([review], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<Vec<i64>>>()
        .unwrap()
}

/// Every recommendation's tracking (all but `updated_at`): scalar columns, tags, evidence.
fn snapshot(store: &Store) -> Vec<Vec<Option<String>>> {
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT r.id, r.priority, r.our_ask, r.lobbying_status, r.implementation_status,
                    r.assignee, r.notes,
                    (SELECT group_concat(value, '|') FROM
                        (SELECT value FROM recommendation_label
                         WHERE recommendation_id = r.id AND kind = 'tag' ORDER BY value)),
                    (SELECT group_concat(id || ' ' || url || ' ' || label || ' ' || added_at, '|')
                     FROM (SELECT * FROM evidence_link WHERE recommendation_id = r.id ORDER BY id))
             FROM recommendation r ORDER BY r.id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        (0..9)
            .map(|i| r.get::<_, rusqlite::types::Value>(i))
            .map(|v| {
                v.map(|v| match v {
                    rusqlite::types::Value::Null => None,
                    rusqlite::types::Value::Integer(i) => Some(i.to_string()),
                    rusqlite::types::Value::Text(s) => Some(s),
                    other => Some(format!("{other:?}")),
                })
            })
            .collect()
    })
    .unwrap()
    .collect::<rusqlite::Result<Vec<_>>>()
    .unwrap()
}

fn changes(store: &Store) -> i64 {
    count(store.conn(), "SELECT count(*) FROM change")
}

fn history_rows(store: &Store) -> i64 {
    count(store.conn(), "SELECT count(*) FROM history")
}

fn rows_of(store: &Store, change: i64) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT count(*) FROM history WHERE change_id = ?1",
            [change],
            |r| r.get(0),
        )
        .unwrap()
}

fn priority(store: &Store, id: i64) -> Option<Priority> {
    store.recommendation(id).unwrap().tracking.priority
}

fn tags(store: &Store, id: i64) -> Vec<String> {
    store.recommendation(id).unwrap().tracking.tags
}

#[test]
fn bulk_priority_on_the_noted_is_one_change_and_one_undo() {
    let (mut store, review) = sample_store();
    let noted = ids_with_position(&store, review, "noted");
    assert_eq!(noted.len(), 67, "the sample has 67 noted recommendations");
    // Some recommendations already have a priority, so that Undo has different values to restore.
    let supported = ids_with_position(&store, review, "supported");
    store
        .edit_tracking(
            supported[0],
            &TrackingEdit::Priority(Some(Priority::Low)),
            "Ana",
        )
        .unwrap();
    let before = snapshot(&store);
    let (changes_before, rows_before) = (changes(&store), history_rows(&store));

    let outcome = store
        .bulk_edit(&noted, &TrackingEdit::Priority(Some(Priority::High)), "Bea")
        .expect("bulk edit");
    assert_eq!(outcome.changed, 67, "every noted recommendation changed");
    let change = outcome.change_id.expect("a change is recorded");
    assert_eq!(
        changes(&store),
        changes_before + 1,
        "one change for the bulk edit"
    );
    assert_eq!(
        rows_of(&store, change),
        67,
        "one history row per recommendation"
    );
    assert_eq!(
        history_rows(&store),
        rows_before + 67,
        "no other history rows"
    );
    for &id in &noted {
        assert_eq!(
            priority(&store, id),
            Some(Priority::High),
            "recommendation {id}"
        );
    }
    assert_eq!(
        priority(&store, supported[0]),
        Some(Priority::Low),
        "a recommendation outside the selection is untouched"
    );

    let last = store.last_change().unwrap().expect("something to undo");
    assert_eq!(last.id, change);
    assert_eq!(last.kind, ChangeKind::Bulk);
    assert_eq!(last.who, "Bea");
    assert_eq!(
        last.description,
        "Priority set to High on 67 recommendations"
    );
    assert_eq!(last.count, 67);
    assert_eq!(last.undone_at, None);
    assert_eq!(last.entries.len(), 67);
    assert_eq!(
        last.entries
            .iter()
            .map(|e| e.recommendation_id)
            .collect::<Vec<_>>(),
        noted,
        "entries in paragraph order"
    );
    assert!(last.entries.iter().all(|e| e.review_id == review
        && e.field == "priority"
        && e.old_value.is_none()
        && e.new_value.as_deref() == Some("high")));

    let undone = store.undo_last("Cleo").unwrap().expect("undo");
    assert_eq!(undone.undone.id, change);
    assert!(
        undone.undone.undone_at.is_some(),
        "the change is marked undone"
    );
    let mut expected = noted.clone();
    expected.sort_unstable();
    assert_eq!(
        undone.recommendation_ids, expected,
        "every noted one restored"
    );
    assert_eq!(
        snapshot(&store),
        before,
        "tracking exactly as before the bulk edit"
    );

    // The undo is recorded: one change, a history row per recommendation restored.
    let history = store.review_history(review, None, 10).unwrap();
    let undo = &history[0];
    assert_eq!(undo.kind, ChangeKind::Undo);
    assert_eq!(undo.who, "Cleo");
    assert_eq!(
        undo.description,
        "Undid: Priority set to High on 67 recommendations"
    );
    assert_eq!(undo.count, 67);
    assert!(undo
        .entries
        .iter()
        .all(|e| e.old_value.as_deref() == Some("high") && e.new_value.is_none()));
    assert_eq!(history[1].id, change, "then the bulk edit");
    assert!(history[1].undone_at.is_some(), "shown as undone");
    let d = store.recommendation(noted[0]).unwrap();
    let fields: Vec<_> = d
        .history
        .iter()
        .map(|h| {
            (
                h.who.as_str(),
                h.old_value.as_deref(),
                h.new_value.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        vec![("Cleo", Some("high"), None), ("Bea", None, Some("high"))],
        "the recommendation's own history shows the edit and its undo"
    );

    // Next, Undo reverts the single edit made before.
    let last = store.last_change().unwrap().expect("the single edit");
    assert_eq!(last.kind, ChangeKind::Edit);
    let paragraph = store.recommendation(supported[0]).unwrap().paragraph;
    assert_eq!(
        last.description,
        format!("Priority set to Low on {paragraph}")
    );
}

#[test]
fn undo_again_undoes_the_change_before_and_never_an_undo() {
    let (mut store, review) = sample_store();
    let original = snapshot(&store);
    let noted = ids_with_position(&store, review, "noted");
    let first = noted[0];
    store
        .edit_tracking(first, &TrackingEdit::Priority(Some(Priority::Low)), "Ana")
        .unwrap();
    let after_edit = snapshot(&store);
    let bulk = store
        .bulk_edit(&noted, &TrackingEdit::Priority(Some(Priority::High)), "Ana")
        .unwrap();
    assert_eq!(bulk.changed, 67);

    let undone = store.undo_last("Ana").unwrap().expect("first undo");
    assert_eq!(
        Some(undone.undone.id),
        bulk.change_id,
        "the bulk edit first"
    );
    assert_eq!(snapshot(&store), after_edit);
    assert_eq!(
        priority(&store, first),
        Some(Priority::Low),
        "its old value is back"
    );

    let undone = store.undo_last("Ana").unwrap().expect("second undo");
    assert_eq!(undone.undone.kind, ChangeKind::Edit, "then the single edit");
    assert_eq!(undone.recommendation_ids, vec![first]);
    assert_eq!(snapshot(&store), original, "back to the start");

    assert_eq!(store.last_change().unwrap(), None, "nothing left to undo");
    assert_eq!(
        store.undo_last("Ana").unwrap(),
        None,
        "Undo does nothing more"
    );
    assert_eq!(
        count(
            store.conn(),
            "SELECT count(*) FROM change WHERE kind = 'undo'"
        ),
        2,
        "two undos recorded, none undone"
    );
}

#[test]
fn bulk_edit_skips_recommendations_already_so() {
    let (mut store, review) = sample_store();
    let noted = ids_with_position(&store, review, "noted");
    for &id in &noted[..2] {
        store
            .edit_tracking(
                id,
                &TrackingEdit::LobbyingStatus(LobbyingStatus::InProgress),
                "Ana",
            )
            .unwrap();
    }
    let outcome = store
        .bulk_edit(
            &noted,
            &TrackingEdit::LobbyingStatus(LobbyingStatus::InProgress),
            "Ana",
        )
        .unwrap();
    assert_eq!(
        outcome.changed, 65,
        "the two already in progress are skipped"
    );
    let change = outcome.change_id.unwrap();
    assert_eq!(
        rows_of(&store, change),
        65,
        "no history row for the skipped"
    );
    let last = store.last_change().unwrap().unwrap();
    assert_eq!(
        last.description,
        "Lobbying status set to In progress on 65 recommendations"
    );
    assert!(
        last.entries
            .iter()
            .all(|e| !noted[..2].contains(&e.recommendation_id)
                && e.old_value.as_deref() == Some("not_started")),
        "the skipped are not among the entries"
    );

    let (changes_before, rows_before) = (changes(&store), history_rows(&store));
    let again = store
        .bulk_edit(
            &noted,
            &TrackingEdit::LobbyingStatus(LobbyingStatus::InProgress),
            "Ana",
        )
        .unwrap();
    assert_eq!(again.changed, 0);
    assert_eq!(again.change_id, None, "nothing changed, no change recorded");
    assert_eq!(changes(&store), changes_before);
    assert_eq!(history_rows(&store), rows_before);

    // Duplicated ids count once.
    let twice = [noted[3], noted[3]];
    let outcome = store
        .bulk_edit(&twice, &TrackingEdit::Assignee(" Dara ".into()), "Ana")
        .unwrap();
    assert_eq!(outcome.changed, 1);
    assert_eq!(
        store.recommendation(noted[3]).unwrap().tracking.assignee,
        "Dara",
        "the assignee is trimmed"
    );
    let paragraph = store.recommendation(noted[3]).unwrap().paragraph;
    let last = store.last_change().unwrap().unwrap();
    assert_eq!(last.description, "Assignee set to Dara on 1 recommendation");
    assert_eq!(last.entries[0].paragraph, paragraph);
}

#[test]
fn bulk_tags_are_added_and_removed_and_undone() {
    let (mut store, review) = sample_store();
    let noted = ids_with_position(&store, review, "noted");
    store
        .edit_tracking(noted[0], &TrackingEdit::AddTag("urgent".into()), "Ana")
        .unwrap();
    store
        .edit_tracking(noted[1], &TrackingEdit::AddTag("later".into()), "Ana")
        .unwrap();
    let before = snapshot(&store);

    let added = store
        .bulk_edit(
            &noted[..10],
            &TrackingEdit::AddTag(" urgent ".into()),
            "Ana",
        )
        .unwrap();
    assert_eq!(added.changed, 9, "the one already tagged is skipped");
    assert_eq!(
        store.last_change().unwrap().unwrap().description,
        "Tag “urgent” added to 9 recommendations"
    );
    for &id in &noted[..10] {
        assert!(
            tags(&store, id).contains(&"urgent".to_owned()),
            "{id} tagged"
        );
    }
    let after_add = snapshot(&store);

    let removed = store
        .bulk_edit(
            &noted[..5],
            &TrackingEdit::RemoveTag("urgent".into()),
            "Ana",
        )
        .unwrap();
    assert_eq!(removed.changed, 5);
    let last = store.last_change().unwrap().unwrap();
    assert_eq!(
        last.description,
        "Tag “urgent” removed from 5 recommendations"
    );
    assert!(last.entries.iter().all(|e| e.field == "tag"
        && e.old_value.as_deref() == Some("urgent")
        && e.new_value.is_none()));
    assert_eq!(tags(&store, noted[1]), vec!["later"], "other tags stay");
    let none = store
        .bulk_edit(
            &noted[..5],
            &TrackingEdit::RemoveTag("urgent".into()),
            "Ana",
        )
        .unwrap();
    assert_eq!(
        (none.changed, none.change_id),
        (0, None),
        "nothing left to remove"
    );

    store.undo_last("Ana").unwrap().expect("undo the removal");
    assert_eq!(snapshot(&store), after_add, "the five have the tag again");
    let undone = store.undo_last("Ana").unwrap().expect("undo the adding");
    assert_eq!(undone.recommendation_ids.len(), 9);
    assert_eq!(
        snapshot(&store),
        before,
        "only the tag added before the bulk edit"
    );
    assert_eq!(tags(&store, noted[0]), vec!["urgent"]);
}

#[test]
fn evidence_added_and_removed_is_undone_exactly() {
    let (mut store, review) = sample_store();
    let id = all_ids(&store, review)[5];
    let before = snapshot(&store);
    let add = |url: &str, label: &str| TrackingEdit::AddEvidence {
        url: url.into(),
        label: label.into(),
    };
    store
        .edit_tracking(id, &add("https://example.org/a", "Shadow report"), "Ana")
        .unwrap();
    let d = store
        .edit_tracking(id, &add("https://example.org/b", ""), "Ana")
        .unwrap();
    let with_both = snapshot(&store);
    let a = d.tracking.evidence[0].clone();
    store
        .edit_tracking(id, &TrackingEdit::RemoveEvidence(a.id), "Ana")
        .unwrap();
    let last = store.last_change().unwrap().unwrap();
    assert_eq!(
        last.description,
        format!("Evidence removed from {}", d.paragraph)
    );

    let undone = store.undo_last("Bea").unwrap().unwrap();
    assert_eq!(undone.recommendation_ids, vec![id]);
    assert_eq!(
        snapshot(&store),
        with_both,
        "the removed link is back with its id, address, label and date"
    );
    let d = store.recommendation(id).unwrap();
    assert_eq!(d.tracking.evidence[0], a);
    let h = &d.history[0];
    assert_eq!(
        (
            h.who.as_str(),
            h.field.as_str(),
            h.old_value.as_deref(),
            h.new_value.as_deref()
        ),
        (
            "Bea",
            "evidence",
            None,
            Some("Shadow report <https://example.org/a>")
        )
    );

    store.undo_last("Bea").unwrap().expect("undo adding b");
    let d = store.recommendation(id).unwrap();
    assert_eq!(d.tracking.evidence, vec![a], "b is removed, a stays");
    store.undo_last("Bea").unwrap().expect("undo adding a");
    assert_eq!(snapshot(&store), before, "no evidence left");
    assert_eq!(store.undo_last("Bea").unwrap(), None);
}

#[test]
fn undo_of_a_removed_link_keeps_a_link_added_again_by_hand() {
    let (mut store, review) = sample_store();
    let id = all_ids(&store, review)[0];
    let add = TrackingEdit::AddEvidence {
        url: "https://example.org/a".into(),
        label: "A".into(),
    };
    let d = store.edit_tracking(id, &add, "Ana").unwrap();
    store
        .edit_tracking(
            id,
            &TrackingEdit::RemoveEvidence(d.tracking.evidence[0].id),
            "Ana",
        )
        .unwrap();
    // The same link added again: the removal's Undo must not duplicate it...
    store
        .conn()
        .execute(
            "INSERT INTO evidence_link (recommendation_id, url, label, added_at)
         VALUES (?1, 'https://example.org/a', 'A', '2025-01-01T00:00:00Z')",
            [id],
        )
        .unwrap();
    store.undo_last("Ana").unwrap().expect("undo the removal");
    assert_eq!(store.recommendation(id).unwrap().tracking.evidence.len(), 1);
}

#[test]
fn our_ask_and_notes_undone_leave_the_search_index_in_step() {
    let (mut store, review) = sample_store();
    let id = all_ids(&store, review)[7];
    store
        .edit_tracking(
            id,
            &TrackingEdit::OurAsk("Consult Zanzibar advocates".into()),
            "Ana",
        )
        .unwrap();
    store
        .edit_tracking(id, &TrackingEdit::Notes("Quokka meeting".into()), "Ana")
        .unwrap();
    let find = |store: &Store, q: &str| fts::search(store.conn(), Some(review), q, 10).unwrap();
    assert_eq!(find(&store, "zanzibar"), vec![id]);
    assert_eq!(find(&store, "quokka"), vec![id]);

    let undone = store.undo_last("Ana").unwrap().unwrap();
    assert_eq!(
        undone.undone.description.split(" on ").next(),
        Some("Notes changed")
    );
    assert!(
        find(&store, "quokka").is_empty(),
        "the note is out of the index"
    );
    assert_eq!(find(&store, "zanzibar"), vec![id], "our ask still indexed");
    store.undo_last("Ana").unwrap().unwrap();
    assert!(find(&store, "zanzibar").is_empty());
    let d = store.recommendation(id).unwrap();
    assert_eq!(
        (d.tracking.our_ask.as_str(), d.tracking.notes.as_str()),
        ("", "")
    );
}

#[test]
fn undo_restores_a_value_changed_since_outside_the_undo_stack() {
    let (mut store, review) = sample_store();
    let noted = ids_with_position(&store, review, "noted");
    store
        .bulk_edit(
            &noted[..3],
            &TrackingEdit::ImplementationStatus(ImplementationStatus::FullyImplemented),
            "Ana",
        )
        .unwrap();
    // docket-cli (or an older Docket) changes one of them without a change of its own.
    store
        .conn()
        .execute(
            "UPDATE recommendation SET implementation_status = 'not_implemented' WHERE id = ?1",
            [noted[0]],
        )
        .unwrap();
    let undone = store.undo_last("Ana").unwrap().unwrap();
    assert_eq!(undone.recommendation_ids.len(), 3);
    let history = store.review_history(review, None, 1).unwrap();
    let entry = history[0]
        .entries
        .iter()
        .find(|e| e.recommendation_id == noted[0])
        .unwrap();
    assert_eq!(
        (entry.old_value.as_deref(), entry.new_value.as_deref()),
        (Some("not_implemented"), Some("not_assessed")),
        "the undo records the value it replaced"
    );
    for &id in &noted[..3] {
        assert_eq!(
            store
                .recommendation(id)
                .unwrap()
                .tracking
                .implementation_status,
            ImplementationStatus::NotAssessed
        );
    }
}

#[test]
fn refused_bulk_edits_change_nothing() {
    let (mut store, review) = sample_store();
    let noted = ids_with_position(&store, review, "noted");
    let before = snapshot(&store);
    let (changes_before, rows_before) = (changes(&store), history_rows(&store));

    let e = store
        .bulk_edit(&[], &TrackingEdit::Priority(Some(Priority::High)), "Ana")
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(e.to_string(), "Select at least one recommendation first.");

    let mut with_unknown = noted.clone();
    with_unknown.push(9_999_999);
    let e = store
        .bulk_edit(
            &with_unknown,
            &TrackingEdit::Priority(Some(Priority::High)),
            "Ana",
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert!(
        e.to_string().contains("nothing was changed"),
        "says nothing was changed: {e}"
    );

    for edit in [
        TrackingEdit::OurAsk("x".into()),
        TrackingEdit::Notes("x".into()),
        TrackingEdit::AddEvidence {
            url: "https://example.org".into(),
            label: String::new(),
        },
        TrackingEdit::RemoveEvidence(1),
    ] {
        let e = store.bulk_edit(&noted, &edit, "Ana").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{edit:?}");
        assert!(
            e.to_string().contains("one recommendation at a time"),
            "{e}"
        );
    }
    for edit in [
        TrackingEdit::AddTag("  ".into()),
        TrackingEdit::RemoveTag(String::new()),
        TrackingEdit::Assignee("x".repeat(201)),
    ] {
        let e = store.bulk_edit(&noted, &edit, "Ana").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{edit:?}");
    }

    assert_eq!(snapshot(&store), before, "nothing changed");
    assert_eq!(changes(&store), changes_before, "no change recorded");
    assert_eq!(history_rows(&store), rows_before, "no history written");
    assert_eq!(store.last_change().unwrap(), None);
}

#[test]
fn each_single_edit_is_one_change() {
    let (mut store, review) = sample_store();
    let id = all_ids(&store, review)[0];
    let paragraph = store.recommendation(id).unwrap().paragraph;
    for (edit, description) in [
        (
            TrackingEdit::Priority(Some(Priority::Medium)),
            format!("Priority set to Medium on {paragraph}"),
        ),
        (
            TrackingEdit::Priority(None),
            format!("Priority cleared on {paragraph}"),
        ),
        (
            TrackingEdit::Assignee("Ana".into()),
            format!("Assignee set to Ana on {paragraph}"),
        ),
        (
            TrackingEdit::AddTag("treaties".into()),
            format!("Tag “treaties” added to {paragraph}"),
        ),
        (
            TrackingEdit::RemoveTag("treaties".into()),
            format!("Tag “treaties” removed from {paragraph}"),
        ),
        (
            TrackingEdit::ImplementationStatus(ImplementationStatus::PartiallyImplemented),
            format!("Implementation status set to Partially implemented on {paragraph}"),
        ),
    ] {
        let before = changes(&store);
        store.edit_tracking(id, &edit, "Ana").unwrap();
        assert_eq!(changes(&store), before + 1, "{edit:?} is one change");
        let last = store.last_change().unwrap().unwrap();
        assert_eq!(last.description, description);
        assert_eq!(
            (last.kind, last.count, last.entries.len()),
            (ChangeKind::Edit, 1, 1)
        );
        assert_eq!(rows_of(&store, last.id), 1);
    }
    // A no-op edit records no change.
    let before = changes(&store);
    store
        .edit_tracking(id, &TrackingEdit::Assignee("Ana".into()), "Ana")
        .unwrap();
    assert_eq!(changes(&store), before);
}

#[test]
fn review_history_is_newest_first_and_filtered_by_date() {
    let (mut store, review) = sample_store();
    let all = all_ids(&store, review);
    store
        .edit_tracking(all[0], &TrackingEdit::Priority(Some(Priority::High)), "Ana")
        .unwrap();
    let bulk = store
        .bulk_edit(&all, &TrackingEdit::AddTag("cycle-4".into()), "Bea")
        .unwrap();
    store
        .edit_tracking(all[1], &TrackingEdit::Assignee("Cleo".into()), "Cleo")
        .unwrap();
    store.undo_last("Dara").unwrap().unwrap();

    let history = store.review_history(review, None, 50).unwrap();
    let kinds: Vec<_> = history.iter().map(|c| (c.kind, c.who.as_str())).collect();
    assert_eq!(
        kinds,
        vec![
            (ChangeKind::Undo, "Dara"),
            (ChangeKind::Edit, "Cleo"),
            (ChangeKind::Bulk, "Bea"),
            (ChangeKind::Edit, "Ana"),
        ],
        "newest first, even within one second"
    );
    assert!(
        history.windows(2).all(|w| w[0].id > w[1].id),
        "ids descending"
    );
    let bulk_summary = &history[2];
    assert_eq!(Some(bulk_summary.id), bulk.change_id);
    assert_eq!(bulk_summary.count, 347, "count says how many in all");
    assert_eq!(bulk_summary.entries.len(), 200, "at most 200 entries");

    // Older changes drop out with `since`.
    store
        .conn()
        .execute(
            "UPDATE change SET at = '2020-03-01T09:00:00Z' WHERE id = ?1",
            [history[3].id],
        )
        .unwrap();
    let recent = store
        .review_history(review, Some("2024-01-01"), 50)
        .unwrap();
    assert_eq!(recent.len(), 3, "the edit of 2020 is left out");
    let since_2020 = store
        .review_history(review, Some("2020-03-01T10:00:00+01:00"), 50)
        .unwrap();
    assert_eq!(since_2020.len(), 4, "09:00 UTC is 10:00 in UTC+1, included");
    assert!(store
        .review_history(review, Some("2999-01-01T00:00:00Z"), 50)
        .unwrap()
        .is_empty());
    assert_eq!(store.review_history(review, None, 1).unwrap().len(), 1);

    for (since, limit, kind) in [
        (Some("last week"), 10, ErrorKind::InvalidInput),
        (None, 0, ErrorKind::InvalidInput),
        (None, 1001, ErrorKind::InvalidInput),
    ] {
        let e = store.review_history(review, since, limit).unwrap_err();
        assert_eq!(e.kind(), kind, "{since:?} {limit}");
    }
    assert_eq!(
        store
            .review_history(review + 100, None, 10)
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn a_bulk_edit_across_reviews_shows_in_each_review_with_its_own_entries() {
    let (mut store, sample_review) = sample_store();
    let other = store
        .create_review(
            &review("Slovenia"),
            &[
                rec("12.1", "Ratify the Covenant", &["France"], &[]),
                rec("12.2", "Abolish the death penalty", &["Chile"], &[]),
            ],
        )
        .unwrap();
    let mut ids = all_ids(&store, other);
    ids.extend(&all_ids(&store, sample_review)[..3]);
    let bulk = store
        .bulk_edit(&ids, &TrackingEdit::Priority(Some(Priority::Medium)), "Ana")
        .unwrap();
    assert_eq!(bulk.changed, 5);
    let change = bulk.change_id.unwrap();
    assert_eq!(
        count(
            store.conn(),
            &format!("SELECT count(*) FROM change WHERE id = {change} AND review_id IS NULL")
        ),
        1,
        "a change of several reviews has no review"
    );
    let in_other = store.review_history(other, None, 10).unwrap();
    assert_eq!(in_other.len(), 1);
    assert_eq!(in_other[0].count, 2);
    assert_eq!(
        in_other[0]
            .entries
            .iter()
            .map(|e| e.paragraph.as_str())
            .collect::<Vec<_>>(),
        vec!["12.1", "12.2"]
    );
    assert_eq!(
        in_other[0].description,
        "Priority set to Medium on 5 recommendations"
    );
    let in_sample = store.review_history(sample_review, None, 10).unwrap();
    assert_eq!((in_sample.len(), in_sample[0].count), (1, 3));
    assert_eq!(store.last_change().unwrap().unwrap().count, 5, "in all");

    // Deleting a review removes its changes; Undo then reaches the change before.
    store
        .edit_tracking(ids[0], &TrackingEdit::Assignee("Bea".into()), "Bea")
        .unwrap();
    store
        .conn()
        .execute("DELETE FROM review WHERE id = ?1", [other])
        .unwrap();
    let last = store.last_change().unwrap().unwrap();
    assert_eq!(last.id, change, "the edit of the deleted review is gone");
    assert_eq!(last.count, 3, "the entries left are the sample's");
    let undone = store.undo_last("Ana").unwrap().unwrap();
    assert_eq!(undone.recommendation_ids.len(), 3);
}

#[test]
fn change_json_matches_the_ui_contract() {
    let (mut store, review) = sample_store();
    let id = all_ids(&store, review)[0];
    let paragraph = store.recommendation(id).unwrap().paragraph;
    let outcome = store
        .bulk_edit(&[id], &TrackingEdit::Priority(Some(Priority::High)), "Ana")
        .unwrap();
    let change = outcome.change_id.expect("a change is recorded");
    assert_eq!(
        serde_json::to_value(&outcome).unwrap(),
        serde_json::json!({"change_id": change, "changed": 1})
    );
    let undo = store.undo_last("Ana").unwrap().unwrap();
    let json = serde_json::to_value(&undo).unwrap();
    let c: &ChangeSummary = &undo.undone;
    // The times are the store's (RFC 3339 UTC to the second); the rest is known beforehand.
    let undone_at = c.undone_at.as_deref().expect("marked undone");
    for t in [c.at.as_str(), undone_at] {
        assert!(
            chrono::DateTime::parse_from_rfc3339(t).is_ok() && t.len() == 20 && t.ends_with('Z'),
            "RFC 3339 UTC: {t}"
        );
    }
    assert_eq!(
        json,
        serde_json::json!({
            "undone": {
                "id": change,
                "at": c.at,
                "who": "Ana",
                "kind": "bulk",
                "description": "Priority set to High on 1 recommendation",
                "count": 1,
                "undone_at": undone_at,
                "entries": [{
                    "recommendation_id": id,
                    "review_id": review,
                    "paragraph": paragraph,
                    "field": "priority",
                    "old_value": null,
                    "new_value": "high"
                }]
            },
            "recommendation_ids": [id]
        })
    );
}

#[test]
fn bulk_edit_and_undo_of_100_000_recommendations_are_quick() {
    let mut store = Store::open_in_memory().unwrap();
    let recs: Vec<_> = (0..100_000)
        .map(|i| {
            rec(
                &format!("{}.{}", i / 100 + 1, i % 100 + 1),
                "Ratify",
                &[],
                &[],
            )
        })
        .collect();
    let review = store.create_review(&review("Slovenia"), &recs).unwrap();
    let ids = all_ids(&store, review);

    let start = std::time::Instant::now();
    let outcome = store
        .bulk_edit(&ids, &TrackingEdit::Priority(Some(Priority::High)), "Ana")
        .unwrap();
    let bulk_time = start.elapsed();
    assert_eq!(outcome.changed, 100_000);
    let start = std::time::Instant::now();
    let tagged = store
        .bulk_edit(&ids, &TrackingEdit::AddTag("all".into()), "Ana")
        .unwrap();
    let tag_time = start.elapsed();
    assert_eq!(tagged.changed, 100_000);
    let start = std::time::Instant::now();
    store.undo_last("Ana").unwrap().unwrap();
    let undone = store.undo_last("Ana").unwrap().unwrap();
    let undo_time = start.elapsed();
    assert_eq!(undone.recommendation_ids.len(), 100_000);
    let start = std::time::Instant::now();
    let history = store.review_history(review, None, 50).unwrap();
    let history_time = start.elapsed();
    assert_eq!(history.len(), 4);
    eprintln!(
        "100,000 recommendations: bulk priority {bulk_time:?}, bulk tag {tag_time:?}, \
         two undos {undo_time:?}, history {history_time:?}"
    );
    assert_eq!(
        count(
            store.conn(),
            "SELECT count(*) FROM recommendation WHERE priority IS NOT NULL"
        ),
        0
    );
    // Generous bounds (a loaded test machine, a debug build): the point is no per-row round
    // trips of seconds, not a benchmark.
    for (what, t) in [
        ("bulk priority", bulk_time),
        ("bulk tag", tag_time),
        ("undo", undo_time / 2),
        ("history", history_time),
    ] {
        assert!(t.as_secs_f64() < 3.0, "{what} took {t:?}");
    }
}
