"""Word-start scanner: many named regex alternatives matched in one left-to-right pass."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.first_chars import first_chars as shared_first_chars

_WORD_START = re.compile(r"(?<!\w)\w")


class Scanner:
    """Named regex alternatives matched in one left-to-right pass, only where a word starts.

    Python's ``re`` tries every branch of an alternation at every position, which is slow
    with hundreds of names; here each word start tries only the branches that can begin
    with its first character, in the same order (longest source first, a proxy for the
    longest match), so a pass costs one dictionary look-up per word.
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

        def compiled(indexes: list[int]) -> re.Pattern:
            return re.compile(rf"(?:{'|'.join(source(i) for i in sorted(set(indexes)))})(?!\w)")

        self._buckets = {ch: compiled(ix + anywhere) for ch, ix in buckets.items()}
        self._fallback = compiled(anywhere) if anywhere else None
        self._single = {ordered[i][0]: re.compile(source(i) + r"(?!\w)") for i in range(len(ordered))}
        self._members = {ch: [ordered[i][0] for i in sorted(set(ix + anywhere))] for ch, ix in buckets.items()}
        self._members[""] = [ordered[i][0] for i in anywhere]

    def finditer(self, text: str) -> Iterable[tuple[int, int, str]]:
        """(start, end, branch name) of every match; where several branches match at one
        word start, the first (longest) only, or with ``overlapping`` all of them."""
        last = 0
        for word in _WORD_START.finditer(text):
            pos = word.start()
            if pos < last:
                continue
            first = text[pos].lower()
            regex = self._buckets.get(first, self._fallback)
            m = regex.match(text, pos) if regex is not None else None
            if not m:
                continue
            last = m.end()
            if not self.overlapping:
                yield m.start(), m.end(), m.lastgroup
                continue
            for name in self._members.get(first if first in self._buckets else "", ()):
                other = self._single[name].match(text, pos)
                if other:
                    last = max(last, other.end())
                    yield pos, other.end(), name


def first_chars(regex: str) -> frozenset[str] | None:
    """Lower-cased characters a match can start with; None when any character could."""
    chars = shared_first_chars(regex)
    return frozenset(c.lower() for c in chars) if chars is not None else None
