"""Spelling in running news copy: planted real typos, false alarms on clean copy, speed.

Usage: python benchmarks/spelling_eval.py [--articles 300] [--per-words 120] [--seed 7] [--all-words] [--no-harper] [--show-clean]

Takes a seeded sample of deduplicated BBC articles, keeps the clean copies, and plants
real human misspellings of common words (../shared/data/typos/typo_pairs.jsonl) into
copies of them, about one per N words, replacing a lower-case word of the article by a
recorded misspelling of it (one that no English dictionary lists as a word). Reports:
- recall: planted typos flagged as `spelling` at the right place;
- top-1: the first suggestion is the intended word (over planted typos);
- false alarms per 1,000 words: spelling findings on the clean copies, first every one
  (raw), then without the findings on real errors in the BBC copy itself. Those are listed,
  each judged by eye, in review/bbc_spelling_errors.tsv (article, word, verdict, note):
  only rows with the verdict "error" are taken out; a "correct" row (a name, a brand, a
  British or informal word) stays a false alarm, and so does a finding nobody has reviewed
  (their number is printed; --show-clean lists the findings with their verdicts);
- the same figures for Harper (harper.js, British dialect) on the same texts, when installed;
- per typo source, because codespell's list (which newslint checks first) derives from
  Wikipedia's lists: the aspell, birkbeck, holbrook and norvig rows are independent of it;
- time to check a 5,000-word article (median of 5).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles, typo_pairs  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter  # noqa: E402
from newslint.spelling.lexicon import Lexicon  # noqa: E402

REVIEW = Path(__file__).resolve().parent / "review" / "bbc_spelling_errors.tsv"
_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")
_ANY_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][a-z]+(?![\w'’-])")


ADULT = ("wikipedia-for-machines-2010", "mitton-wikipedia", "aspell", "norvig-testset1", "norvig-testset2")
CHILDREN = ("birkbeck", "holbrook")


def load_pairs(lexicon: Lexicon, sources: tuple[str, ...]) -> dict[str, list[tuple[str, str]]]:
    """Intended word -> [(misspelling, source)], misspellings that are not words themselves."""
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in typo_pairs(sources):
        wrong, right = r["misspelling"], r["correct"]
        if not (wrong.isalpha() and right.isalpha() and wrong.islower() and right.islower()):
            continue
        if wrong == right or lexicon.known(wrong):
            continue
        pairs[right].append((wrong, r["source"]))
    return pairs


def _starts_sentence(body: str, start: int) -> bool:
    """A capitalised word that starts a sentence or paragraph (not a name mid-sentence)."""
    before = body[:start].rstrip(" \"'“‘")
    return not before or before[-1] in ".!?\n"


def plant(text: str, pairs: dict, rng: random.Random, per_words: int, word: re.Pattern[str] = _WORD,
          ) -> tuple[str, list[tuple[int, int, str, str]]]:
    """A copy of text with typos planted; returns (text, [(start, end, intended, source)]).
    A capitalised slot gets a capitalised misspelling ("The" -> "Teh")."""
    head, _, body = text.partition("\n\n")
    slots = [m for m in word.finditer(body) if m.group().lower() in pairs and (m.group().islower() or _starts_sentence(body, m.start()))]
    want = max(1, len(body.split()) // per_words)
    chosen = sorted(rng.sample(slots, min(want, len(slots))), key=lambda m: m.start())
    out, planted, pos, shift = [], [], 0, len(head) + 2
    for m in chosen:
        wrong, source = rng.choice(pairs[m.group().lower()])
        if m.group()[0].isupper():
            wrong = wrong[0].upper() + wrong[1:]
        out.append(body[pos : m.start()])
        start = shift + sum(len(p) for p in out)
        out.append(wrong)
        planted.append((start, start + len(wrong), m.group().lower(), source))
        pos = m.end()
    out.append(body[pos:])
    return head + "\n\n" + "".join(out), planted


def score(found_per_text: list[list[tuple[int, int, list[str]]]], planted: list[list[tuple]]) -> dict:
    """Recall and top-1 per source, from findings (start, end, suggestions) per text."""
    by_source: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for found, marks in zip(found_per_text, planted):
        for start, end, intended, source in marks:
            hits = [f for f in found if f[0] < end and start < f[1]]
            row = by_source[source]
            row[0] += 1
            row[1] += bool(hits)
            row[2] += bool(hits and hits[0][2] and hits[0][2][0].lower() == intended)
    return by_source


def newslint_findings(linter: Linter, texts: list[str]) -> list[list[tuple[int, int, list[str]]]]:
    out = []
    for text in texts:
        ds = linter.lint(Article(text))
        out.append([(d.offset, d.end_offset, list(d.suggestions)) for d in ds if d.category == "spelling"])
    return out


def harper_findings(texts: list[str]) -> list[list[tuple[int, int, list[str]]]] | None:
    try:
        import peers
    except ImportError:
        return None
    if not peers.harper_available():
        return None
    lints = peers.harper_lint(texts)
    return [
        [(l["start"], l["end"], list(l.get("suggestions") or [])) for l in per if l.get("kind") == "Spelling"]
        for per in lints
    ]


def reviewed() -> dict[tuple[str, str], str]:
    """(article id, word) -> verdict ("error" or "correct") from the by-eye review."""
    out = {}
    with REVIEW.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            article, word, verdict, _note = line.rstrip("\n").split("\t")
            out[(article, word)] = verdict
    return out


def verdicts(found_clean, clean: list[tuple[str, str]], review: dict) -> list[list[str]]:
    """Per clean text, the review verdict of each finding ("error", "correct" or "unreviewed")."""
    return [[review.get((aid, text[f[0]:f[1]]), "unreviewed") for f in found] for found, (aid, text) in zip(found_clean, clean)]


def report(name: str, found_clean, found_planted, planted, words: int, clean: list[tuple[str, str]]) -> None:
    by_source = score(found_planted, planted)
    total = [sum(r[i] for r in by_source.values()) for i in range(3)]
    flat = [v for per in verdicts(found_clean, clean, reviewed()) for v in per]
    alarms, real = len(flat), flat.count("error")
    print(f"{name:<10} recall {100 * total[1] / total[0]:5.1f}%  top-1 {100 * total[2] / total[0]:5.1f}%  "
          f"findings on clean copy {1000 * alarms / words:6.2f} per 1,000 words ({alarms} on {words} words)")
    print(f"{'':<10} false alarms {1000 * (alarms - real) / words:.2f} per 1,000 words ({alarms - real}): the findings "
          f"less {real} on real BBC errors (review/{REVIEW.name}); {flat.count('unreviewed')} not reviewed")
    for source, (n, hit, top) in sorted(by_source.items()):
        print(f"    {source:<30} n={n:<5} recall {100 * hit / n:5.1f}%  top-1 {100 * top / n:5.1f}%")


def speed(linter: Linter, clean: list[str]) -> None:
    text = "Long read\n\n" + "\n\n".join(t.partition("\n\n")[2] for t in clean)
    words = text.split()
    text = " ".join(words[:5000])
    times = []
    for _ in range(5):
        t = time.perf_counter()
        linter.lint(Article(text))
        times.append(time.perf_counter() - t)
    print(f"5,000-word article, spelling rules only: median {1000 * statistics.median(times):.0f} ms over 5 runs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--per-words", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-harper", action="store_true")
    parser.add_argument("--show-clean", action="store_true", help="list newslint's findings on the clean copy with their review verdicts")
    parser.add_argument("--all-words", action="store_true",
                        help="plant into words of 2+ letters, capitalised ones too (sentence starts: 'Teh'), "
                             "not only lower-case words of 4+ letters")
    args = parser.parse_args()
    lexicon = Lexicon.load("both")
    sample = random.Random(args.seed).sample(bbc_articles(), args.articles)
    clean = [a["text"] for a in sample]
    ids = [(a["id"], a["text"]) for a in sample]
    words = sum(len(t.split()) for t in clean)
    linter = Linter(Config(select=("SP",)))
    newslint_clean = newslint_findings(linter, clean)
    if args.show_clean:
        for found, per, (aid, text) in zip(newslint_clean, verdicts(newslint_clean, ids, reviewed()), ids):
            for (start, end, suggestions), verdict in zip(found, per):
                print(f"{aid}\t{text[start:end]}\t{verdict}\t{suggestions[:1]}\t{text[max(0, start - 50):end + 30]!r}")
    harper_clean = None if args.no_harper else harper_findings(clean)
    for label, sources in (("adults' misspellings (Wikipedia, Aspell, Norvig)", ADULT),
                           ("stress test: children's misspellings (Birkbeck, Holbrook)", CHILDREN)):
        rng = random.Random(args.seed)
        pairs = load_pairs(lexicon, sources)
        word = _ANY_WORD if args.all_words else _WORD
        planted_texts, planted = zip(*(plant(t, pairs, rng, args.per_words, word) for t in clean))
        print(f"== {label}: {len(clean)} BBC articles ({words} words), {sum(map(len, planted))} planted typos "
              f"(one per ~{args.per_words} words), seed {args.seed}")
        report("newslint", newslint_clean, newslint_findings(linter, list(planted_texts)), planted, words, ids)
        if args.no_harper:
            continue
        if harper_clean is None:
            print("harper     not installed (cd benchmarks/peers && npm ci)")
        else:
            report("harper", harper_clean, harper_findings(list(planted_texts)), planted, words, ids)
    speed(linter, clean)


if __name__ == "__main__":
    main()
