"""A relative day ("on the same day") whose day is named just before it is left alone."""

from __future__ import annotations

from newslint.article import Article
from newslint.config import Config
from newslint.day_context import day_named_before
from newslint.engine import Linter


def _at(text: str, phrase: str) -> bool:
    article = Article(text, "<test>")
    return day_named_before(article, text.index(phrase))


def test_a_day_named_in_the_paragraph_or_the_one_before_counts():
    assert _at("Talks\n\nThe envoy arrived on Monday. On the same day, talks began.\n", "On the same")
    assert _at("Talks\n\nThe envoy arrived on 8 March.\n\nOn the same day, talks began.\n", "On the same")
    assert _at("Talks\n\nThe envoy arrived on the 8th.\n\nOn the same day, talks began.\n", "On the same")


def test_a_day_named_only_after_or_two_paragraphs_back_does_not():
    assert not _at("Talks\n\nOn the same day, talks began. The envoy left on Monday.\n", "On the same")
    text = "Talks\n\nThe envoy arrived on Monday.\n\nHe met officials.\n\nOn the same day, talks began.\n"
    assert not _at(text, "On the same")


def test_the_mined_chinese_pattern_keeps_the_flag_through_the_pack():
    named = "Talks\n\nThe envoy arrived on Monday. On the same day, the ministry issued a statement.\n"
    bare = "Talks\n\nThe envoy arrived. On the same day, the ministry issued a statement.\n"

    def codes(text: str) -> set[str]:
        return {d.code for d in Linter(Config(source_language="zh", grammar="off")).lint(Article(text, "<test>"))}

    assert not {"TR501", "TR225"} & codes(named)
    assert {"TR501", "TR225"} & codes(bare)
