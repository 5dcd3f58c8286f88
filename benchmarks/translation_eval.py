"""How well the translation rules separate translated news from native news.

Usage: python benchmarks/translation_eval.py [--rules] [--show CODE] [--samples N]

Counts translation findings (category translation, warning and above, default config, no
source-language) per 1,000 words on:
- deduplicated BBC news (native, professionally edited): should be nearly clean;
- WMT21 zh-en and ru-en news: the professional human translation (ref A) and each machine
  system, separately;
- WMT23 zh-en machine output with expert MQM error spans: share of findings that overlap a
  target-side expert span, grouped into articles by (system, document).
--rules adds a per-rule table; --show CODE prints sample findings of one rule.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, bbc_articles, word_count  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter  # noqa: E402
from newslint.registry import default_registry  # noqa: E402

TRANSLATIONESE = DATA / "translationese"
ZH_GROUP = 15  # WMT21 zh-en has no document boundaries: consecutive segments per pseudo-article
TARGETS = {"bbc_max": 0.3, "ratio_min": 20.0, "mt_min": 2.0, "mqm_precision": 0.60, "mqm_rate": 1.5}


@dataclass
class Corpus:
    """Findings of one text collection: words, articles and per-rule counts."""

    name: str
    words: int = 0
    articles: int = 0
    by_rule: Counter = field(default_factory=Counter)
    samples: dict = field(default_factory=lambda: defaultdict(list))

    @property
    def findings(self) -> int:
        return sum(self.by_rule.values())

    def rate(self) -> float:
        return 1000 * self.findings / self.words if self.words else 0.0


def translation_findings(linter: Linter, article: Article) -> list:
    """Translation-category diagnostics of warning severity or above."""
    return [d for d in linter.lint(article) if d.category == "translation" and d.severity.rank >= 1]


def run(linter: Linter, corpus: Corpus, texts: list[str]) -> Corpus:
    for text in texts:
        article = Article(text, corpus.name)
        corpus.words += word_count(text)
        corpus.articles += 1
        for d in translation_findings(linter, article):
            corpus.by_rule[d.code] += 1
            context = text[max(0, d.offset - 60) : d.end_offset + 60].replace("\n", "⏎")
            corpus.samples[d.code].append(f"{d.message} | {context}")
    return corpus


def zh_texts() -> tuple[list[str], dict[str, list[str]]]:
    """Pseudo-articles of ZH_GROUP consecutive segments: human ref A and per system."""
    rows = [json.loads(line) for line in (TRANSLATIONESE / "wmt21_zhen_news_human_vs_mt.jsonl").open(encoding="utf-8")]
    human, systems = [], defaultdict(list)
    for i in range(0, len(rows), ZH_GROUP):
        chunk = rows[i : i + ZH_GROUP]
        human.append("\n\n".join(r["human_refs_en"]["A"] for r in chunk))
        for name in chunk[0]["mt_en"]:
            systems[name].append("\n\n".join(r["mt_en"][name] for r in chunk))
    return human, dict(systems)


def ru_texts() -> tuple[list[str], dict[str, list[str]]]:
    """Real documents (first segment is the headline): human ref A and per system."""
    human, systems = [], defaultdict(list)
    for line in (TRANSLATIONESE / "wmt21_ruen_news_human_vs_mt.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        human.append("\n\n".join(doc["human_refs_en"]["A"]))
        for name, segments in doc["mt_en"].items():
            systems[name].append("\n\n".join(segments))
    return human, dict(systems)


@dataclass
class MqmArticle:
    """One (system, document) of WMT23 zh-en joined into an article, with expert spans."""

    text: str
    spans: list[tuple[int, int]]  # target-side expert error spans, article offsets
    awkward: list[tuple[int, int]]  # the Style/Unnatural or awkward ones, deduplicated


def mqm_articles() -> list[MqmArticle]:
    groups = defaultdict(list)
    for line in (TRANSLATIONESE / "wmt23_zhen_news_mqm.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        groups[(row["system"], row["doc"])].append(row)
    articles = []
    for rows in groups.values():
        rows.sort(key=lambda r: r["docSegId"])
        parts, spans, awkward, offset = [], [], set(), 0
        for row in rows:
            for e in row["errors"]:
                if e["side"] != "target" or e["span"][1] <= e["span"][0]:
                    continue
                span = (offset + e["span"][0], offset + e["span"][1])
                spans.append(span)
                if e["category"].startswith("Style/Unnatural"):
                    awkward.add(span)
            parts.append(row["mt_en"])
            offset += len(row["mt_en"]) + 2
        articles.append(MqmArticle("\n\n".join(parts), spans, sorted(awkward)))
    return articles


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def run_mqm(linter: Linter, open_gate: Linter | None = None) -> dict:
    """Findings on WMT23 machine output and how many overlap an expert error span."""
    stats = {"words": 0, "findings": 0, "hits": 0, "by_rule": Counter(), "hit_rule": Counter(),
             "awkward": 0, "awkward_found": 0, "open_rule": Counter(), "open_hit": Counter(), "gated_silent": 0, "samples": defaultdict(list), "chars": 0,
             "covered": 0}
    for item in mqm_articles():
        article = Article(item.text, "<mqm>")
        stats["words"] += word_count(item.text)
        found = translation_findings(linter, article)
        for d in found:
            hit = overlaps(d.offset, d.end_offset, item.spans)
            stats["findings"] += 1
            stats["hits"] += hit
            stats["by_rule"][d.code] += 1
            stats["hit_rule"][d.code] += hit
            context = item.text[max(0, d.offset - 60) : d.end_offset + 60].replace("\n", "⏎")
            stats["samples"][d.code].append(f"{'HIT ' if hit else 'miss'} {d.message} | {context}")
        stats["awkward"] += len(item.awkward)
        stats["awkward_found"] += sum(1 for a, b in item.awkward if any(d.offset < b and a < d.end_offset for d in found))
        shown = {(d.code, d.offset) for d in found}
        for d in translation_findings(open_gate, article) if open_gate else ():
            stats["open_rule"][d.code] += 1
            stats["open_hit"][d.code] += overlaps(d.offset, d.end_offset, item.spans)
            silent = (d.code, d.offset) not in shown
            stats["gated_silent"] += silent
            if silent:
                hit = overlaps(d.offset, d.end_offset, item.spans)
                context = item.text[max(0, d.offset - 60) : d.end_offset + 60].replace("\n", "⏎")
                stats["samples"][d.code].append(f"{'HIT ' if hit else 'miss'} (gate shut) {d.message} | {context}")
        covered = set()
        for a, b in item.spans:
            covered.update(range(a, b))
        stats["chars"] += len(item.text)
        stats["covered"] += len(covered)
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", action="store_true", help="per-rule table")
    parser.add_argument("--show", help="sample findings of this rule code")
    parser.add_argument("--samples", type=int, default=12)
    args = parser.parse_args()

    # Only translation-category rules run: other categories never change a translation
    # finding (the gate counts translation findings only), and skipping them saves time.
    codes = tuple(r.info.code for r in default_registry().rules if r.info.category == "translation")
    linter = Linter(Config(grammar="off", select=codes))
    open_gate = Linter(Config(grammar="off", select=codes, source_language="any"))
    bbc = run(linter, Corpus("BBC (native)"), [r["text"] for r in bbc_articles()])
    zh_human, zh_systems = zh_texts()
    ru_human, ru_systems = ru_texts()
    corpora = [bbc, run(linter, Corpus("zh-en human ref A"), zh_human)]
    zh_mt = [run(linter, Corpus(f"zh-en MT {name}"), texts) for name, texts in zh_systems.items()]
    corpora += zh_mt + [_pool("zh-en MT pooled", zh_mt), run(linter, Corpus("ru-en human ref A"), ru_human)]
    ru_mt = [run(linter, Corpus(f"ru-en MT {name}"), texts) for name, texts in ru_systems.items()]
    corpora += ru_mt + [_pool("ru-en MT pooled", ru_mt)]
    mqm = run_mqm(linter, open_gate)
    top = max(mqm["hit_rule"], key=mqm["hit_rule"].get) if mqm["hit_rule"] else None
    without = run_mqm(Linter(Config(grammar="off", select=tuple(c for c in codes if c != top)))) if top else None

    base = bbc.rate()
    print("Translation findings (category translation, warning+, default config, no source-language)")
    print(f"zh-en WMT21 has no document boundaries: pseudo-articles of {ZH_GROUP} consecutive segments")
    print(f"{'CORPUS':<28}{'ARTICLES':>9}{'WORDS':>9}{'FINDINGS':>9}{'PER_1K':>8}{'xBBC':>7}")
    for c in corpora:
        ratio = f"{c.rate() / base:7.1f}" if base and c is not bbc else "      -"
        print(f"{c.name:<28}{c.articles:>9}{c.words:>9}{c.findings:>9}{c.rate():>8.3f}{ratio}")
    precision = mqm["hits"] / mqm["findings"] if mqm["findings"] else 0.0
    mqm_rate = 1000 * mqm["findings"] / mqm["words"]
    print(f"WMT23 zh-en MQM ({mqm['words']} words, articles = system x document): {mqm['findings']} findings, "
          f"{mqm_rate:.2f} per 1,000 words, {mqm['hits']} overlap an expert target-side error span = "
          f"{100 * precision:.1f}% (expert spans cover {100 * mqm['covered'] / mqm['chars']:.1f}% of characters)")

    if without:
        print(f"robustness: without {top}, the rule with most expert-span hits, MQM gives "
              f"{1000 * without['findings'] / without['words']:.2f} per 1,000 words at "
              f"{100 * without['hits'] / max(1, without['findings']):.1f}%")
    checks = _checks(bbc, corpora, precision, mqm_rate)
    for label, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {label}")
    print(f"missed: {mqm['awkward'] - mqm['awkward_found']} of {mqm['awkward']} expert 'unnatural/awkward' spans "
          f"({100 * (1 - mqm['awkward_found'] / max(1, mqm['awkward'])):.0f}%) get no finding: they are one-off word "
          f"choices and mistranslations, not recurring calques a phrase list can name; a further "
          f"{mqm['gated_silent']} matches of gated (risky) rules stayed silent on MQM articles that do not read as translated (TR000), "
          f"and the date, tautology and organisation-confusion artifacts belong to other categories")

    if args.rules:
        _rule_table(corpora, mqm)
    if args.show:
        random.seed(0)
        for c in corpora[:2] + [_pool("zh MT", zh_mt), _pool("ru MT", ru_mt)]:
            pool = c.samples.get(args.show, [])
            print(f"-- {c.name}: {len(pool)}")
            for line in random.sample(pool, min(args.samples, len(pool))):
                print("   " + line)
        pool = mqm["samples"].get(args.show, [])
        print(f"-- MQM: {len(pool)}")
        for line in random.sample(pool, min(args.samples, len(pool))):
            print("   " + line)


def _pool(name: str, parts: list[Corpus]) -> Corpus:
    pooled = Corpus(name)
    for c in parts:
        pooled.words += c.words
        pooled.articles += c.articles
        pooled.by_rule.update(c.by_rule)
        for code, lines in c.samples.items():
            pooled.samples[code].extend(lines)
    return pooled


def _checks(bbc: Corpus, corpora: list[Corpus], precision: float, mqm_rate: float) -> list[tuple[str, bool]]:
    base = bbc.rate()
    named = {c.name: c for c in corpora}
    checks = [(f"BBC {base:.3f} per 1,000 words <= {TARGETS['bbc_max']}", base <= TARGETS["bbc_max"])]
    for name in ("zh-en human ref A", "zh-en MT pooled", "ru-en human ref A", "ru-en MT pooled"):
        rate = named[name].rate()
        ratio = rate / base if base else float("inf")
        checks.append((f"{name} {ratio:.1f}x BBC >= {TARGETS['ratio_min']:.0f}x", ratio >= TARGETS["ratio_min"]))
    for name in ("zh-en MT pooled", "ru-en MT pooled"):
        rate = named[name].rate()
        checks.append((f"{name} {rate:.2f} per 1,000 words >= {TARGETS['mt_min']}", rate >= TARGETS["mt_min"]))
    checks.append((f"MQM overlap {100 * precision:.1f}% >= {100 * TARGETS['mqm_precision']:.0f}%",
                   precision >= TARGETS["mqm_precision"]))
    checks.append((f"MQM rate {mqm_rate:.2f} per 1,000 words >= {TARGETS['mqm_rate']}", mqm_rate >= TARGETS["mqm_rate"]))
    return checks


def _rule_table(corpora: list[Corpus], mqm: dict) -> None:
    shown = [c for c in corpora if "pooled" in c.name or "human" in c.name or c.name.startswith("BBC")]
    codes = sorted(set().union(*(c.by_rule for c in shown), mqm["by_rule"], mqm["open_rule"]))
    print(f"\n{'CODE':<8}" + "".join(f"{c.name.split(' (')[0][:12]:>13}" for c in shown)
          + f"{'MQM':>6}{'HIT%':>6}{'UNGATED':>8}{'HIT%':>6}")
    for code in codes:
        cells = "".join(f"{c.by_rule[code]:>13}" for c in shown)
        print(f"{code:<8}{cells}{_hits(mqm['by_rule'][code], mqm['hit_rule'][code], 6)}"
              f"{_hits(mqm['open_rule'][code], mqm['open_hit'][code], 8)}")
    print("UNGATED: MQM findings if every gate were open (source-language set)")


def _hits(n: int, hits: int, width: int) -> str:
    return f"{n:>{width}}" + (f"{100 * hits / n:>6.0f}" if n else "     -")


if __name__ == "__main__":
    main()
