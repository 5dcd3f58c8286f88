"""Real-word errors (SP004): recall on planted slips and false alarms on clean BBC copy.

Usage: python benchmarks/realword_eval.py [--tune] [--seed 1313] [--per-words 150]

The statistics SP004 uses were mined from Reuters-21578, WMT English-original news and
one half of the BBC articles (benchmarks/build_realword_stats.py); this script measures on
the other half (--tune: on the training half, where the thresholds were set). Planted
slips are real-word misspellings from the adult typo lists (a recorded misspelling that is
itself a dictionary word and not a spelling variant, e.g. "where" for "were", "thru"),
one per ~N words, replacing a lower-case word of the article. Reported: recall over all
such slips, recall over the slips of the pairs SP004 knows, false alarms per 1,000 words
of the clean articles, and samples of both.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles, bbc_half, typo_pairs  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter  # noqa: E402
from newslint.spelling.confusion import PAIRS  # noqa: E402
from newslint.spelling.dialect_pairs import variant  # noqa: E402
from newslint.spelling.lexicon import Lexicon  # noqa: E402

ADULT = ("wikipedia-for-machines-2010", "mitton-wikipedia", "aspell", "norvig-testset1", "norvig-testset2")
_WORD = re.compile(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])")


def real_word_pairs(lexicon: Lexicon) -> dict[str, list[str]]:
    """Intended word -> recorded misspellings that are dictionary words, not variants of it."""
    pairs: dict[str, list[str]] = defaultdict(list)
    for r in typo_pairs(ADULT):
        wrong, right = r["misspelling"], r["correct"]
        if not (wrong.isalpha() and right.isalpha() and wrong.islower() and right.islower()) or wrong == right:
            continue
        if not lexicon.known(wrong) and wrong not in PAIRS:
            continue  # a non-word: SP001's job, measured by spelling_eval.py
        if variant(wrong, "en-GB") == right or variant(wrong, "en-US") == right or variant(right, "en-GB") == wrong:
            continue  # colour/color: not a slip
        if wrong not in pairs[right]:
            pairs[right].append(wrong)
    return pairs


def plant(text: str, pairs: dict[str, list[str]], rng: random.Random, per_words: int):
    head, _, body = text.partition("\n\n")
    slots = [m for m in _WORD.finditer(body) if m.group() in pairs]
    want = max(1, len(body.split()) // per_words)
    chosen = sorted(rng.sample(slots, min(want, len(slots))), key=lambda m: m.start())
    out, planted, pos = [], [], 0
    for m in chosen:
        wrong = rng.choice(pairs[m.group()])
        out.append(body[pos : m.start()])
        start = len(head) + 2 + sum(len(p) for p in out)
        out.append(wrong)
        planted.append((start, start + len(wrong), wrong, m.group()))
        pos = m.end()
    out.append(body[pos:])
    return head + "\n\n" + "".join(out), planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tune", action="store_true", help="measure on the training half")
    parser.add_argument("--seed", type=int, default=1313)
    parser.add_argument("--per-words", type=int, default=150)
    parser.add_argument("--samples", type=int, default=12)
    args = parser.parse_args()
    lexicon = Lexicon.load("both")
    articles = bbc_half(bbc_articles(), held_out=not args.tune)
    linter = Linter(Config(select=("SP004",), grammar="off"))
    words = sum(len(a["text"].split()) for a in articles)
    alarms = []
    for a in articles:
        for d in linter.lint(Article(a["text"])):
            alarms.append(f"{a['id']}: {d.message} | {a['text'][max(0, d.offset - 50):d.end_offset + 40]!r}")
    pairs = real_word_pairs(lexicon)
    rng = random.Random(args.seed)
    hits = known = known_hits = total = top1 = 0
    misses = []
    for a in articles:
        text, planted = plant(a["text"], pairs, rng, args.per_words)
        found = [(d.offset, d.end_offset, d.suggestions) for d in linter.lint(Article(text))]
        for start, end, wrong, right in planted:
            total += 1
            mine = wrong in PAIRS and right in PAIRS[wrong]
            known += mine
            hit = [f for f in found if f[0] < end and start < f[1]]
            hits += bool(hit)
            known_hits += bool(hit) and mine
            top1 += bool(hit and hit[0][2] and hit[0][2][0].lower() == right)
            if mine and not hit:
                misses.append(f"{wrong}->{right} | {text[max(0, start - 40):end + 30]!r}")
    half = "training half (tuned here)" if args.tune else "held-out half"
    print(f"BBC {half}: {len(articles)} articles, {words} words; seed {args.seed}")
    print(f"planted real-word slips {total}: recall {100 * hits / total:.1f}%, top-1 {100 * top1 / total:.1f}%; "
          f"of the {known} in SP004's pairs: recall {100 * known_hits / max(1, known):.1f}%")
    print(f"false alarms on the clean articles: {len(alarms)} ({1000 * len(alarms) / words:.3f} per 1,000 words)")
    for line in alarms[: args.samples]:
        print("  alarm:", line)
    for line in misses[: args.samples]:
        print("  missed:", line)


if __name__ == "__main__":
    main()
