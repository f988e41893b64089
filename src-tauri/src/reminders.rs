//! The reminder timer: while the app runs it wakes when the next reminder comes due (at least once
//! a minute), asks the store what is due, requests a desktop notification for each reminder and
//! tells the UI. At launch its first check finds the reminders that came due while Docket was
//! closed; the UI takes them once with `take_missed_reminders`.
//!
//! The notification plugin's scheduled notifications are ignored on desktop, hence this timer.
//! What is due is decided by the core (`Store::check_reminders`, with the clock passed in); this
//! module only schedules the checks and delivers what they find.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use docket_core::calendar::DueReminder;
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::{watch, Notify};

use crate::db::Db;
use crate::error::IpcError;
use crate::events::{AppEvent, AppEvents};

/// In debug builds only (the end-to-end tests), each notification requested is also written to
/// this file as one JSON line `{"title", "body", "deadline_id"}`, because a test cannot read the
/// desktop's notifications (and under Xvfb there is no notification daemon). Release builds never
/// read it.
pub const TEST_NOTIFICATIONS_ENV: &str = "DOCKET_TEST_NOTIFICATIONS";

/// The longest the timer sleeps: it checks at least once a minute, so that a changed clock or a
/// computer waking from sleep is noticed soon.
const MAX_SLEEP: Duration = Duration::from_secs(60);

/// The shortest the timer sleeps between two checks it scheduled itself (a wake-up is immediate).
const MIN_SLEEP: Duration = Duration::from_millis(500);

/// How long `take_missed_reminders` waits for the first check before answering without it.
const FIRST_CHECK_WAIT: Duration = Duration::from_secs(60);

/// The app's reminder state (managed Tauri state).
pub struct Reminders {
    /// What the first check at launch found, until the UI takes it.
    missed: Mutex<Vec<DueReminder>>,
    /// Set once the first check has run (whether it succeeded or not).
    checked: watch::Sender<bool>,
    /// Wakes the timer for a check now (after a deadline or a reminder changed).
    wake: Notify,
}

impl Reminders {
    /// A new, shared reminder state.
    pub fn new() -> Arc<Reminders> {
        Arc::new(Reminders {
            missed: Mutex::new(Vec::new()),
            checked: watch::Sender::new(false),
            wake: Notify::new(),
        })
    }

    /// Asks the timer to check now (a wake-up while it checks is kept for the next sleep).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Records what the first check found, and that it has run.
    fn set_missed(&self, missed: Vec<DueReminder>) {
        let mut slot = self.missed.lock().unwrap_or_else(|p| p.into_inner());
        slot.extend(missed);
        drop(slot);
        self.checked.send_replace(true);
    }

    /// The reminders missed while the app was closed, once: later calls return an empty list.
    /// Waits for the first check if it has not run yet.
    pub async fn take_missed(&self) -> Vec<DueReminder> {
        let mut checked = self.checked.subscribe();
        if tokio::time::timeout(FIRST_CHECK_WAIT, checked.wait_for(|done| *done))
            .await
            .is_err()
        {
            eprintln!("Docket's first reminder check has not finished; no missed reminders listed");
        }
        let mut slot = self.missed.lock().unwrap_or_else(|p| p.into_inner());
        std::mem::take(&mut *slot)
    }
}

/// Starts the timer (from the app's `setup`, once the database and [`Reminders`] are managed).
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move { run(app).await });
}

/// The timer's loop: the check at launch, then a check whenever the next reminder comes due, a
/// minute has passed or something changed. A failure is logged and retried at the next tick.
async fn run<R: Runtime>(app: AppHandle<R>) {
    let (Some(db), Some(reminders)) = (
        app.try_state::<Arc<Db>>().map(|s| Arc::clone(&s)),
        app.try_state::<Arc<Reminders>>().map(|s| Arc::clone(&s)),
    ) else {
        eprintln!("Docket's reminder timer could not start: the database is not ready");
        return;
    };
    if let Err(e) = check_at_launch(&app, SystemTime::now()).await {
        eprintln!("Docket could not check for missed reminders: {}", e.message);
    }
    loop {
        let next = db.run(|s| s.next_reminder_at()).await;
        let delay = match next {
            Ok(next) => sleep_for(next.map(SystemTime::from), SystemTime::now()),
            Err(e) => {
                eprintln!("Docket could not read its next reminder: {}", e.message);
                MAX_SLEEP
            }
        };
        // Either the time has come or something changed: check in both cases.
        let _ = tokio::time::timeout(delay, reminders.wake.notified()).await;
        if let Err(e) = check_now(&app, SystemTime::now()).await {
            eprintln!("Docket could not check its reminders: {}", e.message);
        }
    }
}

/// How long to sleep until the next reminder at `next` (none: the longest), seen at `now`.
pub fn sleep_for(next: Option<SystemTime>, now: SystemTime) -> Duration {
    let until = next
        .map(|at| at.duration_since(now).unwrap_or(Duration::ZERO))
        .unwrap_or(MAX_SLEEP);
    until.clamp(MIN_SLEEP, MAX_SLEEP)
}

/// The first check at launch: the reminders that came due while the app was closed are marked
/// shown and kept for [`Reminders::take_missed`]. `take_missed` stops waiting once this has run,
/// even when it failed.
pub async fn check_at_launch<R: Runtime>(
    app: &AppHandle<R>,
    now: SystemTime,
) -> Result<(), IpcError> {
    let reminders = state::<R, Arc<Reminders>>(app)?;
    let result = match state::<R, Arc<Db>>(app) {
        Ok(db) => db.run(move |s| s.check_reminders(now.into(), true)).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(check) => {
            // A reminder found "due" at launch came due in the last instant: show it like the
            // missed ones rather than lose it.
            let mut missed = check.missed;
            missed.extend(check.due);
            reminders.set_missed(missed);
            Ok(())
        }
        Err(e) => {
            reminders.set_missed(Vec::new());
            Err(e)
        }
    }
}

/// One check while the app runs: the reminders due by `now` are marked shown, notified on the
/// desktop and sent to the UI. Returns them.
pub async fn check_now<R: Runtime>(
    app: &AppHandle<R>,
    now: SystemTime,
) -> Result<Vec<DueReminder>, IpcError> {
    let db = state::<R, Arc<Db>>(app)?;
    let check = db
        .run(move |s| s.check_reminders(now.into(), false))
        .await?;
    let mut due = check.due;
    // Not expected after launch; shown rather than lost.
    due.extend(check.missed);
    if due.is_empty() {
        return Ok(due);
    }
    let for_notifications = due.clone();
    let notifier = app.clone();
    // The test log is a file: written off the async workers.
    let notified = tauri::async_runtime::spawn_blocking(move || {
        notify(&notifier, &for_notifications);
    })
    .await;
    if let Err(e) = notified {
        eprintln!("Docket could not show its notifications: {e}");
    }
    if let Some(hub) = app.try_state::<Arc<AppEvents>>() {
        hub.send(AppEvent::Reminders { due: due.clone() });
    }
    Ok(due)
}

/// A managed state, or an internal error if the app has not set it up.
fn state<R: Runtime, T: Clone + Send + Sync + 'static>(app: &AppHandle<R>) -> Result<T, IpcError> {
    app.try_state::<T>()
        .map(|s| s.inner().clone())
        .ok_or_else(|| IpcError::internal("the reminder timer is not set up"))
}

/// A desktop notification as Docket words it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotificationText {
    /// "Docket: <deadline title>".
    pub title: String,
    /// "Due 10 Mar 2026, 14:00 Geneva time.", or "Overdue: it was due …" once the due time has
    /// passed; the review on a second line.
    pub body: String,
    /// The deadline.
    pub deadline_id: i64,
}

/// What the notification of a due reminder says.
pub fn notification_text(reminder: &DueReminder) -> NotificationText {
    let when = docket_core::calendar::due_words(
        &reminder.due_date,
        reminder.due_time.as_deref(),
        &reminder.time_zone,
    );
    let mut body = if reminder.overdue {
        format!("Overdue: it was due {when}.")
    } else {
        format!("Due {when}.")
    };
    if let Some(review) = &reminder.review {
        body.push('\n');
        body.push_str(review);
    }
    NotificationText {
        title: format!("Docket: {}", reminder.title),
        body,
        deadline_id: reminder.deadline_id,
    }
}

/// Requests a desktop notification for each reminder. A failure (no notification service, as
/// under Xvfb) is logged: the UI still shows the reminders.
fn notify<R: Runtime>(app: &AppHandle<R>, due: &[DueReminder]) {
    #[cfg(debug_assertions)]
    let test_log = std::env::var_os(TEST_NOTIFICATIONS_ENV);
    for reminder in due {
        let text = notification_text(reminder);
        #[cfg(debug_assertions)]
        if let Some(path) = &test_log {
            if let Err(e) = append_json_line(Path::new(path), &text) {
                eprintln!("Docket could not write the test notification log: {e}");
            }
        }
        if app
            .try_state::<tauri_plugin_notification::Notification<R>>()
            .is_none()
        {
            eprintln!("Docket cannot show notifications: the notification plugin is not loaded");
            continue;
        }
        let shown = app
            .notification()
            .builder()
            .title(&text.title)
            .body(&text.body)
            .show();
        if let Err(e) = shown {
            eprintln!("Docket could not show a notification: {e}");
        }
    }
}

/// Appends `value` to the file as one JSON line.
#[cfg_attr(not(debug_assertions), allow(dead_code))]
fn append_json_line(path: &Path, value: &impl Serialize) -> std::io::Result<()> {
    use std::io::Write;
    let mut line = serde_json::to_vec(value).map_err(std::io::Error::other)?;
    line.push(b'\n');
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    file.write_all(&line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reminder(overdue: bool, time: Option<&str>) -> DueReminder {
        DueReminder {
            reminder_id: 1,
            deadline_id: 7,
            title: "Register for the speakers list".into(),
            due_date: "2026-03-10".into(),
            due_time: time.map(str::to_owned),
            time_zone: "Europe/Zurich".into(),
            review: None,
            fires_at: "2026-03-09T08:00:00Z".into(),
            overdue,
        }
    }

    #[test]
    fn notifications_name_the_deadline_its_due_time_and_zone() {
        let text = notification_text(&reminder(false, Some("14:00")));
        assert_eq!(text.title, "Docket: Register for the speakers list");
        assert_eq!(text.body, "Due 10 Mar 2026, 14:00 Geneva time.");
        assert_eq!(text.deadline_id, 7);
        let mut late = reminder(true, None);
        late.review = Some("Slovenia, WG 48".into());
        let text = notification_text(&late);
        assert_eq!(
            text.body,
            "Overdue: it was due 10 Mar 2026.\nSlovenia, WG 48"
        );
        let mut elsewhere = reminder(false, Some("09:30"));
        elsewhere.time_zone = "America/New_York".into();
        assert_eq!(
            notification_text(&elsewhere).body,
            "Due 10 Mar 2026, 09:30 New York time."
        );
    }

    #[test]
    fn the_timer_sleeps_until_the_next_reminder_within_bounds() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        assert_eq!(sleep_for(None, now), MAX_SLEEP);
        assert_eq!(
            sleep_for(Some(now + Duration::from_secs(5)), now),
            Duration::from_secs(5)
        );
        assert_eq!(
            sleep_for(Some(now + Duration::from_secs(3600)), now),
            MAX_SLEEP
        );
        assert_eq!(
            sleep_for(Some(now - Duration::from_secs(5)), now),
            MIN_SLEEP,
            "a reminder already due is checked soon, without spinning"
        );
    }
}
