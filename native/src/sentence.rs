//! The sentence model's shape features (newslint/sentence_signal.py `shape` and `features`),
//! for a sentence whose word characters are all ASCII.
//!
//! Tokens are read as `_TOKENS` reads them: `[A-Za-z]+(?:['’-][A-Za-z]+)*|\d[\d,.]*|[,;:]`
//! (with no digit beyond ASCII, `\d` is `[0-9]`); offsets are Python code-point offsets.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pyo3::prelude::*;

use crate::fx::FxBuild;
use crate::translation::stem;
use crate::word_table::WordTable;

const MAX_N: usize = 4;

/// The model's vocabulary, to shape sentences with, and once a run has read them whole,
/// its weights, to score them with.
#[pyclass(frozen, module = "newslint._native")]
pub struct SentenceShaper {
    ids: HashMap<String, u32, FxBuild>, // a shape token's text -> its number: the vocabulary and the placeholders
    names: Vec<String>,                 // the shape tokens by number
    weights: OnceLock<HashMap<String, f64, FxBuild>>,
}

type Positive = (f64, String, (usize, usize));

/// A shape token's number, where it starts and ends (code points).
type Token = (u32, usize, usize);

const WORD: u32 = 0; // "<w>"
const CAPITAL: u32 = 1; // "<C>"
const NUMBER: u32 = 2; // "<n>"
const COMMA: u32 = 3;
const SEMICOLON: u32 = 4;
const COLON: u32 = 5;
const PLACEHOLDERS: [&str; 6] = ["<w>", "<C>", "<n>", ",", ";", ":"]; // numbered in this order, first

#[pymethods]
impl SentenceShaper {
    #[new]
    fn new(vocabulary: Vec<String>) -> Self {
        let mut shaper = SentenceShaper { ids: HashMap::default(), names: Vec::new(), weights: OnceLock::new() };
        for name in PLACEHOLDERS.iter().map(|p| p.to_string()).chain(vocabulary) {
            shaper.number(name);
        }
        shaper
    }

    /// Whether the weights were handed over (``take_weights``).
    fn has_weights(&self) -> bool {
        self.weights.get().is_some()
    }

    /// Keep the model's weights (feature -> weight, every entry) for ``score``; the first
    /// table handed over stays.
    fn take_weights(&self, weights: HashMap<String, f64, FxBuild>) -> bool {
        let _ = self.weights.set(weights);
        true
    }

    /// (z, positive) as ``sentence_signal.score`` adds them up: ``intercept`` plus the weight
    /// of each feature the table holds, in ``features`` order; (weight, key, span) of those
    /// weighing more than 0, in that order (unsorted).
    fn score(&self, sentence: &str, intercept: f64) -> PyResult<(f64, Vec<Positive>)> {
        let weights = self
            .weights
            .get()
            .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err("no weights handed over"))?;
        Ok(self.added(sentence, intercept, |key| weights.get(key).copied()))
    }

    /// ``score`` with the weights read from ``table``, a word table of floats (feature ->
    /// weight, native/src/word_table.rs) read in place: no weight handed over or unpacked.
    fn score_in(&self, sentence: &str, intercept: f64, table: &Bound<'_, WordTable>) -> (f64, Vec<Positive>) {
        let table = table.get();
        self.added(sentence, intercept, |key| table.float(key.as_bytes()))
    }

    /// (key, start, end) of each shape n-gram (1 to 4 tokens) of ``sentence``, at its first
    /// occurrence, in the order `features` adds them to its dict.
    fn features(&self, sentence: &str) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        self.each_feature(sentence, |key, start, end| out.push((key.to_string(), start, end)));
        out
    }
}

impl SentenceShaper {
    /// The number of a shape token's text, given one if it has none yet.
    fn number(&mut self, name: String) -> u32 {
        let next = self.names.len() as u32;
        *self.ids.entry(name.clone()).or_insert_with(|| {
            self.names.push(name);
            next
        })
    }

    /// ``intercept`` plus the ``weight`` of each feature of ``sentence`` that has one, in
    /// ``features`` order, and (weight, key, span) of those weighing more than 0, in that order.
    fn added(&self, sentence: &str, intercept: f64, weight: impl Fn(&str) -> Option<f64>) -> (f64, Vec<Positive>) {
        let mut z = intercept;
        let mut positive = Vec::new();
        self.each_feature(sentence, |key, start, end| {
            if let Some(w) = weight(key) {
                z += w;
                if w > 0.0 {
                    positive.push((w, key.to_string(), (start, end)));
                }
            }
        });
        (z, positive)
    }

    /// Each shape n-gram (1 to 4 tokens) of ``sentence`` at its first occurrence, in the order
    /// `features` adds them to its dict, as (key, start, end): an n-gram is told from those
    /// seen by its tokens' numbers (the key, tokens joined by spaces, is the same exactly when
    /// they are: no token holds a space), and its key is spelt in one buffer.
    fn each_feature(&self, sentence: &str, mut visit: impl FnMut(&str, usize, usize)) {
        let tokens = self.shape(sentence);
        let mut seen: HashSet<u128, FxBuild> = HashSet::with_capacity_and_hasher(tokens.len() * MAX_N, FxBuild::default());
        let mut key = String::with_capacity(64);
        for n in 1..=MAX_N {
            if n > tokens.len() {
                break;
            }
            for i in 0..=tokens.len() - n {
                let gram = &tokens[i..i + n];
                let packed = gram.iter().fold(0u128, |packed, t| (packed << 32) | u128::from(t.0 + 1));
                if !seen.insert(packed) {
                    continue;
                }
                key.clear();
                for (k, t) in gram.iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(&self.names[t.0 as usize]);
                }
                visit(&key, gram[0].1, gram[n - 1].2);
            }
        }
    }

    /// (shape token's number, start, end) for each word of the sentence (`shape`).
    fn shape(&self, sentence: &str) -> Vec<Token> {
        let chars: Vec<char> = sentence.chars().collect();
        let n = chars.len();
        let mut out = Vec::new();
        let mut p = 0;
        let mut word = String::new();
        while p < n {
            let c = chars[p];
            let start = p;
            if c.is_ascii_alphabetic() {
                while p < n && chars[p].is_ascii_alphabetic() {
                    p += 1;
                }
                while p + 1 < n && matches!(chars[p], '\'' | '’' | '-') && chars[p + 1].is_ascii_alphabetic() {
                    p += 1;
                    while p < n && chars[p].is_ascii_alphabetic() {
                        p += 1;
                    }
                }
                let id = if c.is_ascii_uppercase() && !out.is_empty() {
                    CAPITAL
                } else {
                    word.clear();
                    word.extend(chars[start..p].iter().map(|ch| ch.to_ascii_lowercase()));
                    // a stem is letters, ' and -: never a placeholder, so a number here is a vocabulary word's
                    self.ids.get(stem(&mut word)).copied().unwrap_or(WORD)
                };
                out.push((id, start, p));
            } else if c.is_ascii_digit() {
                p += 1;
                while p < n && (chars[p].is_ascii_digit() || chars[p] == ',' || chars[p] == '.') {
                    p += 1;
                }
                out.push((NUMBER, start, p));
            } else if c == ',' || c == ';' || c == ':' {
                p += 1;
                out.push((if c == ',' { COMMA } else if c == ';' { SEMICOLON } else { COLON }, start, p));
            } else {
                p += 1;
            }
        }
        out
    }
}
