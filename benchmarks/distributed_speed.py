"""Words per second per worker when an archive is checked on a local Dask cluster.

Usage: python benchmarks/distributed_speed.py [--articles 300] [--runs 3] [--workers 1,2] [--batch-size 32]

Writes N deduplicated BBC articles into a temporary folder (deleted afterwards; the data is
never copied into the repository), then for each worker count starts a local cluster
(`newslint.cluster.connect("local:N")`), warms every worker (its linter built once), and
times `newslint.distributed.check_archive` over the folder, grammar off. Prints the median
wall time, words per second and words per second per worker, beside one process in this
interpreter (`api.check`, jobs=1) on the same files, and the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles, word_count  # noqa: E402

from newslint import api  # noqa: E402
from newslint.archive_worker import lint_batch  # noqa: E402
from newslint.cluster import connect  # noqa: E402
from newslint.distributed import check_archive  # noqa: E402


def timed(runs: int, job) -> float:
    """Median wall seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    articles = bbc_articles()[: args.articles]
    words = sum(word_count(a["text"]) for a in articles)
    print(f"{len(articles)} BBC articles, {words} words, median of {args.runs}; "
          f"load average before: {os.getloadavg()[0]:.2f}")
    quiet = lambda _: None  # noqa: E731
    with tempfile.TemporaryDirectory() as tmp:
        for i, a in enumerate(articles):
            (Path(tmp) / f"a{i:04d}.txt").write_text(a["text"], encoding="utf-8")
        first = str(next(Path(tmp).iterdir()))
        api.check([first], grammar="off", report=quiet)  # rules built before timing, as workers are warmed
        local = timed(args.runs, lambda: api.check([tmp], grammar="off", jobs=1, report=quiet))
        print(f"one process (api.check, jobs=1): {local:.2f} s, {words / local:,.0f} words/s")
        for n in (int(w) for w in args.workers.split(",")):
            with connect(f"local:{n}") as client:
                client.run(lint_batch, [first], {"grammar": "off"})  # every worker builds its linter
                seconds = timed(args.runs, lambda: check_archive(
                    [tmp], client, grammar="off", batch_size=args.batch_size, report=quiet))
            print(f"local cluster, {n} worker(s): {seconds:.2f} s, {words / seconds:,.0f} words/s, "
                  f"{words / seconds / n:,.0f} words/s per worker ({words / seconds / n / (words / local):.2f}x "
                  "one process per worker)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
