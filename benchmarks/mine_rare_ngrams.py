"""Mine phrases that recur in translated news and (almost) never occur in native news.

Usage: python benchmarks/mine_rare_ngrams.py [--lang zh|ru|both] [--min-stories S] [--max-native N]

The complement of mine_calques.py: log-odds ranks phrases by how much more often
translated news uses them, which favours frequent phrases; this script lists rarer ones
that a frequency-weighted score ranks low but that an editor would still rewrite ("the
non-agricultural employment", "reduce weight"). A 2-4-word n-gram (lower-cased words,
numbers as <n>) is a candidate when it occurs in at least S distinct source stories of
the mining split (translated_corpus.split_of == "mine") and in at most N of the ~9,900
native documents. Candidates that contain a shorter candidate, that are mostly written
capitalised (names, titles: the entity rules' business), or that a rule already flags in
their commonest context are dropped.

Writes benchmarks/results/rare_<lang>.tsv (in git: n-grams and counts, no text) and, for
review, benchmarks/out/rare_<lang>_contexts.txt (not in git: research text) with up to
three translated contexts and the aligned source segment of each candidate.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translated_corpus import Doc, native_docs, translated_docs  # noqa: E402

HERE = Path(__file__).resolve().parent
WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|\d[\d,.]*")
MAX_N = 4


def tokens(text: str) -> list[tuple[str, str, int, int]]:
    """(normalised, surface, start, end) for each word; numbers become <n>."""
    out = []
    for m in WORD.finditer(text):
        surface = m.group()
        norm = "<n>" if surface[0].isdigit() else surface.lower().replace("’", "'")
        out.append((norm, surface, m.start(), m.end()))
    return out


def grams(toks: list[tuple[str, str, int, int]]):
    """Every 2..MAX_N-gram: (key, first token index, last token index)."""
    for n in range(2, MAX_N + 1):
        for i in range(len(toks) - n + 1):
            yield " ".join(t[0] for t in toks[i:i + n]), i, i + n - 1


def _capitalised(surface: list[str], first_in_sentence: bool) -> bool:
    caps = [w[:1].isupper() for w in surface]
    if first_in_sentence:
        caps = caps[1:]
    return any(caps)


def mine(lang: str, min_stories: int, max_native: int) -> list[dict]:
    stories: dict[str, set[str]] = defaultdict(set)
    docs = [d for d in translated_docs(lang) if d.split == "mine"]
    for d in docs:
        for key in {g for g, _, _ in grams(tokens(d.text))}:
            stories[key].add(d.group)
    frequent = {g: len(s) for g, s in stories.items() if len(s) >= min_stories and g.replace("<n>", "").strip()}
    native: Counter[str] = Counter()
    for d in native_docs():
        native.update({g for g, _, _ in grams(tokens(d.text)) if g in frequent})
    cands = {g: n for g, n in frequent.items() if native[g] <= max_native}
    keep = {g for g in cands if not any(sub in cands for sub in _subgrams(g))}
    contexts: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    capital: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for d in docs:
        for seg, src in zip(d.segments, d.source or [""] * len(d.segments)):
            toks = tokens(seg)
            for key, i, j in grams(toks):
                if key not in keep:
                    continue
                seen[key] += 1
                start = toks[i][2]
                sentence_start = i == 0 or seg[:start].rstrip().endswith((".", "!", "?", ":", '"', "“"))
                capital[key] += _capitalised([t[1] for t in toks[i:j + 1]], sentence_start)
                if len(contexts[key]) < 3 and all(c[0] != d.group for c in contexts[key]):
                    contexts[key].append((d.group, seg.strip(), (src or "").strip()))
    flagged = _already_flagged(lang, contexts)
    done = _reviewed(lang)
    rows = []
    for key in keep:
        if capital[key] * 2 > seen[key] or key in flagged or key in done:
            continue
        rows.append({"ngram": key, "stories": cands[key], "native_docs": native[key], "contexts": contexts[key]})
    rows.sort(key=lambda r: (-r["stories"], r["native_docs"], r["ngram"]))
    return rows


def _span(key: str, text: str) -> tuple[int, int] | None:
    """Where the n-gram ``key`` first occurs in ``text`` (case-insensitive)."""
    parts = [r"\d[\d,.]*" if w == "<n>" else re.escape(w).replace("'", "['’]") for w in key.split()]
    m = re.search(r"(?<![\w'’-])" + r"\W+".join(parts) + r"(?![\w'’-])", text, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def _already_flagged(lang: str, contexts: dict[str, list[tuple[str, str, str]]]) -> set[str]:
    """Candidates that a translation rule already flags in their first context."""
    from newslint.article import Article
    from newslint.config import Config
    from newslint.engine import Linter

    linter = Linter(Config(grammar="off", source_language=lang))
    flagged = set()
    for key, ctx in contexts.items():
        span = _span(key, ctx[0][1]) if ctx else None
        if span is None:
            continue
        head = "Headline\n\n"
        for d in linter.lint(Article(head + ctx[0][1] + "\n", "context")):
            start, end = d.offset - len(head), d.end_offset - len(head)
            if d.category in ("translation", "entity", "date") and start < span[1] and span[0] < end:
                flagged.add(key)
                break
    return flagged


def _reviewed(lang: str) -> set[str]:
    """Candidates a reviewer has already judged (benchmarks/review/reviewed_<lang>.tsv)."""
    path = HERE / "review" / f"reviewed_{lang}.tsv"
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return {line.split("\t")[1].strip().lower() for line in lines if "\t" in line}


def _subgrams(gram: str) -> list[str]:
    words = gram.split()
    return [" ".join(words[i:i + n]) for n in range(2, len(words)) for i in range(len(words) - n + 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", choices=["zh", "ru", "both"], default="both")
    parser.add_argument("--min-stories", type=int, default=3)
    parser.add_argument("--max-native", type=int, default=1)
    args = parser.parse_args()
    (HERE / "out").mkdir(exist_ok=True)
    for lang in (["zh", "ru"] if args.lang == "both" else [args.lang]):
        rows = mine(lang, args.min_stories, args.max_native)
        with (HERE / "results" / f"rare_{lang}.tsv").open("w", encoding="utf-8") as out:
            out.write("stories\tnative_docs\tngram\n")
            for r in rows:
                out.write(f"{r['stories']}\t{r['native_docs']}\t{r['ngram']}\n")
        with (HERE / "out" / f"rare_{lang}_contexts.txt").open("w", encoding="utf-8") as out:
            for r in rows:
                out.write(f"## {r['ngram']}\t(stories {r['stories']}, native docs {r['native_docs']})\n")
                for group, seg, src in r["contexts"]:
                    out.write(f"  EN: {seg}\n  SRC: {src}\n")
        print(f"{lang}: {len(rows)} candidates -> benchmarks/results/rare_{lang}.tsv", file=sys.stderr)


if __name__ == "__main__":
    main()
