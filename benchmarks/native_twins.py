"""The native core's twins against their Python originals, on real text: identical results,
and the time each takes.

Usage: python benchmarks/native_twins.py [--limit 300] [--runs 3]

For each twin (newslint/native.py): the translation signal (``translation_signal.read``),
the sentence model's score (``sentence_signal.score``, on every sentence of the first 100 texts),
the spelling candidates' split (``candidates._split_native`` vs ``_split_python``), RD004's
sentences that can hold a repeat it reports and RD001's doubled words (against their regexes),
EN010's name mentions (``transliteration._mentions_native`` vs ``_mentions_python``), SP004's
confusion words with their neighbours (``confusable.confusables`` vs ``_python_confusables``), the
spelling model's edit distance (``lexicon.edit_cost`` vs ``python_edit_cost``, on real
misspellings and their corrections), the lexicon's one-edit keys
(``Lexicon._one_edit_keys`` vs ``_python_one_edit_keys``) and its letter-pair neighbours
(``LetterPairs.nearest`` vs ``python_nearest``), both on real misspellings and warm (the
shards, hashes and tables read once), and a big run's word tables (``WordTable`` against the
lexicon's and codespell's shards, every word of the BBC texts and the misspellings). Text: the first --limit BBC articles and --limit
machine-translated WMT documents (zh-en and ru-en), read in place from ../shared/data. A
twin that gives a different result on any text is reported with the first such text, and
the script exits 1. Times are CPU milliseconds per text (per pair for the edit distance),
the least of --runs passes.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles, typo_pairs  # noqa: E402
from translated_corpus import translated_docs  # noqa: E402

from newslint import native, sentence_signal, translation_signal  # noqa: E402
from newslint.article import Article  # noqa: E402
from newslint.checks import redundancy, repetition  # noqa: E402
from newslint.ascii_words import ascii_words  # noqa: E402
from newslint.checks import transliteration  # noqa: E402
from newslint.spelling import candidates, confusable, lexicon  # noqa: E402


def timed(items: list[Any], run: Callable[[Any], Any], runs: int) -> tuple[list[Any], float]:
    """The results of ``run`` on every item, and the least CPU ms per item over ``runs`` passes."""
    best, results = float("inf"), []
    for _ in range(runs):
        start = time.process_time()
        results = [run(item) for item in items]
        best = min(best, time.process_time() - start)
    return results, best * 1000 / max(1, len(items))


def compare(name: str, items: list[Any], python: Callable, compiled: Callable, runs: int) -> bool:
    ours, py_ms = timed(items, python, runs)
    theirs, native_ms = timed(items, compiled, runs)
    differ = [i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b]
    print(f"  {name:<44} {len(items):5} items  Python {py_ms:7.3f} ms  native {native_ms:7.3f} ms  "
          f"({py_ms / max(native_ms, 1e-9):4.1f}x)  {'IDENTICAL' if not differ else f'{len(differ)} DIFFER'}")
    if differ:
        print(f"    first difference: {str(items[differ[0]])[:200]!r}")
    return not differ


def articles(texts: list[str]) -> list[Article]:
    """Articles with their sentences, paragraphs and lines found (both twins may ask)."""
    out = []
    for text in texts:
        article = Article(text, "x.txt")
        article.sentences, article.paragraphs, article.lines  # noqa: B018
        out.append(article)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if native.module() is None:
        print(native.status())
        return 1
    corpora = {
        "BBC": [a["text"] for a in bbc_articles()[: args.limit]],
        "MT": [d.text for lang in ("zh", "ru") for d in translated_docs(lang) if d.translator == "mt"][: args.limit],
    }
    model = translation_signal.load_model()
    python_model = dataclasses.replace(model, native=None)
    same = True
    for corpus, texts in corpora.items():
        print(f"{corpus}: {len(texts)} texts")
        same &= compare("translation signal (TR000 and its gate)", texts,
                        lambda t: translation_signal.read(t, python_model), lambda t: translation_signal.read(t, model),
                        args.runs)
        sentence_model = sentence_signal.model()
        python_sentence_model = dataclasses.replace(sentence_model, native=None)
        sentences = [t[s.start:s.end] for t in texts[:100] for s in Article(t, "x.txt").sentences]
        same &= compare("sentence model's score (TR600, TR000's gate)", sentences,
                        lambda t: sentence_signal.score(t, python_sentence_model),
                        lambda t: sentence_signal.score(t, sentence_model), args.runs)
        ascii_texts = [t for t in texts if ascii_words(t)]
        same &= compare("spelling candidates' split (ASCII words)", articles(ascii_texts),
                        candidates._split_python, candidates._split_native, args.runs)
        lowered = [t.lower() for t in ascii_texts if len(t.lower()) == len(t)]
        spans = [[(s.start, s.end) for s in Article(t, "x.txt").sentences] for t in lowered]
        core = native.module()
        same &= compare("sentences that may repeat a phrase, RD004", list(zip(lowered, spans)),
                        lambda ls: redundancy.repeating_sentences(*ls, redundancy._FIRSTS),
                        lambda ls: core.repeating_sentences(*ls, redundancy._FIRSTS), args.runs)
        same &= compare("doubled words, RD001 (ASCII words)", lowered,
                        lambda t: repetition._spans(repetition._LOWER_REPEAT.finditer(t)), core.doubled_words,
                        args.runs)
        same &= compare("confusion words and neighbours, SP004 (ASCII words)", ascii_texts,
                        confusable._python_confusables, confusable.confusables, args.runs)
        english = transliteration._known_word(lexicon.Lexicon.load("both"))
        same &= compare("name mentions, EN010 (ASCII words)", ascii_texts,
                        lambda t: list(transliteration._mentions_python(t, english)),
                        lambda t: transliteration._mentions_native(t, english), args.runs)
    pairs = [(r["misspelling"].lower(), r["correct"].lower())
             for r in typo_pairs(("birkbeck", "holbrook", "aspell", "wikipedia-for-machines-2010"))][:20000]
    same &= compare("edit distance (real misspellings)", pairs,
                    lambda p: lexicon.python_edit_cost(*p), lambda p: lexicon.edit_cost(*p), args.runs)
    lex = lexicon.Lexicon.load("both")
    typos = list(dict.fromkeys(typo for typo, _ in pairs))[:3000]
    same &= compare("one-edit keys (real misspellings)", typos, lex._python_one_edit_keys, lex._one_edit_keys, args.runs)
    pairs_index = lex._data.pairs
    same &= compare("letter-pair neighbours (real misspellings)", typos,
                    lambda q: pairs_index.python_nearest(q, 40), lambda q: pairs_index.nearest(q, 40), args.runs)
    same &= word_tables(corpora["BBC"], typos, args.runs)
    return 0 if same else 1


def word_tables(texts: list[str], typos: list[str], runs: int) -> bool:
    """A big run's word tables (lexicon and codespell) in the core against their shards: every
    word of the articles and the misspellings, each asked of every table (warm: the least of
    the passes, so the shards' unpacking is not counted)."""
    import re

    from newslint.spelling import known_typos

    core = native.module()
    data = lexicon._Data(lexicon.DATA_DIR)
    sharded = [data.mask, data.size, data.freq, data.by_lower, known_typos._sharded()]
    spans, blob = lexicon._native_tables(core, tuple(sharded[:4]))
    tables = [core.WordTable(bytes(blob[start:end])) for start, end in spans]
    tables.append(core.WordTable(known_typos._native_table(core, sharded[4])))
    words = list(dict.fromkeys(w for text in texts for w in re.findall(r"[A-Za-z][a-z'-]*", text))) + typos

    def ask(of: list) -> Callable[[str], tuple]:
        return lambda word: tuple(table.get(word) for table in of)

    return compare("word tables of big runs (per word, 5 tables)", words, ask(sharded), ask(tables), runs)


if __name__ == "__main__":
    sys.exit(main())
