"""Methods that ``dataclasses`` generates kept compiled between runs of the command line.

``@dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and
(frozen) ``__setattr__``/``__delattr__`` for every class and compiles it, on every run: for
newslint's ~50 dataclasses, some 20-30 ms of a cold start. ``install()`` (the command line
calls it first thing) routes the module's ``exec`` of that source through code objects kept
in ``<cache>/compiled/dataclass-<python>.records``, keyed by the exact source text and
compiled as ``exec`` would (no inherited ``__future__`` flags), so every generated method is
what it would have been. New sources are added to the file at exit (up to ``MOST``). On a
``dataclasses`` that does not compile this way, or with an unusable cache folder, nothing
changes.
"""

from __future__ import annotations

import atexit
import builtins
import sys
from types import CodeType
from typing import Any

from newslint.kept_table import KeptTable

MOST = 2000  # sources kept in the file


class Codes(KeptTable):
    """The compiled sources of one cache file: those read from it and those compiled since."""

    most = MOST

    def code(self, source: str) -> CodeType:
        return self.get(source, lambda: compile(source, "<string>", "exec", dont_inherit=True))


def install() -> None:
    """Route the ``exec`` of ``dataclasses`` in this process through the code file."""
    import dataclasses

    if getattr(getattr(dataclasses, "exec", None), "_newslint", False):
        return
    from newslint.datacache import cache_root

    codes = Codes(cache_root() / "compiled" / f"dataclass-{sys.implementation.cache_tag}-{sys.hexversion:x}.records")

    def exec_(source: Any, globals: dict | None = None, locals: dict | None = None) -> None:  # noqa: A002
        if isinstance(source, str) and globals is not None:
            try:
                source = codes.code(source)
            except Exception:  # noqa: BLE001 - a compile error is raised by exec itself below
                pass
        builtins.exec(source, globals, locals)

    exec_._newslint = True  # type: ignore[attr-defined]
    dataclasses.exec = exec_  # type: ignore[attr-defined]
    atexit.register(codes.save_quietly)
