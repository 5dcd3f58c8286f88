"""The native core (native/, Rust) gives what its pure-Python twins give, and newslint runs
without it (NEWSLINT_NATIVE=off, or not built)."""

from __future__ import annotations

import dataclasses
import json
import re
import os
import subprocess
import sys
from collections import Counter
from operator import itemgetter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import native, translation_signal

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = os.environ.get("NEWSLINT_REQUIRE_NATIVE") == "1"  # .ci/run: the build must not fail silently

core = native.module()
needs_core = pytest.mark.skipif(core is None and not REQUIRED, reason="native core not built here")

MODEL = translation_signal.load_model()
PYTHON_MODEL = dataclasses.replace(MODEL, native=None)
# Words that stem to the model's own stems, so random text is full of its phrases.
STEMS = sorted({s for f in MODEL.features for s in f.split(" ")})
WORDS = STEMS + [s + "s" for s in STEMS[::7]] + [s + "ing" for s in STEMS[::11]] + ["it's", "china’s", "well-known"]
SEPARATORS = [" ", " ", " ", ", ", ". ", ".", "!\n", "?\u2028", "\n\n", " “", "” ", '"', "\r", "\t", ":", " ; ",
              "\u00a0", "\x1c", ".\x1c", " - ", "’", "'", " İ ", "K", "\u3000", ".\u3000"]


def python_count(text: str) -> list[tuple[int, int]]:
    counts: Counter[int] = Counter()
    counts.update(map(itemgetter(0), translation_signal._walk(text, MODEL)[1]))
    return list(counts.items())


def native_count(text: str) -> list[tuple[int, int]]:
    counts: Counter[int] = Counter()
    translation_signal._count(text, MODEL, counts)
    return list(counts.items())


def test_core_is_built_where_required():
    """CI builds the core: a failed Rust build must fail the run, not fall back unseen."""
    if REQUIRED:
        assert core is not None, native.status()
        assert MODEL.native is not None
    else:
        assert (MODEL.native is None) == (core is None)


@needs_core
@pytest.mark.parametrize("path", sorted((ROOT / "fixtures").rglob("*.txt")), ids=lambda p: p.name)
def test_phrase_counts_match_python_on_fixtures(path):
    text = path.read_text(encoding="utf-8")
    assert native_count(text) == python_count(text)


@needs_core
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=60),
       st.booleans())
def test_phrase_counts_match_python_on_random_text(pieces, capitals):
    text = "".join(w + s for w, s in pieces)
    if capitals:
        text = text.title()
    assert native_count(text) == python_count(text)


@needs_core
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_phrase_counts_match_python_on_any_characters(text):
    assert native_count(text) == python_count(text)


@needs_core
@pytest.mark.parametrize("path", sorted((ROOT / "fixtures").rglob("*.txt")), ids=lambda p: p.name)
def test_signal_matches_python_on_fixtures(path):
    """The same probabilities to the last bit, and the same telling phrases."""
    text = path.read_text(encoding="utf-8")
    assert translation_signal.read(text, MODEL) == translation_signal.read(text, PYTHON_MODEL)


@needs_core
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=40, max_size=400))
def test_signal_matches_python_on_random_text(pieces):
    text = "".join(w + s for w, s in pieces)
    native_signal = translation_signal.read(text, MODEL)
    assert native_signal == translation_signal.read(text, PYTHON_MODEL)


@needs_core
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=120), st.booleans())
def test_phrase_surfaces_match_python(pieces, every):
    """The telling phrases' first surfaces, as written (lower-cased), for the wanted features."""
    text = "".join(w + s for w, s in pieces)
    wanted = set(range(len(MODEL.features))) if every else set(range(0, len(MODEL.features), 3))
    native_found = translation_signal._surfaces(text, MODEL, wanted)
    assert list(native_found.items()) == list(translation_signal._surfaces(text, PYTHON_MODEL, wanted).items())


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u200a\u200b\u2028\u202f\u3000\ufeff"
                                        "aZé\u0130\u212a,.’"), max_size=80))
def test_read_counts_words_as_str_split(text):
    """The core counts a text's words as ``len(text.split())`` (Python's white space, the
    lower-cased text's as the text's), with the counts and logits of ``read``."""
    found, logits, words = MODEL.native.read_words(text.lower())
    assert words == len(text.split())
    assert (found, logits) == tuple(MODEL.native.read(text.lower(), words))


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t\n\r\x0b\x0c\x1b\x1c\x1f\x7f\x08aZ,.'-"), max_size=80))
def test_read_counts_an_ascii_texts_words_as_str_split(text):
    """An ASCII text's words are counted byte by byte, as ``len(text.split())`` counts them."""
    assert MODEL.native.read_words(text.lower())[2] == len(text.split())


def test_model_shapes_are_checked():
    if core is None:
        pytest.skip("native core not built here")
    with pytest.raises(ValueError):
        core.FeatureTrie(["a b", "c"], [[0.1, 0.2], [0.3]], [0.0, 0.0])


def test_undecodable_input_is_counted_in_python():
    """A lone surrogate (bytes read with surrogateescape) has no UTF-8 form for the core."""
    text = "It is reported that the \udc80 momentum of the economy is reported that"
    assert native_count(text) == python_count(text) != []


def test_off_switch_and_status(monkeypatch):
    monkeypatch.setenv("NEWSLINT_NATIVE", "off")
    native.module.cache_clear()
    try:
        assert native.module() is None
        assert "off" in native.status()
    finally:
        monkeypatch.delenv("NEWSLINT_NATIVE")
        native.module.cache_clear()
    assert (native.module() is None) == (core is None)


def test_stale_build_is_ignored(monkeypatch):
    """A module left by an older build (another ABI) is not used."""
    monkeypatch.setattr(native, "ABI", native.ABI + 1)
    native.module.cache_clear()
    try:
        assert native.module() is None
        if core is not None:
            assert "stale" in native.status()
    finally:
        monkeypatch.undo()
        native.module.cache_clear()


def test_bad_feature_is_refused():
    if core is None:
        pytest.skip("native core not built here")
    with pytest.raises(ValueError):
        core.FeatureTrie(["a b", "sentence. end"])


@needs_core
def test_whole_output_is_the_same_without_the_core(tmp_path):
    """Every finding, position and signal of the fixtures, with and without the core."""
    def run(switch: str) -> dict:
        env = dict(os.environ, NEWSLINT_NATIVE=switch, NEWSLINT_CACHE_DIR=str(tmp_path / switch))
        out = subprocess.run([sys.executable, "-m", "newslint", "check", "--grammar", "off", "--no-cache",
                              "--format", "json", "--jobs", "1", str(ROOT / "fixtures")],
                             capture_output=True, text=True, env=env, cwd=ROOT)
        assert out.stdout, out.stderr
        return json.loads(out.stdout)

    with_core, without = run("on"), run("off")
    assert with_core == without
    scores = {Path(f["path"]).name: f["translation"]["score"] for f in with_core["files"]}
    assert scores["seed-article.txt"] > 0.5  # the signal was read, not left out of both


def test_build_hook_skips_without_cargo(monkeypatch, tmp_path):
    sys.path.insert(0, str(ROOT))
    try:
        import hatch_build
    finally:
        sys.path.remove(str(ROOT))
    monkeypatch.setenv("NEWSLINT_NATIVE_BUILD", "off")
    assert hatch_build.build_native(log=lambda _: None) is None
    monkeypatch.delenv("NEWSLINT_NATIVE_BUILD")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    messages: list[str] = []
    assert hatch_build.build_native(log=messages.append) is None
    assert "cargo not found" in messages[0]


# The spelling candidates' split (native/src/spelling.rs, newslint/spelling/candidates.py).

from newslint.article import Article  # noqa: E402
from newslint.ascii_words import ascii_words  # noqa: E402
from newslint.spelling import candidates  # noqa: E402

# Pieces of news copy whose word characters are all ASCII (where the core splits), with
# every context the split tells apart: possessives, hyphen chains, capitals, digits, dots,
# ellipses, addresses, quotes, dashes, non-breaking spaces and line breaks.
CANDIDATE_PIECES = [
    "the", "the", "said", "a", "I", "well-known", "co-op", "state-of-the-art", "x" * 45, "x" * 46, "ab-" * 16 + "ab",
    "it's", "dogs'", "dogs’", "don’t", "rock'n'roll", "O’Neill", "McDonald's", "The", "Paris", "Talks", "UKIP", "MPs",
    "iPhone", "YCPress", "BBC'S", "it’S", "well-Known", "Anglo-French", "-The", "a-", "-", "--", "'", "’", "‘", "“",
    "”", '"', "(", ")", "[", "]", "«", "»", "—", "–", "£5", "£", "\u00a0", "…", "...", ".", ". ", "!", "?", ",", ";",
    ":", "&", "/", "\\", "_", "3", "60m", "1990s", "12-kilometre", "3rd-party", "U.S.", "file.txt", "originall...",
    "…originally", "http://x.org/the", "www.bbc.co.uk/news", "bbc.co.uk", "a@b.com", "news.desk@bbc.co.uk", "#tag",
    "@bbc", "\n", "\n\n", "\r\n", "\t", "\u2028", "€5",
]
_NON_ASCII_WORD_CHARACTER = re.compile(r"[^\x00-\x7f\W]")
GLUE = ["", " ", " ", " ", "\n", ". ", "\u00a0", "’", "-"]


def python_split(text: str) -> tuple:
    return candidates._split_python(Article(text))


def native_split(text: str) -> tuple | None:
    return candidates._split_native(Article(text))


def python_find(text: str, monkeypatch) -> candidates.Split:
    with monkeypatch.context() as patch:
        patch.setattr(candidates, "_split_native", lambda article: None)
        return candidates._find(Article(text))


@needs_core
@pytest.mark.parametrize("path", sorted((ROOT / "fixtures").rglob("*.txt")), ids=lambda p: p.name)
def test_candidate_split_matches_python_on_fixtures(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    assert candidates._find(Article(text)) == python_find(text, monkeypatch)
    text = _NON_ASCII_WORD_CHARACTER.sub("e", text)  # the core splits only where ascii_words holds
    found = native_split(text)
    assert found == python_split(text) and len(found[0]) > 50 and found[2]


@needs_core
def test_candidate_split_gives_words_met_before_as_the_same_str(monkeypatch):
    """The core gives a word it met in an earlier text as the str it gave then (the rules'
    sets of words then find it by identity, its hash known); past the words it keeps, new
    words come as new strings, and every split is still Python's."""
    import itertools

    fresh = core.CandidateSplitter("".join(sorted(candidates._QUIET_BEFORE)), "".join(sorted(candidates._QUIET_AFTER)),
                                   candidates._OPENERS, candidates.MAX_WORD)
    first = fresh.split("the talks stall, Paris said", lambda: set())
    again = fresh.split("talks in Paris: the talks stall", lambda: set())
    assert again[1][2] is first[1][0] and again[1][0] is first[1][1] and again[2][0][1] is first[2][0][1]
    monkeypatch.setattr(candidates, "_native_splitter", lambda core: fresh)
    words = ["".join(w) for w in itertools.islice(itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=4), 9_000)]
    text = " ".join(words) + " Zebra said so. " + " ".join(words[::-1])
    assert native_split(text) == python_split(text)  # past the 4,096 words kept
    assert native_split(text) == python_split(text)


@needs_core
def test_candidate_split_reads_every_kind_of_word_as_python_does():
    text = ("Talks stall\n\n“Tje rugby,” he said. The well-known co-op’s MPs met O’Neill (Paris) in 1990s-style "
            "talks\u00a0— it's the dogs' day… U.S. file.txt x" + "y" * 50 + "\n  'Owen went. ‘Tje’ and Smith’s.")
    found = native_split(text)
    assert found == python_split(text)
    others = found[2]
    assert {(c.capitalised, c.sentence_initial, c.after_full_stop) for c in others} >= {
        (False, True, False), (True, False, False), (True, False, True), (False, False, False)}
    assert [c.word for c in others if c.text != c.word] == ["co-op", "it", "dogs", "Tje", "Smith"]
    assert found[1][:2] == ["stall", "rugby"] and found[0][0] == 6


@needs_core
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(CANDIDATE_PIECES), st.sampled_from(GLUE)), max_size=80))
def test_candidate_split_matches_python_on_random_text(pieces):
    text = "".join(w + s for w, s in pieces)
    assert ascii_words(text)
    assert native_split(text) == python_split(text)


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_candidate_split_matches_python_on_any_characters(text):
    text = _NON_ASCII_WORD_CHARACTER.sub("’", text)  # the core splits only where ascii_words holds
    assert ascii_words(text)
    assert native_split(text) == python_split(text)


def test_candidate_split_without_the_core_or_utf8_is_pythons(monkeypatch):
    """A text with letters beyond ASCII, or a lone surrogate, is split in Python."""
    for text in ("Talks at the café, İstanbul", "The \udc80 talks stall. Paris"):
        assert candidates._find(Article(text)) == python_find(text, monkeypatch)
    assert native_split("The \udc80 talks stall") is None
    monkeypatch.setenv("NEWSLINT_NATIVE", "off")
    native.module.cache_clear()
    try:
        assert native_split("The talks stall") is None
    finally:
        monkeypatch.delenv("NEWSLINT_NATIVE")
        native.module.cache_clear()


@needs_core
def test_sentence_starts_are_asked_for_only_when_a_capital_occurs():
    splitter = candidates._native_splitter(core)
    asked: list[int] = []

    def starts() -> set[int]:
        asked.append(1)
        return {0}

    assert splitter.split("talks stall in paris, it's said", starts)[2] and asked == []
    found = splitter.split("Talks stall. Paris and London talk", starts)
    assert asked == [1] and [(c.word, c.sentence_initial, c.capitalised) for c in map(candidates.Candidate._make, found[2])] == [
        ("Talks", True, False), ("stall", False, False), ("Paris", False, True), ("London", False, True)]
# --- the spelling model's edit distance (newslint/spelling/lexicon.py) ---

from newslint.spelling import lexicon  # noqa: E402

SPELLING_LETTERS = "abcdefghijklmnopqrstuvwxyzaeiouyy'-’é ÅK\U0001f600"


@needs_core
@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=SPELLING_LETTERS, max_size=14), st.text(alphabet=SPELLING_LETTERS, max_size=14))
def test_edit_cost_matches_python(typo, word):
    assert lexicon.edit_cost(typo, word) == lexicon.python_edit_cost(typo, word)


@needs_core
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=12), st.data())
def test_edit_cost_matches_python_on_near_misses(word, data):
    """Typos one or two slips from the word: doubled, dropped, swapped and replaced letters."""
    typo = word
    for _ in range(data.draw(st.integers(1, 2))):
        i = data.draw(st.integers(0, len(typo) - 1))
        slip = data.draw(st.sampled_from(["double", "drop", "swap", "replace"]))
        if slip == "double":
            typo = typo[: i + 1] + typo[i:]
        elif slip == "drop" and len(typo) > 1:
            typo = typo[:i] + typo[i + 1:]
        elif slip == "swap" and i + 1 < len(typo):
            typo = typo[:i] + typo[i + 1] + typo[i] + typo[i + 2:]
        else:
            typo = typo[:i] + data.draw(st.sampled_from("aeiouyscxzkq'-")) + typo[i + 1:]
    assert lexicon.edit_cost(typo, word) == lexicon.python_edit_cost(typo, word)


def test_edit_cost_of_undecodable_text_is_computed_in_python():
    assert lexicon.edit_cost("recei\udc80ved", "received") == lexicon.python_edit_cost("recei\udc80ved", "received")


# --- EN010's name mentions (native/src/names.rs, newslint/checks/transliteration.py) ---

from newslint.checks import transliteration  # noqa: E402

# Name pieces with every context the chains tell apart: hyphenated tails (Jong-un), inner
# apostrophes and possessives (' and ’), initials, capitals, digits, quotes, dashes,
# no-break spaces and line breaks.
NAME_PIECES = [
    "Kim", "Jong", "Jong-un", "-un", "-Un", "Un", "Sergei", "Sergey", "Lavrov", "O'Brien", "O’Neill", "D'Artagnan",
    "Xi's", "Xi’s", "Xi’S", "Putin's", "Jones'", "Jones’", "s", "S", "'s", "’s", "'S2", "’s_", "J.", "J", "K.", "UN", "UKIP",
    "McDonald", "MacArthur", "iPhone", "The", "Found", "Half-Life", "said", "met", "de", "al-", "bin", "2", "3rd", "x2",
    "_", "'", "’", "''", "'’", "‘", "“", "”", '"', "—", "–", "-", "--", "\u00a0", " ", " ", " ", "\n", "\n\n", "\r\n",
    ". ", ", ", "(", ")", "£5", "\u2028",
]
ENGLISH_NAMES = {"The", "Found", "Half-Life", "Kim", "Un", "Jones", "said", "met"}.__contains__


def python_mentions(text: str, english=ENGLISH_NAMES) -> list:
    return list(transliteration._mentions_python(text, english))


def native_mentions(text: str, english=ENGLISH_NAMES) -> list | None:
    return transliteration._mentions_native(text, english)


@needs_core
@pytest.mark.parametrize("path", sorted((ROOT / "fixtures").rglob("*.txt")), ids=lambda p: p.name)
def test_name_mentions_match_python_on_fixtures(path):
    english = transliteration._known_word(lexicon.Lexicon.load("both"))
    text = path.read_text(encoding="utf-8")
    assert transliteration.mentions(text, english) == python_mentions(text, english)
    text = _NON_ASCII_WORD_CHARACTER.sub("e", text)  # the core reads only where ascii_words holds
    found = native_mentions(text, english)
    assert found == python_mentions(text, english)
    assert native_mentions(text, None) == python_mentions(text, None)


@needs_core
def test_name_mentions_read_apostrophes_hyphens_and_offsets_as_python_does():
    text = "“Kim Jong-un” met O’Brien\u00a0Lavrov and Xi’s aide D'Artagnan; Sergei's K. Lavrov-Smith said"
    found = native_mentions(text)
    assert found == python_mentions(text)
    surfaces = [m.surface for _, m in found]
    assert "Jong-un" in surfaces and "O’Brien\u00a0Lavrov" in surfaces and "Lavrov-Smith" in surfaces
    assert "Sergei" in surfaces and "'s" not in " ".join(surfaces)  # a possessive ends the name
    assert "Brien" not in surfaces and "D'Artagnan" in surfaces  # no word inside O’Brien
    lavrov = next(m for _, m in found if m.surface == "Lavrov")
    assert lavrov.before == "O’Brien" and text[lavrov.start:lavrov.end] == "Lavrov"  # code points, not bytes
    assert dict(found)["kimjongun"].start == 1


@needs_core
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(NAME_PIECES), st.sampled_from(GLUE)), max_size=60), st.booleans())
def test_name_mentions_match_python_on_random_text(pieces, with_english):
    text = "".join(w + s for w, s in pieces)
    english = ENGLISH_NAMES if with_english else None
    assert ascii_words(text)
    assert native_mentions(text, english) == python_mentions(text, english)


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_name_mentions_match_python_on_any_characters(text):
    text = _NON_ASCII_WORD_CHARACTER.sub("’", text)  # the core reads only where ascii_words holds
    assert native_mentions(text) == python_mentions(text)


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="KkJjOosS'’- \u00a0.\n1_éabcxyzAZ", max_size=80))
def test_name_mentions_match_python_on_dense_name_text(text):
    assert transliteration.mentions(text, ENGLISH_NAMES) == python_mentions(text)


@needs_core
def test_name_mentions_ask_python_once_per_word():
    asked: list[str] = []

    def english(word: str) -> bool:
        asked.append(word)
        return word == "The"

    text = "Sergei Lavrov met The Lavrov. Sergei Lavrov left"
    assert native_mentions(text, english) == python_mentions(text, lambda word: word == "The")
    assert sorted(asked) == sorted(set(asked)) == ["Lavrov", "Sergei", "The"]


def test_name_mentions_without_the_core_or_utf8_are_pythons(monkeypatch):
    """A text with letters beyond ASCII, or a lone surrogate, is read in Python."""
    for text in ("Sergei Lavrov met Zoë Ball", "Sergei \udc80 Lavrov met Kim Jong-un"):
        assert transliteration.mentions(text, ENGLISH_NAMES) == python_mentions(text)
    if core is not None:
        assert native_mentions("Sergei \udc80 Lavrov") is None
    monkeypatch.setattr(native, "module", lambda: None)  # not built, or NEWSLINT_NATIVE=off
    assert native_mentions("Sergei Lavrov") is None
    assert transliteration.mentions("Sergei Lavrov", None) == python_mentions("Sergei Lavrov", None)


@needs_core
def test_name_words_keep_what_python_said_of_each_word_from_text_to_text():
    """``NameWords`` reads each text as ``name_mentions`` does, asking ``normalise`` and
    ``english`` once per word over all the texts it reads (what they said is kept)."""
    import random

    asked: list[str] = []
    keyed: list[str] = []

    def english(word: str) -> bool:
        asked.append(word)
        return ENGLISH_NAMES(word)

    def normalise(word: str) -> str:
        keyed.append(word)
        return transliteration.normalise(word)

    words = core.NameWords(normalise, english)
    rnd = random.Random(12)
    for _ in range(400):
        text = "".join(rnd.choice(NAME_PIECES) + rnd.choice(GLUE) for _ in range(rnd.randint(0, 30)))
        assert words.mentions(text) == core.name_mentions(text, transliteration.normalise, ENGLISH_NAMES), text
    assert sorted(asked) == sorted(set(asked)) and sorted(keyed) == sorted(set(keyed)) and len(words) > 20
    assert words.mentions("Sergei \udc80 Lavrov") is None
    assert core.NameWords(transliteration.normalise).mentions("The Found Lavrov") == \
        core.name_mentions("The Found Lavrov", transliteration.normalise)


@needs_core
def test_name_words_count_spellings_as_python_does():
    """``NameWords.spellings`` is ``_spellings`` of the text's mentions (keys and spellings in
    order of first use), asking ``given`` once per word before a name over all texts read."""
    import random

    lex = lexicon.Lexicon.load("en-GB")
    asked: list[str] = []

    def given(word: str) -> bool:
        asked.append(word)
        return transliteration._given_name(word, lex)

    words = core.NameWords(transliteration.normalise, ENGLISH_NAMES, given)
    rnd = random.Random(13)
    for _ in range(400):
        text = "".join(rnd.choice(NAME_PIECES + ["Lorenzo", "Mr", "Alexander"]) + rnd.choice(GLUE)
                       for _ in range(rnd.randint(0, 30)))
        found = words.spellings(text)
        rows = [(k, *m) for k, m in python_mentions(text)]
        expected = transliteration._spellings(rows, lex)
        assert found == expected and [list(f.items()) for f in found.values()] == [list(f.items()) for f in expected.values()]
        assert list(found) == list(expected), text
    assert sorted(asked) == sorted(set(asked)) and len(asked) > 5
    assert words.spellings("Sergei \udc80 Lavrov") is None
    with pytest.raises(ValueError):
        core.NameWords(transliteration.normalise).spellings("Sergei Lavrov")


def test_an_articles_spellings_are_those_of_its_rows_core_or_not(monkeypatch):
    """EN010's spellings of a whole article, counted by the core or in Python, are
    ``_spellings`` of its rows."""
    lex = lexicon.Lexicon.load("en-GB")
    fixtures = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))]
    texts = ["Sergei Lavrov met The Found Lavrov. Lorenzo Fioramonti and Sergey Lavrov left. Fiolamonti",
             "Lavrov met Kim Jong Un and Mr Lavrov", *fixtures]
    for text in texts:
        article = Article(text, "x.txt")
        assert transliteration._whole_spellings(article, lex) == transliteration._spellings(
            transliteration._rows(article, lex), lex)
    monkeypatch.setattr(native, "module", lambda: None)
    article = Article(texts[0], "x.txt")
    assert transliteration._whole_spellings(article, lex) == transliteration._spellings(
        [(k, *m) for k, m in python_mentions(texts[0], transliteration._known_word(lex))], lex)


def test_an_articles_name_rows_are_its_mentions_core_or_not(monkeypatch):
    """EN010 reads an article's mentions as rows through the lexicon's ``NameWords`` (a
    second article reusing its words), or in Python without the core: ``mentions`` either way."""
    lex = lexicon.Lexicon.load("en-GB")
    english = transliteration._known_word(lex)
    texts = ["Sergei Lavrov met The Found Lavrov. Kim Jong-un and Sergey Lavrov left", "Lavrov met Kim Jong Un"]
    for text in texts * 2:
        assert transliteration._lexicon_rows(text, lex) == [(k, *m) for k, m in python_mentions(text, english)]
    monkeypatch.setattr(native, "module", lambda: None)
    assert transliteration._lexicon_rows(texts[0], lex) == [(k, *m) for k, m in python_mentions(texts[0], english)]


# --- EN010's transliteration keys (native/src/translit.rs) ---

# Pieces of names that exercise every step of the keys: pinyin syllables and initials, the
# letters normalise joins (kh, zh, yo, ou, x, ye-), y endings, families, w/v, a final h, the
# looser joins (ei/ey/ay, l/r, doubled letters, a final e) and apostrophes.
KEY_PIECES = ["zh", "ch", "sh", "x", "q", "j", "ang", "iang", "iong", "uai", "er", "ou", "ei", "ey", "ay", "kh", "yo",
              "ye", "w", "l", "ll", "ss", "e", "h", "y", "ii", "iy", "ij", "yy", "'", "’", "a", "o", "u", "i", "n", "g",
              "ng", "r", "b", "hezbollah", "hizbollah", "qaida", "gadafi", "Zhou", "Shaanxi", "Weintrubbe", "Khan"]
SURFACE_GLUE = ["", " ", "-", "\u00a0", "'", "’", "'s ", "’s2 ", "'S"]


@needs_core
@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(KEY_PIECES), min_size=1, max_size=6).map("".join), st.booleans(), st.booleans())
def test_name_keys_are_pythons(word: str, capital: bool, english: bool) -> None:
    """The core's ``normalise`` and ``_loose_part`` of a word of ASCII letters and apostrophes
    are Python's."""
    word = word[0].upper() + word[1:] if capital else word
    assert core.name_key(word) == transliteration.normalise.__wrapped__(word)
    assert core.loose_key(word, english) == transliteration.python_loose_key(word, english)


@needs_core
@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(KEY_PIECES + NAME_PIECES[:20]), st.sampled_from(SURFACE_GLUE)), min_size=1,
                max_size=4), st.booleans())
def test_loose_keys_of_names_are_pythons(pieces: list[tuple[str, str]], english: bool) -> None:
    """A name of several words (spaces, hyphens, possessives) gets Python's loose key, or None
    from the core where it holds a character the core leaves to Python."""
    surface = "".join(w + g for w, g in pieces)
    found = core.loose_key(surface, english)
    plain = all(c.isascii() and (c.isalpha() or c in "' -") or c in "’\u00a0" for c in surface)
    assert found == (transliteration.python_loose_key(surface, english) if plain else None)
    assert transliteration.loose_key.__wrapped__(surface, english) == transliteration.python_loose_key(surface, english)


@needs_core
def test_name_keys_leave_other_words_to_python() -> None:
    assert core.name_key("Zoë") is None and core.name_key("Kim Jong") is None and core.name_key("x2") is None
    assert core.name_key("") == transliteration.normalise.__wrapped__("")
    assert core.loose_key("Zoë Ball") is None


# --- the sentence model's shape features (newslint/sentence_signal.py) ---

from newslint import sentence_signal  # noqa: E402

SENTENCE_MODEL = sentence_signal.model()
PYTHON_SENTENCE_MODEL = dataclasses.replace(SENTENCE_MODEL, native=None)
SENTENCE_WORDS = sorted(SENTENCE_MODEL.vocabulary)[::3] + ["Beijing", "It", "said", "ministry's", "Xi’s", "well-being",
                                                           "1,200", "3.5", "2019.", "rock'n'roll", "O'Brien"]
SENTENCE_GAPS = [" ", " ", ", ", "; ", ": ", " - ", " “", "” ", " (", ") ", "’ ", "' ", " 12 ", ".", "\u00a0", "—"]


def python_features(sentence: str) -> list[tuple[str, int, int]]:
    shaped = sentence_signal.shape(sentence, SENTENCE_MODEL.vocabulary)
    return [(k, s, e) for k, (s, e) in sentence_signal.features(shaped).items()]


@needs_core
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(SENTENCE_WORDS), st.sampled_from(SENTENCE_GAPS)), min_size=1, max_size=40),
       st.booleans())
def test_sentence_features_match_python(pieces, capitals):
    sentence = "".join(w + g for w, g in pieces)
    if capitals:
        sentence = sentence.title()
    assert SENTENCE_MODEL.native.features(sentence) == python_features(sentence)
    assert sentence_signal.score(sentence, SENTENCE_MODEL) == sentence_signal.score(sentence, PYTHON_SENTENCE_MODEL)


@needs_core
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_sentence_score_matches_python_on_any_characters(sentence):
    """Sentences with word characters beyond ASCII are shaped in Python; the rest natively."""
    assert sentence_signal.score(sentence, SENTENCE_MODEL) == sentence_signal.score(sentence, PYTHON_SENTENCE_MODEL)


@needs_core
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(SENTENCE_WORDS), st.sampled_from(SENTENCE_GAPS)), min_size=1, max_size=40))
def test_sentence_score_with_the_weights_read_whole_matches_python(pieces):
    """A long run reads the weights whole; the core then adds them up itself."""
    whole = dataclasses.replace(SENTENCE_MODEL, weights=_WHOLE_WEIGHTS,
                                native=_native_core().SentenceShaper(sorted(SENTENCE_MODEL.vocabulary)))
    sentence = "".join(w + g for w, g in pieces)
    expected = sentence_signal.score(sentence, dataclasses.replace(whole, native=None))
    assert sentence_signal._native_score(sentence, whole) is not None
    assert sentence_signal.score(sentence, whole) == expected


@needs_core
def test_the_sentence_weights_table_holds_every_weight():
    """The word table the core scores with answers every feature's weight as the buckets do."""
    table, whole = SENTENCE_MODEL.table, _WHOLE_WEIGHTS.whole
    assert table is not None and len(table) == len(whole) > 30_000
    assert all(table.get(key) == weight for key, weight in whole.items())
    assert table.get("no such feature") is None


@needs_core
def test_the_sentence_weights_table_read_from_the_data_cache_is_the_one_built(tmp_path, monkeypatch):
    from newslint import datacache

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    datacache._digests_in.cache_clear()
    try:
        built = sentence_signal._weights_table()  # built and stored
        stored = list((tmp_path / "cache" / "compiled").glob("sentence-weights-*"))
        again = sentence_signal._weights_table()  # read back, mapped
    finally:
        datacache._digests_in.cache_clear()
    assert len(stored) == 1 and len(built) == len(again) == len(_WHOLE_WEIGHTS.whole)
    assert all(again.get(key) == built.get(key) == weight for key, weight in list(_WHOLE_WEIGHTS.whole.items())[::97])


def _native_core():
    return native.module()


def _whole_weights():
    weights = sentence_signal.model.__wrapped__().weights  # a model of its own, not the run's
    weights.read_whole()
    return weights


_WHOLE_WEIGHTS = _whole_weights() if core is not None else None


# --- RD004's first question of a sentence (newslint/checks/redundancy.py) ---

from newslint.checks import redundancy  # noqa: E402

PAIR_WORDS = ["the", "bank", "its", "their", "her", "territory", "in", "middle", "of", "table", "u.s.", "don't", "co-op", "it’s", "3.5",
              "2019", "a", "THE", "Bank"]
PAIR_GAPS = [" ", " ", ", ", ". ", "-", "'", "’", " “", "” ", "\n", "—", "\u00a0", ".", "..."]


PAIR_PIECES = st.lists(st.tuples(st.sampled_from(PAIR_WORDS), st.sampled_from(PAIR_GAPS)), max_size=25)


@needs_core
@settings(max_examples=600, deadline=None)
@given(PAIR_PIECES, st.lists(st.tuples(st.sampled_from(PAIR_WORDS), st.sampled_from(PAIR_GAPS)), min_size=1, max_size=10),
       PAIR_PIECES, st.booleans(), st.data())
def test_repeating_sentences_match_python(before, run, after, doubled, data):
    """The same sentences as the Python twin, on text that often says a run of words twice
    in a row (the run given twice) and a possessive pair twice (the words are few)."""
    pieces = before + run + (run if doubled else []) + after
    lowered = "".join(w + g for w, g in pieces).lower()
    cuts = sorted(data.draw(st.lists(st.integers(0, len(lowered)), max_size=6)))
    bounds = [0, *cuts, len(lowered)]
    spans = list(zip(bounds, bounds[1:]))
    firsts = redundancy._FIRSTS
    assert core.repeating_sentences(lowered, spans, firsts) == redundancy.repeating_sentences(lowered, spans, firsts)


# --- the spelling lexicon's one-edit candidates (native/src/lexicon.rs) ---

from array import array  # noqa: E402

from newslint.sharded import KeyHashes  # noqa: E402

LEXICON = lexicon.Lexicon.load("both")
ONE_EDIT_LETTERS = "abcdefghijklmnopqrstuvwxyzaeioustnrl'-’éÅ\U0001f600"


def python_one_edit_keys(word: str) -> set[str]:
    return LEXICON._python_one_edit_keys(word)


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ONE_EDIT_LETTERS, max_size=16))
def test_one_edit_keys_match_python(word):
    assert LEXICON._one_edit_keys(word) == python_one_edit_keys(word)


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["government", "received", "separate", "the", "accommodation", "colour", "don't",
                        "co-operate", "Paris", "naïve"]), st.data())
def test_one_edit_keys_match_python_near_real_words(word, data):
    """Slips of dictionary words, so many edits are keys (and many hashes pass)."""
    i = data.draw(st.integers(0, len(word)))
    typo = word[:i] + data.draw(st.sampled_from(["", "e", "x", "'"])) + word[i + 1:]
    assert LEXICON._one_edit_keys(typo.lower()) == python_one_edit_keys(typo.lower())


@needs_core
def test_one_edit_native_hashes_are_zlibs():
    """Each key is found from a one-edit slip of it: the core's CRC-32 is zlib's, on UTF-8."""
    words = ["government", "café", "naïve", "o'clock", "rock'n'roll", "smörgåsbord"]
    found = core.OneEdits(KeyHashes.pack(words))
    for word in words:
        assert word in found.near(word + "x") and word in found.near(word[1] + word[0] + word[2:])
    assert found.near("zzzz") == []


def test_one_edit_keys_of_undecodable_text_are_found_in_python():
    assert LEXICON._one_edit_keys("gover\udc80ment") == python_one_edit_keys("gover\udc80ment")


@needs_core
def test_one_edit_hashes_must_be_whole_and_sorted():
    with pytest.raises(ValueError):
        core.OneEdits(b"\x01\x02\x03")
    with pytest.raises(ValueError):
        core.OneEdits(bytes(array("I", [5, 3])))
# --- RD001's doubled words (newslint/checks/repetition.py) ---

from newslint.checks import repetition  # noqa: E402

DOUBLE_WORDS = ["the", "the", "that", "don't", "don’t", "in", "in-fighting", "a", "1999", "the_", "thee", "bye", "x"]
DOUBLE_GAPS = [" ", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2028", "\x1c", "-", "'", "’", ", ", ". ", "“", ""]


@needs_core
@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(DOUBLE_WORDS), st.sampled_from(DOUBLE_GAPS)), max_size=40))
def test_doubled_words_match_python(pieces):
    lowered = "".join(w + g for w, g in pieces)
    assert core.doubled_words(lowered) == repetition._spans(repetition._LOWER_REPEAT.finditer(lowered))


@needs_core
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="the a'’-_1 \n\u00a0\u3000.", max_size=60))
def test_doubled_words_match_python_on_any_spacing(lowered):
    assert core.doubled_words(lowered) == repetition._spans(repetition._LOWER_REPEAT.finditer(lowered))


# --- the letter-pair neighbours of a word (native/src/lexicon.rs PairTables) ---

from newslint.spelling.letter_pairs import LetterPairs  # noqa: E402


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ONE_EDIT_LETTERS, max_size=18), st.sampled_from([1, 3, 40]))
def test_letter_pair_neighbours_match_python(word, limit):
    LEXICON._data.build_index()
    pairs = LEXICON._data.pairs
    assert pairs.nearest(word, limit) == pairs.python_nearest(word, limit)


@needs_core
def test_letter_pair_tables_are_handed_over_once_per_length(monkeypatch):
    index = LetterPairs(LetterPairs.pack(["colour", "color", "collar", "cooler", "dolour", "col", "colourful"]))
    handed: list[int] = []
    add = index._native.add
    monkeypatch.setattr(index, "_native", type("Spy", (), {
        "has": lambda self, n: n in handed, "nearest": index._native.nearest,
        "add": lambda self, n, *table: (handed.append(n), add(n, *table))})())
    assert index.nearest("colur", 7) == [0, 1, 2, 3, 5, 4] and sorted(handed) == [3, 5, 6]
    assert index.nearest("colourfl", 7) == index.python_nearest("colourfl", 7) == [6, 0]
    assert sorted(handed) == [3, 5, 6, 9]  # 6 not again


def test_letter_pair_neighbours_of_undecodable_text_are_pythons():
    LEXICON._data.build_index()
    pairs = LEXICON._data.pairs
    assert pairs.nearest("gover\udc80ment", 40) == pairs.python_nearest("gover\udc80ment", 40)


# --- SP004's confusion words with their neighbours (native/src/confusable.rs) ---

from newslint.spelling import confusable  # noqa: E402
from newslint.spelling.confusion import Token  # noqa: E402

CONFUSION_PIECES = ["where", "Where", "WERE", "then", "than", "Thru", "nowhere", "new", "knew", "x", "-", "'", "’",
                    "'s", "et", " ", " ", "  ", "\n", "\n\n", "\n \n", "\n\u2028\n", "\x1c", ".", ",", "“", "”", "—",
                    "–", "(", "2,000", "3", "1.", "£", "%", "a", "K", "\u3000"]


def confusion_reading(text: str) -> list[tuple]:
    return [(c.token, c.left, c.right, c.following) for c in confusable._python_confusables(text)]


@needs_core
@pytest.mark.parametrize("path", sorted((ROOT / "fixtures").rglob("*.txt")), ids=lambda p: p.name)
def test_confusion_words_match_python_on_fixtures(path):
    text = path.read_text(encoding="utf-8")
    if ascii_words(text):
        found = [(c.token, c.left, c.right, c.following) for c in confusable.confusables(text)]
        assert found == confusion_reading(text)


@needs_core
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CONFUSION_PIECES), max_size=30))
def test_confusion_words_match_python_on_random_text(pieces):
    text = "".join(pieces)
    words = confusable._native_words()
    native_found = [(Token(form, start, end, raw), left, right, following)
                    for form, start, end, raw, left, right, following in words.find(text)]
    assert native_found == confusion_reading(text)


def test_confusion_words_beyond_ascii_are_read_in_python(monkeypatch):
    monkeypatch.setattr(confusable, "_native_words", lambda: pytest.fail("the core read a word beyond ASCII"))
    found = confusable.confusables("Zoë knew where they were")
    assert [c.token.form for c in found] == ["knew", "where", "were"] and found[0].left == "zo"


# The lexicon's word tables for a big run (native/src/word_table.rs)
from newslint.spelling import lexicon as lexicon_module  # noqa: E402


@needs_core
def test_word_tables_hold_every_key_of_the_shards():
    for table, shards in _word_tables():
        whole = dict(shards.items())
        assert len(table) == len(whole)
        for key, value in whole.items():
            assert table.get(key) == value and key in table and table[key] == value, key
            assert type(table.get(key)) is type(value)


@needs_core
@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=12), st.text(alphabet=ONE_EDIT_LETTERS + "ABCé'-", max_size=12)))
def test_word_tables_answer_any_word_as_the_shards_do(word):
    for table, shards in _word_tables():
        assert table.get(word, "absent") == shards.get(word, "absent")
        assert (word in table) == (word in shards)


_WORD_TABLES: list = []


def _word_tables() -> list:
    """Each native word table beside the sharded table it was built from (built once)."""
    if not _WORD_TABLES:
        data = lexicon_module._Data(lexicon_module.DATA_DIR)
        sharded = (data.mask, data.size, data.freq, data.by_lower)
        spans, blob = lexicon_module._native_tables(native.module(), sharded)
        _WORD_TABLES.extend((native.module().WordTable(bytes(blob[start:end])), shards)
                            for (start, end), shards in zip(spans, sharded))
    return _WORD_TABLES


@needs_core
def test_word_tables_refuse_what_is_not_one_and_never_crash_on_damage():
    core = native.module()
    with pytest.raises(ValueError):
        core.WordTable(b"not a table")
    with pytest.raises(ValueError):
        core.WordTable.build(["a", "b"], ints=[1])
    blob = bytearray(core.WordTable.build(["colour", "naïve"], ints=[3, 4]))
    table = core.WordTable(bytes(blob))
    assert table.get("naïve") == 4 and table.get("colo\udc80ur", 0) == 0 and table.get(7) is None
    with pytest.raises(KeyError):
        table["color"]
    with pytest.raises(ValueError):
        core.WordTable(blob)  # writable: refused (the table reads it in place, unchanging)
    held = core.WordTable(memoryview(bytes(blob))[0:])  # no copy: the view is held, not its name
    import gc

    gc.collect()
    assert held.get("colour") == 3 and "naïve" in held
    for i in range(16, len(blob)):  # any byte damaged: an answer or "absent", never a crash
        damaged = bytearray(blob)
        damaged[i] ^= 0xFF
        core.WordTable(bytes(damaged)).get("colour")


@needs_core
def test_a_big_run_looks_words_up_in_the_core_with_the_same_answers(monkeypatch):
    """``prepare`` before a big run moves the lexicon onto the native tables (a lexicon built
    before moves too); every answer stays the shards' answer."""
    monkeypatch.setattr(lexicon_module, "_DATA", {})
    monkeypatch.setattr(lexicon_module.Lexicon, "_cache", {})
    on_shards = {d: lexicon_module.Lexicon(d, lexicon_module._Data(lexicon_module.DATA_DIR)) for d in ("both", "en-GB")}
    both = lexicon_module.Lexicon.load("both")
    lexicon_module.prepare(lexicon_module.BIG_RUN_CHARS - 1)
    assert isinstance(both._data.mask, lexicon_module.Sharded)  # a small run keeps the shards
    lexicon_module.prepare(lexicon_module.BIG_RUN_CHARS)
    assert type(both._data.mask) is native.module().WordTable and both._words is both._data.mask
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt")))
    words = sorted(set(re.findall(r"[A-Za-z][\w'’.-]*", text)))[:3000]
    words += ["goverment", "Goverment", "GOVERMENT", "recieved", "colour", "Colour's", "istanbul", "U.S",
              "acomodatian", "well-knwon", "Forexample", "truthworthy"]
    for dialect, old in on_shards.items():
        new = lexicon_module.Lexicon.load(dialect)
        for word in words:
            for ask in ("known", "zipf", "dialect_of", "lower_case_word", "in_dictionary"):
                assert getattr(new, ask)(word) == getattr(old, ask)(word), (ask, word)
        for word in words[::40] + ["goverment", "recieved", "acomodatian", "well-knwon"]:
            assert new.suggest(word) == old.suggest(word), word


@needs_core
def test_a_big_run_looks_typos_up_in_the_core_with_the_same_answers(monkeypatch):
    from newslint.spelling import known_typos as typos

    monkeypatch.setattr(typos, "_BIG_RUN", [])
    shards = typos.known_typos()
    assert len(shards) > 10_000  # codespell is installed
    typos.prepare(typos.BIG_RUN_CHARS - 1)
    assert typos.known_typos() is shards  # a small run keeps the shards
    typos.prepare(typos.BIG_RUN_CHARS)
    table = typos.known_typos()
    assert type(table) is native.module().WordTable
    whole = dict(shards.items())
    assert len(table) == len(whole)
    for typo, fixes in whole.items():
        assert table.get(typo) == fixes and type(table.get(typo)) is tuple, typo
    for word in ("the", "colour", "", "teh\udc80", "goverment", "Goverment"):
        assert table.get(word) == shards.get(word) and (word in table) == (word in shards)


_SENTENCE_ALPHABET = "ab AZ9.!?\"'”’)]“‘([ \n\t\u00a0ÀÞßé×İK\u2028Ⅻ"


@needs_core
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_SENTENCE_ALPHABET, max_size=200), st.sampled_from(["", "Mr", "U.S", "e.g", "Jan"]))
def test_sentences_match_python(text, word):
    """The core's sentence ends, abbreviation look and trimming give ``python_sentences``."""
    text = text.replace("K", f" {word}. K") if word else text
    article = Article(text)
    assert article.sentences == article.python_sentences()


@needs_core
@pytest.mark.parametrize("path", sorted((ROOT / "fixtures").rglob("*.txt")), ids=lambda p: p.name)
def test_sentences_match_python_on_fixtures(path):
    article = Article(path.read_text(encoding="utf-8"))
    assert article.sentences == article.python_sentences()


@needs_core
def test_sentence_after_a_word_beyond_ascii_is_told_by_python():
    """Python tells whether "Ⅻ." is an initial (``str.isalpha``: no), not Rust's alphabet (yes)."""
    article = Article("He met Mr. Smith in Ⅻ. Then he left. She met J. Smith.")
    assert [article.text[s.start : s.end] for s in article.sentences] == [
        "He met Mr. Smith in Ⅻ.", "Then he left.", "She met J. Smith."]
    assert article.sentences == article.python_sentences()


def test_sentences_of_undecodable_text_are_found_in_python():
    article = Article("One \ud800 thing. Two things.")
    assert [article.text[s.start : s.end] for s in article.sentences] == ["One \ud800 thing.", "Two things."]


# --- the lexicon's suggestion ranking (native/src/suggest.rs Ranker) ---

RANK_LETTERS = "abcdefghijklmnopqrstuvwxyzaeiouyesrtnl'-"


def _big_run_lexicon(monkeypatch) -> "lexicon_module.Lexicon":
    """A fresh "both" lexicon on the native tables of a big run."""
    monkeypatch.setattr(lexicon_module, "_DATA", {})
    monkeypatch.setattr(lexicon_module.Lexicon, "_cache", {})
    lexicon_module.prepare(lexicon_module.BIG_RUN_CHARS)
    return lexicon_module.Lexicon.load("both")


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=RANK_LETTERS + "ckqxzwhgpd.", max_size=16))
def test_sound_key_matches_python(word):
    assert core.Ranker.sound_key(word) == lexicon_module.sound_key(word)
    assert core.Ranker.sound_key(word.upper()) == lexicon_module.sound_key(word.upper())


def test_sound_key_of_text_beyond_ascii_is_left_to_python():
    assert core is None or core.Ranker.sound_key("naïve") is None


@needs_core
def test_ranker_ranks_as_python_on_words_of_the_fixtures_and_slips(monkeypatch):
    """Every ranked suggestion, in order, is ``python_rank``'s: for the fixtures' words lower-cased,
    slips of them and words run together."""
    both = _big_run_lexicon(monkeypatch)
    assert both._data.ranker() is not None
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt")))
    words = sorted({w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text)})[::7]
    words += ["goverment", "recieved", "acomodatian", "alot", "inwhich", "forexample", "ther", "teh", "hlp", "mln",
              "dlrs", "colur", "knight", "wrack", "xenon", "schism", "photograph", "ghost", "yacht", "whey", "cyber",
              "judging", "quay", "cell", "edge", "x", "a", "", "'", "-", "don't", "well-knwon", "istanbul"]
    for word in words:
        assert both._rank_afresh(word) == both.python_rank(word), word


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=RANK_LETTERS, min_size=1, max_size=14))
def test_ranker_ranks_as_python_on_any_ascii_word(word):
    both = lexicon_module.Lexicon.load("both")
    lexicon_module.prepare(lexicon_module.BIG_RUN_CHARS)
    assert both._data.ranker() is not None
    assert both._rank_afresh(word) == both.python_rank(word)


@needs_core
def test_ranker_is_made_once_the_tables_are_native(monkeypatch):
    """Asked before a big run moves the tables into the core, there is no ranker yet, and
    one once it has."""
    monkeypatch.setattr(lexicon_module, "_DATA", {})
    monkeypatch.setattr(lexicon_module.Lexicon, "_cache", {})
    both = lexicon_module.Lexicon.load("both")
    assert both._data.ranker() is None and both.suggest("goverment")[0] == "government"
    lexicon_module.prepare(lexicon_module.BIG_RUN_CHARS)
    assert both._data.ranker() is not None and both._data.ranker() is both._data.ranker()


@needs_core
def test_ranker_leaves_words_beyond_ascii_and_other_dialects_to_python(monkeypatch):
    both = _big_run_lexicon(monkeypatch)
    ranker = both._data.ranker()
    both._data.pairs.native_for("goverment")  # the letter-pair tables of its lengths handed over first
    assert ranker.rank("naïve") is None and ranker.rank("goverment") == both.python_rank("goverment")
    assert both._rank_afresh("naïvte") == both.python_rank("naïvte")
    assert both._rank_afresh("gover\udc80ment") == both.python_rank("gover\udc80ment")
    gb = lexicon_module.Lexicon.load("en-GB")
    monkeypatch.setattr(gb, "python_rank", lambda q: ["asked of Python"])
    assert gb._rank_afresh("colur") == ["asked of Python"]  # its words are not the mask the core reads


# --- SP001's unweighted distance (native/src/edit_cost.rs osa_distance) ---

from newslint.checks import spelling as spelling_checks  # noqa: E402


@needs_core
@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=SPELLING_LETTERS, max_size=12), st.text(alphabet=SPELLING_LETTERS, max_size=12))
def test_distance_matches_python(a, b):
    assert spelling_checks._distance(a, b) == spelling_checks.python_distance(a, b)
    assert spelling_checks._distance(a, a[1:] + a[:1]) == spelling_checks.python_distance(a, a[1:] + a[:1])


def test_distance_of_undecodable_text_is_computed_in_python():
    assert spelling_checks._distance("recei\udc80ved", "received") == spelling_checks.python_distance("recei\udc80ved", "received") == 1
