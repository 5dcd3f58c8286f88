"""Fault injection: a LanguageTool that dies, hangs, trickles or answers garbage never
produces a traceback or a stall; each failure is one line, and `--grammar required` exits 2."""

from __future__ import annotations

import subprocess
import time

import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.languagetool import server
from newslint.languagetool.client import LanguageToolUnavailable
from newslint.languagetool.server import LanguageToolSession

from fake_languagetool import FakeLanguageTool, good_match

TEXT = "She have been there."
GARBAGE = {
    "HTTP 500 with a JSON body": {"/v2/check": (500, {"matches": []})},
    "{} without matches": {"/v2/check": (200, {})},
    "a malformed match": {"/v2/check": (200, {"matches": [{"offset": "x"}]})},
    "a match outside the text": {"/v2/check": (200, {"matches": [good_match(-1311, 4)]})},
    "a match past the end": {"/v2/check": (200, {"matches": [good_match(10, 900)]})},
    "not JSON": {"/v2/check": (200, b"<html>hello</html>")},
    "an integer list of languages": {"/v2/languages": (200, [1, 2, 3])},
    "a dead connection": {"/v2/check": "die"},
}


def session(fake: FakeLanguageTool, timeout: float = 0.5) -> LanguageToolSession:
    return LanguageToolSession("en-US", remote_url=fake.url, timeout=timeout, connect_timeout=timeout)


def test_a_well_behaved_server_gives_matches_in_characters():
    text = "😀 She have been there."
    with FakeLanguageTool(matches=[good_match(7, 4)]) as fake:  # UTF-16: the emoji is two units
        matches = session(fake).check(text)
    assert [(m["offset"], m["length"], m["rule_id"]) for m in matches] == [(text.index("have"), 4, "HE_VERB_AGR")]


@pytest.mark.parametrize("case", list(GARBAGE))
def test_garbage_is_one_clear_error(case):
    with FakeLanguageTool(GARBAGE[case]) as fake:
        with pytest.raises(LanguageToolUnavailable) as caught:
            session(fake).check(TEXT)
    assert "\n" not in str(caught.value) and fake.url in str(caught.value)


@pytest.mark.parametrize("path", ["/v2/languages", "/v2/check"])
@pytest.mark.parametrize("mode", ["hang", "trickle"])
def test_a_hanging_or_trickling_server_is_given_up_at_the_deadline(path, mode):
    with FakeLanguageTool({path: mode}) as fake:
        start = time.monotonic()
        with pytest.raises(LanguageToolUnavailable, match="no complete answer within"):
            session(fake, timeout=0.6).check(TEXT)
        assert time.monotonic() - start < 5  # not 300 s, and a trickle does not reset it


def test_a_restarted_server_that_dies_again_is_an_error_not_a_traceback(monkeypatch):
    with FakeLanguageTool({"/v2/check": "die"}) as fake:
        starts = []

        def start_dead_own(self):
            starts.append(1)
            self._proc = subprocess.Popen(["true"])
            self._proc.wait()  # our "JVM" has exited: the server is gone
            return fake.url

        monkeypatch.setattr(LanguageToolSession, "_start_own", start_dead_own)
        s = LanguageToolSession("en-US", reuse_running=False, timeout=0.5, progress=lambda m: None)
        with pytest.raises(LanguageToolUnavailable, match="Remote end closed"):
            s.check(TEXT)  # dies, is restarted, dies again during the retried check
        with pytest.raises(LanguageToolUnavailable, match="died again; not restarting"):
            s.check(TEXT)
    assert len(starts) == 2  # restarted once, not more


@pytest.mark.parametrize("case", ["HTTP 500 with a JSON body", "a malformed match", "an integer list of languages"])
def test_cli_required_exits_2_and_auto_goes_on_with_a_note(tmp_path, case):
    story = tmp_path / "story.txt"
    story.write_text("Talks resume\n\nShe have been there.\n", encoding="utf-8")
    with FakeLanguageTool(GARBAGE[case]) as fake:
        required = CliRunner().invoke(cli, ["check", str(story), "--grammar", "required", "--languagetool-url", fake.url])
        auto = CliRunner().invoke(cli, ["check", str(story), "--grammar", "auto", "--languagetool-url", fake.url])
    assert required.exit_code == 2, required.output
    assert "error: grammar not checked" in required.stderr
    assert auto.exit_code == 0 and "warning: grammar not checked" in auto.stderr
    assert "Traceback" not in required.output + auto.output


def test_cli_hanging_server_times_out(tmp_path, monkeypatch):
    monkeypatch.setattr(server, "CHECK_TIMEOUT", 0.5)
    monkeypatch.setattr(server, "CONNECT_TIMEOUT", 0.5)
    story = tmp_path / "story.txt"
    story.write_text("Talks resume\n\nShe have been there.\n", encoding="utf-8")
    with FakeLanguageTool({"/v2/check": "hang"}) as fake:
        result = CliRunner().invoke(cli, ["check", str(story), "--grammar", "required", "--languagetool-url", fake.url])
    assert result.exit_code == 2 and "no complete answer within" in result.stderr


@pytest.mark.parametrize("url", ["https://languagetool.org.", "https://API.LanguageTool.org./v2",
                                 "http://api.languagetoolplus.com:80", "languagetool.org"])
def test_public_hosts_are_refused_in_every_spelling(url):
    with pytest.raises(LanguageToolUnavailable, match="refusing the public"):
        LanguageToolSession(remote_url=url)


def test_a_planted_server_json_is_not_trusted(tmp_path):
    """server.json naming a listener that is not our LanguageTool JVM is ignored."""
    import json
    import os

    with FakeLanguageTool() as fake:  # answers like LanguageTool, but is not our JVM
        for pid in (os.getpid(), 1):
            (tmp_path / "server.json").write_text(json.dumps({"url": fake.url, "pid": pid}), encoding="utf-8")
            assert server.find_running(tmp_path) is None
