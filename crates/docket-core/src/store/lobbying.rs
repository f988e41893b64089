//! Lobbying in the store: each recommending State's page (its recommendations here and in other
//! reviews, contacts, meetings, status) and the "who to meet first" ranking of a review.

use chrono::{DateTime, Utc};

use super::Store;
use crate::advocacy::{
    Contact, Meeting, NewContact, NewMeeting, StateKey, StateLobbyingStatus, StatePage, StateRank,
};
use crate::error::Result;

impl Store {
    /// A recommending State's page, for a review (its recommendations there first) or none.
    pub fn state_page(&self, state: &StateKey, review_id: Option<i64>) -> Result<StatePage> {
        let _ = (state, review_id);
        todo!("lobbying")
    }

    /// The recommending States of a review, best to meet first.
    pub fn who_to_meet_first(&self, review_id: i64) -> Result<Vec<StateRank>> {
        let _ = review_id;
        todo!("lobbying")
    }

    /// Creates (`id` None) or updates a contact.
    pub fn save_contact(
        &mut self,
        id: Option<i64>,
        contact: &NewContact,
        now: DateTime<Utc>,
    ) -> Result<Contact> {
        let _ = (id, contact, now);
        todo!("lobbying")
    }

    /// Deletes a contact.
    pub fn delete_contact(&mut self, id: i64) -> Result<()> {
        let _ = id;
        todo!("lobbying")
    }

    /// Logs (`id` None) or updates a meeting; its follow-up deadline is created, replaced or
    /// removed in the calendar with it.
    pub fn save_meeting(
        &mut self,
        id: Option<i64>,
        meeting: &NewMeeting,
        now: DateTime<Utc>,
    ) -> Result<Meeting> {
        let _ = (id, meeting, now);
        todo!("lobbying")
    }

    /// Deletes a meeting and its follow-up deadline.
    pub fn delete_meeting(&mut self, id: i64) -> Result<()> {
        let _ = id;
        todo!("lobbying")
    }

    /// Sets our lobbying status and notes for a State.
    pub fn set_state_lobbying(
        &mut self,
        state: &StateKey,
        status: StateLobbyingStatus,
        notes: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let _ = (state, status, notes, now);
        todo!("lobbying")
    }
}
