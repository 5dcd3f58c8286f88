"""First-run provisioning: an unreachable Maven gives up soon under --grammar auto, and
several first runs at once take turns instead of colliding (a fake mvn stands in)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import psutil
import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.languagetool import provision

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="provisioning checks for java first")

FAKE_MVN = """#!/bin/sh
echo $$ >> "{runs}"
for a in "$@"; do case "$a" in -DoutputDirectory=*) out="${{a#-DoutputDirectory=}}";; esac; done
sleep {seconds}
mkdir -p "$out" && touch "$out/org.languagetool.languagetool-server-{version}.jar"
"""


def fake_env(tmp_path, seconds: float) -> dict[str, str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    mvn = bin_dir / "mvn"
    mvn.write_text(FAKE_MVN.format(runs=tmp_path / "runs", seconds=seconds, version=provision.LT_VERSION))
    mvn.chmod(0o755)
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "LTP_PATH": str(tmp_path / "ltp"),
           "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    env.pop("LTP_JAR_DIR_PATH", None)
    return env


def test_three_first_runs_at_once_take_turns(tmp_path):
    env = fake_env(tmp_path, 1)
    runs = [subprocess.Popen([sys.executable, "-c", "from newslint.cli import main; main()", "languagetool", "install"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [r.communicate(timeout=120) for r in runs]
    assert [r.returncode for r in runs] == [0, 0, 0], outputs
    assert all("Traceback" not in err for _, err in outputs)
    assert len((tmp_path / "runs").read_text().split()) == 1  # one fetch; the others found it
    assert provision.is_complete(provision.jar_dir(tmp_path / "cache"))


def test_unreachable_maven_gives_up_soon_with_grammar_auto(tmp_path, monkeypatch):
    for key, value in fake_env(tmp_path, 60).items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setattr(provision, "AUTO_INSTALL_TIMEOUT_S", 1.5)
    monkeypatch.setattr(provision, "HEARTBEAT_S", 0.2)
    story = tmp_path / "story.txt"
    story.write_text("Talks resume\n\nShe have been there.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(story), "--grammar", "auto"])
    assert result.exit_code == 0, result.output
    assert "grammar not checked" in result.stderr and "gave up after" in result.stderr
    mvn = int((tmp_path / "runs").read_text().split()[0])
    end = time.monotonic() + 10
    while psutil.pid_exists(mvn) and psutil.Process(mvn).status() != psutil.STATUS_ZOMBIE and time.monotonic() < end:
        time.sleep(0.1)
    assert not psutil.pid_exists(mvn) or psutil.Process(mvn).status() == psutil.STATUS_ZOMBIE
