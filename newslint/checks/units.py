"""Chinese and Russian units of measure left unconverted in a translation (mu, jin, verst)."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.prefiltered import prefiltered

# unit -> (what it is, metric size, metric unit); Chinese units have no plural.
UNITS: dict[str, tuple[str, float, str]] = {
    "mu": ("a Chinese land measure", 1 / 15, "hectares"),
    "qing": ("a Chinese land measure", 100 / 15, "hectares"),
    "jin": ("a Chinese weight", 0.5, "kg"),
    "catty": ("a Chinese weight", 0.5, "kg"),
    "li": ("a Chinese distance", 0.5, "km"),
    "verst": ("a Russian distance", 1.0668, "km"),
    "pood": ("a Russian weight", 16.38, "kg"),
    "desyatina": ("a Russian land measure", 1.0925, "hectares"),
    "dessiatina": ("a Russian land measure", 1.0925, "hectares"),
    "sazhen": ("a Russian length", 2.1336, "metres"),
    "arshin": ("a Russian length", 0.7112, "metres"),
}
_INVARIABLE = ("mu", "qing", "jin", "li")


def _spellings(unit: str) -> str:
    if unit in _INVARIABLE:
        return unit
    return f"{unit[:-1]}(?:y|ies)" if unit.endswith("y") else f"{unit}s?"


def singular(word: str) -> str:
    """'catties' -> 'catty', 'versts' -> 'verst', 'mu' -> 'mu'."""
    if word in UNITS:
        return word
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


_UNIT = "|".join(_spellings(u) for u in sorted(UNITS, key=len, reverse=True))
_FIGURE = r"\d[\d,]*(?:\.\d+)?(?:[ \u00a0]+(?:thousand|million|billion))?"
# Units are lower case: "Li" and "Mu" are surnames. A bracket right after the unit is taken
# to be the conversion ("one mu (0.0667 hectares)").
_UNCONVERTED = prefiltered(re.compile(
    rf"(?:(?<![\w.,])(?P<figure>{_FIGURE})(?:[ \u00a0]+|-)|\bper[ \u00a0]+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a)[ \u00a0]+)"
    rf"(?P<unit>{_UNIT})\b(?![ \u00a0]*[(\[]|-)"
))
# A unit as a word after a space or hyphen, as in every match: searched first, quicker. The
# look-ahead at the units' first letters turns most words away before the alternatives are
# tried one by one (twice as quick: Hyperscan lets most articles through to it, " li" in "like").
_UNIT_FIRST_LETTERS = "".join(sorted({u[0] for u in UNITS}))
_UNIT_WORD = prefiltered(re.compile(rf"[ \u00a0-](?=[{_UNIT_FIRST_LETTERS}])(?:{_UNIT})\b"))
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def _figure_value(figure: str) -> float | None:
    parts = figure.replace("\u00a0", " ").split()
    try:
        value = float(parts[0].replace(",", ""))
    except ValueError:
        return None
    return value * _SCALE[parts[1]] if len(parts) > 1 else value


def _metric(value: float, size: float, unit: str) -> str:
    metric = value * size
    if metric >= 1e6:
        return f"about {metric / 1e6:,.3g} million {unit}"
    return f"about {metric:,.0f} {unit}" if metric >= 10 else f"about {metric:.2g} {unit}"


class UnconvertedUnit(Rule):
    info = RuleInfo(
        code="TR215",
        name="unconverted-unit",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags Chinese and Russian units left in a translation (\"960 mu\", \"1,000 jin\", \"20 versts\").",
        why=(
            "Readers of English news do not know how big a mu (about 667 square metres), a jin "
            "(half a kilo) or a verst (1.07 km) is. Convert to metric (or give the conversion in "
            "brackets after the unit, which the rule accepts). Square metres and kilometres are "
            "fine."
        ),
        examples=Examples(
            fail=(
                "Harvest up\n\nA base of 960 mu of saline-tolerant rice was built.",
                "Harvest up\n\nThe average yield per mu exceeded 1,000 jin.",
                "Harvest up\n\nThe village lies 20 versts from the town.",
                "Harvest up\n\nA 200,000-mu salt field was developed on the flats.",
            ),
            ok=(
                "Harvest up\n\nFarmers earn 250 yuan from one mu (0.0667 hectares) of soybeans; Li Mu spoke.",
                "Harvest up\n\nA base of 64 hectares was built on 40 square metres of Li land.",
            ),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        if not _UNIT_WORD.search(article.text):
            return
        for m in _UNCONVERTED.finditer(article.text):
            unit = singular(m.group("unit"))
            what, size, metric_unit = UNITS[unit]
            value = _figure_value(m.group("figure")) if m.group("figure") else None
            start = m.start("figure") if m.group("figure") else m.start("unit")
            if value is not None:
                instead = f"'{_metric(value, size, metric_unit)}'"
            else:
                instead = f"{metric_unit} (1 {unit} is {size:.3g} {metric_unit})"
            yield Finding(
                start, m.end(),
                f"'{m.group('unit')}' is {what} English readers do not know; give {instead}, "
                "or the conversion in brackets",
            )
