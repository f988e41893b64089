//! Benchmark (run by `make bench`): search with every facet's counts over 100,000
//! recommendations, beside `grep -ci` of the same words over the same recommendations as CSV.
//!
//! The recommendations are real ones: the sample review (United States 2020) and UPR Info's
//! export of sessions 1-5 (`../shared/data`, 80 reviews), stored again and again as later
//! sessions of the same reviews until there are 100,000 (as in `bench_import`'s largest file),
//! with groups of persons, SDGs and the organization's tracking (priority, statuses, assignee,
//! tags, last change) on a part of them. Without the export, the sample alone is repeated.
//!
//! Prints a Markdown table: per query, the median and 95th percentile of `Store::search` (all
//! reviews, every facet counted, first page of 50) over repeated runs, the median of `grep -ci`
//! over the CSV, and their ratio; then the time to build the search index.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use docket_core::domain::{NewRecommendation, NewReview};
use docket_core::import::read::{read, ReadOptions};
use docket_core::store::search::{Facet, SearchRequest, Sort};
use docket_core::{sample, Store};

const ROWS: usize = 100_000;
const RUNS: usize = 50;
const GREP_RUNS: usize = 7;
const TARGET_P95_MS: f64 = 20.0;
const TARGET_RATIO: f64 = 10.0;

/// OHCHR's groups of persons and the SDGs, given to a part of the recommendations (the real
/// files here have none; UHRI exports do).
const GROUPS: [&str; 10] = [
    "Women & girls",
    "Children",
    "Persons with disabilities",
    "Migrants",
    "Indigenous peoples",
    "Human rights defenders",
    "Persons deprived of their liberty",
    "Lesbian, gay, bisexual, transgender and intersex persons",
    "Minorities",
    "Journalists",
];
const SDGS: [&str; 17] = [
    "1 - NO POVERTY",
    "2 - ZERO HUNGER",
    "3 - GOOD HEALTH AND WELL-BEING",
    "4 - QUALITY EDUCATION",
    "5 - GENDER EQUALITY",
    "6 - CLEAN WATER AND SANITATION",
    "7 - AFFORDABLE AND CLEAN ENERGY",
    "8 - DECENT WORK AND ECONOMIC GROWTH",
    "9 - INDUSTRY, INNOVATION AND INFRASTRUCTURE",
    "10 - REDUCED INEQUALITIES",
    "11 - SUSTAINABLE CITIES AND COMMUNITIES",
    "12 - RESPONSIBLE CONSUMPTION AND PRODUCTION",
    "13 - CLIMATE ACTION",
    "14 - LIFE BELOW WATER",
    "15 - LIFE ON LAND",
    "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
    "17 - PARTNERSHIPS FOR THE GOALS",
];

/// A review and its recommendations.
type Review = (NewReview, Vec<NewRecommendation>);

/// The real reviews: the sample, and the export's when it is there.
fn real_reviews() -> Result<Vec<Review>, Box<dyn std::error::Error>> {
    let mut reviews = vec![(sample::review(), sample::recommendations()?)];
    let export = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/upr-info-export/sessions-01-05.csv");
    match std::fs::read(&export) {
        Ok(bytes) => {
            let batch = read(&bytes, "sessions-01-05.csv", &ReadOptions::default())?;
            reviews.extend(
                batch
                    .reviews
                    .into_iter()
                    .map(|r| (r.review, r.recommendations)),
            );
        }
        Err(e) => eprintln!("({}: {e}; the sample alone is repeated)", export.display()),
    }
    Ok(reviews)
}

/// Stores the real reviews again and again (copy `k` in sessions `5 k` later, cycle `k mod 4 +
/// 1`) until there are [`ROWS`] recommendations.
fn generate(store: &mut Store) -> Result<(), Box<dyn std::error::Error>> {
    let reviews = real_reviews()?;
    let mut stored = 0usize;
    'copies: for copy in 0i64.. {
        for (review, recs) in &reviews {
            let review = NewReview {
                wg_session: Some(review.wg_session.unwrap_or(1) + 5 * copy),
                cycle: Some(copy % 4 + 1),
                report_symbol: None,
                ..review.clone()
            };
            let take = recs.len().min(ROWS - stored);
            let recs: Vec<NewRecommendation> = recs[..take]
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let h = stored + i;
                    let mut r = r.clone();
                    if h % 5 < 3 {
                        r.groups_of_persons = vec![GROUPS[h % GROUPS.len()].into()];
                        r.sdgs = vec![
                            SDGS[h % SDGS.len()].into(),
                            SDGS[(h / 3) % SDGS.len()].into(),
                        ];
                    }
                    r
                })
                .collect();
            store.create_review(&review, &recs)?;
            stored += take;
            if stored >= ROWS {
                break 'copies;
            }
        }
    }
    // The organization's work on one recommendation in ten: priority, statuses, assignee, last
    // change; a tag on one in twenty-five.
    store.write(|tx| {
        tx.execute_batch(
            "UPDATE recommendation SET
                 priority = CASE id % 3 WHEN 0 THEN 'high' WHEN 1 THEN 'medium' ELSE 'low' END,
                 lobbying_status = CASE id % 4 WHEN 0 THEN 'planned' WHEN 1 THEN 'in_progress'
                                   WHEN 2 THEN 'achieved' ELSE 'not_started' END,
                 implementation_status = CASE id % 3 WHEN 0 THEN 'not_implemented'
                                         ELSE 'partially_implemented' END,
                 assignee = CASE id % 5 WHEN 0 THEN 'Ana' WHEN 1 THEN 'Bo' WHEN 2 THEN 'Chidi'
                            ELSE '' END,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 1700000000 + id * 37, 'unixepoch')
             WHERE id % 10 = 0;
             INSERT INTO recommendation_label (recommendation_id, kind, value)
             SELECT id, 'tag', 'tag ' || (id % 12) FROM recommendation WHERE id % 25 = 0;",
        )?;
        Ok(())
    })?;
    Ok(())
}

/// The same recommendations as a CSV file, one line each (UPR Info's columns and more).
fn write_csv(store: &Store, path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = csv::Writer::from_path(path)?;
    out.write_record([
        "To",
        "Session",
        "Paragraph",
        "Text",
        "From",
        "Response",
        "Action",
        "Issue",
        "Groups",
        "SDGs",
    ])?;
    let mut stmt = store.conn().prepare(
        "SELECT v.state_under_review, v.wg_session, r.paragraph, r.text,
                (SELECT group_concat(name, '; ' ORDER BY ord) FROM recommending_state
                 WHERE recommendation_id = r.id),
                r.position, r.action_category,
                (SELECT group_concat(value, '; ') FROM recommendation_label
                 WHERE recommendation_id = r.id AND kind = 'theme'),
                (SELECT group_concat(value, '; ') FROM recommendation_label
                 WHERE recommendation_id = r.id AND kind = 'group'),
                (SELECT group_concat(value, '; ') FROM recommendation_label
                 WHERE recommendation_id = r.id AND kind = 'sdg')
         FROM recommendation r JOIN review v ON v.id = r.review_id
         ORDER BY r.review_id, r.sort_key",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let mut record: Vec<String> = Vec::with_capacity(10);
        for i in 0..10 {
            record.push(match r.get_ref(i)? {
                rusqlite::types::ValueRef::Null => String::new(),
                rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                v => v.as_str()?.to_owned(),
            });
        }
        out.write_record(&record)?;
    }
    out.flush()?;
    Ok(())
}

/// `grep -ci WORD FILE`, or for several words `grep -i W1 FILE | … | grep -ci WN` (lines with
/// every word): the seconds it took and its count.
fn grep(words: &[&str], file: &Path) -> Result<(f64, u64), Box<dyn std::error::Error>> {
    let t = Instant::now();
    let mut previous: Option<std::process::Child> = None;
    let mut children = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let last = i + 1 == words.len();
        let mut cmd = Command::new("grep");
        cmd.arg(if last { "-ci" } else { "-i" }).arg("--").arg(word);
        match previous.as_mut().and_then(|p| p.stdout.take()) {
            Some(stdout) => {
                cmd.stdin(Stdio::from(stdout));
            }
            None => {
                cmd.arg(file);
            }
        }
        cmd.stdout(Stdio::piped());
        let child = cmd.spawn()?;
        if let Some(p) = previous.replace(child) {
            children.push(p);
        }
    }
    let last = previous.ok_or("no word to grep")?.wait_with_output()?;
    for mut c in children {
        c.wait()?;
    }
    let secs = t.elapsed().as_secs_f64();
    let count = String::from_utf8(last.stdout)?.trim().parse()?;
    Ok((secs, count))
}

fn percentile(sorted: &[Duration], p: usize) -> f64 {
    let i = (sorted.len() * p / 100).min(sorted.len() - 1);
    sorted[i].as_secs_f64() * 1000.0
}

struct Query {
    label: &'static str,
    query: &'static str,
    filters: &'static [(Facet, &'static str)],
    sort: Sort,
    descending: bool,
    /// What `grep` looks for: each word (lines with all of them); empty for no equivalent.
    grep: &'static [&'static str],
    /// Whether `grep` does the whole search (not only its words, without its facet values).
    same: bool,
}

impl Query {
    /// Words alone, in paragraph order, that `grep` looks for the same way.
    const fn words(query: &'static str, grep: &'static [&'static str]) -> Query {
        Query {
            label: query,
            query,
            filters: &[],
            sort: Sort::Paragraph,
            descending: false,
            grep,
            same: true,
        }
    }
}

const QUERIES: &[Query] = &[
    Query::words("torture", &["torture"]),
    Query::words("\"death penalty\"", &["death penalty"]),
    Query::words("women", &["women"]),
    Query::words("tortur*", &["tortur"]),
    Query::words("children education", &["children", "education"]),
    Query::words("\"domestic violence\"", &["domestic violence"]),
    Query::words("Mexico", &["mexico"]),
    Query {
        label: "(no words) position=noted",
        filters: &[(Facet::Position, "noted")],
        ..Query::words("", &[",noted,"])
    },
    Query {
        label: "women, WEOG, noted or in part, by State ↓",
        filters: &[
            (Facet::RegionalGroup, "WEOG"),
            (Facet::Position, "noted"),
            (Facet::Position, "supported_in_part"),
        ],
        sort: Sort::State,
        descending: true,
        same: false,
        ..Query::words("women", &["women"])
    },
    Query {
        label: "(no words, no filter) by last change",
        sort: Sort::Changed,
        ..Query::words("", &[])
    },
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("docket-bench-search-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = dir.join("bench.sqlite3");
    let csv_path: PathBuf = dir.join("recommendations.csv");

    let t = Instant::now();
    {
        let mut store = Store::open(&db)?;
        generate(&mut store)?;
        write_csv(&store, &csv_path)?;
    }
    let setup = t.elapsed();

    let store = Store::open(&db)?;
    let t = Instant::now();
    store.prepare_search()?;
    let build = t.elapsed();
    // Built again (another fresh store), to see the build without the file's first reads.
    let again = Store::open(&db)?;
    let t = Instant::now();
    again.prepare_search()?;
    let build_warm = t.elapsed();
    drop(again);

    println!(
        "| query (100,000 recommendations, all reviews, {} facets counted, page of 50) | hits | median | p95 | grep -ci (median) | grep/docket |",
        Facet::ALL.len()
    );
    println!("|---|---|---|---|---|---|");
    // Each query runs once per round, the rounds one after the other: no query follows itself
    // (what a person does: new words, other facet values).
    let requests: Vec<SearchRequest> = QUERIES
        .iter()
        // The default request: all reviews, every facet counted, the first 50 hits.
        .map(|q| SearchRequest {
            query: q.query.into(),
            filters: q.filters.iter().map(|(f, v)| (*f, (*v).into())).collect(),
            sort: q.sort,
            descending: q.descending,
            ..SearchRequest::default()
        })
        .collect();
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(RUNS); QUERIES.len()];
    let mut totals = vec![0i64; QUERIES.len()];
    for _ in 0..RUNS {
        for (i, request) in requests.iter().enumerate() {
            let t = Instant::now();
            let result = store.search(request)?;
            times[i].push(t.elapsed());
            totals[i] = result.total;
            std::hint::black_box(result);
        }
    }
    let mut all: Vec<Duration> = Vec::new();
    let mut worst_ratio = f64::INFINITY;
    let mut worst_p95: f64 = 0.0;
    for ((q, mut times), total) in QUERIES.iter().zip(times).zip(totals) {
        all.extend(&times);
        times.sort();
        let (p50, p95) = (percentile(&times, 50), percentile(&times, 95));
        worst_p95 = worst_p95.max(p95);
        if q.grep.is_empty() {
            println!(
                "| {} | {total} | {p50:.2} ms | {p95:.2} ms | (no grep equivalent) | |",
                q.label
            );
            continue;
        }
        let mut greps = Vec::with_capacity(GREP_RUNS);
        let mut grep_count = 0;
        for _ in 0..GREP_RUNS {
            let (secs, count) = grep(q.grep, &csv_path)?;
            greps.push(Duration::from_secs_f64(secs));
            grep_count = count;
        }
        greps.sort();
        let g50 = percentile(&greps, 50);
        let ratio = g50 / p50;
        if q.same {
            worst_ratio = worst_ratio.min(ratio);
        }
        println!(
            "| {} | {total} | {p50:.2} ms | {p95:.2} ms | {g50:.1} ms (`{}`{}: {grep_count} lines) | {ratio:.0}×{} |",
            q.label,
            q.grep.join("` | `"),
            if q.same { "" } else { ", the words only" },
            if q.same { "" } else { " (not comparable)" },
        );
    }
    all.sort();
    println!(
        "| **all queries** | | {:.2} ms | {:.2} ms | | worst comparable {worst_ratio:.0}× |",
        percentile(&all, 50),
        percentile(&all, 95)
    );

    // A page fetched while scrolling: no counts, deep offset.
    let scroll = SearchRequest {
        query: "women".into(),
        facets: false,
        offset: 5_000,
        limit: 200,
        ..SearchRequest::default()
    };
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        std::hint::black_box(store.search(&scroll)?);
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "| (scrolling) `women`, no counts, 200 rows at offset 5,000 | | {:.2} ms | {:.2} ms | | |",
        percentile(&times, 50),
        percentile(&times, 95)
    );
    let t = Instant::now();
    let ids = store.search_ids(&SearchRequest {
        query: "women".into(),
        ..SearchRequest::default()
    })?;
    println!(
        "| (select all) `search_ids` of `women`: {} ids | | {:.2} ms | | | |",
        ids.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );

    println!();
    println!(
        "Search index build (once per change to the database): {:.0} ms on a freshly opened file, {:.0} ms again.",
        build.as_secs_f64() * 1000.0,
        build_warm.as_secs_f64() * 1000.0
    );
    println!(
        "CSV for grep: {:.1} MB. Setup (storing the recommendations, writing the CSV): {:.1} s.",
        std::fs::metadata(&csv_path)?.len() as f64 / (1024.0 * 1024.0),
        setup.as_secs_f64()
    );
    println!(
        "Targets: p95 ≤ {TARGET_P95_MS} ms per query (worst here {worst_p95:.2} ms), ≥ {TARGET_RATIO}× faster than grep (worst here {worst_ratio:.0}×)."
    );
    drop(store);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
