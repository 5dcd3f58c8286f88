"""SARIF 2.1.0 output for code-scanning tools (GitHub code scanning, SARIF viewers).

Valid against the OASIS 2.1.0 schema (tests/test_sarif.py checks it): paths are
percent-encoded URI references (``file://`` for absolute paths, relative ones against
``%SRCROOT%``), rules carry the `explain` text, fixes become ``fixes``, and each result has a
``partialFingerprints`` entry that survives edits elsewhere in the file.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from newslint import __version__
from newslint.diagnostic import Diagnostic
from newslint.formatters.base import FileResult

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_location(path: str) -> dict:
    """A SARIF artifactLocation: a file:// URI for an absolute path, else a relative
    percent-encoded reference resolved against %SRCROOT% (the current folder)."""
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(Path(path).as_posix(), safe="/"), "uriBaseId": SRCROOT}


def fingerprint(code: str, flagged: str, occurrence: int) -> str:
    """A stable id for a finding: rule, flagged text (whitespace folded) and which occurrence."""
    key = "\0".join((code, " ".join(flagged.split()), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _rule(code: str, d: Diagnostic) -> dict:
    from newslint.explain import explain

    rule: dict = {"id": code, "name": d.rule, "properties": {"category": d.category, "tags": [d.category]}}
    docs = explain(code)
    if docs is not None:
        rule["shortDescription"] = {"text": docs.summary}
        rule["fullDescription"] = {"text": docs.why}
        rule["help"] = {"text": docs.text, "markdown": f"```\n{docs.text}\n```"}
    rule["defaultConfiguration"] = {"level": _LEVEL[d.severity.value]}
    return rule


def _fix(d: Diagnostic, location: dict) -> dict:
    replacements = [
        {"deletedRegion": {"charOffset": e.offset, "charLength": e.end_offset - e.offset},
         "insertedContent": {"text": e.replacement}}
        for e in d.fix.edits
    ]
    return {"description": {"text": f"{d.fix.applicability} fix for {d.code}"},
            "artifactChanges": [{"artifactLocation": location, "replacements": replacements}]}


def _result(d: Diagnostic, location: dict, text: str | None, seen: Counter) -> dict:
    region = {
        "startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column,
        "charOffset": d.offset, "charLength": d.end_offset - d.offset,
    }
    flagged = text[d.offset : d.end_offset] if text is not None else f"{d.line}:{d.column}"
    seen[(d.code, flagged)] += 1
    result = {
        "ruleId": d.code,
        "level": _LEVEL[d.severity.value],
        "message": {"text": d.message + (f" (suggestion: {', '.join(d.suggestions[:3])})" if d.suggestions else "")},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        "partialFingerprints": {"newslintFinding/v1": fingerprint(d.code, flagged, seen[(d.code, flagged)])},
    }
    if d.fix is not None:
        result["fixes"] = [_fix(d, location)]
    return result


def document(results: list[FileResult]) -> dict:
    """The SARIF log as a dict."""
    rules: dict[str, dict] = {}
    sarif_results = []
    notifications = []
    for r in results:
        location = artifact_location(r.path)
        seen: Counter = Counter()
        for d in r.diagnostics:
            if d.code not in rules:
                rules[d.code] = _rule(d.code, d)
            sarif_results.append(_result(d, location, r.text, seen))
        for note in r.notes:
            notifications.append({"level": "warning", "message": {"text": f"{r.path}: {note}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": location}}]})
    index = {code: i for i, code in enumerate(rules)}
    for result in sarif_results:
        result["ruleIndex"] = index[result["ruleId"]]
    run: dict = {
        "tool": {"driver": {"name": "newslint", "version": __version__, "semanticVersion": __version__,
                            "rules": list(rules.values())}},
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notifications}]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def write(results: list[FileResult], out: TextIO, colour: bool) -> None:
    json.dump(document(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
