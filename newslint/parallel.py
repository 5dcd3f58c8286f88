"""Lint the articles of a large run in worker processes, one per core.

Workers are forked from the running process, so they share its compiled rules and lexicon
(copy-on-write) and need nothing pickled but the texts going out and the diagnostics coming
back. Small runs stay in one process: starting workers would cost more than it saves.
Where fork is not available (Windows, macOS defaults), runs stay serial. A worker that is
lost (killed for memory, or by a signal) costs nothing but time: its articles are linted
again in the parent.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from newslint.article import Article
from newslint.diagnostic import Diagnostic

if TYPE_CHECKING:
    from newslint.engine import Linter

MIN_CHARS = 1_000_000  # about 170,000 words: below this one process is as fast
CHUNK = 8  # articles per task sent to a worker
_forked: "Linter | None" = None  # the linter workers inherit from the parent


def default_jobs() -> int:
    """One worker per core available to this process."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lint_all(linter: "Linter", articles: list[Article], jobs: int) -> dict[int, list[Diagnostic]]:
    """Each article's diagnostics by index; in workers when the run is big enough."""
    if jobs <= 1 or len(articles) < 2 or sum(len(a.text) for a in articles) < MIN_CHARS:
        return {i: linter.lint(a) for i, a in enumerate(articles)}
    return _in_workers(linter, articles, jobs)


def _in_workers(linter: "Linter", articles: list[Article], jobs: int) -> dict[int, list[Diagnostic]]:
    """Each article's diagnostics by index, from ``jobs`` forked workers (serial where
    fork is not available). The process modules are imported here: a small run, most
    runs, does without them."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if "fork" not in multiprocessing.get_all_start_methods():
        return {i: linter.lint(a) for i, a in enumerate(articles)}
    global _forked
    _forked = linter
    results: dict[int, list[Diagnostic]] = {}
    lost: list[int] = []
    chunks = [range(i, min(i + CHUNK, len(articles))) for i in range(0, len(articles), CHUNK)]
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [(pool.submit(_lint_chunk, [(articles[i].text, articles[i].path) for i in chunk]), chunk)
                       for chunk in chunks]
            for future, chunk in futures:
                try:
                    outputs = future.result()
                except BrokenProcessPool:  # a worker was killed (out of memory, a signal)
                    lost.extend(chunk)
                    continue
                for i, (diagnostics, crashes) in zip(chunk, outputs):
                    results[i] = diagnostics
                    linter.crashes.extend(crashes)
    finally:
        _forked = None
    if lost:
        sys.stderr.write(f"newslint: note: a worker process was lost; its {len(lost)} article(s) "
                         "were checked in the main process\n")
        for i in lost:
            results[i] = linter.lint(articles[i])
    return results


def _lint_chunk(items: list[tuple[str, str]]) -> list[tuple[list[Diagnostic], list[str]]]:
    """In a worker: several articles' diagnostics and crashes (one round trip per chunk)."""
    return [_lint_one(item) for item in items]


def _lint_one(item: tuple[str, str]) -> tuple[list[Diagnostic], list[str]]:
    """In a worker: one article's diagnostics and the rule crashes it caused."""
    assert _forked is not None
    text, path = item
    before = len(_forked.crashes)
    diagnostics = _forked.lint(Article(text, path))
    return diagnostics, _forked.crashes[before:]
