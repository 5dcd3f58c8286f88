"""Text output never carries an article's terminal escapes, bells or bidi overrides raw."""

from __future__ import annotations

from click.testing import CliRunner

from newslint.cli import cli
from newslint.formatters.text import shown


def test_control_and_bidi_characters_are_shown_as_code_points(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Talks stall\n\nThe the \x1b[31mred\x07 word Teh\u202eh and \u2066x\u2069.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(story), "--grammar", "off", "--format", "text"])
    assert result.exit_code == 1
    for raw in ("\x1b", "\x07", "\u202e", "\u2066", "\u2069"):
        assert raw not in result.stdout
    assert "U+001B[31mred" in result.stdout and "U+202E" in result.stdout


def test_shown_keeps_ordinary_text():
    assert shown("‘Café’ — 東京 😀") == "‘Café’ — 東京 😀"
    assert shown("a\nb\tc\u200bd") == "aU+000AbU+0009cU+200Bd"
