"""The headline rules search a headline only when it holds what every match needs
(TR247's auxiliaries, ST005's marks): what each quick look passes over has no match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks import headline_passive, news_style

WORDS = ["was", "were", "has", "have", "had", "been", "is", "are", "being", "that", "arrested", "badly",
         "hurt", "Talks", "U.S", "Inc", "Co", "A", "it", "PM", "said", "“No”", "wasn't", "Were"]
MARKS = ["", "", ".", "!", "?", ",", "...", ".\n", "’", "'", ")"]
PASSIVE_WORDS = ["is", "are", "being", "that", "arrested", "badly", "hurt"]  # (a slip with "being" shows)


def _headlines(words: list[str]) -> st.SearchStrategy[str]:
    parts = st.tuples(st.sampled_from(words), st.sampled_from(MARKS), st.sampled_from([" ", " ", "  ", "\n"]))
    return st.lists(parts, max_size=10).map(lambda found: "".join(w + m + s for w, m, s in found).strip(" "))


@settings(max_examples=2000, deadline=None)
@given(_headlines(WORDS), _headlines(PASSIVE_WORDS))
def test_a_headline_passed_over_has_no_match(line: str, passive: str) -> None:
    if headline_passive._PASSIVE.search(passive):
        assert any(word in passive for word in headline_passive._AUXILIARY_WORDS)
    if headline_passive._PASSIVE.search(line):
        assert any(word in line for word in headline_passive._AUXILIARY_WORDS)
    if news_style._HEADLINE_FULL_STOP.search(line):
        assert news_style._may_end_in_full_stop(line)
    if news_style._HEADLINE_TWO_SENTENCES.search(line):
        assert not news_style._SENTENCE_MARKS.isdisjoint(line)
