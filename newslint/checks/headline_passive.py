"""Headlines written as translated sentences: a full passive ("19 drunk drivers were detained
overnight", TR247) or a full stop at the end ("The joint patrol was completed.", TR248)."""

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

_AUXILIARY_WORDS = ("was", "were", "been", "being")  # one is in every match of _PASSIVE


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
        if not any(word in line for word in _AUXILIARY_WORDS):
            return  # (found at once: the pattern tries its look-behinds at every character)
        for m in _PASSIVE.finditer(line):
            if not article.in_quote(start + m.start()):
                yield Finding(start + m.start(), start + m.end(),
                              f"'{m.group()}' in a headline reads as a translated sentence; drop the "
                              "auxiliary (\"Eight arrested in Turkey\")")
                return


_MAX_WORDS_FULL_STOP = 20
# A full stop after a word of two or more letters or digits, not an abbreviation ("U.S.",
# "Inc.") and not an ellipsis.
_FULL_STOP = re.compile(r"(?<![A-Z.])[a-z0-9)]{2,}\.$")


class FullStopHeadline(Rule):
    info = RuleInfo(
        code="TR248",
        name="full-stop-headline",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags a headline that ends with a full stop, in copy that reads as translated.",
        why=(
            "English headlines have no full stop. Chinese and Russian headlines are often "
            "sentences, and a machine translation keeps them whole, full stop and all: \"The "
            "joint patrol on the Mekong was completed.\" The full stop is the visible sign of a "
            "headline that still needs recasting as a headline: drop the full stop, the articles "
            "and the auxiliary, and use the present tense (\"Joint Mekong patrol ends\"). 2 of "
            "5,525 BBC headlines from 2022 and none of 2,127 earlier ones end this way, against "
            "16% of Chinese-English and 10% of Russian-English machine-translated ones (mining "
            "split). It runs only where the article reads as translated (TR000), or with "
            "source-language set."
        ),
        examples=Examples(
            fail=(
                "The 86th joint patrol on the Mekong River was completed.\n\nThe patrol lasted four days.",
                "The minister proposed a sugar tax to protect people's health.\n\nThe tax would start in 2021.",
            ),
            ok=(
                "Joint Mekong patrol ends\n\nThe patrol lasted four days.",
                "Merrill mandated for note in U.S.\n\nThe bank was chosen on Monday.",
                "The wait goes on...\n\nThe bank was chosen on Monday.",
                "Minister says: \"We will act.\"\n\nThe minister spoke on Monday.",
                "The talks ended on Monday without agreement.",
            ),
        ),
        gated=True,
        whole_sentence=True,
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        found = body_headline(article, _MAX_WORDS_FULL_STOP)
        if found is None:
            return
        start, line = found
        line = line.rstrip()
        if _FULL_STOP.search(line):
            yield Finding(start, start + len(line),
                          "the headline ends with a full stop, as a translated sentence does: drop it "
                          "and recast the line as a headline (present tense, no articles or auxiliary)",
                          (line[:-1],))
