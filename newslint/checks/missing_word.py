"""A clause missing a small word: its 'be' ("they really interested in") or its 'that'
("There is nothing has changed")."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Severity
from newslint.checks.word_before import word_before
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.prefiltered import prefiltered

_BE_FOR = {"I": "am", "we": "are", "they": "are", "you": "are", "he": "is", "she": "is"}
# adjectives (never verbs) that need 'be' before them and take a complement after them
_PREDICATIVE = "afraid|able|unable|aware|unaware|interested|responsible|capable|willing|unwilling|eager|glad|sorry"
_NO_BE = prefiltered(re.compile(  # the word before the pronoun is read by word_before (an inverted question)
    r"\b(I|we|they|you|he|she)\s+(?:(?:really|very|not|also|all|still)\s+)?"
    rf"({_PREDICATIVE})\s+(?:to|of|in|that|about|for)\b"
))
# an inverted question ("Are you able to...?") has its 'be' before the pronoun
_AUXILIARIES = frozenset("am is are was were be been being do does did can could will would shall should may might must".split())
_NO_THAT = prefiltered(re.compile(
    r"\b[Tt]here\s+(?:is|are|was|were)\s+(nothing|something|someone|somebody|nobody|no one|anyone|anybody|anything|everything|everyone)"
    r"\s+(has|have|had|is|are|was|were|can|could|will|would)\b"
))


class MissingWord(Rule):
    info = RuleInfo(
        code="GR004",
        name="missing-word",
        category="grammar",
        severity=Severity.WARNING,
        summary="Flags a clause missing its 'be' (\"if they really interested in\") or its 'that' (\"There is nothing has changed\").",
        why=(
            "'Interested', 'able', 'afraid', 'aware' and their like are adjectives, so a subject "
            "needs 'be' before them ('they are interested in'); after 'there is nothing' a second "
            "verb needs 'that' or 'who' ('nothing that has changed'). Both slips are common where "
            "the writer's first language leaves the word out. Questions ('Are you able to...?') "
            "are left alone."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nIf they really interested in a deal, they will call.",
                "Talks stall\n\nThere is nothing has changed since May.",
            ),
            ok=(
                "Talks stall\n\nIf they are really interested in a deal, they will call. Are you able to come?",
                "Talks stall\n\nThere is nothing that has changed. There is nothing new. We interested parties met.",
            ),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        floor = 0
        for m in _NO_BE.finditer(text):
            before, floor = word_before(text, m.start(), floor), m.end()
            if (before or "").lower() in _AUXILIARIES:
                continue
            pronoun = m.group(1)
            yield Finding(m.start(1), m.end(2), f"'{m.group(2)}' needs a verb before it: '{pronoun} {_BE_FOR[pronoun]}'")
        for m in _NO_THAT.finditer(text):
            yield Finding(m.start(1), m.end(2), f"'{m.group(1)} {m.group(2)}' needs 'that' or 'who' between them",
                          (f"{m.group(1)} that {m.group(2)}",))
