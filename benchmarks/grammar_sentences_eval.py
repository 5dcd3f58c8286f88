"""Sentence-level grammar recall on JFLEG and CoNLL-2014, newslint against raw LanguageTool.

Usage: python benchmarks/grammar_sentences_eval.py [--limit N] [--set jfleg|conll|both]
       [--split all|dev|held-out] [--language both|en-US|en-GB] [--warnings-only]
       [--show-lt-only] [--show-false-alarms]

Each learner sentence (detokenised: "do n't ." -> "don't.", "gon na" -> "gonna",
"families ' lives" -> "families' lives", "a 'LAN-party ' with" -> "a 'LAN-party' with") is checked as a one-paragraph
article. Reported per set:
- recall: share of sentences with an error (JFLEG: the source differs from the first
  reference; CoNLL-2014: annotator 0 made an edit) on which a tool reports anything;
- false alarms: share of the corrected sentences (JFLEG's first reference, CoNLL's
  annotator-0 correction) on which it still reports something.
newslint runs with its default configuration and grammar on; raw LanguageTool is the same
local server with its default rules (language en-US), every match counted.

Each set is halved by a hash of the learner sentence as the corpus tokenises it (zlib.crc32,
even = dev, odd = held-out), so a filter can be tuned on the dev half and reported on the
held-out half; the figures are printed for the set and for each half (--split: one half only).
They are printed in two readings from the same run: every finding, and warnings and errors
only on both sides (newslint's findings above info, and the LanguageTool matches newslint
would report as warnings: style advice, typography and hints are info, mapping.severity).
The lists and by-rule counts follow one reading (--warnings-only: the second).
--show-lt-only lists each error sentence only raw LanguageTool flags, with each of its
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


def raw_flags(url: str, text: str) -> list[tuple[str, bool]]:
    """LanguageTool's matches on ``text``: (rule id, whether newslint would report it as a
    warning rather than info: style, typography and hints are info, mapping.severity)."""
    return [(m["rule"]["id"], mapping.severity(mapping.LTMatch.from_json(m)) != Severity.INFO)
            for m in raw_matches(url, text)]


def flagged(findings: list[tuple[str, bool]], reading: str) -> set[str]:
    """The codes that count in a reading: every finding ("all") or warnings and errors only."""
    return {code for code, warning in findings if reading == "all" or warning}


def why_missed(url: str, text: str, own_codes: set[str]) -> list[str]:
    """Each raw LanguageTool match on ``text``: its rule, the words and the filter that drops it."""
    out = []
    for raw in raw_matches(url, text):
        m = mapping.LTMatch.from_json(raw)
        reason = mapping.drop_reason(m, own_codes, (), text) or "absent from the news-profile answer"
        out.append(f"{m.rule_id} {text[m.offset : m.offset + m.length]!r}: {reason}")
    return out


READINGS = ("all", "warnings")
SPLITS = ("dev", "held-out")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--set", default="both", choices=["jfleg", "conll", "both"])
    parser.add_argument("--split", default="all", choices=["all", "dev", "held-out"])
    parser.add_argument("--show-lt-only", action="store_true", help="list error sentences only LanguageTool flags")
    parser.add_argument("--warnings-only", action="store_true",
                        help="lists and by-rule counts for the warnings-only reading (both readings are always printed)")
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
    shown = "warnings" if args.warnings_only else "all"

    def ours(text: str) -> list[tuple[str, bool]]:
        article = Article(text)
        own = linter.lint(article)
        return [(d.code, d.severity != Severity.INFO) for d in own + grammar.check(article, own)
                if d.code not in NOT_SENTENCE_FINDINGS]

    for name, load in sets.items():
        if args.set not in (name, "both"):
            continue
        halves = [h for h in SPLITS if args.split in ("all", h)]
        pairs = [(h, s, c) for h in halves for s, c in load(h)][: args.limit or None]
        wrong = [(h, s, c) for h, s, c in pairs if s != c]
        tally: Counter = Counter()  # (reading, half, measure)
        only_ours, only_lt, only_ours_fa = Counter(), Counter(), Counter()
        for half, source, corrected in wrong:
            found = {"ours": ours(source), "lt": raw_flags(url, source),
                     "ours_fa": ours(corrected), "lt_fa": raw_flags(url, corrected)}
            for reading in READINGS:
                codes = {k: flagged(v, reading) for k, v in found.items()}
                for k, v in codes.items():
                    tally[reading, half, k] += bool(v)
                if reading != shown:
                    continue
                if codes["ours"] and not codes["lt"]:
                    only_ours.update(codes["ours"])
                if codes["lt"] and not codes["ours"]:
                    only_lt.update(codes["lt"])
                    if args.show_lt_only:
                        print(f"LT only: {source}\n    " + "\n    ".join(why_missed(url, source, own_codes)))
                if codes["ours_fa"] and not codes["lt_fa"]:
                    only_ours_fa.update(codes["ours_fa"])
                    if args.show_false_alarms:
                        print(f"newslint-only false alarm ({', '.join(sorted(codes['ours_fa']))}): {corrected}")
        print(f"{name} ({args.split}): {len(wrong)} sentences with an error (of {len(pairs)})")
        print(_table(tally, halves, Counter(h for h, _, _ in wrong)))
        print(f"  by rule, {'warnings only' if args.warnings_only else 'every finding'}:")
        print("  flagged only by newslint: " + ", ".join(f"{k} {v}" for k, v in only_ours.most_common(8)))
        print("  flagged only by LanguageTool: " + ", ".join(f"{k} {v}" for k, v in only_lt.most_common(8)))
        print("  corrected sentences flagged only by newslint: "
              + ", ".join(f"{k} {v}" for k, v in only_ours_fa.most_common(8)))
    grammar.close()


def _table(tally: Counter, halves: list[str], sizes: Counter) -> str:
    """Recall and flags on corrected sentences, newslint vs LanguageTool, for every finding and
    for warnings only, over the set and each half of it."""
    rows = [" " * 25 + f"{'every finding':32}warnings and errors only",
            " " * 25 + f"{'recall':16}{'corrected':16}{'recall':16}corrected"]
    groups = [("all", halves)] + ([(h, [h]) for h in halves] if len(halves) > 1 else [])
    for label, members in groups:
        n = sum(sizes[h] for h in members)
        if not n:
            continue

        def pct(reading: str, key: str) -> float:
            return 100 * sum(tally[reading, h, key] for h in members) / n

        cells = "   ".join(f"{pct(r, 'ours'):5.1f} vs {pct(r, 'lt'):5.1f}  {pct(r, 'ours_fa'):5.1f} vs {pct(r, 'lt_fa'):5.1f}"
                           for r in READINGS)
        rows.append(f"  {label + f' ({n})':<21}  {cells}")
    rows.append("  (each cell: newslint vs raw LanguageTool)")
    return "\n".join(rows)


if __name__ == "__main__":
    main()
