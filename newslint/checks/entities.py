"""Entity rules: an organisation named where the cues point to a rival (EN001), and a title
holder named with an organisation they never served (EN002).

The knowledge base, evidence and scoring live in ``newslint.entities``; this module holds the
two rules only.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from newslint.article import Article
from newslint.article_facts import ArticleFact
from newslint.config import ConfigError
from newslint.diagnostic import Finding, Severity
from newslint.entities import messages
from newslint.entities.kb import prepare_scanners
from newslint.entities.scoring import analysis, tally_fact
from newslint.entities.titles import TitleReader, former
from newslint.rule import CheckContext, Examples, Option, Rule, RuleInfo


def _as_of(context: CheckContext) -> date | None:
    value = context.options.get("as-of", "")
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"as-of: expected a date like 2021-12-24, got {value!r}") from None


_AS_OF = Option("", "article date (YYYY-MM-DD): title holders count only for offices held then; empty: any term")


class OrganisationConfusion(Rule):
    info = RuleInfo(
        code="EN001",
        name="organisation-confusion",
        category="entity",
        severity=Severity.WARNING,
        summary="Flags an organisation named where treaty, title-holder and topic cues point to a rival (EU for NATO).",
        why=(
            "Translators and hurried writers swap look-alike bodies: the EU for NATO, the Council of "
            "Europe for the European Council, the ICJ for the ICC. The sentence then attributes a treaty, "
            "an office or a decision to the wrong organisation. The rule weighs local cues (treaty "
            "articles, exclusive organs, title holders, topic words in the sentence and its neighbours) "
            "above which organisation dominates the article, and shows its evidence; it never rewrites."
        ),
        examples=Examples(
            fail=(
                "Stoltenberg rejects Russian demands\n\nNATO Secretary-General Jens Stoltenberg said NATO had never "
                "promised not to expand. He added that the founding treaty of the EU says any European country "
                "can accede to it. NATO allies back the open-door policy.",
                "Brussels fines chipmaker\n\nThe European Union fined the chipmaker on Monday. Competition "
                "commissioner Margrethe Vestager said the firm had abused its dominance of the single market. "
                "NATO will now examine whether the fine complies with the directive, MEPs were told.",
                "Court orders halt to offensive\n\nThe International Court of Justice ordered Russia to halt its "
                "military operations. The International Criminal Court issued the advisory opinion under the "
                "Genocide Convention after Ukraine filed a case against Moscow.",
            ),
            ok=(
                "Leaders meet\n\nNATO and the EU agreed to co-ordinate their sanctions. Jens Stoltenberg said "
                "the alliance would help. EU and NATO members will meet again in March.",
                "Summit ends\n\nStoltenberg welcomed the EU's plan to spend more on defence. The European Union "
                "said member states would agree the budget next month.",
                "Bloc expands\n\nThe EU opened accession talks with Ukraine. The European Commission said the "
                "single market would grow. Turkey, a NATO member, has been a candidate since 1999.",
            ),
        ),
        options={
            "threshold": Option(3.0, "log-odds margin by which a rival must win before a name is flagged"),
            "as-of": _AS_OF,
        },
    )

    def article_facts(self, context: CheckContext) -> tuple[ArticleFact, ...]:
        return (tally_fact(_as_of(context)),)

    def prepare(self, chars: int) -> None:
        prepare_scanners(chars)  # the knowledge base's mention and cue scanners

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        found = analysis(article, _as_of(context))
        kb = found.kb
        for mention in found.mentions:
            verdict = found.judge(mention, context.options["threshold"])
            if verdict is None:
                continue
            name = article.text[mention.start : mention.end]
            rival = kb.orgs[verdict.rival]
            quoted = article.in_quote(mention.start)
            yield Finding(
                mention.start,
                verdict.end or mention.end,
                messages.confusion(name, quoted, rival.short, verdict.shown),
                suggestions=(rival.short,),
                severity=Severity.INFO if quoted else None,
            )


class TitleHolderMismatch(Rule):
    info = RuleInfo(
        code="EN002",
        name="title-holder-mismatch",
        category="entity",
        severity=Severity.WARNING,
        summary="Flags a known office holder given another organisation's title (\"UN Secretary-General Stoltenberg\").",
        why=(
            "The same title exists in many bodies: NATO, the UN, the Council of Europe and the OSCE each "
            "have a Secretary-General, and the EU has three presidents. Pairing a person with the wrong "
            "organisation is a factual error readers notice at once."
        ),
        examples=Examples(
            fail=(
                "Alliance meets\n\nUN Secretary-General Jens Stoltenberg opened the meeting in Brussels.",
                "Summit opens\n\nEuropean Council President Ursula von der Leyen opened the summit.",
                "Talks end\n\nMark Rutte, the OSCE secretary general, said talks would resume.",
            ),
            ok=(
                "Alliance meets\n\nNATO Secretary-General Jens Stoltenberg opened the meeting in Brussels.",
                "Summit opens\n\nEuropean Commission President Ursula von der Leyen and EU Council President "
                "Charles Michel opened the summit.",
                "Talks end\n\nDutch Prime Minister Mark Rutte said NATO talks would resume.",
            ),
        ),
        options={"as-of": _AS_OF},
    )

    def article_facts(self, context: CheckContext) -> tuple[ArticleFact, ...]:
        return (tally_fact(_as_of(context)),)

    def prepare(self, chars: int) -> None:
        prepare_scanners(chars)  # the knowledge base's mention and cue scanners

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        found = analysis(article, _as_of(context))
        if not found.mentions:  # a title is linked to a name the article gives: none, no link
            return
        kb, text = found.kb, article.text
        titles = TitleReader(text, found.mentions, kb)
        for start, end, person in found.people:
            linked = titles.link(start, end)
            if linked is None:
                continue
            mention, title, span = linked
            past = former(text, title, span[0])
            roles = [r for r in person.roles if past or r.held_on(found.as_of)]
            if any(any(o in kb.lineage(r.org) for o in mention.orgs) for r in roles):
                continue
            org = kb.orgs[min(mention.orgs)]
            yield Finding(
                span[0],
                span[1],
                messages.mismatch(text[span[0] : span[1]], person, org.short),
                suggestions=tuple(dict.fromkeys(kb.orgs[r.org].short for r in person.roles)),
            )
