"""newslint: a text-quality and translation-issue linter for news articles."""

__version__ = "0.1.0"
