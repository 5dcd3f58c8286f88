"""A very large article cut into pieces at paragraph breaks, each readable as an article.

Every piece after the first carries the article's head (headline and first paragraphs) in
front of its own window, so rules about the headline and the lead read the same head in
every piece; offsets in a piece map back to the article by one shift. A cut is made only at
a blank line (a line break when the article has no blank line) and never before a paragraph
that opens with a quotation mark, which may continue a quote from the paragraph before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

PIECE_CHARS = 1_000_000  # about 170,000 words: articles up to this size are checked whole
HEAD_PARAGRAPHS = 8  # paragraphs of the head every piece repeats (headline, byline, lead, top lines)

_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*")
_LINE_BREAK = re.compile(r"(?:\r\n|\r|\n)\s*")
_OPENING_QUOTES = "\"'“‘«„"


@dataclass(frozen=True, slots=True)
class Piece:
    """``text`` = the head, a separator, then article text from ``start``; ``own`` is where
    this piece's own text begins inside ``text`` (0 for the first piece)."""

    text: str
    start: int
    own: int

    def to_article(self, offset: int) -> int:
        """An offset in the piece as an offset in the article (the head sits at its own offsets)."""
        return offset if offset < self.own else self.start + offset - self.own

    @property
    def end(self) -> int:
        """Where the piece's own text ends, in the article."""
        return self.to_article(len(self.text))

    def owns(self, offset: int) -> bool:
        """Whether a finding starting here belongs to this piece (not to the repeated head)."""
        return offset >= self.own


def cut_points(text: str, size: int) -> list[int]:
    """Offsets where pieces of about ``size`` characters start; [0] when no cut fits."""
    breaks = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_BREAK
    points = [0]
    position = size
    while position < len(text):
        cut = _next_cut(text, breaks, position)
        if cut is None:
            break
        points.append(cut)
        position = cut + size
    return points


def _next_cut(text: str, breaks: re.Pattern[str], position: int) -> int | None:
    """The start of the first paragraph at or after ``position`` that can begin a piece."""
    for match in breaks.finditer(text, position):
        cut = match.end()
        if cut < len(text) and text[cut] not in _OPENING_QUOTES:
            return cut
    return None


def head_end(text: str, breaks_at: list[int], paragraphs: int = HEAD_PARAGRAPHS) -> int:
    """Where the head ends: after its first ``paragraphs`` paragraphs, inside the first piece."""
    limit = breaks_at[1] if len(breaks_at) > 1 else len(text)
    breaks = _BLANK_LINE if _BLANK_LINE.search(text, 0, limit) else _LINE_BREAK
    end = 0
    for count, match in enumerate(breaks.finditer(text, 0, limit), 1):
        end = match.start()
        if count == paragraphs:
            break
    return end


def pieces(text: str, size: int = PIECE_CHARS) -> Iterator[Piece]:
    """The article's pieces in text order; one piece (the whole text) when it is small."""
    points = cut_points(text, size)
    if len(points) == 1:
        yield Piece(text, 0, 0)
        return
    head = text[: head_end(text, points)]
    separator = "\n\n" if _BLANK_LINE.search(text, 0, points[1]) else "\n"
    ends = points[1:] + [len(text)]
    for i, (start, end) in enumerate(zip(points, ends)):
        if i == 0:
            yield Piece(text[:end], 0, 0)
        else:
            yield Piece(head + separator + text[start:end], start, len(head) + len(separator))
