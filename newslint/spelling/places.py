"""Well-known place names (countries, capitals, provinces and states) from the countryinfo
package, for two spelling checks: a place written in lower case ("istanbul") and a
capitalised slip of one ("Japen"). Loaded on first use only."""

from __future__ import annotations

from functools import cache

from newslint.country_facts import countries


@cache
def place_names() -> dict[str, str]:
    """Lower-cased single-word place name -> the name as written ("istanbul" -> "Istanbul")."""
    out: dict[str, str] = {}
    for key, country in countries().items():
        names = [country.get("name") or key, country.get("capital") or "", *(country.get("provinces") or ())]
        for name in names:
            if isinstance(name, str) and name.isalpha() and name[:1].isupper():
                out.setdefault(name.lower(), name)
    return out


@cache
def countries_and_capitals() -> dict[str, str]:
    """Lower-cased single-word country or capital -> the name as written ("japan" -> "Japan")."""
    out: dict[str, str] = {}
    for key, country in countries().items():
        for name in (country.get("name") or key, country.get("capital") or ""):
            if isinstance(name, str) and name.isalpha() and name[:1].isupper():
                out.setdefault(name.lower(), name)
    return out


@cache
def countries_by_ends() -> dict[tuple[str, str], tuple[str, ...]]:
    """(first letter, last letter) -> the lower-cased countries and capitals with those ends."""
    out: dict[tuple[str, str], list[str]] = {}
    for name in countries_and_capitals():
        out.setdefault((name[0], name[-1]), []).append(name)
    return {ends: tuple(names) for ends, names in out.items()}
