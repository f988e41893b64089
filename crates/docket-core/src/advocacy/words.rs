//! Word counting for statements in English, French, Spanish and Arabic, and a statement's budget.

use super::{Budget, EcosocStatus, StatementKind};

/// The words of a text as a person (and the UN's word limits) counts them.
pub fn count_words(text: &str) -> usize {
    let _ = text;
    todo!("words")
}

/// Seconds to speak `words` at `words_per_minute`.
pub fn speaking_seconds(words: usize, words_per_minute: u32) -> f64 {
    let _ = (words, words_per_minute);
    todo!("words")
}

/// A statement's length against its limits.
pub fn budget(
    kind: StatementKind,
    ecosoc_status: EcosocStatus,
    text: &str,
    words_per_minute: u32,
    time_limit_seconds: u32,
) -> Budget {
    let _ = (
        kind,
        ecosoc_status,
        text,
        words_per_minute,
        time_limit_seconds,
    );
    todo!("words")
}
