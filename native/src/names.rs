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
//! A word of ASCII letters and apostrophes is keyed here (native/src/translit.rs, the twin of
//! ``normalise``), any other by the ``normalise`` given; ``english`` stays in Python (called
//! once per distinct word, or with ``NameWords`` once per word of a whole run). Offsets are
//! Python's: code points, not bytes.

use std::collections::HashMap;

use pyo3::prelude::*;
use pyo3::exceptions::PyValueError;
use pyo3::types::{PyDict, PyString};

use crate::fx::FxBuild;
use crate::translit;

const MAX_PARTS: usize = 4; // _MAX_PARTS
const CURLY: &str = "\u{2019}";

/// One mention as `Mention`'s fields after its key: key, start, end, surface, parts, before.
type Row<'py> = (Bound<'py, PyString>, usize, usize, Bound<'py, PyString>, usize, Bound<'py, PyString>);

/// A word of a name and what Python says of it, each asked once: its key (``normalise``) and
/// whether it is English (``english``).
struct Known {
    text: Py<PyString>,
    key: Option<Py<PyString>>,
    english: Option<bool>,
    given: Option<bool>, // ``given(word)``, asked of a word before a name
}

/// The words met so far: each one's number by its text, and what is known of it by number
/// (a word met before costs one look-up of its text; the rest is read by number).
#[derive(Default)]
struct Memo {
    numbers: HashMap<String, usize, FxBuild>,
    words: Vec<Known>,
}

impl Memo {
    fn len(&self) -> usize {
        self.words.len()
    }

    fn clear(&mut self) {
        self.numbers.clear();
        self.words.clear();
    }

    /// The number of the word ``w``, listed if it is new.
    fn number(&mut self, py: Python<'_>, w: &str) -> usize {
        if let Some(&n) = self.numbers.get(w) {
            return n;
        }
        let n = self.words.len();
        self.words.push(Known { text: PyString::new(py, w).unbind(), key: None, english: None, given: None });
        self.numbers.insert(w.to_owned(), n);
        n
    }
}

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
    rows_of(text.py(), s, &mut Memo::default(), normalise, english).map(|(rows, _)| Some(rows))
}

/// ``name_mentions`` with its ``normalise`` and ``english`` fixed, keeping what they say of
/// each word from one text to the next (both depend on the word alone): a run's names and
/// capitalised words recur article after article, and a word met before costs one look-up.
#[pyclass(module = "newslint._native")]
pub struct NameWords {
    normalise: Py<PyAny>,
    english: Option<Py<PyAny>>,
    given: Option<Py<PyAny>>,
    memo: Memo,
}

#[pymethods]
impl NameWords {
    #[new]
    #[pyo3(signature = (normalise, english=None, given=None))]
    fn new(normalise: Py<PyAny>, english: Option<Py<PyAny>>, given: Option<Py<PyAny>>) -> Self {
        NameWords { normalise, english, given, memo: Memo::default() }
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
        rows_of(py, s, &mut self.memo, &normalise, english.as_ref()).map(|(rows, _)| Some(rows))
    }

    /// The text's spellings as transliteration.py ``_spellings`` counts its ``mentions``: key
    /// -> {spelling: (mentions, first offset, whether a given name came before one)}, keys and
    /// spellings in order of first use; ``given(word)`` (``given`` is required) is asked once
    /// per word before a name over all the texts read. None for a text with no UTF-8 form.
    fn spellings<'py>(&mut self, text: &Bound<'py, PyString>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let py = text.py();
        let given = self.given.as_ref().ok_or_else(|| PyValueError::new_err("no given-name test"))?.bind(py).clone();
        let Ok(s) = text.to_str() else { return Ok(None) };
        if self.memo.len() >= MEMO_MOST {
            self.memo.clear();
        }
        let normalise = self.normalise.bind(py).clone();
        let english = self.english.as_ref().map(|e| e.bind(py).clone());
        let (rows, befores) = rows_of(py, s, &mut self.memo, &normalise, english.as_ref())?;
        let out = PyDict::new(py);
        for ((key, start, _, surface, _, _), before) in rows.into_iter().zip(befores) {
            let full = match before {
                Some(n) => self.is_given(py, n, &given)?,
                None => false,
            };
            let Some(forms) = out.get_item(&key)? else {
                let forms = PyDict::new(py);
                forms.set_item(&surface, (1, start, full))?;
                out.set_item(key, forms)?;
                continue;
            };
            let forms = forms.cast_into::<PyDict>()?;
            match forms.get_item(&surface)? {
                None => forms.set_item(&surface, (1, start, full))?,
                Some(had) => {
                    let (n, first, was): (usize, usize, bool) = had.extract()?;
                    forms.set_item(&surface, (n + 1, first, was || full))?;
                }
            }
        }
        Ok(Some(out))
    }

    /// How many words it keeps.
    fn __len__(&self) -> usize {
        self.memo.len()
    }
}

impl NameWords {
    /// ``given(word)`` of word number ``n`` (a word before a name), asked once.
    fn is_given(&mut self, py: Python<'_>, n: usize, given: &Bound<'_, PyAny>) -> PyResult<bool> {
        let word = &mut self.memo.words[n];
        if word.given.is_none() {
            word.given = Some(given.call1((word.text.bind(py).clone(),))?.is_truthy()?);
        }
        Ok(word.given.expect("set above"))
    }
}

/// The rows of ``s``, asking ``memo`` (and through it ``normalise`` and ``english``) about its
/// words, and for each row the number of the word before its name (None where there is none).
fn rows_of<'py>(
    py: Python<'py>,
    s: &str,
    memo: &mut Memo,
    normalise: &Bound<'py, PyAny>,
    english: Option<&Bound<'py, PyAny>>,
) -> PyResult<(Vec<Row<'py>>, Vec<Option<usize>>)> {
    let cp = CodePoints::new(s);
    let empty = PyString::new(py, "");
    let mut rows = Vec::new();
    let mut befores = Vec::new();
    for chain in chains(s) {
        let numbers: Vec<usize> = chain.iter().map(|&(start, end)| memo.number(py, &s[start..end])).collect();
        if chain.len() == 1 {
            let (start, end) = chain[0];
            let w = &s[start..end];
            if char_len(w) >= 4 && !is_english(memo, numbers[0], english)? {
                let key = key_of(memo, numbers[0], w, normalise)?;
                let surface = memo.words[numbers[0]].text.bind(py).clone();
                rows.push((key, cp.at(start), cp.at(end), surface, 1, empty.clone()));
                befores.push(None);
            }
            continue;
        }
        let mut keys = Vec::with_capacity(chain.len());
        let mut plain = Vec::with_capacity(chain.len());
        for (&(start, end), &n) in chain.iter().zip(&numbers) {
            keys.push(key_of(memo, n, &s[start..end], normalise)?);
            plain.push(english.is_some() && is_english(memo, n, english)?);
        }
        let key_texts = keys.iter().map(|k| k.to_str()).collect::<PyResult<Vec<&str>>>()?;
        for i in 0..chain.len() {
            let (start, first_end) = chain[i];
            if !s.as_bytes()[start].is_ascii_uppercase() {
                continue;
            }
            let spaced = i > 0 && matches!(&s[chain[i - 1].1..start], " " | "\u{a0}");
            let before = if spaced { memo.words[numbers[i - 1]].text.bind(py).clone() } else { empty.clone() };
            for j in i..chain.len().min(i + MAX_PARTS) {
                if (j == i && char_len(&s[start..first_end]) < 4) || plain[i..=j].iter().all(|&p| p) {
                    continue;
                }
                let end = chain[j].1;
                let key = PyString::new(py, &key_texts[i..=j].concat());
                rows.push((key, cp.at(start), cp.at(end), PyString::new(py, &s[start..end]), j - i + 1, before.clone()));
                befores.push(spaced.then(|| numbers[i - 1]));
            }
        }
    }
    Ok((rows, befores))
}

/// ``normalise(word)`` of word number ``n`` (``w``), asked once: said here for a word of ASCII
/// letters and apostrophes (native/src/translit.rs), else by ``normalise``.
fn key_of<'py>(memo: &mut Memo, n: usize, w: &str, normalise: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyString>> {
    let py = normalise.py();
    let word = &mut memo.words[n];
    if word.key.is_none() {
        word.key = Some(match translit::normalise(w) {
            Some(text) => PyString::new(py, &text).unbind(),
            None => normalise.call1((word.text.bind(py).clone(),))?.cast_into::<PyString>()?.unbind(),
        });
    }
    Ok(word.key.as_ref().expect("set above").bind(py).clone())
}

/// ``english(word)`` of word number ``n`` (False without it), asked once.
fn is_english(memo: &mut Memo, n: usize, english: Option<&Bound<'_, PyAny>>) -> PyResult<bool> {
    let Some(english) = english else { return Ok(false) };
    let word = &mut memo.words[n];
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
    let mut from = 0; // where to look for the next start
    while let Some(pos) = next_start(b, from) {
        from = pos + 1;
        let c = b[pos];
        let prev = if pos > 0 { b[pos - 1] } else { 0 };
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

/// The first place from byte `from` on where a word of a chain can start (`_chain_starts`):
/// a capital not after a letter (`_ASCII_CAPITAL`) or a small letter after a hyphen
/// (`_HYPHEN_LETTER`). Only capitals and hyphens are stopped at.
fn next_start(b: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        at += b.get(at..)?.iter().position(|&c| c.is_ascii_uppercase() || c == b'-')?;
        if b[at] == b'-' {
            if b.get(at + 1).is_some_and(|c| c.is_ascii_lowercase()) {
                return Some(at + 1);
            }
        } else if at == 0 || !b[at - 1].is_ascii_alphabetic() {
            return Some(at);
        }
        at += 1;
    }
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
pub(crate) fn word_end(s: &str, p: usize) -> usize {
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
