"""Positions every client can use: Vim lands on each finding from the text output, and a
JavaScript client applying the JSON fixes by string index gets the bytes --fix writes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.positions import Positions

from conftest import require_tool

# Curly quotes, dashes, CJK, emoji (astral, two UTF-16 units) and a combining accent before
# findings, so characters, UTF-16 units and bytes all differ.
ARTICLE = (
    "Summit ends — leaders “agree” on plan\n"
    "\n"
    "“We agreed,” she said — and the the delegates left.  Then 東京 and 北京 sent  notes.\n"
    "\n"
    "The choir 🎶🐦 sang and the c\u0301rowd  cheered; the  the band played on.\n"
    "\n"
    "Fans said it was  “great” ✨ and the 😀 crowd  sang.\n"
)


def newslint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    exe = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "newslint"
    command = [str(exe)] if exe.exists() else ["python", "-m", "newslint"]
    return subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "NEWSLINT_GRAMMAR": "off", "HOME": str(cwd)})


def test_units_differ_on_the_same_offset():
    text = "a🐦東é b"
    p = Positions(text)
    offset = text.index(" ")
    assert (p.column(offset), p.column(offset, "utf16"), p.column(offset, "byte")) == (5, 6, 11)
    assert p.offset_of(0, p.lsp_position(offset)[1]) == offset


def test_vim_quickfix_lands_on_every_finding(tmp_path):
    vim = require_tool("vim")
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    report = newslint("check", "story.txt", cwd=tmp_path)
    (tmp_path / "errors.txt").write_text(report.stdout, encoding="utf-8")
    doc = json.loads(newslint("check", "story.txt", "--format", "json", cwd=tmp_path).stdout)
    expected = [ARTICLE[d["offset"] : d["end_offset"]] for d in doc["files"][0]["diagnostics"]]
    assert len(expected) >= 6
    script = tmp_path / "land.vim"
    script.write_text(
        "set nocompatible encoding=utf-8\n"
        "set errorformat=%f:%l:%c:\\ %t%*[^:]:\\ %m\n"  # the errorformat the README documents
        "cfile errors.txt\n"
        "let out = []\n"
        "for i in range(1, len(getqflist()))\n"
        "  if getqflist()[i - 1].valid\n"
        "    silent execute 'cc ' . i\n"
        "    call add(out, strpart(getline('.'), col('.') - 1))\n"
        "  endif\n"
        "endfor\n"
        "call writefile(out, 'landed.txt')\n"
        "qa!\n", encoding="utf-8")
    subprocess.run([vim, "-es", "-u", "NONE", "-i", "NONE", "-N", "-S", "land.vim"], cwd=tmp_path,
                   timeout=60, check=False, stdin=subprocess.DEVNULL)
    landed = (tmp_path / "landed.txt").read_text(encoding="utf-8").splitlines()
    assert len(landed) == len(expected)
    for found, rest_of_line in zip(expected, landed):
        assert rest_of_line.startswith(found.split("\n")[0]), (found, rest_of_line)


NODE_APPLY = r"""
const fs = require('fs');
const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let text = fs.readFileSync(process.argv[3], 'utf8');
const edits = [];
let position = 0;
const fixes = doc.files[0].diagnostics.filter(d => d.fix && d.fix.applicability === 'safe').map(d => d.fix);
fixes.sort((a, b) => Math.min(...a.edits.map(e => e.offset_utf16)) - Math.min(...b.edits.map(e => e.offset_utf16)));
for (const fix of fixes) {
  const sorted = [...fix.edits].sort((a, b) => a.offset_utf16 - b.offset_utf16);
  if (sorted[0].offset_utf16 < position) continue;  // overlaps a fix already taken, as --fix does
  edits.push(...sorted);
  position = sorted[sorted.length - 1].end_offset_utf16;
}
for (const e of edits.reverse()) {
  text = text.slice(0, e.offset_utf16) + e.replacement + text.slice(e.end_offset_utf16);
}
process.stdout.write(text);
"""


def test_node_applying_json_fixes_by_string_index_gives_the_bytes_of_fix(tmp_path):
    node = require_tool("node")
    (tmp_path / "by-node").mkdir()
    (tmp_path / "by-fix").mkdir()
    (tmp_path / "by-node" / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "by-fix" / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "apply.js").write_text(NODE_APPLY, encoding="utf-8")
    work = tmp_path / "by-node"
    for _ in range(5):  # as --fix does: apply, check again, until nothing changes
        before = (work / "story.txt").read_bytes()
        (work / "report.json").write_text(newslint("check", "story.txt", "--format", "json", cwd=work).stdout)
        after = subprocess.run([node, str(tmp_path / "apply.js"), "report.json", "story.txt"], cwd=work,
                               capture_output=True, check=True, timeout=60).stdout
        (work / "story.txt").write_bytes(after)
        if after == before:
            break
    by_node = (work / "story.txt").read_bytes()
    assert by_node != ARTICLE.encode("utf-8")  # some fix applied
    newslint("check", "story.txt", "--fix", cwd=tmp_path / "by-fix")
    assert by_node == (tmp_path / "by-fix" / "story.txt").read_bytes()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["word", " ", "\n", "\n\n", "\r\n", "\r", "é", "東", "🎶", "x\n"]), max_size=30)
       .map("".join))
def test_text_output_byte_columns_are_the_positions_ones(text):
    """The text formatter's shortcut for ASCII text with no carriage return (one look back for
    a line feed) gives the byte column ``Positions`` gives, at every offset of any text."""
    from newslint.formatters.text import _byte_columns

    column_of, positions = _byte_columns(text), Positions(text)
    assert [column_of(i) for i in range(len(text) + 1)] == [positions.column(i, "byte") for i in range(len(text) + 1)]
