//! Benchmark (run by `make bench`): importing a UPR Info export end to end — decode, parse,
//! canonicalize States, insert, index — on the real export of sessions 1-5 and on a generated
//! 100,000-row file of the same format, beside `sqlite3 .import` of the same file into a bare
//! table. Prints a Markdown table with rows/s, the ratio to `sqlite3 .import` and the peak memory
//! of this process (VmHWM).
//!
//! Each measurement runs in a child process (this program with an argument) so that its peak
//! memory is its own.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use docket_core::import::read::{read, ReadOptions};
use docket_core::Store;

const GENERATED_ROWS: usize = 100_000;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Child: imports `file` into a fresh database in `dir`; prints "seconds rows peak_mb".
fn child(file: &Path, dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let t = Instant::now();
    let bytes = std::fs::read(file)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let batch = read(&bytes, &name, &ReadOptions::default())?;
    drop(bytes);
    let mut store = Store::open(&dir.join("bench.sqlite3"))?;
    let summary = store.import(&batch, None, true, &mut |_, _| true)?;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{secs} {} {} {}",
        batch.rows,
        peak_rss_mb(),
        summary.recommendations_created
    );
    Ok(())
}

fn generate(path: &Path) -> std::io::Result<()> {
    let states = [
        "Algeria",
        "Cabo Verde",
        "Paraguay",
        "Bolivarian Republic of Venezuela",
        "Czech Republic",
        "Republic of Korea",
        "Côte d'Ivoire",
        "Netherlands",
        "Brazil",
        "Japan",
    ];
    let groups = [
        "Africa", "Africa", "GRULAC", "GRULAC", "EEG", "Asia", "Africa", "WEOG", "GRULAC", "Asia",
    ];
    let under = ["Slovenia", "Chile", "Kenya", "Viet Nam", "Norway"];
    let issues = [
        "Torture and other CID treatment",
        "Women's rights",
        "Death penalty",
        "Migrants",
        "Rights of the Child",
    ];
    let mut out = String::with_capacity(GENERATED_ROWS * 260);
    out.push_str(
        "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r\n",
    );
    for i in 0..GENERATED_ROWS {
        // Two rows (two recommending States) per recommendation.
        let rec = i / 2;
        let from = (i % 2) * 5 + rec % 5;
        out.push_str(&format!(
            "{},WEOG,,\"Recommendation {rec}: ensure that every allegation of torture is investigated promptly, impartially and effectively, and that perpetrators are brought to justice, in line with the Convention\",{},{},,{},{},\"{}, {}\",{}\r\n",
            under[rec % under.len()],
            states[from],
            groups[from],
            if rec % 3 == 0 { "Noted" } else { "Accepted" },
            rec % 5 + 1,
            issues[rec % issues.len()],
            issues[(rec + 1) % issues.len()],
            rec % 40 + 1,
        ));
    }
    std::fs::write(path, out)
}

/// `sqlite3 .import` of the same rows into a bare table. sqlite3 does not read bare-CR line
/// endings (it spins on the real export), so it gets a copy with CRLF endings.
fn sqlite3_import(file: &Path, dir: &Path) -> Option<f64> {
    let db = dir.join("bare.sqlite3");
    let _ = std::fs::remove_file(&db);
    let bytes = std::fs::read(file).ok()?;
    let text = String::from_utf8_lossy(&bytes)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let copy = dir.join("for-sqlite3.csv");
    std::fs::write(&copy, text.replace('\n', "\r\n")).ok()?;
    let file = copy.as_path();
    let t = Instant::now();
    let status = Command::new("sqlite3")
        .arg(&db)
        .arg(".mode csv")
        .arg(format!(".import '{}' bare", file.display()))
        .status()
        .ok()?;
    status.success().then(|| t.elapsed().as_secs_f64())
}

fn measure(file: &Path, dir: &Path) -> Result<(f64, u64, f64, u64), Box<dyn std::error::Error>> {
    let out = Command::new(std::env::current_exe()?)
        .arg("--child")
        .arg(file)
        .arg(dir)
        .output()?;
    if !out.status.success() {
        return Err(format!("import failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    let text = String::from_utf8(out.stdout)?;
    let f: Vec<&str> = text.split_whitespace().collect();
    match f.as_slice() {
        [secs, rows, peak, created] => Ok((
            secs.parse()?,
            rows.parse()?,
            peak.parse()?,
            created.parse()?,
        )),
        _ => Err(format!("unexpected child output {text:?}").into()),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 4 && args[1] == "--child" {
        return child(Path::new(&args[2]), Path::new(&args[3]));
    }
    let dir = std::env::temp_dir().join(format!("docket-bench-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let real = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/upr-info-export/sessions-01-05.csv");
    let generated: PathBuf = dir.join("generated-100k.csv");
    generate(&generated)?;

    println!(
        "| file | rows | recommendations | time | rows/s | sqlite3 .import | ratio | peak memory |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for (label, file) in [
        ("UPR Info sessions 1-5 (real)", real.as_path()),
        ("generated, 100,000 rows", generated.as_path()),
    ] {
        if !file.exists() {
            println!("| {label} | (not here) | | | | | | |");
            continue;
        }
        let run_dir = dir.join(label.len().to_string());
        std::fs::create_dir_all(&run_dir)?;
        let (secs, rows, peak, created) = measure(file, &run_dir)?;
        let bare = sqlite3_import(file, &run_dir);
        println!(
            "| {label} | {rows} | {created} | {:.0} ms | {:.0} | {} | {} | {peak:.0} MB |",
            secs * 1000.0,
            rows as f64 / secs,
            bare.map_or("sqlite3 not installed".into(), |b| format!(
                "{:.0} ms",
                b * 1000.0
            )),
            bare.map_or(String::new(), |b| format!("{:.1}×", secs / b)),
        );
    }
    println!(
        "\nTargets: ≥ 50,000 rows/s end to end, ≤ 3× `sqlite3 .import`, peak memory ≤ 200 MB."
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
