"""Counting translated word for word: "15 thousand", Chinese 万/亿 units ("3 ten thousand",
"5 hundred million") and the word year after a year ("in 2019 year")."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Fix, Severity
from newslint.required_literals import Presence
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.prefiltered import prefiltered

_SCALES = {"thousand": 1_000, "ten thousand": 10_000, "hundred million": 100_000_000}
_THOUSAND = prefiltered(re.compile(r"(?<![\w.,])(?P<num>\d+(?:[.,]\d{1,2})?)[ \u00a0]+(?P<word>thousand)\b(?!s)", re.IGNORECASE))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_WORD_VALUES = {w: i + 1 for i, w in enumerate(_UNITS.split("|"))} | {
    w: 10 * (i + 2) for i, w in enumerate(_TENS.split("|"))} | {"ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15}
# "forty thousand" in running text (at the start of a sentence words are right: "Twenty-one thousand people died").
_WORDS_THOUSAND = prefiltered(re.compile(
    rf"(?<![.!?:\n]\s)(?<![.!?:\n])(?<![\w-])(?<!^)(?P<num>(?:{_TENS})(?:[- ](?:{_UNITS}))?|{_UNITS}|ten|eleven|twelve|fifteen)"
    rf"[ \u00a0]+thousand\b(?!s)",
    re.IGNORECASE,
))


def _words_value(words: str) -> int:
    """'forty-two' -> 42."""
    return sum(_WORD_VALUES[w] for w in re.split(r"[- ]", words.lower()))


def _value(number: str) -> float:
    """'13.3' or the decimal comma '9,5' -> a float."""
    return float(number.replace(",", "."))


def spelled_out(value: float) -> str:
    """A count the way English news writes it: 15000 -> '15,000', 500000000 -> '500 million'."""
    for size, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
        if value >= size:
            scaled = value / size
            return f"{scaled:g} {word}" if scaled == round(scaled, 2) else f"{value:,.0f}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


class ThousandAsWord(Rule):
    info = RuleInfo(
        code="TR212",
        name="thousand-as-word",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags thousands counted in words (\"15 thousand\", \"13.3 thousand\", \"forty thousand\"): write \"15,000\".",
        why=(
            "Russian writes \"15 тыс.\" and Chinese \"1.5万\"; translated literally they become "
            "\"15 thousand\", which English news never prints: it writes 15,000, and keeps words "
            "for million and billion only. Native copy in our corpus has this twice per million "
            "words (both in 1987 Reuters wire copy); English translated from Russian by machine "
            "about 1,200 times."
        ),
        examples=Examples(
            fail=(
                "Cases rise\n\nOver the past six months, the region recorded 4 thousand scams.",
                "Cases rise\n\nOf these, 13.3 thousand people died.",
                "Cases rise\n\nThe region has recorded about forty thousand cases since March.",
            ),
            ok=(
                "Cases rise\n\nOver the past six months, the region recorded 4,000 scams and tens of thousands of calls.",
                "Cases rise\n\nSeveral thousand people marched; a thousand more watched.",
                "Cases rise\n\nTwenty-one thousand people died. Ten thousand more were hurt, officials said.",
            ),
        ),
        fix_safety="Unsafe fix: writes the figure in digits (\"4 thousand\" -> \"4,000\").",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        if "thousand" not in Presence.of(article).folded:  # in every match of both patterns
            return
        for m in _THOUSAND.finditer(article.text):
            english = spelled_out(_value(m.group("num")) * 1_000)
            yield Finding(
                m.start(), m.end(), f"'{m.group()}' is a literal translation; write '{english}'",
                (english,), Fix.replace(m.start(), m.end(), english),
            )
        for m in _WORDS_THOUSAND.finditer(article.text):
            english = spelled_out(_words_value(m.group("num")) * 1_000)
            yield Finding(
                m.start(), m.end(), f"'{m.group()}': news copy writes '{english}' (words only to open a sentence)",
                (english,), Fix.replace(m.start(), m.end(), english),
            )


# 万 (10,000) and 亿 (100,000,000) counted literally: "3 ten thousand", "5 hundred million",
# "ten thousands of", "hundred millions of", "several ten thousand" ("several hundred million"
# is English).
_WAN_YI = prefiltered(re.compile(
    r"(?<![\w.,])(?P<num>\d+(?:\.\d+)?)[ \u00a0]+(?P<scale>ten[ \u00a0-]thousand|hundred[ \u00a0-]million)\b(?!s)"
    r"|\b(?P<plural>ten[ \u00a0-]thousands|hundred[ \u00a0-]millions)\b"
    r"|\b(?P<vague>several|a few|dozens of)[ \u00a0]+(?P<vscale>ten[ \u00a0-]thousand)\b(?!s)",
    re.IGNORECASE,
))
# The words every match has, in the folded text: searched first, quicker.
_WAN_YI_WORDS = re.compile(r"ten[ \u00a0-]thousand|hundred[ \u00a0-]million")
_PLURAL_ENGLISH = {"ten thousand": "tens of thousands", "hundred million": "hundreds of millions"}


def _scale(words: str) -> str:
    return re.sub(r"[\s\u00a0-]+", " ", words.lower())


class ChineseCounting(Rule):
    info = RuleInfo(
        code="TR213",
        name="chinese-counting",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags Chinese 万/亿 counting turned into words (\"3 ten thousand\", \"5 hundred million\", \"ten thousands of\").",
        why=(
            "Chinese counts in ten-thousands (万) and hundred-millions (亿). A literal translation "
            "gives \"3 ten thousand yuan\" for 30,000 yuan and \"1.2 hundred million\" for 120 "
            "million, which readers stumble over or misread by a factor of ten. Write the figure "
            "the English way; \"ten thousands of\" is \"tens of thousands of\"."
        ),
        examples=Examples(
            fail=(
                "Harvest up\n\nFarmers earned 3 ten thousand yuan each.",
                "Harvest up\n\nThe project cost 1.2 hundred million yuan.",
                "Harvest up\n\nTen thousands of visitors came to the fair.",
            ),
            ok=(
                "Harvest up\n\nFarmers earned 30,000 yuan each, and the project cost 120 million yuan.",
                "Harvest up\n\nTens of thousands of visitors came; several hundred million yuan was spent; "
                "ten thousand people marched.",
            ),
        ),
        fix_safety="Unsafe fix: writes the figure the English way (\"3 ten thousand\" -> \"30,000\").",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        folded = Presence.of(article).folded
        if not ("thousand" in folded or "million" in folded) or not _WAN_YI_WORDS.search(folded):
            return
        for m in _WAN_YI.finditer(article.text):
            if m.group("num"):
                english = spelled_out(float(m.group("num")) * _SCALES[_scale(m.group("scale"))])
            elif m.group("plural"):
                english = _PLURAL_ENGLISH[_scale(m.group("plural"))[:-1]]
            else:
                vague = _PLURAL_ENGLISH[_scale(m.group("vscale"))]
                english = vague
            if m.group()[0].isupper():
                english = english[0].upper() + english[1:]
            yield Finding(
                m.start(), m.end(), f"'{m.group()}' counts in Chinese units (万/亿); write '{english}'",
                (english,), Fix.replace(m.start(), m.end(), english),
            )


_YEAR_NOUN = prefiltered(re.compile(
    r"\b(?P<prep>in|of|by|since|until|from|during|for|before|after)[ \u00a0]+(?P<year>(?:19|20)\d\d)[ \u00a0]+years?\b(?![-–]|[ \u00a0]+on[ \u00a0]+year)",
    re.IGNORECASE,
))
# What every match has, in the folded text: found quickly (a digit first), so an article
# without it is not searched with the case-insensitive pattern above.
_YEAR_THEN_YEAR = re.compile(r"(?:19|20)\d\d[ \u00a0]+year")


def year_then_year(folded: str) -> bool:
    """Whether ``_YEAR_THEN_YEAR`` matches somewhere in ``folded``, told from each "year" in it
    (a few in an article) by the spaces and the four characters before it, not by a search
    that stops at every digit."""
    at = folded.find("year")
    while at != -1:
        start = at
        while start and folded[start - 1] in " \u00a0":
            start -= 1
        figure = folded[start - 4 : start] if start >= 4 else ""
        if start < at and figure[:2] in ("19", "20") and figure[2:].isdecimal():
            return True
        at = folded.find("year", at + 4)
    return False


class YearAsNoun(Rule):
    info = RuleInfo(
        code="TR214",
        name="year-as-noun",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags a year followed by the word year (\"in 2019 year\"), the Chinese 2019年 and Russian в 2019 году.",
        why=(
            "Chinese and Russian put the word for year after the number (2019年, в 2019 году); "
            "English does not. Write \"in 2019\". \"The 2019 financial year\" and \"fiscal 1987 "
            "year\" are left alone."
        ),
        examples=Examples(
            fail=("Harvest up\n\nThe plan was adopted in 2019 year and renewed since 2021 year.",),
            ok=(
                "Harvest up\n\nThe plan was adopted in 2019, for the 2019 financial year and the 2019-2020 year-end.",
                "Harvest up\n\nIt is the best since 2019 year-on-year.",
            ),
        ),
        fix_safety="Unsafe fix: drops the word year (\"in 2019 year\" -> \"in 2019\").",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        if not year_then_year(Presence.of(article).folded):
            return
        for m in _YEAR_NOUN.finditer(article.text):
            english = f"{m.group('prep')} {m.group('year')}"
            yield Finding(
                m.start(), m.end(), f"'{m.group()}' translates 年/году word for word; write '{english}'",
                (english,), Fix.replace(m.start(), m.end(), english),
            )
