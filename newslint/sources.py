"""Turn command-line paths into articles: files, folders, ``-`` for stdin; clear errors."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from newslint.article import Article
from newslint.files import is_regular


@dataclass(frozen=True)
class InputError:
    """A path that could not be read as an article; reported as one line on stderr."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: error: {self.message}"


def expand(paths: tuple[str, ...], extensions: tuple[str, ...]) -> Iterator[str | InputError]:
    """Each path as a file to read, folders walked for article files, in order. Only regular
    files are read (a FIFO or a device would block or never end); a subfolder that cannot
    be read is an error, not a silent skip."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found, unreadable = _walk(path, extensions)
            yield from unreadable
            if not found and not unreadable:
                yield InputError(raw, f"no articles in folder (looked for {', '.join(extensions)})")
            yield from found
        elif is_regular(path):
            yield raw
        elif path.exists():
            yield InputError(raw, "not a regular file (a FIFO, device or socket); not read")
        else:
            yield InputError(raw, "no such file or folder")


def _walk(folder: Path, extensions: tuple[str, ...]) -> tuple[list[str], list[InputError]]:
    """Article files under ``folder`` (hidden names skipped, links to folders not followed),
    sorted, and one error per subfolder that could not be listed."""
    found: list[str] = []
    unreadable: list[InputError] = []

    def report(exc: OSError) -> None:
        unreadable.append(InputError(str(exc.filename or folder),
                                     f"cannot read folder: {exc.strerror or exc}; its articles were not checked"))

    for root, dirs, files in os.walk(folder, onerror=report):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        prefix = str(Path(root))  # as Path(root) / name writes it ("./a.txt" is "a.txt"), built once a folder
        for name in files:
            if name.startswith(".") or name_suffix(name) not in extensions:
                continue
            p = name if prefix == "." else os.path.join(prefix, name)
            if is_regular(p):
                found.append(p)
    return sorted(found, key=lambda f: f.split(os.sep)), unreadable  # component by component, as Path.parts


def name_suffix(name: str) -> str:
    """``Path(name).suffix.lower()``, without making a Path (a folder of thousands)."""
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def read_article(path: str) -> Article | InputError:
    """Read and decode one article; binary files and invalid UTF-8 become InputError."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        return InputError(path, f"cannot read: {exc.strerror or exc}")
    name = "<stdin>" if path == "-" else path
    return decode(data, name)


def decode(data: bytes, name: str) -> Article | InputError:
    """UTF-8 with or without BOM; a NUL byte means binary."""
    if b"\x00" in data[:8192]:
        return InputError(name, "binary file, not text (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return InputError(name, f"invalid UTF-8 at byte {exc.start} (line {line}); save the file as UTF-8")
    return Article(text, name)
