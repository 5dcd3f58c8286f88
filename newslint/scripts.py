"""Unicode scripts: the script of a character, and the runs of non-Latin script in an article.

Shared by the untranslated-text rule and the encoding rules: the scan is one pass over the
characters, cached per article; ``snippet`` shortens quoted text for both families' messages.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from newslint.article import Article, per_article
from newslint.beyond_ascii import beyond_ascii_offsets

# (first code point, last code point, script); Latin and "inherited" marks are absent.
_SCRIPT_RANGES = sorted(
    [
        (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"),
        (0x0400, 0x052F, "Cyrillic"), (0x1C80, 0x1C8F, "Cyrillic"), (0x2DE0, 0x2DFF, "Cyrillic"),
        (0xA640, 0xA69F, "Cyrillic"),
        (0x0530, 0x058F, "Armenian"), (0xFB13, 0xFB17, "Armenian"),
        (0x0590, 0x05FF, "Hebrew"), (0xFB1D, 0xFB4F, "Hebrew"),
        (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"), (0x08A0, 0x08FF, "Arabic"),
        (0xFB50, 0xFDFF, "Arabic"), (0xFE70, 0xFEFF, "Arabic"),
        (0x0700, 0x074F, "Syriac"), (0x0780, 0x07BF, "Thaana"),
        (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"), (0x0A00, 0x0A7F, "Gurmukhi"),
        (0x0A80, 0x0AFF, "Gujarati"), (0x0B00, 0x0B7F, "Odia"), (0x0B80, 0x0BFF, "Tamil"),
        (0x0C00, 0x0C7F, "Telugu"), (0x0C80, 0x0CFF, "Kannada"), (0x0D00, 0x0D7F, "Malayalam"),
        (0x0D80, 0x0DFF, "Sinhala"), (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Lao"),
        (0x0F00, 0x0FFF, "Tibetan"), (0x1000, 0x109F, "Myanmar"), (0x10A0, 0x10FF, "Georgian"),
        (0x1C90, 0x1CBF, "Georgian"), (0x1200, 0x139F, "Ethiopic"), (0x1780, 0x17FF, "Khmer"),
        (0x1800, 0x18AF, "Mongolian"),
        (0x1100, 0x11FF, "Hangul"), (0x3130, 0x318F, "Hangul"), (0xA960, 0xA97F, "Hangul"),
        (0xAC00, 0xD7FF, "Hangul"),
        (0x3040, 0x309F, "Hiragana"), (0x30A0, 0x30FF, "Katakana"), (0x31F0, 0x31FF, "Katakana"),
        (0xFF66, 0xFF9F, "Katakana"),
        (0x2E80, 0x2FDF, "Han"), (0x3005, 0x3007, "Han"), (0x3021, 0x3029, "Han"),
        (0x3400, 0x4DBF, "Han"), (0x4E00, 0x9FFF, "Han"), (0xF900, 0xFAFF, "Han"),
        (0x20000, 0x3FFFF, "Han"), (0x3100, 0x312F, "Han"),
    ]
)
_STARTS = [r[0] for r in _SCRIPT_RANGES]
# Scripts that run together in one text, and the name the reader knows it by.
_FAMILY = {"Han": "CJK", "Hiragana": "CJK", "Katakana": "CJK", "Hangul": "CJK"}
# Scripts written without spaces between words: letters per word, roughly.
LETTERS_PER_WORD = {"CJK": 2, "Thai": 5, "Lao": 5, "Khmer": 5, "Myanmar": 5}
RTL_SCRIPTS = frozenset({"Hebrew", "Arabic", "Syriac", "Thaana"})


def script_of(ch: str) -> str | None:
    """The script of a non-ASCII letter or mark, or None for Latin and shared marks."""
    code = ord(ch)
    i = bisect.bisect_right(_STARTS, code) - 1
    if i >= 0 and code <= _SCRIPT_RANGES[i][1]:
        return _SCRIPT_RANGES[i][2]
    return None


@dataclass
class ScriptRun:
    """Letters of one non-Latin script family with only spaces, digits or punctuation between."""

    family: str
    start: int
    end: int
    letters: int = 1
    words: int = 1
    kana: bool = False
    hangul: bool = False
    glued: bool = False  # touches a Latin letter: part of a mixed-script word
    longest: int = 1  # letters in the longest word
    _word_letters: int = 1

    @property
    def name(self) -> str:
        if self.family != "CJK":
            return self.family
        return "Korean" if self.hangul else "Japanese" if self.kana else "Chinese"

    @property
    def size(self) -> int:
        """Length in words, estimated from letters for scripts written without spaces."""
        per_word = LETTERS_PER_WORD.get(self.family)
        if per_word is None or self.hangul:
            return self.words
        return -(-self.letters // per_word)

    def describe_size(self) -> str:
        if self.family in LETTERS_PER_WORD and not self.hangul:
            return f"{self.letters} characters"
        return f"{self.words} word{'s' if self.words != 1 else ''}"


@dataclass
class ScriptScan:
    """Every non-Latin run of an article and how many Latin letters it has."""

    runs: list[ScriptRun]
    latin_letters: int


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_RUN_BREAK = re.compile(r"[A-Za-z\n\r]")


@per_article
def scan_scripts(article: Article) -> ScriptScan:
    """One pass over the non-ASCII characters: runs of non-Latin scripts (shared per article).

    A run goes on across spaces, digits and punctuation; a Latin letter or a line break
    ends it.
    """
    text = article.text
    runs: list[ScriptRun] = []
    current: ScriptRun | None = None
    latin = 0  # non-ASCII Latin letters (é, ł...); ASCII ones are counted at the end
    last = -1
    in_word = False
    for i in beyond_ascii_offsets(text):
        if i != last + 1:
            in_word = False
            if current is not None and _RUN_BREAK.search(text, last + 1, i):
                current.glued = current.glued or _ASCII_LETTER.match(text, current.end) is not None
                current = None
        last = i
        ch = text[i]
        category = unicodedata.category(ch)
        if category[0] not in "LM":
            in_word = False
            continue
        script = script_of(ch)
        if script is None:
            if category[0] == "L":
                latin += 1
                if current is not None and current.end == i:
                    current.glued = True
                current = None
                in_word = False
            elif current is not None and current.end == i:
                current.end = i + 1  # a combining mark stays in its word
            continue
        family = _FAMILY.get(script, script)
        if current is not None and current.family == family:
            current.letters += 1
            if in_word:
                current._word_letters += 1
            else:
                current.words += 1
                current._word_letters = 1
            current.longest = max(current.longest, current._word_letters)
            current.end = i + 1
        else:
            glued = i > 0 and text[i - 1].isalpha() and script_of(text[i - 1]) is None
            current = ScriptRun(family, i, i + 1, glued=glued)
            runs.append(current)
        current.kana = current.kana or script in ("Hiragana", "Katakana")
        current.hangul = current.hangul or script == "Hangul"
        in_word = True
    if current is not None and _ASCII_LETTER.match(text, current.end):
        current.glued = True
    if runs:
        latin += len(_ASCII_LETTER.findall(text))
    result = ScriptScan(runs, latin)
    return result


def snippet(text: str, limit: int = 40) -> str:
    """Text on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
