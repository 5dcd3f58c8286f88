"""How strongly an article reads as translated, and from which language.

A multinomial logistic regression (classes: native English, translated from Chinese,
translated from Russian) over phrase features mined from translated vs native news
(benchmarks/train_translation_model.py). Its weights ship as data
(``newslint/data/translation_model.json``): no runtime dependency, no download. The
signal is computed once per article, only when a rule asks for it, and is explainable:
the phrases that pushed the score up come with it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from collections import Counter
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from newslint.datacache import cached, modules
from newslint.pieces import PIECE_CHARS, pieces
from newslint.ordinary_phrases import worth_quoting

if TYPE_CHECKING:
    from newslint.article import Article

MODEL_PATH = Path(__file__).resolve().parent / "data" / "translation_model.json"
LANGUAGE_NAMES = {"zh": "Chinese", "ru": "Russian"}
MIN_WORDS = 100  # below this a text gives too little evidence: it never reads as translated (benchmarks/translation_min_words.py)
# An article scoring between SENTENCE_FLOOR and the threshold still reads as translated when
# at least MIN_MARKED_SENTENCES of its sentences, and MIN_MARKED_SHARE of them, read as
# translated to the sentence model (newslint/sentence_signal.py); one such sentence is enough
# from ONE_SENTENCE_FLOOR up, if it is MIN_ONE_SHARE of them. On held-out news (1,000-word
# sentence model) the two sentences add 1.7% of machine translations from Chinese and 1.3%
# from Russian to the gate, the one sentence 2.7% and 2.5% more, and neither adds any of
# 1,500 native articles (benchmarks/translation_heldout.py); the floor spares 95% of native
# articles the model. Two marked sentences need only a twentieth of a long article (a tenth
# until session 7): of the 473 native articles of 100 words or more between the floor and
# the threshold, none has two marked sentences (4 have one), so the share guarded nothing
# while it shut out long translations with two marks in 21-40 sentences.
SENTENCE_FLOOR = 0.2
ONE_SENTENCE_FLOOR = 0.3
MIN_MARKED_SENTENCES = 2
MIN_MARKED_SHARE = 0.05
MIN_ONE_SHARE = 0.1

_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+|[\"“”]")
_TOKENS = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*|[,;:]")
_MARKS = {",", ";", ":"}


def stem(token: str) -> str:
    """A crude inflection stem: plural, past and -ing endings folded together."""
    t = token.replace("’", "'")
    if t.endswith("'s"):
        t = t[:-2]
    if len(t) > 4 and t.endswith("ies"):
        return t[:-3] + "y"
    if len(t) > 5 and t.endswith("ing"):
        return t[:-3]
    if len(t) > 4 and t.endswith("ied"):
        return t[:-3] + "y"
    if len(t) > 4 and t.endswith("ed"):
        return t[:-2]
    if len(t) > 3 and t.endswith("es") and t[-3] in "sxzh":
        return t[:-2]
    if len(t) > 3 and t.endswith("s") and not t.endswith(("ss", "us", "is")):
        return t[:-1]
    if len(t) > 4 and t.endswith("e"):
        return t[:-1]
    return t


def ngrams(text: str, max_n: int) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(stem n-gram, surface n-gram) pairs within sentences; none starts or ends with a mark."""
    for sentence in _SENTENCES.split(text.lower()):
        tokens = _TOKENS.findall(sentence)
        stems = [stem(t) for t in tokens]
        for i in range(len(tokens)):
            if tokens[i] in _MARKS:
                continue
            for n in range(1, max_n + 1):
                j = i + n
                if j > len(tokens):
                    break
                if tokens[j - 1] in _MARKS:
                    continue
                yield tuple(stems[i:j]), tuple(tokens[i:j])


def word_count(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True)
class TranslationSignal:
    """The model's reading of one article."""

    probabilities: dict[str, float]  # "en", "zh", "ru" -> probability, summing to 1
    top_phrases: tuple[str, ...]  # surface forms that pushed towards the likeliest source
    threshold: float
    words: int = MIN_WORDS
    sentences: tuple[int, int] = (0, 0)  # (read as translated, read) when sentence evidence was taken

    @property
    def score(self) -> float:
        """Probability that the article is translated (from any language)."""
        return 1.0 - self.probabilities.get("en", 1.0)

    @property
    def language(self) -> str:
        """The likelier source language, "zh" or "ru"."""
        return max(("zh", "ru"), key=lambda c: self.probabilities.get(c, 0.0))

    @property
    def reads_translated(self) -> bool:
        return self.words >= MIN_WORDS and (self.score >= self.threshold or self.sentence_evidence)

    @property
    def sentence_evidence(self) -> bool:
        """Whether enough of the article's sentences read as translated (TR600's model) to
        count the article as translated though its own score fell short."""
        marked, read = self.sentences
        if marked >= MIN_MARKED_SENTENCES:
            return marked >= MIN_MARKED_SHARE * read
        return marked >= 1 and self.score >= ONE_SENTENCE_FLOOR and marked >= MIN_ONE_SHARE * read

    def rules_out(self, language: str) -> bool:
        """Whether the article clearly reads as translated from another language."""
        if not self.reads_translated:
            return False
        other = self.language
        return other != language and self.probabilities[other] >= 4 * self.probabilities.get(language, 0.0)

    def as_json(self) -> dict:
        return {
            "score": round(self.score, 3),
            "language": self.language if self.reads_translated else None,
            "probabilities": {k: round(v, 3) for k, v in self.probabilities.items()},
            "top_phrases": list(self.top_phrases),
            **({"sentences": {"translated": self.sentences[0], "read": self.sentences[1]}} if self.sentences[1] else {}),
        }


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    features: dict[str, int]  # stem n-gram ("promot the") -> column
    weights: tuple[tuple[float, ...], ...]  # per class, per column
    intercepts: tuple[float, ...]
    max_n: int
    threshold: float
    # the features as a tree of their stems: stem -> [column or None, the stems that may follow]
    tree: dict[str, list] = field(default_factory=dict)
    native: object = None  # the same tree in the native core (newslint/native.py), when built


def _read_json(path: Path) -> dict:
    import json  # only when the data cache is built

    data = json.loads(path.read_text(encoding="utf-8"))
    return {**data, "tree": _feature_tree(data["features"])}


def _feature_tree(features: list[str]) -> dict[str, list]:
    """Each feature's stems as a path from the root, its column where the path ends."""
    root: dict[str, list] = {}
    for col, feature in enumerate(features):
        children, stems = root, feature.split(" ")
        for k, stem_ in enumerate(stems):
            node = children.get(stem_)
            if node is None:
                node = children[stem_] = [None, {}]
            if k == len(stems) - 1:
                node[0] = col
            children = node[1]
    return root


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> Model:
    """The model at ``path``, from the data cache while the file is unchanged."""
    data = cached("translation-model", [path, *modules("translation_signal.py")], lambda: _read_json(path))
    features = {f: i for i, f in enumerate(data["features"])}
    return Model(
        classes=tuple(data["classes"]),
        features=features,
        weights=tuple(tuple(w) for w in data["weights"]),
        intercepts=tuple(data["intercepts"]),
        max_n=max(len(k.split(" ")) for k in features),
        threshold=float(data["threshold"]),
        tree=data["tree"],
        native=_native_model(data),
    )


def _native_model(data: dict) -> object:
    """The native core's copy of the model, or None (then the walk below runs in Python)."""
    from newslint import native

    core = native.module()
    return core.FeatureTrie(data["features"], data["weights"], data["intercepts"]) if core is not None else None


# The tokens of _TOKENS and the sentence breaks of _SENTENCES in one pass (a sentence end's
# mark read with the white space after it: no token holds . ! or ?). A break is kept as a
# token of its own, which no feature holds, so an n-gram stops there as at a sentence's end.
_TOKENS_AND_BREAKS = re.compile(rf"{_TOKENS.pattern}|[.!?]\s+|\n+|[\"“”]")


def _walk(text: str, model: Model) -> tuple[list[str], list[tuple[int, int, int]]]:
    """The text's tokens (its sentence breaks among them) and (feature column, start, end)
    for every feature occurrence, in order.

    Extends an n-gram only while it is the start of a feature (down the feature tree).
    """
    tokens = _TOKENS_AND_BREAKS.findall(text.lower())
    stems = list(map(_stem, tokens))
    n = len(stems)
    found: list[tuple[int, int, int]] = []
    add = found.append
    first_stems = model.tree.get
    for i, first in enumerate(stems):
        node = first_stems(first)
        j = i + 1
        while node is not None:
            col, following = node
            if col is not None:
                add((col, i, j))
            if j >= n or not following:
                break
            node = following.get(stems[j])
            j += 1
    return tokens, found


def _count(text: str, model: Model, counts: Counter[int]) -> None:
    """Add how often each feature occurs in ``text`` (columns in order of first occurrence)."""
    if model.native is not None:
        try:
            found = model.native.count(text.lower())
        except UnicodeEncodeError:  # a lone surrogate (undecodable input) has no UTF-8: walk in Python
            pass
        else:
            for col, n in found:
                counts[col] += n
            return
    counts.update(map(itemgetter(0), _walk(text, model)[1]))


def featurise(text: str, model: Model) -> dict[int, float]:
    """Feature values: log(1 + occurrences per 100 words)."""
    counts: Counter[int] = Counter()
    _count(text, model, counts)
    return _values(counts, word_count(text))


def _values(counts: dict[int, int], words: int) -> dict[int, float]:
    per = 100.0 / max(words, 50)
    return {c: math.log1p(n * per) for c, n in counts.items()}


def _surfaces(text: str, model: Model, wanted: set[int]) -> dict[int, str]:
    """The first surface form of each wanted feature (in order of occurrence)."""
    if model.native is not None:
        try:
            return dict(model.native.surfaces(text.lower(), sorted(wanted)))
        except UnicodeEncodeError:  # a lone surrogate (undecodable input): walk in Python
            pass
    found: dict[int, str] = {}
    tokens, occurrences = _walk(text, model)
    for col, i, j in occurrences:
        if col in wanted and col not in found:
            found[col] = " ".join(tokens[i:j])
    return found


_stem = lru_cache(maxsize=65536)(stem)


def read(text: str, model: Model | None = None) -> TranslationSignal:
    """The signal for a text."""
    model = model or load_model()
    if model.native is not None:
        try:
            found, logits, words = model.native.read_words(text.lower())  # words: word_count(text)
        except UnicodeEncodeError:  # a lone surrogate (undecodable input): read in Python
            pass
        else:
            return _signal(dict(found), words, logits, lambda: (text,), model)
    return read_parts(lambda: (text,), model)


def read_parts(parts: Callable[[], Iterable[str]], model: Model | None = None) -> TranslationSignal:
    """The signal for a text given as consecutive parts, each cut where a sentence ends (at
    a line break); ``parts()`` is called again when the telling phrases are wanted. The same
    signal as for the joined text, without holding it whole (newslint/pieces.py)."""
    model = model or load_model()
    counts: Counter[int] = Counter()
    words = 0
    for part in parts():
        _count(part, model, counts)
        words += word_count(part)
    return _signal(counts, words, class_logits(_values(counts, words), model), parts, model)


def class_logits(values: dict[int, float], model: Model) -> list[float]:
    """Each class's logit: its intercept plus its weights times the values, added in the
    values' order one by one (as the native core adds them, on every Python version)."""
    out = []
    for w, b in zip(model.weights, model.intercepts):
        total = 0.0
        for c, v in values.items():
            total += w[c] * v
        out.append(b + total)
    return out


def _signal(counts: dict[int, int], words: int, logits: list[float], parts: Callable[[], Iterable[str]],
            model: Model) -> TranslationSignal:
    """The signal from the feature counts and the class logits; the telling phrases are
    looked up in ``parts()`` only when the text reads as translated."""
    top = max(logits)
    exp = [math.exp(x - top) for x in logits]
    total = sum(exp)
    probs = {c: e / total for c, e in zip(model.classes, exp)}
    signal = TranslationSignal(probs, (), model.threshold, words)
    if not signal.reads_translated:
        return signal
    values = _values(counts, words)
    li, ni = model.classes.index(signal.language), model.classes.index("en")
    push = sorted(((model.weights[li][c] - model.weights[ni][c]) * v, c) for c, v in values.items())
    best = [c for gain, c in push[-40:] if gain > 0]
    surfaces: dict[int, str] = {}
    for part in parts():
        for col, surface in _surfaces(part, model, set(best) - set(surfaces)).items():
            surfaces.setdefault(col, surface)
    return TranslationSignal(probs, _telling([(1.0, c) for c in best], surfaces), model.threshold, words)


def _telling(push: list[tuple[float, int]], surfaces: dict[int, str], limit: int = 5) -> tuple[str, ...]:
    """The phrases that raised the score most and are worth quoting to an editor (not
    "on the" or "according to": newslint/ordinary_phrases.py), longer ones first, and no
    phrase that overlaps one already listed."""
    ranked = [surfaces[c] for gain, c in reversed(push)
              if gain > 0 and c in surfaces and worth_quoting(surfaces[c].split(), surfaces[c])]
    out: list[str] = []
    for phrase in sorted(ranked, key=lambda p: " " not in p):  # stable: multi-word first
        if not any(_overlap(phrase, o) for o in out):
            out.append(phrase)
        if len(out) == limit:
            break
    return tuple(out)


def _overlap(a: str, b: str) -> bool:
    """Whether two phrases share two consecutive words or one holds the other
    ("it is reported" and "is reported that")."""
    if f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    return bool(_word_pairs(a) & _word_pairs(b))


def _word_pairs(phrase: str) -> set[tuple[str, str]]:
    words = phrase.split()
    return set(zip(words, words[1:]))


def of(article: "Article") -> TranslationSignal:
    """The article's signal, computed once and kept in the article's cache; a very large
    article is read piece by piece (the same signal, without holding its words at once)."""
    cached = article.cache.get(of)
    if cached is None:
        text = article.text
        if len(text) > PIECE_CHARS:
            cached = read_parts(lambda: (piece.own_text for piece in pieces(text)))
        else:
            cached = _with_sentence_evidence(article, read(text))
        article.cache[of] = cached
    return cached


def _with_sentence_evidence(article: "Article", signal: TranslationSignal) -> TranslationSignal:
    """The signal, with the sentence model's reading added when the article score is short
    of the threshold but above SENTENCE_FLOOR."""
    if signal.reads_translated or signal.words < MIN_WORDS or signal.score < SENTENCE_FLOOR:
        return signal
    from newslint import sentence_signal  # it reads this module: imported late

    return replace(signal, sentences=sentence_signal.marked_share(article))
