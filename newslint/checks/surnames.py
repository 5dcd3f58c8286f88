"""A Russian woman's surname given the masculine ending ("Maria Zakharov" for Zakharova)."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Fix, Severity
from newslint.prefiltered import prefiltered
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.trie_pattern import trie

# Given names that are Russian (or Ukrainian, Belarusian) and female in English copy.
RUSSIAN_FEMALE = frozenset(
    "Yelena Olga Tatiana Tatyana Svetlana Irina Yekaterina Ekaterina Lyudmila Ludmila Galina "
    "Larisa Larissa Oksana Yulia Yuliya Nadezhda Ksenia Kseniya Darya Natalya Nataliya Yevgenia "
    "Evgenia Yevgeniya Evgeniya Zoya Lyubov Raisa Alyona Elizaveta Yelizaveta Zinaida Antonina "
    "Lidiya Olesya Vasilisa Varvara Ulyana Anzhela Snezhana Liliya Taisiya Vladislava Yaroslava "
    "Valentina Nadezhda Marfa Anfisa Agrafena Praskovya Yevdokiya Evdokia Lyudmyla Oleksandra Iryna "
    "Olena Kateryna Nataliia Tetiana Yuliia Valeriya Ekaterina Veronika Polina Anastasiya".split()
)
# Also women's names elsewhere: safe only before the unmistakably Russian -ov/-ev endings.
SHARED_FEMALE = frozenset(
    "Anna Maria Mariya Elena Marina Vera Nina Tamara Alla Inna Daria Natalia Anastasia Sofia Sofya "
    "Valeria Viktoria Victoria Margarita Kristina Alina Karina Alexandra Aleksandra Nadia Nadya Lidia "
    "Sonia Sonya Katya Masha Dasha Tanya".split()
)
# -in, -sky and -ny need a Russian given name before them
# (Maria Martin, Anna Kaminsky are English names).
_OV = re.compile(r"(?:ov|ev|yov|yev|ёв)$")
_OTHER = re.compile(r"(?:in|yn|sky|skiy|skii|ski|tsky|tskiy|zky|[^aeiouyn]n(?:y|yy|iy))$")
_NOT_RUSSIAN_IN = frozenset(
    "Martin Austin Franklin Chaplin Baldwin Griffin Kevin Gavin Devlin Irwin Erwin Edwin Darwin Goodwin "
    "Godwin Corbin Robin Colin Dustin Justin Quentin Benjamin Marvin Calvin Melvin Alvin Hussein Amin "
    "Yassin Lin Jin Qin Xin Bin Min Yin".split()
)
# A woman's given name from either list with a space after it: a name pair can be flagged
# only after one, and most articles have none (the shared native pass answers that).
_GIVEN_NAME = prefiltered(re.compile(f"{trie(sorted(RUSSIAN_FEMALE | SHARED_FEMALE))}[ \u00a0]"))
_NAME_PAIR = re.compile(r"\b(?P<given>[A-Z][a-z]+)[ \u00a0]+(?:[A-Z][a-z]+(?:ovna|evna|ichna)[ \u00a0]+)?(?P<surname>[A-Z][a-zё]+(?:-[A-Z][a-zё]+)?)\b(?!['’]?[a-z])")


def feminine(surname: str) -> str:
    """'Zakharov' -> 'Zakharova', 'Dostoevsky' -> 'Dostoevskaya', 'Navalny' -> 'Navalnaya'."""
    for masculine, female in (("skiy", "skaya"), ("skii", "skaya"), ("sky", "skaya"), ("ski", "skaya"),
                              ("zky", "zkaya"), ("nyy", "naya"), ("niy", "naya"), ("ny", "naya")):
        if surname.endswith(masculine):
            return surname[: -len(masculine)] + female
    return surname + "a"


def masculine_surname(given: str, surname: str) -> bool:
    """Whether a woman's given name stands before a masculine Russian surname."""
    if given in RUSSIAN_FEMALE:
        return bool(_OV.search(surname)) or (bool(_OTHER.search(surname)) and surname not in _NOT_RUSSIAN_IN)
    return given in SHARED_FEMALE and bool(_OV.search(surname)) and len(surname) >= 5


class MasculineSurname(Rule):
    info = RuleInfo(
        code="EN011",
        name="masculine-surname",
        category="entity",
        severity=Severity.WARNING,
        summary="Flags a Russian woman given the masculine form of her surname (\"Maria Zakharov\" for Zakharova).",
        why=(
            "Russian surnames in -ov, -ev, -in, -sky and -ny take a feminine ending for women "
            "(Zakharova, Putina, Dostoevskaya, Navalnaya). Machine translation and hurried editing cut them "
            "back to the masculine, which names a different (male) person. The rule needs a "
            "woman's given name right before the surname; -in, -sky and -ny surnames only after an "
            "unmistakably Russian given name (Maria Martin and Anna Kaminsky are left alone), and "
            "invariable surnames (-ko, -uk, -ich) are never flagged."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nForeign Ministry spokeswoman Maria Zakharov said the talks had stalled.",
                "Talks stall\n\nSvetlana Tikhanovsky spoke to reporters, and Yulia Navalny joined her.",
                "Talks stall\n\nMaria Vladimirovna Zakharov said the talks had stalled.",
            ),
            ok=(
                "Talks stall\n\nMaria Zakharova said the talks stalled; Anna Netrebko sang and Maria Martin left.",
                "Talks stall\n\nAnna Kaminsky and Tatiana Shevchenko spoke with Svetlana Tikhanovskaya.",
            ),
        ),
        fix_safety="Unsafe fix: gives the surname its feminine ending; check the person's own spelling.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        if _GIVEN_NAME.search(article.text) is None:
            return  # masculine_surname holds for no given name here
        for m in _NAME_PAIR.finditer(article.text):
            given, surname = m.group("given"), m.group("surname")
            last = surname.rsplit("-", 1)[-1]
            if not masculine_surname(given, last):
                continue
            female = surname[: len(surname) - len(last)] + feminine(last)
            yield Finding(
                m.start("surname"), m.end("surname"),
                f"'{m.group()}': a Russian woman's surname takes the feminine ending; write '{female}'",
                (female,), Fix.replace(m.start("surname"), m.end("surname"), female),
            )
