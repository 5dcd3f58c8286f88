"""Time and memory of one big article as it grows: 10k to 5M words (grammar off).

Builds single files from BBC article bodies (read in place from ../shared/data, written to a
temporary folder, deleted afterwards), checks each with the CLI (JSON out, to /dev/null) in a
fresh process, and prints wall time and peak memory (max RSS) per size and the ratio of each
size's time to the 1M-word time. Linear growth: 5M words ~5x the 1M time (issue 12 bound: <= 6x,
<= 500 MB). Medians of --runs runs (one run for sizes of 1M words and more unless --runs-big).

    python benchmarks/growth.py                 # 10k, 100k, 1M, 5M words
    python benchmarks/growth.py --sizes 10000,100000
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
from common import bbc_articles  # noqa: E402

NEWSLINT = [sys.executable, "-c", "from newslint.cli import main; main()"]


def build(words: int, bodies: list[str]) -> str:
    """One article of about ``words`` words: a headline, then BBC paragraphs over and over."""
    out, count, i = ["Growth test\n"], 0, 0
    while count < words:
        body = bodies[i % len(bodies)]
        out.append(body)
        count += len(body.split())
        i += 1
    return "\n\n".join(out) + "\n"


def measure(path: Path) -> tuple[float, float]:
    """Wall seconds and peak MB of one `newslint check` of ``path`` in a fresh process."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *NEWSLINT, "check", str(path), "--grammar", "off",
                           "--format", "json", "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"newslint exited {done.returncode}: {done.stderr[-500:]}")
    return seconds, int(done.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000,5000000")
    parser.add_argument("--runs", type=int, default=3, help="runs per size below 1M words (median)")
    parser.add_argument("--runs-big", type=int, default=1, help="runs per size of 1M words and more")
    args = parser.parse_args()
    bodies = [a["body"].strip() for a in bbc_articles()]
    rows = []
    with tempfile.TemporaryDirectory(prefix="newslint-growth-") as folder:
        for words in map(int, args.sizes.split(",")):
            path = Path(folder) / f"{words}.txt"
            path.write_text(build(words, bodies), encoding="utf-8")
            runs = [measure(path) for _ in range(args.runs if words < 1_000_000 else args.runs_big)]
            seconds = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            rows.append((words, seconds, peak))
            print(f"{words:>9,} words  {seconds:8.1f} s  {peak:7.0f} MB  {words / seconds:9,.0f} words/s", flush=True)
            path.unlink()
    base = next((s for w, s, _ in rows if w == 1_000_000), None)
    if base:
        for words, seconds, _ in rows:
            print(f"time {words:,} / 1M: {seconds / base:.2f}")


if __name__ == "__main__":
    main()
