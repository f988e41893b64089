//! Paragraph numbers of recommendations (`26.2`, `140.10`) and their numeric ordering.

/// A key that sorts paragraph numbers numerically segment by segment, as text:
/// `26.2` < `26.10` < `27.1`. Numeric segments are zero-padded to 9 digits; anything that is not a
/// number sorts after numbers, as written (lower-cased), so that odd labels stay stable.
pub fn sort_key(paragraph: &str) -> String {
    let mut key = String::with_capacity(paragraph.len() * 3);
    for (i, seg) in paragraph.trim().split('.').enumerate() {
        if i > 0 {
            key.push('.');
        }
        let seg = seg.trim();
        if !seg.is_empty() && seg.len() <= 9 && seg.bytes().all(|b| b.is_ascii_digit()) {
            key.push_str(&format!("{:0>9}", seg));
        } else {
            // '~' sorts after every digit, so a non-numeric segment follows the numeric ones.
            key.push('~');
            key.push_str(&seg.to_lowercase());
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::sort_key;

    #[test]
    fn sorts_segments_numerically_not_as_text() {
        let mut paras = vec![
            "26.10", "26.2", "27.1", "26.1", "140.100", "140.99", "26.347",
        ];
        paras.sort_by_key(|p| sort_key(p));
        assert_eq!(
            paras,
            vec!["26.1", "26.2", "26.10", "26.347", "27.1", "140.99", "140.100"]
        );
    }

    #[test]
    fn shorter_prefix_sorts_first_and_labels_after_numbers() {
        let mut paras = vec!["26.1.a", "26.1", "26.x", "26.2"];
        paras.sort_by_key(|p| sort_key(p));
        assert_eq!(paras, vec!["26.1", "26.1.a", "26.2", "26.x"]);
    }

    #[test]
    fn ignores_surrounding_whitespace() {
        assert_eq!(sort_key(" 26.2 "), sort_key("26.2"));
    }
}
