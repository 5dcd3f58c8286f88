"""Mine phrases that mark English translated from Chinese or Russian, against native news.

Usage: python benchmarks/mine_calques.py [--lang zh|ru|both] [--top N] [--min-groups K]

Method (Monroe, Colaresi & Quinn 2008, "Fightin' Words"): the log-odds ratio of each
n-gram (1-6 words, over crude stems so "maintained/maintains/maintaining" count as one)
between translated and native news, with an informative Dirichlet prior taken from both
corpora together, divided by its standard deviation (a z-score). Counts are occurrences
capped at 3 per document, and a translated document counts 1/k when its source story has k
translations (human references and MT systems), so one story's topic words can weigh at
most one document. Only the mining split (translated_corpus.split_of == "mine") is read.

Writes benchmarks/results/mined_<lang>.tsv (kept in git: n-grams and counts only, no
text) with: z, log-odds, translated weighted occurrences, source stories,
native documents, the most frequent surface form. Contexts for review go to
benchmarks/out/mined_<lang>_contexts.txt (not in git: research text).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translated_corpus import Doc, native_docs, translated_docs  # noqa: E402

from newslint.translation_signal import ngrams as signal_ngrams  # noqa: E402

HERE = Path(__file__).resolve().parent
MAX_N = 6
PER_DOC_CAP = 3
ALPHA0 = 1000.0  # prior strength, in words
MIN_LOG_ODDS = 1.2  # at least ~3x as frequent in translated news


def ngrams(text: str) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(stem n-gram, surface n-gram) pairs of 1..MAX_N words (newslint's own tokeniser)."""
    return signal_ngrams(text, MAX_N)


def count_translated(docs: list[Doc]) -> tuple[Counter, Counter, dict, float]:
    """Weighted occurrences, stories per n-gram, surface forms, total weighted words.

    A document weighs 1/k when its story has k translations; an n-gram counts at most
    PER_DOC_CAP times per document (bursty topic words).
    """
    per_group = Counter(d.group for d in docs)
    weight: Counter = Counter()
    groups: dict[tuple, set] = defaultdict(set)
    surfaces: dict[tuple, Counter] = defaultdict(Counter)
    total = 0.0
    for d in docs:
        w = 1.0 / per_group[d.group]
        local: Counter = Counter()
        for key, surface in ngrams(d.text):
            surfaces[key][surface] += 1
            local[key] += 1
        total += w * len(d.text.split())
        for key, c in local.items():
            weight[key] += w * min(c, PER_DOC_CAP)
            groups[key].add(d.group)
    return weight, Counter({k: len(v) for k, v in groups.items()}), surfaces, total


def count_native(docs: list[Doc], keys: set) -> tuple[Counter, Counter, float]:
    """Capped occurrences and documents per n-gram in native news, and its word count."""
    occ: Counter = Counter()
    df: Counter = Counter()
    total = 0.0
    for d in docs:
        local = Counter(key for key, _ in ngrams(d.text) if key in keys)
        total += len(d.text.split())
        for key, c in local.items():
            occ[key] += min(c, PER_DOC_CAP)
            df[key] += 1
    return occ, df, total


def log_odds(y_a: float, n_a: float, y_b: float, n_b: float, alpha0: float = 50.0) -> tuple[float, float]:
    """Monroe et al.'s log-odds with an informative Dirichlet prior (pooled rate * alpha0)."""
    prior = alpha0 * (y_a + y_b) / (n_a + n_b)
    la = math.log((y_a + prior) / (n_a + alpha0 - y_a - prior))
    lb = math.log((y_b + prior) / (n_b + alpha0 - y_b - prior))
    delta = la - lb
    return delta / math.sqrt(1 / (y_a + prior) + 1 / (y_b + prior)), delta


def mine(lang: str, native: list[Doc], top: int, min_groups: int) -> list[tuple]:
    docs = [d for d in translated_docs(lang) if d.split == "mine"]
    weight, groups, surfaces, n_trans = count_translated(docs)
    keys = {k for k, g in groups.items() if g >= min_groups}
    native_occ, native_df, n_native = count_native([d for d in native if d.split == "mine"], keys)
    rows = []
    for key in keys:
        z, delta = log_odds(weight[key], n_trans, native_occ[key], n_native, alpha0=ALPHA0)
        if z > 2.0 and delta >= MIN_LOG_ODDS:
            surface = " ".join(surfaces[key].most_common(1)[0][0])
            rows.append((z, delta, weight[key], groups[key], native_df[key], surface, " ".join(key)))
    rows.sort(reverse=True)
    return _drop_subsumed(rows[: top * 3])[:top]


def _drop_subsumed(rows: list[tuple]) -> list[tuple]:
    """Drop an n-gram whose longer extension has nearly the same support and a higher z."""
    by_key = {r[6]: r for r in rows}
    keep = []
    for r in rows:
        key = r[6]
        shadowed = any(
            other != key and f" {key} " in f" {other} " and by_key[other][0] >= r[0] * 0.9
            and by_key[other][3] >= r[3] * 0.8
            for other in by_key
        ) if len(key.split()) < 3 else False
        if not shadowed:
            keep.append(r)
    return keep


def write(lang: str, rows: list[tuple]) -> Path:
    out = HERE / "results" / f"mined_{lang}.tsv"
    out.parent.mkdir(exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        handle.write("z\tlog_odds\ttranslated_weight\tstories\tnative_docs\tsurface\tstems\n")
        for z, delta, w, g, nd, surface, key in rows:
            handle.write(f"{z:.2f}\t{delta:.2f}\t{w:.2f}\t{g}\t{nd}\t{surface}\t{key}\n")
    return out


def write_contexts(lang: str, rows: list[tuple], per: int = 3) -> Path:
    """Up to `per` contexts (from different stories) of each mined n-gram, for review only."""
    wanted = {r[5]: [] for r in rows}
    docs = [d for d in translated_docs(lang) if d.split == "mine"]
    pattern = re.compile(r"\b(" + "|".join(re.escape(s) for s in sorted(wanted, key=len, reverse=True)) + r")\b", re.I)
    seen_groups: dict[str, set] = defaultdict(set)
    for d in docs:
        for m in pattern.finditer(d.text):
            key = m.group(1).lower()
            if key in wanted and len(wanted[key]) < per and d.group not in seen_groups[key]:
                seen_groups[key].add(d.group)
                ctx = d.text[max(0, m.start() - 80) : m.end() + 80].replace("\n", " ")
                wanted[key].append(f"[{d.system}] {ctx}")
    out = HERE / "out" / f"mined_{lang}_contexts.txt"
    out.parent.mkdir(exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for r in rows:
            handle.write(f"## {r[5]}  z={r[0]:.1f} stories={r[3]} native={r[4]}\n")
            for c in wanted.get(r[5], []):
                handle.write(f"   {c}\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", choices=("zh", "ru", "both"), default="both")
    parser.add_argument("--top", type=int, default=1500)
    parser.add_argument("--min-groups", type=int, default=3, help="source stories an n-gram must occur in")
    args = parser.parse_args()
    native = native_docs()
    for lang in ("zh", "ru") if args.lang == "both" else (args.lang,):
        rows = mine(lang, native, args.top, args.min_groups)
        print(f"{lang}: {len(rows)} n-grams -> {write(lang, rows)}; contexts -> {write_contexts(lang, rows)}")


if __name__ == "__main__":
    main()
