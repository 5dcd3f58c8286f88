"""Turn command-line paths into articles: files, folders, ``-`` for stdin; clear errors."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from newslint.article import Article


@dataclass(frozen=True)
class InputError:
    """A path that could not be read as an article; reported as one line on stderr."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: error: {self.message}"


def expand(paths: tuple[str, ...], extensions: tuple[str, ...]) -> Iterator[str | InputError]:
    """Each path as a file to read, folders walked for article files, in order."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in extensions and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                yield InputError(raw, f"no articles in folder (looked for {', '.join(extensions)})")
            yield from (str(p) for p in found)
        elif path.exists():
            yield raw
        else:
            yield InputError(raw, "no such file or folder")


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
