"""RD004 reads each sentence's words by window where it can (newslint/checks/redundancy.py)."""

from __future__ import annotations

import random
import re
import sys

from newslint.article import WORD, Article
from newslint.checks import redundancy
from newslint.config import Config
from newslint.engine import Linter

_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_JOINERS = "’'-."


def test_lower_casing_keeps_every_characters_class():
    """What the window path assumes: a character that lower-cases to one character keeps its
    class for WORD (letter or digit, joiner, other), so words of the lower-cased text are the
    words of the text, lower-cased."""
    changed = []
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        low = c.lower()
        if len(low) == 1 and (bool(_LETTER_OR_DIGIT.match(c)) != bool(_LETTER_OR_DIGIT.match(low))
                              or (c in _JOINERS) != (low in _JOINERS)):
            changed.append(c)
    assert changed == []


def _by_word_spans(article: Article) -> list[tuple[list[tuple[int, int]], list[str]]]:
    """Each sentence's words taken from the article's word spans, written out."""
    out = []
    for sentence in article.sentences:
        tokens = [(a, b) for a, b in article.word_spans if a >= sentence.start and b <= sentence.end]
        out.append((tokens, [article.text[a:b].lower() for a, b in tokens]))
    return out


def _random_text(rnd: random.Random) -> str:
    pieces = ["the", "The", "table", "its", "territory", "in", "middle", "of", "U.S.", "don't", "co-op",
              "É", "Σ", "İ", "3", " ", " ", " ", "\n", "\n\n", ". ", "! ", "? ", ".", ",", "\"", "“", "”",
              "'", "-", "(", ")", "A", "Z"]
    return "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 60)))


def test_sentence_words_match_the_article_word_spans():
    rnd = random.Random(10)
    windowed = 0
    for _ in range(3000):
        article = Article(_random_text(rnd))
        found = []
        for sentence, tokens, low in redundancy._sentence_words(article):
            if tokens is None:
                windowed += 1
                tokens = [m.span() for m in WORD.finditer(article.text, sentence.start, sentence.end)]
            found.append((tokens, low))
        assert found == _by_word_spans(article), article.text
    assert windowed > 1000  # the window path was taken, not only the fallback


def _said_twice(rnd: random.Random) -> str:
    """A sentence that often says a run of 1 to 10 words twice in a row, or a possessive's pair
    twice (every possessive, and words that qualify after one)."""
    words = [*sorted(redundancy._POSSESSIVES), "own", "house", "territory", "the", "middle", "of", "table", "Table"]
    gaps = [" ", " ", " ", ", ", "-", "\n"]
    run = [rnd.choice(words) + rnd.choice(gaps) for _ in range(rnd.randint(1, 10))]
    around = [[rnd.choice(words) + rnd.choice(gaps) for _ in range(rnd.randint(0, 8))] for _ in range(3)]
    return "".join(around[0] + run + around[1] * rnd.randint(0, 1) + run + around[2]) + "."


def test_findings_are_those_of_the_word_span_path(monkeypatch):
    rnd = random.Random(11)
    texts = ["Talks stall\n\nRussia may move troops within its territory to defend its territory.",
             "Derby won\n\nThe club sits in the middle of the table in the middle of the table."]
    texts += [_random_text(rnd) for _ in range(1500)]
    texts += [_said_twice(rnd) for _ in range(1500)]
    linter = Linter(Config(grammar="off", select=("RD004",)))

    def found() -> list[list[tuple[int, int, str]]]:
        return [[(d.offset, d.end_offset, d.message) for d in linter.lint(Article(t))] for t in texts]

    windowed = found()
    monkeypatch.setattr(redundancy, "_lowered", lambda text: None)  # every sentence from the word spans
    assert windowed == found()
    assert sum(map(len, windowed)) >= 100
