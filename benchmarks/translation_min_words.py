"""How short a text can be before the translation signal stops being trustworthy.

Usage: python benchmarks/translation_min_words.py [--split mine|held] [--docs 800] [--seed 5]

The signal's threshold is set on whole articles. A short text (a brief, a single learner
sentence) gives the model few phrases, and native copy then reads as translated far more
often. For windows of N consecutive body words cut at random from native and translated
news documents (benchmarks/translated_corpus.py), prints the share that the model scores at
or above its threshold, ignoring translation_signal.MIN_WORDS. MIN_WORDS was chosen on the
"mine" split (where native false alarms stop falling steeply); report the "held" split.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translated_corpus import Doc, native_docs, split_of, translated_docs  # noqa: E402

from newslint import translation_signal  # noqa: E402

LENGTHS = (40, 60, 80, 100, 120, 150, 200, 300)


def body(doc: Doc) -> str:
    """The document without its first segment (usually the headline)."""
    return " ".join(doc.segments[1:]) if len(doc.segments) > 1 else doc.segments[0]


def flagged_share(docs: list[Doc], words: int, rng: random.Random) -> tuple[int, int]:
    """(windows scored as translated, windows) for one window length."""
    model = translation_signal.load_model()
    hit = total = 0
    for doc in docs:
        tokens = body(doc).split()
        if len(tokens) < words:
            continue
        start = rng.randrange(0, len(tokens) - words + 1)
        signal = translation_signal.read(" ".join(tokens[start : start + words]), model)
        total += 1
        hit += signal.score >= signal.threshold
    return hit, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="held", choices=["mine", "held"])
    parser.add_argument("--docs", type=int, default=800, help="documents sampled per side")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    native = [d for d in native_docs() if split_of(d.group) == args.split]
    translated = [d for lang in ("zh", "ru") for d in translated_docs(lang) if split_of(d.group) == args.split]
    native = rng.sample(native, min(args.docs, len(native)))
    translated = rng.sample(translated, min(args.docs, len(translated)))
    print(f"split {args.split}: {len(native)} native and {len(translated)} translated documents; "
          f"MIN_WORDS is {translation_signal.MIN_WORDS}")
    for words in LENGTHS:
        a, b = flagged_share(native, words, rng)
        c, d = flagged_share(translated, words, rng)
        print(f"{words:4d} words: native read as translated {100 * a / max(b, 1):4.1f}% ({a}/{b})   "
              f"translated read as translated {100 * c / max(d, 1):4.1f}% ({c}/{d})")


if __name__ == "__main__":
    main()
