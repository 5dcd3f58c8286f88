"""Real-word errors: a correctly spelt word where context wants its look-alike ("they where")."""

from __future__ import annotations

from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Fix, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo
from newslint.spelling.confusable import confusables
from newslint.spelling.confusion import START, ConfusionModel, Suspect
from newslint.spelling.lexicon import Lexicon

_SENTENCE_OPENERS = frozenset((START, ".", "!", "?", '"', "(", ":", ";"))


class RealWordError(Rule):
    info = RuleInfo(
        code="SP004",
        name="real-word-error",
        category="spelling",
        severity=Severity.WARNING,
        summary="Flags a real word typed for its look-alike where the context wants the other (\"they where arrested\", \"thru\", \"et up\").",
        why=(
            "A dictionary accepts \"where\" in \"they where arrested\", so a spelling check cannot "
            "see the slip. This rule knows about 60 pairs that writers mix up (where/were, "
            "than/then, thru, nite, et/set, dependant/dependent...) and compares how often each "
            "word of a pair stands between the same neighbours in native English news; it flags "
            "only when the other word fits far better. Capitalised names are left alone."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe protesters where arrested on Monday.",
                "Talks stall\n\nThe new rules were et up in 2001 and the queue went thru the night.",
                "Talks stall\n\nProfits were bigger then expected.",
            ),
            ok=(
                "Talks stall\n\nThe city where he lived was quiet; the protesters were arrested.",
                "Talks stall\n\nSmith et al. found that profits were bigger than expected, and then fell.",
                "Talks stall\n\nThe latter part of the year was better. Thru Records signed the band.",
            ),
        ),
        fix_safety="Unsafe fix: replaces the word with its look-alike; reread the sentence.",
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        lexicon = Lexicon.load(context.language)
        house = frozenset(w.lower() for w in context.words)
        for suspect in ConfusionModel.load().suspects(confusables(article.text), lexicon.zipf):
            tok = suspect.token
            if tok.form in house or _a_name(suspect):
                continue
            intended = suspect.intended
            if tok.text[:1].isupper():
                intended = intended[:1].upper() + intended[1:]
            yield Finding(
                tok.start, tok.end, f"'{tok.text}' here reads as a slip for '{intended}'",
                (intended,), Fix.replace(tok.start, tok.end, intended),
            )


def _a_name(suspect: Suspect) -> bool:
    """In capitals, or capitalised mid-sentence or before another capitalised word: part of
    a name or title ("Thru Records", "the Where Is It show")."""
    text = suspect.token.text
    if len(text) > 1 and text.isupper():
        return True
    if not text[:1].isupper():
        return False
    return suspect.left not in _SENTENCE_OPENERS or suspect.following[:1].isupper()
