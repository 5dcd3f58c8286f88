"""Spelling that understands news: the seed's typo, names, acronyms, dialects, house words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter

from conftest import FIXTURES


def spelling(text: str, **config) -> list:
    return [d for d in Linter(Config(select=("SP",), **config)).lint(Article(text)) if d.category == "spelling"]


def test_seed_typo_flagged_with_the_right_first_suggestion_and_names_left_alone():
    text = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
    found = spelling(text)
    assert [text[d.offset : d.end_offset] for d in found] == ["determin"]
    assert found[0].suggestions[0] == "determine" and found[0].line == 10
    for word in ("Stoltenberg", "YCPress", "dpa", "EU", "1990s"):
        assert word in text


def test_news_tokens_are_not_typos():
    text = (
        "Talks stall\n\nMPs from UKIP said the £1.13bn deal, 60m users, the 1990s and a 12-kilometre "
        "border mattered to NATO’s and the EU's plans, see www.example.com or desk@example.org."
    )
    assert spelling(text) == []


def test_common_typos_are_caught_with_fixes():
    found = spelling("Talks stall\n\nThe goverment said it had recieved the letter.")
    assert [(d.suggestions[0], d.fix is not None) for d in found] == [("government", True), ("received", True)]


def test_dialect_enforced_when_configured():
    text = "Talks stall\n\nThe color of the program was gray."
    assert spelling(text) == []
    assert {text[d.offset : d.end_offset] for d in spelling(text, language="en-GB")} >= {"color"}


def test_house_words_are_accepted():
    text = "Talks stall\n\nThe newsdesk said the strapline and the wibblewobble were fine."
    assert spelling(text, words=frozenset({"wibblewobble", "strapline", "newsdesk"})) == []


def test_name_spelt_two_ways():
    text = "Talks stall\n\nJens Stoltenberg spoke. Stoltenberg said no. Later Stoltenburg left."
    found = Linter(Config(select=("SP002",))).lint(Article(text))
    assert [text[d.offset : d.end_offset] for d in found] == ["Stoltenburg"]


def test_clean_fixtures_have_no_spelling_findings():
    for path in FIXTURES.glob("clean-*.txt"):
        assert spelling(path.read_text(encoding="utf-8")) == [], path.name


def test_long_article_checked_whole():
    paragraph = (FIXTURES / "clean-council-budget.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    text = "Big story\n\n" + "\n\n".join([paragraph] * 30) + "\n\nThe goverment left."
    assert len(text.split()) >= 5000
    found = Linter(Config(select=("SP",))).lint(Article(text))
    assert [d.suggestions[0] for d in found] == ["government"]


def test_every_skipped_span_holds_the_hint_that_lets_the_skip_scan_run():
    """Candidates scan for URLs, addresses, handles and domains only in text that has one's
    telltale; each kind the scan skips must carry it, in any case."""
    from newslint.spelling.candidates import _SKIP, _SKIP_HINT

    samples = ["See HTTPS://Example.org/a?b", "www.Gov.UK/x", "write to desk@newsroom.example",
               "a.b+c@d-e.co", "follow @bbcnews and #Brexit", "at Bbc.Co.Uk/news", "on gov.uk today",
               "news.INFO and x.io", "plain text with no address", "e.g. etc. i.e. U.S. 3.5"]
    for text in samples:
        for m in _SKIP.finditer(text):
            assert _SKIP_HINT.search(m.group()), m.group()
    assert not _SKIP_HINT.search("plain text with no address, e.g. U.S. 3.5")


def test_slips_news_copy_never_makes_on_purpose_are_flagged_wherever_they_stand():
    """A place in lower case, a slip inside a common country's name, two words run together
    round a function word, and a compound with a slip in its first part: each is a typo even
    where a capital, a comma or a known compound would otherwise excuse it."""
    cases = {
        "The ferry left istanbul at dawn.": ("istanbul", "Istanbul"),
        "He studied in Japen, where he met her.": ("Japen", "Japan"),
        "Forexample, the deal fell through.": ("Forexample", "For example"),
        "Shares rose. Forexample, the deal fell through.": ("Forexample", "For example"),
        "He was a truthworthy witness.": ("truthworthy", "trustworthy"),
    }
    for sentence, (word, fix) in cases.items():
        text = "Talks stall\n\n" + sentence
        found = spelling(text)
        assert [(text[d.offset : d.end_offset], d.suggestions[0]) for d in found] == [(word, fix)], sentence


def test_names_places_in_lower_case_words_and_coinages_stay_clean():
    """Only those slips: a surname that differs from a country at the end, common words that
    are also places, content words run together (coinages) and a compound whose tail differs
    from the near word are left alone."""
    for sentence in (
        "It was sold to fellow producer Edward Germano, who rebuilt it.",
        "The china and the turkey were on the table in the van.",
        "Sky offers smartcards to children.",
        "Drivers use a passcard at the toll, and an overmighty state is feared.",
        "Murrayfield, Edinburgh, hosts the game.",
    ):
        assert spelling("Talks stall\n\n" + sentence) == [], sentence


def test_run_together_asks_for_suggestions_only_when_a_glued_split_exists(monkeypatch):
    """The guard before the suggestions changes no answer: with it forced open the same words
    are run-togethers ("forexample"), and the rest are not."""
    from newslint.checks import spelling as sp
    from newslint.spelling.lexicon import Lexicon

    lexicon = Lexicon.load("both")
    words = ["forexample", "inspiteof", "smartcards", "bandwith", "murrayfield", "thebestway", "unforturntly",
             "ofthecountry", "willbethere", "acomodatian", "homecontry", "wouldhave", "intothe"]
    guarded = [sp._run_together(w, lexicon) for w in words]
    monkeypatch.setattr(sp, "_glued_split", lambda lw, lexicon: True)
    assert [sp._run_together(w, lexicon) for w in words] == guarded
    assert guarded[0] == "for example" and guarded[2] is None


def test_names_passed_in_earlier_articles_are_judged_as_afresh(monkeypatch):
    """SP001 passes a capitalised word at once where an earlier article passed it as a name
    standing the same way; the findings are those of judging every article afresh."""
    import random

    from newslint.checks import spelling

    words = ["Stoltenberg", "Thge", "Teh", "Japen", "Paris", "Goverment", "Forexample", "Alain", "Herve", "Tje",
             "Ifo", "Littel", "Wes", "Brown", "Moreso", "Vishwanathan", "Istanbul", "Thaliand", "The", "Germano"]
    rnd = random.Random(16)
    texts = []
    for _ in range(120):
        sentences = []
        for _ in range(rnd.randint(1, 6)):
            picked = [rnd.choice(words) for _ in range(rnd.randint(1, 3))]
            sentences.append(f"{picked[0]} said {' and '.join(picked[1:]) or 'so'} met {rnd.choice(words)} today.")
        texts.append("Talks stall\n\n" + " ".join(sentences) + ("\n\n" + rnd.choice(words) + " left." if rnd.random() < 0.5 else ""))
    linter = Linter(Config(grammar="off", select=("SP001",)))

    def found() -> list[list[tuple[int, int, str]]]:
        return [[(d.offset, d.end_offset, d.message) for d in linter.lint(Article(t))] for t in texts]

    spelling._NAMES_PASSED.clear()
    remembered = found()
    assert sum(map(len, spelling._NAMES_PASSED.values())) > 20
    monkeypatch.setattr(spelling, "_names_passed", lambda lexicon: set())  # nothing remembered
    assert found() == remembered
    assert sum(map(len, remembered)) > 50


def test_words_opening_lines_passed_in_earlier_articles_are_judged_as_afresh(monkeypatch):
    """SP001 passes a word with a capital opening a line at once where an earlier article
    passed it there; the findings are those of judging every article afresh, also where the
    same word stands mid-sentence later in the article or is quoted alone."""
    import random

    from newslint.checks import spelling

    words = ["The", "Teh", "Thge", "Goverment", "Forexample", "Dlrs", "Mln", "Xqz", "Qzxvwk", "Reuters", "Japen",
             "Istanbul", "Bangemann", "Vogel", "Writedowns", "Acomodatian", "Strugglers", "There're", "Somethink",
             "Uncosted", "Homecontry", "Nakasone", "Api", "Hlp", "Jailings", "中文", "Tje", "Alain"]
    rnd = random.Random(14)
    texts = []
    for _ in range(150):
        lines = []
        for _ in range(rnd.randint(1, 5)):
            first = rnd.choice(words)
            opened = f'"{first}"' if rnd.random() < 0.1 else first
            lines.append(f"{opened} said {rnd.choice(words)} met. {rnd.choice(words)} {rnd.choice(words)} left today.")
        texts.append("Talks stall\n\n" + "\n\n".join(lines))
    linter = Linter(Config(grammar="off", select=("SP001",)))

    def found() -> list[list[tuple[int, int, str]]]:
        return [[(d.offset, d.end_offset, d.message) for d in linter.lint(Article(t))] for t in texts]

    spelling._INITIALS_PASSED.clear()
    remembered = found()
    kept = next(iter(spelling._INITIALS_PASSED.values()))
    assert True in kept.values() and False in kept.values()
    monkeypatch.setattr(spelling, "_initials_passed", lambda lexicon: {})  # nothing remembered
    assert found() == remembered
    assert sum(map(len, remembered)) > 50


_DIALECT_PARTS = ["defence", "defense", "organise", "organize", "colour", "color", "programme", "program", "house",
                  "xqzvv", "theatre", "theater", "centre", "center", "honour", "travelled", "traveled", "the",
                  "realise", "catalogue", "coded", "well", "cheque", "check", "aluminium", "tyre", "tire"]
_PLAIN_WORDS = st.lists(st.sampled_from(_DIALECT_PARTS) | st.text("abcdeilnorstuz", min_size=1, max_size=8),
                        min_size=1, max_size=3).map("-".join)


@settings(max_examples=300, deadline=None)
@given(st.frozensets(_PLAIN_WORDS, max_size=25))
def test_dialect_words_found_by_set_are_those_dialect_of_names(words):
    """SP003 reads the dialect of an article's plain words (lower-case letters, hyphens inside)
    from the lexicon's words of one dialect; each is the dialect ``dialect_of`` names."""
    from newslint.checks import spelling
    from newslint.spelling.lexicon import Lexicon

    lexicon = Lexicon.load("both")
    expected = {w: lexicon.dialect_of(w) for w in words if lexicon.dialect_of(w) is not None}
    assert spelling._dialect_spelt(lexicon, words) == expected


def test_one_dialect_words_are_those_dialect_of_names():
    """The lexicon's words of one dialect are every word ``dialect_of`` gives a dialect (read
    from the tags afresh), with it."""
    from newslint.spelling.lexicon import Lexicon

    lexicon = Lexicon.load("both")
    one = lexicon.one_dialect()
    assert len(one) > 8000 and one["colour"] == "en-GB" and one["color"] == "en-US" and "program" not in one
    assert all(lexicon._dialect_afresh(w) == d for w, d in one.items() if "'" not in w)
    sample = list(lexicon._data.sharded_mask)[::37]
    assert [w for w in sample if "-" not in w and "'" not in w and lexicon._dialect_afresh(w) is not None and w not in one] == []


def test_mixed_dialect_first_look_never_drops_a_finding(monkeypatch):
    """SP003 leaves an article at once when it does not hold spellings of both dialects
    anywhere; with that look turned off, every text gives the same findings."""
    from newslint.checks import spelling

    pieces = ["The colour of the programme", "the color of the program", "a well-organised plan",
              "\"We like the color,\" she said.", "Colour Labs", "organised and organized", "the centre",
              "honor", "cheques", "the theatre's", "It is favourable."]
    texts = ["Talks stall\n\n" + " ".join(pieces[i] for i in range(k, len(pieces), step)) + "."
             for step in (1, 2, 3) for k in range(step)]
    texts += ["Talks stall\n\n" + ". ".join(pieces[:n]) + "." for n in range(1, len(pieces) + 1)]
    texts += [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.rglob("*.txt"))]
    linter = Linter(Config(select=("SP003",)))

    def found() -> list[list[tuple[int, str]]]:
        return [[(d.offset, d.message) for d in linter.lint(Article(t, "<t>"))] for t in texts]

    quick = found()
    monkeypatch.setattr(spelling, "_both_dialects", lambda article: True)
    assert quick == found()
    assert any(quick), "some text must be flagged, or the comparison proves nothing"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="abc", max_size=7), st.text(alphabet="abc", max_size=7))
def test_one_edit_apart_is_distance_one(a: str, b: str) -> None:
    from newslint.checks.spelling import _distance, _one_edit_apart

    assert _one_edit_apart(a, b) == (_distance(a, b) == 1)
    assert _one_edit_apart("thailand", "thaliand") and _one_edit_apart("japan", "japen") and not _one_edit_apart("japan", "jpane")


def test_lower_case_words_passed_in_earlier_articles_are_judged_as_afresh(monkeypatch):
    """SP001 remembers for the run the lower-case words it let pass, the unknown ones too
    ("mln", "dlrs", a term too far from any word); the findings are those of judging every
    article afresh, slips ("teh", "goverment") flagged every time."""
    import random

    from newslint.checks import spelling

    words = ["mln", "dlrs", "pct", "teh", "goverment", "gandula", "'gandula'", "quango", "zzxq", "the", "bn",
             "recieve", "cts", "shr", "vs", "forexample", "littel", "said"]
    rnd = random.Random(7)
    texts = ["Talks stall\n\n" + " ".join(f"He said {rnd.choice(words)} and {rnd.choice(words)} rose." for _ in range(4))
             for _ in range(120)]
    linter = Linter(Config(grammar="off", select=("SP001",)))

    def found() -> list[list[tuple[int, int, str]]]:
        return [[(d.offset, d.end_offset, d.message) for d in linter.lint(Article(t))] for t in texts]

    spelling._PLAIN_CORRECT.clear()
    remembered = found()
    assert {"mln", "dlrs", "zzxq"} <= set().union(*spelling._PLAIN_CORRECT.values())
    assert not {"teh", "goverment"} & set().union(*spelling._PLAIN_CORRECT.values())
    monkeypatch.setattr(spelling, "_plain_correct", lambda lexicon: set())  # nothing remembered
    assert found() == remembered
    assert sum(map(len, remembered)) > 50


def test_capitalised_words_of_a_piece_are_those_it_owns():
    """SP001's count of capitalised words skips the ownership test for a whole article only."""
    from newslint.checks.spelling import _capitalised
    from newslint.pieces import Piece
    from newslint.spelling.candidates import split

    text = "Talks stall\n\nParis met Rome. Berlin said no.\n\nMadrid and Paris left. Lisbon stayed.\n\nOslo too."
    article = Article(text)
    cut = text.index("Madrid")
    for piece in (Piece.whole(text), Piece(text, 0, 0, 0, cut), Piece(text, 0, 0, cut, len(text)),
                  Piece(text, 0, 0, 13, cut), Piece(text + "\n\nMore", 0, 0, 0, len(text))):
        owned = [c.word for c in split(article).others if c.word[:1].isupper() and piece.owns(c.start)]
        assert list(_capitalised(article, piece)) == owned


def test_name_variants_are_those_of_every_name_read_afresh():
    """SP002 reads the names standing once from the article's candidates and its count of
    names, and leaves an article with no name standing twice at once: the findings are those
    of reading every name the lexicon does not know, as written out plainly here."""
    import random

    from newslint.checks import spelling
    from newslint.checks.transliteration import keeps
    from newslint.rule import CheckContext

    def plainly(article: Article) -> list[tuple[int, int, str]]:
        counts = spelling.names_fact("both")(article)
        out = []
        for odd, start in spelling._names(article, "both"):
            if counts[odd] != 1:
                continue
            for usual, n in sorted(((u, n) for u, n in counts.most_common() if n >= 2 and u[0] == odd[0]),
                                   key=lambda un: -un[1]):
                if abs(len(usual) - len(odd)) <= 2 and spelling._variant_of(odd, usual):
                    if not keeps(article, "both", odd, usual):
                        out.append((start, start + len(odd), usual))
                    break
        return out

    names = ["Stoltenberg", "Stoltenburg", "Stoltenbergs", "Makhachev", "Mahachev", "Austria", "Australia", "Germano",
             "Germany", "Vishwanathan", "Vishwanatan", "Nakasone", "Nakason", "Dornbusch", "Dornbush", "Colour"]
    rnd = random.Random(2)
    rule, context = spelling.NameVariant(), CheckContext(options={}, language="both")
    found = 0
    for _ in range(150):
        text = "Talks stall\n\n" + " ".join(
            f"{rnd.choice(['Then', 'Later', 'So', chr(10) + rnd.choice(names)])} {rnd.choice(names)} met {rnd.choice(names)}."
            for _ in range(rnd.randint(1, 6)))
        article = Article(text)
        findings = [(f.start, f.end, f.suggestions[0]) for f in rule.check(article, context)]
        assert findings == plainly(article), text
        found += len(findings)
    assert found > 25
