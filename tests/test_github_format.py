"""--format github: property escaping, the summary line, and the job summary."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from newslint.cli import cli
from newslint.formatters.github import escape_property

TEXT = "Home News\n\nThe the council met.  It said it would  return back later.\n"


def test_property_escaping_keeps_commas_and_colons_inside_the_file_name():
    assert escape_property("a,b:c%d\ne") == "a%2Cb%3Ac%25d%0Ae"


def test_annotations_summary_line_and_step_summary(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("one, two.txt").write_text(TEXT, encoding="utf-8")
    step = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(step))
    result = CliRunner().invoke(cli, ["check", "--format", "github", "one, two.txt"])
    lines = result.output.splitlines()
    annotations = [ln for ln in lines if ln.startswith("::")]
    assert annotations and all(ln.split(" ", 1)[1].startswith("file=one%2C two.txt,line=") for ln in annotations)
    assert lines[-1].startswith("newslint: ") and "in 1 file" in lines[-1]
    table = step.read_text(encoding="utf-8")
    assert table.startswith("## newslint") and table.count("| one, two.txt |") == len(annotations)


def test_summary_line_says_when_github_hides_annotations(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    Path("s.txt").write_text("Head\n\n" + "The the cat.  " * 12 + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "github", "--select", "WS001", "s.txt"])
    assert result.output.count("::warning ") + result.output.count("::error ") >= 11
    assert "GitHub shows 10 annotations of each type" in result.output.splitlines()[-1]
