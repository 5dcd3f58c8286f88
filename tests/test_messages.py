"""Messages say what is wrong with the text in front of them, and suggestions are text that
can replace the flagged span (issue 13: wrong messages seen on held-out articles)."""

from __future__ import annotations

import pytest

from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter
from newslint.packs import PackError, load_pack


def run(code: str, text: str, source_language: str | None = None):
    config = Config(select=(code,), source_language=source_language)
    return Linter(config).lint(Article(text, "<test>"))


def spans(code: str, text: str, **kwargs) -> list[str]:
    return [text[d.offset : d.end_offset] for d in run(code, text, **kwargs)]


def test_name_particles_make_a_full_name():
    text = "Talks stall\n\nPresident Ursula von der Leyen spoke. Later President von der Leyen left."
    assert spans("ST003", text, source_language="de") == []
    bare = "Talks stall\n\nPresident Leyen spoke."
    assert spans("ST003", bare, source_language="de") == ["President Leyen"]


def test_relative_month_is_called_relative():
    [d] = run("DT001", "Talks stall\n\nThe envoy will return on the 17th of next month.")
    assert "relative" in d.message and "no month" not in d.message
    assert d.suggestions == ()


def test_day_without_month_advises_in_the_message_not_in_suggestions():
    [d] = run("DT001", "Talks stall\n\nHe responded on the 23rd that each country may choose.")
    assert "no month" in d.message and "weekday" in d.message
    assert d.suggestions == ()


def test_in_addition_also_underlines_the_connective_with_its_own_advice():
    text = "Talks stall\n\nIn addition, at the annual press conference, Putin also talked about expansion."
    [d] = run("RD002", text)
    assert text[d.offset : d.end_offset] == "In addition"
    assert "'also'" in d.message and "remained high" not in d.message
    assert d.suggestions == ()


def test_tension_tautology_keeps_its_advice():
    [d] = run("RD002", "Talks stall\n\nTensions with the US have continued to be tense.")
    assert "remained high" in d.message


def test_repeated_word_quotes_the_flagged_copy():
    text = "Talks stall\n\nThe the talks ended."
    [d] = run("RD001", text)
    assert text[d.offset : d.end_offset] == "the"
    assert d.message == "'the' repeated"


@pytest.mark.parametrize("text", [
    "Talks stall\n\nHarrison was stabbed in a break-in in 1999.",
    "Talks stall\n\nAdd to this this new legislation, which ends privacy.",
])
def test_repeated_word_leaves_real_sequences_alone(text):
    assert spans("RD001", text) == []


def test_repeated_word_still_flags_a_doubled_demonstrative():
    assert spans("RD001", "Talks stall\n\nHe said this this morning.") == ["this"]


def test_a_title_naming_a_work_is_not_a_person():
    assert spans("ST001", "Song out\n\nIt was written for the Judge Dredd film soundtrack.") == []
    assert spans("ST001", "Trial opens\n\nJudge Dredd said the trial would go on.") == ["Judge Dredd"]


def test_a_show_title_with_an_exclamation_mark_is_one_headline():
    text = "Mamma Mia! Here We Go Again tops the box office\n\nThe sequel opened on Friday."
    assert spans("ST005", text) == []
    assert spans("ST005", "Talks fail. Envoy leaves\n\nThe talks failed on Friday.") == ["."]


def test_pack_suggestions_must_be_replacement_text(tmp_path):
    pack = tmp_path / "bad.yaml"
    pack.write_text(
        "pack: bad\nrules:\n  - {code: XX001, name: x, kind: phrase, category: style, severity: info,\n"
        "     summary: s, why: w, message: m, suggestion: '<source> said', patterns: ['\\bfoo\\b'],\n"
        "     examples: {fail: [foo], ok: [bar]}}\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError, match="advice"):
        load_pack(pack)


def test_group_references_fill_the_suggestion():
    text = "Payments stopped\n\nThe concerned officials were told to repay the money."
    [d] = run("TR142", text, source_language="fr")
    assert d.suggestions == ("The officials concerned",)
