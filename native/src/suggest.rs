//! The spelling lexicon's ranked suggestions for a word (newslint/spelling/lexicon.py
//! `python_rank`), in one call: the candidates (keys one edit away, letter-pair neighbours),
//! each scored by its weighted edit cost, sound key and frequency, and the words run
//! together, sorted best first. It reads the same tables the Python ranking reads (the
//! big run's word tables, the one-edit hashes, the letter-pair index) and does the
//! arithmetic in the same order, so the two rank alike to the bit; tests/test_native.py
//! holds them together. Only ASCII words are ranked here (Python lower-cases and slices
//! code points); for any other the ranker answers None and Python ranks.

use pyo3::prelude::*;

use crate::edit_cost::{EditCosts, Rows};
use crate::fx::FxSet;
use crate::lexicon::{OneEdits, PairTables};
use crate::word_table::{WordTable, KIND_FLOAT, KIND_INT, KIND_LIST};

/// The noisy-channel model's weights and limits (lexicon.py `_Costs` and constants).
#[derive(Clone, Copy)]
struct Weights {
    freq: f64,
    sound_bonus: f64,
    split: f64,
    split_min_zipf: f64,
    missing_zipf: f64,
    neighbours: usize,
}

/// One lexicon's suggestion ranker over its word tables (mask, lower-case spellings,
/// frequencies), the keys of the letter-pair index (one string and where each key ends)
/// and the search structures, all handed over once.
#[pyclass(frozen, module = "newslint._native")]
pub struct Ranker {
    one_edits: Py<OneEdits>,
    pairs: Py<PairTables>,
    costs: Py<EditCosts>,
    mask: Py<WordTable>,
    by_lower: Py<WordTable>,
    freq: Py<WordTable>,
    keys: String,
    ends: Vec<u32>,
    short_words: FxSet<Vec<u8>>,
    weights: Weights,
}

#[pymethods]
impl Ranker {
    #[new]
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (one_edits, pairs, costs, mask, by_lower, freq, keys, ends, short_words, freq_weight, sound_bonus, split, split_min_zipf, missing_zipf, neighbours))]
    fn new(
        one_edits: Py<OneEdits>,
        pairs: Py<PairTables>,
        costs: Py<EditCosts>,
        mask: Py<WordTable>,
        by_lower: Py<WordTable>,
        freq: Py<WordTable>,
        keys: String,
        ends: &[u8],
        short_words: Vec<String>,
        freq_weight: f64,
        sound_bonus: f64,
        split: f64,
        split_min_zipf: f64,
        missing_zipf: f64,
        neighbours: usize,
    ) -> PyResult<Self> {
        let bad = |what: &str| pyo3::exceptions::PyValueError::new_err(what.to_string());
        if mask.get().kind() != KIND_INT || by_lower.get().kind() != KIND_LIST || freq.get().kind() != KIND_FLOAT {
            return Err(bad("tables of the wrong kinds (mask, lower-case spellings, frequencies)"));
        }
        if ends.len() % 4 != 0 || !keys.is_ascii() {
            return Err(bad("keys not ASCII, or their ends not whole 32-bit numbers"));
        }
        let ends: Vec<u32> = ends.chunks_exact(4).map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).collect();
        if ends.windows(2).any(|w| w[0] > w[1]) || ends.last().is_some_and(|&e| e as usize > keys.len()) {
            return Err(bad("key ends out of order or past the keys"));
        }
        Ok(Ranker {
            one_edits,
            pairs,
            costs,
            mask,
            by_lower,
            freq,
            keys,
            ends,
            short_words: short_words.into_iter().map(String::into_bytes).collect(),
            weights: Weights { freq: freq_weight, sound_bonus, split, split_min_zipf, missing_zipf, neighbours },
        })
    }

    /// Every suggestion for lower-case ``q``, best first, as ``python_rank`` ranks them; None
    /// when ``q`` or a spelling it would suggest is not ASCII (Python ranks those). The
    /// letter-pair tables of lengths len(q) +- 2 must have been handed over.
    fn rank(&self, py: Python<'_>, q: &str) -> Option<Vec<String>> {
        if !q.is_ascii() {
            return None;
        }
        let near = self.one_edits.get().near(q);
        let candidates = self.candidates(py, q, &near);
        let scored = self.scored(q, &candidates)?;
        Some(scored.into_iter().map(|(_, f)| String::from_utf8(f).expect("ASCII")).collect())
    }

    /// ``lexicon.sound_key`` of an ASCII word (None for any other).
    #[staticmethod]
    fn sound_key(word: &str) -> Option<String> {
        word.is_ascii().then(|| String::from_utf8(sound_key(word.as_bytes())).expect("ASCII"))
    }
}

impl Ranker {
    /// ``Lexicon._candidates``: keys of the mask or lower-case tables one edit from ``q``
    /// (spelt out in ``near``), and its letter-pair neighbours, without ``q`` itself.
    fn candidates<'a>(&'a self, py: Python<'_>, q: &str, near: &'a [String]) -> Vec<&'a [u8]> {
        let (mask, by_lower) = (self.mask.get(), self.by_lower.get());
        let mut seen: FxSet<&[u8]> = FxSet::default();
        let mut out: Vec<&[u8]> = Vec::new();
        let mut add = |word: &'a [u8]| {
            if word != q.as_bytes() && seen.insert(word) {
                out.push(word);
            }
        };
        for e in near {
            if mask.find(e.as_bytes()).is_some() || by_lower.find(e.as_bytes()).is_some() {
                add(e.as_bytes());
            }
        }
        let numbers = self.pairs.borrow(py).nearest(q, self.weights.neighbours);
        for i in numbers {
            if let Some(key) = self.key(i as usize) {
                add(key);
            }
        }
        out
    }

    /// The index's key number ``i``.
    fn key(&self, i: usize) -> Option<&[u8]> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.keys.as_bytes().get(start..end)
    }

    /// ``_Data.zipf``: the word's frequency, else its lower-case form's, else the default.
    fn zipf(&self, word: &[u8]) -> f64 {
        let freq = self.freq.get();
        freq.float(word)
            .or_else(|| freq.float(&word.to_ascii_lowercase()))
            .unwrap_or(self.weights.missing_zipf)
    }

    /// ``Lexicon._forms``: the dictionary spellings of a lower-case key (the "both"
    /// lexicon accepts every key of the mask); None when one is not ASCII.
    fn forms(&self, key: &[u8]) -> Option<Vec<Vec<u8>>> {
        let mask = self.mask.get();
        let mut out = Vec::new();
        if mask.find(key).is_some() {
            out.push(key.to_vec());
        }
        for f in self.by_lower.get().strings(key) {
            if !f.is_ascii() {
                return None;
            }
            if mask.find(f).is_some() {
                out.push(f.to_vec());
            }
        }
        Some(out)
    }

    /// The scored suggestions, sorted best first (score down, then spelling), as
    /// ``python_rank`` scores them; None when a spelling is not ASCII.
    fn scored(&self, q: &str, candidates: &[&[u8]]) -> Option<Vec<(f64, Vec<u8>)>> {
        let w = self.weights;
        let qb = q.as_bytes();
        let lq = qb.len();
        let mut keys = SoundKeys::default();
        let sk = keys.of(qb).to_vec();
        let limit = f64::max(2.5, 0.4 * lq as f64);
        let costs = self.costs.get();
        let typo: Vec<char> = q.chars().collect();
        let del_cost = costs.indel_costs(&typo);
        let mut rows = Rows::default();
        let mut word: Vec<char> = Vec::new();
        let mut scored: Vec<(f64, Vec<u8>)> = Vec::new();
        for &k in candidates {
            if k.len().abs_diff(lq) > 3 {
                continue;
            }
            word.clear();
            word.extend(std::str::from_utf8(k).ok()?.chars());
            let Some(cost) = costs.cost_within(&typo, &del_cost, &word, limit, &mut rows) else {
                continue; // tested before the forms: most candidates end here
            };
            let forms = self.forms(k)?;
            if forms.is_empty() {
                continue;
            }
            let base = (if keys.of(k) == sk.as_slice() { w.sound_bonus } else { 0.0 }) - cost;
            let lower_known = forms[0] == k;
            for f in forms {
                let mut penalty = 0.0;
                if f != k {
                    if lower_known {
                        continue;
                    }
                    penalty = if f[1..] == f[1..].to_ascii_lowercase() { 0.3 } else { 0.8 };
                }
                scored.push((w.freq * self.zipf(&f) + base - penalty, f));
            }
        }
        self.push_splits(qb, &mut scored);
        scored.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal).then_with(|| a.1.cmp(&b.1)));
        Some(scored)
    }

    /// Two words run together ("alot", "inwhich"): both common, scored as a pair.
    fn push_splits(&self, q: &[u8], scored: &mut Vec<(f64, Vec<u8>)>) {
        let w = self.weights;
        let mask = self.mask.get();
        for i in 1..q.len() {
            let (a, b) = q.split_at(i);
            if (a.len() > 2 || self.short_words.contains(a))
                && (b.len() > 2 || self.short_words.contains(b))
                && mask.find(a).is_some()
                && mask.find(b).is_some()
            {
                let (za, zb) = (self.zipf(a), self.zipf(b));
                if za >= w.split_min_zipf && zb >= w.split_min_zipf {
                    let z = za + zb - 9.0;
                    let mut pair = a.to_vec();
                    pair.push(b' ');
                    pair.extend_from_slice(b);
                    scored.push((w.freq * z - w.split + w.sound_bonus, pair));
                }
            }
        }
    }
}

fn is_aeiou(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Each match of ``pat`` (leftmost first, not overlapping) where ``ahead`` accepts the
/// character after it (None at the end) replaced by ``rep``, as ``re.sub`` does with a
/// lookahead: ``w`` read into ``out``.
fn sub_ahead(w: &[u8], out: &mut Vec<u8>, pat: &[u8], rep: &[u8], ahead: impl Fn(Option<u8>) -> bool) {
    out.clear();
    let mut i = 0;
    while i < w.len() {
        if w[i..].starts_with(pat) && ahead(w.get(i + pat.len()).copied()) {
            out.extend_from_slice(rep);
            i += pat.len();
        } else {
            out.push(w[i]);
            i += 1;
        }
    }
}

/// The characters of ``w`` where ``drop(i)`` is false, into ``out`` (a one-character
/// pattern with lookarounds, removed).
fn drop_where(w: &[u8], out: &mut Vec<u8>, drop: impl Fn(usize) -> bool) {
    out.clear();
    out.extend((0..w.len()).filter(|&i| !drop(i)).map(|i| w[i]));
}

fn not_vowel_or_end(c: Option<u8>) -> bool {
    c.is_none_or(|c| !is_aeiou(c))
}

fn soft(c: Option<u8>) -> bool {
    matches!(c, Some(b'e' | b'i' | b'y'))
}

fn any(_: Option<u8>) -> bool {
    true
}

/// ``lexicon.sound_key`` for ASCII, worked out in two buffers kept between words.
#[derive(Default)]
struct SoundKeys {
    w: Vec<u8>,
    spare: Vec<u8>,
    out: Vec<u8>,
}

impl SoundKeys {
    /// Each rule, in order, then the first letter and the consonants, a repeated one once.
    fn of(&mut self, word: &[u8]) -> &[u8] {
        let SoundKeys { w, spare, out } = self;
        w.clear();
        w.extend(word.iter().map(u8::to_ascii_lowercase).filter(|&b| b != b'\'' && b != b'-'));
        out.clear();
        if w.is_empty() {
            return out;
        }
        if w.len() >= 2 && w[1] == b'n' && matches!(w[0], b'k' | b'g' | b'p') {
            w.remove(0); // ^kn|^gn|^pn -> n
        }
        if w.starts_with(b"wr") {
            w.remove(0); // ^wr -> r
        }
        if w[0] == b'x' {
            w[0] = b's'; // ^x -> s
        }
        if w.starts_with(b"wh") {
            w.remove(1); // ^wh -> w
        }
        let rules: [(&[u8], &[u8], fn(Option<u8>) -> bool); 11] = [
            (b"tch", b"ch", any),
            (b"sch", b"sk", any),
            (b"ph", b"f", any),
            (b"gh", b"", not_vowel_or_end),
            (b"dg", b"j", soft),
            (b"c", b"s", soft),
            (b"ck", b"k", any),
            (b"c", b"k", any),
            (b"q", b"k", any),
            (b"x", b"ks", any),
            (b"z", b"s", any),
        ];
        for (pat, rep, ahead) in rules {
            if w.windows(pat.len()).any(|x| x == pat) {
                sub_ahead(w, spare, pat, rep, ahead);
                std::mem::swap(w, spare);
            }
        }
        if w.contains(&b'y') {
            drop_where(w, spare, |i| w[i] == b'y' && i > 0 && is_aeiou(w[i - 1])); // (?<=[aeiou])y
            std::mem::swap(w, spare);
        }
        if w.contains(&b'h') {
            drop_where(w, spare, |i| w[i] == b'h' && i > 0 && not_vowel_or_end(w.get(i + 1).copied())); // (?<=.)h(?=[^aeiou]|$)
            std::mem::swap(w, spare);
        }
        if w.contains(&b'w') {
            drop_where(w, spare, |i| w[i] == b'w' && not_vowel_or_end(w.get(i + 1).copied())); // w(?=[^aeiou]|$)
            std::mem::swap(w, spare);
        }
        if w.is_empty() {
            return out;
        }
        out.push(w[0]);
        for &ch in &w[1..] {
            if is_aeiou(ch) || ch == b'y' {
                continue;
            }
            if Some(&ch) != out.last() {
                out.push(ch);
            }
        }
        out
    }
}

/// ``lexicon.sound_key`` for ASCII.
pub(crate) fn sound_key(word: &[u8]) -> Vec<u8> {
    SoundKeys::default().of(word).to_vec()
}
