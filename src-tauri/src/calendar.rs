//! The calendar in the app: each review's timeline with the user's edits, the organization's
//! deadlines and their reminders, the Council's session dates (Settings) and the export as an
//! iCalendar file. Adapters only: the work is in `docket_core::store::calendar` and
//! `docket_core::calendar`, run off the main thread by [`Db::run`].
//!
//! Every change that can move a reminder wakes the reminder timer (`reminders.rs`), so that a
//! reminder already due is shown within a second.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use docket_core::calendar::{
    CalendarEvent, Deadline, DeadlineStatus, DueReminder, EventDateEdit, EventKind,
    HrcSessionDates, NewDeadline,
};
use docket_core::export::write;
use tauri::{AppHandle, Runtime, State};

use crate::db::Db;
use crate::error::IpcError;
use crate::now;
use crate::reminders::Reminders;

type Res<T> = Result<T, IpcError>;

pub use crate::dialogs::TEST_SAVE_FILE_ENV;

/// The longest a reminder can be snoozed, in minutes (7 days).
pub const MAX_SNOOZE_MINUTES: i64 = 7 * 24 * 60;

/// The calendar of one review (`review_id`) or of everything (`None`), in date order.
#[tauri::command]
pub async fn calendar(db: State<'_, Arc<Db>>, review_id: Option<i64>) -> Res<Vec<CalendarEvent>> {
    db.run(move |s| s.calendar(review_id, now().into())).await
}

/// How many of the organization's deadlines are overdue (the Calendar tab's count), without
/// loading the calendar.
#[tauri::command]
pub async fn overdue_count(db: State<'_, Arc<Db>>) -> Res<usize> {
    db.run(move |s| s.overdue_count(now().into())).await
}

/// Sets a computed event's date, and whether it is confirmed (official). `edit` is taken as raw
/// JSON so that a malformed one is refused as `invalid_input` with a message. Computed events
/// have no reminders: the timer is not woken.
#[tauri::command]
pub async fn set_event_date(db: State<'_, Arc<Db>>, edit: serde_json::Value) -> Res<()> {
    let edit: EventDateEdit = IpcError::parse(edit, "this date")?;
    db.run(move |s| s.set_event_date(&edit)).await
}

/// Gives a computed event back to its rule.
#[tauri::command]
pub async fn reset_event_date(
    db: State<'_, Arc<Db>>,
    review_id: i64,
    kind: serde_json::Value,
) -> Res<()> {
    let kind: EventKind = IpcError::parse(kind, "this kind of event")?;
    db.run(move |s| s.reset_event_date(review_id, kind)).await
}

/// Creates a deadline (`id` is `None`) or replaces one's content; returns it as saved.
#[tauri::command]
pub async fn save_deadline(
    db: State<'_, Arc<Db>>,
    reminders: State<'_, Arc<Reminders>>,
    id: Option<i64>,
    deadline: serde_json::Value,
) -> Res<Deadline> {
    let deadline: NewDeadline = IpcError::parse(deadline, "this deadline")?;
    db.run_waking(&reminders, move |s| match id {
        None => s.create_deadline(&deadline, now().into()),
        Some(id) => s.update_deadline(id, &deadline, now().into()),
    })
    .await
}

/// Sets a deadline's status (`to_do`, `in_progress`, `done`); returns it as saved.
#[tauri::command]
pub async fn set_deadline_status(
    db: State<'_, Arc<Db>>,
    reminders: State<'_, Arc<Reminders>>,
    id: i64,
    status: serde_json::Value,
) -> Res<Deadline> {
    let status: DeadlineStatus = IpcError::parse(status, "this status")?;
    db.run_waking(&reminders, move |s| {
        s.set_deadline_status(id, status, now().into())
    })
    .await
}

/// Deletes a deadline with its reminders.
#[tauri::command]
pub async fn delete_deadline(
    db: State<'_, Arc<Db>>,
    reminders: State<'_, Arc<Reminders>>,
    id: i64,
) -> Res<()> {
    db.run_waking(&reminders, move |s| s.delete_deadline(id))
        .await
}

/// The deadlines linked to a recommendation, soonest first.
#[tauri::command]
pub async fn recommendation_deadlines(
    db: State<'_, Arc<Db>>,
    recommendation_id: i64,
) -> Res<Vec<Deadline>> {
    db.run(move |s| s.deadlines_for_recommendation(recommendation_id))
        .await
}

/// Snoozes a reminder for `minutes` (1 minute to 7 days): it comes due again then.
#[tauri::command]
pub async fn snooze_reminder(
    db: State<'_, Arc<Db>>,
    reminders: State<'_, Arc<Reminders>>,
    id: i64,
    minutes: i64,
) -> Res<()> {
    let until = snooze_until(now(), minutes)?;
    db.run_waking(&reminders, move |s| s.snooze_reminder(id, until.into()))
        .await
}

/// When a reminder snoozed at `now` for `minutes` comes due again.
fn snooze_until(now: SystemTime, minutes: i64) -> Res<SystemTime> {
    u64::try_from(minutes)
        .ok()
        .filter(|m| (1..=MAX_SNOOZE_MINUTES as u64).contains(m))
        .map(|m| now + Duration::from_secs(m * 60))
        .ok_or_else(|| {
            IpcError::invalid_input(format!(
                "A reminder can be snoozed for 1 minute to 7 days, not {minutes} minutes. Choose another time."
            ))
        })
}

/// The reminders that came due while Docket was closed, once: later calls return an empty list.
/// Waits for the reminder timer's first check if it has not run yet.
#[tauri::command]
pub async fn take_missed_reminders(reminders: State<'_, Arc<Reminders>>) -> Res<Vec<DueReminder>> {
    Ok(reminders.take_missed().await)
}

/// The Council's sessions: Docket's table with the user's corrections.
#[tauri::command]
pub async fn hrc_sessions(db: State<'_, Arc<Db>>) -> Res<Vec<HrcSessionDates>> {
    db.run(|s| s.hrc_session_list()).await
}

/// Corrects a Council session's dates (`YYYY-MM-DD`); returns the sessions.
#[tauri::command]
pub async fn set_hrc_session(
    db: State<'_, Arc<Db>>,
    reminders: State<'_, Arc<Reminders>>,
    number: u32,
    opens: String,
    closes: String,
) -> Res<Vec<HrcSessionDates>> {
    db.run_waking(&reminders, move |s| {
        s.set_hrc_session(number, &opens, &closes)?;
        s.hrc_session_list()
    })
    .await
}

/// Gives a Council session back its dates from Docket's table; returns the sessions.
#[tauri::command]
pub async fn reset_hrc_session(
    db: State<'_, Arc<Db>>,
    reminders: State<'_, Arc<Reminders>>,
    number: u32,
) -> Res<Vec<HrcSessionDates>> {
    db.run_waking(&reminders, move |s| {
        s.reset_hrc_session(number)?;
        s.hrc_session_list()
    })
    .await
}

/// Writes the calendar of one review (or of everything) as an iCalendar file where the person
/// chooses in the native save dialog. Returns the path written, or `None` when cancelled.
#[tauri::command]
pub async fn export_ics<R: Runtime>(
    app: AppHandle<R>,
    db: State<'_, Arc<Db>>,
    review_id: Option<i64>,
) -> Res<Option<String>> {
    // Read first, so that a review that no longer exists is reported before the dialog opens.
    let (ics, state) = db
        .run(move |s| {
            let now = now();
            let events = s.calendar(review_id, now.into())?;
            let state = match review_id {
                Some(id) => s
                    .list_reviews()?
                    .into_iter()
                    .find(|r| r.id == id)
                    .map(|r| r.state_under_review),
                None => None,
            };
            Ok((
                docket_core::calendar::ics::write_ics(&events, now.into()),
                state,
            ))
        })
        .await?;
    let Some(path) = crate::dialogs::save_file(
        &app,
        "Export the calendar",
        &default_file_name(state.as_deref()),
        ("Calendar (iCalendar)", "ics"),
    )
    .await?
    else {
        return Ok(None);
    };
    let path = with_ics_extension(path);
    let written = path.clone();
    tauri::async_runtime::spawn_blocking(move || write::write_atomic(&written, ics.as_bytes()))
        .await
        .map_err(IpcError::internal)??;
    Ok(Some(path.display().to_string()))
}

/// The file name the save dialog proposes: "Docket calendar - <State>.ics", or "Docket
/// calendar.ics" for everything. Characters a file name cannot hold, and `..`, are left out.
pub fn default_file_name(state: Option<&str>) -> String {
    let state = state.map(write::safe_name).unwrap_or_default();
    if state.is_empty() {
        "Docket calendar.ics".to_owned()
    } else {
        format!("Docket calendar - {state}.ics")
    }
}

/// The chosen path, with `.ics` added when the person typed a name without an extension (the
/// dialog does not add it), unless a file of that name exists (it was not the one confirmed).
fn with_ics_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        return path;
    }
    let with = path.with_extension("ics");
    if with.exists() {
        path
    } else {
        with
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_name_names_the_state_without_path_tricks() {
        assert_eq!(default_file_name(None), "Docket calendar.ics");
        assert_eq!(
            default_file_name(Some("United States of America")),
            "Docket calendar - United States of America.ics"
        );
        assert_eq!(
            default_file_name(Some("Côte d'Ivoire")),
            "Docket calendar - Côte d'Ivoire.ics"
        );
        assert_eq!(
            default_file_name(Some("../../etc/passwd")),
            "Docket calendar - etc passwd.ics"
        );
        assert_eq!(
            default_file_name(Some("a\\b:c..d\n")),
            "Docket calendar - a b c.d.ics"
        );
        assert_eq!(default_file_name(Some(" / .. ")), "Docket calendar.ics");
    }

    #[test]
    fn snoozes_last_from_a_minute_to_a_week() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        assert_eq!(
            snooze_until(now, 10).ok(),
            Some(now + Duration::from_secs(600))
        );
        assert!(snooze_until(now, MAX_SNOOZE_MINUTES).is_ok());
        for bad in [0, -5, MAX_SNOOZE_MINUTES + 1, i64::MIN] {
            let err = snooze_until(now, bad).err();
            assert_eq!(
                err.map(|e| e.kind),
                Some(docket_core::ErrorKind::InvalidInput),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_name_without_an_extension_gets_ics() {
        assert_eq!(
            with_ics_extension(PathBuf::from("/nowhere/calendar")),
            PathBuf::from("/nowhere/calendar.ics")
        );
        assert_eq!(
            with_ics_extension(PathBuf::from("/nowhere/calendar.txt")),
            PathBuf::from("/nowhere/calendar.txt")
        );
    }
}
