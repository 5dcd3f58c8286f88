"""False alarms of the LanguageTool spelling matches newslint keeps, on BBC copy.

Usage: python benchmarks/languagetool_speller_bbc.py [--limit N]

newslint keeps LanguageTool's spelling match on a capitalised word that is no name and on a
lower-case acronym (languagetool/speller.py). Most capitalised words in edited news
are names, so this is where those classes could hurt. The script finds every BBC word that
passes newslint's own part of a test (as if LanguageTool flagged it and offered the
dictionary's form), sends just those articles to the shared local LanguageTool, and prints
each match newslint would keep, by class, with its context, to be judged by eye; the total
per 1,000 words is the figure. (Lower-case words newslint does not know at all are SP001's
business and kept as before: they are not listed.)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles, word_count  # noqa: E402

from newslint.languagetool import client, daemon  # noqa: E402
from newslint.languagetool.mapping import LTMatch, keep  # noqa: E402
from newslint.languagetool.speller import capitalised_slip, lower_case_acronym  # noqa: E402
from newslint.spelling.lexicon import Lexicon  # noqa: E402

_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")
_LOWER = re.compile(r"\b[a-z]{2,}\b")


def suspects(text: str, lexicon: Lexicon) -> dict[int, str]:
    """Offset -> class of the words that pass newslint's part of a test, LanguageTool's verdict aside."""
    out = {}
    for m in _CAPITALISED.finditer(text):
        if capitalised_slip(m.group(), m.start(), text, lexicon):
            before = text[: m.start()].rstrip(" \t\"'“‘(")
            out[m.start()] = "sentence start" if not before or before[-1] in ".!?\n" else "mid-sentence"
    for m in _LOWER.finditer(text):
        w = m.group()
        if lower_case_acronym(w, (w.capitalize(), w.upper()), lexicon):
            out[m.start()] = "lower-case acronym"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    lexicon = Lexicon.load("both")
    articles = bbc_articles()[: args.limit or None]
    words = sum(word_count(a["text"]) for a in articles)
    todo = [(a, s) for a in articles if (s := suspects(a["text"], lexicon))]
    print(f"{len(articles)} BBC articles ({words} words); {sum(len(s) for _, s in todo)} words "
          f"in {len(todo)} articles pass newslint's part of the test")
    url = daemon.ensure(progress=lambda m: print(m, file=sys.stderr))
    kept = Counter()
    for article, offsets in todo:
        text = article["text"]
        answer = client.fetch_json(url, "/v2/check", {"text": text, "language": "en-US"}, timeout=120)
        for raw in answer["matches"]:
            match = LTMatch.from_json(raw)
            if match.offset in offsets and match.rule_id.startswith("MORFOLOGIK") and keep(match, set(), (), text):
                kind = offsets[match.offset]
                kept[kind] += 1
                context = text[max(0, match.offset - 50) : match.offset + match.length + 50].replace("\n", "⏎")
                print(f"  {kind}: {article['id']}: {text[match.offset : match.offset + match.length]} -> "
                      f"{list(match.replacements[:2])} | {context}")
    for kind, n in sorted(kept.items()):
        print(f"kept, {kind}: {n} ({1000 * n / words:.3f} per 1,000 words)")
    print(f"kept: {sum(kept.values())} ({1000 * sum(kept.values()) / words:.3f} per 1,000 words)")


if __name__ == "__main__":
    main()
