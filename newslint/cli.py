"""The command line: thin wrappers that parse options, call the engine, pick a formatter."""

from __future__ import annotations

import sys
from typing import Iterable

import click

from newslint import __version__, readability
from newslint.config import ConfigError, load_config
from newslint.diagnostic import Severity
from newslint.engine import Linter
from newslint.formatters import FORMATTERS, FileResult
from newslint.packs import PackError
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
@click.option("--no-color", is_flag=True, help="Never colour the output (colour is used only on a terminal).")
def check(paths: tuple[str, ...], fmt: str, select: tuple[str, ...], ignore: tuple[str, ...],
          fail_on: str | None, config_path: str | None, language: str | None,
          source_language: str | None, no_color: bool) -> None:
    """Check articles: files, folders (every .txt/.md inside) or - for stdin."""
    try:
        config = load_config(config_path).with_overrides(
            select=_split(select), ignore=_split(ignore), language=language,
            fail_on=Severity.parse(fail_on) if fail_on else None,
            source_language=source_language.lower() if source_language else None,
        )
        linter = Linter(config)
    except (ConfigError, PackError) as exc:
        click.echo(f"newslint: error: {exc}", err=True)
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

    diagnostics = linter.lint_run(articles)
    results = [FileResult(a.path, diagnostics[i]) for i, a in enumerate(articles)]
    if fmt == "json":
        for result, article in zip(results, articles):
            result.extra["readability"] = readability.summary(article)
    colour = not no_color and fmt == "text" and sys.stdout.isatty()
    FORMATTERS[fmt](results, sys.stdout, colour)

    if errors:
        sys.exit(EXIT_USAGE)
    worst = max((d.severity.rank for r in results for d in r.diagnostics), default=-1)
    sys.exit(EXIT_FINDINGS if worst >= config.fail_on.rank else EXIT_OK)


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
    found = _registry().find(rule)
    if found is None:
        click.echo(f"newslint: error: no rule {rule!r}; `newslint rules` lists them", err=True)
        sys.exit(EXIT_USAGE)
    i = found.info
    out = [f"{i.code} {i.name} ({i.category}, {i.severity.value}{'' if i.default_enabled else ', off by default'})", ""]
    out += ["What it does", f"  {i.summary}", "", "Why", f"  {i.why}", "", "Example"]
    out += [f"  flags:    {_one_line(t)}" for t in i.examples.fail]
    out += [f"  accepts:  {_one_line(t)}" for t in i.examples.ok]
    out += ["", "Fix safety", f"  {i.fix_safety}"]
    if i.options:
        out += ["", "Options (set in [rules.NAME] of the config)"]
        out += [f"  {name} = {opt.default!r}: {opt.help}" for name, opt in i.options.items()]
    if i.gated:
        out += ["", "Fires only when the article shows other translation signals, or source-language is set."]
    out += ["", f"Defined in: {i.source}"]
    click.echo("\n".join(out))


def _one_line(text: str) -> str:
    return text.replace("\n", "⏎ ")


def _registry():
    try:
        return default_registry()
    except PackError as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)


def main() -> None:
    """Entry point for the ``newslint`` script."""
    cli()
