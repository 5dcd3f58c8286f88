"""Wire-convention, institution and widened calque rules (issue 9, parts 5-7) on held-out news.

Usage: python benchmarks/wire_eval.py [--split held|mine|all] [--samples N] [--seed S] [--native-samples N]

Lints every document of the split with the default configuration (no source-language, so
gated rules fire only where the article shows other translation signals) and counts the
findings of the rules below per 1,000 words in native news (BBC, Reuters, Anglosphere WMT
originals) and in English translated from Chinese and Russian (human and MT apart). Prints
N random translated findings (seeded) with their context for judging by eye, and native
findings (the false alarms to read). Rules were tuned on the "mine" split only.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pattern_hits import corpora  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter  # noqa: E402

CODES = (
    "TR220", "TR221", "TR222", "TR223", "TR224", "TR225",  # wire conventions
    "EN020", "EN021", "EN022", "EN023",  # institutions and dateline places
    "TR002", "TR003", "TR011", "TR046", "TR048", "TR127", "RD004",  # widened rules
)
GROUPS = ("native", "zh-human", "zh-mt", "ru-human", "ru-mt")


def context(text: str, start: int, end: int) -> str:
    return f"…{text[max(0, start - 80):start]}[[{text[start:end]}]]{text[end:end + 60]}…".replace("\n", " ⏎ ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="held", choices=("held", "mine", "all"))
    parser.add_argument("--samples", type=int, default=40, help="random translated findings to print")
    parser.add_argument("--native-samples", type=int, default=20, help="native findings to print")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()

    linter = Linter(Config())
    words: Counter = Counter()
    counts: dict[str, Counter] = defaultdict(Counter)
    found: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for group, docs in corpora(args.split).items():
        for doc in docs:
            text = doc.text
            words[group] += len(text.split())
            for d in linter.lint(Article(text, doc.group)):
                if d.code in CODES and d.severity.rank >= 1:
                    counts[d.code][group] += 1
                    found[group].append((d.code, doc.system, context(text, d.offset, d.end_offset) + f"  <{d.message}>"))

    print(f"split {args.split}: words " + ", ".join(f"{g} {words[g]:,}" for g in GROUPS))
    print(f"\n{'code':6} " + " ".join(f"{g:>16}" for g in GROUPS) + "   (findings, per 1,000 words)")
    for code in CODES:
        row = " ".join(f"{counts[code][g]:6} {1000 * counts[code][g] / max(words[g], 1):8.3f} " for g in GROUPS)
        print(f"{code:6} {row}")
    total = {g: sum(counts[c][g] for c in CODES) for g in GROUPS}
    print(f"{'all':6} " + " ".join(f"{total[g]:6} {1000 * total[g] / max(words[g], 1):8.3f} " for g in GROUPS))
    translated = sum(total[g] for g in GROUPS[1:]) / max(sum(words[g] for g in GROUPS[1:]), 1)
    native = total["native"] / max(words["native"], 1)
    print(f"translated vs native rate: {translated / native if native else float('inf'):.1f}x")

    rng = random.Random(args.seed)
    pool = [item for g in GROUPS[1:] for item in found[g]]
    print(f"\n--- {min(args.samples, len(pool))} random translated findings (seed {args.seed}) ---")
    for i, (code, system, ctx) in enumerate(rng.sample(pool, min(args.samples, len(pool))), 1):
        print(f"{i:3}. {code} [{system}] {ctx}")
    print(f"\n--- native findings ({min(args.native_samples, len(found['native']))} of {len(found['native'])}) ---")
    for code, system, ctx in found["native"][: args.native_samples]:
        print(f"  {code} [{system}] {ctx}")


if __name__ == "__main__":
    main()
