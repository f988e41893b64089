//! The calendar as an iCalendar file (RFC 5545) for Outlook, Google and Apple Calendar.
//!
//! Choices, so that a calendar that imported or subscribed to the file stays right when the file
//! is exported again:
//!
//! - `UID` is the event's own stable uid: exporting again updates the same entries.
//! - `SEQUENCE` is the number of whole minutes from 2020-01-01 00:00 UTC to the export (`now`):
//!   it grows from one export to the next, so clients take every event of a newer file as the
//!   newer revision (an unchanged event is simply rewritten as it was).
//! - `STATUS`: a computed date is `TENTATIVE` until it is confirmed (by the source or the user),
//!   then `CONFIRMED`. The organization's deadlines are `CONFIRMED`: a deadline that is done is not
//!   cancelled (it happened); its summary ends with "(done)", its description says "Status: Done
//!   (completed)", and it has no alarms any more.
//! - `SUMMARY` is the review in words, a colon, then the event's title ("United States of
//!   America, WG 36: NGO written statements due for HRC46"); the review is left out when the
//!   title already names its State ("Adoption of United States of America's UPR outcome at
//!   HRC46") or there is none.
//! - Whole days are `VALUE=DATE` (the end is the day after the last day, as RFC 5545 says). A
//!   deadline with a time is written in UTC, 30 minutes long, from its date and time in its IANA
//!   time zone; without a zone it is written as floating local time; with a zone Docket does not
//!   know, or a time it cannot read, it becomes a whole-day event. A local time that does not
//!   exist (the hour skipped when clocks go forward) is taken one hour later; one that happens
//!   twice (clocks go back) is the first.
//! - Each reminder of a deadline not done is a `VALARM` at its absolute time in UTC. Computed
//!   events have no alarms.
//! - Events are `TRANSP:TRANSPARENT`: they do not make anyone look busy.
//! - An event whose date cannot be read is left out rather than written wrong.
//! - Text is escaped (`\\`, `\;`, `\,`, `\n`), control characters other than tab are dropped,
//!   lines end with CRLF and are folded at 75 octets, never inside a UTF-8 character.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::{CalendarEvent, Deadline, DeadlineStatus, EventKind};

/// The calendar's name when none is given (`X-WR-CALNAME`).
pub const DEFAULT_NAME: &str = "Docket";

/// How long a deadline with a time lasts in a calendar, in minutes.
const TIMED_MINUTES: i64 = 30;

/// The events as one VCALENDAR named "Docket": stable UIDs, whole days as `VALUE=DATE`, timed
/// deadlines in UTC, reminders as VALARMs. `now` stamps it (DTSTAMP, SEQUENCE).
pub fn write_ics(events: &[CalendarEvent], now: DateTime<Utc>) -> String {
    write_ics_named(DEFAULT_NAME, events, now)
}

/// [`write_ics`] with the calendar's name (`X-WR-CALNAME`), e.g. "Docket: United States of
/// America, WG 36"; an empty name gives "Docket".
pub fn write_ics_named(name: &str, events: &[CalendarEvent], now: DateTime<Utc>) -> String {
    let name = if name.trim().is_empty() {
        DEFAULT_NAME
    } else {
        name
    };
    let mut out = Lines::default();
    out.raw("BEGIN:VCALENDAR");
    out.raw("VERSION:2.0");
    out.raw("PRODID:-//Docket//Docket calendar//EN");
    out.raw("CALSCALE:GREGORIAN");
    out.raw("METHOD:PUBLISH");
    out.text("X-WR-CALNAME", name);
    let stamp = utc_stamp(now);
    let sequence = sequence(now);
    for event in events {
        write_event(&mut out, event, &stamp, sequence);
    }
    out.raw("END:VCALENDAR");
    out.0
}

/// How many events of `events` [`write_ics`] writes (those whose date can be read).
pub fn exported_count(events: &[CalendarEvent]) -> usize {
    events.iter().filter(|e| when(e).is_some()).count()
}

/// The kind of an event in words, as calendars show it (`CATEGORIES`) and the command line
/// lists it.
pub fn kind_label(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Review => "UPR review",
        EventKind::ResponsesDue => "Responses due",
        EventKind::SpeakersListOpens => "Speakers list opens",
        EventKind::WrittenStatementDue => "Written statement due",
        EventKind::Adoption => "Adoption",
        EventKind::MidTerm => "Mid-term report",
        EventKind::NextSubmissionDue => "Submission due",
        EventKind::NextReview => "Next review",
        EventKind::Custom => "Deadline",
    }
}

/// The event's summary: its review in words, then its title ("(done)" for a deadline done). The
/// review is left out when the title already names its State ("Adoption of United States of
/// America's UPR outcome at HRC46").
pub fn summary(event: &CalendarEvent) -> String {
    let title = event.title.trim();
    let review = event.review.as_deref().map(str::trim).unwrap_or_default();
    // "United States of America, WG 36" → "United States of America".
    let state = review
        .rsplit_once(", WG")
        .map_or(review, |(state, _)| state.trim());
    let mut text = if review.is_empty() || title.contains(review) || title.contains(state) {
        title.to_owned()
    } else {
        format!("{review}: {title}")
    };
    if event
        .deadline
        .as_ref()
        .is_some_and(|d| d.status == DeadlineStatus::Done)
    {
        text.push_str(" (done)");
    }
    text
}

/// When an event happens, as the file says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    /// Whole days: the first, and the day after the last.
    Days(NaiveDate, NaiveDate),
    /// A time in UTC.
    Utc(DateTime<Utc>),
    /// A time with no zone: the same clock time wherever the reader is.
    Floating(NaiveDateTime),
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .ok()
}

fn when(event: &CalendarEvent) -> Option<When> {
    let date = parse_date(&event.date)?;
    let whole_days = || {
        let last = event
            .end_date
            .as_deref()
            .and_then(parse_date)
            .filter(|end| *end >= date)
            .unwrap_or(date);
        Some(When::Days(date, last.succ_opt()?))
    };
    let Some(time) = event.time.as_deref().and_then(parse_time) else {
        return whole_days();
    };
    let local = date.and_time(time);
    match event.time_zone.as_deref().map(str::trim) {
        None | Some("") => Some(When::Floating(local)),
        Some(zone) => match local_to_utc(local, zone) {
            Some(utc) => Some(When::Utc(utc)),
            None => whole_days(),
        },
    }
}

/// A local date and time in an IANA zone, in UTC; `None` for a zone Docket does not know.
fn local_to_utc(local: NaiveDateTime, zone: &str) -> Option<DateTime<Utc>> {
    let tz: Tz = zone.parse().ok()?;
    tz.from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(local + Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
}

fn utc_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Whole minutes from 2020-01-01 00:00 UTC to `now` (0 before).
fn sequence(now: DateTime<Utc>) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(2020, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc());
    epoch.map_or(0, |epoch| (now - epoch).num_minutes().max(0))
}

fn write_event(out: &mut Lines, event: &CalendarEvent, stamp: &str, sequence: i64) {
    let Some(when) = when(event) else {
        return;
    };
    out.raw("BEGIN:VEVENT");
    out.text("UID", &event.uid);
    out.raw(&format!("DTSTAMP:{stamp}"));
    match when {
        When::Days(start, end) => {
            out.raw(&format!("DTSTART;VALUE=DATE:{}", start.format("%Y%m%d")));
            out.raw(&format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
        }
        When::Utc(start) => {
            out.raw(&format!("DTSTART:{}", utc_stamp(start)));
            let end = start + Duration::minutes(TIMED_MINUTES);
            out.raw(&format!("DTEND:{}", utc_stamp(end)));
        }
        When::Floating(start) => {
            out.raw(&format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")));
            let end = start + Duration::minutes(TIMED_MINUTES);
            out.raw(&format!("DTEND:{}", end.format("%Y%m%dT%H%M%S")));
        }
    }
    out.raw(&format!("SEQUENCE:{sequence}"));
    let summary = summary(event);
    out.text("SUMMARY", &summary);
    out.text("DESCRIPTION", &description(event));
    out.text("CATEGORIES", kind_label(event.kind));
    let confirmed = event.confirmed || event.deadline.is_some() || event.kind == EventKind::Custom;
    out.raw(if confirmed {
        "STATUS:CONFIRMED"
    } else {
        "STATUS:TENTATIVE"
    });
    out.raw("TRANSP:TRANSPARENT");
    if let Some(deadline) = &event.deadline {
        for (key, value) in [
            ("CREATED", &deadline.created_at),
            ("LAST-MODIFIED", &deadline.updated_at),
        ] {
            if let Ok(t) = DateTime::parse_from_rfc3339(value.trim()) {
                out.raw(&format!("{key}:{}", utc_stamp(t.with_timezone(&Utc))));
            }
        }
        if deadline.status != DeadlineStatus::Done {
            write_alarms(out, deadline, &summary, &due_words(event));
        }
    }
    out.raw("END:VEVENT");
}

fn write_alarms(out: &mut Lines, deadline: &Deadline, summary: &str, due: &str) {
    for reminder in &deadline.reminders {
        let trigger = match DateTime::parse_from_rfc3339(reminder.fires_at.trim()) {
            Ok(t) => format!(
                "TRIGGER;VALUE=DATE-TIME:{}",
                utc_stamp(t.with_timezone(&Utc))
            ),
            // Not expected from the store: the same delay, before the start.
            Err(_) => format!("TRIGGER:-PT{}M", reminder.minutes_before.max(0)),
        };
        out.raw("BEGIN:VALARM");
        out.raw("ACTION:DISPLAY");
        out.text("DESCRIPTION", &format!("{summary} — due {due}"));
        out.raw(&trigger);
        out.raw("END:VALARM");
    }
}

/// "2021-03-04 12:00 (Europe/Zurich)", "2021-03-04" or "2020-11-02 to 2020-11-13".
fn due_words(event: &CalendarEvent) -> String {
    let mut s = event.date.clone();
    if let Some(end) = event.end_date.as_deref().filter(|e| *e != event.date) {
        s.push_str(" to ");
        s.push_str(end);
    }
    if let Some(time) = &event.time {
        s.push(' ');
        s.push_str(time);
        if let Some(zone) = event.time_zone.as_deref().filter(|z| !z.trim().is_empty()) {
            s.push_str(&format!(" ({zone})"));
        }
    }
    s
}

fn status_words(status: DeadlineStatus) -> &'static str {
    match status {
        DeadlineStatus::ToDo => "To do",
        DeadlineStatus::InProgress => "In progress",
        DeadlineStatus::Done => "Done (completed)",
    }
}

fn description(event: &CalendarEvent) -> String {
    let mut lines: Vec<String> = Vec::new();
    match &event.deadline {
        Some(d) => {
            lines.push(if event.rule.trim().is_empty() {
                "Your deadline".to_owned()
            } else {
                event.rule.trim().to_owned()
            });
            lines.push(format!("Due: {}", due_words(event)));
            lines.push(format!("Status: {}", status_words(d.status)));
            if !d.owner.trim().is_empty() {
                lines.push(format!("Owner: {}", d.owner.trim()));
            }
            if let Some(kind) = d.event_kind {
                lines.push(format!("For: {}", kind_label(kind)));
            }
            let paragraphs: Vec<&str> = d
                .recommendations
                .iter()
                .map(|r| r.paragraph.trim())
                .filter(|p| !p.is_empty())
                .collect();
            if !paragraphs.is_empty() {
                lines.push(format!("Recommendations: {}", paragraphs.join(", ")));
            }
            if !d.notes.trim().is_empty() {
                lines.push(format!("Notes: {}", d.notes.trim()));
            }
        }
        None => {
            if !event.rule.trim().is_empty() {
                lines.push(format!("Rule: {}", event.rule.trim()));
            }
            if !event.source.trim().is_empty() {
                lines.push(format!("Source: {}", event.source.trim()));
            }
            if event.confirmed {
                lines.push("Confirmed date".to_owned());
            } else if event.edited {
                lines.push("Date set by you, not confirmed".to_owned());
            } else {
                lines.push("Estimated from the rule: check the official date".to_owned());
            }
            if event.edited {
                if let Some(rule_date) = event.rule_date.as_deref() {
                    lines.push(format!("The rule gives {rule_date}"));
                }
            }
        }
    }
    if let Some(review) = event.review.as_deref().filter(|r| !r.trim().is_empty()) {
        lines.push(format!("Review: {}", review.trim()));
    }
    lines.push("From Docket".to_owned());
    lines.join("\n")
}

/// RFC 5545 TEXT: backslash, semicolon, comma and newline escaped; CR LF and lone CR as newlines;
/// other control characters (except tab) dropped.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The file's content lines, each folded and ended with CRLF.
#[derive(Default)]
struct Lines(String);

impl Lines {
    /// A line written as given (no escaping).
    fn raw(&mut self, line: &str) {
        fold_into(line, &mut self.0);
    }

    /// `NAME:value` with the value escaped as TEXT.
    fn text(&mut self, name: &str, value: &str) {
        self.raw(&format!("{name}:{}", escape_text(value)));
    }
}

/// Writes `line` folded at 75 octets (continuations start with a space, which counts), never
/// inside a UTF-8 character, each physical line ended with CRLF.
fn fold_into(line: &str, out: &mut String) {
    const MAX: usize = 75;
    let mut rest = line;
    let mut limit = MAX;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = MAX - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_characters_whole_and_lines_short() {
        let line = format!("SUMMARY:{}", "é€ش".repeat(40));
        let mut out = String::new();
        fold_into(&line, &mut out);
        for physical in out.split_terminator("\r\n") {
            assert!(physical.len() <= 75, "{physical:?}");
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), line);
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape_text("a\\b;c,d\r\ne\rf\u{7}"),
            "a\\\\b\\;c\\,d\\ne\\nf"
        );
    }

    #[test]
    fn sequence_counts_minutes_since_2020() {
        let t = Utc.with_ymd_and_hms(2020, 1, 1, 1, 0, 30).single();
        assert_eq!(t.map(sequence), Some(60));
        let before = Utc.with_ymd_and_hms(2019, 1, 1, 0, 0, 0).single();
        assert_eq!(before.map(sequence), Some(0));
    }

    #[test]
    fn a_skipped_local_hour_is_taken_one_hour_later() {
        // Clocks went forward in Geneva at 02:00 on 2021-03-28.
        let local = NaiveDate::from_ymd_opt(2021, 3, 28).and_then(|d| d.and_hms_opt(2, 30, 0));
        let utc = local.and_then(|l| local_to_utc(l, "Europe/Zurich"));
        assert_eq!(
            utc.map(utc_stamp).as_deref(),
            Some("20210328T013000Z"),
            "03:30 CEST"
        );
    }
}
