"""HTML articles through the standard library's HTMLParser: the text a browser shows.

Block elements (p, h1-h6, li, td, ...) are the blocks; script, style, code, pre, head and
the like are left out, as are comments, tags and URLs; whitespace collapses as a browser
collapses it; entities are decoded (and left to the markup: no fix rewrites them).
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from newslint.markup.sourcemap import MarkupArticle, SourceMap
from newslint.positions import Positions

BLOCKS = frozenset("""address article aside blockquote br caption dd div dl dt figcaption figure footer
form h1 h2 h3 h4 h5 h6 header hr li main nav ol p section table tbody td tfoot th thead tr ul""".split())
HIDDEN = frozenset("script style code pre head noscript template svg math kbd samp object iframe".split())
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


class _Prose(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.smap = SourceMap(source)
        self.line_starts = Positions(source).line_starts
        self.hidden = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in BLOCKS:
            self.smap.block_break()
        if tag in HIDDEN and tag not in VOID:
            self.hidden += 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in BLOCKS:
            self.smap.block_break()

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN and self.hidden:
            self.hidden -= 1
        if tag in BLOCKS:
            self.smap.block_break()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        start = self._offset()
        if self.smap.at_space():
            stripped = data.lstrip()
            start += len(data) - len(stripped)
            data = stripped
        self.smap.add_span(start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        if not self.hidden:
            self.smap.add_decoded(html.unescape(f"&{name};"), self._offset())

    def handle_charref(self, name: str) -> None:
        if not self.hidden:
            self.smap.add_decoded(html.unescape(f"&#{name};"), self._offset())


def parse(source: str, path: str) -> MarkupArticle:
    """The prose of an HTML file, mapped to the source."""
    parser = _Prose(source)
    parser.feed(source)
    parser.close()
    smap = parser.smap
    return smap.finish(path, "html")
