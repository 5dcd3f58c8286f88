"""A very large article cut into pieces at paragraph breaks, each readable as an article.

Every piece after the first carries the article's head (headline and first paragraphs) in
front of its own text, so rules about the headline and the lead read the same head in every
piece, and the paragraphs around its own text (about CONTEXT_CHARS each side), so rules that
look a few sentences back or ahead see what they would see in the whole article. Offsets in
a piece map back to the article by one shift; only findings in a piece's own text count. A cut is made only at
a blank line (a line break when the article has no blank line) and never before a paragraph
that opens with a quotation mark, which may continue a quote from the paragraph before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

PIECE_CHARS = 300_000  # about 50,000 words: articles up to this size are checked whole
HEAD_PARAGRAPHS = 8  # paragraphs of the head every piece repeats (headline, byline, lead, top lines)
CONTEXT_CHARS = 2_000  # at least this much text before and after a piece's own text, as context

_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*")
_LINE_BREAK = re.compile(r"(?:\r\n|\r|\n)\s*")
_OPENING_QUOTES = "\"'“‘«„"


@dataclass(frozen=True, slots=True)
class Piece:
    """``text`` = the head, a separator, then article text from offset ``start`` (which sits at
    ``body`` in ``text``); ``text[own:own_end]`` is the piece's own text, and the paragraphs
    around it are context only. The first piece has no head: ``body`` and ``own`` are 0."""

    text: str
    start: int
    body: int
    own: int
    own_end: int

    @classmethod
    def whole(cls, text: str) -> "Piece":
        """A whole article as its only piece."""
        return cls(text, 0, 0, 0, len(text))

    def to_article(self, offset: int) -> int:
        """An offset in the piece as an offset in the article (the head sits at its own offsets)."""
        return offset if offset < self.body else self.start + offset - self.body

    def owns(self, offset: int) -> bool:
        """Whether something found at this offset belongs to this piece (not to its context)."""
        return self.own <= offset and (offset < self.own_end or self.own_end == len(self.text))

    @property
    def end(self) -> int:
        """Where the piece's own text ends, in the article."""
        return self.to_article(self.own_end)

    @property
    def own_text(self) -> str:
        return self.text[self.own : self.own_end]


def cut_points(text: str, size: int) -> list[int]:
    """Offsets where pieces of about ``size`` characters start; [0] when no cut fits."""
    breaks = _breaks(text)
    points = [0]
    position = size
    while position < len(text):
        cut = _next_cut(text, breaks, position)
        if cut is None:
            break
        points.append(cut)
        position = cut + size
    return points


def _breaks(text: str) -> re.Pattern[str]:
    """Paragraph breaks: blank lines, or line breaks in an article without a blank line."""
    return _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_BREAK


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
    end = 0
    for count, match in enumerate(_breaks(text).finditer(text, 0, limit), 1):
        end = match.start()
        if count == paragraphs:
            break
    return end


def pieces(text: str, size: int = PIECE_CHARS) -> Iterator[Piece]:
    """The article's pieces in text order; one piece (the whole text) when it is small."""
    points = cut_points(text, size)
    if len(points) == 1:
        yield Piece.whole(text)
        return
    breaks = _breaks(text)
    head_to = head_end(text, points)
    separator = breaks.match(text, head_to)
    head = text[:head_to] + (separator.group() if separator else "\n\n")  # the article's own break
    ends = points[1:] + [len(text)]
    for i, (own_from, own_to) in enumerate(zip(points, ends)):
        context_to = len(text)
        if own_to < len(text):
            context_to = _next_cut(text, breaks, own_to + CONTEXT_CHARS) or len(text)
        if i == 0:
            yield Piece(text[:context_to], 0, 0, 0, own_to)
            continue
        context_from = min(own_from, _next_cut(text, breaks, max(head_to, own_from - CONTEXT_CHARS)) or own_from)
        body = len(head)
        yield Piece(head + text[context_from:context_to], context_from, body,
                    body + own_from - context_from, body + own_to - context_from)
