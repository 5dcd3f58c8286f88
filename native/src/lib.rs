//! newslint's optional native core (`newslint._native`).
//!
//! Each function here has a pure-Python twin that newslint uses when this module is
//! missing; tests/test_native.py holds the two to identical results.

use pyo3::prelude::*;

mod confusable;
mod edit_cost;
mod fx;
mod lexicon;
mod names;
mod redundancy;
mod repetition;
mod sentence;
mod spelling;
mod structure;
mod suggest;
mod text;
mod translation;
mod translit;
mod word_table;

/// Bumped whenever a function's signature or meaning changes: newslint ignores a module
/// built from other sources (newslint/native.py).
const ABI: u32 = 23;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ABI", ABI)?;
    m.add_class::<translation::FeatureTrie>()?;
    m.add_class::<spelling::CandidateSplitter>()?;
    m.add_class::<edit_cost::EditCosts>()?;
    m.add_function(wrap_pyfunction!(names::name_mentions, m)?)?;
    m.add_class::<names::NameWords>()?;
    m.add_function(wrap_pyfunction!(translit::name_key, m)?)?;
    m.add_function(wrap_pyfunction!(translit::loose_key, m)?)?;
    m.add_class::<sentence::SentenceShaper>()?;
    m.add_function(wrap_pyfunction!(redundancy::repeating_sentences, m)?)?;
    m.add_class::<lexicon::OneEdits>()?;
    m.add_function(wrap_pyfunction!(repetition::doubled_words, m)?)?;
    m.add_class::<lexicon::PairTables>()?;
    m.add_class::<confusable::ConfusionWords>()?;
    m.add_class::<word_table::WordTable>()?;
    m.add_class::<structure::SentenceSplitter>()?;
    m.add_class::<suggest::Ranker>()?;
    m.add_function(wrap_pyfunction!(edit_cost::osa_distance, m)?)?;
    Ok(())
}
