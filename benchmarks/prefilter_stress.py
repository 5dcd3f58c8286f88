"""Generated matches of every shipped pattern must be reported by the native prefilter.

Usage: python benchmarks/prefilter_stress.py [--examples 30000] [--hosts none|bbc|translated]

Builds the four production databases (phrase packs, entity names and cues, rule regexes) in
a temporary cache folder, then draws, with hypothesis, a shipped pattern and a string
``re`` matches with it (``from_regex``), puts a few odd characters around it and, with
--hosts, places it at a random point of a BBC article or a translated document (read in
place from ../shared/data), and checks that the pattern's database reports it. A miss is a
finding the prefilter would hide: it prints the pattern and the text and fails. The test
suite runs a few hundred such draws; this runs tens of thousands.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

_ODD = "ab é—’“\n.,Д中\x80\U00010000 0xyz'\"-"  # characters put around a generated match


def _hosts(kind: str) -> list[str]:
    if kind == "bbc":
        from common import bbc_articles

        return [a["text"] for a in bbc_articles()[:400]]
    if kind == "translated":
        from translated_corpus import translated_docs

        return [d.text for lang in ("zh", "ru") for d in translated_docs(lang)[:150]]
    return [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=30000)
    parser.add_argument("--hosts", choices=("none", "bbc", "translated"), default="none")
    args = parser.parse_args()
    os.environ["NEWSLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="newslint-prefilter-")

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from newslint import prefiltered
    from newslint.byte_superset import FOLDS
    from newslint.config import Config
    from newslint.engine import Linter
    from newslint.entities.kb import knowledge_base
    from newslint.kinds.phrase import PhraseRule

    linter = Linter(Config(grammar="off"))
    scan = next(r.matcher.shared for r in linter.registry.rules if isinstance(r, PhraseRule))
    kb = knowledge_base()
    databases = [scan.prefilter, kb.mention_regex.prefilter, kb.cue_regex.prefilter, prefiltered._ready()]
    for database in databases:
        assert database.ready(build=True), database.name
    table = [(database, i) for database in databases for i in range(len(database.sources))]
    hosts = _hosts(args.hosts)
    checked = [0]

    @settings(max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def check(data: st.DataObject) -> None:
        database, number = table[data.draw(st.integers(0, len(table) - 1))]
        regex, flags = database.sources[number]
        around = st.text(st.sampled_from(_ODD), max_size=14)
        match = data.draw(around) + data.draw(st.from_regex(re.compile(regex, flags))) + data.draw(around)
        host = data.draw(st.sampled_from(hosts))
        cut = data.draw(st.integers(0, len(host)))
        text = host[:cut] + match + host[cut:]
        if re.search(regex, text, flags) is None or not FOLDS.isdisjoint(text):
            return
        checked[0] += 1
        found = database.maybe(text)
        assert found is not None and number in found, (database.name, regex, text)

    check()
    print(f"{len(table):,} patterns; {checked[0]:,} generated matches checked ({args.hosts} hosts), all reported")


if __name__ == "__main__":
    main()
