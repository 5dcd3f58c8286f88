"""SARIF output against the official OASIS 2.1.0 schema and what GitHub code scanning needs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from newslint.cli import cli

from conftest import FIXTURES

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
TEXT = "Home News\n\nThe the council met on Monday.  It said it would  return back later.\n"


def sarif(*args: str, input: bytes | None = None) -> dict:
    result = CliRunner().invoke(cli, ["check", "--format", "sarif", *args], input=input)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def validate(doc: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(doc)


def test_the_format_checker_rejects_a_bad_uri_reference():
    # guards the test itself: without a URI validator installed, formats pass unchecked
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                          "artifacts": [{"location": {"uri": "a b<c>.txt"}}]}]}
    with pytest.raises(jsonschema.ValidationError):
        validate(bad)


@pytest.mark.parametrize("name", ["story.txt", "my story, final.txt", "déjà vu #1.txt"])
def test_relative_paths_with_spaces_commas_and_accents_validate(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(TEXT, encoding="utf-8")
    doc = sarif(name)
    validate(doc)
    location = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uriBaseId"] == "%SRCROOT%"
    base = doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    from urllib.parse import unquote, urlparse
    assert Path(unquote(urlparse(base + location["uri"]).path)) == (tmp_path / name).resolve()


def test_absolute_path_is_a_file_uri(tmp_path):
    path = tmp_path / "a story.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc = sarif(str(path))
    validate(doc)
    uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and uri.endswith("/a%20story.txt")


def test_stdin_validates():
    validate(sarif("-", input=TEXT.encode()))


def test_seed_article_validates_with_rule_metadata_fixes_and_fingerprints():
    doc = sarif(str(FIXTURES / "seed-article.txt"))
    validate(doc)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for rule in rules:  # what GitHub code scanning reads for its rule pages
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"].startswith(rule["id"])
    results = run["results"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    fingerprints = [r["partialFingerprints"]["newslintFinding/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)
    fixed = [r for r in results if "fixes" in r]
    assert fixed
    change = fixed[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert set(change) == {"deletedRegion", "insertedContent"}


def test_fingerprint_survives_an_edit_above(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("s.txt").write_text(TEXT, encoding="utf-8")
    before = {r["ruleId"]: r["partialFingerprints"] for r in sarif("s.txt")["runs"][0]["results"]}
    Path("s.txt").write_text("Home News\n\nA new first paragraph.\n\n" + TEXT.split("\n\n", 1)[1], encoding="utf-8")
    after = {r["ruleId"]: r["partialFingerprints"] for r in sarif("s.txt")["runs"][0]["results"]}
    shared = set(before) & set(after)
    assert shared and all(before[c] == after[c] for c in shared)


def test_notes_become_notifications(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_GRAMMAR", "auto")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "no-cache"))
    monkeypatch.setenv("PATH", "/nonexistent")  # no java, no mvn: grammar cannot run
    doc = CliRunner().invoke(cli, ["check", "--format", "sarif", "--languagetool-url", "http://127.0.0.1:9",
                                   "-"], input=TEXT.encode())
    data = json.loads(doc.stdout)
    validate(data)
    notes = data["runs"][0].get("invocations", [{}])[0].get("toolExecutionNotifications", [])
    assert any("grammar not checked" in n["message"]["text"] for n in notes)


def test_microsoft_sarif_validator_github_rules(tmp_path, monkeypatch):
    """Microsoft's SARIF multitool with its GitHub (Gh) and SARIF rules: no error. Runs where
    SARIF_MULTITOOL names the Sarif.Multitool binary (.ci/run installs it from npm)."""
    import os
    import subprocess

    tool = os.environ.get("SARIF_MULTITOOL")
    if not tool or not Path(tool).exists():
        pytest.skip("SARIF_MULTITOOL not set (npm package @microsoft/sarif-multitool-linux)")
    monkeypatch.chdir(tmp_path)
    Path("my story, v2.md").write_text("# Head\n\nThe the end.  Done.\n", encoding="utf-8")
    log = tmp_path / "newslint.sarif"
    log.write_text(json.dumps(sarif("my story, v2.md", str(FIXTURES / "seed-article.txt"))), encoding="utf-8")
    done = subprocess.run([tool, "validate", "--rule-kind", "Gh;Sarif", "-o", str(tmp_path / "out.sarif"), str(log)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "Analysis completed successfully" in done.stdout, done.stdout + done.stderr
    assert ": error " not in done.stdout, done.stdout
