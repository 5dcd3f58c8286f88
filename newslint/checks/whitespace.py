"""Whitespace rules: doubled spaces between words and a space before punctuation."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Fix, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.prefiltered import prefiltered

_DOUBLED = prefiltered(re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)"))
_BEFORE_PUNCT = prefiltered(re.compile(r"(?<=[^\W_])[ \u00a0]+(?=[,.;:?!](?:\s|$|[\"”’)]))"))


class DoubledSpace(Rule):
    info = RuleInfo(
        code="WS001",
        name="doubled-space",
        category="style",
        severity=Severity.WARNING,
        summary="Flags two or more spaces between words.",
        why="A doubled space is a leftover of editing; web pages hide it but feeds and print keep it.",
        examples=Examples(
            fail=("Talks stall\n\nThe talks  ended on Friday.",),
            ok=("Talks stall\n\nThe talks ended on Friday.\n\n    Indented lines are left alone.",),
            fixed=(("Talks stall\n\nThe talks  ended.", "Talks stall\n\nThe talks ended."),),
        ),
        fix_safety="Safe fix: replaces the run of spaces with one space.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for m in _DOUBLED.finditer(article.text):
            yield Finding(
                m.start(), m.end(), f"{len(m.group())} spaces between words",
                fix=Fix.replace(m.start(), m.end(), " ", "safe"),
            )


class SpaceBeforePunctuation(Rule):
    info = RuleInfo(
        code="WS002",
        name="space-before-punctuation",
        category="style",
        severity=Severity.WARNING,
        summary="Flags a space between a word and the comma, full stop, colon or mark after it.",
        why="English typography sets punctuation directly after the word; a space before it is a typing slip.",
        examples=Examples(
            fail=("Talks stall\n\nThe talks ended , officials said.", "Talks stall\n\nWhy did they end ?"),
            ok=("Talks stall\n\nThe talks ended, officials said. Shares rose .5%.",),
            fixed=(("Talks stall\n\nThe talks ended , he said.", "Talks stall\n\nThe talks ended, he said."),),
        ),
        fix_safety="Safe fix: removes the space.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        for m in _BEFORE_PUNCT.finditer(text):
            mark = text[m.end()]
            yield Finding(
                m.start(), m.end() + 1, f"space before '{mark}'",
                suggestions=(mark,), fix=Fix.replace(m.start(), m.end(), "", "safe"),
            )
