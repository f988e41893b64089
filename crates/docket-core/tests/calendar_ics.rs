#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The iCalendar export, read back with an independent parser (the `icalendar` crate).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use docket_core::calendar::ics::{write_ics, write_ics_named};
use docket_core::calendar::{
    CalendarEvent, Deadline, DeadlineStatus, EventKind, LinkedRecommendation, Reminder, GENEVA,
};
use icalendar::{
    CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, EventLike, EventStatus,
};

const US: &str = "United States of America, WG 36";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2021, 2, 1, 9, 30, 0).unwrap()
}

fn computed(uid: &str, kind: EventKind, title: &str, date: &str) -> CalendarEvent {
    CalendarEvent {
        uid: uid.into(),
        kind,
        review_id: Some(1),
        review: Some(US.into()),
        title: title.into(),
        date: date.into(),
        end_date: None,
        time: None,
        time_zone: Some(GENEVA.into()),
        confirmed: false,
        edited: false,
        rule: "The rule, in words".into(),
        source: "HRC res. 16/21".into(),
        rule_date: None,
        deadline: None,
        overdue: false,
        reminder_due: false,
    }
}

fn adoption() -> CalendarEvent {
    CalendarEvent {
        confirmed: true,
        rule: "WG in Oct/Nov → the HRC's March session of the next year (HRC46)".into(),
        source: "UPR Info session news; A/HRC/46/15".into(),
        ..computed(
            "docket-usa-wg36-adoption",
            EventKind::Adoption,
            "Adoption of the outcome at HRC46",
            "2021-03-17",
        )
    }
}

fn review_session() -> CalendarEvent {
    CalendarEvent {
        end_date: Some("2020-11-13".into()),
        ..computed(
            "docket-usa-wg36-review",
            EventKind::Review,
            "Review in the Working Group (session 36)",
            "2020-11-02",
        )
    }
}

fn reminder(id: i64, minutes_before: i64, fires_at: &str) -> Reminder {
    Reminder {
        id,
        minutes_before,
        fires_at: fires_at.into(),
        fired_at: None,
        snoozed_until: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn deadline(
    id: i64,
    uid: &str,
    title: &str,
    date: &str,
    time: Option<&str>,
    zone: &str,
    status: DeadlineStatus,
    notes: &str,
    reminders: Vec<Reminder>,
) -> CalendarEvent {
    let d = Deadline {
        id,
        uid: uid.into(),
        review_id: Some(1),
        event_kind: None,
        title: title.into(),
        due_date: date.into(),
        due_time: time.map(Into::into),
        time_zone: zone.into(),
        owner: "Amina".into(),
        status,
        notes: notes.into(),
        recommendations: vec![
            LinkedRecommendation {
                id: 10,
                review_id: 1,
                paragraph: "26.1".into(),
            },
            LinkedRecommendation {
                id: 11,
                review_id: 1,
                paragraph: "26.347".into(),
            },
        ],
        reminders,
        created_at: "2021-01-10T08:00:00Z".into(),
        updated_at: "2021-01-12T08:00:00+01:00".into(),
    };
    CalendarEvent {
        uid: uid.into(),
        kind: EventKind::Custom,
        review_id: Some(1),
        review: Some(US.into()),
        title: title.into(),
        date: date.into(),
        end_date: None,
        time: time.map(Into::into),
        time_zone: Some(zone.into()),
        confirmed: false,
        edited: false,
        rule: "Your deadline".into(),
        source: String::new(),
        rule_date: None,
        deadline: Some(d),
        overdue: false,
        reminder_due: false,
    }
}

/// The US addendum's day, 12:00 in Geneva, reminded 7 days and 1 day before.
fn timed_deadline() -> CalendarEvent {
    deadline(
        1,
        "deadline-3f1c@docket",
        "Send the coalition's comments on the addendum",
        "2021-03-04",
        Some("12:00"),
        GENEVA,
        DeadlineStatus::InProgress,
        "",
        vec![
            reminder(1, 10080, "2021-02-25T11:00:00Z"),
            reminder(2, 1440, "2021-03-03T11:00:00Z"),
        ],
    )
}

fn summer_deadline() -> CalendarEvent {
    deadline(
        2,
        "deadline-summer@docket",
        "Oral statement text to the secretariat",
        "2021-07-01",
        Some("10:00"),
        GENEVA,
        DeadlineStatus::ToDo,
        "",
        vec![],
    )
}

fn whole_day_deadline() -> CalendarEvent {
    deadline(
        3,
        "deadline-wholeday@docket",
        "Register for the speakers list",
        "2021-02-19",
        None,
        GENEVA,
        DeadlineStatus::ToDo,
        "",
        vec![reminder(3, 1440, "2021-02-18T08:00:00Z")],
    )
}

const TRICKY_TITLE: &str =
    "Déclaration, version 2; voir C:\\docs\\upr — بيان المنظمات غير الحكومية";

fn tricky_notes() -> String {
    let notes = "Préparer la déclaration écrite (≤ 2 000 mots); relire, puis envoyer.\n\
                 راجع التوصيات المتعلقة بعقوبة الإعدام قبل الجلسة، ثم أرسل النص.\n\
                 Ünïcödé ok — end";
    let mut text = notes.to_owned();
    while text.chars().count() < 200 {
        text.push_str(" · encore");
    }
    text
}

fn tricky_deadline() -> CalendarEvent {
    let mut e = deadline(
        4,
        "deadline-tricky,uid;1@docket",
        TRICKY_TITLE,
        "2021-03-10",
        None,
        GENEVA,
        DeadlineStatus::ToDo,
        &tricky_notes(),
        vec![],
    );
    e.review = None;
    e.review_id = None;
    e
}

fn done_deadline() -> CalendarEvent {
    deadline(
        5,
        "deadline-done@docket",
        "Book the room for the side event",
        "2021-02-10",
        Some("09:00"),
        GENEVA,
        DeadlineStatus::Done,
        "",
        vec![reminder(4, 60, "2021-02-10T07:00:00Z")],
    )
}

fn bad_zone_deadline() -> CalendarEvent {
    deadline(
        6,
        "deadline-badzone@docket",
        "Call the mission",
        "2021-03-01",
        Some("15:00"),
        "Mars/Olympus_Mons",
        DeadlineStatus::ToDo,
        "",
        vec![],
    )
}

fn all_events() -> Vec<CalendarEvent> {
    vec![
        review_session(),
        done_deadline(),
        whole_day_deadline(),
        bad_zone_deadline(),
        timed_deadline(),
        tricky_deadline(),
        adoption(),
        summer_deadline(),
    ]
}

fn parse(ics: &str) -> Vec<icalendar::Event> {
    let cal: icalendar::Calendar = ics.parse().expect("the file parses");
    cal.components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .cloned()
        .collect()
}

fn event<'a>(events: &'a [icalendar::Event], uid: &str) -> &'a icalendar::Event {
    events
        .iter()
        .find(|e| e.get_uid() == Some(uid))
        .unwrap_or_else(|| panic!("no VEVENT with UID {uid}"))
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn start_utc(e: &icalendar::Event) -> DateTime<Utc> {
    match e.get_start() {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => t,
        other => panic!("a UTC start, not {other:?}"),
    }
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn every_uid_is_written_once_and_stays_across_exports() {
    let events = all_events();
    let ics = write_ics(&events, now());
    let parsed = parse(&ics);
    let mut uids: Vec<String> = parsed
        .iter()
        .map(|e| e.get_uid().expect("a UID").to_owned())
        .collect();
    let mut expected: Vec<String> = events.iter().map(|e| e.uid.clone()).collect();
    uids.sort();
    expected.sort();
    assert_eq!(
        uids, expected,
        "one VEVENT per event, UID = the event's uid"
    );
    let mut unique = uids.clone();
    unique.dedup();
    assert_eq!(unique, uids, "UIDs are unique");

    let later = Utc.with_ymd_and_hms(2021, 3, 1, 10, 0, 0).unwrap();
    let again = parse(&write_ics(&events, later));
    let mut again_uids: Vec<String> = again
        .iter()
        .map(|e| e.get_uid().unwrap().to_owned())
        .collect();
    again_uids.sort();
    assert_eq!(again_uids, uids, "exporting again gives the same UIDs");
    for e in &again {
        let first = event(&parsed, e.get_uid().unwrap());
        assert!(
            e.get_sequence().unwrap() > first.get_sequence().unwrap(),
            "SEQUENCE grows from one export to the next"
        );
        assert_eq!(
            e.get_timestamp(),
            Some(later),
            "DTSTAMP is the export's now"
        );
    }
}

#[test]
fn the_calendar_has_its_header_and_name() {
    let ics = write_ics(&[adoption()], now());
    let unfolded = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
    let prop = |name: &str| {
        cal.properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.to_string())
    };
    assert_eq!(prop("VERSION").as_deref(), Some("2.0"));
    assert_eq!(
        prop("PRODID").as_deref(),
        Some("-//Docket//Docket calendar//EN")
    );
    assert_eq!(prop("CALSCALE").as_deref(), Some("GREGORIAN"));
    assert_eq!(prop("METHOD").as_deref(), Some("PUBLISH"));
    assert_eq!(prop("X-WR-CALNAME").as_deref(), Some("Docket"));
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));

    let named = write_ics_named("Docket: Türkiye, WG 35; draft", &[adoption()], now());
    let cal: icalendar::Calendar = named.parse().unwrap();
    assert_eq!(cal.get_name(), Some("Docket: Türkiye, WG 35; draft"));
    let empty = write_ics(&[], now());
    assert_eq!(parse(&empty).len(), 0, "an empty calendar is still a file");
}

#[test]
fn a_confirmed_adoption_is_a_whole_day_with_its_rule_and_source() {
    let ics = write_ics(&all_events(), now());
    let parsed = parse(&ics);
    let e = event(&parsed, "docket-usa-wg36-adoption");
    assert_eq!(
        e.get_start(),
        Some(DatePerhapsTime::Date(date("2021-03-17"))),
        "whole-day DTSTART is a date"
    );
    assert_eq!(
        e.get_end(),
        Some(DatePerhapsTime::Date(date("2021-03-18"))),
        "DTEND is the day after"
    );
    assert_eq!(
        e.get_summary(),
        Some("United States of America, WG 36: Adoption of the outcome at HRC46")
    );
    assert_eq!(e.get_status(), Some(EventStatus::Confirmed));
    let description = e.get_description().unwrap();
    assert!(
        description.contains(
            "Rule: WG in Oct/Nov → the HRC's March session of the next year (HRC46)\n\
             Source: UPR Info session news; A/HRC/46/15\nConfirmed date"
        ),
        "{description}"
    );
    assert_eq!(e.get_categories(), Some(vec!["Adoption".to_owned()]));
    assert!(e.components().is_empty(), "computed events have no alarms");
}

#[test]
fn the_summary_names_the_review_once() {
    let mut e = adoption();
    e.title = "Adoption of United States of America's UPR outcome at HRC46".into();
    assert_eq!(docket_core::calendar::ics::summary(&e), e.title);
    e.review = None;
    e.title = "Adoption of the outcome at HRC46".into();
    assert_eq!(docket_core::calendar::ics::summary(&e), e.title);
}

#[test]
fn a_review_over_several_days_ends_the_day_after_its_last_and_is_tentative() {
    let parsed = parse(&write_ics(&all_events(), now()));
    let e = event(&parsed, "docket-usa-wg36-review");
    assert_eq!(
        e.get_start(),
        Some(DatePerhapsTime::Date(date("2020-11-02")))
    );
    assert_eq!(e.get_end(), Some(DatePerhapsTime::Date(date("2020-11-14"))));
    assert_eq!(e.get_status(), Some(EventStatus::Tentative));
    let description = e.get_description().unwrap();
    assert!(
        description.contains("Estimated from the rule"),
        "{description}"
    );
}

#[test]
fn a_geneva_noon_deadline_in_march_is_eleven_utc_with_its_two_alarms() {
    let parsed = parse(&write_ics(&all_events(), now()));
    let e = event(&parsed, "deadline-3f1c@docket");
    assert_eq!(start_utc(e), utc("2021-03-04T11:00:00Z"), "CET is UTC+1");
    assert_eq!(
        e.get_end(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(utc(
            "2021-03-04T11:30:00Z"
        ))))
    );
    assert_eq!(e.get_status(), Some(EventStatus::Confirmed));
    let alarms: Vec<_> = e
        .components()
        .iter()
        .filter(|c| c.component_kind() == "VALARM")
        .collect();
    assert_eq!(alarms.len(), 2, "one VALARM per reminder");
    let triggers: Vec<(&str, Option<&str>)> = alarms
        .iter()
        .map(|a| {
            let p = a.properties().get("TRIGGER").expect("a TRIGGER");
            (p.value(), p.params().get("VALUE").map(|v| v.value()))
        })
        .collect();
    assert_eq!(
        triggers,
        vec![
            ("20210225T110000Z", Some("DATE-TIME")),
            ("20210303T110000Z", Some("DATE-TIME")),
        ],
        "7 days and 1 day before, in UTC"
    );
    for a in &alarms {
        assert_eq!(a.property_value("ACTION"), Some("DISPLAY"));
        let d = a.property_value("DESCRIPTION").expect("a DESCRIPTION");
        assert!(
            d.contains("Send the coalition's comments on the addendum"),
            "{d}"
        );
    }
    let description = e.get_description().unwrap();
    for part in [
        "Your deadline",
        "Due: 2021-03-04 12:00 (Europe/Zurich)",
        "Status: In progress",
        "Owner: Amina",
        "Recommendations: 26.1, 26.347",
    ] {
        assert!(description.contains(part), "{part:?} in {description}");
    }
    assert_eq!(
        e.get_last_modified(),
        Some(utc("2021-01-12T07:00:00Z")),
        "LAST-MODIFIED from the deadline's updated_at"
    );
}

#[test]
fn a_summer_time_in_geneva_is_utc_plus_two() {
    let parsed = parse(&write_ics(&all_events(), now()));
    let e = event(&parsed, "deadline-summer@docket");
    assert_eq!(start_utc(e), utc("2021-07-01T08:00:00Z"), "CEST is UTC+2");
    assert!(e.components().is_empty(), "no reminders, no alarms");
}

#[test]
fn a_whole_day_deadline_is_a_date_with_its_alarm() {
    let parsed = parse(&write_ics(&all_events(), now()));
    let e = event(&parsed, "deadline-wholeday@docket");
    assert_eq!(
        e.get_start(),
        Some(DatePerhapsTime::Date(date("2021-02-19")))
    );
    assert_eq!(e.get_end(), Some(DatePerhapsTime::Date(date("2021-02-20"))));
    assert_eq!(e.components().len(), 1);
    assert_eq!(
        e.components()[0].property_value("TRIGGER"),
        Some("20210218T080000Z")
    );
    assert_eq!(e.get_categories(), Some(vec!["Deadline".to_owned()]));
}

#[test]
fn a_done_deadline_stays_confirmed_says_so_and_has_no_alarms() {
    let parsed = parse(&write_ics(&all_events(), now()));
    let e = event(&parsed, "deadline-done@docket");
    assert_eq!(e.get_status(), Some(EventStatus::Confirmed));
    assert!(
        e.get_summary().unwrap().ends_with("(done)"),
        "{:?}",
        e.get_summary()
    );
    assert!(e
        .get_description()
        .unwrap()
        .contains("Status: Done (completed)"));
    assert!(e.components().is_empty(), "a done deadline is not reminded");
}

#[test]
fn an_unknown_time_zone_falls_back_to_a_whole_day() {
    let parsed = parse(&write_ics(&all_events(), now()));
    let e = event(&parsed, "deadline-badzone@docket");
    assert_eq!(
        e.get_start(),
        Some(DatePerhapsTime::Date(date("2021-03-01")))
    );
    assert!(e
        .get_description()
        .unwrap()
        .contains("Due: 2021-03-01 15:00 (Mars/Olympus_Mons)"));
}

#[test]
fn text_with_separators_accents_and_arabic_comes_back_unchanged() {
    let ics = write_ics(&all_events(), now());
    let parsed = parse(&ics);
    let e = event(&parsed, "deadline-tricky,uid;1@docket");
    assert_eq!(e.get_summary(), Some(TRICKY_TITLE), "no review: the title");
    let description = e.get_description().unwrap();
    assert!(
        description.contains(&format!("Notes: {}", tricky_notes())),
        "{description}"
    );
    assert!(
        ics.contains("Déclaration\\, version 2\\; voir C:\\\\docs\\\\upr"),
        "escaped in the file"
    );
}

#[test]
fn every_line_ends_with_crlf_and_fits_in_75_octets() {
    let ics = write_ics(&all_events(), now());
    assert!(ics.ends_with("\r\n"));
    let lines: Vec<&str> = ics.split_inclusive('\n').collect();
    assert!(lines.len() > 50);
    let mut folded = 0;
    for line in &lines {
        assert!(line.ends_with("\r\n"), "CRLF: {line:?}");
        let content = &line[..line.len() - 2];
        assert!(!content.contains('\r'), "no stray CR: {line:?}");
        assert!(content.len() <= 75, "{} octets: {content:?}", content.len());
        if content.starts_with(' ') {
            folded += 1;
        }
    }
    assert!(folded >= 3, "the long description was folded");
}
