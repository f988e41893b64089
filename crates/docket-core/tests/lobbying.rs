#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The lobbying of recommending States (`advocacy::lobbying`, `store/lobbying.rs`): each State's
//! page, the "who to meet first" ranking, contacts, meetings with their follow-up deadline in the
//! calendar, and our status with each State.

mod common;

use chrono::{DateTime, Utc};
use docket_core::advocacy::lobbying::{rank, RankInput};
use docket_core::advocacy::{
    Contact, ContactPlace, Meeting, NewContact, NewMeeting, StateKey, StateLobbyingStatus,
    StateRank,
};
use docket_core::calendar::NewDeadline;
use docket_core::domain::{NewRecommendation, NewReview, Position, Priority, TrackingEdit};
use docket_core::{ErrorKind, Store};

use common::{at, count, deadline_count, rec, rec_id, refused, sample_store};

fn now() -> DateTime<Utc> {
    at("2025-01-10T09:00:00Z")
}

fn known(iso3: &str) -> StateKey {
    StateKey {
        iso3: Some(iso3.into()),
        name: String::new(),
    }
}

fn named(name: &str) -> StateKey {
    StateKey {
        iso3: None,
        name: name.into(),
    }
}

fn new_review(state: &str, wg: i64, date: &str) -> NewReview {
    NewReview {
        state_under_review: state.into(),
        cycle: None,
        wg_session: Some(wg),
        review_date: Some(date.into()),
        report_symbol: None,
        addendum_symbol: None,
        adoption_date: None,
    }
}

fn with_position(mut r: NewRecommendation, position: Position) -> NewRecommendation {
    r.position = position;
    r
}

fn paragraphs(recs: &[docket_core::advocacy::StateRecommendation]) -> Vec<String> {
    recs.iter().map(|r| r.paragraph.clone()).collect()
}

fn set_priority(store: &mut Store, review: i64, paragraph: &str, p: Priority) {
    let id = rec_id(store, review, paragraph);
    store
        .edit_tracking(id, &TrackingEdit::Priority(Some(p)), "tester")
        .unwrap();
}

/// A follow-up due on `date` (whole day, Geneva), of no review, reminded the day before.
fn deadline(title: &str, date: &str) -> NewDeadline {
    NewDeadline {
        reminders: vec![1440],
        ..common::deadline(title, date)
    }
}

fn meeting(state: StateKey, review_id: Option<i64>, date: &str) -> NewMeeting {
    NewMeeting {
        state,
        review_id,
        date: date.into(),
        who: "First Secretary".into(),
        asked: "Raise 26.108 at the adoption".into(),
        outcome: String::new(),
        follow_up: None,
        recommendation_ids: Vec::new(),
    }
}

/// Saves a new contact of `state`.
fn add_contact(store: &mut Store, state: StateKey, name: &str, place: ContactPlace) -> Contact {
    store
        .save_contact(None, &contact(state, name, place), now())
        .unwrap()
}

/// Logs a new meeting with `state`.
fn add_meeting(store: &mut Store, state: StateKey, review_id: Option<i64>, date: &str) -> Meeting {
    store
        .save_meeting(None, &meeting(state, review_id, date), now())
        .unwrap()
}

fn contact(state: StateKey, name: &str, place: ContactPlace) -> NewContact {
    NewContact {
        state,
        name: name.into(),
        role: "Human rights attaché".into(),
        place,
        email: "attache@mission.example.org".into(),
        phone: "+41 22 000 00 00".into(),
        notes: String::new(),
    }
}

/// The deadlines in the whole calendar, by id.
fn calendar_deadlines(store: &Store) -> Vec<(i64, String, String)> {
    store
        .calendar(None, now())
        .unwrap()
        .into_iter()
        .filter_map(|e| e.deadline.map(|d| (d.id, d.title, d.due_date)))
        .collect()
}

// ---- A State's page ----

#[test]
fn mexico_page_lists_its_recommendations_in_the_review_in_paragraph_order() {
    let (store, review) = sample_store();
    let expected: Vec<String> = store
        .conn()
        .prepare(
            "SELECT r.paragraph FROM recommendation r
             JOIN recommending_state s ON s.recommendation_id = r.id
             WHERE s.iso3 = 'MEX' AND r.review_id = ?1 ORDER BY r.sort_key",
        )
        .unwrap()
        .query_map([review], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(expected.len(), 5, "the sample's Mexico: {expected:?}");

    let page = store.state_page(&known("MEX"), Some(review)).unwrap();
    assert_eq!(
        page.state,
        StateKey {
            iso3: Some("MEX".into()),
            name: "Mexico".into()
        }
    );
    assert_eq!(page.regional_group.as_deref(), Some("GRULAC"));
    assert_eq!(paragraphs(&page.in_review), expected);
    assert_eq!(
        paragraphs(&page.in_review),
        ["26.108", "26.133", "26.207", "26.310", "26.346"]
    );
    let first = &page.in_review[0];
    assert_eq!(first.review, "United States of America, WG 36");
    assert_eq!(first.review_id, review);
    assert_eq!(first.position, Position::Noted);
    assert_eq!(first.priority, None);
    assert_eq!(page.in_review[2].position, Position::SupportedInPart);
    assert!(page.elsewhere.is_empty());
    assert!(page.contacts.is_empty() && page.meetings.is_empty());
    assert_eq!(page.status, StateLobbyingStatus::NotContacted);
    assert_eq!(page.notes, "");

    // By name, in any spelling Docket knows, it is the same page.
    assert_eq!(
        store
            .state_page(&named("united mexican states"), Some(review))
            .unwrap(),
        page
    );
    assert_eq!(
        store.state_page(&named("Mexico"), Some(review)).unwrap(),
        page
    );
}

#[test]
fn other_reviews_go_elsewhere_same_state_under_review_first_then_newest_first() {
    let (mut store, sample_review) = sample_store();
    let slovenia = store
        .create_review(
            &new_review("Slovenia", 49, "2025-05-05"),
            &[
                rec("10.2", "Ratify the Convention", &["Mexico"], &[]),
                rec("10.10", "Adopt a plan", &["Chile", "Mexico"], &[]),
                rec("10.1", "Not Mexico's", &["Chile"], &[]),
            ],
        )
        .unwrap();
    let usa_2015 = store
        .create_review(
            &new_review("United States", 22, "2015-05-11"),
            &[rec("176.9", "Abolish the death penalty", &["Mexico"], &[])],
        )
        .unwrap();
    let usa_2010 = store
        .create_review(
            &new_review("USA", 9, "2010-11-05"),
            &[
                rec("92.2", "Ratify CEDAW", &["Mexico"], &[]),
                rec("92.10", "Close Guantánamo", &["México"], &[]),
            ],
        )
        .unwrap();

    let page = store
        .state_page(&known("MEX"), Some(sample_review))
        .unwrap();
    assert_eq!(page.in_review.len(), 5);
    let elsewhere: Vec<(i64, &str, &str)> = page
        .elsewhere
        .iter()
        .map(|r| (r.review_id, r.review.as_str(), r.paragraph.as_str()))
        .collect();
    assert_eq!(
        elsewhere,
        [
            (usa_2015, "United States of America, WG 22", "176.9"),
            (usa_2010, "United States of America, WG 9", "92.2"),
            (usa_2010, "United States of America, WG 9", "92.10"),
            (slovenia, "Slovenia, WG 49", "10.2"),
            (slovenia, "Slovenia, WG 49", "10.10"),
        ]
    );

    // From Slovenia's review: its own first, then every other review newest first.
    let page = store.state_page(&known("MEX"), Some(slovenia)).unwrap();
    assert_eq!(paragraphs(&page.in_review), ["10.2", "10.10"]);
    let reviews: Vec<i64> = page.elsewhere.iter().map(|r| r.review_id).collect();
    let mut expected = vec![sample_review; 5];
    expected.extend([usa_2015, usa_2010, usa_2010]);
    assert_eq!(reviews, expected);

    // With no review: everything, newest first.
    let page = store.state_page(&known("MEX"), None).unwrap();
    assert!(page.in_review.is_empty());
    let reviews: Vec<i64> = page.elsewhere.iter().map(|r| r.review_id).collect();
    let mut expected = vec![slovenia, slovenia];
    expected.extend([sample_review; 5]);
    expected.extend([usa_2015, usa_2010, usa_2010]);
    assert_eq!(reviews, expected);
}

#[test]
fn a_group_or_unknown_name_is_found_by_the_name_as_written() {
    let (mut store, review) = common::store_with(&[
        rec("5.1", "Joint ask", &["ACT Group"], &[]),
        rec("5.2", "Joint ask again", &["act group", "Mexico"], &[]),
        rec("5.3", "Mexico alone", &["Mexico"], &[]),
        rec("5.4", "Someone else", &["Atlantis"], &[]),
    ]);
    let page = store
        .state_page(&named("  Act Group "), Some(review))
        .unwrap();
    assert_eq!(page.state, named("Act Group"));
    assert_eq!(page.regional_group, None);
    assert_eq!(paragraphs(&page.in_review), ["5.1", "5.2"]);
    let mexico = store.state_page(&known("MEX"), Some(review)).unwrap();
    assert_eq!(paragraphs(&mexico.in_review), ["5.2", "5.3"]);

    // The ranking lists the group once, under the spelling it first appears with.
    let ranks = store.who_to_meet_first(review).unwrap();
    let names: Vec<&str> = ranks.iter().map(|r| r.state.name.as_str()).collect();
    assert_eq!(names, ["ACT Group", "Mexico", "Atlantis"]);
    assert_eq!(ranks[0].state.iso3, None);
    assert_eq!(ranks[0].recommendations, 2);
    assert_eq!(ranks[1].state.iso3.as_deref(), Some("MEX"));

    // What is recorded for the group is kept under its key, whatever the case.
    store
        .set_state_lobbying(&named("ACT GROUP"), StateLobbyingStatus::Planned, "", now())
        .unwrap();
    let page = store.state_page(&named("act group"), None).unwrap();
    assert_eq!(page.status, StateLobbyingStatus::Planned);
    assert_eq!(paragraphs(&page.elsewhere), ["5.1", "5.2"]);
}

#[test]
fn a_known_state_without_recommendations_has_a_page_an_unknown_name_does_not() {
    let (mut store, review) = sample_store();
    let page = store.state_page(&known("TUV"), Some(review)).unwrap();
    assert_eq!(page.state.name, "Tuvalu");
    assert_eq!(page.regional_group.as_deref(), Some("Asia-Pacific"));
    assert!(page.in_review.is_empty() && page.elsewhere.is_empty());

    let message = refused(
        store.state_page(&named("Narnia"), Some(review)),
        ErrorKind::NotFound,
    );
    assert_eq!(
        message,
        "Docket has no recommendations from Narnia. Check the name."
    );
    refused(
        store.state_page(&named(""), Some(review)),
        ErrorKind::InvalidInput,
    );
    refused(
        store.state_page(&known("MEX"), Some(review + 100)),
        ErrorKind::NotFound,
    );

    // Once something is recorded for it, an unknown name has a page.
    add_contact(
        &mut store,
        named("Narnia"),
        "Mr Tumnus",
        ContactPlace::Mission,
    );
    let page = store.state_page(&named("narnia"), None).unwrap();
    assert_eq!(page.contacts.len(), 1);
    assert!(page.in_review.is_empty() && page.elsewhere.is_empty());
}

// ---- Who to meet first ----

#[test]
fn who_to_meet_first_in_the_sample_ranks_priorities_then_size() {
    let (mut store, review) = sample_store();
    let before = store.who_to_meet_first(review).unwrap();
    let states: i64 = store
        .conn()
        .query_row(
            "SELECT count(DISTINCT coalesce(s.iso3, 'name:' || lower(s.name_as_written)))
             FROM recommending_state s JOIN recommendation r ON r.id = s.recommendation_id
             WHERE r.review_id = ?1",
            [review],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(before.len() as i64, states);
    // Without priorities, by size: China (9), then Cuba and Venezuela (8 each, by name).
    let top: Vec<(&str, usize)> = before
        .iter()
        .take(3)
        .map(|r| (r.state.name.as_str(), r.recommendations))
        .collect();
    assert_eq!(
        top,
        [
            ("China", 9),
            ("Cuba", 8),
            ("Venezuela (Bolivarian Republic of)", 8)
        ]
    );
    assert_eq!(
        before[0].why,
        "No priority recommendations (9 in this review)."
    );
    assert!((before[0].score - 0.9).abs() < 1e-9);

    set_priority(&mut store, review, "26.108", Priority::High); // Mexico, noted
    set_priority(&mut store, review, "26.133", Priority::Medium); // supported
    set_priority(&mut store, review, "26.47", Priority::Low); // joint, supported
    store
        .set_state_lobbying(&known("MEX"), StateLobbyingStatus::Met, "", now())
        .unwrap();

    let ranks = store.who_to_meet_first(review).unwrap();
    let mexico = &ranks[0];
    assert_eq!(mexico.state.name, "Mexico");
    assert_eq!(
        (
            mexico.recommendations,
            mexico.high,
            mexico.medium,
            mexico.low
        ),
        (5, 1, 1, 0)
    );
    assert_eq!((mexico.pending, mexico.noted, mexico.supported), (0, 1, 1));
    assert_eq!(mexico.status, StateLobbyingStatus::Met);
    // 3 × 1.2 (high, noted) + 2 × 1.0 (medium, supported) + 3 × 0.1.
    assert!((mexico.score - 5.9).abs() < 1e-9, "{}", mexico.score);
    assert_eq!(
        mexico.why,
        "1 high and 1 medium priority recommendations; 1 noted, 1 supported."
    );
    // Each author of the joint recommendation counts it.
    let joint: Vec<&StateRank> = ranks.iter().filter(|r| r.low == 1).collect();
    let mut names: Vec<&str> = joint.iter().map(|r| r.state.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Bahamas", "Morocco", "Namibia", "Rwanda"]);
    for r in &joint {
        assert_eq!(r.why, "1 low priority recommendation; 1 supported.");
    }
    // They come before every State with no priority (1.0 + their others × 0.1 > China's 0.9).
    let china = ranks.iter().position(|r| r.state.name == "China").unwrap();
    assert_eq!(china, 5);
    // Bahamas, Namibia and Rwanda made 3 each (1.2, by name), Morocco 2 (1.1).
    assert_eq!(
        order(&ranks[1..5]),
        ["Bahamas", "Namibia", "Rwanda", "Morocco"]
    );
    assert!((ranks[1].score - 1.2).abs() < 1e-9);
    assert_eq!(ranks[6].state.name, "Cuba");
    assert_eq!(
        refused(store.who_to_meet_first(review + 100), ErrorKind::NotFound),
        format!(
            "Review {} no longer exists (it may have been deleted in another window). Pick \
             another review.",
            review + 100
        )
    );
}

#[test]
fn who_to_meet_first_weighs_pending_positions_in_a_new_review() {
    let (mut store, review) = common::store_with(&[
        with_position(rec("1.1", "a", &["France"], &[]), Position::Pending),
        with_position(rec("1.2", "b", &["Germany"], &[]), Position::Noted),
        with_position(rec("1.3", "c", &["Chile"], &[]), Position::Supported),
        with_position(rec("1.4", "d", &["Brazil"], &[]), Position::SupportedInPart),
    ]);
    for p in ["1.1", "1.2", "1.3", "1.4"] {
        set_priority(&mut store, review, p, Priority::High);
    }
    let ranks = store.who_to_meet_first(review).unwrap();
    let order: Vec<(&str, f64)> = ranks
        .iter()
        .map(|r| (r.state.name.as_str(), r.score))
        .collect();
    assert_eq!(
        order,
        [
            ("France", 4.5),
            ("Germany", 3.6),
            ("Brazil", 3.0),
            ("Chile", 3.0)
        ]
    );
    assert_eq!(
        ranks[0].why,
        "1 high priority recommendation; 1 still pending."
    );
}

// ---- The ranking, pure ----

fn input(name: &str, recs: &[(Option<Priority>, Position)]) -> RankInput {
    RankInput {
        state: named(name),
        recommendations: recs.to_vec(),
        status: StateLobbyingStatus::NotContacted,
    }
}

fn order(ranks: &[StateRank]) -> Vec<&str> {
    ranks.iter().map(|r| r.state.name.as_str()).collect()
}

#[test]
fn rank_weighs_positions_pending_noted_supported() {
    use Position::*;
    let h = Some(Priority::High);
    let ranks = rank(vec![
        input("Supported", &[(h, Supported)]),
        input("In part", &[(h, SupportedInPart)]),
        input("Noted", &[(h, Noted)]),
        input("Pending", &[(h, Pending)]),
    ]);
    assert_eq!(order(&ranks), ["Pending", "Noted", "In part", "Supported"]);
    let scores: Vec<f64> = ranks.iter().map(|r| r.score).collect();
    assert_eq!(scores, [4.5, 3.6, 3.0, 3.0]);
    assert_eq!(ranks[2].supported, 1); // supported in part counts as supported
}

#[test]
fn rank_priority_points_and_unprioritised_tenths() {
    use Position::*;
    let ranks = rank(vec![
        input("Low", &[(Some(Priority::Low), Supported)]),
        input("Medium", &[(Some(Priority::Medium), Supported)]),
        input("High", &[(Some(Priority::High), Supported)]),
        input("Many", &[(None, Pending); 25]),
        input("None", &[]),
    ]);
    assert_eq!(order(&ranks), ["High", "Many", "Medium", "Low", "None"]);
    let scores: Vec<f64> = ranks.iter().map(|r| r.score).collect();
    assert_eq!(scores, [3.0, 2.5, 2.0, 1.0, 0.0]);
    assert_eq!(
        ranks[1].why,
        "No priority recommendations (25 in this review)."
    );
    assert_eq!(ranks[1].pending, 0); // only prioritised ones are counted by position
    assert_eq!(
        ranks[4].why,
        "No priority recommendations (0 in this review)."
    );
}

#[test]
fn rank_ties_break_on_pending_then_name_exactly() {
    use Position::*;
    // 3.0 three ways: medium pending (2 × 1.5), high supported (3 × 1.0), 30 × 0.1.
    let ranks = rank(vec![
        input("Zambia", &[(None, Supported); 30]),
        input("Austria", &[(Some(Priority::High), Supported)]),
        input("Yemen", &[(Some(Priority::Medium), Pending)]),
        input("Ärmelkanal", &[(Some(Priority::High), Noted)]),
        input("angola", &[(Some(Priority::High), Supported)]),
    ]);
    // 3.6 first; then the pending one; then by name, case and accents aside.
    assert_eq!(
        order(&ranks),
        ["Ärmelkanal", "Yemen", "angola", "Austria", "Zambia"]
    );
    assert!(ranks[1..].iter().all(|r| r.score == 3.0));
}

#[test]
fn rank_explains_in_words_and_ignores_the_status() {
    use Position::*;
    let (h, m) = (Some(Priority::High), Some(Priority::Medium));
    let mut supportive = input(
        "Supportive",
        &[(h, Pending), (h, Pending), (h, Supported), (m, Supported)],
    );
    supportive.status = StateLobbyingStatus::Supportive;
    let ranks = rank(vec![
        input(
            "Other",
            &[(h, Pending), (h, Pending), (h, Supported), (m, Supported)],
        ),
        supportive,
    ]);
    // Same score, same pending: by name, the status does not move it.
    assert_eq!(order(&ranks), ["Other", "Supportive"]);
    assert_eq!(ranks[1].status, StateLobbyingStatus::Supportive);
    assert_eq!(
        ranks[0].why,
        "3 high and 1 medium priority recommendations; 2 still pending, 2 supported."
    );
    let ranks = rank(vec![input(
        "A",
        &[
            (h, Pending),
            (m, Pending),
            (Some(Priority::Low), Pending),
            (None, Noted),
        ],
    )]);
    assert_eq!(
        ranks[0].why,
        "1 high, 1 medium and 1 low priority recommendations; all still pending."
    );
    assert!((ranks[0].score - 9.1).abs() < 1e-9);
}

// ---- Contacts ----

#[test]
fn contacts_are_saved_listed_mission_first_updated_and_deleted() {
    let (mut store, review) = sample_store();
    let capital = add_contact(
        &mut store,
        named("Mexico"),
        "Ana Capital",
        ContactPlace::Capital,
    );
    let zed = add_contact(
        &mut store,
        known("MEX"),
        "zed Mission",
        ContactPlace::Mission,
    );
    let bea = add_contact(
        &mut store,
        known("MEX"),
        "  Bea Mission ",
        ContactPlace::Mission,
    );
    assert_eq!(bea.name, "Bea Mission");
    assert_eq!(
        capital.state,
        StateKey {
            iso3: Some("MEX".into()),
            name: "Mexico".into()
        }
    );
    let page = store.state_page(&known("MEX"), Some(review)).unwrap();
    let ids: Vec<i64> = page.contacts.iter().map(|c| c.id).collect();
    assert_eq!(ids, [bea.id, zed.id, capital.id]);

    let mut changed = contact(known("MEX"), "Ana Capital", ContactPlace::Mission);
    changed.email = String::new();
    changed.phone = String::new();
    changed.notes = "Moved to Geneva".into();
    let updated = store
        .save_contact(Some(capital.id), &changed, now())
        .unwrap();
    assert_eq!(updated.id, capital.id);
    assert_eq!(updated.place, ContactPlace::Mission);
    assert_eq!(updated.notes, "Moved to Geneva");
    assert_eq!(updated.email, "");
    let page = store.state_page(&known("MEX"), None).unwrap();
    let ids: Vec<i64> = page.contacts.iter().map(|c| c.id).collect();
    assert_eq!(ids, [capital.id, bea.id, zed.id]);

    // Another State's contacts are not Mexico's.
    add_contact(&mut store, known("CHL"), "Someone", ContactPlace::Mission);
    assert_eq!(
        store
            .state_page(&known("MEX"), None)
            .unwrap()
            .contacts
            .len(),
        3
    );

    store.delete_contact(zed.id).unwrap();
    assert_eq!(
        refused(store.delete_contact(zed.id), ErrorKind::NotFound),
        "That contact no longer exists (it may have been deleted in another window). Nothing \
         was changed."
    );
    refused(
        store.save_contact(Some(zed.id), &changed, now()),
        ErrorKind::NotFound,
    );
    assert_eq!(
        store
            .state_page(&known("MEX"), None)
            .unwrap()
            .contacts
            .len(),
        2
    );
}

#[test]
fn contacts_are_checked_before_saving() {
    let (mut store, _) = sample_store();
    let ok = contact(known("MEX"), "Ana", ContactPlace::Mission);
    let check = |store: &mut Store, c: NewContact| {
        refused(store.save_contact(None, &c, now()), ErrorKind::InvalidInput)
    };
    let mut c = ok.clone();
    c.name = "   ".into();
    assert_eq!(
        check(&mut store, c),
        "Give the contact a name of 1 to 200 characters."
    );
    let mut c = ok.clone();
    c.name = "x".repeat(201);
    check(&mut store, c);
    let mut c = ok.clone();
    c.role = "x".repeat(201);
    assert_eq!(
        check(&mut store, c),
        "Too long to save: the role can have at most 200 characters."
    );
    for bad in [
        "ana",
        "ana@mission",
        "ana@@mission.org",
        "a@b@c.org",
        "ana @x.org",
    ] {
        let mut c = ok.clone();
        c.email = bad.into();
        assert_eq!(
            check(&mut store, c),
            format!(
                "“{bad}” does not look like an e-mail address (name@example.org). Check it, or \
                 leave it empty."
            )
        );
    }
    let mut c = ok.clone();
    c.email = format!("{}@example.org", "a".repeat(250));
    assert_eq!(
        check(&mut store, c),
        "Too long to save: the e-mail address can have at most 254 characters."
    );
    let mut c = ok.clone();
    c.phone = "022 ext. 4".into();
    assert_eq!(
        check(&mut store, c),
        "The phone number “022 ext. 4” can hold only digits, spaces and + - ( ) . /. Check \
         it, or leave it empty."
    );
    let mut c = ok.clone();
    c.phone = "1".repeat(51);
    check(&mut store, c);
    let mut c = ok.clone();
    c.notes = "x".repeat(10_001);
    assert_eq!(
        check(&mut store, c),
        "Too long to save: the notes can have at most 10,000 characters."
    );
    let mut c = ok.clone();
    c.state = named(" ");
    assert_eq!(
        check(&mut store, c),
        "Choose the State first: its name cannot be empty."
    );
    let contacts = count(store.conn(), "SELECT count(*) FROM state_contact");
    assert_eq!(contacts, 0);
    // At the limits, it saves.
    let mut c = ok;
    c.name = "x".repeat(200);
    c.notes = "x".repeat(10_000);
    c.phone = "+41 (0)22 917-12.34/5".into();
    store.save_contact(None, &c, now()).unwrap();
}

// ---- Meetings ----

#[test]
fn a_meeting_with_a_follow_up_puts_it_in_the_calendar_and_keeps_it_in_step() {
    let (mut store, review) = sample_store();
    let r108 = rec_id(&store, review, "26.108");
    let r133 = rec_id(&store, review, "26.133");
    let mut m = meeting(known("MEX"), Some(review), "2021-02-15");
    m.follow_up = Some(deadline("Send Mexico our brief", "2021-03-01"));
    m.recommendation_ids = vec![r133, r108, r133];
    let saved = store.save_meeting(None, &m, now()).unwrap();
    assert_eq!(saved.state.name, "Mexico");
    assert_eq!(saved.date, "2021-02-15");
    let linked: Vec<&str> = saved
        .recommendations
        .iter()
        .map(|r| r.paragraph.as_str())
        .collect();
    assert_eq!(linked, ["26.108", "26.133"]);
    let follow_up = saved.follow_up.clone().expect("a follow-up");
    // The deadline takes the meeting's review when it has none of its own.
    assert_eq!(follow_up.review_id, Some(review));
    assert_eq!(follow_up.reminders.len(), 1);
    assert_eq!(store.deadline(follow_up.id).unwrap(), follow_up);
    assert_eq!(
        calendar_deadlines(&store),
        [(
            follow_up.id,
            "Send Mexico our brief".into(),
            "2021-03-01".into()
        )]
    );

    // Updated with a new follow-up: the same deadline, changed.
    m.follow_up = Some(deadline("Call Mexico again", "2021-03-05"));
    m.outcome = "Will raise it".into();
    let updated = store.save_meeting(Some(saved.id), &m, now()).unwrap();
    assert_eq!(updated.id, saved.id);
    assert_eq!(updated.outcome, "Will raise it");
    let again = updated.follow_up.clone().unwrap();
    assert_eq!(again.id, follow_up.id);
    assert_eq!(again.uid, follow_up.uid);
    assert_eq!(
        calendar_deadlines(&store),
        [(
            follow_up.id,
            "Call Mexico again".into(),
            "2021-03-05".into()
        )]
    );

    // Updated without one: the deadline goes.
    m.follow_up = None;
    let updated = store.save_meeting(Some(saved.id), &m, now()).unwrap();
    assert_eq!(updated.follow_up, None);
    assert!(calendar_deadlines(&store).is_empty());
    refused(store.deadline(follow_up.id), ErrorKind::NotFound);

    // And with one again: a new deadline.
    m.follow_up = Some(deadline("Thank Mexico", "2021-03-20"));
    let updated = store.save_meeting(Some(saved.id), &m, now()).unwrap();
    let newer = updated.follow_up.clone().unwrap();
    assert_ne!(newer.uid, follow_up.uid);
    assert_eq!(newer.title, "Thank Mexico");
    assert_eq!(calendar_deadlines(&store).len(), 1);

    // A follow-up deleted in the calendar is made again on the next save.
    store.delete_deadline(newer.id).unwrap();
    assert_eq!(
        store.state_page(&known("MEX"), None).unwrap().meetings[0].follow_up,
        None
    );
    let updated = store.save_meeting(Some(saved.id), &m, now()).unwrap();
    assert!(updated.follow_up.is_some());

    // Deleting the meeting deletes its follow-up.
    store.delete_meeting(saved.id).unwrap();
    assert!(calendar_deadlines(&store).is_empty());
    assert_eq!(deadline_count(&store), 0);
    assert!(store
        .state_page(&known("MEX"), None)
        .unwrap()
        .meetings
        .is_empty());
    assert_eq!(
        refused(store.delete_meeting(saved.id), ErrorKind::NotFound),
        "That meeting no longer exists (it may have been deleted in another window). Nothing \
         was changed."
    );
    refused(
        store.save_meeting(Some(saved.id), &m, now()),
        ErrorKind::NotFound,
    );
    assert_eq!(deadline_count(&store), 0);
}

#[test]
fn a_follow_up_with_its_own_review_keeps_it_and_other_deadlines_are_left_alone() {
    let (mut store, review) = sample_store();
    let other = store
        .create_review(&new_review("Slovenia", 49, "2025-05-05"), &[])
        .unwrap();
    let own = store
        .create_deadline(&deadline("Our own deadline", "2021-04-01"), now())
        .unwrap();
    let mut m = meeting(known("MEX"), Some(review), "2021-02-15");
    let mut d = deadline("Follow up", "2021-03-01");
    d.review_id = Some(other);
    m.follow_up = Some(d);
    let saved = store.save_meeting(None, &m, now()).unwrap();
    assert_eq!(saved.follow_up.unwrap().review_id, Some(other));
    // A meeting without a review gives its follow-up none.
    let mut m = meeting(known("MEX"), None, "2021-02-16");
    m.follow_up = Some(deadline("Follow up", "2021-03-01"));
    let saved = store.save_meeting(None, &m, now()).unwrap();
    assert_eq!(saved.follow_up.unwrap().review_id, None);
    store.delete_meeting(saved.id).unwrap();
    assert_eq!(store.deadline(own.id).unwrap(), own);
    assert_eq!(deadline_count(&store), 2);
}

#[test]
fn meetings_are_listed_newest_first_on_the_state_page() {
    let (mut store, review) = sample_store();
    let a = add_meeting(&mut store, known("MEX"), Some(review), "2021-01-10");
    let b = add_meeting(&mut store, named("mexico"), None, "2021-03-02");
    let c = add_meeting(&mut store, known("MEX"), None, "2021-02-01");
    add_meeting(&mut store, known("CHL"), None, "2021-02-01");
    let page = store.state_page(&known("MEX"), Some(review)).unwrap();
    let ids: Vec<i64> = page.meetings.iter().map(|m| m.id).collect();
    assert_eq!(ids, [b.id, c.id, a.id]);
    assert_eq!(page.meetings[2].review_id, Some(review));
}

#[test]
fn meetings_are_checked_and_a_refused_one_leaves_nothing_behind() {
    let (mut store, review) = sample_store();
    let ok = meeting(known("MEX"), Some(review), "2021-02-15");
    let check = |store: &mut Store, m: NewMeeting, kind: ErrorKind| {
        refused(store.save_meeting(None, &m, now()), kind)
    };
    for bad in ["15/02/2021", "2021-02-30", "2021-2-15", ""] {
        let mut m = ok.clone();
        m.date = bad.into();
        assert_eq!(
            check(&mut store, m, ErrorKind::InvalidInput),
            format!(
                "The meeting date “{bad}” is not a date Docket can read. Enter it as \
                 YYYY-MM-DD, e.g. 2025-03-14."
            )
        );
    }
    let mut m = ok.clone();
    m.date = "1999-01-01".into();
    check(&mut store, m, ErrorKind::InvalidInput);
    for field in 0..3 {
        let mut m = ok.clone();
        let long = "x".repeat(10_001);
        match field {
            0 => m.who = long,
            1 => m.asked = long,
            _ => m.outcome = long,
        }
        let message = check(&mut store, m, ErrorKind::InvalidInput);
        assert!(
            message.starts_with("Too long to save: ")
                && message.ends_with(" can have at most 10,000 characters."),
            "{message}"
        );
    }
    let mut m = ok.clone();
    m.recommendation_ids = vec![rec_id(&store, review, "26.108"), 999_999];
    m.follow_up = Some(deadline("Follow up", "2021-03-01"));
    assert_eq!(
        check(&mut store, m, ErrorKind::InvalidInput),
        "One of the linked recommendations no longer exists (it may have been deleted). Remove \
         it from the meeting and save again."
    );
    let mut m = ok.clone();
    m.review_id = Some(review + 100);
    m.follow_up = Some(deadline("Follow up", "2021-03-01"));
    check(&mut store, m, ErrorKind::NotFound);
    let mut m = ok.clone();
    m.state = named("");
    check(&mut store, m, ErrorKind::InvalidInput);
    // A follow-up the calendar refuses: the meeting is not saved either.
    let mut m = ok.clone();
    m.follow_up = Some(deadline("", "2021-03-01"));
    assert_eq!(
        check(&mut store, m, ErrorKind::InvalidInput),
        "Give the deadline a title of 1 to 200 characters."
    );
    let mut m = ok.clone();
    m.follow_up = Some(deadline("Follow up", "2021-03-01"));
    m.follow_up.as_mut().unwrap().recommendation_ids = vec![999_999];
    check(&mut store, m, ErrorKind::InvalidInput);
    let meetings = count(store.conn(), "SELECT count(*) FROM state_meeting");
    assert_eq!((meetings, deadline_count(&store)), (0, 0));

    // An update refused by the calendar leaves the meeting and its follow-up as they were.
    let mut m = ok.clone();
    m.follow_up = Some(deadline("Follow up", "2021-03-01"));
    let saved = store.save_meeting(None, &m, now()).unwrap();
    let mut bad = m.clone();
    bad.outcome = "Changed".into();
    bad.follow_up = Some(deadline("Follow up", "tomorrow"));
    refused(
        store.save_meeting(Some(saved.id), &bad, now()),
        ErrorKind::InvalidInput,
    );
    let page = store.state_page(&known("MEX"), None).unwrap();
    assert_eq!(page.meetings, [saved]);
}

// ---- Our status with a State ----

#[test]
fn the_status_and_notes_are_set_once_per_state_and_updated() {
    let (mut store, review) = sample_store();
    store
        .set_state_lobbying(&known("MEX"), StateLobbyingStatus::Met, "Open to it", now())
        .unwrap();
    let page = store.state_page(&known("MEX"), Some(review)).unwrap();
    assert_eq!(page.status, StateLobbyingStatus::Met);
    assert_eq!(page.notes, "Open to it");
    store
        .set_state_lobbying(
            &named("United Mexican States"),
            StateLobbyingStatus::Supportive,
            "Will speak  \n",
            now(),
        )
        .unwrap();
    let page = store.state_page(&known("MEX"), Some(review)).unwrap();
    assert_eq!(page.status, StateLobbyingStatus::Supportive);
    assert_eq!(page.notes, "Will speak");
    let rows = count(store.conn(), "SELECT count(*) FROM state_lobbying");
    assert_eq!(rows, 1);
    let ranks = store.who_to_meet_first(review).unwrap();
    let mexico = ranks.iter().find(|r| r.state.name == "Mexico").unwrap();
    assert_eq!(mexico.status, StateLobbyingStatus::Supportive);
    assert!(ranks
        .iter()
        .filter(|r| r.state.name != "Mexico")
        .all(|r| r.status == StateLobbyingStatus::NotContacted));

    assert_eq!(
        refused(
            store.set_state_lobbying(
                &known("MEX"),
                StateLobbyingStatus::Met,
                &"x".repeat(10_001),
                now()
            ),
            ErrorKind::InvalidInput
        ),
        "Too long to save: the notes can have at most 10,000 characters."
    );
    refused(
        store.set_state_lobbying(&named(" "), StateLobbyingStatus::Met, "", now()),
        ErrorKind::InvalidInput,
    );
    assert_eq!(
        store.state_page(&known("MEX"), None).unwrap().status,
        StateLobbyingStatus::Supportive
    );
}
