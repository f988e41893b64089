//! Benchmark (run by `make bench` under Xvfb): how long from launching the release app to its
//! recommendations list being rendered, and the idle memory (PSS) of the app's whole process tree
//! (app + WebKitWebProcess + WebKitNetworkProcess).
//!
//! Each launch is a new app process on a data folder that already holds the sample review, so
//! the list is the first thing the window shows. The clock starts before the WebDriver session is
//! requested (which launches the app) and stops when the first row is in the DOM: driver overhead
//! is counted against the app, never in its favour.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::Locator;
use support::{testid, Driver};

const LAUNCHES: usize = 7;

fn children_of(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return out;
    };
    for e in entries.flatten() {
        let Some(child) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{child}/stat")) else {
            continue;
        };
        // The command name is in parentheses and may hold spaces: fields follow the last ')'.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        if ppid == Some(pid) {
            out.push(child);
        }
    }
    out
}

fn tree(root: u32) -> Vec<u32> {
    let mut all = vec![root];
    let mut i = 0;
    while i < all.len() {
        let kids = children_of(all[i]);
        all.extend(kids);
        i += 1;
    }
    all
}

/// The running processes whose executable is `exe`.
fn processes_of(exe: &Path) -> Vec<u32> {
    let exe = std::fs::canonicalize(exe).unwrap_or_else(|_| exe.to_path_buf());
    std::fs::read_dir("/proc")
        .map(|d| {
            d.flatten()
                .filter_map(|e| e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()))
                .filter(|pid| {
                    std::fs::read_link(format!("/proc/{pid}/exe"))
                        .ok()
                        .as_deref()
                        == Some(exe.as_path())
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Proportional set size in kB, from /proc/PID/smaps_rollup.
fn pss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn process_name(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|s| s.trim().to_owned())
        .unwrap_or_default()
}

#[tokio::main]
async fn main() {
    let app = PathBuf::from(env!("CARGO_BIN_EXE_docket"));
    let home = tempfile::tempdir().unwrap();
    let driver = Driver::start(home.path());
    {
        let mut store = docket_core::Store::open(&driver.db_path()).unwrap();
        docket_core::sample::load(&mut store).unwrap();
    }
    let row = Locator::Css("[data-testid=\"rec-row\"]");
    let mut times = Vec::new();
    let mut pss = None;
    for launch in 0..LAUNCHES {
        let t0 = Instant::now();
        let c = driver.launch(&app).await;
        loop {
            if c.find(row).await.is_ok() {
                break;
            }
            assert!(
                t0.elapsed() < support::UI_TIMEOUT,
                "the list never rendered"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        times.push(t0.elapsed());
        support::wait_text(&c, &testid("rec-count"), |t| t.contains("347")).await;
        if launch == LAUNCHES - 1 {
            // Idle: the window is shown with its list, nothing happens for 5 s.
            tokio::time::sleep(Duration::from_secs(5)).await;
            let mut parts = Vec::new();
            for root in processes_of(&app) {
                for pid in tree(root) {
                    parts.push((process_name(pid), pss_kb(pid)));
                }
            }
            pss = Some(parts);
        }
        c.close().await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let parts = pss.unwrap_or_default();
    let total: u64 = parts.iter().map(|(_, kb)| kb).sum();
    let detail: Vec<String> = parts
        .iter()
        .map(|(name, kb)| format!("{name} {:.0}", *kb as f64 / 1024.0))
        .collect();
    println!("| measure (release build, Xvfb, {LAUNCHES} launches) | value | target |");
    println!("|---|---|---|");
    println!(
        "| start to list rendered, median (min – max) | {:.0} ms ({:.0} – {:.0}) | ≤ 1,000 ms |",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
    println!(
        "| idle PSS of the process tree | {:.0} MB ({}) | ≤ 330 MB |",
        total as f64 / 1024.0,
        detail.join(" + ")
    );
}
