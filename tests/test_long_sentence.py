"""RB001 counts a sentence's words only where its white space allows enough of them
(newslint/checks/readability.py); it reports what counting every sentence reports."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article import Article
from newslint.checks import readability
from newslint.registry import default_registry
from newslint.rule import CheckContext

WORDS = st.sampled_from(["the", "plan", "said", "a", "Talks", "—", "it.", "“No”", "3", "é", "x"])
SPACES = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "\r\n", "\x1c", "\x0c", "\u00a0", " \n "])


def _findings(text: str, limit: int, notice: int) -> list[tuple[int, int, str, object]]:
    rule = default_registry().find("RB001")
    context = CheckContext(options={"max-words": limit, "info-words": notice})
    return [(f.start, f.end, f.message, f.severity) for f in rule.check(Article(text), context)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, SPACES), min_size=1, max_size=70), st.integers(1, 12), st.integers(0, 12))
def test_the_quick_look_reports_what_counting_every_sentence_reports(pieces, limit, notice):
    text = "Talks stall\n\n" + "".join(w + s for w, s in pieces) + "end."
    counted = _findings_counting_every_sentence(text, limit, notice)
    assert _findings(text, limit, notice) == counted


def _findings_counting_every_sentence(text: str, limit: int, notice: int) -> list:
    original = readability._OTHER_ASCII_SPACE
    readability._OTHER_ASCII_SPACE = original + " "  # every text has a space: no quick look
    try:
        return _findings(text, limit, notice)
    finally:
        readability._OTHER_ASCII_SPACE = original
