"""Markdown and HTML articles: only what a reader of the rendered page sees is checked,
findings point into the file, and --fix rewrites only text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.api import Text, check
from newslint.article import Article
from newslint.cli import cli
from newslint.config import Config
from newslint.engine import Linter
from newslint.markup import make_article

STORY = Path(__file__).parent / "data" / "story.md"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def found(result) -> list[tuple[str, str]]:
    """(code, flagged source text) of each finding of a one-file run."""
    return [(d.code, result.text[d.offset : d.end_offset]) for d in result.diagnostics]


def test_markdown_reports_only_what_a_reader_of_the_rendered_article_sees():
    result = check([str(STORY)], grammar="off").results[0]
    assert found(result) == [("RD001", "the")]
    line = result.text.splitlines()[result.diagnostics[0].line - 1]
    assert line.startswith("Councillor Ann Smith said the the vote")
    # read as plain text, the same file gives many findings from front matter, code, comments and the table
    assert len(Linter(Config(grammar="off")).lint(Article(STORY.read_text(encoding="utf-8"), "x.txt"))) >= 5


def test_front_matter_title_is_the_headline_and_an_equal_h1_is_not_a_repeat():
    article = make_article(STORY.read_text(encoding="utf-8"), "story.md")
    assert article.text[article.headline.start : article.headline.end] == "Council backs riverside plan"
    assert article.text.count("Council backs riverside plan") == 1
    assert "rm -rf" not in article.text and "print(" not in article.text and "example.org" not in article.text
    assert "TODO" not in article.text and "|" not in article.text


def test_fix_rewrites_only_text(tmp_path):
    path = tmp_path / "story.md"
    shutil.copy(STORY, path)
    run("check", str(path), "--fix")
    before, after = STORY.read_text(encoding="utf-8"), path.read_text(encoding="utf-8")
    assert after == before.replace("said the the vote", "said the vote")


def test_markdown_findings_point_into_the_file_with_escapes_and_entities():
    text = "# Head\n\nA \\*starred\\* word &amp; the  the end, then `the the` code.\n"
    result = check([Text("s.md", text)], grammar="off").results[0]
    assert ("RD001", "the") in found(result)
    assert all(not text[d.offset : d.end_offset].startswith("`") for d in result.diagnostics)


def test_html_tags_scripts_and_comments_are_not_prose(tmp_path):
    page = ("<!DOCTYPE html><html><head><title>T</title><style>p {}</style>"
            "<script>var a = 'the the';</script></head><body>\n<h1>Council backs plan</h1>\n"
            "<p>The council <b>voted</b> on <code>x  y</code> and\n   the <a href='http://x.com'>the plan</a>"
            " &amp; more.</p>\n<!-- the the -->\n<p>She said the the vote was close.</p>\n</body></html>\n")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "b.htm").write_text(page.replace("Council backs plan", "Another story"), encoding="utf-8")
    out = run("check", str(tmp_path), "--format", "json")
    doc = json.loads(out.output)
    assert sorted(Path(f["path"]).name for f in doc["files"]) == ["a.html", "b.htm"]  # folder walks find them
    codes = [(d["code"], page[d["offset"] : d["end_offset"]]) for d in doc["files"][0]["diagnostics"]]
    assert codes == [("RD001", "the"), ("RD001", "the")], codes  # "the <a>the plan</a>" and "said the the"


def test_inline_suppression_directives():
    text = ("# Head\n\n<!-- newslint-disable RD001 -->\n\nOne the the.\n\n<!-- newslint-enable RD001 -->\n\n"
            "Two the the.\n\n<!-- newslint-disable-next-line repeated-word -->\nThree the the.\n\n"
            "Four the the.\n\n<!-- newslint-disable NOPE42 -->\n")
    result = check([Text("s.md", text)], grammar="off").results[0]
    lines = [text.splitlines()[d.line - 1] for d in result.diagnostics if d.code == "RD001"]
    assert lines == ["Two the the.", "Four the the."]
    assert any("NOPE42" in note for note in result.notes)


def test_stdin_filename_names_the_input_and_picks_the_parser():
    result = run("check", "-", "--stdin-filename", "desk/story.md", input=b"# Head\n\n`the the` is code.\n")
    assert result.exit_code == 0 and "desk/story.md" not in result.output  # no findings: code is skipped
    result = run("check", "-", "--stdin-filename", "desk/story.md", input=b"# Head\n\nThe the end.\n")
    assert result.output.startswith("desk/story.md:3:")


def test_fix_runs_to_a_fixed_point(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("Head\n\nThe the the cat sat &nbsp; on  the mat.\n", encoding="utf-8")
    result = run("check", str(path), "--fix")
    assert path.read_text(encoding="utf-8") == "Head\n\nThe cat sat on the mat.\n"
    assert result.exit_code == 0, result.output


def test_config_is_found_from_each_file_upward(tmp_path, monkeypatch):
    for name, ignore in (("a", "RD"), ("b", "WS")):
        (tmp_path / name).mkdir()
        (tmp_path / name / ".newslint.toml").write_text(f'ignore = ["{ignore}"]\n', encoding="utf-8")
        (tmp_path / name / "s.txt").write_text("Head\n\nThe the cat.  It sat.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run("check", "a", "b", "--format", "json")
    codes = {Path(f["path"]).parent.name: {d["code"] for d in f["diagnostics"]} for f in json.loads(out.output)["files"]}
    assert codes == {"a": {"WS001"}, "b": {"RD001"}}
    monkeypatch.setenv("NEWSLINT_CONFIG", str(tmp_path / "a" / ".newslint.toml"))
    out = run("check", "b", "--format", "json")
    assert {d["code"] for d in json.loads(out.output)["files"][0]["diagnostics"]} == {"WS001"}
    assert "ignore = ['RD']" in run("config", "b").output


def test_color_flags_and_no_color(monkeypatch):
    text = b"Head\n\nThe the end.\n"
    assert "\x1b[" in run("check", "-", "--color", "always", input=text).output
    assert "\x1b[" not in run("check", "-", "--color", "never", input=text).output
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("check", "-", input=text).output


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab.M/D\\ :x")), max_size=12))
def test_a_files_kind_comes_from_the_suffix_its_path_reads(name: str) -> None:
    """``kind_of`` reads a name's suffix without making a path, as the path reads it."""
    from pathlib import PurePath

    from newslint.markup import _suffix

    assert _suffix(name) == PurePath(name).suffix.lower()
