"""``--format html``: one self-contained page (no external files or scripts) with a summary
table, readability figures, and each article shown with its findings highlighted in place
(colour by severity; message, rule and suggestion on hover and in a list beside)."""

from __future__ import annotations

from html import escape
from typing import TextIO

from newslint import __version__
from newslint.formatters.base import FileResult, counts
from newslint.formatters.text import summary

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#222;padding:0 1em}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}
td.n{text-align:right}.article{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5em}
pre.text{white-space:pre-wrap;font:15px/1.6 Georgia,serif;background:#fafafa;padding:1em;border:1px solid #eee}
mark{border-bottom:3px solid;background:none;padding:0 1px;cursor:help}
mark.error{border-color:#d00;background:#fde5e5}mark.warning{border-color:#e90;background:#fff1d6}
mark.info{border-color:#28c;background:#e3f0fb}ol.findings{font-size:.9em;padding-left:1.4em}
ol.findings li{margin:.3em 0}.sev{font-weight:bold;text-transform:uppercase;font-size:.8em}
.sev.error{color:#d00}.sev.warning{color:#b60}.sev.info{color:#16a}code{font-size:.9em}
.read{color:#555;font-size:.9em}
"""


def _highlighted(text: str, result: FileResult) -> str:
    """The text cut at every finding's start and end; each piece under a finding is a
    <mark> coloured by the worst finding over it, with every covering message on hover."""
    spans = [(d.offset, min(max(d.end_offset, d.offset + 1), len(text)), d) for d in result.diagnostics]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        over = [d for s, e, d in spans if s <= start and end <= e]
        piece = escape(text[start:end])
        if not over:
            out.append(piece)
            continue
        worst = max(over, key=lambda d: (d.severity.rank, -(d.end_offset - d.offset)))
        tip = "\n".join(f"{d.code} {d.rule}: {d.message}" + (f" → {', '.join(d.suggestions[:3])}" if d.suggestions else "")
                         for d in sorted(over, key=lambda d: d.end_offset - d.offset))
        out.append(f'<mark class="{worst.severity.value}" title="{escape(tip)}">{piece}</mark>')
    return "".join(out)


def _findings(result: FileResult) -> str:
    items = []
    for d in result.diagnostics:
        suggestion = f" → <code>{escape(', '.join(d.suggestions[:3]))}</code>" if d.suggestions else ""
        items.append(f'<li><span class="sev {d.severity.value}">{d.severity.value}</span> '
                     f"{d.line}:{d.column} {escape(d.message)}{suggestion} <code>{escape(d.code)}</code></li>")
    notes = "".join(f"<li>note: {escape(n)}</li>" for n in result.notes)
    return f'<ol class="findings">{"".join(items)}{notes}</ol>' if items or notes else "<p>No problems found.</p>"


def _readability(result: FileResult) -> str:
    r = result.extra.get("readability") or {}
    if not r.get("words"):
        return ""
    return (f'<p class="read">Flesch reading ease {r.get("flesch_reading_ease")}, grade '
            f'{r.get("flesch_kincaid_grade")}; {r.get("words")} words in {r.get("sentences")} sentences '
            f'(average {r.get("average_sentence_words")}, longest {r.get("longest_sentence_words")}); '
            f'lead {r.get("lead_words")} words</p>')


def page(results: list[FileResult]) -> str:
    """The whole report as one HTML document."""
    rows = []
    for n, r in enumerate(results):
        c = counts([r])
        read = (r.extra.get("readability") or {}).get("flesch_reading_ease", "")
        rows.append(f'<tr><td><a href="#a{n}">{escape(r.path)}</a></td><td class="n">{c["error"]}</td>'
                    f'<td class="n">{c["warning"]}</td><td class="n">{c["info"]}</td><td class="n">{read}</td></tr>')
    sections = []
    for n, r in enumerate(results):
        text = r.text if r.text is not None else ""
        sections.append(f'<h2 id="a{n}">{escape(r.path)}</h2>{_readability(r)}<div class="article">'
                        f'<pre class="text">{_highlighted(text, r)}</pre><div>{_findings(r)}</div></div>')
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>newslint report</title>'
            f'<meta name="viewport" content="width=device-width"><style>{_STYLE}</style></head><body>'
            f'<h1>newslint report</h1><p>{escape(summary(results))} · newslint {__version__}</p>'
            f'<table><tr><th>file</th><th>errors</th><th>warnings</th><th>info</th><th>Flesch</th></tr>'
            f'{"".join(rows)}</table>{"".join(sections)}</body></html>\n')


def write(results: list[FileResult], out: TextIO, colour: bool) -> None:
    out.write(page(results))
