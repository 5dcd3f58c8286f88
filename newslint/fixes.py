"""Apply the edits of diagnostics' fixes to a text, never two overlapping edits."""

from __future__ import annotations

from newslint.diagnostic import Diagnostic


def apply_fixes(text: str, diagnostics: list[Diagnostic], unsafe: bool = False) -> str:
    """The text with every safe fix (and unsafe ones when asked) applied."""
    edits = []
    for d in diagnostics:
        if d.fix is None or (d.fix.applicability != "safe" and not unsafe) or d.fix.applicability == "display":
            continue
        edits.extend(d.fix.edits)
    out = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.offset, e.end_offset)):
        if edit.offset < position:
            continue  # overlaps an edit already taken
        out.append(text[position : edit.offset])
        out.append(edit.replacement)
        position = edit.end_offset
    out.append(text[position:])
    return "".join(out)
