"""Hostile articles: each case ends (exit 0, 1 or 2) without a traceback.

The alarm is a hang guard, not a speed test (speed is measured by
benchmarks/growth.py): a case that went quadratic again would run for minutes.
"""

from __future__ import annotations

import signal

import pytest
from click.testing import CliRunner

from newslint.cli import cli

from bad_inputs import cases

CASES = cases()
GUARD_SECONDS = 60


class Hung(Exception):
    pass


def _hung(signum, frame):
    raise Hung


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_ends_cleanly(tmp_path, name):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(CASES[name])
    old = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(GUARD_SECONDS)
    try:
        result = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
    except Hung:
        pytest.fail(f"{name}: still running after {GUARD_SECONDS}s")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert result.exit_code in (0, 1, 2), (name, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), (name, repr(result.exception))
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.strip(), name  # an input error says why
