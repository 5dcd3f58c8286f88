//! An article's sentences (newslint/article.py, `Article.sentences`): where each sentence of
//! each paragraph ends, read as Python's `re` reads `_SENTENCE_END`, with the same look at the
//! word before a full stop (an abbreviation or an initial does not end a sentence) and the
//! same trimming. Offsets are Python code-point offsets.

use crate::fx::FxSet;

use pyo3::prelude::*;

use crate::text::is_python_space;

fn is_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
}

fn starts_sentence(c: char) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit() || ('\u{c0}'..='\u{de}').contains(&c)
}

/// `_SENTENCE_END` tried at `i` in `chars[..end]` (the paragraph as its own string, which
/// begins at `begin`): the end of the match, or None.
fn end_at(chars: &[char], begin: usize, end: usize, i: usize) -> Option<usize> {
    if !is_mark(chars[i]) || (i > begin && is_mark(chars[i - 1])) {
        return None;
    }
    let mut p = i + 1;
    while p < end && is_mark(chars[p]) {
        p += 1;
    }
    while p < end && is_closer(chars[p]) {
        p += 1;
    }
    let mut q = p;
    while q < end && is_python_space(chars[q]) {
        q += 1;
    }
    if q == p || q >= end {
        return None;
    }
    if starts_sentence(chars[q]) || (is_opener(chars[q]) && q + 1 < end && starts_sentence(chars[q + 1])) {
        Some(p)
    } else {
        None
    }
}

/// Whether the full stop at `dot` closes an abbreviation or an initial: Some(answer) when the
/// word before it is ASCII, None when Python must tell (`str.lower` and `str.isalpha` beyond ASCII).
fn abbreviation(chars: &[char], start: usize, dot: usize, known: &FxSet<String>) -> Option<bool> {
    if chars[dot] != '.' {
        return Some(false);
    }
    if dot == start || is_python_space(chars[dot - 1]) {
        return Some(false);
    }
    let mut first = dot;
    while first > start && !is_python_space(chars[first - 1]) {
        first -= 1;
    }
    while first < dot && matches!(chars[first], '"' | '\'' | '“' | '‘' | '(') {
        first += 1;
    }
    let token = &chars[first..dot];
    if !token.iter().all(|c| c.is_ascii()) {
        return None;
    }
    let lower: String = token.iter().map(|c| c.to_ascii_lowercase()).collect();
    Some(known.contains(&lower) || (token.len() == 1 && token[0].is_ascii_alphabetic()))
}

fn trimmed(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && is_python_space(chars[start]) {
        start += 1;
    }
    while end > start && is_python_space(chars[end - 1]) {
        end -= 1;
    }
    (start, end)
}

/// Finds an article's sentences; made once with the lower-cased words a full stop does
/// not end a sentence after (``_ABBREVIATIONS``).
#[pyclass(frozen)]
pub struct SentenceSplitter {
    abbreviations: FxSet<String>,
}

#[pymethods]
impl SentenceSplitter {
    #[new]
    fn new(abbreviations: FxSet<String>) -> Self {
        SentenceSplitter { abbreviations }
    }

    /// Every sentence of ``text`` as (start, end), trimmed and not empty, in order: the
    /// sentences of each paragraph (``paragraphs``, (start, end)). ``ask(start, dot)`` tells
    /// whether a full stop after a word with a character beyond ASCII closes an abbreviation.
    fn spans(&self, text: &str, paragraphs: Vec<(usize, usize)>, ask: &Bound<'_, PyAny>) -> PyResult<Vec<(usize, usize)>> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        for (begin, end) in paragraphs {
            let end = end.min(chars.len());
            let mut start = begin;
            let mut i = begin;
            while i < end {
                if let Some(stop) = end_at(&chars, begin, end, i) {
                    let ends = match abbreviation(&chars, start, i, &self.abbreviations) {
                        Some(answer) => !answer,
                        None => !ask.call1((start, i))?.is_truthy()?,
                    };
                    if ends {
                        out.push(trimmed(&chars, start, stop));
                        start = stop;
                    }
                    i = stop.max(i + 1);
                } else {
                    i += 1;
                }
            }
            if start < end {
                out.push(trimmed(&chars, start, end));
            }
        }
        out.retain(|&(s, e)| e > s);
        Ok(out)
    }
}
