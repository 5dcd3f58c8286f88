"""A Python regex rewritten as a byte regex that matches wherever it could: a prefilter.

``superset(r"\\bin\\s+order\\s+to\\b", re.IGNORECASE)`` is a pattern for Hyperscan, read
over the UTF-8 bytes of a text, that matches somewhere in those bytes whenever the Python
pattern matches somewhere in the text (and sometimes when it does not). So a text it
does not match is one the Python pattern cannot match, and the Python pattern need not
be tried there.

How each part is widened:
- one character (a literal, a class, ``.``, ``\\w``): the ASCII characters Python's
  ``re`` matches, found by trying all 128 with the part compiled alone under the same
  flags; the characters beyond ASCII it names, exactly (under IGNORECASE, every one ``re``
  takes for them); any run of non-ASCII bytes when it can match others (``\\w``, ``[^,]``);
- a look-behind that opens the match and a look-ahead that closes it: kept, as the text
  before and after it;
- anchors, word boundaries and other look-arounds: left out (matching more, never less).
  Hyperscan's own ``\\b`` is not used: with it, Hyperscan 0.9.1 missed a match
  (tests/test_pattern_prefilter.py);
- a back-reference: any text; atomic groups and possessive repeats: ordinary ones.

One exception: a case-insensitive ``re`` takes four characters beyond ASCII for ASCII
letters (``İ ı ſ K``, ``FOLDS``), and the widened patterns leave them out; a text holding
one of them is not to be prefiltered.
"""

from __future__ import annotations

import re
from functools import lru_cache

import _sre
from newslint.required_literals import FOLD_LETTERS
from newslint.word_prefixes import C, parser

try:  # Python 3.11+
    from re import _compiler as compiler
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - older layouts
    import sre_compile as compiler  # type: ignore[no-redef]
    _EXTRA_CASES = {}

_NON_ASCII = r"[\x80-\xff]+"  # the bytes of one or more characters beyond ASCII
FOLDS = frozenset(FOLD_LETTERS)  # what a text must not hold for the widening to hold
_SINGLE = {C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY, C.CATEGORY}
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}


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
    return _sequence(list(parsed), flags | parsed.state.flags, True, True)


def _sequence(items: list, flags: int, at_start: bool = False, at_end: bool = False) -> str:
    """The widening of a sequence. ``at_start``/``at_end``: it begins/ends the whole match,
    so one look-behind before its first character is text that precedes the match, and one
    look-ahead after its last is text that follows it: both are kept, as text around it
    (elsewhere, look-arounds are left out)."""
    first = next((k for k, (op, _) in enumerate(items) if op not in _ZERO_WIDTH), len(items))
    last = next((k for k in range(len(items) - 1, -1, -1) if items[k][0] not in _ZERO_WIDTH), -1)
    out = []
    if at_start:
        behind = next((av[1] for op, av in items[:first] if op is C.ASSERT and av[0] < 0), None)
        if behind is not None:
            out.append(f"(?:{_sequence(list(behind), flags)})")
    out.extend(_item(op, av, flags, at_start and k == first, at_end and k == last) for k, (op, av) in enumerate(items))
    if at_end:
        ahead = next((av[1] for op, av in items[last + 1 :] if op is C.ASSERT and av[0] > 0), None)
        if ahead is not None:
            out.append(f"(?:{_sequence(list(ahead), flags)})")
    return "".join(out)


def _item(op, av, flags: int, at_start: bool = False, at_end: bool = False) -> str:
    if op in _SINGLE:
        return _character(op, av, flags)
    if op is C.SUBPATTERN:
        _group, add, remove, body = av
        return f"(?:{_sequence(list(body), (flags | add) & ~remove, at_start, at_end)})"
    if op is C.BRANCH:
        return "(?:" + "|".join(_sequence(list(branch), flags, at_start, at_end) for branch in av[1]) + ")"
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = av
        top = "" if high == C.MAXREPEAT else str(high)
        return f"(?:{_sequence(list(body), flags)}){{{low},{top}}}"
    if op is C.ATOMIC_GROUP:
        return f"(?:{_sequence(list(av), flags, at_start, at_end)})"
    if op in _ZERO_WIDTH:
        return ""
    if op is C.GROUPREF:
        return r"[\x00-\xff]*"
    if op is C.GROUPREF_EXISTS:
        _group, yes, no = av
        return (f"(?:{_sequence(list(yes), flags, at_start, at_end)}|"
                f"{_sequence(list(no), flags, at_start, at_end) if no else ''})")
    raise Unsupported(f"no rewriting for {op}")


def _character(op, av, flags: int) -> str:
    meaning = flags & (re.IGNORECASE | re.DOTALL)  # the flags that change what one character matches
    key = (op, repr(av), meaning)
    found = _MEMBERS.get(key)
    if found is None:
        found = _MEMBERS[key] = _members(op, av, meaning)
    ascii_chars, beyond = found
    choices = []
    if ascii_chars:
        choices.append("[" + "".join(f"\\x{ord(c):02x}" for c in ascii_chars) + "]")
    if beyond is True:
        choices.append(_NON_ASCII)
    else:
        choices.extend("".join(f"\\x{b:02x}" for b in c.encode("utf-8", "surrogatepass")) for c in beyond)
    if not choices:
        raise Unsupported("a character class that matches nothing")
    return choices[0] if len(choices) == 1 else "(?:" + "|".join(choices) + ")"


_MEMBERS: dict[tuple, tuple[str, "tuple[str, ...] | bool"]] = {}


def _members(op, av, meaning: int) -> tuple[str, "tuple[str, ...] | bool"]:
    """(the ASCII characters matched, the characters beyond ASCII matched, or True when
    there may be any) for one single-character part; the FOLDS aside."""
    state = parser.State()
    flags = re.UNICODE | meaning
    state.flags = flags
    regex = compiler.compile(parser.SubPattern(state, [(op, av)]), flags)
    ascii_chars = "".join(c for c in map(chr, range(128)) if regex.fullmatch(c))
    literals = _literals_beyond_ascii(op, av)
    if literals is True:
        return ascii_chars, True
    # each literal as re takes it: itself, or under IGNORECASE every character of its case
    found = {chr(c) for code in literals for c in _case_partners(code, meaning & re.IGNORECASE)}
    return ascii_chars, tuple(sorted(c for c in found if regex.fullmatch(c)))


def _literals_beyond_ascii(op, av) -> "list[int] | bool":
    """The code points beyond ASCII a part names (True: it may match others too)."""
    if op is C.LITERAL:
        return [av] if av >= 128 else []
    if op in (C.NOT_LITERAL, C.ANY, C.CATEGORY):
        return True
    codes = []
    for item_op, item_av in av:  # a class
        if item_op is C.LITERAL:
            if item_av >= 128:
                codes.append(item_av)
        elif item_op is not C.RANGE or item_av[1] >= 128:
            return True  # a negation, a category (\w), a range beyond ASCII
    return codes


def _case_partners(code: int, ignore_case: int) -> set[int]:
    """The code points re matches for a literal: itself; under IGNORECASE also every code
    point with the same lower case (re's own mapping) and re's extra case pairs."""
    if not ignore_case:
        return {code}
    low = _sre.unicode_tolower(code)
    partners = {code, low, *_lowered_to().get(low, ())}
    for c in list(partners):
        partners.update(_EXTRA_CASES.get(_sre.unicode_tolower(c), ()))
    return partners


@lru_cache(maxsize=1)
def _lowered_to() -> dict[int, tuple[int, ...]]:
    """Lower case -> the code points re lowers to it (only where one differs), read once."""
    groups: dict[int, list[int]] = {}
    for code in range(0x110000):
        low = _sre.unicode_tolower(code)
        if low != code:
            groups.setdefault(low, []).append(code)
    return {low: tuple(codes) for low, codes in groups.items()}
