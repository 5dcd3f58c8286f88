//! SP004's confusion words with their neighbours (newslint/spelling/confusable.py
//! `_python_confusables`), in a text whose word characters are all ASCII: the text is read
//! into tokens as `confusion._TOKEN` reads it
//! (`[A-Za-z]+(?:['’-][A-Za-z]+)*|\d[\d,.]*\d|\d|[.,;:!?()"“”–—-]|\n\s*\n`), and each word
//! token whose form (ASCII capitals lowered, ’ as ') is a confusion word is given with the
//! forms of the tokens either side (`confusable._form`: START at either end and for a
//! paragraph break, NUMBER for a number, '"' for curly quotes, '-' for dashes) and the text
//! of the token after. Offsets are Python code-point offsets.

use pyo3::prelude::*;

use crate::text::is_python_space;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Word,
    Number,
    Mark,
    Paragraph,
}

struct Span {
    kind: Kind,
    start: usize,
    end: usize,
}

fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
}

/// The end of the letters from `p` on.
fn letters_end(chars: &[char], mut p: usize) -> usize {
    while p < chars.len() && is_letter(chars[p]) {
        p += 1;
    }
    p
}

/// The token starting at `p`, if one does (`_TOKEN.match(text, p)`).
fn token_at(chars: &[char], p: usize) -> Option<Span> {
    let n = chars.len();
    let c = chars[p];
    if is_letter(c) {
        let mut end = letters_end(chars, p);
        while end + 1 < n && matches!(chars[end], '\'' | '’' | '-') && is_letter(chars[end + 1]) {
            end = letters_end(chars, end + 1);
        }
        return Some(Span { kind: Kind::Word, start: p, end });
    }
    if c.is_ascii_digit() {
        let mut end = p + 1;
        let mut q = p + 1;
        while q < n && (chars[q].is_ascii_digit() || matches!(chars[q], ',' | '.')) {
            if chars[q].is_ascii_digit() {
                end = q + 1;
            }
            q += 1;
        }
        return Some(Span { kind: Kind::Number, start: p, end });
    }
    if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '“' | '”' | '–' | '—' | '-') {
        return Some(Span { kind: Kind::Mark, start: p, end: p + 1 });
    }
    if c == '\n' {
        let mut last = None;
        let mut q = p + 1;
        while q < n && is_python_space(chars[q]) {
            if chars[q] == '\n' {
                last = Some(q);
            }
            q += 1;
        }
        return last.map(|l| Span { kind: Kind::Paragraph, start: p, end: l + 1 });
    }
    None
}

/// Every token of the text, in order (`_TOKEN.finditer`).
fn spans(chars: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut p = 0;
    while p < chars.len() {
        match token_at(chars, p) {
            Some(span) => {
                p = span.end;
                out.push(span);
            }
            None => p += 1,
        }
    }
    out
}

/// A character of a word's form: ASCII capitals lowered, ’ as '.
fn fold(c: char) -> char {
    if c == '’' {
        '\''
    } else {
        c.to_ascii_lowercase()
    }
}

/// A word's form.
fn folded(chars: &[char]) -> String {
    chars.iter().map(|&c| fold(c)).collect()
}

/// The confusion words, and how the start of a text or paragraph and a number are written.
#[pyclass(frozen, module = "newslint._native")]
pub struct ConfusionWords {
    by_shape: Vec<Vec<Vec<char>>>, // the words of each length and first letter (``shape``)
    start: String,
    number: String,
}

impl ConfusionWords {
    /// Where the words of a length and first letter are kept: a token's two or three
    /// candidates are compared, where hashing every token cost more than the rest of a scan.
    fn shape(length: usize, first: char) -> usize {
        let letter = if first.is_ascii_lowercase() { first as usize - 'a' as usize } else { 26 };
        length * 27 + letter
    }

    fn known(&self, raw: &[char]) -> bool {
        let Some(&first) = raw.first() else { return false };
        self.by_shape
            .get(Self::shape(raw.len(), fold(first)))
            .is_some_and(|words| words.iter().any(|w| w.iter().zip(raw).all(|(&a, &b)| a == fold(b))))
    }

    fn form(&self, chars: &[char], span: Option<&Span>) -> String {
        let Some(span) = span else { return self.start.clone() };
        match span.kind {
            Kind::Paragraph => self.start.clone(),
            Kind::Number => self.number.clone(),
            Kind::Mark => match chars[span.start] {
                '“' | '”' => "\"".to_string(),
                '–' | '—' => "-".to_string(),
                c => c.to_string(),
            },
            Kind::Word => folded(&chars[span.start..span.end]),
        }
    }
}

#[pymethods]
impl ConfusionWords {
    #[new]
    fn new(words: Vec<String>, start: String, number: String) -> Self {
        let mut by_shape: Vec<Vec<Vec<char>>> = Vec::new();
        for word in words {
            let chars: Vec<char> = word.chars().collect();
            let Some(&first) = chars.first() else { continue };
            let shape = Self::shape(chars.len(), first);
            if by_shape.len() <= shape {
                by_shape.resize(shape + 1, Vec::new());
            }
            if !by_shape[shape].contains(&chars) {
                by_shape[shape].push(chars);
            }
        }
        ConfusionWords { by_shape, start, number }
    }

    /// (form, start, end, text, form before, form after, text after or "") of each
    /// confusion word of ``text``, in order.
    #[allow(clippy::type_complexity)]
    fn find(&self, text: &str) -> Vec<(String, usize, usize, String, String, String, String)> {
        let chars: Vec<char> = text.chars().collect();
        let tokens = spans(&chars);
        let mut out = Vec::new();
        for (i, span) in tokens.iter().enumerate() {
            let raw = &chars[span.start..span.end];
            if span.kind != Kind::Word || !self.known(raw) {
                continue;
            }
            let before = if i > 0 { tokens.get(i - 1) } else { None };
            let after = tokens.get(i + 1);
            let following = match after {
                Some(a) if a.kind != Kind::Paragraph => chars[a.start..a.end].iter().collect(),
                _ => String::new(),
            };
            out.push((
                folded(raw),
                span.start,
                span.end,
                raw.iter().collect(),
                self.form(&chars, before),
                self.form(&chars, after),
                following,
            ));
        }
        out
    }
}
