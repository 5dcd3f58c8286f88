"""Recognise site navigation breadcrumbs ("Home Politics", "Home › World ›") glued to text."""

from __future__ import annotations

import re

SECTIONS = (
    "politics|world|news|business|sport|sports|tech|technology|science|health|entertainment|"
    "arts|culture|opinion|comment|lifestyle|travel|economy|money|markets|education|environment|"
    "europe|asia|africa|americas|middle east|uk|us|china|russia|local|national|international|"
    "video|latest|top stories|breaking news|in depth|analysis|features|society|military|defence|"
    "defense|diplomacy|global|regions|asia-pacific|asia pacific|football|finance|companies"
)
_SEP = r"\s*(?:[›»>|/»:]|&gt;)\s*"
# "Home" then one or more sections, optionally separated by ›, >, |, /
_HOME = re.compile(rf"(?i:home)(?:(?:{_SEP}|\s+)(?i:{SECTIONS})\b)+(?:{_SEP})?\s*")
# Without "Home", two or more sections joined by explicit separators ("World › Europe ›")
_SEPARATED = re.compile(rf"(?i:{SECTIONS})(?:{_SEP}(?i:{SECTIONS})\b)+{_SEP}")
# "News World Putin says..." : News + a section, then a capitalised word
_NEWS = re.compile(rf"News\s+(?i:politics|world|business|sport|tech|technology|science|health|entertainment|europe|asia|africa|americas|middle east|international|national|local)\s+(?=[A-Z\"“‘'])")


# Every breadcrumb opens with "Home", "News" or a section, whose first run of letters ends
# where a space, hyphen or separator follows: one of these words, in any case.
_OPENING_WORDS = frozenset(re.match(r"[a-z]+", section).group() for section in SECTIONS.split("|")) | {"home", "news"}
_LETTERS = re.compile(r"[A-Za-z]*")


def breadcrumb_end(line: str) -> int:
    """Length of a breadcrumb at the start of ``line`` (0 when there is none)."""
    if line.isascii() and _LETTERS.match(line).group().lower() not in _OPENING_WORDS:  # type: ignore[union-attr]
        return 0  # most lines: no pattern tried (beyond ASCII, case-insensitive letters are more than a-z)
    return breadcrumb_by_patterns(line)


def breadcrumb_by_patterns(line: str) -> int:
    """``breadcrumb_end`` with every pattern tried (no look at the first word first)."""
    for pattern in (_HOME, _SEPARATED, _NEWS):
        m = pattern.match(line)
        if m and m.end() < len(line):
            rest = line[m.end():].lstrip()
            if rest[:1].isupper() or rest[:1] in "\"“‘'0123456789":
                return m.end()
    return 0
