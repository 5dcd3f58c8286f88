"""An unchanged run is answered from the result cache without building the rules, and says
exactly what a full run says (newslint/cached_run.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_languagetool import FakeLanguageTool, good_match

from newslint import engine
from newslint.cli import cli

STORIES = {
    "a.md": "# Minister resigns over leak\n\nThe goverment said the talks would resume.\n",
    "b.md": "# Minister resigns over leak\n\nA second story, filed twice.\n",
    "c.md": "# Ports reopen\n\n<!-- newslint-disable XX999 -->\nThe the harbour opened on Monday.\n",
}


@pytest.fixture
def desk(tmp_path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text)
    return folder


def check(*args: str) -> dict:
    result = CliRunner().invoke(cli, ["check", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def findings(report: dict) -> dict[str, list[tuple[str, int, int]]]:
    return {Path(f["path"]).name: [(d["code"], d["line"], d["column"]) for d in f["diagnostics"]]
            for f in report["files"]}


def _rules_refused(monkeypatch) -> None:
    def refuse(self, config, registry=None):
        raise AssertionError("the rules were built for an unchanged run")

    monkeypatch.setattr(engine.Linter, "__init__", refuse)


def test_unchanged_run_is_answered_without_the_rules(result_cache_dir, desk, monkeypatch):
    first = check(str(desk))
    seen = findings(first)
    assert ("HL002", 1, 3) in seen["a.md"] and ("HL002", 1, 3) in seen["b.md"]  # the run-wide rule's part
    assert any(code == "SP001" for code, _, _ in seen["a.md"])
    assert any("XX999" in note for f in first["files"] for note in f.get("notes", []))
    _rules_refused(monkeypatch)
    assert check(str(desk)) == first


def test_a_changed_file_brings_back_the_full_run(result_cache_dir, desk, monkeypatch):
    check(str(desk))
    (desk / "b.md").write_text("# Minister denies leak\n\nA second story.\n")
    again = check(str(desk))
    assert "HL002" not in str(findings(again))  # no stale finding on the unchanged a.md
    assert again == check(str(desk), "--no-cache")
    assert "SP001" not in str(findings(check(str(desk), "--ignore", "SP")))  # another configuration


def test_a_damaged_record_means_the_usual_run(result_cache_dir, desk):
    first = check(str(desk))
    records = list((result_cache_dir / "results" / "settings").glob("*.pickle"))
    assert records
    for record in records:
        record.write_bytes(b"not a pickle")
    assert check(str(desk)) == first


@pytest.mark.languagetool
def test_grammar_findings_come_from_the_cache_too(result_cache_dir, desk, monkeypatch):
    with FakeLanguageTool(matches=[good_match(offset=2, length=8)]) as fake:
        args = (str(desk), "--grammar", "required", "--languagetool-url", fake.url)
        first = check(*args)
        assert "LT:HE_VERB_AGR" in str(first)
        asked = fake.requests.count("/v2/check")
        assert asked == len(STORIES)
        _rules_refused(monkeypatch)
        assert check(*args) == first
        assert fake.requests.count("/v2/check") == asked


def test_a_new_process_answers_without_importing_the_rules(result_cache_dir, desk):
    probe = ("import sys\nfrom newslint.api import check\n"
             f"run = check([{str(desk)!r}], grammar='off', cache_results=True, report=lambda m: None)\n"
             "print(sum(len(r.diagnostics) for r in run.results), 'newslint.registry' in sys.modules)")
    env = dict(os.environ, NEWSLINT_CACHE_DIR=str(result_cache_dir))

    def probe_run() -> list[str]:
        return subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True,
                              check=True).stdout.split()

    found, loaded = probe_run()
    assert loaded == "True" and int(found) > 0
    assert probe_run() == [found, "False"]
