"""The sentence-level translation model (newslint/sentence_signal.py) and TR600."""

from __future__ import annotations

from newslint import sentence_signal
from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter

TRANSLATED = (
    "It is reported that, according to the relevant person in charge of the bureau, the two sides said "
    "that they will further strengthen the exchanges and cooperation in the fields of trade, investment "
    "and tourism, that is, to promote the high-quality development of the relations of the two countries."
)
NATIVE = (
    "The two countries agreed on Monday to expand trade and tourism, officials said, after talks in "
    "Hanoi that both sides described as friendly."
)


def _codes(text: str, **config) -> list[str]:
    return [d.code for d in Linter(Config(grammar="off", **config)).lint(Article(text, "<test>"))]


def test_shape_keeps_common_words_and_masks_the_rest():
    model = sentence_signal.model()
    tokens = [t for t, _, _ in sentence_signal.shape("He said that Xi met 300 ambassadors", model.vocabulary)]
    assert tokens[:3] == ["he", "said", "that"]
    assert tokens[3:] == ["<C>", "<w>", "<n>", "<w>"]


def test_a_translated_sentence_scores_above_the_threshold_and_a_native_one_below():
    model = sentence_signal.model()
    assert sentence_signal.score(TRANSLATED)[0] >= model.threshold
    assert sentence_signal.score(NATIVE)[0] < model.threshold


def test_tr600_marks_the_sentence_and_quotes_the_phrases_that_weighed_most():
    article = Article(f"Talks held\n\n{NATIVE}\n\n{TRANSLATED}\n", "<test>")
    found = [d for d in Linter(Config(grammar="off", source_language="zh")).lint(article) if d.code == "TR600"]
    assert len(found) == 1
    assert article.text[found[0].offset:found[0].end_offset].startswith("It is reported that")
    assert "translated from Chinese" in found[0].message  # source-language given and "most)" in found[0].message


def test_tr600_needs_copy_that_reads_as_translated():
    short = ("It is reported that, according to the relevant person in charge, the two sides said that they "
             "will further strengthen exchanges.")
    text = f"Talks held\n\n{short}\n"  # 21 words: too short for the article signal
    assert "TR600" not in _codes(text)
    assert "TR600" in _codes(text, source_language="zh")


def test_a_sentence_finding_does_not_make_a_phrase_finding_give_way():
    """TR500 phrases yield to other translation findings on the same words, not to TR600."""
    text = ("Talks held\n\nIt is reported that the relevant person in charge said that the two sides will further "
            "strengthen exchanges and cooperation in all-round way, that is, to jointly promote the "
            "high-quality development of the relations of the two countries.\n")
    codes = _codes(text, source_language="zh")
    assert "TR600" in codes
    assert len([c for c in codes if c != "TR600"]) >= 2


def test_ordinary_english_is_scored_but_not_quoted_as_the_reason():
    sentence = ("According to the report, the two sides said that the relevant departments will further "
                "strengthen the prevention and control work, it is reported that.")
    _, positive = sentence_signal.score(sentence)
    assert any(key.startswith(("accord", "said that")) for _, key, _ in positive)  # they weigh...
    quoted = sentence_signal._phrases(sentence, positive)
    assert quoted and not any(q.lower() in ("according to", "said that") for q in quoted)  # ...but are not the reason
