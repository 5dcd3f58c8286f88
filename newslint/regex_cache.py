"""Compiled regular-expression programs kept between runs of the command line, like bytecode.

``re`` compiles a pattern by parsing it and generating its program in Python, on every run:
for newslint's few hundred patterns, about a quarter of a cold start. ``install()`` (the
command line calls it first thing) lets ``re`` take the program of a pattern it compiled in
an earlier run from ``<cache>/compiled/regex-<python>-<sre magic>.records`` and build the
pattern from it with ``_sre.compile``, the call ``re`` itself ends with; a pattern equals
what ``re`` would have compiled (tests/test_regex_cache.py compares them). Programs new in
a run are added to the file at exit (up to ``MOST``, newest kept). On a Python whose
private ``re`` internals differ, or with an unusable cache folder, nothing changes.
"""

from __future__ import annotations

import atexit
import sys
from array import array
from typing import Any

from newslint.kept_table import KeptTable

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another implementation
    _sre = None  # type: ignore[assignment]

MOST = 2000  # programs kept in the file

Program = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]  # flags, code, groups, index, names


def usable() -> bool:
    """Whether this Python's ``re`` internals are the ones this module knows."""
    return (_sre is not None and hasattr(_compiler, "_code") and hasattr(_parser, "parse")
            and array("I").itemsize == getattr(_sre, "CODESIZE", 0))


def program(pattern: str, flags: int) -> Program:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` (the code as bytes)."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = p.state.groupdict
    indexgroup: list[Any] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return flags | p.state.flags, array("I", code).tobytes(), p.state.groups - 1, dict(groupindex), tuple(indexgroup)


def build(pattern: str, prog: Program) -> Any:
    """The compiled pattern from its program."""
    flags, code, groups, groupindex, indexgroup = prog
    return _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex, indexgroup)


class Programs(KeptTable):
    """The programs of one cache file: those read from it and those compiled since."""

    most = MOST

    def compile(self, pattern: str, flags: int) -> Any:
        flags = int(flags)
        return build(pattern, self.get((pattern, flags), lambda: program(pattern, flags)))


def install() -> None:
    """Route ``re``'s compiling of text patterns in this process through the program file."""
    if not usable() or getattr(_compiler.compile, "_newslint", False):
        return
    from newslint.datacache import cache_root

    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    programs = Programs(cache_root() / "compiled" / f"regex-{version}-{_sre.MAGIC}.records")
    original = _compiler.compile

    def compile(p: Any, flags: int = 0) -> Any:
        if isinstance(p, str) and not flags & _compiler.SRE_FLAG_DEBUG:
            try:
                return programs.compile(p, flags)
            except Exception:  # noqa: BLE001 - errors are reported by re's own compile below
                pass
        return original(p, flags)

    compile._newslint = True  # type: ignore[attr-defined]
    _compiler.compile = compile
    atexit.register(programs.save_quietly)
