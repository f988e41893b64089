//! Where Docket keeps its data. The app and the command line share one default database.

use std::path::PathBuf;

/// The application identifier (also in `tauri.conf.json`): the name of Docket's data folder.
pub const APP_IDENTIFIER: &str = "org.docket.desktop";

/// The database file's name inside the data folder.
pub const DB_FILE_NAME: &str = "docket.sqlite3";

/// The OS's per-user data folder for Docket, the same folder Tauri's `app_data_dir` gives:
/// `$XDG_DATA_HOME/org.docket.desktop` (Linux, default `~/.local/share/…`),
/// `~/Library/Application Support/org.docket.desktop` (macOS),
/// `%APPDATA%\org.docket.desktop` (Windows).
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER))
}

/// The default database path, inside [`default_data_dir`].
pub fn default_db_path() -> Option<PathBuf> {
    default_data_dir().map(|d| d.join(DB_FILE_NAME))
}
