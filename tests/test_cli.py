"""The command line as a user meets it: output format, exit codes, clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from newslint.cli import cli

from conftest import FIXTURES

SEED = str(FIXTURES / "seed-article.txt")
CLEAN = str(FIXTURES / "clean-summit-quotes.txt")


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_text_output_is_compiler_style_with_summary():
    result = run("check", SEED, "--no-color")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0] == f"{SEED}:1:1: error: site breadcrumb 'Home Politics' before the text [BP001 breadcrumb]"
    assert lines[-1].endswith("in 1 file")


def test_clean_article_exits_zero():
    result = run("check", CLEAN)
    assert result.exit_code == 0, result.output
    assert "no problems found" in result.output


def test_json_shape_is_stable():
    result = run("check", SEED, "--format", "json")
    doc = json.loads(result.output)
    assert doc["version"] == 1 and doc["tool"]["name"] == "newslint"
    d = doc["files"][0]["diagnostics"][0]
    assert set(d) == {
        "code", "rule", "category", "severity", "message", "line", "column", "end_line",
        "end_column", "offset", "end_offset", "suggestions", "fix",
        "column_utf16", "end_column_utf16", "column_byte", "end_column_byte",
        "offset_utf16", "end_offset_utf16", "offset_byte", "end_offset_byte",
    }
    assert doc["summary"]["files"] == 1 and doc["summary"]["error"] >= 1
    text = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
    assert text[d["offset"] : d["end_offset"]] == "Home Politics"


def test_sarif_output_is_valid_json():
    doc = json.loads(run("check", SEED, "--format", "sarif").output)
    assert doc["version"] == "2.1.0" and doc["runs"][0]["results"]


def test_select_ignore_and_fail_on():
    assert "QT001" not in run("check", SEED, "--ignore", "QT").output
    only = run("check", SEED, "--select", "unbalanced-quote").output.splitlines()[:-1]
    assert only and all("QT001" in line for line in only)
    assert run("check", SEED, "--select", "QT002").exit_code == 0  # warnings only
    assert run("check", SEED, "--select", "QT002", "--fail-on", "warning").exit_code == 1


def test_unknown_selector_is_a_usage_error():
    result = run("check", SEED, "--select", "NOPE999")
    assert result.exit_code == 2 and "matches no rule" in result.output


def test_stdin(tmp_path):
    result = run("check", "-", input="Head\n\nThe the end.".encode())
    assert result.exit_code == 1 and "<stdin>:3:5:" in result.output


def test_bad_inputs_each_get_one_line_and_exit_2_but_others_are_checked(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 news".encode("latin-1"))
    args = ["check", str(tmp_path / "missing.txt"), str(tmp_path / "empty"),
            str(tmp_path / "binary.txt"), str(tmp_path / "latin1.txt"), SEED]
    proc = subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True)
    assert proc.returncode == 2
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 4, proc.stderr
    assert "no such file" in errors[0] and "no articles in folder" in errors[1]
    assert "binary file" in errors[2] and "invalid UTF-8" in errors[3]
    assert "Traceback" not in proc.stderr
    assert "BP001" in proc.stdout  # the good file was still checked


def test_explain_every_rule_and_unknown():
    from newslint.registry import default_registry

    for rule in default_registry().rules:
        out = run("explain", rule.info.code).output
        assert out.startswith(f"{rule.info.code} {rule.info.name}")
        assert "What it does" in out and "Why" in out and "flags:" in out
    assert run("explain", "NOPE").exit_code == 2


def test_rules_table_lists_every_rule():
    from newslint.registry import default_registry

    out = run("rules").output
    for rule in default_registry().rules:
        assert rule.info.code in out


def test_version_and_help():
    assert run("--version").output.startswith("newslint, version")
    assert "Exit codes" in run("--help").output


def test_the_command_exits_without_teardown_yet_loses_nothing(tmp_path):
    """``newslint`` leaves with ``os._exit`` (no heap teardown): the same output and exit code
    as the command line in process, the regex and dataclass caches still saved at exit, a
    usage error still exit 2, and a reader that stops early is no error."""
    env = dict(os.environ, NEWSLINT_CACHE_DIR=str(tmp_path / "cache"), NEWSLINT_GRAMMAR="off")
    args = ["check", "--format", "json", SEED]
    proc = subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True, env=env)
    assert proc.returncode == 1 and proc.stdout == CliRunner().invoke(cli, args).output
    assert list((tmp_path / "cache" / "compiled").glob("regex-*.records"))
    assert list((tmp_path / "cache" / "compiled").glob("dataclass-*.records"))
    usage = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-such-option"], capture_output=True,
                           text=True, env=env)
    assert usage.returncode == 2 and "No such option" in usage.stderr
    version = subprocess.run([sys.executable, "-m", "newslint", "--version"], capture_output=True, text=True, env=env)
    assert version.returncode == 0 and version.stdout.startswith("newslint")
    head = subprocess.run(f"{sys.executable} -m newslint check --format json {SEED} {SEED} {SEED} | head -c 10",
                          shell=True, capture_output=True, text=True, env=env)
    assert len(head.stdout) == 10 and "Traceback" not in head.stderr and "BrokenPipe" not in head.stderr
