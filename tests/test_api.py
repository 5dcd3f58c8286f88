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


def test_a_run_looks_for_each_folders_config_once(tmp_path, monkeypatch):
    import newslint.api as api

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / ".newslint.toml").write_text('ignore = ["RD001"]\n')
    for folder in ("a", "b"):
        for i in range(5):
            (tmp_path / folder / f"{i}.txt").write_text("Head\n\nThe the end.\n")
    searched = []
    discover = api.discover
    monkeypatch.setattr(api, "discover", lambda start: searched.append(start) or discover(start))
    run = check([str(tmp_path / "a"), str(tmp_path / "b")], grammar="off")
    by_folder = {r.path.split("/")[-2]: [d.code for d in r.diagnostics] for r in run.results}
    assert by_folder == {"a": ["RD001"], "b": []}  # each folder's own config
    assert sorted(p.name for p in searched if p.name in ("a", "b")) == ["a", "b"]


@pytest.mark.parametrize("top", [".", "desk", "desk/", "./desk"])
def test_a_folder_is_walked_as_pathlib_names_and_sorts_its_files(tmp_path, monkeypatch, top):
    """Folder walking without a Path per file: the same files, named and ordered as
    ``Path(root) / name`` and ``Path.parts`` would (``./a.txt`` is ``a.txt``)."""
    from pathlib import Path

    from newslint.sources import expand

    monkeypatch.chdir(tmp_path)
    names = ["b.txt", "a.TXT", "a..md", "x.y.", "notes", ".hidden.txt", "c.html", "z.tar.txt", "é.md"]
    for folder in ("desk", "desk/sub", "desk/sub-2", "desk/.git", "desk/a b"):
        (tmp_path / folder).mkdir()
        for name in names:
            (tmp_path / folder / name).write_text("Head\n\nBody.\n")
    extensions = (".txt", ".md", ".html")
    root = tmp_path if top == "." else tmp_path / "desk"
    expected = sorted((str(Path(top) / p.relative_to(root)) for p in root.rglob("*")
                       if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
                       and p.suffix.lower() in extensions), key=lambda f: Path(f).parts)
    assert list(expand((top,), extensions)) == expected and len(expected) == 24
