"""How common a three-character sequence is in English text, estimated from word frequencies.

``commonness("the")`` is large and ``commonness("zhu")`` near zero. The estimate reads the
lexicon's word frequencies (``spelling/data/wordfreq_en.txt``) as running text: sequences
inside a word from the words that hold them, ``" wo"`` and ``"rd "`` from the words that
start or end so, ``"d w"`` from how often a word ends in ``d`` and the next starts with ``w``.
Scans file patterns by their rarest sequence (newslint/required_literals.py), so an article
has to check few of them; the figure only orders sequences, it never changes a result.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

MIN_ZIPF = 25  # words rarer than this (Zipf 2.5, ten times ten) add nothing visible


class _Model:
    def __init__(self) -> None:
        from newslint.spelling.lexicon import DATA_DIR

        self.inner: Counter[str] = Counter()
        self.starts: Counter[str] = Counter()
        self.ends: Counter[str] = Counter()
        self.first: Counter[str] = Counter()
        self.last: Counter[str] = Counter()
        self.total = 0.0
        try:
            lines = (DATA_DIR / "wordfreq_en.txt").read_text(encoding="utf-8").splitlines()
        except OSError:  # no word list: every sequence looks alike, scans just ask more
            lines = []
        for line in lines:
            fields = line.split("\t")
            if len(fields) < 2 or not fields[1].isdigit() or int(fields[1]) < MIN_ZIPF:
                continue
            word, weight = fields[0].lower(), 10 ** (int(fields[1]) / 10)
            self.total += weight
            for i in range(len(word) - 2):
                self.inner[word[i : i + 3]] += weight
            self.starts[" " + word[:2]] += weight
            self.ends[word[-2:] + " "] += weight
            self.first[word[:1]] += weight
            self.last[word[-1:]] += weight

    def commonness(self, triple: str) -> float:
        if triple[:1] == " ":
            return self.starts[triple]
        if triple[2:] == " ":
            return self.ends[triple]
        if triple[1:2] == " ":
            return self.last[triple[:1]] * self.first[triple[2:]] / (self.total or 1.0)
        return self.inner[triple]


@lru_cache(maxsize=1)
def _model() -> _Model:
    return _Model()


def commonness(triple: str) -> float:
    """Estimated weight of a lower-case three-character sequence in English text (0: rare)."""
    return _model().commonness(triple)
