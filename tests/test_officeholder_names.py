"""EN025 garbled-officeholder-name: a national office-holder named with a mix of names."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article import Article
from newslint.config import Config
from newslint.entities.officeholders import Holder, holders, name_parts, same_part, verdict
from newslint.engine import Linter


def _flagged(body: str) -> list[str]:
    text = "Summit ends\n\n" + body
    found = Linter(Config(select=("EN025",), grammar="off")).lint(Article(text, "<t>"))
    return [d.message for d in found]


SISI = Holder("egypt", "president", "Abdel Fattah el-Sisi", "2014-", "wikidata:Q307871")


@pytest.mark.parametrize("written", ["Abdul Fattah al-Sisi", "Abdel-Fattah el-Sisi", "Abdelfattah Elsisi",
                                     "Abdel Fattah Sisi", "Abdel Fattah el-Sissi"])
def test_romanisations_of_the_holder_are_the_same_person(written):
    assert verdict(written, SISI) == "same"


@pytest.mark.parametrize("written", ["Hosni Sisi", "Mohamed el-Sisi"])
def test_another_given_name_with_the_surname_is_a_mix(written):
    assert verdict(written, SISI) == "mixed"


def test_a_middle_name_added_or_an_initial_is_the_same_person():
    biden = Holder("united states", "president", "Joe Biden", "2021-", "wikidata:Q6279")
    assert verdict("Joseph R. Biden", biden) == "same"
    modi = Holder("india", "prime-minister", "Narendra Modi", "2014-", "wikidata:Q1058")
    assert verdict("Narendra Damodardas Modi", modi) == "same"


def test_sharing_only_a_given_name_is_someone_else():
    biden = Holder("united states", "president", "Joe Biden", "2021-", "wikidata:Q6279")
    assert verdict("Joe Smith", biden) == "other"
    assert verdict("Biden", biden) == "other"  # one word says nothing about the given name


def test_a_family_surname_alone_does_not_anchor_a_mix():
    sabah = Holder("kuwait", "prime-minister", "Ahmed Nawaf Al-Ahmad Al-Sabah", "2022-", "wikidata:Q1")
    assert verdict("Saad al-Abdulla al-Sabah", sabah) == "mixed"
    assert verdict("Saad al-Abdulla al-Sabah", sabah, frozenset(name_parts("Sabah"))) == "other"


def test_two_written_parts_run_together_count_once():
    xi = Holder("china", "vice-president", "Xi Jinping", "2008-2013", "wikidata:Q15031")
    assert verdict("Xi Jin-ping", xi) == "same"
    assert verdict("Peng Jie-ning", xi) == "other"


def test_a_repeated_family_name_is_not_most_of_a_name():
    sabah = Holder("kuwait", "prime-minister", "Muhammad Sabah Al-Salem Al-Sabah", "2022-2022", "wikidata:Q1")
    assert verdict("Saad al-Abdulla al-Sabah", sabah, frozenset(name_parts("Sabah"))) == "other"


def test_name_parts_drop_particles_honorifics_and_initials():
    assert name_parts("Sheikh Abdel Fattah el-Sisi") == name_parts("Abdel Fattah Sisi")
    assert name_parts("Joseph R. Biden Jr.") == ("joseph", "biden")


@pytest.mark.parametrize("a,b", [("Vladimir", "Volodymyr"), ("Joe", "Joseph"), ("Abdul", "Abdel"),
                                 ("Moustafa", "Mostafa")])
def test_one_name_in_two_forms(a, b):
    assert same_part(name_parts(a)[0], name_parts(b)[0])


def test_the_shipped_table_knows_recent_holders():
    presidents = {h.name for h in holders()["president"] if h.country == "egypt"}
    assert "Abdel Fattah el-Sisi" in presidents
    assert {h.office for found in holders().values() for h in found} == set(holders())


@pytest.mark.parametrize("body", [
    "Egyptians marched. They called on President Hosni Sisi to step down.",
    "Vietnamese Prime Minister Pham Minh Zheng met the delegation.",
    "The visitors met Pham Minh Zheng, Vietnam's prime minister, on Monday.",
    "In response, Italian Prime Minister Antonio Conte said it was feasible.",
    "According to the decision of the President of Vietnam, Nguyen Phu Chong, medals were awarded.",
    "Hosni Sisi, the Egyptian president, spoke.",
])
def test_garbled_holders_are_flagged(body):
    assert len(_flagged(body)) == 1


def test_the_message_names_the_holder_and_the_written_name():
    (message,) = _flagged("Egyptian President Hosni Sisi spoke.")
    assert message == "Egypt's president since 2014 is Abdel Fattah el-Sisi: 'Hosni Sisi' mixes names"


@pytest.mark.parametrize("body", [
    "Ukrainian President Vladimir Zelensky spoke to Russian President Vladimir Putin.",
    "Indian Prime Minister Narendra Modi's Twitter account was hacked.",
    "Former Philippine President Ferdinand Marcos hid a fortune; President Ferdinand Marcos Jr. spoke.",
    "UAE President Sheikh Zaid bin Sultan al-Nahayan met Kuwait's Prime Minister Sheikh Saad al-Abdulla al-Sabah.",
    "Budget cuts need the approval of President Hafez al-Assad, Syria said.",
    "Hunter Biden spoke; the president, Joe Biden, did not.",
    "Egyptian First Lady Intissar Amer al-Sisi spoke.",
    "Turkish President Recep Tayyip Erdogan met Kazakh President Kassym-Jomart Tokayev.",
    "President Hosni Sisi spoke.",  # a bare title in an article that never names Egypt
    "China said the US-China Trade Council Vice President Peng Jie-ning spoke.",  # not Xi Jin-ping
    "Pompeo, with the support of President Donald Trump-has become the worst in US history.",
])
def test_holders_relatives_and_earlier_holders_stay_quiet(body):
    assert _flagged(body) == []


@pytest.mark.parametrize("office,written", [
    ("president", "Hosni Sisy"), ("president", "Emanuel Macrone"), ("president", "Abdelfatah Elsisi"),
    ("president", "Joe Biden"), ("president", "Vladimir Zelensky"), ("prime-minister", "Pham Minh Zheng"),
    ("prime-minister", "Gaston Brown"),
])
def test_the_holders_compared_include_every_one_the_name_could_match(office, written):
    from newslint.checks.officeholder_names import _could_match

    could = _could_match(office, written)
    needed = [h for h in holders()[office] if verdict(written, h) != "other"]
    assert needed and all(h in could for h in needed)
    assert len(could) < len(holders()[office]) / 4  # the point: most holders are never compared


def test_within_is_the_levenshtein_bound():
    """``_within`` (a shortcut for one edit, rows cut short for more) against the whole table."""
    import random

    from newslint.entities.officeholders import _within

    def levenshtein(a: str, b: str) -> int:
        previous = list(range(len(b) + 1))
        for i, ca in enumerate(a, 1):
            current = [i]
            for j, cb in enumerate(b, 1):
                current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
            previous = current
        return previous[-1]

    rnd = random.Random(21)
    for _ in range(20_000):
        a = "".join(rnd.choice("abc") for _ in range(rnd.randint(0, 7)))
        b = "".join(rnd.choice("abc") for _ in range(rnd.randint(0, 7)))
        for limit in (1, 2):
            assert _within(a, b, limit) == (levenshtein(a, b) <= limit), (a, b, limit)


def test_holder_indexes_read_from_the_data_cache_are_those_built(tmp_path, monkeypatch):
    """EN025's name index is built once into the data cache; read back (by a later process),
    it is the index built from the holders."""
    from newslint import datacache
    from newslint.checks import officeholder_names
    from newslint.entities.officeholders import OFFICES

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    datacache._digests_in.cache_clear()
    built = {office: officeholder_names._built_index(office) for office in OFFICES}
    officeholder_names._holder_indexes.cache_clear()
    first = officeholder_names._holder_indexes()  # built and stored
    officeholder_names._holder_indexes.cache_clear()
    stored = list((tmp_path / "cache" / "compiled").glob("holder-index-*"))
    again = officeholder_names._holder_indexes()  # read back
    officeholder_names._holder_indexes.cache_clear()
    datacache._digests_in.cache_clear()
    assert first == again == built and len(stored) == 1
    assert sum(map(len, built.values())) > 10_000


def test_country_words_read_from_the_data_cache_are_those_built(tmp_path, monkeypatch):
    """EN025's countries and its two country regexes' patterns are built once into the data
    cache; read back (by a later process), they are what the holders and country facts give."""
    from newslint import datacache
    from newslint.checks import officeholder_names as on

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    datacache._digests_in.cache_clear()
    on._country_words.cache_clear()
    try:
        first = on._country_words()  # built and stored
        on._country_words.cache_clear()
        stored = list((tmp_path / "cache" / "compiled").glob("officeholder-countries-*"))
        again = on._country_words()  # read back
    finally:
        on._country_words.cache_clear()
        datacache._digests_in.cache_clear()
    assert first == again and len(stored) == 1
    assert again["countries"] == on._countries_afresh() and len(again["countries"]) > 150
    assert again["country"] == on._words_pattern(on._country_owner())
    assert again["evidence"] == on._words_pattern(on._evidence_owner())
    assert "Egyptian" in again["country"][1] and "Cairo" in again["evidence"][1]


def test_holder_tables_answer_as_the_holder_indexes(monkeypatch):
    """The native word tables of EN025's name index give every key's positions as the dicts
    do, and nothing for keys they lack; without the core the dicts are read."""
    import random

    from newslint import native
    from newslint.checks import officeholder_names
    from newslint.checks.officeholder_names import _deletions, _holder_index, _holder_indexes, _holder_tables

    tables = _holder_tables()
    if native.module() is None:
        assert tables is None
        return
    rnd = random.Random(9)
    for office, index in _holder_indexes().items():
        table = tables[office]
        assert all(table.get(key) == positions for key, positions in index.items())
        absent = {k for word in ("xqzv", "sisi", "hosnisisi", "zelenskyyy", "é", "") for k in _deletions(word, 2)}
        absent |= {"".join(rnd.choice("aeiklmnorst") for _ in range(rnd.randint(1, 9))) for _ in range(2000)}
        assert [table.get(k) for k in absent] == [index.get(k, ()) for k in absent]
        assert any(index.get(k) for k in absent) and table.get("\udc80") == ()
    monkeypatch.setattr(officeholder_names, "_holder_tables", lambda: None)
    assert _holder_index("president") is _holder_indexes()["president"]


def test_titles_are_those_the_title_regex_finds_in_the_whole_text():
    """``_titles`` tries the title regex only where a first word stands: the same matches as
    running it over the text, on titles run into words, spaced out and overlapping."""
    import random

    from newslint.checks.officeholder_names import _TITLE_FOLDED, _titles

    pieces = ["first", "deputy", "prime", "minister", "premier", "league", "vice", "-", "president", "chancellor",
              "of", "foreign", "affairs", "secretary", "state", "for", "the", " ", " ", "  ", "\n", ".", "x", "é",
              "_", "3", "vicepresident", "administer"]
    rnd = random.Random(25)
    found = 0
    for _ in range(4000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        expected = [(m.span(), m.groupdict()) for m in _TITLE_FOLDED.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _titles(text)] == expected, repr(text)
        found += bool(expected)
    assert found > 200


def test_first_words_stand_where_a_tree_of_them_matches():
    """``_first_words`` (each word's occurrences by str.find) finds where the words' tree
    regex matches in a text, in order: no two of them overlap."""
    import random

    from newslint.checks.officeholder_names import _FIRST_WORDS, _first_words
    from newslint.trie_pattern import trie

    tree = re.compile(trie(list(_FIRST_WORDS)))
    for a in _FIRST_WORDS:  # no word holds another, or ends with letters another (or itself) starts with
        assert not any(a[-k:] == b[:k] for b in _FIRST_WORDS for k in range(1, min(len(a), len(b))))
        assert not any(b != a and b in a for b in _FIRST_WORDS)
    rnd = random.Random(41)
    pieces = [*_FIRST_WORDS, "vi", "pre", "sident", "prim", "er", " ", "-", "x", "s", "administer", "service"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert _first_words(text) == [m.start() for m in tree.finditer(text)], repr(text)


def test_country_words_as_a_tree_match_as_the_words_longest_first():
    """The country and evidence regexes (the words as a tree of letters) find what the
    alternation of the words, longest first, finds: on texts of the words run together,
    cut short, spaced, possessive and dotted."""
    import random

    from newslint.checks.officeholder_names import _alternation, _country_regex, _evidence_regex

    rnd = random.Random(40)
    for regex, owner in (_country_regex(), _evidence_regex()):
        assert regex.pattern != _alternation(owner).pattern
        words = sorted(owner)
        pieces = [" ", " ", ".", "'s ", "-", "x", "s", "\u00a0", "é", "_", "3"]
        found = 0
        for _ in range(3000):
            text = "".join(rnd.choice(words)[: rnd.choice((99, 99, 3, 5))] + rnd.choice(pieces)
                           for _ in range(rnd.randint(0, 6)))
            expected = [m.span() for m in _alternation(owner).finditer(text)]
            assert [m.span() for m in regex.finditer(text)] == expected, repr(text)
            start = rnd.randint(0, len(text))
            tree, plain = regex.match(text, start), _alternation(owner).match(text, start)
            assert (tree and tree.span()) == (plain and plain.span()), repr(text)
            found += len(expected)
        assert found > 1000


def test_verdicts_are_kept_per_name_office_and_country():
    from newslint.checks.officeholder_names import _verdicts

    bare, egypt = _verdicts("president", "Hosni Sisi", None), _verdicts("president", "Hosni Sisi", "egypt")
    assert ("mixed", "egypt") in [(v, h.country) for v, h in egypt] and all(h.country == "egypt" for _, h in egypt)
    assert [h for _, h in egypt] == [h for _, h in bare if h.country == "egypt"]
    assert _verdicts("president", "Hosni Sisi", None) is bare  # read once


def test_family_names_are_the_surnames_two_holders_of_a_country_share():
    from newslint.entities.officeholders import family_names

    def plainly(country: str) -> frozenset[str]:
        people: dict[str, list[Holder]] = {}
        for found in holders().values():
            for holder in found:
                if holder.country == country and holder.parts:
                    people.setdefault(holder.parts[-1], []).append(holder)
        return frozenset(surname for surname, found in people.items()
                         if any(verdict(a.name, b) != "same" for a in found for b in found if a is not b))

    countries = sorted({h.country for found in holders().values() for h in found})
    assert [family_names(c) for c in countries] == [plainly(c) for c in countries]
    assert sum(1 for c in countries if family_names(c)) > 10 and family_names("nowhere") == frozenset()


def _plain_same_part(a: str, b: str) -> bool:
    """``same_part`` as first written: the pair looked up as a frozenset, no length test first."""
    from newslint.entities.officeholders import _same_names, _within

    if a == b or frozenset((a, b)) in _same_names():
        return True
    if a[2:] == b and a[:2] in ("al", "el") or b[2:] == a and b[:2] in ("al", "el"):
        return True
    shortest = min(len(a), len(b))
    return shortest >= 4 and _within(a, b, 1 if shortest < 7 else 2)


def _plain_matched(parts: tuple[str, ...], holder: tuple[str, ...]) -> list[frozenset[int]]:
    """``_matched`` as first written: every run-together pair compared, whatever its length."""
    from newslint.entities.officeholders import _within

    def close(a: str, b: str) -> bool:
        return a == b or min(len(a), len(b)) >= 4 and _within(a, b, 1)

    out = []
    for i, part in enumerate(parts):
        found = {k for k, h in enumerate(holder) if _plain_same_part(part, h)}
        for k in range(len(holder) - 1):
            if close(part, holder[k] + holder[k + 1]):
                found |= {k, k + 1}
        if not found and i + 1 < len(parts):
            found = {k for k, h in enumerate(holder) if close(part + parts[i + 1], h)}
        if not found and i > 0:
            found = {k for k, h in enumerate(holder) if close(parts[i - 1] + part, h)}
        out.append(frozenset(found))
    return out


_PARTS = st.text(alphabet="abcel", min_size=1, max_size=9) | st.sampled_from(
    ["joe", "joseph", "vladimir", "volodymyr", "alsisi", "sisi", "elsisi", "abdel", "fatta", "abdelfatta"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PARTS, min_size=1, max_size=4).map(tuple), st.lists(_PARTS, min_size=1, max_size=4).map(tuple))
def test_matched_parts_are_those_of_the_plain_comparison(parts: tuple[str, ...], holder: tuple[str, ...]) -> None:
    """The length tests and the nickname look-up leave ``_matched`` and ``same_part`` as they were."""
    from newslint.entities.officeholders import _matched

    assert _matched(parts, holder) == _plain_matched(parts, holder)
    assert [same_part(a, b) for a in parts for b in holder] == [_plain_same_part(a, b) for a in parts for b in holder]


def test_every_holder_pair_of_the_table_compares_as_before():
    """Every holder's name against every other holder's of the office (the table's own names)."""
    from newslint.entities.officeholders import _matched

    for office, found in holders().items():
        names = sorted({h.parts for h in found if h.parts})[:120]
        for written in names:
            for own in names:
                assert _matched(written, own) == _plain_matched(written, own), (office, written, own)
