"""The word just before a match, read as a regex's optional leading ``(?:\\b([\\w'’]+)\\s+)?``
would read it, without making the regex try that group at every character.

A pattern that starts with such an optional group is tried at every position of the text
(the group may start anywhere), several times slower than the same pattern without it. The
rules search for what follows the group and ask this module for the word before each match:
the same answers, given that a match never reaches into the one before it (``floor``).
"""

from __future__ import annotations

from newslint.word_prefixes import is_word

_APOSTROPHES = "'’"


def word_before(text: str, start: int, floor: int = 0) -> str | None:
    """The word of letters, digits and apostrophes that whitespace separates from ``start``,
    from its first position at a word boundary (so "'tis" reads "tis"), or None when
    whitespace does not precede ``start`` or the word would begin before ``floor`` (the end
    of the previous match, which the leading group cannot reach into)."""
    end = start
    while end > floor and text[end - 1].isspace():
        end -= 1
    if end == start:
        return None
    first = end
    while first > floor and (is_word(text[first - 1]) or text[first - 1] in _APOSTROPHES):
        first -= 1
    for p in range(first, end):
        if is_word(text[p]) and (p == 0 or not is_word(text[p - 1])):
            return text[p:end]
    return None


def after_word(text: str, start: int, word: str) -> bool:
    """Whether ``word`` and one space stand just before ``start``, the word at a word
    boundary: a look-behind ``(?<!\\bword )``, asked only of a match already found."""
    begin = start - len(word) - 1
    return begin >= 0 and text.startswith(word + " ", begin) and (begin == 0 or not is_word(text[begin - 1]))
