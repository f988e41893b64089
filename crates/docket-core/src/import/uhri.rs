//! Placeholder: this reader is being written.
