//! The error that crosses IPC: `{ "kind": "...", "message": "..." }`.

use docket_core::{Error, ErrorKind};
use serde::Serialize;

/// An error as the UI receives it. `kind` is what the UI switches on; `message` is for a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    /// The kind of failure.
    pub kind: ErrorKind,
    /// What happened and what to do, in plain language.
    pub message: String,
}

impl IpcError {
    /// Input the user (or the page) gave that Docket cannot use.
    pub fn invalid_input(message: impl Into<String>) -> Self {
        IpcError {
            kind: ErrorKind::InvalidInput,
            message: message.into(),
        }
    }

    /// A failure inside Docket itself.
    pub fn internal(what: impl std::fmt::Display) -> Self {
        IpcError {
            kind: ErrorKind::Internal,
            message: format!(
                "Something went wrong inside Docket ({what}). Your data was not changed. Try again; if it keeps happening, restart Docket."
            ),
        }
    }
}

impl From<Error> for IpcError {
    fn from(e: Error) -> Self {
        IpcError {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}
