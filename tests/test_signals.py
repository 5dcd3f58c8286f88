"""Stop signals: the run ends with 128 + N, and no LanguageTool JVM or mvn outlives it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from fake_languagetool import FakeLanguageTool

NEWSLINT = [sys.executable, "-c", "from newslint.cli import main; main()"]


def wait_for(condition, limit: float = 120.0) -> None:
    """Poll ``condition`` every 0.1 s for at most ``limit`` seconds (bounded)."""
    end = time.monotonic() + limit
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("condition not reached")
        time.sleep(0.1)


def server_jvms(parent: psutil.Process) -> list[psutil.Process]:
    """LanguageTool server JVMs under ``parent``; processes that end while we look are skipped."""
    found = []
    for child in parent.children(recursive=True):
        try:
            if "java" in child.name() and any("languagetool" in part.lower() for part in child.cmdline()):
                found.append(child)
        except psutil.Error:
            continue
    return found


def story(tmp_path: Path) -> str:
    path = tmp_path / "story.txt"
    path.write_text("Talks resume\n\nShe have been there.\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_stop_signal_exits_128_plus_n_not_1(tmp_path, sig, code):
    with FakeLanguageTool({"/v2/check": "hang"}) as fake:
        run = subprocess.Popen([*NEWSLINT, "check", story(tmp_path), "--grammar", "required",
                                "--languagetool-url", fake.url], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wait_for(lambda: "/v2/check" in fake.requests, 60)
        run.send_signal(sig)
        out, err = run.communicate(timeout=30)
    assert run.returncode == code, err
    assert b"Traceback" not in err and b"stopped by" in err


@pytest.mark.languagetool
def test_sigterm_during_a_grammar_run_leaves_no_process_behind(tmp_path, languagetool_dir):
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "LTP_JAR_DIR_PATH": str(languagetool_dir),
           "TMPDIR": str(tmp_path), "NEWSLINT_GRAMMAR": "required"}
    run = subprocess.Popen([*NEWSLINT, "check", story(tmp_path)], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    me = psutil.Process(run.pid)
    found: list[psutil.Process] = []
    wait_for(lambda: bool(found.extend(server_jvms(me)) or found))  # not the brief `java -version` probe
    jvm = found[0]
    run.send_signal(signal.SIGTERM)
    err = run.communicate(timeout=60)[1]
    assert run.returncode == 143, err
    wait_for(lambda: not jvm.is_running() or jvm.status() == psutil.STATUS_ZOMBIE, 15)
    assert not list(tmp_path.glob("newslint-languagetool-*.log"))  # the JVM's log is gone too


def test_sigterm_during_a_first_run_install_stops_mvn(tmp_path):
    if not __import__("shutil").which("java"):
        pytest.skip("java not installed")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    pids = tmp_path / "mvn.pids"
    fake_mvn = bin_dir / "mvn"
    fake_mvn.write_text(f"#!/bin/sh\necho $$ >> {pids}\nsleep 100 &\necho $! >> {pids}\nwait\n")
    fake_mvn.chmod(0o755)
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "LTP_PATH": str(tmp_path / "ltp"),
           "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    env.pop("LTP_JAR_DIR_PATH", None)
    run = subprocess.Popen([*NEWSLINT, "languagetool", "install"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_for(lambda: pids.exists() and len(pids.read_text().split()) == 2, 60)
    run.send_signal(signal.SIGTERM)
    err = run.communicate(timeout=30)[1]
    assert run.returncode == 143, err
    for pid in map(int, pids.read_text().split()):
        wait_for(lambda: not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE, 15)
