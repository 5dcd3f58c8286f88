"""Patterns over letters in their ASCII spelling match as the Unicode ones where ascii_words holds."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article import ASCII_WORD, WORD
from newslint.ascii_words import ascii_words
from newslint.checks.transliteration import _CAPITAL, _chain_starts
from newslint.spelling.candidates import _ASCII_TOKEN, _TOKEN


def test_ascii_words_looks_at_word_characters_only():
    assert ascii_words("Talks “stall” at £5 — again") and ascii_words("")
    assert not ascii_words("Café talks") and not ascii_words("Talks ٣") and not ascii_words("m²")


def test_ascii_spellings_find_what_the_unicode_patterns_find():
    rnd = random.Random(8)
    pieces = ["Kim", "Jong", "-un", "-Un", "the", "O'", "Brien", "’s", " ", " ", "\n", "-", "'", "“", "”", "3", "_",
              "£", "é", "Été", "ǅ", "²", ".", "A", "b", "7", "U.S."]
    for n in range(2000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 20)))
        unicode_starts = sorted([m.start() for m in _CAPITAL.finditer(text)]
                                + [m.start() for m in __import__("re").finditer(r"(?<=-)[a-z]", text)])
        assert _chain_starts(text) == unicode_starts, text
        if ascii_words(text):
            assert [m.span() for m in _ASCII_TOKEN.finditer(text)] == [m.span() for m in _TOKEN.finditer(text)], text
            assert [m.span() for m in ASCII_WORD.finditer(text)] == [m.span() for m in WORD.finditer(text)], text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ9 _.,-'’£“é²\n", max_size=40))
def test_ascii_spellings_of_word_patterns_find_the_same_words(text: str) -> None:
    """Where every word character is ASCII, the ASCII spellings of the word patterns (RD004's
    spans, the long-lead count) find what the Unicode ones find."""
    from newslint.checks.news_style import _ASCII_LEAD_WORD, _LEAD_WORD

    if ascii_words(text):
        assert [m.span() for m in ASCII_WORD.finditer(text)] == [m.span() for m in WORD.finditer(text)]
        assert _ASCII_LEAD_WORD.findall(text) == _LEAD_WORD.findall(text)
