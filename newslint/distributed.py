"""Check an archive on a Dask cluster: the same results as ``api.check``, spread over workers.

::

    from newslint.cluster import connect
    from newslint.distributed import check_archive

    with connect("local:2") as client:            # or connect("tcp://scheduler:8786")
        run = check_archive(["/shared/archive/"], client, grammar="off")
    print(len(run.results), run.ok)

The driver only lists the files; workers read them from the shared path in batches of
``batch_size`` and send back diagnostics. At most a few batches per worker are in flight,
so the driver's memory follows the results, not the archive. LanguageTool stays off on the
cluster unless ``languagetool_url`` names a server (no JVM is started per task).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from newslint import api
from newslint.archive_worker import Batch, lint_across, lint_batch
from newslint.cluster import ClusterError
from newslint.diagnostic import text_order
from newslint.formatters.base import FileResult
from newslint.sources import InputError, expand

if TYPE_CHECKING:
    from distributed import Client

BATCH_SIZE = 64  # files per task: big enough to hide the round trip, small enough to balance
IN_FLIGHT_PER_WORKER = 3  # batches queued per worker so none waits for the driver

Report = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def check_archive(inputs: Iterable[str], client: "Client", *, config_path: str | None = None,
                  batch_size: int = BATCH_SIZE, baseline: str | None = None, readability_scores: bool = False,
                  report: Report = _stderr, progress: Callable[[int, int], None] | None = None,
                  keep_text: bool = True, **overrides) -> api.Run:
    """Check files and folders on the cluster ``client`` reaches; ``overrides`` as in
    ``api.check``. Paths must name the same files on every worker (absolute paths on a
    shared file system for a remote cluster). ``progress(done, total)`` follows the files;
    ``keep_text=False`` leaves ``FileResult.text`` empty so the archive's text never
    gathers on the driver. Raises ClusterError when a worker dies or a batch cannot run."""
    overrides = {k: v for k, v in overrides.items() if v is not None}
    overrides["grammar"] = _grammar_on_cluster(overrides, report)
    explicit = config_path or os.environ.get("NEWSLINT_CONFIG") or None
    settings = dict(overrides, config_path=str(Path(explicit).resolve()) if explicit else None,
                    readability_scores=readability_scores)
    batch_settings = dict(settings, keep_text=keep_text)
    extensions = api.config_for(None, explicit, overrides, {}).extensions
    run = api.Run()
    paths: list[str] = []
    for item in expand(tuple(inputs), extensions):
        if isinstance(item, InputError):
            run.errors.append(item)
            report(str(item))
        else:
            paths.append(item)
    batches = [paths[i:i + batch_size] for i in range(0, len(paths), batch_size)]
    by_path: dict[str, FileResult] = {}
    headlines: dict[str, str] = {}
    said: set[str] = set()
    done = 0
    for batch in _run_batches(client, batches, batch_settings):
        for line in batch.messages:
            if line not in said:
                said.add(line)
                report(line)
        run.errors.extend(batch.errors)
        run.crashes.extend(c for c in batch.crashes if c not in run.crashes)
        by_path.update((r.path, r) for r in batch.results)
        headlines.update(batch.headlines)
        done += len(batch.results) + len(batch.errors)
        if progress:
            progress(done, len(paths))
    _add_across(client, by_path, headlines, paths, dict(settings, grammar="off"))
    run.results = [by_path[p] for p in paths if p in by_path]
    if baseline:
        api.apply_baseline(Path(baseline), run.results, report)
    return run


def _grammar_on_cluster(overrides: dict, report: Report) -> str:
    """Grammar only against a named LanguageTool server; off otherwise, and said so."""
    asked = overrides.get("grammar")
    if overrides.get("languagetool_url") or asked == "off":
        return asked or "auto"
    if asked == "required":
        raise ClusterError("grammar on a cluster needs a LanguageTool server: name it with --languagetool-url "
                           "(workers never start their own)")
    report("newslint: grammar is off on the cluster; name a LanguageTool server with --languagetool-url to check it")
    return "off"


def _run_batches(client: "Client", batches: list[list[str]], settings: dict) -> Iterator[Batch]:
    """Each batch's results as it finishes, a few batches per worker queued at a time."""
    from distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    queue = iter(batches)
    running = as_completed()
    started: list = []

    def submit_next() -> None:
        batch = next(queue, None)
        if batch is not None:
            future = client.submit(lint_batch, batch, settings, pure=False)
            started.append(future)
            running.add(future)

    for _ in range(workers * IN_FLIGHT_PER_WORKER):
        submit_next()
    try:
        for future in running:
            yield _result(future)
            submit_next()
    finally:
        client.cancel([f for f in started if not f.done()])


def _result(future):
    """A finished task's value, or a ClusterError that says what went wrong."""
    from distributed.scheduler import KilledWorker

    try:
        return future.result()
    except KilledWorker as exc:
        raise ClusterError(f"a worker died while checking a batch of files (tried on {exc.allowed_failures + 1} "
                           "worker(s) in turn): look at the workers' memory and logs") from None
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"lost the connection to the Dask cluster: {exc}") from None
    except Exception as exc:  # the task failed on the worker (e.g. newslint missing there)
        raise ClusterError(f"a batch failed on the cluster: {type(exc).__name__}: {exc}") from None


def _add_across(client: "Client", by_path: dict[str, FileResult], headlines: dict[str, str], order: list[str],
                settings: dict) -> None:
    """Findings of rules that compare articles, over the articles that share a headline."""
    groups: dict[str, list[str]] = {}
    for path, key in headlines.items():
        groups.setdefault(key, []).append(path)
    shared = {p for group in groups.values() if len(group) > 1 for p in group}
    if not shared:
        return
    found = _result(client.submit(lint_across, [p for p in order if p in shared], settings, pure=False))
    for path, extra in found.items():
        result = by_path[path]
        result.diagnostics = sorted(result.diagnostics + extra, key=text_order)
