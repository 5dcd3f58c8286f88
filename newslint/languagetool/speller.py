"""Which of LanguageTool's spelling matches newslint keeps.

LanguageTool's speller flags names, brands and British spellings as typos, and newslint's
own spelling rule (SP001) is news-aware, so a match is kept only for a word that is plainly
misspelt and that SP001 leaves alone:

- a lower-case word of four letters or more that newslint's lexicon does not know;
- a lower-case acronym the dictionary writes in capitals ("tv", "dvd");
- a capitalised word that only its capital makes look like a name: at the start of a body
  sentence one or two cheap edits from a common word ("Therfor,"), or mid-sentence with no
  name around it, one cheap edit from a common word ("non Europian firms").

Measured on BBC copy by benchmarks/languagetool_speller_bbc.py.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newslint.datelines import is_known_agency
from newslint.languagetool.mapping import LTMatch, _body_sentence

if TYPE_CHECKING:
    from newslint.spelling.lexicon import Lexicon

_COMMON_WORD_ZIPF = 3.5  # "therefore", "additionally": words seen about 3 times in a million
_SLIP_MAX_COST = 1.6  # weighted edit cost from the slip to that word ("therfor" -> "therefore")
_MID_COMMON_ZIPF = 4.0  # mid-sentence: a word seen 10 times in a million ("final", "European")
_MID_MAX_COST = 0.6  # mid-sentence: one cheap edit (a doubled letter, a transposition, a vowel)
_UNSEEN_ZIPF = 0.5  # what the lexicon reports for a word web text never uses (its _MISSING_ZIPF)
_NAME_AFTER = re.compile(r",? (?:[A-Z][a-z]|\()")  # "Danny Coyne", "Coyne (Burnley)", "Dudek, Finnan"; not ", I think"
_LOWER_BEFORE = re.compile(r"(?:^|[^\w'’-])([a-z]+),? $")  # "the", "non", "and," before the word
_COMMON_CAPITAL_BEFORE = re.compile(r"(?:^|[^\w'’-])(?:the|a|an) ([A-Z][a-z]+) $")  # "the North" in "the North Satr"
_LOWER_AFTER = re.compile(r" [a-z]")
_NAME_PARTICLES = frozenset("de da di du del della van von der den le la al el bin ben ibn dos das ter".split())


def plain_word_typo(match: LTMatch, text: str) -> bool:
    """Whether to keep LanguageTool's spelling match (see the module docstring). Where
    newslint's own spelling rule reports the word, the match is dropped later as a
    duplicate (mapping.overlaps_own)."""
    from newslint.spelling.lexicon import Lexicon

    word = text[match.offset : match.offset + match.length]
    if not word.isalpha() or not match.replacements:
        return False
    lexicon = Lexicon.load("both")
    if word.islower():
        return (lower_case_acronym(word, match.replacements, lexicon) and _stands_alone(text, match.offset, word)
                or len(word) >= 4 and not lexicon.known(word))
    return len(word) >= 4 and capitalised_slip(word, match.offset, text, lexicon)


def lower_case_acronym(word: str, replacements: tuple[str, ...], lexicon: "Lexicon") -> bool:
    """An acronym written in lower case ("tv", "a dvd burner"): the dictionary lists it only
    in capitals and LanguageTool offers that form. Not a short word web text uses in lower
    case ("se", "le"), nor an abbreviation LanguageTool would write with stops ("ie" for
    "i.e.": house style). Names in lower case ("facebook", "british") are left alone: brands
    style themselves so, and the learner corpora's annotators leave them (CoNLL-2014); so are
    agencies that do ("the German dpa news agency")."""
    if any("." in r for r in replacements) or len(word) < 4 and lexicon.known(word) or lexicon.in_dictionary(word):
        return False
    if is_known_agency(word):
        return False  # "dpa" styles itself in lower case
    return any(r == word.upper() and lexicon.in_dictionary(r) for r in replacements)


def _stands_alone(text: str, offset: int, word: str) -> bool:
    """Whether a word is not part of a longer token ("SM:tv", "bbc.co.uk", "@bbc")."""
    before = text[offset - 1] if offset else " "
    after = text[offset + len(word)] if offset + len(word) < len(text) else " "
    return (before.isspace() or before in "\"'“‘(") and not (after.isalnum() or after in ":/@_" or (
        after == "." and text[offset + len(word) + 1 : offset + len(word) + 2].isalnum()))


def capitalised_slip(word: str, offset: int, text: str, lexicon: "Lexicon") -> bool:
    """A capitalised misspelling that is no name: neither dictionary knows it, web text
    never uses it (names and brands have a frequency: "Boro", "Cech"), it occurs once in
    a body sentence, no name, list or bracket follows it ("Coyne (Burnley)", "Dudek,
    Finnan", "Danny Coyne"), and it is close to a common word: at a sentence start one or
    two cheap edits from a lower-case word ("Therfor, I think"); mid-sentence, before a
    lower-case word and with no name before it (_no_name_before), one cheap edit from a
    common word ("non Europian firms", "skills and Finall and", "the North Satr to")."""
    lw = word.lower()
    if not word[1:].islower() or lexicon.known(word) or lexicon.zipf(lw) > _UNSEEN_ZIPF:
        return False
    if not _body_sentence(text, offset) or len(re.findall(rf"\b{re.escape(word)}\b", text)) > 1:
        return False
    if _NAME_AFTER.match(text, offset + len(word)):
        return False
    before = text[:offset].rstrip(" \t\"'“‘(")
    if not before or before[-1] in ".!?\n":
        return _near_word(lw, lexicon, _SLIP_MAX_COST, _COMMON_WORD_ZIPF, candidates=1, lower_only=True)
    if not _LOWER_AFTER.match(text, offset + len(word)) or not _no_name_before(text, offset, lexicon):
        return False
    return _near_word(lw, lexicon, _MID_MAX_COST, _MID_COMMON_ZIPF, candidates=3, lower_only=False)


def _no_name_before(text: str, offset: int, lexicon: "Lexicon") -> bool:
    """Whether the word before is a lower-case word that is no name particle ("non", "and";
    not "de" in "Jim de Booy"), or a capitalised common word after an article ("the North
    Satr"; not "Martin" in "Martin Corry")."""
    window = max(0, offset - 40)
    previous = _LOWER_BEFORE.search(text, window, offset)
    if previous is not None:
        return previous.group(1) not in _NAME_PARTICLES
    common = _COMMON_CAPITAL_BEFORE.search(text, window, offset)
    return common is not None and lexicon.in_dictionary(common.group(1).lower()) and (
        lexicon.zipf(common.group(1).lower()) >= _MID_COMMON_ZIPF)


def _near_word(lw: str, lexicon: "Lexicon", max_cost: float, min_zipf: float, candidates: int, lower_only: bool) -> bool:
    """Whether one of the lexicon's first suggestions for ``lw`` is a single common word
    within ``max_cost`` (weighted edits, case aside)."""
    from newslint.spelling.lexicon import edit_cost

    return any(
        " " not in s and (s.islower() or not lower_only) and lexicon.zipf(s) >= min_zipf
        and edit_cost(lw, s.lower()) <= max_cost + 1e-9
        for s in lexicon.suggest(lw, limit=candidates))
