//! Benchmark (run by `make bench`): the first page of a review with 100,000 generated
//! recommendations, as the app's table asks for it (a search with no words: 200 rows sorted by
//! paragraph, with every facet's counts).
//!
//! Prints a Markdown table: median and 95th percentile over repeated runs, on a database file
//! (not in memory), after a fresh open.

use std::time::{Duration, Instant};

use docket_core::domain::{NewRecommendation, NewReview, Position};
use docket_core::store::search::SearchRequest;
use docket_core::Store;

const ROWS: usize = 100_000;
const PAGE: i64 = 200;
const RUNS: usize = 200;

fn generated() -> Vec<NewRecommendation> {
    let states = [
        "Algeria",
        "Cabo Verde",
        "Paraguay",
        "Bolivarian Republic of Venezuela",
        "Türkiye",
        "Czech Republic",
        "Republic of Korea",
        "Côte d'Ivoire",
        "Nicaragua",
        "Netherlands",
    ];
    let themes = [
        "Death penalty",
        "Women's rights",
        "Migrants",
        "Torture",
        "Right to health",
    ];
    let positions = [
        Position::Supported,
        Position::Noted,
        Position::SupportedInPart,
        Position::Pending,
    ];
    (0..ROWS)
        .map(|i| NewRecommendation {
            // 140 sections of up to 1,000 items: numeric ordering matters (140.2 < 140.10).
            paragraph: format!("{}.{}", 26 + i / 1000, i % 1000 + 1),
            text: format!(
                "Recommendation {i}: take all necessary measures to ensure the protection of human rights defenders and journalists, and investigate every allegation of torture ({})",
                states[i % states.len()]
            ),
            states: vec![states[i % states.len()].into(), states[(i / 7) % states.len()].into()],
            position: positions[i % positions.len()],
            position_source: None,
            themes: vec![themes[i % themes.len()].into()],
            groups_of_persons: vec![],
            sdgs: vec![],
            action_category: Some((i % 5 + 1) as i64),
            tracking: None,
        })
        .collect()
}

fn stats(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("docket-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("bench.sqlite3");
    let review = NewReview {
        state_under_review: "Slovenia".into(),
        cycle: Some(4),
        wg_session: Some(46),
        review_date: Some("2024-11-11".into()),
        report_symbol: None,
        addendum_symbol: None,
        adoption_date: None,
    };
    let recs = generated();
    let t = Instant::now();
    let id = Store::open(&path)?.create_review(&review, &recs)?;
    let load = t.elapsed();

    // What the app asks when a review opens: its first page in paragraph order, with every
    // facet's counts; the pages after it while scrolling, without counts.
    let first_page = SearchRequest {
        review_id: Some(id),
        limit: PAGE,
        ..SearchRequest::default()
    };
    let last_page = SearchRequest {
        offset: ROWS as i64 - PAGE,
        facets: false,
        ..first_page.clone()
    };
    // Cold: a freshly opened store's first page (the search index is built on the way).
    let t = Instant::now();
    let store = Store::open(&path)?;
    let page = store.search(&first_page)?;
    let cold = t.elapsed();
    assert_eq!(page.total, ROWS as i64);
    assert_eq!(page.hits[1].paragraph, "26.2");

    let mut first = Vec::with_capacity(RUNS);
    let mut deep = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        let p = store.search(&first_page)?;
        first.push(t.elapsed());
        std::hint::black_box(p);
        let t = Instant::now();
        let p = store.search(&last_page)?;
        deep.push(t.elapsed());
        std::hint::black_box(p);
    }
    let (f50, f95) = stats(first);
    let (d50, d95) = stats(deep);
    println!(
        "| measure (100,000 recommendations, {PAGE}-row page, every facet counted on the first) | median | p95 | target |"
    );
    println!("|---|---|---|---|");
    println!("| first page, warm | {f50:.2} ms | {f95:.2} ms | ≤ 5 ms |");
    println!(
        "| first page right after opening the file | {:.2} ms | | |",
        cold.as_secs_f64() * 1000.0
    );
    println!(
        "| last page (offset {}) | {d50:.2} ms | {d95:.2} ms | |",
        ROWS as i64 - PAGE
    );
    println!(
        "| (setup) storing the 100,000 recommendations | {:.2} s | | |",
        load.as_secs_f64()
    );
    drop(store);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
