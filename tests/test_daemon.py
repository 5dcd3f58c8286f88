"""The shared LanguageTool daemon: started once under a lock, reused, stopped, idle-timed."""

from __future__ import annotations

import threading
import time

import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.languagetool import daemon, server


@pytest.fixture
def shared(languagetool_dir, tmp_path, monkeypatch):
    """A private cache folder using the installed LanguageTool, the daemon switched on."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache))
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(languagetool_dir))
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_DAEMON", "1")
    yield cache
    daemon.stop(cache)


@pytest.mark.languagetool
def test_two_runs_at_once_start_one_server_that_later_runs_reuse(shared, tmp_path):
    urls: list[str] = []
    runs = [threading.Thread(target=lambda: urls.append(daemon.ensure(progress=lambda m: None))) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    assert len(urls) == 2 and urls[0] == urls[1] and daemon._recorded(shared) == urls[0]
    assert server.is_loopback_url(urls[0])
    log = (shared / daemon.LOG_FILE).read_text()
    assert log.count("serving at") == 1

    story = tmp_path / "story.txt"
    story.write_text("Talks stall\n\nShe have been there since Monday.\n")
    result = CliRunner().invoke(cli, ["check", "--grammar", "required", "--no-cache", str(story)])
    assert "LT:" in result.output
    assert daemon._recorded(shared) == urls[0]  # still up for the next run

    assert CliRunner().invoke(cli, ["languagetool", "stop"]).output.startswith("newslint: stopped")
    assert server.find_running(shared) is None


@pytest.mark.languagetool
def test_idle_server_stops_by_itself(shared, monkeypatch):
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_IDLE", "3")
    assert daemon.ensure(progress=lambda m: None)
    state = server.state_path(shared)  # written when the server is up, removed when it stops
    deadline = time.monotonic() + 120
    while state.exists() and time.monotonic() < deadline:
        time.sleep(1)
    assert not state.exists() and server.find_running(shared) is None
