"""Linting a very large article piece by piece, so memory stays bounded by the piece size.

Each piece (newslint/pieces.py) is linted as an article of its own; findings in the head it
repeats are left to the first piece, the rest are shifted back into the article. What rules
learn from the whole article is read first, over every piece, and handed to each piece: the
translation signal (which also gates rules) and each active rule's article facts
(newslint/article_facts.py). The whole article's findings are then those of the unpieced
run.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newslint import translation_signal
from newslint.article import Article
from newslint.article_facts import ArticleFact
from newslint.diagnostic import Edit, Finding
from newslint.pieces import Piece, pieces

if TYPE_CHECKING:
    from newslint.engine import ActiveRule, Linter


def findings_by_piece(linter: "Linter", article: Article) -> list[tuple["ActiveRule", Finding]]:
    """Every finding of ``article`` in its own offsets, linted one piece at a time."""
    text, size = article.text, linter.piece_chars
    known: dict[object, object] = {translation_signal.of: translation_signal.of(article)}
    known.update(_read_facts([f for a in linter.active for f in a.rule.article_facts(a.context)], text, size, article.path))
    found: list[tuple["ActiveRule", Finding]] = []
    for piece in pieces(text, size):
        part = _piece_article(piece, article.path)
        part.cache.update(known)
        found.extend((active, _shifted(f, piece)) for active, f in linter.findings(part) if piece.owns(f.start))
    return found


def _piece_article(piece: Piece, path: str) -> Article:
    part = Article(piece.text, path)
    part.cache[Piece] = piece
    return part


def _read_facts(facts: list[ArticleFact], text: str, size: int, path: str) -> dict[object, object]:
    """Each fact (and each fact it needs), read piece by piece and merged; one pass over the
    pieces for the facts that need nothing unread, then one for those that needed them."""
    todo = list(dict.fromkeys(_with_needs(facts)))
    known: dict[object, object] = {}
    while todo:
        ready = [f for f in todo if all(n in known for n in f.needs)]
        parts: dict[ArticleFact, list] = {f: [] for f in ready}
        for piece in pieces(text, size):
            part = _piece_article(piece, path)
            part.cache.update(known)
            for fact in ready:
                parts[fact].append(fact.read(part, piece))
        known.update({fact: fact.merge(found) for fact, found in parts.items()})
        todo = [f for f in todo if f not in known]
    return known


def _with_needs(facts: list[ArticleFact]) -> list[ArticleFact]:
    """The facts and, before each, what it needs."""
    out: list[ArticleFact] = []
    for fact in facts:
        out.extend(_with_needs(list(fact.needs)))
        out.append(fact)
    return out


def _shifted(finding: Finding, piece: Piece) -> Finding:
    """A finding in the article's offsets."""
    if piece.body == 0:
        return finding
    fix = finding.fix
    if fix is not None and any(e.offset < piece.body for e in fix.edits):
        fix = None  # it would reach back into the repeated head
    if fix is not None:
        edits = tuple(Edit(piece.to_article(e.offset), piece.to_article(e.end_offset), e.replacement) for e in fix.edits)
        fix = replace(fix, edits=edits)
    return replace(finding, start=piece.to_article(finding.start), end=piece.to_article(finding.end), fix=fix)
