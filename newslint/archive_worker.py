"""What a Dask worker does in an archive run: lint one batch of files it reads itself.

Each worker process keeps its linters (one per configuration) between batches, so rules,
packs and the lexicon are built once per process, not once per task. Rules that compare
articles (HL002, a headline used twice) cannot see other batches: their findings are
dropped here, each article's headline key is returned instead, and the driver asks for
them again over just the articles that share a headline (``lint_across``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from newslint.diagnostic import Diagnostic
from newslint.formatters.base import FileResult
from newslint.sources import InputError

_linters: dict = {}  # this worker process's linters by configuration, reused by every batch
_lock = threading.Lock()  # a worker with several threads lints one batch at a time


@dataclass
class Batch:
    """One batch's results, sent back to the driver."""

    results: list[FileResult]
    errors: list[InputError] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # lines the run would have printed on stderr
    headlines: dict[str, str] = field(default_factory=dict)  # path -> headline key, for rules across batches


def cross_article_codes() -> frozenset[str]:
    """Codes of the rules that compare the articles of a run."""
    from newslint.registry import default_registry
    from newslint.rule import RunRule

    return frozenset(r.info.code for r in default_registry().rules if isinstance(r, RunRule))


def headline_key(path: str, text: str | None) -> str | None:
    """The key under which HL002 compares this article's headline, if it has one."""
    from newslint.checks.headline import headline_text, normalise
    from newslint.markup import make_article

    found = headline_text(make_article(text or "", path))
    return normalise(found[1]) if found and len(normalise(found[1])) >= 8 else None


def lint_batch(paths: list[str], settings: dict) -> Batch:
    """Check ``paths`` as ``api.check(paths, **settings)`` does, minus rules across articles;
    ``settings["keep_text"]`` False sends the results back without the files' text."""
    from newslint import api

    settings = dict(settings)
    keep_text = settings.pop("keep_text", True)
    messages: list[str] = []
    with _lock:
        run = api.check(paths, report=messages.append, linters=_linters, jobs=1, **settings)
    across = cross_article_codes()
    headlines = {}
    for result in run.results:
        key = headline_key(result.path, result.text)
        if key:
            headlines[result.path] = key
        result.diagnostics = [d for d in result.diagnostics if d.code not in across]
        if not keep_text:
            result.text = None
    return Batch(run.results, run.errors, run.crashes, messages, headlines)


def lint_across(paths: list[str], settings: dict) -> dict[str, list[Diagnostic]]:
    """Findings of the rules that compare articles, over ``paths`` (in run order) only."""
    from newslint import api

    with _lock:
        run = api.check(paths, report=lambda _: None, linters=_linters, jobs=1, **settings)
    across = cross_article_codes()
    return {r.path: [d for d in r.diagnostics if d.code in across] for r in run.results}
