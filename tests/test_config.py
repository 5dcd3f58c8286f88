"""Configuration: discovery, validation with clear errors, per-rule settings."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.config import ConfigError, Config, load_config, parse_config
from newslint.engine import Linter


def test_nearest_file_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.newslint]\nignore = ["QT"]\n')
    inner = tmp_path / "desk"
    inner.mkdir()
    (inner / ".newslint.toml").write_text('ignore = ["WS"]\n')
    assert load_config(start=inner).ignore == ("WS",)
    assert load_config(start=tmp_path).ignore == ("QT",)


def test_pyproject_without_section_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n")
    assert load_config(start=tmp_path) == Config()


@pytest.mark.parametrize(
    "data,needle",
    [
        ({"selectt": ["QT"]}, "unknown key 'selectt'"),
        ({"fail-on": "fatal"}, "'fail-on'"),
        ({"language": "en-AU"}, "'language' must be one of"),
        ({"rules": {"QT001": "high"}}, "'rules.QT001' must be a table"),
    ],
)
def test_bad_values_name_file_and_key(data, needle):
    with pytest.raises(ConfigError) as err:
        parse_config(data, "cfg.toml")
    assert "cfg.toml" in str(err.value) and needle in str(err.value)


def test_rule_settings_validated_against_rule_options():
    cfg = parse_config({"rules": {"duplicated-headline": {"similarity": 0.8, "severity": "warning"}}}, "c.toml")
    active = {a.rule.info.code: a for a in Linter(cfg).active}
    assert active["HL001"].context.options["similarity"] == 0.8
    assert active["HL001"].severity.value == "warning"
    with pytest.raises(ConfigError, match="unknown option"):
        Linter(parse_config({"rules": {"HL001": {"nope": 1}}}, "c.toml"))
    with pytest.raises(ConfigError, match="expected float"):
        Linter(parse_config({"rules": {"HL001": {"similarity": "high"}}}, "c.toml"))
    with pytest.raises(ConfigError, match="no rule"):
        Linter(parse_config({"rules": {"XX999": {}}}, "c.toml"))


def test_config_error_exits_2_without_traceback(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("select = [\n")
    result = CliRunner().invoke(cli, ["check", "--config", str(bad), "x.txt"])
    assert result.exit_code == 2
    assert "invalid TOML" in result.output and "Traceback" not in result.output


def test_words_file_is_read(tmp_path):
    (tmp_path / "words.txt").write_text("# house names\nYCPress\n\nNewsDesk\n")
    cfg = parse_config({"words": ["dpa"], "words-file": "words.txt"}, str(tmp_path / ".newslint.toml"))
    assert cfg.words == {"dpa", "YCPress", "NewsDesk"}


def test_each_file_of_a_run_gets_the_config_of_its_own_folder_even_through_a_link(tmp_path, monkeypatch):
    """A run resolves each folder once; a file that is a link still takes the config where
    it really lives, and files in folders reached by different spellings share one."""
    from newslint import api

    quiet, loud = tmp_path / "quiet", tmp_path / "loud"
    for folder, ignore in ((quiet, "SP"), (loud, "QT")):
        folder.mkdir()
        (folder / ".newslint.toml").write_text(f'ignore = ["{ignore}"]\n')
    (loud / "story.txt").write_text("Talks\n\nThe talks ended.\n")
    (quiet / "link.txt").symlink_to(loud / "story.txt")
    (quiet / "own.txt").write_text("Talks\n\nThe talks ended.\n")
    monkeypatch.chdir(tmp_path)
    cache: dict = {}
    ignored = [api.config_for(p, None, {}, cache, one_run=True).ignore
               for p in ("quiet/own.txt", "quiet/link.txt", "loud/story.txt", "quiet/../loud/story.txt",
                         str(quiet / "own.txt"))]
    assert ignored == [("SP",), ("QT",), ("QT",), ("QT",), ("SP",)]
