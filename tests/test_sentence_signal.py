"""The sentence-level translation model (newslint/sentence_signal.py) and TR600."""

from __future__ import annotations

from pathlib import Path

from newslint import sentence_signal
from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter

TRANSLATED = (
    "It is reported that, according to the relevant person in charge of the bureau, the two sides said "
    "that they will further strengthen the exchanges and cooperation in the fields of trade, investment "
    "and tourism, that is, to promote the high-quality development of the relations of the two countries."
)
NATIVE = (
    "The two countries agreed on Monday to expand trade and tourism, officials said, after talks in "
    "Hanoi that both sides described as friendly."
)


def _codes(text: str, **config) -> list[str]:
    return [d.code for d in Linter(Config(grammar="off", **config)).lint(Article(text, "<test>"))]


def test_shape_keeps_common_words_and_masks_the_rest():
    model = sentence_signal.model()
    tokens = [t for t, _, _ in sentence_signal.shape("He said that Xi scolded 300 ambassadors", model.vocabulary)]
    assert tokens[:3] == ["he", "said", "that"]
    assert tokens[3:] == ["<C>", "<w>", "<n>", "<w>"]


def test_a_translated_sentence_scores_above_the_threshold_and_a_native_one_below():
    model = sentence_signal.model()
    assert sentence_signal.score(TRANSLATED)[0] >= model.threshold
    assert sentence_signal.score(NATIVE)[0] < model.threshold


def test_tr600_marks_the_sentence_and_quotes_the_phrases_that_weighed_most():
    article = Article(f"Talks held\n\n{NATIVE}\n\n{TRANSLATED}\n", "<test>")
    found = [d for d in Linter(Config(grammar="off", source_language="zh")).lint(article) if d.code == "TR600"]
    assert len(found) == 1
    assert article.text[found[0].offset:found[0].end_offset].startswith("It is reported that")
    assert "translated from Chinese" in found[0].message  # source-language given and "most)" in found[0].message


def test_tr600_needs_copy_that_reads_as_translated():
    short = ("It is reported that, according to the relevant person in charge, the two sides said that they "
             "will further strengthen exchanges.")
    text = f"Talks held\n\n{short}\n"  # 21 words: too short for the article signal
    assert "TR600" not in _codes(text)
    assert "TR600" in _codes(text, source_language="zh")


def test_a_sentence_finding_does_not_make_a_phrase_finding_give_way():
    """TR500 phrases yield to other translation findings on the same words, not to TR600."""
    text = ("Talks held\n\nIt is reported that the relevant person in charge said that the two sides will further "
            "strengthen exchanges and cooperation in all-round way, that is, to jointly promote the "
            "high-quality development of the relations of the two countries.\n")
    codes = _codes(text, source_language="zh")
    assert "TR600" in codes
    assert len([c for c in codes if c != "TR600"]) >= 2


def test_ordinary_english_is_scored_but_not_quoted_as_the_reason():
    sentence = ("According to the report, the two sides said that the relevant departments will further "
                "strengthen the prevention and control work, it is reported that.")
    _, positive = sentence_signal.score(sentence)
    assert any(key.startswith(("accord", "said that")) for _, key, _ in positive)  # they weigh...
    quoted = sentence_signal._phrases(sentence, positive)
    assert quoted and not any(q.lower() in ("according to", "said that") for q in quoted)  # ...but are not the reason


def test_sentences_that_read_as_translated_open_the_gate_for_a_borderline_article(monkeypatch):
    """An article scoring just short of the threshold reads as translated when enough of its
    sentences do (2 and a twentieth of them, or 1 and a tenth from a score of 0.3); TR000 says so, and a clear
    native score is never rescued."""
    from newslint import translation_signal as ts

    text = "Talks held\n\n" + " ".join([NATIVE] * 8) + "\n"
    borderline = ts.TranslationSignal({"en": 0.45, "zh": 0.5, "ru": 0.05}, (), 0.715, 200)
    native = ts.TranslationSignal({"en": 0.9, "zh": 0.05, "ru": 0.05}, (), 0.715, 200)
    monkeypatch.setattr(ts, "read", lambda _text, model=None: borderline)
    monkeypatch.setattr(sentence_signal, "marked_share", lambda article: (3, 20))
    signal = ts.of(Article(text, "<test>"))
    assert signal.reads_translated and signal.sentences == (3, 20)
    message = [d.message for d in Linter(Config(grammar="off")).lint(Article(text, "<test>")) if d.code == "TR000"]
    assert message and "3 of 20 sentences read as translated" in message[0]
    assert ts.of(Article(text, "<test>")).as_json()["sentences"] == {"translated": 3, "read": 20}

    monkeypatch.setattr(sentence_signal, "marked_share", lambda article: (2, 45))  # under 5%
    assert not ts.of(Article(text, "<test>")).reads_translated
    monkeypatch.setattr(sentence_signal, "marked_share", lambda article: (2, 30))  # two in a long article
    assert ts.of(Article(text, "<test>")).reads_translated
    monkeypatch.setattr(sentence_signal, "marked_share", lambda article: (1, 5))  # one sentence, from 0.3 up
    assert ts.of(Article(text, "<test>")).reads_translated
    monkeypatch.setattr(sentence_signal, "marked_share", lambda article: (1, 15))  # but a tenth of them
    assert not ts.of(Article(text, "<test>")).reads_translated
    low = ts.TranslationSignal({"en": 0.75, "zh": 0.2, "ru": 0.05}, (), 0.715, 200)  # score 0.25
    monkeypatch.setattr(ts, "read", lambda _text, model=None: low)
    assert not ts.of(Article(text, "<test>")).reads_translated  # one sentence is not enough there
    monkeypatch.setattr(sentence_signal, "marked_share", lambda article: (2, 10))
    assert ts.of(Article(text, "<test>")).reads_translated  # two are
    monkeypatch.setattr(ts, "read", lambda _text, model=None: native)
    monkeypatch.setattr(sentence_signal, "marked_share", lambda article: (5, 10))
    assert not ts.of(Article(text, "<test>")).reads_translated  # below SENTENCE_FLOOR: not read


def test_the_reason_quoted_is_never_inside_quotation_marks():
    """The phrases TR600 quotes as its reason are the reporter's words: a quoted slip
    ("to “determin its own destiny”") is someone else's."""
    text = (Path(__file__).resolve().parent.parent / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    article = Article(text, "seed")
    marked = sentence_signal.readings(article)
    assert marked
    for reading in marked:
        for phrase in reading.phrases:
            at = text.index(phrase, reading.start)
            assert not any(article.in_quote(i) for i in range(at, at + len(phrase)) if text[i].isalnum()), phrase


LEANING = "The mayor pointed out that the city will open 20 new schools next year."


def test_a_sentence_the_model_leans_towards_is_marked_when_another_rule_flags_a_phrase_in_it():
    probability, _ = sentence_signal.score(LEANING)
    assert sentence_signal.SUPPORTED_FLOOR <= probability < sentence_signal.model().threshold
    text = f"Schools plan\n\n{LEANING}\n\nThe plan was published on Monday.\n"
    assert "TR600" in _codes(text, source_language="zh")  # with TR007's 'pointed out'
    assert "TR600" not in _codes(text, source_language="zh", select=("TR600",))  # the model alone
    quiet = text.replace("The mayor pointed out", "The mayor said")
    assert "TR600" not in _codes(quiet, source_language="zh")


def test_the_supported_mark_names_the_phrase_it_rests_on():
    text = f"Schools plan\n\n{LEANING}\n\nThe plan was published on Monday.\n"
    found = Linter(Config(grammar="off", source_language="zh")).lint(Article(text, "<test>"))
    mark = next(d for d in found if d.code == "TR600")
    assert "it holds 'pointed out'" in mark.message
    assert text[mark.offset:mark.end_offset] == LEANING


def test_a_finding_on_most_of_the_sentence_or_in_another_does_not_support_the_mark():
    from newslint.checks.translated_sentence import TranslatedSentence
    from newslint.diagnostic import Finding, Severity
    from newslint.registry import default_registry
    from newslint.rule import CheckContext

    text = f"Schools plan\n\n{LEANING}\n\nThe plan was published on Monday.\n"
    article = Article(text, "<test>")
    start = text.index(LEANING)
    info = next(r.info for r in default_registry().rules if r.info.code == "TR007")
    context = CheckContext(options={}, source_language="zh")
    rule = TranslatedSentence()

    def marks(finding: Finding, severity: Severity = Severity.INFO) -> int:
        return len(list(rule.check_with(article, context, [(info, severity, finding)])))

    phrase = start + LEANING.index("pointed out")
    assert marks(Finding(phrase, phrase + len("pointed out"), "x")) == 1
    assert marks(Finding(start, start + len(LEANING) - 5, "x")) == 0  # most of the sentence
    elsewhere = text.index("published")
    assert marks(Finding(elsewhere, elsewhere + len("published"), "x")) == 0  # another sentence


def test_features_are_every_n_gram_at_its_first_place_in_order():
    model = sentence_signal.model()
    tokens = sentence_signal.shape("He said that the talks, he said that, would go on and on", model.vocabulary)
    plain: dict[str, tuple[int, int]] = {}
    for n in range(1, sentence_signal.MAX_N + 1):
        for i in range(len(tokens) - n + 1):
            plain.setdefault(" ".join(t[0] for t in tokens[i:i + n]), (tokens[i][1], tokens[i + n - 1][2]))
    assert list(sentence_signal.features(tokens).items()) == list(plain.items())
    assert sentence_signal.features([]) == {}


def test_the_cached_model_carries_every_shipped_weight():
    import json

    shipped = json.loads(sentence_signal.MODEL_PATH.read_text(encoding="utf-8"))
    model = sentence_signal.model()
    assert len(model.weights) == len(shipped["weights"])
    assert all(model.weights.get(key) == weight for key, weight in shipped["weights"].items())
    assert model.vocabulary == frozenset(shipped["vocabulary"]) and model.threshold == shipped["threshold"]


# --- shortcuts that must answer as the definitions they replace ---

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newslint.ordinary_phrases import ORDINARY, is_ordinary  # noqa: E402


def _is_ordinary_by_definition(surface: str) -> bool:
    plain = " ".join(surface.lower().strip(" ,;:").split())
    padded = f" {plain} "
    return any(plain in p or f" {p} " in padded for p in ORDINARY)


_PHRASE_WORDS = sorted({w for p in ORDINARY for w in p.split()}) + ["Said", "THE", "ccording", "tim", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PHRASE_WORDS), max_size=6), st.sampled_from(["", " ", ", ", ";", "\n", "  "]))
def test_ordinary_phrases_answer_as_defined(words, edge):
    surface = edge + " ".join(words) + edge
    assert is_ordinary(surface) == _is_ordinary_by_definition(surface)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_ordinary_phrases_answer_as_defined_on_any_text(surface):
    assert is_ordinary(surface) == _is_ordinary_by_definition(surface)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Talks", "stall", "“We", "agree,”", "he", "said.", '"No', 'way"', "—", "it", "’s", "2", "\n\n"]),
                min_size=1, max_size=40), st.data())
def test_quote_tests_answer_as_defined(words, data):
    """_direct_quote and _touches_quote count the letters inside quotation marks as the
    character-by-character definitions do."""
    text = "Headline\n\n" + " ".join(words)
    article = Article(text, "x.txt")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    inner = [i for i in range(start, end) if text[i].isalnum()]
    direct = bool(inner) and sum(article.in_quote(i) for i in inner) >= 0.8 * len(inner)
    touches = any(article.in_quote(i) for i in range(start, end) if text[i].isalnum())
    assert sentence_signal._direct_quote(article, start, end) == direct
    assert sentence_signal._touches_quote(article, start, end) == touches


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["<w>", "<C>", "<n>", ",", "the", "of", "said", "according", "to", "promote",
                                 "THE", "cooperation", "at", "same", "time"]), min_size=1, max_size=4),
       st.sampled_from(["according to", "at the same time", "promote cooperation", "the", "said at", "x y"]))
def test_explainable_answers_as_worth_quoting(key_words, surface):
    from newslint.ordinary_phrases import worth_quoting

    key = " ".join(key_words)
    expected = worth_quoting([t for t in key.split() if t not in sentence_signal._PLACEHOLDERS], surface)
    assert sentence_signal._explainable(key, surface) == expected
