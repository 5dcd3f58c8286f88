"""A name spelt out before an abbreviation that is not its own ("the Department of Information (PCOO)").

Translation renders an organisation's name word by word and keeps its real abbreviation,
so the two stop agreeing: "the Department of Information of the Presidential Office
(PCOO)" for the Presidential Communications Operations Office. An abbreviation agrees with
the capitalised words before it when its letters can be read, in order, from the words'
initials (any word may be skipped; a word may give its first few letters: FedEx), or holds the
initials of all its main words in another order (the source language's: RFB for the Russian
Basketball Federation). Abbreviations of a name in another
language (FARC, MSF) disagree too, so the rule only runs in copy that reads as translated.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.prefiltered import prefiltered

_LINK = r"(?:of|the|and|for|on|in|to|at|&|de|du|des|la|le|del|der|für|und)"
_NAME_WORD = r"[A-Z][\w'’.-]*"
# Capitalised words (with lower-case links between them), then the abbreviation in brackets.
_SPELT_OUT = prefiltered(re.compile(
    rf"(?P<name>{_NAME_WORD}(?:[ \u00a0]+(?:{_LINK}[ \u00a0]+)*{_NAME_WORD}){{1,11}})"
    r"[ \u00a0]*\((?P<abbr>[A-Z][A-Za-z&]{1,9})\)"
))
_MIN_LETTERS = 3  # two-letter codes are mostly countries and tickers: (US), (HK), (AN)
_COUNTRIES = frozenset({"usa", "uae", "ussr", "dprk", "rok", "prc"})


def readable(letters: str, words: tuple[str, ...]) -> bool:
    """Whether ``letters`` can be read in order from ``words``: each word used gives its
    initial, or its first few letters (FedEx); words may be skipped."""

    @lru_cache(maxsize=None)
    def from_word(li: int, wi: int) -> bool:
        if li == len(letters):
            return True
        for j in range(wi, len(words)):
            word = words[j]
            if word[:1] != letters[li]:
                continue
            for used in range(1, len(word) + 1):  # the word's first ``used`` letters
                if word[:used] != letters[li:li + used]:
                    break
                if from_word(li + used, j + 1):
                    return True
        return False

    return from_word(0, 0)


def agrees(name: str, abbr: str) -> bool:
    """Whether ``abbr`` can abbreviate ``name`` (or the part of it it names)."""
    letters = "".join(c for c in re.sub(r"(?<=[A-Z])s$", "", abbr).lower() if c.isalpha())  # MPs, PINs
    words = tuple(w for w in (w.lower().strip(".'’&") for w in re.split(r"[\s\u00a0-]+", name)) if w)
    return (len(letters) < _MIN_LETTERS or letters in _COUNTRIES or readable(letters, words)
            or _reordered(letters, words))


def _reordered(letters: str, words: tuple[str, ...]) -> bool:
    """Whether the abbreviation takes the initials of the name's main words in the source
    language's word order ("Russian Basketball Federation (RFB)": Российская федерация
    баскетбола): the English name is then right, not literal."""
    initials = sorted(w[0] for w in words if not re.fullmatch(_LINK, w))
    return sorted(letters) == initials


class AbbreviationMismatch(Rule):
    info = RuleInfo(
        code="EN024",
        name="abbreviation-mismatch",
        category="entity",
        severity=Severity.WARNING,
        summary="Flags a name spelt out before an abbreviation that is not its own (\"the Department of Information of the Presidential Office (PCOO)\").",
        why=(
            "When a translation renders an organisation's name word by word but keeps its real "
            "abbreviation, the two disagree, and the English name is usually not the body's "
            "own: PCOO is the Presidential Communications Operations Office. Look the body up "
            "and use its official English name, or keep only the abbreviation. The letters of "
            "an abbreviation must be readable, in order, from the initials of the words before "
            "it (or a word's first few letters, as in FedEx). Abbreviations "
            "of a name in another language (FARC, MSF) disagree as well, so the rule runs only "
            "in copy that reads as translated."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe Department of Information of the Presidential Office (PCOO) said the speech was moved.",
                "Talks stall\n\nThe State Administration of Market Supervision (SAMR) fined the company.",
            ),
            ok=(
                "Talks stall\n\nThe North Atlantic Treaty Organization (NATO) and the Consumer Price Index (CPI) were discussed.",
                "Talks stall\n\nChina's State Administration for Market Regulation (SAMR) fined the company.",
                "Talks stall\n\nThe Presidential Communications Operations Office (PCOO) said the speech was moved.",
                "Talks stall\n\nThe head of the Russian Basketball Federation (RFB) spoke.",
            ),
        ),
        gated=True,
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for m in _SPELT_OUT.finditer(article.text):
            name, abbr = m.group("name"), m.group("abbr")
            if sum(c.isupper() for c in abbr) < 2 or agrees(name, abbr):
                continue
            start = m.start("name")
            if name.startswith(("The ", "A ")):
                start += name.index(" ") + 1
            yield Finding(
                start, m.end(),
                f"'{article.text[start:m.end('name')]}' does not spell out '{abbr}': the English name is "
                "probably a literal translation; use the body's official English name",
            )
