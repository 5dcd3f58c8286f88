"""Which lower-case beginnings a pattern's matches can have, for dispatch by a word's start.

``prefixes(r"\\b(?:in addition|besides)", True)`` is ``{"in ", "bes"}``. A matcher keys
its patterns by these beginnings and, at a word start, tries (and compiles, the first
time) only those whose beginning the text has there: a run compiles what its words need,
and thousands of patterns cost a dictionary look-up per word, not a regex branch each.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, TypeVar

from newslint.beyond_ascii import beyond_ascii_offsets

try:  # Python 3.11+
    from re import _constants as C
    from re import _parser as parser
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

WIDTH = 3  # characters of the text looked at: the key of a word start
_LIMIT = 64  # a pattern with more beginnings than this is left unlisted
_END = "\0"  # marks a beginning after which anything may follow


T = TypeVar("T")
_WINDOW = re.compile(rf"\b(?=(\w.{{0,{WIDTH - 1}}}))", re.DOTALL)  # a word start's first characters


def word_windows(text: str, wanted: Callable[[str], T | None]) -> list[tuple[int, T]]:
    """(word start, what ``wanted`` gives for its window) in text order, for the word starts
    where that is not None. A window is a word start's first WIDTH characters as written
    (fewer at the end of the text); each distinct window is asked about once, and found
    again in the text only when it gets something: cheaper than a step per word."""
    hits: list[tuple[int, T]] = []
    end = len(text)
    for window in set(_WINDOW.findall(text)):
        found = wanted(window)
        if found is None:
            continue
        size = len(window)
        pos = text.find(window)
        while pos >= 0:
            # a word start (not inside a word) whose window is this one
            if (pos == 0 or not is_word(text[pos - 1])) and (size == WIDTH or pos + size == end):
                hits.append((pos, found))
            pos = text.find(window, pos + 1)
    hits.sort(key=_position)
    return hits


def windows_from_heads(text: str, folded: str, heads: set[str],
                       wanted: Callable[[str], T | None]) -> list[tuple[int, T]]:
    """``word_windows(text, wanted)`` for a ``wanted`` that answers None for every ASCII
    window beginning with none of ``heads`` (lower case), found from the other end: the
    word starts where ``folded`` (the text with ASCII letters lower-cased, one character
    for one) has a head, and those whose window goes beyond ASCII, rather than every
    distinct window of the text asked about. A head "" stands for every window."""
    if "" in heads:
        return word_windows(text, wanted)
    hits: dict[int, T] = {}
    if not text.isascii():
        for at in beyond_ascii_offsets(text):
            for pos in range(max(0, at - WIDTH + 1), at + 1):
                if is_word(text[pos]) and (pos == 0 or not is_word(text[pos - 1])):
                    found = wanted(text[pos : pos + WIDTH])
                    if found is not None:
                        hits[pos] = found
    for head in heads:
        pos = folded.find(head)
        while pos >= 0:
            if is_word(text[pos]) and (pos == 0 or not is_word(text[pos - 1])):
                window = text[pos : pos + WIDTH]
                if window.isascii():
                    found = wanted(window)
                    if found is not None:
                        hits[pos] = found
            pos = folded.find(head, pos + 1)
    return sorted(hits.items(), key=_position)


def is_word(c: str) -> bool:
    """Whether ``re`` counts the character as a word character (``\\w``)."""
    return c.isalnum() or c == "_"


def _position(hit: tuple[int, object]) -> int:
    return hit[0]


def prefixes(regex: str, ignore_case: bool = True) -> frozenset[str] | None:
    """Lower-case ASCII beginnings (up to WIDTH characters) of every match, or None when
    they cannot be listed (too many, a wide class such as ``\\w`` first, non-ASCII)."""
    try:
        parsed = parser.parse(regex, re.IGNORECASE if ignore_case else 0)
    except re.error:
        return None
    heads = _seq(list(parsed), {""})
    if heads is None:
        return None
    found = {h.rstrip(_END)[:WIDTH] for h in heads}
    return None if "" in found else frozenset(found)


def _done(head: str) -> bool:
    return len(head) >= WIDTH or head.endswith(_END)


def _stop(heads: set[str]) -> set[str]:
    return {h if _done(h) else h + _END for h in heads}


def _seq(items: list, heads: set[str] | None) -> set[str] | None:
    """Extend every open beginning by a sequence of parsed items."""
    for op, arg in items:
        if heads is None or all(_done(h) for h in heads):
            return heads
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: consumes nothing
        if op == C.LITERAL:
            heads = _extend(heads, {chr(arg)})
        elif op == C.IN:
            chars = _chars(arg)
            heads = _stop(heads) if chars is None else _extend(heads, chars)
        elif op == C.BRANCH:
            out: set[str] = set()
            for branch in arg[1]:
                sub = _seq(list(branch), heads)
                if sub is None:
                    return None
                out |= sub
            heads = out
        elif op == C.SUBPATTERN:
            heads = _seq(list(arg[3]), heads)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, body = arg
            taken = _seq(list(body), heads)
            if taken is None:
                return None
            if high != 1:
                taken = _stop(taken)  # further repeats: unknown
            heads = heads | taken if low == 0 else taken
        else:
            heads = _stop(heads)
        if heads is not None and len(heads) > _LIMIT:
            return None
    return heads


def _extend(heads: set[str], chars: set[str]) -> set[str] | None:
    out = set()
    for h in heads:
        if _done(h):
            out.add(h)
            continue
        for c in chars:
            lc = c.lower()
            # beyond ASCII the window is not keyed (the first letter decides): stop here
            out.add(h + lc if len(lc) == 1 and lc.isascii() else h + _END)
    return out if len(out) <= _LIMIT else _stop(heads)


def _chars(arg: list) -> set[str] | None:
    chars: set[str] = set()
    for op, value in arg:
        if op == C.LITERAL:
            chars.add(chr(value))
        elif op == C.RANGE and value[1] - value[0] <= 26:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return None  # NEGATE, CATEGORY (\w, \s, \d), wide ranges
    return chars


class PrefixIndex:
    """Pattern numbers by beginning; ``candidates(key)`` lists, in order, every pattern
    that can match where the text's window key is ``key``. Each list of the index is in
    order without repeats (patterns are added in order, each once per list)."""

    def __init__(self, beginnings: Iterable[frozenset[str] | None], firsts: Iterable[frozenset[str] | None]) -> None:
        self.by_prefix: dict[str, list[int]] = {}
        self.by_first: dict[str, list[int]] = {}
        self.always: list[int] = []
        # per pattern, the beginnings of a key it is listed for ("" for every key)
        self.starts: list[frozenset[str]] = []
        for i, (heads, first) in enumerate(zip(beginnings, firsts)):
            if heads is not None:
                for h in heads:
                    self.by_prefix.setdefault(h, []).append(i)
                self.starts.append(heads)
            elif first is not None:
                lowered = frozenset(c.lower() for c in first)
                for c in lowered:
                    self.by_first.setdefault(c, []).append(i)
                self.starts.append(lowered)
            else:
                self.always.append(i)
                self.starts.append(frozenset({""}))

    def candidates(self, key: str) -> list[int]:
        lists = [found for found in (self.always, self.by_first.get(key[:1]),
                                     *(self.by_prefix.get(key[:n]) for n in range(1, len(key) + 1))) if found]
        if len(lists) == 1:  # the common case: one list, already in order
            return list(lists[0])
        return sorted(set().union(*lists))
