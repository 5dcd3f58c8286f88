"""A pack's patterns that are not tried at word starts, matched as one alternation of them
would match, but searching only those whose required text the article has
(newslint/required_literals.py).

Python's ``re`` tries every branch of an alternation at every position, and an alternation
whose branches start differently gets none of the shortcuts a single pattern gets (skipping
to its first letter). So each alternative is searched on its own (compiled once, on first
use) and the matches are merged the way the alternation finds them: the leftmost start, at
one start the earliest alternative, the next search after the match's end. A pattern whose
required text is absent cannot match anywhere, so leaving it out changes no match; a
pattern's top-level branches (``a|b``) are alternatives of their own, each with its own
required text. Whole-line patterns share one line anchor and stay one alternation (the
last alternative).
"""

from __future__ import annotations

import re
from typing import Iterator

from newslint.lazy_regex import LazyPatterns
from newslint.required_literals import Presence, needs


class RestPatterns:
    """Alternatives ``(starts with \\b, source)`` and whole-line alternatives, in order."""

    MOST = 64  # line alternations kept per pack; past that, every article gets the full one

    def __init__(self, parts: list[tuple[bool, str]], lines: list[str]) -> None:
        self.parts = parts
        self.lines = lines
        self.part_needs = [needs(source) for _, source in parts]
        self.line_needs = [needs(source) for source in lines]
        self.singles = LazyPatterns({i: source for i, (_, source) in enumerate(parts)}, re.MULTILINE)
        # merging separate searches needs alternatives that never match empty text
        self.separable = all(_never_empty(source) for _, source in parts) and (
            not lines or _never_empty(_line_alternation(lines)))
        self._compiled: dict[tuple[tuple[int, ...], tuple[int, ...]], re.Pattern[str] | None] = {}

    def every(self) -> re.Pattern[str] | None:
        """The alternation of every pattern (None when there are none)."""
        return self._get(tuple(range(len(self.parts))), tuple(range(len(self.lines))))

    def finditer(self, text: str, presence: Presence) -> Iterator[re.Match[str]]:
        """The matches of the alternation of every pattern in the text, in order."""
        parts = [i for i, need in enumerate(self.part_needs) if presence.meets(need)]
        lines = [i for i, need in enumerate(self.line_needs) if presence.meets(need)]
        return self.among(text, parts, lines)

    def among(self, text: str, parts: list[int], lines: list[int]) -> Iterator[re.Match[str]]:
        """The same matches, given which patterns (by number, in order) may match the text:
        every pattern that matches it must be among them."""
        if not parts and not lines:
            return iter(())
        if not self.separable:
            regex = self._alternation(tuple(parts), tuple(lines))
            return iter(()) if regex is None else regex.finditer(text)
        searched = [self.singles[i] for i in parts]
        if lines:
            searched.append(self._alternation((), tuple(lines)))
        return merged(searched, text)

    def _alternation(self, parts: tuple[int, ...], lines: tuple[int, ...]) -> re.Pattern[str] | None:
        if (parts, lines) not in self._compiled and len(self._compiled) >= self.MOST:
            return self.every() if parts else self._get((), tuple(range(len(self.lines))))
        return self._get(parts, lines)

    def _get(self, parts: tuple[int, ...], lines: tuple[int, ...]) -> re.Pattern[str] | None:
        key = (parts, lines)
        if key not in self._compiled:
            chosen = [self.parts[i] for i in parts]
            if lines:  # one line anchor for all whole-line patterns, not one per pattern
                chosen.append((False, _line_alternation([self.lines[i] for i in lines])))
            self._compiled[key] = re.compile(factor_boundaries(chosen), re.MULTILINE) if chosen else None
        return self._compiled[key]

    def __getstate__(self) -> dict:
        # a cached pack compiles nothing on loading
        return {**self.__dict__, "_compiled": {}, "singles": LazyPatterns(self.singles.sources, re.MULTILINE)}


def merged(regexes: list[re.Pattern[str]], text: str) -> Iterator[re.Match[str]]:
    """The matches of the alternation ``regexes[0]|regexes[1]|...`` (none of which matches
    empty text), from one search of each: the leftmost, the earliest alternative among
    those starting there, then on from its end."""
    upcoming = [regex.search(text) for regex in regexes]
    resume = 0
    while True:
        best = None
        for i, m in enumerate(upcoming):
            if m is not None and m.start() < resume:  # overlaps the last match: search on
                m = upcoming[i] = regexes[i].search(text, resume)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return
        yield best
        resume = best.end()


def top_level_branches(regex: str) -> list[str]:
    """The alternatives of a pattern's outermost ``|`` (the pattern alone when it has none)."""
    depth, start, branches, i = 0, 0, [], 0
    in_class = False
    while i < len(regex):
        c = regex[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if regex[i + 1 : i + 2] == "]" or regex[i + 1 : i + 3] == "^]":
                i += 2 if regex[i + 1] == "]" else 3
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            branches.append(regex[start:i])
            start = i + 1
        i += 1
    branches.append(regex[start:])
    return branches


def _line_alternation(lines: list[str]) -> str:
    return rf"^[ \t]*(?:{'|'.join(lines)})[ \t\r]*$"


def _never_empty(source: str) -> bool:
    from newslint.word_prefixes import parser

    try:
        return parser.parse(source, re.MULTILINE).getwidth()[0] > 0
    except re.error:
        return False


def factor_boundaries(parts: list[tuple[bool, str]]) -> str:
    """Join alternatives, hoisting a shared ``\\b`` over each run of word-initial ones.

    Same matches in the same priority order; the engine then rejects most positions (inside
    words) with one test instead of one per pattern.
    """
    out: list[str] = []
    run: list[str] = []
    for at_word, part in [*parts, (False, "")]:
        if at_word:
            run.append(part)
            continue
        if run:
            out.append(rf"\b(?:{'|'.join(run)})")
            run = []
        if part:
            out.append(part)
    return "|".join(out)
