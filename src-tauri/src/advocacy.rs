//! Advocacy in the app: the organization's statements to the Council (their text against the
//! speaking time or word limit, their workflow, versions and differences, the recommendations they
//! quote), and the lobbying of recommending States (each State's page, contacts, meetings, status,
//! and who to meet first). Adapters only: the work is in `docket_core::store::statements`,
//! `docket_core::store::lobbying` and `docket_core::advocacy`, run off the main thread by
//! [`Db::run`].
//!
//! Contacts, meeting notes and statements are kept only in the local database (see
//! `docs/security.md`). Registering a statement and a meeting's follow-up put deadlines in the
//! calendar, so those changes wake the reminder timer (`reminders.rs`).

use std::sync::Arc;

use docket_core::advocacy::{
    Contact, Meeting, NewContact, NewMeeting, NewStatement, StateKey, StateLobbyingStatus,
    StatePage, StateRank, Statement, StatementStatus, StatementSummary, StatementVersion,
    VersionDiff,
};
use docket_core::store::statements::Quote;
use tauri::State;

use crate::db::Db;
use crate::error::IpcError;
use crate::now;
use crate::reminders::Reminders;

type Res<T> = Result<T, IpcError>;

/// The most recommendations `quotes` returns in one call.
pub const MAX_QUOTES: usize = 500;

/// The statements of one review (`review_id`) or all (`None`), most recently changed first.
#[tauri::command]
pub async fn statements(
    db: State<'_, Arc<Db>>,
    review_id: Option<i64>,
) -> Res<Vec<StatementSummary>> {
    db.run(move |s| s.statements(review_id)).await
}

/// One statement, with its budget and its review's dates.
#[tauri::command]
pub async fn statement(db: State<'_, Arc<Db>>, id: i64) -> Res<Statement> {
    db.run(move |s| s.statement(id)).await
}

/// Creates a statement (`id` is `None`) or replaces one's content (not its status); returns it as
/// saved. `statement` is taken as raw JSON so that a malformed one is refused as `invalid_input`.
/// An update wakes the reminder timer, in case the store moved a registered statement's deadline.
#[tauri::command]
pub async fn save_statement(
    db: State<'_, Arc<Db>>,
    reminders: State<'_, Arc<Reminders>>,
    id: Option<i64>,
    statement: serde_json::Value,
) -> Res<Statement> {
    let statement: NewStatement = IpcError::parse(statement, "this statement")?;
    let saved = db
        .run(move |s| match id {
            None => s.create_statement(&statement, now().into()),
            Some(id) => s.update_statement(id, &statement, now().into()),
        })
        .await?;
    if id.is_some() {
        reminders.wake();
    }
    Ok(saved)
}

/// Moves a statement on (or back) in its workflow; keeps a version. Registering makes its deadline
/// in the calendar, so the reminder timer is woken.
#[tauri::command]
pub async fn set_statement_status(
    db: State<'_, Arc<Db>>,
    reminders: State<'_, Arc<Reminders>>,
    id: i64,
    status: serde_json::Value,
) -> Res<Statement> {
    let status: StatementStatus = IpcError::parse(status, "this status")?;
    db.run_waking(&reminders, move |s| {
        s.set_statement_status(id, status, now().into())
    })
    .await
}

/// Deletes a statement with its versions (its deadline stays in the calendar).
#[tauri::command]
pub async fn delete_statement(db: State<'_, Arc<Db>>, id: i64) -> Res<()> {
    db.run(move |s| s.delete_statement(id)).await
}

/// Keeps a version of the statement as it is now, with the user's label.
#[tauri::command]
pub async fn snapshot_statement(
    db: State<'_, Arc<Db>>,
    id: i64,
    label: String,
) -> Res<StatementVersion> {
    db.run(move |s| s.snapshot_statement(id, &label, now().into()))
        .await
}

/// A statement's versions, newest first.
#[tauri::command]
pub async fn statement_versions(db: State<'_, Arc<Db>>, id: i64) -> Res<Vec<StatementVersion>> {
    db.run(move |s| s.statement_versions(id)).await
}

/// The differences between two versions; `right` `None` compares with the statement as it is now.
#[tauri::command]
pub async fn diff_versions(
    db: State<'_, Arc<Db>>,
    left: i64,
    right: Option<i64>,
) -> Res<VersionDiff> {
    db.run(move |s| s.diff_versions(left, right)).await
}

/// Recommendations as a statement quotes them, in the order given (at most [`MAX_QUOTES`]).
#[tauri::command]
pub async fn quotes(db: State<'_, Arc<Db>>, ids: Vec<i64>) -> Res<Vec<Quote>> {
    check_quote_count(ids.len())?;
    db.run(move |s| s.quotes(&ids)).await
}

/// Refuses more than [`MAX_QUOTES`] recommendations in one call.
fn check_quote_count(count: usize) -> Res<()> {
    if count > MAX_QUOTES {
        return Err(IpcError::invalid_input(format!(
            "A statement can quote at most {MAX_QUOTES} recommendations at once, not {count}. Choose fewer."
        )));
    }
    Ok(())
}

/// Every speaker's rate: `[name, words a minute]`.
#[tauri::command]
pub async fn speaker_rates(db: State<'_, Arc<Db>>) -> Res<Vec<(String, u32)>> {
    db.run(|s| s.speaker_rates()).await
}

/// Sets a speaker's rate (60-250 words a minute).
#[tauri::command]
pub async fn set_speaker_rate(
    db: State<'_, Arc<Db>>,
    name: String,
    words_per_minute: u32,
) -> Res<()> {
    db.run(move |s| s.set_speaker_rate(&name, words_per_minute))
        .await
}

/// The NGO speaking time of a Council session, in seconds (the default when not set).
#[tauri::command]
pub async fn session_time_limit(db: State<'_, Arc<Db>>, hrc_session: u32) -> Res<u32> {
    db.run(move |s| s.session_time_limit(hrc_session)).await
}

/// Sets the NGO speaking time of a Council session (15-1,200 seconds).
#[tauri::command]
pub async fn set_session_time_limit(
    db: State<'_, Arc<Db>>,
    hrc_session: u32,
    seconds: u32,
) -> Res<()> {
    db.run(move |s| s.set_session_time_limit(hrc_session, seconds))
        .await
}

/// A recommending State's page, for a review (`review_id`) or none. `state` is taken as raw JSON
/// so that a malformed one is refused as `invalid_input`.
#[tauri::command]
pub async fn state_page(
    db: State<'_, Arc<Db>>,
    state: serde_json::Value,
    review_id: Option<i64>,
) -> Res<StatePage> {
    let state: StateKey = IpcError::parse(state, "this State")?;
    db.run(move |s| s.state_page(&state, review_id)).await
}

/// The recommending States of a review, best to meet first.
#[tauri::command]
pub async fn who_to_meet_first(db: State<'_, Arc<Db>>, review_id: i64) -> Res<Vec<StateRank>> {
    db.run(move |s| s.who_to_meet_first(review_id)).await
}

/// Creates (`id` is `None`) or updates a contact; returns it as saved.
#[tauri::command]
pub async fn save_contact(
    db: State<'_, Arc<Db>>,
    id: Option<i64>,
    contact: serde_json::Value,
) -> Res<Contact> {
    let contact: NewContact = IpcError::parse(contact, "this contact")?;
    db.run(move |s| s.save_contact(id, &contact, now().into()))
        .await
}

/// Deletes a contact.
#[tauri::command]
pub async fn delete_contact(db: State<'_, Arc<Db>>, id: i64) -> Res<()> {
    db.run(move |s| s.delete_contact(id)).await
}

/// Logs (`id` is `None`) or updates a meeting; its follow-up deadline is created, replaced or
/// removed in the calendar with it, so the reminder timer is woken.
#[tauri::command]
pub async fn save_meeting(
    db: State<'_, Arc<Db>>,
    reminders: State<'_, Arc<Reminders>>,
    id: Option<i64>,
    meeting: serde_json::Value,
) -> Res<Meeting> {
    let meeting: NewMeeting = IpcError::parse(meeting, "this meeting")?;
    db.run_waking(&reminders, move |s| {
        s.save_meeting(id, &meeting, now().into())
    })
    .await
}

/// Deletes a meeting and its follow-up deadline.
#[tauri::command]
pub async fn delete_meeting(
    db: State<'_, Arc<Db>>,
    reminders: State<'_, Arc<Reminders>>,
    id: i64,
) -> Res<()> {
    db.run_waking(&reminders, move |s| s.delete_meeting(id))
        .await
}

/// Sets our lobbying status and notes for a State. `state` and `status` are taken as raw JSON so
/// that a malformed one is refused as `invalid_input`.
#[tauri::command]
pub async fn set_state_lobbying(
    db: State<'_, Arc<Db>>,
    state: serde_json::Value,
    status: serde_json::Value,
    notes: String,
) -> Res<()> {
    let state: StateKey = IpcError::parse(state, "this State")?;
    let status: StateLobbyingStatus = IpcError::parse(status, "this lobbying status")?;
    db.run(move |s| s.set_state_lobbying(&state, status, &notes, now().into()))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use docket_core::ErrorKind;

    #[test]
    fn quotes_are_limited_to_five_hundred_at_once() {
        assert!(check_quote_count(0).is_ok());
        assert!(check_quote_count(MAX_QUOTES).is_ok());
        let err = check_quote_count(MAX_QUOTES + 1).err();
        assert_eq!(err.map(|e| e.kind), Some(ErrorKind::InvalidInput));
    }
}
