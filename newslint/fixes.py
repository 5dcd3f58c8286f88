"""Apply the edits of diagnostics' fixes to a text, never two overlapping edits."""

from __future__ import annotations

from newslint.diagnostic import Diagnostic


def apply_fixes(text: str, diagnostics: list[Diagnostic], unsafe: bool = False) -> str:
    """The text with every safe fix (and unsafe ones when asked) applied."""
    return apply_fixes_counted(text, diagnostics, unsafe)[0]


def apply_fixes_counted(text: str, diagnostics: list[Diagnostic], unsafe: bool = False) -> tuple[str, int]:
    """The fixed text and how many fixes went into it (a fix overlapping an earlier one waits)."""
    fixes = [
        d.fix for d in diagnostics
        if d.fix is not None and d.fix.applicability != "display" and (d.fix.applicability == "safe" or unsafe)
    ]
    out = []
    position = 0
    applied = 0
    for fix in sorted(fixes, key=lambda f: min((e.offset, e.end_offset) for e in f.edits)):
        edits = sorted(fix.edits, key=lambda e: (e.offset, e.end_offset))
        if edits[0].offset < position:
            continue  # overlaps a fix already taken; the next run can apply it
        for edit in edits:
            out.append(text[position : edit.offset])
            out.append(edit.replacement)
            position = edit.end_offset
        applied += 1
    out.append(text[position:])
    return "".join(out), applied

