"""Numbers and units broken in translation: what each rule suggests writing instead."""

from __future__ import annotations

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter
from newslint.checks.counting import spelled_out
from newslint.checks.numbers import number_problem


def _findings(code: str, body: str):
    return Linter(Config(select=(code,), grammar="off")).lint(Article("Harvest up\n\n" + body, "<t>"))


@pytest.mark.parametrize("token,expected", [
    ("1,316,900", None),
    ("4.5", None),
    ("12.05.2020", None),
    ("1,2,3", None),
    ("9,5", ("decimal-comma", "9.5")),
    ("1.234.567", ("dot-grouping", "1,234,567")),
    ("1.234,5", ("dot-grouping", "1,234.5")),
    ("4.176,000", ("malformed", None)),
    ("1.3169,000", ("malformed", None)),
])
def test_number_problem(token, expected):
    assert number_problem(token) == expected


@pytest.mark.parametrize("value,text", [(15_000, "15,000"), (13_300, "13,300"), (120_000_000, "120 million"),
                                        (500_000_000, "500 million"), (1_500_000_000, "1.5 billion")])
def test_spelled_out(value, text):
    assert spelled_out(value) == text


@pytest.mark.parametrize("code,body,suggestion", [
    ("TR212", "Of these, 13.3 thousand people died.", "13,300"),
    ("TR212", "Almost 9,5 thousand cases.", "9,500"),
    ("TR213", "Farmers earned 3 ten thousand yuan.", "30,000"),
    ("TR213", "It cost 5 hundred million yuan.", "500 million"),
    ("TR213", "Ten thousands of people came.", "Tens of thousands"),
    ("TR214", "It was adopted in 2019 year.", "in 2019"),
    ("TR211", "It measures 27,5 cm.", "27.5"),
])
def test_suggestions(code, body, suggestion):
    found = _findings(code, body)
    assert [d.suggestions[0] for d in found] == [suggestion]


def test_unit_message_gives_metric_figure():
    (finding,) = _findings("TR215", "A base of 960 mu was built.")
    assert "about 64 hectares" in finding.message


def test_unit_with_conversion_in_brackets_is_left_alone():
    assert not _findings("TR215", "Farmers earn 250 yuan from 960 mu (64 hectares) of soybeans.")


def test_decimal_comma_names_a_real_decimal_point_of_the_article():
    (finding,) = _findings("TR211", "Exports hit 4.176,000 tonnes, 2,5 more than the 3.5 planned.")
    assert "also writes '3.5'" in finding.message


def test_decimal_comma_before_thousand_is_reported_once_with_the_whole_figure():
    found = Linter(Config(select=("TR211", "TR212"), grammar="off")).lint(Article("H\n\nAlmost 9,5 thousand cases.", "<t>"))
    assert [(d.code, d.suggestions) for d in found] == [("TR212", ("9,500",))]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="19 20\u00a0year5٣x", max_size=60))
def test_year_then_year_is_the_regex_search(folded: str) -> None:
    """TR214's quick look for "2019 year" answers as its regex would (the rule then runs)."""
    from newslint.checks.counting import _YEAR_THEN_YEAR, year_then_year

    assert year_then_year(folded) == bool(_YEAR_THEN_YEAR.search(folded))


def test_year_then_year_finds_the_figure_before_spaces() -> None:
    from newslint.checks.counting import year_then_year

    assert year_then_year("in 2019  year the plan") and year_then_year("in 1999\u00a0years")
    assert not year_then_year("in 2019 the year") and not year_then_year("2019year") and not year_then_year("x 2119 year")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="0123456789.,-/_aZ \n", max_size=60))
def test_numbers_in_ascii_text_are_those_the_unicode_pattern_finds(text: str) -> None:
    """TR210/TR211 read an ASCII text's numbers with the ASCII pattern: the same matches."""
    from newslint.checks.numbers import NUMBER, NUMBER_IN_ASCII

    assert [m.span() for m in NUMBER_IN_ASCII.finditer(text)] == [m.span() for m in NUMBER.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["li", "mu", "jin", "qing", "poods", "verst", "catties", "arshin", "sazhen",
                                 "desyatinas", "dessiatina", "like", "Li", "5", "_", "x"]), max_size=8),
       st.lists(st.sampled_from([" ", "-", "\u00a0", "", ".", "é"]), min_size=8, max_size=8))
def test_a_unit_word_is_found_where_the_plain_pattern_finds_one(words, gaps) -> None:
    """TR215's first look at the units' first letters finds what the pattern without it finds."""
    import re

    from newslint.checks.units import _UNIT, _UNIT_WORD

    text = "".join(g + w for g, w in zip(gaps, words))
    plain = re.compile(rf"[ \u00a0-](?:{_UNIT})\b").search(text)
    found = _UNIT_WORD.regex.search(text)
    assert (found and found.span()) == (plain and plain.span())
