"""Spelling rules that understand news: names, acronyms, units, both dialects.

Which words to check is decided here (news awareness); whether a word is English and what
to suggest is the lexicon's job (newslint/spelling/lexicon.py).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from types import ModuleType
from typing import Callable, Iterable, Iterator

from newslint import native
from newslint.article import Article, Span
from newslint.article_facts import ArticleFact, count_fact
from newslint.diagnostic import Finding, Fix, Severity
from newslint.pieces import Piece
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.spelling.candidates import Candidate, merged, plain_candidates, plain_word_set, split
from newslint.spelling.confusion import ConfusionModel, neighbours
from newslint.spelling.dialect_pairs import variant
from newslint.spelling.known_typos import known_typos, prepare as prepare_typos
from newslint.spelling.lexicon import Lexicon, edit_cost, is_adjacent, prepare as prepare_lexicon
from newslint.spelling.places import countries_and_capitals, countries_by_ends, place_names

_VOWELS_AEIOU = frozenset("aeiou")


def _lexicon(context: CheckContext) -> Lexicon:
    return Lexicon.load(context.language)


def _project_words(context: CheckContext) -> frozenset[str]:
    return frozenset(w.lower() for w in context.words)


def _capitalised(article: Article, piece: Piece) -> Iterator[str]:
    """The capitalised words of the piece's own text (plain words are lower-case)."""
    others = split(article).others
    if piece.own == 0 and piece.own_end == len(piece.text):  # a whole article (most): it owns every word
        return (c.word for c in others if c.word[:1].isupper())
    return (c.word for c in others if c.word[:1].isupper() and piece.owns(c.start))


CAPITALISED = count_fact(_capitalised)
"""How often the article uses each capitalised word (a name used twice is not a slip)."""


class Misspelling(Rule):
    info = RuleInfo(
        code="SP001",
        name="misspelling",
        category="spelling",
        severity=Severity.ERROR,
        summary="Flags words that are not English and are not names, acronyms, numbers or house words.",
        why=(
            "Typos undermine trust in a story. The check knows news copy: names (capitalised "
            "mid-sentence, or used consistently in the article), acronyms (MPs, UKIP, dpa), "
            "numbers with units (60m, £1.13bn, 1990s), possessives, hyphenated compounds and "
            "URLs are not typos, and both British and American spellings are accepted unless "
            "`language` is set. Common real misspellings are caught from a list first. Some slips "
            "are typos wherever they stand, because news copy never makes them on purpose: a "
            "well-known place in lower case (\"istanbul\"), a slip inside a common country's name "
            "(\"Japen\"), words run together round a function word (\"Forexample\") and a "
            "compound with a slip in its first part (\"truthworthy\"). Add "
            "house names and terms with `words = [...]` or `words-file` in the config."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nEach country has the right to “determin its own destiny”.",
                "Talks stall\n\nThe goverment said it had recieved the letter.",
                "Talks stall\n\nGoverment officials left early.",
                "Talks stall\n\nThge Government said it would act. Teh Prime Minister agreed.",
                "Talks stall\n\nThey need hlp duren the winter.",
                "Talks stall\n\nShares rose. Tje insurer blamed the cuts.",
                "Talks stall\n\nPrices rose upto 5% in a week.",
                "Talks stall\n\nSeveral security companys have developed tools.",
                "Talks stall\n\nShares rose. \"Tje insurer blamed the cuts,\" he said.",
                "Talks stall\n\nThe acomodatian was cramped.",
                "Talks stall\n\nAcomodatian, food and travel were paid for.",
                "Talks stall\n\nThe bordercontrl was tightened.",
                "Talks stall\n\nThe ferry left istanbul at dawn.",
                "Talks stall\n\nHe studied in Japen, where he met her.",
                "Talks stall\n\nForexample, the deal fell through.",
                "Talks stall\n\nHe was a truthworthy witness.",
            ),
            ok=(
                "Talks stall\n\nStoltenberg told the German dpa news agency that YCPress and the EU agreed.",
                "Talks stall\n\nMPs from UKIP said the £1.13bn deal, the 1990s and a 12-kilometre border mattered.",
                "Talks stall\n\nThe programme’s defence colour was organised; the program's defense color was organized.",
                "Talks stall\n\nSee https://example.com/goverment-pages or write to desk@newsroom.example.",
                "Talks stall\n\nWes Brown scored. Ifo Institute figures rose 30 mph.",
                "Talks stall\n\nShares rose. Alain Herve said so. Olly left.",
                "Talks stall\n\nVishwanathan, Grzegorczyk and Montgomerie left.",
                "Talks stall\n\nIn Brazil the ball boy is called a 'gandula'.",
                "Talks stall\n\nThe Paris bourses and firms with small market capitalisations fell.",
                "Cup draw\n\nPremiership strugglers met. A beachgoer watched. The deal is with adidas.",
                "Squad named\n\nThe squad is out.\n\nCoyne (Burnley), Jones (Wolves), Page (Cardiff).",
                "Talks stall\n\nIt was sold to fellow producer Edward Germano, who rebuilt it.",
                "Talks stall\n\nThe china and the turkey were on the table. Sky offers smartcards to children.",
                "Talks stall\n\nDrivers use a passcard at the toll. Murrayfield, Edinburgh, hosts the game.",
            ),
        ),
        fix_safety="Unsafe fix: replaces the word with the first suggestion; the suggestion is offered, never applied silently.",
    )

    facts = (CAPITALISED,)

    def prepare(self, chars: int) -> None:
        prepare_lexicon(chars)  # a big run looks words and typos up in the native core, set up before workers fork
        prepare_typos(chars)

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        lexicon = _lexicon(context)
        extra = _project_words(context)
        typos = known_typos()
        seen = CAPITALISED(article)
        correct: set[str] = set()  # words already found correct in this article
        plain_correct = _plain_correct(lexicon)
        found = split(article)
        unknown = plain_word_set(article).difference(plain_correct, extra)  # plain words not passed yet in this run
        names = _names_passed(lexicon)
        initials = _initials_passed(lexicon)
        for cand in merged(found.others, plain_candidates(found, unknown)):
            word = cand.word
            if word in correct or word in plain_correct or (extra and (word.lower() in extra or cand.text.lower() in extra)):
                continue
            if cand.capitalised:
                name = (word, cand.after_full_stop, seen[word] > 1)
                if name in names:
                    continue  # passed as a name where it stood the same way before
            if _mentioned(article.text, cand):
                continue  # a single quoted word is a term under discussion ('gandula', "energie")
            if not cand.capitalised and word in initials:  # a capital opening a line, passed before
                if initials[word]:
                    correct.add(word)
                continue
            plain = _plain_slip(word, cand, seen[word], lexicon)
            if plain is not None:
                yield _finding(cand, word, [_match_case(plain, word)], certain=True)
                continue
            if cand.capitalised and not (
                cand.after_full_stop and not lexicon.known(word) and _slip_of_common(word, lexicon)
            ):
                if len(names) < _PLAIN_CORRECT_KEPT:
                    names.add(name)
                continue  # a name (the name-variant rule compares names), unless a slip of a common word
            listed = typos.get(word.lower())
            if listed is not None and lexicon.dialect_of(word) is not None and lexicon.known(word):
                listed = None  # a dialect spelling (despatch, instal), not a misspelling
            if listed is None and (
                lexicon.known(word) or _contraction(word, lexicon) or _number_of_known(word.lower(), lexicon)
                or _derived_not_slipped(word.lower(), lexicon)
            ):
                _passed(word, correct, plain_correct)
                _initial_passed(cand, initials, True)
                continue
            if listed is None and len(word) <= 3 and not _short_slip(word, lexicon):
                if word.islower():  # (a verdict on its letters alone: not asked again in the run)
                    _passed(word, correct, plain_correct)
                _initial_passed(cand, initials, False)
                continue  # short unknown words are abbreviations and units (dpa, bn, nhs)
            suggestions = list(listed) if listed else lexicon.suggest(word.lower())
            if listed is None and not _plausible_typo(word, suggestions, lexicon):
                joined = _run_together_slip(word, lexicon)
                if joined is None:
                    if word.islower():
                        _passed(word, correct, plain_correct)
                    _initial_passed(cand, initials, False)
                    continue  # nothing close: a term, a foreign word or a name, not a slip
                suggestions = [joined]
            if (cand.sentence_initial or cand.after_full_stop) and word[:1].isupper() and (
                seen[word] > 1
                or (not _slip_of_common(word, lexicon) and not _long_slip(word, suggestions, lexicon)
                    and (_near_a_name(word, lexicon) or _name_follows(article.text, cand)
                         or (listed is None and lexicon.zipf(word) >= _ATTESTED_ZIPF)))
            ):
                continue  # used twice, close to a name, followed by one, or a name web text uses
            if listed is None or len(listed) > 1:
                suggestions = _by_context(article, cand, suggestions, lexicon)
            suggestions = [_match_case(s, word) for s in suggestions]
            yield _finding(cand, word, suggestions, certain=bool(suggestions) and (listed is None or len(listed) == 1))


def _passed(word: str, correct: set[str], plain_correct: set[str]) -> None:
    """Remember a word SP001 let pass: in this article, and in the run when it is lower case
    (a lower-case word is judged on its letters alone: a known word, or an unknown one too
    short or too far from any word to be a slip, such as "mln" or "dlrs")."""
    correct.add(word)
    if word.islower() and len(plain_correct) < _PLAIN_CORRECT_KEPT:
        plain_correct.add(word)


_PLAIN_CORRECT: dict[Lexicon, set[str]] = {}
_PLAIN_CORRECT_KEPT = 1 << 16


def _plain_correct(lexicon: Lexicon) -> set[str]:
    """Lower-case words this lexicon has passed in any article of the run: such a word is
    judged by its letters alone (a capitalised one also by where it stands), so the same
    answer holds in every article and it is not judged again."""
    found = _PLAIN_CORRECT.get(lexicon)
    if found is None:
        found = _PLAIN_CORRECT[lexicon] = set()
    return found


_INITIALS_PASSED: dict[Lexicon, dict[str, bool]] = {}


def _initials_passed(lexicon: Lexicon) -> dict[str, bool]:
    """Words with a capital, standing where a capital is no sign of a name (opening a line or
    paragraph), that this lexicon has let pass in any article of the run, each with whether
    the check then took it as correct for the rest of its article (a known word) or only let
    it be (a short or far unknown one). Up to that verdict the check reads nothing of such a
    word but its letters, once it is not quoted alone, so the same verdict holds again."""
    found = _INITIALS_PASSED.get(lexicon)
    if found is None:
        found = _INITIALS_PASSED[lexicon] = {}
    return found


def _initial_passed(cand: Candidate, initials: dict[str, bool], correct: bool) -> None:
    """Remember that a word with a capital opening a line passed (``_initials_passed``)."""
    if not cand.capitalised and not cand.word.islower() and len(initials) < _PLAIN_CORRECT_KEPT:
        initials[cand.word] = correct


_NAMES_PASSED: dict[Lexicon, set[tuple[str, bool, bool]]] = {}


def _names_passed(lexicon: Lexicon) -> set[tuple[str, bool, bool]]:
    """Capitalised words this lexicon has passed as names in any article of the run, each
    with how it stood: (word, after a full stop, used more than once in its article). For a
    capitalised word the check reads nothing else of the article up to that verdict, so a word
    standing the same way again is passed at once."""
    found = _NAMES_PASSED.get(lexicon)
    if found is None:
        found = _NAMES_PASSED[lexicon] = set()
    return found


def _finding(cand: Candidate, word: str, suggestions: list[str], certain: bool) -> Finding:
    message = f"'{word}' is misspelt" if suggestions else f"unknown word '{word}'"
    if suggestions:
        message += f"; did you mean '{suggestions[0]}'?"
    fix = Fix.replace(cand.start, cand.start + len(word), suggestions[0]) if certain else None
    return Finding(cand.start, cand.start + len(word), message, tuple(suggestions[:5]), fix)


_UNSEEN_ZIPF = 0.5  # what the lexicon reports for a word web text never uses
_PLACE_ZIPF = 3.0  # a place most readers know ("istanbul" 3.7, "yerevan" 2.9)
_RUN_TOGETHER_MIN = 8  # letters: "forexample", "inspiteof"; not "bywater", a surname


def _plain_slip(word: str, cand: Candidate, uses: int, lexicon: Lexicon) -> str | None:
    """The correction for a slip that news copy never makes on purpose, wherever the word
    stands (a name, a compound or a term would otherwise excuse it), else None:
    - a well-known place in lower case ("istanbul"): BBC copy writes them capitalised
      outside URLs and email addresses, which are never checked;
    - a capitalised word web text never uses, one letter from a common country or capital
      ("Japen"), used once in the article;
    - two common words run together with no slip ("Forexample"), a form web text never uses;
    - a solid compound web text never uses, two letters from a dictionary word
      ("truthworthy" for "trustworthy", not "truth worthy")."""
    lw = word.lower()
    if not lw.isalpha() or lexicon.lower_case_word(lw):
        return None  # an ordinary word (the common case: one look-up)
    if word == lw:
        zipf = lexicon.zipf(lw)
        if len(lw) >= 4 and zipf >= _PLACE_ZIPF:  # a name in lower case, if the dictionary capitalises it
            return place_names().get(lw) if lexicon.in_dictionary(lw.capitalize()) else None
        return _run_together(lw, lexicon) or _compound_slip(lw, lexicon) if zipf <= _UNSEEN_ZIPF else None
    if not word[1:].islower():
        return None
    if cand.capitalised and not cand.after_full_stop:  # mid-sentence: a name, unless a slip of a place
        if uses > 1 or len(lw) < 5 or lexicon.known(word) or lexicon.zipf(lw) > _UNSEEN_ZIPF:
            return None
        return _slip_of_place(lw, lexicon)
    if len(lw) < _RUN_TOGETHER_MIN or lexicon.zipf(lw) > _UNSEEN_ZIPF:
        return None
    return _run_together(lw, lexicon)


def _slip_of_place(lw: str, lexicon: Lexicon) -> str | None:
    """A common country or capital one letter from ``lw`` inside the word ("Japen",
    "Thaliand"); names differ from places at the ends ("Germano", not "Germany")."""
    if len(lw) < 5:
        return None
    for name in countries_by_ends().get((lw[0], lw[-1]), ()):
        if abs(len(name) - len(lw)) <= 1 and len(name) >= 5 and _one_edit_apart(lw, name) and lexicon.zipf(name) >= _KNOWN_ZIPF:
            return countries_and_capitals()[name]
    return None


def _run_together(lw: str, lexicon: Lexicon) -> str | None:
    """Two common words, one of them a function word, run together exactly ("forexample" ->
    "for example"), and no single word one letter away ("bandwith" is "bandwidth")."""
    if len(lw) < _RUN_TOGETHER_MIN or lexicon.known(lw) or not _glued_split(lw, lexicon):
        return None
    best = lexicon.suggest(lw, limit=3)
    if not best or best[0].count(" ") != 1 or best[0].replace(" ", "") != lw:
        return None
    if any(" " not in s and _one_edit_apart(lw, s.lower()) for s in best[1:]):
        return None  # one letter from a word: a slip of it ("bandwith"), not two words
    parts = best[0].split()
    if not any(p in _GLUE_WORDS for p in parts):
        return None  # content words run together are coinages and names ("smartcards", "Murrayfield")
    return best[0] if all(p.islower() and _common(p, lexicon) for p in parts) else None


def _glued_split(lw: str, lexicon: Lexicon) -> bool:
    """Whether ``lw`` is two common words run together, one a function word: what the best
    suggestion must be for ``_run_together`` to answer, tested before asking for suggestions
    (most long unknown words are names and terms, and ranking suggestions is dear)."""
    return any((head in _GLUE_WORDS or tail in _GLUE_WORDS) and _common(head, lexicon) and _common(tail, lexicon)
               for head, tail in ((lw[:cut], lw[cut:]) for cut in range(1, len(lw))))


def _compound_slip(lw: str, lexicon: Lexicon) -> str | None:
    """A solid compound the lexicon accepts from its parts, two letters from a dictionary
    word with the same initial ("truthworthy" -> "trustworthy")."""
    if len(lw) < _RUN_TOGETHER_MIN or not lexicon.known(lw) or lexicon.in_dictionary(lw):
        return None
    for s in lexicon.suggest(lw, limit=3):
        if (" " not in s and s.islower() and s[0] == lw[0] and lexicon.in_dictionary(s)
                and lexicon.zipf(s) >= _COMPOUND_SLIP_ZIPF and _distance(lw, s) == 2 and _same_tail_word(lw, s, lexicon)):
            return s
    return None


def _same_tail_word(lw: str, word: str, lexicon: Lexicon) -> bool:
    """Whether both end in the same word of five letters or more, so the slip is in the first
    part ("truth|worthy", "trust|worthy"; not "pass|card" and "password")."""
    return any(word.endswith(lw[cut:]) and lexicon.known(lw[cut:])
               for cut in range(2, len(lw) - _TAIL_WORD_MIN + 1))


_TAIL_WORD_MIN = 5


_COMPOUND_SLIP_ZIPF = 3.5  # "trustworthy" 3.5: a word most readers know


_QUOTES = "\"'“”‘’"


def _mentioned(text: str, cand: Candidate) -> bool:
    """A word standing alone in quotation marks: the term itself is the subject."""
    end = cand.start + len(cand.word)
    return 0 < cand.start and end < len(text) and text[cand.start - 1] in _QUOTES and text[end] in _QUOTES


def _by_context(article: Article, cand: Candidate, suggestions: list[str], lexicon: Lexicon) -> list[str]:
    """Suggestions reordered by the words around the slip ("ther" -> "the" or "their")."""
    around = neighbours(article.text, cand.start)
    if around is None:
        return suggestions
    left, right = around
    lower = [s.lower() for s in suggestions]
    ranked = ConfusionModel.load().rank(cand.word.lower(), lower, left, right, lexicon.zipf, edit_cost)
    by_lower = dict(zip(lower, suggestions))
    return [by_lower[s] for s in ranked]


_PREFIXES = ("re", "un", "non", "over", "under", "co", "pre", "post", "anti", "mis", "counter", "micro", "sub", "super")
_GLUE_WORDS = frozenset("the and for just will would could should can not but was were has have had are with from that this into onto of to in on at by or".split())


def derivable(word: str, lexicon: Lexicon) -> bool:
    """Regular derivations and closed compounds of known words: jailings, rebanding, policymaking."""
    if word.endswith("s") and word[:-1].endswith(("ing", "er", "ist")) and lexicon.known(word[:-1]):
        return True
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4 and lexicon.known(word[len(prefix):]):
            return True
    for cut in range(4, len(word) - 3):
        head, tail = word[:cut], word[cut:]
        if head not in _GLUE_WORDS and tail not in _GLUE_WORDS and lexicon.known(head) and lexicon.known(tail):
            return True
    return False


def _derived_not_slipped(word: str, lexicon: Lexicon) -> bool:
    """Derivable, and not one keystroke from another word ("takeing", "somethink" are slips)."""
    if not derivable(word, lexicon):
        return False
    for suggestion in lexicon.suggest(word, limit=3):
        close = suggestion.replace(" ", "").replace("-", "")
        if close != word and not word.startswith(close) and _one_edit_apart(word, close):
            return False
    return True


_ATTESTED_ZIPF = 2.5  # web text uses it ("Middlesbrough" 3.3, "Boro" 2.8); common typos are listed
_COMMON_ZIPF = 5.5  # "were", "team", "game": words seen more than 3 times in 10,000


def _short_slip(word: str, lexicon: Lexicon) -> bool:
    """A three-letter word one keystroke from a very common word ("wer", "tem", "Teh"); with
    no vowel only when the keystroke is a missing vowel ("hlp"; "mph" and "bpd" stay quiet)."""
    word = word.lower()
    if len(word) != 3 or not word.isalpha():
        return False
    vowel = any(v in word for v in "aeiouy")
    return any(
        (word == s or _one_edit_apart(word, s)) and lexicon.zipf(s) >= _COMMON_ZIPF and (vowel or len(s) == 4)
        for s in lexicon.suggest(word, limit=3)
    )


def _slip_of_common(word: str, lexicon: Lexicon) -> bool:
    """One slip of the fingers from a very common word ("Thge", "Teh", "Tje", "Littel",
    "Moreso"): a typo even where a capital would otherwise make it a name. Names differ from
    words in other ways (a vowel, a far key, a letter at the end: "Wes", "Alain", "Herve",
    "Ifo"), so only keyboard slips count."""
    lw = word.lower()
    if len(lw) < 3 or not lw.isalpha() or not lexicon.near_common(lw, _COMMON_ZIPF):
        return False  # no such word near: not worth ranking suggestions (most are names)
    for s in lexicon.suggest(lw, limit=2):
        parts = s.split()
        joined = "".join(parts)
        if s.islower() and all(lexicon.zipf(p) >= _COMMON_ZIPF for p in parts) and (
                lw == joined or _keyboard_slip(lw, joined)):
            return True
    return False


def _keyboard_slip(typo: str, word: str) -> bool:
    """Two letters swapped, a neighbouring key struck instead, an extra key struck next to
    its neighbour ("thge"), or a letter dropped inside the word ("altough")."""
    n, m = len(typo), len(word)
    if n == m:
        diff = [i for i in range(n) if typo[i] != word[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i = diff[0]
            return typo[i] == word[i + 1] and typo[i + 1] == word[i]
        if len(diff) == 1:
            i = diff[0]
            return is_adjacent(typo[i], word[i]) and not (typo[i] in _VOWELS_AEIOU and word[i] in _VOWELS_AEIOU)
        return False
    if n == m + 1:
        for i in range(1, n - 1):  # not the first or last letter
            if typo[:i] + typo[i + 1:] == word:
                extra = typo[i]
                return extra == typo[i - 1] or is_adjacent(extra, typo[i - 1]) or is_adjacent(extra, typo[i + 1])
        return False
    if n == m - 1:
        return any(word[:i] + word[i + 1:] == typo for i in range(1, m - 1))
    return False


_CLITICS = ("re", "ve", "ll", "d", "s", "t", "m")


_ES_PLURAL = ("s", "x", "z", "ch", "sh")


def _number_of_known(word: str, lexicon: Lexicon) -> bool:
    """The plural or singular of a known word that is itself not in the word lists
    ("bourses", "capitalisations", "strugglers", "beachgoer"): long words only, and the
    other form a dictionary word or common in web text (not the brand "Withings": "withing")."""
    if len(word) < 7:
        return False
    other = word[:-1] if word.endswith("s") else word + "s"
    if word.endswith("s") and (other[-1] == "y" and other[-2] not in "aeiou" or other.endswith(_ES_PLURAL)):
        return False  # "companys", "businesss": such words take -ies or -es
    return lexicon.known(other) and (lexicon.in_dictionary(other) or lexicon.zipf(other) >= 2.0)


def _contraction(word: str, lexicon: Lexicon) -> bool:
    """A known word with a clitic: "there're", "who'd", "it'll"."""
    for mark in "'’":
        base, sep, clitic = word.rpartition(mark)
        if sep and clitic.lower() in _CLITICS and base and lexicon.known(base):
            return True
    return False


def _near_a_name(word: str, lexicon: Lexicon) -> bool:
    """Whether the closest dictionary entry to a capitalised word is itself a name."""
    near = lexicon.suggest(word, limit=1)
    return bool(near) and near[0][:1].isupper() and not lexicon.known(near[0].lower())


def _name_follows(text: str, cand: Candidate) -> bool:
    """A name follows ("Ashok Vishwanathan"), a list goes on ("Dudek, Finnan"), a club or party in
    brackets ("Coyne (Burnley)"), or the line is no prose."""
    end = cand.start + len(cand.text)
    rest = text[end : end + 3]
    line_end = text.find("\n", end)
    line = text[end : line_end if line_end >= 0 else len(text)].rstrip()
    if not line or line[-1] not in ".!?\"”’')":
        return True  # a list, table or headline line, not prose
    return rest[:1] in ",;" or (rest[:1] == " " and (rest[1:2].isupper() or rest[1:2] == "(" or rest[1:3] == "v "))


_LONG_SLIP = 11  # letters from which three slips still leave a word recognisable ("unforturntly")
_KNOWN_ZIPF = 4.0  # a word most readers meet weekly ("unfortunately" 4.6)
_CHEAP_TWO_EDITS = 1.6  # weighted cost of, e.g., a vowel swap and a dropped letter ("duren")


def _run_together_slip(word: str, lexicon: Lexicon) -> str | None:
    """Two common words run together with a slip in one of them ("homecontry" -> "home
    country"): one part a known word, the other one edit from a common word (the lexicon
    splits only exact run-togethers, "alot")."""
    lw = word.lower()
    for cut in range(3, len(lw) - 2):
        head, tail = lw[:cut], lw[cut:]
        if len(tail) >= 4 and _common(head, lexicon) and not lexicon.known(tail):
            fixed = _one_edit_common(tail, lexicon)
            if fixed:
                return f"{head} {fixed}"
        if len(head) >= 4 and _common(tail, lexicon) and not lexicon.known(head):
            fixed = _one_edit_common(head, lexicon)
            if fixed:
                return f"{fixed} {tail}"
    return None


def _common(part: str, lexicon: Lexicon) -> bool:
    return lexicon.known(part) and lexicon.zipf(part) >= _KNOWN_ZIPF


def _one_edit_common(part: str, lexicon: Lexicon) -> str | None:
    """The lexicon's best suggestion for ``part`` when it is one common word one edit away."""
    best = lexicon.suggest(part, limit=1)
    if best and " " not in best[0] and best[0].islower() and _one_edit_apart(part, best[0]) and _common(best[0], lexicon):
        return best[0]
    return None


def _long_slip(word: str, suggestions: list[str], lexicon: Lexicon) -> bool:
    """A long word within three slips of a common lower-case word ("Unforturntly" for
    "Unfortunately"): still recognisable, and too far from a name to be one, so a typo even
    where it opens a sentence before a comma."""
    if not suggestions or len(word) < _LONG_SLIP or not suggestions[0].islower():
        return False
    best = suggestions[0].replace(" ", "")
    return _distance(word.lower(), best) <= 3 and lexicon.zipf(best) >= _KNOWN_ZIPF


def _plausible_typo(word: str, suggestions: list[str], lexicon: Lexicon) -> bool:
    """Whether the best suggestion is close enough for the word to be a slip of it: one edit
    for short words, two for longer ones or when both are cheap, the word is very common and
    no shorter than the slip ("duren"; not "reais", "hisss"), three for a long word near a
    common one (``_long_slip``: "acomodatian")."""
    if not suggestions:
        return False
    lw, best = word.lower(), suggestions[0].lower().replace(" ", "")
    distance = _distance(lw, best)
    if distance <= (1 if len(word) <= 5 else 2):
        return True
    if distance == 3 and _long_slip(word, suggestions, lexicon):
        return True
    return (distance == 2 and len(best) >= len(lw) >= 4 and lexicon.zipf(best) >= _COMMON_ZIPF
            and edit_cost(lw, best) <= _CHEAP_TWO_EDITS)


def _match_case(suggestion: str, word: str) -> str:
    if word.isupper() and len(word) > 1:
        return suggestion.upper()
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _one_edit_apart(a: str, b: str) -> bool:
    """``_distance(a, b) == 1``, told without the table: one letter changed, added, dropped,
    or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    for i, (ca, cb) in enumerate(zip(a, b)):  # noqa: B007 - i is where they first differ
        if ca != cb:
            break
    else:
        return True  # one is the other with a letter added at the end
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 1:i + 2] == b[i:i + 1] and a[i:i + 1] == b[i + 1:i + 2] and a[i + 2:] == b[i + 2:])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1:] == shorter[i:]


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (transpositions count one): computed by the native
    core when it is built, else by ``python_distance``."""
    distance = _native_distance(native.module())
    if distance is not None:
        try:
            return distance(a, b)
        except UnicodeEncodeError:  # a lone surrogate (undecodable input) has no UTF-8
            pass
    return python_distance(a, b)


@lru_cache(maxsize=1)
def _native_distance(core: ModuleType | None) -> Callable[[str, str], int] | None:
    """The native core's ``osa_distance``, or None without the core."""
    return getattr(core, "osa_distance", None)


def python_distance(a: str, b: str) -> int:
    """``_distance`` in Python: a dynamic programme over the two words' letters."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


class NameVariant(Rule):
    info = RuleInfo(
        code="SP002",
        name="name-variant",
        category="spelling",
        severity=Severity.WARNING,
        summary="Flags a name spelt one way once and another way elsewhere in the article (\"Stoltenberg\" ×3, \"Stoltenburg\" ×1).",
        why=(
            "A dictionary cannot check names, but an article can check itself: when a name "
            "appears several times one way and once a slightly different way, the odd one out "
            "is almost always the typo. When the two are one name transliterated two ways and "
            "the transliteration rule (EN010) keeps the rarer one (it keeps the kh of a Russian "
            "name, is a name the dictionary knows, or came with the given name), this rule "
            "leaves it alone."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nJens Stoltenberg spoke. Stoltenberg said no. Later Stoltenburg left, and Stoltenberg stayed.",
            ),
            ok=(
                "Talks stall\n\nJens Stoltenberg spoke. Stoltenberg said no. Later Stoltenberg left.",
                "Talks stall\n\nAustria and Australia met. Austria won, and Australia lost.",
                "Title fight\n\nMahachev won the belt. Mahachev was fast, and Makhachev said so.",
            ),
        ),
    )

    def article_facts(self, context: CheckContext) -> tuple[ArticleFact, ...]:
        from newslint.checks.transliteration import spellings_fact  # it reads this module: imported late

        return (names_fact(context.language), spellings_fact(context.language))

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        from newslint.checks.transliteration import keeps

        counts = names_fact(context.language)(article)
        usual_by_initial: dict[str, list[tuple[str, int]]] = {}  # sorted once, most common first
        for usual, n in counts.most_common():
            if n >= 2:
                usual_by_initial.setdefault(usual[0], []).append((usual, n))
        if not usual_by_initial:
            return  # no name stands twice: none for another to be a variant of
        for cand in split(article).others:  # the names ``_names`` gives that stand once (counted, so known to be names)
            odd, start = cand.word, cand.start
            if not cand.capitalised or counts.get(odd) != 1:
                continue
            for usual, n in usual_by_initial.get(odd[0], ()):
                if abs(len(usual) - len(odd)) <= 2 and _variant_of(odd, usual):
                    if keeps(article, context.language, odd, usual):
                        break  # the transliteration rule keeps this spelling (Makhachev, not Mahachev)
                    yield Finding(
                        start, start + len(odd),
                        f"'{odd}' here, but '{usual}' {n} times elsewhere in the article",
                        (usual,), Fix.replace(start, start + len(odd), usual),
                    )
                    break


def _names(article: Article, language: str, piece: Piece | None = None) -> Iterator[tuple[str, int]]:
    """Capitalised words of six letters or more the lexicon does not know (in the piece's own text)."""
    lexicon = Lexicon.load(language)
    for cand in split(article).others:  # a plain word is never capitalised
        if cand.capitalised and len(cand.word) >= 6 and (piece is None or piece.owns(cand.start)) and not lexicon.known(cand.word):
            yield cand.word, cand.start


@lru_cache(maxsize=None)
def names_fact(language: str) -> ArticleFact[Counter[str], Counter[str]]:
    """How often the article uses each capitalised word the ``language`` lexicon does not know."""
    return count_fact(lambda article, piece: (w for w, _ in _names(article, language, piece)))


def _variant_of(odd: str, usual: str) -> bool:
    """Whether a name seen once is a slip of one seen more often (not its plural)."""
    if odd == usual or odd[0] != usual[0] or odd.rstrip("s") == usual.rstrip("s"):
        return False
    return _distance(usual.lower(), odd.lower()) <= (1 if len(odd) < 8 else 2)


def _dialect_words(article: Article, piece: Piece | None = None) -> Iterator[tuple[Candidate, str]]:
    """Words with a British or American spelling (in the piece's own text), outside names and quotes."""
    lexicon = Lexicon.load("both")
    dialect_of = lexicon.dialect_of
    found = split(article)
    spelt = _dialect_spelt(lexicon, plain_word_set(article))
    for cand in merged(found.others, plain_candidates(found, spelt)):
        if cand.word[:1].isupper():
            continue  # names
        dialect = dialect_of(cand.word)
        if dialect is None or (piece and not piece.owns(cand.start)) or article.in_quote(cand.start):
            continue  # no dialect spelling, another piece's word, or a speaker quoted in their own spelling
        yield cand, dialect


def _dialect_spelt(lexicon: Lexicon, words: frozenset[str]) -> dict[str, str]:
    """The plain words (lower-case letters, hyphens inside) whose ``dialect_of`` is not None,
    with it: a word's own dialect, or a compound's first part's that has one, read in the
    lexicon's words of one dialect (a set operation: most words are neither)."""
    one_dialect = lexicon.one_dialect()
    found = {word: one_dialect[word] for word in one_dialect.keys() & words}  # (the keys view reads only ``words``)
    for word in words:
        if "-" in word:
            dialect = next(filter(None, map(one_dialect.get, word.split("-"))), None)
            if dialect is not None:
                found[word] = dialect
    return found


def _both_dialects(article: Article) -> bool:
    """Whether words of both dialects stand in a whole article anywhere ``_dialect_words``
    looks (names and quotes included, each word asked once): when not, one of ``DIALECTS``
    is nought."""
    lexicon = Lexicon.load("both")
    found = split(article)
    dialect_of = lexicon.dialect_of
    seen = set(_dialect_spelt(lexicon, plain_word_set(article)).values())
    seen.update(dialect_of(c.word) for c in found.others if not c.word[:1].isupper())
    return "en-US" in seen and "en-GB" in seen


DIALECTS = count_fact(lambda article, piece: (d for _, d in _dialect_words(article, piece)))
"""How many words of the article are spelt the British way ("en-GB") and the American way ("en-US")."""


class MixedDialect(Rule):
    info = RuleInfo(
        code="SP003",
        name="mixed-dialect",
        category="style",
        severity=Severity.WARNING,
        summary="Flags an article that mixes British and American spellings (\"defence\" and \"defense\").",
        why=(
            "Either spelling is right, but one article should use one. The minority spellings "
            "are flagged, with the majority dialect's form as the suggestion."
        ),
        examples=Examples(
            fail=("Talks stall\n\nThe defence ministry met to organize the programme. Its colour guard organised it.",),
            ok=(
                "Talks stall\n\nThe defence ministry met to organise the programme. Its colour guard led.",
                "Talks stall\n\nThe defense ministry met to organize the program. Its color guard led.",
            ),
        ),
    )

    facts = (DIALECTS,)

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        if DIALECTS not in article.cache and not _both_dialects(article):
            return  # most articles: one dialect's spellings or none, so nothing counted twice
        counts = DIALECTS(article)
        us, gb = counts["en-US"], counts["en-GB"]
        if not us or not gb:
            return
        if context.language in ("en-US", "en-GB"):
            majority = context.language
        elif gb >= 2 * us:
            majority = "en-GB"
        elif us >= 2 * gb:
            majority = "en-US"
        else:
            return  # no clear house dialect to measure against
        minority = us if majority == "en-GB" else gb
        for cand, dialect in _dialect_words(article):
            if dialect == majority:
                continue
            other = variant(cand.word, majority)
            yield Finding(
                cand.start, cand.start + len(cand.word),
                f"{'American' if majority == 'en-GB' else 'British'} spelling '{cand.word}' in an article that mostly uses "
                f"{'British' if majority == 'en-GB' else 'American'} spelling ({gb if majority == 'en-GB' else us} to {minority})",
                (other,) if other else (),
            )

