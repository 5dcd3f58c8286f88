"""The pre-commit hooks and the GitHub Action call newslint with options it accepts."""

from __future__ import annotations

import shlex

import yaml
from click.testing import CliRunner

from newslint.cli import cli

from conftest import ROOT


def test_pre_commit_hooks_run_newslint_on_the_staged_files(tmp_path):
    story = tmp_path / "story.md"
    story.write_text("# Head\n\nThe the end.\n", encoding="utf-8")
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"newslint", "newslint-fix"}
    check = shlex.split(hooks["newslint"]["entry"])
    assert check[0] == "newslint"
    result = CliRunner().invoke(cli, [*check[1:], str(story)])
    assert result.exit_code == 1 and "RD001" in result.output  # a finding fails the commit
    fix = shlex.split(hooks["newslint-fix"]["entry"])
    assert CliRunner().invoke(cli, [*fix[1:], str(story)]).exit_code == 0
    assert story.read_text(encoding="utf-8") == "# Head\n\nThe end.\n"


def test_action_runs_check_with_github_and_sarif_formats():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    script = "\n".join(step["run"] for step in action["runs"]["steps"])
    assert "--format github" in script and "--format sarif" in script
    assert set(action["inputs"]) >= {"paths", "args", "grammar", "sarif"}
