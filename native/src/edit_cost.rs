//! The spelling model's weighted edit distance (newslint/spelling/lexicon.py `edit_cost`).
//!
//! Costs come from Python (`lexicon._Costs` and its substitution table), so the model is
//! defined once; the arithmetic is done in the same order, so the two agree to the bit.

use pyo3::prelude::*;
use std::collections::HashMap;

const TABLE: usize = 128; // the substitution table's letters are ASCII

/// Substitution and insertion/deletion costs of the noisy-channel model.
#[pyclass(frozen, module = "newslint._native")]
pub struct EditCosts {
    sub: Vec<f64>, // TABLE x TABLE, typed letter then intended one; 1.0 outside the table
    vowels: Vec<char>,
    indel: f64,
    indel_vowel: f64,
    indel_double: f64,
    indel_apostrophe: f64,
    first: f64,
    transpose: f64,
}

#[pymethods]
impl EditCosts {
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        sub_rows: HashMap<char, HashMap<char, f64>>,
        vowels: &str,
        indel: f64,
        indel_vowel: f64,
        indel_double: f64,
        indel_apostrophe: f64,
        first: f64,
        transpose: f64,
    ) -> PyResult<Self> {
        let mut sub = vec![1.0; TABLE * TABLE];
        for (a, row) in &sub_rows {
            for (b, cost) in row {
                if (*a as usize) >= TABLE || (*b as usize) >= TABLE {
                    return Err(pyo3::exceptions::PyValueError::new_err("substitution table beyond ASCII"));
                }
                sub[*a as usize * TABLE + *b as usize] = *cost;
            }
        }
        Ok(EditCosts {
            sub,
            vowels: vowels.chars().collect(),
            indel,
            indel_vowel,
            indel_double,
            indel_apostrophe,
            first,
            transpose,
        })
    }

    /// Weighted optimal-string-alignment distance from ``typo`` to ``word``.
    pub(crate) fn cost(&self, typo: &str, word: &str) -> f64 {
        let typo: Vec<char> = typo.chars().collect();
        let del_cost = self.indel_costs(&typo);
        let word: Vec<char> = word.chars().collect();
        self.cost_within(&typo, &del_cost, &word, f64::INFINITY, &mut Rows::default()).unwrap_or(f64::INFINITY)
    }
}

/// The rows of ``cost_within``'s table, kept between calls.
#[derive(Default)]
pub(crate) struct Rows {
    ins_cost: Vec<f64>,
    prev2: Vec<f64>,
    prev: Vec<f64>,
    cur: Vec<f64>,
}

impl EditCosts {
    /// ``cost`` from ``typo`` (its letters and ``indel_costs``) to ``word`` when it is at
    /// most ``limit``, else None: the table is left once two rows in a row are over the
    /// limit everywhere, as every alignment passes through one of any two rows in a row
    /// (a swap skips one) and no step lowers the cost. The arithmetic is ``cost``'s.
    pub(crate) fn cost_within(&self, typo: &[char], del_cost: &[f64], word: &[char], limit: f64, rows: &mut Rows) -> Option<f64> {
        let (n, m) = (typo.len(), word.len());
        let first = self.first;
        self.fill_indel_costs(word, &mut rows.ins_cost);
        let Rows { ins_cost, prev2, prev, cur } = rows;
        prev.clear();
        prev.resize(m + 1, 0.0);
        prev2.clear();
        let mut acc = first;
        for j in 0..m {
            acc += ins_cost[j];
            prev[j + 1] = acc;
        }
        let mut prev_over = prev.iter().all(|&c| c > limit);
        for i in 1..=n {
            let a = typo[i - 1];
            let dc = del_cost[i - 1];
            let swapped = if i > 1 { Some(typo[i - 2]) } else { None };
            let mut left = prev[0] + dc + if i == 1 { first } else { 0.0 };
            cur.clear();
            cur.push(left);
            let mut diag = prev[0];
            for j in 1..=m {
                let b = word[j - 1];
                let ic = ins_cost[j - 1];
                let up = prev[j];
                let mut best;
                if a == b {
                    best = diag;
                } else {
                    best = diag + self.sub(a, b);
                    if j == 1 && i == 1 {
                        best += first;
                    }
                    if Some(b) == swapped && j > 1 && a == word[j - 2] {
                        let c = prev2[j - 2] + self.transpose;
                        if c < best {
                            best = c;
                        }
                    }
                }
                let c = up + dc;
                if c < best {
                    best = c;
                }
                let c = left + ic;
                if c < best {
                    best = c;
                }
                cur.push(best);
                left = best;
                diag = up;
            }
            let over = cur.iter().all(|&c| c > limit);
            if over && prev_over {
                return None;
            }
            prev_over = over;
            std::mem::swap(prev2, prev);
            std::mem::swap(prev, cur);
        }
        let cost = prev[m];
        (cost <= limit).then_some(cost)
    }

    fn sub(&self, a: char, b: char) -> f64 {
        let (a, b) = (a as usize, b as usize);
        if a < TABLE && b < TABLE {
            self.sub[a * TABLE + b]
        } else {
            1.0
        }
    }

    /// `lexicon._indel_costs`: the cost of each letter being absent from the other string.
    pub(crate) fn indel_costs(&self, word: &[char]) -> Vec<f64> {
        let mut out = Vec::new();
        self.fill_indel_costs(word, &mut out);
        out
    }

    /// ``indel_costs`` into ``out``.
    fn fill_indel_costs(&self, word: &[char], out: &mut Vec<f64>) {
        let n = word.len();
        out.clear();
        out.extend((0..n).map(|i| {
                let ch = word[i];
                if ch == '\'' || ch == '-' {
                    self.indel_apostrophe
                } else if (i > 0 && word[i - 1] == ch) || (i + 1 < n && word[i + 1] == ch) {
                    self.indel_double
                } else if self.vowels.contains(&ch) {
                    self.indel_vowel
                } else {
                    self.indel
                }
            }));
    }
}

/// Optimal string alignment distance between two strings, in code points (a letter
/// changed, added or dropped, or two neighbours swapped, each counts one): the unweighted
/// distance of newslint/checks/spelling.py `python_distance`.
#[pyfunction]
pub fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let m = b.len();
    let mut prev2: Vec<usize> = vec![0; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur: Vec<usize> = vec![0; m + 1];
    for i in 1..=a.len() {
        let ca = a[i - 1];
        cur[0] = i;
        for j in 1..=m {
            let cb = b[j - 1];
            let mut best = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + usize::from(ca != cb));
            if i > 1 && j > 1 && ca == b[j - 2] && a[i - 2] == cb {
                best = best.min(prev2[j - 2] + 1);
            }
            cur[j] = best;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m]
}
