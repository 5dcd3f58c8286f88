"""A whole folder through the CLI: one process against worker processes, side by side.

Usage: python benchmarks/parallel_speed.py [--articles 0] [--runs 3] [--jobs 2]

Writes the deduplicated BBC articles into a temporary folder (deleted afterwards; the data
is never copied into the repository), then alternates `newslint check DIR --grammar off
--format json --jobs 1` and `--jobs N`, and prints the median wall times, their ratio and
whether the two outputs are byte-identical.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles, word_count  # noqa: E402


def run(folder: Path, jobs: int) -> tuple[float, bytes]:
    cmd = [sys.executable, "-m", "newslint", "check", str(folder), "--grammar", "off", "--format", "json",
           "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, check=False)
    return time.perf_counter() - start, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=0, help="how many BBC articles (0: all)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    articles = bbc_articles()[: args.articles or None]
    words = sum(word_count(a["text"]) for a in articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, a in enumerate(articles):
            (folder / f"a{i:04d}.txt").write_text(a["text"], encoding="utf-8")
        one, many, outputs = [], [], set()
        for _ in range(args.runs):
            for jobs, times in ((1, one), (args.jobs, many)):
                seconds, out = run(folder, jobs)
                times.append(seconds)
                outputs.add(out)
    a, b = statistics.median(one), statistics.median(many)
    print(f"{len(articles)} BBC files, {words} words, median of {args.runs}: --jobs 1 {a:.2f}s, "
          f"--jobs {args.jobs} {b:.2f}s, ratio {a / b:.2f}x; outputs identical: {len(outputs) == 1}")


if __name__ == "__main__":
    main()
