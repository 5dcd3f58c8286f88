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


def test_engine_runs_a_phrase_rule_only_where_its_pack_found_something(monkeypatch):
    from newslint.config import Config
    from newslint.engine import Linter

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    texts += [t for r in default_registry().rules if isinstance(r, PhraseRule) for t in r.info.examples.fail]
    skipping = Linter(Config(grammar="off"))
    calls: list[str] = []
    check = PhraseRule.check

    def counted(self, article, context):
        calls.append(self.info.code)
        return check(self, article, context)

    monkeypatch.setattr(PhraseRule, "check", counted)
    skipped = [skipping.lint(Article(t, "a.txt")) for t in texts]
    ran_skipping = len(calls)
    monkeypatch.setattr(PhraseRule, "scan_group", lambda self: None)  # every rule runs on every article
    calls.clear()
    every = [Linter(Config(grammar="off")).lint(Article(t, "a.txt")) for t in texts]
    assert skipped == every and sum(map(len, every)) > 100
    assert ran_skipping < len(calls) / 10
