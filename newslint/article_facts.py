"""Facts a rule needs about the whole article (counts, first forms), read piece by piece.

A very large article is linted in pieces (newslint/by_pieces.py). A rule that compares a
word with the rest of the article ("'Stoltenburg' here, but 'Stoltenberg' 12 times
elsewhere") declares what it needs as an ``ArticleFact``: ``read`` takes one piece's part of
it (only the piece's own text, never the head it repeats; offsets in the article's terms),
``merge`` joins the parts in text order. Calling the fact on an article gives the merged
fact handed to that piece, or reads a whole article in one part. Rules list their facts in
``Rule.facts`` so the engine knows which to read before the pieces are linted; a fact whose
reading asks another fact names it in ``needs`` and is read in a later pass.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Generic, Hashable, Iterable, TypeVar

from newslint.pieces import Piece

if TYPE_CHECKING:
    from newslint.article import Article

P = TypeVar("P")
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def window_of(article: "Article") -> Piece:
    """The piece an article is (set by by_pieces.py), or the whole article as one piece (made
    once: every fact of the article asks)."""
    piece = article.cache.get(Piece)
    if isinstance(piece, Piece):
        return piece
    whole = article.cache.get(window_of)
    if whole is None:
        whole = article.cache[window_of] = Piece.whole(article.text)
    return whole  # type: ignore[return-value]


@dataclass(frozen=True, eq=False)
class ArticleFact(Generic[P, T]):
    """Something true of the whole article, read in parts and merged in text order."""

    read: Callable[["Article", Piece], P]
    merge: Callable[[list[P]], T]
    needs: tuple["ArticleFact", ...] = ()  # facts ``read`` asks for: merged before it runs

    def __call__(self, article: "Article") -> T:
        if self not in article.cache:
            article.cache[self] = self.merge([self.read(article, window_of(article))])
        return article.cache[self]  # type: ignore[return-value]


def add_counts(parts: list[Counter[K]]) -> Counter[K]:
    """Counters added up (``merge`` for counting facts)."""
    total: Counter[K] = Counter()
    for part in parts:
        total.update(part)
    return total


def count_fact(keys: Callable[["Article", Piece], Iterable[K]]) -> ArticleFact[Counter[K], Counter[K]]:
    """A fact that counts keys over the whole article; ``keys`` yields a piece's own keys."""
    return ArticleFact(lambda article, piece: Counter(keys(article, piece)), add_counts)


def first_of(parts: list[P | None]) -> P | None:
    """The first part that is not None (``merge`` for "the first X in the article")."""
    return next((p for p in parts if p is not None), None)
