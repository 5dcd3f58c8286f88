"""Build the reviewed mined-phrase packs (rules/translation-list-zh.yaml, -ru.yaml).

Usage: python benchmarks/build_mined_packs.py [--mine]

The pipeline, rebuilt with one command (``--mine`` first re-runs mine_calques.py):
1. benchmarks/mine_calques.py ranks n-grams over-represented in translated news (mining
   split) -> benchmarks/results/mined_<lang>.tsv.
2. A bilingual editor reviews the candidates (names, topic words and ordinary English
   rejected; artifacts generalised into a regex with advice, an optional plain
   replacement and an invented example) -> benchmarks/review/reviewed_<lang>.tsv, kept in
   git: decision, candidate, regex, advice, suggestion, example, and optional flags
   (pattern keys such as unless-day-named, comma-separated).
3. This script measures every accepted regex on native news (BBC, Reuters-21578,
   Anglosphere WMT originals: all of it) and on translated news of its language (mining
   split) and sorts it by what native copy does with it:
   - native rate <= UNGATED_NATIVE per million words: a warning everywhere (TR500 zh, TR502 ru);
   - native rate <= GATED_NATIVE and translated at least GATED_RATIO times as often: a
     warning only in articles that read as translated (TR501, TR503);
   - anything else is left out, with its rates printed.
The packs' findings yield to any other translation finding on the same words.
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from translated_corpus import native_docs, translated_docs  # noqa: E402

RULES = HERE.parent / "rules"
UNGATED_NATIVE = 0.8
GATED_NATIVE = 15.0  # the gate (reads as translated) keeps all but ~0.5% of native articles out
GATED_RATIO = 10.0
MIN_TRANSLATED_DOCS = 2
LANGS = {"zh": ("Chinese", 500), "ru": ("Russian", 502)}
OK_EXAMPLES = [
    "Rates held\n\nThe Bank of England held interest rates on Thursday, as economists had expected.",
    "Storm warning\n\nForecasters said the storm would reach the coast by Friday evening, and schools were closed.",
    "Club sold\n\nThe club was sold to a US investment group for £120m, the chairman told reporters.",
]


class _NoAliases(yaml.SafeDumper):
    """Write shared lists out in full: a pack is read by people too."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def reviewed(lang: str) -> list[dict]:
    path = HERE / "review" / f"reviewed_{lang}.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows if (r.get("decision") or "").strip() == "accept" and (r.get("regex") or "").strip()]


def rate(pattern: re.Pattern[str], texts: list[str], words: int) -> tuple[float, int]:
    hits = docs = 0
    for text in texts:
        n = len(pattern.findall(text))
        hits += n
        docs += n > 0
    return 1e6 * hits / words, docs


def classify(rows: list[dict], native: list[str], translated: list[str]) -> tuple[list, list, list]:
    native_words = sum(len(t.split()) for t in native)
    translated_words = sum(len(t.split()) for t in translated)
    ungated, gated, dropped = [], [], []
    for r in rows:
        try:
            pattern = re.compile(r["regex"], re.IGNORECASE)
        except re.error as exc:
            dropped.append((r, f"invalid regex: {exc}"))
            continue
        if not pattern.search(r["example"] or ""):
            dropped.append((r, "does not match its own example"))
            continue
        native_rate, _ = rate(pattern, native, native_words)
        trans_rate, trans_docs = rate(pattern, translated, translated_words)
        figures = f"native {native_rate:.1f}/M words, translated {trans_rate:.1f}/M in {trans_docs} documents"
        if trans_docs < MIN_TRANSLATED_DOCS:
            dropped.append((r, f"too rare in translated news ({figures})"))
        elif native_rate <= UNGATED_NATIVE:
            ungated.append((r, figures))
        elif native_rate <= GATED_NATIVE and trans_rate >= GATED_RATIO * native_rate:
            gated.append((r, figures))
        else:
            dropped.append((r, f"native news uses it ({figures})"))
    return ungated, gated, dropped


def pattern_entry(row: dict, figures: str) -> dict:
    entry = {"pattern": row["regex"].strip(), "advice": row["advice"].strip()}
    suggestion = (row.get("suggestion") or "").strip()
    if suggestion:
        entry["suggestion"] = suggestion
    entry["example"] = row["example"].strip()
    for flag in (row.get("flags") or "").split(","):
        if flag.strip() == "case-sensitive":
            entry["case"] = "sensitive"  # "the new era", not the "New Era" of an official name
        elif flag.strip():
            entry[flag.strip()] = True  # a pattern key such as unless-day-named
    entry["note"] = figures
    return entry


def rule(lang: str, code: int, gated: bool, entries: list[dict]) -> dict:
    name, _ = LANGS[lang]
    return {
        "code": f"TR{code}",
        "name": f"translated-phrase-{lang}" + ("-risky" if gated else ""),
        "kind": "phrase",
        "category": "translation",
        "severity": "warning",
        "source-languages": [lang],
        "gated": gated,
        **({"skip-quotes": True} if gated else {}),  # words native copy also uses: a quote is someone's own
        "yields": True,
        "summary": f"Phrases mined from English translated from {name} and reviewed by an editor"
                   + (" (ones native copy also uses: only in copy that reads as translated)." if gated else "."),
        "why": (
            f"Mined from WMT news translated from {name} (human and machine translations) against "
            "native news (BBC, Reuters, Anglosphere outlets) by log-odds with an informative "
            "Dirichlet prior, then reviewed by a bilingual editor who kept the artifacts an "
            "English-language desk would rewrite and wrote the advice. "
            + ("Native reporters use these now and then, so they are reported only in articles "
               "that read as translated (TR000)." if gated else
               "Native news almost never uses them (each pattern's note gives its rates).")
            + " benchmarks/build_mined_packs.py rebuilds this list."
        ),
        "message": "'{match}' reads as translated: {advice}",
        "examples": {"ok": OK_EXAMPLES},
        "patterns": entries,
    }


def build(lang: str, native: list[str]) -> None:
    translated = [d.text for d in translated_docs(lang) if d.split == "mine"]
    ungated, gated, dropped = classify(reviewed(lang), native, translated)
    name, base = LANGS[lang]
    rules = []
    for offset, (group, is_gated) in enumerate(((ungated, False), (gated, True))):
        if group:
            rules.append(rule(lang, base + offset, is_gated, [pattern_entry(row, fig) for row, fig in group]))
    header = (
        f"# Reviewed phrases mined from English translated from {name}: GENERATED by\n"
        f"# benchmarks/build_mined_packs.py from benchmarks/review/reviewed_{lang}.tsv; edit the review\n"
        "# file and rebuild, not this file. Each pattern's note: its rates when it was built.\n"
    )
    out = RULES / f"translation-list-{lang}.yaml"
    body = yaml.dump({"pack": f"translation-list-{lang}", "rules": rules}, Dumper=_NoAliases,
                     sort_keys=False, allow_unicode=True, width=100)
    out.write_text(header + body, encoding="utf-8")
    print(f"{lang}: {len(ungated)} everywhere, {len(gated)} in translated-reading copy, {len(dropped)} left out -> {out}")
    for row, why in dropped:
        print(f"   left out {row['regex']!r}: {why}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mine", action="store_true", help="re-run mine_calques.py first (about 3 minutes)")
    args = parser.parse_args()
    if args.mine:
        subprocess.run([sys.executable, str(HERE / "mine_calques.py")], check=True)
    native = [d.text for d in native_docs()]
    for lang in LANGS:
        if (HERE / "review" / f"reviewed_{lang}.tsv").exists():
            build(lang, native)


if __name__ == "__main__":
    main()
