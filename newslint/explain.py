"""What `newslint explain` prints for a rule, shared by the CLI, SARIF rule metadata and hovers."""

from __future__ import annotations

from dataclasses import dataclass

from newslint.registry import Registry, default_registry
from newslint.rule import RuleInfo


@dataclass(frozen=True)
class RuleDocs:
    """A rule's documentation: one-line summary, the reason, and the full explanation."""

    code: str
    name: str
    summary: str
    why: str
    text: str


def explain(key: str, registry: Registry | None = None) -> RuleDocs | None:
    """The documentation of a rule by code or name (LT:ID for LanguageTool); None if unknown."""
    registry = registry or default_registry()
    if key.upper().startswith("LT:"):
        return _languagetool(key, registry)
    found = registry.find(key)
    if found is None:
        return None
    i = found.info
    return RuleDocs(i.code, i.name, i.summary, i.why, _rule_text(i, getattr(getattr(found, "spec", None), "patterns", ())))


MAX_EXAMPLES = 6  # a list rule has an example per pattern: its patterns section shows them all


def _rule_text(i: RuleInfo, patterns: tuple = ()) -> str:
    out = [f"{i.code} {i.name} ({i.category}, {i.severity.value}{'' if i.default_enabled else ', off by default'})", ""]
    out += ["What it does", f"  {i.summary}", "", "Why", f"  {i.why}", "", "Example"]
    out += [f"  flags:    {_one_line(t)}" for t in i.examples.fail[:MAX_EXAMPLES]]
    if len(i.examples.fail) > MAX_EXAMPLES:
        out.append(f"  ... and {len(i.examples.fail) - MAX_EXAMPLES} more (one per pattern, below)")
    out += [f"  accepts:  {_one_line(t)}" for t in i.examples.ok]
    out += ["", "Fix safety", f"  {i.fix_safety}"]
    if i.options:
        out += ["", "Options (set in [rules.NAME] of the config)"]
        out += [f"  {name} = {opt.default!r}: {opt.help}" for name, opt in i.options.items()]
    if i.gated:
        out += ["", "Fires only in articles that read as translated (the signal TR000 reports), or when source-language is set."]
    if any(p.advice or p.example for p in patterns):
        out += ["", f"Patterns ({len(patterns)})"]
        for p in patterns:
            line = f"  /{p.regex}/"
            if p.advice:
                line += f": {p.advice}"
            if p.suggestion:
                line += f" (suggests '{p.suggestion}')"
            out.append(line)
            if p.example:
                out.append(f"      e.g. {p.example}")
    out += ["", f"Defined in: {i.source}"]
    return "\n".join(out)


def _languagetool(code: str, registry: Registry) -> RuleDocs:
    from newslint.languagetool import mapping

    rule_id = code.split(":", 1)[1].upper()
    state = "dropped (contradicts news conventions)" if rule_id in mapping.DROPPED else (
        f"not reported when newslint's {mapping.OWNED_BY_NEWSLINT[rule_id]} is on"
        if rule_id in mapping.OWNED_BY_NEWSLINT else "reported")
    summary = f"LanguageTool's rule {rule_id}; its message says what it found. In newslint: {state}."
    why = registry.find("LT").info.why
    text = "\n".join([
        f"{mapping.CODE_PREFIX}{rule_id} {mapping.rule_name(rule_id)} (LanguageTool rule)", "",
        "What it does", f"  {summary}", "", "Why", f"  {why}", "",
        "Fix safety", "  No automatic fix; LanguageTool's replacements are offered as suggestions.", "",
        f"Turn it off: --ignore {mapping.CODE_PREFIX}{rule_id}  (all of LanguageTool: --ignore LT)",
    ])
    return RuleDocs(f"{mapping.CODE_PREFIX}{rule_id}", mapping.rule_name(rule_id), summary, why, text)


def _one_line(text: str) -> str:
    return text.replace("\n", "⏎ ")
