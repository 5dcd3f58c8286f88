"""What a rule is: identity, documentation, examples, options and a check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Protocol

from newslint.diagnostic import CATEGORIES, Finding, Severity

if TYPE_CHECKING:
    from newslint.article import Article
    from newslint.article_facts import ArticleFact


@dataclass(frozen=True)
class Examples:
    """Text a rule must flag, text it must leave alone, and what its fix produces."""

    fail: tuple[str, ...] = ()
    ok: tuple[str, ...] = ()
    fixed: tuple[tuple[str, str], ...] = ()  # (input, expected output after the fix)


@dataclass(frozen=True)
class Option:
    """One configurable rule option: its default and a line of help."""

    default: Any
    help: str
    choices: tuple[Any, ...] = ()  # when not empty: the only values allowed

    def validate(self, value: Any) -> Any:
        expected = type(self.default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, bool) != isinstance(self.default, bool) or not isinstance(value, expected):
            raise ValueError(f"expected {expected.__name__}, got {type(value).__name__}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise ValueError("expected a list of strings")
        if self.choices and value not in self.choices:
            raise ValueError(f"must be one of {', '.join(map(repr, self.choices))} (got {value!r})")
        return value


@dataclass(frozen=True)
class RuleInfo:
    """A rule's identity and documentation; the engine stamps these on every finding."""

    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    why: str
    examples: Examples
    fix_safety: str = "No automatic fix."
    options: Mapping[str, Option] = field(default_factory=dict)
    default_enabled: bool = True
    gated: bool = False  # fires only in articles that read as translated (newslint/translation_signal.py)
    yields: bool = False  # dropped where another rule's finding of the same category overlaps it
    whole_sentence: bool = False  # marks a whole sentence (TR600): never makes a phrase finding yield
    source: str = "newslint"  # "newslint", a pack file, or "languagetool"

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"rule {self.code}: unknown category {self.category!r}")

    @property
    def fixable(self) -> bool:
        return bool(self.examples.fixed) or not self.fix_safety.startswith("No automatic fix")


@dataclass(frozen=True)
class CheckContext:
    """What a rule may read besides the article: its options and article-wide settings."""

    options: Mapping[str, Any]
    language: str = "both"
    source_language: str | None = None
    words: frozenset[str] = frozenset()


class ScanGroup(Protocol):
    """One scan shared by several rules (a pack's phrase patterns)."""

    def codes_found(self, article: "Article") -> set[str]:
        """The codes of the rules with matches in the article."""


class Rule:
    """Base class: subclasses set ``info`` and implement ``check``; ``facts`` lists what the
    rule reads about the whole article (newslint/article_facts.py)."""

    info: RuleInfo
    facts: tuple["ArticleFact", ...] = ()
    reads_findings: bool = False  # also runs ``check_with`` once the other rules have run

    def check(self, article: "Article", context: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def check_with(self, article: "Article", context: CheckContext,
                   others: list[tuple[RuleInfo, Severity, Finding]]) -> Iterable[Finding]:
        """Findings that rest on what the other rules found in the article (rule, effective
        severity, finding); only called when ``reads_findings`` is set."""
        return ()

    def article_facts(self, context: CheckContext) -> tuple["ArticleFact", ...]:
        """The article facts this rule reads with these options (``facts`` unless they vary)."""
        return self.facts

    def scan_group(self) -> "ScanGroup | None":
        """The shared scan this rule's findings come from, if any: the engine skips the rule
        in an article where the scan found nothing under its code."""
        return None

    def prepare(self, chars: int) -> None:
        """Before a run of ``chars`` characters of articles (in the main process, before any
        worker is forked): load or build what the rule's work in the run will share."""


class RunRule(Rule):
    """A rule that looks across every article of one run (e.g. a headline used twice)."""

    def check(self, article: "Article", context: CheckContext) -> Iterable[Finding]:
        return ()

    def check_run(
        self, articles: list["Article"], context: CheckContext
    ) -> Iterable[tuple["Article", Finding]]:
        raise NotImplementedError
