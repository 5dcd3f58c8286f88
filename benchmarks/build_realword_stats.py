"""Mine the real-word checker's statistics from native English news (derived counts only).

Usage: python benchmarks/build_realword_stats.py [--out newslint/spelling/data/realword_en.tsv]

Counts, over Reuters-21578, the WMT English-original news documents and the BBC articles
of the training half (common.bbc_half(..., held_out=False)), how often each word of the
confusion pairs (newslint/spelling/confusion.py) and each very common word (Zipf >= 5.9,
for ranking SP001's suggestions by context) occurs and which token stands just before
and just after it. Only counts are written, never text: a pair of adjacent tokens with a
count, for pairs seen at least twice (all pairs for the rarer confusion words).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles, bbc_half, native_news_texts  # noqa: E402

from newslint.spelling.confusion import CONTEXT_MIN_ZIPF, DATA_FILE, PAIRS, tokens  # noqa: E402
from newslint.spelling.lexicon import Lexicon  # noqa: E402

_KEEP_ALL_BELOW = 500  # keep every context of a confusion word rarer than this


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DATA_FILE)
    args = parser.parse_args()
    lexicon = Lexicon.load("both")
    common = {w for w in lexicon._data.freq if w.isalpha() and w.islower() and lexicon.zipf(w) >= CONTEXT_MIN_ZIPF}
    words = set(PAIRS) | {w for alts in PAIRS.values() for w in alts} | common
    texts = [t for _, t in native_news_texts()] + [a["text"] for a in bbc_half(bbc_articles(), held_out=False)]
    unigram: Counter[str] = Counter()
    left: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    total = 0
    for text in texts:
        forms = [t.form for t in tokens(text)]
        total += len(forms)
        unigram.update(forms)
        for i, form in enumerate(forms):
            if form in words:
                if i > 0:
                    left[(forms[i - 1], form)] += 1
                right[(form, forms[i + 1] if i + 1 < len(forms) else "<s>")] += 1
    keep = lambda word, n: n >= (2 if word in PAIRS or any(word in a for a in PAIRS.values()) else 3) \
        or unigram[word] < _KEEP_ALL_BELOW  # noqa: E731
    left_kept = {k: n for k, n in left.items() if keep(k[1], n)}
    right_kept = {k: n for k, n in right.items() if keep(k[0], n)}
    needed = words | {a for a, _ in left_kept} | {b for _, b in right_kept}
    with args.out.open("w", encoding="utf-8") as out:
        out.write(f"# newslint real-word statistics: counts from {len(texts)} native news texts "
                  "(Reuters-21578, WMT English-original, BBC training half); see SOURCES.md\n")
        out.write(f"N\t{total}\n")
        for w in sorted(words):
            out.write(f"W\t{w}\n")
        for w in sorted(needed):
            out.write(f"U\t{w}\t{unigram[w]}\n")
        for (a, b), n in sorted(left_kept.items()):
            out.write(f"L\t{a}\t{b}\t{n}\n")
        for (a, b), n in sorted(right_kept.items()):
            out.write(f"R\t{a}\t{b}\t{n}\n")
    print(f"{len(texts)} texts, {total} tokens; wrote {args.out} "
          f"({len(needed)} unigrams, {len(left_kept)} left and {len(right_kept)} right pairs)")


if __name__ == "__main__":
    main()
