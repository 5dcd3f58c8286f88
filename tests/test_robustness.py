"""Odd input never crashes a rule, and a rule that does crash never stops the run."""

from __future__ import annotations

import random

from click.testing import CliRunner

from newslint.article import Article
from newslint.checks.quotes import MixedQuoteStyle
from newslint.cli import cli
from newslint.config import Config
from newslint.engine import Linter

_PIECES = list("abcdefghij ABC\n\n\r\t\"'“”‘’«»„.,;:!?-—–()[]<>&#;0123456789£$%é中文Яя\u200b\ufeff\u202e\x07") + [
    "the ", "on the 23rd ", "NATO ", "EU ", "&amp;", "&#;", "&#x200b;", "<br>", "â€™", "Home Politics ",
    "It is reported that ", "Mr ", "President Putin ", "Secretary-General Stoltenberg ", "...", "…",
]


def test_random_text_raises_in_no_rule():
    linter = Linter(Config(source_language="any"))
    rng = random.Random(20261128)
    for _ in range(600):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 160)))
        linter.lint_run([Article(text), Article(text[::-1])])
    assert linter.crashes == []


def test_a_crashing_rule_is_reported_and_the_run_goes_on(tmp_path, monkeypatch):
    def boom(self, article, context):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(MixedQuoteStyle, "check", boom)
    story = tmp_path / "story.txt"
    story.write_text("Talks stall\n\nThe the talks ended.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(story)])
    assert result.exit_code == 2
    assert "internal error in rule QT002 mixed-quote-style: RuntimeError: kaboom" in result.output
    assert "RD001" in result.output and "Traceback" not in result.output
