//! A statement's statuses: idea → drafting → final → registered → delivered (or not called), and
//! the moves allowed between them.

use super::StatementStatus;

/// Whether a statement may move from `from` to `to`.
pub fn can_move(from: StatementStatus, to: StatementStatus) -> bool {
    let _ = (from, to);
    todo!("workflow")
}

/// The statuses reachable from `from`, in workflow order.
pub fn next_steps(from: StatementStatus) -> Vec<StatementStatus> {
    let _ = from;
    todo!("workflow")
}

/// The status in words ("Not called").
pub fn label(status: StatementStatus) -> &'static str {
    let _ = status;
    todo!("workflow")
}
