"""--fix and --unsafe-fixes: rewrite files with the fixes, then report what is left."""

from __future__ import annotations

import codecs

from click.testing import CliRunner

from newslint.cli import cli

STORY = "Talks  stall\r\n\r\nThe the minister said it was &amp; is a problem. He will return back on Friday.\r\n"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, ["check", *args, "--grammar", "off"], input=stdin)


def test_fix_applies_safe_fixes_keeps_crlf_and_bom_and_reports_the_rest(tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes(codecs.BOM_UTF8 + STORY.encode("utf-8"))
    result = run(str(story), "--fix")
    data = story.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert data[3:].decode("utf-8") == (
        "Talks stall\r\n\r\nThe minister said it was & is a problem. He will return back on Friday.\r\n"
    )
    assert "applied 3 fix(es) in 1 file(s)" in result.stderr
    assert "RD003" in result.stdout and "RD001" not in result.stdout and "EC002" not in result.stdout
    assert result.exit_code == 0  # only a warning left; --fail-on error


def test_unsafe_fixes_also_apply_fixes_that_need_a_reread(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8", newline="")
    result = run(str(story), "--unsafe-fixes")
    assert story.read_bytes().decode("utf-8").endswith("He will return on Friday.\r\n")
    assert result.exit_code == 0 and "no problems found" in result.stdout


def test_clean_file_is_not_rewritten(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Talks stall\n\nThe minister said it was a problem.\n", encoding="utf-8")
    before = story.stat().st_mtime_ns
    result = run(str(story), "--fix")
    assert result.exit_code == 0 and "applied" not in result.stderr
    assert story.stat().st_mtime_ns == before


def test_fix_refuses_stdin_with_one_line(tmp_path):
    result = run("-", "--fix", stdin=STORY)
    assert result.exit_code == 2 and "cannot rewrite standard input" in result.stderr
    assert "Traceback" not in result.output
