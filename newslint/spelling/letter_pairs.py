"""The dictionary words of about a word's length that share most of its letter pairs.

Suggestions for a word two or more slips from the intended one come from its letter pairs
("^r", "re", ..., "d$"): a word of length 2 to 2 more or less that has at least half of
them, best by the share of pairs in common (Dice). The index keeps, per word length and
letter pair, one bit per word of that length (a Python int), so counting how many of a
query's pairs each word has is a few dozen whole-integer operations (a bit-sliced adder),
not a dictionary update for each of the ten thousand word numbers the pairs list:
``LetterPairs(LetterPairs.pack(["colour", "color"])).nearest("colur", 2) == [0, 1]``.
"""

from __future__ import annotations

import marshal
import re
from array import array
from heapq import nlargest
from typing import Any

_NONZERO_BYTE = re.compile(rb"[^\x00]")
_BITS_OF_BYTE = tuple(tuple(b for b in range(8) if v >> b & 1) for v in range(256))


def letter_pairs(word: str) -> set[str]:
    """The word's letter pairs, with "^" and "$" marking its ends."""
    s = "^" + word + "$"
    return {s[i:i + 2] for i in range(len(s) - 1)}


class LetterPairs:
    """Word numbers (positions in the list given to ``pack``) by length and letter pair;
    each length's table is unpacked when a word of about that length first asks."""

    def __init__(self, packed: dict[int, bytes]) -> None:
        self._packed = packed
        self._open: dict[int, tuple[array, dict[str, bytes]]] = {}
        self._native: Any = _native_tables()  # the native core's copy of the tables, or None

    @staticmethod
    def pack(words: list[str]) -> dict[int, bytes]:
        """Per word length, marshalled: that length's word numbers in order, and for each
        letter pair the bits (little-endian bytes) of the words, among them, that have it."""
        numbers: dict[int, list[int]] = {}
        masks: dict[int, dict[str, int]] = {}
        for i, word in enumerate(words):
            same = numbers.setdefault(len(word), [])
            bit = 1 << len(same)
            same.append(i)
            table = masks.setdefault(len(word), {})
            for pair in letter_pairs(word):
                table[pair] = table.get(pair, 0) | bit
        return {n: marshal.dumps((array("I", numbers[n]).tobytes(),
                                  {p: m.to_bytes((m.bit_length() + 7) // 8, "little") for p, m in table.items()}))
                for n, table in masks.items()}

    def _table(self, n: int) -> tuple[array, dict[str, bytes]] | None:
        table = self._open.get(n)
        if table is None:
            packed = self._packed.get(n)
            if packed is None:
                return None
            numbers_bytes, masks = marshal.loads(packed)
            numbers = array("I")
            numbers.frombytes(numbers_bytes)
            table = self._open[n] = (numbers, masks)
        return table

    def nearest(self, q: str, limit: int) -> list[int]:
        """The numbers of at most ``limit`` words of length len(q) +- 2 with at least half
        of q's letter pairs ((len(q) + 1) / 2 of them), the highest Dice share first, ties
        to the lower number (the list is most frequent first). Counted by the native core
        when it is built (each length's table handed to it once), else ``python_nearest``."""
        tables = self.native_for(q)
        if tables is not None:
            try:
                return tables.nearest(q, limit)
            except UnicodeEncodeError:  # a lone surrogate (undecodable input) has no UTF-8
                pass
        return self.python_nearest(q, limit)

    def native_for(self, q: str) -> Any:
        """The native core's copy of the tables, holding those of the lengths ``nearest``
        reads for ``q`` (each handed over when first needed), or None without the core."""
        tables = self._native
        if tables is not None:
            for n in range(max(1, len(q) - 2), len(q) + 3):
                if not tables.has(n):
                    packed = self._packed.get(n)
                    if packed is not None:
                        tables.add(n, *marshal.loads(packed))
        return tables

    def python_nearest(self, q: str, limit: int) -> list[int]:
        """``nearest`` in Python: the counts of shared pairs added up bit-sliced, on whole integers."""
        pairs = letter_pairs(q)
        lq = len(q)
        need = (lq + 2) // 2  # the least whole number >= (lq + 1) / 2
        hits: list[tuple[float, int]] = []
        for n in range(max(1, lq - 2), lq + 3):
            table = self._table(n)
            if table is None:
                continue
            numbers, masks = table
            found = [int.from_bytes(masks[p], "little") for p in pairs if p in masks]
            if len(found) < need:
                continue
            planes = _bit_planes(found)
            chosen = _at_least(planes, need)
            if not chosen:
                continue
            width = (len(numbers) + 7) // 8
            plane_bytes = [p.to_bytes(width, "little") for p in planes]
            for j in _set_bits(chosen):
                byte, bit = j >> 3, j & 7
                count = 0
                for k, pb in enumerate(plane_bytes):
                    if pb[byte] >> bit & 1:
                        count += 1 << k
                hits.append((2.0 * count / (lq + n + 2), -numbers[j]))
        return [-neg for _, neg in nlargest(limit, hits)]


def _native_tables() -> Any:
    """An empty native copy of the tables, or None without the core."""
    from newslint import native

    core = native.module()
    return core.PairTables() if core is not None else None


def _bit_planes(masks: list[int]) -> list[int]:
    """Per bit position, how many masks have it set, as binary digits: bit j of
    ``planes[k]`` is bit k of that count (a ripple-carry adder run on whole integers)."""
    planes: list[int] = []
    for carry in masks:
        for k, plane in enumerate(planes):
            planes[k] = plane ^ carry
            carry &= plane
            if not carry:
                break
        else:
            if carry:
                planes.append(carry)
    return planes


def _at_least(planes: list[int], need: int) -> int:
    """The bits whose count (in ``planes``) is at least ``need`` (>= 1): compared digit by
    digit from the highest, bits known greater kept in ``greater``, those equal so far in
    ``equal`` (all bits, -1, at first; a 1 digit of ``need`` makes it non-negative)."""
    if need >= 1 << len(planes):
        return 0
    greater, equal = 0, -1
    for k in range(len(planes) - 1, -1, -1):
        plane = planes[k]
        if need >> k & 1:
            equal &= plane
        else:
            greater |= equal & plane
            equal &= ~plane
    return greater | equal


def _set_bits(mask: int) -> list[int]:
    """The positions of the set bits of a non-negative integer, lowest first."""
    data = mask.to_bytes((mask.bit_length() + 7) // 8, "little")
    out: list[int] = []
    for m in _NONZERO_BYTE.finditer(data):
        base = m.start() * 8
        out.extend(base + b for b in _BITS_OF_BYTE[data[m.start()]])
    return out
