"""The mined calque packs (rules/translation-mined-*.yaml): every pattern is shown by an example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.packs import RuleSpec, load_pack

RULES = Path(__file__).resolve().parent.parent / "rules"
PACKS = {"translation-mined-zh.yaml": range(300, 400), "translation-mined-ru.yaml": range(400, 500)}


def _specs() -> list[tuple[str, RuleSpec]]:
    return [(name, spec) for name in PACKS for spec in load_pack(RULES / name)]


@pytest.mark.parametrize("pack,spec", _specs(), ids=lambda v: getattr(v, "code", v))
def test_every_pattern_matches_one_of_its_fail_examples(pack, spec):
    for p in spec.patterns:
        regex = re.compile(p.regex, 0 if p.case_sensitive else re.IGNORECASE)
        assert any(regex.search(text) for text in spec.examples.fail), (spec.code, p.regex)


@pytest.mark.parametrize("pack,spec", _specs(), ids=lambda v: getattr(v, "code", v))
def test_mined_rules_keep_their_code_range_and_stand_firm(pack, spec):
    assert int(spec.code[2:]) in PACKS[pack], spec.code
    assert spec.category == "translation"
    # firm, so the broad phrase lists (translation-list-*.yaml, which yield) give way to these
    # reviewed families and their specific advice on the same words
    assert not spec.yields, spec.code
