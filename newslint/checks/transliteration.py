"""One name transliterated two ways in one article (Kim Jong-un / Kim Jong Un, Sergei / Sergey).

Names are compared after normalising what transliteration systems disagree on: hyphens and
spaces inside a name, y/i/ii/iy endings, ou/u, kh/h, zh/j, x/ks, ye-/e-, yo/e, doubled
letters, accents, plus a few fixed families (Hezbollah / Hizbollah, Gaddafi / Qaddafi).
A name the lexicon does not know is also compared more loosely (w/v, ei/ai/ey, l/r, doubled
letters, a final e) with the article's other names: machine translation back-transliterates a
name it has seen in full once ("Lorenzo Fioramonti", then "Fiolamonti").
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, NamedTuple

from newslint import native
from newslint.article import Article
from newslint.ascii_words import ascii_words
from newslint.article_facts import ArticleFact
from newslint.checks.spelling import _variant_of
from newslint.diagnostic import Finding, Fix, Severity
from newslint.pieces import Piece
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.spelling.lexicon import Lexicon, prepare as prepare_lexicon

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
# Pinyin syllables as written (er only alone): "Shaanxi", "Jinning" keep their doubled letters,
# "Ferrari" ("fer-ra-ri" only with er after an initial) does not read as pinyin.
_PINYIN_SYLLABLES = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u)"
    r"|er|ang|eng|ai|ei|ao|ou|an|en|a|o|e)+"
)
# Doubled letters are not joined: in English names they tell people apart (Scot, Scott;
# Abbot, Abbott; Michel, Michell).


@lru_cache(maxsize=1 << 16)  # a name part recurs in every sub-run of its chain, and across articles
def normalise(part: str) -> str:
    """One name part as a transliteration-neutral key: 'Zelenskyy' -> 'zelenski'."""
    key = part.lower()
    if not key.isascii():  # accents taken off (an ASCII part has none)
        key = unicodedata.normalize("NFKD", key.replace("ё", "е"))
        key = "".join(c for c in key if not unicodedata.combining(c)).replace("’", "")
    key = key.replace("'", "")
    if len(key) >= 5:
        if key.startswith("ye"):
            key = key[1:]
        pinyin = _PINYIN.fullmatch(key) is not None
        for old, new in _LETTERS:
            if not (pinyin and old in _PINYIN_ONLY):
                key = key.replace(old, new)
    if len(key) >= 4:
        key = _y_end(key)
    key = _FAMILIES.get(key, key)
    if len(key) >= 6 and key.startswith("w"):
        key = "v" + key[1:]  # Wolkanovski / Volkanovski (German-style transliteration of В)
    if len(key) >= 5 and key[-1] == "h" and key[-2] in "aeiou":
        key = key[:-1]  # Hannah / Hanna, Aisha / Aishah
    return key


_Y_ENDINGS = frozenset(("iy", "yy", "ii", "yi", "ij"))


def _y_end(key: str) -> str:
    """A final iy, yy, ii, yi, ij or y as i ('Zelenskyy' -> 'zelenski'; a key has no line break)."""
    if key[-2:] in _Y_ENDINGS:
        return key[:-2] + "i"
    return key[:-1] + "i" if key.endswith("y") else key


class Mention(NamedTuple):
    """A name (one to four parts) as written at one place in the article."""

    start: int
    end: int
    surface: str
    parts: int
    before: str = ""  # the capitalised word right before it in its name chain ("Lorenzo")


# Where a word of a name chain can start: a capital not inside a word (beyond ASCII, any
# letter: its case is checked word by word), and a small letter after a hyphen ("Jong-un").
_CAPITAL = re.compile(r"[^\W\d_a-z](?<![^\W\d_].)")
_IN_WORD = re.compile(r"[^\W\d_]|['’]")


def _word_at(text: str, pos: int) -> re.Match[str] | None:
    """The word ``_WORD.finditer`` finds at ``pos``, if one starts there: not after a letter
    and an apostrophe that ``_WORD`` joins to it ("O'Brien"), found by scanning that run."""
    if pos >= 2 and text[pos - 1] in "'’" and text[pos - 2] not in "'’" and _IN_WORD.match(text, pos - 2):
        start = pos - 1
        while start > 0 and _IN_WORD.match(text, start - 1):
            start -= 1
        for m in _WORD.finditer(text, start):
            if m.end() > pos:
                return m if m.start() == pos else None
        return None
    return _WORD.match(text, pos)


def _chains(text: str) -> Iterable[list[re.Match[str]]]:
    """Runs of capitalised words joined by one space or hyphen ("Kim Jong-un"), as word matches.

    Only the words that can be part of one are looked at: a word in small letters ends a
    run, as does whatever else stands between two words, and what lies between two words
    shows whether they are joined."""
    chain: list[re.Match[str]] = []
    end = 0  # where the chain's last word ends
    match_word = _WORD.match
    for pos in _chain_starts(text):
        m = _word_at(text, pos) if pos and text[pos - 1] in "'’" else match_word(text, pos)
        if m is None:
            continue
        word = m.group()
        joined = bool(chain) and text[end:pos] in _JOINS
        if word[0].isupper() and not word.isupper() or (joined and text[pos - 1] == "-" and word.islower()):
            if not joined:
                if chain:
                    yield chain
                chain = []
            chain.append(m)
            end = m.end()
        elif chain:
            yield chain
            chain = []
    if chain:
        yield chain


_JOINS = frozenset((" ", "\u00a0", "-"))
_ASCII_CAPITAL = re.compile(r"[A-Z](?<![A-Za-z].)")  # _CAPITAL where every letter is ASCII
_HYPHEN_LETTER = re.compile(r"-[a-z]")  # a small letter after a hyphen (read with the hyphen: re finds "-" fast)


def _chain_starts(text: str) -> list[int]:
    """Where a word of a name chain can start, in order: ``_CAPITAL`` (in ASCII spelling where
    the text's words allow: newslint/ascii_words.py) and a small letter after a hyphen."""
    capitals = _ASCII_CAPITAL if ascii_words(text) else _CAPITAL
    starts = [m.start() for m in capitals.finditer(text)]
    tails = [m.start() + 1 for m in _HYPHEN_LETTER.finditer(text)]
    return sorted(starts + tails) if tails else starts


def mentions(text: str, english: Callable[[str], bool] | None = None) -> list[tuple[str, Mention]]:
    """Every capitalised sub-run of every name chain, keyed by its normalised letters (hyphens
    and spaces dropped: "Kim Jong-un", "Kim Jong Un", "DiSai Ha", "Disaiha"); with
    ``english``, not those whose every word it calls English ("Found", "Half-Life"). Found
    by the native core where the text's words are all ASCII; ``_mentions_python`` is its twin."""
    found = _mentions_native(text, english) if ascii_words(text) else None
    return found if found is not None else list(_mentions_python(text, english))


# A mention as the rule reads it: its key, then a Mention's fields (start, end, surface,
# parts, before); a Mention is made only where a name is flagged.
Row = tuple[str, int, int, str, int, str]


def _lexicon_rows(text: str, lexicon: Lexicon) -> list[Row]:
    """``mentions`` as rows (as the native core gives them), without the words ``lexicon``
    calls English: read by the lexicon's ``NameWords`` in the native core where the text's
    words are all ASCII, which keeps each word's key and answer for the run."""
    core = native.module()
    if core is not None and ascii_words(text):
        found = _name_words(lexicon, core).mentions(text)
        if found is not None:
            return found
    return [(key, *m) for key, m in _mentions_python(text, _known_word(lexicon))]


@lru_cache(maxsize=None)  # one per lexicon (and core): what it keeps serves the whole run
def _name_words(lexicon: Lexicon, core: object) -> object:
    """The native core's ``NameWords`` for the lexicon: ``normalise``, its English words and
    its given names."""
    return core.NameWords(normalise, _known_word(lexicon), lambda word: _given_name(word, lexicon))  # type: ignore[attr-defined]


def _native_rows(text: str, english: Callable[[str], bool] | None) -> list[Row] | None:
    """``mentions`` as rows from the native core (newslint/native.py), for a text where
    ``ascii_words`` holds; None without the core (or for a text with no UTF-8 form)."""
    core = native.module()
    return core.name_mentions(text, normalise, english) if core is not None else None


def _mentions_native(text: str, english: Callable[[str], bool] | None) -> list[tuple[str, Mention]] | None:
    """``_mentions_python``'s result from the native core, for a text where ``ascii_words``
    holds; None without the core (or for a text with no UTF-8 form)."""
    rows = _native_rows(text, english)
    return None if rows is None else [(row[0], _mention(row)) for row in rows]


_new = tuple.__new__  # a Mention from its fields, without NamedTuple's slower __new__


def _mention(row: Row) -> Mention:
    """The Mention of a row."""
    return _new(Mention, row[1:])


def _mentions_python(text: str, english: Callable[[str], bool] | None = None) -> Iterable[tuple[str, Mention]]:
    """``mentions``, read with Python's ``re``: the twin of the native core's."""
    for chain in _chains(text):
        if len(chain) == 1:  # most chains: one capitalised word (what the loops below make of it)
            m = chain[0]
            word = m.group()
            if len(word) >= 4 and not (english and english(word)):
                yield normalise(word), Mention(m.start(), m.end(), word, 1)
            continue
        words = [m.group() for m in chain]
        keys = [normalise(word) for word in words]
        plain = [english(word) for word in words] if english else [False] * len(words)
        for i, first in enumerate(chain):
            if not words[i][0].isupper():
                continue
            start = first.start()
            spaced = i and text[chain[i - 1].end(): start] in (" ", "\u00a0")
            before = words[i - 1] if spaced else ""
            for j in range(i, min(len(chain), i + _MAX_PARTS)):
                if j == i and len(words[i]) < 4 or all(plain[i: j + 1]):
                    continue
                end = chain[j].end()
                yield "".join(keys[i: j + 1]), Mention(start, end, text[start:end], j - i + 1, before)


class TransliterationVariant(Rule):
    info = RuleInfo(
        code="EN010",
        name="transliteration-variant",
        category="entity",
        severity=Severity.WARNING,
        summary="Flags one name transliterated two ways in an article (\"Kim Jong-un\" and \"Kim Jong Un\", \"Sergei\" and \"Sergey\", \"Fioramonti\" and \"Fiolamonti\").",
        why=(
            "Names from Russian, Chinese, Korean and Arabic have several romanisations; a "
            "translation stitched from several sources, or a machine translation, often uses two "
            "in one story, and readers wonder whether two people are meant. Names are compared "
            "after normalising hyphens and spaces, y/i/ii/iy endings, ou/u, kh/h, zh/j, x/ks, "
            "ye/e, yo/e, an initial w/v (Wolkanovski, Volkanovski) and a final h after a vowel "
            "(Hanna, Hannah), so no majority is needed. A name the dictionary does not know is "
            "also compared more loosely, because machine translation back-transliterates a name "
            "it met in full once: w/v and ei/ai/ey anywhere, l/r (Chinese has no l/r contrast: "
            "'Lorenzo Fioramonti', then 'Fiolamonti'), and doubled letters and a final e "
            "('Vaintrub', then 'Weintrubbe'; pinyin keeps these: Shaanxi and Shanxi are two "
            "provinces). The spelling kept is one that keeps the 'kh' or 'zh' of a Russian name "
            "(Makhachev, not Mahachev), else a name the dictionary knows (every other spelling "
            "is flagged, however often it is used), else the one introduced with a given name "
            "('Lorenzo Fioramonti'), else the most used, else the first. Names the dictionary "
            "knows are never flagged by the looser comparison, and a doubled letter or final e "
            "alone does not join a name to a known one: in English names they tell people apart "
            "(Clark, Clarke; Michel, Michell; Scot, Scott). Pick the house (or the person's own) "
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
                "Sugar tax\n\nStefano Caramonti, the minister, proposed it. Officials said Calamonti would "
                "widen it, and Calamonti agreed.",
                "Race report\n\nBoris Vaisberg led early. In the second half Weissberge built up the pace.",
                "Grand Prix\n\nFerrari won again. Fellari driver Leclerc thanked the Fellari team.",
            ),
            ok=(
                "Summit ends\n\nKim Jong-un met the envoy. Later Kim Jong-un left Pyongyang.",
                "Summit ends\n\nZhou Enlai and Zhu De met. Zhou spoke first, and Zhu replied.",
                "Summit ends\n\nThe Hunan governor met Sinama-Pongolle and Sinama Pongolle's agent.",
                "Summit ends\n\nDavid Scott met a Scot; Sarah Abbott met Tom Abbot.",
                "Summit ends\n\nBoris Johnson met Ian Johnston. Johnson spoke, and Johnston left.",
                "Summit ends\n\nKenneth Clarke met Ed Clark. Clarke spoke, and Clark left.",
                "Summit ends\n\nRoger Michell and Michel Gondry met. Michell spoke first.",
                "Summit ends\n\nAustria and Australia met. Austria won, and Australia lost.",
                "Summit ends\n\nShaanxi and Shanxi provinces met. Shaanxi spoke first.",
            ),
        ),
        fix_safety="Unsafe fix: writes the spelling kept (the known, first full or more frequent one); check which one the house uses.",
    )

    def article_facts(self, context: CheckContext) -> tuple[ArticleFact, ...]:
        return (spellings_fact(context.language),)

    def prepare(self, chars: int) -> None:
        prepare_lexicon(chars)  # a big run looks words up in the native core, set up before workers fork

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        lexicon = Lexicon.load(context.language)
        spellings = spellings_fact(context.language)(article)
        findings = self._strict_variants(article, spellings, lexicon)
        findings.extend(_loose_variants(spellings, lambda: _by_key(article, lexicon), lexicon))
        yield from _longest_only(findings)

    @staticmethod
    def _strict_variants(article: Article, spellings: Spellings, lexicon: Lexicon) -> list[tuple[Mention, Finding]]:
        """Spellings of a name that one normalised key joins, flagged but for the one kept; the
        mentions by key are read only when a key has two spellings (most articles have none)."""
        findings: list[tuple[Mention, Finding]] = []
        if all(len(spelt) < 2 for spelt in spellings.values()):
            return findings
        for key, forms in _by_key(article, lexicon).items():
            spelt = spellings.get(key, {})
            if len(spelt) < 2:
                continue  # one spelling (most names)
            counts, first, full, same_as = _distinct(spelt)
            if len(counts) < 2:
                continue
            ranked = _ranked(counts, first, full)
            usual = ranked[0]
            for odd in ranked[1:]:
                if _spelling_rule_reports(odd, usual, counts, lexicon) or _compound_spacing(odd, usual):
                    continue
                reason = _reason(usual, odd, counts, first, full)
                for surface, found in forms.items():
                    if same_as[surface.lower()] == odd:
                        findings.extend(_flagged(found, usual, counts[usual], reason))
        return findings


def _ranked(counts: dict[str, int], first: dict[str, int], full: dict[str, bool]) -> list[str]:
    """Spellings of one name, the one to keep first: a kh/zh kept, then one introduced with
    its given name, then the most used, then the first used."""
    return sorted(counts, key=lambda s: (-_standard(s, counts), -full[s], -counts[s], first[s]))


def _reason(usual: str, odd: str, counts: dict[str, int], first: dict[str, int], full: dict[str, bool]) -> str:
    """Why ``usual`` is kept when it is not used more often than ``odd``."""
    if counts[usual] > counts[odd]:
        return ""
    if _standard(usual, counts):
        return " (the spelling that keeps kh/zh)"
    if full[usual] and not full[odd]:
        return " (with the given name)"
    return " (where the name first appears)" if first[usual] < first[odd] else ""


def _flagged(found: Iterable[Mention], usual: str, n: int, reason: str = "") -> Iterable[tuple[Mention, Finding]]:
    times = "once" if n == 1 else f"{n} times"
    for m in found:
        yield m, Finding(
            m.start, m.end,
            f"'{m.surface}' here, but '{usual}' {times} elsewhere in the article{reason}; spell the name one way",
            (usual,), Fix.replace(m.start, m.end, usual),
        )


# ---- one name, two spellings a normalised key does not join -------------------------------
# Machine translation back-transliterates a name it met once in full: "Lorenzo Fioramonti",
# then "Fiolamonti" (Chinese has no l/r contrast); "Vaintrub", then "Weintrubbe" (Russian
# В and ай read the German way, a letter doubled, an e added). These keys join such spellings;
# they are compared only when a name is unknown to the lexicon, so two English names
# (Clark, Clarke; Michel, Michell) stay apart.


@dataclass(frozen=True)
class _Name:
    """A name as the strict comparison leaves it: one normalised key and its spellings."""

    key: str
    usual: str  # the spelling kept for the key
    mentions: int
    first: int
    full: bool  # introduced with a given name ("Lorenzo Fioramonti")
    known: bool  # a name the lexicon lists ("Hoffman", "Ferrari")


_AI_SOUNDS = re.compile(r"ei|ey|ay")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 16)
def _loose_part(word: str, english: bool) -> str:
    """One word's key with the looser joins: w/v, ei/ey/ay as ai, l/r, and unless the word is
    pinyin (Shaanxi and Shanxi, Jinning and Jining are different places) doubled letters and a final
    e. ``english`` drops the last two (Michel / Michell, Clark / Clarke)."""
    key = normalise(word)
    if len(key) < 5:
        return key
    key = key.replace("w", "v")
    if not _PINYIN_SYLLABLES.fullmatch(word.lower()):
        key = _AI_SOUNDS.sub("ai", key)
        if not english:
            if _DOUBLED.search(key):  # (searched first: most keys have none)
                key = _DOUBLED.sub(r"\1", key)  # before l/r: Chorlton is not Chorton
            key = key[:-1] if key.endswith("e") and len(key) >= 6 else key
    return key.replace("l", "r")


@lru_cache(maxsize=1 << 16)  # a name's spelling recurs across articles
def loose_key(surface: str, english: bool = False) -> str:
    """A name's letters joined under the looser transliteration rules ('Weintrubbe' -> 'vaintrub'):
    worked out by the native core where the name is ASCII letters (with apostrophes, spaces
    and hyphens), else by ``python_loose_key``, its twin."""
    core = native.module()
    if core is not None:
        try:
            found = core.loose_key(surface, english)
        except UnicodeEncodeError:  # a lone surrogate: keyed in Python
            found = None
        if found is not None:
            return found  # type: ignore[no-any-return]
    return python_loose_key(surface, english)


def python_loose_key(surface: str, english: bool = False) -> str:
    """``loose_key`` read with Python's ``re``."""
    if surface.isalpha():  # one word (every letter matches _WORD: most names)
        return _loose_part(surface, english)
    return "".join(_loose_part(w, english) for w in _WORD.findall(surface))


def _name(key: str, forms: dict[str, tuple[int, int, bool]], lexicon: Lexicon) -> _Name:
    counts, first, full, _ = _distinct(forms)
    usual = _ranked(counts, first, full)[0]
    known = all(lexicon.known(part) for part in re.split(r"[\s-]+", usual))
    return _Name(key, usual, sum(counts.values()), min(first.values()), any(full.values()), known)


def _loose_variants(spellings: Spellings, mentions_by_key: Callable[[], dict[str, dict[str, list[Mention]]]],
                    lexicon: Lexicon) -> Iterable[tuple[Mention, Finding]]:
    """Spellings of a name the lexicon does not know that only the looser keys join to another
    name in the article: flagged every time against a name the lexicon knows, else against the
    spelling introduced with a given name, the most used, or the first. ``mentions_by_key()``
    gives the article's mentions by key and spelling (``_by_key``), asked only for such a name."""
    by_loose: dict[str, list[str]] = {}
    shared = False
    for key, forms in spellings.items():
        loose = loose_key(next(iter(forms)))  # a key's spellings share their loose key
        keys = by_loose.get(loose)
        if keys is None:
            by_loose[loose] = [key]
        else:
            keys.append(key)
            shared = True
    if not shared:
        return  # no two names the looser keys join (most articles)
    here: dict[str, dict[str, list[Mention]]] | None = None
    for keys in by_loose.values():
        if len(keys) < 2:
            continue
        group = [_name(key, spellings[key], lexicon) for key in keys]
        usuals = {name.usual: name.mentions for name in group}
        ranked = sorted(group, key=lambda n: (-_standard(n.usual, usuals), -n.known, -n.full, -n.mentions, n.first))
        keep = ranked[0]
        for odd in ranked[1:]:
            if odd.known:
                continue
            if here is None:
                here = mentions_by_key()
            if odd.key not in here:
                continue
            if keep.known and loose_key(odd.usual, english=True) != loose_key(keep.usual, english=True):
                continue  # a doubled letter or a final e against a known name: English names differ so
            reason = _loose_reason(keep, odd)
            for surface, found in here[odd.key].items():
                counts = {surface: odd.mentions, keep.usual: keep.mentions}
                if not (_spelling_rule_reports(surface, keep.usual, counts, lexicon)
                        or _compound_spacing(surface, keep.usual)):
                    yield from _flagged(found, keep.usual, keep.mentions, reason)


def _loose_reason(keep: _Name, odd: _Name) -> str:
    if keep.known:
        return " (the spelling the dictionary knows)"
    if keep.mentions > odd.mentions:
        return ""
    if _standard(keep.usual, {keep.usual: 1, odd.usual: 1}):
        return " (the spelling that keeps kh/zh)"
    if keep.full and not odd.full:
        return " (with the given name)"
    return " (where the name first appears)"


def keeps(article: Article, language: str, kept: str, other: str) -> bool:
    """Whether EN010 takes ``kept`` as the name's spelling over ``other`` (one word each) for a
    reason other than use (a kh/zh kept, a name the lexicon knows, a given name before it), so
    the spelling rule (SP002) does not flag it as the odd one out."""
    strict = normalise(kept) == normalise(other)
    if not strict and loose_key(kept) != loose_key(other):
        return False
    if _standard(kept, {kept: 1, other: 1}):
        return True
    lexicon = Lexicon.load(language)
    if not strict and lexicon.known(kept) and not lexicon.known(other):
        return loose_key(kept, english=True) == loose_key(other, english=True)
    spellings = spellings_fact(language)(article)
    return _introduced_in_full(spellings, kept) and not _introduced_in_full(spellings, other)


def _introduced_in_full(spellings: Spellings, word: str) -> bool:
    entry = spellings.get(normalise(word), {}).get(word)
    return bool(entry and entry[2])


_STANDARD = re.compile(r"kh|zh", re.IGNORECASE)


def _standard(surface: str, counts: dict[str, int]) -> int:
    """1 for the spelling English news uses for a Russian or Central Asian name when the other
    drops a letter of it (х as 'kh', ж as 'zh': 'Makhachev', not 'Mahachev'); 0 otherwise."""
    mine = len(_STANDARD.findall(surface))
    return int(mine > 0 and all(len(_STANDARD.findall(other)) < mine for other in counts if other != surface))


def _by_key(article: Article, lexicon: Lexicon, piece: Piece | None = None) -> dict[str, dict[str, list[Mention]]]:
    """Name mentions (in the piece's own text), by normalised key, then by spelling, in text
    order; for the whole article, sorted once (the rule and its fact both ask). Read only."""
    if piece is not None and piece.own == 0 and piece.own_end == len(piece.text):
        piece = None  # the whole article as one piece: it owns every offset
    if piece is None:
        whole = article.cache.get((_by_key, lexicon.dialect))
        if whole is None:
            whole = article.cache[(_by_key, lexicon.dialect)] = _sorted_by_key(article, lexicon, None)
        return whole  # type: ignore[return-value]
    return _sorted_by_key(article, lexicon, piece)


def _sorted_by_key(article: Article, lexicon: Lexicon, piece: Piece | None) -> dict[str, dict[str, list[Mention]]]:
    by_key: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for row in _rows(article, lexicon):
        if piece is None or piece.owns(row[1]):
            by_key[row[0]][row[3]].append(_mention(row))
    return by_key


def _rows(article: Article, lexicon: Lexicon) -> list[Row]:
    """The article's name mentions as rows, read once per article (the rule and its fact both
    ask); English words written as a name ("Found", "Half-Life", "Sixth Form") are no
    transliteration."""
    found = article.cache.get((_rows, lexicon.dialect))
    if found is None:
        found = article.cache[(_rows, lexicon.dialect)] = _lexicon_rows(article.text, lexicon)
    return found  # type: ignore[return-value]


def _known_word(lexicon: Lexicon) -> Callable[[str], bool]:
    """Whether a word of a name is an English word, in any case."""
    return lambda word: lexicon.known(word.lower())


Spellings = dict[str, dict[str, tuple[int, int, bool]]]  # key -> spelling -> (mentions, first offset, with a given name)

_HONORIFICS = frozenset("Mr Mrs Ms Miss Mx Dr Prof Sir Lord Lady Dame King Queen Prince Princess Pope St Saint President Justice".split())


def _given_name(word: str, lexicon: Lexicon) -> bool:
    """Whether a capitalised word before a surname reads as a given name ("Lorenzo", "Alexander",
    "Andrei"), not a title, honorific or ordinary word ("Minister", "Mr", "Hurricane")."""
    if not word[:1].isupper() or word.isupper() or word in _HONORIFICS:
        return False
    return not lexicon.in_dictionary(word.lower()) or lexicon.in_dictionary(word)


def _read_spellings(article: Article, piece: Piece, language: str) -> Spellings:
    lexicon = Lexicon.load(language)
    if piece.start == 0 and piece.body == 0 and piece.own == 0 and piece.own_end == len(piece.text):
        return _whole_spellings(article, lexicon)  # the whole article (offsets are its own)
    found = _by_key(article, lexicon, piece)
    return {key: {surface: (len(ms), piece.to_article(ms[0].start), any(_given_name(m.before, lexicon) for m in ms))
                  for surface, ms in forms.items()}
            for key, forms in found.items()}


def _whole_spellings(article: Article, lexicon: Lexicon) -> Spellings:
    """``_spellings`` of the article's mentions: counted by the lexicon's ``NameWords`` in the
    native core where the text's words are all ASCII (no rows made for Python to read)."""
    core = native.module()
    text = article.text
    if core is not None and ascii_words(text):
        found = _name_words(lexicon, core).spellings(text)  # type: ignore[attr-defined]
        if found is not None:
            return found  # type: ignore[no-any-return]
    return _spellings(_rows(article, lexicon), lexicon)


def _spellings(rows: Iterable[Row], lexicon: Lexicon) -> Spellings:
    """``_read_spellings`` of a whole article, in one pass over its mentions."""
    spellings: Spellings = {}
    for key, start, _, surface, _, before in rows:
        full = bool(before) and _given_name(before, lexicon)
        forms = spellings.get(key)
        if forms is None:
            spellings[key] = {surface: (1, start, full)}
            continue
        had = forms.get(surface)
        forms[surface] = (1, start, full) if had is None else (had[0] + 1, had[1], had[2] or full)
    return spellings


def _merge_spellings(parts: list[Spellings]) -> Spellings:
    if len(parts) == 1:
        return parts[0]  # a whole article (read for this call only: nothing else holds it)
    merged: Spellings = {}
    for part in parts:
        for key, forms in part.items():
            into = merged.setdefault(key, {})
            for surface, (n, first, full) in forms.items():
                had = into.get(surface)
                into[surface] = (n, first, full) if had is None else (had[0] + n, had[1], had[2] or full)
    return merged


@lru_cache(maxsize=None)
def spellings_fact(language: str) -> ArticleFact[Spellings, Spellings]:
    """Every spelling of every name in the article: how often, and where first."""
    return ArticleFact(lambda article, piece: _read_spellings(article, piece, language), _merge_spellings)



def _distinct(forms: dict[str, tuple[int, int, bool]]) -> tuple[dict[str, int], dict[str, int], dict[str, bool], dict[str, str]]:
    """Spellings that differ beyond the case of their letters (sentence starts, "Jong-Un"):
    mentions, first offset and whether a given name came before each, and the spelling each
    lower-cased form counts as."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    full: dict[str, bool] = {}
    same_as: dict[str, str] = {}
    for surface, (n, start, given) in forms.items():
        same = same_as.setdefault(surface.lower(), surface)
        if same == surface:
            counts[surface], first[surface], full[surface] = n, start, given
        else:
            counts[same] += n
            full[same] = full[same] or given
    return counts, first, full, same_as


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
