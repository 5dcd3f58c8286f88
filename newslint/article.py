"""Article: the text of one news story and its structure, with exact offsets.

Offsets into ``text`` (0-based, in code points) are the source of truth; line and
column (1-based, in code points) are derived once, here, for output.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property, lru_cache, wraps
from types import ModuleType
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")


class Span:
    """A half-open range [start, end) of the article text. Not to be changed once made: a
    plain class with slots, not a frozen dataclass, because an article makes dozens (its
    lines, paragraphs and sentences) and a frozen dataclass takes about three times as long
    to make one."""

    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Span:
            return NotImplemented
        return self.start == other.start and self.end == other.end  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __repr__(self) -> str:
        return f"Span(start={self.start!r}, end={self.end!r})"


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*", re.UNICODE)
"""A word of ``Article.words``: letters and digits, with inner apostrophes, hyphens, dots."""
ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:[’'\-.][A-Za-z0-9]+)*")
"""``WORD`` in a text whose word characters are all ASCII (newslint/ascii_words.py), where it finds the same."""
# Sentence end: terminal punctuation, optional closing quotes/brackets, then space.
# possessive and only at the start of a run of marks: linear on 200,000 full stops
# (the first mark read before the look back at the one before it: re then skips ahead to a mark)
_SENTENCE_END = re.compile(r"[.!?](?<![.!?].)[.!?]*+[\"'”’)\]]*+(?=\s++[\"“‘'(\[]?[A-Z0-9À-Þ])")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sen rep gov gen col lt sgt capt maj cmdr adm rev hon jr sr
    no vs etc inc ltd co corp bros jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.g i.e a.m p.m approx est dept univ mt ft""".split()
)


class Article:
    """One article: text, headline, paragraphs, sentences, words and quote spans."""

    def __init__(self, text: str, path: str = "<text>") -> None:
        if text.startswith("\ufeff"):
            text = text[1:]
        self.text = text
        self.path = path
        self.cache: dict[object, object] = {}  # per-article results shared by rules (pack matches)

    # ---- lines and positions -------------------------------------------------
    @cached_property
    def lines(self) -> list[Span]:
        """Every line, without its terminator (\\n, \\r\\n or \\r)."""
        text = self.text
        spans: list[Span] = []
        start = 0
        if "\r" not in text:  # line feeds only (most text): split in one call, no regex
            nonblank: list[tuple[int, Span]] = []
            for number, line in enumerate(text.split("\n"), 1):
                end = start + len(line)
                span = Span(start, end)
                spans.append(span)
                if line and not line.isspace():  # (``line.strip()`` is not empty)
                    nonblank.append((number, span))
                start = end + 1
            self.__dict__["_nonblank_lines"] = nonblank  # found on the way: every article asks
            return spans
        for m in _LINE_BREAK.finditer(text):
            spans.append(Span(start, m.start()))
            start = m.end()
        spans.append(Span(start, len(text)))
        return spans

    @cached_property
    def _line_starts(self) -> list[int]:
        return [s.start for s in self.lines]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of a 0-based character offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self.lines[index].start + 1

    def line_text(self, number: int) -> str:
        span = self.lines[number - 1]
        return self.text[span.start : span.end]

    def line_spans(self) -> Iterator[tuple[int, Span]]:
        """(1-based line number, span) of every line that has non-space text."""
        return iter(self._nonblank_lines)

    @cached_property
    def _nonblank_lines(self) -> list[tuple[int, Span]]:
        """``line_spans``, found once: the headline, the paragraphs and several rules ask."""
        lines = self.lines
        found = self.__dict__.get("_nonblank_lines")  # found while the lines were split
        if found is not None:
            return found  # type: ignore[no-any-return]
        text = self.text
        return [(i, span) for i, span in enumerate(lines, 1) if text[span.start : span.end].strip()]

    # ---- structure -----------------------------------------------------------
    @cached_property
    def headline(self) -> Span | None:
        """The first non-empty line, trimmed; plain text has no other marker. Found without
        splitting the whole text into lines when they are not known yet (a run compares the
        headlines of all its articles in the main process, HL002)."""
        if "lines" in self.__dict__:
            for _, span in self.line_spans():
                return _trim(self.text, span)
            return None
        text, start = self.text, 0
        for m in _LINE_BREAK.finditer(text):
            if text[start : m.start()].strip():
                return _trim(text, Span(start, m.start()))
            start = m.end()
        return _trim(text, Span(start, len(text))) if text[start:].strip() else None

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Blank-line separated blocks, trimmed; one per line when no line is blank."""
        nonblank = list(self.line_spans())
        if not nonblank:
            return []
        blank_separated = len(nonblank) < len(self.lines) - _trailing_blank_lines(self)
        text = self.text
        if not blank_separated:
            return [_trimmed(text, span.start, span.end) for _, span in nonblank]
        paragraphs: list[Span] = []
        start = end = None
        previous = None
        for number, span in nonblank:
            if previous is not None and number == previous + 1:
                end = span.end
            else:
                if start is not None:
                    paragraphs.append(_trimmed(text, start, end))
                start, end = span.start, span.end
            previous = number
        paragraphs.append(_trimmed(text, start, end))
        return paragraphs

    @cached_property
    def body_paragraphs(self) -> list[Span]:
        """Paragraphs after the headline line (the headline's own block keeps its other lines)."""
        head = self.headline
        if head is None:
            return []
        result = []
        for para in self.paragraphs:
            if para.end <= head.end:
                continue
            if para.start < head.end:
                rest = _trim(self.text, Span(head.end, para.end))
                if rest.end > rest.start:
                    result.append(rest)
                continue
            result.append(para)
        return result

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences within paragraphs; abbreviation-aware, never across paragraphs. Found by
        the native core when it is built (``python_sentences`` is its twin)."""
        found = _native_sentences(self)
        return self.python_sentences() if found is None else found

    def python_sentences(self) -> list[Span]:
        """``sentences`` in Python."""
        result: list[Span] = []
        for para in self.paragraphs:
            start = para.start
            chunk = self.text[para.start : para.end]
            for m in _SENTENCE_END.finditer(chunk):
                end = para.start + m.end()
                if _ends_with_abbreviation(self.text, start, para.start + m.start()):
                    continue
                result.append(_trimmed(self.text, start, end))
                start = end
            if start < para.end:
                result.append(_trimmed(self.text, start, para.end))
        return [s for s in result if s.end > s.start]

    @cached_property
    def words(self) -> list[Span]:
        """Word tokens (letters and digits, with inner apostrophes, hyphens, dots)."""
        return [Span(start, end) for start, end in self.word_spans]

    @cached_property
    def word_spans(self) -> list[tuple[int, int]]:
        """``words`` as (start, end) pairs: cheaper to make, for rules that walk every word."""
        return [m.span() for m in WORD.finditer(self.text)]

    def paragraph_index(self, offset: int) -> int:
        """Index into ``paragraphs`` of the paragraph holding an offset (or just before it)."""
        starts = [p.start for p in self.paragraphs]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    @cached_property
    def quotes(self) -> "QuoteAnalysis":  # noqa: F821 - imported lazily
        from newslint.quotes import analyse_quotes

        return analyse_quotes(self)

    def in_quote(self, offset: int) -> bool:
        """Whether an offset lies inside quoted speech."""
        return self.quotes.contains(offset)


def _native_sentences(article: Article) -> list[Span] | None:
    """``Article.sentences`` from the native core, or None without it (or for a text with
    no UTF-8 form: a lone surrogate)."""
    from newslint import native

    splitter = _native_splitter(native.module())
    if splitter is None:
        return None
    text = article.text
    try:
        spans = splitter.spans(text, [(p.start, p.end) for p in article.paragraphs],
                               lambda start, dot: _ends_with_abbreviation(text, start, dot))
    except UnicodeEncodeError:
        return None
    return [Span(start, end) for start, end in spans]


@lru_cache(maxsize=1)
def _native_splitter(core: ModuleType | None) -> object | None:
    """The native core's sentence splitter, made once per core (as the spelling split's is);
    None without it."""
    return core.SentenceSplitter(_ABBREVIATIONS) if core is not None else None


def _trim(text: str, span: Span) -> Span:
    return _trimmed(text, span.start, span.end)


def _trimmed(text: str, start: int, end: int) -> Span:
    """The span from ``start`` to ``end`` without white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _trailing_blank_lines(article: Article) -> int:
    count = 0
    for span in reversed(article.lines):
        if article.text[span.start : span.end].strip():
            break
        count += 1
    return count


def _ends_with_abbreviation(text: str, start: int, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation ("Mr.", "U.S.") or an initial."""
    if text[dot] != ".":
        return False
    if dot == start or text[dot - 1].isspace():
        return False  # no word before the period
    token = text[start:dot].rsplit(None, 1)[-1].lstrip("\"'“‘(").lower()  # the word before it
    if token in _ABBREVIATIONS:
        return True
    return len(token) == 1 and token.isalpha()


def per_article(compute: Callable[["Article"], T]) -> Callable[["Article"], T]:
    """Compute ``compute(article)`` once per article; every rule that asks shares the result."""

    @wraps(compute)
    def shared(article: Article) -> T:
        if shared not in article.cache:
            article.cache[shared] = compute(article)
        return article.cache[shared]  # type: ignore[return-value]

    return shared
