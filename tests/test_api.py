"""newslint.api.check: the entry point the CLI and the language server share."""

from __future__ import annotations

import pytest

from newslint.api import Text, check


def test_check_texts_without_files():
    run = check([Text("a.txt", "Head\n\nThe the end.\n"), Text("b.md", "# Head two\n\n`the the`\n")], grammar="off")
    assert run.ok and [r.path for r in run.results] == ["a.txt", "b.md"]
    assert [d.code for d in run.results[0].diagnostics] == ["RD001"] and run.results[1].diagnostics == []


def test_unreadable_path_is_an_error_not_an_exception(tmp_path):
    reported = []
    run = check([str(tmp_path / "missing.txt")], grammar="off", report=reported.append)
    assert not run.ok and run.results == [] and "no such file" in reported[0]


@pytest.mark.languagetool
def test_one_finding_per_problem_across_languagetool_and_our_rules(languagetool_dir):
    run = check([Text("s.txt", "Talks resume\n\nThe the council met on Monday.\n")], grammar="required")
    assert run.ok
    at_the_the = [d.code for d in run.results[0].diagnostics if d.line == 3 and d.column <= 5]
    assert at_the_the == ["RD001"]
