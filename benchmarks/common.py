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
