"""Accepted findings: a baseline file lets a CI gate pass on known findings and fail on new ones.

A finding is known by its file, its rule code and the text it flags (whitespace folded), not
by its line, so edits elsewhere in the article do not revive it. Each key carries a count:
if a baseline accepts one "Stoltenburg" and the article now has two, one is reported.

File format (JSON, sorted, diff-friendly)::

    {"newslint-baseline": 1,
     "findings": [{"path": "desk/story.txt", "code": "SP001", "text": "Stoltenburg", "count": 1}]}

Paths are stored relative to the baseline file's folder, so the gate works from any folder.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from newslint.diagnostic import Diagnostic
from newslint.files import NotReadable, read_regular
from newslint.formatters.base import FileResult

FORMAT_VERSION = 1
MAX_TEXT = 200  # longer flagged text (a long sentence) is stored cut to this many characters

Key = tuple[str, str, str]


class BaselineError(Exception):
    """An unreadable or malformed baseline file; the message names the file."""


def flagged_text(text: str, diagnostic: Diagnostic) -> str:
    """The text a diagnostic flags, whitespace folded, cut to MAX_TEXT characters."""
    return " ".join(text[diagnostic.offset : diagnostic.end_offset].split())[:MAX_TEXT]


def _key_path(path: str, base: Path) -> str:
    """A result path relative to the baseline's folder, with forward slashes."""
    if path.startswith("<"):  # <stdin>
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(path).resolve().as_posix()


def keys(results: list[FileResult], texts: dict[str, str], base: Path) -> Counter[Key]:
    """How many findings of each (path, code, text) the results hold."""
    out: Counter[Key] = Counter()
    for result in results:
        path = _key_path(result.path, base)
        for d in result.diagnostics:
            out[(path, d.code, flagged_text(texts[result.path], d))] += 1
    return out


def write(file: Path, results: list[FileResult], texts: dict[str, str]) -> int:
    """Write every finding of the run into ``file``; return how many."""
    found = keys(results, texts, file.parent)
    import json  # only when a baseline is written or read

    findings = [{"path": p, "code": c, "text": t, "count": n} for (p, c, t), n in sorted(found.items())]
    lines = ",\n".join("  " + json.dumps(f, ensure_ascii=False) for f in findings)  # one finding a line
    data = f'{{\n "newslint-baseline": {FORMAT_VERSION},\n "findings": [\n{lines}\n ]\n}}\n' if findings else \
        f'{{\n "newslint-baseline": {FORMAT_VERSION},\n "findings": []\n}}\n'
    try:
        _write_atomically(file, data.encode("utf-8"))
    except OSError as exc:
        raise BaselineError(f"{file}: cannot write the baseline: {exc.strerror or exc}; "
                            "the previous baseline is unchanged") from None
    return sum(found.values())


def _write_atomically(file: Path, data: bytes) -> None:
    """Write beside the file, flush to disk, then rename over it: a full disk or a crash
    leaves the previous baseline whole."""
    import shutil  # here, not at import: only writing a baseline needs them
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent if str(file.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if file.exists():
            shutil.copymode(file, tmp)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def load(file: Path) -> Counter[Key]:
    """The accepted findings of a baseline file."""
    if not file.exists():
        raise BaselineError(f"{file}: no such baseline file (create it with --write-baseline)")
    import json

    try:
        data = json.loads(read_regular(file).decode("utf-8"))
    except (NotReadable, UnicodeDecodeError) as exc:
        raise BaselineError(f"{file}: cannot read the baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{file}: not a newslint baseline (invalid JSON at line {exc.lineno})") from None
    if not isinstance(data, dict) or data.get("newslint-baseline") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{file}: not a newslint baseline (version {FORMAT_VERSION} expected)")
    accepted: Counter[Key] = Counter()
    for i, entry in enumerate(data["findings"]):
        try:
            key = (str(entry["path"]), str(entry["code"]), str(entry["text"]))
            count = int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise BaselineError(f"{file}: finding {i + 1} needs path, code and text") from None
        accepted[key] += max(count, 0)
    return accepted


def apply(accepted: Counter[Key], file: Path, results: list[FileResult], texts: dict[str, str]) -> tuple[int, int]:
    """Drop accepted findings from ``results`` (in order, up to each key's count).

    Returns (hidden, stale): findings hidden, and accepted findings no longer present in the
    files of this run (fixed since; rewrite the baseline to drop them).
    """
    left = Counter(accepted)
    hidden = 0
    checked = set()
    for result in results:
        path = _key_path(result.path, file.parent)
        checked.add(path)
        kept = []
        for d in result.diagnostics:
            key = (path, d.code, flagged_text(texts[result.path], d))
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(d)
        here = len(result.diagnostics) - len(kept)
        if here:
            result.diagnostics = kept
            result.extra["baseline_hidden"] = here
            hidden += here
    stale = sum(n for (path, _, _), n in left.items() if path in checked and n > 0)
    return hidden, stale
