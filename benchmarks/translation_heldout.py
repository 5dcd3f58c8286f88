"""Translation, entity and date findings on held-out translated news vs native news.

Usage: python benchmarks/translation_heldout.py [--sample N] [--seed S] [--out FILE]

Reads the held-out split of translated_corpus (source stories never used for mining,
review or training) and all deduplicated BBC articles. Prints warning-or-error findings
per 1,000 words by category (translation, entity, date) for each corpus, and the share of
articles that read as translated (TR000). ``--sample N`` writes N random warning-or-error
findings from held-out machine translations to FILE with their sentence and the aligned
source paragraph, for a bilingual editor to judge true / debatable / false by eye; the documents
in benchmarks/annotations (the recall sets) are left out of the sample.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translated_corpus import Doc, annotated_docs, native_docs, translated_docs  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter  # noqa: E402

CATEGORIES = ("translation", "entity", "date")


def corpora() -> dict[str, list[Doc]]:
    out: dict[str, list[Doc]] = {"BBC (all, native)": [d for d in native_docs() if d.system == "bbc"]}
    for lang in ("zh", "ru"):
        held = [d for d in translated_docs(lang) if d.split == "held"]
        out[f"{lang}-en human (held)"] = [d for d in held if d.translator == "human"]
        out[f"{lang}-en MT (held)"] = [d for d in held if d.translator == "mt"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", default="benchmarks/out/heldout_sample.txt")
    args = parser.parse_args()
    linter = Linter(Config(grammar="off"))
    pool = []
    print(f"{'corpus':24} {'docs':>5} {'words':>8} {'reads transl.':>13} " + " ".join(f"{c:>11}" for c in CATEGORIES) + "  per 1,000 words, warning+")
    for name, docs in corpora().items():
        words = translated = 0
        by_cat: Counter = Counter()
        by_rule: Counter = Counter()
        for d in docs:
            article = Article(d.text + "\n", d.group)
            words += len(d.text.split())
            diags = linter.lint(article)
            translated += any(x.code == "TR000" for x in diags)
            for x in diags:
                if x.category in CATEGORIES and x.severity.rank >= 1:
                    by_cat[x.category] += 1
                    by_rule[x.code] += 1
                    if "MT" in name:
                        pool.append((d, article, x))
        rates = " ".join(f"{1000 * by_cat[c] / max(words, 1):11.3f}" for c in CATEGORIES)
        print(f"{name:24} {len(docs):5} {words:8} {100 * translated / max(len(docs), 1):12.1f}% {rates}")
        print("    top rules: " + ", ".join(f"{c} {n}" for c, n in by_rule.most_common(8)))
    if args.sample:
        write_sample(pool, args.sample, args.seed, Path(args.out))


def write_sample(pool: list, n: int, seed: int, out: Path) -> None:
    """N findings, at most two per story, with the sentence and the aligned source paragraph."""
    random.Random(seed).shuffle(pool)
    per_story: dict[str, int] = defaultdict(int)
    annotated = annotated_docs()
    chosen = []
    for d, article, x in pool:
        if (d.group, d.system) not in annotated and per_story[d.group] < 2:
            per_story[d.group] += 1
            chosen.append((d, article, x))
        if len(chosen) == n:
            break
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for k, (d, article, x) in enumerate(chosen, 1):
            para = article.paragraph_index(x.offset)
            segs = [s for s in d.segments if s.strip()]
            source = d.source[[i for i, s in enumerate(d.segments) if s.strip()][para]] if para < len(segs) and d.source else ""
            handle.write(f"#{k} {x.code} [{x.category}] {d.group} {d.system}\n  finding: {article.text[x.offset:x.end_offset]!r}: {x.message}\n"
                         f"  english: {segs[para] if para < len(segs) else ''}\n  source:  {source}\n\n")
    print(f"{len(chosen)} sampled findings -> {out}")


if __name__ == "__main__":
    main()
