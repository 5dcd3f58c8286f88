"""Two determiners on one noun ("the today's problem", "the my car") and "that kinds of"."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Fix, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.prefiltered import prefiltered

# an article before a possessive: the possessive already makes the noun definite
_ARTICLE_POSSESSIVE = prefiltered(re.compile(
    r"\b(?:the|a|an)\s+(my|your|his|our|their|its|(?:today|yesterday|tomorrow|tonight)['’]s)\b(?![-'’])"
))
_THIS_PLURAL = prefiltered(re.compile(r"\b(this|that)\s+(kinds|types|sorts)\s+of\b"))
_PLURAL_OF = {"this": "these", "that": "those"}


class DeterminerClash(Rule):
    info = RuleInfo(
        code="GR003",
        name="determiner-clash",
        category="grammar",
        severity=Severity.WARNING,
        summary="Flags an article before a possessive (\"the today's problem\", \"the my car\") and a singular demonstrative before \"kinds of\" (\"that kinds of problem\").",
        why=(
            "A possessive ('my', 'their', 'today's') already says which thing is meant, so an "
            "article before it is one word too many; 'this'/'that' cannot go with a plural "
            "('these kinds of'). Capitalised titles ('The My Lai massacre') are left alone."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe minister will solve the today's problem first.",
                "Talks stall\n\nTo solve that kinds of problem they need money.",
            ),
            ok=(
                "Talks stall\n\nThe minister will solve today's problem first. He said that his car was gone.",
                "Talks stall\n\nThese kinds of problem recur. The My Lai massacre was recalled, as was the his-and-hers towel set.",
            ),
            fixed=(("Talks stall\n\nThey solved the today's problem.", "Talks stall\n\nThey solved today's problem."),),
        ),
        fix_safety="Unsafe fix: drops the article (or makes 'this' plural); reread the sentence.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        for m in _ARTICLE_POSSESSIVE.finditer(text):
            yield Finding(m.start(), m.end(), f"an article before '{m.group(1)}': drop one of them",
                          (m.group(1),), Fix.replace(m.start(), m.end(), m.group(1)))
        for m in _THIS_PLURAL.finditer(text):
            plural = _PLURAL_OF[m.group(1)]
            yield Finding(m.start(1), m.end(1), f"'{m.group(1)} {m.group(2)}': a plural wants '{plural}'",
                          (plural,), Fix.replace(m.start(1), m.end(1), plural))
