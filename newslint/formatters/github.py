"""GitHub Actions workflow commands: one annotation per diagnostic, a summary line, and a
Markdown table in the job summary when ``GITHUB_STEP_SUMMARY`` names a file.

GitHub shows at most 10 annotations of each type per step, so the summary line says how
many there are and the job summary lists every one.
"""

from __future__ import annotations

import os
from typing import TextIO

from newslint.formatters.base import FileResult
from newslint.formatters.text import summary

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
SHOWN_PER_TYPE = 10  # GitHub's limit of annotations of one type per step


def escape_data(value: str) -> str:
    """The message part of a workflow command."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A property value (file=, title=): also ':' and ',' which end a property."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def write(results: list[FileResult], out: TextIO, colour: bool) -> None:
    per_type: dict[str, int] = {}
    for r in results:
        for d in r.diagnostics:
            level = _LEVEL[d.severity.value]
            per_type[level] = per_type.get(level, 0) + 1
            props = (f"file={escape_property(r.path)},line={d.line},col={d.column},endLine={d.end_line},"
                     f"endColumn={d.end_column},title={escape_property(f'{d.code} {d.rule}')}")
            out.write(f"::{level} {props}::{escape_data(d.message)}\n")
    line = f"newslint: {summary(results)}"
    hidden = {level: n - SHOWN_PER_TYPE for level, n in per_type.items() if n > SHOWN_PER_TYPE}
    if hidden:
        line += " (GitHub shows 10 annotations of each type per step: " + ", ".join(
            f"{n} more {level}s" for level, n in hidden.items()) + " are in the log above and the job summary)"
    out.write(line + "\n")
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        with open(step_summary, "a", encoding="utf-8") as handle:
            handle.write(job_summary(results))


def job_summary(results: list[FileResult]) -> str:
    """A Markdown section listing every finding, for the job summary page."""
    rows = ["## newslint", "", summary(results), ""]
    found = [(r.path, d) for r in results for d in r.diagnostics]
    if found:
        rows += ["| file | line | severity | rule | message |", "| --- | --- | --- | --- | --- |"]
        rows += [f"| {_cell(path)} | {d.line}:{d.column} | {d.severity.value} | {d.code} {d.rule} | {_cell(d.message)} |"
                 for path, d in found]
    return "\n".join(rows) + "\n\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
