"""GitHub Actions workflow commands, one annotation per diagnostic."""

from __future__ import annotations

from typing import TextIO

from newslint.formatters.base import FileResult

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def write(results: list[FileResult], out: TextIO, colour: bool) -> None:
    for r in results:
        for d in r.diagnostics:
            out.write(
                f"::{_LEVEL[d.severity.value]} file={_escape(r.path)},line={d.line},col={d.column},"
                f"endLine={d.end_line},endColumn={d.end_column},title={d.code} {d.rule}::{_escape(d.message)}\n"
            )
