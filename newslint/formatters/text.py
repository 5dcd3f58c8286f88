r"""Compiler-style text: ``path:line:col: severity: message [CODE rule]`` and a summary.

Columns are 1-based UTF-8 byte columns, as Vim's and Neovim's quickfix (``%c``), GCC and
Clang count them, so ``errorformat=%f:%l:%c:\ %t%*[^:]:\ %m`` lands on the exact character.
"""

from __future__ import annotations

import re
from typing import Callable, TextIO

import click

from newslint.formatters.base import FileResult, counts
from newslint.positions import Positions

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
# control characters (terminal escapes, BEL, line breaks), bidi overrides and isolates, and
# other invisible format characters: an article's text must not drive the terminal or
# reorder what it shows, so they are printed as their code point, e.g. U+202E
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")


def shown(text: str) -> str:
    """``text`` safe for a terminal line: unsafe characters as ``U+XXXX``."""
    return _UNSAFE.sub(lambda m: f"U+{ord(m.group()):04X}", text)


def write(results: list[FileResult], out: TextIO, colour: bool) -> None:
    for result in results:
        column_of = _byte_columns(result.text) if result.text is not None and result.diagnostics else None
        for d in result.diagnostics:
            severity = d.severity.value
            if colour:
                severity = click.style(severity, fg=_COLOURS[severity], bold=True)
            column = column_of(d.offset) if column_of else d.column
            out.write(f"{shown(result.path)}:{d.line}:{column}: {severity}: {shown(d.message)} [{d.code} {d.rule}]\n")
        for note in result.notes:
            out.write(f"{shown(result.path)}: note: {shown(note)}\n")
    out.write(summary(results) + "\n")


def _byte_columns(text: str) -> Callable[[int], int]:
    """The 1-based UTF-8 byte column of an offset of ``text``: in an ASCII text with no
    carriage return, the offset past the last line feed before it (one look back, no table
    of every line); otherwise from ``Positions``."""
    if text.isascii() and "\r" not in text:
        return lambda offset: offset - text.rfind("\n", 0, offset)
    positions = Positions(text)
    return lambda offset: positions.column(offset, "byte")


def summary(results: list[FileResult]) -> str:
    """One line: how many of each severity in how many files."""
    totals = counts(results)
    files = f"{len(results)} file{'s' if len(results) != 1 else ''}"
    if not any(totals.values()):
        return f"no problems found in {files}"
    parts = [f"{n} {name}{'s' if n != 1 else ''}" for name, n in totals.items() if n]
    return f"{', '.join(parts)} in {files}"
