"""Reading files newslint is pointed at: regular files only, and never without a size limit.

A FIFO or a device (``/dev/zero``) named as a words-file, baseline or article would block or
read forever; they are refused with one line instead.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_SETTINGS_BYTES = 64 * 2**20  # words-files and baselines


class NotReadable(OSError):
    """A path that is not a regular file, is too big, or cannot be read (one-line message)."""


def read_regular(path: Path, limit: int = MAX_SETTINGS_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block the open
    except OSError as exc:
        raise NotReadable(exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable(f"not a regular file ({_kind(info.st_mode)})")
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise NotReadable(f"larger than {limit >> 20} MB")
    except NotReadable:
        raise
    except OSError as exc:
        raise NotReadable(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def is_regular(path: Path | str) -> bool:
    """True for a regular file (a symlink to one counts), without opening it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a file"
