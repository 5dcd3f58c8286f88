"""Evidence scoring for EN001: how much better each rival fits a name, in log-odds, and
whether that is decisive enough to flag.

    margin(B) = lean(B) + prior(B : A) + orphan bonus

``lean`` is local: the distinct cues for B minus those for A in the name's sentence and the
two on either side (weights decay with distance; a title holder is carried into "He added
that ..."; a cue right after the name counts double). ``prior`` is the capped log ratio of
how much the whole article names and cues each one; the orphan bonus applies when nothing but
its own name (at most twice) backs A anywhere in the article. ``shortfall`` lists the further
conditions a decisive margin must meet; all weights are data (``weights`` in
organisations.yaml).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from newslint.article import Article
from newslint.article_facts import ArticleFact
from newslint.entities.evidence import ArticleEvidence, Evidence, Mention, Tally, add_tallies, tally
from newslint.entities.kb import knowledge_base
from newslint.entities.messages import describe, prior_note
from newslint.entities.placement import CLOSE, exempt, gloss, membership, speaker_carry

_CONTENT = ("hard", "medium", "soft", "topic")  # cue tiers that are about the subject, not names
MAX_NAMES_PER_SENTENCE = 16
MAX_SENTENCE_CHARS = 2000


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
    attached: float = 0.0  # content right after the name ("NATO member states") that leans to the rival
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


class Analysis(ArticleEvidence):
    """An article's mentions and evidence, and each rival's score for each mention."""

    def scores(self, mention: Mention) -> tuple[str | None, list[Score]]:
        """Why the mention cannot be flagged at all (None if it can), and each rival's score."""
        kb = self.kb
        rivals = set().union(*(kb.rivals[o] for o in mention.orgs)) - mention.orgs
        rivals = {r for r in rivals if not any(kb.related(r, o) for o in mention.orgs)}
        if not mention.strong:
            return "loose name", []
        if self._overlong(mention.sentence):
            return "sentence too long to judge", []
        if not rivals:
            return "no rival defined", []
        glossed = gloss(self, mention)
        if isinstance(glossed, str):
            return glossed, []
        if isinstance(glossed, Mention) and glossed.orgs & mention.orgs:
            return "spelt out with its own abbreviation", []
        if isinstance(glossed, Mention):
            clash = sorted(glossed.orgs & rivals)
            if clash and not glossed.orgs & mention.orgs:
                said = self.article.text[glossed.start : glossed.end]
                weight = 2 * kb.weights["hard"]
                close = CLOSE.match(self.article.text, glossed.end)
                shown = (f"the brackets after it say '{said}'",)
                end = close.end() if close else glossed.end
                return None, [Score(clash[0], weight, weight, 0.0, shown, lean_here=weight, content_here=weight, end=end)]
        if exempt(self, mention):
            return "coordinated or contrasted with another organisation", []
        own = self._local(mention, mention.orgs)
        blocked = "hard cue for the named organisation in its sentence" if own["hard_here"] else None
        result = []
        for rival in sorted(rivals):
            theirs = self._local(mention, {rival})
            prior = self._prior(mention, rival)
            shown = tuple(theirs["shown"] + prior_note(self, mention, rival, prior))
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
                    membership=membership(self, mention),
                    attached=theirs["attached"] - own["attached"],
                )
            )
        return blocked, result

    def _overlong(self, sentence: int) -> bool:
        """A "sentence" too long or too crowded with names to be one: judging each name in
        it would cost its whole length (quadratic), and its cues say nothing precise."""
        span = self.sentences[sentence] if self.sentences else None
        return len(self.mentions_in.get(sentence, ())) > MAX_NAMES_PER_SENTENCE or (
            span is not None and span.end - span.start > MAX_SENTENCE_CHARS)

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
        if score.membership and score.attached <= 0 and (score.rival_here or score.lean_here < w["min-lean-member"]):
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

    def _local(self, mention: Mention, orgs: set[str] | frozenset[str]) -> dict:
        """Distinct cues for ``orgs`` around the mention, each at its best distance weight."""
        kb = self.kb
        speaker = speaker_carry(self, mention.sentence)
        best: dict[str, tuple[float, Evidence, int]] = {}
        reach = len(kb.distance) - 1
        for delta in sorted(range(-reach, reach + 1), key=lambda d: (abs(d), d)):
            for ev in self.by_sentence.get(mention.sentence + delta, ()):
                if ev.org not in orgs or ev.start == mention.start:
                    continue
                if ev.tier in ("mention", "weak") and ev.org in mention.orgs:
                    continue  # an organisation's other names are not evidence for this one
                factor = kb.distance[abs(delta)]
                if ev.tier in _CONTENT and _attached(mention, ev):
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
        attached = sum(w for w, ev, d in best.values() if d == 0 and ev.tier in _CONTENT and _attached(mention, ev))
        person_here = any(ev.tier == "person" and (d == 0 or (speaker and d < 0)) for _, ev, d in best.values())
        shown = describe(sorted(best.values(), key=lambda t: -t[0])[:4], speaker)
        return {
            "total": total, "content": content, "here": here, "content_here": content_here, "attached": attached,
            "hard_here": hard_here, "named_here": named_here, "person_here": person_here,
            "shown": shown,
        }

    def _prior(self, mention: Mention, rival: str) -> float:
        own = max(self.support.get(o, 0.0) for o in mention.orgs) - 1.0  # minus this mention
        value = math.log((1.0 + self.support.get(rival, 0.0)) / (1.0 + max(0.0, own)))
        cap = self.kb.weights.get("prior-cap", 2.0)
        return max(-cap, min(cap, value))


def _attached(mention: Mention, ev: Evidence) -> bool:
    """Whether a cue follows the name at once ("the NATO constitution", "EU's rebate")."""
    return 0 <= ev.start - mention.end <= 3


def analysis(article: Article, as_of: date | None) -> Analysis:
    """The article's entity analysis, computed once and shared by both rules; a piece of a
    large article weighs its organisations by the whole article's tally."""
    key = ("entities", as_of)
    cached = article.cache.get(key)
    if cached is None:
        cached = article.cache[key] = Analysis(article, knowledge_base(), as_of)
        whole = article.cache.get(tally_fact(as_of))
        if isinstance(whole, Tally):
            cached.tally = whole
    return cached


@lru_cache(maxsize=None)
def tally_fact(as_of: date | None) -> ArticleFact[Tally, Tally]:
    """The whole article's tally of organisations (names, cues, support)."""
    return ArticleFact(lambda article, piece: tally(analysis(article, as_of).evidence,
                                                    analysis(article, as_of).mentions, piece), add_tallies)

