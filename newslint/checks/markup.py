"""HTML left in the text: entities ("&amp;", "&#244;") and tags ("<br>", "<p>")."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.checks.encoding import BIDI, INVISIBLE, between_words, word_around
from newslint.checks.quotes import QUOTE_MARKS, mostly_used_apostrophe
from newslint.diagnostic import Finding, Fix, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.scripts import snippet

_ENTITY = re.compile(
    r"&(?:amp;)*(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};|nbsp(?![A-Za-z;]))"
)


def _decode_entity(raw: str) -> str | None:
    """The character(s) an entity stands for, unescaping double escapes; None if not one."""
    import html  # only for text that has an entity
    from html.entities import html5

    core = raw
    while core.startswith("&amp;") and len(core) > 5:
        core = "&" + core[5:]
    if not core.startswith("&#") and core.rstrip(";")[1:] + ";" not in html5:
        return None
    decoded = html.unescape(core if core.endswith(";") else core + ";")
    return None if decoded == core else decoded


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

    facts = (QUOTE_MARKS,)

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        for m in _ENTITY.finditer(text):
            raw = m.group()
            decoded = _decode_entity(raw)
            if not decoded:
                continue
            kind = "double-escaped HTML entity" if raw.startswith("&amp;") and raw != "&amp;" else "HTML entity"
            where = word_around(text, m.start(), m.end())
            where = f" in '{where}'" if where != raw else ""
            between_letters = m.start() > 0 and text[m.start() - 1].isalpha() and text[m.end():m.end() + 1].isalpha()
            if decoded == "¿" and between_letters:
                replacement = mostly_used_apostrophe(article)
                yield Finding(
                    m.start(), m.end(),
                    f"HTML entity '{raw}'{where} stands for '¿', probably a lost apostrophe",
                    suggestions=(replacement,), fix=Fix.replace(m.start(), m.end(), replacement),
                )
                continue
            if len(decoded) == 1 and (decoded in INVISIBLE or decoded in BIDI):
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
        if "<" not in text:
            return  # every tag and comment opens with one (found at once; the pattern reads every character)
        for m in _TAG.finditer(text):
            tag = m.group()
            glue = between_words(text, m.start(), m.end())
            replacement = " " if glue and (_BREAKING_TAGS.match(tag) or tag.startswith("<!--")) else ""
            what = "HTML comment" if tag.startswith("<!--") else "HTML tag"
            yield Finding(
                m.start(), m.end(), f"{what} '{snippet(tag, 60)}' left in the text",
                fix=Fix.replace(m.start(), m.end(), replacement),
            )
