"""Lifecycle of a local LanguageTool HTTP server, and a session that talks to it.

We start the JVM ourselves (``java -Xmx1g -cp <jar dir>/languagetool-server.jar
org.languagetool.server.HTTPServer --port N``; without ``--public`` it listens on localhost
only) in its own process group, so it dies with newslint (see :func:`stop_children`, called
from the signal handlers of the command line). Requests go through :mod:`.client`: an
overall deadline per request and validated answers. Remote URLs are used only when passed
explicitly; the public languagetool.org / languagetoolplus.com APIs are refused outright.
A ``serve`` server recorded in ``server.json`` is reused only when it is verifiably ours:
a LanguageTool JVM of this user that itself listens on the recorded port.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any
from urllib.parse import urlsplit

from newslint import children

from . import client, provision
from .client import LanguageToolUnavailable
from .provision import Progress, ProvisionError

DEFAULT_HEAP = "1g"
DEFAULT_PORT = 8081
LOCAL_HOST = "127.0.0.1"
STATE_FILE = "server.json"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
PUBLIC_HOSTS = ("languagetool.org", "languagetoolplus.com")
CHECK_TIMEOUT = 60.0  # seconds one check request may take, answer included (plus per 1,000 chars)
CONNECT_TIMEOUT = 10.0  # seconds for /v2/languages when connecting
CHECK_SECONDS_PER_1000_CHARS = 1.0  # added to the base timeout of one check request
MAX_CHECK_SECONDS = 900.0

__all__ = ["LanguageToolSession", "LanguageToolUnavailable", "serve_forever", "find_running", "stop_children"]


# ------------------------------------------------------------------ helpers


def is_loopback_url(url: str) -> bool:
    """True if ``url`` points at this machine (127.0.0.1 / localhost / ::1)."""
    return (urlsplit(url).hostname or "") in LOOPBACK_HOSTS


def check_url_allowed(url: str) -> str:
    """Normalise an explicit server URL; refuse the public LanguageTool API (any spelling)."""
    try:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        host = (parts.hostname or "").lower().rstrip(".")
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise LanguageToolUnavailable(f"not an http(s) LanguageTool URL: {url!r}") from None
    if parts.scheme not in ("http", "https") or not host:
        raise LanguageToolUnavailable(f"not an http(s) LanguageTool URL: {url!r}")
    if any(host == h or host.endswith("." + h) for h in PUBLIC_HOSTS):
        raise LanguageToolUnavailable(f"refusing the public LanguageTool API at {host}")
    return f"{parts.scheme}://{parts.netloc}"


def answers(url: str, timeout: float = 2.0) -> bool:
    """True if ``url`` serves LanguageTool's ``/v2/languages`` within ``timeout``."""
    try:
        client.languages(url, timeout)
    except LanguageToolUnavailable:
        return False
    return True


def pid_alive(pid: int) -> bool:
    """True if a process with ``pid`` exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def free_port() -> int:
    """An unused TCP port on 127.0.0.1 (tiny race until the JVM binds it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOCAL_HOST, 0))
        return int(s.getsockname()[1])


def port_in_use(port: int) -> bool:
    """True if something already listens on 127.0.0.1:``port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        return s.connect_ex((LOCAL_HOST, port)) == 0


def state_path(cache_dir: Path | None = None) -> Path:
    """``<cache>/server.json``, written by :func:`serve_forever`."""
    return (cache_dir or provision.default_cache_dir()) / STATE_FILE


def find_running(cache_dir: Path | None = None) -> str | None:
    """URL of a live ``serve`` server recorded in ``server.json`` that is verifiably ours, else None."""
    try:
        state = json.loads(state_path(cache_dir).read_text(encoding="utf-8"))
        url, pid = str(state["url"]), int(state["pid"])
        port = urlsplit(url).port
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if port and is_loopback_url(url) and is_our_server(pid, port) and answers(url):
        return url
    return None


def is_our_server(pid: int, port: int) -> bool:
    """True if ``pid`` is a LanguageTool JVM of this user that itself listens on ``port``.

    A ``server.json`` anyone could write is not enough: another program on the recorded
    port must not receive the text. Linux only (``/proc``); elsewhere, False.
    """
    proc = Path("/proc") / str(pid)
    try:
        if proc.stat().st_uid != os.getuid():
            return False
        argv = (proc / "cmdline").read_bytes().split(b"\0")
        if provision.MAIN_CLASS.encode() not in argv or str(port).encode() not in argv:
            return False
        sockets = {os.readlink(fd) for fd in (proc / "fd").iterdir()}
    except (OSError, AttributeError):
        return False
    return bool(sockets & _listening_sockets(port))


def _listening_sockets(port: int) -> set[str]:
    """``socket:[inode]`` names of the sockets listening on TCP ``port`` (IPv4 and IPv6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            cols = row.split()
            if len(cols) > 9 and cols[3] == "0A" and int(cols[1].rsplit(":", 1)[1], 16) == port:
                found.add(f"socket:[{cols[9]}]")
    return found


# ---------------------------------------------------------------- the JVM


def server_command(jar_dir: Path, port: int, heap: str = DEFAULT_HEAP) -> list[str]:
    """The ``java`` command line for a localhost-only LanguageTool server."""
    return [
        provision.require_java(), f"-Xmx{heap}", "-XX:+UseSerialGC",
        "-cp", str(jar_dir / provision.SERVER_JAR), provision.MAIN_CLASS, "--port", str(port),
    ]


def _log_tail(log: Path) -> str:
    """The most telling line of a JVM log, for one-line errors."""
    try:
        lines = [ln.strip() for ln in log.read_text(errors="replace").splitlines() if ln.strip()]
    except OSError:
        return ""
    keys = ("Caused by", "Exception", "Error", "already in use")
    hits = [ln for ln in lines if any(k in ln for k in keys)]
    return ((hits[-1] if hits else lines[-1]) if lines else "")[:300]


def launch(jar_dir: Path, port: int, log: Path, heap: str = DEFAULT_HEAP) -> subprocess.Popen[bytes]:
    """Start the JVM in its own process group with output to ``log``; it dies with newslint."""
    with log.open("wb") as out:
        return children.start(server_command(jar_dir, port, heap), out)


def wait_ready(proc: subprocess.Popen[bytes], url: str, log: Path, timeout: float) -> None:
    """Poll ``/v2/healthcheck`` until it answers, the JVM exits, or ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise LanguageToolUnavailable(f"LanguageTool exited with {proc.returncode}: {_log_tail(log)}")
        with contextlib.suppress(LanguageToolUnavailable):
            if client.fetch(url, "/v2/healthcheck", timeout=2.0)[0] == 200:
                return
        time.sleep(0.2)
    stop(proc)
    raise LanguageToolUnavailable(f"LanguageTool did not answer on {url} within {timeout:.0f}s")


def stop(proc: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """Terminate the JVM's process group (SIGTERM, then SIGKILL after ``grace`` seconds)."""
    children.stop(proc, grace)


def warm_up(url: str, timeout: float = 120.0) -> None:
    """One small English check so rules are loaded and JIT-compiled."""
    with contextlib.suppress(LanguageToolUnavailable):
        client.check(url, "She have been there.", {"language": "en-US"}, timeout)


# ---------------------------------------------------------------- serve


def _write_state(path: Path, url: str, pid: int, jar_dir: Path) -> None:
    """Atomically write the ``server.json`` state file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    data = {"url": url, "pid": pid, "version": provision.LT_VERSION, "jar_dir": str(jar_dir)}
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)


def _clear_state(path: Path, pid: int) -> None:
    """Remove ``server.json`` if it still describes ``pid``."""
    with contextlib.suppress(OSError, ValueError, KeyError):
        if json.loads(path.read_text(encoding="utf-8"))["pid"] == pid:
            path.unlink()


def _raise_on_sigterm(signum: int, frame: FrameType | None) -> None:
    """Turn SIGTERM into KeyboardInterrupt so ``finally`` blocks run."""
    raise KeyboardInterrupt


def serve_forever(
    port: int = DEFAULT_PORT,
    *,
    heap: str = DEFAULT_HEAP,
    cache_dir: Path | None = None,
    startup_timeout: float = 180.0,
    progress: Progress = print,
) -> int:
    """Run a shared server on 127.0.0.1:``port`` until killed; return the JVM's exit code."""
    running = find_running(cache_dir)
    if running:
        progress(f"LanguageTool already running at {running}")
        return 0
    if port_in_use(port):
        raise LanguageToolUnavailable(f"port {port} on {LOCAL_HOST} is already in use")
    jar_dir = provision.ensure(cache_dir, progress)
    cache = cache_dir or provision.default_cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    url, log, state = f"http://{LOCAL_HOST}:{port}", cache / "languagetool-server.log", state_path(cache_dir)
    in_main = threading.current_thread() is threading.main_thread()
    old_handler = signal.signal(signal.SIGTERM, _raise_on_sigterm) if in_main else None
    start = time.monotonic()
    proc = launch(jar_dir, port, log, heap)
    try:
        wait_ready(proc, url, log, startup_timeout)
        _write_state(state, url, proc.pid, jar_dir)
        progress(f"LanguageTool {provision.LT_VERSION} serving at {url} (pid {proc.pid}, ready in {time.monotonic() - start:.1f}s; log {log})")
        warm_up(url)
        return proc.wait()
    except (KeyboardInterrupt, children.Terminated):
        progress("stopping LanguageTool")
        return 0
    finally:
        stop(proc)
        _clear_state(state, proc.pid)
        if in_main:
            signal.signal(signal.SIGTERM, old_handler)


# --------------------------------------------------------------- session


class LanguageToolSession:
    """A LanguageTool client that owns (or reuses) a server on 127.0.0.1.

    Order of preference on :meth:`start`: the explicit ``remote_url``; a server
    recorded by :func:`serve_forever` (if ``reuse_running``); a new JVM of our
    own on a free port, stopped again by :meth:`close`. Every failure, including
    one while restarting a dead server, is a :class:`LanguageToolUnavailable`.
    """

    def __init__(
        self,
        language: str = "en-US",
        *,
        remote_url: str | None = None,
        reuse_running: bool = True,
        timeout: float | None = None,
        startup_timeout: float = 180.0,
        connect_timeout: float | None = None,
        heap: str = DEFAULT_HEAP,
        cache_dir: Path | None = None,
        progress: Progress = print,
        max_restarts: int = 1,
        picky: bool = False,
        enabled_rules: tuple[str, ...] = (),
        install_timeout: float = provision.MVN_TIMEOUT_S,
    ) -> None:
        self.language = language
        self.install_timeout = install_timeout
        self.picky = picky
        self.enabled_rules = enabled_rules
        self.max_restarts = max_restarts
        self.restarts = 0
        self.remote_url = check_url_allowed(remote_url) if remote_url else None
        self.reuse_running = reuse_running
        self.timeout = CHECK_TIMEOUT if timeout is None else timeout
        self.startup_timeout = startup_timeout
        self.connect_timeout = CONNECT_TIMEOUT if connect_timeout is None else connect_timeout
        self.heap = heap
        self.cache_dir = cache_dir
        self.progress = progress
        self.url: str | None = None
        self.startup_seconds: float | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: Path | None = None
        self._lock = threading.Lock()

    @property
    def owns_server(self) -> bool:
        """True if this session started the JVM it talks to."""
        return self._proc is not None

    def start(self) -> str:
        """Connect or start a server (idempotent); return its base URL."""
        with self._lock:
            if self.url is None:
                try:
                    url = self.remote_url or self._reuse() or self._start_own()
                    self._verify(url)
                except (ProvisionError, OSError) as exc:
                    self._stop_own()
                    raise LanguageToolUnavailable(str(exc)) from None
                except BaseException:  # also a stop signal while the JVM starts
                    self._stop_own()
                    raise
                self.url = url
            return self.url

    def _reuse(self) -> str | None:
        """URL of a ``serve`` server, if allowed, alive and ours."""
        return find_running(self.cache_dir) if self.reuse_running else None

    def _start_own(self) -> str:
        """Launch our own JVM on a free port and wait until it answers."""
        jar_dir = provision.ensure(self.cache_dir, self.progress, self.install_timeout)
        fd, name = tempfile.mkstemp(prefix="newslint-languagetool-", suffix=".log")
        os.close(fd)
        self._log, port, start = Path(name), free_port(), time.monotonic()
        url = f"http://{LOCAL_HOST}:{port}"
        self._proc = launch(jar_dir, port, self._log, self.heap)
        wait_ready(self._proc, url, self._log, self.startup_timeout)
        self.startup_seconds = time.monotonic() - start
        return url

    def _verify(self, url: str) -> None:
        """The server must be LanguageTool and offer our language."""
        offered = client.languages(url, self.connect_timeout)
        if self.language not in offered:
            raise LanguageToolUnavailable(f"LanguageTool at {url} does not offer {self.language}")

    def options(self) -> dict[str, str]:
        """The request parameters besides the text."""
        params = {"language": self.language}
        if self.enabled_rules:
            params["enabledRules"] = ",".join(self.enabled_rules)
        if self.picky:
            params["level"] = "picky"
        return params

    def deadline_for(self, text: str) -> float:
        """Seconds one check of ``text`` may take, answer included."""
        return min(self.timeout + len(text) / 1000 * CHECK_SECONDS_PER_1000_CHARS, MAX_CHECK_SECONDS)

    def check(self, text: str) -> list[dict[str, Any]]:
        """All matches for ``text`` as plain dicts (offsets/lengths in Python characters)."""
        url = self.start()
        try:
            return client.check(url, text, self.options(), self.deadline_for(text))
        except LanguageToolUnavailable:
            if self.remote_url or not self._server_gone():
                raise
            if self.restarts >= self.max_restarts:
                self.close()
                raise LanguageToolUnavailable("LanguageTool server died again; not restarting it") from None
        self.restarts += 1
        self.progress("LanguageTool server died; restarting it")
        self.restart()
        return client.check(self.start(), text, self.options(), self.deadline_for(text))

    def _server_gone(self) -> bool:
        """True if the server we used is no longer running/answering."""
        if self._proc is not None:
            return self._proc.poll() is not None
        return self.url is None or not answers(self.url)

    def restart(self) -> None:
        """Stop our JVM (if any) and connect/start afresh."""
        self.close()
        self.start()

    def close(self) -> None:
        """Forget the server and stop the JVM if this session started it."""
        with self._lock:
            self.url = None
            self._stop_own()

    def _stop_own(self) -> None:
        """Stop our JVM and delete its log."""
        if self._proc is not None:
            stop(self._proc)
            self._proc = None
        if self._log is not None:
            self._log.unlink(missing_ok=True)
            self._log = None

    def __enter__(self) -> LanguageToolSession:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
