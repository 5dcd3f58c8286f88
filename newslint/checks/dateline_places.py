"""A dateline that names a country where a city belongs ("Tunisia, July 3" for Tunis)."""

from __future__ import annotations

from typing import Iterable

from newslint.article import Article
from newslint.checks.wire import lead_dateline
from newslint.countries import capital_of
from newslint.diagnostic import Finding, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo


class CountryAsDatelinePlace(Rule):
    info = RuleInfo(
        code="EN020",
        name="country-as-dateline-place",
        category="entity",
        severity=Severity.WARNING,
        summary="Flags a dateline that names a country instead of a city (\"Tunisia, July 3\" for Tunis).",
        why=(
            "A dateline names the city the story was filed from. Chinese and Russian use one word "
            "for a country and its capital when they share a root (突尼斯 Tunisia and Tunis, 科威特 "
            "Kuwait and Kuwait City, 墨西哥 Mexico and Mexico City), so translations put the country "
            "in the dateline. Countries and capitals come from the countryinfo package; "
            "countries whose capital has the same name (Singapore, Luxembourg) are left alone."
        ),
        examples=Examples(
            fail=(
                "Talks open\n\nTUNISIA, July 3 (Xinhua) — Tunisia's president opened talks with unions.",
                "Rates held\n\nXinhua News Agency, Kuwait, July 26 — The central bank kept its rate on hold.",
            ),
            ok=(
                "Talks open\n\nTUNIS, July 3 (Xinhua) — Tunisia's president opened talks with unions.",
                "Rates held\n\nSINGAPORE, July 26 (Reuters) — The central bank kept its rate on hold.",
                "Talks open\n\nTunisia's president opened talks with unions on July 3.",
            ),
        ),
        fix_safety="No automatic fix: the story may have been filed from another city.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        found = lead_dateline(article)
        if found is None or found.place_span is None:
            return
        start, end = found.place_span
        place = article.text[start:end]
        capital = capital_of(place)
        if capital is None:
            return
        suggestion = capital.upper() if place.isupper() else capital
        yield Finding(
            start, end,
            f"dateline names the country '{place}': name the city the story was filed from "
            f"('{suggestion}' if it is the capital)",
            suggestions=(suggestion,),
        )
