"""Regex programs from the cache give the very patterns ``re`` compiles."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from newslint import regex_cache
from newslint.registry import default_registry

pytestmark = pytest.mark.skipif(not regex_cache.usable(), reason="another Python's re internals")


def _patterns() -> list[tuple[str, int]]:
    out = [(r"(?P<word>\b\w+)\s+(?P=word)", 0), (r"^[ \t]*share on \w+$", re.MULTILINE | re.IGNORECASE),
           (r"colou?r|[^\W\d_]{2,}", re.ASCII), ("é+", re.IGNORECASE)]
    for rule in default_registry().rules:
        spec = getattr(rule, "spec", None)
        for pattern in getattr(spec, "patterns", ()):
            out.append((pattern.regex, 0 if pattern.case_sensitive else re.IGNORECASE))
    return out


def test_a_pattern_built_from_its_program_equals_what_re_compiles(tmp_path):
    programs = regex_cache.Programs(tmp_path / "regex.records")
    patterns = _patterns()
    assert len(patterns) > 700
    for pattern, flags in patterns:
        built = programs.compile(pattern, flags)
        assert built == re.compile(pattern, flags) and built.groupindex == re.compile(pattern, flags).groupindex
    programs.save()
    again = regex_cache.Programs(tmp_path / "regex.records")
    assert len(again.known) == len(set(patterns)) and not again.new
    for pattern, flags in patterns[:50]:
        assert again.compile(pattern, flags) == re.compile(pattern, flags)
    assert not again.new  # all read from the file


def test_the_command_line_fills_the_file_and_still_reports_bad_patterns(tmp_path):
    code = ("import re, sys; from newslint import regex_cache; regex_cache.install(); "
            "assert re.compile(r'a(b)c').groups == 1\n"
            "try: re.compile('(')\nexcept re.error: print('re.error')")
    env = {"NEWSLINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0 and out.stdout.strip() == "re.error", out.stderr
    assert list((tmp_path / "compiled").glob("regex-*.records"))



_RECORD_PATTERNS = """
import hashlib, sys
from re import _compiler
seen = set()
original = _compiler.compile
def compile(p, flags=0):
    seen.add((str(p), int(flags)))
    return original(p, flags)
_compiler.compile = compile
from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter
Linter(Config(grammar="off")).lint(Article(sys.stdin.read(), "a.txt"))
print(len(seen), hashlib.sha256(repr(sorted(seen)).encode()).hexdigest())
"""


def test_every_run_compiles_the_same_patterns(tmp_path):
    """A pattern built from a set in hash order differs from run to run: each run would
    compile it again and rewrite the program cache (megabytes) at exit."""
    text = ("Talks stall\n\nThey had became angry and could not went home. It is reported that the "
            "Minister of Foreign Affairs said 1.5 million people were drove out.")
    runs = set()
    for seed in ("0", "1", "2", "3"):  # the first run fills the data cache, and compiles more
        env = {"NEWSLINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": seed}
        if "PYTHONPATH" in os.environ:
            env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        out = subprocess.run([sys.executable, "-c", _RECORD_PATTERNS], input=text, capture_output=True, text=True, env=env)
        assert out.returncode == 0, out.stderr
        if seed != "0":
            runs.add(out.stdout.strip())
    assert len(runs) == 1, runs
