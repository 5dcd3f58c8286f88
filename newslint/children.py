"""Child processes (the LanguageTool JVM, a first-run ``mvn``) that must die with newslint.

Each child starts in its own process group, so killing the group also kills whatever it
started (Maven's forks). :func:`stop_all` runs at interpreter exit and from the signal
handlers the command line installs (SIGTERM, SIGHUP, SIGINT), so neither a CI timeout nor
an editor cancelling a run nor a closed terminal leaves a 1 GB JVM behind.
"""

from __future__ import annotations

import atexit
import os
import signal
import sys
from types import FrameType
from typing import IO, TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    import subprocess

_RUNNING: set[subprocess.Popen[bytes]] = set()
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
PR_SET_PDEATHSIG = 1


class Terminated(BaseException):
    """A stop signal arrived (SIGTERM, SIGHUP, SIGINT); ``finally`` blocks run, then exit 128+N."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    for sig in STOP_SIGNALS:  # one clean-up, however many signals follow
        signal.signal(sig, signal.SIG_IGN)
    raise Terminated(signum)


def install_signal_handlers() -> None:
    """Turn SIGTERM, SIGHUP and SIGINT into :class:`Terminated` (main thread only)."""
    for sig in STOP_SIGNALS:
        signal.signal(sig, _raise_terminated)


def _die_with_parent(libc: Any) -> Callable[[], None]:
    """What the child runs before exec (Linux): be killed when newslint dies, even by SIGKILL."""

    def prctl() -> None:
        try:
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass

    return prctl


def _libc() -> Any:
    """The C library through ctypes (imported here, in the parent: slow to import, and
    nothing may be imported between fork and exec), or None."""
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True)
    except (OSError, ImportError):
        return None


def start(argv: list[str], out: IO[bytes] | int, **kwargs: Any) -> subprocess.Popen[bytes]:
    """Start ``argv`` in a new process group with output to ``out``; remembered until stopped."""
    import subprocess  # here, not at import: a run that starts no child does without it

    libc = _libc() if sys.platform.startswith("linux") else None
    proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True, preexec_fn=_die_with_parent(libc) if libc else None, **kwargs)
    _RUNNING.add(proc)
    return proc


def _signal_group(proc: subprocess.Popen[bytes], sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def stop(proc: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """Terminate the child's process group (SIGTERM, then SIGKILL after ``grace`` seconds)."""
    import subprocess

    if proc.poll() is None:
        _signal_group(proc, signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    _signal_group(proc, signal.SIGKILL)  # the leader may be gone while its group lives on
    if proc.poll() is None:
        proc.wait()
    _RUNNING.discard(proc)


@atexit.register
def stop_all(grace: float = 5.0) -> None:
    """Stop every child still running (at exit, and on a terminating signal)."""
    for proc in list(_RUNNING):
        stop(proc, grace)
