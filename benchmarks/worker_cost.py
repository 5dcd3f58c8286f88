"""CPU per article of one worker of a whole run, as `newslint check --jobs 2` spends it.

The rules are loaded and prepared for a run of every BBC article (what the main process does
before it forks), then every other article is linted once, in order: each word, name and
phrase is met for the first time as a worker meets it. Prints CPU ms per article for the
linting alone and with the preparation included, the least of --runs processes (each run is
a new process: nothing is warm but the data cache). To compare two checkouts, run it with
each on PYTHONPATH, alternating.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def one_worker(half: int) -> None:
    import gc
    import time

    from common import bbc_articles

    from newslint import dataclass_cache, regex_cache

    regex_cache.install()
    dataclass_cache.install()
    from newslint.article import Article
    from newslint.config import Config
    from newslint.engine import Linter

    texts = [a["text"] for a in bbc_articles(dedupe=False)]
    linter = Linter(Config(grammar="off"))
    start = time.process_time()
    linter._prepare([Article(t, "x.txt") for t in texts])  # the main process, before it forks
    prepared = time.process_time()
    gc.freeze()  # as parallel.lint_all leaves the heap for its workers
    gc.set_threshold(10_000, *gc.get_threshold()[1:])
    mine = texts[half::2]
    for text in mine:
        linter.lint(Article(text, "x.txt"))
    end = time.process_time()
    print(f"{len(mine)} {(end - prepared) * 1000 / len(mine):.3f} {(end - start) * 1000 / len(mine):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--half", type=int, choices=(0, 1), default=0, help="which worker's articles")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_worker(args.half)
        return 0
    rows = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, __file__, "--one", "--half", str(args.half)], capture_output=True,
                             text=True, env=dict(os.environ, NEWSLINT_GRAMMAR="off"))
        if out.returncode:
            print(out.stderr, file=sys.stderr)
            return 1
        n, lint, whole = out.stdout.split()
        rows.append((float(lint), float(whole)))
    lint, whole = min(rows)
    print(f"one worker, {n} BBC articles met for the first time: {lint:.2f} ms CPU per article "
          f"({whole:.2f} with the main process's preparation), least of {args.runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
