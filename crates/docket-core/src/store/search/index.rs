//! The facet index: every recommendation as a dense row, in review then paragraph order, with
//! the values a search filters, counts and sorts by, held in memory by the [`Store`].
//!
//! A search asks SQLite only for the rowids its words match (FTS5) and for the page it shows;
//! everything else (filters, the thirteen facets' counts, the order) is a pass over these arrays.
//!
//! The index is built lazily, in a few sequential scans, and rebuilt when the database changed
//! since: this connection's own writes (imports, tracking edits, anything) move
//! `sqlite3_total_changes`, and other connections' commits (docket-cli while the app runs) move
//! `PRAGMA data_version`. Together they are the index's [`Stamp`].
//!
//! [`Store`]: crate::Store

use std::cell::OnceCell;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use rusqlite::{Connection, Row};

use super::{Facet, Sort};
use crate::domain::{ImplementationStatus, LobbyingStatus, Position, Priority};
use crate::error::Result;
use crate::states;

/// No value: a single-valued facet's NULL or empty value, or a sort key that sorts last.
const NONE: u32 = u32::MAX;

/// A facet's place in [`Index::facets`] (its place in [`Facet::ALL`]).
fn slot(facet: Facet) -> usize {
    facet as usize
}

// A facet is one bit of a `u16` (see `Filter`).
const _: () = assert!(Facet::ALL.len() <= 16);

/// What the database was when an index was built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    /// `sqlite3_total_changes`: rows changed by this connection since it was opened.
    changes: u64,
    /// `PRAGMA data_version`: moves when another connection commits.
    data_version: i64,
}

impl Stamp {
    /// Reads the stamp. Inside a read transaction, as its first statement, it describes the
    /// snapshot that transaction reads (the pragma starts the read transaction itself).
    pub(super) fn read(conn: &Connection) -> Result<Stamp> {
        let data_version = conn
            .prepare_cached("PRAGMA data_version")?
            .query_row([], |r| r.get(0))?;
        Ok(Stamp {
            changes: conn.total_changes(),
            data_version,
        })
    }
}

/// One facet's values: their names, and where their ids start among every facet's.
pub(super) struct FacetValues {
    /// The first id of this facet's values (value `i` has id `base + i`).
    base: u32,
    /// Each value's text, as the facet counts show it and filters name it.
    names: Vec<String>,
}

/// The single-valued facets, in the order their values open each row's run.
const SINGLE: [Facet; 7] = [
    Facet::Position,
    Facet::ActionCategory,
    Facet::Priority,
    Facet::LobbyingStatus,
    Facet::ImplementationStatus,
    Facet::Assignee,
    Facet::Cycle,
];

/// `facet`'s place in [`SINGLE`] (the place of its value in each row's run), if it is
/// single-valued.
const fn single_place(facet: Facet) -> Option<usize> {
    let mut k = 0;
    while k < SINGLE.len() {
        if SINGLE[k] as usize == facet as usize {
            return Some(k);
        }
        k += 1;
    }
    None
}

/// The place in each row's run of a facet known to be in [`SINGLE`] (checked when compiled).
const fn place_of(facet: Facet) -> usize {
    match single_place(facet) {
        Some(k) => k,
        None => panic!("not a single-valued facet"),
    }
}

/// A search's filters as the index applies them.
pub(super) struct Filter {
    /// By value id: the bit of its facet if it is one of the values chosen for its facet.
    pass: Vec<u16>,
    /// The bits of the facets with values chosen.
    filtered: u16,
    /// The places in a row's run of the filtered [`SINGLE`] facets' values.
    singles: Vec<usize>,
    /// Whether a multi-valued facet is filtered (the rest of each run must be looked at).
    multi: bool,
}

/// Recommendation id → row.
enum RowOf {
    /// Ids close together (the usual case: SQLite gives each new row the next id).
    Dense { first: i64, rows: Vec<u32> },
    /// Ids far apart.
    Sparse(HashMap<i64, u32>),
}

impl RowOf {
    fn new(ids: &[i64]) -> RowOf {
        let (Some(&first), Some(&last)) = (ids.iter().min(), ids.iter().max()) else {
            return RowOf::Dense {
                first: 0,
                rows: Vec::new(),
            };
        };
        let span = last.abs_diff(first).saturating_add(1);
        if span <= ids.len() as u64 * 4 + 1024 {
            let mut rows = vec![NONE; span as usize];
            for (row, id) in ids.iter().enumerate() {
                rows[(id - first) as usize] = row as u32;
            }
            RowOf::Dense { first, rows }
        } else {
            RowOf::Sparse(
                ids.iter()
                    .enumerate()
                    .map(|(row, id)| (*id, row as u32))
                    .collect(),
            )
        }
    }

    #[inline]
    fn get(&self, id: i64) -> Option<u32> {
        match self {
            RowOf::Dense { first, rows } => id
                .checked_sub(*first)
                .and_then(|i| usize::try_from(i).ok())
                .and_then(|i| rows.get(i).copied())
                .filter(|&r| r != NONE),
            RowOf::Sparse(map) => map.get(&id).copied(),
        }
    }
}

/// A fast hash for the interners' short keys (FxHash's mixing step): SipHash, the default, is
/// a fifth of the build. Keys are facet values from the user's own database, not from a network
/// peer, so hash flooding is no concern.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Values seen, each given the next id. Keyed by the bytes SQLite returns, so that a value
/// already seen is neither checked as UTF-8 nor copied again.
struct Interner {
    ids: HashMap<Box<[u8]>, u32, BuildHasherDefault<FxHasher>>,
    names: Vec<String>,
}

impl Interner {
    /// An interner whose first ids are `names`, in order (fixed lists: the facet shows them in
    /// this order, and sorts use the ids as ranks).
    fn seeded<'a>(names: impl IntoIterator<Item = &'a str>) -> Interner {
        let mut interner = Interner {
            ids: HashMap::default(),
            names: Vec::new(),
        };
        for name in names {
            interner.id(name.as_bytes());
        }
        interner
    }

    fn id(&mut self, name: &[u8]) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(name.into(), id);
        // Text columns hold UTF-8 (rusqlite writes only that); anything else is shown as best
        // it can be rather than failing the search.
        self.names.push(String::from_utf8_lossy(name).into_owned());
        id
    }
}

/// A multi-valued facet being built: `(row, value)` pairs in any row order.
struct MultiBuilder {
    pairs: Vec<(u32, u32)>,
    names: Interner,
}

impl MultiBuilder {
    fn new() -> MultiBuilder {
        MultiBuilder {
            pairs: Vec::new(),
            names: Interner::seeded([]),
        }
    }

    /// Compressed rows (`values[offsets[row]..offsets[row + 1]]`), by a counting sort on the
    /// row (stable: a row's values keep the order they were added in).
    fn finish(self, rows: usize) -> Multi {
        let mut offsets = vec![0u32; rows + 1];
        for &(row, _) in &self.pairs {
            offsets[row as usize + 1] += 1;
        }
        for i in 0..rows {
            offsets[i + 1] += offsets[i];
        }
        let mut next: Vec<u32> = offsets[..rows].to_vec();
        let mut values = vec![0u32; self.pairs.len()];
        for (row, value) in self.pairs {
            let at = &mut next[row as usize];
            values[*at as usize] = value;
            *at += 1;
        }
        Multi {
            offsets,
            values,
            names: self.names.names,
        }
    }
}

/// A multi-valued facet, built.
struct Multi {
    offsets: Vec<u32>,
    values: Vec<u32>,
    names: Vec<String>,
}

impl Multi {
    fn of(&self, row: usize) -> &[u32] {
        &self.values[self.offsets[row] as usize..self.offsets[row + 1] as usize]
    }
}

/// A single-valued facet being built.
struct SingleBuilder {
    values: Vec<u32>,
    names: Interner,
    /// The id [`SingleBuilder::set`] set last.
    last: u32,
}

impl SingleBuilder {
    fn new<'a>(rows: usize, seed: impl IntoIterator<Item = &'a str>) -> SingleBuilder {
        SingleBuilder {
            values: vec![NONE; rows],
            names: Interner::seeded(seed),
            last: NONE,
        }
    }

    fn set(&mut self, row: usize, value: &[u8]) {
        // Most rows repeat the value set before (statuses, priorities): no hashing for those.
        if self
            .names
            .names
            .get(self.last as usize)
            .map(String::as_bytes)
            != Some(value)
        {
            self.last = self.names.id(value);
        }
        self.values[row] = self.last;
    }
}

/// The index.
pub(super) struct Index {
    /// The database it was built from.
    pub(super) stamp: Stamp,
    /// Row → recommendation id.
    pub(super) ids: Vec<i64>,
    row_of: RowOf,
    /// Review id → its rows (every review, including those with no recommendation).
    reviews: HashMap<i64, Range<u32>>,
    /// Every row's values, as ids among every facet's values, in one run per row
    /// (`values[offsets[row]..offsets[row + 1]]`): the [`SINGLE`] facets' first (a facet's id
    /// `base + names.len()` for no value), then the others'. A row's facets are one or two cache
    /// lines.
    offsets: Vec<u32>,
    values: Vec<u32>,
    /// Value id → its facet's slot.
    facet_of: Vec<u8>,
    /// Every facet's values, in [`Facet::ALL`] order (see [`slot`]).
    facets: Vec<FacetValues>,
    /// Row → rank of its first recommending State's name, case-insensitively ([`NONE`]: no State).
    state_rank: Vec<u32>,
    /// Row → rank of its last change, newest first ([`NONE`]: never changed).
    changed_rank: Vec<u32>,
    /// Every row in each order but the paragraph's ([`Sort::State`], [`Sort::Position`],
    /// [`Sort::Priority`], [`Sort::Changed`]), made when first needed.
    orders: [OnceCell<Vec<u32>>; 4],
}

/// Positions in the order [`Sort::Position`] sorts them (seeded first: their ids are their
/// ranks).
const POSITIONS: [Position; 4] = [
    Position::Supported,
    Position::SupportedInPart,
    Position::Noted,
    Position::Pending,
];
/// A recommendation's priority when it has none, as the facet counts and filters name it; it
/// sorts after [`Priority::ALL`] (whose ids are their ranks).
const NO_PRIORITY: &str = "none";

impl Index {
    /// Builds the index from `conn`'s snapshot, described by `stamp`.
    pub(super) fn build(conn: &Connection, stamp: Stamp) -> Result<Index> {
        // Reviews: their cycles.
        let mut cycle_of: HashMap<i64, Option<i64>> = HashMap::new();
        {
            let mut stmt = conn.prepare_cached("SELECT id, cycle FROM review")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                cycle_of.insert(r.get(0)?, r.get(1)?);
            }
        }

        // The order: the covering index on (review_id, sort_key), its rowid last.
        let mut ids: Vec<i64> = Vec::new();
        let mut review_of_row: Vec<i64> = Vec::new();
        {
            let mut stmt = conn.prepare_cached(
                "SELECT id, review_id FROM recommendation ORDER BY review_id, sort_key, id",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                ids.push(r.get(0)?);
                review_of_row.push(r.get(1)?);
            }
        }
        let n = ids.len();
        let row_of = RowOf::new(&ids);
        let mut reviews: HashMap<i64, Range<u32>> = cycle_of.keys().map(|&id| (id, 0..0)).collect();
        let mut cycle = SingleBuilder::new(n, []);
        let mut start = 0usize;
        for row in 0..=n {
            if row == n || review_of_row[row] != review_of_row[start] {
                if row > start {
                    let review = review_of_row[start];
                    reviews.insert(review, start as u32..row as u32);
                    if let Some(&Some(c)) = cycle_of.get(&review) {
                        let id = cycle.names.id(c.to_string().as_bytes());
                        cycle.values[start..row].fill(id);
                    }
                }
                start = row;
            }
        }
        drop(review_of_row);

        // The recommendations' own columns, in one scan of the table.
        let mut position = SingleBuilder::new(n, POSITIONS.map(Position::as_str));
        let mut action = SingleBuilder::new(n, []);
        let mut priority = SingleBuilder::new(
            n,
            Priority::ALL
                .iter()
                .map(|p| p.as_str())
                .chain([NO_PRIORITY]),
        );
        let mut lobbying = SingleBuilder::new(n, LobbyingStatus::ALL.iter().map(|s| s.as_str()));
        let mut implementation =
            SingleBuilder::new(n, ImplementationStatus::ALL.iter().map(|s| s.as_str()));
        let mut assignee = SingleBuilder::new(n, []);
        // Rows changed, and when (newest first when sorted).
        let mut changed_rows: Vec<u32> = Vec::new();
        let mut changed_at: Vec<Reverse<Vec<u8>>> = Vec::new();
        {
            let mut stmt = conn.prepare_cached(
                // The action category as text: the facet's values are the numbers written out.
                "SELECT id, position, CAST(action_category AS TEXT), priority, lobbying_status,
                        implementation_status, assignee, updated_at
                 FROM recommendation",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                // A row added since the ordering scan cannot be: one snapshot.
                let Some(row) = row_of.get(r.get(0)?) else {
                    continue;
                };
                if let Some(at) = bytes_or_null(r, 7)? {
                    changed_rows.push(row);
                    changed_at.push(Reverse(at.to_vec()));
                }
                let row = row as usize;
                position.set(row, bytes(r, 1)?);
                if let Some(c) = bytes_or_null(r, 2)? {
                    action.set(row, c);
                }
                priority.set(row, bytes_or_null(r, 3)?.unwrap_or(NO_PRIORITY.as_bytes()));
                lobbying.set(row, bytes(r, 4)?);
                implementation.set(row, bytes(r, 5)?);
                let who = bytes(r, 6)?;
                if !who.is_empty() {
                    assignee.set(row, who);
                }
            }
        }

        // Recommending States (in `ord` order) and their regional groups, each once per
        // recommendation.
        let mut state = MultiBuilder::new();
        let mut group = MultiBuilder::new();
        let mut first_state = vec![NONE; n];
        {
            let mut group_of_iso3: HashMap<Vec<u8>, Option<&'static str>> = HashMap::new();
            let mut stmt = conn.prepare_cached(
                "SELECT recommendation_id, name, iso3 FROM recommending_state
                 ORDER BY recommendation_id, ord",
            )?;
            let mut rows = stmt.query([])?;
            let mut current: Option<u32> = None;
            let mut seen_states: Vec<u32> = Vec::new();
            let mut seen_groups: Vec<u32> = Vec::new();
            while let Some(r) = rows.next()? {
                let Some(row) = row_of.get(r.get(0)?) else {
                    continue;
                };
                if current != Some(row) {
                    current = Some(row);
                    seen_states.clear();
                    seen_groups.clear();
                }
                let name = state.names.id(bytes(r, 1)?);
                if !seen_states.contains(&name) {
                    if seen_states.is_empty() {
                        first_state[row as usize] = name;
                    }
                    seen_states.push(name);
                    state.pairs.push((row, name));
                }
                if let Some(iso3) = bytes_or_null(r, 2)? {
                    let code = match group_of_iso3.get(iso3) {
                        Some(&code) => code,
                        None => {
                            let code = std::str::from_utf8(iso3)
                                .ok()
                                .and_then(states::by_iso3)
                                .map(|s| s.group.code());
                            group_of_iso3.insert(iso3.to_vec(), code);
                            code
                        }
                    };
                    if let Some(code) = code {
                        let g = group.names.id(code.as_bytes());
                        if !seen_groups.contains(&g) {
                            seen_groups.push(g);
                            group.pairs.push((row, g));
                        }
                    }
                }
            }
        }

        // Labels: themes, groups of persons, SDGs, tags (distinct by the table's key), through
        // the covering index on (kind, value): each value's rows together, interned once.
        let mut labels = [
            MultiBuilder::new(),
            MultiBuilder::new(),
            MultiBuilder::new(),
            MultiBuilder::new(),
        ];
        {
            let mut stmt = conn.prepare_cached(
                "SELECT kind, value, recommendation_id FROM recommendation_label
                 ORDER BY kind, value",
            )?;
            let mut rows = stmt.query([])?;
            let mut last: Option<(usize, Vec<u8>, u32)> = None;
            while let Some(r) = rows.next()? {
                let Some(row) = row_of.get(r.get(2)?) else {
                    continue;
                };
                let kind = match bytes(r, 0)? {
                    b"theme" => 0,
                    b"group" => 1,
                    b"sdg" => 2,
                    b"tag" => 3,
                    _ => continue,
                };
                let value = bytes(r, 1)?;
                let id = match &last {
                    Some((k, v, id)) if *k == kind && v.as_slice() == value => *id,
                    _ => {
                        let id = labels[kind].names.id(value);
                        last = Some((kind, value.to_vec(), id));
                        id
                    }
                };
                labels[kind].pairs.push((row, id));
            }
        }
        let [theme, persons, sdg, tag] = labels;

        // Sort ranks.
        let state_column = state.finish(n);
        let lower: Vec<String> = state_column
            .names
            .iter()
            .map(|s| s.to_lowercase())
            .collect();
        let name_rank = ranks(&lower);
        let state_rank = first_state
            .iter()
            .map(|&s| {
                if s == NONE {
                    NONE
                } else {
                    name_rank[s as usize]
                }
            })
            .collect();
        let mut changed_rank = vec![NONE; n];
        for (row, rank) in changed_rows.into_iter().zip(ranks(&changed_at)) {
            changed_rank[row as usize] = rank;
        }

        // One run of value ids per row; each facet's ids after the previous facets' (in
        // `Facet::ALL` order), with one more for a single-valued facet's "no value".
        let singles = [
            position,
            action,
            priority,
            lobbying,
            implementation,
            assignee,
            cycle,
        ];
        let multis = [
            (Facet::Theme, theme.finish(n)),
            (Facet::GroupOfPersons, persons.finish(n)),
            (Facet::Sdg, sdg.finish(n)),
            (Facet::State, state_column),
            (Facet::RegionalGroup, group.finish(n)),
            (Facet::Tag, tag.finish(n)),
        ];
        let mut names: Vec<Vec<String>> = vec![Vec::new(); Facet::ALL.len()];
        let mut sizes = vec![0u32; Facet::ALL.len()];
        for (facet, single) in SINGLE.iter().zip(&singles) {
            sizes[slot(*facet)] = single.names.names.len() as u32 + 1;
        }
        for (facet, multi) in &multis {
            sizes[slot(*facet)] = multi.names.len() as u32;
        }
        let mut bases = vec![0u32; Facet::ALL.len()];
        let mut facet_of: Vec<u8> = Vec::new();
        let mut next = 0u32;
        for (i, size) in sizes.iter().enumerate() {
            bases[i] = next;
            next += size;
            facet_of.extend(std::iter::repeat_n(i as u8, *size as usize));
        }
        let mut offsets: Vec<u32> = Vec::with_capacity(n + 1);
        offsets.push(0);
        let mut values: Vec<u32> = Vec::with_capacity(
            n * SINGLE.len() + multis.iter().map(|(_, m)| m.values.len()).sum::<usize>(),
        );
        for row in 0..n {
            for (facet, single) in SINGLE.iter().zip(&singles) {
                let local = match single.values[row] {
                    NONE => single.names.names.len() as u32,
                    v => v,
                };
                values.push(bases[slot(*facet)] + local);
            }
            for (facet, multi) in &multis {
                let base = bases[slot(*facet)];
                values.extend(multi.of(row).iter().map(|v| base + v));
            }
            offsets.push(values.len() as u32);
        }
        for (facet, single) in SINGLE.iter().zip(singles) {
            names[slot(*facet)] = single.names.names;
        }
        for (facet, multi) in multis {
            names[slot(facet)] = multi.names;
        }
        let facets = names
            .into_iter()
            .zip(bases)
            .map(|(names, base)| FacetValues { base, names })
            .collect();
        Ok(Index {
            stamp,
            ids,
            row_of,
            reviews,
            offsets,
            values,
            facet_of,
            facets,
            state_rank,
            changed_rank,
            orders: Default::default(),
        })
    }

    /// A row's value ids.
    #[inline]
    fn run(&self, row: u32) -> &[u32] {
        let row = row as usize;
        &self.values[self.offsets[row] as usize..self.offsets[row + 1] as usize]
    }

    /// The value (its place in its facet's names) of the `k`th of the [`SINGLE`] facets (see
    /// [`place_of`]).
    #[inline]
    fn single(&self, row: usize, k: usize) -> u32 {
        self.values[self.offsets[row] as usize + k] - self.facets[slot(SINGLE[k])].base
    }

    /// The filters of a search: for each facet, the values chosen (a value no recommendation
    /// has matches nothing).
    pub(super) fn filter(&self, chosen: &BTreeMap<Facet, Vec<String>>) -> Filter {
        let mut pass = vec![0u16; self.facet_of.len()];
        let mut filtered = 0u16;
        let mut singles = Vec::new();
        let mut multi = false;
        for (facet, values) in chosen {
            let s = slot(*facet);
            let bit = 1u16 << s;
            filtered |= bit;
            match single_place(*facet) {
                Some(k) => singles.push(k),
                None => multi = true,
            }
            let column = &self.facets[s];
            for value in values {
                if let Some(i) = column.names.iter().position(|n| n == value) {
                    pass[column.base as usize + i] = bit;
                }
            }
        }
        Filter {
            pass,
            filtered,
            singles,
            multi,
        }
    }

    /// One pass over the candidate rows: the rows passing every filter, and (when `near` is
    /// given) for each facet the rows failing that facet's filter only (the disjunctive counts'
    /// extra rows).
    pub(super) fn scan(
        &self,
        candidates: impl Iterator<Item = u32>,
        filter: &Filter,
        mut near: Option<&mut [Vec<u32>]>,
    ) -> Vec<u32> {
        if filter.filtered == 0 {
            return candidates.collect();
        }
        let mut matched = Vec::new();
        for row in candidates {
            let run = self.run(row);
            let mut passed = 0u16;
            for &k in &filter.singles {
                passed |= filter.pass[run[k] as usize];
            }
            if filter.multi {
                for &v in &run[SINGLE.len()..] {
                    passed |= filter.pass[v as usize];
                }
            }
            let failing = filter.filtered & !passed;
            if failing == 0 {
                matched.push(row);
            } else if failing.is_power_of_two() {
                if let Some(near) = near.as_deref_mut() {
                    near[failing.trailing_zeros() as usize].push(row);
                }
            }
        }
        matched
    }

    /// Each facet's counts, by value: among `matched`, plus for each facet the rows failing its
    /// filter only (`near`, by slot).
    pub(super) fn count(
        &self,
        matched: &[u32],
        near: &[Vec<u32>],
    ) -> BTreeMap<String, BTreeMap<String, i64>> {
        let mut buffer = vec![0u32; self.facet_of.len()];
        // A slice, not the Vec: its start and length stay in registers through the loops.
        let counts = buffer.as_mut_slice();
        let (offsets, values) = (self.offsets.as_slice(), self.values.as_slice());
        for &row in matched {
            let row = row as usize;
            for &v in &values[offsets[row] as usize..offsets[row + 1] as usize] {
                counts[v as usize] += 1;
            }
        }
        for (s, rows) in near.iter().enumerate() {
            match single_place(Facet::ALL[s]) {
                Some(k) => {
                    for &row in rows {
                        counts[self.run(row)[k] as usize] += 1;
                    }
                }
                None => {
                    for &row in rows {
                        for &v in &self.run(row)[SINGLE.len()..] {
                            if usize::from(self.facet_of[v as usize]) == s {
                                counts[v as usize] += 1;
                            }
                        }
                    }
                }
            }
        }
        Facet::ALL
            .iter()
            .zip(&self.facets)
            .map(|(facet, values)| {
                let base = values.base as usize;
                // A single-valued facet's "no value" id (after its names) is left out.
                let counts = counts[base..base + values.names.len()]
                    .iter()
                    .zip(&values.names)
                    .filter(|(n, _)| **n > 0)
                    .map(|(n, name)| (name.clone(), i64::from(*n)))
                    .collect();
                (facet.as_str().to_owned(), counts)
            })
            .collect()
    }

    /// How many recommendations it holds.
    pub(super) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The rows of one review, or `None` for a review that does not exist.
    pub(super) fn review_rows(&self, review: i64) -> Option<Range<u32>> {
        self.reviews.get(&review).cloned()
    }

    /// The row of a recommendation id.
    #[inline]
    pub(super) fn row_of(&self, id: i64) -> Option<u32> {
        self.row_of.get(id)
    }

    /// Sorts rows (in paragraph order) by `sort`, ties in paragraph order. Many rows are
    /// picked out of the whole order (made once) rather than sorted.
    pub(super) fn sort(&self, rows: &mut Vec<u32>, sort: Sort) {
        let (order, rank): (_, &dyn Fn(usize) -> u32) = match sort {
            Sort::Paragraph => return,
            Sort::State => (&self.orders[0], &|row| self.state_rank[row]),
            // The fixed lists' ids are their ranks (see `POSITIONS`, `NO_PRIORITY`).
            Sort::Position => (&self.orders[1], &|row| {
                self.single(row, const { place_of(Facet::Position) })
            }),
            Sort::Priority => (&self.orders[2], &|row| {
                self.single(row, const { place_of(Facet::Priority) })
            }),
            Sort::Changed => (&self.orders[3], &|row| self.changed_rank[row]),
        };
        let key = |row: u32| (u64::from(rank(row as usize)) << 32) | u64::from(row);
        if rows.len() < self.len() / 16 {
            rows.sort_unstable_by_key(|&row| key(row));
            return;
        }
        let order = order.get_or_init(|| {
            let mut all: Vec<u32> = (0..self.len() as u32).collect();
            all.sort_unstable_by_key(|&row| key(row));
            all
        });
        let mut picked = vec![0u64; self.len().div_ceil(64)];
        for &row in rows.iter() {
            picked[row as usize / 64] |= 1 << (row % 64);
        }
        rows.clear();
        rows.extend(
            order
                .iter()
                .filter(|&&row| picked[row as usize / 64] & (1 << (row % 64)) != 0),
        );
    }
}

/// A text column's bytes.
fn bytes<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r [u8]> {
    Ok(r.get_ref(i)?.as_bytes()?)
}

/// A text column's bytes, `None` for NULL.
fn bytes_or_null<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<Option<&'r [u8]>> {
    Ok(r.get_ref(i)?.as_bytes_or_null()?)
}

/// Rank of each key, smallest first (equal keys share a rank).
fn ranks<K: Ord>(keys: &[K]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_unstable_by(|&a, &b| keys[a].cmp(&keys[b]));
    let mut ranks = vec![0u32; keys.len()];
    let mut rank = 0u32;
    for (i, &key) in order.iter().enumerate() {
        if i > 0 && keys[order[i - 1]] != keys[key] {
            rank += 1;
        }
        ranks[key] = rank;
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_follow_the_facets_order() {
        for (i, facet) in Facet::ALL.into_iter().enumerate() {
            assert_eq!(slot(facet), i, "{facet:?}");
        }
    }

    #[test]
    fn compressed_rows_keep_each_rows_values_in_order() {
        let mut b = MultiBuilder::new();
        for (row, value) in [(2, "b"), (0, "a"), (2, "a"), (0, "c")] {
            let id = b.names.id(value.as_bytes());
            b.pairs.push((row, id));
        }
        let multi = b.finish(3);
        let names = |row| -> Vec<&str> {
            multi
                .of(row)
                .iter()
                .map(|&v| multi.names[v as usize].as_str())
                .collect()
        };
        assert_eq!(names(0), ["a", "c"]);
        assert!(names(1).is_empty());
        assert_eq!(names(2), ["b", "a"]);
    }

    #[test]
    fn singles_lead_each_run_in_order() {
        let k: Vec<usize> = SINGLE.iter().map(|f| slot(*f)).collect();
        assert!(k.windows(2).all(|w| w[0] < w[1]), "{SINGLE:?}");
        assert_eq!(SINGLE[0], Facet::Position);
        assert_eq!(SINGLE[2], Facet::Priority);
        assert!(Facet::ALL.len() <= 16, "a facet is a bit of a u16");
    }

    #[test]
    fn ids_map_to_rows_dense_or_sparse() {
        for ids in [vec![7, 3, 5], vec![1, i64::MAX / 2, -4]] {
            let map = RowOf::new(&ids);
            for (row, id) in ids.iter().enumerate() {
                assert_eq!(map.get(*id), Some(row as u32), "{ids:?}");
            }
            assert_eq!(map.get(4), None);
            assert_eq!(map.get(i64::MIN), None);
        }
    }

    #[test]
    fn equal_names_share_a_rank() {
        let names: Vec<String> = ["b", "A", "a", "C"].map(str::to_lowercase).into();
        assert_eq!(ranks(&names), [1, 0, 0, 2]);
        // Newest first, as the last changes are ranked.
        let at = ["2024", "2025", "2024"].map(Reverse);
        assert_eq!(ranks(&at), [1, 0, 1]);
    }
}
