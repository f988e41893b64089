//! When a reminder fires, for a given clock (the store passes `now`; tests inject any time).
//!
//! A deadline is due on a day, at a time or for the whole day, in a time zone ([`DueAt`]):
//!
//! - its reminders count back from the due time, or from 09:00 on the due day for a whole-day
//!   deadline ([`DueAt::reminder_base`], [`DueAt::fires_at`]);
//! - it is overdue once the due time has passed, or once the due day has ended in its zone for a
//!   whole-day deadline ([`DueAt::instant`], [`DueAt::is_overdue`]);
//! - a snoozed reminder comes due at the snooze's end instead of its own time
//!   ([`effective_time`]), and a shown one stays shown ([`reminder_state`]).
//!
//! Local times that do not exist (the hour skipped when clocks go forward) become the first
//! instant after the gap; local times that happen twice (the hour repeated when clocks go back)
//! take the first one. Every instant is stored as RFC 3339 in UTC to the second ([`format_utc`]),
//! so that stored instants compare as text in the order of time.

use chrono::{
    DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, TimeZone, Utc,
};
use chrono_tz::Tz;

use super::{DeadlineStatus, Reminder};

/// The time a whole-day deadline's reminders count back from, on its due day.
pub const WHOLE_DAY_REMINDER_TIME: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// The longest a reminder may fire before its deadline: a year (525,600 minutes).
pub const MAX_MINUTES_BEFORE: i64 = 525_600;

/// When a deadline is due: its day, its time (`None` for the whole day) and its time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueAt {
    /// The due day, in `zone`.
    pub date: NaiveDate,
    /// The due time, in `zone`; `None` for the whole day.
    pub time: Option<NaiveTime>,
    /// The time zone of the day and time.
    pub zone: Tz,
}

impl DueAt {
    /// Reads a due day (`YYYY-MM-DD`), time (`HH:MM`) and IANA zone as stored; `None` when any of
    /// them does not parse.
    pub fn parse(date: &str, time: Option<&str>, zone: &str) -> Option<DueAt> {
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
        let time = match time {
            Some(t) => Some(NaiveTime::parse_from_str(t, "%H:%M").ok()?),
            None => None,
        };
        let zone = zone.parse::<Tz>().ok()?;
        Some(DueAt { date, time, zone })
    }

    /// A stored deadline's due day, time and zone (`None` if the stored values do not parse).
    pub fn of(deadline: &super::Deadline) -> Option<DueAt> {
        DueAt::parse(
            &deadline.due_date,
            deadline.due_time.as_deref(),
            &deadline.time_zone,
        )
    }

    /// What reminders count back from: the due time, or 09:00 on the due day for a whole-day
    /// deadline, in the deadline's zone.
    pub fn reminder_base(&self) -> DateTime<Utc> {
        local_instant(
            self.date
                .and_time(self.time.unwrap_or(WHOLE_DAY_REMINDER_TIME)),
            self.zone,
        )
    }

    /// When a reminder `minutes_before` the deadline fires.
    pub fn fires_at(&self, minutes_before: i64) -> DateTime<Utc> {
        self.reminder_base() - Duration::minutes(minutes_before)
    }

    /// The instant after which the deadline is overdue: its due time, or the end of its due day
    /// (the next day's 00:00 in its zone) for a whole-day deadline.
    pub fn instant(&self) -> DateTime<Utc> {
        match self.time {
            Some(time) => local_instant(self.date.and_time(time), self.zone),
            None => match self.date.succ_opt() {
                Some(next) => local_instant(next.and_time(NaiveTime::MIN), self.zone),
                None => DateTime::<Utc>::MAX_UTC,
            },
        }
    }

    /// Whether a deadline with this status is overdue at `now`: not done, and its due instant
    /// has passed.
    pub fn is_overdue(&self, status: DeadlineStatus, now: DateTime<Utc>) -> bool {
        status != DeadlineStatus::Done && self.instant() < now
    }
}

/// The instant of a local date and time in a zone: the earliest when the clocks show it twice,
/// the first instant after the gap when they skip it.
pub fn local_instant(local: NaiveDateTime, zone: Tz) -> DateTime<Utc> {
    if let Some(t) = zone.from_local_datetime(&local).earliest() {
        return t.with_timezone(&Utc);
    }
    // In a gap: the first local minute after it (gaps last an hour or two; the longest known,
    // Samoa's skipped day in 2011, lasts 24 hours).
    for minutes in 1..=(48 * 60) {
        let later = local + Duration::minutes(minutes);
        if let Some(t) = zone.from_local_datetime(&later).earliest() {
            return t.with_timezone(&Utc);
        }
    }
    // Not reached with real zones: read the local time as UTC.
    Utc.from_utc_datetime(&local)
}

/// When a reminder comes due: at the end of its snooze if snoozed, else at its own time.
pub fn effective_time(
    fires_at: DateTime<Utc>,
    snoozed_until: Option<DateTime<Utc>>,
) -> DateTime<Utc> {
    snoozed_until.unwrap_or(fires_at)
}

/// Where a reminder stands at a given time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderState {
    /// Its time (or the end of its snooze) has not come yet.
    Pending,
    /// Its time has come and it was not shown yet: show it now.
    Due,
    /// It was shown (notified, or listed as missed); it is not shown again unless snoozed.
    Shown,
    /// Its deadline is done: it never comes due.
    Off,
}

/// Where a reminder stands at `now`, from its time, when it was shown, its snooze, and whether
/// its deadline is done.
pub fn reminder_state(
    fires_at: DateTime<Utc>,
    fired_at: Option<DateTime<Utc>>,
    snoozed_until: Option<DateTime<Utc>>,
    status: DeadlineStatus,
    now: DateTime<Utc>,
) -> ReminderState {
    if status == DeadlineStatus::Done {
        ReminderState::Off
    } else if fired_at.is_some() {
        ReminderState::Shown
    } else if effective_time(fires_at, snoozed_until) <= now {
        ReminderState::Due
    } else {
        ReminderState::Pending
    }
}

/// A stored reminder's effective time (see [`effective_time`]); `None` if its stored times do
/// not parse.
pub fn reminder_effective_time(reminder: &Reminder) -> Option<DateTime<Utc>> {
    let fires_at = parse_utc(&reminder.fires_at)?;
    let snoozed = match reminder.snoozed_until.as_deref() {
        Some(s) => Some(parse_utc(s)?),
        None => None,
    };
    Some(effective_time(fires_at, snoozed))
}

/// The stored form of an instant: RFC 3339 in UTC to the second (`2021-03-17T08:00:00Z`).
pub fn format_utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Reads an RFC 3339 instant (any offset) as UTC.
pub fn parse_utc(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
