"""The LanguageTool family: grammar from a real, local LanguageTool server.

The check itself runs outside the engine (it needs a server for the whole run; see
newslint/grammar.py); this rule gives the family its code, documentation and switch, so
``--ignore LT`` or ``[rules.languagetool] enabled = false`` turn it off.
"""

from __future__ import annotations

from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Severity
from newslint.rule import CheckContext, Examples, Option, Rule, RuleInfo


class LanguageTool(Rule):
    info = RuleInfo(
        code="LT",
        name="languagetool",
        category="grammar",
        severity=Severity.WARNING,
        summary="Grammar, confused words and style from a local LanguageTool server; each finding is coded LT:RULE_ID.",
        why=(
            "LanguageTool has thousands of grammar rules no word list can match. It runs on "
            "this machine (installed on first use into the cache folder; `newslint "
            "languagetool install`), so unpublished copy never leaves it; a remote server is "
            "used only when named with --languagetool-url. Rules that contradict news "
            "conventions are dropped (unpaired quotes across paragraphs, names as typos, curly "
            "quote preferences), and a problem one of newslint's own rules reports is never "
            "reported twice. On top of LanguageTool's defaults, the news profile switches on "
            "about 120 of its opt-in rules that stay quiet on edited news copy (measured on "
            "817,000 words of BBC articles; list in newslint/languagetool/news_profile.py). "
            "Grammar and typo rules are warnings, style advice is info. "
            "Ignore one LanguageTool rule with --ignore LT:RULE_ID."
        ),
        options={
            "level": Option("default", "LanguageTool's level: 'default', or 'picky' for its stricter style rules",
                            ("default", "picky")),
            "enable": Option([], "LanguageTool rule ids that are off by default to switch on, e.g. ['PASSIVE_VOICE']"),
            "profile": Option("news", "'news': also run the ~120 opt-in LanguageTool rules that stay quiet on edited news copy; 'languagetool': LanguageTool's own defaults only",
                              ("news", "languagetool")),
        },
        examples=Examples(
            fail=(
                "Talks stall\n\nShe have been there for years.",
                "Talks stall\n\nThe tower is rare, so non Europian builders made it.",  # no name around it
                "Talks stall\n\nIt plugged into the tv at home.",  # an acronym in lower case
            ),
            ok=(
                "Talks stall\n\nShe has been there for years.",
                "Talks stall\n\nHe praised Martin Corry and the pack.",  # a name: a given name before it
                "Talks stall\n\nThe photographer Jim de Booy then went on the run.",  # a particle before it
            ),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        return ()
