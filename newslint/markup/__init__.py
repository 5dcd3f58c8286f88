"""Markup articles (Markdown, HTML): the prose a reader sees, mapped back to the file.

A parser turns the file into ``MarkupArticle``: its ``text`` is the rendered prose (front
matter title as headline, one paragraph per block, code, URLs, comments and markup left
out) and its ``source_map`` turns any prose offset back into an offset of the file, so
findings point into the original and fixes rewrite only text.
"""

from __future__ import annotations

import os
from pathlib import PurePath

from newslint.article import Article
from newslint.sources import name_suffix
from newslint.markup.sourcemap import MarkupArticle, SourceMap, to_source

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")


def kind_of(name: str) -> str:
    """``markdown``, ``html`` or ``text``, from a file name's suffix."""
    suffix = _suffix(name)
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def _suffix(name: str) -> str:
    """``PurePath(name).suffix.lower()``, without making a path where the name's last part
    is plain (a run of thousands of files asks once a file)."""
    if "." not in name:
        return ""  # (most texts given by name: "<stdin>", "<text>")
    last = (name.replace(os.altsep, os.sep) if os.altsep else name).rpartition(os.sep)[2]
    if last in ("", "."):  # "story.md/", "story.md/.": the path's own reading of its parts
        return PurePath(name).suffix.lower()
    return name_suffix(last)


def make_article(text: str, name: str, kind: str | None = None) -> Article:
    """An article for a file's decoded text: markup parsed by its suffix (or ``kind``)."""
    kind = kind or kind_of(name)
    if kind == "markdown":
        from newslint.markup.markdown import parse

        return parse(text, name)
    if kind == "html":
        from newslint.markup.html import parse

        return parse(text, name)
    return Article(text, name)


def source_text(article: Article) -> str:
    """The file's text: the source of a markup article, else the article text itself."""
    return article.source if isinstance(article, MarkupArticle) else article.text


__all__ = ["MarkupArticle", "SourceMap", "kind_of", "make_article", "source_text", "to_source"]
