"""Markdown articles through markdown-it-py: the prose a reader of the rendered page sees.

Front matter's ``title`` (or ``headline``) becomes the headline; headings, paragraphs,
list items, quotes and table cells are the blocks; code, HTML, images, URLs and markup
marks are left out. markdown-it gives blocks their lines but not inline offsets, so each
inline text is found in the source from a cursor that only moves forward.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from newslint.markup.sourcemap import MarkupArticle, SourceMap
from newslint.positions import Positions

_TITLE = re.compile(r"^(?:title|headline)[ \t]*:[ \t]*(?P<q>[\"']?)(?P<value>.*?)(?P=q)[ \t]*$", re.M)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def parse(source: str, path: str) -> MarkupArticle:
    """The prose of a Markdown file, mapped to the source."""
    smap = SourceMap(source)
    lines = Positions(source).line_starts
    walker = _Walker(source, smap, lines)
    previous = None
    for token in _parser().parse(source):
        if token.type == "front_matter":
            walker.front_matter(token)
        elif token.type == "inline":
            walker.inline(token, heading=previous is not None and previous.type == "heading_open")
        previous = token
    return smap.finish(path, "markdown")


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[*_`#]", "", text).split()).casefold()


class _Walker:
    def __init__(self, source: str, smap: SourceMap, line_starts: list[int]) -> None:
        self.source, self.smap, self.line_starts = source, smap, line_starts
        self.cursor = 0
        self.title: str | None = None  # the front-matter title, which the page shows as its heading

    def _line_offset(self, line: int) -> int:
        return self.line_starts[line] if line < len(self.line_starts) else len(self.source)

    def front_matter(self, token: Token) -> None:
        start, end = self._line_offset(token.map[0]), self._line_offset(token.map[1])
        m = _TITLE.search(self.source, start, end)
        if m and m.group("value").strip():
            self.smap.add_span(m.start("value"), m.end("value"))
            self.smap.block_break()
            self.title = _folded(m.group("value"))
        self.cursor = end

    def inline(self, token: Token, heading: bool = False) -> None:
        start, limit = self._line_offset(token.map[0]), self._line_offset(token.map[1])
        if heading and self.title is not None and _folded(token.content) == self.title:
            self.title = None  # "# Title" repeating the front matter: the page shows it once
            self.cursor = max(self.cursor, limit)
            return
        self.cursor = max(self.cursor, start)
        self.limit = limit
        skip_text = 0
        for child in token.children or []:
            kind = child.type
            if kind == "text":
                if skip_text:
                    self._skip(child.content)
                else:
                    self._text(child.content)
            elif kind in ("softbreak", "hardbreak"):
                at = self.source.find("\n", self.cursor, limit)
                if at >= 0:
                    if not self.smap.at_space():
                        self.smap.put(" ", at, False)
                    self.cursor = at + 1
            elif kind in ("code_inline", "html_inline"):
                self._skip(child.content)
            elif kind == "image":
                self._skip(child.content)
                self._skip_destination()
            elif kind == "link_open":
                if child.markup in ("autolink", "linkify"):
                    skip_text += 1
            elif kind == "link_close":
                if child.markup in ("autolink", "linkify"):
                    skip_text -= 1
                else:
                    self._skip_destination()
        self.smap.block_break()

    def _text(self, content: str) -> None:
        at = self.source.find(content, self.cursor, self.limit)
        if at >= 0:
            self.smap.add_span(at, at + len(content))
            self.cursor = at + len(content)
            return
        # escapes (\*) or entities (&amp;) made the text differ from the source: align by character
        origins, editable = [], []
        for ch in content:
            at = self.source.find(ch, self.cursor, self.limit)
            if at < 0:
                origins.append(self.cursor), editable.append(False)
                continue
            origins.append(at)
            editable.append(not self.source[self.cursor : at].strip())  # nothing unescaped or decoded
            self.cursor = at + 1
        self.smap.add_chars(content, origins, editable)

    def _skip(self, content: str) -> None:
        self.smap.mark_skip()
        at = self.source.find(content, self.cursor, self.limit) if content else -1
        if at >= 0:
            self.cursor = at + len(content)

    def _skip_destination(self) -> None:
        """Past a link's ``](url "title")`` or ``][ref]``."""
        at = self.source.find("]", self.cursor, self.limit)
        if at < 0:
            return
        self.cursor = at + 1
        pairs = {"(": ")", "[": "]"}
        if self.cursor < len(self.source) and self.source[self.cursor] in pairs:
            close = self.source.find(pairs[self.source[self.cursor]], self.cursor, self.limit)
            if close >= 0:
                self.cursor = close + 1
