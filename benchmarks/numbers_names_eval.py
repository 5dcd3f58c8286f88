"""Numbers, units and transliterated names: findings on native vs translated news, with samples.

Usage: python benchmarks/numbers_names_eval.py [--split held|mine|all] [--show N] [--seed S]
       [--codes TR210,EN010] [--native-only]

Runs the rules of newslint/checks/{numbers,counting,units,transliteration,surnames}.py alone (no
gating, no grammar) over native English news (deduplicated BBC, Reuters-21578, Anglosphere
WMT originals; each source reported apart, since Reuters' 1987 wire style is not BBC's) and
over English translated from Chinese and Russian (human and MT apart, one split of source
documents). Prints warning-or-error findings per 1,000 words per corpus and rule, then N
random findings per corpus with context, for judging by eye.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translated_corpus import Doc, native_docs, translated_docs  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter  # noqa: E402
from newslint.registry import default_registry  # noqa: E402

MODULES = ("numbers", "counting", "units", "transliteration", "surnames")


def our_codes() -> tuple[str, ...]:
    """Codes of the rules defined in this benchmark's modules."""
    return tuple(
        r.info.code for r in default_registry().rules
        if type(r).__module__.rsplit(".", 1)[-1] in MODULES
    )


def corpora(split: str, native_only: bool) -> dict[str, list[Doc]]:
    keep = (lambda d: True) if split == "all" else (lambda d: d.split == split)
    groups: dict[str, list[Doc]] = defaultdict(list)
    for d in native_docs():
        groups[f"native-{d.system if d.system in ('bbc', 'reuters') else 'wmt'}"].append(d)
    if not native_only:
        for lang in ("zh", "ru"):
            for d in translated_docs(lang):
                if keep(d):
                    groups[f"{lang}-{d.translator}"].append(d)
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("mine", "held", "all"), default="held")
    parser.add_argument("--show", type=int, default=10, help="random findings to print per corpus")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--codes", help="comma-separated codes (default: every rule of these modules)")
    parser.add_argument("--native-only", action="store_true")
    args = parser.parse_args()
    codes = tuple(args.codes.split(",")) if args.codes else our_codes()
    linter = Linter(Config(grammar="off", select=codes))
    print(f"rules: {', '.join(codes)}; translated split: {args.split}")
    print(f"{'corpus':<14}{'docs':>7}{'words':>10}{'findings':>10}{'per_1k':>9}  by rule")
    rng = random.Random(args.seed)
    for name, docs in corpora(args.split, args.native_only).items():
        words = 0
        by_code: Counter[str] = Counter()
        samples: list[str] = []
        for doc in docs:
            article = Article(doc.text, doc.group)
            words += len(doc.text.split())
            for d in linter.lint(article):
                if d.severity.value not in ("warning", "error"):
                    continue
                by_code[d.code] += 1
                ctx = article.text[max(0, d.offset - 70): d.end_offset + 50].replace("\n", " ⏎ ")
                samples.append(f"{d.code} [{doc.group} {doc.system}] {d.message}\n      …{ctx}…")
        total = sum(by_code.values())
        rate = 1000 * total / words if words else 0.0
        rules = " ".join(f"{c}:{n}" for c, n in sorted(by_code.items()))
        print(f"{name:<14}{len(docs):>7}{words:>10}{total:>10}{rate:>9.3f}  {rules}")
        for s in rng.sample(samples, min(args.show, len(samples))):
            print(f"    {s}")


if __name__ == "__main__":
    main()
