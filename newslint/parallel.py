"""Lint the articles of a large run in worker processes, one per core.

Workers are forked from the running process, so they share its compiled rules and lexicon
(copy-on-write) and need nothing pickled but the texts going out and the diagnostics coming
back. Small runs stay in one process: starting workers would cost more than it saves.
Where fork is not available (Windows, macOS defaults), runs stay serial.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from newslint.article import Article
from newslint.diagnostic import Diagnostic

if TYPE_CHECKING:
    from newslint.engine import Linter

MIN_CHARS = 1_000_000  # about 170,000 words: below this one process is as fast
_forked: "Linter | None" = None  # the linter workers inherit from the parent


def default_jobs() -> int:
    """One worker per core available to this process."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lint_all(linter: "Linter", articles: list[Article], jobs: int) -> dict[int, list[Diagnostic]]:
    """Each article's diagnostics by index; in workers when the run is big enough."""
    if jobs <= 1 or len(articles) < 2 or sum(len(a.text) for a in articles) < MIN_CHARS \
            or "fork" not in multiprocessing.get_all_start_methods():
        return {i: linter.lint(a) for i, a in enumerate(articles)}
    global _forked
    _forked = linter
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            outputs = list(pool.map(_lint_one, [(a.text, a.path) for a in articles], chunksize=8))
    finally:
        _forked = None
    results = {}
    for i, (diagnostics, crashes) in enumerate(outputs):
        results[i] = diagnostics
        linter.crashes.extend(crashes)
    return results


def _lint_one(item: tuple[str, str]) -> tuple[list[Diagnostic], list[str]]:
    """In a worker: one article's diagnostics and the rule crashes it caused."""
    assert _forked is not None
    text, path = item
    before = len(_forked.crashes)
    diagnostics = _forked.lint(Article(text, path))
    return diagnostics, _forked.crashes[before:]
