"""Swap test for the organisation rules (EN001, EN002) on real, professionally edited copy.

Usage: python benchmarks/entity_swap_eval.py [--show N] [--sweep] [--no-wmt] [--half 0|1]

Originals: deduplicated BBC articles (benchmarks/common.py) and the WMT21 ru-en human
reference A documents. A swap replaces ONE mention of an organisation with its rival's name
("EU" -> "Nato") in an otherwise untouched article. The swap generator is independent of the
rule: it finds names with its own patterns and calls a swap "decidable" when the sentence or
a neighbour holds a word that a reviewer listed for the original organisation (and none for
the rival); it never reads the rule's knowledge base.

Reported: swaps built (per pair and corpus), recall on all swaps and on decidable ones,
false alarms on the untouched originals, precision = true flags / all flags, BBC false alarms
per 1,000 words, and why the missed swaps were missed (from the rule's own scores). As hard
negatives, real paragraphs that name the rival are spliced into articles about the original
organisation ("an article that genuinely discusses both"): every flag on them is false.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, bbc_articles, word_count  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.entities.scoring import analysis  # noqa: E402
from newslint.config import Config, RuleSetting  # noqa: E402
from newslint.engine import Linter  # noqa: E402

# ---- the generator's own view of the organisations (not the rule's knowledge base) ------
# names: how copy writes the organisation; say: what to write when swapping it in (its own name);
# reviewer: words a human reviewer listed as showing that a passage is about it.
ORGS = {
    "EU": dict(
        names=r"\bEU\b|\bEuropean Union\b", say="EU",
        reviewer="Brussels|Commission|commissioner|member states|euro|eurozone|MEPs?|European Parliament|Strasbourg|"
                 "directive|Barroso|Prodi|Mandelson|presidency|enlargement|constitution|single market|Schengen|rebate|"
                 "budget|treaty",
    ),
    "NATO": dict(
        names=r"\bNATO\b|\bNato\b|North Atlantic Treaty Organi[sz]ation", say="Nato",
        reviewer="Stoltenberg|Rutte|Scheffer|Article 5|allies|alliance|troops|military|defence|Secretary[- ]General|"
                 "Afghanistan|Kosovo",
    ),
    "IMF": dict(
        names=r"\bIMF\b|International Monetary Fund", say="IMF",
        reviewer="Rato|Krueger|K[oö]hler|loan|bail-?out|forecast|growth|managing director|debt|reform|inflation",
    ),
    "World Bank": dict(
        names=r"World Bank", say="World Bank",
        reviewer="Wolfensohn|Wolfowitz|poverty|development|aid|loans|projects|poor countries",
    ),
    "WTO": dict(
        names=r"\bWTO\b|World Trade Organi[sz]ation", say="WTO",
        reviewer="trade|tariffs?|Doha|quotas?|dispute|exports|imports|subsidies|Supachai|Lamy|textiles?",
    ),
    "WHO": dict(
        names=r"\bWHO\b|World Health Organi[sz]ation", say="World Health Organisation",
        reviewer="health|disease|vaccines?|drugs|Aids|HIV|flu|outbreak|patients",
    ),
    "ECtHR": dict(
        names=r"European Court of Human Rights", say="European Court of Human Rights",
        reviewer="Convention|Human Rights Act|Strasbourg|torture|detention|privacy",
    ),
    "ECJ": dict(
        names=r"European Court of Justice|\bECJ\b", say="European Court of Justice",
        reviewer="EU law|Luxembourg|directive|Commission|EU|European Union|single market",
    ),
    "European Council": dict(
        names=r"European Council\b(?! of\b)", say="European Council",
        reviewer="summit|leaders|heads of government|presidency|EU|Blair|Brussels|rebate",
    ),
    "Council of Europe": dict(
        names=r"Council of Europe\b", say="Council of Europe",
        reviewer="human rights|Strasbourg|Convention|Parliamentary Assembly",
    ),
    "Security Council": dict(
        names=r"Security Council", say="Security Council",
        reviewer="veto|resolutions?|permanent members|sanctions",
    ),
    "General Assembly": dict(
        names=r"(?:UN|United Nations) General Assembly", say="UN General Assembly",
        reviewer="193|non-binding|all member states",
    ),
    "ICJ": dict(
        names=r"International Court of Justice|\bICJ\b", say="International Court of Justice",
        reviewer="advisory opinion|between states|Genocide Convention|World Court",
    ),
    "ICC": dict(
        names=r"International Criminal Court", say="International Criminal Court",
        reviewer="war crimes|prosecutor|warrant|indicted|suspects?",
    ),
}
PAIRS = [
    ("EU", "NATO"), ("NATO", "EU"), ("IMF", "World Bank"), ("World Bank", "IMF"), ("WTO", "WHO"),
    ("WHO", "WTO"), ("ECtHR", "ECJ"), ("ECJ", "ECtHR"), ("European Council", "Council of Europe"),
    ("Council of Europe", "European Council"), ("Security Council", "General Assembly"),
    ("General Assembly", "Security Council"), ("ICJ", "ICC"), ("ICC", "ICJ"),
]
# Only to read the rule's scores when explaining a miss (never used to build swaps).
RULE_ID = {"EU": "EU", "NATO": "NATO", "IMF": "IMF", "World Bank": "WB", "WTO": "WTO", "WHO": "WHO",
           "ECtHR": "ECtHR", "ECJ": "CJEU", "European Council": "EUCO", "Council of Europe": "CoE",
           "Security Council": "UNSC", "General Assembly": "UNGA", "ICJ": "ICJ", "ICC": "ICC"}

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')]*|$)")
NAMES = {k: re.compile(v["names"]) for k, v in ORGS.items()}
REVIEWER = {k: re.compile(rf"\b(?:{v['reviewer']})\b", re.I) for k, v in ORGS.items()}


@dataclass
class Swap:
    doc: str
    corpus: str
    original: str
    rival: str
    start: int  # of the replacement in the swapped text
    end: int
    text: str
    decidable: bool
    sentence: str


def sentences(text: str) -> list[tuple[int, int]]:
    """The generator's own naive sentence split (line breaks and terminal punctuation)."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def caps_line(text: str, offset: int) -> bool:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    letters = [c for c in text[start : end if end >= 0 else len(text)] if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def build_swaps(doc: str, corpus: str, text: str) -> list[Swap]:
    """One swap per eligible mention: the sentence does not already name the rival."""
    spans = sentences(text)
    swaps = []
    for original, rival in PAIRS:
        for m in NAMES[original].finditer(text):
            if caps_line(text, m.start()):
                continue
            i = next((k for k, (a, b) in enumerate(spans) if a <= m.start() < b), None)
            if i is None:
                continue
            a, b = spans[i]
            if NAMES[rival].search(text[a:b]):
                continue
            window = text[spans[max(0, i - 1)][0] : spans[min(len(spans) - 1, i + 1)][1]]
            window_wo = window.replace(m.group(), " ")
            decidable = bool(REVIEWER[original].search(window_wo)) and not REVIEWER[rival].search(window_wo)
            say = ORGS[rival]["say"]
            if NAMES[original].fullmatch(say):
                continue  # the rival's name would still read as the original
            swapped = text[: m.start()] + say + text[m.end() :]
            swaps.append(Swap(doc, corpus, original, rival, m.start(), m.start() + len(say), swapped, decidable,
                              (text[a : m.start()] + "[" + say + "]" + text[m.end() : b]).strip()))
    return swaps


@dataclass
class Splice:
    doc: str
    original: str  # the organisation the host article is about
    rival: str  # the organisation the inserted paragraph names, correctly
    start: int  # of the inserted paragraph
    end: int
    text: str
    names: list[tuple[int, int]]  # the rival's names inside it


def build_splices(originals: list[tuple[str, str, str]], per_snippet: int = 3) -> list[Splice]:
    """Hard negatives: a real paragraph that names the rival (with its neighbouring sentences,
    from another article) inserted into an article about the original organisation. Every
    name in it is right, so any flag on it is a false alarm."""
    splices = []
    for original, rival in PAIRS:
        hosts = [(d, t) for d, _, t in originals
                 if len(NAMES[original].findall(t)) >= 3 and not NAMES[rival].search(t)]
        if not hosts:
            continue
        snippets = {}
        for doc, _, text in originals:
            spans = sentences(text)
            for m in NAMES[rival].finditer(text):
                if caps_line(text, m.start()):
                    continue
                i = next((k for k, (a, b) in enumerate(spans) if a <= m.start() < b), None)
                if i is None:
                    continue
                a, b = spans[max(0, i - 1)][0], spans[min(len(spans) - 1, i + 1)][1]
                snippet = " ".join(text[a:b].split())
                if not NAMES[original].search(snippet):
                    snippets.setdefault(snippet, doc)
        for n, (snippet, source) in enumerate(sorted(snippets.items())):
            for k in range(per_snippet):
                host_doc, host = hosts[(n * per_snippet + k) % len(hosts)]
                if host_doc == source:
                    continue
                paras = host.split("\n\n")
                cut = min(2, len(paras) - 1)
                head = "\n\n".join(paras[: cut + 1]) + "\n\n"
                text = head + snippet + "\n\n" + "\n\n".join(paras[cut + 1 :])
                start = len(head)
                names = [(start + m.start(), start + m.end()) for m in NAMES[rival].finditer(snippet)]
                splices.append(Splice(host_doc, original, rival, start, start + len(snippet), text, names))
    return splices


def wmt_documents() -> list[tuple[str, str]]:
    """WMT21 ru-en human reference A, one article per document (headline, blank line, body)."""
    path = DATA / "translationese" / "wmt21_ruen_news_human_vs_mt.jsonl"
    docs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            segs = r["human_refs_en"]["A"]
            docs.append((f"wmt-ruen-{r['doc_id']}", segs[0] + "\n\n" + "\n\n".join(segs[1:])))
    return docs


def linter(threshold: float | None = None) -> Linter:
    rules = {"EN001": RuleSetting(options={"threshold": threshold})} if threshold is not None else {}
    return Linter(Config(select=("EN",), grammar="off", rules=rules))


def best_margin(text: str, start: int) -> tuple[float | None, str]:
    """The rule's best decisive-enough margin for the mention at ``start``, or why there is none."""
    found = analysis(Article(text), None)
    mention = next((m for m in found.mentions if m.start <= start < m.end), None)
    if mention is None:
        return None, "the swapped-in name is not a name the rule knows here"
    blocked, scores = found.scores(mention)
    if blocked:
        return None, blocked
    usable = [s for s in scores if found.shortfall(s, float("-inf")) is None]
    if usable:
        return max(s.margin for s in usable), "margin below threshold"
    reasons = [found.shortfall(s, float("-inf")) for s in scores]
    return None, Counter(reasons).most_common(1)[0][0] if reasons else "no rival"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, default=5, help="print this many misses and false alarms")
    parser.add_argument("--sweep", action="store_true", help="also print recall/precision for other thresholds")
    parser.add_argument("--no-wmt", action="store_true", help="BBC only")
    parser.add_argument("--half", type=int, choices=(0, 1),
                        help="show only the misses from this half of the articles, keeping the other half unseen "
                             "while adding cues (recall is printed for both halves)")
    args = parser.parse_args()

    originals = [(r["id"], "bbc", r["text"]) for r in bbc_articles()]
    if not args.no_wmt:
        originals += [(doc, "wmt-ruen", text) for doc, text in wmt_documents()]
    lint = linter()

    false_orig: list[tuple[str, str, object]] = []
    orig_flags: dict[str, set] = {}
    bbc_words = 0
    bbc_false = 0
    swaps: list[Swap] = []
    for doc, corpus, text in originals:
        diags = lint.lint(Article(text, doc))
        orig_flags[doc] = {(d.code, d.message) for d in diags}
        false_orig.extend((doc, text, d) for d in diags)
        if corpus == "bbc":
            bbc_words += word_count(text)
            bbc_false += len(diags)
        swaps.extend(build_swaps(doc, corpus, text))

    hits, extra, missed = [], [], []
    for s in swaps:
        diags = lint.lint(Article(s.text, s.doc))
        on_swap = [d for d in diags if d.offset < s.end and d.end_offset > s.start]
        others = [d for d in diags if d not in on_swap and (d.code, d.message) not in orig_flags[s.doc]]
        extra.extend((s, d) for d in others)
        (hits if on_swap else missed).append(s)

    print(f"originals: {sum(1 for o in originals if o[1] == 'bbc')} deduplicated BBC articles ({bbc_words} words)"
          + ("" if args.no_wmt else f" + {sum(1 for o in originals if o[1] != 'bbc')} WMT21 ru-en reference documents"))
    by_corpus = Counter(s.corpus for s in swaps)
    print(f"swap cases built: {len(swaps)} ({', '.join(f'{n} from {c}' for c, n in by_corpus.items())}); "
          f"decidable by the reviewer-cue criterion: {sum(s.decidable for s in swaps)}")
    print(f"{'PAIR':<42}{'BUILT':>6}{'DECID':>6}{'HIT':>6}{'HIT/DEC':>9}")
    hit_ids = {id(s) for s in hits}
    for original, rival in PAIRS:
        group = [s for s in swaps if s.original == original and s.rival == rival]
        if not group:
            continue
        dec = [s for s in group if s.decidable]
        print(f"{original + ' -> ' + rival:<42}{len(group):>6}{len(dec):>6}"
              f"{sum(id(s) in hit_ids for s in group):>6}{sum(id(s) in hit_ids for s in dec):>9}")
    tp = len(hits)
    fp = len(false_orig) + len(extra)
    decidable = [s for s in swaps if s.decidable]
    dec_hits = sum(id(s) in hit_ids for s in decidable)
    print(f"recall, all swaps: {tp}/{len(swaps)} = {tp / max(1, len(swaps)):.1%}")
    print(f"recall, decidable swaps: {dec_hits}/{len(decidable)} = {dec_hits / max(1, len(decidable)):.1%}")
    halves = [[s for s in decidable if half(s.doc) == h] for h in (0, 1)]
    print("recall, decidable swaps by half of the articles: " + ", ".join(
        f"half {h} {sum(id(s) in hit_ids for s in group)}/{len(group)}" for h, group in enumerate(halves)))
    print(f"false alarms: {len(false_orig)} on untouched originals, {len(extra)} elsewhere in swapped articles")
    print(f"precision = true flags / all flags = {tp}/{tp + fp} = {tp / max(1, tp + fp):.1%}")
    print(f"BBC false alarms per 1,000 words: {1000 * bbc_false / max(1, bbc_words):.4f}")

    splices = build_splices(originals)
    spliced_names = sum(len(x.names) for x in splices)
    splice_false = 0
    splice_samples = []
    for x in splices:
        for d in lint.lint(Article(x.text, x.doc)):
            if x.start <= d.offset < x.end:
                splice_false += 1
                splice_samples.append((x, d))
    print(f"hard negatives: {len(splices)} articles about one organisation with a real paragraph naming its rival "
          f"spliced in ({spliced_names} rival names): {splice_false} flagged "
          f"({splice_false / max(1, spliced_names):.1%} of those names)")
    fp_all = fp + splice_false
    print(f"precision counting hard-negative flags too = {tp}/{tp + fp_all} = {tp / max(1, tp + fp_all):.1%}")

    reasons = Counter()
    for s in missed:
        _, why = best_margin(s.text, s.start)
        reasons[(s.decidable, why)] += 1
    parts = [f"{n} {why}{'' if dec else ' (not decidable)'}" for (dec, why), n in reasons.most_common()]
    print(f"missed {len(missed)} swaps: " + "; ".join(parts))
    for s in [m for m in missed if m.decidable and args.half in (None, half(m.doc))][: args.show]:
        margin, why = best_margin(s.text, s.start)
        note = f"margin {margin:.2f}" if margin is not None else why
        print(f"  MISS {s.doc} {s.original}->{s.rival} ({note}): {s.sentence[:200]}")
    for doc, text, d in false_orig[: args.show]:
        print(f"  FALSE {doc}:{d.line}:{d.column} {d.code} {d.message[:160]}")
    for s, d in extra[: args.show]:
        print(f"  FALSE-IN-SWAP {s.doc}:{d.line}:{d.column} {d.code} {d.message[:160]}")
    for x, d in splice_samples[: args.show]:
        print(f"  FALSE-IN-SPLICE {x.doc} ({x.rival} paragraph in a {x.original} article) {d.code} {d.message[:160]}")

    if args.sweep:
        print("threshold sweep (EN001 margins only; EN002 findings do not depend on it):")
        margins = [best_margin(s.text, s.start)[0] for s in swaps]
        decid = [m for m, s in zip(margins, swaps) if s.decidable]
        orig_margins = mention_margins((text, lambda m: True) for _, _, text in originals)
        splice_margins = mention_margins((x.text, lambda m, x=x: x.start <= m.start < x.end) for x in splices)
        for t in (2.0, 2.5, 3.0, 3.5, 4.0, 4.5):
            tp_t = sum(1 for m in margins if m is not None and m >= t)
            dec_t = sum(1 for m in decid if m is not None and m >= t)
            fp_t = sum(1 for m in orig_margins if m >= t)
            sp_t = sum(1 for m in splice_margins if m >= t)
            print(f"  {t:>4}: recall {tp_t / max(1, len(swaps)):.1%} (decidable {dec_t / max(1, len(decid)):.1%}), "
                  f"false alarms: originals {fp_t}, hard negatives {sp_t}; "
                  f"precision {tp_t / max(1, tp_t + fp_t):.1%} ({tp_t / max(1, tp_t + fp_t + sp_t):.1%} with hard negatives)")


def half(doc: str) -> int:
    """A stable half (0 or 1) of the articles, by document id."""
    return zlib.crc32(doc.encode("utf-8")) % 2


def mention_margins(items) -> list[float]:
    """The best decisive-enough EN001 margin of every selected mention."""
    out = []
    for text, keep in items:
        found = analysis(Article(text), None)
        for m in found.mentions:
            if not keep(m):
                continue
            blocked, scores = found.scores(m)
            usable = [x.margin for x in scores if not blocked and found.shortfall(x, float("-inf")) is None]
            if usable:
                out.append(max(usable))
    return out


if __name__ == "__main__":
    main()
