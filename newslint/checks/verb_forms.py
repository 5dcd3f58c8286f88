"""Verb forms after an auxiliary: "they were drove", "has began", "did not went", "I am agree"."""

from __future__ import annotations

import re
from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Fix, Severity
from newslint.checks.word_before import word_before
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.prefiltered import prefiltered

# simple past -> (past participle, base form), for irregular verbs whose two past forms differ
# and whose simple past is no noun, adjective or base form of another verb ("saw", "fell",
# "broke", "rose", "bore", "lay", "stole" are left out)
_PAST: dict[str, tuple[str, str]] = {
    "went": ("gone", "go"), "drove": ("driven", "drive"), "took": ("taken", "take"), "gave": ("given", "give"),
    "wrote": ("written", "write"), "ate": ("eaten", "eat"), "began": ("begun", "begin"), "knew": ("known", "know"),
    "grew": ("grown", "grow"), "threw": ("thrown", "throw"), "flew": ("flown", "fly"), "drew": ("drawn", "draw"),
    "did": ("done", "do"), "spoke": ("spoken", "speak"), "chose": ("chosen", "choose"), "rode": ("ridden", "ride"),
    "sang": ("sung", "sing"), "swam": ("swum", "swim"), "ran": ("run", "run"), "forgot": ("forgotten", "forget"),
    "shook": ("shaken", "shake"), "woke": ("woken", "wake"), "came": ("come", "come"), "became": ("become", "become"),
    "forgave": ("forgiven", "forgive"), "froze": ("frozen", "freeze"), "wore": ("worn", "wear"), "tore": ("torn", "tear"),
    "swore": ("sworn", "swear"), "arose": ("arisen", "arise"), "overcame": ("overcome", "overcome"),
    "undertook": ("undertaken", "undertake"), "overtook": ("overtaken", "overtake"), "mistook": ("mistaken", "mistake"),
    "withdrew": ("withdrawn", "withdraw"), "sank": ("sunk", "sink"), "shrank": ("shrunk", "shrink"),
    "sprang": ("sprung", "spring"), "drank": ("drunk", "drink"), "rang": ("rung", "ring"), "forbade": ("forbidden", "forbid"),
}
# base forms that are only verbs (no noun, adjective or participle reading after "are"; not
# "think" ("are think tanks") or "say" ("there are say ten"))
_VERB_ONLY = frozenset((
    "agree disagree give take know understand believe get tell bring begin seem choose sell teach learn "
    "spend speak write eat decide happen exist enjoy improve prefer depend prevent solve survive allow succeed "
    "achieve suggest describe explain consider want see lose accept receive continue remain provide require "
    "remember forget ask reach follow create affect reduce develop protect destroy avoid discuss deny admit "
    "refuse attend differ occur appear disappear belong contain involve"
).split())
_ADVERB = r"(?:(?:not|never|also|always|already|just|still|even|really|all|both|often|usually|recently|n't)\s+)?"
_MODALS = r"can|could|would|shall|should|might|must|cannot|can't|won't|wouldn't|couldn't|shouldn't|mustn't|did|didn't|does|doesn't|don't|will"
_PAST_WORDS = "|".join(_PAST)


def _words(words: Iterable[str]) -> str:
    """An alternation of the words, longest first, then in alphabetical order: the same
    pattern in every process (a set's order changes with the hash seed, and a pattern that
    changes is compiled, and added to the program cache, on every run)."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


_BE_PAST = prefiltered(re.compile(rf"\b(?:am|is|are|was|were|be|been|being)\s+{_ADVERB}({_PAST_WORDS})\b(?![-'’])"))
_HAVE_PAST = prefiltered(re.compile(rf"\b(?:have|has|had|having|(?<=\w)['’]ve)\s+{_ADVERB}({_PAST_WORDS})\b(?![-'’])"))
# a modal that is a noun after a determiner ("the will gave", "a can went") is left alone
# (the word before the modal is read by word_before: a leading optional group made re try
# the pattern at every character)
_MODAL_PAST = prefiltered(re.compile(
    rf"\b(?:{_MODALS})\s+{_ADVERB}({_words(p for p in _PAST if p != 'spoke')})\b(?![-'’])"
))
_ARE_BASE = prefiltered(re.compile(rf"\b(?:are|were|am|(?<=\w)['’](?:re|m))\s+{_ADVERB}({_words(_VERB_ONLY)})\b(?![-'’])"))
# "they may still do not know": a modal before do-support; "can do not only X but Y" is fine
_MODAL_DO = prefiltered(re.compile(
    rf"\b(?:can|could|will|would|shall|should|may|might|must)\s+{_ADVERB}"
    r"(does|did|do\s+not(?!\s+(?:only|just|merely|simply|so|much|enough|well|badly|nothing|anything)\b))\b"
))
# "we can't image what": the noun for the verb it resembles (a clause or gerund follows;
# "can't image the brain" is the imaging verb)
_IMAGE = prefiltered(re.compile(r"\b(?:can't|can’t|cannot|couldn't|couldn’t|can not|could not|never)\s+(image)\s+"
                    r"(?=(?:what|how|why|that|where|who|life|living|being|having|anything|such)\b)"))
_DETERMINERS = frozenset("the a an his her their its my our your this that political free".split())


class VerbFormAfterAuxiliary(Rule):
    info = RuleInfo(
        code="GR001",
        name="verb-form-after-auxiliary",
        category="grammar",
        severity=Severity.WARNING,
        summary="Flags a verb in the wrong form after an auxiliary (\"has began\", \"were drove\", \"did not went\", \"they are never give up\", \"may still do not know\").",
        why=(
            "After 'have' English wants the past participle ('has begun'), after 'be' a participle "
            "or adjective, after a modal or 'did' the base form ('did not go'), and a modal takes no "
            "'do' of its own. The rule knows the irregular verbs whose simple past differs from the "
            "participle and whose past is no other word ('went', 'took', 'began'; not 'saw' or "
            "'fell'), and base forms that can only be verbs ('agree', 'give', 'know')."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe talks had began before the minister arrived.",
                "Talks stall\n\nThe prisoners were drove to the border.",
                "Talks stall\n\nOfficials did not went to the meeting.",
                "Talks stall\n\nThe unions say they are never give up.",
                "Talks stall\n\nVoters may still do not know who to back.",
                "Talks stall\n\nI should have ran faster, she said. We can't image what it was like.",
            ),
            ok=(
                "Talks stall\n\nThe talks had begun before the minister arrived, and he went home.",
                "Talks stall\n\nAll you have to do is give up. The will gave her the house.",
                "Talks stall\n\nThey can do not only the work but the sums. What they did was seen as brave.",
                "Talks stall\n\nTrees were felled and the saw was lost. The rules are known to exist. We can't image it by MRI; an image never lies.",
            ),
            fixed=(("Talks stall\n\nThe talks had began.", "Talks stall\n\nThe talks had begun."),),
        ),
        fix_safety="Unsafe fix: after 'have' gives the participle and after a modal the base form; reread the sentence.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        text = article.text
        for m in _HAVE_PAST.finditer(text):
            participle = _PAST[m.group(1)][0]
            yield _finding(m, 1, f"'{m.group(1)}' after 'have' should be the participle '{participle}'", participle)
        for m in _BE_PAST.finditer(text):
            past, (participle, _) = m.group(1), _PAST[m.group(1)]
            yield Finding(m.start(1), m.end(1),
                          f"'{past}' after a form of 'be': the simple past needs no 'be', the passive wants '{participle}'")
        floor = 0
        for m in _MODAL_PAST.finditer(text):
            before, floor = word_before(text, m.start(), floor), m.end()
            if (before or "").lower() in _DETERMINERS:
                continue
            base = _PAST[m.group(1)][1]
            yield _finding(m, 1, f"'{m.group(1)}' after a modal or 'did' should be the base form '{base}'", base)
        for m in _ARE_BASE.finditer(text):
            yield Finding(m.start(1), m.end(1),
                          f"'{m.group(1)}' cannot follow a form of 'be': use the verb alone ('they {m.group(1)}'), "
                          "its participle or its -ing form")
        for m in _IMAGE.finditer(text):
            yield _finding(m, 1, "'image' is a noun here; the verb is 'imagine'", "imagine")
        for m in _MODAL_DO.finditer(text):
            yield Finding(m.start(1), m.end(1),
                          f"'{m.group(1)}' after a modal: a modal takes no 'do' ('may not know')")


def _finding(m: re.Match, group: int, message: str, replacement: str) -> Finding:
    return Finding(m.start(group), m.end(group), message, (replacement,), Fix.replace(m.start(group), m.end(group), replacement))
