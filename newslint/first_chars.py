"""Which characters a regular expression can start its match with.

Lets a matcher try, at each word start, only the patterns that can begin with the letter
found there, instead of every pattern at every position (phrase packs, entity cues).
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as C
    from re import _parser as parser
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

_MAX_RANGE = 200
_ZERO_WIDTH = {C.AT}


def first_chars(regex: str, ignore_case: bool = False) -> frozenset[str] | None:
    """Characters a match can start with; None when any character could (or it can be empty)."""
    try:
        parsed = parser.parse(regex, re.IGNORECASE if ignore_case else 0)
    except re.error:
        return None
    chars = _first(list(parsed), ignore_case)
    return frozenset(chars) if chars else None


def word_start_chars(regex: str, ignore_case: bool) -> frozenset[str] | None:
    """The first characters of a pattern that must start at a word boundary (``\\b``).

    None when the pattern may start elsewhere, may match empty text, or starts with a
    class too wide to list: such patterns are matched the ordinary way.
    """
    try:
        parsed = parser.parse(regex, re.IGNORECASE if ignore_case else 0)
    except re.error:
        return None
    items = list(parsed)
    if not items or items[0] != (C.AT, C.AT_BOUNDARY):
        return None
    chars = _first(items[1:], ignore_case)
    if not chars or not all(c.isalnum() for c in chars):
        return None
    return frozenset(chars)


_GATE_MOST = 16  # a pattern that can start with more characters than this is left as it is


def first_char_gate(regex: str, ignore_case: bool) -> str:
    """``regex`` with a look-ahead at the characters its match can start with, when it opens
    with an assertion (``^``, a look-behind: "(?<!the day before )\\byesterday"): ``re``
    then tests one character at each position before the assertions, not the assertions
    first. The same matches: a match starts with one of those characters anyway; the
    look-ahead is read with the pattern's own flags (its case folding, "ſ" for "s"). A
    pattern that opens with a character or a class, or a word boundary (the phrase scan
    factors those out), is left as it is: ``re`` already skips to its first character."""
    if regex.startswith("\\b"):
        return regex
    try:
        items = list(parser.parse(regex, re.IGNORECASE if ignore_case else 0))
    except re.error:
        return regex
    if not items or items[0][0] in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
        return regex
    chars = _first(items, ignore_case)
    if not chars or len(chars) > _GATE_MOST:
        return regex
    gated = "(?=[" + "".join(_class_char(c) for c in sorted(chars)) + "])" + regex
    try:
        re.compile(gated)
    except re.error:  # e.g. a global flag that must open the pattern
        return regex
    return gated


def _class_char(c: str) -> str:
    """One character written for a character class."""
    return "\\" + c if c in "\\]^-[" else c


def _first(items: list, ignore_case: bool) -> set[str] | None:
    """First characters of a sequence of parsed items; None when unknown or empty-matching."""
    found = _scan(items, ignore_case)
    if found is None or found[1]:
        return None
    return found[0]


def _scan(items: list, ignore_case: bool) -> tuple[set[str], bool] | None:
    """(possible first characters, whether the sequence can match empty text), or None."""
    chars: set[str] = set()
    for op, arg in items:
        if op in _ZERO_WIDTH or op in (C.ASSERT, C.ASSERT_NOT):
            continue
        if op == C.LITERAL:
            return chars | _cased({chr(arg)}, ignore_case), False
        if op == C.IN:
            some = _in_set(arg, ignore_case)
            return None if some is None else (chars | some, False)
        if op == C.BRANCH:
            nullable = False
            for branch in arg[1]:
                sub = _scan(list(branch), ignore_case)
                if sub is None:
                    return None
                chars |= sub[0]
                nullable = nullable or sub[1]
            if not nullable:
                return chars, False
            continue
        if op == C.SUBPATTERN:
            sub = _scan(list(arg[3]), ignore_case or bool(arg[1] & re.IGNORECASE))
            if sub is None:
                return None
            chars |= sub[0]
            if not sub[1]:
                return chars, False
            continue
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, _, body = arg
            sub = _scan(list(body), ignore_case)
            if sub is None:
                return None
            chars |= sub[0]
            if low > 0 and not sub[1]:
                return chars, False
            continue
        return None
    return chars, True


def _in_set(arg: list, ignore_case: bool) -> set[str] | None:
    chars: set[str] = set()
    for op, value in arg:
        if op == C.LITERAL:
            chars.add(chr(value))
        elif op == C.RANGE:
            low, high = value
            if high - low > _MAX_RANGE:
                return None
            chars.update(chr(c) for c in range(low, high + 1))
        else:
            return None  # NEGATE, CATEGORY (\w, \d): too wide
    return _cased(chars, ignore_case)


def _cased(chars: set[str], ignore_case: bool) -> set[str]:
    if not ignore_case:
        return chars
    return chars | {c.lower() for c in chars} | {c.upper() for c in chars}
