"""False alarms of LanguageTool's speller on capitalised sentence starts, on BBC copy.

Usage: python benchmarks/sentence_start_speller_bbc.py [--limit N]

newslint keeps LanguageTool's spelling match on a capitalised word that starts a body
sentence when the word is no name (languagetool/mapping.py, _sentence_start_slip). Most
such words in edited news are names, so this is where the rule could hurt. The script finds
every BBC body word that passes newslint's own part of the test (as if LanguageTool flagged it),
sends just those articles to a local LanguageTool, and prints each match newslint would
keep, with its context, to be judged by eye; the total per 1,000 words is the figure.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles, word_count  # noqa: E402

from newslint.languagetool import client  # noqa: E402
from newslint.languagetool.mapping import LTMatch, _sentence_start_slip, keep  # noqa: E402
from newslint.languagetool.server import LanguageToolSession  # noqa: E402
from newslint.spelling.lexicon import Lexicon  # noqa: E402

_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")


def suspects(text: str, lexicon: Lexicon) -> list[int]:
    """Offsets of words that pass newslint's part of the test, LanguageTool's verdict aside."""
    out = []
    for m in _CAPITALISED.finditer(text):
        if _sentence_start_slip(m.group(), m.start(), text, lexicon):
            out.append(m.start())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    lexicon = Lexicon.load("both")
    articles = bbc_articles()[: args.limit or None]
    words = sum(word_count(a["text"]) for a in articles)
    todo = [(a, s) for a in articles if (s := suspects(a["text"], lexicon))]
    print(f"{len(articles)} BBC articles ({words} words); {sum(len(s) for _, s in todo)} sentence-start words "
          f"in {len(todo)} articles pass newslint's part of the test")
    kept = 0
    with LanguageToolSession("en-US", progress=lambda m: print(m, file=sys.stderr)) as session:
        for article, offsets in todo:
            text = article["text"]
            answer = client.fetch_json(session.url, "/v2/check", {"text": text, "language": "en-US"}, timeout=120)
            for raw in answer["matches"]:
                match = LTMatch.from_json(raw)
                if match.offset in offsets and match.rule_id.startswith("MORFOLOGIK") and keep(match, set(), (), text):
                    kept += 1
                    context = text[max(0, match.offset - 50) : match.offset + match.length + 50].replace("\n", "⏎")
                    print(f"  {article['id']}: {text[match.offset : match.offset + match.length]} -> "
                          f"{list(match.replacements[:2])} | {context}")
    print(f"kept: {kept} ({1000 * kept / words:.3f} per 1,000 words)")


if __name__ == "__main__":
    main()
