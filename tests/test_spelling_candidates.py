"""Which words the spelling rules look at (newslint/spelling/candidates.py)."""

from __future__ import annotations

import random

from newslint.article import Article
from newslint.spelling.candidates import MAX_WORD, _POSSESSIVE, _TOKEN, candidates


def _plainly(text: str) -> list[tuple[int, str, bool]]:
    """Every token, each context tested in full (no fast paths): start, word, capitalised."""
    out = []
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before.isdigit() or after.isdigit() or before in "._/\\&" or after == "&" or (
                after == "." and end + 1 < len(text) and text[end + 1].isalnum()):
            continue
        if text.startswith(("...", "…"), end) or text[max(0, start - 3) : start].endswith(("...", "…")):
            continue
        word = _POSSESSIVE.sub("", m.group())
        if 2 <= len(word) <= MAX_WORD and word[1:] == word[1:].lower():
            out.append((start, word, word[0].isupper()))
    return out


def test_words_next_to_digits_dots_and_ellipses_are_left_out():
    text = "Talks\n\nThe 3rd-party deal (60m) at file.txt, U.S. firms & co… “originall...” m² ǅemal’s İstanbul it's"
    found = [c.word for c in candidates(Article(text))]
    assert found == ["Talks", "The", "deal", "at", "firms", "m²", "ǅemal", "İstanbul", "it"]  # possessive taken off


def test_candidates_are_the_tokens_each_context_allows():
    rnd = random.Random(4)
    pieces = ["the", "The", "UKIP", "ǅemal", "m²", "it's", "dogs’", "a", "x" * 50, " ", " ", "\n", "\n\n",
              ".", "...", "…", "3", "&", "/", "-", "'", "“", "(", ",", "é", "İ"]
    ascii_pieces = [p for p in pieces if all(c.isascii() or not c.isalnum() for c in p)] + ["“", "—", "£"]
    for n in range(600):
        text = "".join(rnd.choice(pieces if n % 2 else ascii_pieces) for _ in range(40))
        found = [(c.start, c.word, c.word[0].isupper()) for c in candidates(Article(text))]
        assert found == _plainly(text), text
