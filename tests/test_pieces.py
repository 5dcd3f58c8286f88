"""A very large article is linted in pieces (bounded memory) with the findings of the whole."""

from __future__ import annotations

import re

import pytest

from newslint import readability
from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter
from newslint.pieces import pieces
from newslint.registry import default_registry

from conftest import FIXTURES


def _long_article() -> str:
    """The seed article, then every paragraph of every rule's examples: names, dialects,
    quote styles, entities and numbers that rules compare across the whole article."""
    paragraphs: list[str] = []
    for rule in default_registry().rules:
        for example in (*rule.info.examples.fail, *rule.info.examples.ok):
            body = example.split("\n\n", 1)[1] if "\n\n" in example else example
            paragraphs += [p.strip() for p in body.split("\n\n") if p.strip() and p.strip() not in paragraphs]
    british = [f"On day {i} the defence team organised the programme and the colour guard led." for i in range(8)]
    seed = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8").rstrip("\n")
    return seed + "\n\n" + "\n\n".join([*british, *dict.fromkeys(paragraphs)]) + "\n"


@pytest.fixture(scope="module")
def long_text() -> str:
    return _long_article()


@pytest.mark.parametrize("size", [1_500, 4_000])
@pytest.mark.parametrize("settings", [{}, {"source_language": "any"}], ids=["signal-gated", "all-rules"])
def test_pieces_find_what_the_whole_article_finds(long_text: str, size: int, settings: dict):
    assert len(list(pieces(long_text, size))) > 5  # the article really is cut
    whole = Linter(Config(**settings)).lint(Article(long_text, "long.txt"))
    linter = Linter(Config(**settings))
    linter.piece_chars = size
    by_pieces = linter.lint(Article(long_text, "long.txt"))
    assert by_pieces == whole  # codes, messages, lines, columns, offsets, fixes
    # rules that compare a place with the whole article, each with findings across pieces
    assert {"SP002", "SP003", "QT002", "ST001", "EN001", "EN010", "TR211"} <= {d.code for d in whole}


@pytest.mark.parametrize("breaks", [("\n", "\r\n"), ("[\r\n]+", "\n")], ids=["crlf", "one-line-paragraphs"])
def test_pieces_of_other_line_breaks_find_what_the_whole_article_finds(long_text: str, breaks: tuple[str, str]):
    text = re.sub(*breaks, long_text)
    assert len(list(pieces(text, 3_000))) > 5
    whole = Linter(Config()).lint(Article(text, "long.txt"))
    linter = Linter(Config())
    linter.piece_chars = 3_000
    assert linter.lint(Article(text, "long.txt")) == whole


def test_own_texts_tile_the_article_and_offsets_map_back(long_text: str):
    found = list(pieces(long_text, 2_000))
    assert "".join(p.own_text for p in found) == long_text
    for piece in found:
        assert all(piece.text[i] == long_text[piece.to_article(i)] for i in range(0, len(piece.text), 97))
        if piece.start:
            assert long_text[piece.to_article(piece.own)] not in "\"'“‘«„"  # never inside a running quote


def test_readability_figures_match_the_whole_article(long_text: str):
    article = Article(long_text, "long.txt")
    assert readability.summary(article, 2_000) == readability.summary(article)


def test_a_small_article_is_one_piece():
    text = "Talks stall\n\nThe minister met the envoy.\n"
    assert [p.text for p in pieces(text, 1_000)] == [text]
