"""The facts about countries the rules read (name, capital, provinces, demonym), taken from the
countryinfo package once and kept in the data cache (newslint/datacache.py): importing the
package and reading its 250 JSON files takes about 0.1 s in each process that meets a place
(each worker of a big run), the facts read back about 1 ms."""

from __future__ import annotations

import os
from functools import cache
from importlib.util import find_spec
from typing import Any

from newslint.datacache import cached, modules

_FIELDS = ("name", "capital", "provinces", "demonym")


@cache
def countries() -> dict[str, dict[str, Any]]:
    """``CountryInfo.all()`` with only the fields the rules read, in its order: key -> facts."""
    return cached("country-facts", modules("country_facts.py"), _read, extra=package_stamp())


def _read() -> dict[str, dict[str, Any]]:
    from countryinfo import CountryInfo

    return {key: {f: data[f] for f in _FIELDS if f in data} for key, data in CountryInfo.all().items()}


@cache
def package_stamp() -> str:
    """``_package_stamp``, once per process: the data cache entries built from the facts share it."""
    return _package_stamp()


def _package_stamp() -> str:
    """The countryinfo package's files by name, size and modification time: an upgrade or
    an edit of its data gives another entry. Stat calls only, nothing imported or read."""
    spec = find_spec("countryinfo")
    if spec is None or not spec.submodule_search_locations:
        return "absent"
    found = []
    for folder in spec.submodule_search_locations:
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                stat = os.stat(os.path.join(root, name))
                found.append(f"{os.path.relpath(os.path.join(root, name), folder)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(found)
