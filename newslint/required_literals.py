"""Text every match of a pattern must contain, to skip patterns an article cannot match.

``required(r"\\bin\\s+order\\s+to\\b")`` is ``{"order"}``: a text without "order" (in any
case) has no match, so the pattern need not be compiled or tried there. ``fold(text)``
lower-cases ASCII letters and maps the few other characters that a case-insensitive regex
takes for one (the Kelvin sign for "k", the long s for "s"), one character for one, so
``any(lit in fold(text) for lit in required(p))`` is necessary for any match of ``p``,
case-sensitive or not.
"""

from __future__ import annotations

import re
import string

from newslint.word_prefixes import C, parser

_ASCII = frozenset(string.ascii_letters + string.digits + string.punctuation + " ")
# Characters beyond ASCII that a case-insensitive regex matches to an ASCII letter
# (tests/test_required_literals.py checks this list against every code point).
_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_TABLE = str.maketrans({**{c: c.lower() for c in string.ascii_uppercase}, **_FOLDS})

Literals = frozenset[str]


def fold(text: str) -> str:
    """The text with ASCII letters lower-cased and ``_FOLDS`` applied, same length."""
    return text.translate(_TABLE)


def required(regex: str, ignore_case: bool = True) -> Literals | None:
    """Lower-case ASCII strings one of which every match contains, or None if none is
    known (then the pattern can match anywhere as far as this module can tell)."""
    try:
        parsed = parser.parse(regex, re.IGNORECASE if ignore_case else 0)
    except re.error:
        return None
    return _sequence(list(parsed))


def _better(a: Literals | None, b: Literals | None) -> Literals | None:
    """The more selective of two choices: longer shortest string, then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _char(op: int, arg: object) -> str | None:
    """The lower-case ASCII character an item matches (``a``, ``[Aa]``), else None."""
    if op == C.LITERAL:
        c = chr(arg)  # type: ignore[arg-type]
        return c.lower() if c in _ASCII else None
    if op == C.IN:
        chars = {chr(v).lower() if o == C.LITERAL and chr(v) in _ASCII else None for o, v in arg}  # type: ignore[union-attr]
        return next(iter(chars)) if len(chars) == 1 and None not in chars else None
    return None


def _sequence(items: list) -> Literals | None:
    """The best choice among the literal runs and the parts of a sequence."""
    best: Literals | None = None
    run = ""
    for op, arg in items:
        c = _char(op, arg)
        if c is not None:
            run += c
            continue
        if run:
            best = _better(best, frozenset({run}))
            run = ""
        best = _better(best, _part(op, arg))
    if run:
        best = _better(best, frozenset({run}))
    return best


def _part(op: int, arg: object) -> Literals | None:
    """What a group, an alternation or a repeat requires (nothing for other items)."""
    if op == C.SUBPATTERN:
        return _sequence(list(arg[3]))  # type: ignore[index]
    if op == C.BRANCH:
        found: set[str] = set()
        for branch in arg[1]:  # type: ignore[index]
            sub = _sequence(list(branch))
            if sub is None:
                return None
            found |= sub
        return frozenset(found)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, _high, body = arg  # type: ignore[misc]
        return _sequence(list(body)) if low >= 1 else None
    if op == getattr(C, "ATOMIC_GROUP", None):
        return _sequence(list(arg))  # type: ignore[arg-type]
    return None
