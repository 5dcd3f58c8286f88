"""Whether a sentence likely holds an error an editor would see: the second reading of TR600.

The sentence model (``sentence_signal``) learns "translated vs native", so a fluent
translation reads as translated too. This model learns what experts marked: trained on
machine- and human-translated Chinese->English news rated by professional translators (WMT20,
WMT21, WMT23 MQM; mining split only; ``benchmarks/train_awkward_model.py``), it weighs the
same sentence shapes (``sentence_signal.shape`` / ``features``, its own kept words) plus the
sentence's length and commas, to tell a sentence in which most raters marked a grammar,
fluency or style error from one in which no rater marked anything. A sentence the sentence
model leans towards (from ``floor``) is marked when this model also reads it as awkward
(from ``threshold``). The weights ship as ``newslint/data/awkward_model.json``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newslint.datacache import cached, modules
from newslint.sentence_signal import features, shape

MODEL_PATH = Path(__file__).resolve().parent / "data" / "awkward_model.json"


@dataclass(frozen=True)
class AwkwardModel:
    vocabulary: frozenset[str]
    weights: dict[str, float]
    intercept: float
    threshold: float  # least awkwardness probability that marks a sentence
    floor: float  # least sentence-model probability (translated) it applies to


def _read_json() -> dict:
    import json  # only when the data cache is built

    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def model() -> AwkwardModel:
    data = cached("awkward-model", [MODEL_PATH, *modules("awkward_signal.py")], _read_json)
    return AwkwardModel(frozenset(data["vocabulary"]), data["weights"], data["intercept"],
                        data["threshold"], data["floor"])


def extra_features(sentence: str) -> list[str]:
    """Cheap whole-sentence features: length in eight-word steps and commas (capped)."""
    return [f"len:{min(len(sentence.split()) // 8, 6)}", f"comma:{min(sentence.count(','), 5)}"]


def feature_keys(sentence: str, vocabulary: frozenset[str]) -> list[str]:
    """Every feature of one sentence (shape n-grams and the whole-sentence ones)."""
    return [*features(shape(sentence, vocabulary)), *extra_features(sentence)]


def probability(sentence: str, m: AwkwardModel | None = None) -> float:
    """P(most raters would mark a visible error in the sentence)."""
    m = m or model()
    z = m.intercept + sum(m.weights.get(k, 0.0) for k in feature_keys(sentence, m.vocabulary))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
