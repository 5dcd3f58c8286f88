"""Which of LanguageTool's opt-in English rules are quiet on professionally edited news?

Usage: python benchmarks/languagetool_optin_survey.py [--articles 0] [--out FILE]

Lists every rule the installed LanguageTool's English rule files mark off by default
(``default="off"``/``"temp_off"``, on the rule, its group, a sub-rule or its category) or
picky-only (``tags="picky"``), switches them all on, and counts per rule:

- ``bbc``: matches on the deduplicated BBC articles, per 100,000 words (edited copy, so
  nearly every match is a false alarm or a house-style disagreement);
- ``correct``: LanguageTool's own *correct* example sentences it flags;
- ``incorrect``: LanguageTool's *incorrect* example sentences it flags at the marked span
  (reported only; the news profile is chosen from the first two columns, never this one).

The output is a TSV (default benchmarks/results/languagetool_optin_survey.tsv, kept in git) sorted by
``bbc``; newslint/languagetool/news_profile.py is chosen from it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, bbc_articles, word_count  # noqa: E402

from newslint.languagetool import provision  # noqa: E402
from newslint.languagetool.rule_files import opt_in_rules  # noqa: E402
from newslint.languagetool import client  # noqa: E402
from newslint.languagetool.server import LanguageToolSession  # noqa: E402

def check(url: str, text: str, rules: list[str], variant: str = "en-US") -> list[dict]:
    data = {"text": text, "language": variant, "level": "picky", "enabledRules": ",".join(rules)}
    answer = client.fetch_json(url, "/v2/check", data, timeout=120)
    return answer["matches"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=0, help="BBC articles to scan (0: all)")
    parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "languagetool_optin_survey.tsv"))
    args = parser.parse_args()
    rules = opt_in_rules(provision.jar_dir())
    ids = sorted(rules)
    print(f"{len(ids)} opt-in rules ({sum(v[1] == 'off' for v in rules.values())} off by default, "
          f"{sum(v[1] == 'picky' for v in rules.values())} picky-only)", file=sys.stderr)
    bbc, correct, incorrect = Counter(), Counter(), Counter()
    words = 0
    with LanguageToolSession("en-US", reuse_running=False, progress=lambda m: print(m, file=sys.stderr)) as s:
        articles = bbc_articles()[: args.articles or None]
        for i, a in enumerate(articles):
            words += word_count(a["text"])
            bbc.update(m["rule"]["id"] for m in check(s.url, a["text"], ids) if m["rule"]["id"] in rules)
            if i % 200 == 0:
                print(f"  {i}/{len(articles)} articles", file=sys.stderr)
        for line in (DATA / "peers" / "languagetool_en_correct.jsonl").open():
            r = json.loads(line)
            correct.update({m["rule"]["id"] for m in check(s.url, r["correct"], ids) if m["rule"]["id"] in rules})
        for line in (DATA / "peers" / "languagetool_en_incorrect.jsonl").open():
            r = json.loads(line)
            if not r.get("marker_span"):
                continue
            a, b = r["marker_span"]
            hits = {m["rule"]["id"] for m in check(s.url, r["incorrect"], ids)
                    if m["rule"]["id"] in rules and m["offset"] < max(b, a + 1) and a < m["offset"] + m["length"]}
            incorrect.update(hits)
    rows = sorted(ids, key=lambda k: (bbc[k] / words, correct[k], k))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        f.write("rule\tcategory\tkind\tbbc_per_100k_words\tbbc_matches\tcorrect_examples\tincorrect_examples\n")
        for k in rows:
            f.write(f"{k}\t{rules[k][0]}\t{rules[k][1]}\t{1e5 * bbc[k] / words:.2f}\t{bbc[k]}\t{correct[k]}\t{incorrect[k]}\n")
    print(f"{len(articles)} BBC articles, {words} words; table written to {out}")


if __name__ == "__main__":
    main()
