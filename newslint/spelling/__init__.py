"""Offline English spelling lexicon for newslint.

``newslint.spelling.lexicon.Lexicon`` accepts both US and British spellings by default
(or enforces one dialect), tells US-only from GB-only spellings, and ranks corrections
for real typos. It is pure Python with plain-text word data under ``data/`` (SCOWL word
lists plus word frequencies; see ``data/SOURCES.md``), so it needs no system library.
"""
