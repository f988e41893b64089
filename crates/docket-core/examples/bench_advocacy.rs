//! Benchmark (run by `make bench`): what the statement editor and the lobbying pages ask of the
//! core, on the sample review (347 recommendations from 114 States).
//!
//! Prints a Markdown table of medians and 95th percentiles over 30 runs: counting the words of a
//! 2,000-word written statement, comparing two versions of it (a sentence in ten rewritten), the
//! "who to meet first" ranking, and Mexico's page.

use std::time::{Duration, Instant};

use docket_core::advocacy::{diff, words, StateKey};
use docket_core::{sample, Store};

const RUNS: usize = 30;

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort();
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[i].as_secs_f64() * 1000.0
}

fn measure<T>(mut f: impl FnMut() -> T) -> (f64, f64) {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        std::hint::black_box(f());
        times.push(start.elapsed());
    }
    (percentile(&mut times, 0.5), percentile(&mut times, 0.95))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sentence = "Nous saluons l’engagement de l’État et l’invitons à ratifier la Convention \
                    relative aux droits de l’enfant sans réserve.";
    let per = words::count_words(sentence);
    let old: Vec<String> = (0..2_000 / per)
        .map(|i| format!("{sentence} ({i})"))
        .collect();
    let left = old.join(" ");
    let right = old
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i % 10 == 0 {
                s.replace("sans réserve", "dans l’année")
            } else {
                s.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");

    let dir = tempfile::tempdir()?;
    let mut store = Store::open(&dir.path().join("bench.sqlite3"))?;
    let review = sample::load(&mut store)?;
    let mexico = StateKey {
        iso3: Some("MEX".into()),
        name: "Mexico".into(),
    };

    let count = words::count_words(&left);
    let parts = diff::diff_words(&left, &right).len();
    let ranked = store.who_to_meet_first(review)?.len();
    let (count_p50, count_p95) = measure(|| words::count_words(&left));
    let (diff_p50, diff_p95) = measure(|| diff::diff_words(&left, &right));
    let (rank_p50, rank_p95) = measure(|| store.who_to_meet_first(review));
    let (page_p50, page_p95) = measure(|| store.state_page(&mexico, Some(review)));

    println!("\n### Statements and lobbying (sample review)\n");
    println!("| what | size | p50 | p95 |");
    println!("|---|---|---:|---:|");
    println!("| count the words of a written statement | {count} words | {count_p50:.3} ms | {count_p95:.3} ms |");
    println!("| compare two versions of it | {parts} runs | {diff_p50:.2} ms | {diff_p95:.2} ms |");
    println!("| who to meet first | {ranked} States | {rank_p50:.2} ms | {rank_p95:.2} ms |");
    println!("| Mexico's page | | {page_p50:.2} ms | {page_p95:.2} ms |");
    Ok(())
}
