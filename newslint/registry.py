"""All rules, by code and by name: Python checks plus compiled data packs."""

from __future__ import annotations

import importlib
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import Iterable

from newslint.kinds import phrase
from newslint.datacache import cached, modules
from newslint.packs import PackError, load_packs, pack_files
from newslint.rule import Rule, RuleInfo

KINDS = {phrase.KIND: phrase.build}


class Registry:
    """Rules indexed by code and by name; duplicates are an error."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = sorted(rules, key=lambda r: r.info.code)
        self.by_code: dict[str, Rule] = {}
        self.by_name: dict[str, Rule] = {}
        for rule in self.rules:
            for key, index in ((rule.info.code, self.by_code), (rule.info.name, self.by_name)):
                if key in index:
                    raise PackError(f"duplicate rule {key!r} ({index[key].info.source} and {rule.info.source})")
                index[key] = rule

    def find(self, key: str) -> Rule | None:
        """A rule by code (any case) or name."""
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())


def python_rules() -> list[Rule]:
    """An instance of every Rule subclass defined in the check modules."""
    import newslint.checks as package

    rules: list[Rule] = []
    for stem in check_modules(package.__path__):
        name = f"{package.__name__}.{stem}"
        module = importlib.import_module(name)
        for _, cls in sorted(vars(module).items()):  # as inspect.getmembers lists them, at a tenth of the cost
            if isinstance(cls, type) and issubclass(cls, Rule) and cls.__module__ == name \
                    and isinstance(getattr(cls, "info", None), RuleInfo):
                rules.append(cls())
    return rules


def check_modules(folders: Iterable[str]) -> list[str]:
    """The names of the check modules, sorted (what pkgutil.iter_modules lists, without
    importing pkgutil)."""
    return sorted({p.stem for folder in folders for p in Path(folder).glob("*.py") if p.stem != "__init__"})


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """Every rule, compiled once per process (the packs' part read from the data cache)."""
    code = modules("kinds/phrase.py", "packs.py", "rule.py", "diagnostic.py", "registry.py", "lazy_regex.py",
                   "word_prefixes.py", "first_chars.py", "required_literals.py", "triple_rarity.py",
                   "kinds/rest_patterns.py", "pattern_prefilter.py", "byte_superset.py")
    rules = python_rules() + cached("packs", pack_files() + code, pack_rules)
    phrase.share_scan(rules)
    return Registry(rules)


def pack_rules() -> list[Rule]:
    """The rules of the shipped data packs, built by their kind (regexes compile on use)."""
    rules: list[Rule] = []
    specs = load_packs()
    for (pack, kind), group in groupby(sorted(specs, key=lambda s: (s.pack, s.kind)), key=lambda s: (s.pack, s.kind)):
        if kind not in KINDS:
            raise PackError(f"{pack}.yaml: unknown rule kind {kind!r} (known: {', '.join(KINDS)})")
        rules.extend(KINDS[kind](list(group)))
    return rules
