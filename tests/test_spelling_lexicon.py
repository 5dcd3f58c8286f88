"""Tests for the offline spelling lexicon (newslint.spelling.lexicon)."""

from __future__ import annotations

import time

import pytest

from newslint.spelling.lexicon import Lexicon


@pytest.fixture(scope="module")
def both() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def us() -> Lexicon:
    return Lexicon.load("en-US")


@pytest.fixture(scope="module")
def gb() -> Lexicon:
    return Lexicon.load("en-GB")


@pytest.mark.parametrize(
    ("typo", "correct"),
    [("determin", "determine"), ("goverment", "government"), ("recieved", "received")],
)
def test_real_typos_are_unknown_and_corrected_first(both: Lexicon, typo: str, correct: str) -> None:
    assert not both.known(typo)
    assert both.suggest(typo)[0] == correct


@pytest.mark.parametrize(
    "word", ["programme", "defence", "colour", "organise", "color", "organize", "program", "defense"]
)
def test_both_dialects_accepted_by_default(both: Lexicon, word: str) -> None:
    assert both.known(word)


def test_us_dialect_rejects_british_spellings(us: Lexicon) -> None:
    assert not us.known("colour")
    assert not us.known("defence")
    assert not us.known("organise")
    assert us.known("color") and us.known("organize") and us.known("program")


def test_gb_dialect_rejects_us_spellings(gb: Lexicon) -> None:
    assert not gb.known("color")
    assert not gb.known("organize")
    assert gb.known("colour") and gb.known("organise") and gb.known("programme")
    # "program" is British too (computer programs)
    assert gb.known("program")


def test_dialect_of(both: Lexicon) -> None:
    assert both.dialect_of("defence") == "en-GB"
    assert both.dialect_of("defense") == "en-US"
    assert both.dialect_of("organise") == "en-GB"
    assert both.dialect_of("organize") == "en-US"
    assert both.dialect_of("colour") == "en-GB"
    assert both.dialect_of("Colours") == "en-GB"
    assert both.dialect_of("color") == "en-US"
    assert both.dialect_of("programme") == "en-GB"
    assert both.dialect_of("program") is None
    assert both.dialect_of("house") is None
    assert both.dialect_of("xqzvv") is None


def test_dialect_suggestions(us: Lexicon, gb: Lexicon) -> None:
    assert gb.suggest("color")[0] == "colour"
    assert us.suggest("colour")[0] == "color"


def test_capitalisation(both: Lexicon) -> None:
    assert both.known("Government") and both.known("GOVERNMENT")
    assert both.known("English") and both.known("ENGLISH")
    assert not both.known("english")  # a name must keep its capital
    assert not both.known("gOVERNMENT")
    assert both.suggest("Goverment")[0] == "Government"
    assert both.suggest("GOVERMENT")[0] == "GOVERNMENT"


def test_possessives_and_hyphens(both: Lexicon) -> None:
    assert both.known("government's")
    assert both.known("government’s")
    assert both.known("ministers'")
    assert both.known("well-known")
    assert both.known("co-ordinator")
    assert both.known("pre-tax")
    assert both.known("year-olds")
    assert not both.known("well-knwon")
    assert both.suggest("goverment's")[0] == "government's"
    assert both.suggest("well-knwon")[0] == "well-known"


def test_contractions_and_numbers(both: Lexicon) -> None:
    assert both.known("don't") and both.known("don’t") and both.known("I'm")
    assert not both.known("dont")
    assert both.suggest("dont")[0] == "don't"
    assert both.known("1990s") and both.known("21st")


def test_run_together_words(both: Lexicon) -> None:
    assert not both.known("alot")
    assert both.suggest("alot")[0] == "a lot"


def test_load_is_cached_and_validates_dialect() -> None:
    assert Lexicon.load() is Lexicon.load("both")
    assert Lexicon.load("en_GB") is Lexicon.load("en-GB")
    with pytest.raises(ValueError):
        Lexicon.load("fr-FR")


def test_suggest_limit(both: Lexicon) -> None:
    assert len(both.suggest("seperate", limit=3)) <= 3
    assert both.suggest("seperate", limit=0) == []
    assert both.suggest("") == []


def test_fast_enough(both: Lexicon) -> None:
    words = ("the government said on Tuesday that the programme would continue " * 500).split()
    start = time.perf_counter()
    flagged = [w for w in words if not both.known(w)]
    elapsed = time.perf_counter() - start
    assert flagged == []
    assert elapsed < 0.5


def test_lower_case_word_tells_words_from_lower_cased_names(both: Lexicon) -> None:
    for word in ("china", "turkey", "chad", "reading", "japan"):
        assert both.lower_case_word(word), word
    for name in ("istanbul", "london", "yellowstone"):
        assert not both.lower_case_word(name), name


def _plain_edit_cost(typo: str, word: str) -> float:
    """The weighted optimal-string-alignment distance written out as a whole table."""
    from newslint.spelling.lexicon import _Costs, _indel_costs, _sub_cost

    dels, ins, first = _indel_costs(typo), _indel_costs(word), _Costs.first_letter
    d = [[0.0] * (len(word) + 1) for _ in range(len(typo) + 1)]
    for j in range(1, len(word) + 1):
        d[0][j] = (first if j == 1 else d[0][j - 1]) + ins[j - 1]
    for i in range(1, len(typo) + 1):
        d[i][0] = d[i - 1][0] + dels[i - 1] + (first if i == 1 else 0.0)
        for j in range(1, len(word) + 1):
            a, b = typo[i - 1], word[j - 1]
            sub = 0.0 if a == b else (_sub_cost(a, b) if {a, b} <= set("abcdefghijklmnopqrstuvwxyz'-") else 1.0)
            best = d[i - 1][j - 1] + sub + (first if i == 1 and j == 1 and a != b else 0.0)
            best = min(best, d[i - 1][j] + dels[i - 1], d[i][j - 1] + ins[j - 1])
            if i > 1 and j > 1 and a != b and a == word[j - 2] and typo[i - 2] == b:
                best = min(best, d[i - 2][j - 2] + _Costs.transpose)
            d[i][j] = best
    return d[len(typo)][len(word)]


def test_edit_cost_equals_the_whole_table() -> None:
    import random

    from newslint.spelling.lexicon import edit_cost

    rnd = random.Random(3)
    letters = "aeiostnrlcéy'- "
    pairs = [("recieved", "received"), ("goverment", "government"), ("teh", "the"), ("", "a"), ("ab", "")]
    pairs += [("".join(rnd.choice(letters) for _ in range(rnd.randint(0, 8))),
               "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 8)))) for _ in range(3000)]
    for typo, word in pairs:
        assert edit_cost(typo, word) == _plain_edit_cost(typo, word), (typo, word)


def test_near_common_finds_a_common_word_one_edit_away_or_two_run_together(both: Lexicon) -> None:
    assert both.near_common("teh", 5.5) and both.near_common("thge", 5.5)  # the
    assert both.near_common("moreso", 5.5) and both.near_common("littel", 5.0)  # more so, little
    assert not both.near_common("vishwanathan", 5.5) and not both.near_common("grzegorczyk", 5.0)
    with pytest.raises(ValueError):
        both.near_common("teh", 2.0)


def test_slip_of_common_asks_for_suggestions_only_near_a_common_word(monkeypatch) -> None:
    """The test before the suggestions changes no answer."""
    from newslint.checks import spelling as sp

    lexicon = Lexicon.load("both")
    words = ["Thge", "Teh", "Tje", "Littel", "Moreso", "Wes", "Alain", "Herve", "Ifo", "Stoltenburg", "Goverment",
             "Altough", "Thier", "Shoudl", "Becuase", "Vishwanathan", "Abot", "Whcih", "Beacuse", "Forexample"]
    guarded = [sp._slip_of_common(w, lexicon) for w in words]
    monkeypatch.setattr(lexicon, "near_common", lambda word, min_zipf: True)
    assert [sp._slip_of_common(w, lexicon) for w in words] == guarded
    assert guarded[:5] == [True] * 5 and not any(guarded[5:9])


ONE_EDIT_WORDS = ["goverment", "teh", "po", "a", "", "dont", "recieved", "colr", "renationalisaton", "o'neil",
                  "co-ordinatr", "café", "naïve", "x\U0001f600y", "zzzzqj", "thier", "acomodation"]


def _one_edit_keys_by_definition(lexicon: Lexicon, q: str) -> set[str]:
    """What ``_one_edit_keys`` stands for: every string one edit from ``q`` that is a key."""
    from newslint.spelling.lexicon import _edits1

    data = lexicon._data
    return {e for e in _edits1(q) if e in data.mask or e in data.by_lower}


@pytest.mark.parametrize("word", ONE_EDIT_WORDS)
def test_one_edit_keys_are_the_keys_one_edit_away(both: Lexicon, word: str) -> None:
    """The Python twin (hashes, then shards) and the one the run uses (the native core's where
    it is built) both give exactly the keys among all one-edit strings."""
    expected = _one_edit_keys_by_definition(both, word)
    assert both._python_one_edit_keys(word) == expected
    assert both._one_edit_keys(word) == expected


def test_one_edit_keys_find_real_corrections(both: Lexicon) -> None:
    assert {"government"} <= both._one_edit_keys("goverment")
    assert {"the", "ten", "tea"} <= both._one_edit_keys("teh")
    assert "don't" in both._one_edit_keys("dont")


NEAR_COMMON_WORDS = ONE_EDIT_WORDS + ["thge", "littel", "moreso", "vishwanathan", "grzegorczyk", "becuase", "abot",
                                      "whcih", "teh", "tne", "hte", "ther", "wiht", "an'd", "saïd", "gover\udc80ment"]


@pytest.mark.parametrize("word", NEAR_COMMON_WORDS)
def test_strings_that_may_be_keys_hold_every_key_one_edit_away(both: Lexicon, word: str) -> None:
    from newslint.spelling.lexicon import _edits1

    both._data.build_index()
    may_be = set(both._may_be_keys(word))
    assert both._one_edit_keys(word) <= may_be <= _edits1(word)


@pytest.mark.parametrize("min_zipf", [5.0, 5.5, 6.0])
def test_near_common_is_its_definition(both: Lexicon, min_zipf: float) -> None:
    """Whether a common word is one edit away, asked of every one-edit string (the definition)
    or of those the key hashes leave (what a run with the index read asks)."""
    from newslint.spelling.lexicon import _edits1

    both._data.build_index()
    common = {w for w, z in both._data.common.items() if z >= min_zipf and w in both._words}

    def defined(word: str) -> bool:
        return (any(word == w[:i] + w[i + 1:] for w in common for i in range(len(w))) or bool(common & _edits1(word))
                or any(word[:i] in common and word[i:] in common for i in range(1, len(word))))

    answers = [both.near_common(w, min_zipf) for w in NEAR_COMMON_WORDS]
    assert answers == [defined(w) for w in NEAR_COMMON_WORDS]
    assert any(answers) and not all(answers)


def _sound_key_by_every_rule(word: str) -> str:
    """``sound_key`` as first written: every rule's pattern scanned over every word."""
    import re

    from newslint.spelling.lexicon import _VOWELS

    rules = [(r"^kn|^gn|^pn", "n"), (r"^wr", "r"), (r"^x", "s"), (r"^wh", "w"), (r"tch", "ch"), (r"sch", "sk"),
             (r"ph", "f"), (r"gh(?=[^aeiou]|$)", ""), (r"dg(?=[eiy])", "j"), (r"c(?=[eiy])", "s"), (r"ck", "k"),
             (r"[cq]", "k"), (r"x", "ks"), (r"z", "s"), (r"(?<=[aeiou])y", ""), (r"(?<=.)h(?=[^aeiou]|$)", ""),
             (r"w(?=[^aeiou]|$)", "")]
    w = word.lower().replace("'", "").replace("-", "")
    for pattern, replacement in rules:
        w = re.sub(pattern, replacement, w)
    if not w:
        return ""
    out = [w[0]]
    for ch in w[1:]:
        if ch not in _VOWELS and ch != out[-1]:
            out.append(ch)
    return "".join(out)


def test_sound_key_skipping_rules_a_word_lacks_the_letters_for_changes_no_key() -> None:
    import random

    from newslint.spelling.lexicon import sound_key

    rnd = random.Random(7)
    words = ["knight", "gnome", "wright", "xenon", "whistle", "watch", "school", "phone", "night", "ghost",
             "edge", "city", "back", "queue", "box", "zoo", "day", "ohm", "show", "Czech", "O'Neill", "co-op", ""]
    words += ["".join(rnd.choice("abcdeghiknopqrstuwxyz'-") for _ in range(rnd.randint(1, 10))) for _ in range(20_000)]
    assert [sound_key(w) for w in words] == [_sound_key_by_every_rule(w) for w in words]
