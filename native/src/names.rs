//! Name mentions for EN010 (newslint/checks/transliteration.py `_mentions_python`): every
//! capitalised sub-run of every name chain, for a text whose word characters are all ASCII
//! (`ascii_words`). In such a text a letter (`[^\W\d_]`) is `[A-Za-z]` and a word character
//! (`\w`) is `[A-Za-z0-9_]`; any other character is neither. The patterns read there:
//!
//! - a word, `_WORD`: `[A-Za-z]+(?:['’](?![sS]\b)[A-Za-z]+)?` (O'Brien, not Putin's);
//! - where a chain's word can start, `_chain_starts`: a capital not after a letter
//!   (`_ASCII_CAPITAL`) and a small letter after a hyphen (`_HYPHEN_LETTER`, "Jong-un");
//! - `_word_at`: after a letter and an apostrophe, the word `_WORD.finditer` finds there;
//! - words joined by one space, no-break space or hyphen (`_JOINS`).
//!
//! ``normalise`` and ``english`` stay in Python (each called once per distinct word, or with
//! ``NameWords`` once per word of a whole run), so the keys are Python's own. Offsets are
//! Python's: code points, not bytes.

use std::collections::HashMap;

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::fx::FxBuild;

const MAX_PARTS: usize = 4; // _MAX_PARTS
const CURLY: &str = "\u{2019}";

/// One mention as `Mention`'s fields after its key: key, start, end, surface, parts, before.
type Row<'py> = (Bound<'py, PyString>, usize, usize, Bound<'py, PyString>, usize, Bound<'py, PyString>);

/// A word of a name and what Python says of it, each asked once: its key (``normalise``) and
/// whether it is English (``english``).
struct Known {
    text: Py<PyString>,
    key: Option<(Py<PyString>, String)>,
    english: Option<bool>,
}

/// The words met so far, by their text.
type Memo = HashMap<String, Known, FxBuild>;

/// The most words a ``NameWords`` keeps; past it, it starts again (a run of many archives).
const MEMO_MOST: usize = 1 << 17;

/// ``_mentions_python(text, english)`` as rows, or None for a text with no UTF-8 form (a
/// lone surrogate). ``normalise(word)`` gives a word's key; ``english(word)``, when given,
/// whether it is an English word; each is asked once per distinct word of the text.
#[pyfunction]
#[pyo3(signature = (text, normalise, english=None))]
pub fn name_mentions<'py>(
    text: &Bound<'py, PyString>,
    normalise: &Bound<'py, PyAny>,
    english: Option<&Bound<'py, PyAny>>,
) -> PyResult<Option<Vec<Row<'py>>>> {
    let Ok(s) = text.to_str() else { return Ok(None) };
    rows_of(text.py(), s, &mut Memo::default(), normalise, english).map(Some)
}

/// ``name_mentions`` with its ``normalise`` and ``english`` fixed, keeping what they say of
/// each word from one text to the next (both depend on the word alone): a run's names and
/// capitalised words recur article after article, and a word met before costs one look-up.
#[pyclass(module = "newslint._native")]
pub struct NameWords {
    normalise: Py<PyAny>,
    english: Option<Py<PyAny>>,
    memo: Memo,
}

#[pymethods]
impl NameWords {
    #[new]
    #[pyo3(signature = (normalise, english=None))]
    fn new(normalise: Py<PyAny>, english: Option<Py<PyAny>>) -> Self {
        NameWords { normalise, english, memo: Memo::default() }
    }

    /// ``name_mentions(text, normalise, english)``.
    fn mentions<'py>(&mut self, text: &Bound<'py, PyString>) -> PyResult<Option<Vec<Row<'py>>>> {
        let py = text.py();
        let Ok(s) = text.to_str() else { return Ok(None) };
        if self.memo.len() >= MEMO_MOST {
            self.memo.clear();
        }
        let normalise = self.normalise.bind(py).clone();
        let english = self.english.as_ref().map(|e| e.bind(py).clone());
        rows_of(py, s, &mut self.memo, &normalise, english.as_ref()).map(Some)
    }

    /// How many words it keeps.
    fn __len__(&self) -> usize {
        self.memo.len()
    }
}

/// The rows of ``s``, asking ``memo`` (and through it ``normalise`` and ``english``) about its words.
fn rows_of<'py>(
    py: Python<'py>,
    s: &str,
    memo: &mut Memo,
    normalise: &Bound<'py, PyAny>,
    english: Option<&Bound<'py, PyAny>>,
) -> PyResult<Vec<Row<'py>>> {
    let cp = CodePoints::new(s);
    let empty = PyString::new(py, "");
    let mut rows = Vec::new();
    for chain in chains(s) {
        for &(start, end) in &chain {
            let w = &s[start..end];
            if !memo.contains_key(w) {
                memo.insert(w.to_owned(), Known { text: PyString::new(py, w).unbind(), key: None, english: None });
            }
        }
        if chain.len() == 1 {
            let (start, end) = chain[0];
            let w = &s[start..end];
            if char_len(w) >= 4 && !is_english(memo, w, english)? {
                let (key, _) = key_of(memo, w, normalise)?;
                let surface = memo[w].text.bind(py).clone();
                rows.push((key, cp.at(start), cp.at(end), surface, 1, empty.clone()));
            }
            continue;
        }
        let mut keys = Vec::with_capacity(chain.len());
        let mut plain = Vec::with_capacity(chain.len());
        for &(start, end) in &chain {
            let w = &s[start..end];
            keys.push(key_of(memo, w, normalise)?.1);
            plain.push(english.is_some() && is_english(memo, w, english)?);
        }
        for i in 0..chain.len() {
            let (start, first_end) = chain[i];
            if !s.as_bytes()[start].is_ascii_uppercase() {
                continue;
            }
            let spaced = i > 0 && matches!(&s[chain[i - 1].1..start], " " | "\u{a0}");
            let before = if spaced { memo[&s[chain[i - 1].0..chain[i - 1].1]].text.bind(py).clone() } else { empty.clone() };
            for j in i..chain.len().min(i + MAX_PARTS) {
                if (j == i && char_len(&s[start..first_end]) < 4) || plain[i..=j].iter().all(|&p| p) {
                    continue;
                }
                let end = chain[j].1;
                let key = PyString::new(py, &keys[i..=j].concat());
                rows.push((key, cp.at(start), cp.at(end), PyString::new(py, &s[start..end]), j - i + 1, before.clone()));
            }
        }
    }
    Ok(rows)
}

/// ``normalise(word)``, asked once per word: the Python object and its text.
fn key_of<'py>(memo: &mut Memo, w: &str, normalise: &Bound<'py, PyAny>) -> PyResult<(Bound<'py, PyString>, String)> {
    let py = normalise.py();
    let word = memo.get_mut(w).expect("every chain word is listed");
    if word.key.is_none() {
        let key = normalise.call1((word.text.bind(py).clone(),))?.cast_into::<PyString>()?;
        let text = key.to_str()?.to_owned();
        word.key = Some((key.unbind(), text));
    }
    let (key, text) = word.key.as_ref().expect("set above");
    Ok((key.bind(py).clone(), text.clone()))
}

/// ``english(word)`` (False without it), asked once per word.
fn is_english(memo: &mut Memo, w: &str, english: Option<&Bound<'_, PyAny>>) -> PyResult<bool> {
    let Some(english) = english else { return Ok(false) };
    let word = memo.get_mut(w).expect("every chain word is listed");
    if word.english.is_none() {
        word.english = Some(english.call1((word.text.bind(english.py()).clone(),))?.is_truthy()?);
    }
    Ok(word.english.expect("set above"))
}

/// `_chains`: runs of capitalised words joined by one space, no-break space or hyphen, as
/// the byte spans of their words.
fn chains(s: &str) -> Vec<Vec<(usize, usize)>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut chain: Vec<(usize, usize)> = Vec::new();
    let mut last_end = 0; // where the chain's last word ends
    for pos in 0..b.len() {
        let c = b[pos];
        let prev = if pos > 0 { b[pos - 1] } else { 0 };
        let start = if c.is_ascii_uppercase() {
            !prev.is_ascii_alphabetic() // _ASCII_CAPITAL
        } else {
            c.is_ascii_lowercase() && prev == b'-' // _HYPHEN_LETTER
        };
        if !start {
            continue;
        }
        let after_apostrophe = prev == b'\'' || s[..pos].ends_with(CURLY);
        let end = if after_apostrophe { word_at(s, pos) } else { Some(word_end(s, pos)) };
        let Some(end) = end else { continue };
        let word = &b[pos..end];
        let joined = !chain.is_empty() && pos >= last_end && matches!(&s[last_end..pos], " " | "\u{a0}" | "-");
        let capitalised = c.is_ascii_uppercase() && word.iter().any(|x| x.is_ascii_lowercase());
        let tail = joined && prev == b'-' && !word.iter().any(|x| x.is_ascii_uppercase());
        if capitalised || tail {
            if !joined && !chain.is_empty() {
                out.push(std::mem::take(&mut chain));
            }
            chain.push((pos, end));
            last_end = end;
        } else if !chain.is_empty() {
            out.push(std::mem::take(&mut chain));
        }
    }
    if !chain.is_empty() {
        out.push(chain);
    }
    out
}

/// `_word_at` for a letter at byte `pos` right after an apostrophe: the word `_WORD.finditer`
/// finds starting there, if any (none inside "O'Brien").
fn word_at(s: &str, pos: usize) -> Option<usize> {
    let b = s.as_bytes();
    let apostrophe = pos - apostrophe_before(s, pos);
    let before_apostrophe = apostrophe_before(s, apostrophe) == 0 && apostrophe > 0 && b[apostrophe - 1].is_ascii_alphabetic();
    if !before_apostrophe {
        return Some(word_end(s, pos));
    }
    let mut start = apostrophe;
    loop {
        if start > 0 && b[start - 1].is_ascii_alphabetic() {
            start -= 1;
        } else {
            let back = apostrophe_before(s, start);
            if back == 0 {
                break;
            }
            start -= back;
        }
    }
    let mut at = start;
    loop {
        while !b[at].is_ascii_alphabetic() {
            at += 1; // pos is a letter: the search stops there at the latest
        }
        let end = word_end(s, at);
        if end > pos {
            return (at == pos).then_some(end);
        }
        at = end;
    }
}

/// The byte length of an apostrophe (' or ’) ending right before byte `p`, else 0.
fn apostrophe_before(s: &str, p: usize) -> usize {
    if p > 0 && s.as_bytes()[p - 1] == b'\'' {
        1
    } else if s[..p].ends_with(CURLY) {
        CURLY.len()
    } else {
        0
    }
}

/// The end of `_WORD` matched at the letter at byte `p`.
fn word_end(s: &str, p: usize) -> usize {
    let b = s.as_bytes();
    let end = letters_end(b, p);
    let apostrophe = match b.get(end) {
        Some(b'\'') => 1,
        _ if s[end..].starts_with(CURLY) => CURLY.len(),
        _ => return end,
    };
    let q = end + apostrophe;
    if q >= b.len() || !b[q].is_ascii_alphabetic() {
        return end;
    }
    let boundary_after_s = q + 1 >= b.len() || !(b[q + 1].is_ascii_alphanumeric() || b[q + 1] == b'_');
    if (b[q] == b's' || b[q] == b'S') && boundary_after_s {
        return end; // a possessive: Xi's
    }
    letters_end(b, q)
}

fn letters_end(b: &[u8], mut p: usize) -> usize {
    while p < b.len() && b[p].is_ascii_alphabetic() {
        p += 1;
    }
    p
}

/// Code points in a str: a word's letters are ASCII, its apostrophe may not be.
fn char_len(w: &str) -> usize {
    w.chars().count()
}

/// Byte offsets to Python's code-point offsets.
struct CodePoints {
    table: Option<Vec<usize>>, // None for an ASCII text, where the two agree
}

impl CodePoints {
    fn new(s: &str) -> Self {
        if s.is_ascii() {
            return CodePoints { table: None };
        }
        let mut table = Vec::with_capacity(s.len() + 1);
        let mut cp = 0;
        for &byte in s.as_bytes() {
            table.push(cp);
            cp += usize::from(byte & 0xC0 != 0x80);
        }
        table.push(cp);
        CodePoints { table: Some(table) }
    }

    fn at(&self, byte: usize) -> usize {
        self.table.as_ref().map_or(byte, |t| t[byte])
    }
}
