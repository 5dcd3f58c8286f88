"""LanguageTool in newslint: recall on LT's own incorrect examples, newslint's false alarms
on LT's correct examples, and run time against LanguageTool alone on the same server.

Usage: python benchmarks/languagetool_eval.py [--limit N] [--articles 300] [--runs 3]

- recall: share of ../shared/data/peers/languagetool_en_incorrect.jsonl examples where
  newslint (grammar on, default config) reports something overlapping the marked span;
  misses are split by why (LT itself silent at default level; only at level=picky; rule
  off by default; dropped by newslint's news filters).
- false alarms: share of languagetool_en_correct.jsonl examples where newslint's OWN
  rules (not LanguageTool) report a warning or error.
- speed: median wall time to check N BBC articles through newslint (all rules + grammar)
  vs sending the same texts straight to the same LanguageTool server.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, bbc_articles  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter  # noqa: E402
from newslint.grammar import Grammar, to_diagnostics  # noqa: E402
from newslint.languagetool import mapping  # noqa: E402
from newslint.languagetool.mapping import LTMatch  # noqa: E402
from newslint.languagetool.news_profile import NEWS_RULES  # noqa: E402
from newslint.languagetool import client  # noqa: E402
from newslint.languagetool.server import LanguageToolSession  # noqa: E402


def raw_check(url: str, text: str, **params: str) -> list[LTMatch]:
    """Straight to the server's HTTP API (for the picky / enabledOnly probes)."""
    data = {"text": text, "language": "en-US", **params}
    answer = client.fetch_json(url, "/v2/check", data, timeout=60)
    return [LTMatch.from_json(m) for m in answer["matches"]]


def overlaps(start: int, end: int, s: int, e: int) -> bool:
    return start < max(e, s + 1) and s < end


def recall(url: str, linter: Linter, limit: int, level: str = "default", misses_path: str = "") -> None:
    own_codes = {a.rule.info.code for a in linter.active}
    rows = [json.loads(l) for l in (DATA / "peers" / "languagetool_en_incorrect.jsonl").open()]
    rows = [r for r in rows if r.get("marker_span")][: limit or None]
    checkers = {}
    for variant, language in (("en", "both"), ("en-GB", "en-GB"), ("en-US", "en-US")):
        checkers[variant] = Grammar(language, url, own_codes, progress=lambda m: None, level=level)
        checkers[variant].start()
    hit = 0
    why = Counter()
    missed_rules = Counter()
    misses = []
    source = Counter()
    for r in rows:
        text, (s, e) = r["incorrect"], r["marker_span"]
        article = Article(text)
        own = linter.lint(article)
        found = own + checkers.get(r.get("variant"), checkers["en"]).check(article, own)
        at_span = [d for d in found if overlaps(d.offset, d.end_offset, s, e)]
        if at_span:
            hit += 1
            lt_ids = {d.code[len(mapping.CODE_PREFIX):] for d in at_span if d.code.startswith(mapping.CODE_PREFIX)}
            if lt_ids - set(NEWS_RULES):
                source["LanguageTool, rules on by default"] += 1
            elif lt_ids:
                source["LanguageTool, opt-in rules of the news profile"] += 1
            else:
                source["newslint's own rules only (" + ", ".join(sorted({d.code for d in at_span})) + ")"] += 1
            continue
        missed_rules[r["rule_id"]] += 1
        default = raw_check(url, text)
        if any(overlaps(m.offset, m.offset + m.length, s, e) for m in default):
            kept = to_diagnostics(article, default, own, own_codes, ())
            reason = ("LT flags it at another span or rule" if kept else
                      "LT flags it; newslint drops it (news filters: spelling/dialect/quotes/owned rules)")
        elif any(overlaps(m.offset, m.offset + m.length, s, e) for m in raw_check(url, text, level="picky")):
            reason = "LT flags it only at level=picky"
        elif any(overlaps(m.offset, m.offset + m.length, s, e)
                 for m in raw_check(url, text, enabledRules=r["rule_id"], enabledOnly="true")):
            reason = "rule off by default in LT 6.8"
        else:
            reason = "LT 6.8 silent (rule renamed/removed since 2019, or needs n-gram data)"
        why[reason] += 1
        misses.append({**r, "why": reason})
    for checker in checkers.values():
        checker.close()
    setting = f"LanguageTool level {level}, language per example variant"
    print(f"recall on LT incorrect examples ({setting}): {hit}/{len(rows)} = {100 * hit / len(rows):.1f}%")
    reachable = len(rows) - why["LT 6.8 silent (rule renamed/removed since 2019, or needs n-gram data)"] \
        - why["rule off by default in LT 6.8"] - why["LT flags it only at level=picky"]
    print(f"  of the examples LT 6.8 flags with newslint's settings ({reachable}), newslint reports {hit}: {100 * hit / reachable:.1f}%")
    own = sum(n for k, n in source.items() if k.startswith("newslint"))
    for k in ("LanguageTool, rules on by default", "LanguageTool, opt-in rules of the news profile"):
        print(f"  found by {k}: {source[k]}")
    print(f"  found by newslint's own rules only: {own} (" + ", ".join(
        f"{k[len('newslint' + chr(39) + 's own rules only ('):-1]} {n}" for k, n in source.most_common() if k.startswith("newslint"))[:300] + ")")
    missed_by_category = Counter((m["why"].split(" (")[0], m["category"]) for m in misses)
    for reason, n in why.most_common():
        print(f"  missed, {reason}: {n}")
        cats = [(c, k) for (r, c), k in missed_by_category.most_common() if r == reason.split(" (")[0]]
        print("      by LT category: " + ", ".join(f"{c} {k}" for c, k in cats[:8]))
    print("  most-missed LT rule ids: " + ", ".join(f"{k} ({v})" for k, v in missed_rules.most_common(12)))
    if misses_path:
        with open(misses_path, "w", encoding="utf-8") as out:
            out.writelines(json.dumps(m) + "\n" for m in misses)
        print(f"  misses written to {misses_path}")


def false_alarms(linter: Linter, limit: int) -> None:
    rows = [json.loads(l) for l in (DATA / "peers" / "languagetool_en_correct.jsonl").open()][: limit or None]
    fired = Counter()
    n_fired = 0
    for r in rows:
        ds = [d for d in linter.lint(Article(r["correct"])) if d.severity.value != "info"]
        if ds:
            n_fired += 1
            fired.update(d.code for d in ds)
    print(f"newslint's own rules (warning+) on LT correct examples: {n_fired}/{len(rows)} = {100 * n_fired / len(rows):.2f}%")
    print("  by rule: " + ", ".join(f"{k} {v}" for k, v in fired.most_common(10)))


def speed(session: LanguageToolSession, linter: Linter, n: int, runs: int) -> None:
    """newslint (own rules + grammar, news profile) vs the same texts sent straight to the same
    server, once with the same LanguageTool rules switched on (the fair baseline: same work
    in LanguageTool) and once with LanguageTool's defaults."""
    texts = [a["text"] for a in bbc_articles()[:n]]
    own_codes = {a.rule.info.code for a in linter.active}
    same_rules = LanguageToolSession("en-US", remote_url=session.url, enabled_rules=NEWS_RULES)
    same_rules.start()

    def direct(client: LanguageToolSession) -> float:
        t = time.perf_counter()
        for text in texts:
            client.check(text)
        return time.perf_counter() - t

    def through_newslint() -> float:
        t = time.perf_counter()
        grammar = Grammar("both", session.url, own_codes, progress=lambda m: None)
        grammar.start()
        for i, text in enumerate(texts):
            article = Article(text, f"a{i}")
            own = linter.lint(article)
            grammar.check(article, own)
        grammar.close()
        return time.perf_counter() - t

    direct(session)  # warm the server
    ours, same, defaults = [], [], []
    for _ in range(runs):
        same.append(direct(same_rules))
        ours.append(through_newslint())
        defaults.append(direct(session))
    mo, ms, md = statistics.median(ours), statistics.median(same), statistics.median(defaults)
    print(f"speed, {n} BBC articles, median of {runs}: newslint {mo:.2f}s, LanguageTool alone with the same rules "
          f"{ms:.2f}s, ratio {mo / ms:.3f}; LanguageTool alone with its defaults {md:.2f}s, ratio {mo / md:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="examples per set (0: all)")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip", nargs="*", default=[], choices=["recall", "false-alarms", "speed"])
    parser.add_argument("--level", default="default", choices=["default", "picky"], help="LanguageTool level for recall")
    parser.add_argument("--misses", default="", metavar="FILE", help="write the missed examples (JSON lines, with why)")
    args = parser.parse_args()
    linter = Linter(Config())
    with LanguageToolSession("en-US", reuse_running=False, progress=lambda m: print(m, file=sys.stderr)) as session:
        print(f"LanguageTool server {session.url} (started in {session.startup_seconds or 0:.1f}s)")
        if "false-alarms" not in args.skip:
            false_alarms(linter, args.limit)
        if "recall" not in args.skip:
            recall(session.url, linter, args.limit, args.level, args.misses)
        if "speed" not in args.skip:
            speed(session, linter, args.articles, args.runs)


if __name__ == "__main__":
    main()
