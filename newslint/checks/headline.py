"""Headline rules: a headline repeated in the body, or used by two articles of one run."""

from __future__ import annotations

from typing import Iterable

from newslint.article import Article, Span
from newslint.breadcrumbs import breadcrumb_end
from newslint.diagnostic import Finding, Fix, Severity
from newslint.rule import CheckContext, Examples, Option, Rule, RuleInfo, RunRule

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalise(text: str) -> str:
    """Headline text for comparison: quotes straightened, case and spacing folded."""
    text = " ".join(text.translate(_QUOTES).split()).lower()  # white space runs as one space, none at the ends
    return text.rstrip(_END_MARKS)


_END_MARKS = ".!?:;, "


def headline_text(article: Article) -> tuple[int, str] | None:
    """(offset, text) of the headline with any breadcrumb before it removed."""
    head = article.headline
    if head is None:
        return None
    line = article.text[head.start : head.end]
    cut = breadcrumb_end(line)
    return head.start + cut, line[cut:]


def body_headline(article: Article, max_words: int) -> tuple[int, str] | None:
    """(offset, text) of a headline with body text under it and at most ``max_words`` words;
    None for a text with no headline, no body or a first line too long to be one."""
    found = headline_text(article)
    if found is None or not article.body_paragraphs:
        return None
    start, line = found
    if not line or len(line.split()) > max_words:
        return None
    return start, line


_ASCII_SPACES = bytes(c for c in range(128) if chr(c).isspace())  # what str.split splits an ASCII text at


def too_long_to_match(line: str, target: str, threshold: float) -> bool:
    """Whether ``normalise(line)`` is surely too long to be ``similar`` to ``target``, told
    without normalising it: normalising keeps every character that is not white space up to
    the last one it does not strip from the end, each as one character or more."""
    kept = line
    while True:
        shorter = kept.rstrip().rstrip(_END_MARKS)
        if shorter == kept:
            break
        kept = shorter
    if kept.isascii():  # its characters that are not white space, counted in one native pass
        letters = len(kept.encode("ascii").translate(None, _ASCII_SPACES))
    else:
        letters = len("".join(kept.split()))
    return len(target) < min(threshold, 1.0) * letters  # above 1, only the same text is similar


def similar(a: str, b: str, threshold: float) -> bool:
    """Whether two normalised headlines are the same or nearly so."""
    if a == b:
        return True
    if not a or not b or min(len(a), len(b)) / max(len(a), len(b)) < threshold:
        return False
    from difflib import SequenceMatcher  # only for headlines that need comparing

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    # quick_ratio (the letters both share, in any order) bounds ratio from above, in one pass:
    # most lines it rules out never need ratio's search for matching blocks
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


class DuplicatedHeadline(Rule):
    info = RuleInfo(
        code="HL001",
        name="duplicated-headline",
        category="headline",
        severity=Severity.ERROR,
        summary="Flags the headline repeated as a line at the top or bottom of the body.",
        why=(
            "Scrapers and copy-paste between systems often leave the headline twice (or three "
            "times) at the top of the story, sometimes with a breadcrumb or different quote "
            "marks. Readers see the repetition; search engines see duplicate text."
        ),
        examples=Examples(
            fail=(
                "Minister resigns over leak\nMinister resigns over leak\n\nThe minister resigned on Monday.",
                "Home Politics Minister’s aide quits\n\nMinister's aide quits\n\nThe aide left on Friday.",
                "Minister resigns over leak\n\nThe minister resigned on Monday.\n\nMINISTER RESIGNS OVER LEAK",
            ),
            ok=(
                "Minister resigns over leak\n\nThe minister resigned over the leak on Monday, aides said.",
            ),
        ),
        fix_safety="Unsafe fix: deletes the repeated line.",
        options={
            "similarity": Option(0.92, "how alike (0-1) a line must be to the headline to count as a copy"),
            "top-lines": Option(5, "how many lines after the headline to compare"),
            "bottom-lines": Option(2, "how many lines at the end of the article to compare"),
        },
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        found = headline_text(article)
        if found is None:
            return
        head_offset, head = found
        target = normalise(head)
        if len(target) < 8:
            return
        lines = [(n, s) for n, s in article.line_spans() if s.start > head_offset]
        top = context.options["top-lines"]
        candidates = lines[:top] + lines[max(top, len(lines) - context.options["bottom-lines"]):]
        head_line = article.position(head_offset)[0]
        threshold = context.options["similarity"]
        for _, span in candidates:
            line = article.text[span.start : span.end]
            cut = breadcrumb_end(line)
            if too_long_to_match(line[cut:], target, threshold):
                continue  # a paragraph of body text, not a copy of the headline: not normalised
            if similar(normalise(line[cut:]), target, threshold):
                start = span.start
                end = _line_end_with_break(article, span)
                yield Finding(
                    span.start,
                    span.end,
                    f"headline repeated in the body (first on line {head_line})",
                    fix=Fix.replace(start, end, ""),
                )


def _line_end_with_break(article: Article, span: Span) -> int:
    text = article.text
    end = span.end
    if text.startswith("\r\n", end):
        return end + 2
    if end < len(text) and text[end] in "\r\n":
        return end + 1
    return end


class HeadlineReused(RunRule):
    info = RuleInfo(
        code="HL002",
        name="headline-reused",
        category="headline",
        severity=Severity.WARNING,
        summary="Flags two articles in one run that share the same headline.",
        why=(
            "Two stories published under one headline confuse readers and search engines, and "
            "usually mean a story was filed twice or a template headline was left unchanged."
        ),
        examples=Examples(
            fail=("Minister resigns over leak\n\nFirst story.\n---\nMinister resigns over leak\n\nSecond story.",),
            ok=("Minister resigns over leak\n\nFirst story.\n---\nMinister denies leak\n\nSecond story.",),
        ),
    )

    def check_run(self, articles: list[Article], context: CheckContext) -> Iterable[tuple[Article, Finding]]:
        seen: dict[str, list[tuple[Article, int, str]]] = {}
        for article in articles:
            found = headline_text(article)
            if found is None or len(normalise(found[1])) < 8:
                continue
            seen.setdefault(normalise(found[1]), []).append((article, found[0], found[1]))
        for group in seen.values():
            if len(group) < 2:
                continue
            for article, offset, text in group:
                others = [a.path for a, _, _ in group if a is not article]
                yield article, Finding(
                    offset,
                    offset + len(text.rstrip()),
                    f"headline also used by {', '.join(others[:3])}" + (" and others" if len(others) > 3 else ""),
                )
