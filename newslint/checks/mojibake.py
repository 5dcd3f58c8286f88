"""Mojibake: text decoded with the wrong encoding ("donâ€™t", "cafÃ©"), found and repaired with ftfy."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from newslint.article import Article, per_article
from newslint.beyond_ascii import beyond_ascii, beyond_ascii_in
from newslint.diagnostic import Finding, Fix, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo

_ENCODINGS = {
    "sloppy-windows-1252": "Windows-1252",
    "windows-1252": "Windows-1252",
    "latin-1": "Latin-1",
    "macroman": "Mac Roman",
    "cp437": "DOS code page 437",
    "sloppy-windows-1250": "Windows-1250",
    "sloppy-windows-1251": "Windows-1251",
    "iso-8859-2": "Latin-2",
}


# Non-ASCII marks of clean news copy that no mojibake sequence ftfy knows is made of
# (tests/test_data_cache.py checks them against ftfy's pattern). A line with no other
# non-ASCII character needs no look, so most runs never import ftfy (slow to import).
CLEAN_MARKS = "‘’“”–—…·"


# "£" (British copy is full of it) is in some of ftfy's mojibake sequences, but only beside
# another character beyond ASCII (tests/test_mojibake.py reads ftfy's pattern to check): a line
# whose other characters beyond ASCII are clean marks, none beside a "£", needs no look either.
_BESIDE_POUND = re.compile(r"[^\x00-\x7f]£|£[^\x00-\x7f]")
_NOT_CLEAN = re.compile(f"[^\\x00-\\x7f{CLEAN_MARKS}]")  # beyond ASCII and not a clean mark
_NOT_CLEAN_NOR_POUND = re.compile(f"[^\\x00-\\x7f{CLEAN_MARKS}£]")


def _may_hold_mojibake(line: str, whole: bool = False) -> bool:
    """Whether ftfy's pattern may match in ``line`` (or, ``whole``, in any line of an article's text)."""
    beyond = beyond_ascii(line) if whole else beyond_ascii_in(line)
    if _NOT_CLEAN.search(beyond) is None:
        return False
    return _NOT_CLEAN_NOR_POUND.search(beyond) is not None or _beside_pound(line)


def _beside_pound(line: str) -> bool:
    """``_BESIDE_POUND.search(line) is not None``, told at each "£" (a few), not by a search
    that stops at every character."""
    at = line.find("£")
    while at != -1:
        if (at and line[at - 1] > "\x7f") or line[at + 1 : at + 2] > "\x7f":
            return True
        at = line.find("£", at + 1)
    return False


@dataclass(frozen=True)
class Mojibake:
    """A stretch of mojibake and ftfy's repair of it."""

    start: int
    end: int
    bad: str
    good: str
    token: str
    story: str


def _encoding_name(name: str) -> str:
    return "UTF-8" if name.startswith("utf-8") else _ENCODINGS.get(name, name)


def _describe_plan(plan: list[tuple[str, str]]) -> str:
    """ftfy's repair plan as words: which encoding was read as which."""
    encoded = [_encoding_name(arg) for step, arg in plan if step == "encode"]
    decoded = [_encoding_name(arg) for step, arg in plan if step == "decode"]
    if encoded and decoded:
        return f"{decoded[0]} text read as {encoded[0]}"
    return "text decoded with the wrong encoding"


@per_article
def find_mojibake(article: Article) -> list[Mojibake]:
    """Mojibake ftfy can repair, one entry per whitespace-separated token."""
    text = article.text
    found: list[Mojibake] = []
    done = -1
    if not _may_hold_mojibake(text, whole=True):
        return found  # then no line of it may (most articles)
    lines = [line for line in article.lines if _may_hold_mojibake(text[line.start : line.end])]
    if not lines:
        return found
    from ftfy import fix_encoding_and_explain
    from ftfy.badness import BADNESS_RE

    hits = (m for line in lines for m in BADNESS_RE.finditer(text, line.start, line.end))
    for m in hits:
        if m.start() < done:
            continue
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1] not in " \t\r\n":
            start -= 1
        while end < len(text) and text[end] not in " \t\r\n":
            end += 1
        done = end
        token = text[start:end]
        fixed = fix_encoding_and_explain(token)
        if fixed.text == token:
            continue
        a, b = _trim_common(token, fixed.text)
        found.append(Mojibake(
            start + a, end - b, token[a : len(token) - b], fixed.text[a : len(fixed.text) - b],
            token, _describe_plan(fixed.explanation or []),
        ))
    return found


def _trim_common(old: str, new: str) -> tuple[int, int]:
    """Lengths of the common prefix and suffix of two strings (not overlapping)."""
    limit = min(len(old), len(new))
    a = 0
    while a < limit and old[a] == new[a]:
        a += 1
    b = 0
    while b < limit - a and old[-1 - b] == new[-1 - b]:
        b += 1
    return a, b


def inside(spans: list[Mojibake], offset: int) -> bool:
    """Whether an offset falls inside one of the mojibake spans."""
    return any(s.start <= offset < s.end for s in spans)


def _visible(text: str) -> str:
    """Text with invisible and control characters shown as U+XXXX."""
    return "".join(ch if ch.isprintable() or ch == " " else f"<U+{ord(ch):04X}>" for ch in text)


class MojibakeText(Rule):
    info = RuleInfo(
        code="EC001",
        name="mojibake",
        category="encoding",
        severity=Severity.ERROR,
        summary="Flags mojibake such as \"â€™\", \"Ã©\" or \"Ã¶\": text decoded with the wrong encoding.",
        why=(
            "When UTF-8 text is read as Windows-1252 or Latin-1 every accented letter and curly "
            "quote turns into two or three junk characters (don’t becomes donâ€™t, café becomes "
            "cafÃ©). The ftfy library recognises these sequences and can undo the wrong decode."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe minister said he donâ€™t know why the talks ended.",
                "Talks stall\n\nThe talks in a Paris cafÃ© ended on Friday.",
                "Talks stall\n\nâ€œNo,â€\x9d he said, in MÃ¶nchengladbach.",
                "Talks stall\n\nThe minister\x92s aide left \x96 quietly.",
            ),
            ok=(
                "Talks stall\n\nThe minister said he don’t know why the café talks ended, at £5 – “no”.",
                "Talks stall\n\nSÃO PAULO officials met in São Paulo.",
            ),
            fixed=(
                ("Talks stall\n\nThe cafÃ© closed.", "Talks stall\n\nThe café closed."),
            ),
        ),
        fix_safety="Unsafe fix: replaces the mojibake with ftfy's repair; check the result.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for m in find_mojibake(article):
            where = f" in '{_visible(m.token)}'" if m.token != m.bad else ""
            yield Finding(
                m.start, m.end,
                f"mojibake '{_visible(m.bad)}'{where} ({m.story}), probably '{m.good}'",
                suggestions=(m.good,),
                fix=Fix.replace(m.start, m.end, m.good),
            )
