"""Which lines the mojibake rule (EC001) leaves unread, checked against ftfy's own pattern."""

from __future__ import annotations

import itertools
import random
import re
import string

from newslint.checks.mojibake import CLEAN_MARKS, _may_hold_mojibake

_ALLOWED = set(map(chr, range(128))) | set(CLEAN_MARKS) | {"£"}  # what a line left unread may hold


def _can_match(item: tuple) -> set[str] | None:
    """The characters of _ALLOWED one element of a parsed pattern can match; None when it is
    not a single-character element (read conservatively by the caller)."""
    op, av = item
    if str(op) == "LITERAL":
        return {chr(av)} & _ALLOWED
    if str(op) != "IN":
        return None
    chars: set[str] = set()
    for kind, value in av:
        if str(kind) in ("NEGATE", "CATEGORY"):
            return set(_ALLOWED)  # could be any of them
        if str(kind) == "LITERAL":
            chars.add(chr(value))
        elif str(kind) == "RANGE":
            chars |= {chr(c) for c in range(value[0], value[1] + 1)}
    return chars & _ALLOWED


def test_a_pound_sign_forms_mojibake_only_beside_another_character_beyond_ascii():
    """Every branch of ftfy's pattern that characters of a line left unread could match is
    made of single characters none of which can be ASCII: its match is two or more characters
    beyond ASCII side by side, so a "£" beside another (clean marks alone never match:
    tests/test_data_cache.py). A branch with anything else must be ruled out by an element
    no such character matches."""
    import re._parser as parser

    from ftfy.badness import BADNESS_RE

    (op, (_, branches)), = parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    assert str(op) == "BRANCH" and len(branches) > 20
    possible = []
    for branch in branches:
        sets = [_can_match(item) for item in branch]
        if any(s is not None and not s for s in sets):
            continue  # an element none of them matches
        possible.append(sets)
    assert possible  # the pattern still has the branches with "£" (else this test reads nothing)
    for sets in possible:
        assert len(sets) >= 2 and all(s is not None and s.isdisjoint(map(chr, range(128))) for s in sets), sets


def test_lines_left_unread_hold_no_mojibake():
    from ftfy.badness import BADNESS_RE

    around = list(string.printable) + list(CLEAN_MARKS) + ["£"]
    samples = ["".join(t) for t in itertools.product(around, repeat=3) if "£" in t]
    rnd = random.Random(25)
    samples += ["".join(rnd.choice(around + ["£5", " £", "Â£", "é"]) for _ in range(rnd.randint(1, 12))) for _ in range(20_000)]
    unread = [s for s in samples if not _may_hold_mojibake(s)]
    assert len(unread) > 40_000
    assert not [s for s in unread if BADNESS_RE.search(s)]
    assert _may_hold_mojibake("rose to “£5m”") and _may_hold_mojibake("Â£5") and not _may_hold_mojibake("cost £5m — a record")


def test_a_text_none_of_whose_lines_may_hold_mojibake_is_told_at_once():
    rnd = random.Random(26)
    pieces = ["a", " ", "\n", "\n\n", "£", "5", "“", "”", "—", "é", "Â"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 20)))
        if not _may_hold_mojibake(text):
            assert not any(_may_hold_mojibake(line) for line in text.splitlines()), repr(text)
