"""Time spent in each rule over BBC articles (seconds, summed), slowest first.

Usage: python benchmarks/rule_timing.py [--limit 500]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=500)
    args = parser.parse_args()
    texts = [a["text"] for a in bbc_articles()[: args.limit]]
    linter = Linter(Config(grammar="off"))
    spent: Counter[str] = Counter()
    start = time.perf_counter()
    for text in texts:
        article = Article(text)
        for active in linter.active:
            t = time.perf_counter()
            list(active.rule.check(article, active.context))
            spent[active.rule.info.code] += time.perf_counter() - t
    total = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words, {total:.2f}s, {words / total:,.0f} words/s")
    for code, seconds in spent.most_common(15):
        print(f"  {code:<8}{seconds:8.3f}s {100 * seconds / total:5.1f}%")


if __name__ == "__main__":
    main()
