//! The UPR calendar: the dates computed from a review (its Working Group session, the Human Rights
//! Council session that adopts its outcome, and the deadlines around them), the organization's own
//! deadlines with their reminders, and their export as iCalendar (RFC 5545).
//!
//! - [`sessions`]: the Working Group and Council sessions, as tables of public facts;
//! - [`rules`]: the rules that turn a review into its timeline, one table, each rule with its source;
//! - [`reminders`]: when a reminder is due, missed or snoozed, for a given clock;
//! - [`ics`]: the iCalendar file.
//!
//! The store keeps what the user changes (a date edited or confirmed, a corrected Council session,
//! the organization's deadlines): see `Store::calendar` and its neighbours in `store::calendar`.

use serde::{Deserialize, Serialize};

pub mod ics;
pub mod reminders;
pub mod rules;
pub mod sessions;

/// Geneva's time zone (IANA), used for the Council's and the Working Group's events.
pub const GENEVA: &str = "Europe/Zurich";

/// A time zone as people say it: "Geneva" for `Europe/Zurich` (the Council's), else the city
/// of its IANA name ("America/New_York" → "New York").
pub fn zone_name(zone: &str) -> String {
    if zone == GENEVA {
        return "Geneva".to_owned();
    }
    zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")
}

/// When something is due, in words: "10 Jan 2020", or "10 Jan 2020, 10:00 Geneva time" with a
/// time. A date that does not parse is shown as stored.
pub fn due_words(date: &str, time: Option<&str>, zone: &str) -> String {
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_else(|_| date.to_owned());
    match time {
        Some(time) => format!("{day}, {time} {} time", zone_name(zone)),
        None => day,
    }
}

string_enum! {
    /// What a calendar event is. All but `custom` are computed from the review.
    EventKind {
        /// The review itself: the interactive dialogue in the Working Group.
        Review = "review",
        /// The State under review's responses (the addendum) are due.
        ResponsesDue = "responses_due",
        /// Online registration for the NGO speakers list of the adoption opens.
        SpeakersListOpens = "speakers_list_opens",
        /// NGO written statements to the adoption session are due.
        WrittenStatementDue = "written_statement_due",
        /// The Council adopts the review's outcome.
        Adoption = "adoption",
        /// The voluntary mid-term report.
        MidTerm = "mid_term",
        /// Stakeholder submissions for the next review are due.
        NextSubmissionDue = "next_submission_due",
        /// The next review.
        NextReview = "next_review",
        /// The organization's own deadline or task.
        Custom = "custom",
    }
}

impl EventKind {
    /// The kinds computed from a review, in the order of a review's timeline.
    pub const COMPUTED: &'static [EventKind] = &[
        EventKind::Review,
        EventKind::WrittenStatementDue,
        EventKind::SpeakersListOpens,
        EventKind::ResponsesDue,
        EventKind::Adoption,
        EventKind::MidTerm,
        EventKind::NextSubmissionDue,
        EventKind::NextReview,
    ];

    /// Where events of this kind go among those of one day: the timeline's order, the
    /// organization's own deadlines last.
    pub fn order(self) -> usize {
        EventKind::COMPUTED
            .iter()
            .position(|k| *k == self)
            .unwrap_or(EventKind::COMPUTED.len())
    }
}

string_enum! {
    /// Where the organization's deadline or task stands.
    DeadlineStatus {
        /// Not started.
        ToDo = "to_do",
        /// Under way.
        InProgress = "in_progress",
        /// Done: no longer reminded, never overdue.
        Done = "done",
    }
}

/// One event of the calendar: a date computed from a review, or one of the organization's
/// deadlines. JSON is what the app and `docket-cli calendar --json` show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalendarEvent {
    /// Stable identifier, also the iCalendar UID: the same event keeps it across exports and
    /// databases (computed events: from the State and the session; deadlines: made at creation).
    pub uid: String,
    /// What it is.
    pub kind: EventKind,
    /// Its review, if any.
    pub review_id: Option<i64>,
    /// The review in words, e.g. "United States of America, WG 36".
    pub review: Option<String>,
    /// What happens, in words.
    pub title: String,
    /// The day, `YYYY-MM-DD`, in [`CalendarEvent::time_zone`].
    pub date: String,
    /// The last day of an event spanning several days (a review known only by its session).
    pub end_date: Option<String>,
    /// The time, `HH:MM`, for a deadline with a time; `None` for a whole day.
    pub time: Option<String>,
    /// IANA time zone of the date and time (Geneva for the Council's events).
    pub time_zone: Option<String>,
    /// An official date: marked confirmed by the user, or given by the source (the adoption date
    /// of a review's record). A confirmed date wins over the rule.
    pub confirmed: bool,
    /// The user set this date (it is not the rule's).
    pub edited: bool,
    /// The rule the date came from, in words ("Your deadline" for the organization's own).
    pub rule: String,
    /// Where the rule comes from (a resolution, a report, a practice); empty for deadlines.
    pub source: String,
    /// The date the rule gives, when the user changed it (to show both, and to reset).
    pub rule_date: Option<String>,
    /// The deadline, for `custom` events.
    pub deadline: Option<Deadline>,
    /// A deadline not done whose due time has passed.
    pub overdue: bool,
    /// A deadline not done with a reminder that has come due (fired or due now).
    pub reminder_due: bool,
}

/// A recommendation linked to a deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedRecommendation {
    /// Database id.
    pub id: i64,
    /// Its review.
    pub review_id: i64,
    /// Its paragraph number (may be empty).
    pub paragraph: String,
}

/// A reminder of a deadline: it fires `minutes_before` its due time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    /// Database id.
    pub id: i64,
    /// How long before the due time it fires (0: at the due time). A deadline without a time is
    /// due at 09:00 on its day for reminders.
    pub minutes_before: i64,
    /// When it fires, RFC 3339 in UTC.
    pub fires_at: String,
    /// When it was shown (notified, or listed as missed at launch); `None` while pending.
    pub fired_at: Option<String>,
    /// Snoozed: it fires again at this time (RFC 3339, UTC).
    pub snoozed_until: Option<String>,
}

/// One of the organization's own deadlines or tasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deadline {
    /// Database id.
    pub id: i64,
    /// Stable identifier (the iCalendar UID).
    pub uid: String,
    /// Its review, if any.
    pub review_id: Option<i64>,
    /// The computed event it was made for (e.g. "register for the speakers list"), if any.
    pub event_kind: Option<EventKind>,
    /// What is due.
    pub title: String,
    /// Due day, `YYYY-MM-DD`, in `time_zone`.
    pub due_date: String,
    /// Due time, `HH:MM`, or `None` for the whole day.
    pub due_time: Option<String>,
    /// IANA time zone (Geneva, `Europe/Zurich`, for the Council's deadlines; the computer's own
    /// zone otherwise).
    pub time_zone: String,
    /// Who is responsible.
    pub owner: String,
    /// Where it stands.
    pub status: DeadlineStatus,
    /// Free notes.
    pub notes: String,
    /// Linked recommendations, by paragraph.
    pub recommendations: Vec<LinkedRecommendation>,
    /// Its reminders, soonest first.
    pub reminders: Vec<Reminder>,
    /// Created, RFC 3339.
    pub created_at: String,
    /// Last changed, RFC 3339.
    pub updated_at: String,
}

/// A deadline to create, or the new content of one to update.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewDeadline {
    /// Its review, if any.
    #[serde(default)]
    pub review_id: Option<i64>,
    /// The computed event it was made for, if any.
    #[serde(default)]
    pub event_kind: Option<EventKind>,
    /// What is due (1-200 characters).
    pub title: String,
    /// Due day, `YYYY-MM-DD`.
    pub due_date: String,
    /// Due time, `HH:MM`, or `None` for the whole day.
    #[serde(default)]
    pub due_time: Option<String>,
    /// IANA time zone.
    pub time_zone: String,
    /// Who is responsible.
    #[serde(default)]
    pub owner: String,
    /// Where it stands.
    #[serde(default = "default_status")]
    pub status: DeadlineStatus,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// Recommendations to link (ids).
    #[serde(default)]
    pub recommendation_ids: Vec<i64>,
    /// Reminders, as minutes before the due time (e.g. 10080 = 7 days, 1440 = 1 day, 0 = on time).
    #[serde(default)]
    pub reminders: Vec<i64>,
}

fn default_status() -> DeadlineStatus {
    DeadlineStatus::ToDo
}

/// A reminder to show: notified while the app runs, or listed once at launch when it came due
/// while the app was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueReminder {
    /// The reminder's id (to snooze it).
    pub reminder_id: i64,
    /// Its deadline.
    pub deadline_id: i64,
    /// The deadline's title.
    pub title: String,
    /// The deadline's due day, `YYYY-MM-DD`.
    pub due_date: String,
    /// The deadline's due time, `HH:MM`, if any.
    pub due_time: Option<String>,
    /// The deadline's time zone.
    pub time_zone: String,
    /// The deadline's review in words, if any.
    pub review: Option<String>,
    /// When the reminder fired (or was due to), RFC 3339 UTC.
    pub fires_at: String,
    /// The deadline's due time has passed.
    pub overdue: bool,
}

/// What a reminder check found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderCheck {
    /// Came due while the app runs: notify now.
    pub due: Vec<DueReminder>,
    /// Came due while the app was closed: list once.
    pub missed: Vec<DueReminder>,
}

/// A Human Rights Council regular session as Docket uses it: the built-in dates or the user's
/// correction of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HrcSessionDates {
    /// Session number (e.g. 46).
    pub number: u32,
    /// First day, `YYYY-MM-DD`.
    pub opens: String,
    /// Last day, `YYYY-MM-DD`.
    pub closes: String,
    /// The dates come from the user (Settings), not from Docket's table.
    pub edited: bool,
    /// Docket's table has no dates for it: they follow the usual months and are a guess until
    /// the user corrects them.
    pub estimated: bool,
}

/// A change to a computed event's date, made by the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDateEdit {
    /// The review.
    pub review_id: i64,
    /// The computed event (not `custom`).
    pub kind: EventKind,
    /// The new day, `YYYY-MM-DD`.
    pub date: String,
    /// Official: it wins over the rule and is shown as confirmed.
    pub confirmed: bool,
}
