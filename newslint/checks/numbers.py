"""Digits written the way Chinese, Russian or European copy writes them: impossible grouping
("4.176,000"), decimal commas ("1,8 million"), counts with no separators ("400000 people") and
tilde ranges ("1 ~ 2").

Magnitudes in words ("15 thousand", "3 ten thousand") are in ``newslint.checks.counting``,
units left unconverted (mu, jin, verst) in ``newslint.checks.units``.
"""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article, per_article
from newslint.article_facts import ArticleFact, first_of
from newslint.diagnostic import Finding, Fix, Severity
from newslint.pieces import Piece
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.prefiltered import prefiltered

# A run of digits with "." or "," between them, not part of a code, score or range
# ("A4.5", "6-4,6-3", "1,5-2").
# The patterns that must not start inside a number look behind after the first digit, not
# before it: a pattern that starts with a digit is searched digit to digit, not character by
# character (the same matches).
NUMBER = re.compile(r"\d(?<![\w.,\-–/]\d)\d*(?:[.,]\d+)+(?![\w\-–/]|[.,]\d)")
# The same in a text of ASCII characters only, where \d and \w read only ASCII (a third
# quicker: re tests a character against a table, not its Unicode category).
NUMBER_IN_ASCII = re.compile(NUMBER.pattern, re.ASCII)
_ENGLISH = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?")
_DECIMAL_POINT = re.compile(r"\d(?<![\w.,]\d)\d*\.\d+(?!\w|[.,]\d)")
_BEFORE_THOUSAND = re.compile(r"[ \u00a0]+thousand\b", re.IGNORECASE)


def _english_grouping(whole: str, fraction: str = "") -> str:
    """Digits written the English way: 1234567 and 5 -> '1,234,567.5'."""
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "")


def number_problem(token: str) -> tuple[str, str | None] | None:
    """Why a digit token cannot be an English number, and its English form when it is clear."""
    if _ENGLISH.fullmatch(token):
        return None
    if _DECIMAL_COMMA.fullmatch(token):
        whole, fraction = token.split(",")
        return "decimal-comma", f"{whole}.{fraction}"
    if _DOT_GROUPS.fullmatch(token) and (token.count(".") >= 2 or "," in token):
        whole, _, fraction = token.partition(",")
        return "dot-grouping", _english_grouping(whole.replace(".", ""), fraction)
    groups = re.split(r"[.,]", token)
    if "," not in token or all(len(g) <= 2 for g in groups):
        return None  # dates (12.05.2020), section numbers (3.1.2), lists (1,2,3)
    return "malformed", None


@per_article
def number_problems(article: Article) -> list[tuple[re.Match[str], str, str | None]]:
    """Every digit token of the article that cannot be an English number, with why and its
    English form (``number_problem``), in text order: the malformed-number and decimal-comma
    rules share one scan."""
    found = []
    text = article.text
    for m in (NUMBER_IN_ASCII if text.isascii() else NUMBER).finditer(text):
        problem = number_problem(m.group())
        if problem is not None:
            found.append((m, *problem))
    return found


class MalformedNumber(Rule):
    info = RuleInfo(
        code="TR210",
        name="malformed-number",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags numbers whose grouping is impossible in English (\"4.176,000\", \"1.3169,000 acres\", \"1.234.567\").",
        why=(
            "Chinese counts in units of 10,000 (万) and Russian and most of Europe group digits with "
            "dots and write decimals with a comma. When a translator converts a figure halfway the "
            "result mixes both systems and nobody can tell what was meant: \"4.176,000\" may be "
            "4,176,000 or 41,760. Check the figure against the source and write it with commas "
            "every three digits and a decimal point."
        ),
        examples=Examples(
            fail=(
                "Harvest up\n\nThe province planted 1.3169,000 acres of rice this year.",
                "Harvest up\n\nExports reached 4.176,000 tonnes, the ministry said.",
                "Harvest up\n\nThe fund holds 1.234.567 roubles.",
                "Harvest up\n\nThe fund holds 4,3200,000 roubles.",
            ),
            ok=(
                "Harvest up\n\nThe province planted 1,316,900 acres of rice, up 4.5%.",
                "Harvest up\n\nThe law took effect on 12.05.2020 under section 3.1.2.",
                "Harvest up\n\nWilliams won 6-4,6-3 in the final.",
            ),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for m, kind, english in number_problems(article):
            if kind == "decimal-comma":
                continue
            if kind == "dot-grouping":
                yield Finding(
                    m.start(), m.end(),
                    f"'{m.group()}' groups digits with dots, as Russian and European copy does; write '{english}'",
                    (english,), Fix.replace(m.start(), m.end(), english),
                )
            else:
                yield Finding(
                    m.start(), m.end(),
                    f"'{m.group()}' is not a possible English number (groups of three digits, a decimal point); "
                    "check the figure against the source",
                )


def _first_point(article: Article, piece: Piece) -> str | None:
    m = _DECIMAL_POINT.search(article.text, piece.own, piece.own_end)
    return m.group() if m else None


FIRST_DECIMAL_POINT: ArticleFact[str | None, str | None] = ArticleFact(_first_point, first_of)
"""The article's first number with a decimal point ("3.5"), if any."""


class DecimalComma(Rule):
    info = RuleInfo(
        code="TR211",
        name="decimal-comma",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags a decimal comma (\"1,8 million\", \"27,5 cm\"), the Russian and European way of writing 1.8.",
        why=(
            "English writes decimals with a point; a comma followed by one or two digits is not "
            "English digit grouping, so \"9,5\" is a Russian decimal left in the translation (or a "
            "digit lost from \"9,500\"). An article that also writes \"3.5\" elsewhere mixes two "
            "decimal separators. (\"9,5 thousand\" is left to thousand-as-word, which suggests 9,500.)"
        ),
        examples=Examples(
            fail=(
                "Cases rise\n\nIn the Arctic region, almost 1,8 million cases were recorded.",
                "Cases rise\n\nThe drawing measures 21 × 27,5 cm, up from 3.5 cm.",
            ),
            ok=(
                "Cases rise\n\nIn the Arctic region, almost 9,500 cases were recorded, up 3.5%.",
                "Cases rise\n\nWilliams lost 1-6,4-6 in the third round.",
            ),
        ),
        fix_safety="Unsafe fix: replaces the comma with a point; reread, since the comma may stand for lost digits.",
    )

    facts = (FIRST_DECIMAL_POINT,)

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        for m, kind, english in number_problems(article):
            if kind != "decimal-comma" or _BEFORE_THOUSAND.match(text, m.end()):
                continue  # "9,5 thousand" is thousand-as-word's, with the whole figure
            english = english or ""
            first_point = FIRST_DECIMAL_POINT(article)  # asked only here: most articles have no decimal comma
            mixed = f"; the article also writes '{first_point}'" if first_point else ""
            yield Finding(
                m.start(), m.end(),
                f"'{m.group()}' uses a decimal comma{mixed}; write '{english}' (or check for lost digits)",
                (english,), Fix.replace(m.start(), m.end(), english),
            )


# A count of four or more digits with no thousands separator, before what it counts (model
# numbers, postcodes and lot numbers come before other words, or after "project", "No.").
# Four digits count only before a counted noun and outside 1500-2099, where years live.
_COUNT_NOUNS = (
    "people|persons|cases|deaths|infections|patients|residents|households|families|children|students|"
    "workers|employees|jobs|visitors|tourists|passengers|participants|soldiers|troops|votes|"
    "yuan|rubles|roubles|dollars|euros|dong|won|yen|rupees|"
    "tons|tonnes|hectares|acres|square|kilometres|kilometers|km|metres|meters|"
    "units|vehicles|cars|homes|houses|apartments|copies|enterprises|companies|firms|villages|schools|"
    "hospitals|beds|projects|officers|members|farmers|teachers|doctors|items|pieces|seats|flights"
)
_BARE_COUNT = prefiltered(re.compile(r"[1-9](?<![\w.,\-/#:£$€+][1-9])\d{4,6}(?![\w/\-]|[.,]\d)"))
_COUNT_AFTER = re.compile(rf"[ \u00a0]+(?:new[ \u00a0]+)?(?:{_COUNT_NOUNS})\b")
# ... or after a word that introduces a count ("exceeded 80000", "up to 400000").
_COUNT_BEFORE = re.compile(
    r"\b(?:exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?|reach(?:ed|es|ing)?|top(?:ped|s)?|total(?:l?ed|ling|ing)?|"
    r"more than|less than|fewer than|nearly|almost|about|around|over|approximately|some|at least|up to)[ \u00a0]+$",
    re.IGNORECASE,
)


_BARE_THOUSANDS = prefiltered(re.compile(r"[1-9](?<![\w.,\-/#:£$€+][1-9])\d{3}(?<!1[5-9]\d\d|20\d\d)(?![\w/\-]|[.,]\d)"))


def ungrouped_counts(text: str) -> Iterable[re.Match[str]]:
    """Bare four-to-seven-digit numbers that count something, in text order."""
    found = [m for m in _BARE_COUNT.finditer(text)
             if _COUNT_AFTER.match(text, m.end()) or _COUNT_BEFORE.search(text, max(0, m.start() - 20), m.start())]
    found += [m for m in _BARE_THOUSANDS.finditer(text) if _COUNT_AFTER.match(text, m.end())]
    return sorted(found, key=lambda m: m.start())


class UngroupedNumber(Rule):
    info = RuleInfo(
        code="TR216",
        name="ungrouped-number",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags a count of 1,000 or more written without thousands separators (\"400000 people\", \"4854 enterprises\").",
        why=(
            "Chinese and Russian copy often prints large counts as bare digits (400000人, 10000 "
            "рублей), and translations keep them. English news groups digits in threes: "
            "400,000 people, 4,854 companies. Native copy in our corpus almost never does this "
            "before a counted noun (1.4 times per million words, four digits included); "
            "translations from Chinese and Russian about 130 times. Model, lot and project "
            "numbers are left alone, and so are four-digit numbers from 1500 to 2099, which are "
            "usually years."
        ),
        examples=Examples(
            fail=(
                "Cases rise\n\nThe campaign has been launched, involving as many as 400000 people.",
                "Cases rise\n\nThey are fined 10000 rubles for each violation.",
                "Cases rise\n\nConfirmed cases in the Philippines exceeded 80000, officials said.",
                "Cases rise\n\nThe province now has 4854 enterprises and 3500 kilometres of road.",
            ),
            ok=(
                "Cases rise\n\nThe campaign involves 400,000 people and the Motorola 68020 microprocessor.",
                "Cases rise\n\nThe ship was built to project 11711 and recalled lot 54238 tablets; about 1990 it sank.",
                "Cases rise\n\nIn 2020 cases rose; the 1998 farmers' strike, 4,854 enterprises and a 4000m peak.",
            ),
        ),
        fix_safety="Unsafe fix: inserts the thousands separators (\"400000\" -> \"400,000\"); reread, a code (\"the 90210 residents\") is rare but possible.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for m in ungrouped_counts(article.text):
            english = f"{int(m.group()):,}"
            yield Finding(
                m.start(), m.end(), f"'{m.group()}' has no thousands separators; write '{english}'",
                (english,), Fix.replace(m.start(), m.end(), english),
            )


_TILDE_RANGE = prefiltered(re.compile(r"(?P<low>\d(?<![\w.,]\d)\d*(?:\.\d+)?)[ \u00a0]*[~～〜][ \u00a0]*(?P<high>\d+(?:\.\d+)?)(?![\w.,]\d|\w)"))


class TildeRange(Rule):
    info = RuleInfo(
        code="TR217",
        name="tilde-range",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags a range written with a tilde (\"1 ~ 2 examination places\"), as Chinese and Japanese copy writes it.",
        why=(
            "Chinese writes ranges as 1～2 or 2~5; English news writes \"one or two\", \"two to "
            "five\" or \"2-5\". Machine translation copies the tilde, which English readers take "
            "for \"about\". Native news in our corpus never has it."
        ),
        examples=Examples(
            fail=(
                "Exams go ahead\n\nThe district set up 1 ~ 2 examination places in each school district.",
                "Exams go ahead\n\nOne master can take 2~5 apprentices.",
            ),
            ok=("Exams go ahead\n\nThe district set up one or two places; a master takes 2-5 apprentices, ~50 in all.",),
        ),
        fix_safety="Unsafe fix: writes \"2 to 5\"; spell small numbers out as house style asks.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for m in _TILDE_RANGE.finditer(article.text):
            english = f"{m.group('low')} to {m.group('high')}"
            yield Finding(
                m.start(), m.end(), f"'{m.group()}' writes a range with a tilde; write '{english}' (or 'one or two')",
                (english,), Fix.replace(m.start(), m.end(), english),
            )


_SPACED_CURRENCY = prefiltered(re.compile(r"\b(?P<prefix>US|HK|NT|S|A|C|NZ)[ \u00a0]+\$[ \u00a0]?(?=\d)"))


class SpacedCurrency(Rule):
    info = RuleInfo(
        code="TR226",
        name="spaced-currency-prefix",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags a currency prefix split from its sign (\"US $11 billion\", \"HK $500\"): write \"US$11 billion\".",
        why=(
            "Chinese copy writes 美元 after the figure; machine translation turns it into \"US $\" "
            "with a space that no English style uses. Write \"US$11 billion\" (or \"$11 billion\" "
            "where dollars can only be American). Native news in our corpus has it 0.4 times per "
            "million words; machine translation from Chinese 57 times."
        ),
        examples=Examples(
            fail=("Prize money up\n\nTotal prize money reached US $11.16 million this year.",
                  "Prize money up\n\nTickets cost HK $500 each."),
            ok=("Prize money up\n\nTotal prize money reached US$11.16 million, or $11.2 million; in the US $1 buys less.",),
        ),
        fix_safety="Safe fix: removes the space (\"US $11\" -> \"US$11\").",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for m in _SPACED_CURRENCY.finditer(article.text):
            joined = f"{m.group('prefix')}$"
            if m.group("prefix") == "US" and article.text[max(0, m.start() - 4):m.start()].lower().endswith("the "):
                continue  # "in the US $1 buys less"
            yield Finding(
                m.start(), m.end(), f"'{m.group().strip()}' splits the currency prefix from its sign; write '{joined}'",
                (joined,), Fix.replace(m.start(), m.end(), joined, "safe"),
            )
