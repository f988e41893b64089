//! Word-level differences between two versions of a statement.
//!
//! Each text is cut into tokens: a word with the whitespace after it (and, at the start, the
//! whitespace before the first word). Tokens are matched by their word, so that a word followed
//! by a space in one version and by a line break in the other is the same word, its whitespace
//! shown as changed. The longest common subsequence is found in linear memory (Hirschberg's
//! method), after the common beginning and end are set aside (most edits are local). Between two
//! unchanged runs, what was removed comes before what was added, and runs of one kind are merged.
//!
//! Joining the unchanged and removed runs gives the left text exactly; the unchanged and added
//! runs, the right text.

use super::{DiffKind, DiffPart};

/// A word (possibly empty, for whitespace at the start of the text) and the whitespace after it.
#[derive(Clone, Copy)]
struct Token<'a> {
    word: &'a str,
    space: &'a str,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, after) = rest.split_at(word_end);
        let space_end = after
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(after.len());
        let (space, next) = after.split_at(space_end);
        out.push(Token { word, space });
        rest = next;
    }
    out
}

/// One step of the alignment: a left token kept (with its right counterpart), removed or added.
#[derive(Clone, Copy)]
enum Op {
    Same(usize, usize),
    Removed(usize),
    Added(usize),
}

/// The runs that turn `left` into `right`, word by word (whitespace kept with its word).
pub fn diff_words(left: &str, right: &str) -> Vec<DiffPart> {
    let a = tokens(left);
    let b = tokens(right);
    let aw: Vec<&str> = a.iter().map(|t| t.word).collect();
    let bw: Vec<&str> = b.iter().map(|t| t.word).collect();

    let prefix = aw.iter().zip(&bw).take_while(|(x, y)| x == y).count();
    let suffix = aw[prefix..]
        .iter()
        .rev()
        .zip(bw[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut ops = Vec::with_capacity(a.len().max(b.len()));
    ops.extend((0..prefix).map(|i| Op::Same(i, i)));
    lcs(
        &aw[prefix..aw.len() - suffix],
        &bw[prefix..bw.len() - suffix],
        prefix,
        prefix,
        &mut ops,
    );
    ops.extend((0..suffix).map(|k| Op::Same(a.len() - suffix + k, b.len() - suffix + k)));

    let mut out = Parts::default();
    let mut removed = String::new();
    let mut added = String::new();
    for op in ops {
        match op {
            Op::Removed(i) => {
                removed.push_str(a[i].word);
                removed.push_str(a[i].space);
            }
            Op::Added(j) => {
                added.push_str(b[j].word);
                added.push_str(b[j].space);
            }
            Op::Same(i, j) => {
                out.flush(&mut removed, &mut added);
                out.push(DiffKind::Same, a[i].word);
                let (sa, sb) = (a[i].space, b[j].space);
                if sa == sb {
                    out.push(DiffKind::Same, sa);
                } else {
                    // The whitespace after a kept word changed (a space became a line break).
                    removed.push_str(sa);
                    added.push_str(sb);
                }
            }
        }
    }
    out.flush(&mut removed, &mut added);
    out.parts
}

/// The runs built so far, adjacent runs of one kind merged.
#[derive(Default)]
struct Parts {
    parts: Vec<DiffPart>,
}

impl Parts {
    fn push(&mut self, kind: DiffKind, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.parts.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => self.parts.push(DiffPart {
                kind,
                text: text.to_owned(),
            }),
        }
    }

    /// Writes the pending change: what was removed, then what was added.
    fn flush(&mut self, removed: &mut String, added: &mut String) {
        self.push(DiffKind::Removed, removed);
        self.push(DiffKind::Added, added);
        removed.clear();
        added.clear();
    }
}

/// Appends to `ops` an alignment of `a` and `b` keeping a longest common subsequence
/// (Hirschberg: O(n·m) time, O(m) memory). `ai` and `bi` are their offsets in the whole texts.
fn lcs(a: &[&str], b: &[&str], ai: usize, bi: usize, ops: &mut Vec<Op>) {
    if a.is_empty() {
        ops.extend((0..b.len()).map(|j| Op::Added(bi + j)));
        return;
    }
    if b.is_empty() {
        ops.extend((0..a.len()).map(|i| Op::Removed(ai + i)));
        return;
    }
    if a.len() == 1 {
        match b.iter().position(|w| *w == a[0]) {
            Some(k) => {
                ops.extend((0..k).map(|j| Op::Added(bi + j)));
                ops.push(Op::Same(ai, bi + k));
                ops.extend((k + 1..b.len()).map(|j| Op::Added(bi + j)));
            }
            None => {
                ops.push(Op::Removed(ai));
                ops.extend((0..b.len()).map(|j| Op::Added(bi + j)));
            }
        }
        return;
    }
    let mid = a.len() / 2;
    let forward = lcs_lengths(a[..mid].iter(), b.iter(), b.len());
    let backward = lcs_lengths(a[mid..].iter().rev(), b.iter().rev(), b.len());
    // The split of `b` where the two halves' common subsequences together are longest.
    let mut split = 0;
    let mut best = 0;
    for k in 0..=b.len() {
        let total = forward[k] + backward[b.len() - k];
        if total > best || k == 0 {
            best = total;
            split = k;
        }
    }
    lcs(&a[..mid], &b[..split], ai, bi, ops);
    lcs(&a[mid..], &b[split..], ai + mid, bi + split, ops);
}

/// The lengths of the longest common subsequences of all of `a` and each prefix of `b` (`m + 1`
/// values), one row at a time.
fn lcs_lengths<'x, 'a: 'x>(
    a: impl Iterator<Item = &'x &'a str>,
    b: impl Iterator<Item = &'x &'a str> + Clone,
    m: usize,
) -> Vec<usize> {
    let mut row = vec![0usize; m + 1];
    for x in a {
        // `diag` is the previous row's value at j - 1.
        let mut diag = 0;
        for (j, y) in b.clone().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row
}
