"""Repetition rules: the same word twice in a row ("the the")."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Fix, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo

_REPEAT = re.compile(r"\b([^\W\d_]+(?:['’][^\W\d_]+)?)(\s+)(\1)\b", re.IGNORECASE)
# Repeats that English allows ("had had", "that that") and reduplications ("bye bye").
_ALLOWED = frozenset(
    "had that is bye ha no so very far hush knock chop tut yum boo pom dum can do well blah "
    "go tsk win really many more round cha aye night".split()
)


class RepeatedWord(Rule):
    info = RuleInfo(
        code="RD001",
        name="repeated-word",
        category="redundancy",
        severity=Severity.ERROR,
        summary="Flags a word typed twice in a row (\"the the\").",
        why="A doubled word is almost always an editing slip that the eye skips over.",
        examples=Examples(
            fail=("Talks stall\n\nThe talks ended on the the Friday.", "Talks stall\n\nThe The talks ended."),
            ok=(
                "Talks stall\n\nHe had had enough, and said that that was final.",
                "Talks stall\n\nShe waved bye bye. The talks ended. The end.",
            ),
            fixed=(("Talks stall\n\nIt ended on the the Friday.", "Talks stall\n\nIt ended on the Friday."),),
        ),
        fix_safety="Safe fix: deletes the second copy.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        for m in _REPEAT.finditer(text):
            word = m.group(1)
            if word.lower() in _ALLOWED or "\n\n" in m.group(2) or "\r\n\r\n" in m.group(2):
                continue
            if word.isupper() and len(word) > 1 and word != m.group(3):
                continue
            yield Finding(
                m.start(3), m.end(3), f"'{word}' repeated",
                fix=Fix.replace(m.end(1), m.end(3), "", "safe"),
            )
