"""Results kept between runs, like ruff's cache: an unchanged file is not checked again.

An article's entry is keyed by its text and path, the effective settings of the run (every
active rule with its severity and options, language, source language, house words),
newslint's version and a fingerprint of its code and packs (every module's name, size and
modification time, and the rule packs' content). Anything that could change a result
changes the key, so an entry is never stale: a new key simply misses. Entries live in
``<cache>/results/`` as small pickles written atomically; an unwritable or damaged cache
only means checking again. ``--no-cache`` (or ``NEWSLINT_NO_CACHE=1``) turns it off.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from newslint.datacache import blake2b, cache_root, code_stamp, write_atomic
from newslint.packs import packs_dir

if TYPE_CHECKING:
    from newslint.diagnostic import Diagnostic
    from newslint.engine import ActiveRule


def enabled() -> bool:
    """False when ``NEWSLINT_NO_CACHE`` is set to anything but 0 or empty."""
    return os.environ.get("NEWSLINT_NO_CACHE", "") in ("", "0")


def canonical(value: Any) -> Any:
    """A value with a stable ``repr``: sets sorted, mappings sorted, dataclasses expanded."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, tuple((f.name, canonical(getattr(value, f.name)))
                                            for f in dataclasses.fields(value)))
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict) or hasattr(value, "items"):
        return tuple(sorted((str(k), canonical(v)) for k, v in value.items()))
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(repr(canonical(v)) for v in value))
    if isinstance(value, (list, tuple)):
        return tuple(canonical(v) for v in value)
    return value


def code_fingerprint() -> str:
    """newslint's code stamp (version, modules) and the rule packs' content."""
    digest = blake2b(code_stamp().encode(), digest_size=16)
    for folder, dirs, files in os.walk(packs_dir()):
        dirs[:] = sorted(dirs)
        for name in sorted(files):
            if name.endswith(".yaml"):
                path = os.path.join(folder, name)
                digest.update(path.encode() + b"\0")
                with open(path, "rb") as fh:
                    digest.update(fh.read())
    return digest.hexdigest()


def settings_key(active: Iterable["ActiveRule"], *extra: Any) -> str:
    """A hash of the code fingerprint and the run's effective settings."""
    rules = tuple((a.rule.info.code, a.severity.value, canonical(a.context)) for a in active)
    text = repr((code_fingerprint(), rules, canonical(extra)))
    return blake2b(text.encode(), digest_size=16).hexdigest()


class ResultCache:
    """Diagnostics by (settings, path, text) in ``<cache>/results/``."""

    def __init__(self, settings: str, kind: str = "lint", folder: Path | None = None) -> None:
        self.settings = settings
        self.kind = kind
        self.folder = folder or cache_root() / "results"
        self.hits = 0

    def _path(self, path: str, text: str) -> Path:
        digest = blake2b(digest_size=20)
        for part in (self.kind, self.settings, path):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        key = digest.hexdigest()
        return self.folder / key[:2] / f"{key[2:]}.pickle"

    def get(self, path: str, text: str) -> list["Diagnostic"] | None:
        """The stored diagnostics, or None when there are none (or they cannot be read)."""
        try:
            with open(self._path(path, text), "rb") as fh:
                found = pickle.load(fh)
        except Exception:  # noqa: BLE001 - missing or damaged: check again
            return None
        self.hits += 1
        return found

    def put(self, path: str, text: str, diagnostics: list["Diagnostic"]) -> None:
        """Store the diagnostics; silently does nothing when the cache is unwritable."""
        write_atomic(self._path(path, text), pickle.dumps(diagnostics, protocol=pickle.HIGHEST_PROTOCOL))

    def _run_path(self, articles: Sequence[tuple[str, str]]) -> Path:
        """Where the findings of the rules comparing these articles (in this order) live."""
        digest = blake2b(digest_size=20)
        for part in ("run", self.kind, self.settings):
            digest.update(part.encode() + b"\0")
        for path, text in articles:
            for part in (path, text):
                encoded = part.encode("utf-8", "surrogatepass")
                digest.update(len(encoded).to_bytes(8, "little") + encoded)
        key = digest.hexdigest()
        return self.folder / key[:2] / f"{key[2:]}.run.pickle"

    def get_run(self, articles: Sequence[tuple[str, str]]) -> dict[int, list["Diagnostic"]] | None:
        """What the rules that compare articles (HL002) added to each of these (path, text)
        articles, by index, when this very run was checked before; None otherwise."""
        try:
            with open(self._run_path(articles), "rb") as fh:
                return pickle.load(fh)
        except Exception:  # noqa: BLE001 - missing or damaged: check again
            return None

    def put_run(self, articles: Sequence[tuple[str, str]], added: dict[int, list["Diagnostic"]]) -> None:
        """Store what the comparing rules added, by article index; silent when unwritable."""
        write_atomic(self._run_path(articles), pickle.dumps(added, protocol=pickle.HIGHEST_PROTOCOL))
