"""A read-only table kept as marshalled shards, each unpacked when a key first needs it.

The spelling tables hold some 150,000 words; an article looks up a few thousand. Kept
in the data cache as one ``Sharded`` per table (shards by the first three characters of
the key, or four where three begin more than ``SPLIT_ABOVE`` keys: "con" alone would be
thousands), a run unpacks the shards its words fall in, not the whole table:
``Sharded(*Sharded.pack({"colour": 1}))["colour"] == 1``. Iterating unpacks every shard.
What ``pack`` returns is plain data (marshal loads it faster than pickle loads objects).
"""

from __future__ import annotations

import marshal
from array import array
from bisect import bisect_left
from typing import Any, Callable, Hashable, Iterable, Iterator, Mapping
from zlib import crc32

WIDTH = 3  # characters of a key that name its shard
WHOLE_AFTER = 8192  # keys asked of a Buckets table before it is read whole
SPLIT_ABOVE = 48  # a prefix with more keys is split by one more character ("con" -> "conf", "cons", ...)
_RULED_OUT_KEPT = 1 << 16  # keys the hashes ruled out that a table remembers (the same words recur)


class Sharded(Mapping):
    """A dict (or set: every value True) split by key prefix; lookups unpack one shard."""

    def __init__(self, shards: dict[Any, bytes], size: int, hashes: bytes | None = None,
                 split: Iterable[str] | None = None) -> None:
        self._packed = shards
        self._size = size
        # prefixes split by one more character (their keys of WIDTH characters or fewer keep
        # the prefix's own shard): the big shards of common beginnings cost a start most
        self._split = frozenset(split if split is not None else (p[:WIDTH] for p in shards if len(p) > WIDTH))
        self._open: dict[Any, dict] = {}
        self._starting: dict[str, dict] = {}  # split prefixes' shards merged, for ``starting``
        self._parts: dict[str, list] | None = None  # split prefix -> the names of its shards
        self._hashes = hashes  # KeyHashes.pack of the keys: a table looked up mostly for absent keys
        self._may_hold = KeyHashes(hashes).may_hold if hashes is not None else None
        self._ruled_out: set[str] = set()  # keys the hashes answered, asked again without hashing

    @staticmethod
    def pack(table: Mapping | set | frozenset) -> tuple[dict[Any, bytes], int]:
        """The table split into marshalled shards, and its size (a set becomes keys with
        value True): the arguments of ``Sharded``."""
        return Sharded._pack_split(table, _split_prefixes([table]))

    @staticmethod
    def pack_into(tables: list[Mapping | set | frozenset]) -> tuple[list[tuple[dict[Any, int], bytes, int]], bytes]:
        """Several tables' shards laid end to end in one blob, and for each table (shard
        number by prefix, the shards' bounds in the blob, size): ``Sharded.mapped`` reads
        them, so a blob left in a mapped file is unpacked shard by shard, never copied whole.
        The tables share one numbering of the prefixes (one dict, marshalled once: loading
        the lexicon's four took about 3 ms of a cold start); a table without a prefix has an
        empty shard there."""
        split = _split_prefixes(tables)  # by all the tables' keys: one numbering
        packed = [Sharded._pack_split(table, split) for table in tables]
        numbers: dict[Any, int] = {}
        for shards, _ in packed:
            for prefix in shards:
                numbers.setdefault(prefix, len(numbers))
        heads, chunks, total = [], [], 0
        for shards, size in packed:
            bounds = array("Q", [total])
            for prefix in numbers:
                chunk = shards.get(prefix)
                if chunk is not None:
                    chunks.append(chunk)
                    total += len(chunk)
                bounds.append(total)
            heads.append((numbers, bounds.tobytes(), size, sorted(split)))
        return heads, b"".join(chunks)

    @staticmethod
    def _pack_split(table: Mapping | set | frozenset, split: set) -> tuple[dict[Any, bytes], int]:
        items = table.items() if isinstance(table, Mapping) else ((k, True) for k in table)
        shards: dict[Any, dict] = {}
        for key, value in items:
            shards.setdefault(key[:WIDTH], {})[key] = value
        return {p: marshal.dumps(s) for p, s in _split_shards(shards, split).items()}, len(table)

    @staticmethod
    def mapped(head: tuple[dict[Any, int], bytes, int], blob: bytes | memoryview,
               hashes: bytes | None = None) -> "Sharded":
        """The table ``pack_into`` described by ``head``, its shards read from ``blob``;
        with ``hashes`` (``KeyHashes.pack`` of its keys) a key whose hash is absent is
        answered without unpacking its shard."""
        numbers, bounds, size, split = head
        return Sharded(_Slices(numbers, bounds, memoryview(blob)), size, hashes, split)

    def _name(self, key: Any) -> Any:
        """The name of the shard a key lies in: its first WIDTH characters, one more where
        that prefix is split."""
        prefix = key[:WIDTH]
        return key[: WIDTH + 1] if prefix in self._split else prefix

    def _shard(self, key: Hashable) -> dict:
        return self._shard_named(self._name(key))

    def __getitem__(self, key: Hashable) -> Any:
        return self._shard(key)[key]

    def starting(self, prefix: str) -> dict:
        """The entries whose keys start with ``prefix``, WIDTH characters long, unpacked
        (to be read, not changed): one shard, or the shards a split prefix was cut into."""
        if prefix not in self._split:
            return self._shard(prefix)
        merged = self._starting.get(prefix)
        if merged is None:
            if self._parts is None:  # the shards of every split prefix, listed once
                self._parts = {}
                for name in self._packed:
                    if name[:WIDTH] in self._split:
                        self._parts.setdefault(name[:WIDTH], []).append(name)
            merged = self._starting[prefix] = {}
            for name in self._parts.get(prefix, ()):
                merged.update(self._shard_named(name))
        return merged

    def _shard_named(self, name: Any) -> dict:
        shard = self._open.get(name)
        if shard is None:
            packed = self._packed.get(name)
            shard = self._open[name] = marshal.loads(packed) if packed is not None else {}
        return shard

    def _shard_if_may_hold(self, key: str) -> dict | None:
        """The key's shard, or None when the hashes rule the key out (tested only while
        its shard is still packed: an open shard answers faster than the hashes)."""
        shard = self._open.get(self._name(key))
        if shard is not None:
            return shard
        if self._may_hold is not None:
            ruled_out = self._ruled_out
            if key in ruled_out:
                return None
            if not self._may_hold(key):
                if len(ruled_out) >= _RULED_OUT_KEPT:
                    ruled_out.clear()
                ruled_out.add(key)
                return None
        return self._shard(key)

    def get(self, key: Hashable, default: Any = None) -> Any:
        shard = self._shard_if_may_hold(key)  # type: ignore[arg-type]
        return default if shard is None else shard.get(key, default)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        shard = self._shard_if_may_hold(key)
        return shard is not None and key in shard

    def items(self) -> Iterator[tuple[Any, Any]]:  # type: ignore[override]
        """Every (key, value), shard by shard (unpacks them all)."""
        for name in self._packed:
            yield from self._shard_named(name).items()

    def __iter__(self) -> Iterator:
        for name in self._packed:
            yield from self._shard_named(name)

    def __len__(self) -> int:
        return self._size

    def __reduce__(self):  # type: ignore[override]
        return (Sharded, ({p: bytes(self._packed[p]) for p in self._packed}, self._size, self._hashes, sorted(self._split)))


def _split_prefixes(tables: list[Mapping | set | frozenset]) -> set:
    """The prefixes that begin more than ``SPLIT_ABOVE`` keys of the tables together."""
    counts: dict[Any, int] = {}
    for table in tables:
        for key in table:
            counts[key[:WIDTH]] = counts.get(key[:WIDTH], 0) + 1
    return {p for p, n in counts.items() if n > SPLIT_ABOVE}


def _split_shards(shards: dict[Any, dict], split: set) -> dict[Any, dict]:
    """The shards with each prefix in ``split`` cut by one more character of its keys (keys
    of WIDTH characters or fewer stay under the prefix itself)."""
    out: dict[Any, dict] = {}
    for prefix, shard in shards.items():
        if prefix not in split:
            out[prefix] = shard
            continue
        for key, value in shard.items():
            out.setdefault(key[: WIDTH + 1], {})[key] = value
    return out


class _Slices(Mapping):
    """Packed shards by prefix as slices of one blob (a memoryview, possibly of a mapped file)."""

    def __init__(self, numbers: dict[Any, int], bounds: bytes, blob: memoryview) -> None:
        self._numbers = numbers
        self._bounds = array("Q")
        self._bounds.frombytes(bounds)
        self._blob = blob

    def __getitem__(self, prefix: Any) -> memoryview:
        found = self.get(prefix)
        if found is None:
            raise KeyError(prefix)
        return found

    def get(self, prefix: Any, default: Any = None) -> Any:
        i = self._numbers.get(prefix)
        if i is None:
            return default
        start, end = self._bounds[i], self._bounds[i + 1]
        return default if start == end else self._blob[start:end]  # empty: another table's prefix

    def __iter__(self) -> Iterator:
        bounds = self._bounds
        return (p for p, i in self._numbers.items() if bounds[i] != bounds[i + 1])

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Words:
    """A list of words kept as one string and the offsets where each ends; ``words[i]``
    slices it on demand, so loading costs two objects, not one per word."""

    def __init__(self, joined: str, ends: bytes) -> None:
        self._joined = joined
        self._ends = array("I")
        self._ends.frombytes(ends)

    @staticmethod
    def pack(words: list[str]) -> tuple[str, bytes]:
        """The arguments of ``Words`` for a list of words."""
        ends, total = array("I"), 0
        for word in words:
            total += len(word)
            ends.append(total)
        return "".join(words), ends.tobytes()

    def __getitem__(self, i: int) -> str:
        if i < 0:
            i += len(self._ends)
        return self._joined[self._ends[i - 1] if i else 0 : self._ends[i]]

    def __len__(self) -> int:
        return len(self._ends)

    def packed(self) -> tuple[str, bytes]:
        """The words as ``pack`` gave them: one string, and where each ends."""
        return self._joined, self._ends.tobytes()


class KeyHashes:
    """The CRC-32s of a table's keys, sorted in one array: a key whose hash is absent is
    certainly not in the table, so a search that tries hundreds of made-up keys (one-edit
    spelling candidates) unpacks only the shards of keys that may be there.
    ``KeyHashes(KeyHashes.pack(["colour"])).may_hold("colour") is True``."""

    def __init__(self, packed: bytes) -> None:
        self._hashes = array("I")
        self._hashes.frombytes(packed)

    @staticmethod
    def pack(keys: Iterable[str]) -> bytes:
        """The argument of ``KeyHashes`` for some keys."""
        return array("I", sorted({crc32(k.encode("utf-8", "surrogatepass")) for k in keys})).tobytes()

    def may_hold(self, key: str) -> bool:
        """False only when ``key`` is certainly not one of the keys."""
        h = crc32(key.encode("utf-8", "surrogatepass"))
        hashes = self._hashes
        i = bisect_left(hashes, h)
        return i < len(hashes) and hashes[i] == h


class Buckets:
    """A read-only dict of str keys in many small buckets by the CRC-32 of the key, each
    unpacked when a key first falls in it. For a table looked up for a few hundred scattered
    keys, such as a model's feature weights, where shards by prefix would be few and large
    ("<w> of the" and "<w> said" share theirs): a run that scores one article unpacks the
    buckets of its features, not the table.
    ``Buckets.mapped(*Buckets.pack({"said that": 0.4})).get("said that") == 0.4``."""

    def __init__(self, bounds: memoryview, blob: memoryview, size: int) -> None:
        self._bounds = bounds  # len(buckets) + 1 offsets into the blob ("Q")
        self._blob = blob
        self._size = size
        self._count = len(bounds) - 1
        self._open: list[dict | None] = [None] * self._count
        self.asked = _Asked(self)  # ``asked[key]``: the value, None when absent; answered in C once asked
        self.whole: dict[str, Any] | None = None  # every entry, once so many keys were asked (``read_whole``)

    @staticmethod
    def pack(table: Mapping[str, Any], per_bucket: int = 4) -> tuple[tuple[int, int], bytes]:
        """(bucket count, size) and the blob: the bounds of the buckets ("Q"), then each
        bucket marshalled; ``Buckets.mapped`` reads them."""
        count = max(1, len(table) // per_bucket)
        buckets: list[dict[str, Any]] = [{} for _ in range(count)]
        for key, value in table.items():
            buckets[_bucket(key, count)][key] = value
        packed = [marshal.dumps(b) for b in buckets]
        bounds, total = array("Q", [0]), 0
        for p in packed:
            total += len(p)
            bounds.append(total)
        return (count, len(table)), bounds.tobytes() + b"".join(packed)

    @staticmethod
    def mapped(head: tuple[int, int], blob: bytes | memoryview) -> "Buckets":
        """The table ``pack`` laid in ``blob`` (left in a mapped file: nothing is copied)."""
        count, size = head
        view = memoryview(blob)
        cut = 8 * (count + 1)
        return Buckets(view[:cut].cast("B").cast("Q"), view[cut:], size)

    def lookup(self, key: str) -> Any:
        """The key's value from its bucket (unpacked on first use), None when absent."""
        i = _bucket(key, self._count)
        bucket = self._open[i]
        if bucket is None:
            bucket = self._open[i] = marshal.loads(self._blob[self._bounds[i] : self._bounds[i + 1]])
        return bucket.get(key)

    def getter(self) -> Callable[[str], Any]:
        """The fastest way to ask for values now (None when absent): the asked keys, or, once
        the table is read whole, the whole table's ``get``."""
        return self.whole.get if self.whole is not None else self.asked.__getitem__

    def read_whole(self) -> None:
        """Unpack every bucket into one dict: a long run asks about so many keys (most of them
        absent) that remembering each answer would cost more than the table."""
        whole: dict[str, Any] = {}
        for i in range(self._count):
            whole.update(marshal.loads(self._blob[self._bounds[i] : self._bounds[i + 1]]))
        self.whole, self._open = whole, [None] * self._count
        self.asked.clear()

    def get(self, key: str, default: Any = None) -> Any:
        value = self.whole.get(key) if self.whole is not None else self.asked[key]
        return default if value is None else value

    def __getitem__(self, key: str) -> Any:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return self._size


class _Asked(dict):
    """The keys asked of a ``Buckets`` table, each with its value (None: not in the table). A
    key asked again is a dict look-up in C; one asked first is looked up in its bucket
    (``__missing__``). Values are never None. Past ``WHOLE_AFTER`` keys (a long run asks about
    ever more absent keys) the table is read whole instead (``Buckets.read_whole``)."""

    def __init__(self, table: "Buckets") -> None:
        super().__init__()
        self.table = table

    def __missing__(self, key: str) -> Any:
        table = self.table
        if table.whole is not None:
            return table.whole.get(key)
        if len(self) >= WHOLE_AFTER:
            table.read_whole()
            return table.whole.get(key)  # type: ignore[union-attr]
        value = self[key] = table.lookup(key)
        return value


def _bucket(key: str, count: int) -> int:
    return crc32(key.encode("utf-8", "surrogatepass")) % count
