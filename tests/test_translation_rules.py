"""Translation packs (rules/translation-*.yaml): seed calques found, clean copy left alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint import translation_signal
from newslint.article import Article
from newslint.config import Config
from newslint.engine import Linter
from newslint.kinds.phrase import PackMatcher, _applies, _starts_at_word_boundary
from newslint.registry import default_registry

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "seed-article.txt"

# (text the finding must cover, line of the seed article it is on)
SEED_CALQUES = [
    ("According to several media reports", 8),
    ("expand its scale", 8),
    ("It is reported that", 14),
    ("most concerned issue", 14),
    ("pointed out", 18),
    ("momentum of", 20),
]


CHINESE_STYLE = (
    "Forum opens\n\nIt is reported that the relevant departments pointed out that at present we "
    "must further promote the development of the industry, so as to achieve win-win results. "
    "Among them, the first batch of projects has been carried out. According to him, the forum "
    "is an important platform for exchanges and cooperation. It is understood that in recent "
    "years the relevant departments have vigorously promoted the construction of the platform and "
    "continuously improved the level of services. In the next step, all localities will further "
    "strengthen exchanges and cooperation, give full play to their advantages and make new and "
    "greater contributions to the high-quality development of the industry.\n"
)


def _translation(text: str, **config) -> list:
    article = Article(text, "<test>")
    found = Linter(Config(**config)).lint(article)
    return [(d, article.text[d.offset : d.end_offset]) for d in found if d.category == "translation"]


@pytest.mark.parametrize("phrase,line", SEED_CALQUES, ids=[p for p, _ in SEED_CALQUES])
def test_seed_calques_are_flagged(phrase, line):
    text = SEED.read_text(encoding="utf-8")
    assert text.splitlines()[line - 1].count(phrase) == 1, "fixture changed: update the expected line"
    hits = [d for d, matched in _translation(text) if phrase.lower() in matched.lower()]
    assert hits, f"no translation finding covers {phrase!r}"
    assert all(d.line == line for d in hits), [(d.code, d.line) for d in hits]


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("clean-*.txt")), ids=lambda p: p.stem)
def test_clean_fixtures_have_no_translation_warnings(path):
    found = _translation(path.read_text(encoding="utf-8"))
    assert [(d.code, matched) for d, matched in found if d.severity.rank >= 1] == []


def test_risky_verb_fires_only_in_copy_that_reads_as_translated():
    native = "Talks end\n\nThe minister pointed out that the talks had failed.\n"
    assert "TR007" not in {d.code for d, _ in _translation(native)}
    assert "TR007" in {d.code for d, _ in _translation(CHINESE_STYLE)}
    assert "TR007" in {d.code for d, _ in _translation(native, source_language="zh")}


@pytest.mark.parametrize(
    "source,runs_zh,runs_ru",
    [(None, True, True), ("any", True, True), ("zh", True, False), ("zh-cn", True, False), ("ru", False, True)],
)
def test_source_language_selects_packs(source, runs_zh, runs_ru):
    text = "Talks end\n\nThe relevant departments said so. According to him, the talks failed.\n"
    signal = translation_signal.read(text)
    assert not signal.reads_translated, "too short to read as translated: all packs may run"
    codes = {d.code for d, _ in _translation(text, source_language=source)}
    assert ("TR043" in codes) is runs_zh
    assert ("TR120" in codes) is runs_ru




def test_russian_patterns_skip_copy_that_reads_as_chinese():
    signal = translation_signal.read(CHINESE_STYLE)
    assert signal.reads_translated and signal.language == "zh" and signal.rules_out("ru")
    assert "TR120" not in {d.code for d, _ in _translation(CHINESE_STYLE)}
    assert "TR120" in {d.code for d, _ in _translation(CHINESE_STYLE, source_language="ru")}


def test_applies_to_language_tags():
    article = Article("Talks end\n\nThe talks ended.\n")
    assert _applies((), "ru", article) and _applies(("zh",), None, article) and _applies(("zh",), "any", article)
    assert _applies(("zh",), "zh-tw", article) and not _applies(("zh",), "ru", article)


@pytest.mark.parametrize(
    "regex,expected",
    [(r"\bfoo", True), (r"\bfoo|\bbar", True), (r"\bfoo|bar", False), (r"(?:\bfoo|bar)", False),
     (r"\b[|]foo", True), (r", foo", False), (r"\b(?:a|b)c|\bd", True)],
)
def test_word_boundary_detection(regex, expected):
    assert _starts_at_word_boundary(regex) is expected


def test_pack_matcher_finds_every_match_a_plain_alternation_finds():
    """Word-start dispatch and the shared \\b keep every match of the plain alternation.

    (Dispatched and ordinary patterns are matched as two streams, so a match of one may
    overlap a match of the other; the plain alternation would have hidden the second.)
    """
    from newslint.article import Article

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    rules = default_registry().rules
    texts += [t for r in rules for t in (*r.info.examples.fail, *r.info.examples.ok)]
    packs: dict[str, list] = {}
    for rule in rules:
        if hasattr(rule, "spec") and hasattr(rule, "matcher"):
            packs.setdefault(rule.spec.pack, []).append(rule.spec)
    for specs in packs.values():
        plain = []
        names = {}
        for ri, spec in enumerate(specs):
            for pi, p in enumerate(spec.patterns):
                body = p.regex if p.case_sensitive else f"(?i:{p.regex})"
                if spec.scope == "line":
                    body = rf"^[ \t]*(?:{body})[ \t\r]*$"
                plain.append(f"(?P<r{ri}_{pi}>{body})")
                names[f"r{ri}_{pi}"] = (spec.code, pi)
        reference = re.compile("|".join(plain), re.MULTILINE)
        matcher = PackMatcher(specs)
        for text in texts:
            expected = {(names[m.lastgroup][0], m.start(), m.end(), names[m.lastgroup][1]) for m in reference.finditer(text)}
            found = {(code, s, e, pi) for code, ms in matcher.matches(Article(text)).items() for s, e, pi in ms}
            assert expected <= found, expected - found

def test_every_pattern_example_is_flagged_by_its_own_pattern():
    for rule in default_registry().rules:
        for p in getattr(getattr(rule, "spec", None), "patterns", ()):
            if p.example:
                flags = 0 if p.case_sensitive else re.IGNORECASE
                assert re.search(p.regex, p.example, flags), (rule.info.code, p.regex, p.example)


def test_a_yielding_rule_gives_way_to_another_finding_on_the_same_words():
    from types import SimpleNamespace

    from newslint.diagnostic import Finding
    from newslint.engine import _give_way

    def active(code: str, yields: bool, category: str = "translation"):
        return SimpleNamespace(rule=SimpleNamespace(info=SimpleNamespace(code=code, yields=yields, category=category, whole_sentence=False)))

    firm, broad = active("TR001", False), active("TR500", True)
    date, lead = active("DT001", False, "date"), active("ST002", False, "style")
    found = [
        (firm, Finding(0, 19, "firm")),
        (broad, Finding(6, 19, "overlaps the firm finding")),
        (date, Finding(50, 58, "a date")),
        (broad, Finding(47, 58, "overlaps the date finding")),
        (lead, Finding(30, 90, "a long lead")),
        (broad, Finding(70, 80, "inside the lead only")),
    ]
    kept = [f.message for _, f in _give_way(found)]
    assert kept == ["firm", "a date", "a long lead", "inside the lead only"]


def test_the_article_reading_quotes_telling_phrases_not_ordinary_english():
    """TR000 explains itself with phrases an editor would rewrite, not 'on the' or 'according to'."""
    from newslint.ordinary_phrases import FUNCTION_WORDS, is_ordinary

    for text in (SEED.read_text(encoding="utf-8"), CHINESE_STYLE):
        phrases = translation_signal.read(text).top_phrases
        assert len(phrases) >= 3
        for phrase in phrases:
            assert not is_ordinary(phrase), phrase
            assert any(w not in FUNCTION_WORDS for w in phrase.lower().split()), phrase
        pairs = [set(zip(p.split(), p.split()[1:])) for p in phrases]
        assert all(not (a & b) for i, a in enumerate(pairs) for b in pairs[i + 1:]), phrases


def test_risky_mined_phrases_leave_quotations_alone():
    """TR501 holds phrases native reporters also use: inside someone's quoted words they are
    that person's, so only the reporter's own sentence is flagged."""
    outside = "Port plans\n\nThe city will promote reform of its ports, officials said.\n"
    inside = 'Port plans\n\nThe mayor said: "We will promote reform of our ports."\n'
    assert "TR501" in {d.code for d, _ in _translation(outside, source_language="zh")}
    assert "TR501" not in {d.code for d, _ in _translation(inside, source_language="zh")}


def test_my_country_in_a_sentence_that_says_i_is_the_speakers_own():
    """TR317 (我国 rendered "my country") leaves a first-person sentence alone, as it leaves a
    quotation: "I ... my country" is the writer's or speaker's own country. Another sentence
    of the article saying "I" does not excuse a reporting sentence."""
    own = "Exports rise\n\nAs a Chinese, I am proud of my country's achievements.\n"
    reported = "Exports rise\n\nI asked about trade. Wheat output in my country rose 2% last year.\n"
    assert "TR317" not in {d.code for d, _ in _translation(own, source_language="zh")}
    assert "TR317" in {d.code for d, _ in _translation(reported, source_language="zh")}


def test_a_party_congress_ordinal_is_not_a_day_without_a_month():
    """'since the 18th CPC National Congress' names a congress (judged false by eye); 'since
    the 18th' alone is a day from the dateline."""
    congress = "Evacuation figures\n\nSince the 18th CPC National Congress, 40,000 citizens have been evacuated.\n"
    day = "Evacuation figures\n\nSince the 18th, 40,000 citizens have been evacuated.\n"
    def day_findings(text: str) -> set[str]:
        return {d.code for d in Linter(Config(source_language="zh")).lint(Article(text, "<test>"))} & {"TR501", "DT001"}

    assert not day_findings(congress)
    assert day_findings(day)


def test_features_are_found_within_sentences_and_hold_no_sentence_break():
    """The walk reads the whole text's tokens at once, its sentence breaks kept as tokens:
    no feature may hold one, and an n-gram never runs across a break."""
    import re

    model = translation_signal.load_model()
    token = re.compile(translation_signal._TOKENS.pattern)
    assert all(token.fullmatch(part) for key in model.features for part in key.split(" "))
    text = "It is reported that the deal was signed. It is reported\n\nthat the talks end. “It is” reported that"
    def surfaces(text: str) -> list[tuple[int, str]]:
        tokens, found = translation_signal._walk(text, model)
        return [(col, " ".join(tokens[i:j])) for col, i, j in found]

    per_sentence = []
    for sentence in translation_signal._SENTENCES.split(text.lower()):
        per_sentence += surfaces(sentence)
    found = surfaces(text)
    assert found == per_sentence and any(" " in surface for _, surface in found)


def test_the_feature_tree_holds_every_feature_and_nothing_else():
    model = translation_signal.load_model()
    ends: dict[str, int] = {}

    def visit(children: dict, path: list[str]) -> None:
        for stem, (col, following) in children.items():
            if col is not None:
                ends[" ".join(path + [stem])] = col
            visit(following, path + [stem])

    visit(model.tree, [])
    assert ends == model.features and len(ends) > 1000
