"""LanguageTool provisioning (manifest, lookup) and one real local-server check."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from newslint.languagetool import provision
from newslint.languagetool.provision import (
    manifest_bytes,
    parse_manifest,
    read_class_path,
    wrap_manifest_line,
    write_launcher_jar,
)


def test_manifest_lines_are_wrapped_at_72_bytes() -> None:
    jars = [f"libs/org.example.artifact-number-{i}-1.0.jar" for i in range(40)]
    data = manifest_bytes(provision.MAIN_CLASS, jars)
    lines = data.split(b"\r\n")
    assert all(len(line) <= 72 for line in lines)
    assert data.endswith(b"\r\n\r\n")
    continuations = [line for line in lines if line.startswith(b" ")]
    assert len(continuations) > 10
    headers = parse_manifest(data)
    assert headers["Main-Class"] == provision.MAIN_CLASS
    assert headers["Class-Path"].split() == jars


def test_wrap_does_not_split_utf8_sequences() -> None:
    line = "Class-Path: " + "é" * 100
    wrapped = wrap_manifest_line(line)
    parts = wrapped.rstrip(b"\r\n").split(b"\r\n ")
    assert all(len(p) <= 72 for p in parts)
    assert b"".join(parts).decode("utf-8") == line


def test_short_line_is_not_wrapped() -> None:
    assert wrap_manifest_line("Main-Class: a.B") == b"Main-Class: a.B\r\n"


def test_launcher_jar_round_trip(tmp_path: Path) -> None:
    (tmp_path / "libs").mkdir()
    names = [f"libs/dep {i}.jar" for i in range(30)]  # a space is URL-quoted
    for n in names:
        (tmp_path / n).write_bytes(b"")
    write_launcher_jar(tmp_path / provision.SERVER_JAR, names)
    with zipfile.ZipFile(tmp_path / provision.SERVER_JAR) as jar:
        assert jar.namelist()[0] == "META-INF/MANIFEST.MF"
        assert b"dep%201.jar" in jar.read("META-INF/MANIFEST.MF").replace(b"\r\n ", b"")
    assert read_class_path(tmp_path / provision.SERVER_JAR) == names
    assert provision.is_complete(tmp_path)
    (tmp_path / names[7]).unlink()
    assert not provision.is_complete(tmp_path)


def test_default_cache_dir_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert provision.default_cache_dir() == tmp_path / "xdg" / "newslint"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "nl"))
    assert provision.default_cache_dir() == tmp_path / "nl"
    assert provision.jar_dir() == tmp_path / "nl" / f"languagetool-{provision.LT_VERSION}"


def test_find_existing_honours_ltp_jar_dir_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))
    own = tmp_path / "own-lt"
    own.mkdir()
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(own))
    assert provision.find_existing() is None  # no jar there yet
    write_launcher_jar(own / provision.SERVER_JAR, [])
    assert provision.find_existing() == own


def test_find_existing_falls_back_to_ltp_download(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))
    ltp = tmp_path / "ltp" / "LanguageTool-6.5"
    ltp.mkdir(parents=True)
    write_launcher_jar(ltp / provision.SERVER_JAR, [])
    assert provision.find_existing() == ltp
    ours = provision.jar_dir()
    ours.mkdir(parents=True)
    write_launcher_jar(ours / provision.SERVER_JAR, ["libs/missing.jar"])
    assert provision.find_existing() == ltp  # ours is incomplete: ignored
    (ours / "libs").mkdir()
    (ours / "libs" / "missing.jar").write_bytes(b"")
    assert provision.find_existing() == ours


def test_install_without_mvn_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real_which = shutil.which
    monkeypatch.setattr(provision.shutil, "which", lambda n: None if n == "mvn" else real_which(n))
    if real_which("java") is None:
        pytest.skip("java not installed")
    with pytest.raises(provision.ProvisionError, match="mvn"):
        provision.install(tmp_path)
    assert not list(tmp_path.iterdir())  # nothing half-built left behind


def test_public_languagetool_api_is_refused() -> None:
    from newslint.languagetool.server import LanguageToolSession, LanguageToolUnavailable

    for url in ("https://api.languagetool.org", "https://languagetool.org/api/", "api.languagetoolplus.com"):
        with pytest.raises(LanguageToolUnavailable):
            LanguageToolSession(remote_url=url)


@pytest.fixture(scope="module")
def lt_dir() -> Path:
    """A real LanguageTool folder (installed via Maven on first use)."""
    try:
        return provision.ensure(progress=lambda line: print(line))
    except provision.ProvisionError as e:
        if os.environ.get("NEWSLINT_REQUIRE_LANGUAGETOOL"):
            raise
        pytest.skip(f"LanguageTool unavailable: {e}")


def test_local_server_finds_grammar_error(lt_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    import psutil

    from newslint.languagetool.server import LanguageToolSession, is_loopback_url

    peers: list[str] = []
    real_connect = socket.socket.connect

    def recording_connect(sock: socket.socket, address: object) -> object:
        peers.append(str(address[0] if isinstance(address, tuple) else address))
        return real_connect(sock, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", recording_connect)
    text = "She have been there for years."
    with LanguageToolSession("en-US", reuse_running=False, progress=print) as session:
        assert session.owns_server
        assert session.url is not None and is_loopback_url(session.url)
        assert session.url.startswith(("http://127.0.0.1:", "http://localhost:"))
        matches = session.check(text)
        assert session._proc is not None
        jvm_peers = {c.raddr.ip for c in psutil.Process(session._proc.pid).net_connections("inet") if c.raddr}
    hits = [m for m in matches if m["offset"] == text.index("have")]
    assert hits, matches
    assert hits[0]["length"] == len("have")
    assert hits[0]["category_id"] == "GRAMMAR"
    assert "has" in hits[0]["replacements"]
    assert session.url is None  # closed
    loopback = {"127.0.0.1", "::1", "::ffff:127.0.0.1"}
    assert peers and set(peers) <= loopback, peers  # Python side: only this machine
    assert jvm_peers <= loopback, jvm_peers  # the JVM talks to no one else either
