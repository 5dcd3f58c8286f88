"""How often a candidate pattern matches native vs translated news: for reviewing mined calques.

Usage: python benchmarks/pattern_hits.py REGEX [REGEX...] [--show N] [--split mine|held|all]

For each regular expression (matched case-insensitively, as the phrase packs do) prints
matches per million words and matching documents in native news (BBC, Reuters-21578,
Anglosphere WMT originals), English translated from Chinese and from Russian (human and
MT separately), then up to N native contexts (the false alarms to read) and N translated.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translated_corpus import Doc, native_docs, translated_docs  # noqa: E402


def corpora(split: str) -> dict[str, list[Doc]]:
    keep = (lambda d: True) if split == "all" else (lambda d: d.split == split)
    out: dict[str, list[Doc]] = {"native": [d for d in native_docs() if keep(d)]}
    for lang in ("zh", "ru"):
        docs = [d for d in translated_docs(lang) if keep(d)]
        out[f"{lang}-human"] = [d for d in docs if d.translator == "human"]
        out[f"{lang}-mt"] = [d for d in docs if d.translator == "mt"]
    return out


def report(regex: str, groups: dict[str, list[Doc]], show: int) -> None:
    pattern = re.compile(regex, re.IGNORECASE)
    print(f"\n=== {regex}")
    samples: dict[str, list[str]] = {}
    for name, docs in groups.items():
        words = hits = ndocs = 0
        seen: list[str] = []
        for d in docs:
            text = d.text
            words += len(text.split())
            found = list(pattern.finditer(text))
            if found:
                hits += len(found)
                ndocs += 1
                if len(seen) < show:
                    m = found[0]
                    seen.append(f"[{d.system}] …{text[max(0, m.start() - 70):m.start()]}[[{m.group(0)}]]{text[m.end():m.end() + 50]}…".replace("\n", " ⏎ "))
        samples[name] = seen
        rate = 1e6 * hits / words if words else 0.0
        print(f"  {name:9} {hits:6} hits {ndocs:5} docs {rate:8.1f} per M words")
    for name in ("native", "zh-mt", "ru-mt"):
        for s in samples.get(name, []):
            print(f"    {name}: {s}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("regex", nargs="+")
    parser.add_argument("--show", type=int, default=4)
    parser.add_argument("--split", choices=("mine", "held", "all"), default="mine")
    args = parser.parse_args()
    groups = corpora(args.split)
    for regex in args.regex:
        report(regex, groups, args.show)


if __name__ == "__main__":
    main()
