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
