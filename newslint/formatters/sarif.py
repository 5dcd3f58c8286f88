"""SARIF 2.1.0 output for code-scanning tools."""

from __future__ import annotations

import json
from typing import TextIO

from newslint import __version__
from newslint.formatters.base import FileResult

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def write(results: list[FileResult], out: TextIO, colour: bool) -> None:
    rules: dict[str, dict] = {}
    sarif_results = []
    for r in results:
        for d in r.diagnostics:
            rules.setdefault(d.code, {"id": d.code, "name": d.rule, "properties": {"category": d.category}})
            sarif_results.append(
                {
                    "ruleId": d.code,
                    "level": _LEVEL[d.severity.value],
                    "message": {"text": d.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": r.path},
                                "region": {
                                    "startLine": d.line,
                                    "startColumn": d.column,
                                    "endLine": d.end_line,
                                    "endColumn": d.end_column,
                                    "charOffset": d.offset,
                                    "charLength": d.end_offset - d.offset,
                                },
                            }
                        }
                    ],
                }
            )
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "newslint", "version": __version__, "rules": list(rules.values())}},
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")
