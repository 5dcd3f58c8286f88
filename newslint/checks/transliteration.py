"""One name transliterated two ways in one article (Kim Jong-un / Kim Jong Un, Sergei / Sergey).

Names are compared after normalising what transliteration systems disagree on: hyphens and
spaces inside a name, y/i/ii/iy endings, ou/u, kh/h, zh/j, x/ks, ye-/e-, yo/e, doubled
letters, accents, plus a few fixed families (Hezbollah / Hizbollah, Gaddafi / Qaddafi).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from newslint.article import Article
from newslint.article_facts import ArticleFact
from newslint.checks.spelling import _variant_of
from newslint.diagnostic import Finding, Fix, Severity
from newslint.pieces import Piece
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.spelling.lexicon import Lexicon

# A word, with an inner apostrophe (O'Brien) but not a possessive ending (Putin's).
_WORD = re.compile(r"[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)?")
_MAX_PARTS = 4
# Spellings one normalisation cannot join: normalised key -> the family's key.
_FAMILIES = {
    "hizbollah": "hezbollah", "hizballah": "hezbollah", "hezballah": "hezbollah", "hezbolah": "hezbollah",
    "qaida": "qaeda",
    "gadafi": "gaddafi", "qaddafi": "gaddafi", "qadhafi": "gaddafi", "gadhafi": "gaddafi", "kadhafi": "gaddafi",
}
_LETTERS = (("kh", "h"), ("zh", "j"), ("yo", "e"), ("ou", "u"), ("x", "ks"))
# In pinyin, zh/j and ou/u tell syllables apart (Zhou, Zhu; Fushou, Fushu): words made of
# pinyin syllables keep them.
_PINYIN_ONLY = frozenset({"zh", "ou"})
_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u))+"
)
# Doubled letters are not joined: in English names they tell people apart (Scot, Scott;
# Abbot, Abbott; Michel, Michell).


@lru_cache(maxsize=1 << 16)  # a name part recurs in every sub-run of its chain, and across articles
def normalise(part: str) -> str:
    """One name part as a transliteration-neutral key: 'Zelenskyy' -> 'zelenski'."""
    key = unicodedata.normalize("NFKD", part.lower().replace("ё", "е"))
    key = "".join(c for c in key if not unicodedata.combining(c)).replace("'", "").replace("’", "")
    if len(key) >= 5:
        if key.startswith("ye"):
            key = key[1:]
        pinyin = _PINYIN.fullmatch(key) is not None
        for old, new in _LETTERS:
            if not (pinyin and old in _PINYIN_ONLY):
                key = key.replace(old, new)
    if len(key) >= 4:
        key = re.sub(r"(?:iy|yy|ii|yi|ij|y)$", "i", key)
    key = _FAMILIES.get(key, key)
    if len(key) >= 6 and key.startswith("w"):
        key = "v" + key[1:]  # Wolkanovski / Volkanovski (German-style transliteration of В)
    if len(key) >= 5:
        key = re.sub(r"(?<=[aeiou])h$", "", key)  # Hannah / Hanna, Aisha / Aishah
    return key


@dataclass(frozen=True)
class Mention:
    """A name (one to four parts) as written at one place in the article."""

    start: int
    end: int
    surface: str
    parts: int


def _chains(text: str) -> Iterable[list[re.Match[str]]]:
    """Runs of capitalised words joined by one space or hyphen ("Kim Jong-un"), as word matches."""
    chain: list[re.Match[str]] = []
    for m in _WORD.finditer(text):
        word = m.group()
        joined = bool(chain) and text[chain[-1].end(): m.start()] in (" ", "\u00a0", "-")
        hyphen_tail = joined and text[m.start() - 1] == "-" and word.islower()
        if word[0].isupper() and not word.isupper() or hyphen_tail:
            if not joined:
                if chain:
                    yield chain
                chain = []
            chain.append(m)
        elif chain:
            yield chain
            chain = []
    if chain:
        yield chain


def mentions(text: str) -> Iterable[tuple[str, Mention]]:
    """Every capitalised sub-run of every name chain, keyed by its normalised letters (hyphens
    and spaces dropped: "Kim Jong-un", "Kim Jong Un", "DiSai Ha", "Disaiha")."""
    for chain in _chains(text):
        for i, first in enumerate(chain):
            if not first.group()[0].isupper():
                continue
            for j in range(i, min(len(chain), i + _MAX_PARTS)):
                words = chain[i: j + 1]
                if len(words) == 1 and len(first.group()) < 4:
                    continue
                surface = text[first.start(): words[-1].end()]
                yield "".join(normalise(w.group()) for w in words), Mention(first.start(), words[-1].end(), surface, len(words))


class TransliterationVariant(Rule):
    info = RuleInfo(
        code="EN010",
        name="transliteration-variant",
        category="entity",
        severity=Severity.WARNING,
        summary="Flags one name transliterated two ways in an article (\"Kim Jong-un\" and \"Kim Jong Un\", \"Sergei\" and \"Sergey\").",
        why=(
            "Names from Russian, Chinese, Korean and Arabic have several romanisations; a "
            "translation stitched from several sources, or a machine translation, often uses two "
            "in one story, and readers wonder whether two people are meant. Names are compared "
            "after normalising hyphens and spaces, y/i/ii/iy endings, ou/u, kh/h, zh/j, x/ks, "
            "ye/e, yo/e, an initial w/v (Wolkanovski, Volkanovski) and a final h after a vowel "
            "(Hanna, Hannah), so no majority is needed: the "
            "less used spelling is "
            "flagged with the other as the suggestion, except that a spelling which keeps the "
            "'kh' or 'zh' of a Russian name (Makhachev) is preferred to one that drops it "
            "(Mahachev). Doubled letters are not joined: in English "
            "names they tell people apart (Scot, Scott). Pick the house (or the person's own) "
            "spelling and use it throughout."
        ),
        examples=Examples(
            fail=(
                "Summit ends\n\nKim Jong-un met the envoy. Later Kim Jong Un left Pyongyang.",
                "Summit ends\n\nSergei Lavrov spoke first. Then Sergey Lavrov took questions.",
                "Summit ends\n\nHezbollah fired rockets. Israel struck Hizbollah positions.",
                "Summit ends\n\nPresident Zelensky spoke. Zelenskyy thanked the allies.",
                "Storm nears\n\nHurricane Hanna is approaching Mexico, and Hannah may strengthen.",
                "Title fight\n\nAlexander Volkanovski lost the bout. Wolkanovski said he would be back.",
                "Title fight\n\nMahachev won the belt. Mahachev was fast, and Makhachev said so.",
            ),
            ok=(
                "Summit ends\n\nKim Jong-un met the envoy. Later Kim Jong-un left Pyongyang.",
                "Summit ends\n\nZhou Enlai and Zhu De met. Zhou spoke first, and Zhu replied.",
                "Summit ends\n\nThe Hunan governor met Sinama-Pongolle and Sinama Pongolle's agent.",
                "Summit ends\n\nDavid Scott met a Scot; Sarah Abbott met Tom Abbot.",
            ),
        ),
        fix_safety="Unsafe fix: writes the article's more frequent spelling; check which one the house uses.",
    )

    def article_facts(self, context: CheckContext) -> tuple[ArticleFact, ...]:
        return (spellings_fact(context.language),)

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        lexicon = Lexicon.load(context.language)
        known = spellings_fact(context.language)(article)
        findings: list[tuple[Mention, Finding]] = []
        for key, forms in _by_key(article, lexicon).items():
            counts, first, same_as = _distinct(known.get(key, {}))
            if len(counts) < 2:
                continue
            ranked = sorted(counts, key=lambda s: (-_standard(s, counts), -counts[s], first[s]))
            usual = ranked[0]
            for odd in ranked[1:]:
                if _spelling_rule_reports(odd, usual, counts, lexicon) or _compound_spacing(odd, usual):
                    continue
                n = counts[usual]
                times = "once" if n == 1 else f"{n} times"
                for m in (m for surface, found in forms.items() if same_as[surface.lower()] == odd for m in found):
                    findings.append((m, Finding(
                        m.start, m.end,
                        f"'{m.surface}' here, but '{usual}' {times} elsewhere in the article; "
                        "spell the name one way",
                        (usual,), Fix.replace(m.start, m.end, usual),
                    )))
        yield from _longest_only(findings)


_STANDARD = re.compile(r"kh|zh", re.IGNORECASE)


def _standard(surface: str, counts: dict[str, int]) -> int:
    """1 for the spelling English news uses for a Russian or Central Asian name when the other
    drops a letter of it (х as 'kh', ж as 'zh': 'Makhachev', not 'Mahachev'); 0 otherwise."""
    mine = len(_STANDARD.findall(surface))
    return int(mine > 0 and all(len(_STANDARD.findall(other)) < mine for other in counts if other != surface))


def _by_key(article: Article, lexicon: Lexicon, piece: Piece | None = None) -> dict[str, dict[str, list[Mention]]]:
    """Name mentions (in the piece's own text), by normalised key, then by spelling, in text order."""
    by_key: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    # read once per article (the rule and its fact both ask), each surface judged once
    found = article.cache.get(mentions)
    if found is None:
        found = article.cache[mentions] = list(mentions(article.text))
    english: dict[str, bool] = article.cache.setdefault((_all_english, lexicon.dialect), {})
    for key, mention in found:
        if piece is None or piece.owns(mention.start):
            surface = mention.surface
            plain = english.get(surface)
            if plain is None:
                plain = english[surface] = _all_english(surface, lexicon)
            if not plain:
                by_key[key][surface].append(mention)
    return by_key


Spellings = dict[str, dict[str, tuple[int, int]]]  # key -> spelling -> (mentions, first offset)


def _read_spellings(article: Article, piece: Piece, language: str) -> Spellings:
    found = _by_key(article, Lexicon.load(language), piece)
    return {key: {surface: (len(ms), piece.to_article(ms[0].start)) for surface, ms in forms.items()}
            for key, forms in found.items()}


def _merge_spellings(parts: list[Spellings]) -> Spellings:
    merged: Spellings = {}
    for part in parts:
        for key, forms in part.items():
            into = merged.setdefault(key, {})
            for surface, (n, first) in forms.items():
                had = into.get(surface)
                into[surface] = (n, first) if had is None else (had[0] + n, had[1])
    return merged


@lru_cache(maxsize=None)
def spellings_fact(language: str) -> ArticleFact[Spellings, Spellings]:
    """Every spelling of every name in the article: how often, and where first."""
    return ArticleFact(lambda article, piece: _read_spellings(article, piece, language), _merge_spellings)


def _all_english(surface: str, lexicon: Lexicon) -> bool:
    """English words written as a name ("Found", "Half-Life", "Sixth Form"): not a transliteration."""
    return all(lexicon.known(part.lower()) for part in re.split(r"[\s-]+", surface))


def _distinct(forms: dict[str, tuple[int, int]]) -> tuple[dict[str, int], dict[str, int], dict[str, str]]:
    """Spellings that differ beyond the case of their letters (sentence starts, "Jong-Un"):
    mentions and first offset of each, and the spelling each lower-cased form counts as."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    same_as: dict[str, str] = {}
    for surface, (n, start) in forms.items():
        same = same_as.setdefault(surface.lower(), surface)
        if same == surface:
            counts[surface], first[surface] = n, start
        else:
            counts[same] += n
    return counts, first, same_as


_SYLLABLE = re.compile(r"-[a-z]|(?<![^\W\d_])[^\W\d_]{1,3}(?![^\W\d_])")


def _compound_spacing(odd: str, usual: str) -> bool:
    """Hyphen, space or no break in ordinary compounds (Kilroy-Silk, Asian-American): house
    style, not transliteration; kept when a part is a romanised syllable ("Jong-un", "Ki-moon",
    "DiSai Ha")."""
    letters = re.compile(r"[\s-]+")
    if letters.sub("", odd).lower() != letters.sub("", usual).lower():
        return False
    return not (_SYLLABLE.search(odd) or _SYLLABLE.search(usual))


def _spelling_rule_reports(odd: str, usual: str, counts: dict[str, int], lexicon: Lexicon) -> bool:
    """Whether SP002 (name-variant) already flags this one-word slip, so it is not said twice."""
    return (
        " " not in odd and "-" not in odd and " " not in usual and "-" not in usual
        and counts[odd] == 1 and counts[usual] >= 2 and len(odd) >= 6
        and not lexicon.known(odd) and _variant_of(odd, usual)
    )


def _longest_only(findings: list[tuple[Mention, Finding]]) -> Iterable[Finding]:
    """One finding per place: the longest name flagged there ("Kim Jong Un", not "Jong Un")."""
    kept: list[Mention] = []
    for mention, finding in sorted(findings, key=lambda mf: (-mf[0].parts, mf[0].start)):
        if any(mention.start < k.end and k.start < mention.end for k in kept):
            continue
        kept.append(mention)
        yield finding
