"""Which words of an article a spelling check should look at, and how each is used.

News awareness lives here: URLs, e-mail addresses, handles, acronyms (MPs, UKIP), words
with inner capitals (YCPress, iPhone), tokens joined to digits (60m, 1990s, 12-kilometre)
and dotted abbreviations are skipped; possessives are stripped; hyphenated compounds are
split into parts; each word knows whether it is capitalised mid-sentence (a name) or
starts a sentence.
"""

from __future__ import annotations

import re
from typing import NamedTuple

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


def candidates(article: Article) -> list[Candidate]:
    """The article's checkable words, computed once per article."""
    cached = article.cache.get(candidates)
    if cached is None:
        cached = _find(article)
        article.cache[candidates] = cached
    return cached


def _find(article: Article) -> list[Candidate]:
    text = article.text
    skipped = [m.span() for m in _SKIP.finditer(text)] if _SKIP_HINT.search(text) else []
    starts = {s.start for s in article.sentences} | {s.start for s in article.paragraphs}
    starts |= {line.start for line in article.lines}
    out: list[Candidate] = []
    append = out.append
    si = 0
    size = len(text)
    for m in (_ASCII_TOKEN if ascii_words(text) else _TOKEN).finditer(text):  # newslint/ascii_words.py
        start, end = m.span()
        if skipped:
            while si < len(skipped) and skipped[si][1] <= start:
                si += 1
            if si < len(skipped) and skipped[si][0] <= start < skipped[si][1]:
                continue
        before = text[start - 1] if start else " "
        after = text[end] if end < size else " "
        if before not in _QUIET_BEFORE or after not in _QUIET_AFTER:  # most words stand between spaces
            if before.isdigit() or after.isdigit() or before in "._/\\&" or after == "&" or (
                    after == "." and end + 1 < size and text[end + 1].isalnum()):
                continue  # 60m, 1990s, U.S., file.txt
            if (after in ".…" and text.startswith(("...", "…"), end)) or (
                    before in ".…" and text[max(0, start - 3) : start].endswith(("...", "…"))):
                continue  # a word cut short by an ellipsis ("originall...")
        raw = m.group()
        word = _POSSESSIVE.sub("", raw) if ("'" in raw or "’" in raw) else raw
        if raw.islower():  # no capital anywhere (a letter lower() changes is upper or title case)
            if 2 <= len(word) <= MAX_WORD:
                append(_new(Candidate, (start, word, raw, False, False, False)))
            continue
        rest = word[1:]
        if len(word) < 2 or len(word) > MAX_WORD or rest != rest.lower():
            continue  # too short or long, or capitals after the first letter: UKIP, MPs, YCPress, iPhone
        capital = word[0].isupper()
        line = capital and _at_line_start(text, start, starts)  # only capitals need it
        named = capital and not line
        append(_new(Candidate, (start, word, raw, named, line, named and _opens(text, start, starts))))
    return out


# Characters before and after a word that rule nothing out (no digit, dot, slash, ampersand
# or ellipsis): the tests above are skipped for them.
_QUIET_BEFORE = frozenset(" \t\n\r\"'(“‘[—–-«\u00a0")
_QUIET_AFTER = frozenset(" \t\n\r\"')”’],;:!?—–-»\u00a0")


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
