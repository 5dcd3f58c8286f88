"""Translated and native news documents from ../shared/data, split by document.

Every translation of one source document (human references and every MT system) lands in
the same split, so a phrase mined from one system's output is never measured on another
system's rendering of the same story. Research data is read in place, never copied.

- ``translated_docs(lang)``: news documents translated from Chinese ("zh") or Russian
  ("ru"), one ``Doc`` per (source document, translator).
- ``native_docs()``: native English news (deduplicated BBC, Reuters-21578 stories of 100+
  words, English-original WMT news from Anglosphere outlets).
- ``split_of(group)``: "mine" (70%) or "held" (30%), stable across runs and machines.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from common import DATA, bbc_articles

TR = DATA / "translationese"
NEWS = DATA / "news"

# English-original WMT outlets edited outside the Anglosphere or state media: not native.
NOT_NATIVE_OUTLETS = {
    "rt.com", "parstoday-en", "en.ndtv.com", "egyptindependent.com", "allafrica", "novinite.com",
    "gateway-zh", "xinhuanet", "chinadaily", "globaltimes", "cgtn", "tass",
}


@dataclass
class Doc:
    """One English document: its segments (first is usually the headline) and provenance."""

    group: str  # source document: every translation of it shares this key
    lang: str  # "zh", "ru" or "en" (native)
    translator: str  # "human", "mt" or "native"
    system: str
    segments: list[str]
    source: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Headline, blank line, paragraphs: the shape newslint reads."""
        return "\n\n".join(s.strip() for s in self.segments if s.strip())

    @property
    def split(self) -> str:
        return split_of(self.group)


def annotated_docs() -> set[tuple[str, str]]:
    """(story, system) of each document in benchmarks/annotations (the recall sets): samples
    drawn for by-eye judging or for choosing a threshold leave these very texts out. (Other
    systems' renderings of the same stories stay in: the held split's Chinese stories are
    nearly all annotated in one rendering or another.)"""
    docs: set[tuple[str, str]] = set()
    for path in (Path(__file__).resolve().parent / "annotations").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                docs.add((row["group"], row["system"]))
    return docs


def split_of(group: str) -> str:
    """'mine' for 70% of source documents, 'held' for the rest; by a hash of the key."""
    digest = int(hashlib.md5(group.encode("utf-8")).hexdigest()[:8], 16)
    return "mine" if digest % 10 < 7 else "held"


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _mqm_docs(name: str, lang: str) -> Iterator[Doc]:
    for r in _jsonl(TR / name):
        group = f"{name.split('_')[0]}:{r['doc_id']}"
        for system, data in r["systems"].items():
            kind = "human" if data.get("human") else "mt"
            yield Doc(group, lang, kind, system, list(data["mt_en"]), list(r["source_zh"]))


def _general_docs(name: str, lang: str, source_key: str) -> Iterator[Doc]:
    for r in _jsonl(TR / name):
        if r.get("domain", "news") != "news":
            continue
        group = f"{name.split('_')[0]}:{r['doc_id']}"
        for ref, segs in r.get("human_refs_en", {}).items():
            yield Doc(group, lang, "human", f"Human-{ref}", list(segs), list(r[source_key]))
        for system, segs in r.get("mt_en", {}).items():
            yield Doc(group, lang, "mt", system, list(segs), list(r[source_key]))


def _wmt23_zh() -> Iterator[Doc]:
    by_doc: dict[tuple[str, str], dict[int, tuple[str, str]]] = defaultdict(dict)
    for r in _jsonl(TR / "wmt23_zhen_news_mqm.jsonl"):
        by_doc[(r["doc"], r["system"])][r["docSegId"]] = (r["mt_en"], r["source_zh"])
    for (doc, system), segs in by_doc.items():
        ordered = [segs[k] for k in sorted(segs)]
        yield Doc(f"wmt23:{doc}", "zh", "mt", system, [e for e, _ in ordered], [s for _, s in ordered])


def translated_docs(lang: str) -> list[Doc]:
    """Every translated news document of one source language ("zh" or "ru")."""
    if lang == "zh":
        docs = [*_mqm_docs("wmt20_zhen_news_mqm_docs.jsonl", "zh"),
                *_mqm_docs("wmt21_zhen_news_mqm_docs.jsonl", "zh"),
                *_general_docs("wmt22_zhen_general_docs.jsonl", "zh", "source_zh"),
                *_wmt23_zh()]
    elif lang == "ru":
        docs = [*_general_docs("wmt21_ruen_news_human_vs_mt.jsonl", "ru", "source_ru"),
                *_general_docs("wmt22_ruen_general_docs.jsonl", "ru", "source_ru"),
                *_general_docs("wmt23_ruen_general_docs.jsonl", "ru", "source_ru")]
    else:
        raise ValueError(f"unknown source language {lang!r}")
    return [d for d in docs if any(s.strip() for s in d.segments)]


def native_docs(reuters_min_words: int = 100) -> list[Doc]:
    """Native English news: BBC (deduplicated), Reuters-21578, Anglosphere WMT originals."""
    docs = [Doc(f"bbc:{r['id']}", "en", "native", "bbc", [r["title"], *r["body"].split("\n\n")])
            for r in bbc_articles()]
    for r in _jsonl(NEWS / "reuters21578.jsonl"):
        if r.get("tabular") or len(r["body"].split()) < reuters_min_words:
            continue
        docs.append(Doc(f"reuters:{r['id']}", "en", "native", "reuters",
                        [r["title"].title(), *r["body"].split("\n\n")]))
    for r in _jsonl(NEWS / "wmt_english_original_docs.jsonl"):
        if r.get("domain") != "news" or r.get("outlet") in NOT_NATIVE_OUTLETS:
            continue
        docs.append(Doc(f"wmten:{r['doc_id']}", "en", "native", r.get("outlet", "wmt"), list(r["segments"])))
    return docs
