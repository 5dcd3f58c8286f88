//! The translation signal's phrase count (newslint/translation_signal.py `_walk`/`_count`).
//!
//! The text arrives lower-cased by Python (so `str.lower`'s Unicode rules are Python's own).
//! Tokens are read as `_TOKENS_AND_BREAKS` reads them:
//! `[a-z0-9]+(?:['’-][a-z0-9]+)*|[,;:]|[.!?]\s+|\n+|["“”]`; a sentence break is a token no
//! feature holds, so a phrase never runs across it.

use std::collections::HashMap;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::fx::FxBuild;
use crate::text::is_python_space;

const NONE: u32 = u32::MAX;

/// The model's phrase features as a tree of stems (`Model.tree` in Python).
#[pyclass(frozen, module = "newslint._native")]
pub struct FeatureTrie {
    stems: HashMap<String, u32, FxBuild>,
    edges: HashMap<(u32, u32), u32, FxBuild>, // (node, stem) -> child node; the root is node 0
    root: Vec<u32>,                          // the root's child by stem (NONE: none): asked of every token
    column: Vec<u32>,                // per node: the feature ending there, or NONE
    has_children: Vec<bool>,
    features: usize,
    weights: Vec<Vec<f64>>, // per class, per column
    intercepts: Vec<f64>,
}

#[pymethods]
impl FeatureTrie {
    /// A tree of ``features`` ("stem stem stem", one per model column, in column order),
    /// with the model's ``weights`` (per class, per column) and ``intercepts`` for ``read``.
    #[new]
    #[pyo3(signature = (features, weights=Vec::new(), intercepts=Vec::new()))]
    fn new(features: Vec<String>, weights: Vec<Vec<f64>>, intercepts: Vec<f64>) -> PyResult<Self> {
        if weights.len() != intercepts.len() || weights.iter().any(|w| w.len() != features.len()) {
            return Err(PyValueError::new_err("one weight per feature and one intercept per class are needed"));
        }
        let mut trie = FeatureTrie {
            stems: HashMap::default(),
            edges: HashMap::default(),
            root: Vec::new(),
            column: vec![NONE],
            has_children: vec![false],
            features: features.len(),
            weights,
            intercepts,
        };
        for (col, feature) in features.iter().enumerate() {
            let mut node = 0u32;
            for stem in feature.split(' ') {
                if stem.is_empty() || !stem.chars().all(|c| c.is_ascii_alphanumeric() || "'’-,;:".contains(c)) {
                    return Err(PyValueError::new_err(format!("feature {feature:?} holds a stem no token can have")));
                }
                let next_id = trie.stems.len() as u32;
                let id = *trie.stems.entry(stem.to_string()).or_insert(next_id);
                trie.has_children[node as usize] = true;
                let next_node = trie.column.len() as u32;
                node = *trie.edges.entry((node, id)).or_insert(next_node);
                if node == next_node {
                    trie.column.push(NONE);
                    trie.has_children.push(false);
                }
            }
            trie.column[node as usize] = col as u32;
        }
        trie.root = vec![NONE; trie.stems.len()];
        for (&(node, stem), &child) in &trie.edges {
            if node == 0 {
                trie.root[stem as usize] = child;
            }
        }
        Ok(trie)
    }

    /// The feature counts of ``lowered`` (as ``count``) and each class's logit for a text of
    /// ``words`` words: intercept + sum of weight * log(1 + occurrences per 100 words),
    /// added in the counts' order (translation_signal.class_logits).
    fn read(&self, lowered: &str, words: usize) -> (Vec<(u32, u32)>, Vec<f64>) {
        let found = self.count(lowered);
        let per = 100.0 / (words.max(50) as f64);
        let values: Vec<(usize, f64)> = found.iter().map(|&(c, n)| (c as usize, (n as f64 * per).ln_1p())).collect();
        let logits = self
            .weights
            .iter()
            .zip(&self.intercepts)
            .map(|(w, b)| b + values.iter().fold(0.0, |total, &(c, v)| total + w[c] * v))
            .collect();
        (found, logits)
    }

    /// ``read`` of ``lowered`` with its word count, also returned: ``len(lowered.split())``
    /// (a text and its lower case have the same white space, so the same count).
    fn read_words(&self, lowered: &str) -> (Vec<(u32, u32)>, Vec<f64>, usize) {
        let words = word_count(lowered);
        let (found, logits) = self.read(lowered, words);
        (found, logits, words)
    }

    /// (column, occurrences) of every feature in ``lowered``, in order of first occurrence.
    fn count(&self, lowered: &str) -> Vec<(u32, u32)> {
        let ids = self.stem_ids(lowered, None);
        let mut slot = vec![NONE; self.features];
        let mut out: Vec<(u32, u32)> = Vec::new();
        self.walk(&ids, |col, _, _| {
            let s = &mut slot[col as usize];
            if *s == NONE {
                *s = out.len() as u32;
                out.push((col, 0));
            }
            out[*s as usize].1 += 1;
        });
        out
    }

    /// (column, surface) for the first occurrence of each ``wanted`` feature in ``lowered``,
    /// in order of occurrence: its tokens as written, joined by single spaces
    /// (translation_signal._surfaces).
    fn surfaces(&self, lowered: &str, wanted: Vec<u32>) -> Vec<(u32, String)> {
        let mut spans = Vec::new();
        let ids = self.stem_ids(lowered, Some(&mut spans));
        let mut pending = vec![false; self.features];
        for col in wanted {
            if let Some(p) = pending.get_mut(col as usize) {
                *p = true;
            }
        }
        let mut out = Vec::new();
        self.walk(&ids, |col, i, j| {
            if pending[col as usize] {
                pending[col as usize] = false;
                let words: Vec<&str> = spans[i..j].iter().map(|&(a, b)| &lowered[a..b]).collect();
                out.push((col, words.join(" ")));
            }
        });
        out
    }
}

impl FeatureTrie {
    /// Every feature occurrence (column, first token, token after the last), in order: an
    /// n-gram is extended only while it is the start of a feature (down the tree).
    fn walk(&self, ids: &[u32], mut visit: impl FnMut(u32, usize, usize)) {
        let n = ids.len();
        for i in 0..n {
            let mut node = match self.child(0, ids[i]) {
                Some(node) => node,
                None => continue,
            };
            let mut j = i + 1;
            loop {
                let col = self.column[node as usize];
                if col != NONE {
                    visit(col, i, j);
                }
                if j >= n || !self.has_children[node as usize] {
                    break;
                }
                node = match self.child(node, ids[j]) {
                    Some(next) => next,
                    None => break,
                };
                j += 1;
            }
        }
    }

    fn child(&self, node: u32, stem: u32) -> Option<u32> {
        if stem == NONE {
            return None;
        }
        if node == 0 {
            return self.root.get(stem as usize).copied().filter(|&child| child != NONE);
        }
        self.edges.get(&(node, stem)).copied()
    }

    /// Each token's stem as its id in the tree, NONE for a stem no feature holds and for a
    /// sentence break; with ``spans``, each token's byte span too.
    fn stem_ids(&self, text: &str, mut spans: Option<&mut Vec<(usize, usize)>>) -> Vec<u32> {
        let b = text.as_bytes();
        let mut ids = Vec::with_capacity(b.len() / 5);
        let mut token = |ids: &mut Vec<u32>, id: u32, start: usize, end: usize| {
            ids.push(id);
            if let Some(spans) = spans.as_deref_mut() {
                spans.push((start, end));
            }
        };
        let mut word = String::new();
        let mut p = 0;
        while p < b.len() {
            let c = b[p];
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                let end = word_end(text, p);
                word.clear();
                word.push_str(&text[p..end]);
                token(&mut ids, self.stems.get(stem(&mut word)).copied().unwrap_or(NONE), p, end);
                p = end;
            } else if c == b',' || c == b';' || c == b':' {
                token(&mut ids, self.stems.get(&text[p..p + 1]).copied().unwrap_or(NONE), p, p + 1);
                p += 1;
            } else if c == b'.' || c == b'!' || c == b'?' {
                let spaces = spaces_at(text, p + 1);
                if spaces > 0 {
                    token(&mut ids, NONE, p, p + 1 + spaces);
                }
                p += 1 + spaces;
            } else if c == b'\n' {
                let start = p;
                while p < b.len() && b[p] == b'\n' {
                    p += 1;
                }
                token(&mut ids, NONE, start, p);
            } else if c == b'"' {
                token(&mut ids, NONE, p, p + 1);
                p += 1;
            } else if c < 0x80 {
                p += 1;
            } else {
                let ch = text[p..].chars().next().unwrap();
                if ch == '“' || ch == '”' {
                    token(&mut ids, NONE, p, p + ch.len_utf8());
                }
                p += ch.len_utf8();
            }
        }
        ids
    }
}

/// Python's ``len(text.split())``: runs of characters that are not white space (``str.isspace``).
fn word_count(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_word_count(text.as_bytes());
    }
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        let space = if c.is_ascii() { is_ascii_python_space(c as u8) } else { is_python_space(c) };
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

/// ``word_count`` of an ASCII text, byte by byte.
fn ascii_word_count(text: &[u8]) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for &b in text {
        let space = is_ascii_python_space(b);
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

/// Python's white space among ASCII characters: \t to \r, \x1c to \x1f and the space.
fn is_ascii_python_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=b' ')
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

/// The end of `[a-z0-9]+(?:['’-][a-z0-9]+)*` starting at `p`.
fn word_end(text: &str, mut p: usize) -> usize {
    let b = text.as_bytes();
    while p < b.len() && is_word_byte(b[p]) {
        p += 1;
    }
    loop {
        let sep = if p < b.len() && (b[p] == b'\'' || b[p] == b'-') {
            1
        } else if text[p..].starts_with('’') {
            '’'.len_utf8()
        } else {
            return p;
        };
        if p + sep < b.len() && is_word_byte(b[p + sep]) {
            p += sep;
            while p < b.len() && is_word_byte(b[p]) {
                p += 1;
            }
        } else {
            return p;
        }
    }
}

/// Bytes of Python white space starting at `p`.
fn spaces_at(text: &str, p: usize) -> usize {
    text[p..].chars().take_while(|&c| is_python_space(c)).map(char::len_utf8).sum()
}

/// `translation_signal.stem`: a crude inflection stem (plural, past and -ing folded).
/// The token is ASCII once ’ is read as '.
pub fn stem(t: &mut String) -> &str {
    if !t.is_ascii() && t.contains('’') {
        *t = t.replace('’', "'");
    }
    if t.ends_with("'s") {
        t.truncate(t.len() - 2);
    }
    let n = t.len();
    if n > 4 && t.ends_with("ies") {
        t.truncate(n - 3);
        t.push('y');
    } else if n > 5 && t.ends_with("ing") {
        t.truncate(n - 3);
    } else if n > 4 && t.ends_with("ied") {
        t.truncate(n - 3);
        t.push('y');
    } else if n > 4 && t.ends_with("ed") {
        t.truncate(n - 2);
    } else if n > 3 && t.ends_with("es") && matches!(t.as_bytes()[n - 3], b's' | b'x' | b'z' | b'h') {
        t.truncate(n - 2);
    } else if n > 3 && t.ends_with('s') && !(t.ends_with("ss") || t.ends_with("us") || t.ends_with("is")) {
        t.truncate(n - 1);
    } else if n > 4 && t.ends_with('e') {
        t.truncate(n - 1);
    }
    t.as_str()
}
