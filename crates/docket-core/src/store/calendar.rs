//! The calendar in the store: each review's computed timeline with the user's edits, the
//! Council's session dates as corrected in Settings, the organization's deadlines and their
//! reminders.

use chrono::{DateTime, Utc};

use super::Store;
use crate::calendar::{
    CalendarEvent, Deadline, DeadlineStatus, EventDateEdit, EventKind, HrcSessionDates,
    NewDeadline, ReminderCheck,
};
use crate::error::Result;

impl Store {
    /// The calendar of one review (`Some`) or of everything (`None`): computed events with the
    /// user's edits applied, and the organization's deadlines, in date order. `now` decides what
    /// is overdue and which reminders have come due.
    pub fn calendar(
        &self,
        review_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<Vec<CalendarEvent>> {
        let _ = (review_id, now);
        todo!("store calendar")
    }

    /// Sets a computed event's date (and whether it is confirmed).
    pub fn set_event_date(&mut self, edit: &EventDateEdit) -> Result<()> {
        let _ = edit;
        todo!("store calendar")
    }

    /// Gives a computed event back to its rule.
    pub fn reset_event_date(&mut self, review_id: i64, kind: EventKind) -> Result<()> {
        let _ = (review_id, kind);
        todo!("store calendar")
    }

    /// The Council's sessions for Settings: Docket's table with the user's corrections.
    pub fn hrc_session_list(&self) -> Result<Vec<HrcSessionDates>> {
        todo!("store calendar")
    }

    /// Corrects a Council session's dates (`YYYY-MM-DD`).
    pub fn set_hrc_session(&mut self, number: u32, opens: &str, closes: &str) -> Result<()> {
        let _ = (number, opens, closes);
        todo!("store calendar")
    }

    /// Gives a Council session back its dates from Docket's table.
    pub fn reset_hrc_session(&mut self, number: u32) -> Result<()> {
        let _ = number;
        todo!("store calendar")
    }

    /// One deadline.
    pub fn deadline(&self, id: i64) -> Result<Deadline> {
        let _ = id;
        todo!("store calendar")
    }

    /// The deadlines linked to a recommendation, soonest first.
    pub fn deadlines_for_recommendation(&self, recommendation_id: i64) -> Result<Vec<Deadline>> {
        let _ = recommendation_id;
        todo!("store calendar")
    }

    /// Creates a deadline with its links and reminders.
    pub fn create_deadline(
        &mut self,
        deadline: &NewDeadline,
        now: DateTime<Utc>,
    ) -> Result<Deadline> {
        let _ = (deadline, now);
        todo!("store calendar")
    }

    /// Replaces a deadline's content (its id and UID stay).
    pub fn update_deadline(
        &mut self,
        id: i64,
        deadline: &NewDeadline,
        now: DateTime<Utc>,
    ) -> Result<Deadline> {
        let _ = (id, deadline, now);
        todo!("store calendar")
    }

    /// Sets a deadline's status.
    pub fn set_deadline_status(
        &mut self,
        id: i64,
        status: DeadlineStatus,
        now: DateTime<Utc>,
    ) -> Result<Deadline> {
        let _ = (id, status, now);
        todo!("store calendar")
    }

    /// Deletes a deadline with its reminders.
    pub fn delete_deadline(&mut self, id: i64) -> Result<()> {
        let _ = id;
        todo!("store calendar")
    }

    /// The reminders that have come due by `now` and were not shown yet, marked shown. At launch
    /// (`at_launch`) they came due while the app was closed and are returned as `missed`;
    /// afterwards as `due` (to notify).
    pub fn check_reminders(
        &mut self,
        now: DateTime<Utc>,
        at_launch: bool,
    ) -> Result<ReminderCheck> {
        let _ = (now, at_launch);
        todo!("store calendar")
    }

    /// Snoozes a reminder: it comes due again at `until`.
    pub fn snooze_reminder(&mut self, id: i64, until: DateTime<Utc>) -> Result<()> {
        let _ = (id, until);
        todo!("store calendar")
    }

    /// When the next pending reminder comes due, if any (for the app's timer).
    pub fn next_reminder_at(&self) -> Result<Option<DateTime<Utc>>> {
        todo!("store calendar")
    }
}
