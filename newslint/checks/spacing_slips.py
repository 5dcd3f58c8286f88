"""A word split or run together at a space: "by my self" for "by myself", "100million"."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Fix, Severity
from newslint.checks.word_before import word_before
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.prefiltered import prefiltered

# a reflexive written in two words after "by" or before punctuation ("her self-esteem",
# "my true self" and "her self confidence" are left alone)
_SPLIT_REFLEXIVE = prefiltered(re.compile(  # a "by" before it is read by word_before
    r"\b(my|your|him|her|it|our|them)\s+(self|selves)\b(?![-'’])"
))
# a number run into the word after it; units ("100km", "3pm", "1990s") are left alone
_GLUED_NUMBER = prefiltered(re.compile(
    r"\b(\d+)(million|billion|trillion|thousand|hundred|years?|people|percent|times|days|months|weeks|dollars|pounds|euros)\b"
))


class SpacingSlip(Rule):
    info = RuleInfo(
        code="SP005",
        name="spacing-slip",
        category="spelling",
        severity=Severity.WARNING,
        summary="Flags a reflexive pronoun split in two (\"by my self\", \"him self.\") and a number run into its word (\"100million\", \"25year\").",
        why=(
            "'Myself', 'himself' and 'themselves' are one word; a number needs a space before "
            "'million' or 'years'. A spelling check reads each half as a word and passes them. "
            "Units written solid ('100km', '3pm') are left alone."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nShe went to Canada by my self, she said.",
                "Talks stall\n\nThe firm was sued for about 100million dollars.",
            ),
            ok=(
                "Talks stall\n\nShe went by herself. Her self-esteem grew; it was her true self, she said.",
                "Talks stall\n\nThe firm was sued for $100m at 3pm in the 1990s, 100km away.",
            ),
            fixed=(("Talks stall\n\nHe went by him self.", "Talks stall\n\nHe went by himself."),),
        ),
        fix_safety="Unsafe fix: joins the reflexive or puts the space in.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        floor = 0
        for m in _SPLIT_REFLEXIVE.finditer(text):
            by, floor = word_before(text, m.start(), floor) == "by", m.end()
            rest = text[m.end():m.end() + 2].lstrip(" ")
            if not by and rest[:1] not in ("", ".", ",", ";", ":", "!", "?", '"', "”", ")"):
                continue
            joined = m.group(1) + m.group(2)
            yield Finding(m.start(1), m.end(2), f"'{m.group(1)} {m.group(2)}' is one word: '{joined}'",
                          (joined,), Fix.replace(m.start(1), m.end(2), joined))
        for m in _GLUED_NUMBER.finditer(text):
            spaced = f"{m.group(1)} {m.group(2)}"
            yield Finding(m.start(), m.end(), f"'{m.group()}' needs a space: '{spaced}'",
                          (spaced,), Fix.replace(m.start(), m.end(), spaced))
