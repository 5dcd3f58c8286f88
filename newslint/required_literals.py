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
from typing import TYPE_CHECKING, Iterable

from newslint.word_prefixes import C, parser

if TYPE_CHECKING:
    from newslint.article import Article

_ASCII = frozenset(string.ascii_letters + string.digits + string.punctuation + " ")
# Characters beyond ASCII that a case-insensitive regex matches to an ASCII letter
# (tests/test_required_literals.py checks this list against every code point).
FOLD_LETTERS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}

Literals = frozenset[str]
Needs = tuple[tuple[str, ...], ...]  # choices that must all hold, each: one of these strings


class Presence:
    """Which strings a text contains (case folded), each looked up once per text:
    ``Presence(text).meets(needs(regex))`` is False only when the regex cannot match."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.known: dict[str, bool] = {}
        self._triples: set[str] | None = None

    @property
    def triples(self) -> set[str]:
        """Every three characters of the folded text (worked out on first use): a literal
        with a triple the text lacks is absent without searching the text (most literals
        asked about are absent)."""
        if self._triples is None:
            folded = self.folded
            self._triples = set(map("".join, zip(folded, folded[1:], folded[2:])))
        return self._triples

    @classmethod
    def of(cls, article: "Article") -> "Presence":
        """The article's ``Presence``, shared by every scan over its text."""
        found = article.cache.get(cls)
        if found is None:
            found = article.cache[cls] = cls(article.text)
        return found  # type: ignore[return-value]

    def meets(self, needs: Needs) -> bool:
        known, folded, triples = self.known, self.folded, self.triples
        for choice in needs:
            for literal in choice:
                found = known.get(literal)
                if found is None:
                    possible = len(literal) < 3 or _triples_of(literal) <= triples
                    found = known[literal] = possible and literal in folded
                if found:
                    break
            else:
                return False
        return True


class NeedsIndex:
    """Which of many patterns' needs a text meets, without asking pattern by pattern.

    Each pattern is filed under one three-character sequence of each string of one of its
    choices (those that look rarest in English text, newslint/triple_rarity.py); a text
    that lacks all of them cannot meet the choice. ``met(presence)`` asks ``meets`` only of
    the patterns filed under a sequence the text has (and of those that could not be
    filed), so an article asks about a few hundred of a pack's patterns, not all of them.
    """

    def __init__(self, all_needs: Iterable[Needs]) -> None:
        self.needs = list(all_needs)
        self.unfiled: list[int] = []
        # sequence -> [(pattern, the string it was filed for)]
        self.by_triple: dict[str, list[tuple[int, str]]] = {}
        for i, need in enumerate(self.needs):
            filed = _filing(need)
            if filed is None:
                self.unfiled.append(i)
            for key, literal in filed or ():
                self.by_triple.setdefault(key, []).append((i, literal))
        self.keys = frozenset(self.by_triple)

    def met(self, presence: Presence) -> set[int]:
        """The numbers of the patterns whose needs the text meets."""
        asked = set(self.unfiled)
        by_triple, triples, known = self.by_triple, presence.triples, _TRIPLES.get
        for key in self.keys.intersection(triples):
            # the string filed for must have all its sequences in the text
            asked.update([i for i, literal in by_triple[key] if (known(literal) or _triples_of(literal)) <= triples])
        needs, meets = self.needs, presence.meets
        return {i for i in asked if meets(needs[i])}


def _filing(need: Needs) -> list[tuple[str, str]] | None:
    """(sequence, string) for each string of the choice whose sequences look rarest in
    English text, or None when no choice has only strings of three characters or more."""
    from newslint.triple_rarity import commonness

    best: tuple[float, list[tuple[str, str]]] | None = None
    for choice in need:
        if any(len(literal) < 3 for literal in choice):
            continue
        keys = [(min((lit[j : j + 3] for j in range(len(lit) - 2)), key=commonness), lit) for lit in sorted(choice)]
        score = sum(commonness(key) for key, _ in keys)
        if best is None or score < best[0]:
            best = (score, keys)
    return None if best is None else best[1]


_TRIPLES: dict[str, frozenset[str]] = {}


def _triples_of(literal: str) -> frozenset[str]:
    """Every three characters of a literal (remembered: literals come from the patterns)."""
    found = _TRIPLES.get(literal)
    if found is None:
        found = _TRIPLES[literal] = frozenset(literal[i : i + 3] for i in range(len(literal) - 2))
    return found


def fold(text: str) -> str:
    """The text with ASCII letters lower-cased and ``FOLD_LETTERS`` applied, same length.

    Done on bytes, where a translation table is a C array (``str.translate`` looks each
    character up in a dict, several times slower): in UTF-8 the bytes of A-Z stand only for
    A-Z. ``fold("İSTANBUL Kelvin") == "istanbul kelvin"`` (a capital I with a dot, Kelvin's K)."""
    if text.isascii():
        return text.lower()  # in ASCII, lower() changes A-Z only
    folded = text.encode("utf-8", "surrogatepass").translate(_ASCII_LOWER).decode("utf-8", "surrogatepass")
    for letter, replacement in FOLD_LETTERS.items():
        if letter in folded:
            folded = folded.replace(letter, replacement)
    return folded


_ASCII_LOWER = bytes.maketrans(string.ascii_uppercase.encode(), string.ascii_lowercase.encode())


def required(regex: str, ignore_case: bool = True) -> Literals | None:
    """Lower-case ASCII strings one of which every match contains, or None if none is
    known (then the pattern can match anywhere as far as this module can tell)."""
    best: Literals | None = None
    for choice in required_all(regex, ignore_case):
        best = _better(best, choice)
    return best


def needs(regex: str) -> Needs:
    """``required_all`` as sorted tuples, for ``Presence.meets`` (and compact to cache)."""
    return tuple(tuple(sorted(choice)) for choice in required_all(regex))


def required_all(regex: str, ignore_case: bool = True, most: int = 4) -> list[Literals]:
    """Up to ``most`` choices that every match satisfies, each a set of strings one of
    which it contains, the most selective first: ``\\bin the (?:field|sphere) of\\b`` gives
    ``[{"in the "}, {"field", "sphere"}, {" of"}]`` in that order of selectivity."""
    try:
        parsed = parser.parse(regex, re.IGNORECASE if ignore_case else 0)
    except re.error:
        return []
    found = sorted(set(_sequence(list(parsed))), key=_selectivity, reverse=True)
    return found[:most]


def _selectivity(choice: Literals) -> tuple[int, int, tuple[str, ...]]:
    """Longer shortest string first, then fewer strings (then a fixed order)."""
    return (min(map(len, choice)), -len(choice), tuple(sorted(choice)))


def _better(a: Literals | None, b: Literals | None) -> Literals | None:
    """The more selective of two choices."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=_selectivity)


def _char(op: int, arg: object) -> str | None:
    """The lower-case ASCII character an item matches (``a``, ``[Aa]``), else None."""
    if op == C.LITERAL:
        c = chr(arg)  # type: ignore[arg-type]
        return c.lower() if c in _ASCII else None
    if op == C.IN:
        chars = {chr(v).lower() if o == C.LITERAL and chr(v) in _ASCII else None for o, v in arg}  # type: ignore[union-attr]
        return next(iter(chars)) if len(chars) == 1 and None not in chars else None
    return None


def _sequence(items: list) -> list[Literals]:
    """Every choice a sequence requires: its literal runs and what its parts require."""
    found: list[Literals] = []
    run = ""
    for op, arg in items:
        c = _char(op, arg)
        if c is not None:
            run += c
            continue
        if run:
            found.append(frozenset({run}))
            run = ""
        found.extend(_part(op, arg))
    if run:
        found.append(frozenset({run}))
    return found


def _part(op: int, arg: object) -> list[Literals]:
    """What a group, an alternation or a repeat requires (nothing for other items)."""
    if op == C.SUBPATTERN:
        return _sequence(list(arg[3]))  # type: ignore[index]
    if op == C.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:  # type: ignore[index]
            best = None
            for choice in _sequence(list(branch)):
                best = _better(best, choice)
            if best is None:
                return []
            union |= best
        return [frozenset(union)]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, _high, body = arg  # type: ignore[misc]
        return _sequence(list(body)) if low >= 1 else []
    if op == getattr(C, "ATOMIC_GROUP", None):
        return _sequence(list(arg))  # type: ignore[arg-type]
    return []
