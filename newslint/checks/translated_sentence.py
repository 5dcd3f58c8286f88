"""A sentence that reads as translated, in copy that reads as translated (TR600)."""

from __future__ import annotations

from typing import Iterable

from newslint import sentence_signal, translation_signal
from newslint.article import Article
from newslint.diagnostic import Finding, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo

# The least severity of another rule's finding that, with the model's leaning, marks a sentence.
SUPPORT_SEVERITY = Severity.INFO


class TranslatedSentence(Rule):
    info = RuleInfo(
        code="TR600",
        name="translated-sentence",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags a sentence whose build reads as translated (a learned model), in copy that reads as translated.",
        why=(
            "Most translation artifacts are one-offs that no phrase list holds: a literal "
            "rendering, clauses in the source's order, official formulas. What they share is "
            "a sentence shape native reporters rarely write: 'said that' and 'according to' "
            "chains, 'that is,', 'the X of the Y of the Z', commas where English starts a new "
            "sentence. A logistic regression over sentence shapes (common words kept, other "
            "words, names and numbers masked), trained on WMT news translated from Chinese and "
            "Russian against native news, picks out about a fifth of translated sentences and "
            "about one native sentence in a thousand; the finding quotes the phrases that "
            "weighed most. A sentence the model only leans towards (a probability of 0.9 or "
            "more) is marked too when another rule flags a translated phrase in it: the phrase "
            "is rarely the sentence's only problem. The model learns 'translated vs native', so a fluent "
            "translation can read as translated too; a second model, trained on what professional "
            "translators marked in rated machine and human translations of Chinese news (grammar, "
            "fluency and style errors, visible from the English alone), weighs the same shapes and the "
            "sentence's length: a sentence the first model leans towards (0.3 or more) is marked "
            "too when the second reads it as awkward ('reads as translated and awkward'; the bar "
            "was set from bilingual editors' verdicts on sentences of machine-translated news; not "
            "for copy from Russian, for which no such ratings exist and the editors found the marks "
            "too often fine). "
            "It runs only where the whole article reads as translated (TR000), "
            "or with source-language set. Read the sentence as an editor and recast it."
        ),
        examples=Examples(
            fail=(
                "Talks held\n\nIt is reported that, according to the relevant person in charge of the bureau, "
                "the two sides said that they will further strengthen the exchanges and cooperation in the "
                "fields of trade, investment and tourism, that is, to promote the high-quality development of "
                "the relations of the two countries.",
                "Race day\n\nAlong the way, many tourists stopped to take photos and even cheer up the participants, "
                "showing the tourism charm of the city.",
            ),
            ok=(
                "Talks held\n\nThe two countries agreed on Monday to expand trade and tourism, officials said, "
                "after talks in Hanoi that both sides described as friendly.",
                "Talks held\n\nThe minister spoke at the opening. \"It is reported that, according to the relevant "
                "person in charge of the bureau, the two sides will further strengthen the exchanges and cooperation "
                "in the fields of trade and tourism,\" he said.",
                "Festival off\n\nThe festival, which attracts more than 100,000 visitors every year, was cancelled "
                "because of the weather.",
            ),
        ),
        gated=True,
        whole_sentence=True,
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        signal = translation_signal.of(article)
        if not (context.source_language or signal.reads_translated):
            return  # the engine would drop the findings anyway: skip loading the model
        source = _source(context.source_language)
        for reading in sentence_signal.readings(article):
            yield Finding(
                reading.start, reading.end,
                f"this sentence reads as translated{source}{_because(reading)}; recast it as a native reporter would",
            )

    reads_findings = True

    def check_with(self, article: Article, context: CheckContext,
                   others: list[tuple[RuleInfo, Severity, Finding]]) -> Iterable[Finding]:
        """A sentence the model leans towards that also holds another rule's translated
        phrase (``sentence_signal.leaning``), or that the awkwardness model reads as holding
        an error an editor would see (``sentence_signal.awkward``): two readings together
        mark it."""
        phrases = [f for info, severity, f in others
                   if info.category == "translation" and not info.whole_sentence and info.code != self.info.code
                   and severity.rank >= SUPPORT_SEVERITY.rank]
        source = _source(context.source_language)
        marked: set[int] = set()
        for reading in sentence_signal.leaning(article) if phrases else ():
            # a phrase, not the article's reading (TR000) or a finding on most of the sentence
            # (a headline's full stop): those add nothing the sentence mark would not say
            half = (reading.end - reading.start) / 2
            held = [f for f in phrases if reading.start <= f.start < reading.end and f.end - f.start < half]
            if not held:
                continue
            marked.add(reading.start)
            flagged = " ".join(article.text[held[0].start:held[0].end].split())
            yield Finding(
                reading.start, reading.end,
                f"this sentence reads as translated{source} ({_weigh(reading)}it holds '{flagged}'); recast it "
                "as a native reporter would",
            )
        language = _awkward_language(context.source_language, article)
        for reading in sentence_signal.awkward(article, language) if language else ():
            if reading.start in marked:
                continue
            yield Finding(
                reading.start, reading.end,
                f"this sentence reads as translated{source} and awkward{_because(reading)}; recast it as a "
                "native reporter would",
            )


def _awkward_language(source_language: str | None, article: Article) -> str | None:
    """Which awkwardness reading applies: the source language given, else the one the article
    reads as translated from, if ``awkward_signal.READINGS`` holds one for it (Chinese only:
    editors found its marks on Russian copy too often fine)."""
    from newslint.awkward_signal import READINGS

    code = (source_language or "").split("-")[0]
    if not code or code == "any":
        code = translation_signal.of(article).language
    return code if code in READINGS else None


def _because(reading: sentence_signal.SentenceReading) -> str:
    """" ('x', 'y' weigh most)" for the phrases that raised the reading ('' when it has none)."""
    phrases = ", ".join(f"'{p}'" for p in reading.phrases)
    verb = "weighs" if len(reading.phrases) == 1 else "weigh"
    return f" ({phrases} {verb} most)" if phrases else ""


def _weigh(reading: sentence_signal.SentenceReading) -> str:
    """"'x', 'y' weigh, and " for the reading's two heaviest phrases ('' when it has none)."""
    quoted = ", ".join(f"'{p}'" for p in reading.phrases[:2])
    return f"{quoted} {'weighs' if len(reading.phrases[:2]) == 1 else 'weigh'}, and " if quoted else ""


def _source(source_language: str | None) -> str:
    """' from Chinese' when the user gave the source language, else '' (TR000 names the
    likelier language for the article; guessing it per sentence was wrong 3 times in 60)."""
    code = (source_language or "").split("-")[0]
    if code in translation_signal.LANGUAGE_NAMES:
        return f" from {translation_signal.LANGUAGE_NAMES[code]}"
    return ""
