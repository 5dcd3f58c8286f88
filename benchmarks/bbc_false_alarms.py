"""How often each rule fires on professionally edited BBC news (deduplicated).

Usage: python benchmarks/bbc_false_alarms.py [--show CODE] [--grammar]
Prints per-rule: articles fired, findings, findings per 1,000 words; and samples with --show.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles, word_count  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", help="print sample findings of this rule code")
    parser.add_argument("--samples", type=int, default=15)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    articles = bbc_articles()
    if args.limit:
        articles = articles[: args.limit]
    linter = Linter(Config(grammar="off"))
    words = 0
    fired = defaultdict(set)
    findings = Counter()
    severities = {}
    samples = defaultdict(list)
    for r in articles:
        article = Article(r["text"], r["id"])
        words += word_count(r["text"])
        for d in linter.lint(article):
            fired[d.code].add(r["id"])
            findings[d.code] += 1
            severities[d.code] = d.severity.value
            ctx = article.text[max(0, d.offset - 60) : d.end_offset + 60].replace("\n", "⏎")
            samples[d.code].append(f"{r['id']}:{d.line}:{d.column} {d.message} | {ctx}")
    print(f"{len(articles)} deduplicated BBC articles, {words} words")
    print(f"{'CODE':<8}{'SEV':<9}{'ARTICLES':>9}{'%ART':>8}{'FINDINGS':>10}{'PER_1K_WORDS':>14}")
    for code in sorted(findings):
        n_art = len(fired[code])
        print(f"{code:<8}{severities[code]:<9}{n_art:>9}{100 * n_art / len(articles):>7.2f}%"
              f"{findings[code]:>10}{1000 * findings[code] / words:>14.3f}")
    warn = sum(n for c, n in findings.items() if severities[c] in ("warning", "error"))
    print(f"warning+error findings per 1,000 words: {1000 * warn / words:.3f}")
    if args.show:
        random.seed(0)
        pool = samples.get(args.show, [])
        for line in random.sample(pool, min(args.samples, len(pool))):
            print("  " + line)


if __name__ == "__main__":
    main()
