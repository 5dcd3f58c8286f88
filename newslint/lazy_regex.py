"""Regular expressions compiled on first use, so a run compiles only what its text needs."""

from __future__ import annotations

import re
from typing import Hashable


class LazyPatterns(dict):
    """Regex sources by key; ``patterns[key]`` compiles on first use (None for no source).

    After the first look-up of a key this is a plain dict hit. Pickles as its sources
    only, so a cached pack costs nothing to load and compiles only the keys an article
    reaches (the first letters of its words, for the phrase packs and entity scanner).
    """

    def __init__(self, sources: dict[Hashable, str], flags: int = 0) -> None:
        super().__init__()
        self.sources = sources
        self.flags = flags

    def __missing__(self, key: Hashable) -> re.Pattern[str] | None:
        source = self.sources.get(key)
        compiled = None if source is None else re.compile(source, self.flags)
        self[key] = compiled
        return compiled

    def __reduce__(self):  # type: ignore[override]
        return (LazyPatterns, (self.sources, self.flags))
