"""Fetch LanguageTool from Maven Central and lay it out as a runnable folder.

The result is ``<cache>/languagetool-<LT_VERSION>/`` holding ``libs/*.jar``
(the server, the English module and all transitive dependencies) plus a
small launcher ``languagetool-server.jar`` whose manifest names the main
class and lists every ``libs/`` jar on its ``Class-Path``.  That is the same
shape as the official LanguageTool zip, so ``java -jar`` / ``java -cp`` and
language_tool_python's ``LTP_JAR_DIR_PATH`` both accept it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from urllib.parse import quote, unquote

from newslint import children

LT_VERSION = "6.8"
"""Newest LanguageTool release on Maven Central (maven-metadata.xml <release>)."""

LT_GROUP = "org.languagetool"
LT_ARTIFACTS = ("languagetool-server", "language-en")
MAIN_CLASS = "org.languagetool.server.HTTPServer"
SERVER_JAR = "languagetool-server.jar"
LIBS_DIR = "libs"
DEPENDENCY_PLUGIN = "3.6.1"
MIN_JAVA = 17
MVN_TIMEOUT_S = 1800.0  # `languagetool install` and --grammar required
AUTO_INSTALL_TIMEOUT_S = 180.0  # --grammar auto: a first run gives up soon and goes on without grammar
HEARTBEAT_S = 15.0
LOCK_FILE = ".languagetool-install.lock"
# fail fast on an unreachable repository instead of Maven's long default retries
MVN_NETWORK_FLAGS = ("-Daether.connector.connectTimeout=15000", "-Daether.connector.requestTimeout=60000",
                     "-Dmaven.wagon.http.retryHandler.count=1")
PARTIAL_MAX_AGE_S = 3600.0

Progress = Callable[[str], None]


class ProvisionError(RuntimeError):
    """LanguageTool could not be found or installed (one-line message)."""


# --------------------------------------------------------------------- paths


def default_cache_dir() -> Path:
    """``$NEWSLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newslint``, else ``~/.cache/newslint``."""
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "newslint"


def jar_dir(cache_dir: Path | None = None, version: str | None = None) -> Path:
    """The install folder for ``version`` (default LT_VERSION) under ``cache_dir``."""
    return (cache_dir or default_cache_dir()) / f"languagetool-{version or LT_VERSION}"


def ltp_download_dir() -> Path:
    """Where language_tool_python unpacks its own downloads (``$LTP_PATH``)."""
    return Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")


# ------------------------------------------------------------------ manifest


def _utf8_cut(data: bytes, limit: int) -> int:
    """Largest cut <= limit that does not split a UTF-8 sequence."""
    if len(data) <= limit:
        return len(data)
    cut = limit
    while cut > 0 and (data[cut] & 0xC0) == 0x80:
        cut -= 1
    return cut


def wrap_manifest_line(line: str) -> bytes:
    """Encode one header, wrapped at 72 bytes; continuation lines start with one space."""
    data, limit, chunks = line.encode("utf-8"), 72, []
    while data:
        cut = _utf8_cut(data, limit)
        chunks.append(data[:cut])
        data, limit = data[cut:], 71
    return b"\r\n ".join(chunks) + b"\r\n"


def manifest_bytes(main_class: str, class_path: Sequence[str]) -> bytes:
    """A complete MANIFEST.MF with Main-Class and a (URL-quoted) Class-Path."""
    headers = [
        "Manifest-Version: 1.0",
        "Created-By: newslint",
        f"Main-Class: {main_class}",
        "Class-Path: " + " ".join(quote(p) for p in class_path),
    ]
    return b"".join(wrap_manifest_line(h) for h in headers) + b"\r\n"


def parse_manifest(data: bytes) -> dict[str, str]:
    """Parse a manifest's main section, joining continuation lines."""
    text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    headers: dict[str, str] = {}
    last = ""
    for raw in text.split("\n"):
        if not raw:
            if headers:
                break
            continue
        if raw.startswith(" ") and last:
            headers[last] += raw[1:]
        elif ":" in raw:
            last, value = raw.split(":", 1)
            headers[last] = value.lstrip(" ")
    return headers


def write_launcher_jar(path: Path, class_path: Sequence[str], main_class: str = MAIN_CLASS) -> None:
    """Write a code-less jar whose manifest points at ``class_path``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as jar:
        jar.writestr("META-INF/MANIFEST.MF", manifest_bytes(main_class, class_path))


def read_class_path(jar: Path) -> list[str]:
    """The relative ``Class-Path`` entries of ``jar`` (URL-unquoted)."""
    with zipfile.ZipFile(jar) as zf:
        headers = parse_manifest(zf.read("META-INF/MANIFEST.MF"))
    return [unquote(p) for p in headers.get("Class-Path", "").split()]


def is_complete(folder: Path) -> bool:
    """True if ``folder`` has the server jar and every jar its Class-Path names."""
    jar = folder / SERVER_JAR
    try:
        entries = read_class_path(jar)
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        return False
    return all((folder / e).is_file() for e in entries)


# -------------------------------------------------------------------- lookup


def _ltp_candidates() -> list[Path]:
    """language_tool_python's unpacked ``LanguageTool-*`` folders, pinned version first."""
    base = ltp_download_dir()
    if not base.is_dir():
        return []
    found = [p for p in base.glob("LanguageTool-*") if p.is_dir()]
    pinned = f"LanguageTool-{LT_VERSION}"
    newest = sorted(found, key=lambda p: [int(n) for n in re.findall(r"\d+", p.name)], reverse=True)
    return sorted(newest, key=lambda p: p.name != pinned)


def find_existing(cache_dir: Path | None = None) -> Path | None:
    """A usable LanguageTool folder: ``$LTP_JAR_DIR_PATH``, our cache, or language_tool_python's."""
    env = os.environ.get("LTP_JAR_DIR_PATH")
    if env and (Path(env) / SERVER_JAR).is_file():
        return Path(env)
    ours = jar_dir(cache_dir)
    if is_complete(ours):
        return ours
    return next((p for p in _ltp_candidates() if is_complete(p)), None)


# ------------------------------------------------------------------- install


def require_java() -> str:
    """Path to ``java`` (>= 17), else ProvisionError."""
    java = shutil.which("java")
    if not java:
        raise ProvisionError(f"java not found on PATH; LanguageTool {LT_VERSION} needs Java {MIN_JAVA}+")
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    major = int(m.group(1)) if m else 0
    if m and major == 1 and m.group(2):
        major = int(m.group(2))
    if major < MIN_JAVA:
        raise ProvisionError(f"{java} is Java {major or '?'}; LanguageTool {LT_VERSION} needs Java {MIN_JAVA}+")
    return java


def require_mvn() -> str:
    """Path to ``mvn``, else ProvisionError."""
    mvn = shutil.which("mvn")
    if not mvn:
        raise ProvisionError("mvn (Apache Maven) not found on PATH; install it, e.g. `apt-get install maven`")
    return mvn


def fetch_pom(version: str | None = None) -> str:
    """A throw-away pom depending on the LanguageTool server + English module."""
    deps = "".join(
        f"<dependency><groupId>{LT_GROUP}</groupId><artifactId>{a}</artifactId>"
        f"<version>{version or LT_VERSION}</version></dependency>"
        for a in LT_ARTIFACTS
    )
    return (
        '<project xmlns="http://maven.apache.org/POM/4.0.0">'
        "<modelVersion>4.0.0</modelVersion><groupId>newslint.local</groupId>"
        "<artifactId>languagetool-fetch</artifactId><version>1</version><packaging>pom</packaging>"
        f"<dependencies>{deps}</dependencies><build><plugins><plugin>"
        "<groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId>"
        f"<version>{DEPENDENCY_PLUGIN}</version></plugin></plugins></build></project>\n"
    )


def mvn_command(mvn: str, pom: Path, out_dir: Path) -> list[str]:
    """``mvn -B -q dependency:copy-dependencies`` into ``out_dir`` (runtime scope)."""
    return [
        mvn, "-B", "-q", "-Dstyle.color=never", *MVN_NETWORK_FLAGS, "-f", str(pom), "dependency:copy-dependencies",
        f"-DoutputDirectory={out_dir}", "-DincludeScope=runtime",
        "-Dmdep.prependGroupId=true", "-Dmdep.overWriteReleases=true",
    ]


def _last_line(log: Path) -> str:
    """The first real ``[ERROR]`` line of an mvn log (else its last line), for messages."""
    try:
        text = re.sub(r"\x1b\[[0-9;]*m", "", log.read_text(errors="replace"))
    except OSError:
        return ""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("[ERROR]") and len(ln) > len("[ERROR]")]
    return (errors[0] if errors else lines[-1] if lines else "")[:300]


def _run_mvn(cmd: list[str], log: Path, progress: Progress, deadline: float) -> None:
    """Run mvn with output to ``log``, reporting a heartbeat through ``progress``."""
    start = time.monotonic()
    with log.open("wb") as out:
        proc = children.start(cmd, out)
        try:
            while True:
                try:
                    rc = proc.wait(timeout=max(0.1, min(HEARTBEAT_S, deadline - time.monotonic())))
                    break
                except subprocess.TimeoutExpired:
                    elapsed = time.monotonic() - start
                    if time.monotonic() >= deadline:
                        raise ProvisionError(f"mvn fetch of LanguageTool gave up after {elapsed:.0f}s (Maven Central "
                                             "unreachable or slow?); `newslint languagetool install` retries "
                                             "with a longer limit") from None
                    progress(f"  ... still fetching ({elapsed:.0f}s)")
        finally:
            children.stop(proc, grace=2.0)
    if rc != 0:
        raise ProvisionError(f"mvn fetch of LanguageTool {LT_VERSION} failed (exit {rc}): {_last_line(log)} [log: {log}]")
    log.unlink()


def _remove_stale_partials(cache: Path) -> None:
    """Delete leftovers of interrupted installs older than an hour."""
    now = time.time()
    for p in cache.glob(".languagetool-*.partial-*"):
        try:
            if now - p.stat().st_mtime > PARTIAL_MAX_AGE_S:
                shutil.rmtree(p, ignore_errors=True)
        except OSError:
            pass


def _build(work: Path, mvn: str, log: Path, progress: Progress, deadline: float) -> None:
    """Fill ``work`` with libs/ and the launcher jar (mvn output goes to ``log``)."""
    pom, libs = work / "fetch-pom.xml", work / LIBS_DIR
    pom.write_text(fetch_pom(), encoding="utf-8")
    cmd = mvn_command(mvn, pom, libs)
    progress(f"LanguageTool {LT_VERSION}: fetching {', '.join(LT_ARTIFACTS)} + dependencies via Maven")
    _run_mvn(cmd, log, progress, deadline)
    jars = sorted(p.name for p in libs.glob("*.jar"))
    if not any(n.endswith(f"languagetool-server-{LT_VERSION}.jar") for n in jars):
        raise ProvisionError(f"mvn finished but languagetool-server-{LT_VERSION}.jar is missing in {libs}")
    size = sum((libs / n).stat().st_size for n in jars) / 2**20
    progress(f"  fetched {len(jars)} jars ({size:.0f} MiB); writing launcher {SERVER_JAR}")
    write_launcher_jar(work / SERVER_JAR, [f"{LIBS_DIR}/{n}" for n in jars])
    pom.unlink()
    work.chmod(0o755)  # mkdtemp made it private


def _publish(work: Path, final: Path) -> Path:
    """Atomically rename ``work`` to ``final`` (or keep a racing winner's copy)."""
    if final.exists() and not is_complete(final):
        shutil.rmtree(final)
    try:
        os.rename(work, final)
    except OSError:
        if not is_complete(final):
            raise
    return final


@contextlib.contextmanager
def _install_lock(cache: Path, deadline: float, progress: Progress) -> Iterator[None]:
    """One installer per cache folder at a time; the others wait (until ``deadline``)."""
    with open(cache / LOCK_FILE, "a+b") as handle:
        said = False
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ProvisionError("another newslint is still installing LanguageTool; try again later") from None
                if not said:
                    progress("waiting for another newslint to finish installing LanguageTool")
                    said = True
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def install(cache_dir: Path | None = None, progress: Progress = print, timeout: float = MVN_TIMEOUT_S) -> Path:
    """Fetch LanguageTool with Maven into ``<cache>/languagetool-<ver>/``; return that folder.

    Idempotent: returns at once if that folder is already complete. Several runs at once
    take turns (a lock file); the second finds the first one's install. Gives up after
    ``timeout`` seconds in all.
    """
    require_java()
    mvn = require_mvn()
    cache = cache_dir or default_cache_dir()
    final = jar_dir(cache)
    if is_complete(final):
        return final
    cache.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    deadline = start + timeout
    with _install_lock(cache, deadline, progress):
        if is_complete(final):
            return final  # installed by the run we waited for
        _remove_stale_partials(cache)
        work = Path(tempfile.mkdtemp(prefix=f".languagetool-{LT_VERSION}.partial-", dir=cache))
        try:
            _build(work, mvn, cache / "languagetool-install.log", progress, deadline)
            _publish(work, final)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    progress(f"LanguageTool {LT_VERSION} installed in {final} ({time.monotonic() - start:.0f}s)")
    return final


def ensure(cache_dir: Path | None = None, progress: Progress = print, timeout: float = MVN_TIMEOUT_S) -> Path:
    """An existing LanguageTool folder, installing one first if needed (within ``timeout``)."""
    return find_existing(cache_dir) or install(cache_dir, progress, timeout)
