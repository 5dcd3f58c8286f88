"""Lint the articles of a large run in worker processes, one per core.

Workers are forked from the running process, so they share its compiled rules and lexicon
(copy-on-write) and need nothing pickled but the texts going out and the diagnostics coming
back. Small runs stay in one process: starting workers would cost more than it saves.
When the output reports each article's readability and translation reading (JSON, HTML),
workers send those back too, so the main process does not work them out one by one.
Where fork is not available (Windows, macOS defaults), runs stay serial. A worker that is
lost (killed for memory, or by a signal) costs nothing but time: its articles are linted
again in the parent.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING

from newslint.article import Article
from newslint.diagnostic import Diagnostic

if TYPE_CHECKING:
    from newslint.engine import Linter

MIN_CHARS = 1_000_000  # about 170,000 words: below this one process is as fast
CHUNK = 32  # the most articles per task sent to a worker (fewer round trips for the main process)
LAST_CHUNK = 4  # the least: the tasks shrink towards the end, so the workers finish together
YOUNG_THRESHOLD = 10_000  # allocations between young collections during a run (Python's default: 700)
_forked: "Linter | None" = None  # the linter workers inherit from the parent
_facts = False  # whether workers also send each article's readability and translation reading


def default_jobs() -> int:
    """One worker per core available to this process."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lint_all(linter: "Linter", articles: list[Article], jobs: int, facts: bool = False) -> dict[int, list[Diagnostic]]:
    """Each article's diagnostics by index; in workers when the run is big enough. With
    ``facts``, workers also leave each plain article's readability and translation reading
    in its cache (``article_facts``), where the output code finds them."""
    # what exists before the run (compiled rules, lexicon, the run's texts) outlives it:
    # frozen, the collector's full passes skip it, here and in forked workers (whose shared
    # pages it then leaves unwritten); thawed again after the run
    thaw = gc.get_freeze_count() == 0
    gc.freeze()
    # what a lint allocates (tokens, candidates, matches) dies by reference counting: a young
    # collection every 700 allocations only walked it (0.18 -> 0.05-0.09 ms per BBC article)
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], YOUNG_THRESHOLD), *thresholds[1:])
    try:
        unique, copies = _distinct(articles)
        crashes = len(linter.crashes)
        if jobs <= 1 or len(unique) < 2 or sum(len(articles[i].text) for i in unique) < MIN_CHARS:
            found = _in_this_process(linter, articles, unique)
        else:
            done = _in_workers(linter, [articles[i] for i in unique], jobs, facts)
            found = {i: done[k] for k, i in enumerate(unique)}
        known = _fact_keys() if copies else ()
        for copy, first in copies.items():
            if len(linter.crashes) > crashes:  # a rule failed somewhere: each copy reports its own
                found[copy] = linter.lint(articles[copy])
                continue
            found[copy] = list(found[first])
            for key in known:
                if key in articles[first].cache:
                    value = articles[first].cache[key]
                    articles[copy].cache[key] = dict(value) if isinstance(value, dict) else value
        return {i: found[i] for i in range(len(articles))}
    finally:
        gc.set_threshold(*thresholds)
        if thaw:
            gc.unfreeze()


def _in_this_process(linter: "Linter", articles: list[Article], numbers: list[int]) -> dict[int, list[Diagnostic]]:
    """The numbered articles' diagnostics, linted here, ``CHUNK`` at a time, each chunk scanned
    ahead by the native prefilters as a worker's is (a single article is not)."""
    if len(numbers) < 2:
        return {i: linter.lint(articles[i]) for i in numbers}
    from newslint.pattern_prefilter import scan_ahead

    found: dict[int, list[Diagnostic]] = {}
    for start in range(0, len(numbers), CHUNK):
        chunk = numbers[start : start + CHUNK]
        scan_ahead([articles[i].text for i in chunk])
        found.update((i, linter.lint(articles[i])) for i in chunk)
    return found


def _distinct(articles: list[Article]) -> tuple[list[int], dict[int, int]]:
    """The numbers of the articles to lint, and each plain-text article whose text an earlier
    one has (a story filed twice, a wire copy) with the number of that one: the same text is
    linted once per run, its findings given to every copy."""
    first: dict[str, int] = {}
    unique: list[int] = []
    copies: dict[int, int] = {}
    for i, article in enumerate(articles):
        if type(article) is Article:  # plain text only: a marked-up copy maps back to its own source
            seen = first.setdefault(article.text, i)
            if seen != i:
                copies[i] = seen
                continue
        unique.append(i)
    return unique, copies


def _fact_keys() -> tuple:
    """Where an article's cache keeps what ``article_facts`` reports."""
    from newslint import readability, translation_signal

    return translation_signal.of, readability.summary


def article_facts(article: Article) -> dict:
    """What the output reports of an article besides its findings, keyed by the function
    that computes it (so it can go straight into the article's cache)."""
    from newslint import readability, translation_signal

    return {translation_signal.of: translation_signal.of(article), readability.summary: readability.summary(article)}


def _in_workers(linter: "Linter", articles: list[Article], jobs: int, facts: bool = False) -> dict[int, list[Diagnostic]]:
    """Each article's diagnostics by index, from ``jobs`` forked workers (serial where
    fork is not available). The process modules are imported here: a small run, most
    runs, does without them."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if "fork" not in multiprocessing.get_all_start_methods():
        return {i: linter.lint(a) for i, a in enumerate(articles)}
    global _forked, _facts
    _forked, _facts = linter, facts
    results: dict[int, list[Diagnostic]] = {}
    lost: list[int] = []
    chunks = chunked(len(articles), jobs)
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
                for i, (diagnostics, crashes, found) in zip(chunk, outputs):
                    results[i] = diagnostics
                    linter.crashes.extend(crashes)
                    if found is not None and type(articles[i]) is Article:  # a worker reads plain text
                        articles[i].cache.update(found)
    finally:
        _forked, _facts = None, False
    if lost:
        sys.stderr.write(f"newslint: note: a worker process was lost; its {len(lost)} article(s) "
                         "were checked in the main process\n")
        for i in lost:
            results[i] = linter.lint(articles[i])
    return results


def chunked(count: int, jobs: int) -> list[range]:
    """The articles' numbers in tasks, large while there is much left, small at the end (each
    a quarter of an even share of what is left, from ``CHUNK`` down to ``LAST_CHUNK``): the main
    process, which shares the cores, handles a few dozen round trips, not hundreds, and no
    worker is left with a long last task while the other waits."""
    chunks, start = [], 0
    while start < count:
        size = max(LAST_CHUNK, min(CHUNK, (count - start) // (4 * jobs)))
        chunks.append(range(start, min(start + size, count)))
        start += size
    return chunks


def _lint_chunk(items: list[tuple[str, str]]) -> list[tuple[list[Diagnostic], list[str], dict | None]]:
    """In a worker: several articles' diagnostics and crashes (one round trip per chunk). The
    native prefilters scan the chunk's texts first, back to back (``scan_ahead``)."""
    from newslint.pattern_prefilter import scan_ahead

    scan_ahead([text for text, _ in items])
    return [_lint_one(item) for item in items]


def _lint_one(item: tuple[str, str]) -> tuple[list[Diagnostic], list[str], dict | None]:
    """In a worker: one article's diagnostics, the rule crashes it caused and, when asked
    for, its facts."""
    assert _forked is not None
    text, path = item
    before = len(_forked.crashes)
    article = Article(text, path)
    diagnostics = _forked.lint(article)
    return diagnostics, _forked.crashes[before:], article_facts(article) if _facts else None
