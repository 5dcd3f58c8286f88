"""The baseline: accept today's findings, fail only on new ones."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newslint.cli import cli

STORY = "Talks stall\n\nNATO chief Jens Stoltenberg met Stoltenberg aides. Stoltenburg said teh talks would resume.\n"


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args, "--grammar", "off"])


def test_written_baseline_hides_every_finding_and_exits_0(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    base = tmp_path / "base.json"
    assert run(str(story)).exit_code == 1
    written = run(str(story), "--write-baseline", str(base))
    assert written.exit_code == 0 and "wrote 2 finding(s)" in written.stderr
    entries = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert {(e["path"], e["code"], e["text"]) for e in entries} == {("story.txt", "SP001", "teh"), ("story.txt", "SP002", "Stoltenburg")}
    result = run(str(story), "--baseline", str(base))
    assert result.exit_code == 0 and "no problems found" in result.stdout
    assert "2 accepted finding(s)" in result.stderr


def test_new_finding_is_reported_even_after_lines_move(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    base = tmp_path / "base.json"
    run(str(story), "--write-baseline", str(base))
    # Two lines added above, and a second "teh": only the extra one is new.
    story.write_text(STORY.replace("\n\n", "\n\nThe meeting was in Brussels.\n\nIt lasted an hour.\n\n", 1) + "\nHe said teh end was near.\n", encoding="utf-8")
    result = run(str(story), "--baseline", str(base), "--format", "json")
    assert result.exit_code == 1
    entry = json.loads(result.stdout)["files"][0]
    assert [(d["code"], d["line"]) for d in entry["diagnostics"]] == [("SP001", 9)]
    assert entry["baseline_hidden"] == 2


def test_paths_are_relative_to_the_baseline_so_any_folder_works(tmp_path, monkeypatch):
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "story.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run("desk", "--write-baseline", "base.json")
    monkeypatch.chdir(desk)
    assert run("story.txt", "--baseline", str(tmp_path / "base.json")).exit_code == 0


def test_fixed_findings_are_reported_as_stale(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    base = tmp_path / "base.json"
    run(str(story), "--write-baseline", str(base))
    story.write_text(STORY.replace("teh", "the"), encoding="utf-8")
    result = run(str(story), "--baseline", str(base))
    assert result.exit_code == 0 and "1 accepted finding(s) no longer occur" in result.stderr


def test_missing_or_malformed_baseline_is_one_line_and_exit_2(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    missing = run(str(story), "--baseline", str(tmp_path / "nope.json"))
    assert missing.exit_code == 2 and "no such baseline file" in missing.stderr
    bad = tmp_path / "bad.json"
    for content in ("{not json", '{"findings": []}', '{"newslint-baseline": 1, "findings": [{"code": "SP001"}]}'):
        bad.write_text(content, encoding="utf-8")
        result = run(str(story), "--baseline", str(bad))
        assert result.exit_code == 2 and "Traceback" not in result.output, content
        assert str(bad) in result.stderr and len(result.stderr.strip().splitlines()) == 1
