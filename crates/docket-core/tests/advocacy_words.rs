#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Advocacy without the store: word counting (against the samples the UI's counter shares),
//! speaking time, a statement's budget, the workflow's moves and word-level differences.

use docket_core::advocacy::diff::diff_words;
use docket_core::advocacy::words::{budget, count_words, speaking_seconds};
use docket_core::advocacy::workflow::{can_move, label, next_steps};
use docket_core::advocacy::{
    DiffKind, DiffPart, EcosocStatus, StatementKind, StatementStatus, DEFAULT_TIME_LIMIT_SECONDS,
    DEFAULT_WORDS_PER_MINUTE,
};

use StatementStatus::{Delivered, Drafting, Final, Idea, NotCalled, Registered};

/// `n` English words.
fn words(n: usize) -> String {
    vec!["word"; n].join(" ")
}

// ---- Word counting ----------------------------------------------------------------------------

#[test]
fn every_shared_sample_counts_as_expected() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/word_counts.json");
    let samples: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let samples = samples.as_array().unwrap();
    assert!(samples.len() >= 12, "the shared samples are all there");
    let mut langs = std::collections::BTreeSet::new();
    for s in samples {
        let text = s["text"].as_str().unwrap();
        let expected = s["words"].as_u64().unwrap() as usize;
        langs.insert(s["lang"].as_str().unwrap().to_owned());
        assert_eq!(count_words(text), expected, "{} sample {text:?}", s["lang"]);
    }
    assert_eq!(
        langs.into_iter().collect::<Vec<_>>(),
        ["ar", "en", "es", "fr"],
        "samples in the four languages"
    );
}

#[test]
fn punctuation_alone_is_not_a_word() {
    assert_eq!(count_words(""), 0);
    assert_eq!(count_words(" \t\n "), 0);
    assert_eq!(count_words("— - – … : ; ! ? ¿ ¡ « » ( ) \" ' ،"), 0);
    assert_eq!(count_words("Yes — no"), 2);
    assert_eq!(count_words("1. 2. 3."), 3, "numbers are words");
}

#[test]
fn elisions_hyphens_and_slashes_join_words() {
    assert_eq!(count_words("l’État l'homme c’est aujourd’hui"), 4);
    assert_eq!(count_words("follow-up and/or state-of-the-art"), 3);
    assert_eq!(count_words("2,000 26.1 A/HRC/46/15"), 3);
}

#[test]
fn every_unicode_space_separates_words() {
    // The no-break and narrow no-break spaces French puts before : ; ! ?
    assert_eq!(count_words("essentiel\u{a0}! vrai\u{202f}: oui"), 3);
    // Ideographic space, line and paragraph separators, em space.
    assert_eq!(count_words("a\u{3000}b\u{2028}c\u{2029}d\u{2003}e"), 5);
    assert_eq!(count_words("line\r\nbreak"), 2);
}

#[test]
fn arabic_letters_and_digits_are_words() {
    assert_eq!(
        count_words("عام ٢٠٢٥ ."),
        2,
        "Arabic-Indic digits count, a lone stop not"
    );
    assert_eq!(
        count_words("شكراً ، سيدتي"),
        2,
        "the Arabic comma alone is not a word"
    );
    assert_eq!(count_words("في ١٥ آذار/مارس"), 3);
}

#[test]
fn speaking_time_follows_the_rate() {
    assert_eq!(speaking_seconds(130, 130), 60.0);
    assert_eq!(speaking_seconds(260, 130), 120.0);
    assert_eq!(speaking_seconds(0, 130), 0.0);
    assert_eq!(speaking_seconds(100, 120), 50.0);
    assert_eq!(
        speaking_seconds(65, 0),
        30.0,
        "rate 0 means the default, {DEFAULT_WORDS_PER_MINUTE}"
    );
}

// ---- Budget -----------------------------------------------------------------------------------

#[test]
fn an_oral_statement_of_300_words_is_40_over_two_minutes() {
    let b = budget(
        StatementKind::Oral,
        EcosocStatus::Special,
        &words(300),
        130,
        120,
    );
    assert_eq!(b.words, 300);
    assert_eq!(b.time_limit_seconds, Some(120));
    assert_eq!(b.word_limit, Some(260));
    assert_eq!(b.over_by_words, 40);
    assert!((b.speaking_seconds - 300.0 * 60.0 / 130.0).abs() < 1e-9);
    assert!((b.over_by_seconds - (300.0 * 60.0 / 130.0 - 120.0)).abs() < 1e-9);
    assert!(!b.needs_sponsor);
}

#[test]
fn an_oral_statement_that_fits_is_over_by_nothing() {
    let b = budget(
        StatementKind::Oral,
        EcosocStatus::General,
        &words(200),
        DEFAULT_WORDS_PER_MINUTE,
        DEFAULT_TIME_LIMIT_SECONDS,
    );
    assert_eq!(b.word_limit, Some(260));
    assert_eq!(b.over_by_words, 0);
    assert_eq!(b.over_by_seconds, 0.0);
    // A faster speaker fits more words in 90 seconds: 90 × 150 / 60 = 225.
    let b = budget(StatementKind::Oral, EcosocStatus::General, "", 150, 90);
    assert_eq!(b.word_limit, Some(225));
    // Rounded down: 100 s at 131 wpm is 218.3 words.
    let b = budget(StatementKind::Oral, EcosocStatus::General, "", 131, 100);
    assert_eq!(b.word_limit, Some(218));
}

#[test]
fn written_limits_follow_the_ecosoc_status() {
    let text = words(1_800);
    let general = budget(
        StatementKind::Written,
        EcosocStatus::General,
        &text,
        130,
        120,
    );
    assert_eq!(general.word_limit, Some(2_000));
    assert_eq!(general.over_by_words, 0);
    assert_eq!(general.time_limit_seconds, None);
    assert_eq!(general.over_by_seconds, 0.0);
    assert!(general.speaking_seconds > 0.0, "speaking time still given");
    for status in [EcosocStatus::Special, EcosocStatus::Roster] {
        let b = budget(StatementKind::Written, status, &text, 130, 120);
        assert_eq!(b.word_limit, Some(1_500), "{status}");
        assert_eq!(b.over_by_words, 300, "{status}");
        assert!(!b.needs_sponsor);
    }
    let none = budget(StatementKind::Written, EcosocStatus::None, &text, 130, 120);
    assert_eq!(none.word_limit, None);
    assert_eq!(none.over_by_words, 0);
    assert!(none.needs_sponsor);
    // An oral statement without status needs a sponsor too.
    assert!(budget(StatementKind::Oral, EcosocStatus::None, "", 130, 120).needs_sponsor);
}

#[test]
fn french_and_arabic_statements_are_budgeted() {
    let fr = "Monsieur le Président, nous saluons l’engagement de l’État\u{a0}: c’est \
              essentiel\u{a0}! Nous l’appelons à mettre en œuvre la recommandation 26.1 — \
              dès aujourd’hui.";
    let b = budget(StatementKind::Oral, EcosocStatus::Special, fr, 120, 120);
    assert_eq!(b.words, 21);
    assert_eq!(b.speaking_seconds, 10.5);
    assert_eq!(b.word_limit, Some(240));
    assert_eq!(b.over_by_words, 0);

    let ar = "شكراً سيدتي الرئيسة، نرحب بقبول الدولة للتوصيات. تدعو منظمتنا إلى إلغاء عقوبة \
              الإعدام في عام ٢٠٢٥ .";
    let b = budget(StatementKind::Written, EcosocStatus::Roster, ar, 130, 120);
    assert_eq!(b.words, 16);
    assert_eq!(b.word_limit, Some(1_500));
    assert_eq!(b.over_by_words, 0);
    let long = format!("{ar} ").repeat(100);
    let b = budget(
        StatementKind::Written,
        EcosocStatus::Roster,
        &long,
        130,
        120,
    );
    assert_eq!(b.words, 1_600);
    assert_eq!(b.over_by_words, 100);
}

// ---- Workflow ---------------------------------------------------------------------------------

#[test]
fn every_allowed_move() {
    let allowed = [
        (Idea, vec![Drafting]),
        (Drafting, vec![Idea, Final]),
        (Final, vec![Idea, Drafting, Registered]),
        (
            Registered,
            vec![Idea, Drafting, Final, Delivered, NotCalled],
        ),
        (Delivered, vec![Idea, Drafting, Final, Registered]),
        (NotCalled, vec![Idea, Drafting, Final, Registered]),
    ];
    for (from, steps) in allowed {
        assert_eq!(next_steps(from), steps, "from {from}");
        for to in StatementStatus::ALL {
            assert_eq!(can_move(from, *to), steps.contains(to), "{from} → {to}");
        }
    }
}

#[test]
fn refused_moves() {
    assert!(!can_move(Idea, Delivered), "skipping ahead");
    assert!(!can_move(Idea, Final));
    assert!(!can_move(Drafting, Registered));
    assert!(!can_move(Final, Delivered), "delivered before registered");
    assert!(!can_move(Delivered, NotCalled), "outcome to outcome");
    assert!(!can_move(NotCalled, Delivered));
    for s in StatementStatus::ALL {
        assert!(!can_move(*s, *s), "staying at {s} is not a move");
    }
}

#[test]
fn labels() {
    let labels: Vec<&str> = StatementStatus::ALL.iter().map(|s| label(*s)).collect();
    assert_eq!(
        labels,
        [
            "Idea",
            "Drafting",
            "Final",
            "Registered",
            "Delivered",
            "Not called"
        ]
    );
}

// ---- Differences ------------------------------------------------------------------------------

/// The left and right texts the parts give back.
fn sides(parts: &[DiffPart]) -> (String, String) {
    let mut left = String::new();
    let mut right = String::new();
    for p in parts {
        match p.kind {
            DiffKind::Same => {
                left.push_str(&p.text);
                right.push_str(&p.text);
            }
            DiffKind::Removed => left.push_str(&p.text),
            DiffKind::Added => right.push_str(&p.text),
        }
    }
    (left, right)
}

fn part(kind: DiffKind, text: &str) -> DiffPart {
    DiffPart {
        kind,
        text: text.into(),
    }
}

#[test]
fn a_changed_word_is_removed_then_added() {
    let parts = diff_words(
        "We urge the State to act now.",
        "We urge the Government to act now.",
    );
    assert_eq!(
        parts,
        [
            part(DiffKind::Same, "We urge the "),
            part(DiffKind::Removed, "State "),
            part(DiffKind::Added, "Government "),
            part(DiffKind::Same, "to act now."),
        ]
    );
}

#[test]
fn insertions_deletions_and_appends() {
    let parts = diff_words("Thank you, President.", "Thank you very much, President.");
    assert_eq!(
        parts,
        [
            part(DiffKind::Same, "Thank "),
            part(DiffKind::Removed, "you, "),
            part(DiffKind::Added, "you very much, "),
            part(DiffKind::Same, "President."),
        ]
    );
    // Appending keeps the last word (its new space shown as added).
    let parts = diff_words("We welcome it.", "We welcome it. Thank you.");
    assert_eq!(
        parts,
        [
            part(DiffKind::Same, "We welcome it."),
            part(DiffKind::Added, " Thank you."),
        ]
    );
    let parts = diff_words("a b c d", "a d");
    assert_eq!(
        parts,
        [
            part(DiffKind::Same, "a "),
            part(DiffKind::Removed, "b c "),
            part(DiffKind::Same, "d")
        ]
    );
    assert_eq!(diff_words("", ""), []);
    assert_eq!(diff_words("", "New"), [part(DiffKind::Added, "New")]);
    assert_eq!(diff_words("Old", ""), [part(DiffKind::Removed, "Old")]);
}

#[test]
fn parts_give_both_texts_back_exactly() {
    let cases = [
        ("", ""),
        ("  leading and trailing  ", "leading\tand\n\ntrailing"),
        (
            "Monsieur le Président, nous saluons l’engagement de l’État\u{a0}: c’est essentiel\u{a0}!",
            "Madame la Présidente, nous saluons l’engagement de l’État\u{202f}: c’est essentiel.",
        ),
        (
            "شكراً سيدتي الرئيسة، نرحب بقبول الدولة للتوصيات.",
            "شكراً سيدي الرئيس، نرحب بقبول الدولة للتوصيات كلها.",
        ),
        ("a b a b a b", "b a b a b a"),
        ("x y z", "1 2 3 4 5"),
    ];
    for (left, right) in cases {
        let parts = diff_words(left, right);
        assert_eq!(sides(&parts), (left.to_owned(), right.to_owned()));
        assert!(parts.iter().all(|p| !p.text.is_empty()), "{parts:?}");
        assert!(
            parts.windows(2).all(|w| w[0].kind != w[1].kind),
            "adjacent runs of one kind are merged: {parts:?}"
        );
    }
}

#[test]
fn a_long_statement_rewritten_is_diffed_exactly() {
    // Two statements of 3,000 words with little in common: the slow path, in linear memory.
    let left: String = (0..3_000).map(|i| format!("w{} ", i % 97)).collect();
    let right: String = (0..3_000).map(|i| format!("w{} ", i % 89)).collect();
    let parts = diff_words(&left, &right);
    assert_eq!(sides(&parts), (left.clone(), right.clone()));
    let same: usize = parts
        .iter()
        .filter(|p| p.kind == DiffKind::Same)
        .map(|p| count_words(&p.text))
        .sum();
    let removed: usize = parts
        .iter()
        .filter(|p| p.kind == DiffKind::Removed)
        .map(|p| count_words(&p.text))
        .sum();
    let added: usize = parts
        .iter()
        .filter(|p| p.kind == DiffKind::Added)
        .map(|p| count_words(&p.text))
        .sum();
    assert_eq!(same + removed, 3_000);
    assert_eq!(same + added, 3_000);
    assert!(same > 89, "a common subsequence was found ({same})");
}

/// The length of a longest common subsequence of two word lists (the textbook table).
fn lcs_length(a: &[&str], b: &[&str]) -> usize {
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            table[i][j] = if a[i - 1] == b[j - 1] {
                table[i - 1][j - 1] + 1
            } else {
                table[i - 1][j].max(table[i][j - 1])
            };
        }
    }
    table[a.len()][b.len()]
}

/// A text of words from a small vocabulary, separated (and maybe preceded) by assorted
/// whitespace.
fn text_strategy() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let word = prop::sample::select(vec!["a", "b", "c", "l’État", "٢٠٢٥", "—"]);
    let space = prop::sample::select(vec![" ", "  ", "\n", "\u{a0}", ""]);
    (space.clone(), prop::collection::vec((word, space), 0..40)).prop_map(|(lead, pieces)| {
        let mut text = lead.to_owned();
        for (i, (w, s)) in pieces.iter().enumerate() {
            text.push_str(w);
            // Words are separated by at least one space (but the last may have none).
            if s.is_empty() && i + 1 < pieces.len() {
                text.push(' ');
            }
            text.push_str(s);
        }
        text
    })
}

proptest::proptest! {
    #[test]
    fn any_diff_gives_both_texts_back_and_keeps_a_longest_common_subsequence(
        left in text_strategy(),
        right in text_strategy(),
    ) {
        let parts = diff_words(&left, &right);
        proptest::prop_assert_eq!(sides(&parts), (left.clone(), right.clone()));
        proptest::prop_assert!(parts.windows(2).all(|w| w[0].kind != w[1].kind));
        // Every word kept is in both, and as many are kept as can be.
        let kept: Vec<&str> = parts
            .iter()
            .filter(|p| p.kind == DiffKind::Same)
            .flat_map(|p| p.text.split_whitespace())
            .collect();
        let a: Vec<&str> = left.split_whitespace().collect();
        let b: Vec<&str> = right.split_whitespace().collect();
        proptest::prop_assert_eq!(kept.len(), lcs_length(&a, &b));
    }
}
