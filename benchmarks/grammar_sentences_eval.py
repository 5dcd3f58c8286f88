"""Sentence-level grammar recall on JFLEG and CoNLL-2014, newslint against raw LanguageTool.

Usage: python benchmarks/grammar_sentences_eval.py [--limit N] [--set jfleg|conll|both]
       [--split all|dev|held-out] [--warnings-only] [--show-lt-only] [--show-false-alarms]

Each learner sentence (detokenised: "do n't ." -> "don't.", "gon na" -> "gonna",
"families ' lives" -> "families' lives", "a 'LAN-party ' with" -> "a 'LAN-party' with") is checked as a one-paragraph
article. Reported per set:
- recall: share of sentences with an error (JFLEG: the source differs from the first
  reference; CoNLL-2014: annotator 0 made an edit) on which a tool reports anything;
- false alarms: share of the corrected sentences (JFLEG's first reference, CoNLL's
  annotator-0 correction) on which it still reports something.
newslint runs with its default configuration and grammar on; raw LanguageTool is the same
local server with its default rules (language en-US), every match counted.

--split: each set is halved by a hash of the learner sentence as the corpus tokenises it
(zlib.crc32, even = dev, odd = held-out), so a filter can be tuned on the dev half and reported on the held-out half.
--warnings-only counts only warnings and errors on both sides: newslint's findings above info,
and the LanguageTool matches newslint would report as warnings (style advice, typography and
hints are info: mapping.severity). --show-lt-only lists each error sentence only raw LanguageTool flags, with each of its
matches and the newslint filter that drops it (mapping.drop_reason); --show-false-alarms
lists each corrected sentence only newslint flags, with the rules.

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
import zlib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.diagnostic import Severity  # noqa: E402
from newslint.engine import Linter  # noqa: E402
from newslint.grammar import Grammar  # noqa: E402
from newslint.languagetool import client  # noqa: E402
from newslint.languagetool import daemon, mapping  # noqa: E402

_BEFORE = re.compile(r" ([.,;:!?%)\]}]|n't|'(?:s|re|ve|ll|d|m)\b)")
_AFTER = re.compile(r"([(\[{$]) ")
_QUOTES = re.compile(r'" (.*?) "')
_DETACHED_QUOTE = re.compile(r"(\w) '(?=[\s.,;:!?]|$)")  # the tokeniser's "families ' lives", "'LAN-party '"
_OPENING_QUOTE = re.compile(r"(?<!\w)'(?=\w)")
_SPLIT_INFORMAL = re.compile(r"\b([Gg]on|[Ww]an) (na)\b|\b([Gg]ot) (ta)\b")  # the tokeniser's "gon na" is "gonna"
NOT_SENTENCE_FINDINGS = frozenset({"TR000"})  # article-level notes: see the module docstring


def detokenise(tokens: str) -> str:
    text = _BEFORE.sub(r"\1", tokens.strip())
    text = _AFTER.sub(r"\1", text)
    text = _QUOTES.sub(r'"\1"', text)
    text = _DETACHED_QUOTE.sub(_closing_quote, text)
    text = _SPLIT_INFORMAL.sub(lambda m: "".join(g for g in m.groups() if g), text)
    return text


def _closing_quote(m: re.Match) -> str:
    """A detached "'" that closes a plural possessive ("families '") or an opened quote
    ("'LAN-party '") is joined to its word; anything else is left as it is."""
    before = m.string[: m.start()]
    opened = len(_OPENING_QUOTE.findall(before)) > len(re.findall(r"'(?!\w)", before))
    return m.group(1) + "'" if m.group(1) == "s" or opened else m.group()


def jfleg(split: str = "all") -> list[tuple[str, str]]:
    """(learner sentence, corrected sentence) pairs; identical when nothing was wrong."""
    out = []
    for line in (DATA / "grammar" / "jfleg_test.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if in_split(r["source"], split):
            out.append((detokenise(r["source"]), detokenise(r["references"][0])))
    return out


def conll(split: str = "all") -> list[tuple[str, str]]:
    out = []
    for line in (DATA / "grammar" / "conll2014_test.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if not in_split(r["source_tokens"], split):
            continue
        corrected = r["corrected_by_annotator"]["0"]
        has_error = any(e["annotator"] == 0 for e in r["edits"])
        out.append((detokenise(r["source_tokens"]), detokenise(corrected) if has_error else detokenise(r["source_tokens"])))
    return out


def in_split(tokens: str, split: str) -> bool:
    """Whether a sentence (as the corpus tokenises it) belongs to the split: dev (even
    hash), held-out (odd) or all."""
    return split == "all" or (zlib.crc32(tokens.encode("utf-8")) % 2 == 0) == (split == "dev")


def raw_matches(url: str, text: str) -> list[dict]:
    return client.fetch_json(url, "/v2/check", {"text": text, "language": "en-US"}, timeout=60)["matches"]


def raw_flags(url: str, text: str, warnings_only: bool = False) -> list[str]:
    """LanguageTool's rule ids on ``text``; with ``warnings_only``, only the matches newslint
    would report as warnings (no style, typography or hint matches: mapping.severity)."""
    return [m["rule"]["id"] for m in raw_matches(url, text)
            if not warnings_only or mapping.severity(mapping.LTMatch.from_json(m)) != Severity.INFO]


def why_missed(url: str, text: str, own_codes: set[str]) -> list[str]:
    """Each raw LanguageTool match on ``text``: its rule, the words and the filter that drops it."""
    out = []
    for raw in raw_matches(url, text):
        m = mapping.LTMatch.from_json(raw)
        reason = mapping.drop_reason(m, own_codes, (), text) or "absent from the news-profile answer"
        out.append(f"{m.rule_id} {text[m.offset : m.offset + m.length]!r}: {reason}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--set", default="both", choices=["jfleg", "conll", "both"])
    parser.add_argument("--split", default="all", choices=["all", "dev", "held-out"])
    parser.add_argument("--show-lt-only", action="store_true", help="list error sentences only LanguageTool flags")
    parser.add_argument("--warnings-only", action="store_true",
                        help="count only warnings and errors on both sides (no style advice)")
    parser.add_argument("--show-false-alarms", action="store_true", help="list corrected sentences only newslint flags")
    parser.add_argument("--language", default="both", choices=["both", "en-US", "en-GB"],
                        help="newslint's language setting (LanguageTool alone always checks en-US); "
                             "en-US holds newslint to American spelling as LanguageTool is")
    args = parser.parse_args()
    linter = Linter(Config(language=args.language))
    own_codes = {a.rule.info.code for a in linter.active}
    sets = {"jfleg": jfleg, "conll": conll}
    url = daemon.ensure(progress=lambda m: print(m, file=sys.stderr))  # the shared server: no JVM of our own
    grammar = Grammar(args.language, url, own_codes, progress=lambda m: None)
    grammar.start()

    def ours(text: str) -> list[str]:
        article = Article(text)
        own = linter.lint(article)
        return [d.code for d in own + grammar.check(article, own) if d.code not in NOT_SENTENCE_FINDINGS
                and not (args.warnings_only and d.severity == Severity.INFO)]

    for name, load in sets.items():
        if args.set not in (name, "both"):
            continue
        pairs = load(args.split)[: args.limit or None]
        wrong = [(s, c) for s, c in pairs if s != c]
        tally = Counter()
        only_ours, only_lt, only_ours_fa = Counter(), Counter(), Counter()
        for source, corrected in wrong:
            a, b = ours(source), raw_flags(url, source, args.warnings_only)
            tally["ours"] += bool(a)
            tally["lt"] += bool(b)
            if a and not b:
                only_ours.update(set(a))
            if b and not a:
                only_lt.update(set(b))
                if args.show_lt_only:
                    print(f"LT only: {source}\n    " + "\n    ".join(why_missed(url, source, own_codes)))
            c, d = ours(corrected), raw_flags(url, corrected, args.warnings_only)
            tally["ours_fa"] += bool(c)
            tally["lt_fa"] += bool(d)
            if c and not d:
                only_ours_fa.update(set(c))
                if args.show_false_alarms:
                    print(f"newslint-only false alarm ({', '.join(sorted(set(c)))}): {corrected}")
        n = len(wrong)
        print(f"{name} ({args.split}): {n} sentences with an error (of {len(pairs)})")
        print(f"  newslint          recall {100 * tally['ours'] / n:5.1f}%   flags {100 * tally['ours_fa'] / n:5.1f}% of the corrected sentences")
        print(f"  raw LanguageTool  recall {100 * tally['lt'] / n:5.1f}%   flags {100 * tally['lt_fa'] / n:5.1f}% of the corrected sentences")
        print("  flagged only by newslint, by rule: " + ", ".join(f"{k} {v}" for k, v in only_ours.most_common(8)))
        print("  flagged only by LanguageTool, by rule: " + ", ".join(f"{k} {v}" for k, v in only_lt.most_common(8)))
        print("  corrected sentences flagged only by newslint, by rule: "
              + ", ".join(f"{k} {v}" for k, v in only_ours_fa.most_common(8)))
    grammar.close()


if __name__ == "__main__":
    main()
