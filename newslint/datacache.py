"""Compiled data (rule packs, knowledge base, lexicon) kept in the cache folder between runs.

Parsing YAML and word lists and analysing hundreds of patterns costs far more than the
check of one article, so the result is pickled once into ``<cache>/compiled/`` and read
back by later runs. An entry's file name carries a key: newslint's version, the entry's
name and a hash of the content of its sources, which include the modules that build and
define it (each file's hash is remembered by its size, inode and change times, so
unchanged word lists are not read again on every run). A changed pack or module gets a new key, so a stale entry is never read, and
checkouts with the same code share entries; beyond the three newest entries of a name, older ones are removed.
Writes are atomic (temporary file, then rename), so concurrent runs never see half a file,
and an unwritable or broken cache only means building in memory, as before.
"""

from __future__ import annotations

import marshal
import mmap
import os
import pickle
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, NamedTuple, TypeVar

from newslint import __version__

try:  # hashlib's own blake2b, without loading OpenSSL (~3 ms of a cold start)
    from _blake2 import blake2b
except ImportError:  # another Python: hashlib knows where it is
    from hashlib import blake2b

T = TypeVar("T")

_PACKAGE = Path(__file__).resolve().parent

# Bump when the layout of a cached object changes without a version change.
FORMAT = 3
KEEP = 3  # entries kept per name (different versions or checkouts sharing the cache)


def cache_root() -> Path:
    """``$NEWSLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newslint``, else ``~/.cache/newslint``."""
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "newslint"


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """A hash of newslint's version and every module's path, size and modification time
    (for the result cache, whose findings any module can change)."""
    digest = blake2b(f"{__version__}\0{FORMAT}".encode(), digest_size=16)
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                st = os.stat(path)
                digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def modules(*names: str) -> list[Path]:
    """The source files of newslint modules ("kinds/phrase.py"), to key an entry by the
    code that builds and defines it: checkouts with the same code share the entry."""
    return [_PACKAGE / name for name in names]


def content_key(name: str, sources: Iterable[Path], extra: str = "") -> str:
    """A hash of the version, the entry name, ``extra`` and each source's name and bytes."""
    digest = blake2b(f"{__version__}\0{FORMAT}\0{name}\0{extra}".encode(), digest_size=16)
    for path in sources:
        digest.update(b"\0" + path.name.encode() + b"\0")
        digest.update(_digests().of(path))
    return digest.hexdigest()


class _Digests:
    """Hashes of source files, remembered in ``<cache>/compiled/digests.marshal`` by path,
    size, inode and change times, so that an unchanged file (megabytes of word lists) is not
    read and hashed on every run. A file changed less than ``RACY`` seconds ago is hashed
    afresh and not remembered: a change within the clock's resolution cannot hide."""

    RACY = 2.0

    def __init__(self) -> None:
        self.path = cache_root() / "compiled" / "digests.marshal"
        try:
            self.known: dict[str, tuple] = marshal.loads(self.path.read_bytes())
        except Exception:  # noqa: BLE001 - missing or damaged: start empty
            self.known = {}
        self.changed = False

    def of(self, path: Path) -> bytes:
        st = os.stat(path)
        stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        key = str(path)
        entry = self.known.get(key)
        if entry is not None and entry[0] == stamp:
            return entry[1]
        value = blake2b(path.read_bytes(), digest_size=16).digest()
        if time.time() - max(st.st_mtime, st.st_ctime) > self.RACY:
            self.known[key] = (stamp, value)
            self.changed = True
        return value

    def save(self) -> None:
        if self.changed:  # files that are gone (old checkouts, temporary folders) are forgotten
            self.known = {k: v for k, v in self.known.items() if os.path.exists(k)}
            write_atomic(self.path, marshal.dumps(self.known))
            self.changed = False


@lru_cache(maxsize=4)
def _digests_in(root: str) -> _Digests:
    return _Digests()


def _digests() -> _Digests:
    return _digests_in(str(cache_root()))


def cached(name: str, sources: Iterable[Path], build: Callable[[], T], extra: str = "") -> T:
    """``build()``'s result, from ``<cache>/compiled/`` when the sources are unchanged."""
    sources = list(sources)
    try:
        key = content_key(name, sources, extra)
    except OSError:
        return build()
    _digests().save()
    folder = cache_root() / "compiled"
    path = folder / f"{name}-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            return _read(fh)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged entry is rebuilt, never fatal
        pass
    value = build()
    write_atomic(path, _dumps(value))
    prune(folder, name, path)
    return value


def prune(folder: Path, name: str, current: Path) -> None:
    """Keep the KEEP newest entries of a name (two installs sharing the cache folder must
    not evict each other's on every run); older ones (with ``current``'s suffix) are removed."""
    entries = []
    for old in folder.glob(f"{name}-*{current.suffix}"):
        if old != current and len(old.stem) == len(current.stem):
            try:
                entries.append((old.stat().st_mtime_ns, old))
            except OSError:
                pass
    for _, old in sorted(entries, reverse=True)[KEEP - 1 :]:
        try:
            old.unlink()
        except OSError:
            pass


class WithBlob(NamedTuple):
    """A cached value of plain data (``head``) and one large ``blob`` of bytes: read back,
    the blob is a memoryview of the mapped file, paged in only where it is read."""

    head: object
    blob: bytes | memoryview


def _dumps(value: object) -> bytes:
    """marshal for plain data (tables of words load a third faster), else pickle."""
    if isinstance(value, WithBlob):
        head = marshal.dumps(value.head)
        return b"B" + len(head).to_bytes(8, "little") + head + bytes(value.blob)
    try:
        return b"M" + marshal.dumps(value)
    except ValueError:
        return b"P" + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _read(fh: BinaryIO) -> object:
    """An entry's value from its open file, mapped rather than read: the megabytes of the
    spelling tables are unpacked from the page cache without a copy first."""
    try:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # an empty file, or one that cannot be mapped
        return _loads(fh.read())
    if mapped[:1] == b"B":
        return _loads(mapped)  # the blob keeps the file mapped while it is in use
    with mapped:
        return _loads(mapped)


def _loads(data: bytes | mmap.mmap) -> object:
    if data[:1] == b"B":
        view = memoryview(data)
        end = 9 + int.from_bytes(view[1:9], "little")
        if end > len(view):
            raise ValueError("truncated cache entry")
        return WithBlob(marshal.loads(view[9:end]), view[end:])
    with memoryview(data) as view, view[1:] as body:  # not a copy of megabytes
        kind = bytes(view[:1])
        if kind == b"M":
            return marshal.loads(body)
        if kind == b"P":
            return pickle.loads(body)
    raise ValueError("unknown cache entry format")


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename; False if it cannot."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # here, not at import: most runs only read the cache

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
