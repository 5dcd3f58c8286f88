"""Redundancy within a sentence: the same phrase used twice a few words apart."""

from __future__ import annotations

from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Severity
from newslint.rule import CheckContext, Examples, Option, Rule, RuleInfo

_POSSESSIVES = frozenset("its their his her our my your".split())
_STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under about
    than then that this these those there here it its is are was were be been being has have
    had do does did will would shall should can could may might must not no so such very
    he she they we you i him them us me who whom which what when where why how all any each
    more most other some own same too also just only per said says say one two three
    mr mrs ms dr up out off new""".split()
)


class RepeatedPhrase(Rule):
    info = RuleInfo(
        code="RD004",
        name="repeated-phrase",
        category="redundancy",
        severity=Severity.WARNING,
        summary="Flags a possessive phrase repeated a few words later in the same sentence (\"within its territory to defend its territory\").",
        why=(
            "Repeating a phrase within one sentence reads as padding and is typical of literal "
            "translation; a pronoun or a rewrite says it once."
        ),
        examples=Examples(
            fail=("Talks stall\n\nRussia may move troops within its territory to defend its territory.",),
            ok=(
                "Talks stall\n\nRussia may move troops within its borders to defend itself.",
                "Talks stall\n\nThe bank raised rates, and later the bank cut them again.",
                "Talks stall\n\nHe won best song and best album.",
                "Talks stall\n\nHe said: “We will defend our land, every inch of our land.”",
            ),
        ),
        options={"window": Option(10, "most words between the two copies")},
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        window = context.options["window"]
        words = article.words
        wi = 0
        for sentence in article.sentences:
            while wi < len(words) and words[wi].start < sentence.start:
                wi += 1
            tokens = []
            while wi < len(words) and words[wi].end <= sentence.end:
                tokens.append(words[wi])
                wi += 1
            seen: dict[tuple[str, str], int] = {}
            for i in range(len(tokens) - 1):
                a, b = tokens[i], tokens[i + 1]
                w1, w2 = text[a.start : a.end], text[b.start : b.end]
                key = (w1.lower(), w2.lower())
                if not _qualifies(w1, w2) or not _phrase_ends(text, tokens, i + 2):
                    continue
                j = seen.get(key)
                seen[key] = i
                if j is None or i - j < 2 or i - j > window:
                    continue
                if article.in_quote(a.start):
                    continue
                yield Finding(a.start, b.end, f"'{w1} {w2}' repeated in the same sentence")


def _phrase_ends(text: str, tokens: list, k: int) -> bool:
    """Whether the noun phrase ends before token k ("his left | hand" does not)."""
    if k >= len(tokens):
        return True
    nxt = text[tokens[k].start : tokens[k].end]
    between = text[tokens[k - 1].end : tokens[k].start]
    return nxt.lower() in _STOPWORDS or not between.isspace()


def _qualifies(w1: str, w2: str) -> bool:
    """Possessive + noun ("its territory"); parallel content phrases ("best song ... best
    song") are too often deliberate in news copy to flag."""
    l2 = w2.lower()
    if l2 in _STOPWORDS or not w2.isalpha() or not w2.islower():
        return False
    return w1.lower() in _POSSESSIVES
