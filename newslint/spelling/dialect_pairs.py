"""British <-> American spelling pairs, from codespell's en-GB to en-US dictionary.

Read from the installed codespell package (CC BY-SA 3.0 data), never copied.
"""

from __future__ import annotations

from functools import lru_cache

from newslint.spelling.known_typos import codespell_file


@lru_cache(maxsize=1)
def _pairs() -> tuple[dict[str, str], dict[str, str]]:
    path = codespell_file("dictionary_en-GB_to_en-US.txt")
    if path is None:
        return {}, {}
    data = path.read_text(encoding="utf-8")
    gb_to_us: dict[str, str] = {}
    for line in data.splitlines():
        gb, sep, us = line.partition("->")
        us = us.split(",")[0].strip()
        if sep and gb.isalpha() and us.isalpha():
            gb_to_us[gb.lower()] = us.lower()
    return gb_to_us, {us: gb for gb, us in gb_to_us.items()}


def variant(word: str, dialect: str) -> str | None:
    """The spelling of ``word`` in ``dialect`` ("en-US" or "en-GB"), if it differs."""
    gb_to_us, us_to_gb = _pairs()
    table = gb_to_us if dialect == "en-US" else us_to_gb
    other = table.get(word.lower())
    if other is None:
        return None
    return other[:1].upper() + other[1:] if word[:1].isupper() else other
