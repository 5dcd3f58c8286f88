//! The spelling lexicon's one-edit candidates (newslint/spelling/lexicon.py
//! `_python_one_edit_keys`): every string one edit from a word (a letter deleted, replaced
//! or inserted, two swapped, an apostrophe inserted, as `_edits1` makes them) whose CRC-32
//! is among the lexicon's key hashes (`sharded.KeyHashes`, handed over once). Python then
//! looks the few survivors up in its tables, so the result is the same set. Letters are
//! Python's: code points, not bytes.

use pyo3::prelude::*;
use std::collections::HashMap;

use crate::fx::{FxMap, FxSet};

const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

static CRC: [u32; 256] = crc_table();

/// zlib's CRC-32 carried on over more bytes (``state`` starts at 0xFFFFFFFF; the hash is
/// the final state inverted).
fn crc_feed(mut state: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        state = CRC[((state ^ b as u32) & 0xFF) as usize] ^ (state >> 8);
    }
    state
}

/// The lexicon's key hashes, sorted: one-edit strings whose hash is absent are not keys.
#[pyclass(frozen, module = "newslint._native")]
pub struct OneEdits {
    hashes: Vec<u32>,
    // one bit per value of a hash's low FILTER_BITS bits: most edits are ruled out by one
    // read of this table (a sorted search of the hashes touches a dozen cold cache lines)
    filter: Vec<u64>,
}

const FILTER_BITS: u32 = 22;

#[pymethods]
impl OneEdits {
    /// ``packed``: ``KeyHashes.pack`` of the keys (sorted CRC-32s, native-endian "I").
    #[new]
    fn new(packed: &[u8]) -> PyResult<Self> {
        if packed.len() % 4 != 0 {
            return Err(pyo3::exceptions::PyValueError::new_err("key hashes not whole 32-bit numbers"));
        }
        let hashes: Vec<u32> = packed.chunks_exact(4).map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).collect();
        if hashes.windows(2).any(|w| w[0] > w[1]) {
            return Err(pyo3::exceptions::PyValueError::new_err("key hashes not sorted"));
        }
        let mut filter = vec![0u64; (1usize << FILTER_BITS) / 64];
        for &h in &hashes {
            let slot = (h & ((1 << FILTER_BITS) - 1)) as usize;
            filter[slot / 64] |= 1u64 << (slot % 64);
        }
        Ok(OneEdits { hashes, filter })
    }

    /// The distinct strings one edit from ``word`` whose hash is among the keys' (in no
    /// particular order).
    pub(crate) fn near(&self, word: &str) -> Vec<String> {
        // every edit's hash first, then the filter read for all of them in one tight loop
        // (its cache misses overlap), then the few that pass are checked and spelt out
        let edits = edits_hashed(word);
        let passed: Vec<&Edit> = edits.iter().filter(|e| self.may_hold(e.hash)).collect();
        let mut out: FxSet<Vec<u8>> = FxSet::default();
        for e in passed {
            if self.hashes.binary_search(&e.hash).is_ok() {
                out.insert(spell(word, e));
            }
        }
        out.into_iter().map(|v| String::from_utf8(v).expect("edits of UTF-8 stay UTF-8")).collect()
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Delete,
    Swap,
    Replace(u8),
    Insert(u8),
}

/// One edit of a word: what is done at which byte (the start of a letter, or the end).
struct Edit {
    hash: u32,
    at: usize,
    kind: Kind,
}

/// Every edit ``_edits1`` makes of ``word`` (duplicates included), with the CRC-32 of the
/// string it makes; an apostrophe is inserted as ``Kind::Insert(b'\'')``.
fn edits_hashed(word: &str) -> Vec<Edit> {
    let bytes = word.as_bytes();
    let starts: Vec<usize> = word.char_indices().map(|(i, _)| i).chain(std::iter::once(bytes.len())).collect();
    let n = starts.len() - 1;
    let mut out: Vec<Edit> = Vec::with_capacity((n + 1) * 56);
    let mut head = 0xFFFF_FFFFu32; // the CRC state after the letters before the edit
    for i in 0..=n {
        let at = starts[i];
        if i > 0 {
            head = crc_feed(head, &bytes[starts[i - 1]..at]);
        }
        let b = &bytes[at..];
        if i < n {
            let rest = &bytes[starts[i + 1]..];
            out.push(Edit { hash: !crc_feed(head, rest), at, kind: Kind::Delete });
            if i + 1 < n {
                let state = crc_feed(head, &bytes[starts[i + 1]..starts[i + 2]]);
                let state = crc_feed(state, &bytes[at..starts[i + 1]]);
                out.push(Edit { hash: !crc_feed(state, &bytes[starts[i + 2]..]), at, kind: Kind::Swap });
            }
            for &c in LETTERS {
                out.push(Edit { hash: !crc_feed(crc_feed(head, &[c]), rest), at, kind: Kind::Replace(c) });
            }
        }
        for &c in LETTERS {
            out.push(Edit { hash: !crc_feed(crc_feed(head, &[c]), b), at, kind: Kind::Insert(c) });
        }
        if i > 0 && i < n {
            out.push(Edit { hash: !crc_feed(crc_feed(head, b"'"), b), at, kind: Kind::Insert(b'\'') });
        }
    }
    out
}

/// The string an edit makes of ``word``.
fn spell(word: &str, e: &Edit) -> Vec<u8> {
    let bytes = word.as_bytes();
    let (a, b) = bytes.split_at(e.at);
    let first = word[e.at..].chars().next().map_or(0, char::len_utf8);
    let mut out = Vec::with_capacity(bytes.len() + 1);
    out.extend_from_slice(a);
    match e.kind {
        Kind::Delete => out.extend_from_slice(&b[first..]),
        Kind::Swap => {
            let second = word[e.at + first..].chars().next().map_or(0, char::len_utf8);
            out.extend_from_slice(&b[first..first + second]);
            out.extend_from_slice(&b[..first]);
            out.extend_from_slice(&b[first + second..]);
        }
        Kind::Replace(c) => {
            out.push(c);
            out.extend_from_slice(&b[first..]);
        }
        Kind::Insert(c) => {
            out.push(c);
            out.extend_from_slice(b);
        }
    }
    out
}

impl OneEdits {
    /// False when no key has a hash with these low bits.
    fn may_hold(&self, h: u32) -> bool {
        let slot = (h & ((1 << FILTER_BITS) - 1)) as usize;
        self.filter[slot / 64] & (1u64 << (slot % 64)) != 0
    }
}

/// The letter-pair index's tables (newslint/spelling/letter_pairs.py `python_nearest`), each
/// word length's handed over when a word of about that length first asks: per length, the
/// word numbers in order and, per letter pair, one bit per word of that length that has it.
#[pyclass(module = "newslint._native")]
pub struct PairTables {
    by_len: HashMap<usize, (Vec<u32>, FxMap<String, PairMask>)>,
}

/// The words of one length that have a letter pair: one bit per word, and how many there are.
struct PairMask {
    words: Vec<u64>,
    words_with_it: u32,
}

const PLANES: usize = 16; // bits of a word's count of shared pairs (a word has far fewer)

#[pymethods]
impl PairTables {
    #[new]
    fn new() -> Self {
        PairTables { by_len: HashMap::new() }
    }

    /// Whether the table of words of length ``n`` has been handed over.
    fn has(&self, n: usize) -> bool {
        self.by_len.contains_key(&n)
    }

    /// The table of words of length ``n``: their numbers (native-endian "I") and, per letter
    /// pair, the bits of those that have it (little-endian bytes, as ``LetterPairs.pack``).
    fn add(&mut self, n: usize, numbers: &[u8], masks: HashMap<String, Vec<u8>>) -> PyResult<()> {
        if numbers.len() % 4 != 0 {
            return Err(pyo3::exceptions::PyValueError::new_err("word numbers not whole 32-bit numbers"));
        }
        let numbers: Vec<u32> = numbers.chunks_exact(4).map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).collect();
        let masks = masks
            .into_iter()
            .map(|(pair, bytes)| {
                let words: Vec<u64> = bytes
                    .chunks(8)
                    .map(|c| {
                        let mut w = [0u8; 8];
                        w[..c.len()].copy_from_slice(c);
                        u64::from_le_bytes(w)
                    })
                    .collect();
                let words_with_it = words.iter().map(|w| w.count_ones()).sum();
                (pair, PairMask { words, words_with_it })
            })
            .collect();
        self.by_len.insert(n, (numbers, masks));
        Ok(())
    }

    /// The numbers of at most ``limit`` words of length len(q) +- 2 with at least half of
    /// q's letter pairs, the highest Dice share first, ties to the lower number; the tables
    /// of those lengths must have been handed over (a length with no table has no words).
    pub(crate) fn nearest(&self, q: &str, limit: usize) -> Vec<u32> {
        let chars: Vec<char> = std::iter::once('^').chain(q.chars()).chain(std::iter::once('$')).collect();
        let mut pairs: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
        pairs.sort();
        pairs.dedup();
        let lq = chars.len() - 2;
        let need = (lq + 2) / 2;
        let mut hits: Vec<(f64, u32)> = Vec::new();
        for n in lq.saturating_sub(2).max(1)..lq + 3 {
            let Some((numbers, masks)) = self.by_len.get(&n) else { continue };
            let mut found: Vec<&PairMask> = pairs.iter().filter_map(|p| masks.get(p)).collect();
            if found.len() < need || need >= 1 << PLANES {
                continue;
            }
            // a word with ``need`` of the found pairs misses at most found.len() - need of
            // them, so it has one of any found.len() - need + 1: of the rarest, whose masks
            // are short and sparse; 64 words with none of those are passed over at once
            found.sort_by_key(|m| m.words_with_it);
            let gate = &found[..found.len() - need + 1];
            // a word's count is at most found.len(): the planes above its bit length stay 0
            let used = ((usize::BITS - found.len().leading_zeros()) as usize).min(PLANES);
            let chunks = gate.iter().map(|m| m.words.len()).max().unwrap_or(0);
            let denominator = (lq + n + 2) as f64;
            for c in 0..chunks {
                if gate.iter().all(|m| m.words.get(c).is_none_or(|&w| w == 0)) {
                    continue;
                }
                // per bit, how many of the masks have it, as binary digits (a ripple-carry adder)
                let mut planes = [0u64; PLANES];
                for m in &found {
                    let mut carry = m.words.get(c).copied().unwrap_or(0);
                    let mut k = 0;
                    while carry != 0 && k < PLANES {
                        let plane = planes[k];
                        planes[k] = plane ^ carry;
                        carry &= plane;
                        k += 1;
                    }
                }
                let mut chosen = at_least(&planes[..used], need);
                while chosen != 0 {
                    let bit = chosen.trailing_zeros();
                    chosen &= chosen - 1;
                    let count: usize = (0..used).map(|k| (((planes[k] >> bit) & 1) as usize) << k).sum();
                    let j = c * 64 + bit as usize;
                    if j < numbers.len() {
                        hits.push((2.0 * count as f64 / denominator, numbers[j]));
                    }
                }
            }
        }
        // the first ``limit`` in order: chosen by a partial selection, then sorted (no two
        // hits share a number, so the order is total and the result the full sort's)
        let order = |a: &(f64, u32), b: &(f64, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if limit == 0 {
            return Vec::new();
        }
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_by(order);
        hits.into_iter().map(|(_, number)| number).collect()
    }
}

/// The bits whose count (in ``planes``, binary digits) is at least ``need``.
fn at_least(planes: &[u64], need: usize) -> u64 {
    let (mut greater, mut equal) = (0u64, !0u64);
    for k in (0..planes.len()).rev() {
        let plane = planes[k];
        if (need >> k) & 1 == 1 {
            equal &= plane;
        } else {
            greater |= equal & plane;
            equal &= !plane;
        }
    }
    greater | equal
}
