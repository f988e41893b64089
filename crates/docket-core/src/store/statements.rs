//! Statements in the store: their content, linked recommendations, versions, the deadline made
//! when one is registered; speakers' rates and sessions' time limits.

use chrono::{DateTime, Utc};

use super::Store;
use crate::advocacy::{
    NewStatement, Statement, StatementStatus, StatementSummary, StatementVersion, VersionDiff,
};
use crate::error::Result;

/// A recommendation as a statement quotes it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    /// Database id.
    pub id: i64,
    /// Paragraph number.
    pub paragraph: String,
    /// The recommending States.
    pub states: Vec<String>,
    /// The text.
    pub text: String,
}

impl Store {
    /// The statements of one review (`Some`) or all, most recently changed first.
    pub fn statements(&self, review_id: Option<i64>) -> Result<Vec<StatementSummary>> {
        let _ = review_id;
        todo!("statements")
    }

    /// One statement, with its budget and its review's dates.
    pub fn statement(&self, id: i64) -> Result<Statement> {
        let _ = id;
        todo!("statements")
    }

    /// Creates a statement (status "idea") and its first version.
    pub fn create_statement(
        &mut self,
        statement: &NewStatement,
        now: DateTime<Utc>,
    ) -> Result<Statement> {
        let _ = (statement, now);
        todo!("statements")
    }

    /// Replaces a statement's content (not its status).
    pub fn update_statement(
        &mut self,
        id: i64,
        statement: &NewStatement,
        now: DateTime<Utc>,
    ) -> Result<Statement> {
        let _ = (id, statement, now);
        todo!("statements")
    }

    /// Moves a statement to another status: refused when the workflow does not allow it; keeps a
    /// version; registering makes (or moves) its deadline with reminders in the calendar.
    pub fn set_statement_status(
        &mut self,
        id: i64,
        status: StatementStatus,
        now: DateTime<Utc>,
    ) -> Result<Statement> {
        let _ = (id, status, now);
        todo!("statements")
    }

    /// Deletes a statement with its versions (its deadline stays in the calendar).
    pub fn delete_statement(&mut self, id: i64) -> Result<()> {
        let _ = id;
        todo!("statements")
    }

    /// Keeps a version of the statement as it is now, with the user's label.
    pub fn snapshot_statement(
        &mut self,
        id: i64,
        label: &str,
        now: DateTime<Utc>,
    ) -> Result<StatementVersion> {
        let _ = (id, label, now);
        todo!("statements")
    }

    /// A statement's versions, newest first.
    pub fn statement_versions(&self, id: i64) -> Result<Vec<StatementVersion>> {
        let _ = id;
        todo!("statements")
    }

    /// The differences between two versions of a statement; `right` `None` compares with the
    /// statement as it is now.
    pub fn diff_versions(&self, left: i64, right: Option<i64>) -> Result<VersionDiff> {
        let _ = (left, right);
        todo!("statements")
    }

    /// Recommendations as a statement quotes them, in the order given.
    pub fn quotes(&self, ids: &[i64]) -> Result<Vec<Quote>> {
        let _ = ids;
        todo!("statements")
    }

    /// Every speaker's rate, by name.
    pub fn speaker_rates(&self) -> Result<Vec<(String, u32)>> {
        todo!("statements")
    }

    /// Sets a speaker's rate (60-250 words a minute).
    pub fn set_speaker_rate(&mut self, name: &str, words_per_minute: u32) -> Result<()> {
        let _ = (name, words_per_minute);
        todo!("statements")
    }

    /// The NGO speaking time of a Council session, if set (else the default).
    pub fn session_time_limit(&self, hrc_session: u32) -> Result<u32> {
        let _ = hrc_session;
        todo!("statements")
    }

    /// Sets the NGO speaking time of a Council session (15-1,200 seconds).
    pub fn set_session_time_limit(&mut self, hrc_session: u32, seconds: u32) -> Result<()> {
        let _ = (hrc_session, seconds);
        todo!("statements")
    }
}
