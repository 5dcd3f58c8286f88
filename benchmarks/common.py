"""Shared helpers for benchmark scripts: locate and read the research data (never copied)."""

from __future__ import annotations

import json
import os
from pathlib import Path

DATA = Path(os.environ.get("NEWSLINT_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


def bbc_articles(dedupe: bool = True) -> list[dict]:
    """BBC articles as dicts with id, title, body, text (headline, blank line, body)."""
    seen = set()
    out = []
    with (DATA / "news" / "bbc_fulltext.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            key = (r["title"].strip(), r["body"].strip())
            if dedupe and key in seen:
                continue
            seen.add(key)
            r["text"] = r["title"] + "\n\n" + r["body"]
            out.append(r)
    return out


def word_count(text: str) -> int:
    return len(text.split())


def typo_pairs(sources: tuple[str, ...]):
    """Records of typos/typo_pairs.jsonl (source, misspelling, correct) from the given sources."""
    with (DATA / "typos" / "typo_pairs.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["source"] in sources:
                yield record


def bbc_half(articles: list[dict], held_out: bool) -> list[dict]:
    """A fixed half of the BBC articles by a hash of their id: the real-word statistics are
    mined from the other half (held_out=False) and measured on this one (held_out=True)."""
    import hashlib

    return [a for a in articles if (hashlib.md5(a["id"].encode()).digest()[0] % 2 == 1) == held_out]


def native_news_texts() -> list[tuple[str, str]]:
    """(source, text) of the native English news other than BBC: Reuters-21578 and WMT
    English-original documents."""
    out = []
    with (DATA / "news" / "reuters21578.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            out.append(("reuters", (r.get("title") or "").title() + "\n\n" + r["body"]))
    with (DATA / "news" / "wmt_english_original_docs.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            out.append(("wmt", "\n\n".join(r["segments"])))
    return out
