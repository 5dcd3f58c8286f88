"""Word-start scanner: many named regex alternatives matched in one left-to-right pass."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.first_chars import first_chars as shared_first_chars
from newslint.lazy_regex import LazyPatterns
from newslint.word_prefixes import PrefixIndex, prefixes, window_key

_WORD_START = re.compile(r"(?<!\w)\w")


class Scanner:
    """Named regex alternatives matched in one left-to-right pass, only where a word starts.

    Python's ``re`` tries every branch of an alternation at every position, which is slow
    with hundreds of names; here each word start tries only the branches that can begin
    with its first three characters (newslint/word_prefixes.py; beyond ASCII, its first
    letter), in the same order (longest source first, a proxy for the longest match), so
    a pass costs one dictionary look-up per word, and a run compiles only the
    alternations its words reach.
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
        index = PrefixIndex([prefixes(rx, not sensitive) for _, rx, sensitive in ordered],
                            [first_chars(rx) for _, rx, _ in ordered])
        self._by_key = LazyPatterns(_KeySources([source(i) for i in range(len(ordered))], index))
        self._key_members = _KeyMembers([name for name, _, _ in ordered], index)

    def finditer(self, text: str) -> Iterable[tuple[int, int, str]]:
        """(start, end, branch name) of every match; where several branches match at one
        word start, the first (longest) only, or with ``overlapping`` all of them."""
        last = 0
        for word in _WORD_START.finditer(text):
            pos = word.start()
            if pos < last:
                continue
            key = window_key(text, pos)
            if key is not None:
                regex = self._by_key[key]
            else:
                first = text[pos].lower()
                regex = self._buckets[first] if first in self._buckets.sources else self._fallback[""]
            m = regex.match(text, pos) if regex is not None else None
            if not m:
                continue
            last = m.end()
            if not self.overlapping:
                yield m.start(), m.end(), m.lastgroup
                continue
            if key is not None:
                members = self._key_members[key]
            else:
                members = self._members.get(first if first in self._buckets.sources else "", ())
            for name in members:
                other = self._single[name].match(text, pos)
                if other:
                    last = max(last, other.end())
                    yield pos, other.end(), name


def first_chars(regex: str) -> frozenset[str] | None:
    """Lower-cased characters a match can start with; None when any character could."""
    chars = shared_first_chars(regex)
    return frozenset(c.lower() for c in chars) if chars is not None else None


class _KeySources:
    """The alternation source for a window key: the branches that can match there, in order."""

    def __init__(self, sources: list[str], index: PrefixIndex) -> None:
        self.sources = sources
        self.index = index

    def get(self, key: str) -> str | None:
        chosen = self.index.candidates(key)
        return rf"(?:{'|'.join(self.sources[i] for i in chosen)})(?!\w)" if chosen else None


class _KeyMembers(dict):
    """Window key -> the names of the branches that can match there, in order."""

    def __init__(self, names: list[str], index: PrefixIndex) -> None:
        super().__init__()
        self.names = names
        self.index = index

    def __missing__(self, key: str) -> list[str]:
        found = self[key] = [self.names[i] for i in self.index.candidates(key)]
        return found

    def __reduce__(self):  # type: ignore[override]
        return (_KeyMembers, (self.names, self.index))
