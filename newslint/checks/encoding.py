"""Pieces shared by the encoding rules: invisible and bidi characters, and where a span sits."""

from __future__ import annotations

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def between_words(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has non-space characters right before and after it."""
    return 0 < start and end < len(text) and not text[start - 1].isspace() and not text[end].isspace()


def word_around(text: str, start: int, end: int) -> str:
    """The non-space text around a span, up to 30 characters on each side."""
    a, b = start, end
    while a > 0 and not text[a - 1].isspace() and start - a < 30:
        a -= 1
    while b < len(text) and not text[b].isspace() and b - end < 30:
        b += 1
    return text[a:b]
