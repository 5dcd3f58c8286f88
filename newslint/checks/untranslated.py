"""Untranslated text: a run of another script (Cyrillic, Chinese, Arabic...) inside English prose."""

from __future__ import annotations

from typing import Iterable

from newslint.article import Article
from newslint.diagnostic import Finding, Severity
from newslint.rule import CheckContext, Examples, Option, Rule, RuleInfo
from newslint.scripts import LETTERS_PER_WORD, ScriptRun, scan_scripts, snippet


def _mixed_word(run: ScriptRun) -> bool:
    """A one-word run of a spaced script glued to Latin letters: look-alikes, not a passage."""
    return run.glued and run.words == 1 and run.family not in LETTERS_PER_WORD


def _in_brackets(text: str, start: int, end: int) -> bool:
    """Whether a run is all that stands between an opening and a closing bracket."""
    before = text[max(0, start - 8) : start].rstrip(" \"'“‘«")[-1:]
    after = text[end : end + 8].lstrip(" \"'”’».,")[:1]
    return before in "(（[" and before != "" and after in ")）]" and after != ""


class UntranslatedText(Rule):
    info = RuleInfo(
        code="TR200",
        name="untranslated-text",
        category="translation",
        severity=Severity.WARNING,
        summary="Flags runs of another script (Cyrillic, Chinese, Arabic...) left in English text.",
        why=(
            "Machine translation and hurried copy-editing leave phrases, captions or whole "
            "sentences in the source language. A run of several words is almost always an "
            "untranslated passage; a single name in its original script, usually in brackets "
            "after its transliteration, is a deliberate gloss and is only reported as info."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nThe ministry said Мы не будем вести переговоры на этих условиях.",
                "Talks stall\n\nCheck the conditions online 查询直招士官条件和各地招收专业分布情况 first.",
                "Talks stall\n\nThe president, Владимир Путин, said the talks had ended.",
            ),
            ok=(
                "Talks stall\n\nThe talks ended on Friday, officials said.",
                "Talks stall\n\nThe beta (β) version and the Ω symbol were shown, at 22 °C.",
                "Talks stall\n\nThe Kremlin spokesman Dmitry Peskov said the talks had ended.",
            ),
        ),
        options={
            "warn-words": Option(4, "runs of at least this many words are warnings; shorter ones are info"),
            "report-names": Option(True, "report short runs (a name in its original script) as info"),
        },
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        scan = scan_scripts(article)
        runs = [r for r in scan.runs if r.longest >= 2 and not _mixed_word(r)]
        if not runs:
            return
        text = article.text
        foreign = sum(r.letters for r in scan.runs)
        if foreign > scan.latin_letters and len(runs) > 3:
            main = max(runs, key=lambda r: r.letters)
            yield Finding(runs[0].start, runs[0].end, f"most of the text is {main.name}, not English")
            return
        warn_words = context.options["warn-words"]
        for run in runs:
            passage = text[run.start : run.end]
            long_run = run.size >= warn_words
            if long_run and not (_in_brackets(text, run.start, run.end) and run.size < 3 * warn_words):
                yield Finding(
                    run.start, run.end,
                    f"untranslated {run.name} text '{snippet(passage)}' ({run.describe_size()})",
                )
            elif context.options["report-names"]:
                yield Finding(
                    run.start, run.end,
                    f"{run.name} script '{snippet(passage)}' in English text; "
                    "keep it only as a gloss of a transliterated name",
                    severity=Severity.INFO,
                )
