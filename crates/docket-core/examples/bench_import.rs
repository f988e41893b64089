//! Benchmark (run by `make bench`): importing a UPR Info export end to end — read the file,
//! decode, parse, canonicalize States, open the store, back it up, insert, index, commit — on the
//! real export of sessions 1-5, on a generated 100,000-row file of the same format, and on a file
//! as large as Docket accepts ([`MAX_FILE_BYTES`]), each beside `sqlite3 .import` of the same
//! rows into a bare table. Prints a Markdown table with rows/s, the ratio to `sqlite3 .import`
//! and the peak memory of the importing process (VmHWM).
//!
//! Each measurement runs in a child process (this program with an argument) so that its peak
//! memory is its own.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use docket_core::import::read::{read, ReadOptions, MAX_FILE_BYTES};
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

/// Child: imports `file` into a fresh database in `dir` as the app does (the file read whole,
/// read into a batch, its bytes dropped, the import committed); prints
/// "seconds rows peak_mb recommendations".
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

/// One generated row: two rows (two recommending States) per recommendation.
fn generated_row(i: usize) -> String {
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
    let rec = i / 2;
    let from = (i % 2) * 5 + rec % 5;
    format!(
        "{},WEOG,,\"Recommendation {rec}: ensure that every allegation of torture is investigated promptly, impartially and effectively, and that perpetrators are brought to justice, in line with the Convention\",{},{},,{},{},\"{}, {}\",{}\r\n",
        under[rec % under.len()],
        states[from],
        groups[from],
        if rec.is_multiple_of(3) { "Noted" } else { "Accepted" },
        rec % 5 + 1,
        issues[rec % issues.len()],
        issues[(rec + 1) % issues.len()],
        rec % 40 + 1,
    )
}

const GENERATED_HEADER: &str =
    "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r\n";

fn generate(path: &Path) -> std::io::Result<()> {
    let mut out = String::with_capacity(GENERATED_ROWS * 260);
    out.push_str(GENERATED_HEADER);
    for i in 0..GENERATED_ROWS {
        out.push_str(&generated_row(i));
    }
    std::fs::write(path, out)
}

/// A file just under [`MAX_FILE_BYTES`]: the real export's rows over and over (its encoding, line
/// endings and shape: about one row per recommendation, long texts), each copy in later
/// sessions so that every copy is new reviews and recommendations; without the real export, the
/// generated rows. Returns what it is made of.
fn generate_at_limit(real: &Path, path: &Path) -> std::io::Result<String> {
    let limit = usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX);
    let mut out: Vec<u8> = Vec::with_capacity(limit);
    let what = match std::fs::read(real) {
        Ok(bytes) => {
            // One record per line (no cell of this export spans lines); Session is the last cell.
            let mut lines = bytes.split(|&b| b == b'\r').filter(|l| !l.is_empty());
            let header = lines.next().unwrap_or_default();
            let rows: Vec<&[u8]> = lines.collect();
            out.extend_from_slice(header);
            out.push(b'\r');
            'copies: for copy in 0.. {
                for row in &rows {
                    let cut = row.iter().rposition(|&b| b == b',').map_or(0, |i| i + 1);
                    let (head, session) = row.split_at(cut);
                    let session = std::str::from_utf8(session)
                        .ok()
                        .and_then(|s| s.trim().parse::<usize>().ok())
                        .map_or_else(String::new, |s| (s + 5 * copy).to_string());
                    if out.len() + head.len() + session.len() + 1 > limit {
                        break 'copies;
                    }
                    out.extend_from_slice(head);
                    out.extend_from_slice(session.as_bytes());
                    out.push(b'\r');
                }
            }
            "UPR Info sessions 1-5 repeated to the size limit"
        }
        Err(_) => {
            out.extend_from_slice(GENERATED_HEADER.as_bytes());
            for i in 0.. {
                let row = generated_row(i);
                if out.len() + row.len() > limit {
                    break;
                }
                out.extend_from_slice(row.as_bytes());
            }
            "generated rows to the size limit"
        }
    };
    std::fs::write(path, out)?;
    Ok(what.to_string())
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
    let at_limit: PathBuf = dir.join("at-limit.csv");
    let at_limit_label = format!(
        "{}, {} MB",
        generate_at_limit(&real, &at_limit)?,
        MAX_FILE_BYTES / (1024 * 1024)
    );

    println!(
        "| file | size | rows | recommendations | time | rows/s | sqlite3 .import | ratio | peak memory |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for (i, (label, file)) in [
        ("UPR Info sessions 1-5 (real)", real.as_path()),
        ("generated, 100,000 rows", generated.as_path()),
        (at_limit_label.as_str(), at_limit.as_path()),
    ]
    .into_iter()
    .enumerate()
    {
        if !file.exists() {
            println!("| {label} | (not here) | | | | | | | |");
            continue;
        }
        let size = std::fs::metadata(file)?.len() as f64 / (1024.0 * 1024.0);
        let run_dir = dir.join(i.to_string());
        std::fs::create_dir_all(&run_dir)?;
        let (secs, rows, peak, created) = measure(file, &run_dir)?;
        let bare = sqlite3_import(file, &run_dir);
        println!(
            "| {label} | {size:.1} MB | {rows} | {created} | {:.0} ms | {:.0} | {} | {} | {peak:.0} MB |",
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
        "\nTargets: ≥ 50,000 rows/s end to end, ≤ 3× `sqlite3 .import` (real and generated files), \
         peak memory ≤ 200 MB (every file, up to the {} MB limit).",
        MAX_FILE_BYTES / (1024 * 1024)
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
