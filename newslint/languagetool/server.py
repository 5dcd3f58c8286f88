"""Lifecycle of a local LanguageTool HTTP server, with language_tool_python as client.

We start the JVM ourselves (``java -Xmx1g -cp <jar dir>/languagetool-server.jar
org.languagetool.server.HTTPServer --port N``; without ``--public`` it listens
on localhost only) and point ``language_tool_python.LanguageTool`` at it via
``remote_server``.  language_tool_python 3.4.0 is therefore never asked to
start or download anything:

* its own local-server path would ignore our jar folder (``LTP_JAR_DIR_PATH``
  only disables its download; it still looks for the jar under
  ``$LTP_PATH/LanguageTool-<ver>/``), waits a fixed 15 s for readiness, retries
  failed starts on up to ~900 random ports, and hides the JVM's output;
* ``LTP_JAR_DIR_PATH`` is still set to our folder, which turns any
  ``LocalLanguageTool.download()`` into a no-op (no github/languagetool.org);
* remote URLs are only used when passed explicitly, and the public
  languagetool.org / languagetoolplus.com APIs are refused outright;
* requests to 127.0.0.1 bypass ``HTTP(S)_PROXY`` so they cannot leave the host.
"""

from __future__ import annotations

import atexit
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

import language_tool_python
import requests
from language_tool_python.exceptions import LanguageToolError

from . import provision
from .provision import Progress

DEFAULT_HEAP = "1g"
DEFAULT_PORT = 8081
LOCAL_HOST = "127.0.0.1"
STATE_FILE = "server.json"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
PUBLIC_HOSTS = ("languagetool.org", "languagetoolplus.com")
NO_PROXY: dict[str, Any] = {"http": None, "https": None}

_CHILDREN: set[subprocess.Popen[bytes]] = set()


class LanguageToolUnavailable(RuntimeError):
    """The LanguageTool server could not be started or reached (one-line message)."""


# ------------------------------------------------------------------ helpers


def is_loopback_url(url: str) -> bool:
    """True if ``url`` points at this machine (127.0.0.1 / localhost / ::1)."""
    return (urlsplit(url).hostname or "") in LOOPBACK_HOSTS


def check_url_allowed(url: str) -> str:
    """Normalise an explicit server URL; refuse the public LanguageTool API."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        raise LanguageToolUnavailable(f"not an http(s) LanguageTool URL: {url!r}")
    if any(host == h or host.endswith("." + h) for h in PUBLIC_HOSTS):
        raise LanguageToolUnavailable(f"refusing the public LanguageTool API at {host}")
    return f"{parts.scheme}://{parts.netloc}"


def _proxies_for(url: str) -> dict[str, Any] | None:
    """Disable env proxies for loopback URLs, keep them for explicit remotes."""
    return NO_PROXY if is_loopback_url(url) else None


def answers(url: str, timeout: float = 2.0) -> bool:
    """True if ``url`` serves LanguageTool's ``/v2/languages``."""
    try:
        r = requests.get(f"{url}/v2/languages", timeout=timeout, proxies=_proxies_for(url))
        return r.ok and isinstance(r.json(), list)
    except (requests.RequestException, ValueError):
        return False


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
    """URL of a live server recorded by ``serve_forever`` on 127.0.0.1, else None."""
    try:
        state = json.loads(state_path(cache_dir).read_text(encoding="utf-8"))
        url, pid = str(state["url"]), int(state["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if is_loopback_url(url) and pid_alive(pid) and answers(url):
        return url
    return None


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
    """Start the JVM with stdout/stderr to ``log``; it is killed at interpreter exit."""
    with log.open("wb") as out:
        proc = subprocess.Popen(
            server_command(jar_dir, port, heap),
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    _CHILDREN.add(proc)
    return proc


def wait_ready(proc: subprocess.Popen[bytes], url: str, log: Path, timeout: float) -> None:
    """Poll ``/v2/healthcheck`` until it answers, the JVM exits, or ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise LanguageToolUnavailable(f"LanguageTool exited with {proc.returncode}: {_log_tail(log)}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{url}/v2/healthcheck", timeout=2, proxies=NO_PROXY).ok:
                return
        time.sleep(0.2)
    stop(proc)
    raise LanguageToolUnavailable(f"LanguageTool did not answer on {url} within {timeout:.0f}s")


def stop(proc: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """Terminate the JVM (SIGTERM, then SIGKILL after ``grace`` seconds)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    _CHILDREN.discard(proc)


@atexit.register
def _stop_children() -> None:
    """Never leave our JVMs behind when Python exits normally."""
    for proc in list(_CHILDREN):
        stop(proc, grace=5.0)


def warm_up(url: str, timeout: float = 120.0) -> None:
    """One small English check so rules are loaded and JIT-compiled."""
    with contextlib.suppress(requests.RequestException):
        requests.post(
            f"{url}/v2/check", data={"language": "en-US", "text": "She have been there."},
            timeout=timeout, proxies=_proxies_for(url),
        )


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
    except KeyboardInterrupt:
        progress("stopping LanguageTool")
        return 0
    finally:
        stop(proc)
        _clear_state(state, proc.pid)
        if in_main:
            signal.signal(signal.SIGTERM, old_handler)


# --------------------------------------------------------------- session


def _utf16_to_len(text: str, offset: int, units: int) -> int:
    """Python length of the span at ``offset`` that is ``units`` UTF-16 units long."""
    n = 0
    while units > 0 and offset + n < len(text):
        units -= 2 if ord(text[offset + n]) > 0xFFFF else 1
        n += 1
    return n


def match_to_dict(m: Any, text: str) -> dict[str, Any]:
    """Flatten a language_tool_python ``Match`` (offset already code-point based)."""
    return {
        "offset": m.offset,
        "length": _utf16_to_len(text, m.offset, m.error_length),
        "rule_id": m.rule_id,
        "category_id": m.category,
        "issue_type": m.rule_issue_type,
        "message": m.message,
        "short_message": getattr(m, "shortMessage", ""),
        "replacements": list(m.replacements),
        "sentence": getattr(m, "sentence", ""),
    }


class LanguageToolSession:
    """A LanguageTool client that owns (or reuses) a server on 127.0.0.1.

    Order of preference on :meth:`start`: the explicit ``remote_url``; a server
    recorded by :func:`serve_forever` (if ``reuse_running``); a new JVM of our
    own on a free port, stopped again by :meth:`close`.
    """

    def __init__(
        self,
        language: str = "en-US",
        *,
        remote_url: str | None = None,
        reuse_running: bool = True,
        timeout: float = 60.0,
        startup_timeout: float = 180.0,
        heap: str = DEFAULT_HEAP,
        cache_dir: Path | None = None,
        progress: Progress = print,
        max_restarts: int = 1,
        picky: bool = False,
        enabled_rules: tuple[str, ...] = (),
    ) -> None:
        self.language = language
        self.picky = picky
        self.enabled_rules = enabled_rules
        self.max_restarts = max_restarts
        self.restarts = 0
        self.remote_url = check_url_allowed(remote_url) if remote_url else None
        self.reuse_running = reuse_running
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        self.heap = heap
        self.cache_dir = cache_dir
        self.progress = progress
        self.url: str | None = None
        self.startup_seconds: float | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: Path | None = None
        self._tool: language_tool_python.LanguageTool | None = None
        self._lock = threading.Lock()

    @property
    def owns_server(self) -> bool:
        """True if this session started the JVM it talks to."""
        return self._proc is not None

    def start(self) -> str:
        """Connect or start a server (idempotent); return its base URL."""
        with self._lock:
            if self._tool is None:
                self.url = self.remote_url or self._reuse() or self._start_own()
                self._tool = self._client(self.url)
            assert self.url is not None
            return self.url

    def _reuse(self) -> str | None:
        """URL of a ``serve`` server, if allowed and alive."""
        return find_running(self.cache_dir) if self.reuse_running else None

    def _start_own(self) -> str:
        """Launch our own JVM on a free port and wait until it answers."""
        jar_dir = provision.ensure(self.cache_dir, self.progress)
        os.environ["LTP_JAR_DIR_PATH"] = str(jar_dir)  # makes any ltp download a no-op
        fd, name = tempfile.mkstemp(prefix="newslint-languagetool-", suffix=".log")
        os.close(fd)
        self._log, port, start = Path(name), free_port(), time.monotonic()
        url = f"http://{LOCAL_HOST}:{port}"
        self._proc = launch(jar_dir, port, self._log, self.heap)
        try:
            wait_ready(self._proc, url, self._log, self.startup_timeout)
        except BaseException:
            self._stop_own()
            raise
        self.startup_seconds = time.monotonic() - start
        return url

    def _client(self, url: str) -> language_tool_python.LanguageTool:
        """language_tool_python in client-only (``remote_server``) mode."""
        try:
            tool = language_tool_python.LanguageTool(
                self.language, remote_server=url, proxies=_proxies_for(url)
            )
        except LanguageToolError as e:
            raise LanguageToolUnavailable(f"LanguageTool at {url} did not answer: {e}") from e
        setattr(tool, "_TIMEOUT", self.timeout)  # per-request timeout (ltp class default: 300 s)
        tool.picky = self.picky
        if self.enabled_rules:
            tool.enabled_rules = set(self.enabled_rules)
        return tool

    def check(self, text: str) -> list[dict[str, Any]]:
        """All matches for ``text`` as plain dicts (offsets/lengths in Python characters)."""
        if self._tool is None:
            self.start()
        assert self._tool is not None
        try:
            matches = self._tool.check(text)
        except LanguageToolError as e:
            if self.remote_url or not self._server_gone():
                raise LanguageToolUnavailable(f"LanguageTool check failed at {self.url}: {e}") from e
            if self.restarts >= self.max_restarts:
                self.close()
                raise LanguageToolUnavailable("LanguageTool server died again; not restarting it") from e
            self.restarts += 1
            self.progress("LanguageTool server died; restarting it")
            self.restart()
            assert self._tool is not None
            matches = self._tool.check(text)
        return [match_to_dict(m, text) for m in matches]

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
        """Forget the client and stop the JVM if this session started it."""
        with self._lock:
            self._tool = None
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
