"""The ``phrase`` kind: flag text that matches any of a rule's patterns.

All phrase rules of one pack are compiled into a single alternation and matched in one
pass over the article; each rule then reads its own matches from that shared result. The
packs of a registry also share the walk over word starts (:class:`SharedScan`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Iterable, Iterator

from newslint import translation_signal
from newslint.day_context import day_named_before
from newslint.diagnostic import Finding, Fix
from newslint.first_chars import first_char_gate, word_start_chars
from newslint.kinds.rest_patterns import RestPatterns, top_level_branches
from newslint.lazy_regex import LazyPatterns
from newslint.required_literals import NeedsIndex, Presence, needs
from newslint.word_prefixes import PrefixIndex, prefixes, windows_from_heads
from newslint.packs import PatternSpec, RuleSpec
from newslint.pattern_prefilter import Prefilter
from newslint.rule import CheckContext, Rule, RuleInfo
from newslint.prefiltered import prefiltered

if TYPE_CHECKING:
    from newslint.article import Article

KIND = "phrase"


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class PackMatcher:
    """Every phrase rule of a pack, matched in one pass over the article.

    Patterns that start with ``\\b`` and a known set of letters are tried only at word
    starts, and only those that can begin with the text found there (its first three
    characters, lower-cased; newslint/word_prefixes.py) and whose required text occurs in
    the article (newslint/required_literals.py), in pack order, the first match winning as
    in an alternation; the rest, branch by branch, are searched one by one where their
    required text occurs and merged as their alternation would match
    (newslint/kinds/rest_patterns.py).
    Every regex is compiled on first use, and a matcher pickles as its sources, so a
    cached registry loads without compiling anything.
    """

    def __init__(self, specs: list[RuleSpec]) -> None:
        parts: list[tuple[bool, str]] = []
        lines: list[str] = []
        by_char: dict[str, list[str]] = defaultdict(list)
        word_bodies: list[str] = []
        word_groups: list[str] = []
        beginnings: list[frozenset[str] | None] = []
        firsts: list[frozenset[str]] = []
        self._groups: dict[str, tuple[str, int]] = {}
        for ri, spec in enumerate(specs):
            for pi, pattern in enumerate(spec.patterns):
                group = f"r{ri}_{pi}"
                body = pattern.regex if pattern.case_sensitive else f"(?i:{pattern.regex})"
                self._groups[group] = (spec.code, pi)
                chars = None if spec.scope == "line" else word_start_chars(pattern.regex, not pattern.case_sensitive)
                if chars:
                    for c in chars:
                        by_char[c].append(f"(?P<{group}>{body})")
                    word_bodies.append(body)
                    word_groups.append(group)
                    beginnings.append(prefixes(pattern.regex, not pattern.case_sensitive))
                    firsts.append(chars)
                    continue
                if spec.scope == "line":
                    lines.append(f"(?P<{group}>{body})")
                    continue
                # each top-level branch an alternative of its own, with its own required text
                branches = top_level_branches(pattern.regex)
                for j, branch in enumerate(branches):
                    name = group if len(branches) == 1 else f"{group}_{j}"
                    self._groups[name] = (spec.code, pi)
                    gated = first_char_gate(branch, not pattern.case_sensitive)
                    source = gated if pattern.case_sensitive else f"(?i:{gated})"
                    parts.append((branch.startswith("\\b"), f"(?P<{name}>{source})"))
        self._rest = RestPatterns(parts, lines)
        self._by_char = LazyPatterns({c: "|".join(alts) for c, alts in by_char.items()}, re.MULTILINE)
        self._words = WordPatterns(word_bodies, word_groups, PrefixIndex(beginnings, firsts))
        self.shared: SharedScan | None = None  # set by share_scan() to walk with the other packs

    @property
    def regex(self) -> re.Pattern[str] | None:
        """The alternation of the patterns not dispatched by first letter, if any."""
        return self._rest.every()

    def codes_found(self, article: "Article") -> set[str]:
        """The codes of the pack's rules with matches in the article (``rule.ScanGroup``)."""
        return {code for code, hits in self.matches(article).items() if hits}

    def matches(self, article: "Article") -> dict[str, list[tuple[int, int, int]]]:
        """Matches by rule code: (start, end, pattern index); computed once per article."""
        cached = article.cache.get(self)
        if cached is None:
            if self.shared is None:
                self.shared = SharedScan([self])
            self.shared.run(article)
            cached = article.cache[self]
        return cached


class SharedScan:
    """Every pack's word-start dispatch in one walk over the article's word starts.

    Each pack keeps its own matches and its own "no overlap within a pack" rule; only the
    walk (the costly part in Python) is shared, so the results are those of separate scans.
    """

    def __init__(self, matchers: list[PackMatcher]) -> None:
        self.matchers = matchers
        self._table = _Dispatch(matchers)
        # every pattern of every pack, numbered for the native prefilter: (pack, kind, number)
        self._numbered: list[tuple[int, str, int]] = []
        sources: list[tuple[str, int]] = []
        for k, matcher in enumerate(matchers):
            for i, source in matcher._words.compiled.sources.items():
                self._numbered.append((k, "word", i))
                sources.append((source, re.MULTILINE))
            for i, (_, source) in enumerate(matcher._rest.parts):
                self._numbered.append((k, "part", i))
                sources.append((source, re.MULTILINE))
            for i, source in enumerate(matcher._rest.lines):
                self._numbered.append((k, "line", i))
                sources.append((source, re.MULTILINE))
        self.prefilter = Prefilter("phrases", sources, ahead_from=0)  # asked about every article

    def codes_found(self, article: "Article") -> set[str]:
        """The codes of every pack's rules with matches in the article (``rule.ScanGroup``)."""
        found = article.cache.get(self)
        if found is None:
            if self.matchers[0] not in article.cache:
                self.run(article)
            found = article.cache[self] = {code for matcher in self.matchers
                                           for code, hits in article.cache[matcher].items() if hits}
        return found  # type: ignore[return-value]

    def run(self, article: "Article") -> None:
        """Fill ``article.cache[matcher]`` for every matcher of the group."""
        text = article.text
        found: list[dict[str, list[tuple[int, int, int]]]] = [defaultdict(list) for _ in self.matchers]
        maybe = self.prefilter.maybe(text) if self.prefilter.ready() else None
        if maybe is None:  # no native prefilter here: rule patterns out by their required text
            presence = Presence.of(article)
            rests = [matcher._rest.finditer(text, presence) for matcher in self.matchers]
            met = [matcher._words.filing.met(presence) for matcher in self.matchers] if self._table.any else []
        else:
            rests, met = self._candidates(text, maybe)
        for k, matches in enumerate(rests):
            for m in matches:
                code, pi = self.matchers[k]._groups[m.lastgroup]
                found[k][code].append((m.start(), m.end(), pi))
        if any(met):
            self._walk(text, Presence.of(article).folded, met, found)
        for matcher, result in zip(self.matchers, found):
            for hits in result.values():
                hits.sort()
            article.cache[matcher] = result

    def _candidates(self, text: str, maybe: set[int]) -> tuple[list[Iterator[re.Match[str]]], list[set[int]]]:
        """Each pack's matches of the patterns not tried at word starts, and the word-start
        patterns to try, given the numbers of the patterns that may match."""
        parts: list[list[int]] = [[] for _ in self.matchers]
        lines: list[list[int]] = [[] for _ in self.matchers]
        met: list[set[int]] = [set() for _ in self.matchers]
        for number in sorted(maybe):
            k, kind, i = self._numbered[number]
            if kind == "word":
                met[k].add(i)
            else:
                (parts if kind == "part" else lines)[k].append(i)
        rests = [matcher._rest.among(text, parts[k], lines[k]) for k, matcher in enumerate(self.matchers)]
        return rests, met

    def _walk(self, text: str, folded: str, met: list[set[int]],
              found: list[dict[str, list[tuple[int, int, int]]]]) -> None:
        """The word-start patterns ``met`` (by pack) tried at each word start, in pack order,
        the first match winning and no two matches of a pack overlapping; ``folded`` is the
        text with ASCII letters lower-cased (``Presence.folded``)."""
        table, keyed = self._table, _KeyDispatch(self.matchers, met)
        free = [0] * len(self.matchers)
        # only where a met pattern can begin (its beginnings: word_prefixes.PrefixIndex)
        heads = set().union(*(self.matchers[k]._words.index.starts[i] for k, mine in enumerate(met) for i in mine))
        # by the word's first three characters; beyond ASCII, by its first letter
        wanted = lambda w: keyed[w.lower()] if w.isascii() else table[w[0]]  # noqa: E731
        for pos, entries in windows_from_heads(text, folded, heads, wanted):
            for k, regexes in entries:
                if pos < free[k]:
                    continue
                for regex in regexes:
                    m = regex.match(text, pos)
                    if m:
                        code, pi = self.matchers[k]._groups[m.lastgroup]
                        found[k][code].append((m.start(), m.end(), pi))
                        free[k] = m.end()
                        break


class _Dispatch(dict):
    """First letter -> [(matcher index, [that matcher's regex for the letter])], or None;
    filled (and compiled) the first time an article has a word starting with the letter."""

    def __init__(self, matchers: list[PackMatcher]) -> None:
        super().__init__()
        self.matchers = matchers
        self.any = any(m._by_char.sources for m in matchers)

    def __missing__(self, c: str) -> list[tuple[int, re.Pattern[str]]] | None:
        entries = [(k, [m._by_char[c]]) for k, m in enumerate(self.matchers) if c in m._by_char.sources] or None
        self[c] = entries
        return entries


class _KeyDispatch(dict):
    """For one article: window key ("the", "in ") -> [(matcher index, the regexes that
    can match there, in order)], or None. Only the patterns whose required text the
    article has (``met``) are filed, by the beginnings of the keys they can start at."""

    def __init__(self, matchers: list[PackMatcher], met: list[set[int]]) -> None:
        super().__init__()
        self.compiled = [matcher._words.compiled for matcher in matchers]
        self.by_start: dict[str, list[tuple[int, int]]] = {}
        for k, (matcher, mine) in enumerate(zip(matchers, met)):
            starts = matcher._words.index.starts
            for i in sorted(mine):
                for start in starts[i]:
                    self.by_start.setdefault(start, []).append((k, i))

    def __missing__(self, key: str) -> list[tuple[int, list[re.Pattern[str]]]] | None:
        get = self.by_start.get
        found = (get(""), get(key[:1]), get(key[:2]), get(key))  # keys have at most three characters
        if not any(found):
            self[key] = None
            return None
        lists = [f for f in found if f]
        pairs = lists[0] if len(lists) == 1 else sorted(set().union(*lists))  # in pack order, pattern order
        entries: list[tuple[int, list[re.Pattern[str]]]] = []
        for k, i in pairs:
            if not entries or entries[-1][0] != k:
                entries.append((k, []))
            entries[-1][1].append(self.compiled[k][i])
        self[key] = entries
        return entries


class WordPatterns:
    """A pack's word-start patterns, each compiled alone on first use, with their beginnings
    (``index``) and the text each needs (``filing``: which patterns' required text an
    article has, newslint/required_literals.py)."""

    def __init__(self, bodies: list[str], groups: list[str], index: PrefixIndex) -> None:
        self.index = index
        self.filing = NeedsIndex(needs(body) for body in bodies)
        self.compiled = LazyPatterns({i: f"(?P<{g}>{b})" for i, (b, g) in enumerate(zip(bodies, groups))},
                                     re.MULTILINE)


def share_scan(rules: Iterable[Rule]) -> None:
    """Let the phrase rules of all packs share one walk over each article."""
    matchers = list({id(r.matcher): r.matcher for r in rules if isinstance(r, PhraseRule)}.values())
    if len(matchers) > 1:
        shared = SharedScan(matchers)
        for matcher in matchers:
            matcher.shared = shared


class PhraseRule(Rule):
    """A data rule whose patterns are phrases to flag."""

    def __init__(self, spec: RuleSpec, matcher: PackMatcher) -> None:
        self.spec = spec
        self.matcher = matcher
        self.info = RuleInfo(
            code=spec.code,
            name=spec.name,
            category=spec.category,
            severity=spec.severity,
            summary=spec.summary,
            why=spec.why,
            examples=spec.examples,
            fix_safety=spec.fix_safety or ("Unsafe fix: review the replacement." if spec.fix else "No automatic fix."),
            default_enabled=spec.default_enabled,
            gated=spec.gated,
            yields=spec.yields,
            source=f"rules/{spec.pack}.yaml",
        )

    def scan_group(self) -> "PackMatcher | SharedScan":
        """The walk every pack shares, when they share one (the engine then asks it once an
        article which codes it found), else the pack's own."""
        return self.matcher.shared or self.matcher

    def prepare(self, chars: int) -> None:
        scan = self.matcher.shared
        if scan is not None:
            scan.prefilter.prepare(chars)

    def check(self, article: "Article", context: CheckContext) -> Iterable[Finding]:
        if not _applies(self.spec.source_languages, context.source_language, article):
            return
        text = article.text
        for start, end, pi in self.matcher.matches(article).get(self.spec.code, ()):
            if self.spec.scope == "line":
                start, end = _strip(text, start, end)
            if self.spec.skip_quotes and article.in_quote(start):
                continue
            if self.spec.skip_first_person and _says_i(article, start, end):
                continue
            pattern = self.spec.patterns[pi]
            if pattern.unless_day_named and day_named_before(article, start):
                continue
            matched = text[start:end]
            suggestion = _replacement(pattern, text, start, end)
            fields = _Defaults(match=matched, suggestion=suggestion or "")
            fields["advice"] = pattern.advice.format_map(fields)
            message = self.spec.message.format_map(fields)
            fix = Fix.replace(start, end, suggestion) if self.spec.fix and suggestion is not None else None
            yield Finding(start, end, message, (suggestion,) if suggestion else (), fix)


_FIRST_PERSON = prefiltered(re.compile(r"\b(?:I|me|myself)\b"))


def _says_i(article: "Article", start: int, end: int) -> bool:
    """Whether the sentence holding a match says "I" (or "me") outside it: someone's own
    voice, a column or an unquoted answer, where "my country" means their own."""
    for sentence in article.sentences:
        if sentence.start <= start < sentence.end:
            text = article.text
            return bool(_FIRST_PERSON.search(text, sentence.start, start) or _FIRST_PERSON.search(text, end, sentence.end))
    return False


def _starts_at_word_boundary(regex: str) -> bool:
    """Whether every top-level alternative of a pattern starts with ``\\b``."""
    return all(b.startswith("\\b") for b in top_level_branches(regex))


def _applies(languages: tuple[str, ...], source: str | None, article: "Article") -> bool:
    """Whether a rule limited to some source languages runs for this article.

    A regional tag counts as its language ("zh-cn" is "zh"). With no source language set
    (or "any": translated, language unknown) every rule runs, except one limited to a
    language the article clearly does not read as translated from (Russian patterns on
    copy that reads as translated from Chinese).
    """
    if not languages:
        return True
    if source and source != "any":
        return source in languages or source.split("-")[0] in languages
    signal = translation_signal.of(article)
    return not all(signal.rules_out(lang) for lang in languages)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _replacement(pattern: "PatternSpec", text: str, start: int, end: int) -> str | None:
    """The pattern's suggestion for this match: group references filled, case matched."""
    if not pattern.suggestion:
        return None
    suggestion = pattern.suggestion
    if "\\" in suggestion:
        flags = 0 if pattern.case_sensitive else re.IGNORECASE
        m = re.compile(pattern.regex, flags | re.MULTILINE).match(text, start)
        suggestion = m.expand(suggestion) if m else suggestion
    return _match_case(suggestion, text[start:end])


def _match_case(suggestion: str, matched: str) -> str:
    """Capitalise a replacement when the matched text starts with a capital."""
    if matched[:1].isupper() and suggestion[:1].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


def build(specs: list[RuleSpec]) -> list[Rule]:
    """Compile the phrase rules of one pack."""
    if not specs:
        return []
    matcher = PackMatcher(specs)
    return [PhraseRule(spec, matcher) for spec in specs]
