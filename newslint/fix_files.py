"""--fix: write fixed text back into an article file, atomically, keeping its BOM and mode."""

from __future__ import annotations

import codecs
import os
import shutil
import tempfile
from pathlib import Path


def write_fixed(path: str, original: str, fixed: str) -> str | None:
    """Replace the file's text ``original`` with ``fixed``; None, or why it was left alone."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        return f"cannot read it again: {exc.strerror or exc}"
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        current = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        current = None
    if current != original:
        return "it changed while newslint was checking it; not fixed"
    fd, tmp = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".newslint", dir=file.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write((codecs.BOM_UTF8 if bom else b"") + fixed.encode("utf-8"))
        shutil.copymode(file, tmp)
        os.replace(tmp, file)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        return f"cannot write the fixes: {exc.strerror or exc}"
    return None
