//! `docket-cli export`: a briefing document (Word, PDF, Markdown, HTML) or the data (CSV,
//! Excel) of a review, made by the same templates as the app's Export and written whole or not
//! at all.

use std::path::Path;

use docket_core::export::{self, write, ExportFormat, ExportRequest, Template};
use docket_core::{Error, Store};

/// What `export` was asked for on the command line.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The review's id (see `reviews`).
    #[arg(long, value_name = "ID")]
    pub review: i64,
    /// The kind of document: thematic (briefing by theme), state (lobbying sheet per
    /// recommending State), matrix (OHCHR's recommendations matrix), statement (statement
    /// scripts) or calendar (dates and deadlines).
    #[arg(long, value_name = "NAME", value_parser = parse_template)]
    pub template: Template,
    /// With --template state: only this recommending State, e.g. Mexico (default: one
    /// section per State).
    #[arg(long, value_name = "NAME")]
    pub state: Option<String>,
    /// With --template statement: only this statement (default: every statement of the
    /// review).
    #[arg(long, value_name = "ID")]
    pub statement: Option<i64>,
    /// Only the recommendations these search words find (default: all of them).
    #[arg(long, value_name = "WORDS", default_value = "")]
    pub query: String,
    /// docx, pdf, md, html, csv or xlsx (default: from the --out file's extension, else
    /// docx).
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<ExportFormat>,
    /// The file to write, e.g. briefing.docx (its folder must exist).
    #[arg(long, value_name = "PATH")]
    pub out: std::path::PathBuf,
}

/// `--template NAME`: one of [`Template::ALL`], or a message listing them.
pub fn parse_template(name: &str) -> Result<Template, String> {
    Template::parse(name.trim().to_lowercase().as_str()).ok_or_else(|| {
        let choices: Vec<String> = Template::ALL
            .iter()
            .map(|t| named(t.as_str(), t.label()))
            .collect();
        format!(
            "\"{name}\" is not a template; choose one of {}",
            choices.join(", ")
        )
    })
}

/// `--format NAME`: one of [`ExportFormat::ALL`], or a message listing them.
pub fn parse_format(name: &str) -> Result<ExportFormat, String> {
    format_named(name).ok_or_else(|| {
        format!(
            "\"{name}\" is not a format; choose one of {}",
            format_choices()
        )
    })
}

/// A format by its name or a usual extension for it (`markdown`, `htm`), in any case.
fn format_named(name: &str) -> Option<ExportFormat> {
    match name.trim().trim_start_matches('.').to_lowercase().as_str() {
        "markdown" => Some(ExportFormat::Md),
        "htm" => Some(ExportFormat::Html),
        other => ExportFormat::parse(other),
    }
}

fn format_choices() -> String {
    ExportFormat::ALL
        .iter()
        .map(|f| named(f.as_str(), f.label()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "thematic (Thematic briefing)", or only the name when the label says no more.
fn named(name: &str, label: &str) -> String {
    if label.eq_ignore_ascii_case(name) {
        name.to_owned()
    } else {
        format!("{name} ({label})")
    }
}

/// The format to write: the one given, else the one `out`'s extension names, else Word.
pub fn format_for(out: &Path, given: Option<ExportFormat>) -> Result<ExportFormat, Error> {
    if let Some(format) = given {
        return Ok(format);
    }
    let Some(extension) = out.extension() else {
        return Ok(ExportFormat::Docx);
    };
    let extension = extension.to_string_lossy();
    format_named(&extension).ok_or_else(|| {
        Error::InvalidInput(format!(
            "Docket cannot tell which format to write from the file name {}: .{extension} is \
             not a format it writes. End the name with .docx, .pdf, .md, .html, .csv or .xlsx, \
             or give --format with one of {}.",
            out.display(),
            format_choices()
        ))
    })
}

/// The request the app would send for these arguments (no filters, no selection).
pub fn request(args: &Args) -> Result<ExportRequest, Error> {
    if args.state.is_some() && args.template != Template::State {
        return Err(Error::InvalidInput(
            "--state chooses one State for the State lobbying sheet: use it with --template \
             state, or leave it out."
                .into(),
        ));
    }
    if args.statement.is_some() && args.template != Template::Statement {
        return Err(Error::InvalidInput(
            "--statement chooses one statement: use it with --template statement, or leave it \
             out."
                .into(),
        ));
    }
    Ok(ExportRequest {
        query: args.query.trim().to_owned(),
        state: args
            .state
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        statement_id: args.statement,
        ..ExportRequest::new(
            args.review,
            args.template,
            format_for(&args.out, args.format)?,
        )
    })
}

/// Makes the file and writes it to `args.out` (whole, or not at all); returns what to print:
/// "Wrote PATH (N KB)" and the summary's lines.
pub fn run(store: &Store, args: &Args) -> Result<String, Error> {
    let request = request(args)?;
    // The date printed on the document: today where the user is.
    let today = chrono::Local::now().date_naive();
    let rendered = export::render(store, &request, today, &mut |_| {})?;
    write::write_atomic(&args.out, &rendered.bytes)?;
    if let Some(note) = extension_note(&args.out, request.format) {
        eprintln!("{note}");
    }
    let mut lines = vec![format!(
        "Wrote {} ({} KB)",
        args.out.display(),
        rendered.bytes.len().div_ceil(1024)
    )];
    lines.extend(rendered.summary.lines.iter().cloned());
    Ok(lines.join("\n"))
}

/// A word when the file's name says another format than the one written (`--format md --out
/// brief.docx`): the file is written as asked, but would open in the wrong program.
fn extension_note(out: &Path, format: ExportFormat) -> Option<String> {
    let extension = out.extension()?.to_string_lossy().into_owned();
    match format_named(&extension) {
        Some(named) if named != format => Some(format!(
            "Note: {} was written in the format {} (.{ext}), but its name ends in \
             .{extension}; rename it to end in .{ext} so it opens in the right program.",
            out.display(),
            format.label(),
            ext = format.extension()
        )),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_option_then_the_extension_then_defaults_to_word() {
        let f = |out: &str, given| format_for(Path::new(out), given);
        assert_eq!(
            f("brief.md", Some(ExportFormat::Html)).unwrap(),
            ExportFormat::Html
        );
        assert_eq!(f("brief.MD", None).unwrap(), ExportFormat::Md);
        assert_eq!(f("brief.markdown", None).unwrap(), ExportFormat::Md);
        assert_eq!(f("a/b.htm", None).unwrap(), ExportFormat::Html);
        assert_eq!(f("data.xlsx", None).unwrap(), ExportFormat::Xlsx);
        assert_eq!(f("brief", None).unwrap(), ExportFormat::Docx);
        let err = f("brief.txt", None).unwrap_err().to_string();
        assert!(err.contains(".txt is not a format"), "{err}");
        for format in ExportFormat::ALL {
            assert!(err.contains(format.as_str()), "{err}");
        }
    }

    #[test]
    fn unknown_names_are_refused_with_the_choices() {
        assert_eq!(parse_template("State").unwrap(), Template::State);
        let err = parse_template("brief").unwrap_err();
        assert!(err.contains("thematic (Thematic briefing), "), "{err}");
        assert!(
            err.contains(", statement, "),
            "no label that only repeats the name: {err}"
        );
        for template in Template::ALL {
            assert!(err.contains(template.as_str()), "{err}");
        }
        assert_eq!(parse_format(".PDF").unwrap(), ExportFormat::Pdf);
        let err = parse_format("odt").unwrap_err();
        assert!(err.contains("docx (Word document)"), "{err}");
    }

    #[test]
    fn a_mismatched_extension_is_noted() {
        let note = extension_note(Path::new("brief.docx"), ExportFormat::Md).unwrap();
        assert!(note.contains("in the format Markdown text (.md)"), "{note}");
        assert!(note.contains("end in .md "), "{note}");
        assert_eq!(
            extension_note(Path::new("brief.md"), ExportFormat::Md),
            None
        );
        assert_eq!(extension_note(Path::new("brief"), ExportFormat::Docx), None);
    }
}
