"""Record newslint's findings on the fixtures and BBC articles, or compare with a record.

Usage: python benchmarks/same_findings.py record OUT.json [--articles 200] [--single 20]
       python benchmarks/same_findings.py compare OUT.json   (exit 1 on any difference)

For a speed change that must not change a finding: record before, compare after. The
fixtures and the first --articles BBC articles (../shared/data, read in place and written
to a temporary folder) are checked with grammar off and no result cache, all in one
process (``--jobs 1``: regexes compiled for one article are reused by the next), and the
first --single articles and every fixture also each in a process of its own (a cold start).
The JSON output is compared byte for byte, with the temporary folder's name taken out.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from common import bbc_articles  # noqa: E402

CHECK = [sys.executable, "-m", "newslint", "check", "--grammar", "off", "--no-cache", "--format", "json"]


def run(paths: list[str], folder: str) -> str:
    """newslint's JSON for the paths, in one process, with the folder's name taken out."""
    env = dict(os.environ, NEWSLINT_GRAMMAR="off")
    out = subprocess.run([*CHECK, "--jobs", "1", *paths], capture_output=True, text=True, env=env, cwd=ROOT)
    if out.returncode not in (0, 1):
        raise SystemExit(f"newslint failed ({out.returncode}): {out.stderr[-2000:]}")
    return out.stdout.replace(folder, "<tmp>")


def findings(articles: int, single: int) -> dict[str, str]:
    """JSON output by run name: all at once, then each cold-start run."""
    fixtures = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fixtures").glob("*.txt"))
    texts = [a["text"] for a in bbc_articles()[:articles]]
    with tempfile.TemporaryDirectory(prefix="newslint-same-") as tmp:
        paths = []
        for i, text in enumerate(texts):
            path = Path(tmp) / f"{i:05d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        out = {"all": run(fixtures + paths, tmp)}
        for path in fixtures + paths[:single]:
            out[path.replace(tmp, "<tmp>")] = run([path], tmp)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("record", "compare"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--single", type=int, default=20)
    args = parser.parse_args()
    if args.mode == "record":
        args.file.write_text(json.dumps({"articles": args.articles, "single": args.single,
                                         "runs": findings(args.articles, args.single)}), encoding="utf-8")
        print(f"recorded {args.file}")
        return
    before = json.loads(args.file.read_text(encoding="utf-8"))
    now = findings(before["articles"], before["single"])
    differ = [name for name in before["runs"] if before["runs"][name] != now.get(name)]
    if differ:
        print(f"DIFFERENT in {len(differ)} of {len(now)} runs: {', '.join(differ[:10])}")
        raise SystemExit(1)
    print(f"identical: {len(now)} runs ({before['articles']} articles and the fixtures at once, "
          f"{len(now) - 1} cold starts)")


if __name__ == "__main__":
    main()
