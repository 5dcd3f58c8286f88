"""The text a pattern requires, and the phrase scan that skips patterns whose text is absent."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from newslint.article import Article
from newslint.kinds.phrase import PhraseRule, SharedScan
from newslint.kinds.rest_patterns import top_level_branches
from newslint.pattern_prefilter import Prefilter
from newslint.registry import default_registry
from newslint.required_literals import FOLD_LETTERS, Presence, fold, required, required_all

from conftest import FIXTURES


@pytest.mark.parametrize("regex, expected", [
    (r"\bin\s+order\s+to\b", {"order"}),
    (r"\b(?:in order to|so as to)\b", {"in order to", "so as to"}),
    (r"\b[Tt]he concerned (officials?|parties)\b", {"the concerned "}),
    (r"\bsaid(?: that)?", {"said"}),
    (r"(?:very )?\w+ly\b", {"ly"}),
    (r"\b(?:\w+|x)\b", None),
    (r"(?:foo)*", None),
])
def test_required_text(regex, expected):
    assert required(regex) == (None if expected is None else frozenset(expected))


def test_every_choice_is_required():
    assert required_all(r"\bin the (?:field|sphere) of\b") == [
        frozenset({"in the "}), frozenset({"field", "sphere"}), frozenset({" of"})]
    assert not Presence("In the sphere of").meets((("in the ",), ("field", "sphere"), ("sport",)))
    assert Presence("In the SPHERE of").meets((("in the ",), ("field", "sphere"), (" of",)))


def test_fold_covers_every_character_a_caseless_regex_takes_for_an_ascii_letter():
    letter = re.compile("(?i)[a-z]")
    beyond = {chr(cp) for cp in range(128, 0x110000) if letter.fullmatch(chr(cp))}
    assert beyond == set(FOLD_LETTERS)
    for char, ascii_letter in FOLD_LETTERS.items():
        assert re.fullmatch(f"(?i){ascii_letter}", char)
    assert fold("The KELVIN \u212a") == "the kelvin k"


def _texts(rules: list[PhraseRule]) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    for rule in rules:
        texts += [*rule.info.examples.fail, *rule.info.examples.ok]
        texts += [p.example for p in rule.spec.patterns if p.example]
    return texts


def test_every_pattern_match_contains_its_required_text():
    rules = [r for r in default_registry().rules if isinstance(r, PhraseRule)]
    texts = _texts(rules)
    checked = 0
    for rule in rules:
        for pattern in rule.spec.patterns:
            choices = required_all(pattern.regex)
            regex = re.compile(pattern.regex, 0 if pattern.case_sensitive else re.IGNORECASE)
            for text in texts:
                m = regex.search(text)
                if m:
                    checked += 1
                    for choice in choices:
                        assert any(n in fold(m.group()) for n in choice), (pattern.regex, m.group(), choice)
    assert checked > 500


def _one_alternation(matcher, text: str) -> dict[str, list[tuple[int, int, int]]]:
    """The matches of a pack as one alternation of all its word-start patterns tried at
    every word start (no dispatch, no required text): what the scan must reproduce."""
    found: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    if matcher.regex is not None:
        for m in matcher.regex.finditer(text):
            code, pi = matcher._groups[m.lastgroup]
            found[code].append((m.start(), m.end(), pi))
    sources = matcher._words.compiled.sources
    if sources:
        every = re.compile("|".join(sources[i] for i in range(len(sources))), re.MULTILINE)
        free = 0
        for w in re.finditer(r"\b\w", text):
            if w.start() < free:
                continue
            m = every.match(text, w.start())
            if m:
                code, pi = matcher._groups[m.lastgroup]
                found[code].append((m.start(), m.end(), pi))
                free = m.end()
    for hits in found.values():
        hits.sort()
    return dict(found)


def test_scan_finds_what_one_alternation_of_all_patterns_finds():
    rules = [r for r in default_registry().rules if isinstance(r, PhraseRule)]
    matchers = list({id(r.matcher): r.matcher for r in rules}.values())
    texts = _texts(rules)
    hits = 0
    for text in texts:
        article = Article(text)
        for matcher in matchers:
            SharedScan([matcher]).run(article)
            expected = _one_alternation(matcher, text)
            assert {c: h for c, h in article.cache[matcher].items() if h} == expected, text[:80]
            hits += sum(map(len, expected.values()))
    assert hits > 500


def test_patterns_whose_text_is_absent_are_not_compiled():
    text = "The minister said the talks in the capital would go on, in order to reach a deal.\n"
    rules = [r for r in default_registry().rules if isinstance(r, PhraseRule)]
    for matcher in {id(r.matcher): r.matcher for r in rules}.values():
        words = matcher._words
        fresh = type(words.compiled)(words.compiled.sources, words.compiled.flags)
        words.compiled, saved = fresh, words.compiled
        try:
            SharedScan([matcher]).run(Article(text))
        finally:
            words.compiled = saved
        keys = {text[w.start() : w.start() + 3].lower() for w in re.finditer(r"\b\w", text)}
        could_begin = set().union(*(words.index.candidates(k) for k in keys))
        presence = Presence(text)
        assert set(fresh) == {i for i in could_begin if presence.meets(words.filing.needs[i])}
        assert len(fresh) < len(could_begin) or not could_begin


def _scan_one_alternation(scanner, text: str) -> list[tuple[int, int, str]]:
    """The entity scanner's matches as one alternation of every branch tried at each word
    start (then, when overlapping, every branch that matches there)."""
    singles = [scanner._single.sources[name] for name in scanner._names]
    every = re.compile("|".join(singles))
    out, last = [], 0
    for w in re.finditer(r"(?<!\w)\w", text):
        pos = w.start()
        if pos < last:
            continue
        m = every.match(text, pos)
        if not m:
            continue
        last = m.end()
        if not scanner.overlapping:
            out.append((m.start(), m.end(), m.lastgroup))
            continue
        for name in scanner._names:
            other = scanner._single[name].match(text, pos)
            if other:
                last = max(last, other.end())
                out.append((pos, other.end(), name))
    return out


def compare_entity_scanners(prefiltered: bool) -> int:
    """Both entity scanners against one alternation, over the fixtures and the EN rules'
    examples, with their native prefilters built or not; the number of matches."""
    from newslint.entities.kb import knowledge_base

    kb = knowledge_base()
    rules = [r for r in default_registry().rules if r.info.code.startswith("EN")]
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    texts += [t for r in rules for t in (*r.info.examples.fail, *r.info.examples.ok)]
    found = 0
    for scanner in (kb.mention_regex, kb.cue_regex):
        kept = scanner.prefilter
        if prefiltered:
            assert kept.ready(build=True)
        else:  # one that is never ready, whatever the cache folder holds
            scanner.prefilter = Prefilter("never", [])
        try:
            for text in texts:
                expected = _scan_one_alternation(scanner, text)
                assert list(scanner.finditer(text)) == expected, text[:80]
                found += len(expected)
        finally:
            scanner.prefilter = kept
    return found


def test_entity_scanner_finds_what_one_alternation_finds():
    assert compare_entity_scanners(prefiltered=False) > 50


def test_rest_patterns_search_only_what_the_text_can_match():
    from newslint.kinds.rest_patterns import RestPatterns

    rest = RestPatterns([(True, r"(?P<a>\bthe masses\b)"), (False, r"(?P<b>, after which\b)")], [r"(?P<c>share on \w+)"])
    assert list(rest.finditer("Nothing here.", Presence("Nothing here."))) == []
    text = "He left, after which we ate."
    assert [m.group() for m in rest.finditer(text, Presence(text))] == [", after which"]
    assert not rest.singles.get(0)  # "the masses" is absent: never compiled
    assert rest.every().pattern == r"\b(?:(?P<a>\bthe masses\b))|(?P<b>, after which\b)|^[ \t]*(?:(?P<c>share on \w+))[ \t\r]*$"


def test_rest_patterns_match_as_their_alternation_does():
    """Separate searches, merged, give the alternation's matches: leftmost first, the
    earlier alternative at one start, nothing overlapping a match (random texts)."""
    import random

    from newslint.kinds.rest_patterns import RestPatterns

    sources = [r"(?P<a>ab)", r"(?P<b>a\w+c)", r"(?P<c>(?<=x )ba?)", r"(?P<d>c+)", r"(?P<e>\bx b\b)"]
    rest = RestPatterns([(s.startswith(r"(?P<e>\b"), s) for s in sources], [r"(?P<f>ab c)"])
    assert rest.separable
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice("abcx \n") for _ in range(rng.randrange(0, 30)))
        expected = [(m.span(), m.lastgroup) for m in rest.every().finditer(text)]
        assert [(m.span(), m.lastgroup) for m in rest.finditer(text, Presence(text))] == expected, text


def test_rest_patterns_that_can_match_empty_text_stay_one_alternation():
    from newslint.kinds.rest_patterns import RestPatterns

    rest = RestPatterns([(False, r"(?P<a>x*)"), (False, r"(?P<b>y)")], [])
    assert not rest.separable
    text = "ayxx"
    assert [m.span() for m in rest.finditer(text, Presence(text))] == [m.span() for m in rest.every().finditer(text)]


def test_presence_answers_every_literal_as_a_plain_search_would():
    """The three-character shortcut only ever rules out a literal the text lacks."""
    import random

    rng = random.Random(5)
    alphabet = "abcdeK ſ\u0130'-é"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        presence = Presence(text)
        folded = fold(text)
        for _ in range(20):
            if folded and rng.random() < 0.5:
                i = rng.randrange(len(folded))
                literal = folded[i : i + rng.randrange(1, 7)]
            else:
                literal = "".join(rng.choice("abcdek s'-") for _ in range(rng.randrange(1, 6)))
            assert presence.meets(((literal,),)) == (literal in folded), (text, literal)


def test_scans_of_one_article_share_its_presence():
    article = Article("Talks stall\n\nThe deal is in the sphere of trade.")
    assert Presence.of(article) is Presence.of(article) and Presence.of(article).folded == fold(article.text)


def test_needs_index_finds_exactly_the_patterns_whose_needs_a_text_meets():
    """Filing by rare three-character sequences only saves asking: the answer is that of
    asking every pattern (the packs' own needs, on the fixtures and rule examples)."""
    from newslint.required_literals import NeedsIndex

    rules = [r for r in default_registry().rules if isinstance(r, PhraseRule)]
    all_needs = [n for m in {id(r.matcher): r.matcher for r in rules}.values() for n in m._words.filing.needs]
    all_needs += [(), (("ab",),), (("x", "longer"), ("zz",))]  # none known; short strings
    index = NeedsIndex(all_needs)
    assert index.unfiled and len(index.by_triple) > 100
    met = 0
    for text in _texts(rules):
        presence = Presence(text)
        expected = {i for i, need in enumerate(all_needs) if Presence(text).meets(need)}
        assert index.met(presence) == expected, text[:80]
        met += len(expected)
    assert met > 1000


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newslint.required_literals import FOLD_LETTERS, fold  # noqa: E402

_FOLD_BY_DEFINITION = str.maketrans({**{c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, **FOLD_LETTERS})


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAzZqQ İıſKkéÉΣς\udc80😀—“") | st.characters(), max_size=40))
def test_fold_lowers_ascii_letters_and_the_fold_letters_only(text):
    assert fold(text) == text.translate(_FOLD_BY_DEFINITION)


def test_a_gated_rest_pattern_finds_what_the_pattern_finds():
    """Every pack pattern given a first-character look-ahead (first_chars.first_char_gate)
    finds what it finds without it, on the packs' examples and fixtures, in upper case and
    with letters that fold to ASCII ones ("ſ" for "s", the Kelvin sign for "k")."""
    from newslint.first_chars import first_char_gate

    rules = [r for r in default_registry().rules if isinstance(r, PhraseRule)]
    texts = _texts(rules)
    texts += [t.upper() for t in texts] + [t.replace("s", "ſ").replace("k", "\u212a") for t in texts]
    big = "\n\n".join(texts)
    gated = 0
    for rule in rules:
        for pattern in rule.spec.patterns:
            for branch in top_level_branches(pattern.regex):
                ignore_case = not pattern.case_sensitive
                gate = first_char_gate(branch, ignore_case)
                if gate == branch:
                    continue
                gated += 1
                flags = re.MULTILINE | (re.IGNORECASE if ignore_case else 0)
                plain, quick = re.compile(branch, flags), re.compile(gate, flags)
                assert [m.span() for m in quick.finditer(big)] == [m.span() for m in plain.finditer(big)], branch
    assert gated > 5
