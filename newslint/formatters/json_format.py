"""JSON output, version 1; the shape is documented in docs/json.md and kept stable."""

from __future__ import annotations

import json
from typing import TextIO

from newslint import __version__
from newslint.formatters.base import FileResult, counts

SCHEMA_VERSION = 1


def document(results: list[FileResult]) -> dict:
    """The JSON document as a dict."""
    files = []
    for r in results:
        entry = {"path": r.path, "diagnostics": [d.to_dict() for d in r.diagnostics]}
        if r.notes:
            entry["notes"] = list(r.notes)
        entry.update(r.extra)
        files.append(entry)
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "newslint", "version": __version__},
        "files": files,
        "summary": {"files": len(results), **counts(results)},
    }


def write(results: list[FileResult], out: TextIO, colour: bool) -> None:
    json.dump(document(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
