"""A fake LanguageTool HTTP server on 127.0.0.1 that misbehaves on request (fault injection).

``behaviour`` maps a path (``/v2/languages``, ``/v2/check``) to one of: ``ok`` (a valid
answer), ``die`` (close the connection without answering), ``hang`` (say nothing until the
server stops), ``trickle`` (valid headers, then one byte every 0.2 s), or a tuple
``(status, body)`` sent as is (garbage). Every wait is bounded by the server's life.
"""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LANGUAGES = [{"name": "English (US)", "code": "en", "longCode": "en-US"},
             {"name": "English (GB)", "code": "en", "longCode": "en-GB"}]


def good_match(offset: int = 0, length: int = 3) -> dict[str, Any]:
    return {"offset": offset, "length": length, "message": "Possible agreement error",
            "shortMessage": "", "replacements": [{"value": "has"}], "sentence": "",
            "rule": {"id": "HE_VERB_AGR", "issueType": "grammar", "category": {"id": "GRAMMAR"}}}


class FakeLanguageTool:
    """Start with ``with FakeLanguageTool({...}) as fake:``; ``fake.url`` is its base URL."""

    def __init__(self, behaviour: dict[str, Any] | None = None, matches: list | None = None) -> None:
        self.behaviour = {"/v2/languages": "ok", "/v2/check": "ok", **(behaviour or {})}
        self.matches = matches if matches is not None else [good_match()]
        self.stopping = threading.Event()
        self.requests: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                fake._answer(self)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                fake._answer(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?")[0]
        self.requests.append(path)
        mode = self.behaviour.get(path, "ok")
        if path == "/v2/healthcheck" and mode == "ok":
            return self._send(handler, 200, b"OK")
        ok_body = json.dumps(LANGUAGES if path == "/v2/languages" else {"matches": self.matches}).encode()
        if mode == "ok":
            self._send(handler, 200, ok_body)
        elif mode == "die":
            handler.connection.shutdown(socket.SHUT_RDWR)
        elif mode == "hang":
            self.stopping.wait(60)
        elif mode == "trickle":
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(ok_body)))
            handler.end_headers()
            for byte in ok_body:
                if self.stopping.wait(0.2):
                    return
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
        else:
            status, body = mode
            self._send(handler, status, body if isinstance(body, bytes) else json.dumps(body).encode())

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def __enter__(self) -> "FakeLanguageTool":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
