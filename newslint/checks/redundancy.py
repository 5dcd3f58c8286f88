"""Redundancy within a sentence: the same phrase used twice a few words apart."""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Iterator

from newslint import native
from newslint.article import ASCII_WORD, WORD, Article, Span
from newslint.ascii_words import ascii_words
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
        summary=(
            "Flags a phrase repeated a few words later in the same sentence: a possessive phrase "
            "(\"within its territory to defend its territory\") or a phrase of three or more words "
            "with two content words said twice in a row (\"in the middle of the table in the middle "
            "of the table\")."
        ),
        why=(
            "Repeating a phrase within one sentence reads as padding and is typical of literal "
            "translation; machine translation also doubles whole phrases. A pronoun or a rewrite "
            "says it once."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nRussia may move troops within its territory to defend its territory.",
                "Derby won\n\nThe club sits in the middle of the table in the middle of the table.",
                "Talks stall\n\nConservative co-chairman Liam Fox said: Liam Fox said the cuts would go ahead.",
            ),
            ok=(
                "Talks stall\n\nRussia may move troops within its borders to defend itself.",
                "Talks stall\n\nThe bank raised rates, and later the bank cut them again.",
                "Talks stall\n\nHe won best song and best album.",
                "Talks stall\n\nHe said: “We will defend our land, every inch of our land.”",
                "Talks stall\n\nThe Department of Health and the Department of Education agreed.",
                "Talks stall\n\nShe scored in the first half and again in the second half.",
                "Talks stall\n\nIt was good enough for him to lead, not good enough for him to follow.",
                "Talks stall\n\nThe number of cases rose as the number of cases in Hubei fell.",
            ),
        ),
        options={"window": Option(10, "most words between the two copies")},
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        window = context.options["window"]
        for sentence, tokens, low in _sentence_words(article, only_repeating=True):
            pairs = list(zip(low, low[1:]))
            if len(set(pairs)) == len(pairs):
                continue  # no two words said twice: no repeated pair, nor a repeated longer phrase
            if tokens is None:  # read by window: the spans only now, for the rare sentence that repeats a pair
                words = ASCII_WORD if ascii_words(text) else WORD  # (the same words where every letter is ASCII)
                tokens = [m.span() for m in words.finditer(text, sentence.start, sentence.end)]
            twice = [n > 1 for n in map(Counter(pairs).__getitem__, pairs)]  # a pair said once repeats nothing
            seen: dict[tuple[str, str], int] = {}
            flagged: list[int] = []
            for i, key in enumerate(pairs):
                if not twice[i]:
                    continue
                (a_start, a_end), (b_start, b_end) = tokens[i], tokens[i + 1]
                w1, w2 = text[a_start:a_end], text[b_start:b_end]
                if not _qualifies(w1, w2) or not _phrase_ends(text, tokens, i + 2):
                    continue
                j = seen.get(key)
                seen[key] = i
                if j is None or i - j < 2 or i - j > window:
                    continue
                if article.in_quote(a_start):
                    continue
                flagged.append(a_start)
                yield Finding(a_start, b_end, f"'{w1} {w2}' repeated in the same sentence")
            for found in _repeated_phrases(article, tokens, low):
                if not any(found.start <= start < found.end for start in flagged):
                    yield found


_MIN_PHRASE, _MAX_PHRASE = 3, 8


def _sentence_words(article: Article, only_repeating: bool = False) -> Iterator[tuple[Span, list[tuple[int, int]] | None, list[str]]]:
    """Each sentence with its words' spans and their text lower-cased (the article's words
    that lie within it). Where white space (or the text's edge) stands on both sides of every
    sentence, no word crosses one, so each sentence's words are read from the lower-cased
    text in one ``findall`` over its window and the spans are left to the caller (None);
    otherwise from the article's word spans. With ``only_repeating``, the sentences the native
    core finds no repeat the rule reports in may be left out (``repeating_sentences``)."""
    text = article.text
    sentences = article.sentences
    lowered = _lowered(text)
    size = len(text)
    if lowered is not None and all((s.start == 0 or text[s.start - 1].isspace())
                                   and (s.end == size or text[s.end].isspace()) for s in sentences):
        # lower-casing keeps every character's class (tests/test_redundancy.py)
        ascii = ascii_words(text)
        findall = (ASCII_WORD if ascii else WORD).findall
        for sentence in _may_repeat(lowered, sentences) if ascii and only_repeating else sentences:
            yield sentence, None, findall(lowered, sentence.start, sentence.end)
        return
    words = article.word_spans
    wi = 0
    for sentence in sentences:
        while wi < len(words) and words[wi][0] < sentence.start:
            wi += 1
        first = wi
        while wi < len(words) and words[wi][1] <= sentence.end:
            wi += 1
        tokens = words[first:wi]
        if lowered is None:
            low = [text[start:end].lower() for start, end in tokens]
        else:
            low = [lowered[start:end] for start, end in tokens]
        yield sentence, tokens, low


def _may_repeat(lowered: str, sentences: list[Span]) -> list[Span]:
    """The sentences that may hold a repeat the rule reports (``repeating_sentences``): those
    the native core finds, or all of them without it (the caller looks at each)."""
    core = native.module()
    if core is None:
        return sentences
    try:
        found = core.repeating_sentences(lowered, [(s.start, s.end) for s in sentences], _FIRSTS)
    except UnicodeEncodeError:  # a lone surrogate (undecodable input)
        return sentences
    return [sentences[i] for i in found]


_FIRSTS = sorted(_POSSESSIVES)  # a repeated pair is reported only after one of these (_qualifies)


def repeating_sentences(lowered: str, spans: list[tuple[int, int]], firsts: list[str]) -> list[int]:
    """The indices of the sentences (``spans`` of ``lowered``) in which a pair of adjacent
    words (``ASCII_WORD``) starting with one of ``firsts`` occurs twice, or a run of
    ``_MIN_PHRASE`` to ``_MAX_PHRASE`` words is said twice in a row: where a repeat the rule
    reports can be. The Python twin of the native core's function."""
    out = []
    for i, (start, end) in enumerate(spans):
        words = ASCII_WORD.findall(lowered, start, end)
        pairs = [pair for pair in zip(words, words[1:]) if pair[0] in firsts]
        if len(set(pairs)) != len(pairs) or any(
                words[j - n : j] == words[j : j + n]
                for n in range(_MIN_PHRASE, _MAX_PHRASE + 1) for j in range(n, len(words) - n + 1)):
            out.append(i)
    return out


def _lowered(text: str) -> str | None:
    """The text lower-cased, when each character lower-cases to one character on its own
    (so a word's slice of it is the word lower-cased), else None. A capital sigma is left
    out: it lower-cases by what follows it."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) and "\u03a3" not in text else None


def _repeated_phrases(article: Article, tokens: list[tuple[int, int]], low: list[str]) -> Iterable[Finding]:
    """A phrase of 3-8 words with two content words said twice in a row ("in the middle of
    the table in the middle of the table"); the longest copy wins. Repeats further apart are
    mostly deliberate in native copy ("good enough to lead, not good enough to follow").
    ``tokens`` are the sentence's word spans, ``low`` their text lower-cased."""
    text = article.text
    covered = -1
    for j in range(len(low)):
        if tokens[j][0] <= covered:
            continue
        for n in range(min(_MAX_PHRASE, j), _MIN_PHRASE - 1, -1):  # n <= j: a copy fits before
            if j + n > len(low) or low[j - n] != low[j]:
                continue  # the cheap test first: most words do not start a copy of what went before
            phrase = low[j : j + n]
            if low[j - n : j] != phrase or sum(w not in _STOPWORDS and w.isalpha() for w in phrase) < 2:
                continue
            start, end = tokens[j][0], tokens[j + n - 1][1]
            if article.in_quote(start):
                continue
            yield Finding(start, end, f"'{text[start:end]}' repeated in the same sentence")
            covered = end
            break


def _phrase_ends(text: str, tokens: list[tuple[int, int]], k: int) -> bool:
    """Whether the noun phrase ends before token k ("his left | hand" does not)."""
    if k >= len(tokens):
        return True
    nxt = text[tokens[k][0] : tokens[k][1]]
    between = text[tokens[k - 1][1] : tokens[k][0]]
    return nxt.lower() in _STOPWORDS or not between.isspace()


def _qualifies(w1: str, w2: str) -> bool:
    """Possessive + noun ("its territory"); parallel content phrases ("best song ... best
    song") are too often deliberate in news copy to flag."""
    l2 = w2.lower()
    if l2 in _STOPWORDS or not w2.isalpha() or not w2.islower():
        return False
    return w1.lower() in _POSSESSIVES
