"""Where the confusion words stand in a text, with the tokens either side of each.

The real-word rule (SP004) reads each confusion word ("where", "than", ...) with the token
before and after it, as ``confusion.tokens`` reads the whole text; tokenising a whole
article for that made a match per word. Here one scan finds the confusion words, and only
the text around each is tokenised (the token pattern finds the same spans in the text as
in its folded form, capitals and ’ being in its classes), from a point where the reading of the whole text is
bound to be at a token's start: the start of the text, or a character that is not white
space right after one that is (no token holds both: words, numbers and marks hold no white
space, a paragraph break nothing else). ``[c.token.form for c in confusables("Then than")]
== ["then", "than"]``. Where every word character is ASCII, the native core reads the
whole text's tokens instead (native/src/confusable.rs), about three times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

from newslint import native
from newslint.ascii_words import ascii_words
from newslint.spelling.confusion import _FORM_TABLE, _TOKEN, NUMBER, PAIRS, START, Token
from newslint.trie_pattern import trie

# a confusion word in any case, standing between non-letters (a superset of the tokens
# that are one: "where's" is a token of its own, found when the text around is read)
_WORDS = re.compile(f"(?<![A-Za-z])(?i:{trie(list(PAIRS))})(?![A-Za-z])")
# _WORDS over the lower-cased text, where that finds the same (``_hits``): re's
# case-insensitive matching compares character by character, several times slower
_LOWER_WORDS = re.compile(f"(?<![A-Za-z]){trie(list(PAIRS))}(?![A-Za-z])")


class Confusable(NamedTuple):
    """A confusion word as a token of the text, and its neighbours as ``tokens`` reads them
    (a tuple: a few are made per article, and only a suspect's ``token`` is asked for)."""

    form: str
    start: int
    end: int
    text: str
    left: str  # the form of the token before (START at the start of the text or after a paragraph)
    right: str  # the form of the token after (START at the end or before a paragraph)
    following: str  # the text of the token after ("" at the end or before a paragraph)

    @property
    def token(self) -> Token:
        return Token(self.form, self.start, self.end, self.text)


def confusables(text: str) -> list[Confusable]:
    """Every token of ``text`` that is a confusion word, in order, with its neighbours: read
    by the native core where every word character is ASCII (native/src/confusable.rs)."""
    words = _native_words() if ascii_words(text) else None
    if words is not None:
        return list(map(Confusable._make, words.find(text)))
    return _python_confusables(text)


@cache
def _native_words() -> Any:
    """The native core's reader of the confusion words, or None without the core."""
    core = native.module()
    return core.ConfusionWords(list(PAIRS), START, NUMBER) if core is not None else None


def _python_confusables(text: str) -> list[Confusable]:
    """``confusables`` in Python: the confusion words found by one scan, the text around each read."""
    out = []
    for hit in _hits(text):
        found = _read_around(text, hit.start())
        if found is not None:
            out.append(found)
    return out


def _hits(text: str) -> Iterator[re.Match[str]]:
    """``_WORDS.finditer(text)``: over the lower-cased text where every word character is
    ASCII and lower-casing keeps the length (each character then lower-cases to one, and no
    character beyond ASCII is a letter or matches one in any case)."""
    lowered = text.lower()
    if len(lowered) == len(text) and ascii_words(text):
        return _LOWER_WORDS.finditer(lowered)
    return _WORDS.finditer(text)


def _read_around(text: str, at: int) -> Confusable | None:
    """The token starting at ``at`` if it is a confusion word, with its neighbours, read from
    the latest point before its previous token where the reading is bound to start a token."""
    start = at
    while True:
        start = _token_start_before(text, start)
        matches = _TOKEN.finditer(text, start)  # the spans tokens() finds in the folded text
        before = None
        for m in matches:
            if m.end() > at:
                break
            before = m
        else:
            return None
        form = m.group().translate(_FORM_TABLE)
        if m.start() != at or form not in PAIRS:
            return None  # part of a longer token ("x-where", "where's")
        if before is None and start > 0:
            continue  # no token between here and the word: read from further back
        after = next(matches, None)
        return Confusable(
            form, at, m.end(), m.group(),
            START if before is None else _form(before.group()),
            START if after is None else _form(after.group()),
            "" if after is None or after.group()[0] == "\n" else text[after.start():after.end()],
        )


def _token_start_before(text: str, before: int) -> int:
    """The latest position before ``before`` where any reading of the text starts a token:
    a character that is not white space after one that is, or the start."""
    p = before - 1
    while p > 0:
        if text[p - 1].isspace() and not text[p].isspace():
            return p
        p -= 1
    return 0


def _form(raw: str) -> str:
    """A token's form as ``tokens`` gives it: numbers, quotation marks, dashes and paragraph
    breaks each as one."""
    first = raw[0]
    if first == "\n":
        return START
    if first.isdigit():
        return NUMBER
    if raw in "“”":
        return '"'
    if raw in "–—":
        return "-"
    return raw.translate(_FORM_TABLE)
