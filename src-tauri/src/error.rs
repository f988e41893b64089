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

    /// Reads a command's argument given as raw JSON, so that a malformed one is refused as
    /// `invalid_input` with a message like every other error, rather than as Tauri's own string.
    /// `what` names it for a person: "this change", "this search".
    pub fn parse<T: serde::de::DeserializeOwned>(
        value: serde_json::Value,
        what: &str,
    ) -> Result<T, IpcError> {
        serde_json::from_value(value).map_err(|e| {
            IpcError::invalid_input(format!(
                "Docket could not understand {what} ({e}), so nothing was done."
            ))
        })
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
