"""Whether the day a relative phrase ("on the same day") points back to is named just before it."""

from __future__ import annotations

import bisect
import re

from newslint.article import Article, per_article

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# A weekday, a month with its day (either order), or a bare ordinal day ("on the 8th").
_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b"
    r"|\b(?:on|of)\s+the\s+\d{1,2}(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)


@per_article
def _day_offsets(article: Article) -> list[int]:
    return [m.start() for m in _DAY.finditer(article.text)]


def day_named_before(article: Article, offset: int) -> bool:
    """Whether a day is named earlier in the paragraph holding ``offset`` or in the paragraph
    before it: "Parliament met on Monday. In the vote on the same day ..." names its day."""
    paragraphs = article.paragraphs
    starts = [p.start for p in paragraphs]
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0:
        return False
    begin = paragraphs[max(i - 1, 0)].start
    days = _day_offsets(article)
    j = bisect.bisect_left(days, begin)
    return j < len(days) and days[j] < offset
