//! When a reminder fires, for a given clock (the store passes `now`; tests inject any time).
