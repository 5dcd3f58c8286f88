"""Pipeline artifacts: text left untranslated, and text damaged on its way through systems.

Untranslated text is a run of another script (Cyrillic, Chinese, Arabic...) inside English
prose, found in one pass over the characters. The encoding rules find mojibake (with
ftfy), HTML entities and tags left in the text, the replacement character, control
characters, invisible zero-width and bidi characters, and look-alike letters from another
script inside a Latin word. Non-breaking spaces are not errors.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass
from html.entities import html5
from typing import Iterable

from ftfy import fix_encoding_and_explain
from ftfy.badness import BADNESS_RE

from newslint.article import Article
from newslint.diagnostic import Finding, Fix, Severity
from newslint.rule import CheckContext, Examples, Option, Rule, RuleInfo

# ---- scripts -----------------------------------------------------------------

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
_LETTERS_PER_WORD = {"CJK": 2, "Thai": 5, "Lao": 5, "Khmer": 5, "Myanmar": 5}
_RTL = frozenset({"Hebrew", "Arabic", "Syriac", "Thaana"})


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
        per_word = _LETTERS_PER_WORD.get(self.family)
        if per_word is None or self.hangul:
            return self.words
        return -(-self.letters // per_word)

    def describe_size(self) -> str:
        if self.family in _LETTERS_PER_WORD and not self.hangul:
            return f"{self.letters} characters"
        return f"{self.words} word{'s' if self.words != 1 else ''}"


@dataclass
class ScriptScan:
    """Every non-Latin run of an article and how many Latin letters it has."""

    runs: list[ScriptRun]
    latin_letters: int


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_RUN_BREAK = re.compile(r"[A-Za-z\n\r]")


def scan_scripts(article: Article) -> ScriptScan:
    """One pass over the non-ASCII characters: runs of non-Latin scripts (cached per article).

    A run goes on across spaces, digits and punctuation; a Latin letter or a line break
    ends it.
    """
    cached = article.cache.get(scan_scripts)
    if cached is not None:
        return cached  # type: ignore[return-value]
    text = article.text
    runs: list[ScriptRun] = []
    current: ScriptRun | None = None
    latin = 0  # non-ASCII Latin letters (é, ł...); ASCII ones are counted at the end
    last = -1
    in_word = False
    for m in _NON_ASCII.finditer(text):
        i = m.start()
        if i != last + 1:
            in_word = False
            if current is not None and _RUN_BREAK.search(text, last + 1, i):
                current.glued = current.glued or _ASCII_LETTER.match(text, current.end) is not None
                current = None
        last = i
        ch = m.group()
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
    article.cache[scan_scripts] = result
    return result


def _mixed_word(run: ScriptRun) -> bool:
    """A one-word run of a spaced script glued to Latin letters: look-alikes, not a passage."""
    return run.glued and run.words == 1 and run.family not in _LETTERS_PER_WORD


def _snippet(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _in_brackets(text: str, start: int, end: int) -> bool:
    """Whether a run is all that stands between an opening and a closing bracket."""
    before = text[max(0, start - 8) : start].rstrip(" \"'“‘«")[-1:]
    after = text[end : end + 8].lstrip(" \"'”’».,")[:1]
    return before in "(（[" and before != "" and after in ")）]" and after != ""


class UntranslatedText(Rule):
    info = RuleInfo(
        code="TR200",
        name="untranslated-text",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags runs of another script (Cyrillic, Chinese, Arabic...) left in English text.",
        why=(
            "Machine translation and hurried copy-editing leave phrases, captions or whole "
            "sentences in the source language. A run of several words is almost always an "
            "untranslated passage; a single name in its original script, usually in brackets "
            "after its transliteration, is a deliberate gloss and is only reported as info."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe ministry said Мы не будем вести переговоры на этих условиях.",
                "Talks stall\n\nCheck the conditions online 查询直招士官条件和各地招收专业分布情况 first.",
                "Talks stall\n\nThe president, Владимир Путин, said the talks had ended.",
            ),
            ok=(
                "Talks stall\n\nThe talks ended on Friday, officials said.",
                "Talks stall\n\nThe beta (β) version and the Ω symbol were shown, at 22 °C.",
                "Talks stall\n\nThe Kremlin spokesman Dmitry Peskov said the talks had ended.",
            ),
        ),
        options={
            "warn-words": Option(4, "runs of at least this many words are warnings; shorter ones are info"),
            "report-names": Option(True, "report short runs (a name in its original script) as info"),
        },
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        scan = scan_scripts(article)
        runs = [r for r in scan.runs if r.longest >= 2 and not _mixed_word(r)]
        if not runs:
            return
        text = article.text
        foreign = sum(r.letters for r in scan.runs)
        if foreign > scan.latin_letters and len(runs) > 3:
            main = max(runs, key=lambda r: r.letters)
            yield Finding(runs[0].start, runs[0].end, f"most of the text is {main.name}, not English")
            return
        warn_words = context.options["warn-words"]
        for run in runs:
            passage = text[run.start : run.end]
            long_run = run.size >= warn_words
            if long_run and not (_in_brackets(text, run.start, run.end) and run.size < 3 * warn_words):
                yield Finding(
                    run.start, run.end,
                    f"untranslated {run.name} text '{_snippet(passage)}' ({run.describe_size()})",
                )
            elif context.options["report-names"]:
                yield Finding(
                    run.start, run.end,
                    f"{run.name} script '{_snippet(passage)}' in English text; "
                    "keep it only as a gloss of a transliterated name",
                    severity=Severity.INFO,
                )


# ---- mojibake ----------------------------------------------------------------

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


def find_mojibake(article: Article) -> list[Mojibake]:
    """Mojibake ftfy can repair, one entry per whitespace-separated token (cached)."""
    cached = article.cache.get(find_mojibake)
    if cached is not None:
        return cached  # type: ignore[return-value]
    text = article.text
    found: list[Mojibake] = []
    done = -1
    hits = (
        m for line in article.lines if not text[line.start : line.end].isascii()
        for m in BADNESS_RE.finditer(text, line.start, line.end)
    )
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
    article.cache[find_mojibake] = found
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


def _inside(spans: list[Mojibake], offset: int) -> bool:
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


# ---- HTML left in the text -----------------------------------------------------

_ENTITY = re.compile(
    r"&(?:amp;)*(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};|nbsp(?![A-Za-z;]))"
)
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _decode_entity(raw: str) -> str | None:
    """The character(s) an entity stands for, unescaping double escapes; None if not one."""
    core = raw
    while core.startswith("&amp;") and len(core) > 5:
        core = "&" + core[5:]
    if not core.startswith("&#") and core.rstrip(";")[1:] + ";" not in html5:
        return None
    decoded = html.unescape(core if core.endswith(";") else core + ";")
    return None if decoded == core else decoded


def _between_words(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has non-space characters right before and after it."""
    return 0 < start and end < len(text) and not text[start - 1].isspace() and not text[end].isspace()


def _word_around(text: str, start: int, end: int) -> str:
    a, b = start, end
    while a > 0 and not text[a - 1].isspace() and start - a < 30:
        a -= 1
    while b < len(text) and not text[b].isspace() and b - end < 30:
        b += 1
    return text[a:b]


def _apostrophe(article: Article) -> str:
    """The apostrophe the article mostly uses."""
    marks = [m for m in article.quotes.marks if m.role == "apostrophe"]
    straight = sum(1 for m in marks if m.straight)
    return "'" if straight >= len(marks) - straight else "’"


class HtmlEntity(Rule):
    info = RuleInfo(
        code="EC002",
        name="html-entity",
        category="encoding",
        severity=Severity.ERROR,
        summary="Flags HTML entities left in the text (\"&amp;\", \"&#8217;\", \"&#244;\", \"&nbsp;\").",
        why=(
            "A feed or CMS that escapes text twice, or copy taken from HTML source, leaves "
            "entities that readers see as code: communiqu&#233; instead of communiqué."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe singer Bryn F&#244;n was released without charge.",
                "Talks stall\n\nProfits at AT&amp;T rose&nbsp;5%.",
                "Talks stall\n\nMr Blair&#191;s government is all talk, he said.",
                "Talks stall\n\nThe talks &amp;amp; the summit ended.",
            ),
            ok=(
                "Talks stall\n\nProfits at AT&T and R&D spending rose; Q&A to follow.",
                "Talks stall\n\nThe B&Q chain and the M&S;store are fine.",
            ),
            fixed=(
                ("Talks stall\n\nA communiqu&#233; was issued.", "Talks stall\n\nA communiqué was issued."),
                ("Talks stall\n\nAT&amp;T rose.", "Talks stall\n\nAT&T rose."),
            ),
        ),
        fix_safety=(
            "Safe fix: replaces the entity with the character it stands for (unsafe when the "
            "entity was itself a garbled apostrophe)."
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        for m in _ENTITY.finditer(text):
            raw = m.group()
            decoded = _decode_entity(raw)
            if decoded is None:
                continue
            kind = "double-escaped HTML entity" if raw.startswith("&amp;") and raw != "&amp;" else "HTML entity"
            where = _word_around(text, m.start(), m.end())
            where = f" in '{where}'" if where != raw else ""
            between_letters = m.start() > 0 and text[m.start() - 1].isalpha() and text[m.end():m.end() + 1].isalpha()
            if decoded == "¿" and between_letters:
                replacement = _apostrophe(article)
                yield Finding(
                    m.start(), m.end(),
                    f"HTML entity '{raw}'{where} stands for '¿', probably a lost apostrophe",
                    suggestions=(replacement,), fix=Fix.replace(m.start(), m.end(), replacement),
                )
                continue
            if decoded in _INVISIBLE or decoded in _BIDI:
                what, replacement = f"an invisible U+{ord(decoded):04X}", ""
            elif decoded == "\u00a0":
                what, replacement = "a no-break space", decoded
            else:
                what, replacement = f"'{decoded}'", decoded
            yield Finding(
                m.start(), m.end(),
                f"{kind} '{raw}'{where} stands for {what}",
                suggestions=(replacement,) if replacement.strip() else (),
                fix=Fix.replace(m.start(), m.end(), replacement, "safe"),
            )


_TAG_NAMES = (
    "a|abbr|address|article|aside|audio|b|blockquote|body|br|button|caption|center|cite|code|dd|del|"
    "div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|"
    "input|ins|label|li|link|main|mark|meta|nav|noscript|ol|option|p|picture|pre|q|s|script|section|"
    "select|small|source|span|strike|strong|style|sub|sup|table|tbody|td|tfoot|th|thead|time|title|"
    "tr|u|ul|video|wbr"
)
_ATTRIBUTE = r"""\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?"""
_TAG = re.compile(
    rf"<(?:/(?:{_TAG_NAMES})\s*|(?:{_TAG_NAMES})(?:{_ATTRIBUTE})*\s*/?)>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_BREAKING_TAGS = re.compile(r"</?(?:br|p|div|li|h[1-6]|tr|td|th|hr|blockquote|section|article)\b", re.IGNORECASE)


class HtmlTag(Rule):
    info = RuleInfo(
        code="EC003",
        name="html-tag",
        category="encoding",
        severity=Severity.ERROR,
        summary="Flags HTML tags left in the text (\"<br>\", \"<p>\", \"</a>\", \"<strong>\").",
        why=(
            "Copy taken from a web page or a CMS field sometimes keeps its markup. Plain-text "
            "feeds, apps and print show the tags as they are."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe talks ended.<br>Officials left.",
                "Talks stall\n\n<p>The talks ended on Friday.</p>",
                "Talks stall\n\nRead the <a href=\"https://example.com/x\">statement</a> in full.",
                "Talks stall\n\nThe <strong>talks</strong> ended. <!-- ad slot -->",
            ),
            ok=(
                "Talks stall\n\nInflation stayed < 5% while growth was >2%, and x<y.",
                "Talks stall\n\nThe <Name> placeholder and the <3 heart were left alone.",
            ),
            fixed=(
                (
                    "Talks stall\n\nThe talks ended.<br>Officials left.",
                    "Talks stall\n\nThe talks ended. Officials left.",
                ),
            ),
        ),
        fix_safety="Unsafe fix: deletes the tag (a line-breaking tag between words becomes a space).",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        for m in _TAG.finditer(text):
            tag = m.group()
            glue = _between_words(text, m.start(), m.end())
            replacement = " " if glue and (_BREAKING_TAGS.match(tag) or tag.startswith("<!--")) else ""
            what = "HTML comment" if tag.startswith("<!--") else "HTML tag"
            yield Finding(
                m.start(), m.end(), f"{what} '{_snippet(tag, 60)}' left in the text",
                fix=Fix.replace(m.start(), m.end(), replacement),
            )


# ---- damaged and invisible characters --------------------------------------------

_REPLACEMENT = re.compile("\ufffd+")


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
            if _inside(find_mojibake(article), m.start()):
                continue
            word = _word_around(text, m.start(), m.end())
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
        for m in _CONTROL.finditer(text):
            ch = m.group()
            if _inside(find_mojibake(article), m.start()):
                continue
            name = _CONTROL_NAMES.get(ch, "control character")
            where = _neighbours(text, m.start(), m.end())
            glue = _between_words(text, m.start(), m.end())
            label = name if name == "control character" else f"{name} control character"
            yield Finding(
                m.start(), m.end(), f"{label} U+{ord(ch):04X} {where}",
                fix=Fix.replace(m.start(), m.end(), " " if glue else ""),
            )


_INVISIBLE_RE = re.compile(f"([{_INVISIBLE}\u2061-\u2064])\\1*")
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


_BIDI_RE = re.compile(f"[{_BIDI}]")
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
        for m in _BIDI_RE.finditer(text):
            if rtl_lines is None:
                runs = scan_scripts(article).runs
                rtl_lines = {article.position(r.start)[0] for r in runs if r.family in _RTL}
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
        if text.isascii():
            return
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
