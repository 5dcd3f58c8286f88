"""Bad configuration and odd paths: one clear line and exit 2, never a traceback or a hang;
and a languagetool-url is taken only from the project's own config, said on stderr."""

from __future__ import annotations

import errno
import os

import pytest
from click.testing import CliRunner

from newslint.cli import cli

STORY = "Talks stall\n\nThe talks ended.\n"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def project(tmp_path, monkeypatch):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / ".git").mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def fails_cleanly(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.mark.parametrize("config, words", [
    ('words-file = "bad.txt"\n', ("words-file", "not UTF-8")),
    ('words-file = "/dev/zero"\n', ("not a regular file (a device)",)),
    ('ignore = ["ALL"]\n', ("no rule left to run",)),
    ('[rules.languagetool]\nlevel = "loud"\n', ("rules.languagetool.level", "must be one of")),
    ('[rules.languagetool]\nenable = [1, 2]\n', ("rules.languagetool.enable", "list of strings")),
    ('languagetool-url = "https://languagetool.org."\n', ("refusing the public LanguageTool API",)),
])
def test_bad_config_is_one_line_and_exit_2(project, config, words):
    (project / "bad.txt").write_bytes(b"Caf\xe9\n")
    (project / ".newslint.toml").write_text(config, encoding="utf-8")
    fails_cleanly(run("check", "story.txt", "--grammar", "off"), *words)


def test_tool_newslint_not_a_table(project):
    (project / "pyproject.toml").write_text("[tool]\nnewslint = 5\n", encoding="utf-8")
    fails_cleanly(run("check", "story.txt"), "[tool.newslint] must be a table")


def test_tool_not_a_table_in_an_ancestor_is_not_a_crash(tmp_path, project):
    (tmp_path / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")
    assert run("check", "story.txt").exit_code == 0


def test_a_pyproject_of_another_tool_is_not_newslints_to_judge(tmp_path, project):
    (tmp_path / "pyproject.toml").write_text("[tool.other\nbroken = \n", encoding="utf-8")
    assert run("check", "story.txt").exit_code == 0
    (tmp_path / "pyproject.toml").write_text("[tool.newslint\nbroken = \n", encoding="utf-8")
    fails_cleanly(run("check", "story.txt"), "invalid TOML")


def test_selecting_nothing_is_an_error(project):
    fails_cleanly(run("check", "story.txt", "--select", "LT:NOPE"), "no rule left to run")


def test_baseline_and_article_must_be_regular_files(project):
    fails_cleanly(run("check", "story.txt", "--baseline", "/dev/zero"), "not a regular file")
    os.mkfifo(project / "pipe.txt")
    fails_cleanly(run("check", "pipe.txt", "story.txt"), "pipe.txt: error: not a regular file")


def test_an_unreadable_subfolder_is_reported(project, monkeypatch):
    secret = project / "embargoed"
    secret.mkdir()
    (secret / "scoop.txt").write_text(STORY, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.abspath(os.fspath(path)) == str(secret):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("check", ".", "--format", "json")
    fails_cleanly(result, "embargoed: error: cannot read folder: Permission denied")
    assert '"story.txt"' in result.stdout or "story.txt" in result.stdout  # the rest was still checked


def test_serve_port_out_of_range():
    fails_cleanly(run("languagetool", "serve", "--port", "99999"), "99999")


def test_languagetool_url_from_an_ancestor_outside_the_project_is_ignored(tmp_path, project):
    (tmp_path / ".newslint.toml").write_text('languagetool-url = "http://192.0.2.7:8081"\n', encoding="utf-8")
    result = run("check", "story.txt", "--grammar", "auto", "--ignore", "LT")
    assert result.exit_code == 0, result.output
    assert "languagetool-url in" in result.stderr and "ignored: that config is outside this project" in result.stderr


def test_languagetool_url_from_the_project_config_is_announced(project):
    (project / ".newslint.toml").write_text('languagetool-url = "http://192.0.2.7:8081"\n', encoding="utf-8")
    result = run("check", "story.txt", "--grammar", "auto", "--ignore", "LT")
    assert result.exit_code == 0, result.output
    assert "grammar text goes to http://192.0.2.7:8081 (languagetool-url in" in result.stderr
