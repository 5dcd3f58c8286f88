"""Chinese wire conventions left in translated copy: an agency-first dateline, a reporter credit."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article, per_article
from newslint.checks.news_style import lead_sentence
from newslint.datelines import Dateline, read_dateline
from newslint.diagnostic import Finding, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo


@per_article
def lead_dateline(article: Article) -> Dateline | None:
    """The dateline that opens the lead paragraph, if any; or that opens the first line,
    when a translation ran the dateline and lead into the headline's place."""
    sentence = lead_sentence(article)
    if sentence is not None:
        para = article.paragraphs[article.paragraph_index(sentence.start)]
        found = read_dateline(article.text, sentence.start, para.end)
        if found is not None:
            return found
    if not article.paragraphs:
        return None
    first = article.paragraphs[0]
    found = read_dateline(article.text, first.start, first.end)
    return found if found is not None and found.agency_first else None


_SHORT_AGENCY = (
    (re.compile(r"Xinhua", re.IGNORECASE), "Xinhua"),
    (re.compile(r"China News|chinanews|ECNS|CNS\b", re.IGNORECASE), "China News Service"),
    (re.compile(r"People['’]s Daily", re.IGNORECASE), "People's Daily"),
)
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")


def english_dateline(found: Dateline) -> str | None:
    """The dateline in agency style ("KUWAIT CITY, July 26 (Xinhua) — "), when the place is known."""
    if not found.place or not found.agency:
        return None
    agency = next((short for pattern, short in _SHORT_AGENCY if pattern.search(found.agency)), found.agency)
    return f"{found.place.upper()}, {_ORDINAL.sub('', found.date)} ({agency}) — "


class AgencyFirstDateline(Rule):
    info = RuleInfo(
        code="TR220",
        name="agency-first-dateline",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags a Chinese agency dateline (\"Xinhua News Agency, Kuwait City, July 26 (Reporter Wang Qiang)\").",
        why=(
            "Chinese agencies open a story with the agency, the place, the date and the reporters "
            "(新华社科威特城7月26日电（记者王强）). Translated word for word it reads as a label, not a "
            "dateline. English wire style puts the place first, in capitals, then the date and the "
            "agency: \"KUWAIT CITY, July 26 (Xinhua) —\"; reporters go in a byline."
        ),
        examples=Examples(
            fail=(
                "Rates held\n\nXinhua News Agency, Kuwait City, July 26 (Reporter Wang Qiang) Kuwait's "
                "central bank kept its rate on hold.",
                "Prices stable\n\nChina News Net, Beijing, 8 March. Prices were stable before the holiday.",
                "Xinhua News Agency, Hong Kong, July 25. The financial secretary said markets remained orderly.\n\n"
                "He spoke after the index fell.",
            ),
            ok=(
                "Rates held\n\nKUWAIT CITY, July 26 (Xinhua) — Kuwait's central bank kept its rate on hold.",
                "Rates held\n\nKuwait's central bank kept its rate on hold, Xinhua News Agency reported.",
                "Beijing, July 25: a city in heat\n\nTemperatures hit 40C in the capital on Friday.",
            ),
        ),
        fix_safety="No automatic fix; the suggestion rewrites the dateline in agency style.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        found = lead_dateline(article)
        if found is None or not found.agency_first:
            return
        text = article.text
        end = found.end
        while end > found.start and text[end - 1] in " \t":
            end -= 1
        written = text[found.start : end]
        better = english_dateline(found)
        credit = f" and move {_names(found.credit)} to a byline" if found.credit else ""
        if better:
            message = f"'{written}' is a Chinese agency dateline: write '{better.strip()}'{credit}"
            yield Finding(found.start, found.end, message, suggestions=(better,))
        else:
            message = (f"'{written}' is a Chinese agency dateline: put the place first "
                       f"('CITY, {_ORDINAL.sub('', found.date)} ({found.agency}) —'){credit}")
            yield Finding(found.start, found.end, message)


_ROLE = (
    r"(?:(?:staff|all[- ]media|omnimedia|special|our|chief|senior|trainee|intern|front-line|frontline)\s+)*"
    r"(?:reporters?|journalists?|correspondents?)"
)
_CREDIT = re.compile(
    rf"\((?P<body>{_ROLE}\b[^()\n]{{0,80}}|by\s+(?:staff\s+)?{_ROLE}[^()\n]{{0,60}}|this reporter|"
    r"comprehensive(?:\s+(?:foreign\s+)?(?:media\s+)?)?(?:reports?|news)(?:\s+[^()\n]{0,40})?)\)",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(rf"^(?:by\s+)?(?:{_ROLE})\s*[:：]?\s*|\b(?:and\s+)?(?:{_ROLE})\s*[:：]?\s*", re.IGNORECASE)


def _names(credit: str | None) -> str:
    """'Reporter Wang Qiang' -> "'Wang Qiang'"; a label with no names -> 'the reporters'."""
    names = " ".join(_ROLE_WORDS.sub(" ", credit or "").split()).strip(" ,;")
    return f"'{names}'" if names and names[:1].isupper() else "the reporters"


class ReporterCredit(Rule):
    info = RuleInfo(
        code="TR221",
        name="reporter-credit-in-copy",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags a reporter credit or wire label left in the copy (\"(Reporter Du Yan)\", \"(Comprehensive report)\").",
        why=(
            "Chinese copy credits reporters in brackets after the dateline (（记者杜燕）) and marks "
            "compiled stories 综合报道, \"comprehensive report\". In English copy the names go in a "
            "byline and the label is dropped, or the story says which sources it combines."
        ),
        examples=Examples(
            fail=(
                "Prices stable\n\nBEIJING, Sept. 27 (Reporter Du Yan) Prices were stable before the holiday.",
                "Storm hits Texas\n\n(Comprehensive report) Hurricane Hanna made landfall in Texas.",
            ),
            ok=(
                "Prices stable\n\nBEIJING, Sept. 27 (Xinhua) — Prices were stable before the holiday.",
                "Prices stable\n\nThe reporter (who asked not to be named) said prices were stable.",
            ),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        dateline = lead_dateline(article)
        for m in _CREDIT.finditer(article.text):
            if dateline and dateline.agency_first and dateline.start <= m.start() < dateline.end:
                continue  # agency-first-dateline reports the whole dateline
            if article.in_quote(m.start()):
                continue
            body = m.group("body")
            if body.lower().startswith(("comprehensive", "this reporter")):
                message = f"'{m.group()}' is a Chinese wire label: name the sources the story draws on, or drop it"
            else:
                message = f"credit '{m.group()}' left in the copy: put {_names(body)} in a byline"
            yield Finding(m.start(), m.end(), message)
