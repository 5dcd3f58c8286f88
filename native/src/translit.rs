//! EN010's transliteration keys (newslint/checks/transliteration.py `normalise`, `_loose_part`
//! and `loose_key`) for words of ASCII letters, with an apostrophe (' or ’) in them or not:
//! the words of a text whose word characters are all ASCII (`ascii_words`). Anything else is
//! answered None and keyed in Python. The pinyin patterns (`_PINYIN`, `_PINYIN_SYLLABLES`:
//! one or more syllables, each an alternative of letters) are read as what they are, a
//! question of whether the word splits into syllables, answered over the word's positions.

use pyo3::prelude::*;

const CURLY: char = '\u{2019}';
const NBSP: char = '\u{a0}';

/// `_PINYIN`'s and `_PINYIN_SYLLABLES`' initials: one of these letters, or zh, ch or sh.
const INITIAL_LETTERS: &[u8] = b"bpmfdtnlgkhjqxrzcsyw";
/// `_PINYIN`'s finals (`_PINYIN_SYLLABLES` takes every one but "er" after an initial), by
/// their first letter.
const FINALS_A: [&str; 5] = ["ang", "ai", "ao", "an", "a"];
const FINALS_E: [&str; 5] = ["eng", "ei", "en", "er", "e"];
const FINALS_I: [&str; 10] = ["iang", "iong", "ing", "ian", "iao", "in", "ia", "ie", "iu", "i"];
const FINALS_O: [&str; 3] = ["ong", "ou", "o"];
const FINALS_U: [&str; 9] = ["uang", "uai", "uan", "un", "ua", "uo", "ui", "ue", "u"];
/// `_PINYIN_SYLLABLES`' syllables with no initial.
const BARE_SYLLABLES: [&str; 12] = ["er", "ang", "eng", "ai", "ei", "ao", "ou", "an", "en", "a", "o", "e"];

/// `_LETTERS`, in order, and whether pinyin keeps each (`_PINYIN_ONLY`).
const LETTERS: [(&str, &str, bool); 5] = [("kh", "h", false), ("zh", "j", true), ("yo", "e", false), ("ou", "u", true), ("x", "ks", false)];

/// `_FAMILIES`.
const FAMILIES: [(&str, &str); 10] = [
    ("hizbollah", "hezbollah"),
    ("hizballah", "hezbollah"),
    ("hezballah", "hezbollah"),
    ("hezbolah", "hezbollah"),
    ("qaida", "qaeda"),
    ("gadafi", "gaddafi"),
    ("qaddafi", "gaddafi"),
    ("qadhafi", "gaddafi"),
    ("gadhafi", "gaddafi"),
    ("kadhafi", "gaddafi"),
];

/// The finals that can stand at ``at`` (those starting with its letter).
fn finals_from(word: &[u8], at: usize) -> &'static [&'static str] {
    match word.get(at) {
        Some(b'a') => &FINALS_A,
        Some(b'e') => &FINALS_E,
        Some(b'i') => &FINALS_I,
        Some(b'o') => &FINALS_O,
        Some(b'u') => &FINALS_U,
        _ => &[],
    }
}

/// Where a final standing at ``at`` ends (not "er" unless ``er``).
fn finals_at(word: &[u8], at: usize, er: bool, found: &mut dyn FnMut(usize)) {
    for fin in finals_from(word, at) {
        if (er || *fin != "er") && starts_with_at(word, at, fin) {
            found(at + fin.len());
        }
    }
}

/// Where an initial standing at ``at`` ends (zh, ch and sh, and their first letter alone).
fn initials_at(word: &[u8], at: usize, found: &mut dyn FnMut(usize)) {
    let Some(&b) = word.get(at) else { return };
    if INITIAL_LETTERS.contains(&b) {
        found(at + 1);
        if matches!(b, b'z' | b'c' | b's') && word.get(at + 1) == Some(&b'h') {
            found(at + 2);
        }
    }
}

/// Whether ``word`` is one or more syllables, a syllable being what ``syllables_at`` finds
/// (where each syllable standing at a place ends).
fn splits(word: &[u8], syllables_at: impl Fn(&[u8], usize, &mut dyn FnMut(usize))) -> bool {
    let n = word.len();
    if n == 0 {
        return false;
    }
    let mut short = [false; 64];
    let mut long = Vec::new();
    let reach: &mut [bool] = if n < short.len() {
        &mut short[..=n]
    } else {
        long.resize(n + 1, false);
        &mut long
    };
    reach[0] = true;
    for i in 0..n {
        if reach[i] {
            syllables_at(word, i, &mut |end| reach[end] = true);
        }
    }
    reach[n]
}

/// Whether ``piece`` stands in ``word`` at ``at`` (compared byte by byte: pieces are a few
/// letters).
fn starts_with_at(word: &[u8], at: usize, piece: &str) -> bool {
    let piece = piece.as_bytes();
    word.len() - at >= piece.len() && piece.iter().zip(&word[at..]).all(|(a, b)| a == b)
}

/// `_PINYIN.fullmatch(key) is not None`: syllables of an optional initial and a final.
fn is_pinyin(key: &[u8]) -> bool {
    splits(key, |word, at, found| {
        finals_at(word, at, true, found);
        initials_at(word, at, &mut |after| finals_at(word, after, true, found));
    })
}

/// `_PINYIN_SYLLABLES.fullmatch(word) is not None`: syllables of an initial and a final
/// other than "er", or a bare syllable.
fn is_pinyin_syllables(word: &[u8]) -> bool {
    splits(word, |word, at, found| {
        initials_at(word, at, &mut |after| finals_at(word, after, false, found));
        for bare in BARE_SYLLABLES {
            if starts_with_at(word, at, bare) {
                found(at + bare.len());
            }
        }
    })
}

/// Whether every character is an ASCII letter or an apostrophe (' or ’).
fn is_word(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'' || c == CURLY)
}

/// `normalise(word)` for a word of ASCII letters and apostrophes; None for any other.
pub fn normalise(word: &str) -> Option<String> {
    if !is_word(word) {
        return None;
    }
    let mut key: String = word.chars().filter(|&c| c != '\'' && c != CURLY).map(|c| c.to_ascii_lowercase()).collect();
    if key.len() >= 5 {
        if key.starts_with("ye") {
            key.remove(0);
        }
        let pinyin = is_pinyin(key.as_bytes());
        for (old, new, kept_by_pinyin) in LETTERS {
            if !(pinyin && kept_by_pinyin) && key.contains(old) {
                key = key.replace(old, new);
            }
        }
    }
    if key.len() >= 4 {
        key = y_end(key);
    }
    if let Some(&(_, family)) = FAMILIES.iter().find(|&&(spelt, _)| spelt == key) {
        key = family.to_string();
    }
    if key.len() >= 6 && key.starts_with('w') {
        key.replace_range(..1, "v");
    }
    let b = key.as_bytes();
    if key.len() >= 5 && b[b.len() - 1] == b'h' && b"aeiou".contains(&b[b.len() - 2]) {
        key.pop();
    }
    Some(key)
}

/// `_y_end`: a final iy, yy, ii, yi, ij or y as i.
fn y_end(mut key: String) -> String {
    if ["iy", "yy", "ii", "yi", "ij"].iter().any(|e| key.ends_with(e)) {
        key.truncate(key.len() - 2);
        key.push('i');
    } else if key.ends_with('y') {
        key.pop();
        key.push('i');
    }
    key
}

/// `_loose_part(word, english)` for a word of ASCII letters and apostrophes; None for any other.
pub fn loose_part(word: &str, english: bool) -> Option<String> {
    let key = normalise(word)?;
    if key.len() < 5 {
        return Some(key);
    }
    let mut key = key.replace('w', "v");
    let lower = word.to_lowercase(); // an apostrophe stays: no syllable holds one
    if !is_pinyin_syllables(lower.as_bytes()) {
        key = ai_sounds(&key);
        if !english {
            key = undoubled(&key);
            if key.ends_with('e') && key.len() >= 6 {
                key.pop();
            }
        }
    }
    Some(key.replace('l', "r"))
}

/// `_AI_SOUNDS.sub("ai", key)`: ei, ey and ay as ai, read left to right.
fn ai_sounds(key: &str) -> String {
    let b = key.as_bytes();
    let mut out = String::with_capacity(key.len());
    let mut i = 0;
    while i < b.len() {
        if i + 1 < b.len() && matches!((b[i], b[i + 1]), (b'e', b'i') | (b'e', b'y') | (b'a', b'y')) {
            out.push_str("ai");
            i += 2;
        } else {
            out.push(b[i] as char);
            i += 1;
        }
    }
    out
}

/// `_DOUBLED.sub(r"\1", key)`: each run of one letter as that letter once.
fn undoubled(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The words `_WORD.findall` finds in a name's surface of ASCII letters, apostrophes, spaces,
/// no-break spaces and hyphens (a letter run, with one inner apostrophe joining another, but
/// not a possessive 's); None for a surface holding anything else.
fn surface_words(surface: &str) -> Option<Vec<&str>> {
    if !surface.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, '\'' | CURLY | ' ' | NBSP | '-')) {
        return None;
    }
    let b = surface.as_bytes();
    let mut words = Vec::new();
    let mut p = 0;
    while p < b.len() {
        if !b[p].is_ascii_alphabetic() {
            p += 1;
            continue;
        }
        let end = crate::names::word_end(surface, p);
        words.push(&surface[p..end]);
        p = end;
    }
    Some(words)
}

/// ``normalise(word)``: the word's transliteration-neutral key, or None where the word is not
/// ASCII letters and apostrophes (then Python keys it).
#[pyfunction]
pub fn name_key(word: &str) -> Option<String> {
    normalise(word)
}

/// ``loose_key(surface, english)``: a name's letters joined under the looser transliteration
/// rules, or None where the surface holds a character beyond ASCII letters, apostrophes,
/// spaces, no-break spaces and hyphens (then Python keys it).
#[pyfunction]
#[pyo3(signature = (surface, english=false))]
pub fn loose_key(surface: &str, english: bool) -> Option<String> {
    let mut key = String::new();
    for word in surface_words(surface)? {
        key.push_str(&loose_part(word, english)?);
    }
    Some(key)
}
