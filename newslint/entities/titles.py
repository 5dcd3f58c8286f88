"""EN002's reading of titles: which organisation's title a person is given, before the name
("NATO Secretary-General Jens Stoltenberg", "the head of the IMF, Rodrigo Rato") or after it
("Stoltenberg, the NATO secretary general")."""

from __future__ import annotations

import bisect
import re

from newslint.entities.evidence import Mention
from newslint.entities.kb import KnowledgeBase

_APPOSITION = re.compile(r"\s*,\s*(?:the\s+)?")
_FORMER = re.compile(r"\b(?:former|ex-|then-?|onetime|one-time)\s*$", re.I)

Link = tuple[Mention, str, tuple[int, int]]  # the organisation's name, the title words, the span to flag


class TitleReader:
    """Links the people named in one article to the organisation whose title they are given."""

    def __init__(self, text: str, mentions: list[Mention], kb: KnowledgeBase) -> None:
        self.text, self.mentions, self.kb = text, mentions, kb
        self.starts = {m.start: m for m in mentions}
        self.ends = [m.end for m in mentions]

    def link(self, start: int, end: int) -> Link | None:
        """The organisation and title given to the person named at ``start:end``, if any."""
        text, kb = self.text, self.kb
        return _title_before(text, self.mentions, self.ends, start, end, kb) or _title_after(
            text, self.starts, start, end, kb
        )


def former(text: str, title: str, start: int) -> bool:
    """Whether the title is a past one ("former NATO chief", "then-IMF head")."""
    return "former" in title.lower() or bool(_FORMER.search(text, max(0, start - 12), start))


def _title_before(
    text: str, mentions: list[Mention], ends: list[int], start: int, end: int, kb: KnowledgeBase
) -> Link | None:
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


def _title_after(text: str, starts: dict[int, Mention], start: int, end: int, kb: KnowledgeBase) -> Link | None:
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
