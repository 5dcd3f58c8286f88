"""RD001 finds repeated words in the lower-cased text where it can (newslint/checks/repetition.py)."""

from __future__ import annotations

import random
import re
import sys

from newslint.article import Article
from newslint.checks import repetition
from newslint.config import Config
from newslint.engine import Linter


def test_lower_casing_keeps_word_characters_white_space_and_joiners():
    """What the lower-cased scan assumes of a character that lower-cases to one character."""
    word, space = re.compile(r"\w"), re.compile(r"\s")
    changed = [c for c in map(chr, range(sys.maxunicode + 1)) if len(c.lower()) == 1 and (
        bool(word.match(c)) != bool(word.match(c.lower())) or bool(space.match(c)) != bool(space.match(c.lower()))
        or (c in "-'’") != (c.lower() in "-'’"))]
    assert changed == []


def test_findings_are_those_of_the_case_insensitive_scan(monkeypatch):
    rnd = random.Random(18)
    words = ["the", "The", "THE", "that", "this", "to", "had", "Duran", "duran", "in", "break-in", "o'neil", "O'Neil",
             "it’s", "It’s", "s", "S", "k", "K", "\u017f", "\u212a", "İ", "i", "é", "3", "_", "-", "'"]  # long s, Kelvin sign
    gaps = [" ", " ", " ", "  ", "\n", "\n\n", "\t", ".", ", ", "-", ""]
    texts = ["Talks stall\n\nThe talks ended on the the Friday.", "Talks stall\n\nThe The talks ended."]
    texts += ["".join(rnd.choice(words) + rnd.choice(gaps) for _ in range(rnd.randint(0, 20))) for _ in range(3000)]
    linter = Linter(Config(grammar="off", select=("RD001",)))

    def found() -> list[list[tuple[int, int, str, str]]]:
        return [[(d.offset, d.end_offset, d.message, repr(d.fix)) for d in linter.lint(Article(t))] for t in texts]

    lowered = found()
    monkeypatch.setattr(repetition, "_repeats",  # every text scanned without case, by the regex
                        lambda text: repetition._spans(repetition._REPEAT.finditer(text)))
    assert found() == lowered
    assert sum(map(len, lowered)) > 100
