"""A regex alternation of words laid out as a tree of their letters.

``re`` tries the branches of an alternation one after another at every position; with the
words' common beginnings taken out (``trie(["advice", "advise", "affect"]) ==
"a(?:dvi(?:ce|se)|ffect)"``) it tries one branch per letter instead of every word.
"""

from __future__ import annotations

import re


def trie(words: list[str]) -> str:
    """An alternation matching exactly ``words``, as a tree of their letters (each word once)."""
    if words == [""]:
        return ""
    heads: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        if word:
            heads.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(head) + trie(rests) for head, rests in heads.items()]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in words else body
