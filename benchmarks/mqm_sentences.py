"""Sentences of expert-rated (MQM) Chinese->English news, with the errors raters marked in them.

Reads ../shared/data/translationese/wmt20_zhen_news_mqm_docs.jsonl, wmt21_zhen_news_mqm_docs.jsonl
and wmt23_zhen_news_mqm.jsonl in place (research use only; never copied). Each (document,
translator) becomes one article as translated_corpus builds it (segments joined by blank
lines, the first usually the headline; same document key, so ``split_of`` puts it on the same
side of the split), cut into sentences by newslint's own splitter. Each target-side error
span is placed in the article; a span the release lost (``span`` null) is searched for by its
text in its segment, and failing that covers the whole segment.

*Visible* errors are those an editor sees from the English alone: Fluency (grammar,
spelling, register, inconsistency, broken text) and Style (awkward, unnatural, bad sentence
structure). Mistranslations, omissions and terminology need the source; punctuation slips
(quote marks, a missing full stop) are not what makes a sentence read as translated; name,
date and address conventions have rules of their own.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translated_corpus import TR, split_of  # noqa: E402

from newslint.article import Article  # noqa: E402

VISIBLE_PREFIXES = ("Style/", "Fluency/Grammar", "Fluency/Spelling", "Fluency/Register",
                    "Fluency/Inconsistency", "Fluency/Text-Breaking")


def visible(category: str) -> bool:
    """Whether an MQM category is an error an editor sees from the English alone."""
    return category.startswith(VISIBLE_PREFIXES)


@dataclass
class Error:
    rater: str
    category: str
    severity: str
    start: int  # character offsets in the article text
    end: int

    @property
    def visible(self) -> bool:
        return visible(self.category) and self.severity in ("Major", "Minor")


@dataclass
class RatedDoc:
    """One translation of one document, as an article, with its raters' target-side errors."""

    group: str
    system: str
    human: bool
    text: str
    source: list[str]
    segment_spans: list[tuple[int, int]]  # (start, end) of each kept segment in ``text``
    segment_raters: list[tuple[str, ...]]
    segment_index: list[int]  # each kept segment's index in ``source``
    errors: list[Error] = field(default_factory=list)

    @property
    def split(self) -> str:
        return split_of(self.group)

    def source_of(self, start: int, end: int) -> str:
        """The source segments a character range of the text was translated from."""
        return " ".join(self.source[i] for (a, b), i in zip(self.segment_spans, self.segment_index)
                        if a < end and start < b and i < len(self.source))

    def article(self) -> Article:
        return Article(self.text + "\n", self.group)


@dataclass
class RatedSentence:
    doc: RatedDoc
    start: int
    end: int
    raters: int  # raters of the segment(s) the sentence lies in
    visible_raters: int  # raters who marked a visible error in it
    any_error: bool  # any target-side error by any rater (any category)
    visible_errors: list[Error]

    @property
    def text(self) -> str:
        return self.doc.text[self.start:self.end]


def _assemble(group: str, system: str, human: bool, segments: list[str], sources: list[str],
              raters: list[list[str]], errors: list[dict]) -> RatedDoc | None:
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    kept_raters: list[tuple[str, ...]] = []
    kept: list[int] = []
    where: dict[int, tuple[int, int]] = {}  # segment index -> (offset in text, leading spaces cut)
    offset = 0
    for i, seg in enumerate(segments):
        stripped = seg.strip()
        if not stripped:
            continue
        if parts:
            offset += 2
        where[i] = (offset, len(seg) - len(seg.lstrip()))
        spans.append((offset, offset + len(stripped)))
        kept_raters.append(tuple(raters[i]) if i < len(raters) else ())
        parts.append(stripped)
        kept.append(i)
        offset += len(stripped)
    if not parts:
        return None
    doc = RatedDoc(group, system, human, "\n\n".join(parts), sources, spans, kept_raters, kept)
    for e in errors:
        i = e["seg"]
        if e.get("side") != "target" or i not in where:
            continue
        base, lead = where[i]
        seg = segments[i]
        span = e.get("span")
        if span is None:
            found = seg.find(e.get("text") or "\0")
            span = [found, found + len(e["text"])] if found >= 0 and seg.count(e["text"]) == 1 else [0, len(seg)]
        a = max(0, span[0] - lead)
        b = max(a, min(len(seg.strip()), span[1] - lead))
        doc.errors.append(Error(e["rater"], e["category"], e["severity"], base + a, base + max(b, a + 1)))
    return doc


def _wmt2x(name: str) -> Iterator[RatedDoc]:
    with (TR / name).open(encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            group = f"{name.split('_')[0]}:{r['doc_id']}"
            for system, data in r["systems"].items():
                doc = _assemble(group, system, bool(data.get("human")), data["mt_en"], r["source_zh"],
                                data["raters"], data["errors"])
                if doc:
                    yield doc


def _wmt23() -> Iterator[RatedDoc]:
    rows: dict[tuple[str, str], dict[int, dict]] = defaultdict(dict)
    with (TR / "wmt23_zhen_news_mqm.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            rows[(r["doc"], r["system"])][r["docSegId"]] = r
    for (doc_id, system), segs in rows.items():
        ordered = [segs[k] for k in sorted(segs)]
        errors = [dict(e, seg=i) for i, r in enumerate(ordered) for e in r["errors"]]
        doc = _assemble(f"wmt23:{doc_id}", system, False, [r["mt_en"] for r in ordered],
                        [r["source_zh"] for r in ordered], [r["raters"] for r in ordered], errors)
        if doc:
            yield doc


def rated_docs() -> list[RatedDoc]:
    """Every rated translation (WMT20, WMT21 human references and systems; WMT23 systems)."""
    return [*_wmt2x("wmt20_zhen_news_mqm_docs.jsonl"), *_wmt2x("wmt21_zhen_news_mqm_docs.jsonl"), *_wmt23()]


def rated_sentences(doc: RatedDoc, article: Article | None = None) -> list[RatedSentence]:
    """The article's sentences with the raters and errors that fall in each."""
    article = article or doc.article()
    out = []
    for span in article.sentences:
        a, b = span.start, span.end
        raters: set[str] = set()
        for (s, e), who in zip(doc.segment_spans, doc.segment_raters):
            if s < b and a < e:
                raters.update(who)
        inside = [x for x in doc.errors if x.start < b and a < x.end]
        seen = [x for x in inside if x.visible]
        out.append(RatedSentence(doc, a, b, len(raters), len({x.rater for x in seen}), bool(inside), seen))
    return out
