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
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Mapping

from newslint.datacache import WithBlob, cached, modules
from newslint.sharded import KeyHashes, Sharded
from newslint.spelling.lexicon import BIG_RUN_CHARS  # the same runs as the lexicon's tables


def codespell_file(name: str) -> Path | None:
    """A data file of the installed codespell, found without importing it (slow to import)."""
    spec = find_spec("codespell_lib")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / name
    return path if path.is_file() else None


_BIG_RUN: list = []  # the native core's table, once ``prepare`` made one


def known_typos() -> Mapping[str, tuple[str, ...]]:
    """Lower-case misspelling -> corrections, best first; empty if codespell is missing
    (a table read in shards as words need them, newslint/sharded.py; in a big run, the
    native core's table, ``prepare``)."""
    return _BIG_RUN[0] if _BIG_RUN else _sharded()


def prepare(chars: int) -> None:
    """Before a run of ``chars`` characters (in the main process, before workers fork): a
    big run looks typos up in the native core (native/src/word_table.rs), one call a word,
    where the shards cost several Python layers; the answers are the same."""
    from newslint import native

    core = native.module()
    if _BIG_RUN or chars < BIG_RUN_CHARS or core is None:
        return
    path = codespell_file("dictionary.txt")
    if path is None:
        return
    sources = [path, *modules("spelling/known_typos.py", "sharded.py")]
    try:
        _, blob = cached("known-typos-native", sources, lambda: WithBlob((), _native_table(core, _sharded())),
                         extra=f"abi {native.ABI}")
        _BIG_RUN.append(core.WordTable(blob))  # the mapped cache file, read in place
    except Exception:  # noqa: BLE001 - the shards answer the same, only slower
        return


def _native_table(core: Any, table: Mapping[str, tuple[str, ...]]) -> bytes:
    whole = dict(table.items())
    return core.WordTable.build(list(whole), tuples=list(whole.values()))


@lru_cache(maxsize=1)
def _sharded() -> Mapping[str, tuple[str, ...]]:
    path = codespell_file("dictionary.txt")
    if path is None:
        return {}
    sources = [path, *modules("spelling/known_typos.py", "sharded.py")]
    (head, hashes), blob = cached("known-typos", sources, lambda: _packed(path))
    return Sharded.mapped(head, blob, hashes)


def _packed(path: Path) -> WithBlob:
    """The table as one blob of shards, left in the mapped cache file, and its keys' hashes:
    most words an article looks up are not typos, and their shards stay packed
    (newslint/sharded.py)."""
    table = _parse(path.read_text(encoding="utf-8"))
    (head,), blob = Sharded.pack_into([table])
    return WithBlob((head, KeyHashes.pack(table)), blob)


def _parse(data: str) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in data.splitlines():
        typo, sep, fixes = line.partition("->")
        if not sep or not typo.isalpha():
            continue
        options = tuple(f.strip() for f in fixes.split(",") if f.strip())
        if options:
            table[typo.lower()] = options
    return table
