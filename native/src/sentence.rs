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

const MAX_N: usize = 4;

/// The model's vocabulary, to shape sentences with, and once a run has read them whole,
/// its weights, to score them with.
#[pyclass(frozen, module = "newslint._native")]
pub struct SentenceShaper {
    vocabulary: HashSet<String, FxBuild>,
    weights: OnceLock<HashMap<String, f64, FxBuild>>,
}

type Positive = (f64, String, (usize, usize));

#[pymethods]
impl SentenceShaper {
    #[new]
    fn new(vocabulary: Vec<String>) -> Self {
        SentenceShaper { vocabulary: vocabulary.into_iter().collect(), weights: OnceLock::new() }
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
        let mut z = intercept;
        let mut positive = Vec::new();
        for (key, start, end) in self.features(sentence) {
            if let Some(&w) = weights.get(&key) {
                z += w;
                if w > 0.0 {
                    positive.push((w, key, (start, end)));
                }
            }
        }
        Ok((z, positive))
    }

    /// (key, start, end) of each shape n-gram (1 to 4 tokens) of ``sentence``, at its first
    /// occurrence, in the order `features` adds them to its dict.
    fn features(&self, sentence: &str) -> Vec<(String, usize, usize)> {
        let tokens = self.shape(sentence);
        let mut seen: HashSet<String, FxBuild> = HashSet::with_capacity_and_hasher(tokens.len() * MAX_N, FxBuild::default());
        let mut out = Vec::with_capacity(tokens.len() * MAX_N);
        for n in 1..=MAX_N {
            if n > tokens.len() {
                break;
            }
            for i in 0..=tokens.len() - n {
                let key = if n == 1 {
                    tokens[i].0.clone()
                } else {
                    tokens[i..i + n].iter().map(|t| t.0.as_str()).collect::<Vec<_>>().join(" ")
                };
                if !seen.contains(&key) {
                    seen.insert(key.clone());
                    out.push((key, tokens[i].1, tokens[i + n - 1].2));
                }
            }
        }
        out
    }
}

impl SentenceShaper {
    /// (shape token, start, end) for each word of the sentence (`shape`).
    fn shape(&self, sentence: &str) -> Vec<(String, usize, usize)> {
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
                let key = if c.is_ascii_uppercase() && !out.is_empty() {
                    "<C>".to_string()
                } else {
                    word.clear();
                    word.extend(chars[start..p].iter().map(|ch| ch.to_ascii_lowercase()));
                    let stemmed = stem(&mut word);
                    if self.vocabulary.contains(stemmed) { stemmed.to_string() } else { "<w>".to_string() }
                };
                out.push((key, start, p));
            } else if c.is_ascii_digit() {
                p += 1;
                while p < n && (chars[p].is_ascii_digit() || chars[p] == ',' || chars[p] == '.') {
                    p += 1;
                }
                out.push(("<n>".to_string(), start, p));
            } else if c == ',' || c == ';' || c == ':' {
                p += 1;
                out.push((c.to_string(), start, p));
            } else {
                p += 1;
            }
        }
        out
    }
}
