"""Breadcrumbs glued to a line ("Home › World › Putin says ..."): the quick look at a line's
first word must never lose one the patterns would find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.breadcrumbs import SECTIONS, breadcrumb_by_patterns, breadcrumb_end

_WORDS = SECTIONS.split("|") + ["Home", "home", "HOME", "News", "The", "homepage", "Newsroom", "Putin", '"We', "3",
                                "ſport", "\u212aorea", "Asia-Pacific", "middle  east"]
_SEPARATORS = [" ", " › ", ">", " | ", "/", ":", "&gt;", "-", "\t", "»", " & ", ""]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(["", "upper", "title"]), st.sampled_from(_SEPARATORS)),
                min_size=1, max_size=5),
       st.sampled_from(["Putin says", '"We', "3 die", "", "x"]))
def test_quick_look_finds_what_the_patterns_find(parts: list[tuple[str, str, str]], rest: str) -> None:
    line = "".join((getattr(w, case)() if case else w) + sep for w, case, sep in parts) + rest
    assert breadcrumb_end(line) == breadcrumb_by_patterns(line)


def test_breadcrumbs_are_found_and_body_lines_are_not() -> None:
    assert breadcrumb_end("Home › World › Putin says no") == len("Home › World › ")
    assert breadcrumb_end("News World Putin says no") == len("News World ")
    assert breadcrumb_end("WORLD / EUROPE / Talks fail") == len("WORLD / EUROPE / ")
    assert breadcrumb_end("The government said so.") == 0
    assert breadcrumb_end("\u212aorea › World › Talks") == breadcrumb_by_patterns("\u212aorea › World › Talks")
