"""The news profile: opt-in LanguageTool rules switched on for news copy."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.grammar import Grammar
from newslint.languagetool.news_profile import EXCLUDED, NEWS_RULES, select
from newslint.languagetool.rule_files import opt_in_rules


def row(rule: str, category: str = "GRAMMAR", kind: str = "off", rate: str = "0.00", correct: str = "0") -> dict:
    return {"rule": rule, "category": category, "kind": kind, "bbc_per_100k_words": rate, "correct_examples": correct}


def test_select_keeps_quiet_rules_and_drops_noisy_picky_and_excluded_ones():
    rows = [
        row("QUIET_GRAMMAR", rate="1.90", correct="2"),
        row("NOISY_GRAMMAR", rate="2.10"),
        row("QUIET_STYLE", category="PLAIN_ENGLISH", rate="0.90", correct="1"),
        row("NOISY_STYLE", category="PLAIN_ENGLISH", rate="1.50"),  # style advice has the lower bar
        row("FLAGS_CORRECT_EXAMPLES", correct="3"),
        row("PICKY_ONLY", kind="picky"),
        row("TYPOGRAPHY_CHOICE", category="TYPOGRAPHY"),
        row("MASS_AGREEMENT"),  # British collective plurals
    ]
    assert select(rows) == ("QUIET_GRAMMAR", "QUIET_STYLE")


def test_profile_and_exclusions_are_disjoint_and_sorted():
    assert not set(NEWS_RULES) & set(EXCLUDED)
    assert list(NEWS_RULES) == sorted(NEWS_RULES) and len(set(NEWS_RULES)) == len(NEWS_RULES)


def test_grammar_enables_the_profile_unless_asked_for_languagetool_defaults():
    news = Grammar("both", None, set(), enable=("PASSIVE_VOICE",))
    assert set(NEWS_RULES) <= set(news.enable) and "PASSIVE_VOICE" in news.enable
    plain = Grammar("both", None, set(), enable=("PASSIVE_VOICE",), profile="languagetool")
    assert plain.enable == ("PASSIVE_VOICE",)


def test_unknown_profile_is_a_config_error(tmp_path):
    (tmp_path / ".newslint.toml").write_text('[rules.languagetool]\nprofile = "strict"\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Talks resume\n\nShe has been there.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(story), "--grammar", "auto", "--config", str(tmp_path / ".newslint.toml")])
    assert result.exit_code == 2
    assert "rules.languagetool.profile: must be one of 'news', 'languagetool'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.languagetool
def test_every_profile_rule_is_an_opt_in_rule_of_the_installed_languagetool(languagetool_dir):
    installed = opt_in_rules(languagetool_dir)
    missing = [r for r in NEWS_RULES if installed.get(r, ("", ""))[1] != "off"]
    assert not missing, f"not off-by-default rules in this LanguageTool (rerun the survey): {missing}"


@pytest.mark.languagetool
def test_profile_rule_fires_only_with_the_news_profile(tmp_path, languagetool_dir):
    story = tmp_path / "story.txt"
    story.write_text("Talks resume\n\nHe said he can't help but laugh at the plan.\n", encoding="utf-8")
    config = tmp_path / "plain.toml"
    config.write_text('[rules.languagetool]\nprofile = "languagetool"\n', encoding="utf-8")

    def codes(*extra: str) -> list[str]:
        result = CliRunner().invoke(cli, ["check", str(story), "--grammar", "required", "--format", "json", *extra])
        assert result.exit_code in (0, 1), result.output
        return [d["code"] for d in json.loads(result.stdout)["files"][0]["diagnostics"]]

    assert "LT:CANT_HELP_BUT" in codes()
    assert "LT:CANT_HELP_BUT" not in codes("--config", str(config))


@pytest.mark.languagetool
def test_can_not_is_left_to_house_style(tmp_path, languagetool_dir):
    """'can not' is accepted by dictionaries and by learner-corpus annotators: not flagged."""
    story = tmp_path / "story.txt"
    story.write_text("Talks resume\n\nHe said he can not tell you more.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(story), "--grammar", "required", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert "LT:CAN_NOT" not in [d["code"] for d in json.loads(result.stdout)["files"][0]["diagnostics"]]


def test_profile_is_what_the_survey_selects():
    """NEWS_RULES is select() over the committed survey; rerun the survey and paste, never hand-edit."""
    import csv
    from pathlib import Path

    survey = Path(__file__).resolve().parents[1] / "benchmarks" / "results" / "languagetool_optin_survey.tsv"
    with survey.open(encoding="utf-8") as handle:
        assert select(csv.DictReader(handle, delimiter="\t")) == NEWS_RULES
