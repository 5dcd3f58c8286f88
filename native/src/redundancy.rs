//! RD004's first question of each sentence (newslint/checks/redundancy.py): does any pair
//! of adjacent words occur twice in it? Most sentences say no, and are left at that.
//!
//! Words are read as `ASCII_WORD` reads the lower-cased text, `[A-Za-z0-9]+(?:[’'\-.][A-Za-z0-9]+)*`,
//! within each sentence; offsets are Python code-point offsets.

use crate::fx::FxSet;

use pyo3::prelude::*;

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// The indices of the sentences (``spans``, (start, end) in code points of ``lowered``)
/// in which some pair of adjacent words occurs twice.
#[pyfunction]
pub fn repeated_pair_sentences(lowered: &str, spans: Vec<(usize, usize)>) -> Vec<usize> {
    let chars: Vec<char> = lowered.chars().collect();
    let mut out = Vec::new();
    let mut words: Vec<&[char]> = Vec::new();
    let mut pairs: FxSet<(&[char], &[char])> = FxSet::default();
    for (index, &(start, end)) in spans.iter().enumerate() {
        let end = end.min(chars.len());
        words.clear();
        let mut p = start;
        while p < end {
            if !is_word(chars[p]) {
                p += 1;
                continue;
            }
            let first = p;
            while p < end && is_word(chars[p]) {
                p += 1;
            }
            while p + 1 < end && matches!(chars[p], '’' | '\'' | '-' | '.') && is_word(chars[p + 1]) {
                p += 1;
                while p < end && is_word(chars[p]) {
                    p += 1;
                }
            }
            words.push(&chars[first..p]);
        }
        pairs.clear();
        if words.windows(2).any(|w| !pairs.insert((w[0], w[1]))) {
            out.push(index);
        }
    }
    out
}
