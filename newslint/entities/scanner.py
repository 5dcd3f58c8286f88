"""Word-start scanner: many named regex alternatives matched in one left-to-right pass."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.first_chars import first_chars as shared_first_chars
from newslint.lazy_regex import LazyPatterns
from newslint.pattern_prefilter import Prefilter
from newslint.required_literals import NeedsIndex, Presence, needs
from newslint.word_prefixes import PrefixIndex, prefixes, windows_from_heads

_BEYOND_ASCII: list[str] = []  # a window beyond ASCII: matched by its first letter's alternation


class Scanner:
    """Named regex alternatives matched in one left-to-right pass, only where a word starts.

    Python's ``re`` tries every branch of an alternation at every position, which is slow
    with hundreds of names; here each word start tries only the branches that can begin
    with its first three characters (newslint/word_prefixes.py; beyond ASCII, its first
    letter) and whose required text the text has (newslint/required_literals.py), one by
    one in the same order (longest source first, a proxy for the longest match), the first
    match winning as in an alternation; a pass costs one dictionary look-up per word, and
    a run compiles only the branches whose text it has.
    """

    def __init__(self, parts: list[tuple[str, str, bool]], overlapping: bool = False) -> None:
        ordered = sorted(parts, key=lambda p: -len(p[1]))
        self.overlapping = overlapping
        anywhere = [i for i, (_, rx, _) in enumerate(ordered) if first_chars(rx) is None]
        buckets: dict[str, list[int]] = {}
        for i, (_, rx, _) in enumerate(ordered):
            for ch in first_chars(rx) or ():
                buckets.setdefault(ch, []).append(i)

        def source(i: int) -> str:
            name, rx, sensitive = ordered[i]
            return f"(?P<{name}>{rx if sensitive else '(?i:' + rx + ')'})"

        def joined(indexes: list[int]) -> str:
            return rf"(?:{'|'.join(source(i) for i in sorted(set(indexes)))})(?!\w)"

        # compiled on first use: a run compiles only the letters its words start with
        self._buckets = LazyPatterns({ch: joined(ix + anywhere) for ch, ix in buckets.items()})
        self._fallback = LazyPatterns({"": joined(anywhere)} if anywhere else {})
        self._single = LazyPatterns({ordered[i][0]: source(i) + r"(?!\w)" for i in range(len(ordered))})
        self._members = {ch: [ordered[i][0] for i in sorted(set(ix + anywhere))] for ch, ix in buckets.items()}
        self._members[""] = [ordered[i][0] for i in anywhere]
        self._index = PrefixIndex([prefixes(rx, not sensitive) for _, rx, sensitive in ordered],
                                  [first_chars(rx) for _, rx, _ in ordered])
        self._names = [name for name, _, _ in ordered]
        self._filing = NeedsIndex(needs(rx) for _, rx, _ in ordered)
        self.prefilter = Prefilter("overlapping-names" if overlapping else "names",  # branches by number
                                   [(source(i), 0) for i in range(len(ordered))],
                                   ahead_from=None if overlapping else 0)  # (the overlapping scan: few articles)
        self._candidates: dict[str, list[int]] = {}  # window key -> branches that can begin there

    def finditer(self, text: str, presence: Presence | None = None) -> Iterable[tuple[int, int, str]]:
        """(start, end, branch name) of every match; where several branches match at one
        word start, the first (longest) only, or with ``overlapping`` all of them.
        ``presence`` (of this text) may be shared with other scans of it."""
        last = 0
        choices = _Choices(self, presence or Presence(text))
        for pos, members in choices.word_starts(text):
            if pos < last:
                continue
            m = None
            if members is not _BEYOND_ASCII:
                for name in members:
                    m = self._single[name].match(text, pos)
                    if m:
                        break
            else:
                first = text[pos].lower()
                regex = self._buckets[first] if first in self._buckets.sources else self._fallback[""]
                m = regex.match(text, pos) if regex is not None else None
                members = self._members.get(first if first in self._buckets.sources else "", ())
            if not m:
                continue
            last = m.end()
            if not self.overlapping:
                yield m.start(), m.end(), m.lastgroup
                continue
            for name in members:
                other = self._single[name].match(text, pos)
                if other:
                    last = max(last, other.end())
                    yield pos, other.end(), name

    def candidates(self, key: str) -> list[int]:
        """The branches (by number, in order) that can begin where the window key is ``key``."""
        found = self._candidates.get(key)
        if found is None:
            found = self._candidates[key] = self._index.candidates(key)
        return found

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_candidates": {}}


def first_chars(regex: str) -> frozenset[str] | None:
    """Lower-cased characters a match can start with; None when any character could."""
    chars = shared_first_chars(regex)
    return frozenset(c.lower() for c in chars) if chars is not None else None


class _Choices(dict):
    """For one text: window key -> names of the branches that can begin there and whose
    required text the text has, in order."""

    def __init__(self, scanner: Scanner, presence: Presence) -> None:
        super().__init__()
        self.scanner, self.presence = scanner, presence
        # the branches that may match: from the native prefilter, else those whose required text the text has
        maybe = scanner.prefilter.maybe(presence.text) if scanner.prefilter.ready() else None
        self.met = maybe if maybe is not None else scanner._filing.met(presence)

    def word_starts(self, text: str) -> list[tuple[int, list[str]]]:
        """``word_windows(text, self.wanted)``, found from the other end: the word starts
        whose window begins with a beginning of a branch the text has the required text of
        (a few per article, looked for in the folded text), and those whose window goes
        beyond ASCII, instead of every distinct window of the text asked about."""
        heads: set[str] = set()
        starts = self.scanner._index.starts
        for i in self.met:
            heads |= starts[i]
        return windows_from_heads(text, self.presence.folded, heads, self.wanted)

    def wanted(self, window: str) -> list[str] | None:
        """The branches to try at a word start with this window (None: none)."""
        if not window.isascii():
            return _BEYOND_ASCII
        return self[window.lower()] or None

    def __missing__(self, key: str) -> list[str]:
        scanner, met = self.scanner, self.met
        names = [scanner._names[i] for i in scanner.candidates(key) if i in met]
        self[key] = names
        return names

