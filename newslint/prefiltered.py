"""Rule regexes that first ask one shared native pass whether they can match an article.

Most of a rule's regexes match nothing in most articles ("had became", a dateline), yet
``re`` must read the whole article to find that out, regex by regex. A regex wrapped here
(``_HAVE_PAST = prefiltered(re.compile(...))``) joins one Hyperscan database of every
wrapped regex (newslint/pattern_prefilter.py); the first search of an article's text scans
it once for all of them, and a regex whose widening does not occur there returns no match
without running. Anything the database cannot tell (a short text, a regex wrapped after
the database was made, no database yet) runs the regex as before, so results never change.
Wrap only regexes searched over whole texts that rarely match: one searched in a window before
an offset (ending in ``$``) or holding a back-reference is widened to match almost anything.
"""

from __future__ import annotations

import re
import sys
from typing import Any, Callable, Iterator

from newslint.pattern_prefilter import Prefilter

MIN_CHARS = 400  # a shorter text is searched directly: the native call costs about as much
_sources: list[tuple[str, int]] = []  # every wrapped regex, numbered by position
_shared: Prefilter | None = None  # made from the regexes wrapped by the first search
# the last few long texts asked about (an article, its folded copy) and what may match each
_recent: dict[int, tuple[str, set[int] | None]] = {}
_RECENT = 4


class Prefiltered:
    """A compiled regex whose searches skip texts it cannot match (the same results)."""

    __slots__ = ("regex", "number", "pattern", "flags", "groupindex", "groups")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.number = len(_sources)
        _sources.append((regex.pattern, regex.flags))
        self.pattern, self.flags, self.groupindex, self.groups = regex.pattern, regex.flags, regex.groupindex, regex.groups

    def absent(self, text: str) -> bool:
        """Whether the regex surely has no match anywhere in ``text``."""
        if len(text) < MIN_CHARS:
            return False
        known = _recent.get(id(text))
        if known is not None and known[0] is text:
            found = known[1]
        else:
            found = _maybe(text)
            if len(_recent) >= _RECENT:
                del _recent[next(iter(_recent))]  # the oldest
            _recent[id(text)] = (text, found)
        if found is None:
            return False
        place = _places.get(self.number)  # None: wrapped after the database was made
        return place is not None and place not in found

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return iter(()) if self.absent(text) else self.regex.finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self.absent(text) else self.regex.search(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return [] if self.absent(text) else self.regex.findall(text, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return text if self.absent(text) else self.regex.sub(repl, text, count)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(text, pos, endpos)  # one position: cheaper than asking

    def __getattr__(self, name: str) -> Any:
        return getattr(self.regex, name)  # the rest of a Pattern's methods, unfiltered


_places: dict[int, int] = {}  # a wrapped regex's number -> its place in the shared database


def prefiltered(regex: re.Pattern[str]) -> Prefiltered:
    """``regex``, asking the shared native pass first (for a regex searched over whole articles)."""
    return Prefiltered(regex)


def prepare(chars: int) -> None:
    """Before a run of ``chars`` characters: load the shared database, build it for a big
    run, or go without for a small one (``Prefilter.prepare``)."""
    _ready(prepare=chars)


def _ready(prepare: int | None = None) -> Prefilter:
    global _shared
    if _shared is None:
        # in sorted order: the same database whatever order the rule modules were imported in
        order = sorted(range(len(_sources)), key=_sources.__getitem__)
        _shared = Prefilter("rule-regexes", [_sources[number] for number in order], ahead_from=MIN_CHARS)
        _places.update((number, place) for place, number in enumerate(order))
    if prepare is not None:
        _shared.prepare(prepare)
    return _shared


def _maybe(text: str) -> set[int] | None:
    shared = _shared if _shared is not None else _ready()
    return shared.maybe(text) if shared.ready() else None
