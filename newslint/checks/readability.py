"""Readability rules: sentences too long to follow."""

from __future__ import annotations

from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Severity
from newslint.rule import CheckContext, Examples, Option, Rule, RuleInfo

# ASCII white space (for str.split) besides the space and the line feed: rare in an article
_OTHER_ASCII_SPACE = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"
_VERY_LONG = " ".join(["The council said"] + ["the plan"] * 26 + ["and more words follow here."])


class LongSentence(Rule):
    info = RuleInfo(
        code="RB001",
        name="long-sentence",
        category="readability",
        severity=Severity.WARNING,
        summary="Flags sentences over 50 words (warning), and over 40 words as information.",
        why=(
            "News guidance (the Reuters rule): worry above 25 words, split around 40, and 50 is "
            "too far. Long sentences hide the news and lose readers on small screens. Edited "
            "news has a few sentences over 40 words (about 1 in 100 on BBC copy), so those are "
            "information; over 50 is a warning. Both limits are options."
        ),
        examples=Examples(
            fail=(f"Talks stall\n\n{_VERY_LONG}",),
            ok=("Talks stall\n\nThe council said the plan would go ahead. It starts in May.",),
        ),
        options={
            "max-words": Option(50, "words above which a sentence is a warning"),
            "info-words": Option(40, "words above which a sentence is noted as info (0: never)"),
        },
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        limit, notice = context.options["max-words"], context.options["info-words"]
        head = article.headline
        text = article.text
        fewest = min(limit, notice) if notice else limit  # a sentence of no more words is not reported
        spaces_only = text.isascii() and not any(c in text for c in _OTHER_ASCII_SPACE)
        for s in article.sentences:
            if head is not None and s.start < head.end:
                continue
            if spaces_only and text.count(" ", s.start, s.end) + text.count("\n", s.start, s.end) < fewest:
                continue  # (a word more than the white space between words, at most)
            n = len(text[s.start : s.end].split())
            if n > limit:
                yield Finding(s.start, s.end, f"sentence of {n} words (more than {limit}); split it")
            elif notice and n > notice:
                yield Finding(
                    s.start, s.end, f"sentence of {n} words (more than {notice})", severity=Severity.INFO
                )
