"""Measure the spelling lexicon: typo detection and correction, false alarms on BBC news, speed.

Usage: python benchmarks/spelling_lexicon_eval.py [--dialect both] [--show 20]

(a) Isolated misspellings of common words: typos/typo_pairs.jsonl, sources
    wikipedia-for-machines-2010, mitton-wikipedia and aspell; the intended word is a single
    lower-case word of SCOWL size <= 35 ("common"); pairs are grouped by misspelling (any
    listed correction counts). A misspelling that SCOWL's large list (size <= 70) has as a
    word (a real-word error, such as "defence" for "defense") is skipped. Detection = share of the remaining
    misspellings that known() rejects; top-1/top-5 = the intended word first / in the first
    five suggest() results, over the detected ones.
(b) False alarms on deduplicated BBC news (news/bbc_fulltext.jsonl): every lower-case,
    non-sentence-initial alphabetic token (apostrophes and hyphens inside allowed; tokens
    glued to digits or symbols skipped) goes through known(). Flags per 1,000 tokens are
    printed raw and without the genuine misspellings in the corpus (GENUINE_ERRORS below,
    each checked by hand in its sentence).
(c) Speed: first load, known() per 1,000 lookups, suggest() per call, and a 5,000-word
    stretch of BBC text checked end to end in a fresh process (import and load, known() on
    every word, suggest() on every unknown lower-case word).

The research data is read in place from the shared data folder and never copied.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from common import bbc_articles, typo_pairs  # noqa: E402

from newslint.spelling import lexicon as lexicon_module  # noqa: E402
from newslint.spelling.lexicon import Lexicon  # noqa: E402

TYPO_SOURCES = ("wikipedia-for-machines-2010", "mitton-wikipedia", "aspell")
COMMON_SIZE = 35      # "common word": in SCOWL's small list (size <= 35)
REAL_WORD_SIZE = 70   # a misspelling listed in SCOWL's large list (size <= 70) is a real word

# Lower-case tokens in the BBC corpus that are real errors in the edited text (typos, words
# run together, missing apostrophes, lower-case proper adjectives). Flagging them is right.
GENUINE_ERRORS = frozenset("""
accomodate accoustic adaptibility adiction afficiandos aftewards aiport alot ambitous amibition
amibitions american analsyts annoucement anouncing anyhting apalling appelas artisic beileve
beloned british campaiging cannisters catergory cente children't commited comapnies competitve
condesending confirned consenus conterfeit conjuction croooner currentily daugher definately
discisions dispossesed dont embarassment emenating emmissions enviroment epipsodes evalution
everthing filethat finsihed folllowing friday grearest habeus hesaid honourary hunstman informaton
inury inwhich irrelevent isnt justfor ledgendary legisation manged marrage minimsed missionairies
motorcyle nonchantly noteboook offically one-hundreth outling particuarly peformance pheremones
pludering politcians politicial possibilty prefering presneted probem progam propostition puting
questionsmarks radicallyimproved reccomend reflecion refered relasing reponse reseach resonsible
responsibilty restructuing revolutionalised ridiculuous sorround spearate spokeman stategist
succesfull sucessor surburban surprisngly tantilising theirfamilies thefirst threatend toprevent
tsumani ultimitely upto varirty willmean wouldnt wtih aboutroughly redifining thay outweight
onstart plany targetted targetting wholescale lasp bas dea jon realties european swiss
""".split())

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*(?:-[A-Za-z]+(?:['’][A-Za-z]+)*)*")
_WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")


def scowl_sizes() -> dict[str, int]:
    sizes = {}
    with open(lexicon_module.DATA_DIR / "scowl_en.txt", encoding="utf-8") as fh:
        for line in fh:
            word, size, _tag = line.rstrip("\n").split("\t")
            sizes[word] = int(size)
    return sizes


def typo_items(sizes: dict[str, int]) -> tuple[dict[str, set[str]], int]:
    """Misspelling -> intended words, and the number of real-word pairs skipped."""
    groups: dict[str, set[str]] = defaultdict(set)
    for p in typo_pairs(TYPO_SOURCES):
        right, wrong = p["correct"], p["misspelling"]
        if not (right.isalpha() and right.islower() and wrong.isalpha()):
            continue
        if sizes.get(right, 99) > COMMON_SIZE:
            continue
        groups[wrong.lower()].add(right)
    real = [w for w in groups if sizes.get(w, 99) <= REAL_WORD_SIZE]
    for w in real:
        del groups[w]
    return dict(groups), len(real)


def bbc_tokens() -> tuple[list[str], list[str]]:
    """(lower-case non-initial alphabetic tokens, all words of all articles in order)."""
    tokens, words = [], []
    for art in bbc_articles():
        for para in [art["title"]] + art["body"].split("\n"):
            words.extend(m.group() for m in _WORD.finditer(para))
            for m in _TOKEN.finditer(para):
                w, s, e = m.group(), m.start(), m.end()
                if s > 0 and (para[s - 1].isalnum() or para[s - 1] in "@/_&."):
                    continue
                if e < len(para) and (para[e].isalnum() or para[e] in "@/_&"
                                      or (para[e] == "." and e + 1 < len(para) and para[e + 1].isalpha())):
                    continue
                if w != w.lower():
                    continue
                before = para[:s].rstrip(" \"'(")
                if not before or before[-1] in ".!?:":
                    continue
                tokens.append(w)
    return tokens, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dialect", default="both")
    parser.add_argument("--show", type=int, default=15, help="examples to print of each kind")
    args = parser.parse_args()

    t0 = time.perf_counter()
    lex = Lexicon.load(args.dialect)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    lex.suggest("recieved")
    index_s = time.perf_counter() - t0

    # (a) isolated misspellings
    sizes = scowl_sizes()
    items, skipped = typo_items(sizes)
    detected = top1 = top5 = 0
    missed, wrong, suggest_times = [], [], []
    for wrong_word, rights in sorted(items.items()):
        if lex.known(wrong_word):
            missed.append(wrong_word)
            continue
        detected += 1
        t0 = time.perf_counter()
        sugg = lex.suggest(wrong_word, 5)
        suggest_times.append(time.perf_counter() - t0)
        if sugg and sugg[0] in rights:
            top1 += 1
        else:
            wrong.append(f"{wrong_word}->{'/'.join(sorted(rights))} got {sugg[:3]}")
        if any(r in sugg for r in rights):
            top5 += 1
    n = len(items)
    print(f"== (a) misspellings of common words ({', '.join(TYPO_SOURCES)}; dialect {lex.dialect})")
    print(f"misspellings: {n} (skipped {skipped} that SCOWL size <= {REAL_WORD_SIZE} lists as real words)")
    print(f"detected: {detected}/{n} = {detected / n:.1%}")
    print(f"top-1 correct: {top1}/{detected} = {top1 / detected:.1%}   top-5: {top5 / detected:.1%}")
    if args.show:
        print("accepted as words:", ", ".join(missed[: args.show]))
        print("top-1 wrong (sample):", "; ".join(wrong[:: max(1, len(wrong) // args.show)][: args.show]))

    # (b) BBC false alarms
    tokens, words = bbc_tokens()
    t0 = time.perf_counter()
    flags = Counter(w for w in tokens if not lex.known(w))
    known_s = time.perf_counter() - t0
    total = len(tokens)
    flagged = sum(flags.values())
    genuine = sum(c for w, c in flags.items() if w.replace("’", "'") in GENUINE_ERRORS)
    print(f"\n== (b) BBC news, deduplicated ({len(bbc_articles())} articles)")
    print(f"lower-case non-initial tokens: {total}")
    print(f"flagged: {flagged} = {flagged * 1000 / total:.3f} per 1,000 tokens ({len(flags)} types)")
    print(f"of which genuine errors in the text: {genuine}")
    print(f"false alarms: {flagged - genuine} = {(flagged - genuine) * 1000 / total:.3f} per 1,000 tokens")
    if args.show:
        fa = [(w, c) for w, c in flags.most_common() if w not in GENUINE_ERRORS]
        print("most frequent false alarms:", ", ".join(f"{w}({c})" if c > 1 else w for w, c in fa[: args.show * 3]))

    # (c) speed
    sample = tokens[:100_000]
    t0 = time.perf_counter()
    for w in sample:
        lex.known(w)
    per_k = (time.perf_counter() - t0) * 1000 / len(sample) * 1000
    times_ms = sorted(t * 1000 for t in suggest_times)
    # a 5,000-word article in a fresh process: import, load, known() on every word,
    # suggest() on every unknown lower-case word (the linter skips names and acronyms)
    article = " ".join(words[-5000:])
    cold = subprocess.run(
        [sys.executable, "-c", _COLD_RUN, args.dialect], input=article, capture_output=True,
        text=True, check=True, cwd=str(Path(__file__).resolve().parents[1]),
    ).stdout.split()
    print("\n== (c) speed (one process, this machine)")
    print(f"first load: {load_s * 1000:.0f} ms; suggestion index built on first suggest(): {index_s * 1000:.0f} ms")
    print(f"known(): {per_k:.2f} ms per 1,000 lookups ({known_s:.2f} s for all {total} BBC tokens)")
    print(f"suggest(): mean {statistics.mean(times_ms):.1f} ms, median {statistics.median(times_ms):.1f} ms, "
          f"p95 {times_ms[int(len(times_ms) * 0.95)]:.1f} ms per call ({len(times_ms)} calls)")
    print(f"5,000-word article, fresh process: import+load {cold[0]} ms, known() on all words {cold[1]} ms "
          f"({cold[2]} unknown), suggest() for the {cold[3]} lower-case ones {cold[4]} ms "
          f"(incl. index), total {cold[5]} ms")


_COLD_RUN = """
import string, sys, time
t0 = time.perf_counter()
from newslint.spelling.lexicon import Lexicon
lex = Lexicon.load(sys.argv[1])
t1 = time.perf_counter()
words = sys.stdin.read().split()
words = [w.strip(string.punctuation) for w in words]
unknown = [w for w in words if w and not lex.known(w)]
t2 = time.perf_counter()
lower = [w for w in unknown if w.islower()]
for w in lower:
    lex.suggest(w)
t3 = time.perf_counter()
ms = lambda a, b: f"{(b - a) * 1000:.0f}"
print(ms(t0, t1), ms(t1, t2), len(unknown), len(lower), ms(t2, t3), ms(t0, t3))
"""


if __name__ == "__main__":
    main()
