//! Benchmark (run by `make bench`): the calendar of a full database.
//!
//! Every UN member State reviewed in each of the four cycles (772 reviews, one per State and
//! cycle, spread over the Working Group sessions of Docket's table), 500 deadlines of the
//! organization with three reminders each, a date edited on every tenth review. Prints a Markdown
//! table: the median and 95th percentile of `Store::calendar` for everything (what the Calendar
//! tab's overdue count and "All reviews" load) and for one review (what the agenda and the
//! dashboard load), of a reminder check, and of writing everything as an .ics file.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use docket_core::calendar::{ics, DeadlineStatus, EventDateEdit, EventKind, NewDeadline, GENEVA};
use docket_core::domain::NewReview;
use docket_core::states::STATES;
use docket_core::Store;

const RUNS: usize = 30;
const DEADLINES: usize = 500;
/// The agenda of everything should open at once.
const TARGET_ALL_P95_MS: f64 = 100.0;

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort();
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[i].as_secs_f64() * 1000.0
}

fn measure<T>(mut f: impl FnMut() -> T) -> (f64, f64, T) {
    let mut times = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        last = Some(f());
        times.push(start.elapsed());
    }
    let p50 = percentile(&mut times, 0.5);
    let p95 = percentile(&mut times, 0.95);
    match last {
        Some(v) => (p50, p95, v),
        None => unreachable!("RUNS > 0"),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(&dir.path().join("bench.sqlite3"))?;
    // Cycle c reviews its States in sessions 13 + 14(c - 2) .. + 13 (1st cycle: 1 .. 12).
    let members: Vec<_> = STATES.iter().filter(|s| !s.observer).collect();
    let mut reviews = Vec::new();
    for cycle in 1..=4i64 {
        let (first, count) = if cycle == 1 {
            (1, 12)
        } else {
            (13 + 14 * (cycle - 2), 14)
        };
        for (i, state) in members.iter().enumerate() {
            let review = NewReview {
                state_under_review: state.name.to_owned(),
                cycle: Some(cycle),
                wg_session: Some(first + (i as i64 % count)),
                review_date: None,
                report_symbol: None,
                addendum_symbol: None,
                adoption_date: None,
            };
            reviews.push(store.create_review(&review, &[])?);
        }
    }
    for (i, review) in reviews.iter().enumerate().step_by(10) {
        store.set_event_date(&EventDateEdit {
            review_id: *review,
            kind: EventKind::Adoption,
            date: format!("20{:02}-03-{:02}", 10 + i % 15, 1 + i % 28),
            confirmed: i % 20 == 0,
        })?;
    }
    let now = Utc
        .with_ymd_and_hms(2026, 11, 24, 12, 0, 0)
        .single()
        .ok_or("bad clock")?;
    for i in 0..DEADLINES {
        let deadline = NewDeadline {
            review_id: Some(reviews[(i * 7) % reviews.len()]),
            event_kind: None,
            title: format!("Deadline {i}: brief the mission"),
            due_date: format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            due_time: (i % 2 == 0).then(|| "10:00".to_owned()),
            time_zone: GENEVA.into(),
            owner: "Amina".into(),
            status: if i % 5 == 0 {
                DeadlineStatus::Done
            } else {
                DeadlineStatus::ToDo
            },
            notes: String::new(),
            recommendation_ids: Vec::new(),
            reminders: vec![10080, 1440, 60],
        };
        store.create_deadline(&deadline, now)?;
    }

    let (all_p50, all_p95, all) = measure(|| store.calendar(None, now));
    let all = all?;
    let one = reviews[reviews.len() / 2];
    let (one_p50, one_p95, one_events) = measure(|| store.calendar(Some(one), now));
    let one_events = one_events?;
    let (ics_p50, ics_p95, file) = measure(|| ics::write_ics(&all, now));
    let (check_p50, check_p95, _) = measure(|| store.next_reminder_at());

    println!(
        "\n### Calendar: {} reviews, {DEADLINES} deadlines with 3 reminders each\n",
        reviews.len()
    );
    println!("| what | events | p50 | p95 |");
    println!("|---|---:|---:|---:|");
    println!(
        "| calendar of everything | {} | {all_p50:.1} ms | {all_p95:.1} ms |",
        all.len()
    );
    println!(
        "| calendar of one review | {} | {one_p50:.2} ms | {one_p95:.2} ms |",
        one_events.len()
    );
    println!(
        "| .ics of everything ({} KB) | {} | {ics_p50:.1} ms | {ics_p95:.1} ms |",
        file.len() / 1024,
        all.len()
    );
    println!("| next reminder (the timer's query) | | {check_p50:.2} ms | {check_p95:.2} ms |");
    let verdict = if all_p95 <= TARGET_ALL_P95_MS {
        "met"
    } else {
        "MISSED"
    };
    println!("\nTarget: calendar of everything p95 ≤ {TARGET_ALL_P95_MS} ms: {verdict}.");
    Ok(())
}
