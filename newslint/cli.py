"""The command line: thin wrappers that parse options, call the engine, pick a formatter."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable

import click

from newslint import __version__, baseline, readability, translation_signal
from newslint.article import Article
from newslint.config import ConfigError, load_config
from newslint.diagnostic import Severity
from newslint.engine import Linter
from newslint.fix_files import write_fixed
from newslint.fixes import apply_fixes_counted
from newslint.formatters import FORMATTERS, FileResult
from newslint.grammar import Grammar, GrammarUnavailable
from newslint.packs import PackError
from newslint.parallel import default_jobs
from newslint.registry import default_registry
from newslint.sources import InputError, expand, read_article

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _split(values: Iterable[str]) -> tuple[str, ...] | None:
    items = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
    return items or None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="newslint")
def cli() -> None:
    """Lint news articles for typos, duplicated headlines, unbalanced quotes,
    translation artifacts and news-style problems.

    \b
    Examples:
      newslint check story.txt              check one article
      newslint check drafts/ --format json  every .txt/.md article in a folder, as JSON
      cat story.txt | newslint check -      read from standard input
      newslint rules                        list every rule
      newslint explain QT001                what a rule checks, why, and examples

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
    2 usage, configuration or input errors.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True,
              help="Output format: compiler-style text, JSON (docs/json.md), SARIF 2.1.0, or GitHub annotations.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rules: codes, code prefixes (QT) or names, comma-separated; ALL for every rule.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (codes, prefixes or names).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1.  [default: error]")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Config file (.newslint.toml or pyproject.toml); default: the nearest one above the current folder.")
@click.option("--language", type=click.Choice(["both", "en-US", "en-GB"]), default=None,
              help="Spelling dialect to enforce.  [default: both]")
@click.option("--source-language", default=None, metavar="LANG",
              help="Language the copy was translated from (zh, ru, ...), when known; sharpens translation rules.")
@click.option("--grammar", type=click.Choice(["off", "auto", "required"]), default=None, envvar="NEWSLINT_GRAMMAR",
              help="LanguageTool grammar: off; auto (use it when it can run, else say so); required (exit 2 "
                   "if it cannot run; for CI). Env: NEWSLINT_GRAMMAR.  [default: auto]")
@click.option("--languagetool-url", default=None, metavar="URL",
              help="Use this LanguageTool server instead of a local one. Text is sent to it: name only servers you trust.")
@click.option("--fix", is_flag=True,
              help="Rewrite the files with the safe fixes (doubled spaces and words, HTML entities, invisible "
                   "characters, mojibake...), then report what is left. Not for stdin.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Like --fix, and also apply fixes a person should reread (e.g. 'return back' -> 'return').")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Do not report findings accepted in FILE (same file, rule and flagged text); only new ones count.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Accept every finding of this run: write them to FILE for --baseline, report nothing, exit 0.")
@click.option("--jobs", type=click.IntRange(0), default=0, show_default=True, metavar="N",
              help="Worker processes for a big run (over about 170,000 words); 0: one per core, 1: none.")
@click.option("--no-color", is_flag=True, help="Never colour the output (colour is used only on a terminal).")
def check(paths: tuple[str, ...], fmt: str, select: tuple[str, ...], ignore: tuple[str, ...],
          fail_on: str | None, config_path: str | None, language: str | None,
          source_language: str | None, grammar: str | None, languagetool_url: str | None,
          fix: bool, unsafe_fixes: bool, baseline_path: str | None, write_baseline_path: str | None,
          jobs: int, no_color: bool) -> None:
    """Check articles: files, folders (every .txt/.md inside) or - for stdin.

    Grammar comes from a local LanguageTool server, installed into the cache folder on
    first use (Java 17 and Maven needed); nothing leaves the machine unless you pass
    --languagetool-url.

    \b
    Examples:
      newslint check story.txt                      everything, text output
      newslint check desk/ --fail-on warning        a CI gate: warnings fail too
      newslint check story.txt --select SP,QT       only spelling and quotes
      newslint check story.txt --ignore LT:EN_QUOTES one LanguageTool rule off
      newslint check wire.txt --source-language zh  copy translated from Chinese
      newslint check story.txt --grammar off --format json
      newslint check story.txt --fix                apply safe fixes, report the rest
      newslint check desk/ --write-baseline base.json  accept today's findings...
      newslint check desk/ --baseline base.json        ...then fail only on new ones
    """
    try:
        config = load_config(config_path).with_overrides(
            select=_split(select), ignore=_split(ignore), language=language,
            fail_on=Severity.parse(fail_on) if fail_on else None,
            source_language=source_language.lower() if source_language else None,
            grammar=grammar, languagetool_url=languagetool_url,
        )
        linter = Linter(config)
    except (ConfigError, PackError) as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)

    if (fix or unsafe_fixes) and "-" in paths:
        click.echo("newslint: error: --fix rewrites files; it cannot rewrite standard input", err=True)
        sys.exit(EXIT_USAGE)
    errors: list[InputError] = []
    articles = []
    for item in expand(paths, config.extensions):
        loaded = read_article(item) if isinstance(item, str) else item
        if isinstance(loaded, InputError):
            errors.append(loaded)
            click.echo(str(loaded), err=True)
        else:
            articles.append(loaded)

    try:
        jobs = jobs or default_jobs()
        diagnostics = linter.lint_run(articles, jobs)
    except ConfigError as exc:  # an option value only a rule can check (e.g. a date)
        click.echo(f"newslint: error: {config.path or 'config'}: rules: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if fix or unsafe_fixes:
        articles, diagnostics = _fix_files(linter, articles, diagnostics, unsafe_fixes, errors, jobs)
    results = [FileResult(a.path, diagnostics[i], text=a.text) for i, a in enumerate(articles)]
    grammar_failed = _add_grammar(config, linter, articles, results)
    texts = {a.path: a.text for a in articles}
    if write_baseline_path:
        _write_baseline(Path(write_baseline_path), results, texts)
        sys.exit(EXIT_USAGE if errors or grammar_failed or linter.crashes else EXIT_OK)
    if baseline_path:
        _apply_baseline(Path(baseline_path), results, texts)
    if fmt == "json":
        for result, article in zip(results, articles):
            result.extra["readability"] = readability.summary(article)
            result.extra["translation"] = translation_signal.of(article).as_json()
    colour = not no_color and fmt == "text" and sys.stdout.isatty()
    FORMATTERS[fmt](results, sys.stdout, colour)

    for crash in linter.crashes:
        click.echo(crash, err=True)
    if errors or grammar_failed or linter.crashes:
        sys.exit(EXIT_USAGE)
    worst = max((d.severity.rank for r in results for d in r.diagnostics), default=-1)
    sys.exit(EXIT_FINDINGS if worst >= config.fail_on.rank else EXIT_OK)


def _fix_files(linter: Linter, articles: list[Article], diagnostics: dict[int, list],
               unsafe: bool, errors: list[InputError], jobs: int) -> tuple[list[Article], dict[int, list]]:
    """--fix: apply fixes, rewrite the files, and lint the fixed texts again."""
    fixed_articles, applied, files = [], 0, 0
    for i, article in enumerate(articles):
        text, n = apply_fixes_counted(article.text, diagnostics[i], unsafe)
        if n and text != article.text:
            problem = write_fixed(article.path, article.text, text)
            if problem:
                errors.append(InputError(article.path, problem))
                click.echo(str(errors[-1]), err=True)
            else:
                article, applied, files = Article(text, article.path), applied + n, files + 1
        fixed_articles.append(article)
    if applied:
        click.echo(f"newslint: applied {applied} fix(es) in {files} file(s)", err=True)
    return fixed_articles, linter.lint_run(fixed_articles, jobs)


def _write_baseline(file: Path, results: list[FileResult], texts: dict[str, str]) -> None:
    """--write-baseline: accept every finding of the run."""
    try:
        n = baseline.write(file, results, texts)
    except baseline.BaselineError as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"newslint: wrote {n} finding(s) of {len(results)} file(s) to the baseline {file}", err=True)


def _apply_baseline(file: Path, results: list[FileResult], texts: dict[str, str]) -> None:
    """--baseline: hide accepted findings; say how many, and how many no longer occur."""
    try:
        accepted = baseline.load(file)
    except baseline.BaselineError as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    hidden, stale = baseline.apply(accepted, file, results, texts)
    if hidden:
        click.echo(f"newslint: {hidden} accepted finding(s) in the baseline {file} not reported", err=True)
    if stale:
        click.echo(f"newslint: {stale} accepted finding(s) no longer occur; rewrite {file} with --write-baseline "
                   "to drop them", err=True)


def _add_grammar(config, linter: Linter, articles: list, results: list[FileResult]) -> bool:
    """Run LanguageTool over every article when it is on; True when required and it failed."""
    if config.grammar == "off" or not articles or not any(a.rule.info.code == "LT" for a in linter.active):
        return False
    own_codes = {a.rule.info.code for a in linter.active}
    options = next(a.context.options for a in linter.active if a.rule.info.code == "LT")
    if options["level"] not in ("default", "picky"):
        click.echo(f"newslint: error: {config.path}: rules.languagetool.level must be 'default' or 'picky'", err=True)
        return True
    if options["profile"] not in ("news", "languagetool"):
        click.echo(f"newslint: error: {config.path}: rules.languagetool.profile must be 'news' or 'languagetool'", err=True)
        return True
    checker = Grammar(config.language, config.languagetool_url, own_codes, config.ignore,
                      progress=lambda msg: click.echo(f"newslint: {msg}", err=True),
                      level=options["level"], enable=tuple(str(r) for r in options["enable"]),
                      profile=options["profile"])
    failed = False
    level = "error" if config.grammar == "required" else "warning"
    try:
        checker.start()
    except GrammarUnavailable as exc:
        click.echo(f"newslint: {level}: grammar not checked: {exc}", err=True)
        for result in results:
            result.notes.append(f"grammar not checked: {exc}")
        return config.grammar == "required"
    try:
        for article, result in zip(articles, results):
            try:
                found = checker.check(article, result.diagnostics)
            except GrammarUnavailable as exc:
                if not failed:
                    click.echo(f"newslint: {level}: grammar not checked: {exc}", err=True)
                failed = True
                result.notes.append(f"grammar not checked: {exc}")
                continue
            result.diagnostics = sorted(result.diagnostics + found, key=lambda d: (d.offset, d.end_offset, d.code))
    finally:
        checker.close()
    missing = [r.path for r in results if any(n.startswith("grammar not checked") for n in r.notes)]
    if missing:
        click.echo(f"newslint: {level}: grammar not checked for {len(missing)} file(s): {', '.join(missing[:10])}"
                   + (" ..." if len(missing) > 10 else ""), err=True)
    return failed and config.grammar == "required"


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_command(fmt: str) -> None:
    """List every rule: code, name, category, default severity, whether it can fix."""
    registry = _registry()
    if fmt == "json":
        import json

        rows = [{"code": r.info.code, "name": r.info.name, "category": r.info.category,
                 "severity": r.info.severity.value, "fixable": r.info.fixable,
                 "enabled": r.info.default_enabled, "summary": r.info.summary} for r in registry.rules]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    click.echo(f"{'CODE':<8}{'NAME':<34}{'CATEGORY':<13}{'SEVERITY':<9}FIX")
    for r in registry.rules:
        i = r.info
        flag = "yes" if i.fixable else "-"
        off = "" if i.default_enabled else "  (off by default)"
        click.echo(f"{i.code:<8}{i.name:<34}{i.category:<13}{i.severity.value:<9}{flag}{off}")


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain a rule (by CODE or NAME): what it does, why, examples, fix safety."""
    from newslint.explain import explain as explain_rule

    try:
        docs = explain_rule(rule)
    except PackError as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if docs is None:
        click.echo(f"newslint: error: no rule {rule!r}; `newslint rules` lists them", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(docs.text)


@cli.group("languagetool")
def languagetool_group() -> None:
    """Install, run and inspect the local LanguageTool server used for grammar."""


@languagetool_group.command("install")
def lt_install() -> None:
    """Fetch LanguageTool from Maven Central into the cache folder (needs Java 17 and Maven)."""
    from newslint.languagetool.provision import ProvisionError, ensure

    try:
        folder = ensure(progress=lambda msg: click.echo(f"newslint: {msg}", err=True))
    except ProvisionError as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"LanguageTool is installed in {folder}")


@languagetool_group.command("serve")
@click.option("--port", default=8081, show_default=True, help="Port on 127.0.0.1 to listen on.")
def lt_serve(port: int) -> None:
    """Keep a LanguageTool server running on 127.0.0.1 for repeated runs and editors.

    `newslint check` finds and uses it; stop it with Ctrl-C.
    """
    from newslint.languagetool.provision import ProvisionError
    from newslint.languagetool.server import LanguageToolUnavailable, serve_forever

    try:
        sys.exit(serve_forever(port, progress=lambda msg: click.echo(f"newslint: {msg}", err=True)))
    except (ProvisionError, LanguageToolUnavailable) as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)


@languagetool_group.command("status")
def lt_status() -> None:
    """Say where LanguageTool is installed and whether a server is running."""
    from newslint.languagetool.provision import LT_VERSION, find_existing
    from newslint.languagetool.server import find_running

    folder = find_existing()
    click.echo(f"installed: {folder}" if folder else f"installed: no (run `newslint languagetool install`, LanguageTool {LT_VERSION})")
    url = find_running()
    click.echo(f"server: running at {url}" if url else "server: not running (check starts one per run)")


def _registry():
    try:
        return default_registry()
    except PackError as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)


def main() -> None:
    """Entry point for the ``newslint`` script."""
    cli()
