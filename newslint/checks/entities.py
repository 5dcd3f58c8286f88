"""Entity rules: an organisation named where the cues point to a rival (EN001), and a title
holder named with an organisation they never served (EN002).

The knowledge base is YAML in ``rules/entities/`` (organisations, confusable groups, cues,
title holders with terms of office), read once per process. One left-to-right pass finds
the organisations' names and another finds the cues and people; each name of an
organisation A is then scored against each rival B of its groups, in log-odds:

    margin(B) = lean(B) + prior(B : A) + orphan bonus

``lean`` is local: the distinct cues for B minus those for A in the name's sentence and the
two on either side (weights decay with distance; a title holder is carried into "He added
that ..."; a cue right after the name counts double). ``prior`` is the capped log ratio of
how much the whole article names and cues each one; the orphan bonus applies when nothing but
its own name (at most twice) backs A anywhere in the article. A name is flagged when the
margin reaches the threshold and the local evidence itself leans to B, partly by content
(treaty, organ, topic) rather than names: more strongly if both are named in the sentence,
with content in the sentence itself if B's title holder is there (they may speak about
anything), and never for a bare membership ("Turkey, a NATO member") with nothing against
it. Coordinated, contrasted or spelt-out names ("NATO and the EU", "the European Union
(EU)") are never flagged; a name glossed with a rival's abbreviation ("World Bank (IMF)") is.
All thresholds and weights are data (``weights`` in organisations.yaml).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from newslint.article import Article
from newslint.config import ConfigError
from newslint.diagnostic import Finding, Severity
from newslint.packs import packs_dir
from newslint.rule import CheckContext, Examples, Option, Rule, RuleInfo

# ---- knowledge base -------------------------------------------------------------------


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


_WORD_START = re.compile(r"(?<!\w)\w")


class Scanner:
    """Named regex alternatives matched in one left-to-right pass, only where a word starts.

    Python's ``re`` tries every branch of an alternation at every position, which is slow
    with hundreds of names; here each word start tries only the branches that can begin
    with its first character, in the same order (longest source first, a proxy for the
    longest match), so a pass costs one dictionary look-up per word.
    """

    def __init__(self, parts: list[tuple[str, str, bool]], overlapping: bool = False) -> None:
        ordered = sorted(parts, key=lambda p: -len(p[1]))
        self.overlapping = overlapping
        anywhere = [i for i, (_, rx, _) in enumerate(ordered) if _first_chars(rx) is None]
        buckets: dict[str, list[int]] = {}
        for i, (_, rx, _) in enumerate(ordered):
            for ch in _first_chars(rx) or ():
                buckets.setdefault(ch, []).append(i)

        def source(i: int) -> str:
            name, rx, sensitive = ordered[i]
            return f"(?P<{name}>{rx if sensitive else '(?i:' + rx + ')'})"

        def compiled(indexes: list[int]) -> re.Pattern:
            return re.compile(rf"(?:{'|'.join(source(i) for i in sorted(set(indexes)))})(?!\w)")

        self._buckets = {ch: compiled(ix + anywhere) for ch, ix in buckets.items()}
        self._fallback = compiled(anywhere) if anywhere else None
        self._single = {ordered[i][0]: re.compile(source(i) + r"(?!\w)") for i in range(len(ordered))}
        self._members = {ch: [ordered[i][0] for i in sorted(set(ix + anywhere))] for ch, ix in buckets.items()}
        self._members[""] = [ordered[i][0] for i in anywhere]

    def finditer(self, text: str) -> Iterable[tuple[int, int, str]]:
        """(start, end, branch name) of every match; where several branches match at one
        word start, the first (longest) only, or with ``overlapping`` all of them."""
        last = 0
        for word in _WORD_START.finditer(text):
            pos = word.start()
            if pos < last:
                continue
            first = text[pos].lower()
            regex = self._buckets.get(first, self._fallback)
            m = regex.match(text, pos) if regex is not None else None
            if not m:
                continue
            last = m.end()
            if not self.overlapping:
                yield m.start(), m.end(), m.lastgroup
                continue
            for name in self._members.get(first if first in self._buckets else "", ()):
                other = self._single[name].match(text, pos)
                if other:
                    last = max(last, other.end())
                    yield pos, other.end(), name


def _first_chars(regex: str) -> frozenset[str] | None:
    """Lower-cased characters a match can start with; None when any character could."""
    try:
        from re import _parser  # the stdlib regex parser (Python 3.11+)

        parsed = _parser.parse(regex)
    except Exception:  # pragma: no cover - other Pythons: try every branch everywhere
        return None
    chars = _first(list(parsed))
    return frozenset(c.lower() for c in chars) if chars is not None else None


def _first(items: list) -> set[str] | None:
    """FIRST set of a parsed sequence (None = unknown); zero-width items are skipped."""
    from re import _constants as c

    for index, (op, arg) in enumerate(items):
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.LITERAL:
            return {chr(arg)}
        if op is c.IN:
            out = set()
            for kind, value in arg:
                if kind is c.LITERAL:
                    out.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < 64:
                    out.update(chr(x) for x in range(value[0], value[1] + 1))
                else:
                    return None
            return out
        if op is c.SUBPATTERN:
            return _first(list(arg[-1]))
        if op is c.BRANCH:
            firsts = [_first(list(branch)) for branch in arg[1]]
            return None if any(f is None for f in firsts) else set().union(*firsts)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            inner = _first(list(arg[2]))
            if inner is None or arg[0] > 0:
                return inner
            rest = _first(items[index + 1 :])
            return None if rest is None else inner | rest
        return None
    return None


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
    data = yaml.safe_load((folder / "organisations.yaml").read_text(encoding="utf-8"))
    people = yaml.safe_load((folder / "people.yaml").read_text(encoding="utf-8"))["people"]
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


# ---- one article: mentions, evidence and judgements -------------------------------------


@dataclass(frozen=True)
class Mention:
    """A name of one or more organisations (more when the name is ambiguous)."""

    start: int
    end: int
    orgs: frozenset[str]
    strong: bool
    sentence: int


@dataclass(frozen=True)
class Evidence:
    """One cue for one organisation: where, how heavy, what to show."""

    org: str
    weight: float
    tier: str  # hard, medium, soft, mention, weak, person
    label: str  # what the message shows
    sentence: int
    start: int
    key: str  # one cue counts once per mention, however often it occurs
    person: Person | None = None


@dataclass(frozen=True)
class Score:
    """How much better a rival fits one mention: local lean, its content part, article prior."""

    rival: str
    lean: float
    content: float
    prior: float
    shown: tuple[str, ...]
    orphan: bool = False  # the named organisation has nothing else in the article backing it
    rival_names: int = 0  # how often the article names the rival
    rival_here: bool = False  # the rival is named in the same sentence
    lean_here: float = 0.0  # the part of the lean found in the sentence itself (or its speaker)
    content_here: float = 0.0  # the content part of it
    person_here: bool = False  # a title holder of the rival is in the sentence or speaks it
    orphan_bonus: float = 0.0  # added to the margin when ``orphan``
    membership: bool = False  # the name only says who belongs to it ("Turkey, a NATO member")
    end: int | None = None  # where the finding ends when it covers more than the name

    @property
    def margin(self) -> float:
        return self.lean + self.prior + (self.orphan_bonus if self.orphan else 0.0)


@dataclass
class Judgement:
    """Why a mention looks like the wrong organisation."""

    mention: Mention
    rival: str
    margin: float
    shown: list[str] = field(default_factory=list)
    end: int | None = None


_COORDINATION = re.compile(
    r"(?:['’]s)?\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|nor|&|/|-|–|—|plus|as well as|versus|vs\.?|than|but not|but|"
    r"with|and not|and also|or even)\s*)(?:both\s+|also\s+)?(?:the\s+|its\s+|their\s+)?",
    re.I,
)
_CONTRAST = re.compile(
    r"\b(?:unlike|rather than|instead of|as opposed to|in contrast|whereas|compared (?:with|to)|distinct from|"
    r"separate from|different from|confused with|mistaken for|not to be confused)\b",
    re.I,
)
_SPEAKER = re.compile(
    r"^(?:He|She|They|The (?:secretary[- ]general|chief|president|prosecutor|official|minister|head))\s+"
    r"(?:also\s+|further\s+|later\s+|then\s+)?(?:added|said|noted|stressed|argued|told|explained|insisted|"
    r"pointed out|warned|emphasi[sz]ed|recalled|reiterated|continued|claimed|stated|declared)\b"
)
_SPEAKER_TAIL = re.compile(r",\s*(?:he|she) (?:added|said|noted|stressed)\b")
_CONTENT = ("hard", "medium", "soft", "topic")  # cue tiers that are about the subject, not names
_MEMBER_AFTER = re.compile(r"[- ](?:member|members|ally|allies|country|countries|state|states|nation|nations)\b", re.I)
_MEMBER_BEFORE = re.compile(r"(?:\bnon-|\bmembers? of (?:the )?|\b(?:join|joined|joining|joins) (?:the )?)$", re.I)
_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")
_WHERE = {
    0: "in this sentence",
    -1: "in the previous sentence",
    -2: "two sentences earlier",
    1: "in the next sentence",
    2: "two sentences later",
}


def _caps_lines(article: Article) -> list[tuple[int, int]]:
    """Spans of lines written in capitals (section heads), where acronyms are not names."""
    spans = []
    for _, span in article.line_spans():
        letters = [c for c in article.text[span.start : span.end] if c.isalpha()]
        if len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
            spans.append((span.start, span.end))
    return spans


class Analysis:
    """Mentions and evidence of one article, found in one pass of each regex."""

    def __init__(self, article: Article, kb: KnowledgeBase, as_of: date | None) -> None:
        self.article, self.kb, self.as_of = article, kb, as_of
        self.sentences = article.sentences
        self._starts = [s.start for s in self.sentences]
        caps = _caps_lines(article)
        text = article.text
        self.mentions: list[Mention] = []
        for start, end, group in kb.mention_regex.finditer(text):
            if _inside(caps, start) or _shouting(text, start, end):
                continue
            orgs, strong = kb.mention_groups[group]
            self.mentions.append(Mention(start, end, orgs, strong, self.sentence_of(start)))
        self._position = {m.start: i for i, m in enumerate(self.mentions)}
        self.mentions_in: dict[int, list[Mention]] = {}
        for m in self.mentions:
            self.mentions_in.setdefault(m.sentence, []).append(m)
        self.evidence: list[Evidence] = []
        self.people: list[tuple[int, int, Person]] = []
        for start, end, group in kb.cue_regex.finditer(text):
            if not _inside(caps, start):
                self._add_cue(start, end, kb.cue_groups[group])
        for mention in self.mentions:
            self._add_mention_evidence(mention)
        self.by_sentence: dict[int, list[Evidence]] = {}
        for ev in self.evidence:
            self.by_sentence.setdefault(ev.sentence, []).append(ev)
        self.support = self._support()

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def _add_cue(self, start: int, end: int, entry: Cue | Person) -> None:
        sentence = self.sentence_of(start)
        text = self.article.text[start:end]
        if isinstance(entry, Person):
            self.people.append((start, end, entry))
            for role in entry.roles:
                if not role.held_on(self.as_of):
                    continue
                label = f"{text} ({role.title})"
                for org in self.kb.lineage(role.org):
                    self.evidence.append(
                        Evidence(org, self.kb.weights["person"], "person", label, sentence, start, entry.name, entry)
                    )
            return
        for org, weight, tier, label in entry.votes:
            self.evidence.append(Evidence(org, weight, tier, f"'{text}'", sentence, start, f"{tier}:{label}"))

    def _add_mention_evidence(self, mention: Mention) -> None:
        text = self.article.text[mention.start : mention.end]
        tier = "mention" if mention.strong else "weak"
        for org in mention.orgs:
            ev = Evidence(org, self.kb.weights[tier], tier, f"'{text}'", mention.sentence, mention.start, f"name:{org}")
            self.evidence.append(ev)
            for parent in self.kb.lineage(org)[1:]:
                self.evidence.append(
                    Evidence(parent, self.kb.weights["medium"], "medium", f"'{text}'", mention.sentence, mention.start,
                             f"part:{org}")
                )

    def _support(self) -> dict[str, float]:
        """How much the whole article is about each organisation: names plus cues."""
        support: dict[str, float] = {}
        self.names: dict[str, int] = {}
        self.backing: dict[str, float] = {}  # support from anything but the organisation's own names
        for ev in self.evidence:
            if ev.tier == "mention":
                self.names[ev.org] = self.names.get(ev.org, 0) + 1
                support[ev.org] = support.get(ev.org, 0.0) + 1.0
                continue
            gain = 0.25 if ev.tier in ("weak", "soft", "topic") else 0.5
            support[ev.org] = support.get(ev.org, 0.0) + gain
            self.backing[ev.org] = self.backing.get(ev.org, 0.0) + gain
        return support

    # ---- judging one mention ----------------------------------------------------------
    def scores(self, mention: Mention) -> tuple[str | None, list[Score]]:
        """Why the mention cannot be flagged at all (None if it can), and each rival's score."""
        kb = self.kb
        rivals = set().union(*(kb.rivals[o] for o in mention.orgs)) - mention.orgs
        rivals = {r for r in rivals if not any(kb.related(r, o) for o in mention.orgs)}
        if not mention.strong:
            return "loose name", []
        if not rivals:
            return "no rival defined", []
        gloss = self._gloss(mention)
        if isinstance(gloss, str):
            return gloss, []
        if isinstance(gloss, Mention) and gloss.orgs & mention.orgs:
            return "spelt out with its own abbreviation", []
        if isinstance(gloss, Mention):
            clash = sorted(gloss.orgs & rivals)
            if clash and not gloss.orgs & mention.orgs:
                said = self.article.text[gloss.start : gloss.end]
                weight = 2 * kb.weights["hard"]
                close = _CLOSE.match(self.article.text, gloss.end)
                shown = (f"the brackets after it say '{said}'",)
                end = close.end() if close else gloss.end
                return None, [Score(clash[0], weight, weight, 0.0, shown, lean_here=weight, content_here=weight, end=end)]
        if self._exempt(mention):
            return "coordinated or contrasted with another organisation", []
        own = self._local(mention, mention.orgs)
        blocked = "hard cue for the named organisation in its sentence" if own["hard_here"] else None
        result = []
        for rival in sorted(rivals):
            theirs = self._local(mention, {rival})
            prior = self._prior(mention, rival)
            shown = tuple(theirs["shown"] + self._prior_note(mention, rival, prior))
            result.append(
                Score(
                    rival, theirs["total"] - own["total"], theirs["content"] - own["content"], prior, shown,
                    orphan=max(self.names.get(o, 0) for o in mention.orgs) <= 2
                    and max(self.backing.get(o, 0.0) for o in mention.orgs) < 1.0,
                    rival_names=self.names.get(rival, 0),
                    rival_here=theirs["named_here"],
                    lean_here=theirs["here"] - own["here"],
                    content_here=theirs["content_here"] - own["content_here"],
                    person_here=theirs["person_here"],
                    orphan_bonus=kb.weights["orphan-bonus"],
                    membership=self._membership(mention),
                )
            )
        return blocked, result

    def judge(self, mention: Mention, threshold: float) -> Judgement | None:
        """A judgement when a rival clearly fits the mention's context better."""
        blocked, scores = self.scores(mention)
        if blocked:
            return None
        winners = [s for s in scores if self.shortfall(s, threshold) is None]
        if not winners:
            return None
        best = max(winners, key=lambda s: s.margin)
        return Judgement(mention, best.rival, best.margin, list(best.shown), best.end)

    def shortfall(self, score: Score, threshold: float) -> str | None:
        """What keeps a rival's score from being decisive (None when it is); the order of
        the checks is the order of the reasons the swap benchmark reports."""
        w = self.kb.weights
        if score.lean_here < w["min-lean-here"]:
            return "nothing in the sentence itself points to the rival"
        if score.rival_here and score.lean < w["min-lean-named"]:
            return "the rival is named in the same sentence"
        if score.membership and (score.rival_here or score.lean_here < w["min-lean-member"]):
            return "names a membership ('a NATO member') and nothing in its sentence points elsewhere"
        if score.lean < w["min-lean"]:
            return "local cues do not lean to the rival"
        if score.content < w["min-content"]:
            return "no content cue for the rival nearby (names only)"
        if score.person_here and score.content_here < w["min-content-here"]:
            return "a title holder of the rival is there, but nothing the sentence says is the rival's"
        if score.margin < threshold:
            return "margin below threshold"
        return None

    def _gloss(self, mention: Mention) -> Mention | str | None:
        """The bracketed abbreviation after a name ("World Bank (IMF)"), or why a name in
        brackets is not judged on its own."""
        text = self.article.text
        index = self._position[mention.start]
        after = self.mentions[index + 1] if index + 1 < len(self.mentions) else None
        if after and _OPEN.fullmatch(text[mention.end : after.start]) and _CLOSE.match(text, after.end):
            return after
        before = self.mentions[index - 1] if index else None
        if before and _OPEN.fullmatch(text[before.end : mention.start]) and _CLOSE.match(text, mention.end):
            if before.orgs & mention.orgs:
                return "spelt out with its own abbreviation"
            return "abbreviation in brackets: judged with the name before it"
        return None

    def _membership(self, mention: Mention) -> bool:
        """Whether the name describes membership: "a NATO member", "non-EU", "member of the WTO"."""
        text = self.article.text
        before = text[max(0, mention.start - 16) : mention.start]
        return bool(_MEMBER_AFTER.match(text, mention.end) or _MEMBER_BEFORE.search(before))

    def _exempt(self, mention: Mention) -> bool:
        """Coordinated ("NATO and the EU") or contrasted names are deliberate."""
        text = self.article.text
        sentence = self.sentences[mention.sentence] if self.sentences else None
        others = [
            m for m in self.mentions_in.get(mention.sentence, ())
            if m.strong and m is not mention and not m.orgs & mention.orgs
        ]
        for other in others:
            left, right = (mention, other) if mention.start < other.start else (other, mention)
            gap = text[left.end : right.start]
            if len(gap) <= 30 and _COORDINATION.fullmatch(gap):
                return True
        if others and sentence and _CONTRAST.search(text[sentence.start : sentence.end]):
            return True
        return False

    def _local(self, mention: Mention, orgs: set[str] | frozenset[str]) -> dict:
        """Distinct cues for ``orgs`` around the mention, each at its best distance weight."""
        kb = self.kb
        speaker = self._speaker_carry(mention.sentence)
        best: dict[str, tuple[float, Evidence, int]] = {}
        reach = len(kb.distance) - 1
        for delta in sorted(range(-reach, reach + 1), key=lambda d: (abs(d), d)):
            for ev in self.by_sentence.get(mention.sentence + delta, ()):
                if ev.org not in orgs or ev.start == mention.start:
                    continue
                if ev.tier in ("mention", "weak") and ev.org in mention.orgs:
                    continue  # an organisation's other names are not evidence for this one
                factor = kb.distance[abs(delta)]
                if ev.tier in _CONTENT and 0 <= ev.start - mention.end <= 3:
                    factor = kb.weights["attached"]  # "the NATO constitution": the cue is about this name
                if ev.tier == "person" and delta < 0 and speaker:
                    factor = max(factor, kb.speaker)
                weight = ev.weight * factor
                key = ev.key
                if key not in best or weight > best[key][0]:
                    best[key] = (weight, ev, delta)
        by_span: dict[int, tuple[float, Evidence, int]] = {}
        for item in best.values():  # two cues on the same words count once
            if item[1].start not in by_span or item[0] > by_span[item[1].start][0]:
                by_span[item[1].start] = item
        best = {item[1].key: item for item in by_span.values()}
        total = sum(w for w, _, _ in best.values())
        content = sum(w for w, ev, _ in best.values() if ev.tier in _CONTENT)
        hard_here = any(ev.tier == "hard" and d == 0 for _, ev, d in best.values())
        named_here = any(ev.tier == "mention" and d == 0 for _, ev, d in best.values())
        here = sum(w for w, ev, d in best.values() if d == 0 or (ev.tier == "person" and speaker and d < 0))
        content_here = sum(w for w, ev, d in best.values() if d == 0 and ev.tier in _CONTENT)
        person_here = any(ev.tier == "person" and (d == 0 or (speaker and d < 0)) for _, ev, d in best.values())
        shown = self._describe(sorted(best.values(), key=lambda t: -t[0])[:4], speaker)
        return {
            "total": total, "content": content, "here": here, "content_here": content_here,
            "hard_here": hard_here, "named_here": named_here, "person_here": person_here,
            "shown": shown,
        }

    def _speaker_carry(self, index: int) -> bool:
        if not self.sentences:
            return False
        span = self.sentences[index]
        sentence = self.article.text[span.start : span.end].lstrip("\"'“‘ ")
        return bool(_SPEAKER.match(sentence) or _SPEAKER_TAIL.search(sentence))

    def _describe(self, items: list[tuple[float, Evidence, int]], speaker: bool) -> list[str]:
        groups: dict[int, list[str]] = {}
        for _, ev, delta in items:
            label = ev.label
            if ev.tier == "person" and delta < 0 and speaker:
                label += " as speaker"
            groups.setdefault(delta, []).append(label)
        ordered = sorted(groups.items(), key=lambda kv: abs(kv[0]))
        return [" + ".join(labels) + f" {_WHERE[d]}" for d, labels in ordered]

    def _prior(self, mention: Mention, rival: str) -> float:
        own = max(self.support.get(o, 0.0) for o in mention.orgs) - 1.0  # minus this mention
        value = math.log((1.0 + self.support.get(rival, 0.0)) / (1.0 + max(0.0, own)))
        cap = self.kb.weights.get("prior-cap", 2.0)
        return max(-cap, min(cap, value))

    def _prior_note(self, mention: Mention, rival: str, prior: float) -> list[str]:
        if prior < 1.0:
            return []
        counts = {}
        for m in self.mentions:
            if m.strong:
                for o in m.orgs:
                    counts[o] = counts.get(o, 0) + 1
        own = max(counts.get(o, 0) for o in mention.orgs)
        if counts.get(rival, 0) <= own:
            return []
        return [f"{self.kb.orgs[rival].short} named {_times(counts.get(rival, 0))} in the article, "
                f"{self.kb.orgs[min(mention.orgs)].short} {_times(own)}"]


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


_CAPS_WORD = re.compile(r"[A-Z]{2,}(?:['’]S)?\b")


def _shouting(text: str, start: int, end: int) -> bool:
    """Whether a capitalised name sits among capitalised words ("WHO WANTS TO HOST ...")."""
    if not text[start:end].isupper():
        return False
    after = _CAPS_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    before = re.search(r"\b[A-Z]{2,} $", text[max(0, start - 20) : start])
    return bool(after or before)


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in spans)


def _as_of(context: CheckContext) -> date | None:
    value = context.options.get("as-of", "")
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"as-of: expected a date like 2021-12-24, got {value!r}") from None


def analysis(article: Article, as_of: date | None) -> Analysis:
    """The article's entity analysis, computed once and shared by both rules."""
    key = ("entities", as_of)
    cached = article.cache.get(key)
    if cached is None:
        cached = article.cache[key] = Analysis(article, knowledge_base(), as_of)
    return cached


_AS_OF = Option("", "article date (YYYY-MM-DD): title holders count only for offices held then; empty: any term")


class OrganisationConfusion(Rule):
    info = RuleInfo(
        code="EN001",
        name="organisation-confusion",
        category="entity",
        severity=Severity.WARNING,
        summary="Flags an organisation named where treaty, title-holder and topic cues point to a rival (EU for NATO).",
        why=(
            "Translators and hurried writers swap look-alike bodies: the EU for NATO, the Council of "
            "Europe for the European Council, the ICJ for the ICC. The sentence then attributes a treaty, "
            "an office or a decision to the wrong organisation. The rule weighs local cues (treaty "
            "articles, exclusive organs, title holders, topic words in the sentence and its neighbours) "
            "above which organisation dominates the article, and shows its evidence; it never rewrites."
        ),
        examples=Examples(
            fail=(
                "Stoltenberg rejects Russian demands\n\nNATO Secretary-General Jens Stoltenberg said NATO had never "
                "promised not to expand. He added that the founding treaty of the EU says any European country "
                "can accede to it. NATO allies back the open-door policy.",
                "Brussels fines chipmaker\n\nThe European Union fined the chipmaker on Monday. Competition "
                "commissioner Margrethe Vestager said the firm had abused its dominance of the single market. "
                "NATO will now examine whether the fine complies with the directive, MEPs were told.",
                "Court orders halt to offensive\n\nThe International Court of Justice ordered Russia to halt its "
                "military operations. The International Criminal Court issued the advisory opinion under the "
                "Genocide Convention after Ukraine filed a case against Moscow.",
            ),
            ok=(
                "Leaders meet\n\nNATO and the EU agreed to co-ordinate their sanctions. Jens Stoltenberg said "
                "the alliance would help. EU and NATO members will meet again in March.",
                "Summit ends\n\nStoltenberg welcomed the EU's plan to spend more on defence. The European Union "
                "said member states would agree the budget next month.",
                "Bloc expands\n\nThe EU opened accession talks with Ukraine. The European Commission said the "
                "single market would grow. Turkey, a NATO member, has been a candidate since 1999.",
            ),
        ),
        options={
            "threshold": Option(3.0, "log-odds margin by which a rival must win before a name is flagged"),
            "as-of": _AS_OF,
        },
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        found = analysis(article, _as_of(context))
        kb = found.kb
        for mention in found.mentions:
            verdict = found.judge(mention, context.options["threshold"])
            if verdict is None:
                continue
            name = article.text[mention.start : mention.end]
            rival = kb.orgs[verdict.rival]
            quoted = article.in_quote(mention.start)
            where = " in quoted speech" if quoted else " here"
            yield Finding(
                mention.start,
                verdict.end or mention.end,
                f"'{name}'{where}: cues point to {rival.short} ({'; '.join(verdict.shown)})",
                suggestions=(rival.short,),
                severity=Severity.INFO if quoted else None,
            )


# ---- EN002: a title holder named with the wrong organisation ------------------------------

_APPOSITION = re.compile(r"\s*,\s*(?:the\s+)?")
_FORMER = re.compile(r"\b(?:former|ex-|then-?|onetime|one-time)\s*$", re.I)


class TitleHolderMismatch(Rule):
    info = RuleInfo(
        code="EN002",
        name="title-holder-mismatch",
        category="entity",
        severity=Severity.WARNING,
        summary="Flags a known office holder given another organisation's title (\"UN Secretary-General Stoltenberg\").",
        why=(
            "The same title exists in many bodies: NATO, the UN, the Council of Europe and the OSCE each "
            "have a Secretary-General, and the EU has three presidents. Pairing a person with the wrong "
            "organisation is a factual error readers notice at once."
        ),
        examples=Examples(
            fail=(
                "Alliance meets\n\nUN Secretary-General Jens Stoltenberg opened the meeting in Brussels.",
                "Summit opens\n\nEuropean Council President Ursula von der Leyen opened the summit.",
                "Talks end\n\nMark Rutte, the OSCE secretary general, said talks would resume.",
            ),
            ok=(
                "Alliance meets\n\nNATO Secretary-General Jens Stoltenberg opened the meeting in Brussels.",
                "Summit opens\n\nEuropean Commission President Ursula von der Leyen and EU Council President "
                "Charles Michel opened the summit.",
                "Talks end\n\nDutch Prime Minister Mark Rutte said NATO talks would resume.",
            ),
        ),
        options={"as-of": _AS_OF},
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        found = analysis(article, _as_of(context))
        kb, text = found.kb, article.text
        starts = {m.start: m for m in found.mentions}
        ends = [m.end for m in found.mentions]
        for start, end, person in found.people:
            linked = _title_before(text, found.mentions, ends, start, end, kb) or _title_after(text, starts, start, end, kb)
            if linked is None:
                continue
            mention, title, span = linked
            former = "former" in title.lower() or _FORMER.search(text, max(0, span[0] - 12), span[0])
            roles = [r for r in person.roles if former or r.held_on(found.as_of)]
            if any(any(o in kb.lineage(r.org) for o in mention.orgs) for r in roles):
                continue
            org = kb.orgs[min(mention.orgs)]
            held = "; ".join(f"{r.title} {r.years}" for r in person.roles)
            snippet = text[span[0] : span[1]]
            yield Finding(
                span[0],
                span[1],
                f"'{snippet}': {person.name} held no {org.short} office ({held})",
                suggestions=tuple(dict.fromkeys(kb.orgs[r.org].short for r in person.roles)),
            )


def _title_before(text: str, mentions: list[Mention], ends: list[int], start: int, end: int, kb: KnowledgeBase):
    """'NATO Secretary-General Jens Stoltenberg' or 'the head of the IMF, Rodrigo Rato'."""
    index = bisect.bisect_right(ends, start) - 1
    if index < 0 or start - mentions[index].end > 60:
        return None
    mention = mentions[index]
    gap = text[mention.end : start]
    words = re.sub(r"^['’]s\b", "", gap).strip().rstrip(",").strip()
    if words and kb.title_words.fullmatch(words + " ") and kb.title_heads.search(words):
        return mention, words, (mention.start, end)
    if re.fullmatch(r"\s*,\s*", gap):  # "the head of the IMF, Rodrigo Rato"
        lead = text[max(0, mention.start - 50) : mention.start]
        m = re.search(r"of\s+(?:the\s+)?$", lead)
        title = _trailing_title(lead[: m.start()], kb) if m else ""
        if title:
            return mention, title, (mention.start - len(lead) + m.start() - len(title), end)
    return None


def _trailing_title(words: str, kb: KnowledgeBase) -> str:
    """The longest run of title words (with a head word) at the end of ``words``."""
    tokens = words.split()
    for n in range(min(4, len(tokens)), 0, -1):
        candidate = " ".join(tokens[-n:]) + " "
        if words.endswith(candidate) and kb.title_words.fullmatch(candidate) and kb.title_heads.search(candidate):
            return candidate
    return ""


def _title_after(text: str, starts: dict[int, Mention], start: int, end: int, kb: KnowledgeBase):
    """'Jens Stoltenberg, the NATO secretary general,' or 'Rato, head of the IMF'."""
    m = _APPOSITION.match(text, end)
    if not m:
        return None
    mention = starts.get(m.end())
    if mention is not None:
        tail = re.match(r"(?:['’]s)?\s+((?:[\w-]+(?:\s+|(?=[,.;:)])|$)){1,4})", text[mention.end : mention.end + 60])
        if tail:
            words = _leading_title(tail.group(1), kb)
            if words:
                return mention, words, (start, mention.end + tail.start(1) + len(words.rstrip()))
        return None
    lead = re.match(r"((?:[\w-]+\s+){1,4})of\s+(?:the\s+)?", text[m.end() : m.end() + 60])
    if lead and kb.title_words.fullmatch(lead.group(1)) and kb.title_heads.search(lead.group(1)):
        mention = starts.get(m.end() + lead.end())
        if mention is not None:
            return mention, lead.group(1), (start, mention.end)
    return None


def _leading_title(words: str, kb: KnowledgeBase) -> str:
    """The longest run of title words at the start of ``words`` that holds a head word."""
    tokens = words.split()
    for n in range(len(tokens), 0, -1):
        candidate = " ".join(tokens[:n]) + " "
        if kb.title_words.fullmatch(candidate) and kb.title_heads.search(candidate):
            return candidate
    return ""
