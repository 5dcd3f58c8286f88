"""Train the sentence-level translation model and write newslint/data/sentence_model.json.

Usage: python benchmarks/train_sentence_model.py [--vocabulary N] [--c C] [--min-weight W]
       (needs scikit-learn: pip install -e '.[bench]')

Sentences (newslint's own splitter, at least MIN_WORDS words) of English translated from
Chinese or Russian (WMT human references and MT systems, at most four translations of a
story so that no story dominates) against sentences of native news (BBC, Reuters-21578,
Anglosphere WMT originals). Only the mining split is read for training
(translated_corpus.split_of); a fifth of its stories is kept aside to choose the
threshold, and every figure printed at the end is on the held-out split.

A sentence is seen by its shape (newslint/sentence_signal.py): the N commonest lower-case
words stay, other words become <w>, capitalised words <C>, numbers <n>; features are
shape 1-4-grams in at least MIN_DF sentences. Model: logistic regression, balanced
classes, L2. The threshold is the lowest probability (and at least FLOOR) above which at
most NATIVE_BUDGET of the calibration stories' native sentences fall.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translated_corpus import Doc, native_docs, split_of, translated_docs  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.sentence_signal import MODEL_PATH, features, shape  # noqa: E402
from newslint.translation_signal import stem  # noqa: E402

MIN_WORDS = 8
MIN_DF = 5
MAX_TRANSLATIONS = 4
NATIVE_BUDGET = 0.0015
FLOOR = 0.98


def sentences(doc: Doc) -> list[str]:
    article = Article(doc.text + "\n", doc.group)
    out = []
    for span in article.sentences:
        text = article.text[span.start:span.end]
        if len(text.split()) >= MIN_WORDS:
            out.append(text)
    return out


def calibration(group: str) -> bool:
    """A fifth of the mining stories, kept out of training to choose the threshold."""
    return int(hashlib.sha1(group.encode("utf-8")).hexdigest()[:6], 16) % 5 == 0


def corpus(split: str) -> list[tuple[str, str, int]]:
    """(story, sentence, label) with label 1 for translated, 0 for native."""
    rng = random.Random(7)
    rows: list[tuple[str, str, int]] = []
    per_story: Counter = Counter()
    for lang in ("zh", "ru"):
        docs = [d for d in translated_docs(lang) if d.split == split]
        rng.shuffle(docs)
        for d in docs:
            if per_story[d.group] >= MAX_TRANSLATIONS:
                continue
            per_story[d.group] += 1
            rows.extend((d.group, s, 1) for s in sentences(d))
    for d in native_docs():
        if split_of(d.group) == split:
            rows.extend((d.group, s, 0) for s in sentences(d))
    return rows


def build_vocabulary(rows: list[tuple[str, str, int]], size: int) -> list[str]:
    """The commonest lower-case stems, counted over both classes alike."""
    import re

    counts: Counter = Counter()
    for _, sentence, _ in rows:
        counts.update(stem(w.lower()) for w in re.findall(r"\b[a-z][a-z'’-]*", sentence))
    return [w for w, _ in counts.most_common(size)]


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--vocabulary", type=int, default=1000)
    parser.add_argument("--c", type=float, default=0.5)
    parser.add_argument("--min-weight", type=float, default=0.1)
    args = parser.parse_args()

    mining = corpus("mine")
    train = [r for r in mining if not calibration(r[0])]
    calib = [r for r in mining if calibration(r[0])]
    vocabulary = frozenset(build_vocabulary(train, args.vocabulary))

    def featurise(rows):
        return [{k: 1 for k in features(shape(s, vocabulary))} for _, s, _ in rows]

    vec = DictVectorizer()
    x_train = vec.fit_transform(featurise(train))
    keep = np.asarray((x_train > 0).sum(axis=0)).ravel() >= MIN_DF
    names = np.array(vec.get_feature_names_out())[keep]
    clf = LogisticRegression(C=args.c, max_iter=3000, class_weight="balanced")
    clf.fit(x_train[:, keep], [r[2] for r in train])
    weights = {str(n): round(float(w), 3) for n, w in zip(names, clf.coef_[0]) if abs(w) >= args.min_weight}
    intercept = float(clf.intercept_[0])

    def probabilities(rows):
        out = []
        for _, s, _ in rows:
            z = intercept + sum(weights.get(k, 0.0) for k in features(shape(s, vocabulary)))
            out.append(1 / (1 + np.exp(-z)))
        return np.array(out)

    p_calib = probabilities(calib)
    native_calib = np.sort(p_calib[[r[2] == 0 for r in calib]])
    threshold = max(FLOOR, float(native_calib[int(len(native_calib) * (1 - NATIVE_BUDGET))]))
    MODEL_PATH.write_text(json.dumps({
        "about": "Sentence-level translated-vs-native model (benchmarks/train_sentence_model.py).",
        "vocabulary": sorted(vocabulary), "weights": weights, "intercept": round(intercept, 4),
        "threshold": round(threshold, 4), "min_words": MIN_WORDS,
    }, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    held = corpus("held")
    p_held = probabilities(held)
    labels = np.array([r[2] for r in held])
    print(f"features kept {len(weights)} of {len(names)}; threshold {threshold:.4f}; "
          f"model {MODEL_PATH.stat().st_size // 1024} KB")
    print(f"held-out sentences: {len(held)} ({labels.sum()} translated); AUC {roc_auc_score(labels, p_held):.3f}")
    print(f"  at the threshold: {100 * (p_held[labels == 1] >= threshold).mean():.1f}% of translated sentences, "
          f"{100 * (p_held[labels == 0] >= threshold).mean():.2f}% of native sentences")


if __name__ == "__main__":
    main()
