//! Word counting for statements in English, French, Spanish and Arabic, and a statement's budget.
//!
//! The rule (the UI's TypeScript counter follows the same one, tested against the same samples in
//! `tests/fixtures/word_counts.json`): the text is split on Unicode whitespace (which includes the
//! no-break spaces French puts before `:;!?`), and a piece counts as a word when it holds at
//! least one letter or digit of any script (Arabic letters and Arabic-Indic digits count; a lone
//! dash, colon or ellipsis does not). Elisions and hyphenated words ("l’État", "follow-up",
//! "and/or") are one word, as word processors count them.

use super::{Budget, EcosocStatus, StatementKind, DEFAULT_WORDS_PER_MINUTE};

/// The words of a text as a person (and the UN's word limits) counts them.
pub fn count_words(text: &str) -> usize {
    text.split(char::is_whitespace)
        .filter(|piece| is_word(piece))
        .count()
}

/// Whether a piece of text between whitespace counts as a word.
fn is_word(piece: &str) -> bool {
    piece.chars().any(char::is_alphanumeric)
}

/// The rate to use: 0 means "not set", the default.
fn rate(words_per_minute: u32) -> u32 {
    if words_per_minute == 0 {
        DEFAULT_WORDS_PER_MINUTE
    } else {
        words_per_minute
    }
}

/// Seconds to speak `words` at `words_per_minute` (0: the default rate).
pub fn speaking_seconds(words: usize, words_per_minute: u32) -> f64 {
    words as f64 * 60.0 / f64::from(rate(words_per_minute))
}

/// A statement's length against its limits.
///
/// - Oral: the time limit at the rate gives the word limit (rounded down: the words that fit);
///   over by the words and seconds beyond it.
/// - Written: the delivering organization's ECOSOC status gives the word limit (none without
///   status: an accredited organization must sponsor it); the speaking time is still given.
pub fn budget(
    kind: StatementKind,
    ecosoc_status: EcosocStatus,
    text: &str,
    words_per_minute: u32,
    time_limit_seconds: u32,
) -> Budget {
    let words = count_words(text);
    let wpm = rate(words_per_minute);
    let speaking = speaking_seconds(words, wpm);
    let needs_sponsor = ecosoc_status == EcosocStatus::None;
    match kind {
        StatementKind::Oral => {
            let word_limit = (u64::from(time_limit_seconds) * u64::from(wpm) / 60) as usize;
            Budget {
                words,
                speaking_seconds: speaking,
                time_limit_seconds: Some(time_limit_seconds),
                word_limit: Some(word_limit),
                over_by_words: words.saturating_sub(word_limit),
                over_by_seconds: (speaking - f64::from(time_limit_seconds)).max(0.0),
                needs_sponsor,
            }
        }
        StatementKind::Written => {
            let word_limit = ecosoc_status.written_word_limit();
            Budget {
                words,
                speaking_seconds: speaking,
                time_limit_seconds: None,
                word_limit,
                over_by_words: word_limit.map_or(0, |limit| words.saturating_sub(limit)),
                over_by_seconds: 0.0,
                needs_sponsor,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_break_spaces_separate_words() {
        assert_eq!(count_words("essentiel\u{a0}! c’est\u{202f}: vrai"), 3);
    }

    #[test]
    fn oral_limit_rounds_down() {
        // 125 s at 131 wpm = 272.9 words: 272 fit.
        let b = budget(StatementKind::Oral, EcosocStatus::General, "", 131, 125);
        assert_eq!(b.word_limit, Some(272));
    }
}
