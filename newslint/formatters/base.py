"""What every formatter receives: one result per file, plus severity counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from newslint.diagnostic import Diagnostic, Severity


@dataclass
class FileResult:
    """The diagnostics of one file, with any notes about checks that could not run."""

    path: str
    diagnostics: list[Diagnostic]
    notes: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    text: str | None = None  # the checked text, for formats that quote or fingerprint it


def counts(results: list[FileResult]) -> dict[str, int]:
    """Diagnostics per severity over all files."""
    totals = {s.value: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    for result in results:
        for d in result.diagnostics:
            totals[d.severity.value] += 1
    return totals
