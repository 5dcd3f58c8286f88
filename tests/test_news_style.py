"""News style: title with a bare surname on first reference (ST001, ST003) and long leads (ST002)."""

from __future__ import annotations

from pathlib import Path

from newslint.article import Article
from newslint.checks.news_style import lead_sentence
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
