"""CPU per article of chosen rules in one worker of a whole run, first sight, checkouts alternating.

Usage: python benchmarks/rule_cost.py CHECKOUT [CHECKOUT ...] [--rules EN010,TR000,EN025] [--rounds 4] [--folder DIR]

Each round runs every checkout (on PYTHONPATH) in a new process, in turn. A process does what
benchmarks/worker_cost.py does (the rules loaded and prepared for a run of every BBC article,
then every other article linted once, in order: each word and name met for the first time as
a worker meets it) and adds up the CPU time of each chosen rule's check. What a rule's check
asks that the article keeps for every rule is charged to the rule it is read for, wherever it
is first asked: the translation signal (the engine asks it first, for the gate of gated
rules) to TR000, EN010's name spellings (SP002 asks them too) to EN010. Time a nested charged
call spends is taken off the call around it. Prints each rule's microseconds per article and
its share of the worker's CPU (the share is steadier than the time on a shared machine: both
move with the CPU's speed), medians over the rounds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

# what a rule reads that the article keeps for every rule: (module, function, the rule it is charged to)
SHARED = (("newslint.translation_signal", "of", "TR000"), ("newslint.checks.transliteration", "_read_spellings", "EN010"))


class Clock:
    """CPU time per label, a charged call's time taken off the charged call around it."""

    def __init__(self) -> None:
        self.spent: dict[str, int] = {}
        self._nested: list[int] = []

    def charge(self, label: str, call: Callable[..., Any], listed: bool = False) -> Callable[..., Any]:
        """``call``, timed under ``label``; ``listed``: its result (a generator) run to a list."""

        def timed(*args: Any, **kwargs: Any) -> Any:
            self._nested.append(0)
            start = time.process_time_ns()
            try:
                return list(call(*args, **kwargs)) if listed else call(*args, **kwargs)
            finally:
                took = time.process_time_ns() - start
                self.spent[label] = self.spent.get(label, 0) + took - self._nested.pop()
                if self._nested:
                    self._nested[-1] += took

        return timed


def one_worker(codes: list[str], folder: str | None = None) -> None:
    """Lint one worker's half of the BBC articles (or of the files in ``folder``, in name order)
    and print each rule's cost and the whole."""
    import gc
    import importlib

    from common import bbc_articles

    from newslint import dataclass_cache, regex_cache

    regex_cache.install()
    dataclass_cache.install()
    from newslint.article import Article
    from newslint.config import Config
    from newslint.engine import Linter

    texts = ([p.read_text(encoding="utf-8") for p in sorted(Path(folder).iterdir())] if folder
             else [a["text"] for a in bbc_articles(dedupe=False)])
    linter = Linter(Config(grammar="off"))
    linter._prepare([Article(t, "x.txt") for t in texts])
    gc.freeze()
    gc.set_threshold(10_000, *gc.get_threshold()[1:])
    clock = Clock()
    for module, name, code in SHARED:
        if code in codes:
            owner = importlib.import_module(module)
            setattr(owner, name, clock.charge(code, getattr(owner, name)))
    for active in linter.active:
        if active.rule.info.code in codes:
            active.rule.check = clock.charge(active.rule.info.code, active.rule.check, listed=True)  # type: ignore[method-assign]
    mine = texts[0::2]
    start = time.process_time_ns()
    for text in mine:
        linter.lint(Article(text, "x.txt"))
    whole = time.process_time_ns() - start
    print(" ".join(f"{code}={clock.spent.get(code, 0) / 1000 / len(mine):.2f}" for code in codes),
          f"all={whole / 1000 / len(mine):.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="*")
    parser.add_argument("--rules", default="EN010,TR000,EN025")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--folder", help="a folder of articles to lint instead of the BBC articles")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    codes = args.rules.split(",")
    if args.one:
        one_worker(codes, args.folder)
        return 0
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # bytecode as a run has it
    rows: dict[str, list[dict[str, float]]] = {c: [] for c in args.checkouts}
    for _ in range(args.rounds):
        for checkout in args.checkouts:
            folder = ["--folder", args.folder] if args.folder else []
            out = subprocess.run([sys.executable, __file__, "--one", "--rules", args.rules, *folder], capture_output=True,
                                 text=True, env=dict(env, PYTHONPATH=checkout, NEWSLINT_GRAMMAR="off"))
            if out.returncode:
                print(out.stderr, file=sys.stderr)
                return 1
            rows[checkout].append({k: float(v) for k, v in (kv.split("=") for kv in out.stdout.split())})
    for checkout, found in rows.items():
        times = " ".join(f"{code} {statistics.median(r[code] for r in found):.0f} us" for code in codes)
        shares = " ".join(f"{code} {statistics.median(100 * r[code] / r['all'] for r in found):.2f}%" for code in codes)
        print(f"{checkout}: {times} per article; {shares} of the worker's CPU "
              f"({statistics.median(r['all'] for r in found) / 1000:.2f} ms per article; medians of {args.rounds})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
