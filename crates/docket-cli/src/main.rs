//! `docket-cli`: Docket on the command line, on the same database as the app.

mod calendar;
mod export;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use docket_core::import::prepare::{ImportRequest, Source};
use docket_core::import::Format;
use docket_core::store::import::ImportSummary;
use docket_core::store::search::{Facet, SearchRequest, SearchResult, Sort};
use docket_core::{paths, sample, Error, Store};

#[derive(Parser)]
#[command(
    name = "docket-cli",
    version,
    about = "Docket on the command line: the UPR recommendations your organization follows.",
    after_help = "The database is the app's own (in your data folder) unless --db is given."
)]
struct Cli {
    /// Database file to use instead of the app's.
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load the sample review (United States, 2020) and print its id.
    Sample,
    /// List the reviews in the database.
    Reviews {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Count a review's recommendations by position, regional group and theme.
    Stats {
        /// The review's id (see `reviews`).
        #[arg(long, value_name = "ID")]
        review: i64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Import recommendations from a file: a UPR Info or UHRI export, a Working Group report's
    /// text, an OHCHR thematic list, the State's responses, or any spreadsheet.
    Import {
        /// The file to import.
        file: PathBuf,
        /// Its format, when Docket should not guess it.
        #[arg(long, value_parser = ["upr-info", "uhri", "report", "thematic-list", "responses", "csv"])]
        format: Option<String>,
        /// Put everything into this existing review (see `reviews`).
        #[arg(long, value_name = "ID")]
        review: Option<i64>,
        /// The text encoding (e.g. utf-8, windows-1252, macintosh), when detection is wrong.
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
        /// Show what would happen, change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Search one review or all of them, narrowed by facets; prints the hits and every facet's
    /// counts.
    Search {
        /// Search this review (see `reviews`).
        #[arg(long, value_name = "ID", conflicts_with = "all")]
        review: Option<i64>,
        /// Search every review (the default).
        #[arg(long)]
        all: bool,
        /// Words, "phrases" and prefix* (empty: everything).
        query: String,
        /// Narrow by a facet: position, theme, group_of_persons, sdg, state, regional_group,
        /// action_category, priority, lobbying_status, implementation_status, assignee, tag,
        /// cycle (repeat it; values of one facet widen, facets narrow).
        #[arg(long = "filter", value_name = "KEY=VALUE")]
        filters: Vec<String>,
        /// The order of the hits: paragraph (review, then paragraph number), state (first
        /// recommending State), position (supported first), priority (high first) or changed
        /// (last changed first); ties in paragraph order.
        #[arg(long, default_value = "paragraph", value_parser = parse_sort)]
        sort: Sort,
        /// Reverse the order.
        #[arg(long)]
        desc: bool,
        /// How many hits to print.
        #[arg(long, default_value_t = 20)]
        limit: i64,
        /// Skip this many hits.
        #[arg(long, default_value_t = 0)]
        offset: i64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The calendar: each review's dates (computed from the UPR's rules, or confirmed) and your
    /// deadlines, in date order; or write them to an iCalendar file for Outlook, Google or Apple
    /// Calendar (exporting again updates the same entries).
    Calendar {
        /// Only this review's events (see `reviews`); default: every review.
        #[arg(long, value_name = "ID")]
        review: Option<i64>,
        /// Print JSON: {"events": [...]}.
        #[arg(long)]
        json: bool,
        /// Write the events to this .ics file (replaced whole, never left half-written); with
        /// --json the JSON is still printed and the file's message goes to standard error.
        #[arg(long, value_name = "PATH")]
        ics: Option<PathBuf>,
    },
    /// Write a review as a briefing document (Word, PDF, Markdown, HTML) or as data (CSV,
    /// Excel), like the app's Export; the file is replaced whole, never left half-written.
    Export(export::Args),
    /// Show one recommendation by its paragraph number.
    Show {
        /// The review's id (see `reviews`).
        #[arg(long, value_name = "ID")]
        review: i64,
        /// The paragraph number, e.g. 26.1.
        paragraph: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    match run(cli, &mut out) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("docket-cli: {e}");
            ExitCode::FAILURE
        }
    }
}

fn open(db: Option<PathBuf>) -> Result<Store, Error> {
    let path = match db {
        Some(p) => p,
        None => paths::default_db_path().ok_or_else(|| {
            Error::InvalidInput(
                "Docket could not find your data folder (no home folder is set). Give a database with --db PATH."
                    .into(),
            )
        })?,
    };
    Store::open(&path)
}

fn json(value: &impl serde::Serialize) -> Result<String, Error> {
    serde_json::to_string_pretty(value)
        .map_err(|e| Error::InvalidInput(format!("could not write JSON: {e}")))
}

/// Runs the command; `Ok(false)` when it ran but achieved nothing (an import that imported
/// nothing), for a non-zero exit code.
fn run(cli: Cli, out: &mut impl Write) -> Result<bool, Error> {
    let mut store = open(cli.db)?;
    let mut success = true;
    let text = match cli.command {
        Command::Sample => sample::load(&mut store)?.to_string(),
        Command::Reviews { json: true } => json(&store.list_reviews()?)?,
        Command::Reviews { json: false } => {
            let reviews = store.list_reviews()?;
            if reviews.is_empty() {
                "No reviews yet. Load the sample with `docket-cli sample`.".to_owned()
            } else {
                reviews
                    .iter()
                    .map(|r| {
                        format!(
                            "{:>4}  {}  cycle {}  WG {}  {}  {} recommendations",
                            r.id,
                            r.state_under_review,
                            r.cycle.map_or("?".into(), |c| c.to_string()),
                            r.wg_session.map_or("?".into(), |c| c.to_string()),
                            r.review_date.as_deref().unwrap_or("date unknown"),
                            r.recommendations
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
        Command::Stats { review, json: true } => json(&store.stats(review)?)?,
        Command::Stats {
            review,
            json: false,
        } => {
            let s = store.stats(review)?;
            let mut lines = vec![format!("{} recommendations", s.recommendations)];
            for (title, map) in [
                ("By position", &s.by_position),
                (
                    "By regional group of the recommending States",
                    &s.by_regional_group,
                ),
                ("By theme", &s.by_theme),
            ] {
                lines.push(format!("\n{title}:"));
                lines.extend(map.iter().map(|(k, v)| format!("  {v:>5}  {k}")));
            }
            lines.join("\n")
        }
        Command::Import {
            file,
            format,
            review,
            encoding,
            dry_run,
            json: as_json,
        } => {
            let summary = import(&mut store, &file, format, review, encoding, dry_run)?;
            success = summary.imported_anything();
            if as_json {
                json(&summary)?
            } else {
                import_text(&summary, dry_run)
            }
        }
        Command::Search {
            review,
            all: _,
            query,
            filters,
            sort,
            desc,
            limit,
            offset,
            json: as_json,
        } => {
            let request = SearchRequest {
                review_id: review,
                query,
                filters: filters
                    .iter()
                    .map(|f| parse_filter(f))
                    .collect::<Result<_, _>>()?,
                sort,
                descending: desc,
                offset,
                limit,
                ..SearchRequest::default()
            };
            let result = store.search(&request)?;
            if as_json {
                json(&result)?
            } else {
                search_text(&result)
            }
        }
        Command::Calendar {
            review,
            json: as_json,
            ics,
        } => {
            let now = std::time::SystemTime::now();
            let events = calendar::events(&store, review, now)?;
            let written = match &ics {
                Some(path) => {
                    let name = calendar::calendar_name(&store, review, &events);
                    let count = calendar::write_ics_file(path, &name, &events, now)?;
                    Some(calendar::written_text(path, count))
                }
                None => None,
            };
            match (as_json, written) {
                (true, written) => {
                    if let Some(message) = written {
                        eprintln!("{message}");
                    }
                    json(&calendar::CalendarJson { events: &events })?
                }
                (false, Some(message)) => message,
                (false, None) => calendar::table(&events, review),
            }
        }
        Command::Export(args) => export::run(&store, &args)?,
        Command::Show {
            review,
            paragraph,
            json: as_json,
        } => {
            let id = store.recommendation_id(review, &paragraph)?;
            let d = store.recommendation(id)?;
            if as_json {
                json(&d)?
            } else {
                let states: Vec<String> = d
                    .recommending_states
                    .iter()
                    .map(|s| match &s.regional_group {
                        Some(g) => format!("{} ({g})", s.name),
                        None => format!("{} (not a known State)", s.name),
                    })
                    .collect();
                format!(
                    "{}  {}\n\n{}\n\nRecommended by: {}\nThemes: {}",
                    d.paragraph,
                    d.position,
                    d.text,
                    states.join(", "),
                    d.themes.join("; ")
                )
            }
        }
    };
    writeln!(out, "{text}").map_err(|e| Error::io("could not write the output", e))?;
    Ok(success)
}

fn import(
    store: &mut Store,
    file: &std::path::Path,
    format: Option<String>,
    review: Option<i64>,
    encoding: Option<String>,
    dry_run: bool,
) -> Result<ImportSummary, Error> {
    let request = ImportRequest {
        source: Some(Source::File {
            path: file.to_path_buf(),
        }),
        format: format.as_deref().and_then(Format::parse),
        encoding,
        review_id: review,
        ..ImportRequest::default()
    };
    let batch = store.read_for_import(&request)?;
    let target = request.review_id;
    // A spreadsheet's columns, once imported, are remembered for the next file with the same
    // headers (as in the app).
    let summary = if dry_run {
        store.import(&batch, target, false, &mut |_, _| true)?
    } else {
        store.commit_import(&batch, target, &mut |_, _| true)?
    };
    Ok(summary)
}

/// `key=value` → a facet and its value.
fn parse_filter(filter: &str) -> Result<(Facet, String), Error> {
    let (key, value) = filter.split_once('=').ok_or_else(|| {
        Error::InvalidInput(format!(
            "--filter {filter}: write it as KEY=VALUE, e.g. --filter position=noted"
        ))
    })?;
    let facet = Facet::parse(key).ok_or_else(|| {
        let names: Vec<&str> = Facet::ALL.iter().map(|f| f.as_str()).collect();
        Error::InvalidInput(format!(
            "--filter {filter}: \"{key}\" is not a facet; use one of {}",
            names.join(", ")
        ))
    })?;
    Ok((facet, value.trim().to_owned()))
}

/// `--sort NAME`: the order's name as the app and saved views write it (its serde name); a
/// wrong one is refused with the list of names.
fn parse_sort(name: &str) -> Result<Sort, String> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).map_err(|e| e.to_string())
}

fn search_text(r: &SearchResult) -> String {
    let mut lines = vec![format!("{} recommendations", r.total)];
    for hit in &r.hits {
        let priority = hit
            .priority
            .map(|p| format!(" · priority {p}"))
            .unwrap_or_default();
        lines.push(format!(
            "  review {} · {} · {}{priority} · {}\n      {}",
            hit.review,
            hit.paragraph,
            hit.position,
            if hit.states.is_empty() {
                "no recommending State".to_owned()
            } else {
                hit.states.join(", ")
            },
            hit.snippet
        ));
    }
    for (facet, counts) in &r.facets {
        if counts.is_empty() {
            continue;
        }
        let mut counts: Vec<(&String, &i64)> = counts.iter().collect();
        counts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let shown: Vec<String> = counts
            .iter()
            .take(8)
            .map(|(value, n)| format!("{value} {n}"))
            .collect();
        lines.push(format!("{facet}: {}", shown.join(", ")));
    }
    lines.join("\n")
}

fn import_text(s: &ImportSummary, dry_run: bool) -> String {
    let mut lines = vec![format!(
        "{}{} reviews created, {} recommendations created, {} updated, {} unchanged{}.",
        if dry_run {
            "Dry run (nothing changed): "
        } else {
            ""
        },
        s.reviews_created,
        s.recommendations_created,
        s.recommendations_updated,
        s.unchanged,
        if s.skipped > 0 {
            format!(", {} rows skipped (not UPR recommendations)", s.skipped)
        } else {
            String::new()
        }
    )];
    for r in &s.reviews {
        lines.push(format!(
            "  review {}: {}{} — {} recommendations{}",
            r.id,
            r.state_under_review,
            r.session
                .map(|n| format!(", session {n}"))
                .unwrap_or_default(),
            r.recommendations,
            if r.created { " (new)" } else { "" }
        ));
    }
    if !s.problems.is_empty() {
        lines.push(format!("{} problems:", s.problems.len()));
        for p in &s.problems {
            let at = match (p.line, p.column) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}", p.file),
                (Some(l), None) => format!("{}:{l}", p.file),
                _ => p.file.clone(),
            };
            lines.push(format!("  {at}: {}", p.message));
        }
    }
    if let Some(b) = &s.backup {
        lines.push(format!("Backup taken before the import: {b}"));
    }
    lines.join("\n")
}
