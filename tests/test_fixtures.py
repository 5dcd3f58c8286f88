"""Whole articles: each fixture's findings must equal the reviewed list beside it.

``fixtures/NAME.txt`` is checked with newslint's own rules (grammar off) and compared with
``fixtures/NAME.expected``: one ``LINE:COL CODE`` per finding. A clean fixture has an empty
expected file. To review a change, run ``python tests/test_fixtures.py`` to print the actual list.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLES = sorted(FIXTURES.glob("*.txt"))


def actual(path: Path) -> list[str]:
    article = Article(path.read_text(encoding="utf-8"), str(path))
    return [f"{d.line}:{d.column} {d.code}" for d in Linter(Config(grammar="off")).lint(article)]


def expected(path: Path) -> list[str]:
    lines = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    return [ln.split("#")[0].strip() for ln in lines if ln.split("#")[0].strip()]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_fixture_findings_match_expected(path):
    assert actual(path) == expected(path)


def test_clean_fixtures_have_no_errors_or_warnings():
    for path in ARTICLES:
        if path.stem.startswith("clean-"):
            article = Article(path.read_text(encoding="utf-8"), str(path))
            bad = [d for d in Linter(Config()).lint(article) if d.severity.value != "info"]
            assert not bad, (path.name, bad)


if __name__ == "__main__":
    for p in ARTICLES if len(sys.argv) < 2 else [Path(a) for a in sys.argv[1:]]:
        print(f"== {p.name}")
        print("\n".join(actual(p)))
