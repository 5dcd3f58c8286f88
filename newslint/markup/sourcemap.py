"""Prose built from a markup file, character by character, with where each came from."""

from __future__ import annotations

import re
from dataclasses import replace

from newslint.article import Article
from newslint.diagnostic import Diagnostic, Edit, Fix
from newslint.positions import Positions

# URLs are not prose: a reader does not proof-read them and rules must not see them
URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"”’]")


class SourceMap:
    """For each prose character: its offset in the source and whether a fix may rewrite it
    (copied verbatim, not collapsed whitespace, an entity or a block break)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.chars: list[str] = []
        self.origin: list[int] = []
        self.editable: list[bool] = []
        self.skipped = False  # something (code, a URL) left out since the last character

    def mark_skip(self) -> None:
        self.skipped = True

    # ---- building ----------------------------------------------------------------
    def put(self, ch: str, origin: int, editable: bool) -> None:
        if self.skipped and ch in ".,;:!?)" and self.chars and self.chars[-1] == " ":
            self.chars.pop(), self.origin.pop(), self.editable.pop()  # "see <url>." reads "see."
        if not ch.isspace():
            self.skipped = False
        self.chars.append(ch)
        self.origin.append(origin)
        self.editable.append(editable)

    def add_span(self, start: int, end: int) -> None:
        """Source text [start, end) as prose, copied verbatim."""
        self.add_chars(self.source[start:end], list(range(start, end)), [True] * (end - start))

    def add_chars(self, text: str, origins: list[int], editable: list[bool]) -> None:
        """Prose characters with their origins: URLs drop out, whitespace runs collapse to
        one space (rewritable only when it was one plain space)."""
        keep = [True] * len(text)
        for m in URL.finditer(text):
            keep[m.start() : m.end()] = [False] * (m.end() - m.start())
        run: list[int] = []
        for i, ch in enumerate(text):
            if not keep[i]:
                self.skipped = True
                continue
            if ch.isspace():
                run.append(i)
                continue
            self._flush_space(text, run, origins, editable)
            run = []
            self.put(ch, origins[i], editable[i])
        self._flush_space(text, run, origins, editable)

    def _flush_space(self, text: str, run: list[int], origins: list[int], editable: list[bool]) -> None:
        if not run or self.at_space():
            return
        single = len(run) == 1 and text[run[0]] == " " and editable[run[0]]
        self.put(" ", origins[run[0]], single)

    def at_space(self) -> bool:
        """Whether the prose is at a block start or after a space (so a space would double)."""
        return not self.chars or self.chars[-1] in " \n"

    def add_decoded(self, text: str, origin: int) -> None:
        """Text that does not appear as such in the source (an entity, an unescaped mark)."""
        self.add_chars(text, [origin] * len(text), [False] * len(text))

    def block_break(self) -> None:
        """End the current block: prose blocks are separated by one blank line."""
        while self.chars and self.chars[-1] in " \n":
            self.chars.pop(), self.origin.pop(), self.editable.pop()
        if self.chars:
            at = self.origin[-1] + 1
            for _ in range(2):
                self.put("\n", at, False)

    def text(self) -> str:
        return "".join(self.chars)

    def finish(self, path: str, kind: str) -> "MarkupArticle":
        """The article: the last block closed, no trailing blank lines, directives read."""
        from newslint.markup.directives import find_directives

        self.block_break()
        while self.chars and self.chars[-1] == "\n":
            self.chars.pop(), self.origin.pop(), self.editable.pop()
        article = MarkupArticle(self.text(), path, self.source, self, kind)
        article.directives = find_directives(self.source)
        return article

    # ---- mapping back ----------------------------------------------------------------
    def offset(self, prose: int) -> int:
        """The source offset of a prose offset (the end of the prose maps past its last char)."""
        if prose < len(self.origin):
            return self.origin[prose]
        return self.origin[-1] + 1 if self.origin else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source [start, end) of a prose span."""
        if end <= start:
            at = self.offset(start)
            return at, at
        return self.origin[start], self.origin[end - 1] + 1

    def edit_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Source span a fix may replace: verbatim, contiguous prose only; else None."""
        if end <= start:
            neighbours = [k for k in (start - 1, start) if 0 <= k < len(self.editable) and self.editable[k]]
            if not neighbours:
                return None
            k = neighbours[-1]
            return (self.origin[k],) * 2 if k == start else (self.origin[k] + 1,) * 2
        for k in range(start, end):
            if not self.editable[k] or (k > start and self.origin[k] != self.origin[k - 1] + 1):
                return None
        return self.origin[start], self.origin[end - 1] + 1


class MarkupArticle(Article):
    """An article read from markup: ``text`` is the prose, ``source`` the file's text."""

    def __init__(self, prose: str, path: str, source: str, source_map: SourceMap, kind: str) -> None:
        super().__init__(prose, path)
        self.source = source
        self.source_map = source_map
        self.kind = kind
        self.directives: list = []  # inline suppression comments found while parsing


def to_source(article: Article, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics with offsets, lines, columns and fixes in the file's coordinates; a fix
    that would touch markup is dropped (its suggestions stay)."""
    if not isinstance(article, MarkupArticle):
        return diagnostics
    smap, positions = article.source_map, Positions(article.source)
    out = []
    for d in diagnostics:
        start, end = smap.span(d.offset, d.end_offset)
        fix = d.fix
        if fix is not None:
            edits = []
            for e in fix.edits:
                span = smap.edit_span(e.offset, e.end_offset)
                if span is None:
                    edits = None
                    break
                edits.append(Edit(span[0], span[1], e.replacement))
            fix = Fix(tuple(edits), fix.applicability) if edits else None
        line, column = positions.line_index(start) + 1, positions.column(start)
        end_line, end_column = positions.line_index(end) + 1, positions.column(end)
        out.append(replace(d, offset=start, end_offset=end, line=line, column=column,
                           end_line=end_line, end_column=end_column, fix=fix))
    return out
