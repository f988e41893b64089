//! The database as the app holds it: opened once, off the main thread, shared by all commands.
//!
//! Every command runs its store work on Tokio's blocking pool through [`Db::run`], so a slow query
//! never freezes the window. If the database cannot be opened (a newer or damaged file) the error
//! is kept and returned by every command, and the file is left untouched.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use docket_core::Store;

use crate::error::IpcError;
use crate::reminders::Reminders;

type Shared = Arc<Mutex<Store>>;

/// The app's database handle (managed Tauri state).
pub struct Db {
    path: Option<PathBuf>,
    store: OnceLock<Result<Shared, IpcError>>,
}

impl Db {
    /// A handle on the database at `path`, opened on first use. `None`: no data folder was found.
    pub fn new(path: Option<PathBuf>) -> Arc<Db> {
        Arc::new(Db {
            path,
            store: OnceLock::new(),
        })
    }

    /// A handle on an already open store (tests).
    pub fn from_store(store: Store) -> Arc<Db> {
        let db = Db {
            path: store.path().map(PathBuf::from),
            store: OnceLock::new(),
        };
        let _ = db.store.set(Ok(Arc::new(Mutex::new(store))));
        Arc::new(db)
    }

    /// The database file.
    pub fn path(&self) -> Option<&PathBuf> {
        self.path.as_ref()
    }

    /// Opens the store if it is not open yet. Blocks: call it from a blocking thread.
    fn store(&self) -> Result<Shared, IpcError> {
        self.store
            .get_or_init(|| {
                let path = self.path.as_ref().ok_or_else(|| IpcError {
                    kind: docket_core::ErrorKind::Io,
                    message: "Docket could not find a folder for its data (no home folder is set). Set the HOME environment variable and start Docket again.".into(),
                })?;
                Store::open(path)
                    .map(|s| Arc::new(Mutex::new(s)))
                    .map_err(IpcError::from)
            })
            .clone()
    }

    /// Opens the database and builds its search index in the background, so that both are ready
    /// when the window asks for data.
    pub fn warm_up(self: &Arc<Self>) {
        let db = Arc::clone(self);
        tauri::async_runtime::spawn_blocking(move || {
            // Then build the search index, so that the first list is drawn without waiting for
            // it. A failure here is reported by the first command instead.
            if let Ok(shared) = db.store() {
                let store = shared.lock().unwrap_or_else(|p| p.into_inner());
                let _ = store.prepare_search();
            }
        });
    }

    /// Runs `f` on the store in a blocking thread, never on the main thread.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> docket_core::Result<T> + Send + 'static,
    {
        let db = Arc::clone(self);
        tauri::async_runtime::spawn_blocking(move || {
            let shared = db.store()?;
            // A panic while holding the lock poisons it; the store itself stays consistent
            // (its writes are transactions), so carry on with it.
            let mut store = shared.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut store).map_err(IpcError::from)
        })
        .await
        .map_err(IpcError::internal)?
    }

    /// [`Db::run`] for a change that can move a reminder: once it has succeeded, wakes the
    /// reminder timer, so that a reminder already due is shown within a second.
    pub async fn run_waking<T, F>(
        self: &Arc<Self>,
        reminders: &Reminders,
        f: F,
    ) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> docket_core::Result<T> + Send + 'static,
    {
        let done = self.run(f).await?;
        reminders.wake();
        Ok(done)
    }
}
