"""--fix keeps the file's identity: symlinks, hard links, owner, group, mode; refuses
read-only files unless asked; a folder it cannot write or a full disk changes nothing and
prints one line per file, never a traceback. --write-baseline is atomic."""

from __future__ import annotations

import errno
import os
import stat
import tempfile

import pytest
from click.testing import CliRunner

from newslint import baseline, fix_files
from newslint.cli import cli

STORY = "Talks stall\n\nThe the talks ended.\n"
FIXED = "Talks stall\n\nThe talks ended.\n"


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args, "--grammar", "off"])


def story(tmp_path, name="story.txt", text=STORY):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_a_symlink_stays_a_symlink_and_its_target_is_fixed(tmp_path):
    target = story(tmp_path, "real.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = run(str(link), "--fix")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and target.read_text(encoding="utf-8") == FIXED


def test_hard_links_and_mode_are_kept(tmp_path):
    first = story(tmp_path, "a.txt")
    second = tmp_path / "b.txt"
    os.link(first, second)
    first.chmod(0o640)
    inode = first.stat().st_ino
    result = run(str(first), "--fix")
    assert result.exit_code == 0, result.output
    assert second.read_text(encoding="utf-8") == FIXED  # the other name sees the fix
    assert first.stat().st_ino == inode and first.stat().st_nlink == 2
    assert stat.S_IMODE(first.stat().st_mode) == 0o640


def test_mode_is_kept_when_replaced(tmp_path):
    path = story(tmp_path)
    path.chmod(0o604)
    assert run(str(path), "--fix").exit_code == 0
    assert path.read_text(encoding="utf-8") == FIXED and stat.S_IMODE(path.stat().st_mode) == 0o604


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_another_owners_file_keeps_its_owner(tmp_path):
    path = story(tmp_path)
    os.chown(path, 65534, 65534)
    path.chmod(0o666)
    assert run(str(path), "--fix").exit_code == 0
    assert path.read_text(encoding="utf-8") == FIXED
    assert (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)


def test_read_only_files_are_refused_unless_asked(tmp_path):
    path = story(tmp_path)
    path.chmod(0o444)
    refused = run(str(path), "--fix")
    assert refused.exit_code == 2 and "read-only file; not fixed" in refused.stderr
    assert path.read_text(encoding="utf-8") == STORY and "RD001" in refused.stdout
    asked = run(str(path), "--fix", "--fix-read-only")
    assert asked.exit_code == 0, asked.output
    assert path.read_text(encoding="utf-8") == FIXED and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_a_folder_that_cannot_be_written_falls_back_to_writing_in_place(tmp_path, monkeypatch):
    def no_temp_files(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", no_temp_files)
    path = story(tmp_path)
    result = run(str(path), "--fix")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == FIXED


def _raise(code: int, message: str):
    def fail(*args, **kwargs):
        raise OSError(code, message)
    return fail


def test_a_read_only_mount_changes_nothing_and_reports_every_file(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "mkstemp", _raise(errno.EROFS, "Read-only file system"))
    monkeypatch.setattr(fix_files, "open", _raise(errno.EROFS, "Read-only file system"), raising=False)
    paths = [story(tmp_path, f"s{i}.txt", STORY.replace("talks", "talks " * (i + 1))) for i in range(3)]
    result = run(*map(str, paths), "--fix")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.count("cannot write the fixes: Read-only file system; the file is unchanged") == 3
    assert all(p.read_text(encoding="utf-8").startswith("Talks stall\n\nThe the") for p in paths)
    assert all(f"{p}:3:" in result.stdout for p in paths)  # the report covers every file


def test_a_full_disk_while_writing_in_place_changes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "mkstemp", _raise(errno.EACCES, "Permission denied"))
    monkeypatch.setattr(fix_files.os, "posix_fallocate", _raise(errno.ENOSPC, "No space left on device"))
    path = story(tmp_path)
    problem = fix_files.write_fixed(str(path), STORY, STORY + "a longer text " * 100)
    assert problem == "cannot write the fixes: No space left on device; the file is unchanged"
    assert path.read_text(encoding="utf-8") == STORY


def test_cr_only_file_keeps_paragraphs_and_line_ends(tmp_path):
    path = story(tmp_path, text="Talks stall\r\rIt ended in the\r\rthe next day it was the the end.\r")
    assert run(str(path), "--fix").exit_code == 0
    assert path.read_bytes() == b"Talks stall\r\rIt ended in the\r\rthe next day it was the end.\r"


def test_write_baseline_is_atomic(tmp_path, monkeypatch):
    path = story(tmp_path)
    file = tmp_path / "base.json"
    assert run(str(path), "--write-baseline", str(file)).exit_code == 0
    before = file.read_bytes()

    def fail_fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(baseline.os, "fsync", fail_fsync)
    story(tmp_path, text=STORY + "\nAnd and more.\n")
    result = run(str(path), "--write-baseline", str(file))
    assert result.exit_code == 2 and "the previous baseline is unchanged" in result.stderr
    assert file.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".base")] == []

