"""One shared LanguageTool server for the user, started by the first run that needs it.

Starting LanguageTool's JVM takes tens of seconds, so a run that needs grammar and finds
no server starts ``python -m newslint.languagetool.daemon`` detached (its own session:
it outlives the run). The daemon runs LanguageTool on a free port on 127.0.0.1 through
:func:`~newslint.languagetool.server.serve_forever`, which records it in
``<cache>/server.json``; later runs find it there (the recorded JVM must be this user's
and listen on that port) and skip the start-up. Every run that uses it touches
``<cache>/languagetool-daemon.active``; after ``NEWSLINT_LANGUAGETOOL_IDLE`` seconds
(default 15 minutes) without one, the daemon stops. A lock file makes a second run that
arrives during the start-up wait for the first one's server instead of starting its own.
``newslint languagetool stop`` stops it; ``NEWSLINT_LANGUAGETOOL_DAEMON=0`` makes each
run start and stop its own server as before.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from newslint.languagetool import provision
from newslint.languagetool.provision import Progress

IDLE_SECONDS = 15 * 60
ACTIVITY_FILE = "languagetool-daemon.active"
LOCK_FILE = "languagetool-daemon.lock"
LOG_FILE = "languagetool-daemon.log"


def enabled() -> bool:
    """False when ``NEWSLINT_LANGUAGETOOL_DAEMON`` is 0, off or no."""
    return os.environ.get("NEWSLINT_LANGUAGETOOL_DAEMON", "1").strip().lower() not in ("0", "off", "no", "false")


def idle_seconds() -> float:
    """Seconds without a run before the daemon stops (``NEWSLINT_LANGUAGETOOL_IDLE``)."""
    try:
        return max(1.0, float(os.environ.get("NEWSLINT_LANGUAGETOOL_IDLE", IDLE_SECONDS)))
    except ValueError:
        return IDLE_SECONDS


def _cache(cache_dir: Path | None) -> Path:
    return cache_dir or provision.default_cache_dir()


def touch(cache_dir: Path | None = None) -> None:
    """Record that a run uses the daemon now (it stops only after a quiet spell)."""
    path = _cache(cache_dir) / ACTIVITY_FILE
    try:
        path.touch()
        os.utime(path)
    except OSError:
        pass


def ensure(cache_dir: Path | None = None, progress: Progress = print, timeout: float = 180.0) -> str:
    """URL of the user's shared server, started (once, under a lock) if none is running.

    Raises LanguageToolUnavailable or ProvisionError when it cannot be had.
    """
    from newslint.languagetool.server import LanguageToolUnavailable

    url = _recorded(cache_dir)
    if url:
        touch(cache_dir)
        return url
    cache = _cache(cache_dir)
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / LOCK_FILE, "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second run waits here for the first one's server
        try:
            url = _recorded(cache_dir)
            if url:
                touch(cache_dir)
                return url
            provision.ensure(cache_dir, progress)
            minutes = idle_seconds() / 60
            progress(f"starting a shared LanguageTool server for later runs too (stops after {minutes:g} min "
                     "unused, or `newslint languagetool stop`)")
            touch(cache_dir)
            proc = _spawn(cache)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                url = _recorded(cache_dir)
                if url:
                    _warm(url, max(30.0, deadline - time.monotonic()))
                    touch(cache_dir)
                    return url
                if proc.poll() is not None:
                    raise LanguageToolUnavailable(f"the shared LanguageTool server stopped while starting "
                                                  f"(see {cache / LOG_FILE})")
                time.sleep(0.2)
            raise LanguageToolUnavailable(f"the shared LanguageTool server did not start within {timeout:.0f}s")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _warm(url: str, timeout: float) -> None:
    """One small check, so the first article does not wait for rules to load and compile
    under its own (shorter) deadline; a slow or failed warm-up is not an error."""
    from newslint.languagetool import client

    try:
        client.check(url, "She have been there.", {"language": "en-US"}, timeout)
    except Exception:  # noqa: BLE001 - the article's own request reports real failures
        pass


def _ours(pid: int, port: int, tries: int = 5) -> bool:
    """``is_our_server``, asked again a few times: it reads the JVM's open files, and one
    closing while they are read (a request just answered) makes a single look fail."""
    from newslint.languagetool.server import is_our_server

    for attempt in range(tries):
        if is_our_server(pid, port):
            return True
        time.sleep(0.1 * (attempt + 1))
    return False


def _recorded(cache_dir: Path | None, patience: float = 30.0) -> str | None:
    """URL of the server in ``server.json`` if it is this user's LanguageTool listening on
    the recorded loopback port; a busy one (a machine under load answers slowly) is waited
    for up to ``patience`` seconds rather than replaced."""
    from newslint.languagetool.server import answers, is_loopback_url, state_path

    try:
        state = json.loads(state_path(cache_dir).read_text(encoding="utf-8"))
        url, pid = str(state["url"]), int(state["pid"])
        port = int(url.rsplit(":", 1)[1])
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None
    if not (is_loopback_url(url) and _ours(pid, port)):
        return None
    return url if answers(url, timeout=patience) else None


def _spawn(cache: Path) -> subprocess.Popen[bytes]:
    """Start the daemon detached, in its own session, logging to ``<cache>/languagetool-daemon.log``."""
    env = dict(os.environ, NEWSLINT_CACHE_DIR=str(cache))
    with open(cache / LOG_FILE, "ab") as log:
        return subprocess.Popen([sys.executable, "-m", "newslint.languagetool.daemon"], stdin=subprocess.DEVNULL,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=env)


def stop(cache_dir: Path | None = None, grace: float = 15.0) -> bool:
    """Stop the user's shared server if one runs; True if one was stopped."""
    from newslint.languagetool.server import pid_alive, state_path

    try:
        state = json.loads(state_path(cache_dir).read_text(encoding="utf-8"))
        pid, port = int(state["pid"]), int(str(state["url"]).rsplit(":", 1)[1])
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return False
    if not _ours(pid, port):
        return False
    os.kill(pid, signal.SIGTERM)  # the daemon sees its JVM end, cleans up and exits
    deadline = time.monotonic() + grace
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return True


def _stop_when_idle(cache: Path, idle: float) -> None:
    """In the daemon: SIGTERM ourselves once the server is up and no run has touched the
    activity file for ``idle`` seconds (counted from when the server became ready)."""
    from newslint.languagetool.server import state_path

    ready = None
    while True:
        time.sleep(min(30.0, max(0.5, idle / 4)))
        if ready is None:
            if not state_path(cache).exists():
                continue  # still starting
            ready = time.time()
        try:
            last = (cache / ACTIVITY_FILE).stat().st_mtime
        except OSError:
            last = 0.0
        if time.time() - max(last, ready) > idle:
            os.kill(os.getpid(), signal.SIGTERM)
            return


def main() -> int:
    """The daemon: LanguageTool on a free loopback port until idle or stopped."""
    from newslint.languagetool.server import LanguageToolUnavailable, free_port, serve_forever

    cache = provision.default_cache_dir()
    threading.Thread(target=_stop_when_idle, args=(cache, idle_seconds()), daemon=True).start()
    try:
        return serve_forever(free_port(), cache_dir=cache, progress=lambda msg: print(msg, flush=True))
    except (LanguageToolUnavailable, provision.ProvisionError, OSError) as exc:
        print(f"newslint languagetool daemon: {exc}", flush=True)
        return 1


if __name__ == "__main__":
    sys.exit(main())
