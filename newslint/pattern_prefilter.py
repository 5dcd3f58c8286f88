"""Which of many regexes may match a text, from one native pass over it (Hyperscan).

The phrase packs hold about a thousand patterns, and an article matches one or two. Python
can only rule patterns out one by one (their required text, their first letters at each
word start). Hyperscan (https://www.hyperscan.io, PyPI ``hyperscan``) matches all of them
at once in a few microseconds. It does not speak Python's regex dialect, so each pattern
is first widened into a byte pattern that matches wherever the Python one could
(newslint/byte_superset.py); what Hyperscan reports is then a short list of candidates,
and ``re`` still finds every match itself. Its answers can only narrow which patterns are
tried, never change a match.

Compiling the phrase packs' database takes about a second and a half, so it is built only
for a run of at least ``BUILD_CHARS`` (``Rule.prepare``) and kept in the cache folder,
keyed by the patterns, the Hyperscan version and the machine; later runs of at least
``LOAD_CHARS`` load it (the four databases take about 15 ms to read: a run of a few
articles is faster without them).
Without Hyperscan (a platform with no wheel), a text holding one of the four characters
beyond ASCII that a case-insensitive pattern takes for an ASCII letter, or without a
database yet, ``maybe`` answers None and callers rule patterns out as before.
"""

from __future__ import annotations

import platform
import weakref
from binascii import crc32
from pathlib import Path

from newslint.byte_superset import FOLDS, Unsupported, superset
from newslint.datacache import cache_root, prune, write_atomic

_NOT_YET = object()
_module: object = _NOT_YET


def _hyperscan():  # -> the hyperscan module, or None where there is no wheel
    """Hyperscan, imported when a run first wants a database (not on every start: its import
    costs a cold start about 2 ms, and a small run goes without); None where it is missing."""
    global _module
    if _module is _NOT_YET:
        try:
            import hyperscan
        except ImportError:  # pragma: no cover - no wheel for this platform
            hyperscan = None
        _module = hyperscan
    return _module


def __getattr__(name: str):
    if name == "hyperscan":  # pattern_prefilter.hyperscan: the module or None, as before
        return _hyperscan()
    raise AttributeError(name)

FORMAT = 6  # bump when the widening changes what a stored database means
BUILD_CHARS = 1_000_000  # a run this big (about 500 articles) compiles a database not stored yet
LOAD_CHARS = 50_000  # a smaller run (about 25 articles) goes without: reading the databases costs more


class Prefilter:
    """The patterns ``sources`` ((regex, flags), numbered by position), for ``maybe``;
    ``name`` names its database in the cache folder (each name keeps its newest three).
    ``ahead_from``: the shortest text ``scan_ahead`` scans for it (None: it is asked about
    too few texts to scan any ahead)."""

    def __init__(self, name: str, sources: list[tuple[str, int]], ahead_from: int | None = None) -> None:
        self.name = name
        self.sources = sources
        self.ahead_from = ahead_from
        self._db = None
        self._always: frozenset[int] = frozenset()
        self._tried = False
        self._ahead: dict[str, set[int] | None] = {}  # text -> what maybe answers, scanned ahead
        if ahead_from is not None:
            _SCANNING_AHEAD.add(self)

    def __getstate__(self) -> dict:
        # a cached registry carries no database
        return {"name": self.name, "sources": self.sources, "ahead_from": self.ahead_from}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["name"], state["sources"], state.get("ahead_from"))  # type: ignore[misc]

    def ready(self, build: bool = False) -> bool:
        """Whether ``maybe`` can answer: the database loaded from the cache folder or,
        with ``build``, compiled (and stored) now."""
        if self._db is None and (not self._tried or build) and _hyperscan() is not None:
            self._tried = True
            self._load() or (build and self._build())
        return self._db is not None

    def prepare(self, chars: int) -> None:
        """Before a run of ``chars`` characters: load the stored database when the run is
        big enough to pay for reading it (``LOAD_CHARS``), compile it when big enough to pay
        for that (``BUILD_CHARS``); a smaller run goes without (``ready`` answers False)."""
        if self._db is not None:
            return
        if chars < LOAD_CHARS:  # tried: not to be loaded on first use either (nor imported)
            self._tried = True
        elif _hyperscan() is not None:
            self._tried = False
            self.ready(build=chars >= BUILD_CHARS)

    def maybe(self, text: str) -> set[int] | None:
        """The numbers of the patterns that may match ``text`` (every pattern that does
        is among them), or None when this cannot be told here."""
        if self._ahead:
            found = self._ahead.pop(text, _NOT_YET)
            if found is not _NOT_YET:
                return found  # type: ignore[return-value]
        return self._scan(text)

    def _scan(self, text: str) -> set[int] | None:
        if self._db is None or (not text.isascii() and any(c in text for c in FOLDS)):
            return None
        found = set(self._always)
        try:
            self._db.scan(text.encode("utf-8", "surrogatepass"), match_event_handler=_add, context=found)
        except _hyperscan().error:  # e.g. its scratch space in use by another thread: tell nothing
            return None
        return found

    def _path(self) -> Path:
        from newslint.datacache import blake2b

        hyperscan = _hyperscan()
        digest = blake2b(f"{FORMAT}\0{hyperscan.__version__}\0{platform.machine()}\0{platform.system()}".encode(),
                         digest_size=16)
        for regex, flags in self.sources:
            digest.update(f"{flags}\0{regex}\0".encode("utf-8", "surrogatepass"))
        return cache_root() / "compiled" / f"prefilter-{self.name}-{digest.hexdigest()}.hsdb"

    def _load(self) -> bool:
        hyperscan = _hyperscan()
        try:
            stored = self._path().read_bytes()
            data = stored[4:]
            if int.from_bytes(stored[:4], "little") != crc32(data):
                return False  # damaged (a damaged database could crash the scan, not just fail)
            always_size = int.from_bytes(data[:4], "little")
            if not 4 + 4 * always_size < len(data) or always_size > len(self.sources):
                return False
            always = frozenset(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "little") for i in range(always_size))
            db = hyperscan.loadb(data[4 + 4 * always_size :], hyperscan.HS_MODE_BLOCK)
            db.scratch = hyperscan.Scratch(db)
        except Exception:  # noqa: BLE001 - missing, damaged or from another build: rebuild or go without
            return False
        self._db, self._always = db, always
        return True

    def _build(self) -> bool:
        widened: list[tuple[int, bytes]] = []
        always: set[int] = set()
        for i, (regex, flags) in enumerate(self.sources):
            try:
                widened.append((i, superset(regex, flags).encode("ascii")))
            except Unsupported:
                always.add(i)
        if not widened:
            return False
        hyperscan = _hyperscan()
        try:
            db = _compile(widened, always)
            db.scratch = hyperscan.Scratch(db)
        except Exception:  # noqa: BLE001 - Hyperscan refused the set: go without
            return False
        self._db, self._always = db, frozenset(always)
        # the file: a CRC-32 of the rest, the number of patterns always tried, their numbers, the database
        data = (len(always).to_bytes(4, "little") + b"".join(i.to_bytes(4, "little") for i in sorted(always))
                + hyperscan.dumpb(db))
        path = self._path()
        if write_atomic(path, crc32(data).to_bytes(4, "little") + data):
            prune(path.parent, f"prefilter-{self.name}", path)
        return True


_SCANNING_AHEAD: "weakref.WeakSet[Prefilter]" = weakref.WeakSet()


def scan_ahead(texts: list[str]) -> None:
    """Scan the next few texts a worker will lint now, one database after the other, for
    ``maybe`` to answer from. Back to back, a database stays in the CPU's caches; scanned as
    each article's rules first ask, each scan finds it evicted by the rules' own work (the
    scan takes about three times as long). What was scanned ahead and not asked about is
    forgotten at the next call."""
    for prefilter in list(_SCANNING_AHEAD):
        prefilter._ahead = ({text: prefilter._scan(text) for text in texts if len(text) >= prefilter.ahead_from}
                            if prefilter._db is not None else {})


def _compile(widened: list[tuple[int, bytes]], always: set[int]):
    """One database of the widened patterns; any that Hyperscan refuses alone join
    ``always`` (tried on every text) and the rest are compiled together."""
    hyperscan = _hyperscan()
    try:
        return _database(widened)
    except hyperscan.error:
        kept = []
        for i, expression in widened:
            try:
                _database([(i, expression)])
                kept.append((i, expression))
            except hyperscan.error:
                always.add(i)
        if not kept:
            raise hyperscan.error("no pattern left")
        return _database(kept)


def _database(widened: list[tuple[int, bytes]]):
    hyperscan = _hyperscan()
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    flags = hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
    db.compile(expressions=[e for _, e in widened], ids=[i for i, _ in widened], elements=len(widened),
               flags=[flags] * len(widened))
    return db


def _add(pattern: int, start: int, end: int, flags: int, found: set[int]) -> None:
    found.add(pattern)
