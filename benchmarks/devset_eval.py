"""Recall and precision of newslint on translated news annotated by a bilingual editor.

Usage: python benchmarks/devset_eval.py [ANNOTATIONS.jsonl ...] [--show-misses] [--show-extra]

Several annotation files are pooled into one figure (the held-out sets:
``testset4.jsonl testset5.jsonl testset6.jsonl``); their document names must not clash.

benchmarks/annotations/devset.jsonl holds artifacts marked by a bilingual copy editor (with
the source beside the translation) in machine-translated documents from the held-out split
(translated_corpus.split_of): one line per artifact with the document (source story and MT
system: the text itself is read from ../shared/data, never copied), the line, the marked
span, a category and whether it is visible from the English alone.

An artifact counts as found when a finding (grammar off, default settings, TR000 excluded:
it marks the article, not a span) overlaps its span *in the right category*: calque, wire
and number artifacts need a translation finding; entity and name artifacts an entity (or
spelling, for a name spelt two ways) finding; dates a date (or translation) finding.
Recall is printed twice: with every finding, and with findings on the words themselves
only (TR600 marks a whole sentence that reads as translated; an artifact inside it is
"found" only in the sense that the editor is sent to its sentence).
Precision is the share of warning-or-error translation/entity/date findings that overlap an
annotated artifact of any category (a lower bound: editors also judge the rest by eye,
--show-extra prints them).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translated_corpus import translated_docs  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter  # noqa: E402

HERE = Path(__file__).resolve().parent
TARGET = {
    "calque": {"translation"},
    "wire": {"translation", "boilerplate", "style"},
    "number": {"translation"},
    "entity": {"entity", "translation"},
    "name": {"entity", "spelling"},
    "date": {"date", "translation"},
}
JUDGED = {"translation", "entity", "date"}
SENTENCE_LEVEL = {"TR600"}  # marks a whole sentence: reported apart from findings on the words themselves


def load(path: Path) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                r = json.loads(line)
                by_doc[r["doc"]].append(r)
    return by_doc


def texts(by_doc: dict[str, list[dict]]) -> dict[str, str]:
    """Each annotated document's English, rebuilt from the research data."""
    wanted = {(rows[0]["group"], rows[0]["system"]): doc for doc, rows in by_doc.items()}
    out = {}
    for lang in ("zh", "ru"):
        for d in translated_docs(lang):
            doc = wanted.get((d.group, d.system))
            if doc:
                out[doc] = d.text + "\n"
    return out


def locate(text: str, row: dict, used: set) -> tuple[int, int] | None:
    """Character span of an annotation: its text on its line (the next unused occurrence)."""
    lines = text.split("\n")
    base = sum(len(x) + 1 for x in lines[: row["line"] - 1])
    line = lines[row["line"] - 1] if row["line"] - 1 < len(lines) else ""
    start = line.find(row["text"])
    while start >= 0 and (base + start) in used:
        start = line.find(row["text"], start + 1)
    if start < 0:
        return None
    used.add(base + start)
    return base + start, base + start + len(row["text"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("annotations", nargs="*", default=[str(HERE / "annotations" / "devset.jsonl")])
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--show-extra", action="store_true")
    args = parser.parse_args()
    by_doc: dict[str, list[dict]] = {}
    for path in args.annotations:
        for doc, rows in load(Path(path)).items():
            if doc in by_doc:
                parser.error(f"document {doc!r} is in two annotation files")
            by_doc[doc] = rows
    docs = texts(by_doc)
    linter = Linter(Config(grammar="off"))
    found, total, pinpointed = Counter(), Counter(), Counter()
    judged = matched = 0
    misses, extra = [], []
    for doc in sorted(by_doc):
        text = docs[doc]
        diags = [d for d in linter.lint(Article(text, doc)) if d.code != "TR000"]
        used: set = set()
        spans = []
        for row in by_doc[doc]:
            span = locate(text, row, used)
            if span is None:
                print(f"{doc}:{row['line']}: annotation text not found: {row['text']!r}", file=sys.stderr)
                continue
            spans.append((span, row))
            if not row["visible"] or row["category"] not in TARGET:
                continue
            total[row["category"]] += 1
            hit = [d for d in diags if d.offset < span[1] and span[0] < d.end_offset and d.category in TARGET[row["category"]]]
            if hit:
                found[row["category"]] += 1
            if any(d.code not in SENTENCE_LEVEL for d in hit):
                pinpointed[row["category"]] += 1
            else:
                misses.append(f"{doc}:{row['line']} [{row['category']}] {row['text']!r} — {row['note'][:90]}")
        for d in diags:
            if d.category in JUDGED and d.severity.rank >= 1:
                judged += 1
                if any(d.offset < s[1] and s[0] < d.end_offset for s, _ in spans):
                    matched += 1
                else:
                    extra.append(f"{doc}:{d.line}:{d.column} {d.code} {text[d.offset:d.end_offset]!r}: {d.message}")
    print(f"{'category':8} {'found':>5} {'of':>4} {'recall':>7}   {'by a phrase finding (not TR600)':>12}")
    for cat in TARGET:
        if total[cat]:
            print(f"{cat:8} {found[cat]:5} {total[cat]:4} {100 * found[cat] / total[cat]:6.1f}%"
                  f"   {pinpointed[cat]:5} {100 * pinpointed[cat] / total[cat]:6.1f}%")
    all_found, all_total = sum(found.values()), sum(total.values())
    all_pin = sum(pinpointed.values())
    print(f"{'all':8} {all_found:5} {all_total:4} {100 * all_found / max(all_total, 1):6.1f}%"
          f"   {all_pin:5} {100 * all_pin / max(all_total, 1):6.1f}%  (visible translation/entity/date artifacts)")
    print(f"warning+ translation/entity/date findings on an annotated artifact: {matched} of {judged}"
          f" ({100 * matched / max(judged, 1):.1f}%; the rest need a look: --show-extra)")
    if args.show_misses:
        print("\nmisses:\n  " + "\n  ".join(misses))
    if args.show_extra:
        print("\nfindings on no annotation:\n  " + "\n  ".join(extra))


if __name__ == "__main__":
    main()
