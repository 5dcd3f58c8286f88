"""A pack's patterns that are not tried at word starts, joined into one alternation per
article from those whose required text the article has (newslint/required_literals.py).

A pattern whose text is absent cannot match anywhere, so leaving it out of the alternation
changes no match; the seed article compiles none of these alternations' 4,700 characters.
"""

from __future__ import annotations

import re

from newslint.required_literals import Presence, needs


class RestPatterns:
    """Alternatives ``(starts with \\b, source)`` and whole-line alternatives, in order."""

    MOST = 64  # alternations kept per pack; past that, every article gets the full one

    def __init__(self, parts: list[tuple[bool, str]], lines: list[str]) -> None:
        self.parts = parts
        self.lines = lines
        self.part_needs = [needs(source) for _, source in parts]
        self.line_needs = [needs(source) for source in lines]
        self._compiled: dict[tuple[tuple[int, ...], tuple[int, ...]], re.Pattern[str] | None] = {}

    def every(self) -> re.Pattern[str] | None:
        """The alternation of every pattern (None when there are none)."""
        return self._get(tuple(range(len(self.parts))), tuple(range(len(self.lines))))

    def for_text(self, presence: Presence) -> re.Pattern[str] | None:
        """The alternation of the patterns that can match in this text (None: no pattern can)."""
        parts = tuple(i for i, need in enumerate(self.part_needs) if presence.meets(need))
        lines = tuple(i for i, need in enumerate(self.line_needs) if presence.meets(need))
        if (parts, lines) not in self._compiled and len(self._compiled) >= self.MOST:
            return self.every()
        return self._get(parts, lines)

    def _get(self, parts: tuple[int, ...], lines: tuple[int, ...]) -> re.Pattern[str] | None:
        key = (parts, lines)
        if key not in self._compiled:
            chosen = [self.parts[i] for i in parts]
            if lines:  # one line anchor for all whole-line patterns, not one per pattern
                chosen.append((False, rf"^[ \t]*(?:{'|'.join(self.lines[i] for i in lines)})[ \t\r]*$"))
            self._compiled[key] = re.compile(factor_boundaries(chosen), re.MULTILINE) if chosen else None
        return self._compiled[key]

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_compiled": {}}  # a cached pack compiles nothing on loading


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
