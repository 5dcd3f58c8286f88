"""Repetition rules: the same word twice in a row ("the the")."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from newslint import native
from newslint.article import Article
from newslint.ascii_words import ascii_words
from newslint.diagnostic import Finding, Fix, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo

# not the tail of a hyphenated word ("a break-in in 1999") nor the head of one
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# the whole word taken at once (atomic): a shorter part of it is never followed by a space
_REPEAT = re.compile(r"\b(?<![-'’])((?>[^\W\d_]+(?:['’][^\W\d_]+)?))(\s+)(\1)\b(?![-'’])", re.IGNORECASE)
# _REPEAT over the lower-cased text where every word character is ASCII (``_repeats``): re
# compares a back-reference without case character by character, several times slower
_LOWER_REPEAT = re.compile(r"\b(?<![-'’])((?>[a-z]+(?:['’][a-z]+)?))(\s+)(\1)\b(?![-'’])")
# "Add to this this new law": a demonstrative that ends a prepositional phrase, then one that
# starts a noun phrase
_DEMONSTRATIVES = frozenset("this that these those".split())
_PREPOSITIONS = re.compile(
    r"\b(?:to|of|in|on|at|for|with|from|by|about|after|before|like|than|into|onto|over|under)\s+$", re.IGNORECASE
)
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
                "Talks stall\n\nThe band Duran Duran met senior law lord Lord Bingham and saw in-fighting in in-trays.",
                "Talks stall\n\nHe was stabbed in a break-in in 1999. Add to this this new legislation.",
            ),
            fixed=(("Talks stall\n\nIt ended on the the Friday.", "Talks stall\n\nIt ended on the Friday."),),
        ),
        fix_safety="Safe fix: deletes the second copy.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        for start, end, second_start, second_end in _repeats(text):
            word, second = text[start:end], text[second_start:second_end]  # as written
            if word.lower() in _ALLOWED or len(_LINE_BREAK.findall(text, end, second_start)) >= 2:  # across paragraphs (\n, \r\n or \r)
                continue
            if _is_name_or_title(text, start, word, second):
                continue
            if word.lower() in _DEMONSTRATIVES and _PREPOSITIONS.search(text, max(0, start - 12), start):
                continue
            yield Finding(
                second_start, second_end, f"'{second}' repeated",
                fix=Fix.replace(end, second_end, "", "safe"),
            )


def _repeats(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end) of the first word and of its copy for each match of ``_REPEAT`` in the
    text: over the lower-cased text where every word character is ASCII and lower-casing
    keeps the length (each character then lower-cases to one of the same class, and letters
    compare without case as their lower case does), found there by the native core when it
    is built."""
    lowered = text.lower()
    if len(lowered) == len(text) and ascii_words(text):
        core = native.module()
        if core is not None:
            try:
                return core.doubled_words(lowered)
            except UnicodeEncodeError:  # a lone surrogate (undecodable input)
                pass
        return _spans(_LOWER_REPEAT.finditer(lowered))
    return _spans(_REPEAT.finditer(text))


def _spans(matches: Iterator[re.Match[str]]) -> list[tuple[int, int, int, int]]:
    return [(m.start(1), m.end(1), m.start(3), m.end(3)) for m in matches]


def _sentence_start(text: str, offset: int) -> bool:
    j = offset - 1
    while j >= 0 and text[j] in " \t\"“‘'(":
        j -= 1
    return j < 0 or text[j] in ".!?:\n\r"


_FUNCTION_WORDS = frozenset("the a an to of in on at for and but or is was it he she we they this that with by".split())


def _is_name_or_title(text: str, start: int, first: str, second: str) -> bool:
    """Capitalised repeats are names (Duran Duran, law lord Lord Bingham), unless a
    function word starts a sentence twice ("The The")."""
    if not second[:1].isupper():
        return False
    if first[:1].islower():
        return True
    return not (_sentence_start(text, start) and first.lower() in _FUNCTION_WORDS)
