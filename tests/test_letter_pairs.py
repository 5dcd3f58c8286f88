"""The letter-pair index finds what counting each word's shared pairs finds."""

from __future__ import annotations

import random
from collections import Counter
from heapq import nlargest

from newslint.spelling.letter_pairs import LetterPairs, letter_pairs


def _counted(words: list[str], q: str, limit: int) -> list[int]:
    """The plain way: count the query's pairs in every word of length len(q) +- 2."""
    qb, lq = letter_pairs(q), len(q)
    counts = Counter({i: len(qb & letter_pairs(w)) for i, w in enumerate(words) if abs(len(w) - lq) <= 2})
    hits = [(2.0 * c / (lq + len(words[i]) + 2), -i) for i, c in counts.items() if c >= (lq + 1) / 2.0]
    return [-neg for _, neg in nlargest(limit, hits)]


def test_nearest_words_by_share_of_letter_pairs():
    words = ["colour", "color", "collar", "cooler", "dolour", "col", "colourful"]
    index = LetterPairs(LetterPairs.pack(words))
    # colour shares 5 of colur's 6 pairs, color 4 (shorter: a higher share), collar and
    # cooler 4 (a tie: the lower number first), col 3; colourful is 4 letters longer
    assert index.nearest("colur", 7) == [0, 1, 2, 3, 5, 4]
    assert index.nearest("colur", 2) == [0, 1]
    assert index.nearest("xyz", 5) == [] and index.nearest("", 5) == []


def test_nearest_agrees_with_counting_on_random_words():
    rnd = random.Random(10)
    letters = "aeioustrnl'"
    words = ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 12))) for _ in range(3000)]
    index = LetterPairs(LetterPairs.pack(words))
    for q in words[:150] + ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 14))) for _ in range(150)]:
        for limit in (1, 40):
            assert index.nearest(q, limit) == _counted(words, q, limit), q
