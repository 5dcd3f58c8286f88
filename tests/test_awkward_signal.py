"""TR600's second reading: the awkwardness model (newslint/awkward_signal.py) trained on expert ratings."""

from __future__ import annotations

from newslint import awkward_signal, sentence_signal
from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter

AWKWARD = ("Along the way, many tourists stopped to take photos and even cheer up the participants, "
           "showing the tourism charm of the city.")
FLUENT = "The festival, which attracts more than 100,000 visitors every year, was cancelled because of the weather."


def _marks(text: str, **config) -> list:
    linter = Linter(Config(grammar="off", source_language="zh", **config))
    return [d for d in linter.lint(Article(text, "<test>")) if d.code == "TR600"]


ZH = awkward_signal.READINGS["zh"]
# Awkward, though less so than AWKWARD.
MIDDLING = ("Along the way, many tourists stopped to take photos and cheer up the participants, "
            "showing the charm of the city.")


def test_both_sentences_are_ones_the_sentence_model_only_leans_towards():
    """The sentence model alone cannot tell them apart: neither reaches its threshold."""
    threshold = sentence_signal.model().threshold
    for sentence in (AWKWARD, FLUENT, MIDDLING):
        assert ZH.floor <= sentence_signal.score(sentence)[0] < threshold, sentence


def test_the_awkwardness_model_tells_the_awkward_sentence_from_the_fluent_one():
    for sentence in (AWKWARD, MIDDLING):
        assert awkward_signal.probability(sentence) >= ZH.threshold
    assert awkward_signal.probability(FLUENT) < ZH.threshold


def test_tr600_marks_a_leaning_sentence_the_awkwardness_model_reads_as_awkward_and_says_why():
    marks = _marks(f"Race day\n\n{AWKWARD}\n", select=("TR600",))
    assert len(marks) == 1
    assert "reads as translated from Chinese and awkward" in marks[0].message
    assert "'showing the tourism charm'" in marks[0].message  # the phrase that weighed most


def test_tr600_leaves_a_leaning_sentence_that_reads_as_fluent():
    assert not _marks(f"Festival off\n\n{FLUENT}\n")


def test_a_sentence_with_a_translated_phrase_is_marked_once_naming_the_phrase():
    """Leaning, awkward and holding TR054's opener: one mark, the supported one (it names the phrase)."""
    sentence = ("At present, many tourists stopped to take photos and even cheer up the participants, "
                "showing the tourism charm of the city.")
    assert sentence_signal.SUPPORTED_FLOOR <= sentence_signal.score(sentence)[0] < sentence_signal.model().threshold
    assert awkward_signal.probability(sentence) >= ZH.threshold
    marks = _marks(f"Race day\n\n{sentence}\n")
    assert len(marks) == 1
    assert "it holds 'At present,'" in marks[0].message


def test_awkward_marks_do_not_count_towards_the_articles_reading():
    """The article gate counts only the sentence model's own readings, as before."""
    article = Article(f"Race day\n\n{AWKWARD}\n", "<test>")
    assert sentence_signal.awkward(article, "zh")
    assert sentence_signal.marked_share(article)[0] == 0


def test_awkward_marks_need_copy_that_reads_as_translated():
    text = f"Race day\n\n{AWKWARD}\n"  # too short for the article signal
    assert not [d for d in Linter(Config(grammar="off")).lint(Article(text, "<test>")) if d.code == "TR600"]


def test_the_awkwardness_reading_is_for_copy_translated_from_chinese():
    """It learnt from rated translations of Chinese news, and editors found its marks on
    Russian copy too often fine: not applied when the source is Russian or another language."""
    text = f"Race day\n\n{MIDDLING}\n"
    assert _marks(text, select=("TR600",))  # source-language zh
    for source in ("ru", "de"):
        linter = Linter(Config(grammar="off", source_language=source, select=("TR600",)))
        assert not linter.lint(Article(text, "<test>")), source
