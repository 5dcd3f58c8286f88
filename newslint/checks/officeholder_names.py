"""A national office-holder named with a garbled mix of names ("Egyptian President Hosni Sisi",
"Vietnamese Prime Minister Pham Minh Zheng")."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from newslint.article import Article
from newslint.country_facts import countries
from newslint.datacache import WithBlob, cached, modules
from newslint.diagnostic import Finding, Severity
from newslint.entities.officeholders import OFFICES, Holder, _same_names, family_names, holders, name_parts, verdict
from newslint.packs import packs_dir
from newslint.required_literals import Presence, fold, required
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.trie_pattern import trie

_TITLES = (
    ("deputy-prime-minister", r"(?:first\s+)?(?:deputy\s+prime\s+minister|deputy\s+premier|vice[- ]premier)"),
    ("vice-president", r"vice[- ]president"),
    ("prime-minister", r"prime\s+minister|premier(?!\s+league)|chancellor(?!\s+of\b)"),
    ("foreign-minister", r"foreign\s+(?:affairs\s+)?minister|foreign\s+secretary|secretary\s+of\s+state(?!\s+for\b)"
                         r"|minister\s+(?:of|for)\s+foreign\s+affairs"),
    ("president", r"president"),
)
_TITLE_SOURCE = r"\b(?:" + "|".join(f"(?P<{o.replace('-', '_')}>{rx})" for o, rx in _TITLES) + r")\b"
# Case-sensitive, searched in the folded text (required_literals.fold: lower-cased one
# character for one, as a case-insensitive regex compares): the matches of the pattern
# with re.I in the text, found quicker.
_TITLE_FOLDED = re.compile(_TITLE_SOURCE)
# The first word of every title ("first" deputy prime minister, "secretary" of state): the
# title regex is tried only where one stands (``_titles``). No two of them can overlap in a
# text (none ends with letters another, or itself, starts with), so each one's occurrences,
# found by str.find, are where a tree of them would match (tests/test_officeholder_names.py).
_FIRST_WORDS = ("chancellor", "deputy", "first", "foreign", "minister", "premier", "president", "prime", "secretary", "vice")
# A name: two to five capitalised words (particles and initials inside: "Abdel Fattah el-Sisi",
# "Joseph R. Biden"); a possessive ending is left out.
_WORD = r"(?:(?:[ae]l|a[dnrstz])-)?[A-Z][^\W\d_]*(?:[-‐][A-Z]?[^\W\d_]+|['’](?![sS]\b)[^\W\d_]+)*"
_GLUE = r"(?:[ \u00a0]+(?:(?:al|el|bin|ibn|van|von|de|der|da|di|du|le|la)[ \u00a0]+)?|[ \u00a0]+[A-Z]\.[ \u00a0]+)"
_NAME = re.compile(rf"{_WORD}(?:{_GLUE}{_WORD}){{1,4}}(?![^\W\d_]|['’](?![sS]\b))")
_NAME_BEFORE = re.compile(rf"({_WORD}(?:{_GLUE}{_WORD}){{1,4}}),[ \u00a0]+(?:the[ \u00a0]+)?$")
_GAP = re.compile(r",?[ \u00a0]+")
_OF = re.compile(r"[ \u00a0]+of[ \u00a0]+")
_OF_THE = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?")
_NAME_NEAR_BEFORE = re.compile(rf"{_WORD},[ \u00a0]+[^,;.]{{0,40}}$")
_NOT_NAME = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December The On In At And But Said Says On Has Had Was Is Will".split()
)
_PAST = re.compile(r"\b(?:former|ex|late|then|onetime|one-time|previous|ousted|deposed|future|next|would-be)\W+"
                   r"(?:[A-Z][\w.-]*['’]?s?\W+)?$", re.I)
_EXTRA_FORMS = {
    "united states": ("US", "U.S.", "America", "American"),
    "united kingdom": ("UK", "Britain", "British"),
    "republic of ireland": ("Ireland", "Irish"),
    "macedonia": ("North Macedonia", "Macedonian"),
    "vietnam": ("Viet Nam",),
    "china": ("Chinese",),
    "philippines": ("Philippine",),
}


@cache
def _country_words() -> dict[str, Any]:
    """``_countries`` and the country and evidence regexes as their patterns and the words
    they find, worked out once into the data cache (newslint/datacache.py): each process of
    a run (each worker of a big one) that meets a title read the holders and built the
    two trees of about 1,500 words, about 10 ms; the regexes' programs are kept by
    newslint/regex_cache.py."""
    from newslint.country_facts import package_stamp

    sources = [packs_dir() / "entities" / "officeholders.tsv",
               *modules("checks/officeholder_names.py", "entities/officeholders.py", "trie_pattern.py", "country_facts.py")]
    return cached("officeholder-countries", sources, _built_country_words, extra=package_stamp())


def _built_country_words() -> dict[str, Any]:
    """What ``_country_words`` keeps: the countries, and each regex's pattern and words."""
    return {"countries": _countries_afresh(), "country": _words_pattern(_country_owner()),
            "evidence": _words_pattern(_evidence_owner())}


def _countries() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Country key -> (display name, the words that name it or its people)."""
    return _country_words()["countries"]  # type: ignore[no-any-return]


def _countries_afresh() -> dict[str, tuple[str, tuple[str, ...]]]:
    """``_countries`` worked out from the holders and the country facts."""
    info = countries()
    out = {}
    for key in {h.country for found in holders().values() for h in found}:
        data = info.get(key, {})
        name = str(data.get("name") or key.title())
        forms = {name, key.title(), *(_EXTRA_FORMS.get(key, ()))}
        if data.get("demonym"):
            forms.add(str(data["demonym"]))
        out[key] = (name, tuple(sorted(forms, key=len, reverse=True)))
    return out


@cache
def _country_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over every country form, and form -> country key."""
    return _words_regex(_country_words()["country"])


def _country_owner() -> dict[str, str]:
    """Every country form -> its country key."""
    return {form: key for key, (_, forms) in _countries_afresh().items() for form in forms}


def _words_regex(pattern_owner: tuple[str, dict[str, str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    """``_words_pattern``'s pattern compiled, and its dict."""
    pattern, owner = pattern_owner
    return re.compile(pattern), owner


def _words_pattern(owner: dict[str, str]) -> tuple[str, dict[str, str]]:
    """A regex pattern matching any of the words as a whole, and the dict it was built from.
    The words are a tree of their letters (newslint/trie_pattern.py): at each position ``re``
    follows one branch, not a thousand words, and it still tries the longest word first (a
    tree's branches hold the longer words, its optional end the shorter one), as the
    alternation of the words longest first that ``_alternation`` spells out does."""
    return rf"(?<![\w.])(?:{trie(list(owner))})(?![\w])", owner


def _alternation(owner: dict[str, str]) -> re.Pattern[str]:
    """``_words_regex``'s regex spelt as an alternation of the words, longest first (its
    definition, for tests)."""
    alternation = "|".join(re.escape(f) for f in sorted(owner, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")


def _country_before(text: str, start: int) -> tuple[str | None, int]:
    """The country named right before a title ("Egyptian ", "Egypt's ", "the US "), and where
    the whole phrase starts."""
    regex, owner = _country_regex()
    window = text[max(0, start - 40):start]
    best = None
    for m in regex.finditer(window):
        if re.fullmatch(r"(?:['’]s)?[ \u00a0]+(?:(?:new|acting|interim|incumbent|current)[ \u00a0]+)?", window[m.end():]):
            best = m
    if best is None:
        return None, start
    return owner[best.group()], start - len(window) + best.start()


def _country_after(text: str, end: int) -> tuple[str | None, int]:
    """The country in 'President of Egypt', and where it ends."""
    regex, owner = _country_regex()
    m = _OF_THE.match(text, end)
    if not m:
        return None, end
    country = regex.match(text, m.end())
    return (owner[country.group()], country.end()) if country else (None, end)


_JOINED_WORD = re.compile(r"-(?:has|had|was|is|and|who|which|said|says|will|led|the|to)$")


def _trim(name: str) -> str:
    """The name without a trailing word that is no name ('Xi Jinping Tuesday', 'Donald
    Trump-has' where a dash lost its spaces)."""
    words = _JOINED_WORD.sub("", name).split()
    while words and words[-1] in _NOT_NAME:
        words.pop()
    return " ".join(words)


@cache
def _title_words() -> frozenset[str]:
    """Text every title match contains ("president", "minister", ...)."""
    return required(_TITLE_SOURCE) or frozenset({""})


def _mentions(text: str, folded: str | None = None) -> Iterable[tuple[str, str, int, int, str | None]]:
    """(office, name as written, start, end, country or None) of each person given a national
    office title; the span covers title and name. ``folded`` is ``fold(text)`` if known."""
    if folded is None:
        folded = fold(text)
    for m in _titles(folded):
        gap = _GAP.match(text, m.end())
        if not (gap and _NAME.match(text, gap.end())) and not _OF.match(text, m.end()) \
                and not _NAME_NEAR_BEFORE.search(text, max(0, m.start() - 120), m.start()):
            continue  # no name beside the title ("the president said"): no country data is read
        office = next(o for o, _ in _TITLES if m.group(o.replace("-", "_")))
        country, start = _country_before(text, m.start())
        if _PAST.search(text, max(0, start - 20), start):
            continue
        after_country, title_end = _country_after(text, m.end())
        country = country or after_country
        gap = _GAP.match(text, title_end)
        name = _NAME.match(text, gap.end()) if gap else None
        written = _trim(name.group()) if name else ""
        if _two_words(written):
            yield office, written, start, gap.end() + len(written), country
            continue
        before = _NAME_BEFORE.search(text, max(0, start - 80), start)  # "Hosni Sisi, Egypt's president"
        if before and (country or text[m.start()].islower()):
            written = _trim(before.group(1))
            if _two_words(written):
                yield office, written, before.start(), title_end, country


def _titles(folded: str) -> Iterator[re.Match[str]]:
    """``_TITLE_FOLDED.finditer(folded)``: the title regex tried only where one of the first
    words stands. Every title starts with one, and a first word found inside another word
    (all are letters) cannot cover the start of one after a non-word character. (Asked only
    of a text holding a title's word: there the shared prefilter's scan of the folded text,
    which no other rule reads, cost more than the search it could spare.)"""
    title, end = _TITLE_FOLDED, 0
    for start in _first_words(folded):
        if start >= end:
            m = title.match(folded, start)
            if m is not None:
                end = m.end()
                yield m


def _first_words(folded: str) -> list[int]:
    """Where a title's first word stands in the text, in order (inside other words too)."""
    starts = []
    for word in _FIRST_WORDS:
        at = folded.find(word)
        while at >= 0:
            starts.append(at)
            at = folded.find(word, at + len(word))
    starts.sort()
    return starts


def _two_words(written: str) -> bool:
    """Whether a name has a given name and a surname, neither of them a day or a plain word."""
    words = written.split()
    return len(words) >= 2 and words[0] not in _NOT_NAME


_THE = re.compile(r"(?:United|Republic|Democratic|Central African|Czech|Dominican|Philippines|Netherlands|Bahamas|Gambia"
                  r"|Maldives|Comoros|Seychelles)\b|.* Islands$")


def _possessive(country: str) -> str:
    """"Egypt's", "the United States'", "the Philippines'"."""
    return ("the " if _THE.match(country) else "") + country + ("'" if country.endswith("s") else "'s")


def _message(written: str, office: str, mixed: list[Holder]) -> str:
    """"Egypt's president since 2014 is Abdel Fattah el-Sisi: 'Hosni Sisi' mixes names"."""
    country = _possessive(_countries()[mixed[0].country][0])
    title = office.replace("-", " ")
    if len(mixed) == 1:
        return f"{country} {title} {mixed[0].term} is {mixed[0].name}: '{written}' mixes names"
    named = " and ".join(f"{h.name} ({h.term})" for h in mixed[:3])
    return f"{country} {title}s in recent years were {named}: '{written}' mixes names"


@cache
def _evidence_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """Words that show an article is about a country: its name, its people, its capital."""
    return _words_regex(_country_words()["evidence"])


def _evidence_owner() -> dict[str, str]:
    """Every word that shows an article is about a country -> its country key."""
    info = countries()
    owner = {}
    for key, (_, forms) in _countries_afresh().items():
        capital = str(info.get(key, {}).get("capital") or "")
        for form in (*forms, *(f + "s" for f in forms if f[-1].islower() and f[-1] != "s"), capital):
            if len(form) > 2:
                owner[form] = key
    return owner


class GarbledOfficeholderName(Rule):
    info = RuleInfo(
        code="EN025",
        name="garbled-officeholder-name",
        category="entity",
        severity=Severity.WARNING,
        summary="Flags a president, prime minister or foreign minister named with a mix of names (\"Egyptian President Hosni Sisi\").",
        why=(
            "Machine translation garbles the names of well-known office-holders: it back-translates "
            "a transliterated name (Pham Minh Chinh through Chinese becomes 'Pham Minh Zheng') or "
            "fills in the given name of a better-known predecessor (Abdel Fattah al-Sisi becomes "
            "'Hosni Sisi', with Mubarak's given name). The rule reads a name given a national "
            "title ('Egyptian President ...', \"Egypt's president, ...\", '..., the Egyptian "
            "president', or a bare 'President ...' in an article that names the country) and "
            "compares it with everyone who held that office in recent years (Wikidata 2022, the CIA "
            "World Leaders list of 2019 and a few later holders: rules/entities/officeholders.tsv). "
            "It flags the name when it shares the holder's surname, or most of the holder's name, "
            "but its first or last part belongs to none of the holder's names, after normalising "
            "romanisation (Abdul/Abdel, el-Sisi/al-Sisi, Zelensky/Zelenskyy, Joe/Joseph). Middle "
            "names and initials may be added or left out ('Joseph R. Biden'); a name that shares "
            "nothing with a holder, a family member named without the title ('Hunter Biden') and a "
            "former holder ('former President ...') are left alone. Check the name against the "
            "person's own spelling."
        ),
        examples=Examples(
            fail=(
                "Protests grow\n\nEgyptians were urged to march against Egyptian President Hosni Sisi on Friday.",
                "Talks in Hanoi\n\nVietnamese Prime Minister Pham Minh Zheng met the delegation.",
                "Protests grow\n\nCrowds in Cairo called on President Hosni Sisi to step down.",
                "Talks in Hanoi\n\nThe visitors met Pham Minh Zheng, Vietnam's prime minister, on Monday.",
            ),
            ok=(
                "Protests grow\n\nEgyptian President Abdul Fattah al-Sisi spoke in Cairo.",
                "Protests grow\n\nEgypt's president, Abdel-Fattah el-Sisi, spoke in Cairo.",
                "Visit ends\n\nUS President Joseph R. Biden met Ukrainian President Volodymyr Zelenskyy.",
                "Visit ends\n\nUS President Joe Biden spoke; Hunter Biden and Ivanka Trump did not.",
                "Visit ends\n\nRussian Foreign Minister Sergei Lavrov met Chinese President Xi Jinping.",
                "Visit ends\n\nIndian Prime Minister Narendra Damodardas Modi met President Sisi.",
                "Visit ends\n\nFormer Egyptian President Hosni Mubarak died; the former US President Bill Clinton spoke.",
            ),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text, folded = article.text, Presence.of(article).folded
        if not any(word in folded for word in _title_words()):
            return
        named_countries: set[str] | None = None
        for office, written, start, end, country in _mentions(text, folded):
            verdicts = _verdicts(office, written, country)
            if any(v == "same" for v, _ in verdicts):
                continue
            mixed = [h for v, h in verdicts if v == "mixed"]
            if country is None and mixed:  # a bare title: the holder's country must be in the article
                if named_countries is None:
                    regex, owner = _evidence_regex()
                    named_countries = {owner[m.group()] for m in regex.finditer(text)}
                mixed = [h for h in mixed if h.country in named_countries]
                if len({h.country for h in mixed}) != 1:
                    continue
            if mixed:
                mixed = _one_per_person(mixed)
                yield Finding(start, end, _message(written, office, mixed), tuple(h.name for h in mixed))


@lru_cache(maxsize=4096)
def _verdicts(office: str, written: str, country: str | None) -> tuple[tuple[str, Holder], ...]:
    """``verdict`` of the name against each holder of the office (of the country, if one is
    named) it could match, in the data's order; kept per name, as newsrooms name the same
    office-holders article after article (about 60% of the mentions in BBC articles read
    after the first 300 were read before)."""
    candidates = [h for h in _could_match(office, written) if country is None or h.country == country]
    return tuple((verdict(written, h, family_names(h.country), strict=country is None), h) for h in candidates)


def _one_per_person(found: list[Holder]) -> list[Holder]:
    """One spelling per person (Wikidata's before the CIA's), in the data's order."""
    out: list[Holder] = []
    for holder in sorted(found, key=lambda h: h.source.startswith("cia")):
        if not any(verdict(holder.name, kept) == "same" for kept in out):
            out.append(holder)
    return out


def _deletions(word: str, depth: int) -> set[str]:
    """The word with up to ``depth`` letters deleted: two words within that many edits of each
    other share one of these (a substitution deletes the letter from both)."""
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def _holder_index(office: str) -> "dict[str, tuple[int, ...]] | _Positions":
    """Deletion variants of each holder's name parts (up to two letters, as ``same_part``
    allows) and of each two parts run together (one letter, as ``verdict`` allows) -> the
    holders of the office, by position, that have them (read with ``get``)."""
    tables = _holder_tables()
    return tables[office] if tables is not None else _holder_indexes()[office]


def _index_sources() -> list[Path]:
    return [packs_dir() / "entities" / "officeholders.tsv",
            *modules("checks/officeholder_names.py", "entities/officeholders.py", "checks/transliteration.py")]


@cache
def _holder_indexes() -> dict[str, dict[str, tuple[int, ...]]]:
    """Every office's ``_holder_index`` as a dict, built once into the data cache
    (newslint/datacache.py) and read from it in about 45 ms (84,000 keys); building them
    takes about 200 ms."""
    return cached("holder-index", _index_sources(), lambda: {office: _built_index(office) for office in OFFICES})


class _Positions:
    """An office's ``_holder_index`` in a native word table (native/src/word_table.rs): each
    key's number of the positions it has, and the positions by number."""

    __slots__ = ("table", "found")

    def __init__(self, table: Any, found: tuple[tuple[int, ...], ...]) -> None:
        self.table, self.found = table, found

    def get(self, key: str, default: tuple[int, ...] = ()) -> tuple[int, ...]:
        number = self.table.get(key)
        return default if number is None else self.found[number]


@cache
def _holder_tables() -> dict[str, _Positions] | None:
    """Every office's ``_holder_index`` as a native word table, built once into the data cache
    and read in place from its mapped file: each process of a run (each worker of a big one)
    that meets an office-holder's title sets them up in well under a millisecond, where the
    dicts took about 45 ms to read, for the hundred or so names a worker looks up. None
    without the native core (or if the tables cannot be built): the dicts then."""
    from newslint import native

    core = native.module()
    if core is None:
        return None
    try:
        head, blob = cached("holder-tables", _index_sources(), lambda: _built_tables(core), extra=f"abi {native.ABI}")
        view = memoryview(blob)  # the mapped cache file: held by the tables, not copied
        return {office: _Positions(core.WordTable(view[start:end]), found) for office, (start, end, found) in head.items()}
    except Exception:  # noqa: BLE001 - the dicts answer the same, only slower to read
        return None


def _built_tables(core: Any) -> WithBlob:
    """The word tables of ``_holder_indexes``, one blob after another: office -> (start, end,
    each distinct tuple of positions once), and the blob."""
    head: dict[str, tuple[int, int, tuple[tuple[int, ...], ...]]] = {}
    blobs: list[bytes] = []
    at = 0
    for office, index in _holder_indexes().items():
        found = tuple(dict.fromkeys(index.values()))
        number = {positions: i for i, positions in enumerate(found)}
        blob = core.WordTable.build(list(index), ints=[number[positions] for positions in index.values()])
        head[office] = (at, at + len(blob), found)
        blobs.append(blob)
        at += len(blob)
    return WithBlob(head, b"".join(blobs))


def _built_index(office: str) -> dict[str, tuple[int, ...]]:
    index: dict[str, set[int]] = {}
    for position, holder in enumerate(holders()[office]):
        own = holder.parts
        keys = {key for part in own for key in _deletions(part, 2)}
        keys |= {key for k in range(len(own) - 1) for key in _deletions(own[k] + own[k + 1], 1)}
        for key in keys:
            index.setdefault(key, set()).add(position)
    return {key: tuple(found) for key, found in index.items()}


def _could_match(office: str, written: str) -> list[Holder]:
    """The holders of the office one of whose name parts a part of the written name could
    match (spelt within two letters, a nickname, two parts run together on either side), in
    the data's order: ``verdict`` finds every other holder 'other', as it needs a matched part."""
    parts = name_parts(written)
    if len(parts) < 2:
        return []
    keys: set[str] = set()
    for i, part in enumerate(parts):
        keys |= _deletions(part, 2)
        keys |= {other for pair in _same_names() if part in pair for other in pair}
        if i + 1 < len(parts):
            keys |= _deletions(part + parts[i + 1], 1)
    index = _holder_index(office)
    positions = sorted({position for key in keys for position in index.get(key, ())})
    everyone = holders()[office]
    return [everyone[position] for position in positions]
