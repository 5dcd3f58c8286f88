"""Shared helpers for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def lint_text(text: str, **config) -> list:
    """Diagnostics for one text under a config built from keyword settings."""
    return Linter(Config(**config)).lint(Article(text, "<test>"))


@pytest.fixture(autouse=True)
def _grammar_off_unless_asked(monkeypatch, request):
    """CLI runs in tests skip LanguageTool unless the test is marked ``languagetool``."""
    if request.node.get_closest_marker("languagetool") is None:
        monkeypatch.setenv("NEWSLINT_GRAMMAR", "off")


@pytest.fixture
def lint():
    return lint_text
