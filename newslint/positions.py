"""One text's positions in the units clients count in: characters (code points), UTF-16
code units (JavaScript, LSP, VS Code) and UTF-8 bytes (Vim's columns, byte offsets).

Offsets into the text in code points stay the source of truth; this converts them, and
converts an LSP (line, UTF-16 character) back to a code-point offset.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from newslint.beyond_ascii import beyond_ascii_offsets

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Positions:
    """Converts code-point offsets of one text to lines and columns in other units."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        ascii = text.isascii()
        self._astral = [] if ascii else [m.start() for m in _ASTRAL.finditer(text)]  # two UTF-16 units each
        self._wide = list(beyond_ascii_offsets(text))  # more than one UTF-8 byte each
        self._extra_bytes = list(accumulate(_utf8_len(text[i]) - 1 for i in self._wide))

    def line_index(self, offset: int) -> int:
        """0-based line holding an offset."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def column(self, offset: int, unit: str = "char") -> int:
        """1-based column of an offset in ``char``, ``utf16`` or ``byte`` units."""
        return self.lsp_position(offset, unit)[1] + 1

    def utf16_offset(self, offset: int) -> int:
        """0-based offset in UTF-16 code units (a JavaScript string index)."""
        return offset + bisect.bisect_left(self._astral, offset)

    def byte_offset(self, offset: int) -> int:
        """0-based offset in UTF-8 bytes of the decoded text."""
        wide = bisect.bisect_left(self._wide, offset)
        return offset + (self._extra_bytes[wide - 1] if wide else 0)

    def lsp_position(self, offset: int, unit: str = "utf16") -> tuple[int, int]:
        """(0-based line, 0-based character in ``unit``) as the Language Server Protocol counts.
        Logarithmic per call (bisect over precomputed tables), so a long line stays cheap."""
        line = self.line_index(offset)
        start = self.line_starts[line]
        if unit == "char":
            return line, offset - start
        if unit == "utf16":
            return line, self.utf16_offset(offset) - self.utf16_offset(start)
        if unit == "byte":
            return line, self.byte_offset(offset) - self.byte_offset(start)
        raise ValueError(f"unknown unit {unit!r}")

    def offset_of(self, line: int, character: int, unit: str = "utf16") -> int:
        """The code-point offset of an LSP position; past the end of a line clamps to its end."""
        if line >= len(self.line_starts):
            return len(self.text)
        start = self.line_starts[line]
        end = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        count = 0
        for i in range(start, end):
            if count >= character:
                return i
            count += _length(self.text[i], unit)
        return end


def _length(text: str, unit: str) -> int:
    if unit == "char":
        return len(text)
    if unit == "utf16":
        return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
    if unit == "byte":
        return len(text.encode("utf-8", "surrogatepass"))
    raise ValueError(f"unknown unit {unit!r}")


def _utf8_len(ch: str) -> int:
    return len(ch.encode("utf-8", "surrogatepass"))
