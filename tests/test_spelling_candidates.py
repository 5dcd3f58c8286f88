"""Which words the spelling rules look at (newslint/spelling/candidates.py)."""

from __future__ import annotations

import random

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article import Article
from newslint.spelling import candidates as candidates_module
from newslint.spelling.candidates import (MAX_WORD, _POSSESSIVE, _SKIP, _TOKEN, Candidate, _at_line_start, _opens,
                                          candidates, merged, plain_candidates, split)


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


@pytest.fixture(params=["native core where built", "Python"])
def each_split(request, monkeypatch):
    """Each test below runs on the split the run would use, then on the pure-Python twin."""
    if request.param == "Python":
        monkeypatch.setattr(candidates_module, "_split_native", lambda article: None)


def test_words_next_to_digits_dots_and_ellipses_are_left_out(each_split):
    text = "Talks\n\nThe 3rd-party deal (60m) at file.txt, U.S. firms & co… “originall...” m² ǅemal’s İstanbul it's"
    found = [c.word for c in candidates(Article(text))]
    assert found == ["Talks", "The", "deal", "at", "firms", "m²", "ǅemal", "İstanbul", "it"]  # possessive taken off


def test_candidates_are_the_tokens_each_context_allows(each_split):
    rnd = random.Random(4)
    pieces = ["the", "The", "UKIP", "ǅemal", "m²", "it's", "dogs’", "a", "x" * 50, " ", " ", "\n", "\n\n",
              ".", "...", "…", "3", "&", "/", "-", "'", "“", "(", ",", "é", "İ"]
    ascii_pieces = [p for p in pieces if all(c.isascii() or not c.isalnum() for c in p)] + ["“", "—", "£"]
    for n in range(600):
        text = "".join(rnd.choice(pieces if n % 2 else ascii_pieces) for _ in range(40))
        found = [(c.start, c.word, c.word[0].isupper()) for c in candidates(Article(text))]
        assert found == _plainly(text), text


def _each_token(article: Article) -> list[Candidate]:
    """Every candidate with all its fields, token by token (what candidates() gave before it
    read plain words in bulk): the reference for the split into plain words and others."""
    text = article.text
    skipped = [m.span() for m in _SKIP.finditer(text)]
    starts = {s.start for s in article.sentences} | {s.start for s in article.paragraphs}
    starts |= {line.start for line in article.lines}
    out = []
    for start, raw in _plainly_tokens(text):
        if any(a <= start < b for a, b in skipped):
            continue
        word = _POSSESSIVE.sub("", raw)
        if raw.islower():
            out.append(Candidate(start, word, raw, False, False, False))
            continue
        capital = word[0].isupper()
        line = capital and _at_line_start(text, start, starts)
        named = capital and not line
        out.append(Candidate(start, word, raw, named, line, named and _opens(text, start, starts)))
    return out


def _plainly_tokens(text: str) -> list[tuple[int, str]]:
    """The tokens _plainly keeps, as (start, token as written)."""
    kept = {start for start, _, _ in _plainly(text)}
    return [(m.start(), m.group()) for m in _TOKEN.finditer(text) if m.start() in kept]


def test_plain_words_and_others_are_every_candidate(each_split):
    rnd = random.Random(12)
    pieces = ["the", "the", "well-known", "co-op", "The", "Paris", "UKIP", "ǅemal", "it's", "dogs’", "don't", "rock'n'roll",
              "a", "x" * 50, "é", "café", "İ", " ", " ", " ", "\n", "\n\n", "\t", "\u00a0", ".", ". ", "...", "…", "3",
              "&", "/", "-", "—", "'", "’", "“", "”", "(", ")", "[", ",", ";", "!", "_", "http://x.org/the", "a@b.com",
              "#tag", "bbc.co.uk"]
    ascii_pieces = [p for p in pieces if all(c.isascii() or not c.isalnum() for c in p)]
    plain_seen = other_seen = 0
    for n in range(3000):
        chosen = pieces if n % 2 else ascii_pieces
        text = "".join(rnd.choice(chosen) + rnd.choice((" ", " ", "", "\n")) for _ in range(rnd.randint(0, 40)))
        article = Article(text)
        found = split(article)
        everything = plain_candidates(found, None)
        assert merged(found.others, everything) == candidates(article) == _each_token(article), text
        assert all(c.word == c.text and c.word.islower() for c in everything)
        some = set(found.plain_words[::2])
        assert plain_candidates(found, some) == [c for c in everything if c.word in some]
        plain_seen += len(everything)
        other_seen += len(found.others)
    assert plain_seen > 3000 and other_seen > 3000


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=200), unique=True), st.lists(st.integers(min_value=0, max_value=200)))
def test_words_in_skipped_spans_are_left_out(starts: list[int], cuts: list[int]) -> None:
    """``_outside`` keeps exactly the words that start in no span (URLs, addresses)."""
    from newslint.spelling.candidates import _outside

    starts.sort()
    bounds = sorted(set(cuts))
    spans = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds) - 1, 2)]
    words = [f"w{s}" for s in starts]
    kept = [(s, w) for s, w in zip(starts, words) if not any(a <= s < b for a, b in spans)]
    assert _outside(spans, starts, words) == ([s for s, _ in kept], [w for _, w in kept])
