"""Train the article-level translation signal and write newslint/data/translation_model.json.

Usage: python benchmarks/train_translation_model.py [--features-per-class N] [--c C]
       (needs scikit-learn: pip install -e '.[bench]')

Classes: native English news (BBC, Reuters-21578, Anglosphere WMT originals), English
translated from Chinese, from Russian (WMT human references and MT systems). Trained on
the mining split only (translated_corpus.split_of); every figure printed is on the
held-out split, whose source stories the model never saw.

Features: stem n-grams of 1-3 words chosen per class by log-odds with an informative
Dirichlet prior over document frequencies (the same statistic as mine_calques.py), without
names, numbers and months (topic, not style): a story about China written natively must
not read as translated because it says "Beijing". Value: log(1 + occurrences per 100
words). Model: multinomial logistic regression, balanced class weights, L2.
The threshold on P(translated) is the lowest that keeps native mining-split articles
reading as translated under NATIVE_BUDGET, scored by 5-fold cross-validation by story.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translated_corpus import Doc, native_docs, translated_docs  # noqa: E402

from newslint.translation_signal import MODEL_PATH, load_model, ngrams, read, stem  # noqa: E402

MAX_N = 3
NATIVE_BUDGET = 0.01  # share of native held-out articles allowed to read as translated
CLASSES = ("en", "zh", "ru")
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def proper_nouns(docs: list[Doc]) -> set[str]:
    """Stems of words capitalised in most of their occurrences away from a sentence start."""
    caps: Counter = Counter()
    total: Counter = Counter()
    for d in docs:
        for seg in d.segments:
            words = _WORD.findall(seg)
            for prev, w in zip(words, words[1:]):
                low = w.lower()
                total[low] += 1
                if w[0].isupper():
                    caps[low] += 1
    return {stem(w) for w, n in total.items() if n >= 3 and caps[w] / n >= 0.5}


def _style(key: tuple[str, ...], banned: set[str]) -> bool:
    """Style, not topic: no name, number or month; a single word only if it is a function
    word; a longer n-gram only with at least one function word in it."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    if any(t in banned or t in MONTHS or t[:1].isdigit() for t in key):
        return False
    function = {stem(w) for w in ENGLISH_STOP_WORDS} | set(ENGLISH_STOP_WORDS)
    return any(t in function for t in key) if len(key) > 1 else key[0] in function


def doc_features(doc: Doc) -> Counter:
    return Counter(key for key, _ in ngrams(doc.text, MAX_N))


def select_features(docs: list[Doc], counts: list[Counter], banned: set[str], per_class: int) -> list[tuple[str, ...]]:
    """Top n-grams by log-odds z for each class against the other two."""
    df = {c: Counter() for c in CLASSES}
    groups: dict[tuple, set] = defaultdict(set)
    n_docs = Counter(d.lang for d in docs)
    for d, cnt in zip(docs, counts):
        df[d.lang].update(cnt.keys())
        if d.lang != "en":
            for k in cnt:
                groups[k].add(d.group)
    chosen: list[tuple[str, ...]] = []
    for c in CLASSES:
        rest = [o for o in CLASSES if o != c]
        scored = []
        for key, y in df[c].items():
            if y < 10 or not _style(key, banned):
                continue
            if c != "en" and len(groups[key]) < 5:
                continue  # one story's words, however often its translators repeat them
            y_rest = sum(df[o][key] for o in rest)
            n_a, n_b = n_docs[c], sum(n_docs[o] for o in rest)
            prior = 20.0 * (y + y_rest) / (n_a + n_b)
            delta = math.log((y + prior) / (n_a - y + 20.0 - prior)) - math.log((y_rest + prior) / (n_b - y_rest + 20.0 - prior))
            scored.append((delta / math.sqrt(1 / (y + prior) + 1 / (y_rest + prior)), key))
        scored.sort(reverse=True)
        chosen.extend(k for _, k in scored[:per_class])
    return list(dict.fromkeys(chosen))


def matrix(counts: list[Counter], docs: list[Doc], index: dict[tuple, int]):
    from scipy.sparse import lil_matrix

    x = lil_matrix((len(docs), len(index)))
    for i, (d, cnt) in enumerate(zip(docs, counts)):
        per = 100.0 / max(len(d.text.split()), 50)
        for key, n in cnt.items():
            j = index.get(key)
            if j is not None:
                x[i, j] = math.log1p(n * per)
    return x.tocsr()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--features-per-class", type=int, default=400)
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    args = parser.parse_args()
    from sklearn.linear_model import LogisticRegression

    native = native_docs()
    translated = translated_docs("zh") + translated_docs("ru")
    docs = native + translated
    banned = proper_nouns(docs)
    mine = [d for d in docs if d.split == "mine"]
    held = [d for d in docs if d.split == "held"]
    print(f"mining split {len(mine)} docs, held-out {len(held)}; {len(banned)} proper nouns excluded", file=sys.stderr)
    mine_counts = [doc_features(d) for d in mine]
    features = select_features(mine, mine_counts, banned, args.features_per_class)
    index = {k: i for i, k in enumerate(features)}
    x = matrix(mine_counts, mine, index)
    y = [d.lang for d in mine]
    # Every story's translations share one weight: a story with ten translations is one story.
    per_group = Counter(d.group for d in mine)
    per_class = Counter()
    for d in mine:
        per_class[d.lang] += 1 / per_group[d.group]
    weights = [1 / per_group[d.group] / per_class[d.lang] for d in mine]
    clf = LogisticRegression(C=args.c, max_iter=3000, class_weight=None)
    clf.fit(x, y, sample_weight=[w * len(mine) / 3 for w in weights])
    order = [list(clf.classes_).index(c) for c in CLASSES]
    model_json = {
        "about": "newslint translation signal: multinomial logistic regression over stem n-grams; "
                 "trained by benchmarks/train_translation_model.py on the mining split of WMT20-23 "
                 "zh-en/ru-en news (human references and MT systems) vs BBC, Reuters-21578 and "
                 "Anglosphere WMT English originals. Derived weights only; no text.",
        "classes": list(CLASSES),
        "features": [" ".join(k) for k in features],
        "weights": [[round(float(w), 4) for w in clf.coef_[i]] for i in order],
        "intercepts": [round(float(clf.intercept_[i]), 4) for i in order],
        "threshold": 0.5,
    }
    native_scores = sorted(cross_validated_native_scores(x, y, mine, weights, args.c))
    cut = native_scores[min(len(native_scores) - 1, int(len(native_scores) * (1 - NATIVE_BUDGET)))]
    threshold = round(max(0.5, cut + 1e-3), 3)
    model_json["threshold"] = threshold
    MODEL_PATH.parent.mkdir(exist_ok=True)
    MODEL_PATH.write_text(json.dumps(model_json, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(features)} features -> {MODEL_PATH} (threshold {threshold})")
    load_model.cache_clear()
    model = load_model()
    report([(d, read(d.text, model)) for d in held], threshold)


def cross_validated_native_scores(x, y, docs: list[Doc], weights: list[float], c: float) -> list[float]:
    """P(translated) of each native mining-split article from a model that did not see it."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    scores = []
    groups = [d.group for d in docs]
    for train, test in GroupKFold(n_splits=5).split(x, y, groups):
        clf = LogisticRegression(C=c, max_iter=3000)
        clf.fit(x[train], [y[i] for i in train], sample_weight=[weights[i] * len(docs) / 3 for i in train])
        en = list(clf.classes_).index("en")
        probs = clf.predict_proba(x[test])
        scores.extend(1 - p[en] for i, p in zip(test, probs) if y[i] == "en")
    return scores


def report(held_scores, threshold: float) -> None:
    """Held-out figures: reads-as-translated rate per corpus, and source-language accuracy."""
    rows = defaultdict(lambda: [0, 0, 0])  # docs, read translated, right language
    for d, s in held_scores:
        key = f"{d.lang}-{d.translator}" if d.lang != "en" else f"native-{d.system if d.system in ('bbc', 'reuters') else 'wmt'}"
        r = rows[key]
        r[0] += 1
        if s.score >= threshold:
            r[1] += 1
            r[2] += d.lang != "en" and s.language == d.lang
    print(f"{'held-out':14} {'docs':>5} {'read as translated':>19} {'right language':>15}")
    for key in sorted(rows):
        n, t, right = rows[key]
        lang = f"{100 * right / t:.1f}%" if t and not key.startswith("native") else "-"
        print(f"{key:14} {n:5} {100 * t / n:18.1f}% {lang:>15}")


if __name__ == "__main__":
    main()
