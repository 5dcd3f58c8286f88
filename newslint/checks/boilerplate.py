"""Boilerplate rules: breadcrumbs glued to text and stray bylines left in the body."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.breadcrumbs import breadcrumb_end
from newslint.diagnostic import Finding, Fix, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo


class Breadcrumb(Rule):
    info = RuleInfo(
        code="BP001",
        name="breadcrumb",
        category="boilerplate",
        severity=Severity.ERROR,
        summary="Flags site navigation (\"Home Politics\", \"Home › World ›\") glued to the start of a line.",
        why=(
            "Copy scraped from a web page often keeps the navigation trail in front of the "
            "headline. It is not part of the story and must go before publication."
        ),
        examples=Examples(
            fail=(
                "Home Politics Minister resigns over leak\n\nThe minister resigned on Monday.",
                "Home › World › Europe › Minister resigns\n\nThe minister resigned on Monday.",
                "News World Minister resigns over leak\n\nThe minister resigned on Monday.",
            ),
            ok=(
                "Home secretary resigns over leak\n\nThe home secretary resigned on Monday.",
                "World leaders meet in Paris\n\nLeaders met on Monday.",
                "News Corp profits rise\n\nProfits rose.",
            ),
        ),
        fix_safety="Unsafe fix: deletes the breadcrumb.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for number, span in list(article.line_spans())[:3]:
            line = article.text[span.start : span.end]
            cut = breadcrumb_end(line)
            if cut:
                crumb = line[:cut].rstrip()
                yield Finding(
                    span.start,
                    span.start + len(crumb),
                    f"site breadcrumb '{crumb}' before the text",
                    fix=Fix.replace(span.start, span.start + cut, ""),
                )


_BYLINE = re.compile(r"(?P<by>[Bb]y)\s+(?P<who>\S+(?:\s+\S+){0,4})")
_PERSON = re.compile(r"[A-Z][a-z’'\-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z’'\-]+|de|van|von|al|bin|and|&))+,?.*")


class StrayByline(Rule):
    info = RuleInfo(
        code="BP003",
        name="stray-byline",
        category="boilerplate",
        severity=Severity.WARNING,
        summary="Flags a line that is only an aggregator byline (\"by YCPress\") inside the text.",
        why=(
            "A byline left in the body by an aggregator or a scraper names a site, not a "
            "reporter; it belongs in metadata, or nowhere."
        ),
        examples=Examples(
            fail=(
                "Minister resigns\n\nby YCPress\n\nThe minister resigned on Monday.",
                "Minister resigns\n\nBy NewsDesk24\n\nThe minister resigned on Monday.",
            ),
            ok=(
                "Minister resigns\n\nBy Jane Smith, Political Editor\n\nThe minister resigned.",
                "Minister resigns\n\nThe minister resigned on Monday, by all accounts reluctantly.",
            ),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        head = article.headline
        for _, span in article.line_spans():
            if head is not None and span.start <= head.start:
                continue
            line = article.text[span.start : span.end].strip()
            m = _BYLINE.fullmatch(line)
            if not m:
                continue
            who = m.group("who")
            if m.group("by") == "By" and _PERSON.fullmatch(who):
                continue
            start = span.start + article.text[span.start : span.end].index(line)
            yield Finding(start, start + len(line), f"stray byline '{line}' in the text")
