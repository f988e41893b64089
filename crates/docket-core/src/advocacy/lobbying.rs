//! "Who to meet first": the recommending States of a review, ranked by how many of the
//! organization's priority recommendations they made and where the State under review stands on
//! them.

use super::{StateKey, StateLobbyingStatus, StateRank};
use crate::domain::{Position, Priority};

/// What the ranking needs to know of one recommending State.
#[derive(Debug, Clone, PartialEq)]
pub struct RankInput {
    /// The State.
    pub state: StateKey,
    /// Its recommendations in the review: our priority and the position on each.
    pub recommendations: Vec<(Option<Priority>, Position)>,
    /// Our lobbying status with it.
    pub status: StateLobbyingStatus,
}

/// The States, best to meet first.
pub fn rank(states: Vec<RankInput>) -> Vec<StateRank> {
    let _ = states;
    todo!("lobbying")
}
