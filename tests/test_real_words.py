"""SP004: real words typed for their look-alikes, decided by context."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter
from newslint.spelling.confusion import DATA_FILE, START, ConfusionModel, neighbours, tokens


def flagged(text: str, **config) -> list[tuple[str, tuple[str, ...]]]:
    article = Article("Talks stall\n\n" + text, "<test>")
    return [(article.text[d.offset : d.end_offset], d.suggestions)
            for d in Linter(Config(select=("SP004",), **config)).lint(article)]


def test_a_slip_is_flagged_with_the_intended_word():
    assert flagged("The protesters where arrested on Monday.") == [("where", ("were",))]
    assert flagged("Profits were bigger then expected.") == [("then", ("than",))]
    assert flagged("We drove thru the night.") == [("thru", ("through",))]


def test_the_same_words_used_rightly_are_left_alone():
    assert flagged("The city where he lived was quiet, and the protesters were arrested.") == []
    assert flagged("Smith et al. found that profits were bigger than expected, and then fell.") == []


def test_names_compounds_and_house_words_are_left_alone():
    assert flagged("He signed to Thru Records. The loose-head prop left.") == []
    assert flagged("We drove thru the night.", words=("thru",)) == []


def test_a_capitalised_slip_keeps_its_capital():
    assert flagged("It rained. Thru the night we drove.") == [("Thru", ("Through",))]


def test_tokens_keep_compounds_and_mark_paragraphs():
    forms = [t.form for t in tokens("A loose-head prop.\n\nHe left 2,000 “fans”.")]
    assert forms == ["<s>", "a", "loose-head", "prop", ".", "<s>", "he", "left", "<num>", '"', "fans", '"', "."]


def test_tokens_are_those_of_the_plain_reading_of_each_match():
    """Forms come from the text with ASCII capitals lowered and ’ as ': the same as
    lower-casing each match, and dashes between letters still split words."""
    from newslint.spelling.confusion import _TOKEN, START, Token

    def plain(text: str) -> list[Token]:
        out = [Token(START, 0, 0, "")]
        for m in _TOKEN.finditer(text):
            raw = m.group()
            if raw[0] == "\n":
                out.append(Token(START, m.start(), m.start(), ""))
                continue
            form = ("<num>" if raw[0].isdigit() else '"' if raw in "“”" else "-" if raw in "–—"
                    else raw.lower().replace("’", "'"))
            out.append(Token(form, m.start(), m.end(), raw))
        return out

    text = "Well–known O’Neil’s THE End’ — 3.5 ‘x’ ’tis\n \n\nZ Ünal KELVIN \u212a it’S; (a-b)"
    found = tokens(text)
    assert list(found) == plain(text) and found.forms == [t.form for t in plain(text)]
    assert found[2:4] == plain(text)[2:4] and found[-1] == plain(text)[-1]
    assert "well" in found.forms and "-" in found.forms and "o'neil's" in found.forms


def test_shipped_statistics_are_counts_with_provenance():
    header = DATA_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("# newslint real-word statistics") and "SOURCES.md" in header
    model = ConfusionModel.load()
    assert model.unigram["were"] > model.unigram["where"] > 0
    assert model.neighbours("were")[1]["arrested"] > model.neighbours("where")[1].get("arrested", 0)


def test_confusables_are_the_confusion_tokens_of_the_whole_reading():
    """Read only around each confusion word, they and their neighbours are what tokens()
    gives: joined words, numbers, marks, dashes, paragraph breaks and odd cases around them."""
    import random

    from newslint.spelling.confusable import _python_confusables, confusables
    from newslint.spelling.confusion import PAIRS

    def plainly(text: str) -> list[tuple]:
        toks = tokens(text)
        out = []
        for i, tok in enumerate(toks):
            if i and tok.form in PAIRS:
                after = toks[i + 1] if i + 1 < len(toks) else None
                out.append((tok, toks.forms[i - 1], after.form if after else "<s>", after.text if after else ""))
        return out

    rnd = random.Random(12)
    pieces = ["where", "Where", "WERE", "then", "than", "Thru", "nowhere", "x-", "-", "'s", "’", "et", "al", " ", " ",
              "  ", "\n", "\n\n", "\n \n", ".", ",", "“", "”", "—", "(", "2,000", "3", "ſ", "K", "é", "now", "know", "%", "$"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 16)))
        for read in (confusables, _python_confusables):  # the native core's reading where it is built
            found = [(c.token, c.left, c.right, c.following) for c in read(text)]
            assert found == plainly(text), repr(text)


def test_confusion_words_found_in_the_lower_cased_text_are_those_found_in_any_case():
    """What the lower-cased scan assumes: no character outside the word characters matches an
    ASCII letter in any case or lower-cases to one; and it finds what the case-insensitive
    scan finds, on texts it is used for and texts it is not."""
    import random
    import re
    import sys

    from newslint.spelling import confusable

    word = re.compile(r"\w")
    letter = re.compile(r"(?i)[a-z]")
    assert not [c for c in map(chr, range(sys.maxunicode + 1))
                if not word.match(c) and (letter.match(c) or letter.match(c.lower()))]
    rnd = random.Random(17)
    pieces = ["where", "Where", "WERE", "then", "THAN", "Thru", "nowhere", "loose", "Lose", " ", " ", "\n", ".",
              "“", "—", "3", "\u017f", "\u212a", "İ", "Σ", "é", "£", "know", "Now"]  # long s, Kelvin sign
    lowered = 0
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 16)))
        found = [m.span() for m in confusable._hits(text)]
        assert found == [m.span() for m in confusable._WORDS.finditer(text)], repr(text)
        lowered += len(text.lower()) == len(text) and confusable.ascii_words(text)
    assert 500 < lowered < 2500


def test_suspects_are_scored_as_the_plain_definition_scores_them():
    """Each confusion word against its best partner (the first of the best), P of a
    neighbour from its count else its Zipf frequency: as written out plainly here, on the
    confusion words of varied sentences."""
    import math

    from newslint.spelling.confusable import confusables
    from newslint.spelling.confusion import _MARGIN, _RARE_COUNT, _RARE_MARGIN, _SLIP_ODDS, PAIRS
    from newslint.spelling.lexicon import Lexicon

    model, zipf = ConfusionModel.load(), Lexicon.load("en").zipf

    def p(word: str) -> float:
        count = model.unigram.get(word)
        return (count + 0.5) / model.total if count is not None else 10 ** (zipf(word) - 9.0)

    def score(word: str, left: str, right: str) -> float:
        count = model.unigram.get(word, 0.0)
        before, after = model.neighbours(word)
        return (math.log((count + 0.5) / model.total)
                + math.log((before.get(left, 0.0) + 1.0) / (count * p(left) + 1.0))
                + math.log((after.get(right, 0.0) + 1.0) / (count * p(right) + 1.0)))

    def plainly(found) -> list[tuple[str, str, float]]:
        out = []
        for c in found:
            form, left, right = c.token.form, c.left, c.right
            best = max(PAIRS[form], key=lambda a: score(a, left, right))
            odds = score(best, left, right) + _SLIP_ODDS - score(form, left, right)
            if odds > (_RARE_MARGIN if model.unigram.get(form, 0.0) < _RARE_COUNT else _MARGIN):
                out.append((c.token.text, best, odds))
        return out

    text = ("The protesters where arrested. Profits were bigger then expected, and than fell. "
            "We drove thru the nite; wether or not the weather held, the whether was fine. "
            "He knew the new rules, and now we know. It was quite quiet. A piece of peace. "
            "The council gave counsel. Zyzzyvas where qwertyish form the 2,000 “chose” choose.\n\nLatter later.")
    found = confusables(text)
    assert len(found) > 20
    model._judged.clear()
    suspects = [(s.token.text, s.intended, s.odds) for s in model.suspects(found, zipf)]
    assert suspects == plainly(found) and ("where", "were") in [s[:2] for s in suspects]
    twice = confusables(text + " " + text.replace("where", "were"))  # verdicts remembered, asked again
    assert [(s.token.text, s.intended, s.odds) for s in model.suspects(twice, zipf)] == plainly(twice)
    rnd = __import__("random").Random(4)
    forms = ["where", "were", "then", "than", "new", "knew", "from", "form", "thru", "lead", "past", "passed"]
    sides = ["they", "the", "it", "bigger", "arrested", "rules", "and", ".", "2,000", "we", "led", "road", "Zyzzyvas"]
    for _ in range(60):  # the same confusion words between other neighbours, run after run
        varied = confusables(" ".join(f"{rnd.choice(sides)} {rnd.choice(forms)} {rnd.choice(sides)}" for _ in range(8)))
        assert [(s.token.text, s.intended, s.odds) for s in model.suspects(varied, zipf)] == plainly(varied)
    at = {c.token.start: c for c in twice}
    assert all((s.token, s.left, s.following) == (at[s.token.start].token, at[s.token.start].left, at[s.token.start].following)
               for s in model.suspects(twice, zipf))


_NEIGHBOUR_ALPHABET = "ab Z9,.;:\n\t\u00a0\"“”–—-()'’£é%\r"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_NEIGHBOUR_ALPHABET, max_size=300), st.integers(min_value=0, max_value=20))
def test_neighbours_read_from_a_window_as_from_the_whole_text(text: str, pad: int) -> None:
    """``neighbours`` cuts the text at safe gaps round a word; it must name the same tokens
    before and after every token as a tokenisation of the whole text, and None elsewhere."""
    text = "word " * pad + text + " more" * pad
    whole = tokens(text)
    starts = set(whole.starts[1:])
    for i in range(1, len(whole)):
        if whole.forms[i] == START:
            continue
        after = whole.forms[i + 1] if i + 1 < len(whole) else START
        assert neighbours(text, whole.starts[i]) == (whole.forms[i - 1], after)
    for offset in range(len(text)):
        if offset not in starts:
            assert neighbours(text, offset) is None


def test_neighbours_of_a_word_deep_in_a_long_article() -> None:
    text = "The minister said. " * 200 + "He sat their quietly, then left.\n\n" + "More copy here. " * 200
    start = text.index("their")
    assert neighbours(text, start) == ("sat", "quietly")
    assert neighbours(text, text.index("left")) == ("then", ".")
    assert neighbours(text, text.index("More")) == (START, "copy")
