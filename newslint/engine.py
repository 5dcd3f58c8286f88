"""The engine: pick the active rules from config, run them, stamp their findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from newslint.article import Article
from newslint.config import Config, ConfigError
from newslint.diagnostic import Diagnostic, Finding, Severity, text_order
from newslint import translation_signal
from newslint.pieces import PIECE_CHARS
from newslint.registry import Registry, default_registry
from newslint.rule import CheckContext, Rule, RunRule

if TYPE_CHECKING:
    from newslint.result_cache import ResultCache


@dataclass(frozen=True)
class ActiveRule:
    """A rule switched on for this run, with its effective severity and context."""

    rule: Rule
    severity: Severity
    context: CheckContext


def _specificity(token: str, rule: Rule) -> int:
    """How closely a select/ignore token names a rule; -1 when it does not."""
    code, name = rule.info.code, rule.info.name
    if token.lower() == name or token.upper() == code:
        return 1000
    if token.upper() == "ALL":
        return 0
    if code.startswith(token.upper()):
        return len(token)
    return -1


def _is_enabled(rule: Rule, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    if select:
        chosen = max((_specificity(t, rule) for t in select), default=-1)
        if chosen < 0 or (chosen == 0 and not rule.info.default_enabled):
            return False
    else:
        if not rule.info.default_enabled:
            return False
        chosen = 0
    dropped = max((_specificity(t, rule) for t in ignore), default=-1)
    return chosen > dropped


def select_rules(config: Config, registry: Registry) -> list[ActiveRule]:
    """The active rules, with options validated against each rule's schema."""
    for token in (*config.select, *config.ignore):
        if token.upper().startswith("LT:"):
            continue  # one LanguageTool rule: filtered when its matches are mapped
        if token.upper() != "ALL" and not any(_specificity(token, r) >= 0 for r in registry.rules):
            raise ConfigError(f"{config.path or 'command line'}: {token!r} matches no rule code, prefix or name")
    settings = {}
    for key, setting in config.rules.items():
        rule = registry.find(key)
        if rule is None:
            raise ConfigError(f"{config.path}: rules.{key}: no rule has that code or name")
        settings[rule.info.code] = (key, setting)
    active = []
    for rule in registry.rules:
        key, setting = settings.get(rule.info.code, (None, None))
        enabled = _is_enabled(rule, config.select, config.ignore)
        if setting is not None and setting.enabled is not None:
            enabled = setting.enabled
        options = {name: opt.default for name, opt in rule.info.options.items()}
        for name, value in (setting.options if setting else {}).items():
            if name not in rule.info.options:
                known = ", ".join(rule.info.options) or "none"
                raise ConfigError(f"{config.path}: rules.{key}.{name}: unknown option (known: {known})")
            try:
                options[name] = rule.info.options[name].validate(value)
            except ValueError as exc:
                raise ConfigError(f"{config.path}: rules.{key}.{name}: {exc}") from None
        if not enabled:
            continue  # its options were still checked: a bad value is an error with the rule off too
        severity = setting.severity if setting and setting.severity else rule.info.severity
        context = CheckContext(options, config.language, config.source_language, config.words)
        active.append(ActiveRule(rule, severity, context))
    if not active:
        chosen = f"select {', '.join(config.select) or 'default'}; ignore {', '.join(config.ignore) or 'nothing'}"
        raise ConfigError(f"{config.path or 'command line'}: no rule left to run ({chosen}); a run that checks "
                          "nothing would pass everything")
    return active


class Linter:
    """Runs the active rules over articles; built once per run."""

    def __init__(self, config: Config, registry: Registry | None = None) -> None:
        self.config = config
        self.registry = registry or default_registry()
        self.active = select_rules(config, self.registry)
        # what findings() runs, in order: the rules of one article, then the gated ones
        # (kept only on copy that reads as translated), then those that read the findings
        own = [a for a in self.active if not isinstance(a.rule, RunRule)]
        self._plain = [a for a in own if not a.rule.info.gated]
        self._gated = [a for a in own if a.rule.info.gated]
        # rules whose findings come from a shared scan (the phrase packs) run only where the
        # scan found something under their code: (rule, its code, or None when it always runs)
        groups = {a.rule.info.code: a.rule.scan_group() for a in own}
        self._groups = list({id(g): g for g in groups.values() if g is not None}.values())
        self._plain_runs = [(a, a.rule.info.code if groups[a.rule.info.code] else None) for a in self._plain]
        self._gated_runs = [(a, a.rule.info.code if groups[a.rule.info.code] else None) for a in self._gated]
        self._readers = [a for a in own if a.rule.reads_findings]
        self.crashes: list[str] = []  # one line per rule that raised: a bug, reported, never fatal
        self.cache: "ResultCache | None" = None  # set by the CLI: results of unchanged articles
        self.piece_chars = PIECE_CHARS  # a larger article is read in pieces (bounded memory)

    def lint(self, article: Article) -> list[Diagnostic]:
        """Every diagnostic for one article, in text order; a very large article is read in
        pieces of about ``piece_chars`` characters (newslint/by_pieces.py)."""
        if len(article.text) > self.piece_chars:
            from newslint.by_pieces import findings_by_piece

            return _stamp(article, findings_by_piece(self, article))
        return _stamp(article, self.findings(article))

    def findings(self, article: Article) -> list[tuple[ActiveRule, Finding]]:
        """What the rules found in one article (or one piece of a large one), not yet stamped."""
        found: list[tuple[ActiveRule, Finding]] = []
        busy = set().union(*(group.codes_found(article) for group in self._groups))
        for active, code in self._plain_runs:
            if code is None or code in busy:
                for finding in self._run(active, article):
                    found.append((active, finding))
        # gated findings would be dropped on copy that does not read as translated: not run
        translated = bool(self._gated) and bool(
            self.config.source_language or translation_signal.of(article).reads_translated)
        if translated:
            for active, code in self._gated_runs:
                if code is None or code in busy:
                    for finding in self._run(active, article):
                        found.append((active, finding))
        kept = _give_way(found)
        return kept + self._run_with(article, kept, translated)

    def _run_with(self, article: Article, found: list[tuple[ActiveRule, Finding]],
                  translated: bool) -> list[tuple[ActiveRule, Finding]]:
        """The second pass: rules that read the other rules' findings (TR600's supported
        sentences); a gated one only where the article reads as translated."""
        readers = [a for a in self._readers if translated or not a.rule.info.gated]
        if not readers:
            return []
        others = [(a.rule.info, f.severity or a.severity, f) for a, f in found]
        return [(active, f) for active in readers
                for f in self._run(active, article, lambda a=active: a.rule.check_with(article, a.context, others))]

    def _run(self, active: ActiveRule, article: Article,
             check: Callable[[], Iterable[Finding]] | None = None) -> list[Finding]:
        """One rule's findings (its ``check``, or the given call); a rule that raises is
        recorded and skipped, not fatal."""
        try:
            return list(check() if check else active.rule.check(article, active.context))
        except ConfigError:
            raise  # a bad option value is the user's to fix: exit 2 with the message
        except Exception as exc:  # noqa: BLE001 - a buggy rule must not stop the run
            info = active.rule.info
            self.crashes.append(f"{article.path}: internal error in rule {info.code} {info.name}: "
                                f"{type(exc).__name__}: {exc} (please report this)")
            return []

    def lint_run(self, articles: list[Article], jobs: int = 1, facts: bool = False) -> dict[int, list[Diagnostic]]:
        """Diagnostics per article (by index) including rules that compare articles; a big
        run is spread over ``jobs`` worker processes (newslint/parallel.py), which with
        ``facts`` also work out what the output reports of each article."""
        crashes = len(self.crashes)
        results = self._lint_articles(articles, jobs, facts)
        index = {id(a): i for i, a in enumerate(articles)}
        added: dict[int, list[Diagnostic]] = {}
        for active in self.active:
            if not isinstance(active.rule, RunRule):
                continue
            by_article: dict[int, list[tuple[ActiveRule, Finding]]] = {}  # in the rule's order, per article
            for a, f in active.rule.check_run(articles, active.context):
                by_article.setdefault(id(a), []).append((active, f))
            for article in articles:  # (one pass over the findings, not one per article)
                mine = by_article.get(id(article))
                if mine:
                    i = index[id(article)]
                    stamped = _stamp(article, mine)
                    added.setdefault(i, []).extend(stamped)
                    results[i] = sorted(results[i] + stamped, key=text_order)
        if self.cache is not None and self.compares and len(self.crashes) == crashes:
            # kept so that an unchanged run can be answered without the rules (newslint/cached_run.py)
            self.cache.put_run([(a.path, a.text) for a in articles], added)
        return results

    @property
    def compares(self) -> bool:
        """Whether a rule that compares the articles of a run (HL002) is on."""
        return any(isinstance(a.rule, RunRule) for a in self.active)

    def _lint_articles(self, articles: list[Article], jobs: int, facts: bool = False) -> dict[int, list[Diagnostic]]:
        """Each article's own diagnostics: from the result cache when it has them, the
        rest linted (in workers when big); a run where a rule crashed stores nothing."""
        from newslint.parallel import lint_all

        if self.cache is None:
            self._prepare(articles)
            return lint_all(self, articles, jobs, facts)
        results: dict[int, list[Diagnostic]] = {}
        todo: list[int] = []
        for i, article in enumerate(articles):
            hit = self.cache.get(article.path, article.text)
            if hit is None:
                todo.append(i)
            else:
                results[i] = hit
        crashes = len(self.crashes)
        self._prepare([articles[i] for i in todo])
        fresh = lint_all(self, [articles[i] for i in todo], jobs, facts)
        for j, i in enumerate(todo):
            results[i] = fresh[j]
            if len(self.crashes) == crashes:
                self.cache.put(articles[i].path, articles[i].text, fresh[j])
        return results

    def _prepare(self, articles: list[Article]) -> None:
        """Before linting ``articles`` (here or in forked workers): what each rule's work on
        them will share, such as the phrase scan's native prefilter (newslint/pattern_prefilter.py)."""
        if articles:
            from newslint import prefiltered

            chars = sum(len(a.text) for a in articles)
            prefiltered.prepare(chars)
            for active in self.active:
                active.rule.prepare(chars)


# Categories whose findings name a specific artifact: a broad (yielding) finding on the same
# words says the same thing again. Span-wide findings (a long lead, a long sentence) are not.
ARTIFACT_CATEGORIES = frozenset({"translation", "entity", "date"})


def _give_way(found: list[tuple[ActiveRule, Finding]]) -> list[tuple[ActiveRule, Finding]]:
    """Drop findings of yielding rules (broad mined lists) that overlap another rule's
    translation, entity or date finding: one finding per problem, the more specific one."""
    if not any(a.rule.info.yields for a, _ in found):
        return found
    firm = [(f.start, f.end) for a, f in found
            if not a.rule.info.yields and not a.rule.info.whole_sentence and a.rule.info.category in ARTIFACT_CATEGORIES]
    return [
        (a, f) for a, f in found
        if not a.rule.info.yields or not any(s < f.end and f.start < e for s, e in firm)
    ]


def _stamp(article: Article, found: Iterable[tuple[ActiveRule, Finding]]) -> list[Diagnostic]:
    """Turn findings into diagnostics: identity from the rule, position from the article."""
    seen = set()
    out = []
    for active, f in found:
        key = (active.rule.info.code, f.start, f.end)
        if key in seen:
            continue
        seen.add(key)
        info = active.rule.info
        line, column = article.position(f.start)
        end_line, end_column = article.position(f.end)
        out.append(
            Diagnostic(
                code=info.code,
                rule=info.name,
                category=info.category,
                severity=f.severity or active.severity,
                message=f.message,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                offset=f.start,
                end_offset=f.end,
                suggestions=tuple(f.suggestions),
                fix=f.fix,
            )
        )
    return sorted(out, key=text_order)
