"""Inline suppression comments in Markdown and HTML articles.

``<!-- newslint-disable CODE, CODE -->`` turns rules off until ``<!-- newslint-enable CODE
-->`` (or the end of the file); ``<!-- newslint-disable-next-line CODE -->`` for the next line
with text. No code means every rule. Codes, prefixes and names are accepted as in --ignore.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.diagnostic import Diagnostic
from newslint.positions import Positions

_DIRECTIVE = re.compile(r"<!--\s*newslint-(?P<kind>disable-next-line|disable|enable)\b(?P<codes>[^>]*?)\s*-->")


@dataclass(frozen=True)
class Directive:
    """One suppression comment: what it does, to which rules, and where it is (0-based)."""

    kind: str
    codes: tuple[str, ...]
    offset: int
    end_offset: int
    line: int  # 1-based


def find_directives(source: str) -> list[Directive]:
    """Every suppression comment of a file, in order."""
    positions = Positions(source)
    out = []
    for m in _DIRECTIVE.finditer(source):
        codes = tuple(c for c in re.split(r"[\s,]+", m.group("codes").strip()) if c)
        out.append(Directive(m.group("kind"), codes, m.start(), m.end(), positions.line_index(m.start()) + 1))
    return out


def _matches(code: str, rule: str, tokens: tuple[str, ...]) -> bool:
    if not tokens:
        return True
    for token in tokens:
        if token.lower() == rule or code.upper().startswith(token.upper()) or token.upper() == "ALL":
            return True
    return False


def unknown_codes(directives: list[Directive], known: set[str], names: set[str]) -> list[str]:
    """A note for each code in a directive that names no rule (a typo would silently do nothing)."""
    notes = []
    for d in directives:
        for token in d.codes:
            upper = token.upper()
            if upper == "ALL" or upper.startswith("LT:") or token.lower() in names:
                continue
            if not any(code.startswith(upper) for code in known):
                notes.append(f"line {d.line}: newslint-{d.kind} names no rule {token!r}")
    return notes


def suppress(diagnostics: list[Diagnostic], directives: list[Directive], source: str) -> list[Diagnostic]:
    """The diagnostics (in source coordinates) that no directive turns off."""
    if not directives:
        return diagnostics
    lines = source.splitlines()
    next_line_rules: dict[int, list[tuple[str, ...]]] = {}
    for d in directives:
        if d.kind == "disable-next-line":
            target = d.line + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            next_line_rules.setdefault(target, []).append(d.codes)
    ranges = [d for d in directives if d.kind in ("disable", "enable")]
    kept = []
    for diag in diagnostics:
        if any(_matches(diag.code, diag.rule, codes) for codes in next_line_rules.get(diag.line, [])):
            continue
        off = False
        for d in ranges:
            if d.offset > diag.offset:
                break
            if _matches(diag.code, diag.rule, d.codes):
                off = d.kind == "disable"
            elif d.kind == "enable" and not d.codes:
                off = False
        if not off:
            kept.append(diag)
    return kept
