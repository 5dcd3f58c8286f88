"""newslint's own rules against Harper, proselint and Vale on the same BBC articles.

Usage: python benchmarks/peers_speed.py [--limit 300] [--runs 3] [--top 8]

Speed: median of --runs timed passes per tool over the first --limit deduplicated BBC
articles; one-off startup (imports and rule loading, Harper's WASM init, Vale's process
start) is timed apart. newslint runs with grammar off (no LanguageTool). Harper runs in
one node process with a fresh linter per pass (its first pass is also shown: the WASM
code is still being optimised then). Vale runs as one process per pass over one file
per article; its startup (vale on a one-word file) is subtracted. Findings per 1,000 words on this professionally edited copy are a
false-alarm proxy: nearly every finding here is noise. Peers that are not installed are
skipped (see benchmarks/peers.py for the install commands).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles, word_count  # noqa: E402

import peers  # noqa: E402


def time_newslint(texts: list[str], runs: int) -> peers.PeerRun:
    """newslint's own rules (grammar off), one Linter built once, fresh Article per text."""
    start = time.perf_counter()
    import newslint
    from newslint.article import Article
    from newslint.config import Config
    from newslint.engine import Linter

    linter = Linter(Config(grammar="off"))
    startup = time.perf_counter() - start
    passes, found = [], []
    for _ in range(runs):
        t = time.perf_counter()
        found = [linter.lint(Article(text)) for text in texts]
        passes.append(time.perf_counter() - t)
    findings = [
        [{"start": d.offset, "end": d.end_offset, "rule": d.code, "kind": d.category,
          "severity": d.severity.value, "message": d.message} for d in diags]
        for diags in found
    ]
    return peers.PeerRun("newslint", f"newslint {newslint.__version__}", findings, startup, passes)


def time_proselint(texts: list[str], runs: int) -> peers.PeerRun:
    """proselint's default checks in this process; startup is import plus registration."""
    start = time.perf_counter()
    peers.proselint_setup()
    startup = time.perf_counter() - start
    passes, findings = [], []
    for _ in range(runs):
        t = time.perf_counter()
        findings = peers.proselint_lint(texts)
        passes.append(time.perf_counter() - t)
    return peers.PeerRun("proselint", peers.proselint_version(), findings, startup, passes)


def per_k(count: int, words: int) -> float:
    return 1000 * count / words if words else 0.0


def breakdown(run: peers.PeerRun, key: str, words: int, top: int) -> str:
    counts = Counter(f[key] for found in run.findings for f in found)
    parts = [f"{name} {per_k(n, words):.2f}" for name, n in counts.most_common(top)]
    rest = sum(counts.values()) - sum(n for _, n in counts.most_common(top))
    if rest:
        parts.append(f"other {per_k(rest, words):.2f}")
    return ", ".join(parts) or "none"


def node_version() -> str:
    try:
        return subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--top", type=int, default=8, help="rows in each findings breakdown")
    args = parser.parse_args()
    texts = [a["text"] for a in bbc_articles()[: args.limit]]
    words = sum(word_count(t) for t in texts)
    print(f"{len(texts)} BBC articles, {words:,} words, median of {args.runs} runs, "
          f"Python {platform.python_version()}, node {node_version()}")

    runs: list[peers.PeerRun] = [time_newslint(texts, args.runs)]
    skipped = []
    if peers.harper_available():
        runs.append(peers.harper_run(texts, args.runs))
    else:
        skipped.append("harper (cd benchmarks/peers && npm ci)")
    if peers.proselint_available():
        runs.append(time_proselint(texts, args.runs))
    else:
        skipped.append("proselint (.venv/bin/pip install proselint==0.16.0)")
    if peers.vale_available():
        runs.append(peers.vale_run(texts, args.runs))
    else:
        skipped.append("vale (go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0)")

    base = statistics.median(runs[0].passes)
    print(f"\n{'tool':<10}{'version':<46}{'startup':>9}{'median':>9}{'words/s':>10}"
          f"{'x newslint':>11}{'per 1k w':>10}")
    for run in runs:
        median = statistics.median(run.passes)
        count = sum(len(f) for f in run.findings)
        rate = f"{words / median:,.0f}" if median else "-"
        print(f"{run.tool:<10}{run.version:<46}{run.startup:>8.2f}s{median:>8.2f}s{rate:>10}"
              f"{median / base:>10.1f}x{per_k(count, words):>10.2f}")
    print("  (startup: one-off, excluded from median; x newslint: median time / newslint's)")
    for run in runs:
        extra = ""
        if run.tool == "harper":
            extra = (f"; first pass {run.passes[0]:.2f}s, node process {run.wall:.2f}s wall, "
                     f"{run.cpu:.2f}s CPU")
        elif run.tool == "vale":
            extra = f"; median process {run.wall:.2f}s wall, {run.cpu:.2f}s CPU"
        print(f"  {run.tool}: passes {', '.join(f'{p:.2f}s' for p in run.passes)}{extra}")

    print("\nfindings per 1,000 words by kind (clean copy: a false-alarm proxy)")
    for run in runs:
        key = "rule" if run.tool in ("newslint", "vale") else "kind"
        print(f"  {run.tool} by {key}: {breakdown(run, key, words, args.top)}")
        if run.tool == "newslint":
            print(f"  newslint by severity: {breakdown(run, 'severity', words, args.top)}")
        if run.tool == "harper":
            print(f"  harper by rule: {breakdown(run, 'rule', words, args.top)}")
            other = sum(1 for found in run.findings for f in found if f["kind"] != "Spelling")
            print(f"  harper without Spelling: {per_k(other, words):.2f}")
        if run.tool != "newslint":
            bad = peers.offset_mismatches(texts, run.findings)
            if bad:
                print(f"  {run.tool}: {bad} findings whose offsets do not match their text")
    for name in skipped:
        print(f"skipped (not installed): {name}")


if __name__ == "__main__":
    main()
