"""The result cache: unchanged files are not checked again, and a result is never stale."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint import result_cache
from newslint.cli import cli
from newslint.engine import Linter

STORY = "Talks stall\n\nThe goverment said the the talks would resume.\n"


@pytest.fixture
def story(tmp_path) -> Path:
    path = tmp_path / "desk" / "story.txt"
    path.parent.mkdir()
    path.write_text(STORY)
    return path


def check(*args: str) -> str:
    return CliRunner().invoke(cli, ["check", "--format", "json", *args]).output


def _no_linting(monkeypatch):
    def refuse(self, article):
        raise AssertionError(f"{article.path} was linted again")

    monkeypatch.setattr(Linter, "lint", refuse)


def test_unchanged_file_is_served_from_the_cache(result_cache_dir, story, monkeypatch):
    first = check(str(story.parent))
    assert "SP001" in first and list((result_cache_dir / "results").rglob("*.pickle"))
    _no_linting(monkeypatch)
    assert check(str(story.parent)) == first


def test_changed_file_is_checked_again(result_cache_dir, story):
    assert "RD001" in check(str(story))
    story.write_text(STORY.replace("the the", "the"))
    assert "RD001" not in check(str(story))


def test_changed_settings_are_checked_again(result_cache_dir, story, tmp_path):
    assert "SP001" in check(str(story))
    assert "SP001" not in check(str(story), "--ignore", "SP")
    config = tmp_path / "words.toml"
    config.write_text('words = ["goverment"]\n')
    assert "SP001" not in check(str(story), "--config", str(config))
    assert "SP001" in check(str(story))


def test_no_cache_writes_and_reads_nothing(result_cache_dir, story, monkeypatch):
    check(str(story), "--no-cache")
    assert not (result_cache_dir / "results").exists()
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    check(str(story))
    assert not (result_cache_dir / "results").exists()


def test_changed_pack_changes_the_fingerprint(tmp_path, monkeypatch):
    packs = tmp_path / "rules"
    packs.mkdir()
    pack = packs / "house.yaml"
    pack.write_text("rules: []\n")
    monkeypatch.setattr(result_cache, "packs_dir", lambda: packs)
    before = result_cache.code_fingerprint()
    assert result_cache.code_fingerprint() == before
    pack.write_text("rules: [] # edited\n")
    assert result_cache.code_fingerprint() != before


def test_settings_key_follows_languagetool_settings():
    from newslint.config import Config

    active = Linter(Config()).active
    local = result_cache.settings_key(active, "both", None)
    assert result_cache.settings_key(active, "both", None) == local
    assert result_cache.settings_key(active, "both", "http://lt.example:8081") != local
    assert result_cache.settings_key(active, "en-GB", None) != local
