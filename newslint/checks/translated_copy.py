"""TR000: the article as a whole reads as translated (the article-level translation signal)."""

from __future__ import annotations

from typing import Iterable

from newslint import translation_signal
from newslint.article import Article
from newslint.diagnostic import Finding, Severity
from newslint.rule import CheckContext, Examples, Rule, RuleInfo

_CHINESE_STYLE = (
    "Cooperation forum opens\n\n"
    "It is reported that the relevant departments pointed out that at present we must further "
    "promote the high-quality development of the industry, so as to achieve win-win results. "
    "Among them, the first batch of projects has been carried out smoothly. He pointed out that "
    "the forum is an important platform for exchanges and cooperation, and the development of "
    "the industry has maintained a good momentum. "
    "It is understood that in recent years the relevant departments have vigorously promoted the "
    "construction of the platform and continuously improved the level of services. In the next "
    "step, all localities will further strengthen exchanges and cooperation, give full play to "
    "their advantages and make new and greater contributions to the high-quality development of the industry."
)
_RUSSIAN_STYLE = (
    "Club signs defender\n\n"
    "Recall that earlier the club reported that the defender will play for the team. "
    "According to him, the transfer is not that simple. As the press service of the club "
    "reported, the document was signed on Monday. Earlier it was reported that the player "
    "managed to agree on the terms, and in connection with this he added that he is sure "
    "that the team will play for the title. "
    "Note that the defender has already played for the national team. Earlier, the press service "
    "of the club reported that the contract was designed for three years. According to the "
    "coach, the player will be able to take part in the next match. Recall that last season the "
    "club took fifth place in the championship, and the fans expect more from the team."
)
_NATIVE = (
    "Rates held\n\n"
    "The Bank of England held interest rates at 4.75% on Thursday, as economists had expected. "
    "The governor said the committee would keep a close eye on prices, and that borrowing "
    "costs were likely to stay where they are for some months. Shares in housebuilders rose "
    "after the announcement, while the pound slipped against the dollar. "
    "Mortgage lenders had already begun to trim their fixed-rate deals in recent weeks, and "
    "brokers said borrowers should not expect big changes before the spring. Retailers, "
    "meanwhile, reported a mixed Christmas: food sales held up, but shoppers cut back on "
    "clothing and furniture as energy bills rose again."
)


class TranslatedCopy(Rule):
    info = RuleInfo(
        code="TR000",
        name="reads-as-translated",
        category="translation",
        severity=Severity.INFO,
        summary="Says once per article that the copy reads as translated, from which language, and why.",
        why=(
            "A model trained on translated and native news (WMT Chinese->English and "
            "Russian->English translations by people and machines against BBC, Reuters and "
            "other native copy) scores how strongly an article reads as translated and from "
            "which language. Phrases that native reporters also use sometimes ('pointed out "
            "that', 'at present') are flagged only in articles that read as translated, and "
            "Russian patterns are not applied to copy that reads as translated from Chinese. "
            "The score and the phrases that raised it are in the JSON output (files[].translation)."
        ),
        examples=Examples(fail=(_CHINESE_STYLE, _RUSSIAN_STYLE), ok=(_NATIVE,)),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        signal = translation_signal.of(article)
        if not signal.reads_translated:
            return
        headline = article.headline
        start, end = (headline.start, headline.end) if headline else (0, min(len(article.text), 1))
        language = translation_signal.LANGUAGE_NAMES.get(signal.language, signal.language)
        phrases = ", ".join(f"'{p}'" for p in signal.top_phrases[:4])
        marked, read = signal.sentences
        sentences = f"; {marked} of {read} sentences read as translated" if signal.sentence_evidence else ""
        yield Finding(
            start, end,
            f"the article reads as translated from {language} (score {signal.score:.2f}{sentences}"
            + (f"; phrases: {phrases}" if phrases else "") + ")",
        )
