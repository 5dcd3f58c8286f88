"""JSON output, version 1; the shape is documented in docs/json.md and kept stable."""

from __future__ import annotations

import json
from typing import TextIO

from newslint import __version__
from newslint.diagnostic import Diagnostic
from newslint.formatters.base import FileResult, counts
from newslint.positions import Positions

SCHEMA_VERSION = 1


def document(results: list[FileResult]) -> dict:
    """The JSON document as a dict."""
    files = []
    for r in results:
        positions = Positions(r.text) if r.text is not None and r.diagnostics else None  # only they need it
        entry = {"path": r.path, "diagnostics": [diagnostic(d, positions) for d in r.diagnostics]}
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


def diagnostic(d: Diagnostic, positions: Positions | None) -> dict:
    """One diagnostic: character positions, plus UTF-16 and UTF-8 forms when the text is known."""
    out = d.to_dict()
    if positions is None:
        return out
    for unit, suffix in (("utf16", "_utf16"), ("byte", "_byte")):
        out["column" + suffix] = positions.column(d.offset, unit)
        out["end_column" + suffix] = positions.column(d.end_offset, unit)
    out.update(_offsets(positions, d.offset, d.end_offset))
    for edit in (out["fix"] or {}).get("edits", []):
        edit.update(_offsets(positions, edit["offset"], edit["end_offset"]))
    return out


def _offsets(positions: Positions, start: int, end: int) -> dict[str, int]:
    return {"offset_utf16": positions.utf16_offset(start), "end_offset_utf16": positions.utf16_offset(end),
            "offset_byte": positions.byte_offset(start), "end_offset_byte": positions.byte_offset(end)}


def write(results: list[FileResult], out: TextIO, colour: bool) -> None:
    json.dump(document(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
