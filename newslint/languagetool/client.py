"""A guarded HTTP client for LanguageTool: an overall deadline per request, validated answers.

Every request ends by its deadline whatever the server does (dies, hangs, trickles a byte at
a time): a watchdog shuts the socket down when time is up. Answers are checked against the
shape LanguageTool documents before anything else sees them, and offsets (UTF-16 units in
LanguageTool) are converted to Python characters and checked against the text. Every
failure is a :class:`LanguageToolUnavailable` with a one-line message. Standard library
only; environment proxies are not used, so text goes only to the host named in the URL.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from typing import Any
from urllib.parse import urlencode, urlsplit

MAX_ANSWER_BYTES = 64 * 2**20  # a check answer bigger than this is not LanguageTool's
READ_CHUNK = 65536


class LanguageToolUnavailable(RuntimeError):
    """The LanguageTool server could not be started, reached or understood (one-line message)."""


def _printable(data: bytes, limit: int = 120) -> str:
    """The start of an answer body, safe for a one-line message."""
    text = data[:limit].decode("utf-8", "replace")
    return "".join(c if c.isprintable() else " " for c in text).strip()


def _shutdown(conn: http.client.HTTPConnection) -> None:
    """Watchdog: make any blocking send/recv on the connection return at once."""
    sock = conn.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def fetch(url: str, path: str, form: dict[str, str] | None = None, *, timeout: float) -> tuple[int, bytes]:
    """GET (or POST ``form`` to) ``url + path``; (status, body), all within ``timeout`` seconds."""
    parts = urlsplit(url)
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    deadline = time.monotonic() + timeout
    conn = kind(parts.hostname or "", parts.port, timeout=timeout)
    watchdog = threading.Timer(timeout, _shutdown, (conn,))
    watchdog.daemon = True
    watchdog.start()
    try:
        if form is None:
            conn.request("GET", path, headers={"Accept": "application/json"})
        else:
            body = urlencode(form).encode("utf-8")
            conn.request("POST", path, body=body, headers={
                "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Accept": "application/json"})
        answer = conn.getresponse()
        chunks, size = [], 0
        while chunk := answer.read1(READ_CHUNK):
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                raise LanguageToolUnavailable(f"LanguageTool at {url} sent more than {MAX_ANSWER_BYTES >> 20} MB")
            if time.monotonic() > deadline:
                raise TimeoutError
            chunks.append(chunk)
        if time.monotonic() > deadline:
            raise TimeoutError
        return answer.status, b"".join(chunks)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if time.monotonic() >= deadline - 0.01 or isinstance(exc, TimeoutError):
            raise LanguageToolUnavailable(f"LanguageTool at {url} gave no complete answer within {timeout:g}s") from None
        raise LanguageToolUnavailable(f"LanguageTool at {url} failed: {type(exc).__name__}: {exc}") from None
    finally:
        watchdog.cancel()
        conn.close()


def fetch_json(url: str, path: str, form: dict[str, str] | None = None, *, timeout: float) -> Any:
    """The JSON answer of a 200 response; anything else is LanguageToolUnavailable."""
    status, body = fetch(url, path, form, timeout=timeout)
    if status != 200:
        raise LanguageToolUnavailable(f"LanguageTool at {url} answered HTTP {status}: {_printable(body)}")
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise LanguageToolUnavailable(f"LanguageTool at {url} answered with something that is not JSON: "
                                      f"{_printable(body)}") from None


def languages(url: str, timeout: float = 10.0) -> set[str]:
    """The language codes a server offers (``/v2/languages``), validated."""
    data = fetch_json(url, "/v2/languages", timeout=timeout)
    if not isinstance(data, list) or not all(isinstance(d, dict) and isinstance(d.get("longCode"), str) for d in data):
        raise LanguageToolUnavailable(f"{url} is not a LanguageTool server (/v2/languages is not a list of languages)")
    return {d["longCode"] for d in data}


def check(url: str, text: str, options: dict[str, str], timeout: float) -> list[dict[str, Any]]:
    """LanguageTool's matches for ``text`` as plain dicts with offsets in Python characters."""
    data = fetch_json(url, "/v2/check", {**options, "text": text}, timeout=timeout)
    if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
        raise LanguageToolUnavailable(f"LanguageTool at {url} answered without a list of matches")
    to_chars = _utf16_to_chars(text)
    return [_match(m, text, to_chars, url) for m in data["matches"]]


def _utf16_to_chars(text: str) -> list[int] | None:
    """Index from UTF-16 offset to character offset; None when they are the same (no astral chars)."""
    if text.isascii() or all(ord(c) <= 0xFFFF for c in text):
        return None
    table = []
    for i, c in enumerate(text):
        table.append(i)
        if ord(c) > 0xFFFF:
            table.append(i)  # the second half of a surrogate pair points at the same character
    table.append(len(text))
    return table


def _match(m: Any, text: str, to_chars: list[int] | None, url: str) -> dict[str, Any]:
    """One validated match; a malformed one means the server is not a working LanguageTool."""
    try:
        offset, length, rule = m["offset"], m["length"], m["rule"]
        if not (isinstance(offset, int) and isinstance(length, int) and isinstance(rule, dict)
                and isinstance(rule.get("id"), str) and isinstance(m.get("message", ""), str)):
            raise TypeError
        units = len(to_chars) - 1 if to_chars else len(text)
        if offset < 0 or length < 0 or offset + length > units:
            raise LanguageToolUnavailable(
                f"LanguageTool at {url} reported a match at {offset}+{length} outside the {units}-unit text")
        start = to_chars[offset] if to_chars else offset
        end = to_chars[offset + length] if to_chars else offset + length
        category = rule.get("category") if isinstance(rule.get("category"), dict) else {}
        replacements = [r["value"] for r in m.get("replacements") or () if isinstance(r, dict) and isinstance(r.get("value"), str)]
    except (KeyError, TypeError, AttributeError):
        raise LanguageToolUnavailable(f"LanguageTool at {url} answered with a malformed match: "
                                      f"{_printable(json.dumps(m, default=str).encode())}") from None
    return {
        "offset": start,
        "length": end - start,
        "rule_id": rule["id"],
        "category_id": str(category.get("id") or ""),
        "issue_type": str(rule.get("issueType") or ""),
        "message": m.get("message") or "",
        "short_message": str(m.get("shortMessage") or ""),
        "replacements": replacements,
        "sentence": str(m.get("sentence") or ""),
    }
