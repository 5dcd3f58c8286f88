"""Things made once and kept between runs in one file, read back entry by entry.

The regex programs and compiled dataclass methods of the command line (newslint/regex_cache.py,
newslint/dataclass_cache.py) are kept in such a file. A long-used cache holds up to ``most``
entries (megabytes of regex programs), and a run needs a few hundred of them, so the file is
an index and records: ``RECORDS`` magic, the index's length, the marshalled index (a digest
of each key -> where its record lies) and the records (each a marshalled ``(key, value)``),
read through a memory map. Opening the file unmarshals the index only; a key's record is
unmarshalled when the key is first asked for, and checked to be that key. (The older layout,
one marshalled dict read whole, kept its files under another name: ``.marshal`` for
``.records``.) A missing or damaged file is an empty table.
"""

from __future__ import annotations

import marshal
import mmap
import struct
from pathlib import Path
from typing import Any, Callable, Iterator
from zlib import crc32

from newslint.datacache import write_atomic

RECORDS = b"NLKT1"  # the layout's magic
_LENGTH = struct.Struct("<Q")  # the index's length, after the magic


def digest(key: Any) -> int:
    """A key's digest, the same in every process (``hash`` of a str is not). Marshal's
    version 2 writes no back-references, so equal keys give equal bytes."""
    return crc32(marshal.dumps(key, 2))


class Records:
    """The entries of one file, each unmarshalled when first asked for."""

    def __init__(self, data: bytes | mmap.mmap) -> None:
        self._data = memoryview(data)
        start = len(RECORDS) + _LENGTH.size
        (length,) = _LENGTH.unpack_from(self._data, len(RECORDS))
        self._index: dict[int, list[tuple[int, int]]] = marshal.loads(self._data[start : start + length])
        self._base = start + length
        self._read: dict[int, list[tuple[Any, Any]]] = {}

    @classmethod
    def empty(cls) -> "Records":
        return cls(layout([]))

    def __len__(self) -> int:
        return sum(map(len, self._index.values()))

    def get(self, key: Any, default: Any = None) -> Any:
        code = digest(key)
        where = self._index.get(code)
        if where is None:
            return default
        entries = self._read.get(code)
        if entries is None:
            entries = self._read[code] = [self._record(offset, size) for offset, size in where]
        for stored, value in entries:
            if stored == key:
                return value
        return default

    def items(self) -> Iterator[tuple[Any, Any]]:
        """Every (key, value) in the order they were written (oldest first)."""
        for where in self._ordered():
            yield self._record(*where)

    def _ordered(self) -> list[tuple[int, int]]:
        return sorted(w for ws in self._index.values() for w in ws)

    def _record(self, offset: int, size: int) -> tuple[Any, Any]:
        start = self._base + offset
        key, value = marshal.loads(self._data[start : start + size])
        return key, value


def layout(entries: list[tuple[Any, Any]]) -> bytes:
    """The file's bytes for the entries, in order."""
    index: dict[int, list[tuple[int, int]]] = {}
    records: list[bytes] = []
    offset = 0
    for key, value in entries:
        record = marshal.dumps((key, value))
        index.setdefault(digest(key), []).append((offset, len(record)))
        records.append(record)
        offset += len(record)
    head = marshal.dumps(index)
    return b"".join([RECORDS, _LENGTH.pack(len(head)), head, *records])


def read_records(path: Path) -> Records:
    """The table at ``path``; empty when the file is missing or damaged."""
    try:
        with open(path, "rb") as fh:
            return Records(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
    except Exception:  # noqa: BLE001 - missing, empty (mmap refuses size 0) or damaged: start empty
        return Records.empty()


def add_records(path: Path, new: dict, most: int) -> None:
    """Add ``new`` to the table at ``path`` (re-read first: other runs may have added
    theirs), keeping the ``most`` newest entries."""
    old = read_records(path)
    table = dict(old.items())
    table.update(new)
    entries = list(table.items())[-most:]
    write_atomic(path, layout(entries))


class KeptTable:
    """Things made once and kept between runs (regex programs, compiled dataclass methods):
    those read from ``path`` and those made since, added back by ``save``."""

    most = 2000  # entries kept in the file

    def __init__(self, path: Path) -> None:
        self.path = path
        self.known: Records = read_records(path)
        self.new: dict = {}

    def get(self, key: Any, make: Callable[[], Any]) -> Any:
        """The kept value for ``key``, made (and remembered for ``save``) when there is none."""
        found = self.known.get(key) or self.new.get(key)
        if found is None:
            found = self.new[key] = make()
        return found

    def save(self) -> None:
        """Add the new entries to the file (re-read first: other runs may have added theirs)."""
        if self.new:
            add_records(self.path, self.new, self.most)
            self.new = {}

    def save_quietly(self) -> None:
        """``save`` at exit: a cache that cannot be written only means making again next run."""
        try:
            self.save()
        except Exception:  # noqa: BLE001
            pass
