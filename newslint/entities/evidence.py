"""One article's raw entity evidence: the organisations it names and the cues around them,
found in one pass of each knowledge-base scanner."""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Callable

from newslint.article import Article, Span
from newslint.entities.kb import Cue, KnowledgeBase, Person
from newslint.required_literals import Presence

if TYPE_CHECKING:
    from newslint.pieces import Piece


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


_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = b"abcdefghijklmnopqrstuvwxyz"


def _caps_lines(article: Article) -> list[tuple[int, int]]:
    """Spans of lines written in capitals (section heads), where acronyms are not names."""
    spans = []
    for _, span in article.line_spans():
        line = article.text[span.start : span.end]
        if line.isascii():  # letters are A-Z and a-z: counted by deleting them from the bytes, in C
            raw = line.encode("ascii")
            upper = len(raw) - len(raw.translate(None, _UPPER))
            letters = upper + len(raw) - len(raw.translate(None, _LOWER))
        else:
            found = list(filter(str.isalpha, line))
            letters, upper = len(found), sum(map(str.isupper, found))
        if letters >= 12 and upper / letters > 0.8:
            spans.append((span.start, span.end))
    return spans


class ArticleEvidence:
    """Mentions and evidence of one article, found in one pass of each regex.

    The names are found at once; the cues around them (and the sentences, and the lines in
    capitals) only when first asked for: most articles name no organisation, and then no
    rule asks."""

    def __init__(self, article: Article, kb: KnowledgeBase, as_of: date | None) -> None:
        # held weakly: this sits in the article's own cache, and a strong reference would make
        # the two a cycle that only the garbage collector frees (costly in a long run)
        self._article: Callable[[], Article | None] = weakref.ref(article)
        self.kb, self.as_of = kb, as_of
        self.text = text = article.text
        self.mentions: list[Mention] = []
        self._presence = Presence.of(article)  # which required text the article has, shared by the scans
        for start, end, group in kb.mention_regex.finditer(text, self._presence):
            if _inside(self._caps, start) or _shouting(text, start, end):
                continue
            orgs, strong = kb.mention_groups[group]
            self.mentions.append(Mention(start, end, orgs, strong, self.sentence_of(start)))
        self.position = {m.start: i for i, m in enumerate(self.mentions)}
        self.mentions_in: dict[int, list[Mention]] = {}
        for m in self.mentions:
            self.mentions_in.setdefault(m.sentence, []).append(m)

    @property
    def article(self) -> Article:
        """The article; once the caller has let it go, a plain article of the same text."""
        article = self._article()
        if article is None:
            article = Article(self.text)
            self._article = lambda: article
        return article

    @cached_property
    def sentences(self) -> list[Span]:
        return self.article.sentences

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _caps(self) -> list[tuple[int, int]]:
        return _caps_lines(self.article)

    @cached_property
    def _cues(self) -> tuple[list[Evidence], list[tuple[int, int, Person]]]:
        """The evidence (the cues in text order, then each name's own) and the people named."""
        evidence: list[Evidence] = []
        people: list[tuple[int, int, Person]] = []
        name_starts = [m.start for m in self.mentions]
        for start, end, group in self.kb.cue_regex.finditer(self.article.text, self._presence):
            if not _inside(self._caps, start) and not self._within_name(name_starts, start, end):
                self._add_cue(evidence, people, start, end, self.kb.cue_groups[group])
        for mention in self.mentions:
            self._add_mention_evidence(evidence, mention)
        return evidence, people

    @property
    def evidence(self) -> list[Evidence]:
        return self._cues[0]

    @property
    def people(self) -> list[tuple[int, int, Person]]:
        """(start, end, person) of each office holder named."""
        return self._cues[1]

    @cached_property
    def by_sentence(self) -> dict[int, list[Evidence]]:
        found: dict[int, list[Evidence]] = {}
        for ev in self.evidence:
            found.setdefault(ev.sentence, []).append(ev)
        return found

    @cached_property
    def tally(self) -> "Tally":
        """The whole article's tally (a piece of a large article is given the article's)."""
        return tally(self.evidence, self.mentions)

    @property
    def strong_names(self) -> dict[str, int]:
        """How often the article names each organisation by a strong name (counted once)."""
        return self.tally.strong_names

    @property
    def support(self) -> dict[str, float]:
        """How much the whole article is about each organisation: names plus cues."""
        return self.tally.support

    @property
    def names(self) -> dict[str, int]:
        return self.tally.names

    @property
    def backing(self) -> dict[str, float]:
        """Support from anything but the organisation's own names."""
        return self.tally.backing

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def _within_name(self, name_starts: list[int], start: int, end: int) -> bool:
        """Whether a cue is words of a name ("Health" in "World Health Organisation"): a name
        says nothing about its context."""
        index = bisect.bisect_right(name_starts, start) - 1
        if index < 0:
            return False
        name = self.mentions[index]
        return name.strong and end <= name.end

    def _add_cue(self, evidence: list[Evidence], people: list[tuple[int, int, Person]],
                 start: int, end: int, entry: Cue | Person) -> None:
        sentence = self.sentence_of(start)
        text = self.article.text[start:end]
        if isinstance(entry, Person):
            people.append((start, end, entry))
            for role in entry.roles:
                if not role.held_on(self.as_of):
                    continue
                label = f"{text} ({role.title})"
                for org in self.kb.lineage(role.org):
                    evidence.append(
                        Evidence(org, self.kb.weights["person"], "person", label, sentence, start, entry.name, entry)
                    )
            return
        for org, weight, tier, label in entry.votes:
            evidence.append(Evidence(org, weight, tier, f"'{text}'", sentence, start, f"{tier}:{label}"))

    def _add_mention_evidence(self, evidence: list[Evidence], mention: Mention) -> None:
        text = self.article.text[mention.start : mention.end]
        tier = "mention" if mention.strong else "weak"
        for org in mention.orgs:
            ev = Evidence(org, self.kb.weights[tier], tier, f"'{text}'", mention.sentence, mention.start, f"name:{org}")
            evidence.append(ev)
            for parent in self.kb.lineage(org)[1:]:
                evidence.append(
                    Evidence(parent, self.kb.weights["medium"], "medium", f"'{text}'", mention.sentence, mention.start,
                             f"part:{org}")
                )



@dataclass(frozen=True)
class Tally:
    """What the whole article says about each organisation, summed over its evidence."""

    support: dict[str, float]
    names: dict[str, int]
    backing: dict[str, float]
    strong_names: dict[str, int]


def tally(evidence: list[Evidence], mentions: list[Mention], piece: "Piece | None" = None) -> Tally:
    """The tally of the evidence and mentions (in the piece's own text)."""
    support: dict[str, float] = {}
    names: dict[str, int] = {}
    backing: dict[str, float] = {}
    for ev in evidence:
        if piece is not None and not piece.owns(ev.start):
            continue
        if ev.tier == "mention":
            names[ev.org] = names.get(ev.org, 0) + 1
            support[ev.org] = support.get(ev.org, 0.0) + 1.0
            continue
        gain = 0.25 if ev.tier in ("weak", "soft", "topic") else 0.5
        support[ev.org] = support.get(ev.org, 0.0) + gain
        backing[ev.org] = backing.get(ev.org, 0.0) + gain
    strong: dict[str, int] = {}
    for m in mentions:
        if m.strong and (piece is None or piece.owns(m.start)):
            for o in m.orgs:
                strong[o] = strong.get(o, 0) + 1
    return Tally(support, names, backing, strong)


def add_tallies(parts: list[Tally]) -> Tally:
    """Tallies of consecutive parts of one article, summed."""
    fields: list[dict] = [{}, {}, {}, {}]
    for part in parts:
        for into, add in zip(fields, (part.support, part.names, part.backing, part.strong_names)):
            for key, value in add.items():
                into[key] = into.get(key, 0) + value
    return Tally(*fields)


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

