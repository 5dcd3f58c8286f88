"""Which sentences of an article read as translated, and the phrases that say so.

The article-level signal (``translation_signal``) says whether a whole article reads as
translated. This model looks at one sentence at a time, so that an editor can be pointed
at the sentences to rewrite. It sees a sentence's *shape*, not its topic: the 1,000 commonest
words of news English stay as they are (the, of, said, according, further...), every other
word becomes ``<w>``, a capitalised word inside the sentence ``<C>`` and a number ``<n>``.
Features are the 1-4-grams of that shape ("said that", "that is ,", "the <w> of the <w>
of"); a logistic regression trained on sentences of translated and native news (mining
split only; ``benchmarks/train_sentence_model.py``) weighs them. The weights ship as
``newslint/data/sentence_model.json`` and are read only for articles that need them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Callable
from functools import lru_cache
from pathlib import Path

from newslint.article import Article, Span, per_article
from newslint.ascii_words import ascii_words_in
from newslint.datacache import WithBlob, cached, modules
from newslint.sharded import Buckets
from newslint.ordinary_phrases import FUNCTION_WORDS, is_ordinary, worth_quoting
from newslint.translation_signal import stem

MODEL_PATH = Path(__file__).resolve().parent / "data" / "sentence_model.json"
MAX_N = 4
_TOKENS = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|\d[\d,.]*|[,;:]")
_PLACEHOLDERS = frozenset({"<w>", "<C>", "<n>", ",", ";", ":"})
# Phrases the model weighs (translations use them more) that are still ordinary English: they
# count towards the score but are not quoted as the reason (a by-eye judge found them unhelpful).


@dataclass(frozen=True)
class SentenceModel:
    vocabulary: frozenset[str]
    weights: Buckets  # feature -> weight (``get``, or ``weights.asked[feature]``: None when absent)
    intercept: float
    threshold: float
    min_words: int
    native: Any = None  # the native core's shaper of this vocabulary (newslint/native.py), when built
    table: Any = None  # the weights as the native core's word table, when built (``_weights_table``)


def _packed() -> WithBlob:
    """The model for the data cache: its 40,000 weights in buckets (newslint/sharded.py),
    so that scoring one article unpacks the weights of its features, not all of them
    (about 9 ms of a cold start)."""
    import json  # only when the data cache is built

    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    head, blob = Buckets.pack(data["weights"])
    return WithBlob((data["vocabulary"], head, data["intercept"], data["threshold"], data["min_words"]), blob)


@lru_cache(maxsize=1)
def model() -> SentenceModel:
    """The model, from the data cache."""
    (vocabulary, head, intercept, threshold, min_words), blob = cached(
        "sentence-model", [MODEL_PATH, *modules("sentence_signal.py", "sharded.py")], _packed)
    shaper = _native_shaper(vocabulary)
    return SentenceModel(frozenset(vocabulary), Buckets.mapped(head, blob), intercept, threshold, min_words,
                         shaper, _weights_table() if shaper is not None else None)


def _weights_table() -> Any:
    """The model's weights as a native word table of floats (native/src/word_table.rs), built
    once into the data cache and read in place from its mapped file: the shaper scores a
    worker's first sentences with it, where the Python buckets unpacked the weights of their
    features one by one (thousands per worker) until the run read them whole. None without
    the native core (or if the table cannot be built)."""
    from newslint import native

    core = native.module()
    if core is None:
        return None
    try:
        _, blob = cached("sentence-weights", [MODEL_PATH, *modules("sentence_signal.py")],
                         lambda: WithBlob(None, _built_weights(core)), extra=f"abi {native.ABI}")
        return core.WordTable(blob)  # a memoryview of the mapped cache file, held by the table
    except Exception:  # noqa: BLE001 - the buckets answer the same, only slower
        return None


def _built_weights(core: Any) -> bytes:
    """The word table of every weight of the model."""
    import json  # only when the data cache is built

    weights = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["weights"]
    return core.WordTable.build(list(weights), floats=[float(w) for w in weights.values()])


def _native_shaper(vocabulary: list[str]) -> Any:
    """The native core's twin of ``shape`` and ``features`` for this vocabulary, or None."""
    from newslint import native

    core = native.module()
    return core.SentenceShaper(list(vocabulary)) if core is not None else None


_stem = lru_cache(maxsize=1 << 16)(stem)  # the same words recur in every article


def shape(sentence: str, vocabulary: frozenset[str]) -> list[tuple[str, int, int]]:
    """(shape token, start, end) for each word of ``sentence``."""
    out = []
    for i, m in enumerate(_TOKENS.finditer(sentence)):
        token = m.group()
        if token[0].isdigit():
            key = "<n>"
        elif token[0].isupper() and i > 0:
            key = "<C>"
        elif token in ",;:":
            key = token
        else:
            key = _stem(token.lower())
            key = key if key in vocabulary else "<w>"
        out.append((key, m.start(), m.end()))
    return out


def features(tokens: list[tuple[str, int, int]]) -> dict[str, tuple[int, int]]:
    """Each shape n-gram of a sentence, with the character span of its first occurrence."""
    found: dict[str, tuple[int, int]] = {}
    keys = [t[0] for t in tokens]
    starts = [t[1] for t in tokens]
    ends = [t[2] for t in tokens]
    for n in range(1, MAX_N + 1):
        grams = keys if n == 1 else map(" ".join, zip(*(keys[k:] for k in range(n))))
        for key, start, end in zip(grams, starts, ends[n - 1:]):
            if key not in found:
                found[key] = (start, end)
    return found


@dataclass(frozen=True)
class SentenceReading:
    """The model's reading of one sentence."""

    start: int
    end: int
    probability: float
    phrases: tuple[str, ...]  # surface text of the features that raised it most


def score(sentence: str, m: SentenceModel | None = None) -> tuple[float, list[tuple[float, str, tuple[int, int]]]]:
    """P(translated) of one sentence and its features with positive weight (weight, key, span)."""
    m = m or model()
    scored = _native_score(sentence, m)
    if scored is not None:
        z, positive = scored
    else:
        z = m.intercept
        positive = []
        weight = m.weights.getter()  # a feature seen before costs a dict look-up in C
        for key, start, end in _features(sentence, m):
            w = weight(key)
            if w is None:
                continue
            z += w
            if w > 0:
                positive.append((w, key, (start, end)))
    positive.sort(reverse=True)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), positive


def _native_score(sentence: str, m: SentenceModel) -> tuple[float, list[tuple[float, str, tuple[int, int]]]] | None:
    """``score``'s sum and positive features from the native core, where the sentence's word
    characters are ASCII: with the weights' word table, or once the run has read the weights
    whole (a long run: newslint/sharded.py ``Buckets``); None otherwise (then they are added
    up here)."""
    shaper = m.native
    if shaper is None or not ascii_words_in(sentence):
        return None
    if m.table is not None:
        try:
            return shaper.score_in(sentence, m.intercept, m.table)  # type: ignore[no-any-return]
        except UnicodeEncodeError:  # a lone surrogate (undecodable input)
            return None
    whole = m.weights.whole
    if whole is None:
        return None
    if not shaper.has_weights():
        shaper.take_weights(whole)
    try:
        return shaper.score(sentence, m.intercept)
    except UnicodeEncodeError:  # a lone surrogate (undecodable input)
        return None


def _features(sentence: str, m: SentenceModel) -> list[tuple[str, int, int]]:
    """``features(shape(sentence))`` as (key, start, end) in the dict's order: from the native
    core where the sentence's word characters are all ASCII."""
    if m.native is not None and ascii_words_in(sentence):
        try:
            return m.native.features(sentence)
        except UnicodeEncodeError:  # a lone surrogate (undecodable input): shape it in Python
            pass
    return [(key, start, end) for key, (start, end) in features(shape(sentence, m.vocabulary)).items()]


def _explainable(key: str, surface: str) -> bool:
    """A feature worth quoting to an editor: two real words, one of them more than a
    function word, and not a phrase that is merely commoner in translation ("said that",
    "according to": ordinary English an editor would leave)."""
    return _quotable_key(key) and not is_ordinary(surface)


@lru_cache(maxsize=1 << 16)  # a few thousand keys recur in every sentence's positive features
def _quotable_key(key: str) -> bool:
    """``worth_quoting``'s test of the words, on a feature's key: two or more real words
    (placeholders left out), one of them more than a function word."""
    words = [t for t in key.split() if t not in _PLACEHOLDERS]
    return len(words) >= 2 and not all(w.lower() in FUNCTION_WORDS for w in words)


# A sentence the model leans towards reading as translated (from this probability up to the
# threshold) is marked too when another rule flags a translated phrase in it: the two
# readings together are as telling as the model's alone above the threshold
# (benchmarks/README: by-eye judging of such sentences on held-out machine translation).
SUPPORTED_FLOOR = 0.9


@per_article
def readings(article: Article) -> list[SentenceReading]:
    """The sentences of ``article`` the model reads as translated (probability >= threshold)."""
    return _readings(article, model().threshold, 1.0)


@per_article
def leaning(article: Article) -> list[SentenceReading]:
    """The sentences the model leans towards reading as translated but not enough on its own
    (``SUPPORTED_FLOOR`` <= probability < threshold)."""
    return _readings(article, SUPPORTED_FLOOR, model().threshold)


@per_article
def _scored(article: Article) -> list[tuple[Span, str, float, list[tuple[float, str, tuple[int, int]]]]]:
    """(span, text, probability, positive features) of each sentence long enough to read and
    mostly not quotation: scored once, for ``readings`` and ``leaning`` alike."""
    m = model()
    floor = _floor(m)
    out = []
    for span in article.sentences:
        text = article.text[span.start:span.end]
        if len(text.split()) < m.min_words:
            continue
        p, positive = score(text, m)
        if p >= floor and not _direct_quote(article, span.start, span.end):
            out.append((span, text, p, positive))
    return out


def awkward(article: Article, language: str) -> list[SentenceReading]:
    """The sentences the model leans towards (from the awkwardness reading's floor for copy
    translated from ``language`` up to the threshold) that the awkwardness model
    (``awkward_signal``, trained on what expert raters marked) reads as holding an error an
    editor would see."""
    from newslint import awkward_signal  # loaded only for copy that reads as translated

    reading = awkward_signal.READINGS[language]
    am, m = awkward_signal.model(), model()
    out = []
    for span, text, p, positive in _scored(article):
        if reading.floor <= p < m.threshold and awkward_signal.probability(text, am) >= reading.threshold:
            phrases = _phrases(text, positive, lambda a, b, at=span.start: _touches_quote(article, at + a, at + b))
            out.append(SentenceReading(span.start, span.end, p, tuple(phrases)))
    return out


def _floor(m: SentenceModel) -> float:
    """The least probability any reading looks at (leaning, awkward)."""
    from newslint import awkward_signal

    return min(SUPPORTED_FLOOR, *(r.floor for r in awkward_signal.READINGS.values()), m.threshold)


def _readings(article: Article, low: float, high: float) -> list[SentenceReading]:
    """The scored sentences with low <= probability < high (high 1.0 takes certainty too)."""
    out = []
    for span, text, p, positive in _scored(article):
        if p < low or (p >= high and high < 1.0):
            continue
        phrases = _phrases(text, positive, lambda a, b, at=span.start: _touches_quote(article, at + a, at + b))
        out.append(SentenceReading(span.start, span.end, p, tuple(phrases)))
    return out


def _direct_quote(article: Article, start: int, end: int) -> bool:
    """Whether the sentence is mostly someone's words in quotation marks (four-fifths of its
    letters): editors rarely recast a quote, so TR600 leaves it to the phrase rules."""
    text = article.text
    inner = _letters(text, start, end)
    return bool(inner) and sum(_letters(text, a, b) for a, b in article.quotes.within(start, end)) >= 0.8 * inner


def _touches_quote(article: Article, start: int, end: int) -> bool:
    """Whether a phrase has a word inside quotation marks: someone's own words (often a
    quoted slip, "to “determin its own"), not what makes the reporter's sentence read as
    translated."""
    text = article.text
    return any(_letters(text, a, b) for a, b in article.quotes.within(start, end))


def _letters(text: str, start: int, end: int) -> int:
    """How many letters and digits (``str.isalnum``) ``text[start:end]`` holds."""
    return sum(map(str.isalnum, text[start:end]))


def marked_share(article: Article) -> tuple[int, int]:
    """(sentences read as translated, sentences long enough to read) in ``article``."""
    m = model()
    read = sum(1 for span in article.sentences if len(article.text[span.start:span.end].split()) >= m.min_words)
    return len(readings(article)), read


MAX_QUOTED_WORDS = 4
_STRONG = 0.3  # features weighing less do not extend a quoted phrase


def _phrases(text: str, positive: list[tuple[float, str, tuple[int, int]]],
             skip: Callable[[int, int], bool] | None = None, most: int = 3) -> tuple[str, ...]:
    """Up to ``most`` phrases to quote: each strong explainable feature, widened by the
    strong features that overlap it ("out that" -> "pointed out that"), heaviest first;
    none for which ``skip(start, end)`` says so."""
    strong = [(w, (a, b)) for w, _, (a, b) in positive if w >= _STRONG]
    quoted: list[str] = []
    taken: list[tuple[int, int]] = []
    for _, key, (a, b) in positive:
        surface = text[a:b]
        if not _explainable(key, surface) or any(a < e and s < b for s, e in taken):
            continue
        start, end = a, b
        for _w, (c, d) in strong:  # one widening pass over overlapping strong features
            if c < end and start < d and len(text[min(start, c):max(end, d)].split()) <= MAX_QUOTED_WORDS:
                start, end = min(start, c), max(end, d)
        phrase = " ".join(text[start:end].split()).strip(" ,;:")
        if _explainable_text(phrase) and not (skip and skip(start, end)):
            quoted.append(phrase)
            taken.append((start, end))
        if len(quoted) == most:
            break
    return tuple(quoted)


def _explainable_text(phrase: str) -> bool:
    """A widened phrase is still worth quoting (not only function words, not ordinary)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", phrase)]
    return any(w not in FUNCTION_WORDS for w in words) and not is_ordinary(phrase)
