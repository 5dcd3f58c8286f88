"""Compiler-style text: ``path:line:col: severity: message [CODE rule]`` and a summary."""

from __future__ import annotations

from typing import TextIO

import click

from newslint.formatters.base import FileResult, counts

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def write(results: list[FileResult], out: TextIO, colour: bool) -> None:
    for result in results:
        for d in result.diagnostics:
            severity = d.severity.value
            if colour:
                severity = click.style(severity, fg=_COLOURS[severity], bold=True)
            out.write(f"{result.path}:{d.line}:{d.column}: {severity}: {d.message} [{d.code} {d.rule}]\n")
        for note in result.notes:
            out.write(f"{result.path}: note: {note}\n")
    out.write(summary(results) + "\n")


def summary(results: list[FileResult]) -> str:
    """One line: how many of each severity in how many files."""
    totals = counts(results)
    files = f"{len(results)} file{'s' if len(results) != 1 else ''}"
    if not any(totals.values()):
        return f"no problems found in {files}"
    parts = [f"{n} {name}{'s' if n != 1 else ''}" for name, n in totals.items() if n]
    return f"{', '.join(parts)} in {files}"
