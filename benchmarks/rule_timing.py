"""CPU time per article in each rule over BBC articles, warm, slowest first.

Usage: python benchmarks/rule_timing.py [--limit 300] [--passes 3] [--top 15] [--corpus bbc|mt]

With ``--corpus mt``, machine-translated WMT documents (zh-en and ru-en, alternately) instead
of BBC articles: the copy the translation rules are for.

One untimed pass warms the process (patterns compiled, tables unpacked, as a long run
soon is), then each of --passes passes lints every article again through the engine, on
fresh ``Article`` objects. Per rule, the least CPU time of the passes, in ms per article
(a rule that first asks for something the article computes once, such as its sentences, is
charged for it; the phrase scan of every pack runs in the engine, which asks it which phrase
rules have anything to report); "engine and the rest" is the rest of
``Linter.lint``. CPU time (not wall) and the least of several passes, because the machine is
shared: the load average is printed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles, word_count  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import ActiveRule, Linter  # noqa: E402
from newslint.diagnostic import Finding  # noqa: E402


class TimedLinter(Linter):
    """The engine, adding up the CPU time each rule takes."""

    spent: Counter[str]

    def _run(self, active: ActiveRule, article: Article,
             check: Callable[[], Iterable[Finding]] | None = None) -> list[Finding]:
        start = time.process_time()
        found = super()._run(active, article, check)
        self.spent[active.rule.info.code] += time.process_time() - start
        return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--corpus", choices=("bbc", "mt"), default="bbc")
    args = parser.parse_args()
    texts = [a["text"] for a in bbc_articles()[: args.limit]] if args.corpus == "bbc" else translated(args.limit)
    linter = TimedLinter(Config(grammar="off"))
    totals, passes = [], []
    for _ in range(args.passes + 1):
        linter.spent = Counter()
        start = time.process_time()
        for i, text in enumerate(texts):
            linter.lint(Article(text, f"{i}.txt"))
        totals.append(time.process_time() - start)
        passes.append(linter.spent)
    n = len(texts)
    total = min(totals[1:]) * 1000 / n
    per_rule = {code: min(p[code] for p in passes[1:]) * 1000 / n for code in passes[1]}
    rules = sum(per_rule.values())
    words = sum(word_count(t) for t in texts)
    print(f"{n} articles ({words:,} words), load average {os.getloadavg()[0]:.1f}: first pass "
          f"{totals[0] * 1000 / n:.2f} ms CPU per article, warm {total:.2f} ms (least of {args.passes}): "
          f"rules {rules:.2f}, engine and the rest {total - rules:.2f}")
    for code, ms in sorted(per_rule.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {code:<8}{ms:6.2f} ms {100 * ms / total:5.1f}%")


def translated(limit: int) -> list[str]:
    """Machine-translated documents, from Chinese and Russian in turn."""
    from translated_corpus import translated_docs

    by_language = [[d.text for d in translated_docs(lang) if d.translator == "mt"] for lang in ("zh", "ru")]
    return [text for pair in zip(*by_language) for text in pair][:limit]


if __name__ == "__main__":
    main()
