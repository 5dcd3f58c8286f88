"""Date rules: a day with no month, and a weekday that contradicts its date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.prefiltered import prefiltered

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"

# "on the 23rd", "by the 5th", "the evening of the 23rd", "local time on the 23rd"
_DAY_ONLY = prefiltered(re.compile(
    rf"\b(?:(?:on|by|until|till|since|from|before|after|through|of)\s+)the\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
    rf"(?!\s+(?:of\s+)?{_MONTH}\b)(?P<tail>\s+of\s+(?:next|this|last|the\s+(?:same|following|previous))\s+month\b)?",
    re.IGNORECASE,
))
# An ordinal used as an adjective ("the 18th hole", "the 21st century") is followed by a word
# that is none of these.
_AFTER_DATE = frozenset(
    "that and but or when as at in to with after before while where which who when, said says "
    "he she it they we local the a an".split()
)
_MONTH_BEFORE = re.compile(rf"{_MONTH}\s*$", re.IGNORECASE)


class DayWithoutMonth(Rule):
    info = RuleInfo(
        code="DT001",
        name="day-without-month",
        category="date",
        severity=Severity.WARNING,
        summary="Flags a date given as a day of the month with no month (\"on the 23rd\").",
        why=(
            "\"On the 23rd\" is a literal translation of 23日 or 23-го; an English reader cannot "
            "tell which month is meant. Use the weekday within a week of publication "
            "(\"on Thursday\"), otherwise month and day (\"Dec. 23\", \"23 December\")."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nStoltenberg responded on the 23rd that each country has the right to choose.",
                "Talks stall\n\nThe envoy will return on the 17th of next month.",
                "Talks stall\n\nOn the evening of the 5th the envoy arrived in Geneva.",
            ),
            ok=(
                "Talks stall\n\nStoltenberg responded on 23 December that each country may choose.",
                "Talks stall\n\nHe holed out on the 18th green. It was the 21st century’s best round.",
                "Talks stall\n\nThe vote is on the 23rd of March.",
                "Talks stall\n\nThe vote is on Friday the 13th of May.",
            ),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        for m in _DAY_ONLY.finditer(text):
            if _MONTH_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
                continue
            if not m.group("tail") and not _ends_date_phrase(text, m.end()):
                continue
            start = m.start("day") - len("the ")
            phrase = text[start : m.end()]
            if m.group("tail"):
                message = (f"'{phrase}' gives the month relative to an unstated date; "
                           "name the month (e.g. '17 March')")
            else:
                message = (f"'{phrase}' gives a day but no month; use the weekday (e.g. 'on Thursday') "
                           "or month and day (e.g. '23 December')")
            yield Finding(start, m.end(), message)


def _ends_date_phrase(text: str, end: int) -> bool:
    """Whether what follows an ordinal makes it a date rather than an adjective."""
    rest = text[end : end + 20]
    if not rest or rest[0] in ",.;:!?)\"”’'\n\r—–":
        return True
    word = rest.split(None, 1)[0].strip(",.;:").lower() if rest.strip() else ""
    return word in _AFTER_DATE


_WEEKDAY_DATE = prefiltered(re.compile(
    rf"\b(?P<weekday>{'|'.join(WEEKDAYS)}),?[ \t]+(?:(?P<m1>{_MONTH})[ \t]+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<m2>{_MONTH}))(?:,?[ \t]+(?P<year>(?:19|20)\d\d))?\b(?![:.]\d)",
    re.IGNORECASE,
))
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


class WeekdayContradictsDate(Rule):
    info = RuleInfo(
        code="DT002",
        name="weekday-contradicts-date",
        category="date",
        severity=Severity.ERROR,
        summary="Flags a weekday that does not fall on the date beside it (\"Thursday, December 24, 2021\").",
        why=(
            "A weekday and a date that disagree leave the reader unsure when something "
            "happened; one of them is wrong. The year comes from the date itself or, failing "
            "that, from the dateline (the first body paragraph)."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe talks ended on Thursday, December 24, 2021, officials said.",
                "Talks stall\n\nLONDON, 3 March 2022 - The talks ended on Monday 1 March.",
            ),
            ok=(
                "Talks stall\n\nThe talks ended on Thursday, December 23, 2021, officials said.",
                "Talks stall\n\nThe talks ended on Thursday, 23 December.",
            ),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        dateline_year = _dateline_year(article)
        for m in _WEEKDAY_DATE.finditer(text):
            month = MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
            day = int(m.group("d1") or m.group("d2"))
            year = int(m.group("year")) if m.group("year") else dateline_year
            if year is None:
                continue
            try:
                actual = dt.date(year, month, day).strftime("%A")
            except ValueError:
                yield Finding(m.start(), m.end(), f"'{m.group()}' is not a real date")
                continue
            if actual.lower() != m.group("weekday").lower():
                yield Finding(
                    m.start(), m.end(),
                    f"{day} {dt.date(year, month, 1):%B} {year} was a {actual}, not a {m.group('weekday')}",
                    suggestions=(actual,),
                )


def _dateline_year(article: Article) -> int | None:
    body = article.body_paragraphs
    if not body:
        return None
    m = _YEAR.search(article.text[body[0].start : min(body[0].end, body[0].start + 80)])
    return int(m.group()) if m else None
