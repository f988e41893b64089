//! The calendar as an iCalendar file (RFC 5545) for Outlook, Google and Apple Calendar.

use chrono::{DateTime, Utc};

use super::CalendarEvent;

/// The events as one VCALENDAR: stable UIDs, whole days as `VALUE=DATE`, timed deadlines in UTC,
/// reminders as VALARMs. `now` stamps it (DTSTAMP).
pub fn write_ics(events: &[CalendarEvent], now: DateTime<Utc>) -> String {
    let _ = (events, now);
    todo!("ics")
}
