//! A statement's statuses: idea → drafting → final → registered → delivered (or not called), and
//! the moves allowed between them.
//!
//! A statement moves one step forward at a time (registered → delivered or not called), and may go
//! back to any earlier stage of idea, drafting, final or registered (a text reopened, a
//! registration withdrawn, a mistake corrected). Staying where it is is not a move.

use super::StatementStatus;

/// A status's place in the workflow; the two outcomes after registration share one (they are
/// alternatives: neither comes before the other).
fn rank(status: StatementStatus) -> u8 {
    match status {
        StatementStatus::Idea => 0,
        StatementStatus::Drafting => 1,
        StatementStatus::Final => 2,
        StatementStatus::Registered => 3,
        StatementStatus::Delivered | StatementStatus::NotCalled => 4,
    }
}

/// Whether a statement may move from `from` to `to`.
pub fn can_move(from: StatementStatus, to: StatementStatus) -> bool {
    use StatementStatus::*;
    if from == to {
        return false;
    }
    let forward = matches!(
        (from, to),
        (Idea, Drafting)
            | (Drafting, Final)
            | (Final, Registered)
            | (Registered, Delivered)
            | (Registered, NotCalled)
    );
    let back = rank(to) < rank(from) && matches!(to, Idea | Drafting | Final | Registered);
    forward || back
}

/// The statuses reachable from `from`, in workflow order.
pub fn next_steps(from: StatementStatus) -> Vec<StatementStatus> {
    StatementStatus::ALL
        .iter()
        .copied()
        .filter(|to| can_move(from, *to))
        .collect()
}

/// The status in words ("Not called").
pub fn label(status: StatementStatus) -> &'static str {
    match status {
        StatementStatus::Idea => "Idea",
        StatementStatus::Drafting => "Drafting",
        StatementStatus::Final => "Final",
        StatementStatus::Registered => "Registered",
        StatementStatus::Delivered => "Delivered",
        StatementStatus::NotCalled => "Not called",
    }
}
