"""Quote rules: marks left unbalanced, and straight and curly marks mixed in one article."""

from __future__ import annotations

from typing import Iterable, Iterator

from newslint.article import Article
from newslint.article_facts import count_fact
from newslint.diagnostic import Finding, Severity
from newslint.pieces import Piece
from newslint.rule import CheckContext, Examples, Rule, RuleInfo

_CURLY_FOR = {"'": "’", '"': "“ or ”"}


def _mark_kinds(article: Article, piece: Piece) -> Iterator[tuple[bool, bool, bool]]:
    """(straight, apostrophe, prime) of each quote mark in the piece's own text."""
    for m in article.quotes.marks:
        if piece.owns(m.offset):
            yield m.straight, m.role == "apostrophe", _is_prime(article.text, m.offset)


QUOTE_MARKS = count_fact(_mark_kinds)
"""The article's quote marks and apostrophes by (straight, apostrophe, prime)."""


def mostly_used_apostrophe(article: Article) -> str:
    """The apostrophe the article mostly uses (a tie goes to the straight one)."""
    counts = QUOTE_MARKS(article)
    marks = sum(n for (_, apostrophe, _), n in counts.items() if apostrophe)
    straight = sum(n for (is_straight, apostrophe, _), n in counts.items() if apostrophe and is_straight)
    return "'" if straight >= marks - straight else "’"


class UnbalancedQuote(Rule):
    info = RuleInfo(
        code="QT001",
        name="unbalanced-quote",
        category="quotes",
        severity=Severity.ERROR,
        summary="Flags an opening quote mark never closed, or a closing mark with nothing open.",
        why=(
            "An unclosed quote leaves the reader unsure where the speaker stops and the reporter "
            "resumes. The check is paragraph-aware: a quote that runs on into the next paragraph "
            "may leave its closing mark off when the next paragraph opens with a quote mark, and "
            "apostrophes (NATO’s, ’90s, rock ’n’ roll) are never taken for quotes."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nHe said: “We will not move.\n\nThe talks ended on Friday.",
                'Talks stall\n\nHe said: "We will not move.\n\nThe talks ended on Friday.',
                "Talks stall\n\nThe talks ended.” Officials left.",
            ),
            ok=(
                "Talks stall\n\n“We will not move,” he said. “Not now.”",
                "Talks stall\n\n“We will not move.\n\n“Nobody can make us,” he said.",
                "Talks stall\n\nNATO’s chief recalled the ’90s and rock ’n’ roll, and the allies’ plans.",
                "Talks stall\n\nHe said “the ‘red line’ stands”, officials said.",
            ),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for problem in article.quotes.problems:
            if problem.problem == "unclosed":
                message = f"quote opened with {problem.char} is not closed in this paragraph"
                if problem.kind == "double":
                    message += " (nor continued by a quote mark at the start of the next)"
            else:
                message = f"closing quote mark {problem.char} has no opening mark"
            yield Finding(problem.offset, problem.offset + 1, message)


class MixedQuoteStyle(Rule):
    info = RuleInfo(
        code="QT002",
        name="mixed-quote-style",
        category="quotes",
        severity=Severity.WARNING,
        summary="Flags straight quote marks or apostrophes in an article that mostly uses curly ones, or the reverse.",
        why=(
            "One article should use one style of quote marks and apostrophes. A straight "
            "apostrophe among curly ones usually comes from a pasted line or a second editor."
        ),
        examples=Examples(
            fail=("Talks stall\n\nNATO’s chief said “no” and Russia’s envoy left. NATO's allies stayed.",),
            ok=(
                "Talks stall\n\nNATO’s chief said “no” and Russia’s envoy left.",
                "Talks stall\n\nNATO's chief said \"no\" and Russia's envoy left.",
                "Talks stall\n\nThe man is 6' 2\" tall and NATO’s chief said “no”.",
            ),
        ),
    )

    facts = (QUOTE_MARKS,)

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        counts = QUOTE_MARKS(article)
        straight = sum(n for (is_straight, _, prime), n in counts.items() if is_straight and not prime)
        curly = sum(n for (is_straight, _, prime), n in counts.items() if not is_straight and not prime)
        if not straight or not curly:
            return
        minority, style = (straight, "curly") if straight <= curly else (curly, "straight")
        for m in article.quotes.marks:
            if m.straight != (style == "curly") or _is_prime(article.text, m.offset):
                continue
            what = "apostrophe" if m.role == "apostrophe" else "quote mark"
            yield Finding(
                m.offset,
                m.offset + 1,
                f"{'straight' if m.straight else 'curly'} {what} {m.char} in an article that uses "
                f"{style} marks ({curly if style == 'curly' else straight} to {minority})",
            )


def _is_prime(text: str, offset: int) -> bool:
    """A straight mark right after a digit is a foot or inch sign, not a quote."""
    return text[offset] in "'\"" and offset > 0 and text[offset - 1].isdigit()
