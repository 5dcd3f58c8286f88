"""Quote analysis: which marks open, close or are apostrophes, and where quotes run.

A paragraph-aware state machine that knows the news conventions: a quote that runs on
into the next paragraph leaves its closing mark off and the next paragraph opens with a
quote mark; paragraphs merged by a scraper reopen a quote mid-line; an apostrophe
(NATO’s, ’90s, rock ’n’ roll, the countries’ leaders) is never a closing single quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, NamedTuple

if TYPE_CHECKING:
    from newslint.article import Article

DOUBLE_MARKS = frozenset('"“”„«»')
SINGLE_MARKS = frozenset("'‘’‚‹›")
STRAIGHT_MARKS = frozenset("\"'")
ALL_MARKS = DOUBLE_MARKS | SINGLE_MARKS
_MARK = re.compile(f"[{re.escape(''.join(sorted(ALL_MARKS)))}]")  # every mark (``mark_offsets``' definition)
_MARK_CHARACTERS = "".join(sorted(ALL_MARKS))


def mark_offsets(text: str) -> list[int]:
    """Where each quote-like character of ``text`` stands (``_MARK``), in order: each kind
    found with ``str.find``, which skips ahead at machine speed (and at once for a kind
    beyond the text's widest character), not by a regex that stops at every character."""
    found: list[int] = []
    for ch in _MARK_CHARACTERS:
        at = text.find(ch)
        while at != -1:
            found.append(at)
            at = text.find(ch, at + 1)
    found.sort()
    return found
_OPENERS_BEFORE = frozenset("([{—–-/\u00a0") | frozenset("“‘„«‹\"'")
_ELISIONS = ("em", "tis", "twas", "n", "cause", "til", "bout", "nuff", "round")


class Mark(NamedTuple):
    """One quote-like character and what it does here (a named tuple: an article with much
    quoted speech makes dozens, and a frozen dataclass takes about four times as long to make)."""

    offset: int
    char: str
    role: str  # "open", "close" or "apostrophe"
    kind: str  # "double" or "single"

    @property
    def straight(self) -> bool:
        return self.char in STRAIGHT_MARKS


@dataclass(frozen=True)
class QuoteProblem:
    """An opening mark never closed, or a closing mark with nothing open."""

    offset: int
    char: str
    problem: str  # "unclosed" or "unopened"
    kind: str


@dataclass
class QuoteAnalysis:
    """Marks, quoted spans and balance problems of one article."""

    marks: list[Mark] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    problems: list[QuoteProblem] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def contains(self, offset: int) -> bool:
        """Whether an offset lies inside a quoted span (marks included)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self.spans[i][1]

    def within(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The parts of quoted spans that lie within ``start``-``end``, in order: the offsets
        there are exactly those ``contains`` holds."""
        spans = self.spans
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        while i < len(spans) and spans[i][0] < end:
            a, b = max(spans[i][0], start), min(spans[i][1], end)
            if a < b:
                yield a, b
            i += 1


def _role(text: str, i: int, para_start: int, para_end: int, top: str | None, double_open: bool) -> tuple[str, str]:
    """Classify the mark at text[i] as (role, kind) from its neighbours, the innermost open
    quote's kind (``top``) and whether a double quote is open."""
    ch = text[i]
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < para_end else " "
    space_before = before.isspace() or before in _OPENERS_BEFORE
    if ch in STRAIGHT_MARKS and before.isdigit() and top is None:
        return "apostrophe", "single" if ch == "'" else "double"  # a prime: 5' 10"
    if ch in DOUBLE_MARKS:
        if ch in "“„«":
            return "open", "double"
        if ch in "”»":
            return "close", "double"
        if space_before and not after.isspace():
            return "open", "double"
        if not space_before and (after.isspace() or after in ",.;:!?)]…—–"):
            return "close", "double"  # after a word, before a space or punctuation
        return ("close" if double_open else "open"), "double"
    # single marks
    if ch == "‚":
        return "open", "single"
    if ch in "‹›":
        return ("open" if ch == "‹" else "close"), "single"
    word_after = _word_at(text, i + 1, para_end).lower()
    if before.isalnum() and after.isalnum():
        return "apostrophe", "single"  # NATO’s, don't
    if space_before:
        if word_after[:2].isdigit() or word_after in _ELISIONS:
            return "apostrophe", "single"  # ’90s, 'em, rock ’n’ roll
        if after.isalnum() or after in DOUBLE_MARKS:
            return "open", "single"
        return "apostrophe", "single"
    # mark after a word or punctuation
    if ch == "‘":
        return "apostrophe", "single"
    if top == "single":
        return "close", "single"
    return "apostrophe", "single"  # plural possessive: the countries’ leaders


def _word_at(text: str, i: int, end: int) -> str:
    j = i
    while j < end and text[j].isalnum():
        j += 1
    return text[i:j]


def analyse_quotes(article: "Article") -> QuoteAnalysis:
    """Walk every paragraph once and return marks, spans and problems."""
    text = article.text
    result = QuoteAnalysis()
    paragraphs = article.paragraphs
    offsets = mark_offsets(text)
    carried: int | None = None  # offset of a double quote carried over from the last paragraph
    cut_short = False  # the previous paragraph trails off in an ellipsis: an excerpt
    for index, para in enumerate(paragraphs):
        low, high = bisect.bisect_left(offsets, para.start), bisect.bisect_left(offsets, para.end)
        if low == high and carried is None:
            continue  # no mark and no quote carried in: nothing opens, closes or is left open
        stack: list[tuple[str, int, str]] = []  # (kind, offset, char)
        depth = {"single": 0, "double": 0}  # open marks of each kind on the stack
        first_mark_opens = False
        first = para.start
        if carried is not None:
            first_mark_opens = text[first] in "\"“«„"
            if not first_mark_opens and not cut_short:
                result.problems.append(QuoteProblem(carried, text[carried], "unclosed", "double"))
            carried = None
        for i in offsets[low:high]:
            ch = text[i]
            role, kind = _role(text, i, para.start, para.end, stack[-1][0] if stack else None, depth["double"] > 0)
            result.marks.append(Mark(i, ch, role, kind))
            if role == "open":
                if kind == "double" and depth["double"]:
                    # a reopened quote: merged paragraphs or a new sentence of speech
                    _close_to(stack, depth, "double", i, result)
                stack.append((kind, i, ch))
                depth[kind] += 1
            elif role == "close":
                if depth[kind]:
                    _close_to(stack, depth, kind, i + 1, result)
                elif kind == "double" and not _starts_cut_short(text, para.start):
                    result.problems.append(QuoteProblem(i, ch, "unopened", kind))
        doubles = [(o, c) for k, o, c in stack if k == "double"]
        if doubles:
            # "... and then..." : an excerpt (read only here: the next paragraph asks only
            # when a quote is carried into it, which is only from here)
            cut_short = _ends_cut_short(text, para.start, para.end)
            offset, _ = doubles[0]
            result.spans.append((offset, para.end))
            if index + 1 < len(paragraphs):
                carried = offset
            elif not cut_short:
                result.problems.append(QuoteProblem(offset, text[offset], "unclosed", "double"))
        else:
            for kind, offset, ch in stack:
                if ch == "‘":
                    result.problems.append(QuoteProblem(offset, ch, "unclosed", kind))
    result.spans = _merge(result.spans)
    result._starts = [s for s, _ in result.spans]
    result.problems.sort(key=lambda p: p.offset)
    return result


def _starts_cut_short(text: str, start: int) -> bool:
    """A paragraph that opens with an ellipsis is an excerpt: its quote may open before it."""
    return text.startswith(("...", "…"), start)


def _ends_cut_short(text: str, start: int, end: int) -> bool:
    """A paragraph that trails off in an ellipsis is an excerpt: its quote may close after it."""
    return text[start:end].rstrip("\"”’') ").endswith(("...", "…"))


def _close_to(stack: list[tuple[str, int, str]], depth: dict[str, int], kind: str, end: int,
              result: QuoteAnalysis) -> None:
    """Pop the stack down to and including the innermost open mark of ``kind``."""
    while stack:
        k, offset, _ = stack.pop()
        depth[k] -= 1
        if k == kind:
            result.spans.append((offset, end))
            return


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort and merge overlapping spans so that lookup by bisection is exact."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
