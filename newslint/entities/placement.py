"""How an organisation's name stands in its sentence: glossed in brackets, coordinated or
contrasted with another name, describing a membership, or carried by a speaker."""

from __future__ import annotations

import re

from newslint.entities.evidence import ArticleEvidence, Mention

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
_MEMBER_AFTER = re.compile(r"[- ](?:member|members|ally|allies|country|countries|state|states|nation|nations)\b", re.I)
_MEMBER_BEFORE = re.compile(r"(?:\bnon-|\bmembers? of (?:the )?|\b(?:join|joined|joining|joins) (?:the )?)$", re.I)
_OPEN = re.compile(r"\s*\(\s*")
CLOSE = re.compile(r"\s*\)")


def gloss(found: ArticleEvidence, mention: Mention) -> Mention | str | None:
    """The bracketed abbreviation after a name ("World Bank (IMF)"), or why a name in
    brackets is not judged on its own."""
    text = found.article.text
    index = found.position[mention.start]
    after = found.mentions[index + 1] if index + 1 < len(found.mentions) else None
    if after and _OPEN.fullmatch(text[mention.end : after.start]) and CLOSE.match(text, after.end):
        return after
    before = found.mentions[index - 1] if index else None
    if before and _OPEN.fullmatch(text[before.end : mention.start]) and CLOSE.match(text, mention.end):
        if before.orgs & mention.orgs:
            return "spelt out with its own abbreviation"
        return "abbreviation in brackets: judged with the name before it"
    return None


def membership(found: ArticleEvidence, mention: Mention) -> bool:
    """Whether the name describes membership: "a NATO member", "non-EU", "member of the WTO"."""
    text = found.article.text
    before = text[max(0, mention.start - 16) : mention.start]
    return bool(_MEMBER_AFTER.match(text, mention.end) or _MEMBER_BEFORE.search(before))


def exempt(found: ArticleEvidence, mention: Mention) -> bool:
    """Coordinated ("NATO and the EU") or contrasted names are deliberate."""
    text = found.article.text
    sentence = found.sentences[mention.sentence] if found.sentences else None
    others = [
        m for m in found.mentions_in.get(mention.sentence, ())
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


def speaker_carry(found: ArticleEvidence, index: int) -> bool:
    """Whether sentence ``index`` reports a speaker named before it ("He added that ...")."""
    if not found.sentences:
        return False
    span = found.sentences[index]
    sentence = found.article.text[span.start : span.end].lstrip("\"'“‘ ")
    return bool(_SPEAKER.match(sentence) or _SPEAKER_TAIL.search(sentence))
