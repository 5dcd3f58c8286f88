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


def test_languagetool_speller_kept_only_for_plain_words_we_do_not_know():
    from newslint.languagetool.mapping import LTMatch, keep

    def match(text: str, word: str, fixes: tuple[str, ...] = ("fix",)) -> bool:
        m = LTMatch(text.index(word), len(word), "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "", fixes)
        return keep(m, set(), (), text)

    assert match("The qwzxvb was late.", "qwzxvb")
    assert not match("The Stoltenberg plan.", "Stoltenberg")  # a name
    assert not match("The colour was red.", "colour")  # a word newslint knows
    assert not match("The qwzxvb was late.", "qwzxvb", ())  # nothing to offer


def test_languagetool_speller_kept_for_a_sentence_start_that_is_no_name():
    from newslint.languagetool.mapping import LTMatch, keep

    def match(text: str, word: str) -> bool:
        m = LTMatch(text.index(word), len(word), "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "", ("fix",))
        return keep(m, set(), (), text)

    assert match("Therfor, I think there will be more cars.", "Therfor")
    assert match("Talks stall\n\nPrices rose. Additionaly, wages fell.", "Additionaly")
    assert not match("Therfor talks\n\nPrices rose.", "Therfor")  # the headline
    assert not match("Talks stall\n\nThey met Therfor and left.", "Therfor")  # mid-sentence: a name
    assert not match("Talks stall\n\nTherfor said no. Therfor left.", "Therfor")  # used twice: a name
    assert not match("Squad named\n\nThe squad is out.\n\nCoyne (Burnley), Jones (Wolves).", "Coyne")
    assert not match("Squad named\n\nThe squad is out.\n\nDudek, Finnan, Hyypia.", "Dudek")
    assert not match("Cup tie\n\nThey drew. Boro have already qualified.", "Boro")  # web text knows it
