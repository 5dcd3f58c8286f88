"""Build rules/entities/officeholders.tsv: who held which national office in recent years.

Usage: python benchmarks/build_officeholders.py

Reads, in place, ../shared/data/entities/ (SOURCES.md section 8): the Wikidata heads of state
and government (2022) and foreign ministers (2022), the Wikidata Chinese and Russian
office-holders since about 2000 (CC0), and the CIA World Leaders list of June 2019 (US
Government work, public domain). Writes one line per (country, office, holder): the shipped
table EN025 (garbled-officeholder-name) reads. Country adjectives come from the countryinfo
package at run time, not from this table.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA  # noqa: E402

ENTITIES = DATA / "entities"
OUT = Path(__file__).resolve().parent.parent / "rules" / "entities" / "officeholders.tsv"

# Data labels -> the country name countryinfo knows (lower case).
COUNTRY = {
    "people's republic of china": "china", "united states of america": "united states",
    "united kingdom": "united kingdom", "kingdom of the netherlands": "netherlands",
    "korea, south": "south korea", "korea, north": "north korea", "republic of korea": "south korea",
    "democratic people's republic of korea": "north korea", "congo, republic of the": "republic of the congo",
    "congo, democratic republic of the": "democratic republic of the congo", "russian federation": "russia",
    "burma": "myanmar", "czechia": "czech republic", "the bahamas": "bahamas", "bahamas, the": "bahamas",
    "gambia, the": "gambia", "the gambia": "gambia", "micronesia, federated states of": "micronesia",
    "state of palestine": "palestine", "kingdom of denmark": "denmark", "ivory coast": "ivory coast",
    "cote d'ivoire": "ivory coast", "côte d'ivoire": "ivory coast", "east timor": "east timor",
    "timor-leste": "east timor", "eswatini": "swaziland", "north macedonia": "macedonia",
    "cabo verde": "cape verde", "vatican city": "vatican city", "holy see": "vatican city",
}


# Holders the 2019 and 2022 snapshots miss, written by hand (copy from 2019-2023 names them):
# the US administration before 2021 (the CIA list has no US entry) and the changes of 2022-23.
BY_HAND = [
    ("united states", "president", "Donald Trump", "2017-2021"),
    ("united states", "president", "Barack Obama", "2009-2017"),
    ("united states", "vice-president", "Mike Pence", "2017-2021"),
    ("united states", "vice-president", "Kamala Harris", "2021-"),
    ("united states", "foreign-minister", "Mike Pompeo", "2018-2021"),
    ("united states", "foreign-minister", "Rex Tillerson", "2017-2018"),
    ("united kingdom", "prime-minister", "Rishi Sunak", "2022-2024"),
    ("united kingdom", "foreign-minister", "Dominic Raab", "2019-2021"),
    ("united kingdom", "foreign-minister", "Liz Truss", "2021-2022"),
    ("china", "prime-minister", "Li Qiang", "2023-"),
    ("china", "foreign-minister", "Qin Gang", "2022-2023"),
    ("china", "vice-president", "Han Zheng", "2023-"),
    ("china", "deputy-prime-minister", "Ding Xuexiang", "2023-"),
    ("china", "deputy-prime-minister", "He Lifeng", "2023-"),
    ("china", "deputy-prime-minister", "Zhang Guoqing", "2023-"),
    ("china", "deputy-prime-minister", "Liu Guozhong", "2023-"),
    ("vietnam", "president", "Vo Van Thuong", "2023-2024"),
    ("philippines", "president", "Ferdinand Marcos Jr.", "2022-"),
    # Earlier holders who share a surname with a recent one: older copy names them rightly.
    ("philippines", "president", "Ferdinand Marcos", "1965-1986"),
    ("philippines", "president", "Benigno Aquino III", "2010-2016"),
    ("philippines", "president", "Corazon Aquino", "1986-1992"),
    ("syria", "president", "Hafez al-Assad", "1971-2000"),
    ("united arab emirates", "president", "Zayed bin Sultan Al Nahyan", "1971-2004"),
    ("gabon", "president", "Omar Bongo", "1967-2009"),
    ("azerbaijan", "president", "Heydar Aliyev", "1993-2003"),
    ("kenya", "president", "Jomo Kenyatta", "1964-1978"),
    ("canada", "prime-minister", "Pierre Trudeau", "1968-1984"),
    ("pakistan", "prime-minister", "Nawaz Sharif", "2013-2017"),
    ("sri lanka", "president", "Mahinda Rajapaksa", "2005-2015"),
    ("singapore", "prime-minister", "Lee Kuan Yew", "1959-1990"),
    ("greece", "prime-minister", "Konstantinos Mitsotakis", "1990-1993"),
    ("togo", "president", "Gnassingbe Eyadema", "1967-2005"),
    ("chad", "president", "Idriss Deby", "1990-2021"),
    ("democratic republic of the congo", "president", "Laurent-Desire Kabila", "1997-2001"),
    ("democratic republic of the congo", "president", "Joseph Kabila", "2001-2019"),
    ("north korea", "president", "Kim Il-sung", "1972-1994"),
]


NATIONAL = {"President", "Vice President", "Prime Minister", "Premier of the State Council", "Deputy Prime Minister",
            "First Deputy Prime Minister", "Vice Premier of the State Council", "Minister of Foreign Affairs"}


def office_of(position: str) -> str | None:
    """The office a position label names: president, vice-president, prime-minister,
    deputy-prime-minister or foreign-minister (None for monarchs, regional posts and the rest)."""
    p = position.lower().replace("&", "and")
    if re.match(r"(?:federal )?(?:minister (?:of|for) (?:europe and )?(?:foreign|external)|foreign (?:affairs )?minister|secretary "
                r"(?:of state )?(?:for|of) foreign|secretary of state$|united states secretary of state)", p):
        return "foreign-minister"
    if re.match(r"(?:first )?(?:deputy prime minister|deputy premier|vice premier|vice-premier)\b", p):
        return "deputy-prime-minister"
    if re.match(r"(?:first )?vice[- ]president\b", p) and "congress" not in p and "court" not in p:
        return "vice-president"
    if "executive yuan" in p or re.match(r"(?:prime minister|premier|taoiseach|(?:federal )?chancellor(?! of the (?:exchequer|duchy)))\b", p) or re.match(
            r"president of the (?:government|council of ministers)", p):
        return "prime-minister"
    if re.match(r"president\b", p) and not re.search(r"court|congress|assembly|republic of (?!the)|sakha|bank", p):
        return "president"
    return None


def cia_name(name: str) -> str:
    """'Abdelfattah ELSISI' -> 'Abdelfattah Elsisi'; 'XI Jinping' -> 'Xi Jinping'."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in name.split())


def rows() -> list[tuple[str, str, str, str, str]]:
    out = []

    def add(country: str, position: str, name: str, years: str, source: str) -> None:
        office = office_of(position)
        if office and name and not re.search(r"\d|vacant", name, re.I):
            out.append((COUNTRY.get(country.lower(), country.lower()), office, " ".join(name.split()), years, source))

    for r in map(json.loads, (ENTITIES / "heads_of_state_government_wikidata_2022.jsonl").open(encoding="utf-8")):
        add(r["country"], r["position"], r["officeholder"], f"{r['start_year'] or ''}-{r['end_year'] or ''}",
            f"wikidata:{r['officeholder_qid']}")
    for r in map(json.loads, (ENTITIES / "foreign_ministers_wikidata_2022.jsonl").open(encoding="utf-8")):
        position = r["position"] if office_of(r["position"]) else "Foreign Minister"
        add(r["country"], position, r["officeholder"], f"{(r.get('start') or '')[:4]}-", f"wikidata:{r['officeholder_qid']}")
    for r in map(json.loads, (ENTITIES / "cn_ru_officeholders_wikidata_21c.jsonl").open(encoding="utf-8")):
        if r["position"] not in NATIONAL:  # not "Prime Minister of Crimea", "President of the Sakha Republic"
            continue
        add(r["country"], r["position"], r["officeholder"], f"{(r.get('start') or '')[:4]}-{(r.get('end') or '')[:4]}",
            f"wikidata:{r['officeholder_qid']}")
    for r in map(json.loads, (ENTITIES / "cia_world_leaders_2019.jsonl").open(encoding="utf-8")):
        if re.match(r"president of (?!the government|the council of ministers)", r["office"], re.I):
            continue  # "President of the Executive Yuan", "President of Legislative Council"
        add(r["country"], r["office"], cia_name(r["name_cia"]), "2019", "cia-world-leaders-2019")
    out.extend((country, office, name, years, "by-hand") for country, office, name, years in BY_HAND)
    return out


def main() -> None:
    seen: dict[tuple[str, str, str], tuple[str, str, str, str, str]] = {}
    for row in rows():
        key = row[:3]
        if key not in seen or seen[key][4].startswith("cia"):
            seen[key] = row
    lines = sorted("\t".join(row) for row in seen.values())
    header = ("# country\toffice\tholder\tyears\tsource. Built by benchmarks/build_officeholders.py from Wikidata "
              "(CC0, 2022 snapshots), the CIA World Leaders list of June 2019 (public domain) "
              "and a few 2017-2023 holders written by hand (by-hand).\n")
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} rows -> {OUT}")


if __name__ == "__main__":
    main()
