//! The spelling lexicon's word tables for a big run (newslint/spelling/lexicon.py
//! `_Data.for_big_run`): one table (word -> SCOWL tags, SCOWL size, Zipf frequency, or
//! the dictionary spellings of a lower-cased word) laid out as an open-addressing hash
//! table in one blob, built once into the data cache and looked up here in one call, where
//! the sharded Python table (newslint/sharded.py) unpacks shards and walks several Python
//! layers per word. The answers are the sharded table's: tests/test_native.py compares
//! every key of every table, and words that are not keys.
//!
//! Blob layout (little-endian): a header of four u32 (MAGIC, kind, slots, keys), then
//! `slots` u32 (0: empty, else 1 + the offset of an entry in the data that follows), then
//! the entries: u16 key length, the key's UTF-8, and the value: i64 (KIND_INT), f64
//! (KIND_FLOAT) or u16 count then each string as u16 length and UTF-8 (KIND_LIST, or
//! KIND_TUPLE for a tuple: codespell's corrections, newslint/spelling/known_typos.py).
//! Every read is bounds-checked: a damaged blob answers "absent", it never crashes. The
//! blob is not copied: the table holds the buffer it was given (bytes, or a memoryview of
//! the data cache's mapped file, so forked workers share its pages) for as long as it lives.

use pyo3::buffer::PyBuffer;
use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};

const MAGIC: u32 = 0x4E4C_5754; // "NLWT"
pub(crate) const KIND_INT: u32 = 0;
pub(crate) const KIND_FLOAT: u32 = 1;
pub(crate) const KIND_LIST: u32 = 2;
const KIND_TUPLE: u32 = 3;
const HEADER: usize = 16;

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn u16_at(blob: &[u8], at: usize) -> Option<usize> {
    blob.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
}

fn u32_at(blob: &[u8], at: usize) -> Option<u32> {
    blob.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u64_at(blob: &[u8], at: usize) -> Option<[u8; 8]> {
    blob.get(at..at + 8).map(|b| [b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
}

/// One word table, looked up like the dict it was built from.
#[pyclass(frozen, module = "newslint._native")]
pub struct WordTable {
    buffer: PyBuffer<u8>, // held: the bytes stay exported, unmoved and unchanged, while the table lives
    kind: u32,
    slots: usize,
    keys: usize,
}

impl WordTable {
    /// The blob: the held buffer's bytes.
    fn blob(&self) -> &[u8] {
        // SAFETY: ``new`` accepted only a C-contiguous, read-only buffer of bytes; holding the
        // PyBuffer keeps it exported, so its memory is neither freed, moved nor written to
        // (a mapped file cannot be closed, a bytes object is immutable) while ``self`` lives
        unsafe { std::slice::from_raw_parts(self.buffer.buf_ptr() as *const u8, self.buffer.len_bytes()) }
    }

    /// Where the value of ``key`` starts, when it is a key.
    pub(crate) fn find(&self, key: &[u8]) -> Option<usize> {
        let blob = self.blob();
        let data = HEADER + 4 * self.slots;
        let mut slot = (fnv1a(key) as usize) & (self.slots - 1);
        for _ in 0..self.slots {
            let entry = u32_at(blob, HEADER + 4 * slot)? as usize;
            if entry == 0 {
                return None;
            }
            let at = data + entry - 1;
            let len = u16_at(blob, at)?;
            if blob.get(at + 2..at + 2 + len)? == key {
                return Some(at + 2 + len);
            }
            slot = (slot + 1) & (self.slots - 1);
        }
        None
    }

    /// The table's kind of value (KIND_INT, KIND_FLOAT, KIND_LIST or KIND_TUPLE).
    pub(crate) fn kind(&self) -> u32 {
        self.kind
    }

    /// The strings of a key of a KIND_LIST or KIND_TUPLE table (empty when it is no key).
    pub(crate) fn strings(&self, key: &[u8]) -> Vec<&[u8]> {
        let blob = self.blob();
        let mut out = Vec::new();
        let Some(mut at) = self.find(key) else { return out };
        let Some(count) = u16_at(blob, at) else { return out };
        at += 2;
        for _ in 0..count {
            let Some(len) = u16_at(blob, at) else { break };
            let Some(word) = blob.get(at + 2..at + 2 + len) else { break };
            out.push(word);
            at += 2 + len;
        }
        out
    }

    fn value(&self, py: Python<'_>, at: usize) -> Option<Py<PyAny>> {
        let blob = self.blob();
        match self.kind {
            KIND_INT => Some(i64::from_le_bytes(u64_at(blob, at)?).into_pyobject(py).ok()?.into_any().unbind()),
            KIND_FLOAT => Some(f64::from_le_bytes(u64_at(blob, at)?).into_pyobject(py).ok()?.into_any().unbind()),
            _ => {
                let count = u16_at(blob, at)?;
                let mut at = at + 2;
                let mut words: Vec<&str> = Vec::with_capacity(count);
                for _ in 0..count {
                    let len = u16_at(blob, at)?;
                    words.push(std::str::from_utf8(blob.get(at + 2..at + 2 + len)?).ok()?);
                    at += 2 + len;
                }
                if self.kind == KIND_TUPLE {
                    Some(PyTuple::new(py, words).ok()?.into_any().unbind())
                } else {
                    Some(PyList::new(py, words).ok()?.into_any().unbind())
                }
            }
        }
    }

    /// The value of ``key`` in a table of floats; None when it is not a key (or the table
    /// holds another kind of value).
    pub(crate) fn float(&self, key: &[u8]) -> Option<f64> {
        if self.kind != KIND_FLOAT {
            return None;
        }
        let at = self.find(key)?;
        Some(f64::from_le_bytes(u64_at(self.blob(), at)?))
    }

    /// The value of a key given from Python: absent for anything but a str with a UTF-8
    /// form (a lone surrogate has none, and no key holds one).
    fn lookup(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> Option<Py<PyAny>> {
        let text = key.cast::<PyString>().ok()?.to_str().ok()?;
        let at = self.find(text.as_bytes())?;
        self.value(py, at)
    }
}

fn push_u16(out: &mut Vec<u8>, n: usize) -> PyResult<()> {
    let n = u16::try_from(n).map_err(|_| PyValueError::new_err("a word or list too long for a word table"))?;
    out.extend_from_slice(&n.to_le_bytes());
    Ok(())
}

#[pymethods]
impl WordTable {
    /// ``blob``: what ``WordTable.build`` made, as bytes or a read-only memoryview (held,
    /// not copied).
    #[new]
    fn new(blob: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bad = || PyValueError::new_err("not a word table");
        let buffer = PyBuffer::<u8>::get(blob).map_err(|_| bad())?;
        if !buffer.readonly() || !buffer.is_c_contiguous() {
            return Err(PyValueError::new_err("a word table must be read-only, contiguous bytes"));
        }
        // SAFETY: as in ``blob()``: checked contiguous and read-only, and held below
        let blob = unsafe { std::slice::from_raw_parts(buffer.buf_ptr() as *const u8, buffer.len_bytes()) };
        if u32_at(blob, 0) != Some(MAGIC) {
            return Err(bad());
        }
        let kind = u32_at(blob, 4).ok_or_else(bad)?;
        let slots = u32_at(blob, 8).ok_or_else(bad)? as usize;
        let keys = u32_at(blob, 12).ok_or_else(bad)? as usize;
        if kind > KIND_TUPLE || !slots.is_power_of_two() || blob.len() < HEADER + 4 * slots {
            return Err(bad());
        }
        Ok(WordTable { buffer, kind, slots, keys })
    }

    /// The blob of a table: ``keys`` with ``ints``, ``floats``, ``lists`` or ``tuples`` of
    /// strings (exactly one), value by value.
    #[staticmethod]
    #[pyo3(signature = (keys, ints=None, floats=None, lists=None, tuples=None))]
    fn build(
        py: Python<'_>,
        keys: Vec<String>,
        ints: Option<Vec<i64>>,
        floats: Option<Vec<f64>>,
        lists: Option<Vec<Vec<String>>>,
        tuples: Option<Vec<Vec<String>>>,
    ) -> PyResult<Py<PyBytes>> {
        let same = |n: usize| n == keys.len();
        let (kind, lists) = match (&ints, &floats, lists, tuples) {
            (Some(v), None, None, None) if same(v.len()) => (KIND_INT, None),
            (None, Some(v), None, None) if same(v.len()) => (KIND_FLOAT, None),
            (None, None, Some(v), None) if same(v.len()) => (KIND_LIST, Some(v)),
            (None, None, None, Some(v)) if same(v.len()) => (KIND_TUPLE, Some(v)),
            _ => return Err(PyValueError::new_err("give one list of values, as long as the keys")),
        };
        let slots = (keys.len().max(1) * 2).next_power_of_two();
        let mut table = vec![0u32; slots];
        let mut data: Vec<u8> = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            let bytes = key.as_bytes();
            let mut slot = (fnv1a(bytes) as usize) & (slots - 1);
            while table[slot] != 0 {
                slot = (slot + 1) & (slots - 1);
            }
            table[slot] = u32::try_from(data.len() + 1).map_err(|_| PyValueError::new_err("word table too big"))?;
            push_u16(&mut data, bytes.len())?;
            data.extend_from_slice(bytes);
            match kind {
                KIND_INT => data.extend_from_slice(&ints.as_ref().unwrap()[i].to_le_bytes()),
                KIND_FLOAT => data.extend_from_slice(&floats.as_ref().unwrap()[i].to_le_bytes()),
                _ => {
                    let words = &lists.as_ref().unwrap()[i];
                    push_u16(&mut data, words.len())?;
                    for word in words {
                        push_u16(&mut data, word.len())?;
                        data.extend_from_slice(word.as_bytes());
                    }
                }
            }
        }
        let mut out = Vec::with_capacity(HEADER + 4 * slots + data.len());
        for n in [MAGIC, kind, slots as u32, keys.len() as u32] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        for entry in table {
            out.extend_from_slice(&entry.to_le_bytes());
        }
        out.extend_from_slice(&data);
        Ok(PyBytes::new(py, &out).unbind())
    }

    #[pyo3(signature = (key, default=None))]
    fn get(&self, py: Python<'_>, key: &Bound<'_, PyAny>, default: Option<Py<PyAny>>) -> Py<PyAny> {
        self.lookup(py, key).unwrap_or_else(|| default.unwrap_or_else(|| py.None()))
    }

    fn __getitem__(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        self.lookup(py, key).ok_or_else(|| PyKeyError::new_err(key.clone().unbind()))
    }

    fn __contains__(&self, key: &Bound<'_, PyAny>) -> bool {
        match key.cast::<PyString>().ok().and_then(|s| s.to_str().ok()) {
            Some(text) => self.find(text.as_bytes()).is_some(),
            None => false,
        }
    }

    fn __len__(&self) -> usize {
        self.keys
    }
}
