"""Grammar through a real, local LanguageTool server, driven through the CLI.

These tests start real servers. Without Java/Maven they skip, except under
NEWSLINT_REQUIRE_LANGUAGETOOL=1 (CI), where a missing LanguageTool fails them.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.grammar import Grammar
from newslint.languagetool.server import LanguageToolSession

from conftest import FIXTURES

pytestmark = pytest.mark.languagetool


@pytest.fixture(autouse=True)
def languagetool_installed(languagetool_dir):
    return languagetool_dir


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_grammar_error_found_through_a_local_server(tmp_path, monkeypatch):
    urls = []
    original = Grammar.close

    def record_then_close(self):
        if self._session is not None:
            urls.append(self._session.url)
        original(self)

    monkeypatch.setattr(Grammar, "close", record_then_close)
    story = tmp_path / "story.txt"
    story.write_text("Talks resume\n\nShe have been there for years.\n", encoding="utf-8")
    result = run("check", str(story), "--grammar", "required", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    doc = json.loads(result.stdout)
    grammar = [d for d in doc["files"][0]["diagnostics"] if d["category"] == "grammar"]
    assert grammar and grammar[0]["code"].startswith("LT:")
    assert grammar[0]["line"] == 3 and grammar[0]["column"] in (1, 5)
    assert urls and urls[0].startswith("http://127.0.0.1:")  # no public server contacted


def test_required_grammar_with_unreachable_server_exits_2(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Talks resume\n\nShe have been there.\n", encoding="utf-8")
    result = run("check", str(story), "--grammar", "required", "--languagetool-url", "http://127.0.0.1:9")
    assert result.exit_code == 2
    assert "grammar not checked" in result.output and "Traceback" not in result.output
    auto = run("check", str(story), "--grammar", "auto", "--languagetool-url", "http://127.0.0.1:9")
    assert auto.exit_code == 0 and "grammar not checked" in auto.output


def test_public_api_is_refused(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Talks resume\n\nShe have been there.\n", encoding="utf-8")
    result = run("check", str(story), "--grammar", "required", "--languagetool-url", "https://api.languagetool.org")
    assert result.exit_code == 2 and "grammar not checked" in result.output


def test_fixtures_gain_no_false_grammar_or_quote_findings():
    paths = [str(p) for p in sorted(FIXTURES.glob("*.txt"))]
    result = run("check", *paths, "--grammar", "required", "--format", "json", "--select", "LT")
    assert result.exit_code in (0, 1), result.output
    for entry in json.loads(result.stdout)["files"]:
        lt = [d for d in entry["diagnostics"] if d["code"].startswith("LT:")]
        assert not [d for d in lt if d["category"] == "quotes"], entry["path"]
        if "clean-" in entry["path"]:
            assert all(d["severity"] == "info" for d in lt), (entry["path"], lt)


def test_server_killed_mid_run_finishes_and_says_which_files_lacked_grammar(tmp_path, monkeypatch):
    for i in range(50):
        (tmp_path / f"a{i:02d}.txt").write_text(f"Story {i}\n\nShe have been there for {i} years.\n", encoding="utf-8")
    calls = {"n": 0}
    original = LanguageToolSession.check

    def killing_check(self, text):
        calls["n"] += 1
        if calls["n"] in (10, 30) and self._proc is not None:
            self._proc.kill()
            self._proc.wait()
        return original(self, text)

    monkeypatch.setattr(LanguageToolSession, "check", killing_check)
    monkeypatch.setattr(LanguageToolSession, "_reuse", lambda self: None)  # own the server, so it can die
    result = run("check", str(tmp_path), "--grammar", "auto", "--format", "json")
    doc = json.loads(result.stdout)
    assert len(doc["files"]) == 50  # every file reported
    lacking = [f["path"] for f in doc["files"] if any("grammar not checked" in n for n in f.get("notes", []))]
    checked = [f["path"] for f in doc["files"] if any(d["code"].startswith("LT:") for d in f["diagnostics"])]
    assert len(checked) >= 28  # restarted once after the first kill
    assert lacking and len(lacking) + len(checked) == 50
    assert f"grammar not checked for {len(lacking)} file(s)" in result.stderr


def test_languagetool_rule_examples():
    from newslint.article import Article
    from newslint.registry import default_registry

    info = default_registry().find("LT").info
    checker = Grammar("both", None, set(), progress=lambda msg: None)
    checker.start()
    try:
        for text in info.examples.fail:
            assert checker.check(Article(text), []), text
        for text in info.examples.ok:
            assert not [d for d in checker.check(Article(text), []) if d.severity.value != "info"], text
    finally:
        checker.close()


def test_lower_case_sentence_start_is_kept_for_body_prose_only():
    from newslint.languagetool.mapping import LTMatch, keep

    def match(text: str, at: str) -> bool:
        m = LTMatch(text.index(at), len(at), "UPPERCASE_SENTENCE_START", "CASING", "typographical", "", ("X",))
        return keep(m, set(), (), text)

    assert match("Talks stall\n\nThe talks ended. the envoy left.", "the envoy")
    assert not match("talks stall\n\nThe talks ended.", "talks stall")  # the headline
    assert not match("Talks stall\n\n- the envoy left\n\nThe talks ended.", "the envoy")  # a list item
    assert not match("Talks stall\n\nby our reporter\n\nThe talks ended.", "by our")  # a byline


def _speller_keeps(text: str, word: str, fixes: tuple[str, ...] = ("fix",)) -> bool:
    """Whether newslint keeps LanguageTool's spelling match on ``word`` in ``text``."""
    from newslint.languagetool.mapping import LTMatch, keep

    m = LTMatch(text.index(word), len(word), "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "", fixes)
    return keep(m, set(), (), text)


def test_languagetool_speller_kept_only_for_plain_words_we_do_not_know():
    assert _speller_keeps("The qwzxvb was late.", "qwzxvb")
    assert not _speller_keeps("The Stoltenberg plan.", "Stoltenberg")  # a name
    assert not _speller_keeps("The colour was red.", "colour")  # a word newslint knows
    assert not _speller_keeps("The qwzxvb was late.", "qwzxvb", ())  # nothing to offer


def test_languagetool_speller_kept_for_a_sentence_start_that_is_no_name():
    assert _speller_keeps("Therfor, I think there will be more cars.", "Therfor")
    assert _speller_keeps("Talks stall\n\nPrices rose. Additionaly, wages fell.", "Additionaly")
    assert not _speller_keeps("Therfor talks\n\nPrices rose.", "Therfor")  # the headline
    assert not _speller_keeps("Talks stall\n\nThey met Therfor and left.", "Therfor")  # mid-sentence: a name
    assert not _speller_keeps("Talks stall\n\nTherfor said no. Therfor left.", "Therfor")  # used twice: a name
    assert not _speller_keeps("Squad named\n\nThe squad is out.\n\nCoyne (Burnley), Jones (Wolves).", "Coyne")
    assert not _speller_keeps("Squad named\n\nThe squad is out.\n\nDudek, Finnan, Hyypia.", "Dudek")
    assert not _speller_keeps("Cup tie\n\nThey drew. Boro have already qualified.", "Boro")  # web text knows it


def test_languagetool_speller_kept_for_a_mid_sentence_slip_with_no_name_around_it():
    assert _speller_keeps("Talks stall\n\nThe tower is rare in Europe, so non Europian builders made it.", "Europian")
    assert _speller_keeps("Talks stall\n\nIt treats skills and Finall and experience alike.", "Finall")
    assert _speller_keeps("Talks stall\n\nThe birds use the North Satr to migrate.", "Satr")  # a common word before
    assert not _speller_keeps("Talks stall\n\nHe praised Martin Corry and Lewis Moody.", "Corry")  # a given name before
    assert not _speller_keeps("Talks stall\n\nPhotographer Jim de Booy then goes on the run.", "Booy")  # a particle
    assert not _speller_keeps("Talks stall\n\nThey signed a deal with Myrio, the firm.", "Myrio")  # no lower-case word after
    assert not _speller_keeps("Talks stall\n\nThe non Europian builders met Europian officials.", "Europian")  # used twice
    assert not _speller_keeps("Talks stall\n\nThe non Groval builders made it.", "Groval")  # two edits from "global"
    assert not _speller_keeps("Europian plans\n\nThe talks ended.", "Europian")  # the headline


def test_languagetool_speller_kept_for_a_lower_case_acronym():
    assert _speller_keeps("Talks stall\n\nIt plugged into the tv. Games were rubbish.", "tv", ("TV", "to"))
    assert _speller_keeps("Talks stall\n\nA dvd burner costs extra.", "dvd", ("DVD", "did"))
    assert not _speller_keeps("Talks stall\n\nDeeley co-hosted SM:tv, the show.", "tv", ("TV", "to"))  # part of a name
    assert not _speller_keeps("Talks stall\n\nHe told the German dpa news agency so.", "dpa", ("DPA", "spa"))  # its own style
    assert not _speller_keeps("Talks stall\n\nIt was in beta, ie trial, stage.", "ie", ("i.e.", "IE"))  # house style
    assert not _speller_keeps("Talks stall\n\nHe chatted on facebook all day.", "facebook", ("Facebook",))  # a name


def test_drop_reason_names_the_filter_that_drops_a_match():
    from newslint.languagetool.mapping import LTMatch, drop_reason

    def reason(rule: str, text: str, word: str) -> str | None:
        m = LTMatch(text.index(word), len(word), rule, "TYPOS", "misspelling", "", ("fix",))
        return drop_reason(m, {"WS002"}, (), text)

    assert reason("DASH_RULE", "Talks stall\n\nIt rose - then fell.", "-") == "dropped rule"
    assert reason("MORFOLOGIK_RULE_EN_US", "The Stoltenberg plan.", "Stoltenberg").startswith("speller")
    assert reason("COMMA_PARENTHESIS_WHITESPACE", "It ended , he said.", " ,") == "owned by WS002"
    assert reason("MORFOLOGIK_RULE_EN_US", "The qwzxvb was late.", "qwzxvb") is None


def test_a_can_suggested_after_a_modal_is_dropped():
    from newslint.languagetool.mapping import LTMatch, drop_reason

    def reason(text: str, phrase: str) -> str | None:
        m = LTMatch(text.index(phrase), len(phrase), "HAVE_THE_ABILITY_TO", "STYLE", "style", "", ("can",))
        return drop_reason(m, set(), (), text)

    assert reason("The child may not have the ability to work.", "have the ability to") == "'can' after a modal"
    assert reason("They will have the ability to vote.", "have the ability to") == "'can' after a modal"
    assert reason("People do not have the ability to choose.", "have the ability to") is None
    assert reason("They have the ability to vote.", "have the ability to") is None
