//! RD004's first question of each sentence (newslint/checks/redundancy.py): could it hold a
//! repeat the rule reports? Only if a pair of adjacent words whose first is one of the given
//! words (the possessives: "its territory ... its territory") occurs twice in it, or a run
//! of 3 to 8 words is said twice in a row ("in the middle of the table in the middle of the
//! table"). Nearly every sentence holds neither, and is left at that.
//!
//! Words are read as `ASCII_WORD` reads the lower-cased text, `[A-Za-z0-9]+(?:[’'\-.][A-Za-z0-9]+)*`,
//! within each sentence; offsets are Python code-point offsets.

use crate::fx::FxSet;

use pyo3::prelude::*;

const MIN_RUN: usize = 3;
const MAX_RUN: usize = 8;

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// The indices of the sentences (``spans``, (start, end) in code points of ``lowered``) in
/// which a pair of adjacent words starting with one of ``firsts`` occurs twice, or a run of
/// 3 to 8 words is said twice in a row.
#[pyfunction]
pub fn repeating_sentences(lowered: &str, spans: Vec<(usize, usize)>, firsts: Vec<String>) -> Vec<usize> {
    let chars: Vec<char> = lowered.chars().collect();
    let firsts: Vec<Vec<char>> = firsts.iter().map(|f| f.chars().collect()).collect();
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
        let pair_twice = words
            .windows(2)
            .any(|w| firsts.iter().any(|f| f.as_slice() == w[0]) && !pairs.insert((w[0], w[1])));
        if pair_twice || run_twice(&words) {
            out.push(index);
        }
    }
    out
}

/// Whether some run of MIN_RUN to MAX_RUN words is followed at once by the same run.
fn run_twice(words: &[&[char]]) -> bool {
    (MIN_RUN..=MAX_RUN).any(|n| (n..words.len().saturating_sub(n - 1)).any(|j| words[j - n..j] == words[j..j + n]))
}
