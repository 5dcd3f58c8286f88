"""An archive checked on a local two-worker Dask cluster reports exactly what one process
reports; --cluster works from the command line; its failures are one-line errors."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import distributed  # noqa: F401  (in the test extra: a missing Dask fails here, never skips)
import pytest
from click.testing import CliRunner

from newslint import api
from newslint.cli import cli
from newslint.cluster import ClusterError, connect, parse
from newslint.distributed import check_archive
from newslint.registry import default_registry

from conftest import FIXTURES


@pytest.fixture(scope="module")
def client():
    """A local cluster of two worker processes, shut down after the module's tests."""
    with connect("local:2") as c:
        yield c


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """The fixture articles, rule examples as articles, a Markdown story, an unreadable file
    and two stories far apart that share a headline (HL002 across batches)."""
    folder = tmp_path_factory.mktemp("archive")
    for path in FIXTURES.glob("*.txt"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    examples = [t for r in default_registry().rules for t in r.info.examples.fail if "---" not in t][:24]
    for i, text in enumerate(examples):
        (folder / f"example{i:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "aa-first.txt").write_text("Council approves new budget plan\n\nThe council met on Monday.\n")
    (folder / "zz-second.txt").write_text("Council approves new budget plan\n\nThe the vote was close.\n")
    (folder / "story.md").write_text("# Talks stall in Geneva\n\nThe the talks stalled , officials said.\n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not an article")
    return folder


def _findings(run: api.Run) -> tuple[list, list[str]]:
    return [(r.path, r.diagnostics, r.notes) for r in run.results], sorted(str(e) for e in run.errors)


def test_cluster_reports_what_one_process_reports(client, archive):
    local = api.check([str(archive)], grammar="off", jobs=1, report=lambda _: None)
    spread = check_archive([str(archive)], client, grammar="off", batch_size=3, report=lambda _: None)
    assert _findings(spread) == _findings(local)
    assert len(spread.results) > 3 * 2 * 3  # more batches than the workers hold at once
    hl002 = {Path(r.path).name for r in spread.results for d in r.diagnostics if d.code == "HL002"}
    assert {"aa-first.txt", "zz-second.txt"} <= hl002  # first and last file: never in one batch
    assert not spread.ok and spread.errors  # the unreadable file is an error, as locally


def test_results_can_come_back_without_text(client, archive):
    with_text = check_archive([str(archive)], client, grammar="off", batch_size=4, report=lambda _: None)
    bare = check_archive([str(archive)], client, grammar="off", batch_size=4, report=lambda _: None, keep_text=False)
    assert all(r.text is None for r in bare.results) and all(r.text for r in with_text.results)
    assert [r.diagnostics for r in bare.results] == [r.diagnostics for r in with_text.results]


def test_each_worker_keeps_its_linter(client, archive):
    check_archive([str(archive)], client, grammar="off", batch_size=3, report=lambda _: None)
    kept = client.run(lambda: len(__import__("newslint.archive_worker", fromlist=["x"])._linters))
    assert sorted(kept.values()) == [1, 1]


def test_progress_follows_the_files(client, archive):
    seen: list[tuple[int, int]] = []
    check_archive([str(archive)], client, grammar="off", batch_size=5, report=lambda _: None,
                  progress=lambda done, total: seen.append((done, total)))
    total = len(list(archive.iterdir()))
    assert seen[-1] == (total, total) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_grammar_required_needs_a_named_server(client, archive):
    with pytest.raises(ClusterError, match="--languagetool-url"):
        check_archive([str(archive)], client, grammar="required", report=lambda _: None)


def test_a_dead_worker_is_a_cluster_error(monkeypatch):
    import dask

    from newslint import distributed

    monkeypatch.setattr(distributed, "lint_batch", lambda paths, settings: __import__("os")._exit(1))
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), connect("local:1") as one:
        with pytest.raises(ClusterError, match="a worker died"):
            check_archive([str(FIXTURES)], one, grammar="off", report=lambda _: None)


def test_cli_cluster_prints_what_jobs_1_prints(archive):
    def run(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "newslint", "check", str(archive), "--grammar", "off",
                               "--format", "json", *extra], capture_output=True, text=True)

    local, spread = run("--jobs", "1"), run("--cluster", "local:2")
    assert spread.returncode == local.returncode == 2  # the unreadable file
    assert spread.stdout == local.stdout and json.loads(spread.stdout)
    assert "Traceback" not in spread.stderr


def test_missing_dask_says_how_to_install(monkeypatch, archive):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed: import fails
    result = CliRunner().invoke(cli, ["check", str(archive), "--cluster", "local:2"])
    assert result.exit_code == 2
    assert "pip install 'newslint[dask]'" in result.output and "Traceback" not in result.output


def test_unreachable_scheduler_is_one_line():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ClusterError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"):
        with connect(f"tcp://127.0.0.1:{port}", timeout=1):
            pass


@pytest.mark.parametrize("spec, expected", [("local:3", ("local", 3)), ("local", ("local", 2)),
                                            ("tcp://10.0.0.5:8786", ("remote", "tcp://10.0.0.5:8786"))])
def test_cluster_specs(spec, expected):
    assert parse(spec) == expected


@pytest.mark.parametrize("spec", ["8786", "local:0", "host:8786", "local:two"])
def test_bad_cluster_specs_are_refused(spec):
    with pytest.raises(ClusterError, match="--cluster"):
        parse(spec)


def test_cli_uses_a_named_scheduler(client, archive, monkeypatch):
    monkeypatch.chdir(archive.parent)  # relative paths are made absolute for the workers
    named = CliRunner().invoke(cli, ["check", archive.name, "--cluster", client.scheduler.address,
                                     "--format", "json", "--select", "RD,SP"])
    here = CliRunner().invoke(cli, ["check", archive.name, "--jobs", "1", "--format", "json", "--select", "RD,SP"])
    found = json.loads(named.stdout)
    assert named.exit_code == here.exit_code == 2 and "Traceback" not in named.output
    assert [f["path"] for f in found["files"]] == [str(archive / Path(f["path"]).name) for f in found["files"]]
    assert [f["diagnostics"] for f in found["files"]] == [f["diagnostics"] for f in json.loads(here.stdout)["files"]]


def test_workers_of_a_local_cluster_log_errors_only(client):
    import logging

    levels = client.run(lambda: logging.getLogger("distributed").getEffectiveLevel())
    assert levels and all(level == logging.ERROR for level in levels.values())
