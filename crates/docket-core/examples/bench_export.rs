//! Benchmark (run by `make bench`): export. The sample review's thematic briefing (347
//! recommendations) as Word and as PDF, and Docket's data table of 100,000 recommendations as an
//! Excel workbook, each from the store to the bytes of the file (the template read from the
//! database, then laid out).
//!
//! Prints a Markdown table of medians and 95th percentiles (the workbook: median and slowest of
//! 3 runs), and the first PDF apart: it also loads the fonts, once per process. typst's memory of
//! earlier layouts is cleared before each PDF run.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use docket_core::domain::{NewRecommendation, NewReview, Position};
use docket_core::export::{self, ExportFormat, ExportRequest, Template};
use docket_core::{sample, Store};

const ROWS: usize = 100_000;

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort();
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[i].as_secs_f64() * 1000.0
}

fn measure<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect()
}

fn request(review_id: i64, template: Template, format: ExportFormat) -> ExportRequest {
    ExportRequest::new(review_id, template, format)
}

fn generated() -> Vec<NewRecommendation> {
    let states = [
        "Algeria",
        "Cabo Verde",
        "Paraguay",
        "Türkiye",
        "Côte d'Ivoire",
        "Netherlands",
    ];
    let themes = ["Death penalty", "Women's rights", "Migrants", "Torture"];
    let positions = [Position::Supported, Position::Noted, Position::Pending];
    (0..ROWS)
        .map(|i| NewRecommendation {
            paragraph: format!("{}.{}", 26 + i / 1000, i % 1000 + 1),
            text: format!(
                "Recommendation {i}: take all necessary measures to ensure the protection of human \
                 rights defenders and journalists, and investigate every allegation of torture"
            ),
            states: vec![states[i % states.len()].into()],
            position: positions[i % positions.len()],
            position_source: Some("A/HRC/46/15/Add.1".into()),
            themes: vec![
                themes[i % themes.len()].into(),
                themes[(i / 3) % themes.len()].into(),
            ],
            groups_of_persons: vec![],
            sdgs: vec![],
            action_category: Some((i % 5 + 1) as i64),
            tracking: None,
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let today = NaiveDate::from_ymd_opt(2021, 2, 1).ok_or("date")?;
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(&dir.path().join("bench.sqlite3"))?;
    store.set_organization_name("Rights Watchers")?;
    let review = sample::load(&mut store)?;
    let big = store.create_review(
        &NewReview {
            state_under_review: "Paraguay".into(),
            cycle: Some(3),
            wg_session: Some(38),
            review_date: Some("2021-01-20".into()),
            report_symbol: None,
            addendum_symbol: None,
            adoption_date: None,
        },
        &generated(),
    )?;

    let render = |store: &Store, req: &ExportRequest| -> Result<usize, docket_core::Error> {
        Ok(export::render(store, req, today, &mut |_| {})?.bytes.len())
    };
    let docx = request(review, Template::Thematic, ExportFormat::Docx);
    let pdf = request(review, Template::Thematic, ExportFormat::Pdf);
    let xlsx = request(big, Template::Thematic, ExportFormat::Xlsx);

    let first_pdf = Instant::now();
    let pdf_bytes = render(&store, &pdf)?;
    let first_pdf = first_pdf.elapsed().as_secs_f64() * 1000.0;
    let docx_bytes = render(&store, &docx)?;
    let xlsx_bytes = render(&store, &xlsx)?;

    let mut docx_times = measure(30, || render(&store, &docx));
    // typst remembers layouts between runs; clear that memory before each run so that every run
    // lays the briefing out from scratch, as a first export of a new document does.
    let mut pdf_times = measure(10, || {
        typst::comemo::evict(0);
        render(&store, &pdf)
    });
    let mut xlsx_times = measure(3, || render(&store, &xlsx));

    println!("\nExport (from the store to the file's bytes):\n");
    println!("| what | size | median | p95 | target |");
    println!("| --- | --- | --- | --- | --- |");
    println!(
        "| sample thematic briefing, Word (30 runs) | {} KB | {:.1} ms | {:.1} ms | ≤ 200 ms |",
        docx_bytes / 1024,
        percentile(&mut docx_times, 0.5),
        percentile(&mut docx_times, 0.95)
    );
    println!(
        "| sample thematic briefing, PDF (10 runs, each laid out from scratch; the first, which also loads the fonts: {first_pdf:.0} ms) | {} KB | {:.0} ms | {:.0} ms | ≤ 1,000 ms |",
        pdf_bytes / 1024,
        percentile(&mut pdf_times, 0.5),
        percentile(&mut pdf_times, 0.95)
    );
    println!(
        "| {ROWS} recommendations, Excel (3 runs: median, slowest) | {:.1} MB | {:.2} s | {:.2} s | ≤ 5 s |",
        xlsx_bytes as f64 / (1024.0 * 1024.0),
        percentile(&mut xlsx_times, 0.5) / 1000.0,
        percentile(&mut xlsx_times, 1.0) / 1000.0
    );
    Ok(())
}
