"""The site's name left at the end of a headline copied from a web page ("... - Xinhuanet").

A page title is the headline plus the outlet ("Relics go on show - Xinhuanet", "... |
Chinanews.com", "... - Economic Observation Network - Professional Financial News
Website"). Copy taken from the page keeps it, and translation keeps it too. Only a tail
that names an outlet is taken: a known outlet, a web address, or a name ending in
Online, Net, Network or Website ("Huasheng Online"); other dashes in headlines are left
alone ("Oil rises - analysts").
"""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Fix, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo

_KNOWN = (
    r"Xinhua(?:net|\s+Net(?:work)?|\s+News(?:\s+Agency)?|\.com|\s+English\.news\.cn)?|news\.cn"
    r"|China\s+News(?:\s+(?:Network|Net|Service|ECNS))?|China\s+New\s+Network|Chinanews|ECNS"
    r"|People['’]s\s+Daily(?:\s+Online)?|Global\s+Times|China\s+Daily|CGTN|Sina(?:\s+News)?|Sohu|NetEase"
    r"|Economic\s+Observ\w*(?:\s+(?:Network|Net))?|(?:a\s+)?professional\s+financ\w*(?:\s+and\s+economic)?\s+news(?:\s+(?:website|site))?"
    r"|RT(?:\s+(?:in|on)\s+(?:Russian|English))?|Rossiyskaya\s+Gazeta|TASS|RIA\s+Novosti|Interfax|Kommersant|Izvestia"
    r"|Teller\s+Report(?:\s+Teller\s+Report)?|CNN(?:Money)?|CNET|Wikipedia|BBC(?:\s+News)?|Reuters|AP\s+News|Al\s+Jazeera"
)
_ADDRESS = r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|cn|net|org|ru|co\.uk|info)/?"
_SITE = r"(?:[A-Z][\w'’]*\s+){1,3}(?:Online|Net|Network|Website)"
_OUTLET = rf"(?:(?i:{_KNOWN}|{_ADDRESS})|{_SITE})\.?"  # a site name must be capitalised
# One or more " - Outlet" tails at the end of the headline; a bare hyphen ("...students-Xinhuanet") too.
_TAILS = re.compile(rf"(?:\s*[-–—|_]\s*(?:{_OUTLET}))+\s*$")


class PageTitleCredit(Rule):
    info = RuleInfo(
        code="BP004",
        name="page-title-credit",
        category="boilerplate",
        severity=Severity.WARNING,
        summary="Flags the site's name left at the end of a headline copied from a web page (\"Relics go on show - Xinhuanet\").",
        why=(
            "A web page's title is its headline plus the outlet's name, and copy taken from the "
            "page (or translated from it) keeps the tail: \"- Xinhuanet\", \"| Chinanews.com\", "
            "\"- Economic Observation Network - Professional Financial News Website\". It is not "
            "part of the headline; credit the outlet in the byline or dateline if it is the source. "
            "Only a tail that names an outlet is taken: a known outlet, a web address, or a name "
            "ending in Online, Net, Network or Website."
        ),
        examples=Examples(
            fail=(
                "Summer Palace shows rare relics - Xinhuanet\n\nThe museum opened the show on Monday.",
                "Beijing cuts places for talented pupils-Xinhuanet\n\nThe district cut places on Monday.",
                "Why US hiring beat forecasts - Economic Observation Network - Professional Financial News Website\n\nHiring rose.",
                "Floods hit Hunan | Huasheng Online\n\nRivers rose on Monday.",
                "Floods hit Hunan - www.chinanews.com\n\nRivers rose on Monday.",
            ),
            ok=(
                "Oil prices rise - analysts\n\nOil rose on Monday.",
                "Rates held - Bank of England\n\nThe bank held rates.",
                "Hong Kong-China network deal signed\n\nThe deal was signed.",
                "The paper that beat Reuters\n\nIt happened on Monday.",
            ),
        ),
        fix_safety="Safe fix: deletes the outlet's name and its separator from the headline.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        headline = article.headline
        if headline is None:
            return
        line = article.text[headline.start:headline.end]
        m = _TAILS.search(line)
        if not m or m.start() == 0 or not line[: m.start()].strip():
            return
        tail = m.group().strip(" -–—|_")
        start, end = headline.start + m.start(), headline.start + m.end()
        yield Finding(
            start + (len(m.group()) - len(m.group().lstrip())), end,
            f"'{tail}' is the site's name from the page title, not part of the headline; delete it",
            fix=Fix.replace(start, end, ""),
        )
