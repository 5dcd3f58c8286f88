"""Sentence-level grammar recall on JFLEG and CoNLL-2014, newslint against raw LanguageTool.

Usage: python benchmarks/grammar_sentences_eval.py [--limit N] [--set jfleg|conll|both]

Each learner sentence (detokenised: "do n't ." -> "don't.") is checked as a one-paragraph
article. Reported per set:
- recall: share of sentences with an error (JFLEG: the source differs from the first
  reference; CoNLL-2014: annotator 0 made an edit) on which a tool reports anything;
- false alarms: share of the corrected sentences (JFLEG's first reference, CoNLL's
  annotator-0 correction) on which it still reports something.
newslint runs with its default configuration and grammar on; raw LanguageTool is the same
local server with its default rules (language en-US), every match counted.

Every newslint finding counts too, at any severity, except TR000 ("the article reads as
translated"): it is one note about where a whole article comes from, placed on the headline,
and says nothing about whether a sentence is right, so it is neither a hit on a sentence
with an error nor a false alarm on a corrected one. (Since the signal needs 100 words of
text, translation_signal.MIN_WORDS, it rarely fires on one sentence anyway.)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter  # noqa: E402
from newslint.grammar import Grammar  # noqa: E402
from newslint.languagetool import client  # noqa: E402
from newslint.languagetool.server import LanguageToolSession  # noqa: E402

_BEFORE = re.compile(r" ([.,;:!?%)\]}]|n't|'(?:s|re|ve|ll|d|m)\b)")
_AFTER = re.compile(r"([(\[{$]) ")
_QUOTES = re.compile(r'" (.*?) "')
NOT_SENTENCE_FINDINGS = frozenset({"TR000"})  # article-level notes: see the module docstring


def detokenise(tokens: str) -> str:
    text = _BEFORE.sub(r"\1", tokens.strip())
    text = _AFTER.sub(r"\1", text)
    text = _QUOTES.sub(r'"\1"', text)
    return text


def jfleg() -> list[tuple[str, str]]:
    """(learner sentence, corrected sentence) pairs; identical when nothing was wrong."""
    out = []
    for line in (DATA / "grammar" / "jfleg_test.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        out.append((detokenise(r["source"]), detokenise(r["references"][0])))
    return out


def conll() -> list[tuple[str, str]]:
    out = []
    for line in (DATA / "grammar" / "conll2014_test.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        corrected = r["corrected_by_annotator"]["0"]
        has_error = any(e["annotator"] == 0 for e in r["edits"])
        out.append((detokenise(r["source_tokens"]), detokenise(corrected) if has_error else detokenise(r["source_tokens"])))
    return out


def raw_flags(url: str, text: str) -> list[str]:
    answer = client.fetch_json(url, "/v2/check", {"text": text, "language": "en-US"}, timeout=60)
    return [m["rule"]["id"] for m in answer["matches"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--set", default="both", choices=["jfleg", "conll", "both"])
    args = parser.parse_args()
    linter = Linter(Config())
    own_codes = {a.rule.info.code for a in linter.active}
    sets = {"jfleg": jfleg, "conll": conll}
    with LanguageToolSession("en-US", reuse_running=False, progress=lambda m: print(m, file=sys.stderr)) as session:
        grammar = Grammar("both", session.url, own_codes, progress=lambda m: None)
        grammar.start()

        def ours(text: str) -> list[str]:
            article = Article(text)
            own = linter.lint(article)
            return [d.code for d in own + grammar.check(article, own) if d.code not in NOT_SENTENCE_FINDINGS]

        for name, load in sets.items():
            if args.set not in (name, "both"):
                continue
            pairs = load()[: args.limit or None]
            wrong = [(s, c) for s, c in pairs if s != c]
            tally = Counter()
            only_ours, only_lt = Counter(), Counter()
            for source, corrected in wrong:
                a, b = ours(source), raw_flags(session.url, source)
                tally["ours"] += bool(a)
                tally["lt"] += bool(b)
                if a and not b:
                    only_ours.update(set(a))
                if b and not a:
                    only_lt.update(set(b))
                tally["ours_fa"] += bool(ours(corrected))
                tally["lt_fa"] += bool(raw_flags(session.url, corrected))
            n = len(wrong)
            print(f"{name}: {n} sentences with an error (of {len(pairs)})")
            print(f"  newslint          recall {100 * tally['ours'] / n:5.1f}%   flags {100 * tally['ours_fa'] / n:5.1f}% of the corrected sentences")
            print(f"  raw LanguageTool  recall {100 * tally['lt'] / n:5.1f}%   flags {100 * tally['lt_fa'] / n:5.1f}% of the corrected sentences")
            print("  flagged only by newslint, by rule: " + ", ".join(f"{k} {v}" for k, v in only_ours.most_common(8)))
            print("  flagged only by LanguageTool, by rule: " + ", ".join(f"{k} {v}" for k, v in only_lt.most_common(8)))
        grammar.close()


if __name__ == "__main__":
    main()
