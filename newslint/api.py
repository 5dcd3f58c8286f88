"""The library entry point shared by the CLI, the language server and Python callers.

``check(inputs, ...)`` reads articles (plain text, Markdown, HTML), finds each file's
configuration, runs the rules and LanguageTool, applies fixes to a fixed point when asked,
maps findings back into each file, honours inline suppression and a baseline, and returns
one ``FileResult`` per article::

    from newslint.api import check, Text
    run = check([Text("story.md", "# Head\\n\\nThe the end.\\n")], grammar="off")
    for result in run.results:
        for d in result.diagnostics:
            print(result.path, d.line, d.column, d.code, d.message)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from newslint import baseline as baseline_mod
from newslint.article import Article
from newslint.config import Config, discover, load_config
from newslint.diagnostic import Diagnostic, Severity, text_order
from newslint.fix_files import write_fixed
from newslint.fixes import apply_fixes_counted
from newslint.formatters.base import FileResult
from newslint.markup import MarkupArticle, make_article, source_text, to_source
from newslint.markup.directives import suppress, unknown_codes
from newslint.sources import InputError, decode, expand

if TYPE_CHECKING:  # the rules are imported only when a run needs them (newslint/cached_run.py)
    from newslint.cached_run import Settings
    from newslint.engine import Linter

MAX_FIX_PASSES = 5  # --fix repeats until nothing changes ("The the the" needs two passes), at most this often
GRAMMAR_REQUESTS = 4  # articles sent to LanguageTool at once when the server is shared

Report = Callable[[str], None]


@dataclass(frozen=True)
class Text:
    """An article given as text rather than a path; ``name`` picks the parser by suffix."""

    name: str
    text: str


@dataclass
class Run:
    """What one check produced: results per article, unreadable inputs, and failures."""

    results: list[FileResult] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    grammar_failed: bool = False
    configs: dict[str, Config] = field(default_factory=dict)  # path -> the config that checked it

    @property
    def ok(self) -> bool:
        """No input, rule or required-grammar failure (exit 2 otherwise)."""
        return not (self.errors or self.crashes or self.grammar_failed)


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def config_for(path: str | None, explicit: str | None, overrides: dict, cache: dict,
               one_run: bool = False) -> Config:
    """The config of one file: --config or NEWSLINT_CONFIG when given, else the nearest
    one above the file (the current folder for stdin), with command-line overrides laid over.
    With ``one_run`` (the files of one run), each folder's search is made once; a language
    server's cache lives longer, and a config file added meanwhile must be found."""
    import os

    explicit = explicit or os.environ.get("NEWSLINT_CONFIG") or None
    if explicit:
        key: object = ("explicit", explicit)
    else:
        if not path or path.startswith("<"):
            start = Path.cwd().resolve()
        elif one_run and not os.path.islink(path):  # its folder resolved once per run (a file of
            folder = os.path.dirname(path)           # thousands costs one lstat, not one per part)
            start = cache.get(("resolved", folder))
            if start is None:
                start = cache[("resolved", folder)] = Path(folder or ".").resolve()
        else:
            start = Path(path).resolve().parent
        if one_run:
            found = cache.get(("folder", start), cache)  # the cache itself: not looked up yet
            if found is cache:
                found = cache[("folder", start)] = discover(start)
            key = found
        else:
            key = discover(start)
    if key not in cache:
        base = load_config(explicit) if explicit else (load_config(str(key), found_from=start) if key else Config())
        cache[key] = base.with_overrides(**overrides)
    return cache[key]


def read_inputs(inputs: Iterable[str | Text], extensions: tuple[str, ...], stdin_filename: str | None = None,
                report: Report = _stderr) -> tuple[list[Article], list[InputError]]:
    """Articles from paths (folders walked, ``-`` for stdin) and texts; errors reported one a line."""
    articles: list[Article] = []
    errors: list[InputError] = []
    paths = [i for i in inputs if isinstance(i, str)]
    texts = [i for i in inputs if isinstance(i, Text)]
    for item in expand(tuple(paths), extensions):
        if isinstance(item, InputError):
            loaded: Article | InputError = item
        elif item == "-":
            loaded = decode(sys.stdin.buffer.read(), stdin_filename or "<stdin>")
        else:
            try:
                with open(item, "rb") as fh:
                    loaded = decode(fh.read(), item)
            except OSError as exc:
                loaded = InputError(item, f"cannot read: {exc.strerror or exc}")
        if isinstance(loaded, InputError):
            errors.append(loaded)
            report(str(loaded))
        else:
            articles.append(make_article(loaded.text, loaded.path))
    articles.extend(make_article(t.text, t.name) for t in texts)
    return articles, errors


def check(inputs: Iterable[str | Text], *, config_path: str | None = None, fix: bool = False,
          unsafe_fixes: bool = False, fix_read_only: bool = False, jobs: int = 1, stdin_filename: str | None = None,
          baseline: str | None = None, readability_scores: bool = False, report: Report = _stderr,
          linters: dict | None = None, cache_results: bool = False, **overrides) -> Run:
    """Check articles: paths (files, folders, ``-``) or ``Text`` items. ``overrides`` are
    Config fields (select, ignore, language, grammar, ...) laid over each file's config.
    ``linters`` (a dict kept by the caller) reuses rules between calls, as the server does.
    ``cache_results`` reuses the findings of unchanged files (newslint/result_cache.py)."""
    overrides = {k: v for k, v in overrides.items() if v is not None}
    run = Run()
    cache: dict = {}
    linters = {} if linters is None else linters
    first = config_for(None, config_path, overrides, cache)
    articles, run.errors = read_inputs(list(inputs), first.extensions, stdin_filename, report)
    groups: dict[int, tuple[Config, list[Article]]] = {}
    for article in articles:
        config = config_for(article.path, config_path, overrides, cache, one_run=True)
        groups.setdefault(id(config), (config, []))[1].append(article)
    for config, _ in groups.values():
        if config.url_note and "languagetool_url" not in overrides and config.grammar != "off":
            report(f"newslint: {config.url_note}")  # every run: where the text goes, or why not there
    for config, group in groups.values():
        key = repr(config)
        linter = linters.get(key)
        results = None
        if linter is None and cache_results and not (fix or unsafe_fixes):
            results = _answer_from_cache(config, group)
        if results is None:
            if linter is None:
                from newslint.engine import Linter

                linter = linters[key] = Linter(config)
            if cache_results and linter.cache is None:
                from newslint import result_cache

                linter.cache = result_cache.ResultCache(
                    result_cache.settings_key(linter.active, config.language, config.source_language))
                _remember_settings(linter)
            results = _check_group(linter, group, fix or unsafe_fixes, unsafe_fixes, jobs, run, report,
                                   fix_read_only, readability_scores)
            run.crashes.extend(c for c in linter.crashes if c not in run.crashes)
            linter.crashes.clear()
        for result in results:
            run.configs[result.path] = config
        run.results.extend(results)
    order = {a.path: i for i, a in enumerate(articles)}
    run.results.sort(key=lambda r: order.get(r.path, 0))
    if baseline:
        apply_baseline(Path(baseline), run.results, report)
    if readability_scores:
        from newslint import readability, translation_signal

        for result in run.results:
            article = result.extra.pop("_article")
            result.extra["readability"] = readability.summary(article)
            result.extra["translation"] = translation_signal.of(article).as_json()
    else:
        for result in run.results:
            result.extra.pop("_article", None)
    return run


def _check_group(linter: Linter, articles: list[Article], fix: bool, unsafe: bool, jobs: int, run: Run,
                 report: Report, fix_read_only: bool = False, facts: bool = False) -> list[FileResult]:
    diagnostics = linter.lint_run(articles, jobs, facts and not fix)
    if fix:
        articles, diagnostics = _fix_files(linter, articles, diagnostics, unsafe, jobs, run, report, fix_read_only)
    results = [FileResult(a.path, diagnostics[i]) for i, a in enumerate(articles)]
    if _add_grammar(linter, articles, results, report):
        run.grammar_failed = True
    rules = linter.registry.rules
    _in_source(articles, results, {r.info.code for r in rules}, {r.info.name for r in rules})
    return results


def _answer_from_cache(config: Config, articles: list[Article]) -> list[FileResult] | None:
    """The results of a group of unchanged articles from the result cache alone, without
    loading the rules; None when anything is missing (newslint/cached_run.py)."""
    from newslint import cached_run

    answered = cached_run.answer(config, articles)
    if answered is None:
        return None
    diagnostics, settings = answered
    results = [FileResult(a.path, found) for a, found in zip(articles, diagnostics)]
    _in_source(articles, results, settings.codes, settings.names)
    return results


def _remember_settings(linter: Linter) -> None:
    """Leave what a later run with this configuration needs to be answered from the cache."""
    from newslint import cached_run

    rules = linter.registry.rules
    assert linter.cache is not None
    cached_run.remember(linter.config, cached_run.Settings(
        lint=linter.cache.settings, grammar=_grammar_settings(linter) if _runs_grammar(linter) else None,
        compares=linter.compares, codes=frozenset(r.info.code for r in rules),
        names=frozenset(r.info.name for r in rules)))


def _in_source(articles: list[Article], results: list[FileResult], known: set[str] | frozenset[str],
               names: set[str] | frozenset[str]) -> None:
    """Findings mapped back into each file's own text, inline suppressions applied, and
    directives naming no rule noted (``known`` codes and ``names``)."""
    for article, result in zip(articles, results):
        result.diagnostics = to_source(article, result.diagnostics)
        result.text = source_text(article)
        result.extra["_article"] = article
        if isinstance(article, MarkupArticle) and article.directives:
            result.diagnostics = suppress(result.diagnostics, article.directives, article.source)
            result.notes.extend(unknown_codes(article.directives, known, names))


def _fix_files(linter: Linter, articles: list[Article], diagnostics: dict[int, list], unsafe: bool, jobs: int,
               run: Run, report: Report, read_only_ok: bool = False) -> tuple[list[Article], dict[int, list]]:
    """--fix: apply fixes and rewrite the files, again and again until nothing changes
    (at most MAX_FIX_PASSES), then the diagnostics of the fixed texts. A file that could not
    be written is reported once and left alone."""
    applied, fixed_paths, failed = 0, set(), set()
    current = list(articles)
    for _ in range(MAX_FIX_PASSES):
        changed = []
        for i, article in enumerate(current):
            source = source_text(article)
            text, n = apply_fixes_counted(source, to_source(article, diagnostics[i]), unsafe)
            if not n or text == source or article.path.startswith("<") or article.path in failed:
                continue
            problem = write_fixed(article.path, source, text, read_only_ok=read_only_ok)
            if problem:
                failed.add(article.path)
                run.errors.append(InputError(article.path, problem))
                report(str(run.errors[-1]))
                continue
            current[i] = make_article(text, article.path)
            applied += n
            fixed_paths.add(article.path)
            changed.append(i)
        if not changed:
            break
        diagnostics = linter.lint_run(current, jobs)
    if applied:
        report(f"newslint: applied {applied} fix(es) in {len(fixed_paths)} file(s)")
    return current, diagnostics


def apply_baseline(file: Path, results: list[FileResult], report: Report) -> None:
    """--baseline: hide accepted findings; say how many, and how many no longer occur."""
    accepted = baseline_mod.load(file)
    texts = {r.path: r.text or "" for r in results}
    hidden, stale = baseline_mod.apply(accepted, file, results, texts)
    if hidden:
        report(f"newslint: {hidden} accepted finding(s) in the baseline {file} not reported")
    if stale:
        report(f"newslint: {stale} accepted finding(s) no longer occur; rewrite {file} with --write-baseline "
               "to drop them")


def _add_grammar(linter: Linter, articles: list, results: list[FileResult], report: Report) -> bool:
    """Run LanguageTool over every article when it is on; True when required and it failed."""
    config = linter.config
    if not articles or not _runs_grammar(linter):
        return False
    from newslint.grammar import Grammar, GrammarUnavailable  # here: a run with grammar off never imports it
    own_codes = {a.rule.info.code for a in linter.active}
    options = next(a.context.options for a in linter.active if a.rule.info.code == "LT")
    cache = None
    if linter.cache is not None:  # grammar results only for the same LanguageTool settings
        from newslint import result_cache

        cache = result_cache.ResultCache(_grammar_settings(linter), kind="grammar")
    pending = []
    for article, result in zip(articles, results):
        found = cache.get(article.path, article.text) if cache else None
        if found is None:
            pending.append((article, result))
        else:
            result.diagnostics = sorted(result.diagnostics + found, key=text_order)
    if not pending:
        return False
    checker = Grammar(config.language, config.languagetool_url, own_codes, config.ignore,
                      progress=lambda msg: report(f"newslint: {msg}"),
                      level=options["level"], enable=tuple(str(r) for r in options["enable"]),
                      profile=options["profile"], required=config.grammar == "required")
    failed = False
    level = "error" if config.grammar == "required" else "warning"
    try:
        checker.start()
    except GrammarUnavailable as exc:
        report(f"newslint: {level}: grammar not checked: {exc}")
        for _, result in pending:
            result.notes.append(f"grammar not checked: {exc}")
        return config.grammar == "required"

    def check_one(item: tuple) -> tuple:
        try:
            return item, checker.check(item[0], item[1].diagnostics), None
        except GrammarUnavailable as exc:
            return item, None, exc

    from concurrent.futures import ThreadPoolExecutor

    from newslint.progress import ProgressLine

    workers = GRAMMAR_REQUESTS if checker.concurrent and len(pending) > 1 else 1
    pool = ThreadPoolExecutor(workers) if workers > 1 else None
    try:  # LanguageTool serves several requests at once: keep it busy
        with ProgressLine("checking grammar", len(pending)) as line:
            answers = pool.map(check_one, pending) if pool else map(check_one, pending)
            for (article, result), found, exc in answers:
                line.advance()
                if exc is not None:
                    if not failed:
                        report(f"newslint: {level}: grammar not checked: {exc}")
                    failed = True
                    result.notes.append(f"grammar not checked: {exc}")
                    continue
                if cache:
                    cache.put(article.path, article.text, found)
                result.diagnostics = sorted(result.diagnostics + found, key=text_order)
    except BaseException:
        if pool:  # a signal or an error: do not wait for requests still in flight
            pool.shutdown(wait=False, cancel_futures=True)
            pool = None
        raise
    finally:
        if pool:
            pool.shutdown()
        checker.close()
    missing = [r.path for r in results if any(n.startswith("grammar not checked") for n in r.notes)]
    if missing:
        report(f"newslint: {level}: grammar not checked for {len(missing)} file(s): {', '.join(missing[:10])}"
               + (" ..." if len(missing) > 10 else ""))
    return failed and config.grammar == "required"


def _runs_grammar(linter: Linter) -> bool:
    """Whether LanguageTool checks this linter's articles."""
    return linter.config.grammar != "off" and any(a.rule.info.code == "LT" for a in linter.active)


def _grammar_settings(linter: Linter) -> str:
    """The result cache's key for LanguageTool's findings: only for the same settings."""
    from newslint import result_cache
    from newslint.languagetool.provision import LT_VERSION

    config = linter.config
    return result_cache.settings_key(linter.active, config.language, config.languagetool_url, config.ignore,
                                     LT_VERSION)


def worst(run: Run) -> Severity | None:
    """The most serious severity reported, if any."""
    found = [d.severity for r in run.results for d in r.diagnostics]
    return max(found, key=lambda s: s.rank) if found else None


def diagnostics_for(text: str, name: str, linter: Linter, grammar=None) -> tuple[Article, list[Diagnostic], list[str]]:
    """One in-memory article's diagnostics in its own coordinates, without fixes (the
    language server's path; ``grammar``, a started Grammar, adds LanguageTool's):
    (article, diagnostics, notes)."""
    from newslint.grammar import GrammarUnavailable

    article = make_article(text, name)
    found = linter.lint(article)
    notes: list[str] = []
    if grammar is not None:
        try:
            found = sorted(found + grammar.check(article, found), key=text_order)
        except GrammarUnavailable as exc:
            notes.append(f"grammar not checked: {exc}")
    found = to_source(article, found)
    if isinstance(article, MarkupArticle) and article.directives:
        found = suppress(found, article.directives, article.source)
        rules = linter.registry.rules
        notes += unknown_codes(article.directives, {r.info.code for r in rules}, {r.info.name for r in rules})
    return article, found, notes
