"""A small check from a new process imports only what it needs (a cold start is mostly imports
and data): no grammar client with grammar off, no Hyperscan for a run too small to load its
databases (newslint/pattern_prefilter.py), no TOML parser without a config to read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys
from newslint.__main__ import command
sys.argv = ["newslint", "check", "--grammar", "off", "--no-cache", sys.argv[1]]
command()
sys.stdout.flush()
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_a_small_check_leaves_the_grammar_client_hyperscan_and_tomllib_unimported(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Talks stall\n\nThe talks in Geneva ended on Monday, officials said.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               NEWSLINT_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-c", PROBE, str(story)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    imported = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "newslint.engine" in imported and "newslint.checks.spelling" in imported  # the check ran
    assert not {"newslint.grammar", "language_tool_python", "hyperscan", "tomllib"} & imported
