"""Every rule's own examples: each 'fail' text is flagged by it, each 'ok' text is not."""

from __future__ import annotations

import pytest

from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter
from newslint.registry import default_registry
from newslint.rule import RunRule

RULES = default_registry().rules
# LanguageTool runs outside the engine (it needs a server); tests/test_grammar.py runs its examples.
ENGINE_RULES = [r for r in RULES if r.info.code != "LT"]


def _codes_for(rule, text: str) -> list[str]:
    """Codes the rule alone reports on an example (gated rules as if the source were known)."""
    linter = Linter(Config(select=(rule.info.code,), source_language="any" if rule.info.gated else None))
    if isinstance(rule, RunRule):
        articles = [Article(part, f"<example {i}>") for i, part in enumerate(text.split("\n---\n"))]
        return [d.code for ds in linter.lint_run(articles).values() for d in ds]
    return [d.code for d in linter.lint(Article(text, "<example>"))]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.info.code)
def test_rule_has_examples_and_docs(rule):
    info = rule.info
    assert info.examples.fail and info.examples.ok, f"{info.code} needs fail and ok examples"
    assert info.summary and info.why
    assert info.name == info.name.lower() and " " not in info.name


@pytest.mark.parametrize(
    "rule,text",
    [(r, t) for r in ENGINE_RULES for t in r.info.examples.fail],
    ids=lambda v: v.info.code if hasattr(v, "info") else "",
)
def test_fail_examples_are_flagged(rule, text):
    assert rule.info.code in _codes_for(rule, text), text


@pytest.mark.parametrize(
    "rule,text",
    [(r, t) for r in ENGINE_RULES for t in r.info.examples.ok],
    ids=lambda v: v.info.code if hasattr(v, "info") else "",
)
def test_ok_examples_are_not_flagged(rule, text):
    assert rule.info.code not in _codes_for(rule, text), text


@pytest.mark.parametrize(
    "rule,pair",
    [(r, p) for r in RULES for p in r.info.examples.fixed],
    ids=lambda v: v.info.code if hasattr(v, "info") else "",
)
def test_fixed_examples(rule, pair):
    from newslint.fixes import apply_fixes

    text, expected = pair
    diagnostics = Linter(Config(select=(rule.info.code,))).lint(Article(text))
    assert apply_fixes(text, diagnostics, unsafe=True) == expected
