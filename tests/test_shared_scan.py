"""The packs' shared walk over word starts gives exactly the matches of separate scans."""

from __future__ import annotations

from newslint.article import Article
from newslint.kinds.phrase import PhraseRule, SharedScan
from newslint.registry import default_registry

from conftest import FIXTURES


def test_shared_scan_matches_separate_scans():
    rules = [r for r in default_registry().rules if isinstance(r, PhraseRule)]
    matchers = list({id(r.matcher): r.matcher for r in rules}.values())
    assert len(matchers) > 1 and all(m.shared is not None for m in matchers)
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    texts += [t for r in rules for t in (*r.info.examples.fail, *r.info.examples.ok)]
    for text in texts:
        shared, alone = Article(text), Article(text)
        for m in matchers:
            SharedScan([m]).run(alone)
        assert [shared.cache.get(m) or m.matches(shared) for m in matchers] == [alone.cache[m] for m in matchers]
