"""Whole runs of newslint checkouts and Vale on the same folder, alternating: wall and CPU.

Usage: python benchmarks/side_by_side.py [--runs 3] [--folder DIR] [--no-vale] [CHECKOUT ...]

Each round runs every checkout (a folder holding a ``newslint`` package, put first on
PYTHONPATH; none given: the installed newslint) with ``check --grammar off --no-cache
--jobs 2`` on the folder, then Vale on every file of it, so a slow moment of a shared machine
falls on all of them alike. Each checkout keeps its own cache folder (two checkouts sharing
one would rebuild each other's data) and may write bytecode (PYTHONDONTWRITEBYTECODE set
in a shell would make every run of a checkout recompile its modules, about 0.1 s). Prints
medians, ranges and Vale's lead per checkout. The folder defaults to the 2,225 BBC articles
written out once from ../shared/data (never copied into the repo).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles  # noqa: E402
from speed import VALE_CONFIG, vale_binary  # noqa: E402


def bbc_folder() -> Path:
    """All 2,225 BBC articles as files, written once to a temporary folder."""
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / "newslint-bbc-2225"
    texts = [a["text"] for a in bbc_articles(dedupe=False)]
    if len(list(folder.glob("*.txt"))) != len(texts):
        folder.mkdir(parents=True, exist_ok=True)
        for i, text in enumerate(texts):
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (the process and its children) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd="/tmp")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="*", help="folders with a newslint package (default: the installed one)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=None)
    parser.add_argument("--no-vale", action="store_true")
    args = parser.parse_args()
    folder = args.folder or bbc_folder()
    files = sorted(str(p) for p in folder.iterdir() if p.is_file())
    cache_root = Path(os.environ.get("TMPDIR", "/tmp")) / "newslint-side-by-side"
    commands: dict[str, tuple[list[str], dict[str, str]]] = {}
    for checkout in args.checkouts or [""]:
        env = dict(os.environ, NEWSLINT_CACHE_DIR=str(cache_root / (checkout.strip("/").replace("/", "-") or "installed")))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if checkout:
            env["PYTHONPATH"] = str(Path(checkout).resolve())
        argv = [sys.executable, "-m", "newslint", "check", "--grammar", "off", "--no-cache", "--jobs", "2", str(folder)]
        commands[checkout or "newslint (installed)"] = (argv, env)
    vale = None if args.no_vale else vale_binary()
    if vale:
        commands["Vale (built-in style)"] = ([vale, f"--config={VALE_CONFIG}", "--output=JSON", "--no-exit", *files],
                                             dict(os.environ))
    for argv, env in commands.values():
        timed(argv, env)  # data caches and bytecode built once, outside the figures
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, (argv, env) in commands.items():
            results[name].append(timed(argv, env))
    print(f"{len(files)} files in {folder}, {args.runs} alternating rounds, load average {os.getloadavg()[0]:.1f}")
    medians = {}
    for name, rows in results.items():
        walls, cpus = [w for w, _ in rows], [c for _, c in rows]
        medians[name] = (statistics.median(walls), statistics.median(cpus))
        print(f"  {name:<40} wall {medians[name][0]:.2f} s ({min(walls):.2f}-{max(walls):.2f})  "
              f"CPU {medians[name][1]:.2f} s ({min(cpus):.2f}-{max(cpus):.2f})")
    if vale:
        vale_wall, vale_cpu = medians.pop("Vale (built-in style)")
        for name, (wall, cpu) in medians.items():
            print(f"  Vale is {wall / vale_wall:.2f}x {name} by wall, {cpu / vale_cpu:.2f}x by CPU")
    elif not args.no_vale:
        print("  Vale: skipped (not installed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
