"""Shared helpers for the test suite."""

from __future__ import annotations

import os
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


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch):
    """CLI runs in tests check every file afresh (tests/test_result_cache.py turns the cache
    on) and start no shared LanguageTool server (tests/test_daemon.py does)."""
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_DAEMON", "0")  # no server outlives a test (test_daemon.py)


@pytest.fixture
def result_cache_dir(tmp_path, monkeypatch) -> Path:
    """A fresh cache folder with the result cache on (tests/test_result_cache.py, test_cached_run.py)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def lint():
    return lint_text


@pytest.fixture(scope="session")
def languagetool_dir() -> Path:
    """The installed LanguageTool (provisioned if needed). Skips without Java/Maven, except
    under NEWSLINT_REQUIRE_LANGUAGETOOL=1 (CI), where a missing LanguageTool fails the test."""
    from newslint.languagetool import provision

    try:
        return provision.ensure(progress=lambda msg: None)
    except provision.ProvisionError as exc:
        if os.environ.get("NEWSLINT_REQUIRE_LANGUAGETOOL"):
            pytest.fail(f"LanguageTool is required here but could not be provisioned: {exc}")
        pytest.skip(f"LanguageTool unavailable: {exc}")


def require_tool(name: str) -> str:
    """The path of an external program a test drives (vim, node, chromium); skips without it,
    except under NEWSLINT_REQUIRE_TOOLS=1 (CI installs them), where it fails."""
    import shutil

    found = shutil.which(name)
    if found is None:
        if os.environ.get("NEWSLINT_REQUIRE_TOOLS") == "1":
            pytest.fail(f"{name} is not installed (.ci/run installs it)")
        pytest.skip(f"{name} not installed")
    return found
