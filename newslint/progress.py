"""A progress line on stderr ("checking grammar 12/30") for runs that make the user wait.

Shown only on a terminal and only once the work has taken ``delay`` seconds, redrawn in
place a few times a second by a background thread, and erased when the work is done, so
quick runs and piped output never see it.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO


class ProgressLine:
    """``with ProgressLine("checking grammar", 30) as line: ... line.advance()``."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None, delay: float = 1.0,
                 interval: float = 0.2) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.delay = delay
        self.interval = interval
        self._shown = 0  # width of the line on screen
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> "ProgressLine":
        isatty = getattr(self.stream, "isatty", None)
        if isatty is not None and isatty():
            self._started = time.monotonic()
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def advance(self, n: int = 1) -> None:
        with self._lock:
            self.done += n

    def _run(self) -> None:
        if self._stop.wait(self.delay):
            return
        while True:
            self._draw()
            if self._stop.wait(self.interval):
                return

    def _draw(self) -> None:
        with self._lock:
            text = f"newslint: {self.label} {self.done}/{self.total}"
        self.stream.write("\r" + text.ljust(self._shown))
        self.stream.flush()
        self._shown = len(text)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self.stream.flush()
