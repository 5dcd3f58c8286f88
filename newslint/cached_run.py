"""An unchanged run answered from the result cache without loading a single rule.

The result cache (newslint/result_cache.py) keeps each article's findings under a key that
names every active rule, and HL002 compares the articles of a run, so a cached run used to
import and build every rule before it could look anything up: about half of its time. Here
a run that did build the rules leaves a small record per configuration (``Settings``: the
cache keys, whether a rule compares articles, the rule codes and names), and a later run
with the same configuration and code answers a group of articles from the cache alone:
each article's findings, what the comparing rules added to them (kept per run, keyed by
every path and text in order), and LanguageTool's findings when grammar runs. One miss and
the caller checks the group as usual, so nothing is ever answered that a full run would
not have said. A damaged or missing record only means the usual run.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from newslint.datacache import blake2b, cache_root, write_atomic
from newslint.diagnostic import text_order
from newslint.result_cache import ResultCache, canonical, code_fingerprint

if TYPE_CHECKING:
    from newslint.article import Article
    from newslint.config import Config
    from newslint.diagnostic import Diagnostic


@dataclass(frozen=True)
class Settings:
    """What a run with one configuration needs to be answered from the cache."""

    lint: str  # the result cache's settings key
    grammar: str | None  # LanguageTool's settings key, when grammar runs with this configuration
    compares: bool  # a rule that compares the run's articles (HL002) is on
    codes: frozenset[str]  # every rule's code, for notes on unknown codes in directives
    names: frozenset[str]  # and every rule's name


def _record_path(config: "Config") -> Path:
    """The record of a configuration, for this code and these packs."""
    digest = blake2b(digest_size=20)
    digest.update(code_fingerprint().encode() + b"\0" + repr(canonical(config)).encode("utf-8", "surrogatepass"))
    return cache_root() / "results" / "settings" / f"{digest.hexdigest()}.pickle"


def recall(config: "Config") -> Settings | None:
    """The record a run with this configuration left, if any."""
    try:
        with open(_record_path(config), "rb") as fh:
            found = pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing or damaged: the usual run
        return None
    return found if isinstance(found, Settings) else None


def remember(config: "Config", settings: Settings) -> None:
    """Leave the record (silently nothing when the cache folder is unwritable)."""
    if recall(config) != settings:
        write_atomic(_record_path(config), pickle.dumps(settings, protocol=pickle.HIGHEST_PROTOCOL))


def answer(config: "Config", articles: Sequence["Article"]) -> tuple[list[list["Diagnostic"]], Settings] | None:
    """Every article's diagnostics (in the article's own coordinates, as the engine and
    LanguageTool leave them) when all of them are in the cache; None at the first miss."""
    settings = recall(config)
    if settings is None or not articles:
        return None
    cache = ResultCache(settings.lint)
    found: list[list[Diagnostic]] = []
    for article in articles:
        hit = cache.get(article.path, article.text)
        if hit is None:
            return None
        found.append(hit)
    if settings.compares:
        added = cache.get_run([(a.path, a.text) for a in articles])
        if added is None:
            return None
        for i, more in added.items():
            found[i] = sorted(found[i] + more, key=text_order)
    if settings.grammar is not None:
        grammar = ResultCache(settings.grammar, kind="grammar")
        for i, article in enumerate(articles):
            hit = grammar.get(article.path, article.text)
            if hit is None:
                return None
            found[i] = sorted(found[i] + hit, key=text_order)
    return found, settings
