"""Every EN025 (garbled-officeholder-name) finding on native news and on held-out translated
news, printed in context for reading by eye.

Usage: python benchmarks/officeholders_eval.py [--translated-sample N] [--seed S]

Native: deduplicated BBC, Reuters-21578 and Anglosphere WMT originals
(translated_corpus.native_docs); translated: the held-out split of the Chinese and Russian
WMT documents (translated_corpus.translated_docs, split == "held").
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translated_corpus import native_docs, translated_docs  # noqa: E402

from newslint.article import Article  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter  # noqa: E402


def findings(docs, linter: Linter) -> tuple[list[tuple[str, str, str]], int]:
    """(document, context, message) of every finding, and the words read."""
    out, words = [], 0
    for doc in docs:
        text = doc.text
        words += len(text.split())
        for d in linter.lint(Article(text, doc.group)):
            line, col = text.splitlines()[d.line - 1], d.column - 1
            context = line[max(0, col - 60): col + 80]
            out.append((f"{doc.group} [{doc.system}]", context.replace("\n", " "), d.message))
    return out, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--translated-sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--split", default="held", choices=("held", "mine"),
                        help="which split of the translated documents (default: held)")
    args = parser.parse_args()
    linter = Linter(Config(grammar="off", select=("EN025",)))
    native, words = findings(native_docs(), linter)
    print(f"native: {len(native)} findings in {words:,} words ({1000 * len(native) / max(words, 1):.4f} per 1,000)")
    for doc, context, message in native:
        print(f"  {doc}: ...{context}...\n    {message}")
    held = [d for lang in ("zh", "ru") for d in translated_docs(lang) if d.split == args.split]
    translated, words = findings(held, linter)
    print(f"translated ({args.split} split): {len(translated)} findings in {words:,} words "
          f"({1000 * len(translated) / max(words, 1):.4f} per 1,000), {len(held)} documents")
    sample = random.Random(args.seed).sample(translated, min(args.translated_sample, len(translated)))
    for doc, context, message in sample:
        print(f"  {doc}: ...{context}...\n    {message}")


if __name__ == "__main__":
    main()
