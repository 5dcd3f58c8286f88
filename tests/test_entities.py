"""Organisation rules (EN001, EN002): knowledge base, scanner, seed article, precision cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.article import Article
from newslint.entities.kb import knowledge_base
from newslint.entities.scanner import Scanner, first_chars
from newslint.entities.scoring import analysis
from newslint.config import Config, ConfigError, RuleSetting
from newslint.diagnostic import Severity
from newslint.engine import Linter
from newslint.packs import packs_dir

ROOT = Path(__file__).resolve().parent.parent


def lint(text: str, **options):
    rules = {code: RuleSetting(options=opts) for code, opts in options.items()}
    return Linter(Config(select=("EN",), rules=rules)).lint(Article(text))


# ---- knowledge base ----------------------------------------------------------------------


def test_knowledge_base_ships_with_the_packs_and_is_read_once():
    assert (packs_dir() / "entities" / "organisations.yaml").is_file()
    assert knowledge_base() is knowledge_base()


def test_knowledge_base_is_consistent():
    kb = knowledge_base()
    for org in kb.orgs.values():
        assert org.parent is None or org.parent in kb.orgs, org.id
        assert org.id not in kb.rivals[org.id]
        for rival in kb.rivals[org.id]:
            assert not kb.related(org.id, rival), (org.id, rival)
    assert "NATO" in kb.rivals["EU"] and "EU" in kb.rivals["NATO"]
    assert "EU" not in kb.rivals["EUCO"]  # a part of the EU is not its rival
    people = [e for e in kb.cue_groups.values() if hasattr(e, "roles")]
    assert len(people) > 50
    for person in people:
        for role in person.roles:
            assert role.org in kb.orgs, person.name
            assert role.start is not None, person.name
            assert role.end is None or role.start <= role.end, person.name


def test_knowledge_base_regexes_compile_without_capturing_groups():
    import yaml

    folder = packs_dir() / "entities"
    data = yaml.safe_load((folder / "organisations.yaml").read_text(encoding="utf-8"))
    people = yaml.safe_load((folder / "people.yaml").read_text(encoding="utf-8"))["people"]
    regexes = [rx for p in people for rx in p["match"]]
    for org in data["orgs"].values():
        regexes += org.get("aliases", []) + org.get("weak", []) + org.get("topic", [])
        for tier in (org.get("cues") or {}).values():
            regexes += [c if isinstance(c, str) else c["re"] for c in tier]
    for rx in regexes:
        assert re.compile(rx).groups == 0, rx


def test_stoltenberg_term_is_recorded():
    kb = knowledge_base()
    stoltenberg = next(e for e in kb.cue_groups.values() if getattr(e, "name", "") == "Jens Stoltenberg")
    (role,) = stoltenberg.roles
    assert role.org == "NATO" and str(role.start) == "2014-10-01" and role.end.year == 2024


# ---- scanner -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "regex,first",
    [
        ("NATO", {"n"}),
        ("(?:chief )?prosecutors?", {"c", "p"}),
        ("[Tt]he bloc", {"t"}),
        ("(?:1\\d\\d|[2-9]\\d) votes", set("123456789")),
        ("(?<!police )commissioners?", {"c"}),
    ],
)
def test_first_chars(regex, first):
    assert first_chars(regex) == frozenset(first)


def test_scanner_finds_what_one_alternation_finds():
    parts = [("a", "EU", True), ("b", "European Union", True), ("c", "EU summit", True), ("d", "(?:the )?bloc", False),
             ("e", "Union", True), ("f", "(?:1\\d\\d|[2-9]\\d) votes", False)]
    text = "The EU summit and the European Union: the bloc won 141 votes; EU-wide, Bloc, EUR, Union."
    ordered = sorted(parts, key=lambda p: -len(p[1]))
    body = "|".join(f"(?P<{n}>{rx if cs else '(?i:' + rx + ')'})" for n, rx, cs in ordered)
    naive = [(m.start(), m.end(), m.lastgroup) for m in re.finditer(rf"(?<!\w)(?:{body})(?!\w)", text)]
    assert list(Scanner(parts).finditer(text)) == naive


def test_overlapping_scanner_reports_every_cue_at_a_position():
    scanner = Scanner([("a", "exports", False), ("b", "exports?", False)], overlapping=True)
    assert sorted(name for *_, name in scanner.finditer("Exports fell.")) == ["a", "b"]


# ---- EN001 on the seed article -------------------------------------------------------------


def test_seed_article_eu_for_nato_is_flagged_twice():
    text = (ROOT / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    found = [d for d in lint(text) if d.code == "EN001"]
    assert [(d.line, d.category) for d in found] == [(12, "entity"), (14, "entity")]
    treaty, relations = found
    assert text[treaty.offset : treaty.end_offset] == "EU"
    assert "Stoltenberg" in treaty.message and "founding treaty" in treaty.message
    assert "eastward expansion" in relations.message
    for d in found:
        assert d.suggestions == ("NATO",) and d.fix is None
        assert "\n" not in d.message and not d.message.endswith(".")


# ---- EN001 precision: what must stay quiet -------------------------------------------------

NATO_ARTICLE = (
    "Alliance defends expansion\n\n"
    "NATO Secretary-General Jens Stoltenberg said NATO had never promised not to expand. "
    "NATO allies will meet in Brussels to discuss the eastern flank. {sentence} "
    "Stoltenberg said collective defence under Article 5 remained the core of NATO. "
    "NATO troops will take part in exercises in Poland."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO and the EU agreed to co-ordinate their support for Ukraine.",
        "EU and NATO members will meet again in March.",
        "Officials from the EU, NATO and the OSCE attended.",
        "The EU-NATO declaration was signed in 2016.",
        "Unlike NATO, the EU has no mutual defence troops of its own.",
        "Stoltenberg welcomed the EU's plan to spend more on defence.",
        "Finland, which joined the EU in 1995, applied to join NATO.",
    ],
)
def test_both_organisations_named_deliberately_are_not_flagged(sentence):
    assert lint(NATO_ARTICLE.format(sentence=sentence)) == []


def test_article_that_genuinely_discusses_both_is_not_flagged():
    text = (
        "Leaders tighten ties\n\n"
        "NATO leaders met in Vilnius on Tuesday. Secretary-General Jens Stoltenberg said allies would "
        "raise defence spending to two per cent of GDP. NATO troops will stay on the eastern flank.\n\n"
        "The European Union, meanwhile, agreed a new sanctions package. European Commission President "
        "Ursula von der Leyen said member states would also open accession talks with Ukraine. EU "
        "finance ministers will approve the budget next month.\n\n"
        "Turkey, a NATO member, has been an EU candidate country since 1999."
    )
    assert lint(text) == []


def test_loose_names_and_capitals_are_not_flagged():
    text = (
        "Cricket chiefs meet\n\nThe ICC said the World Cup would go ahead. Trade ministers of the WTO met. "
        "WHO WANTS TO HOST THE TOURNAMENT? The bloc of nations said tariffs must fall."
    )
    assert lint(text) == []


def test_kremlin_security_council_is_not_taken_for_the_un():
    text = (
        "Putin convenes council\n\nPutin chaired a meeting of the Security Council at the Kremlin on Friday. "
        "Security Council secretary Nikolai Patrushev attended."
    )
    assert lint(text) == []


# ---- EN001 recall: swaps a reader would catch ------------------------------------------------


def test_eu_swapped_into_a_nato_sentence():
    text = NATO_ARTICLE.format(sentence="The EU invoked Article 5 after the attack, and SACEUR ordered more troops east.")
    (finding,) = lint(text)
    assert finding.code == "EN001" and finding.suggestions == ("NATO",)
    assert "Article 5" in finding.message or "SACEUR" in finding.message


def test_nato_swapped_into_an_eu_article():
    text = (
        "Brussels fines chipmaker\n\n"
        "The European Union fined the chipmaker 1bn euros on Monday. Competition commissioner Margrethe "
        "Vestager said the firm had abused its dominance of the single market.\n\n"
        "NATO member states must now apply the directive, and MEPs will vote on it in Strasbourg. "
        "The EU said the fine would go to the EU budget."
    )
    (finding,) = lint(text)
    assert text[finding.offset : finding.end_offset] == "NATO" and finding.suggestions == ("EU",)


def test_council_of_europe_for_the_european_council():
    text = (
        "Leaders agree budget\n\nEU leaders agreed the budget on Friday. The Council of Europe summit "
        "conclusions say heads of state or government will meet again in June, Charles Michel said."
    )
    (finding,) = lint(text)
    assert "European Council" in finding.message and finding.suggestions == ("European Council",)


def test_general_assembly_vote_attributed_to_the_security_council():
    text = (
        "UN condemns annexation\n\nThe UN Security Council adopted the non-binding resolution by 143 votes "
        "to five, in a vote of the 193-member body."
    )
    (finding,) = lint(text)
    assert finding.suggestions == ("General Assembly",)


def test_membership_worded_as_the_rivals_is_flagged_even_beside_the_rival():
    text = (
        "Watchdog criticises fraud reporting\n\n"
        "The European Court of Auditors refused to sign off the accounts and blamed the European Commission "
        "and the structural funds.\n\n"
        "NATO member states are failing to report fraud in EU funds on a consistent basis, the watchdog said. "
        "MEPs will debate the report in Strasbourg next month."
    )
    (finding,) = lint(text)
    assert text[finding.offset : finding.end_offset] == "NATO" and "'member states'" in finding.message


def test_numbered_resolution_and_use_of_force_point_to_the_security_council():
    text = (
        "Iraq war legal, says adviser\n\nThe attorney general said on Thursday that the invasion of Iraq was "
        "lawful. He said military action was authorised by the UN General Assembly under resolution 1441."
    )
    (finding,) = lint(text)
    assert finding.suggestions == ("Security Council",) and "resolution 1441" in finding.message


def test_words_of_a_name_are_not_evidence_for_it():
    text = (
        "Garment makers brace for change\n\nClothing exporters in Bangladesh fear the end of textile quotas. "
        "The World Health Organisation says the liberalisation will help cheaper producers such as China."
    )
    found = analysis(Article(text), None)
    (mention,) = found.mentions
    assert not [ev for ev in found.evidence if mention.start <= ev.start < mention.end and ev.tier != "mention"]
    (finding,) = lint(text)
    assert finding.suggestions == ("WTO",)


@pytest.mark.parametrize(
    "text",
    [
        "Trade deal agreed\n\nEU trade commissioner Peter Mandelson said the EU would cut tariffs on textiles. "
        "NATO defence ministers met separately in Brussels to discuss Afghanistan.",
        "Allies meet\n\nNATO defence ministers met in Brussels. NATO member states agreed to send more troops "
        "to Afghanistan, Secretary General Jaap de Hoop Scheffer said.",
        "Bird flu spreads\n\nThe World Health Organization said bird flu had spread to three more countries. "
        "The WTO said trade in poultry would be hit, as importers banned chickens from the affected regions.",
    ],
)
def test_new_cues_leave_correct_names_alone(text):
    assert lint(text) == []


def test_name_glossed_with_a_rival_abbreviation():
    found = lint("Loans agreed\n\nThe World Bank (IMF) agreed the loan on Monday.")
    assert [d.code for d in found] == ["EN001"]
    assert found[0].end_offset - found[0].offset == len("World Bank (IMF)")
    assert lint("Loans agreed\n\nThe International Monetary Fund (IMF) agreed the loan on Monday.") == []


def test_flag_inside_quoted_speech_is_informational():
    text = NATO_ARTICLE.format(sentence='He said: "The EU invoked Article 5 and SACEUR sent troops east."')
    (finding,) = lint(text)
    assert finding.severity is Severity.INFO and "quoted speech" in finding.message


def test_threshold_option_controls_how_sure_the_rule_must_be():
    text = NATO_ARTICLE.format(sentence="The EU invoked Article 5 after the attack, and SACEUR ordered more troops east.")
    assert lint(text, EN001={"threshold": 50.0}) == []


# ---- EN002 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence,snippet",
    [
        ("UN Secretary-General Jens Stoltenberg spoke.", "UN Secretary-General Jens Stoltenberg"),
        ("The EU's foreign policy chief, Jens Stoltenberg, spoke.", "EU's foreign policy chief, Jens Stoltenberg"),
        ("Josep Borrell, NATO's secretary general, spoke.", "Josep Borrell, NATO's secretary general"),
        ("The head of the IMF, James Wolfensohn, spoke.", "head of the IMF, James Wolfensohn"),
        ("ICC president Kofi Annan spoke.", "ICC president Kofi Annan"),
    ],
)
def test_title_holder_with_the_wrong_organisation(sentence, snippet):
    text = "Officials meet\n\n" + sentence
    found = [d for d in lint(text) if d.code == "EN002"]
    assert len(found) == 1
    assert text[found[0].offset : found[0].end_offset] == snippet
    assert found[0].fix is None


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO Secretary-General Jens Stoltenberg spoke.",
        "EU foreign policy chief Josep Borrell and NATO chief Mark Rutte spoke.",
        "Former NATO Secretary General Javier Solana spoke.",
        "Javier Solana, the EU foreign policy chief, spoke.",
        "Former Norwegian prime minister Jens Stoltenberg spoke about the EU.",
        "EU Council President Charles Michel spoke.",
        "World Bank president Paul Wolfowitz spoke.",
    ],
)
def test_title_holder_with_the_right_organisation(sentence):
    assert [d for d in lint("Officials meet\n\n" + sentence) if d.code == "EN002"] == []


def test_as_of_date_checks_the_term_of_office():
    text = "Allies meet\n\nNATO Secretary General Mark Rutte opened the summit."
    assert lint(text) == []
    (finding,) = lint(text, EN002={"as-of": "2021-06-14"})
    assert "from 2024" in finding.message
    assert lint("Allies meet\n\nFormer NATO Secretary General Mark Rutte spoke.", EN002={"as-of": "2021-06-14"}) == []


def test_bad_as_of_date_is_a_config_error():
    with pytest.raises(ConfigError):
        lint("Allies meet\n\nNATO met.", EN002={"as-of": "June 2021"})


def test_rule_module_holds_only_the_two_rules():
    import inspect

    import newslint.checks.entities as module
    from newslint.rule import Rule

    classes = [c for _, c in inspect.getmembers(module, inspect.isclass) if c.__module__ == module.__name__]
    assert sorted(c.info.code for c in classes if issubclass(c, Rule)) == ["EN001", "EN002"]
    assert len(classes) == 2


def test_one_analysis_per_article_is_shared_by_both_rules():
    article = Article(NATO_ARTICLE.format(sentence=""))
    assert analysis(article, None) is analysis(article, None)


_CAPS_PIECES = ["NATO SUMMIT ", "Nato summit ", "EU ", "the ", "É", "é", "ß", "12 ", "- ", "\n", "\n\n", "WHO WANTS TO HOST ",
                "Ü", "ÀB", "x"]


def test_lines_in_capitals_are_counted_alike_in_ascii_and_beyond():
    """Lines in capitals (where acronyms are not names): the ASCII count in C and the count
    letter by letter agree on random lines."""
    import random

    from newslint.entities.evidence import _caps_lines

    def letter_by_letter(article):
        spans = []
        for _, span in article.line_spans():
            letters = list(filter(str.isalpha, article.text[span.start : span.end]))
            if len(letters) >= 12 and sum(map(str.isupper, letters)) / len(letters) > 0.8:
                spans.append((span.start, span.end))
        return spans

    rng = random.Random(7)
    found = 0
    for _ in range(600):
        article = Article("".join(rng.choice(_CAPS_PIECES) for _ in range(rng.randrange(1, 30))))
        assert _caps_lines(article) == letter_by_letter(article)
        found += bool(_caps_lines(article))
    assert found > 50  # the lines in capitals are there to be found
