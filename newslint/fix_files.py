"""--fix: write fixed text back into an article file without losing a byte or an attribute.

What is kept: the BOM, the file's identity (a symlink is followed and its target fixed; hard
links, owner, group and mode stay as they were) and the old text until the new one is
wholly on disk. Two ways to write, chosen per file:

* **replace** (the usual case: one link, ours): the new text goes to a temporary file in the
  same folder, is flushed to disk, gets the old mode, and is renamed over the file. A crash
  or a full disk leaves the old file whole.
* **in place** (the file has other hard links, belongs to another user or group we cannot
  give a new file, or its folder cannot be written): renaming would break the links or change
  the owner, so the file itself is rewritten: space for the new size is reserved first
  (``posix_fallocate``), so a full disk fails before a byte changes.

Read-only files are refused unless the caller allows them (``--fix-read-only``); a file that
changed since it was read is left alone. Every problem is one line, never a traceback.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
from pathlib import Path


def write_fixed(path: str, original: str, fixed: str, *, read_only_ok: bool = False) -> str | None:
    """Replace the file's text ``original`` with ``fixed``; None, or why it was left alone."""
    target = Path(os.path.realpath(path))  # a symlink: fix what it points at, keep the link
    try:
        data = target.read_bytes()
        info = target.stat()
    except OSError as exc:
        return f"cannot read it again: {exc.strerror or exc}"
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        current = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        current = None
    if current != original:
        return "it changed while newslint was checking it; not fixed"
    if not os.access(target, os.W_OK) or not info.st_mode & stat.S_IWUSR:
        if not read_only_ok:
            return "read-only file; not fixed (--fix-read-only fixes it anyway)"
        if not _make_writable(target, info):
            return "read-only file that cannot be made writable; not fixed"
    new = (codecs.BOM_UTF8 if bom else b"") + fixed.encode("utf-8")
    try:
        try:
            if not _can_replace(target, info):
                raise _CannotReplace
            _replace(target, new, info)
        except _CannotReplace:
            _rewrite_in_place(target, new, len(data))
    except OSError as exc:
        return f"cannot write the fixes: {exc.strerror or exc}; the file is unchanged"
    finally:
        with contextlib.suppress(OSError):
            if stat.S_IMODE(target.stat().st_mode) != stat.S_IMODE(info.st_mode):
                os.chmod(target, stat.S_IMODE(info.st_mode))  # --fix-read-only: read-only again
    return None


class _CannotReplace(Exception):
    """No new file can be made beside the target (the folder is not ours to write)."""


def _make_writable(target: Path, info: os.stat_result) -> bool:
    try:
        os.chmod(target, stat.S_IMODE(info.st_mode) | stat.S_IWUSR)
    except OSError:
        return False
    return os.access(target, os.W_OK)


def _can_replace(target: Path, info: os.stat_result) -> bool:
    """Whether a renamed-over new file would be the same file to everyone who uses it."""
    return (info.st_nlink == 1 and info.st_uid == os.geteuid() and info.st_gid in (os.getegid(), *os.getgroups())
            and os.access(target.parent, os.W_OK | os.X_OK))


def _replace(target: Path, new: bytes, info: os.stat_result) -> None:
    """Temporary file in the same folder, flushed, old mode and group, renamed over the file."""
    import tempfile  # here, not at import: only --fix writes files

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint", dir=target.parent)
    except OSError:
        raise _CannotReplace from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(new)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode))
        if os.stat(tmp).st_gid != info.st_gid:
            os.chown(tmp, -1, info.st_gid)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _rewrite_in_place(target: Path, new: bytes, old_size: int) -> None:
    """Same inode (links, owner, mode kept): reserve the space first, then write and truncate."""
    with open(target, "r+b") as out:
        if len(new) > old_size and hasattr(os, "posix_fallocate"):
            try:
                os.posix_fallocate(out.fileno(), 0, len(new))
            except OSError as exc:
                if exc.errno not in (95, 22):  # EOPNOTSUPP, EINVAL: the file system cannot reserve
                    raise
        out.write(new)
        out.truncate()
        out.flush()
        os.fsync(out.fileno())
