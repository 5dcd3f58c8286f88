"""The kept-between-runs table (regex programs, dataclass methods) reads entries as asked."""

from __future__ import annotations

import os
import subprocess
import sys

from newslint.kept_table import KeptTable, read_records


def test_a_saved_table_is_read_back_entry_by_entry(tmp_path):
    path = tmp_path / "t.records"
    table = KeptTable(path)
    for i in range(50):
        assert table.get((f"pattern {i}", i), lambda i=i: ("program", i)) == ("program", i)
    table.save()
    again = KeptTable(path)
    assert len(again.known) == 50 and not again.new
    assert again.get(("pattern 7", 7), lambda: "made again") == ("program", 7)
    assert again.known.get(("pattern 7", 8)) is None  # another key is not taken for it
    assert len(again.known._read) == 1  # only the record asked for was unpacked


def test_the_newest_entries_are_kept_and_others_runs_entries_merged(tmp_path):
    path = tmp_path / "t.records"
    first, second = KeptTable(path), KeptTable(path)
    first.most = second.most = 4
    for i in range(3):
        first.get(i, lambda i=i: i * 10)
    first.save()
    for i in range(3, 6):
        second.get(i, lambda i=i: i * 10)
    second.save()  # re-reads the file: the first run's entries are kept, the oldest go
    assert list(read_records(path).items()) == [(2, 20), (3, 30), (4, 40), (5, 50)]


def test_a_missing_empty_or_damaged_file_is_an_empty_table(tmp_path):
    (tmp_path / "empty").write_bytes(b"")
    (tmp_path / "damaged").write_bytes(b"NLKT1\xff\xff")
    (tmp_path / "older").write_bytes(b"\xfb\x00\x00\x00\x00")  # not this layout
    for name in ("missing", "empty", "damaged", "older"):
        table = KeptTable(tmp_path / name)
        assert len(table.known) == 0 and table.get("k", lambda: 1) == 1


def test_keys_are_found_by_a_process_with_another_hash_seed(tmp_path):
    path = tmp_path / "t.records"
    code = ("import sys; from pathlib import Path; from newslint.kept_table import KeptTable; "
            "t = KeptTable(Path(sys.argv[1])); v = t.get(('a pattern', 2), lambda: 'made by ' + sys.argv[2]); "
            "t.save(); print(v)")
    outputs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", code, str(path), seed], capture_output=True, text=True, env=env)
        assert out.returncode == 0, out.stderr
        outputs.append(out.stdout.strip())
    assert outputs == ["made by 1", "made by 1"] and len(read_records(path)) == 1  # the second read it
