"""Output formats: one module each; FORMATTERS maps a format name to its writer."""

from __future__ import annotations

from typing import Callable, TextIO

from newslint.formatters import github, html_report, json_format, sarif, text
from newslint.formatters.base import FileResult

Formatter = Callable[[list[FileResult], TextIO, bool], None]

FORMATTERS: dict[str, Formatter] = {
    "text": text.write,
    "json": json_format.write,
    "sarif": sarif.write,
    "github": github.write,
    "html": html_report.write,
}

__all__ = ["FORMATTERS", "FileResult", "Formatter"]
