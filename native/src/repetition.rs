//! RD001's doubled words (newslint/checks/repetition.py `_LOWER_REPEAT`), in a lower-cased
//! text whose word characters are all ASCII:
//! `\b(?<![-'’])((?>[a-z]+(?:['’][a-z]+)?))(\s+)(\1)\b(?![-'’])`, found left to right as
//! `finditer` finds them; offsets are Python code-point offsets.

use pyo3::prelude::*;

use crate::text::is_python_space;

/// ``\w`` where every word character is ASCII.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn is_mark(c: char) -> bool {
    matches!(c, '-' | '\'' | '’')
}

/// The end of `(?>[a-z]+(?:['’][a-z]+)?)` at `p`, or None when no letter stands there.
fn word_end(chars: &[char], p: usize) -> Option<usize> {
    let n = chars.len();
    let mut q = p;
    while q < n && chars[q].is_ascii_lowercase() {
        q += 1;
    }
    if q == p {
        return None;
    }
    if q + 1 < n && matches!(chars[q], '\'' | '’') && chars[q + 1].is_ascii_lowercase() {
        q += 1;
        while q < n && chars[q].is_ascii_lowercase() {
            q += 1;
        }
    }
    Some(q)
}

/// (first word start, first word end, second word start, second word end) of each doubled
/// word in ``lowered``.
#[pyfunction]
pub fn doubled_words(lowered: &str) -> Vec<(usize, usize, usize, usize)> {
    let chars: Vec<char> = lowered.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut p = 0;
    while p < n {
        let at_start = is_word(chars[p]) && (p == 0 || (!is_word(chars[p - 1]) && !is_mark(chars[p - 1])));
        if !at_start {
            p += 1;
            continue;
        }
        let Some(e1) = word_end(&chars, p) else {
            p += 1;
            continue;
        };
        let mut s2 = e1;
        while s2 < n && is_python_space(chars[s2]) {
            s2 += 1;
        }
        let len = e1 - p;
        let e2 = s2 + len;
        let doubled = s2 > e1
            && e2 <= n
            && chars[s2..e2] == chars[p..e1]
            && (e2 == n || (!is_word(chars[e2]) && !is_mark(chars[e2])));
        if doubled {
            out.push((p, e1, s2, e2));
            p = e2;
        } else {
            p += 1;
        }
    }
    out
}
