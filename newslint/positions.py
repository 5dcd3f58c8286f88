"""One text's positions in the units clients count in: characters (code points), UTF-16
code units (JavaScript, LSP, VS Code) and UTF-8 bytes (Vim's columns, byte offsets).

Offsets into the text in code points stay the source of truth; this converts them, and
converts an LSP (line, UTF-16 character) back to a code-point offset.
"""

from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Positions:
    """Converts code-point offsets of one text to lines and columns in other units."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]  # two UTF-16 units each
        self._byte_starts: list[int] | None = None

    def line_index(self, offset: int) -> int:
        """0-based line holding an offset."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def _line_prefix(self, offset: int) -> tuple[int, str]:
        line = self.line_index(offset)
        return line, self.text[self.line_starts[line] : offset]

    def column(self, offset: int, unit: str = "char") -> int:
        """1-based column of an offset in ``char``, ``utf16`` or ``byte`` units."""
        _, prefix = self._line_prefix(offset)
        return _length(prefix, unit) + 1

    def utf16_offset(self, offset: int) -> int:
        """0-based offset in UTF-16 code units (a JavaScript string index)."""
        return offset + bisect.bisect_left(self._astral, offset)

    def byte_offset(self, offset: int) -> int:
        """0-based offset in UTF-8 bytes of the decoded text."""
        if self._byte_starts is None:
            self._byte_starts, total = [], 0
            for i, start in enumerate(self.line_starts):
                self._byte_starts.append(total)
                end = self.line_starts[i + 1] if i + 1 < len(self.line_starts) else len(self.text)
                total += len(self.text[start:end].encode("utf-8", "surrogatepass"))
        line, prefix = self._line_prefix(offset)
        return self._byte_starts[line] + len(prefix.encode("utf-8", "surrogatepass"))

    def lsp_position(self, offset: int, unit: str = "utf16") -> tuple[int, int]:
        """(0-based line, 0-based character in ``unit``) as the Language Server Protocol counts."""
        line, prefix = self._line_prefix(offset)
        return line, _length(prefix, unit)

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
