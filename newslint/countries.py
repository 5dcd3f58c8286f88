"""Country names and their capitals, from the countryinfo package.

Loaded on first use only (from the data cache: newslint/country_facts.py), so a run that never
meets a dateline naming a place never reads them.
"""

from __future__ import annotations

from functools import cache

# Territories whose dateline is the territory itself, though the data names a "capital".
_DATELINE_TERRITORIES = frozenset({"hong kong", "macau", "macao", "gibraltar", "vatican city", "monaco"})


@cache
def capitals() -> dict[str, str]:
    """Lower-cased country name -> its capital, for countries whose capital has another name."""
    from newslint.country_facts import countries  # lazy: only when a dateline names a place

    out: dict[str, str] = {}
    for key, country in countries().items():
        name, capital = str(country.get("name") or key), str(country.get("capital") or "")
        if capital and capital.lower() != name.lower() and name.lower() not in _DATELINE_TERRITORIES:
            out[name.lower()] = capital
    return out


def capital_of(place: str) -> str | None:
    """The capital of the country named ``place`` ("Tunisia" -> "Tunis"), if it is a country."""
    return capitals().get(" ".join(place.split()).lower())
