"""The records every rule produces and every formatter renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How serious a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

CATEGORIES = (
    "spelling",
    "grammar",
    "headline",
    "boilerplate",
    "quotes",
    "translation",
    "entity",
    "date",
    "redundancy",
    "style",
    "readability",
    "encoding",
)

APPLICABILITIES = ("safe", "unsafe", "display")


@dataclass(frozen=True)
class Edit:
    """Replace text[offset:end_offset] with ``replacement``."""

    offset: int
    end_offset: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """One or more edits, with how safe it is to apply them unattended."""

    edits: tuple[Edit, ...]
    applicability: str = "unsafe"

    @classmethod
    def replace(cls, start: int, end: int, text: str, applicability: str = "unsafe") -> "Fix":
        return cls((Edit(start, end, text),), applicability)


@dataclass(frozen=True)
class Finding:
    """What a rule reports: a span of the article and what is wrong with it."""

    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    severity: Severity | None = None  # a rule may lower/raise its default for one finding


@dataclass(frozen=True)
class Diagnostic:
    """A finding stamped by the engine with rule identity and a position."""

    code: str
    rule: str
    category: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict:
        """The JSON shape documented in docs/json.md."""
        fix = None
        if self.fix is not None:
            fix = {
                "applicability": self.fix.applicability,
                "edits": [
                    {"offset": e.offset, "end_offset": e.end_offset, "replacement": e.replacement}
                    for e in self.fix.edits
                ],
            }
        return {
            "code": self.code,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "end_offset": self.end_offset,
            "suggestions": list(self.suggestions),
            "fix": fix,
        }


def text_order(d: Diagnostic) -> tuple[int, int, str]:
    """The order diagnostics are listed in: by start, then end, then code."""
    return d.offset, d.end_offset, d.code
