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
            expected = _counted(words, q, limit)
            assert index.nearest(q, limit) == expected, q  # the native core's count where it is built
            assert index.python_nearest(q, limit) == expected, q


def test_both_counts_agree_with_counting_beyond_ascii():
    """Letters of two and four bytes, a word list longer than 64 words of a length, and
    a query with no table beside its own length."""
    rnd = random.Random(11)
    letters = "aeéøst'😀"
    words = ["".join(rnd.choice(letters) for _ in range(rnd.randint(3, 7))) for _ in range(2000)]
    index = LetterPairs(LetterPairs.pack(words))
    queries = words[:100] + ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 10))) for _ in range(100)]
    for q in queries:
        expected = _counted(words, q, 40)
        assert index.nearest(q, 40) == expected and index.python_nearest(q, 40) == expected, q
