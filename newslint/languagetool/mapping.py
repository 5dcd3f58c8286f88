"""Turn LanguageTool matches into newslint findings: categories, codes, demotions.

LanguageTool rules that contradict news conventions are dropped or demoted, and a match
is dropped when one of newslint's own rules already reports the same problem there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from newslint.diagnostic import Diagnostic, Severity

CODE_PREFIX = "LT:"

# LanguageTool category id -> newslint category
CATEGORY_MAP = {
    "TYPOS": "spelling",
    "GRAMMAR": "grammar",
    "PUNCTUATION": "grammar",
    "CASING": "grammar",
    "CONFUSED_WORDS": "grammar",
    "COLLOCATIONS": "grammar",
    "SEMANTICS": "grammar",
    "COMPOUNDING": "grammar",
    "MISC": "grammar",
    "TYPOGRAPHY": "style",
    "STYLE": "style",
    "PLAIN_ENGLISH": "style",
    "WIKIPEDIA": "style",
    "NONSTANDARD_PHRASES": "style",
    "AMERICAN_ENGLISH_STYLE": "style",
    "BRITISH_ENGLISH": "style",
    "GENDER_NEUTRALITY": "style",
    "REDUNDANCY": "redundancy",
    "REPETITIONS": "redundancy",
    "REPETITIONS_STYLE": "redundancy",
    "FALSE_FRIENDS": "translation",
    "MISUSED_TERMS_EU_PUBLICATIONS": "translation",
}

# Rules whose problem newslint's own rules report (better, or news-aware): never doubled.
OWNED_BY_NEWSLINT = {
    "EN_CONSISTENT_APOS": "QT002",
    "ENGLISH_WORD_REPEAT_RULE": "RD001",
    "WHITESPACE_RULE": "WS001",
    "CONSECUTIVE_SPACES": "WS001",
    "COMMA_PARENTHESIS_WHITESPACE": "WS002",
    "TOO_LONG_SENTENCE": "RB001",
}
# Spelling rules: names, acronyms and units flagged as typos; newslint's spelling rule is news-aware.
_SPELLING_RULE = re.compile(r"^MORFOLOGIK_RULE_|^HUNSPELL_")
# Rules that contradict news conventions and are dropped outright.
DROPPED = {
    "EN_UNPAIRED_QUOTES",  # text-level: wrong on multi-paragraph quotes; QT001 knows the convention
    "EN_QUOTES",  # wants curly quotes: a house-style choice, and QT002 checks consistency
    "DASH_RULE",  # en/em dash preference is house style
    "PUNCTUATION_PARAGRAPH_END",  # headlines and bylines have no final full stop
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE",  # anaphora is a news device ("He said... He added...")
    "SENTENCE_WHITESPACE",
    "EN_DIACRITICS_REPLACE",
    "ARROWS",
}
# Categories that prefer one dialect: dropped unless the user chose one (then LT runs in it).
DIALECT_CATEGORIES = {"BRITISH_ENGLISH", "AMERICAN_ENGLISH_STYLE"}
# LT issue types and categories that are advice, not errors: reported as info.
_ADVISORY_TYPES = {"style", "locale-violation", "register", "typographical", "hint"}
_ADVISORY_CATEGORIES = {"COMPOUNDING", "STYLE", "PLAIN_ENGLISH", "WIKIPEDIA", "TYPOGRAPHY", "REPETITIONS_STYLE"}
_QUOTE_MARKS = set("\"'“”‘’„«»")
# a modal (and "not") just before a match: a suggested "can" there would read "may not can work"
_MODAL_BEFORE = re.compile(r"\b(?:can|could|may|might|must|shall|should|will|would)(?:\s+not|n['’]t)?\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match, independent of the client library's classes."""

    offset: int
    length: int
    rule_id: str
    category_id: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> "LTMatch":
        """From the server's /v2/check JSON."""
        rule = raw.get("rule", {})
        return cls(
            offset=int(raw["offset"]),
            length=int(raw["length"]),
            rule_id=str(rule.get("id", "UNKNOWN")),
            category_id=str(rule.get("category", {}).get("id", "MISC")),
            issue_type=str(rule.get("issueType", "")),
            message=str(raw.get("message", "")),
            replacements=tuple(r.get("value", "") for r in raw.get("replacements", [])[:5]),
        )


def rule_name(rule_id: str) -> str:
    """A kebab-case name for a LanguageTool rule id."""
    return "languagetool-" + rule_id.lower().replace("_", "-")


def keep(match: LTMatch, own_codes: set[str], ignore: Iterable[str] = (), text: str = "", dialect_neutral: bool = True) -> bool:
    """Whether a match survives the news-convention filters and the user's ignores."""
    return drop_reason(match, own_codes, ignore, text, dialect_neutral) is None


def drop_reason(
    match: LTMatch, own_codes: set[str], ignore: Iterable[str] = (), text: str = "", dialect_neutral: bool = True,
) -> str | None:
    """Which news-convention filter or user ignore drops a match (a short label), or None if it is kept."""
    if match.rule_id in DROPPED:
        return "dropped rule"
    if _SPELLING_RULE.match(match.rule_id) and not _speller_kept(match, text):
        return "speller: name, short or known word"
    if match.rule_id == "UPPERCASE_SENTENCE_START" and not _body_sentence(text, match.offset):
        return "not a body sentence"
    if dialect_neutral and match.category_id in DIALECT_CATEGORIES:
        return "dialect advice"
    if _can_after_modal(match, text):
        return "'can' after a modal"
    if match.rule_id == "EN_UNPAIRED_BRACKETS" and text[match.offset : match.offset + 1] in _QUOTE_MARKS:
        return "quote marks are QT001's"  # brackets stay
    owner = OWNED_BY_NEWSLINT.get(match.rule_id)
    if owner is not None and owner in own_codes:
        return f"owned by {owner}"
    code = CODE_PREFIX + match.rule_id
    if any(code == t.upper() or code.startswith(t.upper()) and t.upper().startswith(CODE_PREFIX) for t in ignore):
        return "ignored by the user"
    return None


def _can_after_modal(match: LTMatch, text: str) -> bool:
    """A match whose only advice is "can" ("have the ability to" -> "can") right after a
    modal: "may not have the ability to work" cannot become "may not can work"."""
    if not match.replacements or any(r.split(" ")[0].lower() not in ("can", "cannot") for r in match.replacements):
        return False
    return bool(_MODAL_BEFORE.search(text, max(0, match.offset - 16), match.offset))


def _speller_kept(match: LTMatch, text: str) -> bool:
    from newslint.languagetool.speller import plain_word_typo  # it imports this module

    return plain_word_typo(match, text)


_LIST_ITEM = re.compile(r"[-*•·]|\(?[0-9a-z]{1,2}[.)]")


def _body_sentence(text: str, offset: int) -> bool:
    """Whether a lower-case sentence start is in body prose: a text of one line, or not
    on the first line (the headline), not in a line without closing punctuation (labels,
    bylines, datelines) and not a list item."""
    if "\n" not in text.strip():
        return True  # a single sentence or paragraph on its own: prose
    line_start = text.rfind("\n", 0, offset) + 1
    if line_start == 0:
        return False
    line_end = text.find("\n", offset)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if not line or line[-1] not in ".!?\"”’')":
        return False
    return not _LIST_ITEM.match(line)


def severity(match: LTMatch) -> Severity:
    """Warnings for grammar and typos; info for style and typography advice."""
    if match.issue_type in _ADVISORY_TYPES or match.category_id in _ADVISORY_CATEGORIES:
        return Severity.INFO
    return Severity.WARNING


def overlaps_own(match: LTMatch, own: list[Diagnostic]) -> bool:
    """Whether one of our own diagnostics reports this place already: the same category over
    the span, any finding that starts where the match starts, or one inside a match that is
    little more than it ("The the": LT's DT_DT around RD001's second "the")."""
    category = CATEGORY_MAP.get(match.category_id, "grammar")
    end = match.offset + match.length
    return any(
        d.offset == match.offset or (d.category == category and d.offset < end and match.offset < d.end_offset)
        or (match.offset <= d.offset and d.end_offset <= end and match.length <= 2 * (d.end_offset - d.offset) + 2)
        for d in own
    )


def message(match: LTMatch) -> str:
    """LT's message, one line, without a trailing period."""
    return " ".join(match.message.split()).rstrip(".")
