"""The entity knowledge base: organisations, rivals, cues and title holders from
``rules/entities/*.yaml``, validated and compiled once per process, and kept in the data
cache between runs (newslint/datacache.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint.datacache import cached, modules
from newslint.entities.scanner import Scanner
from newslint.packs import packs_dir, read_yaml


@dataclass(frozen=True)
class Org:
    """One organisation: display names, parent and the confusable groups it is in."""

    id: str
    name: str
    short: str
    parent: str | None
    groups: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    """An office a person held in an organisation, with its term (None = open)."""

    org: str
    title: str
    start: date | None
    end: date | None

    def held_on(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def years(self) -> str:
        first = str(self.start.year) if self.start else "?"
        return f"{first}-{self.end.year}" if self.end else f"from {first}"


@dataclass(frozen=True)
class Person:
    """A title holder and the offices they held."""

    name: str
    roles: tuple[Role, ...]


@dataclass(frozen=True)
class Cue:
    """What one cue regex says: (org, weight, tier, label) for every organisation listing it."""

    votes: tuple[tuple[str, float, str, str], ...]


@dataclass(frozen=True)
class KnowledgeBase:
    """Organisations, rivals, people and the two compiled regexes over them."""

    orgs: dict[str, Org]
    rivals: dict[str, frozenset[str]]
    weights: dict[str, float]
    distance: tuple[float, ...]
    speaker: float
    mention_regex: Scanner
    mention_groups: dict[str, tuple[frozenset[str], bool]]  # group -> (orgs, strong)
    cue_regex: Scanner
    cue_groups: dict[str, Cue | Person]
    title_heads: re.Pattern
    title_words: re.Pattern

    def lineage(self, org: str) -> list[str]:
        """The organisation and its parents, nearest first."""
        chain = []
        while org and org not in chain:
            chain.append(org)
            org = self.orgs[org].parent
        return chain

    def related(self, a: str, b: str) -> bool:
        """Whether one organisation is part of the other (or the same)."""
        return a in self.lineage(b) or b in self.lineage(a)


def _day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _cue_items(raw: Any) -> list[tuple[str, str, bool]]:
    """(regex, label, case-sensitive) of each cue entry."""
    items = []
    for entry in raw or []:
        if isinstance(entry, str):
            items.append((entry, entry, False))
        else:
            items.append((entry["re"], str(entry.get("label", entry["re"])), entry.get("case") == "sensitive"))
    return items


@lru_cache(maxsize=4)
def knowledge_base(folder: Path | None = None) -> KnowledgeBase:
    """Read and compile ``organisations.yaml`` and ``people.yaml`` (once per process)."""
    folder = folder or packs_dir() / "entities"
    sources = [folder / "organisations.yaml", folder / "people.yaml"] + modules(
        "entities/kb.py", "entities/scanner.py", "lazy_regex.py", "word_prefixes.py", "first_chars.py", "packs.py",
        "required_literals.py", "triple_rarity.py", "pattern_prefilter.py", "byte_superset.py")
    return cached("entities", sources, lambda: _build(folder))


def prepare_scanners(chars: int) -> None:
    """Before a run of ``chars`` characters: load the native prefilters of the mention and
    cue scanners, or build them for a big run (newslint/pattern_prefilter.py)."""
    kb = knowledge_base()
    for scanner in (kb.mention_regex, kb.cue_regex):
        scanner.prefilter.prepare(chars)


def _build(folder: Path) -> KnowledgeBase:
    data = read_yaml(folder / "organisations.yaml")
    people = read_yaml(folder / "people.yaml")["people"]
    weights = {k: float(v) for k, v in data["weights"].items()}
    groups = {gid: tuple(g["members"]) for gid, g in data["groups"].items()}
    orgs: dict[str, Org] = {}
    for oid, raw in data["orgs"].items():
        member_of = tuple(g for g, members in groups.items() if oid in members)
        orgs[oid] = Org(oid, raw["name"], raw.get("short", raw["name"]), raw.get("parent"), member_of)
    for gid, members in groups.items():
        for oid in members:
            if oid not in orgs:
                raise ValueError(f"organisations.yaml: group {gid} names unknown org {oid}")

    mentions: dict[tuple[str, bool], set[str]] = {}
    cues: dict[tuple[str, bool], list[tuple[str, float, str, str]]] = {}
    for oid, raw in data["orgs"].items():
        for rx in raw.get("aliases", []):
            mentions.setdefault((rx, True), set()).add(oid)
        for rx in raw.get("weak", []):
            mentions.setdefault((rx, False), set()).add(oid)
        tiers = dict(raw.get("cues") or {}, topic=raw.get("topic"))
        for tier in ("hard", "medium", "soft", "topic"):
            for rx, label, sensitive in _cue_items(tiers.get(tier)):
                cues.setdefault((rx, sensitive), []).append((oid, weights[tier], tier, label))
    mention_parts, mention_groups = [], {}
    for i, ((rx, strong), owners) in enumerate(mentions.items()):
        mention_parts.append((f"m{i}", rx, True))
        mention_groups[f"m{i}"] = (frozenset(owners), strong)
    cue_parts, cue_groups = [], {}
    for i, ((rx, sensitive), votes) in enumerate(cues.items()):
        strongest: dict[str, tuple[str, float, str, str]] = {}
        for vote in votes:  # one regex listed twice for an organisation counts once, at its heaviest
            if vote[0] not in strongest or vote[1] > strongest[vote[0]][1]:
                strongest[vote[0]] = vote
        cue_parts.append((f"c{i}", rx, sensitive))
        cue_groups[f"c{i}"] = Cue(tuple(strongest.values()))
    for i, raw in enumerate(people):
        roles = tuple(Role(r["org"], r["title"], _day(r.get("from")), _day(r.get("to"))) for r in raw["roles"])
        for role in roles:
            if role.org not in orgs:
                raise ValueError(f"people.yaml: {raw['name']}: unknown org {role.org}")
        names = sorted(raw["match"], key=len, reverse=True)
        cue_parts.append((f"p{i}", "|".join(names), True))
        cue_groups[f"p{i}"] = Person(raw["name"], roles)

    kb = KnowledgeBase(
        orgs=orgs,
        rivals=_rivals(orgs, groups),
        weights=weights,
        distance=tuple(float(x) for x in data["distance"]),
        speaker=float(data["speaker"]),
        mention_regex=Scanner(mention_parts),
        mention_groups=mention_groups,
        cue_regex=Scanner(cue_parts, overlapping=True),
        cue_groups=cue_groups,
        title_heads=re.compile(r"\b(?:" + "|".join(data["titles"]["heads"]) + r")\b", re.I),
        title_words=re.compile(
            r"(?:(?:" + "|".join(sorted(data["titles"]["heads"] + data["titles"]["modifiers"], key=len, reverse=True))
            + r")(?:\s+|-|$))+",
            re.I,
        ),
    )
    return kb


def _rivals(orgs: dict[str, Org], groups: dict[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    """Each organisation's rivals: its groups' other members, minus its parents and parts."""

    def lineage(org: str | None) -> set[str]:
        chain = set()
        while org and org not in chain:
            chain.add(org)
            org = orgs[org].parent
        return chain

    rivals = {}
    for oid, org in orgs.items():
        members = {m for g in org.groups for m in groups[g]}
        rivals[oid] = frozenset(m for m in members if m not in lineage(oid) and oid not in lineage(m))
    return rivals
