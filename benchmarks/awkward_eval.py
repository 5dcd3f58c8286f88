"""TR600's marks on expert-rated (MQM) zh-en news: how often a marked sentence carries an expert's visible error.

Usage: python benchmarks/awkward_eval.py [--split held|mine] [--sample N] [--seed S] [--out FILE]

Runs newslint (grammar off, as the other translation benchmarks) on every rated translation
of the split's stories (benchmarks/mqm_sentences.py: WMT20, WMT21, WMT23; machine and human
translations) and sorts TR600's marks by reading: the sentence model alone (P >= threshold),
supported by another rule's phrase, or by the awkwardness model (``sentence_signal.awkward``,
trained by benchmarks/train_awkward_model.py). For each it prints how many sentences, the
share carrying a visible expert error (marked by any rater; by at least half of them), and
the visible expert spans that fall in marked sentences, so the awkwardness reading's gain in
sentences and spans shows beside today's marks. ``--sample N`` writes N awkwardness marks
(one per story) with the source segment and the raters' visible errors, for a bilingual
editor to judge true / debatable / false by eye.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mqm_sentences import RatedDoc, RatedSentence, rated_docs, rated_sentences  # noqa: E402
from translated_corpus import annotated_docs  # noqa: E402

from newslint.config import Config  # noqa: E402
from newslint.engine import Linter  # noqa: E402

KINDS = ("model alone", "supported", "awkward")


def _kind(message: str) -> str:
    """Which reading made a TR600 mark, from its message."""
    if "it holds" in message:
        return "supported"
    return "awkward" if "and awkward" in message else "model alone"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="held", choices=("held", "mine"))
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--out", default="benchmarks/out/awkward_sample.txt")
    args = parser.parse_args()
    linter = Linter(Config(grammar="off"))
    marked: dict[str, list[tuple[RatedDoc, RatedSentence, str]]] = defaultdict(list)
    spans_total = 0
    docs = [d for d in rated_docs() if d.split == args.split]
    for doc in docs:
        article = doc.article()
        sentences = {s.start: s for s in rated_sentences(doc, article)}
        spans_total += sum(1 for e in doc.errors if e.visible)
        for d in linter.lint(article):
            if d.code != "TR600":
                continue
            s = sentences.get(d.offset)
            if s is not None:
                marked[_kind(d.message)].append((doc, s, d.message))
    print(f"{args.split} split: {len(docs)} rated translations, {spans_total} visible expert spans")
    for k in KINDS:
        rows = marked[k]
        n = len(rows) or 1
        anyone = sum(s.visible_raters > 0 for _, s, _ in rows)
        most = sum(2 * s.visible_raters >= s.raters > 0 and s.visible_raters > 0 for _, s, _ in rows)
        spans = sum(len(s.visible_errors) for _, s, _ in rows)
        print(f"  TR600 {k:12}: {len(rows):5} sentences, {100 * anyone / n:5.1f}% with a visible expert error "
              f"(any rater), {100 * most / n:5.1f}% (most raters); {spans} visible expert spans inside")
    if args.sample:
        write_sample(marked["awkward"], args.sample, args.seed, Path(args.out))


def write_sample(rows: list, n: int, seed: int, out: Path) -> None:
    """N marks, one per story, for judging by eye; the recall sets' documents are never sampled."""
    random.Random(seed).shuffle(rows)
    seen: set[str] = set()
    annotated = annotated_docs()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for doc, s, message in rows:
            if doc.group in seen or (doc.group, doc.system) in annotated:
                continue
            seen.add(doc.group)
            errors = "; ".join(f"{e.category} {e.severity} '{doc.text[e.start:e.end]}'" for e in s.visible_errors)
            handle.write(f"## {len(seen)}. {doc.group} {doc.system}\nEN: {s.text}\nZH: {doc.source_of(s.start, s.end)}\n"
                         f"TR600: {message}\nexpert ({s.visible_raters}/{s.raters} raters): {errors or '-'}\n"
                         "verdict: \n\n")
            if len(seen) == n:
                break
    print(f"wrote {len(seen)} awkwardness marks to {out}")


if __name__ == "__main__":
    main()
