"""Tests for the offline spelling lexicon (newslint.spelling.lexicon)."""

from __future__ import annotations

import time

import pytest

from newslint.spelling.lexicon import Lexicon


@pytest.fixture(scope="module")
def both() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def us() -> Lexicon:
    return Lexicon.load("en-US")


@pytest.fixture(scope="module")
def gb() -> Lexicon:
    return Lexicon.load("en-GB")


@pytest.mark.parametrize(
    ("typo", "correct"),
    [("determin", "determine"), ("goverment", "government"), ("recieved", "received")],
)
def test_real_typos_are_unknown_and_corrected_first(both: Lexicon, typo: str, correct: str) -> None:
    assert not both.known(typo)
    assert both.suggest(typo)[0] == correct


@pytest.mark.parametrize(
    "word", ["programme", "defence", "colour", "organise", "color", "organize", "program", "defense"]
)
def test_both_dialects_accepted_by_default(both: Lexicon, word: str) -> None:
    assert both.known(word)


def test_us_dialect_rejects_british_spellings(us: Lexicon) -> None:
    assert not us.known("colour")
    assert not us.known("defence")
    assert not us.known("organise")
    assert us.known("color") and us.known("organize") and us.known("program")


def test_gb_dialect_rejects_us_spellings(gb: Lexicon) -> None:
    assert not gb.known("color")
    assert not gb.known("organize")
    assert gb.known("colour") and gb.known("organise") and gb.known("programme")
    # "program" is British too (computer programs)
    assert gb.known("program")


def test_dialect_of(both: Lexicon) -> None:
    assert both.dialect_of("defence") == "en-GB"
    assert both.dialect_of("defense") == "en-US"
    assert both.dialect_of("organise") == "en-GB"
    assert both.dialect_of("organize") == "en-US"
    assert both.dialect_of("colour") == "en-GB"
    assert both.dialect_of("Colours") == "en-GB"
    assert both.dialect_of("color") == "en-US"
    assert both.dialect_of("programme") == "en-GB"
    assert both.dialect_of("program") is None
    assert both.dialect_of("house") is None
    assert both.dialect_of("xqzvv") is None


def test_dialect_suggestions(us: Lexicon, gb: Lexicon) -> None:
    assert gb.suggest("color")[0] == "colour"
    assert us.suggest("colour")[0] == "color"


def test_capitalisation(both: Lexicon) -> None:
    assert both.known("Government") and both.known("GOVERNMENT")
    assert both.known("English") and both.known("ENGLISH")
    assert not both.known("english")  # a name must keep its capital
    assert not both.known("gOVERNMENT")
    assert both.suggest("Goverment")[0] == "Government"
    assert both.suggest("GOVERMENT")[0] == "GOVERNMENT"


def test_possessives_and_hyphens(both: Lexicon) -> None:
    assert both.known("government's")
    assert both.known("government’s")
    assert both.known("ministers'")
    assert both.known("well-known")
    assert both.known("co-ordinator")
    assert both.known("pre-tax")
    assert both.known("year-olds")
    assert not both.known("well-knwon")
    assert both.suggest("goverment's")[0] == "government's"
    assert both.suggest("well-knwon")[0] == "well-known"


def test_contractions_and_numbers(both: Lexicon) -> None:
    assert both.known("don't") and both.known("don’t") and both.known("I'm")
    assert not both.known("dont")
    assert both.suggest("dont")[0] == "don't"
    assert both.known("1990s") and both.known("21st")


def test_run_together_words(both: Lexicon) -> None:
    assert not both.known("alot")
    assert both.suggest("alot")[0] == "a lot"


def test_load_is_cached_and_validates_dialect() -> None:
    assert Lexicon.load() is Lexicon.load("both")
    assert Lexicon.load("en_GB") is Lexicon.load("en-GB")
    with pytest.raises(ValueError):
        Lexicon.load("fr-FR")


def test_suggest_limit(both: Lexicon) -> None:
    assert len(both.suggest("seperate", limit=3)) <= 3
    assert both.suggest("seperate", limit=0) == []
    assert both.suggest("") == []


def test_fast_enough(both: Lexicon) -> None:
    words = ("the government said on Tuesday that the programme would continue " * 500).split()
    start = time.perf_counter()
    flagged = [w for w in words if not both.known(w)]
    elapsed = time.perf_counter() - start
    assert flagged == []
    assert elapsed < 0.5


def test_lower_case_word_tells_words_from_lower_cased_names(both: Lexicon) -> None:
    for word in ("china", "turkey", "chad", "reading", "japan"):
        assert both.lower_case_word(word), word
    for name in ("istanbul", "london", "yellowstone"):
        assert not both.lower_case_word(name), name
