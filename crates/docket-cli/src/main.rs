//! `docket-cli`: Docket on the command line, on the same database as the app.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
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
        Ok(()) => ExitCode::SUCCESS,
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

fn run(cli: Cli, out: &mut impl Write) -> Result<(), Error> {
    let mut store = open(cli.db)?;
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
    writeln!(out, "{text}").map_err(|e| Error::io("could not write the output", e))
}
