"""A plain (non-editable) install finds its rule packs when run from another folder."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(os.environ.get("NEWSLINT_SKIP_INSTALL_TEST") == "1", reason="install test switched off")
def test_wheel_install_ships_packs(tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(ROOT)],
        check=True, cwd=tmp_path,
    )
    seed = ROOT / "fixtures" / "seed-article.txt"
    proc = subprocess.run(
        [str(env_dir / "bin" / "newslint"), "check", str(seed), "--select", "BP002,BP001"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert "BP001" in proc.stdout, proc.stderr
    rules = subprocess.run([str(env_dir / "bin" / "newslint"), "rules"], capture_output=True, text=True, cwd=tmp_path)
    assert "web-leftover" in rules.stdout  # a data-pack rule, read from inside the wheel
    packs = subprocess.run(
        [str(python), "-c", "import newslint.packs as p; print(p.packs_dir())"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert "site-packages" in packs.stdout and packs.stdout.strip().endswith("_packs")
    version = subprocess.run([str(env_dir / "bin" / "newslint"), "--version"], capture_output=True, text=True, cwd=tmp_path)
    if os.environ.get("NEWSLINT_REQUIRE_NATIVE") == "1":  # the wheel carries the native core it built
        assert "native core: in use" in version.stdout, version.stdout
