//! "Who to meet first": the recommending States of a review, ranked by how many of the
//! organization's priority recommendations they made and where the State under review stands on
//! them.
//!
//! # The score
//!
//! Each recommendation the organization gave a priority counts its priority's points, weighted
//! by the position the State under review has taken on it so far:
//!
//! | priority | points |   | position                        | weight | why                                   |
//! |----------|--------|---|---------------------------------|--------|---------------------------------------|
//! | high     | 3      |   | pending                         | × 1.5  | lobbying can still change the outcome |
//! | medium   | 2      |   | noted                           | × 1.2  | to raise again                        |
//! | low      | 1      |   | supported, supported in part    | × 1.0  | to follow up on implementation        |
//!
//! and each recommendation without a priority adds 0.1, so that States that made none of ours
//! still come in order of how many they made. A State that made a joint recommendation counts it
//! in full (as each of its co-authors does).
//!
//! `score = Σ points × weight (prioritised) + 0.1 × (recommendations without priority)`
//!
//! The States are sorted by score (highest first), then by more prioritised recommendations still
//! pending, then by name. The lobbying status is shown beside, and does not move a State: one
//! already supportive may still be the one to ask to speak first.
//!
//! The sums are made in tenths, as whole numbers, so that equal scores are equal exactly (no
//! rounding of the order in which floating-point numbers are added).

use std::cmp::Ordering;

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

/// A priority's points (see the module docs).
fn points(priority: Priority) -> u64 {
    match priority {
        Priority::High => 3,
        Priority::Medium => 2,
        Priority::Low => 1,
    }
}

/// A position's weight, in tenths (see the module docs).
fn weight_tenths(position: Position) -> u64 {
    match position {
        Position::Pending => 15,
        Position::Noted => 12,
        Position::Supported | Position::SupportedInPart => 10,
    }
}

/// What a recommendation without priority adds, in tenths.
const UNPRIORITISED_TENTHS: u64 = 1;

/// One State counted, with its exact score in tenths for sorting.
struct Counted {
    rank: StateRank,
    tenths: u64,
}

/// Counts one State's recommendations and explains its score.
fn count(input: RankInput) -> Counted {
    let mut rank = StateRank {
        state: input.state,
        recommendations: input.recommendations.len(),
        high: 0,
        medium: 0,
        low: 0,
        pending: 0,
        noted: 0,
        supported: 0,
        status: input.status,
        score: 0.0,
        why: String::new(),
    };
    let mut tenths = 0;
    for (priority, position) in input.recommendations {
        let Some(priority) = priority else {
            tenths += UNPRIORITISED_TENTHS;
            continue;
        };
        match priority {
            Priority::High => rank.high += 1,
            Priority::Medium => rank.medium += 1,
            Priority::Low => rank.low += 1,
        }
        match position {
            Position::Pending => rank.pending += 1,
            Position::Noted => rank.noted += 1,
            Position::Supported | Position::SupportedInPart => rank.supported += 1,
        }
        tenths += points(priority) * weight_tenths(position);
    }
    rank.score = tenths as f64 / 10.0;
    rank.why = why(&rank);
    Counted { rank, tenths }
}

/// Why a State ranks where it does, in words: "3 high and 1 medium priority recommendations; 2
/// still pending." or "No priority recommendations (5 in this review)."
fn why(rank: &StateRank) -> String {
    let prioritised = rank.high + rank.medium + rank.low;
    if prioritised == 0 {
        return format!(
            "No priority recommendations ({} in this review).",
            rank.recommendations
        );
    }
    let kinds: Vec<String> = [
        (rank.high, "high"),
        (rank.medium, "medium"),
        (rank.low, "low"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    let noun = if prioritised == 1 {
        "priority recommendation"
    } else {
        "priority recommendations"
    };
    let mut out = format!("{} {noun}", join_and(&kinds));
    let stands: Vec<String> = [
        (rank.pending, "still pending"),
        (rank.noted, "noted"),
        (rank.supported, "supported"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| {
        if n == prioritised && prioritised > 1 {
            format!("all {what}")
        } else {
            format!("{n} {what}")
        }
    })
    .collect();
    out.push_str("; ");
    out.push_str(&stands.join(", "));
    out.push('.');
    out
}

/// "a", "a and b", "a, b and c".
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The order of two States of equal score and pending count: by name, case and accents aside,
/// then as written, then by code (so that the order never depends on the input's).
fn by_name(a: &StateKey, b: &StateKey) -> Ordering {
    crate::states::normalize(&a.name)
        .cmp(&crate::states::normalize(&b.name))
        .then_with(|| a.name.cmp(&b.name))
        .then_with(|| a.iso3.cmp(&b.iso3))
}

/// The States, best to meet first.
pub fn rank(states: Vec<RankInput>) -> Vec<StateRank> {
    let mut counted: Vec<Counted> = states.into_iter().map(count).collect();
    counted.sort_by(|a, b| {
        b.tenths
            .cmp(&a.tenths)
            .then_with(|| b.rank.pending.cmp(&a.rank.pending))
            .then_with(|| by_name(&a.rank.state, &b.rank.state))
    });
    counted.into_iter().map(|c| c.rank).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn key(name: &str) -> StateKey {
        StateKey {
            iso3: None,
            name: name.into(),
        }
    }

    #[test]
    fn words_for_one_and_for_all() {
        let r = count(RankInput {
            state: key("A"),
            recommendations: vec![(Some(Priority::Low), Position::Noted)],
            status: StateLobbyingStatus::Met,
        })
        .rank;
        assert_eq!(r.why, "1 low priority recommendation; 1 noted.");
        let r = count(RankInput {
            state: key("A"),
            recommendations: vec![
                (Some(Priority::High), Position::Supported),
                (Some(Priority::Medium), Position::SupportedInPart),
                (Some(Priority::Low), Position::Supported),
                (None, Position::Pending),
            ],
            status: StateLobbyingStatus::Met,
        })
        .rank;
        assert_eq!(
            r.why,
            "1 high, 1 medium and 1 low priority recommendations; all supported."
        );
        assert_eq!(r.score, 6.1);
    }
}
