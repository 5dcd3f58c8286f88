"""word_before reads the word before a match as an optional leading regex group would."""

from __future__ import annotations

import re

import pytest

from newslint.checks.word_before import after_word, word_before

_LEADING = re.compile(r"(?:\b([\w'’]+)\s+)?\b(will|did)\s+(went)\b")
_CORE = re.compile(r"\b(will|did)\s+(went)\b")


@pytest.mark.parametrize("text", [
    "the will went", "They will went", "'tis will went", "x’ will went", "a\nwill went", "will went",
    "(the) will went", "abby  will went", "went will went did went", "it's  did went; the did went",
])
def test_the_same_word_as_the_leading_group(text):
    expected = [m.group(1) for m in _LEADING.finditer(text)]
    found, floor = [], 0
    for m in _CORE.finditer(text):
        found.append(word_before(text, m.start(), floor))
        floor = m.end()
    assert found == expected


def test_after_word_is_a_look_behind_at_a_word_boundary():
    assert after_word("only a few years", 7, "a") and not after_word("only a few years", 7, "the")
    assert not after_word("banana few", 7, "a")  # "a" inside a word
    assert not after_word("a  few", 3, "a")  # one space only, as the look-behind had it
