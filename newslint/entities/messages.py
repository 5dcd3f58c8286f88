"""The words of the entity findings: where each cue was seen, the article-wide counts, and
the one-line messages of EN001 and EN002."""

from __future__ import annotations

from newslint.entities.evidence import ArticleEvidence, Evidence, Mention
from newslint.entities.kb import Person

_WHERE = {
    0: "in this sentence",
    -1: "in the previous sentence",
    -2: "two sentences earlier",
    1: "in the next sentence",
    2: "two sentences later",
}


def describe(items: list[tuple[float, Evidence, int]], speaker: bool) -> list[str]:
    """The cues (weight, evidence, sentence offset) grouped by where they were seen."""
    groups: dict[int, list[str]] = {}
    for _, ev, delta in items:
        label = ev.label
        if ev.tier == "person" and delta < 0 and speaker:
            label += " as speaker"
        groups.setdefault(delta, []).append(label)
    ordered = sorted(groups.items(), key=lambda kv: abs(kv[0]))
    return [" + ".join(labels) + f" {_WHERE[d]}" for d, labels in ordered]


def prior_note(found: ArticleEvidence, mention: Mention, rival: str, prior: float) -> list[str]:
    """How often the article names each one, when that weighs in the rival's favour."""
    if prior < 1.0:
        return []
    counts = found.strong_names
    own = max(counts.get(o, 0) for o in mention.orgs)
    if counts.get(rival, 0) <= own:
        return []
    return [f"{found.kb.orgs[rival].short} named {_times(counts.get(rival, 0))} in the article, "
            f"{found.kb.orgs[min(mention.orgs)].short} {_times(own)}"]


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def confusion(name: str, quoted: bool, rival: str, shown: list[str]) -> str:
    """EN001: the name, where it stands, the rival and the evidence for it."""
    where = " in quoted speech" if quoted else " here"
    return f"'{name}'{where}: cues point to {rival} ({'; '.join(shown)})"


def mismatch(snippet: str, person: Person, org: str) -> str:
    """EN002: the title as written and the offices the person really held."""
    held = "; ".join(f"{r.title} {r.years}" for r in person.roles)
    return f"'{snippet}': {person.name} held no {org} office ({held})"
