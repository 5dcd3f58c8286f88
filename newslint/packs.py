"""Find and read the data rule packs (``rules/*.yaml``) into validated rule specs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.diagnostic import CATEGORIES, Severity
from newslint.rule import Examples


class PackError(Exception):
    """A malformed pack file; names the file, the rule and the key."""


_RULE_KEYS = {
    "code", "name", "kind", "category", "severity", "summary", "why", "message", "patterns",
    "suggestion", "fix", "skip-quotes", "skip-first-person", "gated", "default-enabled", "examples", "scope",
    "source-languages", "fix-safety", "advice", "yields",
}
_REQUIRED = ("code", "name", "kind", "category", "severity", "summary", "why", "message", "patterns", "examples")
_PATTERN_KEYS = {"pattern", "suggestion", "case", "note", "advice", "example", "unless-day-named"}
# A suggestion is text that replaces the match as it stands; placeholders and instructions
# ("<source> reported that", "e.g. 'on Thursday'") belong in `advice`, which goes in the message.
_NOT_INSERTABLE = re.compile(r"[<>{}]|\.\.\.|…|\be\.g\.|\bi\.e\.")


@dataclass(frozen=True)
class PatternSpec:
    """One pattern of a data rule: a regular expression, its replacement and advice.

    ``suggestion`` replaces the matched text as it stands; group references (``\\1``)
    are filled from the match. ``advice`` is guidance for the message (``{advice}``).
    """

    regex: str
    suggestion: str | None
    case_sensitive: bool
    advice: str = ""
    example: str = ""  # a sentence the pattern must flag (checked with the rule's examples)
    unless_day_named: bool = False  # not when a day is named just before ("on Monday ... on the same day")


@dataclass(frozen=True)
class RuleSpec:
    """A data rule as read from a pack, before it is compiled."""

    pack: str
    code: str
    name: str
    kind: str
    category: str
    severity: Severity
    summary: str
    why: str
    message: str
    patterns: tuple[PatternSpec, ...]
    examples: Examples
    fix: bool
    skip_quotes: bool
    gated: bool
    default_enabled: bool
    scope: str
    source_languages: tuple[str, ...]
    fix_safety: str
    yields: bool = False  # a finding gives way to another rule's finding of its category on the same words
    skip_first_person: bool = False  # not in a sentence that says "I": the writer's or speaker's own voice


def packs_dir() -> Path:
    """The packs shipped in the wheel (newslint/_packs), else the checkout's rules/."""
    here = Path(__file__).resolve().parent
    shipped = here / "_packs"
    return shipped if shipped.is_dir() else here.parent / "rules"


def load_packs(folder: Path | None = None) -> list[RuleSpec]:
    """Every rule of every ``*.yaml`` pack in the folder, validated."""
    folder = folder or packs_dir()
    specs: list[RuleSpec] = []
    for path in pack_files(folder):
        specs.extend(load_pack(path))
    return specs


def pack_files(folder: Path | None = None) -> list[Path]:
    """The ``*.yaml`` packs of a folder (default: the shipped packs), in load order."""
    return sorted((folder or packs_dir()).glob("*.yaml"))


def read_yaml(path: Path) -> Any:
    """Parse a YAML file with PyYAML's C loader when it is built (ten times faster)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader


def load_pack(path: Path) -> list[RuleSpec]:
    """Read one pack file; raise PackError on anything malformed."""
    import yaml

    try:
        data = read_yaml(path)
    except yaml.YAMLError as exc:
        raise PackError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise PackError(f"{path}: a pack is a mapping with a 'rules' list")
    return [_rule(path, i, raw) for i, raw in enumerate(data["rules"])]


def _rule(path: Path, index: int, raw: Any) -> RuleSpec:
    where = f"{path.name}: rule #{index + 1}"
    if not isinstance(raw, dict):
        raise PackError(f"{where}: must be a mapping")
    where = f"{path.name}: rule {raw.get('code', '#' + str(index + 1))}"
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise PackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in _REQUIRED:
        if key not in raw:
            raise PackError(f"{where}: missing key {key!r}")
    if raw["category"] not in CATEGORIES:
        raise PackError(f"{where}: unknown category {raw['category']!r}")
    try:
        severity = Severity.parse(raw["severity"])
    except ValueError as exc:
        raise PackError(f"{where}: {exc}") from None
    examples = raw["examples"] or {}
    default_suggestion = raw.get("suggestion")
    patterns = tuple(_pattern(where, p, default_suggestion, str(raw.get("advice", ""))) for p in raw["patterns"])
    if not patterns:
        raise PackError(f"{where}: no patterns")
    fail = (*examples.get("fail", ()), *(f"News\n\n{p.example}" for p in patterns if p.example))
    if set(examples) - {"fail", "ok"} or not fail or not examples.get("ok"):
        raise PackError(f"{where}: examples need non-empty 'fail' (or pattern examples) and 'ok' lists and nothing else")
    scope = raw.get("scope", "text")
    if scope not in ("text", "line"):
        raise PackError(f"{where}: scope must be 'text' or 'line'")
    return RuleSpec(
        pack=path.stem,
        code=str(raw["code"]),
        name=str(raw["name"]),
        kind=str(raw["kind"]),
        category=raw["category"],
        severity=severity,
        summary=str(raw["summary"]).strip(),
        why=str(raw["why"]).strip(),
        message=str(raw["message"]),
        patterns=patterns,
        examples=Examples(fail=fail, ok=tuple(examples["ok"])),
        fix=bool(raw.get("fix", False)),
        skip_quotes=bool(raw.get("skip-quotes", False)),
        gated=bool(raw.get("gated", False)),
        default_enabled=bool(raw.get("default-enabled", True)),
        scope=scope,
        source_languages=tuple(raw.get("source-languages", ())),
        fix_safety=str(raw.get("fix-safety", "")).strip(),
        yields=bool(raw.get("yields", False)),
        skip_first_person=bool(raw.get("skip-first-person", False)),
    )


def _pattern(where: str, raw: Any, default_suggestion: str | None, default_advice: str) -> PatternSpec:
    if isinstance(raw, str):
        return _valid(where, PatternSpec(raw, _insertable(where, default_suggestion), False, default_advice))
    if not isinstance(raw, dict) or "pattern" not in raw:
        raise PackError(f"{where}: a pattern is a string or a mapping with 'pattern'")
    unknown = set(raw) - _PATTERN_KEYS
    if unknown:
        raise PackError(f"{where}: unknown pattern key(s) {', '.join(sorted(unknown))}")
    return _valid(where, PatternSpec(
        str(raw["pattern"]), _insertable(where, raw.get("suggestion", default_suggestion)),
        raw.get("case") == "sensitive", str(raw.get("advice", default_advice)), str(raw.get("example", "")),
        bool(raw.get("unless-day-named", False)),
    ))


def _valid(where: str, pattern: PatternSpec) -> PatternSpec:
    """The pattern, once its regex is known to compile (matchers compile it only when used)."""
    try:
        re.compile(pattern.regex)
    except re.error as exc:
        raise PackError(f"{where}: invalid pattern {pattern.regex!r}: {exc}") from None
    return pattern


def _insertable(where: str, suggestion: Any) -> str | None:
    """A suggestion must be text that can replace the match, not a placeholder or advice."""
    if suggestion is None:
        return None
    if _NOT_INSERTABLE.search(str(suggestion)):
        raise PackError(f"{where}: suggestion {suggestion!r} is not replacement text; put guidance in 'advice'")
    return str(suggestion)
