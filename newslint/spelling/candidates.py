"""Which words of an article a spelling check should look at, and how each is used.

News awareness lives here: URLs, e-mail addresses, handles, acronyms (MPs, UKIP), words
with inner capitals (YCPress, iPhone), tokens joined to digits (60m, 1990s, 12-kilometre)
and dotted abbreviations are skipped; possessives are stripped; hyphenated compounds are
split into parts; each word knows whether it is capitalised mid-sentence (a name) or
starts a sentence. Where every word character is ASCII (``ascii_words``) the native core makes
the split; ``_split_python`` is its twin.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container, Iterable
from functools import lru_cache, partial
from itertools import accumulate, chain, compress, repeat
from types import ModuleType
from typing import NamedTuple

from newslint import native
from newslint.article import Article
from newslint.ascii_words import ascii_words
from newslint.prefiltered import prefiltered

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*(?:['’](?![^\W\d_]))?")
_ASCII_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*(?:['’](?![A-Za-z]))?")  # where every letter is ASCII
# Lengths are capped as in the DNS and e-mail standards (labels 63, local parts 64) and
# e-mail starts only at the start of a run: 200,000 dots or hyphens stay linear.
_SKIP = re.compile(
    r"(?:https?://|www\.)\S+"  # URLs
    r"|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+"  # e-mail addresses
    r"|(?<!\w)[@#]\w+"  # handles and hashtags
    r"|(?<![\w.])\b[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.(?:com|org|net|gov|edu|co|uk|io|info|news|int|eu)\b(?:/\S*)?",  # bare domains
    re.IGNORECASE,
)
# Text every _SKIP match contains: without it (most articles) the costly scan is skipped.
_SKIP_HINT = prefiltered(re.compile(r"https?://|www\.|@|#|\.(?:com|org|net|gov|edu|co|uk|io|info|news|int|eu)\b", re.IGNORECASE))
MAX_WORD = 45  # longer tokens (a run of letters, a long hyphen chain) are not words to spell-check
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_OPENERS = "\"“‘'([—–-«"


class Candidate(NamedTuple):
    """One word to check: where it starts, the word itself and how it is used (a named
    tuple: an article has hundreds, and a tuple is built several times faster than a
    frozen dataclass)."""

    start: int
    word: str  # possessive stripped
    text: str  # as written
    capitalised: bool  # capital initial, not at the start of a line or paragraph: a name
    sentence_initial: bool  # a capitalised word that starts a line or paragraph
    after_full_stop: bool = False  # capitalised, starting a sentence within a paragraph


class Split(NamedTuple):
    """An article's candidates in two parts. Most of its words are plain: lower-case ASCII
    letters (hyphens inside), between characters that rule nothing out (a space, a dash, a
    quote), two to ``MAX_WORD`` letters long; each such word is the candidate
    ``Candidate(start, word, word, False, False, False)`` and is kept here only as its start
    and its text, so a rule can skip the plain words it already knows without building them.
    ``others`` are the remaining candidates, built in full."""

    plain_starts: list[int]
    plain_words: list[str]
    others: list[Candidate]


def candidates(article: Article) -> list[Candidate]:
    """The article's checkable words, computed once per article."""
    cached = article.cache.get(candidates)
    if cached is None:
        found = split(article)
        cached = merged(found.others, plain_candidates(found, None))
        article.cache[candidates] = cached
    return cached


def split(article: Article) -> Split:
    """The article's candidates as plain words and the others (``Split``), computed once."""
    cached = article.cache.get(split)
    if cached is None:
        cached = article.cache[split] = _find(article)
    return cached


def plain_word_set(article: Article) -> frozenset[str]:
    """The article's distinct plain words (``Split.plain_words``), found once."""
    cached = article.cache.get(plain_word_set)
    if cached is None:
        cached = article.cache[plain_word_set] = frozenset(split(article).plain_words)
    return cached  # type: ignore[return-value]


def plain_candidates(found: Split, words: Container[str] | None) -> list[Candidate]:
    """The plain words whose text is in ``words`` (all when None) as candidates, in order."""
    starts, plain = found.plain_starts, found.plain_words
    rows = zip(starts, plain, plain, _FALSE, _FALSE, _FALSE)
    if words is not None:
        rows = compress(rows, map(words.__contains__, plain))
    return list(map(_new, repeat(Candidate), rows))


def merged(a: list[Candidate], b: list[Candidate]) -> list[Candidate]:
    """Two lists of candidates, each in text order, as one in text order."""
    if not b:
        return a
    if not a:
        return b
    both = a + b
    both.sort()  # by start: two candidates never share one
    return both


def _find(article: Article) -> Split:
    text = article.text
    found = _split_native(article) if ascii_words(text) else None
    plain_starts, plain_words, others = found or _split_python(article)
    if _SKIP_HINT.search(text):
        skipped = [m.span() for m in _SKIP.finditer(text)]
        if skipped:
            plain_starts, plain_words = _outside(skipped, plain_starts, plain_words)
            others = [c for c in others if not any(a <= c.start < b for a, b in skipped)]
    return Split(plain_starts, plain_words, others)


def _outside(spans: list[tuple[int, int]], starts: list[int], words: list[str]) -> tuple[list[int], list[str]]:
    """The plain words (``starts`` in order, ``words``) that start outside every span (in
    order, not overlapping): each span's words found by bisection and left out."""
    kept_starts: list[int] = []
    kept_words: list[str] = []
    done = 0
    for a, b in spans:
        first = bisect_left(starts, a, done)
        kept_starts += starts[done:first]
        kept_words += words[done:first]
        done = max(first, bisect_left(starts, b, first))
    return kept_starts + starts[done:], kept_words + words[done:]


def _split_python(article: Article) -> tuple[list[int], list[str], list[Candidate]]:
    """The article's plain words (starts, texts) and other candidates, before URLs and
    addresses are taken out."""
    text = article.text
    rows = (_ASCII_SPLIT if ascii_words(text) else _SPLIT).findall(text)  # (gap, plain word, other token)
    if not rows:
        return [], [], []
    _, plain, other = zip(*rows)
    token_starts = list(accumulate(map(len, chain.from_iterable(rows))))[0::3]  # each gap's end
    keep = list(map(_LENGTHS.__contains__, map(len, plain)))  # also drops the rows of other tokens ('')
    return (list(compress(token_starts, keep)), list(compress(plain, keep)),
            _others(article, compress(zip(token_starts, other), other)))


def _split_native(article: Article) -> tuple[list[int], list[str], list[Candidate]] | None:
    """``_split_python``'s result from the native core, for a text where ``ascii_words``
    holds; None without the core (or for a text with no UTF-8 form)."""
    splitter = _native_splitter(native.module())
    found = splitter.split(article.text, partial(_capital_starts, article)) if splitter else None
    if found is None:
        return None
    plain_starts, plain_words, rows = found
    return plain_starts, plain_words, list(map(_new, repeat(Candidate), rows))


@lru_cache(maxsize=1)
def _native_splitter(core: ModuleType | None) -> object | None:
    """The native core's twin of ``_split_python`` with this module's settings, or None."""
    if core is None or not hasattr(core, "CandidateSplitter"):
        return None
    return core.CandidateSplitter("".join(sorted(_QUIET_BEFORE)), "".join(sorted(_QUIET_AFTER)), _OPENERS, MAX_WORD)


def _capital_starts(article: Article) -> set[int]:
    """Where a capital starts a sentence, a paragraph or a line (the sentence and paragraph
    starts are costly to find: asked only when a capitalised word occurs)."""
    starts = {s.start for s in article.sentences} | {s.start for s in article.paragraphs}
    return starts | {line.start for line in article.lines}


def _others(article: Article, tokens: Iterable[tuple[int, str]]) -> list[Candidate]:
    """The candidates among the tokens that are not plain words (start, token), in order."""
    text = article.text
    starts: set[int] | None = None
    out: list[Candidate] = []
    append = out.append
    size = len(text)
    for start, raw in tokens:
        end = start + len(raw)
        before = text[start - 1] if start else " "
        after = text[end] if end < size else " "
        if before not in _QUIET_BEFORE or after not in _QUIET_AFTER:  # most words stand between spaces
            if before.isdigit() or after.isdigit() or before in "._/\\&" or after == "&" or (
                    after == "." and end + 1 < size and text[end + 1].isalnum()):
                continue  # 60m, 1990s, U.S., file.txt
            if (after in ".…" and text.startswith(("...", "…"), end)) or (
                    before in ".…" and text[max(0, start - 3) : start].endswith(("...", "…"))):
                continue  # a word cut short by an ellipsis ("originall...")
        word = _POSSESSIVE.sub("", raw) if ("'" in raw or "’" in raw) else raw
        if raw.islower():  # no capital anywhere (a letter lower() changes is upper or title case)
            if 2 <= len(word) <= MAX_WORD:
                append(_new(Candidate, (start, word, raw, False, False, False)))
            continue
        rest = word[1:]
        if len(word) < 2 or len(word) > MAX_WORD or rest != rest.lower():
            continue  # too short or long, or capitals after the first letter: UKIP, MPs, YCPress, iPhone
        capital = word[0].isupper()
        if capital and starts is None:
            starts = _capital_starts(article)
        line = capital and _at_line_start(text, start, starts)  # only capitals need it
        named = capital and not line
        append(_new(Candidate, (start, word, raw, named, line, named and _opens(text, start, starts))))
    return out


# Characters before and after a word that rule nothing out (no digit, dot, slash, ampersand
# or ellipsis): the tests above are skipped for them.
_QUIET_BEFORE = frozenset(" \t\n\r\"'(“‘[—–-«\u00a0")
_QUIET_AFTER = frozenset(" \t\n\r\"')”’],;:!?—–-»\u00a0")


def _char_class(chars: Iterable[str]) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in sorted(chars))


# The text read as gaps and tokens: each row a gap (no letters, possessive: read once) and the
# token after it, either a plain word (lower-case ASCII letters, hyphens inside, quiet
# characters on both sides, no apostrophe after it that would join it) or any other token
# (_TOKEN), or the end of the text. A plain word matches only where _TOKEN would match that
# same word: what follows can neither be a letter nor join one on.
def _gaps_and_tokens(non_letters: str, letter: str, token: re.Pattern[str]) -> re.Pattern[str]:
    quiet_after = _char_class(_QUIET_AFTER - {"'", "’"})
    return re.compile(
        rf"({non_letters}*+)(?:(?<![^{_char_class(_QUIET_BEFORE)}])([a-z]+(?:-[a-z]+)*)(?=[{quiet_after}]|\Z)(?!-{letter})"
        rf"|({token.pattern})|\Z)"
    )


_SPLIT = _gaps_and_tokens(r"[\W\d_]", r"[^\W\d_]", _TOKEN)
_ASCII_SPLIT = _gaps_and_tokens(r"[^A-Za-z]", r"[A-Za-z]", _ASCII_TOKEN)  # where ascii_words holds
_LENGTHS = frozenset(range(2, MAX_WORD + 1))
_FALSE = repeat(False)


_new = tuple.__new__  # builds a Candidate from its six fields without NamedTuple's Python-level __new__


def _opens(text: str, start: int, starts: set[int]) -> bool:
    """Whether the word starts a sentence, after any opening quotes or brackets ('"Tje rugby')."""
    j = start
    while j > 0 and text[j - 1] in _OPENERS:
        j -= 1
    return j in starts


def _at_line_start(text: str, start: int, starts: set[int]) -> bool:
    """At the start of a line or paragraph, after any opening quotes or brackets."""
    j = start
    while j > 0 and text[j - 1] in _OPENERS + " \t":
        j -= 1
    return j in starts or j == 0 or text[j - 1] in "\n\r"
