"""The characters of a text beyond ASCII, found once per text.

Several rules look for characters that are never ASCII (bidirectional controls, zero-width
characters, Cyrillic look-alikes). Most news copy is ASCII, and ``str.isascii`` tells that at
once; the rest holds a few such characters (a "£", curly quotes). Asking a class regex of
those few characters, not of the whole text, tells whether the rule has anything to look
at: a character of a class of non-ASCII characters is in the text exactly when it is among
them.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")


@lru_cache(maxsize=4)  # several rules ask of one article's text in turn
def beyond_ascii(text: str) -> str:
    """The characters of ``text`` beyond ASCII, in order ("" for an ASCII text)."""
    return beyond_ascii_in(text)


def beyond_ascii_in(text: str) -> str:
    """``beyond_ascii`` without remembering the answer: for many short texts such as lines,
    which would push the article's own answer out of the memo."""
    return "" if text.isascii() else _ASCII_RUNS.sub("", text)


def without_controls(text: str) -> bool:
    """Whether ``text`` surely has no character of ``[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f
    \\u2028\\u2029]``: True when every character but tabs and line breaks is printable (each of
    those is not); False means it may have one."""
    return text.replace("\n", "").replace("\t", "").replace("\r", "").isprintable()


@lru_cache(maxsize=4)
def beyond_ascii_offsets(text: str) -> tuple[int, ...]:
    """The offsets of the characters of ``text`` beyond ASCII, in order: each distinct one
    (a few kinds in most texts) found with ``str.find``."""
    offsets: list[int] = []
    for ch in set(beyond_ascii(text)):
        at = text.find(ch)
        while at != -1:
            offsets.append(at)
            at = text.find(ch, at + 1)
    offsets.sort()
    return tuple(offsets)
