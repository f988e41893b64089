//! The crate's one error type. Every message is written for a person: what happened and what to do.

use std::path::PathBuf;

/// Result with Docket's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong in Docket's core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A review, recommendation or other record does not exist (any more).
    #[error("{0}")]
    NotFound(String),
    /// The user's input cannot be accepted as given.
    #[error("{0}")]
    InvalidInput(String),
    /// The database file was written by a newer Docket: it is refused and left untouched.
    #[error(
        "The data file {path} was written by a newer version of Docket (format {found}; this version \
         knows up to {supported}). It was left untouched. Install the latest Docket to open it."
    )]
    NewerDatabase {
        /// The file refused.
        path: PathBuf,
        /// Its `user_version`.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// The database file is damaged or is not a Docket database: it is refused and left untouched.
    #[error("{}", corrupt_message(.path, .detail))]
    CorruptDatabase {
        /// The file refused (empty when the damage was found after opening it).
        path: PathBuf,
        /// What SQLite said.
        detail: String,
    },
    /// Any other database failure.
    #[error("Docket could not read or write its data ({0}). Try again; if it keeps happening, restart Docket.")]
    Database(rusqlite::Error),
    /// The user cancelled a long operation; nothing was changed.
    #[error("Cancelled: nothing was changed.")]
    Cancelled,
    /// A file could not be read or written.
    #[error("{context}: {source}")]
    Io {
        /// What Docket was doing, in plain words.
        context: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file could not be written, with what to do about it in plain words (exports).
    #[error("{0}")]
    CannotWrite(String),
}

fn corrupt_message(path: &std::path::Path, detail: &str) -> String {
    let file = if path.as_os_str().is_empty() {
        "Docket's data file".to_owned()
    } else {
        format!("The data file {}", path.display())
    };
    format!(
        "{file} is damaged or is not a Docket data file ({detail}). It was left untouched. \
         Close Docket, move the file to another folder (or restore a backup copy) and start Docket again."
    )
}

impl From<rusqlite::Error> for Error {
    /// SQLite's "corrupt" and "not a database" become [`Error::CorruptDatabase`] wherever they are
    /// found, so that damage is never reported as a passing failure to retry.
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => Error::CorruptDatabase {
                path: PathBuf::new(),
                detail: e.to_string(),
            },
            _ => Error::Database(e),
        }
    }
}

/// A small, stable classification of [`Error`] that front ends switch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// See [`Error::NotFound`].
    NotFound,
    /// See [`Error::InvalidInput`].
    InvalidInput,
    /// See [`Error::Database`].
    Database,
    /// See [`Error::NewerDatabase`].
    NewerDatabase,
    /// See [`Error::CorruptDatabase`].
    CorruptDatabase,
    /// See [`Error::Io`] and [`Error::CannotWrite`].
    Io,
    /// See [`Error::Cancelled`].
    Cancelled,
    /// A failure inside Docket itself (a bug), not caused by the user.
    Internal,
}

impl Error {
    /// The kind front ends switch on.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::InvalidInput(_) => ErrorKind::InvalidInput,
            Error::NewerDatabase { .. } => ErrorKind::NewerDatabase,
            Error::CorruptDatabase { .. } => ErrorKind::CorruptDatabase,
            Error::Database(_) => ErrorKind::Database,
            Error::Io { .. } | Error::CannotWrite(_) => ErrorKind::Io,
            Error::Cancelled => ErrorKind::Cancelled,
        }
    }

    /// An I/O error with what Docket was doing.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}
