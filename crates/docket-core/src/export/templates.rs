//! The templates: what each kind of document holds, read from the store.
//!
//! Every template starts from one review and the recommendations asked for (all of them, those a
//! search finds, or a selection), and gives a [`Document`] for DOCX, PDF, Markdown and HTML or a
//! [`Sheet`] for CSV and XLSX. The organization's free notes and its contacts are never put in a
//! document: briefings are handed to others. Docket's data table (CSV/XLSX of the thematic and
//! State templates) holds every field, notes included, because it is the organization's own copy.

use std::collections::{BTreeMap, HashSet};

use chrono::{NaiveDate, NaiveTime};

use super::model::{long_date, Block, Cell, Column, Document, Sheet, Span};
use super::records::{self, Record};
use super::{
    ExportRequest, ExportSummary, Template, JOINT_SUBMISSION_WORD_LIMIT, SUBMISSION_WORD_LIMIT,
};
use crate::advocacy::words::count_words;
use crate::advocacy::{Statement, StatementKind};
use crate::domain::{Position, ReviewSummary};
use crate::store::search::SearchRequest;
use crate::store::thousands;
use crate::{Error, Result, Store};

/// A template's content: a document, or data rows for CSV and XLSX.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// For DOCX, PDF, Markdown and HTML.
    Document(Document),
    /// For CSV and XLSX.
    Sheet(Sheet),
}

/// A template built from the store, with its summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// What will be written.
    pub content: Content,
    /// The summary shown before saving.
    pub summary: ExportSummary,
}

/// Builds the template `request` asks for, in the shape its format needs.
pub fn build(store: &Store, request: &ExportRequest, today: NaiveDate) -> Result<Built> {
    let review = store.review(request.review_id)?;
    let ctx = Context {
        store,
        request,
        today,
        review_name: review_name(&review),
        review,
    };
    match request.template {
        Template::Thematic => ctx.thematic(),
        Template::State => ctx.state_sheets(),
        Template::Matrix => ctx.matrix(),
        Template::Statement => ctx.statements(),
        Template::Calendar => ctx.calendar(),
    }
}

/// "United States of America, 3rd cycle".
fn review_name(review: &ReviewSummary) -> String {
    match review.cycle {
        Some(cycle) if cycle > 0 => {
            format!("{}, {} cycle", review.state_under_review, ordinal(cycle))
        }
        _ => review.state_under_review.clone(),
    }
}

fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

fn day(stored: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(stored, "%Y-%m-%d").ok()
}

/// A stored `YYYY-MM-DD` as `9 November 2020` (kept as is if it does not parse).
fn long_day(stored: &str) -> String {
    day(stored).map_or_else(|| stored.to_owned(), long_date)
}

/// The share of `n` in `total`, as `42%`.
fn share(n: usize, total: usize) -> String {
    if total == 0 {
        return "0%".into();
    }
    format!("{}%", (n * 100 + total / 2) / total)
}

/// `m:ss`.
fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0).round() as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

fn detail(label: &str, value: impl Into<String>) -> Option<(String, String)> {
    let value = value.into();
    (!value.trim().is_empty()).then(|| (label.to_owned(), value))
}

struct Context<'a> {
    store: &'a Store,
    request: &'a ExportRequest,
    today: NaiveDate,
    review: ReviewSummary,
    review_name: String,
}

/// The recommendations asked for, with the words that say which.
struct Selection {
    records: Vec<Record>,
    /// e.g. "All 347 recommendations", "The 12 recommendations found for “women”".
    scope: String,
}

impl Context<'_> {
    /// The recommendations of the review the request asks for, in paragraph order.
    fn selection(&self) -> Result<Selection> {
        let request = self.request;
        let query = request.query.trim();
        let searched = !query.is_empty() || !request.filters.is_empty();
        if self.review.recommendations == 0 {
            return Err(Error::InvalidInput(format!(
                "{} has no recommendations yet, so there is nothing to export. Import them first.",
                self.review_name
            )));
        }
        let found = self.store.search_ids(&SearchRequest {
            review_id: Some(self.review.id),
            query: query.to_owned(),
            filters: request.filters.clone(),
            facets: false,
            ..SearchRequest::default()
        })?;
        let (ids, scope) = match &request.ids {
            Some(chosen) if chosen.is_empty() => {
                return Err(Error::InvalidInput(
                    "No recommendation is selected, so there is nothing to export. Select some in \
                     the list, or export all of them."
                        .into(),
                ))
            }
            Some(chosen) => {
                let chosen: HashSet<i64> = chosen.iter().copied().collect();
                let ids: Vec<i64> = found.into_iter().filter(|id| chosen.contains(id)).collect();
                if ids.is_empty() {
                    return Err(Error::InvalidInput(format!(
                        "None of the selected recommendations is in {} (any more), so there is \
                         nothing to export. Select them again.",
                        self.review_name
                    )));
                }
                let scope = format!(
                    "The {} selected",
                    plural(ids.len(), "recommendation", "recommendations")
                );
                (ids, scope)
            }
            None if searched && found.is_empty() => {
                return Err(Error::InvalidInput(format!(
                    "No recommendation of {} matches this search, so there is nothing to export. \
                     Change the search or clear it.",
                    self.review_name
                )))
            }
            None if searched => {
                let what = if query.is_empty() {
                    "with the filters chosen".to_owned()
                } else {
                    format!("found for “{query}”")
                };
                let scope = format!(
                    "The {} {what}",
                    plural(found.len(), "recommendation", "recommendations")
                );
                (found, scope)
            }
            None => {
                let scope = if found.len() == 1 {
                    "The one recommendation".to_owned()
                } else {
                    format!("All {} recommendations", thousands(found.len()))
                };
                (found, scope)
            }
        };
        Ok(Selection {
            records: records::load(self.store, &ids)?,
            scope,
        })
    }

    /// The line under a document's title: the review, then the scope.
    fn subtitle(&self, scope: &str) -> String {
        let mut parts = vec![format!("Universal Periodic Review of {}", self.review_name)];
        if let Some(n) = self.review.wg_session.filter(|n| *n > 0) {
            parts.push(format!("Working Group session {n}"));
        }
        if let Some(date) = self.review.review_date.as_deref() {
            parts.push(format!("reviewed {}", long_day(date)));
        }
        let mut line = parts.join(", ");
        if !scope.is_empty() {
            line.push_str(". ");
            line.push_str(scope);
        }
        line
    }

    fn document(&self, title: String, subtitle: String, blocks: Vec<Block>) -> Result<Document> {
        Ok(Document {
            title,
            subtitle,
            organization: self.store.organization()?,
            date: self.today,
            large_type: false,
            blocks,
        })
    }

    fn built(&self, content: Content, summary: ExportSummary) -> Built {
        Built { content, summary }
    }

    fn summary(&self, title: &str, lines: Vec<String>) -> ExportSummary {
        ExportSummary {
            title: title.to_owned(),
            file_name: super::write::file_name(title, self.request.format.extension()),
            recommendations: 0,
            states: 0,
            statements: 0,
            events: 0,
            words: None,
            word_limits: Vec::new(),
            lines,
        }
    }

    /// Docket's data table of the selection: every field, so it imports back.
    fn data_sheet(&self, records: Vec<Record>) -> Result<Sheet> {
        records::records_sheet(self.store, records)
    }

    fn thematic(&self) -> Result<Built> {
        let selection = self.selection()?;
        let records = &selection.records;
        let title = format!("Thematic briefing: {}", self.review_name);
        let mut by_theme: BTreeMap<&str, Vec<&Record>> = BTreeMap::new();
        for record in records {
            if record.themes.is_empty() {
                by_theme.entry("").or_default().push(record);
            }
            for theme in &record.themes {
                by_theme.entry(theme.as_str()).or_default().push(record);
            }
        }
        let mut themes: Vec<(&str, Vec<&Record>)> = by_theme.into_iter().collect();
        // Largest themes first; "no theme" last.
        themes.sort_by(|a, b| {
            (a.0.is_empty(), std::cmp::Reverse(a.1.len()), a.0).cmp(&(
                b.0.is_empty(),
                std::cmp::Reverse(b.1.len()),
                b.0,
            ))
        });
        let theme_count = themes.iter().filter(|(t, _)| !t.is_empty()).count();
        let mut summary = self.summary(
            &title,
            vec![
                format!("{}.", selection.scope),
                format!(
                    "Grouped under {}; a recommendation with several themes is listed under each.",
                    plural(theme_count, "theme", "themes")
                ),
            ],
        );
        summary.recommendations = records.len();
        if self.request.format.is_sheet() {
            return Ok(self.built(Content::Sheet(self.data_sheet(selection.records)?), summary));
        }

        let mut blocks = vec![
            Block::Heading {
                level: 1,
                text: "Summary".into(),
            },
            Block::Paragraph {
                spans: vec![Span::plain(format!(
                    "{} in {}. Positions of the State under review so far:",
                    selection.scope,
                    plural(theme_count, "theme", "themes")
                ))],
            },
            positions_table(records),
            Block::Table {
                columns: vec![
                    column("Theme", 46),
                    column("Recommendations", 22),
                    column("Supported", 16),
                    column("Noted", 16),
                ],
                rows: themes
                    .iter()
                    .map(|(theme, recs)| {
                        let count = |p: Position| recs.iter().filter(|r| r.position == p).count();
                        vec![
                            theme_name(theme).to_owned(),
                            recs.len().to_string(),
                            count(Position::Supported).to_string(),
                            count(Position::Noted).to_string(),
                        ]
                    })
                    .collect(),
            },
        ];
        for (theme, recs) in &themes {
            blocks.push(Block::Heading {
                level: 1,
                text: format!("{} ({})", theme_name(theme), recs.len()),
            });
            for record in recs {
                blocks.push(recommendation(record, "Position"));
            }
        }
        let doc = self.document(title, self.subtitle(&selection.scope), blocks)?;
        Ok(self.built(Content::Document(doc), summary))
    }

    fn state_sheets(&self) -> Result<Built> {
        let selection = self.selection()?;
        let mut by_state: BTreeMap<String, (String, Vec<&Record>)> = BTreeMap::new();
        for record in &selection.records {
            for state in &record.states {
                by_state
                    .entry(state.to_lowercase())
                    .or_insert_with(|| (state.clone(), Vec::new()))
                    .1
                    .push(record);
            }
        }
        let mut states: Vec<(String, Vec<&Record>)> = by_state.into_values().collect();
        if let Some(wanted) = self.request.state.as_deref().map(str::trim) {
            let wanted_key = crate::states::resolve(wanted)
                .map(|s| s.name.to_lowercase())
                .unwrap_or_else(|| wanted.to_lowercase());
            states.retain(|(name, _)| name.to_lowercase() == wanted_key);
            if states.is_empty() {
                return Err(Error::InvalidInput(format!(
                    "No recommendation {} was made by “{wanted}”. Check the State's name as the \
                     list shows it (for example Mexico).",
                    if selection.scope.starts_with("All") {
                        format!("to {}", self.review_name)
                    } else {
                        "in what you chose to export".to_owned()
                    }
                )));
            }
        }
        let title = match states.as_slice() {
            [(name, _)] => format!("Lobbying sheet: {name} on {}", self.review_name),
            _ => format!("Lobbying sheets: {}", self.review_name),
        };
        let mut records: Vec<&Record> = Vec::new();
        let mut seen = HashSet::new();
        for (_, recs) in &states {
            for r in recs {
                if seen.insert(r.id) {
                    records.push(r);
                }
            }
        }
        let mut summary = self.summary(
            &title,
            vec![
                format!(
                    "{} recommending {}, one per page.",
                    plural(states.len(), "State", "States"),
                    if states.len() == 1 { "State" } else { "States" }
                ),
                format!(
                    "{} they made.",
                    plural(records.len(), "recommendation", "recommendations")
                ),
            ],
        );
        if states.len() == 1 {
            summary.lines[0] = format!("{}.", states[0].0);
        }
        summary.recommendations = records.len();
        summary.states = states.len();
        if self.request.format.is_sheet() {
            let owned: Vec<Record> = records.into_iter().cloned().collect();
            return Ok(self.built(Content::Sheet(self.data_sheet(owned)?), summary));
        }

        let mut blocks = Vec::new();
        for (i, (name, recs)) in states.iter().enumerate() {
            if i > 0 {
                blocks.push(Block::PageBreak);
            }
            blocks.push(Block::Heading {
                level: 1,
                text: name.clone(),
            });
            let key = crate::advocacy::StateKey {
                iso3: crate::states::resolve(name).map(|s| s.iso3.to_owned()),
                name: name.clone(),
            };
            let page = self.store.state_page(&key, Some(self.review.id)).ok();
            let count = |p: Position| recs.iter().filter(|r| r.position == p).count();
            let mut facts = vec![format!(
                "{} to {}: {} supported, {} noted, {} pending.",
                plural(recs.len(), "recommendation", "recommendations"),
                self.review.state_under_review,
                count(Position::Supported) + count(Position::SupportedInPart),
                count(Position::Noted),
                count(Position::Pending)
            )];
            if let Some(page) = &page {
                facts.push(format!("Our lobbying: {}.", page.status.label()));
            }
            blocks.push(Block::Paragraph {
                spans: vec![Span::plain(facts.join(" "))],
            });
            let last = page.as_ref().and_then(|p| p.meetings.first());
            blocks.push(Block::Heading {
                level: 2,
                text: "Last meeting".into(),
            });
            blocks.push(match last {
                Some(m) => Block::Recommendation {
                    paragraph: long_day(&m.date),
                    text: if m.who.trim().is_empty() {
                        "Meeting".into()
                    } else {
                        format!("With {}", m.who.trim())
                    },
                    states: String::new(),
                    details: [
                        detail("We asked", m.asked.clone()),
                        detail("Outcome", m.outcome.clone()),
                        detail(
                            "Follow-up",
                            m.follow_up.as_ref().map_or(String::new(), |d| {
                                format!("{}, due {}", d.title, long_day(&d.due_date))
                            }),
                        ),
                    ]
                    .into_iter()
                    .flatten()
                    .collect(),
                },
                None => Block::Paragraph {
                    spans: vec![Span::italic("No meeting recorded yet.")],
                },
            });
            blocks.push(Block::Heading {
                level: 2,
                text: "What it recommended".into(),
            });
            for record in recs {
                blocks.push(recommendation(record, "Position so far"));
            }
        }
        let doc = self.document(title, self.subtitle(&selection.scope), blocks)?;
        Ok(self.built(Content::Document(doc), summary))
    }

    fn matrix(&self) -> Result<Built> {
        let selection = self.selection()?;
        let records = &selection.records;
        let title = format!("Recommendations matrix: {}", self.review_name);
        let columns = vec![
            column("Recommendation", 36),
            column("Position", 12),
            column("Source of position", 17),
            column("Our assessment of implementation", 19),
            column("Evidence", 16),
        ];
        let rows: Vec<[String; 5]> = records
            .iter()
            .map(|r| {
                let states = r.states.join(", ");
                let mut rec = format!("{} {}", r.paragraph, r.text);
                if !states.is_empty() {
                    rec.push_str(&format!(" (Source: {states})"));
                }
                [
                    rec,
                    r.position.label().to_owned(),
                    r.position_source.clone().unwrap_or_default(),
                    r.tracking.implementation_status.label().to_owned(),
                    r.tracking
                        .evidence
                        .iter()
                        .map(|e| {
                            if e.label.trim().is_empty() {
                                e.url.clone()
                            } else {
                                format!("{}: {}", e.label.trim(), e.url)
                            }
                        })
                        .collect::<Vec<_>>()
                        .join("\n"),
                ]
            })
            .collect();
        let words: usize = rows
            .iter()
            .flat_map(|row| row.iter())
            .map(|cell| count_words(cell))
            .sum::<usize>()
            + columns
                .iter()
                .map(|c| count_words(&c.header))
                .sum::<usize>();
        let verdict = word_verdict(words);
        let mut summary = self.summary(
            &title,
            vec![
                format!("{}.", selection.scope),
                format!("{}: {verdict}", plural(words, "word", "words")),
            ],
        );
        summary.recommendations = records.len();
        summary.words = Some(words);
        summary.word_limits = super::word_limits(words);
        if self.request.format.is_sheet() {
            let sheet = Sheet {
                name: "Matrix".into(),
                header: ["Paragraph", "Recommendation", "Recommending States"]
                    .into_iter()
                    .map(str::to_owned)
                    .chain(columns.iter().skip(1).map(|c| c.header.clone()))
                    .collect(),
                rows: records
                    .iter()
                    .zip(&rows)
                    .map(|(r, row)| {
                        [r.paragraph.clone(), r.text.clone(), r.states.join("; ")]
                            .into_iter()
                            .chain(row.iter().skip(1).cloned())
                            .map(Cell::Text)
                            .collect()
                    })
                    .collect(),
            };
            return Ok(self.built(Content::Sheet(sheet), summary));
        }
        let blocks = vec![
            Block::Paragraph {
                spans: vec![
                    Span::plain(
                        "For the mid-term report and the next stakeholder submission. Our assessment of \
                         implementation is the organization's own. ",
                    ),
                    Span::bold(format!("{}: {verdict}", plural(words, "word", "words"))),
                ],
            },
            Block::Table {
                columns,
                rows: rows.into_iter().map(Vec::from).collect(),
            },
        ];
        let doc = self.document(title, self.subtitle(&selection.scope), blocks)?;
        Ok(self.built(Content::Document(doc), summary))
    }

    fn statements(&self) -> Result<Built> {
        let store = self.store;
        let statements: Vec<Statement> = match self.request.statement_id {
            Some(id) => {
                let s = store.statement(id)?;
                if s.review_id.is_some_and(|r| r != self.review.id) {
                    return Err(Error::InvalidInput(format!(
                        "The statement “{}” is about another review than {}. Export it from its \
                         own review.",
                        s.title, self.review_name
                    )));
                }
                vec![s]
            }
            None => store
                .statements(Some(self.review.id))?
                .into_iter()
                .map(|s| store.statement(s.id))
                .collect::<Result<_>>()?,
        };
        let [first, ..] = statements.as_slice() else {
            return Err(Error::InvalidInput(format!(
                "{} has no statements yet, so there is nothing to export. Write one in the \
                 Statements tab first.",
                self.review_name
            )));
        };
        let title = if statements.len() == 1 {
            first.title.clone()
        } else {
            format!("Statements: {}", self.review_name)
        };
        let mut summary = self.summary(
            &title,
            statements
                .iter()
                .map(|s| format!("{}: {}", s.title, budget_words(s)))
                .collect(),
        );
        summary.statements = statements.len();
        summary.recommendations = statements.iter().map(|s| s.recommendations.len()).sum();
        if self.request.format.is_sheet() {
            let sheet = Sheet {
                name: "Statements".into(),
                header: [
                    "Title",
                    "Kind",
                    "Status",
                    "Council session",
                    "Speaker",
                    "Words",
                    "Speaking time",
                    "Time limit",
                    "Recommendations",
                    "Text",
                ]
                .into_iter()
                .map(str::to_owned)
                .collect(),
                rows: statements
                    .iter()
                    .map(|s| {
                        let oral = s.kind == StatementKind::Oral;
                        [
                            s.title.clone(),
                            if oral { "Oral" } else { "Written" }.to_owned(),
                            crate::advocacy::workflow::label(s.status).to_owned(),
                            s.hrc_session.map_or(String::new(), |n| format!("HRC{n}")),
                            s.speaker.clone(),
                            s.budget.words.to_string(),
                            if oral {
                                clock(s.budget.speaking_seconds)
                            } else {
                                String::new()
                            },
                            if oral {
                                clock(f64::from(s.time_limit_seconds))
                            } else {
                                String::new()
                            },
                            s.recommendations
                                .iter()
                                .map(|r| r.paragraph.clone())
                                .collect::<Vec<_>>()
                                .join("; "),
                            s.text.clone(),
                        ]
                        .into_iter()
                        .map(Cell::Text)
                        .collect()
                    })
                    .collect(),
            };
            return Ok(self.built(Content::Sheet(sheet), summary));
        }
        let mut blocks = Vec::new();
        for (i, s) in statements.iter().enumerate() {
            if i > 0 {
                blocks.push(Block::PageBreak);
            }
            if statements.len() > 1 {
                blocks.push(Block::Heading {
                    level: 1,
                    text: s.title.clone(),
                });
            }
            blocks.extend(statement_blocks(s));
        }
        let subtitle = match (statements.len(), first.kind) {
            (1, StatementKind::Oral) => format!(
                "Oral statement{}{}. {}",
                first
                    .hrc_session
                    .map_or(String::new(), |n| format!(" to HRC{n}")),
                if first.debate.trim().is_empty() {
                    String::new()
                } else {
                    format!(", {}", first.debate.trim())
                },
                budget_words(first)
            ),
            (1, StatementKind::Written) => format!("Written statement. {}", budget_words(first)),
            (n, _) => format!("{n} statements on {}", self.review_name),
        };
        let mut doc = self.document(title, subtitle, blocks)?;
        // Read aloud: large type when every statement is an oral one.
        doc.large_type = statements.iter().all(|s| s.kind == StatementKind::Oral);
        Ok(self.built(Content::Document(doc), summary))
    }

    fn calendar(&self) -> Result<Built> {
        let now = self
            .today
            .and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default())
            .and_utc();
        let events = self.store.calendar(Some(self.review.id), now)?;
        let title = format!("Calendar: {}", self.review_name);
        let deadlines = events.iter().filter(|e| e.deadline.is_some()).count();
        let mut summary = self.summary(
            &title,
            vec![format!(
                "{} of the review and {} of the organization.",
                plural(events.len() - deadlines, "date", "dates"),
                plural(deadlines, "deadline", "deadlines")
            )],
        );
        summary.events = events.len();
        let status = |e: &crate::calendar::CalendarEvent| -> String {
            match &e.deadline {
                Some(d) => {
                    let mut s = match d.status {
                        crate::calendar::DeadlineStatus::ToDo => "To do",
                        crate::calendar::DeadlineStatus::InProgress => "In progress",
                        crate::calendar::DeadlineStatus::Done => "Done",
                    }
                    .to_owned();
                    if e.overdue {
                        s.push_str(", overdue");
                    }
                    s
                }
                None if e.confirmed => "Confirmed".into(),
                None if e.edited => "Edited".into(),
                None => "Estimated".into(),
            }
        };
        let when = |e: &crate::calendar::CalendarEvent| -> String {
            let mut s = long_day(&e.date);
            if let Some(end) = e.end_date.as_deref().filter(|end| *end != e.date) {
                s = format!("{s} to {}", long_day(end));
            }
            if let Some(time) = &e.time {
                s.push_str(&format!(", {time}"));
                if let Some(zone) = &e.time_zone {
                    s.push_str(&format!(" ({})", crate::calendar::zone_name(zone)));
                }
            }
            s
        };
        let note = |e: &crate::calendar::CalendarEvent| -> String {
            match &e.deadline {
                Some(d) if !d.owner.trim().is_empty() => format!("Owner: {}", d.owner.trim()),
                Some(_) => String::new(),
                None => e.rule.clone(),
            }
        };
        if self.request.format.is_sheet() {
            let sheet = Sheet {
                name: "Calendar".into(),
                header: [
                    "Date",
                    "End date",
                    "Time",
                    "Time zone",
                    "What",
                    "Status",
                    "Owner or rule",
                ]
                .into_iter()
                .map(str::to_owned)
                .collect(),
                rows: events
                    .iter()
                    .map(|e| {
                        let date =
                            |s: &str| day(s).map_or_else(|| Cell::Text(s.to_owned()), Cell::Date);
                        vec![
                            date(&e.date),
                            e.end_date
                                .as_deref()
                                .map_or(Cell::Text(String::new()), date),
                            Cell::Text(e.time.clone().unwrap_or_default()),
                            Cell::Text(e.time_zone.clone().unwrap_or_default()),
                            Cell::Text(e.title.clone()),
                            Cell::Text(status(e)),
                            Cell::Text(note(e)),
                        ]
                    })
                    .collect(),
            };
            return Ok(self.built(Content::Sheet(sheet), summary));
        }
        let today = self.today.format("%Y-%m-%d").to_string();
        let (past, coming): (Vec<_>, Vec<_>) = events
            .iter()
            .partition(|e| e.end_date.as_deref().unwrap_or(&e.date) < today.as_str());
        let table = |events: &[&crate::calendar::CalendarEvent]| Block::Table {
            columns: vec![
                column("Date", 18),
                column("What", 28),
                column("Status", 14),
                column("Owner or rule", 40),
            ],
            rows: events
                .iter()
                .map(|e| vec![when(e), e.title.clone(), status(e), note(e)])
                .collect(),
        };
        let mut blocks = Vec::new();
        for (heading, part) in [("Coming up", &coming), ("Past", &past)] {
            blocks.push(Block::Heading {
                level: 1,
                text: heading.into(),
            });
            if part.is_empty() {
                blocks.push(Block::Paragraph {
                    spans: vec![Span::italic("Nothing.")],
                });
            } else {
                blocks.push(table(part));
            }
        }
        blocks.push(Block::Paragraph {
            spans: vec![Span::italic(
                "Estimated dates follow the usual rules of the review cycle; confirmed ones come \
                 from the record or were confirmed by the organization.",
            )],
        });
        let doc = self.document(title, self.subtitle(""), blocks)?;
        Ok(self.built(Content::Document(doc), summary))
    }
}

fn column(header: &str, width: u8) -> Column {
    Column {
        header: header.to_owned(),
        width,
    }
}

fn theme_name(theme: &str) -> &str {
    if theme.is_empty() {
        "No theme"
    } else {
        theme
    }
}

/// Position | Recommendations | Share, every position listed.
fn positions_table(records: &[Record]) -> Block {
    Block::Table {
        columns: vec![
            column("Position", 50),
            column("Recommendations", 25),
            column("Share", 25),
        ],
        rows: Position::ALL
            .iter()
            .map(|&p| {
                let n = records.iter().filter(|r| r.position == p).count();
                vec![p.label().to_owned(), n.to_string(), share(n, records.len())]
            })
            .chain(std::iter::once(vec![
                "Total".to_owned(),
                records.len().to_string(),
                "100%".to_owned(),
            ]))
            .collect(),
    }
}

/// A recommendation with its position (under `position_label`), our priority and our ask.
fn recommendation(record: &Record, position_label: &str) -> Block {
    let tracking = &record.tracking;
    Block::Recommendation {
        paragraph: record.paragraph.clone(),
        text: record.text.clone(),
        states: record.states.join("; "),
        details: [
            detail(position_label, record.position.label()),
            detail("Priority", tracking.priority.map_or("", |p| p.label())),
            detail("Our ask", tracking.our_ask.clone()),
        ]
        .into_iter()
        .flatten()
        .collect(),
    }
}

/// "300 words, 2:18 at 130 words a minute; limit 2:00: 40 words over".
fn budget_words(s: &Statement) -> String {
    let b = &s.budget;
    let mut words = plural(b.words, "word", "words");
    if s.kind == StatementKind::Oral {
        words.push_str(&format!(
            ", {} at {} words a minute (limit {})",
            clock(b.speaking_seconds),
            s.words_per_minute,
            clock(f64::from(s.time_limit_seconds))
        ));
    } else if let Some(limit) = b.word_limit {
        words.push_str(&format!(" (limit {})", thousands(limit)));
    }
    if b.over_by_words > 0 {
        words.push_str(&format!(
            ": {} over",
            plural(b.over_by_words, "word", "words")
        ));
    }
    words
}

/// The statement's text, paragraph by paragraph; an oral one with a time mark before each
/// paragraph (where the speaker should be by then, at their pace) and at the end.
fn statement_blocks(s: &Statement) -> Vec<Block> {
    let oral = s.kind == StatementKind::Oral;
    let seconds_per_word = 60.0 / f64::from(s.words_per_minute.max(1));
    let mut blocks = Vec::new();
    if !s.co_signers.is_empty() {
        blocks.push(Block::Paragraph {
            spans: vec![Span::bold("With "), Span::plain(s.co_signers.join(", "))],
        });
    }
    if oral && !s.speaker.trim().is_empty() {
        blocks.push(Block::Paragraph {
            spans: vec![Span::bold("Speaker: "), Span::plain(s.speaker.trim())],
        });
    }
    let mut words_so_far = 0usize;
    for paragraph in s
        .text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if oral {
            blocks.push(Block::TimeMark {
                at: clock(words_so_far as f64 * seconds_per_word),
            });
        }
        words_so_far += count_words(paragraph);
        blocks.push(Block::Paragraph {
            spans: vec![Span::plain(paragraph)],
        });
    }
    if oral {
        blocks.push(Block::TimeMark {
            at: format!(
                "{} end (limit {})",
                clock(words_so_far as f64 * seconds_per_word),
                clock(f64::from(s.time_limit_seconds))
            ),
        });
    }
    if !s.recommendations.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: "Recommendations referred to".into(),
        });
        blocks.push(Block::List {
            numbered: false,
            items: s
                .recommendations
                .iter()
                .map(|r| vec![Span::plain(r.paragraph.clone())])
                .collect(),
        });
    }
    blocks
}

/// The words against the stakeholder submission's limits, e.g. "within the 2,815-word limit of
/// an individual submission".
fn word_verdict(words: usize) -> String {
    if words <= SUBMISSION_WORD_LIMIT {
        format!(
            "within the {}-word limit of an individual submission ({} to spare).",
            thousands(SUBMISSION_WORD_LIMIT),
            thousands(SUBMISSION_WORD_LIMIT - words)
        )
    } else if words <= JOINT_SUBMISSION_WORD_LIMIT {
        format!(
            "{} over the {}-word limit of an individual submission; within the {} of a joint one.",
            thousands(words - SUBMISSION_WORD_LIMIT),
            thousands(SUBMISSION_WORD_LIMIT),
            thousands(JOINT_SUBMISSION_WORD_LIMIT)
        )
    } else {
        format!(
            "{} over the {}-word limit of a joint submission ({} over an individual one's {}).",
            thousands(words - JOINT_SUBMISSION_WORD_LIMIT),
            thousands(JOINT_SUBMISSION_WORD_LIMIT),
            thousands(words - SUBMISSION_WORD_LIMIT),
            thousands(SUBMISSION_WORD_LIMIT)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(2), "2nd");
        assert_eq!(ordinal(3), "3rd");
        assert_eq!(ordinal(4), "4th");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(thousands(5630), "5,630");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(clock(138.4), "2:18");
        assert_eq!(share(1, 3), "33%");
    }

    #[test]
    fn word_counts_are_judged_against_both_submission_limits() {
        assert!(word_verdict(2_815).starts_with("within the 2,815-word limit"));
        assert!(word_verdict(2_816).starts_with("1 over the 2,815-word limit"));
        assert!(word_verdict(5_630).contains("within the 5,630 of a joint one"));
        assert!(word_verdict(6_000).starts_with("370 over the 5,630-word limit"));
    }
}
