"""A word alternation as a tree of letters matches exactly its words (newslint/trie_pattern.py)."""

from __future__ import annotations

import random
import re

from newslint.trie_pattern import trie


def test_the_tree_matches_exactly_its_words():
    rnd = random.Random(19)
    for _ in range(500):
        words = [("".join(rnd.choice("abc.") for _ in range(rnd.randint(0, 4)))) for _ in range(rnd.randint(1, 8))]
        pattern = re.compile(trie(words))
        for probe in {"".join(rnd.choice("abc.") for _ in range(rnd.randint(0, 4))) for _ in range(40)} | set(words):
            assert bool(pattern.fullmatch(probe)) == (probe in words), (words, probe)
