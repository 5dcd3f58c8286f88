"""Damaged and stray characters: replacement, control, invisible and bidi characters, look-alike letters.

Non-breaking spaces are not errors.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import Iterable

from newslint.article import Article
from newslint.beyond_ascii import beyond_ascii, without_controls
from newslint.checks.encoding import BIDI, INVISIBLE, between_words, word_around
from newslint.checks.mojibake import find_mojibake, inside
from newslint.diagnostic import Finding, Fix, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.scripts import RTL_SCRIPTS, ScriptRun, scan_scripts, script_of
from newslint.prefiltered import prefiltered

_REPLACEMENT = prefiltered(re.compile("\ufffd+"))


class ReplacementCharacter(Rule):
    info = RuleInfo(
        code="EC004",
        name="replacement-character",
        category="encoding",
        severity=Severity.ERROR,
        summary="Flags the Unicode replacement character \ufffd, which stands for a character lost in decoding.",
        why=(
            "A decoder that meets bytes it cannot read puts \ufffd in their place. The original "
            "character is gone and has to be restored by hand from the source."
        ),
        examples=Examples(
            fail=("Talks stall\n\nThe talks in M\ufffdnchen ended.",),
            ok=("Talks stall\n\nThe talks in München ended.",),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        for m in _REPLACEMENT.finditer(text):
            if inside(find_mojibake(article), m.start()):
                continue
            word = word_around(text, m.start(), m.end())
            yield Finding(
                m.start(), m.end(),
                f"replacement character \ufffd in '{word}': a character was lost in decoding",
            )


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_NAMES = {
    "\x00": "null", "\x07": "bell", "\x08": "backspace", "\x0b": "vertical tab", "\x0c": "form feed",
    "\x1b": "escape", "\x7f": "delete", "\x85": "next line", "\u2028": "line separator",
    "\u2029": "paragraph separator",
}


def _neighbours(text: str, start: int, end: int) -> str:
    """Where a character sits: the visible text on each side of it."""
    left = text[max(0, start - 12) : start].split()[-1:] if start and not text[start - 1].isspace() else []
    right = text[end : end + 12].split()[:1] if end < len(text) and not text[end].isspace() else []
    if left and right:
        return f"between '{left[0]}' and '{right[0]}'"
    if left:
        return f"after '{left[0]}'"
    if right:
        return f"before '{right[0]}'"
    return "between spaces"


class ControlCharacter(Rule):
    info = RuleInfo(
        code="EC005",
        name="control-character",
        category="encoding",
        severity=Severity.WARNING,
        summary="Flags control characters (other than tab and line breaks) in the text.",
        why=(
            "Control characters are invisible on screen but break XML feeds, search and "
            "print. C1 controls that stand for a Windows-1252 quote or dash read as Latin-1 "
            "are reported as mojibake, with their repair."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe talks\x0cended on Friday.",
                "Talks stall\n\nThe minister\x00s aide left\x1b quietly.",
            ),
            ok=("Talks stall\n\nThe talks\tended on Friday.\r\nOfficials left.",),
            fixed=(
                ("Talks stall\n\nThe talks\x0cended.\x00", "Talks stall\n\nThe talks ended."),
            ),
        ),
        fix_safety="Unsafe fix: removes the control (a space when it stood between two words).",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        if without_controls(text):
            return  # most articles: nothing to look for
        for m in _CONTROL.finditer(text):
            ch = m.group()
            if inside(find_mojibake(article), m.start()):
                continue
            name = _CONTROL_NAMES.get(ch, "control character")
            where = _neighbours(text, m.start(), m.end())
            glue = between_words(text, m.start(), m.end())
            label = name if name == "control character" else f"{name} control character"
            yield Finding(
                m.start(), m.end(), f"{label} U+{ord(ch):04X} {where}",
                fix=Fix.replace(m.start(), m.end(), " " if glue else ""),
            )


_INVISIBLE_RE = re.compile(f"([{INVISIBLE}\u2061-\u2064])\\1*")
_INVISIBLE_NAMES = {
    "\u200b": "zero-width space", "\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner",
    "\u2060": "word joiner", "\ufeff": "zero-width no-break space (byte-order mark)",
    "\u00ad": "soft hyphen", "\u180e": "Mongolian vowel separator",
}


def _joins_script(text: str, i: int) -> bool:
    """Whether a joiner at ``i`` sits in emoji or in a script that uses joiners."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(text):
            ch = text[j]
            if unicodedata.category(ch) in ("So", "Mn", "Sk") or ch == "\ufe0f" or (
                ch.isalpha() and script_of(ch) is not None
            ):
                return True
    return False


class InvisibleCharacter(Rule):
    info = RuleInfo(
        code="EC006",
        name="invisible-character",
        category="encoding",
        severity=Severity.WARNING,
        summary="Flags zero-width characters, soft hyphens and byte-order marks hidden in the text.",
        why=(
            "Invisible characters come in with text pasted from web pages, PDFs and chat apps. "
            "They split words for search and spell-checking (\"Mos\u200bcow\" does not match "
            "\"Moscow\") while looking the same. Joiners inside emoji or in scripts that need "
            "them (Persian, Indic) are left alone."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe talks in Mos\u200bcow ended on Friday.",
                "Talks stall\n\nThe inter\u00adnational talks ended.\ufeff",
            ),
            ok=("Talks stall\n\nThe family \U0001F468\u200d\U0001F469\u200d\U0001F467 met in Moscow.",),
            fixed=(("Talks stall\n\nMos\u200bcow talks.", "Talks stall\n\nMoscow talks."),),
        ),
        fix_safety="Safe fix: deletes the invisible character.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        if _INVISIBLE_RE.search(beyond_ascii(text)) is None:
            return  # none of its characters (all beyond ASCII) in the article
        for m in _INVISIBLE_RE.finditer(text):
            ch = m.group(1)
            if ch in "\u200c\u200d" and _joins_script(text, m.start()):
                continue
            name = _INVISIBLE_NAMES.get(ch, "invisible operator")
            count = f"{len(m.group())} × " if len(m.group()) > 1 else ""
            yield Finding(
                m.start(), m.end(),
                f"{count}{name} U+{ord(ch):04X} {_neighbours(text, m.start(), m.end())}",
                fix=Fix.replace(m.start(), m.end(), "", "safe"),
            )


_BIDI_RE = re.compile(f"[{BIDI}]")
_BIDI_NAMES = {
    "\u200e": "left-to-right mark", "\u200f": "right-to-left mark", "\u061c": "Arabic letter mark",
    "\u202a": "left-to-right embedding", "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting", "\u202d": "left-to-right override",
    "\u202e": "right-to-left override", "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate", "\u2068": "first strong isolate", "\u2069": "pop directional isolate",
}


class BidiControl(Rule):
    info = RuleInfo(
        code="EC007",
        name="bidi-control",
        category="encoding",
        severity=Severity.WARNING,
        summary="Flags invisible bidirectional controls (U+200E, U+202E...) in lines without right-to-left text.",
        why=(
            "Direction marks and overrides are needed around Arabic or Hebrew text; elsewhere "
            "they are paste debris that can reorder what readers see. Lines with right-to-left "
            "letters are left alone."
        ),
        examples=Examples(
            fail=("Talks stall\n\nThe talks\u200e ended on \u202eFriday.",),
            ok=("Talks stall\n\nThe sign read \u200fשלום\u200e and the talks ended.",),
            fixed=(("Talks stall\n\nThe talks\u200e ended.", "Talks stall\n\nThe talks ended."),),
        ),
        fix_safety="Safe fix: deletes the control (only reported where no right-to-left text needs it).",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        rtl_lines: set[int] | None = None
        if _BIDI_RE.search(beyond_ascii(text)) is None:
            return  # no bidirectional control (all beyond ASCII) in the article
        for m in _BIDI_RE.finditer(text):
            if rtl_lines is None:
                runs = scan_scripts(article).runs
                rtl_lines = {article.position(r.start)[0] for r in runs if r.family in RTL_SCRIPTS}
            if article.position(m.start())[0] in rtl_lines:
                continue
            ch = m.group()
            yield Finding(
                m.start(), m.end(),
                f"{_BIDI_NAMES[ch]} U+{ord(ch):04X} {_neighbours(text, m.start(), m.end())}",
                fix=Fix.replace(m.start(), m.end(), "", "safe"),
            )


# ---- look-alike letters ------------------------------------------------------------

_LOOKALIKES = {
    **dict(zip("АВЕКМНОРСТХЅІЈУаеорсухѕіјԁһԛԝү", "ABEKMHOPCTXSIJYaeopcyxsijdhqwy")),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧο", "ABEZHIKMNOPTYXo")),
}


class LookalikeLetter(Rule):
    info = RuleInfo(
        code="EC008",
        name="lookalike-letter",
        category="encoding",
        severity=Severity.WARNING,
        summary="Flags Cyrillic or Greek letters that look Latin inside a Latin word (\"Mоscow\" with a Cyrillic о).",
        why=(
            "Text that passed through OCR, a mixed keyboard layout or a Russian source keeps "
            "letters that look Latin but are not: search, spell-checking and sorting fail on "
            "them, and readers cannot see why. A lone look-alike next to Latin text (\"22 °С\" "
            "with a Cyrillic С) is the same slip."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe talks in M\u043escow ended on Friday.",
                "Talks stall\n\nThe temperature will be 22 °\u0421 on Friday.",
            ),
            ok=(
                "Talks stall\n\nThe talks in Moscow (Москва) ended at 22 °C.",
                "Talks stall\n\nThe beta (β) version was shown.",
            ),
            fixed=(("Talks stall\n\nM\u043escow talks.", "Talks stall\n\nMoscow talks."),),
        ),
        fix_safety=(
            "Safe fix inside a Latin word: replaces each look-alike with the Latin letter; "
            "unsafe for a lone letter."
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        if _LOOKALIKE.search(beyond_ascii(text)) is None:
            return  # no Cyrillic or Greek look-alike (ASCII text, most often)
        runs: list[ScriptRun] = []
        starts: list[int] = []
        done = -1
        for m in _LOOKALIKE.finditer(text):
            if m.start() < done:
                continue
            if not runs:
                runs = scan_scripts(article).runs
                starts = [r.start for r in runs]
            start, done = _letters_around(text, m.start())
            finding = self._check_part(start, text[start:done], runs, starts)
            if finding is not None:
                yield finding

    @staticmethod
    def _check_part(start: int, word: str, runs: list[ScriptRun], starts: list[int]) -> Finding | None:
        foreign = [i for i, ch in enumerate(word) if script_of(ch) is not None]
        if not foreign or not all(word[i] in _LOOKALIKES for i in foreign):
            return None
        latin = len(foreign) < len(word)
        if not latin and (len(word) > 2 or not _letters_only(runs, starts, start)):
            return None
        fixed = "".join(_LOOKALIKES.get(ch, ch) for ch in word)
        scripts = " and ".join(sorted({script_of(word[i]) or "" for i in foreign}))
        letters = ", ".join(f"U+{ord(word[i]):04X}" for i in foreign)
        if latin:
            plural = "s" if len(foreign) > 1 else ""
            message = f"'{word}' has {scripts} look-alike letter{plural} ({letters}), probably '{fixed}'"
        else:
            message = f"{scripts} '{word}' ({letters}) among Latin text, probably Latin '{fixed}'"
        end = start + len(word)
        return Finding(
            start, end, message, suggestions=(fixed,),
            fix=Fix.replace(start, end, fixed, "safe" if latin else "unsafe"),
        )


_LOOKALIKE = re.compile(f"[{''.join(_LOOKALIKES)}]")


def _letters_around(text: str, offset: int) -> tuple[int, int]:
    """The run of letters (no digits, hyphens or apostrophes) holding an offset."""
    start, end = offset, offset + 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return start, end


def _letters_only(runs: list[ScriptRun], starts: list[int], offset: int) -> bool:
    """Whether the run at ``offset`` holds only one- or two-letter words (no real words)."""
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < runs[index].end and runs[index].longest <= 2
