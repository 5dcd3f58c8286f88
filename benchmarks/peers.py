"""Run peer linters (Harper, proselint, Vale) over texts; findings use Python str offsets.

Each ``*_lint(texts)`` returns, per text, a list of dicts with keys start, end (0-based
code-point offsets into that text), rule, kind (a coarse category), message and
suggestions. Each ``*_available()`` says whether the tool is installed here; none of
them is a newslint dependency, so install them by hand for benchmarking:

- Harper: ``cd benchmarks/peers && npm ci`` (node >= 18; harper.js pinned in package.json)
- proselint: ``.venv/bin/pip install proselint==0.16.0``
- Vale: ``go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0`` (the binary lands in
  ``$(go env GOPATH)/bin``; later tags need a dependency version the Go proxy refuses)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PEERS = Path(__file__).resolve().parent / "peers"
HARPER_SCRIPT = PEERS / "harper_lint.mjs"
VALE_CONFIG = PEERS / "vale" / ".vale.ini"


@dataclass
class PeerRun:
    """One tool's findings on a batch, with its timings in seconds."""

    tool: str
    version: str
    findings: list[list[dict]]
    startup: float = 0.0
    passes: list[float] = field(default_factory=list)
    wall: float = 0.0
    cpu: float = 0.0


def _child_cpu() -> float:
    usage = os.times()
    return usage.children_user + usage.children_system


# --- Harper -----------------------------------------------------------------------------


def harper_available() -> bool:
    """True when node is on PATH and harper.js is installed (``cd benchmarks/peers && npm ci``)."""
    return shutil.which("node") is not None and (PEERS / "node_modules" / "harper.js").is_dir()


def harper_run(texts: list[str], runs: int = 1) -> PeerRun:
    """Lint all texts in one node process (British English), ``runs`` timed passes."""
    if not harper_available():
        raise RuntimeError("harper.js missing: run `npm ci` in benchmarks/peers")
    items = [{"id": i, "text": t} for i, t in enumerate(texts)]
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        json.dump(items, f)
    cpu = _child_cpu()
    start = time.perf_counter()
    try:
        done = subprocess.run(
            ["node", str(HARPER_SCRIPT), f.name, "--runs", str(runs)],
            cwd=PEERS, capture_output=True, text=True, check=True,
        )
    finally:
        os.unlink(f.name)
    wall = time.perf_counter() - start
    out = json.loads(done.stdout)
    findings = [[] for _ in texts]
    for result in out["results"]:
        findings[result["id"]] = [
            {
                "start": lint["start"], "end": lint["end"], "rule": lint["rule"],
                "kind": lint["kind"], "message": lint["message"], "problem": lint["problem"],
                "suggestions": [s["text"] for s in lint["suggestions"]],
            }
            for lint in result["lints"]
        ]
    return PeerRun(
        "harper", f"harper.js {out['harper_version']}", findings, out["startup_ms"] / 1000,
        [ms / 1000 for ms in out["pass_ms"]], wall, _child_cpu() - cpu,
    )


def harper_lint(texts: list[str]) -> list[list[dict]]:
    """Harper's lints per text (British dialect, plain text); kind is Harper's lint kind."""
    return harper_run(texts).findings


# --- proselint --------------------------------------------------------------------------


def proselint_available() -> bool:
    """True when proselint imports (``.venv/bin/pip install proselint==0.16.0``)."""
    try:
        import proselint.tools  # noqa: F401
    except ImportError:
        return False
    return True


_PROSELINT_READY = False


def proselint_setup() -> None:
    """Register proselint's checks once per process (its registry is a global singleton)."""
    global _PROSELINT_READY
    if not _PROSELINT_READY:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry

        CheckRegistry().register_many(__register__)
        _PROSELINT_READY = True


def proselint_version() -> str:
    from proselint.version import __version__

    return f"proselint {__version__}"


def proselint_lint(texts: list[str]) -> list[list[dict]]:
    """proselint's default checks per text; kind is the check's top-level family."""
    from proselint.config import DEFAULT
    from proselint.tools import LintFile

    proselint_setup()
    out = []
    for text in texts:
        found = []
        # LintFile pads the content with a newline on each side: spans are off by one
        for result in LintFile("<text>", text).lint(DEFAULT) if text else []:
            check = result.check_result
            start, end = check.span[0] - 1, check.span[1] - 1
            found.append({
                "start": start, "end": end, "rule": check.check_path,
                "kind": check.check_path.split(".")[0], "message": check.message,
                "problem": text[start:end],
                "suggestions": [check.replacements] if check.replacements else [],
            })
        out.append(found)
    return out


# --- Vale -------------------------------------------------------------------------------


def vale_binary() -> str | None:
    """The vale executable: $VALE, PATH, then $(go env GOPATH)/bin or ~/go/bin."""
    candidates = [os.environ.get("VALE"), shutil.which("vale")]
    gopath = os.environ.get("GOPATH") or str(Path.home() / "go")
    candidates.append(str(Path(gopath.split(os.pathsep)[0]) / "bin" / "vale"))
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def vale_available() -> bool:
    """True when a vale binary is found (``go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0``)."""
    return vale_binary() is not None


def vale_version() -> str:
    """``vale --version``, or the module version from ``go version -m`` for source builds."""
    binary = vale_binary() or "vale"
    said = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    if "master" in said and shutil.which("go"):
        info = subprocess.run(["go", "version", "-m", binary], capture_output=True, text=True).stdout
        mod = re.search(r"^\s*mod\s+(\S+)\s+(\S+)", info, re.M)
        if mod:
            return f"vale {mod.group(2)} ({mod.group(1)})"
    return said or "vale ?"


def _vale_process(texts: list[str], binary: str) -> tuple[dict, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            path = Path(tmp) / f"{i:06d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        cpu = _child_cpu()
        start = time.perf_counter()
        done = subprocess.run(
            [binary, f"--config={VALE_CONFIG}", "--output=JSON", "--no-exit", *paths],
            capture_output=True, text=True,
        )
        wall = time.perf_counter() - start
        cpu = _child_cpu() - cpu
    if done.returncode != 0:
        raise RuntimeError(f"vale failed ({done.returncode}): {done.stderr.strip()[:300]}")
    raw = json.loads(done.stdout or "{}")
    return {int(Path(k).stem): v for k, v in raw.items()}, wall, cpu


def _vale_findings(text: str, alerts: list[dict]) -> list[dict]:
    """Vale reports 1-based line and rune columns (end inclusive): map to str offsets."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found = []
    for alert in alerts:
        base = line_starts[alert["Line"] - 1]
        start, end = base + alert["Span"][0] - 1, base + alert["Span"][1]
        found.append({
            "start": start, "end": end, "rule": alert["Check"],
            "kind": alert["Check"].split(".")[-1], "message": alert["Message"],
            "severity": alert["Severity"], "problem": alert.get("Match", text[start:end]),
            "suggestions": list(alert.get("Suggestions") or []),
        })
    return sorted(found, key=lambda f: (f["start"], f["end"]))


def vale_run(texts: list[str], runs: int = 1) -> PeerRun:
    """Lint all texts in one vale process per run; startup is vale on one tiny file."""
    binary = vale_binary()
    if binary is None:
        raise RuntimeError("vale missing: go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0")
    startups = sorted(_vale_process(["Tiny."], binary)[1] for _ in range(max(3, runs)))
    walls, cpus, raw = [], [], {}
    for _ in range(runs):
        raw, wall, cpu = _vale_process(texts, binary)
        walls.append(wall)
        cpus.append(cpu)
    findings = [_vale_findings(t, raw.get(i, [])) for i, t in enumerate(texts)]
    startup = startups[len(startups) // 2]
    return PeerRun(
        "vale", vale_version(), findings, startup, [max(0.0, w - startup) for w in walls],
        sorted(walls)[len(walls) // 2], sorted(cpus)[len(cpus) // 2],
    )


def vale_lint(texts: list[str]) -> list[list[dict]]:
    """Vale's alerts per text with the built-in Vale style (benchmarks/peers/vale/.vale.ini)."""
    return vale_run(texts).findings


def offset_mismatches(texts: list[str], findings: list[list[dict]]) -> int:
    """How many findings whose reported problem text differs from text[start:end]."""
    return sum(
        1 for text, found in zip(texts, findings) for f in found
        if "problem" in f and text[f["start"]:f["end"]] != f["problem"]
    )


if __name__ == "__main__":
    sample = sys.argv[1:] or ["Headline 😀 hear\n\nThe the café 😀 beleive teh colour, irregardless."]
    for name, ok, lint in (
        ("harper", harper_available, harper_lint),
        ("proselint", proselint_available, proselint_lint),
        ("vale", vale_available, vale_lint),
    ):
        if not ok():
            print(f"{name}: not installed")
            continue
        for f in lint(sample)[0]:
            print(f"{name:<10}{f['start']:>4}-{f['end']:<4}{f['rule']:<28}{sample[0][f['start']:f['end']]!r}")
