"""A singular countable noun with no article after 'is' or 'have' ("is obvious example")."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Severity
from newslint.checks.word_before import after_word
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.word_prefixes import is_word
from newslint.prefiltered import prefiltered

# nouns English almost never uses without a determiner in the singular ("reason" and "chance"
# are: "had good reason to", "little chance")
_NOUNS = "one|example|problem|way|idea|explosion|person|question|mistake|opportunity|disadvantage|decision|situation|solution"
_ADJECTIVE_ENDINGS = ("ous", "ent", "ant", "al", "ic", "ive", "ful", "able", "ible", "ary")
_ADJECTIVES = frozenset(
    "big small good bad great new old real huge hard serious major simple clear similar common main key strong "
    "weak high low long short wide large better best worse worst easy difficult".split()
)
_QUANTIFIERS = frozenset("several potential less more".split())  # end like adjectives, act as determiners
# what may follow the noun phrase: punctuation, a preposition or conjunction, an -ing verb
_AFTER = frozenset("to that for of in on at with and but or because when which who so as if than".split())
_FRAME = prefiltered(re.compile(
    rf"\b(?:is|was|has|have|had|be)\s+(?:(?:very|quite|really|so|too)\s+)?([a-z]+)\s+({_NOUNS})\b(?![-'’])"
    r"(?:\s*([.,;:!?)\"”]|$|[A-Za-z]+))"
))
# "few years ago" (not many) for "a few years ago"
# the words that may not stand before "few" are tested on a match (re tried seven
# look-behinds at every character)
_FEW_AGO = prefiltered(re.compile(r"([Ff]ew)\s+(?:years|months|weeks|days|hours|minutes|decades|centuries)\s+ago\b"))
_NOT_AFTER = ("a", "A", "the", "very", "quite", "just", "only")


class MissingArticle(Rule):
    info = RuleInfo(
        code="GR002",
        name="missing-article",
        category="grammar",
        severity=Severity.WARNING,
        summary="Flags a singular countable noun with an adjective but no article after 'is' or 'have' (\"it is obvious example\", \"they have different way of\") and \"few years ago\" for \"a few years ago\".",
        why=(
            "'Example', 'problem', 'way', 'idea', 'decision' and a few other nouns take an article "
            "in the singular ('an obvious example'); a dropped article is a common slip of writers "
            "whose first language has none. The rule looks only at 'is/was/have/has/had' + one "
            "adjective + such a noun, closed by punctuation, a preposition or an -ing verb, so noun "
            "compounds ('is major job losses') and idioms ('had good reason to') are left alone."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe strike is obvious example of the problem.",
                "Talks stall\n\nCommuters have tremendous problem getting to work.",
                "Talks stall\n\nSo there is technical solution, the new version.",
                "Talks stall\n\nWhen I went to Bangkok few years ago, it was hot. Old age is very difficult one.",
            ),
            ok=(
                "Talks stall\n\nThe strike is an obvious example. He had good reason to worry. A few years ago very few days ago.",
                "Talks stall\n\nThere is little chance of a deal; the work is under way and is taking place.",
                "Talks stall\n\nThey have less opportunity to act. It was several examples. It has major problem areas.",
            ),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for m in _FRAME.finditer(article.text):
            word, after = m.group(1), m.group(3) or ""
            if word in _QUANTIFIERS or not (word in _ADJECTIVES or word.endswith(_ADJECTIVE_ENDINGS)):
                continue
            if after[:1].isalpha() and after.lower() not in _AFTER and not after.endswith("ing"):
                continue
            article_word = "an" if word[0] in "aeiou" else "a"
            yield Finding(m.start(1), m.end(2), f"'{word} {m.group(2)}' needs an article: '{article_word} {word} {m.group(2)}'",
                          (f"{article_word} {word} {m.group(2)}",))
        text = article.text
        for m in _FEW_AGO.finditer(text):
            start = m.start()
            if start and (is_word(text[start - 1]) or text[start - 1] == "-" or any(after_word(text, start, w) for w in _NOT_AFTER)):
                continue  # inside a word ("curfew"), or "a few", "very few"...
            few = m.group(1)
            yield Finding(m.start(1), m.end(1), f"'{few} ... ago' wants 'a few'", (("A few" if few[0] == "F" else "a few"),))
