"""Measurements written the Russian way: ranges with dots ("+13...+15"), temperatures with no
scale ("up to +28 degrees"), units spaced around a slash ("150 km / h") and rain in litres per
square metre.

Other number problems are in ``newslint.checks.numbers`` (grouping, decimal commas) and
``newslint.checks.units`` (mu, jin, verst).
"""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Fix, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.prefiltered import prefiltered

_FIGURE = r"[-+−]?\d+(?:[.,]\d+)?"
_DOT_RANGE = prefiltered(re.compile(rf"(?<![\w.])(?P<low>{_FIGURE})[ \u00a0]?(?:\.\.\.|…)[ \u00a0]?(?P<high>{_FIGURE})(?![\w.]\d|\w)"))
_DEGREES = prefiltered(re.compile(
    r"(?<![\w.])(?P<figure>[-+−]?\d+(?:[.,]\d+)?)[ \u00a0]?degrees?\b"
    r"(?![ \u00a0]*(?:Celsius|centigrade|Fahrenheit|C\b|F\b|of\b|north|south|east|west|below|above|latitude|longitude))"
))
# What every match of the two above has, from its last digit on: searched first, from digit
# to digit, so an article without it is not searched character by character.
_DIGIT_DOTS = prefiltered(re.compile(r"\d[ \u00a0]?(?:\.\.\.|…)"))
_DIGIT_DEGREE = prefiltered(re.compile(r"\d[ \u00a0]?degree"))
_TEMPERATURE_WORDS = re.compile(
    r"\b(?:temperatures?|thermometers?|heat|hot|warm(?:er|th|ing)?|cold(?:er)?|cool(?:er|ness)?|frosts?|chilly|"
    r"weather|forecasts?|air|water|night|daytime|afternoon)\b",
    re.IGNORECASE,
)
_HOTTEST = 60  # degrees above this are angles, not weather
_SPACED_SLASH = prefiltered(re.compile(r"\b(?P<num>km|m|mi|kg|t)(?:[ \u00a0]+/[ \u00a0]*|[ \u00a0]*/[ \u00a0]+)(?P<den>h|s|sq[ \u00a0]?m|m2|m²|ha|km)\b"))
_RAIN_LITRES = prefiltered(re.compile(
    r"\b(?:liters?|litres?)[ \u00a0]+(?:of[ \u00a0]+(?:precipitation|rain(?:fall)?|water)[ \u00a0]+)?per[ \u00a0]+square[ \u00a0]+met(?:er|re)\b",
    re.IGNORECASE,
))


def _sentence_around(article: Article, offset: int) -> str:
    for sentence in article.sentences:
        if sentence.start <= offset < sentence.end:
            return article.text[sentence.start:sentence.end]
    return ""


class DotRange(Rule):
    info = RuleInfo(
        code="TR218",
        name="dot-range",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags a range written with dots (\"+13...+15 degrees\", \"28… 29\"), as Russian forecasts write it.",
        why=(
            "Russian writes ranges with an ellipsis (от +13...+15); English news writes \"13-15C\" "
            "or \"13 to 15C\". Machine translation copies the dots, which English readers take "
            "for an omission. Native news in our corpus never has it."
        ),
        examples=Examples(
            fail=(
                "Heat returns\n\nOvernight temperatures will be +13...+15 degrees.",
                "Heat returns\n\nOn Thursday it will be 28… 29 in the city.",
            ),
            ok=("Heat returns\n\nOvernight temperatures will be 13-15C. He paused... 20 minutes later he left.",),
        ),
        fix_safety="Unsafe fix: writes \"13-15\"; add the scale (C) as house style asks.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        if not _DIGIT_DOTS.search(article.text):
            return
        for m in _DOT_RANGE.finditer(article.text):
            low, high = (m.group(k).lstrip("+") for k in ("low", "high"))
            english = f"{low}-{high}" if not high.startswith(("-", "−")) else f"{low} to {high}"
            yield Finding(
                m.start(), m.end(), f"'{m.group()}' writes a range with dots; write '{english}'",
                (english,), Fix.replace(m.start(), m.end(), english),
            )


class TemperatureWithoutScale(Rule):
    info = RuleInfo(
        code="TR219",
        name="temperature-without-scale",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags a temperature in degrees with no scale (\"up to +28 degrees\"): write \"28C\" (and, for US readers, \"82F\").",
        why=(
            "Russian and Chinese forecasts say \"+28 degrees\" because everyone means Celsius; "
            "English-language readers include Americans, who read Fahrenheit. News style is "
            "\"28C\" (BBC, Reuters) or \"28C (82F)\". The rule looks only at degrees in a sentence "
            "about weather or temperature (or with a plus sign), and only in copy that reads as "
            "translated: angles (\"turned 180 degrees\") and \"35 degrees heat\" in native copy are left alone."
        ),
        examples=Examples(
            fail=(
                "Heat returns\n\nNext week temperatures in Moscow will reach 28 degrees.",
                "Heat returns\n\nThe thermometer showed +8.8 degrees at night.",
            ),
            ok=(
                "Heat returns\n\nNext week temperatures in Moscow will reach 28C, and the car turned 180 degrees.",
                "Heat returns\n\nThe weather was fine, and she has two degrees in law.",
            ),
        ),
        gated=True,
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        if not _DIGIT_DEGREE.search(article.text):
            return
        for m in _DEGREES.finditer(article.text):
            figure = m.group("figure")
            if abs(float(figure.replace("−", "-").replace(",", "."))) > _HOTTEST:
                continue  # an angle
            if not figure.startswith(("+", "-", "−")) and not _TEMPERATURE_WORDS.search(_sentence_around(article, m.start())):
                continue
            celsius = figure.lstrip("+").replace("−", "-")
            yield Finding(
                m.start(), m.end(),
                f"'{m.group()}' gives no scale: write '{celsius}C' (with Fahrenheit in brackets for US readers)",
                (f"{celsius}C",),
            )


class SpacedUnitSlash(Rule):
    info = RuleInfo(
        code="TR207",
        name="spaced-unit-slash",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags a unit written with spaces round its slash (\"150 km / h\"): write \"150km/h\".",
        why=(
            "Machine translation tokenises \"км/ч\" and \"公里/小时\" and puts spaces round the slash. "
            "English news writes \"150km/h\" (BBC) or \"150 kph\" (Reuters), never \"km / h\"."
        ),
        examples=Examples(
            fail=("Storm nears\n\nThe storm reached the coast with winds of 150 km / h.",),
            ok=("Storm nears\n\nThe storm reached the coast with winds of 150km/h (93mph); and/or km and h / s.",),
        ),
        fix_safety="Safe fix: closes up the slash.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for m in _SPACED_SLASH.finditer(article.text):
            unit = f"{m.group('num')}/{m.group('den')}"
            yield Finding(
                m.start(), m.end(), f"'{m.group()}': write '{unit}' without spaces",
                (unit,), Fix.replace(m.start(), m.end(), unit),
            )


class RainInLitres(Rule):
    info = RuleInfo(
        code="TR206",
        name="rain-in-litres",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags rain measured in litres per square metre: English news gives millimetres (1 litre per m² is 1 mm).",
        why=(
            "Russian and Spanish forecasts measure rain in litres per square metre; English "
            "news says millimetres (and inches for US readers). One litre per square metre is "
            "one millimetre of rain, so \"150 litres per square metre\" is \"150mm (6in)\"."
        ),
        examples=Examples(
            fail=("Storm nears\n\nUp to 250 liters of precipitation per square meter are expected.",),
            ok=("Storm nears\n\nUp to 250mm (10in) of rain is expected; the tank holds 250 litres.",),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for m in _RAIN_LITRES.finditer(article.text):
            yield Finding(m.start(), m.end(), f"'{m.group()}': give rain in millimetres (1 litre per square metre is 1mm)")
