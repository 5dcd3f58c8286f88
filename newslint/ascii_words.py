"""Whether a text's words are all ASCII.

``re`` scans for an ASCII class such as ``[A-Z]`` several times faster than for a Unicode
one such as ``[^\\W\\d_]`` (a letter), which it must look up character by character. In a
text with no word character beyond ASCII (curly quotes, dashes and £ are not word
characters) the two classes match the same characters, so a pattern over letters can be
run in its ASCII spelling: ``ascii_words("Talks “stall” at £5") is True``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newslint.beyond_ascii import beyond_ascii

_WORD_CHARACTER_BEYOND_ASCII = re.compile(r"[^\x00-\x7f\W]")


def ascii_words(text: str) -> bool:
    """Whether every word character (letter, digit, underscore) of ``text`` is ASCII."""
    return text.isascii() or _no_word_character_beyond_ascii(text)


@lru_cache(maxsize=4)  # several rules ask of one article's text in turn; a str knows at once if it is ASCII
def _no_word_character_beyond_ascii(text: str) -> bool:
    return _WORD_CHARACTER_BEYOND_ASCII.search(beyond_ascii(text)) is None  # (the few characters beyond ASCII)


def ascii_words_in(text: str) -> bool:
    """``ascii_words`` without remembering the answer: for many short texts such as
    sentences, which would push the article's own answer out of the memo."""
    return text.isascii() or _WORD_CHARACTER_BEYOND_ASCII.search(text) is None
