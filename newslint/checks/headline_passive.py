"""A headline written as a full passive sentence ("19 drunk drivers were detained overnight")."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.checks.headline import body_headline
from newslint.diagnostic import Finding, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo

_MAX_WORDS = 20
_IRREGULAR = (
    "born|brought|built|caught|chosen|done|drawn|driven|found|given|held|hit|hurt|kept|known|"
    "laid|led|left|lost|made|met|paid|put|seen|sent|set|shot|shown|sold|spent|struck|taken|"
    "told|thrown|won|written|cut|beaten|bought|broken|forbidden|frozen|hidden|overtaken|stolen|"
    "sworn|torn|withdrawn|undertaken|begun|run|sunk|shut|split|spread|upheld|read"
)
# An auxiliary that English headlines drop, then (perhaps an adverb and) a past participle.
_PASSIVE = re.compile(
    r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )(?<!\bwhen )(?<!\bwhere )"
    r"\b(?:was|were|has been|have been|had been|is being|are being)\s+"
    rf"(?:[a-z]+ly\s+)?(?:[a-z]{{2,}}ed|{_IRREGULAR})\b"
)


class SentenceHeadline(Rule):
    info = RuleInfo(
        code="TR247",
        name="sentence-headline",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags a headline written as a full passive sentence (\"8 people were arrested in Turkey\").",
        why=(
            "English headlines drop the auxiliary and use the present tense: \"Eight arrested "
            "over collapsed buildings in Turkey\", \"Drunk drivers detained on Tyumen roads\". "
            "Russian and Chinese headlines are often full sentences (были задержаны, 被…), and a "
            "translation keeps \"were detained\", \"was held\", \"has been determined\". 2 of "
            "9,935 native headlines (BBC, Reuters-21578, Anglosphere WMT originals) do this; 8% of "
            "Russian-English and 1.3% of Chinese-English machine-translated ones do. Only a first "
            "line followed by body text counts as a headline; relative clauses (\"that was "
            "dropped\"), questions and quotes are left alone."
        ),
        examples=Examples(
            fail=(
                "19 drunk drivers were detained on Tyumen roads overnight\n\nPolice stopped 19 drivers.",
                "The licence of a Kirov management company was taken away\n\nThe regulator acted on Monday.",
                "A dangerous weekly dose of alcohol has been determined\n\nScientists studied 10,000 people.",
            ),
            ok=(
                "Drunk drivers detained on Tyumen roads\n\nPolice stopped 19 drivers overnight.",
                "Minister says 'mistakes were made'\n\nThe minister spoke on Monday.",
                "Police were called to the scene on Monday.",
                "The year that was\n\nIt was a hard year.",
                "What was the plutonium that was dropped over Alaska?\n\nThe object fell in 1965.",
            ),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        found = body_headline(article, _MAX_WORDS)
        if found is None or found[1].rstrip().endswith((".", "?")):
            return
        start, line = found
        for m in _PASSIVE.finditer(line):
            if not article.in_quote(start + m.start()):
                yield Finding(start + m.start(), start + m.end(),
                              f"'{m.group()}' in a headline reads as a translated sentence; drop the "
                              "auxiliary (\"Eight arrested in Turkey\")")
                return
