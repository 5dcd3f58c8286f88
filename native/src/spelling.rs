//! The spelling candidates' split (newslint/spelling/candidates.py `_split_python`): an
//! article's words as plain words and other candidates, for a text whose word characters
//! are all ASCII (`ascii_words`). Python's twin then reads the text with `_ASCII_SPLIT`:
//!
//! `([^A-Za-z]*+)(?:(?<![^QB])([a-z]+(?:-[a-z]+)*)(?=[QA']|\Z)(?!-[A-Za-z])|(TOKEN)|\Z)`
//! with `TOKEN = [A-Za-z]+(?:['’-][A-Za-z]+)*(?:['’](?![A-Za-z]))?`, QB the quiet characters
//! before a word and QA' those after it but the apostrophes. A plain word can only match at
//! its longest (a shorter one ends before a letter, or before a hyphen and a letter), and a
//! token always takes its longest form, so each is read forward once with no backtracking.
//! In such a text every digit (`str.isdigit`) and every letter or digit (`str.isalnum`) is
//! ASCII, as `\w` holds both. Offsets are Python's: code points, not bytes.

use crate::fx::{FxMap, FxSet};
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::PyString;

/// A set of characters: ASCII ones as bits, the few others listed.
struct CharSet {
    ascii: u128,
    other: Vec<char>,
}

impl CharSet {
    fn new(chars: impl IntoIterator<Item = char>) -> Self {
        let mut set = CharSet { ascii: 0, other: Vec::new() };
        for c in chars {
            if c.is_ascii() {
                set.ascii |= 1u128 << (c as u32);
            } else if !set.other.contains(&c) {
                set.other.push(c);
            }
        }
        set
    }

    fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            self.ascii & (1u128 << (c as u32)) != 0
        } else {
            self.other.contains(&c)
        }
    }
}

/// One candidate as Python's `Candidate` fields: start, word, text as written, capitalised,
/// sentence_initial, after_full_stop.
type Row<'py> = (usize, Bound<'py, PyString>, Bound<'py, PyString>, bool, bool, bool);

/// The split's settings, read once from Python's constants so the two cannot drift apart.
#[pyclass(frozen, module = "newslint._native")]
pub struct CandidateSplitter {
    quiet_before: CharSet,
    quiet_after: CharSet,
    plain_after: CharSet, // quiet after a plain word: no apostrophe, which would join it
    openers: CharSet,
    line_openers: CharSet, // openers, spaces and tabs: what may stand before a line's first word
    max_word: usize,
    // the words of earlier texts, given again as the same str: no string is made for a word
    // met before, and its hash is the one Python worked out (the rules keep sets of words)
    kept: Mutex<FxMap<Box<str>, Py<PyString>>>,
}

/// Words a splitter keeps as str for later texts: the first 4,096 it meets, most of them a
/// run's common words. Kept small, the table stays in the CPU's cache: 65,536 words cost
/// more in cache misses than the strings they spared.
const WORDS_KEPT: usize = 1 << 12;

#[pymethods]
impl CandidateSplitter {
    #[new]
    fn new(quiet_before: &str, quiet_after: &str, openers: &str, max_word: usize) -> Self {
        CandidateSplitter {
            quiet_before: CharSet::new(quiet_before.chars()),
            quiet_after: CharSet::new(quiet_after.chars()),
            plain_after: CharSet::new(quiet_after.chars().filter(|&c| c != '\'' && c != '’')),
            openers: CharSet::new(openers.chars()),
            line_openers: CharSet::new(openers.chars().chain([' ', '\t'])),
            max_word,
            kept: Mutex::new(FxMap::default()),
        }
    }

    /// (plain_starts, plain_words, others) of ``text``, or None for a text with no UTF-8
    /// form (a lone surrogate). ``starts_of()`` gives the article's sentence, paragraph and
    /// line starts; it is called once, and only when a capitalised word occurs.
    #[allow(clippy::type_complexity)]
    fn split<'py>(
        &self,
        text: &Bound<'py, PyString>,
        starts_of: &Bound<'py, PyAny>,
    ) -> PyResult<Option<(Vec<usize>, Vec<Bound<'py, PyString>>, Vec<Row<'py>>)>> {
        let py = text.py();
        let s = match text.to_str() {
            Ok(s) => s,
            Err(_) => return Ok(None),
        };
        let b = s.as_bytes();
        let n = b.len();
        let mut plain_starts = Vec::with_capacity(n / 6);
        let mut plain_words = Vec::with_capacity(n / 6);
        let mut seen: FxMap<&str, Bound<'py, PyString>> = FxMap::with_capacity_and_hasher(n / 12, Default::default());
        let mut others: Vec<Row<'py>> = Vec::new();
        let mut starts: Option<FxSet<usize>> = None;
        let (mut p, mut cp) = (0usize, 0usize); // byte offset, code-point offset
        loop {
            while p < n && !b[p].is_ascii_alphabetic() {
                cp += usize::from(b[p] & 0xC0 != 0x80); // a UTF-8 continuation byte starts no character
                p += 1;
            }
            if p >= n {
                break;
            }
            if b[p].is_ascii_lowercase() && (p == 0 || self.quiet_before.contains(char_before(s, p))) {
                let end = plain_end(b, p);
                if self.plain_ends_at(s, end) {
                    let len = end - p;
                    if (2..=self.max_word).contains(&len) {
                        let word = &s[p..end];
                        let obj = match self.kept(py, word) {
                            Some(obj) => obj,
                            None => seen.entry(word).or_insert_with(|| PyString::new(py, word)).clone(),
                        };
                        plain_starts.push(cp);
                        plain_words.push(obj);
                    }
                    p = end;
                    cp += len;
                    continue;
                }
            }
            let (end, chars) = token_end(s, p);
            if let Some(row) = self.other(s, p, cp, end, chars, &mut starts, starts_of)? {
                others.push(row);
            }
            p = end;
            cp += chars;
        }
        Ok(Some((plain_starts, plain_words, others)))
    }
}

impl CandidateSplitter {
    /// ``word`` as the str given for it before, or as a new one kept for later texts;
    /// None once ``WORDS_KEPT`` words are kept and this is not one of them.
    fn kept<'py>(&self, py: Python<'py>, word: &str) -> Option<Bound<'py, PyString>> {
        let mut kept = self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(obj) = kept.get(word) {
            return Some(obj.bind(py).clone());
        }
        if kept.len() >= WORDS_KEPT {
            return None;
        }
        let obj = PyString::new(py, word);
        kept.insert(Box::from(word), obj.clone().unbind());
        Some(obj)
    }

    /// `(?=[QA']|\Z)(?!-[A-Za-z])` at byte `end`.
    fn plain_ends_at(&self, s: &str, end: usize) -> bool {
        let b = s.as_bytes();
        if end >= b.len() {
            return true;
        }
        let c = char_at(s, end);
        self.plain_after.contains(c) && !(c == '-' && end + 1 < b.len() && b[end + 1].is_ascii_alphabetic())
    }

    /// `_others` for one token (bytes `p..end`, `chars` code points from `cp`): its
    /// candidate, or None when the token is not a word to check.
    #[allow(clippy::too_many_arguments)]
    fn other<'py>(
        &self,
        s: &str,
        p: usize,
        cp: usize,
        end: usize,
        chars: usize,
        starts: &mut Option<FxSet<usize>>,
        starts_of: &Bound<'py, PyAny>,
    ) -> PyResult<Option<Row<'py>>> {
        let py = starts_of.py();
        let b = s.as_bytes();
        let n = b.len();
        let before = if p > 0 { char_before(s, p) } else { ' ' };
        let after = if end < n { char_at(s, end) } else { ' ' };
        if !self.quiet_before.contains(before) || !self.quiet_after.contains(after) {
            if before.is_ascii_digit()
                || after.is_ascii_digit()
                || "._/\\&".contains(before)
                || after == '&'
                || (after == '.' && end + 1 < n && b[end + 1].is_ascii_alphanumeric())
            {
                return Ok(None); // 60m, 1990s, U.S., file.txt
            }
            if (after == '…' || (after == '.' && s[end..].starts_with("...")))
                || (before == '…' || (before == '.' && p >= 3 && &b[p - 3..p] == b"..."))
            {
                return Ok(None); // a word cut short by an ellipsis
            }
        }
        let raw = &s[p..end];
        let (word, word_chars) = strip_possessive(raw, chars);
        let fits = (2..=self.max_word).contains(&word_chars);
        let flags = if !raw.bytes().any(|c| c.is_ascii_uppercase()) {
            if !fits {
                return Ok(None);
            }
            (false, false, false)
        } else {
            if !fits || word.bytes().skip(1).any(|c| c.is_ascii_uppercase()) {
                return Ok(None); // too short or long, or capitals after the first letter: UKIP, MPs, iPhone
            }
            let capital = word.as_bytes()[0].is_ascii_uppercase();
            if capital && starts.is_none() {
                *starts = Some(starts_of.call0()?.extract()?);
            }
            let line = capital && self.at_line_start(s, p, cp, starts.as_ref().unwrap());
            let named = capital && !line;
            let opens = named && starts.as_ref().unwrap().contains(&(cp - back_over(s, p, &self.openers).0));
            (named, line, opens)
        };
        let raw_obj = self.kept(py, raw).unwrap_or_else(|| PyString::new(py, raw));
        let word_obj = if word.len() == raw.len() {
            raw_obj.clone()
        } else {
            self.kept(py, word).unwrap_or_else(|| PyString::new(py, word))
        };
        Ok(Some((cp, word_obj, raw_obj, flags.0, flags.1, flags.2)))
    }

    /// `_at_line_start`: at a line's or paragraph's start, after any openers, spaces, tabs.
    fn at_line_start(&self, s: &str, p: usize, cp: usize, starts: &FxSet<usize>) -> bool {
        let (back, stop) = back_over(s, p, &self.line_openers);
        starts.contains(&(cp - back)) || matches!(stop, None | Some('\n') | Some('\r'))
    }
}

/// How many characters of `set` stand right before byte `p`, and the character before them.
fn back_over(s: &str, p: usize, set: &CharSet) -> (usize, Option<char>) {
    let mut back = 0;
    for c in s[..p].chars().rev() {
        if !set.contains(c) {
            return (back, Some(c));
        }
        back += 1;
    }
    (back, None)
}

fn char_before(s: &str, p: usize) -> char {
    s[..p].chars().next_back().unwrap_or(' ')
}

fn char_at(s: &str, p: usize) -> char {
    s[p..].chars().next().unwrap_or(' ')
}

/// The end of `[a-z]+(?:-[a-z]+)*` from byte `p`.
fn plain_end(b: &[u8], mut p: usize) -> usize {
    while p < b.len() && b[p].is_ascii_lowercase() {
        p += 1;
    }
    while p + 1 < b.len() && b[p] == b'-' && b[p + 1].is_ascii_lowercase() {
        p += 1;
        while p < b.len() && b[p].is_ascii_lowercase() {
            p += 1;
        }
    }
    p
}

/// The end of `TOKEN` from byte `p`, and its length in code points.
fn token_end(s: &str, mut p: usize) -> (usize, usize) {
    let b = s.as_bytes();
    let start = p;
    let mut wide = 0; // bytes beyond the first of each ’
    while p < b.len() && b[p].is_ascii_alphabetic() {
        p += 1;
    }
    loop {
        let sep = apostrophe_or_hyphen(s, p);
        if sep == 0 || p + sep >= b.len() || !b[p + sep].is_ascii_alphabetic() {
            break;
        }
        wide += sep - 1;
        p += sep;
        while p < b.len() && b[p].is_ascii_alphabetic() {
            p += 1;
        }
    }
    let sep = apostrophe_or_hyphen(s, p);
    if sep > 0 && b[p] != b'-' {
        wide += sep - 1;
        p += sep; // a closing apostrophe (dogs', the letter after it is ruled out above)
    }
    (p, p - start - wide)
}

/// The byte length of `'`, `’` or `-` at byte `p`, else 0.
fn apostrophe_or_hyphen(s: &str, p: usize) -> usize {
    match s.as_bytes().get(p) {
        Some(b'\'') | Some(b'-') => 1,
        _ if s[p..].starts_with('’') => '’'.len_utf8(),
        _ => 0,
    }
}

/// `_POSSESSIVE.sub("", raw)`: `(?:['’]s|['’])$` removed; the word and its code points.
fn strip_possessive(raw: &str, chars: usize) -> (&str, usize) {
    for (suffix, n) in [("'s", 2), ("’s", 2), ("'", 1), ("’", 1)] {
        if let Some(word) = raw.strip_suffix(suffix) {
            return (word, chars - n);
        }
    }
    (raw, chars)
}
