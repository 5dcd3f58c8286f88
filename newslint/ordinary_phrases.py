"""Phrases a translation model may weigh but should not quote to an editor as the reason.

Both translation readings (TR000 for the article, TR600 for a sentence) explain themselves
by quoting the phrases that weighed most. Some of those are merely commoner in translated
copy ("said that", "according to", "on the"): ordinary English an editor would leave. This
module says which phrases are worth quoting.
"""

from __future__ import annotations

from functools import lru_cache

ORDINARY = (
    "according to", "said that", "says that", "saying that", "number of", "the world", "not only", "but also",
    "continue to", "will continue", "an important", "the people", "the main", "the past", "the most",
    "a good", "need to", "a new", "the same time", "at the same time", "as well as", "such as",
    "due to", "since the", "after the", "during the", "the development of", "a total", "the total",
    "two countries", "other countries", "the meeting", "is more", "the previous", "will help", "held a",
    "economic and", "the level of", "rate of", "shows that", "said at", "the work",
)
FUNCTION_WORDS = frozenset(
    "a an the of in on at to for from by with as and or but that this these those it its is are was were be "
    "been has have had will would can could there their they he she his her we our which who what when".split()
)


# The phrases one per line: a phrase with no line break is part of an ordinary phrase
# exactly when it occurs in this text.
_ORDINARY_LINES = "\n".join(ORDINARY)
_ORDINARY_SET = frozenset(ORDINARY)
_LONGEST = max(len(p.split()) for p in ORDINARY)


@lru_cache(maxsize=1 << 14)  # the readings ask about the same phrases again and again
def is_ordinary(surface: str) -> bool:
    """Whether ``surface`` is, contains or is part of an ordinary-English phrase (as words:
    "at the same time" contains "the same time"; a part may be any run of its letters)."""
    plain = " ".join(surface.lower().strip(" ,;:").split())
    if plain in _ORDINARY_LINES:
        return True
    words = plain.split(" ")
    return any(" ".join(words[i : i + n]) in _ORDINARY_SET
               for n in range(1, _LONGEST + 1) for i in range(len(words) - n + 1))


def worth_quoting(words: list[str], surface: str) -> bool:
    """Two or more real words, at least one more than a function word, and not ordinary."""
    if len(words) < 2 or all(w.lower() in FUNCTION_WORDS for w in words):
        return False
    return not is_ordinary(surface)
