"""Output formats: one module each; FORMATTERS maps a format name to its writer."""

from __future__ import annotations

from importlib import import_module
from typing import Callable, Iterator, Mapping, TextIO

from newslint.formatters.base import FileResult

Formatter = Callable[[list[FileResult], TextIO, bool], None]

_MODULES = {"text": "text", "json": "json_format", "sarif": "sarif", "github": "github", "html": "html_report"}


class _Formatters(Mapping[str, Formatter]):
    """Format name -> writer; a format's module is imported when it is first asked for
    (a run imports the one it writes, not SARIF's and HTML's)."""

    def __getitem__(self, name: str) -> Formatter:
        return import_module(f"newslint.formatters.{_MODULES[name]}").write

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


FORMATTERS: Mapping[str, Formatter] = _Formatters()

__all__ = ["FORMATTERS", "FileResult", "Formatter"]
