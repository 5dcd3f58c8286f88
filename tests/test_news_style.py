"""News style: title with a bare surname on first reference (ST001, ST003) and long leads (ST002)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article import Article
from newslint.checks.news_style import (
    _NAME_WORD, _TITLE_NAME, _literal_starts, _titles_at_starts, _whole_word_starts, lead_sentence,
)
from newslint.config import Config, RuleSetting
from newslint.engine import Linter

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed-article.txt"


def run(code: str, text: str, source_language: str | None = None, **options):
    rules = {code: RuleSetting(options=options)} if options else {}
    config = Config(select=(code,), rules=rules, source_language=source_language)
    return Linter(config).lint(Article(text, "<test>"))


def flagged(code: str, text: str, **kwargs) -> list[str]:
    return [text[d.offset : d.end_offset] for d in run(code, text, **kwargs)]


# ---- title + bare surname ---------------------------------------------------------------

def test_seed_article_flags_stoltenberg_on_line_8():
    text = SEED.read_text(encoding="utf-8")
    [d] = run("ST001", text)
    assert (d.line, text[d.offset : d.end_offset]) == (8, "Secretary-General Stoltenberg")
    assert d.message == "'Secretary-General Stoltenberg' on first reference has no given name"


def test_seed_article_president_putin_when_translation_is_known():
    text = SEED.read_text(encoding="utf-8")
    [d] = run("ST003", text, source_language="zh")
    assert (d.line, text[d.offset : d.end_offset]) == (14, "President Putin")


def test_leader_rule_is_gated():
    text = "Talks stall\n\nPresident Putin said the talks had failed."
    assert flagged("ST003", text) == []
    assert flagged("ST003", text, source_language="ru") == ["President Putin"]


def test_full_name_first_then_title_and_surname_is_fine():
    text = (
        "Talks\n\nNATO Secretary General Jens Stoltenberg spoke. Later, Secretary General "
        "Stoltenberg said more, and Foreign Minister Lavrov left."
    )
    assert flagged("ST001", text) == ["Foreign Minister Lavrov"]


def test_only_the_first_reference_is_flagged_and_a_later_full_name_is_named():
    text = "Talks\n\nDefence Minister Gantz spoke. Defence Minister Gantz left. Benny Gantz returned."
    [d] = run("ST001", text)
    assert text[d.offset : d.end_offset] == "Defence Minister Gantz"
    assert d.message.endswith("the full name 'Benny Gantz' comes only later")


def test_bbc_style_references_are_fine():
    text = (
        "Blair defends plan\n\nPrime Minister Tony Blair and Chancellor Gordon Brown met. Mr Blair "
        "said the plan was fair; Dr Reid and Lord Falconer agreed, as did Mr Justice Eady and Lord "
        "Justice Rix. George W Bush and Attorney General Lord Goldsmith were told. Sales at General "
        "Motors fell; the Premier League and the Criminal Justice Bill were not discussed. King "
        "Charles and Pope Francis were not there, nor were the frigate Admiral Gorshkov and the "
        "Vice-Admiral Kulakov destroyer."
    )
    assert flagged("ST001", text) == []
    assert flagged("ST003", text, source_language="zh") == []


def test_given_names_with_accents_initials_and_particles():
    text = (
        "EU\n\nEC President José Manuel Barroso, Labour Minister Ghazi al-Gosaibi, Prime Minister "
        "Dominique de Villepin and Secretary of State Condoleezza Rice met."
    )
    assert flagged("ST001", text) == []
    assert flagged("ST003", text, source_language="fr") == []


def test_quoted_speech_and_headline_are_skipped():
    text = "Minister Lavrov visits\n\n\"Foreign Minister Lavrov will decide,\" the envoy said."
    assert flagged("ST001", text) == []


def test_multiword_titles_are_in_the_span():
    text = "Talks\n\nThe plan, said Vice-Admiral Kulakov and Secretary of State Blinken, failed."
    assert flagged("ST001", text) == ["Vice-Admiral Kulakov", "Secretary of State Blinken"]


# ---- lead length ---------------------------------------------------------------------------

LONG = (
    "NATO's secretary general said on Thursday in response to Russia's security proposals, which were "
    "published by the foreign ministry in Moscow last week and demand an end to eastward expansion, "
    "that the alliance had never promised anyone in Europe or elsewhere that it would not expand."
)


def test_seed_lead_skips_repeated_headlines_byline_and_dateline():
    text = SEED.read_text(encoding="utf-8")
    [d] = run("ST002", text)
    assert d.line == 8 and text[d.offset :].startswith("According to several media reports")
    assert (d.severity.value, d.message) == ("info", "lead of 38 words (over 30); consider a shorter one")


def test_long_lead_is_a_warning():
    [d] = run("ST002", "Talks\n\n" + LONG + " Officials agreed.")
    assert (d.severity.value, d.message) == ("warning", "lead of 46 words (over 40); split it")


def test_datelines_are_not_counted():
    for dateline in ("MOSCOW (Reuters) - ", "WASHINGTON, Dec 24 (AP) — ", "December 24 – ", "24 December 2021 - "):
        [d] = run("ST002", "Talks\n\n" + dateline + LONG)
        assert d.message.startswith("lead of 46 words"), dateline


def test_options():
    short = "Talks\n\nThe talks in Geneva between the two sides ended on Friday without an agreement, officials said."
    assert run("ST002", short) == []
    [d] = run("ST002", short, **{"info-words": 10})
    assert d.severity.value == "info"
    [d] = run("ST002", short, **{"max-words": 10})
    assert d.severity.value == "warning"
    assert run("ST002", "Talks\n\n" + LONG, **{"max-words": 60, "info-words": 0}) == []


def test_headline_is_not_the_lead_and_only_the_first_sentence_counts():
    text = "Talks in Geneva end without a deal\n\nThe talks ended. " + LONG
    assert run("ST002", text) == []
    assert Article(text).text[lead_sentence(Article(text)).start :].startswith("The talks ended.")


def test_a_quoted_lead_is_skipped():
    assert run("ST002", "Talks\n\n\"" + LONG[:-1] + ",\" he said.") == []


# ---- quick looks held to the patterns -------------------------------------------------------

# Titles written out (not read off the patterns), names, particles and what stands between words.
_TITLE_PIECES = (
    "Prime Minister", "President", "Premier", "Secretary-General", "Secretary General", "Secretary of State",
    "Secretary of the Treasury", "Attorney-General", "Governor General", "Director-General", "Surgeon General",
    "Inspector General", "Solicitor-General", "Vice-President", "Vice President", "Chancellor", "Minister",
    "Senator", "Sen.", "Governor", "Gov.", "Mayor", "General", "Gen.", "Admiral", "Adm.", "Colonel", "Col.",
    "Lt.", "Maj.", "Capt.", "Sgt.", "Marshal", "Brigadier", "Judge", "Justice", "Ambassador", "Commissioner",
    "Chairman", "Chairwoman", "Chairperson", "Superintendent", "Representative", "Rep.", "Congressman",
    "Congresswoman", "Councillor", "Cllr", "Archbishop", "Cardinal", "Ayatollah", "Chief Executive",
    "Chief Justice", "Chief Constable", "Deputy", "Foreign", "Defence", "Defense", "Labour", "Labor", "Home",
    "Acting", "Field", "Rear", "Lieutenant", "Major", "Shadow", "First", "Chief", "Trade",
    "Lavrov", "Stoltenberg", "Jens", "Sergei", "von", "der", "Leyen", "al-", "O'Brien", "Ghazi", "Motors",
    "the", "said", "Mr", "Vice", "Prime", "Pres", "Chair", "Secretary",
)
_GAPS = (" ", " ", "  ", "-", ".", ", ", "\n", "x", "é", "É", "’s ", "")


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TITLE_PIECES), st.sampled_from(_GAPS)), max_size=12),
       st.integers(0, 30), st.integers(0, 200))
def test_titles_are_tried_only_where_a_title_starts(pieces: list[tuple[str, str]], cut: int, end: int) -> None:
    """Trying the title regex only where ``_TITLE_STARTS`` finds a title's first letters finds
    what searching the whole text does, in a window of it too."""
    text = "".join(word + gap for word, gap in pieces)
    for start, stop in ((0, len(text)), (min(cut, len(text)), end)):
        expected = [(m.span(), m.groupdict()) for m in _TITLE_NAME.regex.finditer(text, start, stop)]
        assert [(m.span(), m.groupdict()) for m in _titles_at_starts(text, start, stop)] == expected, text


def test_literal_starts_read_each_alternative_up_to_its_first_pattern_character():
    assert _literal_starts(r"Secretary[- ]General|Sen\.|Labou?r|Chief Executive|Vice(?:-| )Chair|Mayor") == [
        "Secretary", "Sen", "Labo", "Chief", "Vice", "Mayor"]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="abAB é²_9-’", max_size=30), st.sampled_from(["ab", "a", "b", "AB", "é", "ba²"]))
def test_whole_word_starts_are_the_word_index(text: str, word: str) -> None:
    """A word's whole-word places found with str.find are where ``_NAME_WORD`` finds it."""
    word = _NAME_WORD.match(word).group()
    assert _whole_word_starts(text, word) == [m.start() for m in _NAME_WORD.finditer(text) if m.group() == word]
