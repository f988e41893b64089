//! `docket-cli calendar`: the calendar as a table, as JSON, or written to an iCalendar file.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use docket_core::calendar::ics::{self, kind_label};
use docket_core::calendar::{CalendarEvent, DeadlineStatus, EventKind};
use docket_core::{Error, Store};
use serde::Serialize;

/// What `calendar --json` prints.
#[derive(Serialize)]
pub struct CalendarJson<'a> {
    /// The events, in the store's (date) order.
    pub events: &'a [CalendarEvent],
}

/// The events of one review (checked to exist first, for a plain message) or of all of them,
/// as of `now`.
pub fn events(
    store: &Store,
    review: Option<i64>,
    now: SystemTime,
) -> Result<Vec<CalendarEvent>, Error> {
    if let Some(id) = review {
        store.review(id)?;
    }
    // `SystemTime` converts into chrono's `DateTime<Utc>`: the same clock as `Utc::now()`.
    store.calendar(review, now.into())
}

/// The calendar's name in the file: "Docket", or "Docket: <the review>" for one review.
pub fn calendar_name(store: &Store, review: Option<i64>, events: &[CalendarEvent]) -> String {
    let Some(id) = review else {
        return ics::DEFAULT_NAME.to_owned();
    };
    let words = events
        .iter()
        .find_map(|e| e.review.clone().filter(|r| !r.trim().is_empty()))
        .or_else(|| {
            store.review(id).ok().map(|r| match r.wg_session {
                Some(n) => format!("{}, WG {n}", r.state_under_review),
                None => r.state_under_review,
            })
        });
    match words {
        Some(w) => format!("{}: {w}", ics::DEFAULT_NAME),
        None => ics::DEFAULT_NAME.to_owned(),
    }
}

/// Writes the events to `path` as iCalendar, through a temporary file in the same folder renamed
/// over it (a failure leaves no partial file); returns how many events it holds.
pub fn write_ics_file(
    path: &Path,
    name: &str,
    events: &[CalendarEvent],
    now: SystemTime,
) -> Result<usize, Error> {
    let content = ics::write_ics_named(name, events, now.into());
    write_atomically(path, content.as_bytes())?;
    Ok(ics::exported_count(events))
}

fn write_atomically(path: &Path, content: &[u8]) -> Result<(), Error> {
    let context = || format!("could not write {}", path.display());
    if path.is_dir() {
        return Err(Error::InvalidInput(format!(
            "{} is a folder: give a file name, e.g. {}",
            path.display(),
            path.join("docket.ics").display()
        )));
    }
    let file_name = path.file_name().ok_or_else(|| {
        Error::InvalidInput(format!(
            "--ics {}: give a file name, e.g. docket.ics",
            path.display()
        ))
    })?;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp = folder.join(format!(
        ".{}.{}.tmp",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&temp)?;
        file.write_all(content)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if let Err(e) = written {
        // Best effort: the temporary file may not exist (the folder is missing or read-only).
        let _ = std::fs::remove_file(&temp);
        return Err(Error::io(context(), e));
    }
    Ok(())
}

/// "Wrote 9 events to PATH."
pub fn written_text(path: &Path, count: usize) -> String {
    format!(
        "Wrote {count} event{} to {}.",
        if count == 1 { "" } else { "s" },
        path.display()
    )
}

/// The events as a table: date, kind, flags, title, review (the title's column is at most 60
/// characters wide: a longer title only pushes its own row's review to the right).
pub fn table(events: &[CalendarEvent], review: Option<i64>) -> String {
    if events.is_empty() {
        return match review {
            Some(id) => format!(
                "No calendar events for review {id}: it needs a Working Group session or a date \
                 (see `docket-cli reviews`)."
            ),
            None => "No calendar events yet. Load the sample with `docket-cli sample`.".to_owned(),
        };
    }
    let rows: Vec<[String; 5]> = events
        .iter()
        .map(|e| {
            [
                when(e),
                kind_label(e.kind).to_owned(),
                flags(e).join(", "),
                e.title.clone(),
                e.review.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let header = ["DATE", "KIND", "FLAGS", "TITLE", "REVIEW"].map(str::to_owned);
    let mut widths = [0usize; 5];
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    // A long title overflows its column rather than widening every row.
    widths[3] = widths[3].min(60);
    let line = |row: &[String; 5]| {
        let mut s = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            if i == row.len() - 1 {
                s.push_str(cell);
            } else {
                s.push_str(&format!("{cell:<w$}  "));
            }
        }
        s.trim_end().to_owned()
    };
    let mut lines = vec![format!(
        "{} event{}",
        events.len(),
        if events.len() == 1 { "" } else { "s" }
    )];
    lines.push(line(&header));
    lines.extend(rows.iter().map(line));
    lines.join("\n")
}

/// "2021-03-17", "2020-11-02 to 2020-11-13" or "2021-03-04 12:00 Europe/Zurich".
fn when(e: &CalendarEvent) -> String {
    let mut s = e.date.clone();
    if let Some(end) = e.end_date.as_deref().filter(|end| *end != e.date) {
        s.push_str(" to ");
        s.push_str(end);
    }
    if let Some(time) = &e.time {
        s.push(' ');
        s.push_str(time);
        if let Some(zone) = e.time_zone.as_deref().filter(|z| !z.is_empty()) {
            s.push(' ');
            s.push_str(zone);
        }
    }
    s
}

fn flags(e: &CalendarEvent) -> Vec<&'static str> {
    let mut flags = Vec::new();
    if e.confirmed {
        flags.push("confirmed");
    }
    if e.edited {
        flags.push("edited");
    }
    if e.kind != EventKind::Custom && !e.confirmed && !e.edited {
        flags.push("estimated");
    }
    if e.deadline
        .as_ref()
        .is_some_and(|d| d.status == DeadlineStatus::Done)
    {
        flags.push("done");
    }
    if e.overdue {
        flags.push("overdue");
    }
    if e.reminder_due {
        flags.push("reminder due");
    }
    flags
}
