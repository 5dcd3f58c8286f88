"""A big run spread over worker processes reports exactly what one process reports."""

from __future__ import annotations

import gc
import multiprocessing

import pytest

from newslint import parallel
from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter
from newslint.registry import default_registry

from conftest import FIXTURES


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers need fork")
def test_workers_report_what_one_process_reports(monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    texts += [t for r in default_registry().rules for t in r.info.examples.fail][:60]
    articles = [Article(t, f"a{i}.txt") for i, t in enumerate(texts)]
    articles.append(Article(texts[0], "copy.txt"))  # HL002 compares articles across the run
    serial = Linter(Config(grammar="off")).lint_run(articles, jobs=1)
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "_lint_chunk", _chunk_in_a_frozen_heap)
    spread = Linter(Config(grammar="off")).lint_run(articles, jobs=2)
    assert spread == serial
    assert any(d.code == "HL002" for d in spread[len(articles) - 1])
    assert gc.get_freeze_count() == 0  # the main process's objects are collectable again
    assert gc.get_threshold()[0] < parallel.YOUNG_THRESHOLD  # and the collector's thresholds as before


_LINT_CHUNK = parallel._lint_chunk


def _chunk_in_a_frozen_heap(items):
    """A worker's chunk, checking that what it inherited is frozen (the collector skips it)."""
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] >= parallel.YOUNG_THRESHOLD  # young collections rarer while linting
    return _LINT_CHUNK(items)


def test_small_runs_stay_in_one_process(monkeypatch):
    monkeypatch.setattr(parallel, "_in_workers", None)  # would fail if used
    articles = [Article("Talks stall\n\nThe the talks stalled.", "a.txt"), Article("Talks go\n\nThey went.", "b.txt")]
    assert Linter(Config(grammar="off")).lint_run(articles, jobs=2)[0]
    assert gc.get_freeze_count() == 0


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers need fork")
def test_a_rule_crash_in_a_worker_is_reported(monkeypatch):
    rule = default_registry().find("RD001")

    def broken(article, context):
        raise RuntimeError("boom")

    monkeypatch.setattr(rule, "check", broken)
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    linter = Linter(Config(grammar="off"))
    linter.lint_run([Article("Talks stall\n\nThey met.", f"a{i}.txt") for i in range(4)], jobs=2)
    assert len(linter.crashes) == 4 and all("RD001" in c and "boom" in c for c in linter.crashes)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers need fork")
def test_a_killed_worker_costs_nothing_but_time(monkeypatch, capsys):
    import os
    import signal

    parent = os.getpid()
    original = Linter.lint

    def killed_in_a_worker(self, article):
        if article.path == "victim.txt" and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
        return original(self, article)

    articles = [Article(f"Talks stall {i}\n\nThe the talks stalled on day {i}.", f"a{i}.txt") for i in range(40)]
    articles[25] = Article("Talks stall\n\nThe the talks stalled.", "victim.txt")
    serial = Linter(Config(grammar="off")).lint_run(articles, jobs=1)
    monkeypatch.setattr(Linter, "lint", killed_in_a_worker)
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    spread = Linter(Config(grammar="off")).lint_run(articles, jobs=2)
    assert spread == serial
    assert "a worker process was lost" in capsys.readouterr().err


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers need fork")
def test_workers_send_back_what_the_json_output_reports(monkeypatch):
    """With facts asked for, each article's readability and translation reading come back from
    the worker that linted it, equal to what the main process would work out."""
    from newslint import readability, translation_signal

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    spread = [Article(t, f"a{i}.txt") for i, t in enumerate(texts)]
    Linter(Config(grammar="off")).lint_run(spread, jobs=2, facts=True)
    for article, text in zip(spread, texts):
        assert translation_signal.of in article.cache and readability.summary in article.cache
        fresh = Article(text, article.path)
        assert article.cache[translation_signal.of] == translation_signal.of(fresh)
        assert readability.summary(article) == readability.summary(fresh)
    plain = [Article(t, f"b{i}.txt") for i, t in enumerate(texts)]
    Linter(Config(grammar="off")).lint_run(plain, jobs=2)
    assert not any(readability.summary in a.cache for a in plain)  # only when asked for


@pytest.mark.parametrize("count, jobs", [(0, 2), (1, 2), (9, 2), (2127, 2), (2127, 8), (50_000, 4)])
def test_the_tasks_cover_every_article_once_shrinking_towards_the_end(count, jobs):
    chunks = parallel.chunked(count, jobs)
    assert [i for chunk in chunks for i in chunk] == list(range(count))
    sizes = [len(chunk) for chunk in chunks]
    assert all(parallel.LAST_CHUNK <= n <= parallel.CHUNK for n in sizes[:-1])
    assert sizes == sorted(sizes, reverse=True)  # the big ones first, small ones last
    assert count < 1000 or len(chunks) < count / 8  # a big run: few round trips (was one per 8 articles)


@pytest.mark.parametrize("spread", [False, True])
def test_a_text_filed_twice_is_linted_once_and_each_copy_gets_its_findings(monkeypatch, spread):
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    articles = [Article(t, f"a{i}.txt") for i, t in enumerate(texts)]
    articles += [Article(texts[0], "copy.txt"), Article(texts[1], "again.txt"), Article(texts[0], "third.txt")]
    expected = {i: Linter(Config(grammar="off")).lint(Article(a.text, a.path)) for i, a in enumerate(articles)}
    linted = []
    original = Linter.lint
    monkeypatch.setattr(Linter, "lint", lambda self, article: linted.append(article.path) or original(self, article))
    if spread:
        monkeypatch.setattr(parallel, "MIN_CHARS", 0)
        monkeypatch.setattr(parallel, "_lint_chunk", _chunk_in_a_frozen_heap)
    found = parallel.lint_all(Linter(Config(grammar="off")), articles, jobs=2 if spread else 1, facts=spread)
    assert found == expected and found[len(texts)] is not found[0]  # equal findings, each its own list
    assert not {"copy.txt", "again.txt", "third.txt"} & set(linted)  # (a worker's lints are not seen here)
    if spread:  # what the workers worked out for the output, given to the copies too
        assert parallel._fact_keys()[1] in articles[len(texts)].cache
