"""A Python regex rewritten as a byte regex that matches wherever it could: a prefilter.

``superset(r"\\bin\\s+order\\s+to\\b", re.IGNORECASE)`` is a pattern for Hyperscan, read
over the UTF-8 bytes of a text, that matches somewhere in those bytes whenever the Python
pattern matches somewhere in the text (and sometimes when it does not). So a text it
does not match is one the Python pattern cannot match, and the Python pattern need not
be tried there.

How each part is widened:
- one character (a literal, a class, ``.``, ``\\w``): the ASCII characters Python's
  ``re`` matches, found by trying all 128 with the part compiled alone under the same
  flags, and any run of non-ASCII bytes when the part can match a character beyond ASCII;
- anchors, word boundaries and lookarounds: left out (matching more, never less);
- a back-reference: any text; atomic groups and possessive repeats: ordinary ones.

One exception: a case-insensitive ``re`` takes four characters beyond ASCII for ASCII
letters (``İ ı ſ K``, ``FOLDS``), and the widened patterns leave them out; a text holding
one of them is not to be prefiltered.
"""

from __future__ import annotations

import re
from newslint.required_literals import FOLD_LETTERS
from newslint.word_prefixes import C, parser

try:  # Python 3.11+
    from re import _compiler as compiler
except ImportError:  # pragma: no cover - older layouts
    import sre_compile as compiler  # type: ignore[no-redef]

_NON_ASCII = r"[\x80-\xff]+"  # the bytes of one or more characters beyond ASCII
FOLDS = frozenset(FOLD_LETTERS)  # what a text must not hold for the widening to hold
_SINGLE = {C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY, C.CATEGORY}


class Unsupported(ValueError):
    """A pattern this module cannot widen (it is then tried on every text)."""


def superset(regex: str, flags: int = 0) -> str:
    """A Hyperscan pattern over UTF-8 bytes that matches wherever ``regex`` could."""
    try:
        parsed = parser.parse(regex, flags)
    except re.error as error:
        raise Unsupported(str(error)) from None
    if parsed.getwidth()[0] == 0:
        raise Unsupported("the pattern can match empty text")
    return _sequence(list(parsed), flags | parsed.state.flags)


def _sequence(items: list, flags: int) -> str:
    return "".join(_item(op, av, flags) for op, av in items)


def _item(op, av, flags: int) -> str:
    if op in _SINGLE:
        return _character(op, av, flags)
    if op is C.SUBPATTERN:
        _group, add, remove, body = av
        return f"(?:{_sequence(list(body), (flags | add) & ~remove)})"
    if op is C.BRANCH:
        return "(?:" + "|".join(_sequence(list(branch), flags) for branch in av[1]) + ")"
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = av
        top = "" if high == C.MAXREPEAT else str(high)
        return f"(?:{_sequence(list(body), flags)}){{{low},{top}}}"
    if op is C.ATOMIC_GROUP:
        return f"(?:{_sequence(list(av), flags)})"
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return ""
    if op is C.GROUPREF:
        return r"[\x00-\xff]*"
    if op is C.GROUPREF_EXISTS:
        _group, yes, no = av
        return f"(?:{_sequence(list(yes), flags)}|{_sequence(list(no), flags) if no else ''})"
    raise Unsupported(f"no rewriting for {op}")


def _character(op, av, flags: int) -> str:
    meaning = flags & (re.IGNORECASE | re.DOTALL)  # the flags that change what one character matches
    key = (op, repr(av), meaning)
    found = _MEMBERS.get(key)
    if found is None:
        found = _MEMBERS[key] = _members(op, av, meaning)
    ascii_chars, any_beyond = found
    choices = []
    if ascii_chars:
        choices.append("[" + "".join(f"\\x{ord(c):02x}" for c in ascii_chars) + "]")
    if any_beyond:
        choices.append(_NON_ASCII)
    if not choices:
        raise Unsupported("a character class that matches nothing")
    return choices[0] if len(choices) == 1 else "(?:" + "|".join(choices) + ")"


_MEMBERS: dict[tuple, tuple[str, bool]] = {}


def _members(op, av, meaning: int) -> tuple[str, bool]:
    """(the ASCII characters matched, whether it may match a character beyond ASCII other
    than the FOLDS) for one single-character part."""
    state = parser.State()
    flags = re.UNICODE | meaning
    state.flags = flags
    regex = compiler.compile(parser.SubPattern(state, [(op, av)]), flags)
    ascii_chars = "".join(c for c in map(chr, range(128)) if regex.fullmatch(c))
    return ascii_chars, _beyond_ascii(op, av)


def _beyond_ascii(op, av) -> bool:
    """Whether the part may match a character beyond ASCII other than the case folds."""
    if op is C.LITERAL:
        return av >= 128
    if op in (C.NOT_LITERAL, C.ANY, C.CATEGORY):
        return True
    for item_op, item_av in av:  # a class
        if item_op in (C.NEGATE, C.CATEGORY):
            return True
        if item_op is C.LITERAL and item_av >= 128:
            return True
        if item_op is C.RANGE and item_av[1] >= 128:
            return True
        if item_op not in (C.LITERAL, C.RANGE):
            return True
    return False
