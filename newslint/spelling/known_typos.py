"""Common real misspellings and their corrections, from codespell's dictionary.

codespell (PyPI, maintained) ships ``dictionary.txt``: about 65,000 ``typo->fix`` lines
collected from real text, licensed CC BY-SA 3.0 as a derivative of Wikipedia's lists of
common misspellings. We read it from the installed package; we do not copy it. Checked
before the dictionary, so the commonest typos are caught even where a dictionary would
accept a rare variant. An entry with several corrections (``a, b,``) is ambiguous: its
corrections are suggestions, never a fix.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def known_typos() -> dict[str, tuple[str, ...]]:
    """Lower-case misspelling -> corrections, best first; empty if codespell is missing."""
    try:
        data = resources.files("codespell_lib").joinpath("data", "dictionary.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    table: dict[str, tuple[str, ...]] = {}
    for line in data.splitlines():
        typo, sep, fixes = line.partition("->")
        if not sep or not typo.isalpha():
            continue
        options = tuple(f.strip() for f in fixes.split(",") if f.strip())
        if options:
            table[typo.lower()] = options
    return table
