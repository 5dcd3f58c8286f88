"""How often bilingual editors would recast the sentences TR600's awkwardness reading could mark.

Usage: python benchmarks/awkward_thresholds.py

benchmarks/review/awkward_labels.tsv holds editors' labels (session 7) on 500 sentences of
machine-translated news from the mining split (translated_corpus.split_of): 60 TR600 then
marked and 440 it did not, drawn evenly from four bands of the sentence model's probability
(0.3-0.6, 0.6-0.8, 0.8-0.9, 0.9 up to its threshold), 250 from Chinese and 250 from Russian.
The editors saw the sentence and its source paragraph only (no probabilities, not which were
marked) and said whether an editor would recast it: true, debatable or false. The file keeps
each sentence's story, system and a SHA-1 of its text, never the text; this script finds the
sentences again in ../shared/data, scores them with the current models and prints, for each
language and each (floor, threshold) pair, how many unmarked sentences the awkwardness reading
would take and how many of them the editors labelled true; the pair in
``awkward_signal.READINGS`` was chosen from this table.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translated_corpus import translated_docs  # noqa: E402

from newslint import awkward_signal, sentence_signal  # noqa: E402
from newslint.article import Article  # noqa: E402

HERE = Path(__file__).resolve().parent
LABELS = HERE / "review" / "awkward_labels.tsv"
FLOORS = (0.3, 0.5, 0.6, 0.8)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9)


def labelled() -> list[dict]:
    """The labels, each with the sentence's current probabilities (p: translated, pa: awkward)."""
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8"), delimiter="\t"))
    wanted = defaultdict(list)
    for row in rows:
        wanted[(row["group"], row["system"])].append(row)
    m, am = sentence_signal.model(), awkward_signal.model()
    for lang in ("zh", "ru"):
        for d in translated_docs(lang):
            rows_here = {row["sentence_sha1"]: row for row in wanted.get((d.group, d.system), ())}
            if not rows_here:
                continue
            article = Article(d.text + "\n", d.group)
            for span in article.sentences:
                text = " ".join(article.text[span.start:span.end].split())
                row = rows_here.get(hashlib.sha1(text.encode("utf-8")).hexdigest())
                if row is not None:
                    row["p"] = sentence_signal.score(text, m)[0]
                    row["pa"] = awkward_signal.probability(text, am)
    return [r for r in rows if "p" in r]


def main() -> None:
    rows = labelled()
    print(f"{len(rows)} labelled sentences found again")
    for lang in ("zh", "ru"):
        mine = [r for r in rows if r["lang"] == lang]
        then = [r for r in mine if r["marked_then"] == "1"]
        print(f"\n{lang}: TR600's marks when labelled: {sum(r['verdict'] == 'true' for r in then)} of {len(then)} true")
        print("  floor  threshold  unmarked taken  true   debatable  false")
        for floor in FLOORS:
            for cut in THRESHOLDS:
                taken = [r for r in mine if r["marked_then"] == "0" and r["p"] >= floor and r["pa"] >= cut]
                n = len(taken) or 1
                true = sum(r["verdict"] == "true" for r in taken)
                print(f"  {floor:5}  {cut:9}  {len(taken):14}  {true:3} ({100 * true / n:3.0f}%)  "
                      f"{sum(r['verdict'] == 'debatable' for r in taken):9}  {sum(r['verdict'] == 'false' for r in taken):5}")
        reading = awkward_signal.READINGS.get(lang)
        print(f"  in use: floor {reading.floor}, threshold {reading.threshold}" if reading else "  in use: none")


if __name__ == "__main__":
    main()
