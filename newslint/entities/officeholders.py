"""Who held which national office in recent years (``rules/entities/officeholders.tsv``), and
how a written name compares with a holder's: same person, a garbled mix, or someone else."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

from newslint.checks.transliteration import normalise
from newslint.datacache import cached, modules
from newslint.packs import packs_dir

OFFICES = ("president", "vice-president", "prime-minister", "deputy-prime-minister", "foreign-minister")
# Particles that romanisations attach, drop or hyphenate (el-Sisi, al-Sisi, Sisi; bin Salman).
_PARTICLES = frozenset("al el ad as ash an ar at az ul ibn bin ben bint abu da de del der di du la le van von "
                       "sheikh sheikha sheik shaikh dr mr mrs ms jr sr ii iii".split())
_NICKNAMES = (
    ("joe", "joseph"), ("bill", "william"), ("bob", "robert"), ("jim", "james"), ("mike", "michael"),
    ("tony", "anthony"), ("tony", "antony"), ("dick", "richard"), ("andy", "andrew"), ("alex", "alexander"),
    ("nick", "nicholas"), ("ben", "benjamin"), ("dave", "david"), ("steve", "stephen"), ("steve", "steven"),
    ("tom", "thomas"), ("ted", "edward"), ("ed", "edward"), ("liz", "elizabeth"), ("jack", "john"),
    ("bibi", "benjamin"),
    # Russian and Ukrainian forms of one name (Vladimir Zelensky, Volodymyr Zelenskyy)
    ("vladimir", "volodymyr"), ("alexander", "oleksandr"), ("aleksandr", "oleksandr"), ("alexei", "oleksii"),
    ("aleksei", "oleksii"), ("dmitri", "dmytro"), ("andrei", "andrii"), ("sergei", "serhii"), ("mikhail", "mykhailo"),
    ("nikolai", "mykola"), ("pyotr", "petro"), ("pavel", "pavlo"), ("grigori", "hryhorii"), ("yuri", "yurii"),
)


@cache
def _same_names() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(normalise(n) for n in pair) for pair in _NICKNAMES)


@cache
def _other_forms() -> dict[str, frozenset[str]]:
    """Each name in ``_same_names`` -> the names it is paired with there (for ``same_part``:
    ``b in _other_forms()[a]`` exactly when ``frozenset((a, b)) in _same_names()``, a != b)."""
    out: dict[str, set[str]] = {}
    for pair in _same_names():
        for name in pair:
            out.setdefault(name, set()).update(pair - {name})
    return {name: frozenset(others) for name, others in out.items()}


@dataclass(frozen=True)
class Holder:
    """One holder of one office of one country, as one source spells the name."""

    country: str  # countryinfo's lower-case key ("egypt", "united states")
    office: str
    name: str
    years: str  # "2014-", "2019-2022", "2019" (the CIA snapshot)
    source: str

    @cached_property
    def parts(self) -> tuple[str, ...]:
        """``name_parts`` of the name, read once per holder."""
        return name_parts(self.name)

    @property
    def term(self) -> str:
        """'since 2014', 'in 2019', '2018-2020'."""
        first, _, last = self.years.partition("-")
        if not _:
            return f"in {first}"
        return f"since {first}" if not last else f"{first}-{last}"


@cache
def holders(path: Path | None = None) -> dict[str, tuple[Holder, ...]]:
    """Every holder by office (read once per process)."""
    path = path or packs_dir() / "entities" / "officeholders.tsv"
    by_office: dict[str, list[Holder]] = {office: [] for office in OFFICES}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            country, office, name, years, source = line.split("\t")
            by_office[office].append(Holder(country, office, name, years, source))
    return {office: tuple(found) for office, found in by_office.items()}


@lru_cache(maxsize=4096)  # a written name is compared with each holder that could match it
def name_parts(name: str) -> tuple[str, ...]:
    """A name's parts as transliteration-neutral keys, particles and initials dropped:
    'Abdel Fattah el-Sisi' -> ('abdel', 'fatta', 'sisi'); 'Joseph R. Biden' -> ('joseph', 'biden')."""
    out = []
    for word in re.split(r"[\s\-‐]+", name):
        word = word.strip(".,'’")
        low = word.lower()
        if not word or low in _PARTICLES or len(word.rstrip(".")) == 1:
            continue
        if low[:3] in ("al-", "el-"):
            low = low[3:]
        out.append(normalise(low))
    return tuple(out)


def _within(a: str, b: str, limit: int) -> bool:
    """Whether the Levenshtein distance of a and b is at most ``limit``: a shared beginning
    and end cost nothing, and the rows stop once every alignment costs more (a row's
    least value never falls in the rows below it)."""
    if abs(len(a) - len(b)) > limit:
        return False
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return len(a) + len(b) <= limit
    if limit == 1:  # what is left differs in its first and last letters: one substitution at most
        return len(a) == 1 and len(b) == 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def same_part(a: str, b: str) -> bool:
    """Whether two name parts are one name in two romanisations ('abdul'/'abdel', 'joe'/'joseph')."""
    if a == b or b in _other_forms().get(a, ()):
        return True
    if a[2:] == b and a[:2] in ("al", "el") or b[2:] == a and b[:2] in ("al", "el"):
        return True  # the article run in: Elsisi, el-Sisi
    shortest = min(len(a), len(b))
    if shortest < 4:
        return False
    limit = 1 if shortest < 7 else 2
    return abs(len(a) - len(b)) <= limit and _within(a, b, limit)


def _matched(parts: tuple[str, ...], holder: tuple[str, ...]) -> list[frozenset[int]]:
    """For each written part, the holder's parts it matches: one ('Sisi'), two run together
    ('Abdelfattah' for 'Abdel Fattah'), or one it spells run together with the written part
    beside it ('Abdel' 'Fattah' for 'Abdelfattah'; only close spellings when run together)."""

    def close(a: str, b: str) -> bool:
        return a == b or min(len(a), len(b)) >= 4 and _within(a, b, 1)

    def near(size: int, b: str) -> bool:  # whether a string of ``size`` letters can be close to b
        return -1 <= size - len(b) <= 1

    out = []
    for i, part in enumerate(parts):
        found = {k for k, h in enumerate(holder) if same_part(part, h)}
        for k in range(len(holder) - 1):
            if near(len(part) - len(holder[k]), holder[k + 1]) and close(part, holder[k] + holder[k + 1]):
                found |= {k, k + 1}
        if not found and i + 1 < len(parts):
            size = len(part) + len(parts[i + 1])
            found = {k for k, h in enumerate(holder) if near(size, h) and close(part + parts[i + 1], h)}
        if not found and i > 0:
            size = len(parts[i - 1]) + len(part)
            found = {k for k, h in enumerate(holder) if near(size, h) and close(parts[i - 1] + part, h)}
        out.append(frozenset(found))
    return out


@cache
def _by_country() -> dict[str, list[Holder]]:
    """Every office's holders by country, in the data's order."""
    out: dict[str, list[Holder]] = {}
    for found in holders().values():
        for holder in found:
            out.setdefault(holder.country, []).append(holder)
    return out


def family_names(country: str) -> frozenset[str]:
    """Surnames two different holders of the country's offices share (Al Sabah, Al Nahyan,
    Assad, Marcos): alone they do not say which holder is meant."""
    return _family_names().get(country, frozenset())


@cache
def _family_names() -> dict[str, frozenset[str]]:
    """Every country's ``family_names``, built once into the data cache (newslint/datacache.py):
    read in well under a millisecond, where each process of a run (each worker of a big one)
    worked them out for the countries it met, 10-20 ms."""
    sources = [packs_dir() / "entities" / "officeholders.tsv",
               *modules("entities/officeholders.py", "checks/transliteration.py")]
    return cached("family-names", sources, lambda: {country: _shared_surnames(country) for country in _by_country()})


def _shared_surnames(country: str) -> frozenset[str]:
    """``family_names`` worked out from the holders."""
    people: dict[str, list[Holder]] = {}
    for holder in _by_country().get(country, ()):
        if holder.parts:
            people.setdefault(holder.parts[-1], []).append(holder)
    return frozenset(
        surname for surname, found in people.items()
        if any(verdict(a.name, b) != "same" for a in found for b in found if a is not b)
    )


def verdict(written: str, holder: Holder, family: frozenset[str] = frozenset(), strict: bool = False) -> str:
    """'same' (the holder, perhaps with a middle name added or dropped), 'mixed' (shares the
    surname, unless ``family`` lists it, or most parts, but another part at either end is in
    none of the holder's names), or 'other'. ``strict``: the surname must be spelt as the
    holder's (after normalising), not only close to it (Browne is not Brown)."""
    parts, own = name_parts(written), holder.parts
    if len(parts) < 2 or not own:
        return "other"
    matched = _matched(parts, own)
    if matched[0] and matched[-1]:
        return "same"
    if not any(matched):
        return "other"
    last, surname = parts[-1], own[-1]
    anchored = (last == surname or last[2:] == surname and last[:2] in ("al", "el")) if strict \
        else same_part(last, surname)
    by_surname = anchored and len(surname) >= 4 and surname not in family
    names = {own[k] for k in frozenset().union(*matched)} - family  # the holder's names it has
    shared = min(len(names), sum(1 for found in matched if found))
    most = shared >= 2 and 2 * shared >= len(own)
    return "mixed" if by_surname or most else "other"
