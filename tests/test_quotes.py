"""Quote analysis: apostrophes, nesting, multi-paragraph quotes, merged paragraphs."""

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article import Article


def problems(text: str) -> list[tuple[str, str]]:
    a = Article(text)
    return [(p.problem, a.text[p.offset]) for p in a.quotes.problems]


def test_apostrophes_are_not_quotes():
    assert problems("H\n\nNATO’s ’90s rock ’n’ roll, the allies’ plans, don't 'em.") == []


def test_multi_paragraph_quote_convention():
    assert problems("H\n\n“One.\n\n“Two.\n\n“Three,” he said.") == []
    assert problems('H\n\n"One.\n\n"Two," he said.') == []


def test_unclosed_quote_before_narrative_paragraph():
    assert problems("H\n\nHe said: “One.\n\nThen he left.") == [("unclosed", "“")]


def test_quote_open_at_end_of_article():
    assert problems("H\n\nHe said: “One.") == [("unclosed", "“")]


def test_nested_single_inside_double():
    assert problems("H\n\nHe said: “The ‘red line’ stays,” firmly.") == []


def test_stray_closing_mark():
    assert problems("H\n\nThe talks ended.” Officials left.") == [("unopened", "”")]


def test_merged_paragraphs_reopen_a_quote():
    assert problems('H\n\n"We won. "It was hard," he said.') == []


def test_inch_marks_are_not_quotes():
    assert problems('H\n\nHe is 5\' 10" tall.') == []


def test_in_quote_spans():
    a = Article("H\n\nHe said “stop here” and left.")
    assert a.in_quote(a.text.index("stop"))
    assert not a.in_quote(a.text.index("left"))


def test_excerpts_cut_by_an_ellipsis_are_not_unbalanced():
    assert problems('H\n\n...n-eating amoeba") is a species.') == []
    assert problems('H\n\nHe said: "We will go to the...') == []
    assert problems('H\n\nHe said: "We will go to the shops.') == [("unclosed", '"')]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a \"'“”‘’„«»‚‹›\n—é", max_size=60))
def test_mark_offsets_are_where_the_mark_pattern_matches(text: str) -> None:
    from newslint.quotes import _MARK, mark_offsets

    assert mark_offsets(text) == [m.start() for m in _MARK.finditer(text)]
