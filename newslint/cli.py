"""The command line: thin wrappers that parse options, call the engine, pick a formatter."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable

import click

from newslint import __version__, baseline, children, result_cache
from newslint.config import ConfigError
from newslint.diagnostic import Severity
from newslint.formatters import FORMATTERS, FileResult
from newslint.packs import PackError
from newslint.parallel import default_jobs

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _split(values: Iterable[str]) -> tuple[str, ...] | None:
    items = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
    return items or None


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from newslint import native

    click.echo(f"newslint, version {__version__}\n{native.status()}")
    ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version, and whether the native core is in use, and exit.")
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
    2 usage, configuration or input errors, 128+N stopped by signal N (Ctrl-C: 130).
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True,
              help="Output format: compiler-style text, JSON (docs/json.md), SARIF 2.1.0, GitHub annotations, or a "
                   "self-contained HTML report (findings highlighted in each article).")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rules: codes, code prefixes (QT) or names, comma-separated; ALL for every rule.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (codes, prefixes or names).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1.  [default: error]")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Config file (.newslint.toml or pyproject.toml); default: NEWSLINT_CONFIG, else the nearest one "
                   "above each file.")
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
                   "characters...), again until nothing changes, then report what is left. Not for stdin.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Like --fix, and also apply fixes a person should reread (e.g. 'return back' -> 'return', mojibake).")
@click.option("--fix-read-only", is_flag=True,
              help="With --fix: also rewrite read-only files (they stay read-only); by default they are refused.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Do not report findings accepted in FILE (same file, rule and flagged text); only new ones count.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Accept every finding of this run: write them to FILE for --baseline, report nothing, exit 0.")
@click.option("--jobs", type=click.IntRange(0), default=0, show_default=True, metavar="N",
              help="Worker processes for a big run (over about 170,000 words); 0: one per core, 1: none.")
@click.option("--cluster", default=None, metavar="SPEC",
              help="Check an archive on a Dask cluster (pip install 'newslint[dask]'): local:N starts N worker "
                   "processes on this machine; tcp://HOST:8786 uses that scheduler, whose workers must see the "
                   "same files (paths are made absolute). Grammar runs there only with --languagetool-url.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output: auto colours a terminal unless NO_COLOR is set.")
@click.option("--no-color", is_flag=True, help="Same as --color never.")
@click.option("--no-cache", is_flag=True,
              help="Check every file again instead of reusing results of unchanged files from the cache "
                   "(~/.cache/newslint/results; env NEWSLINT_NO_CACHE=1 does the same).")
@click.option("--stdin-filename", default=None, metavar="NAME",
              help="Name for the text read from - (in output, config discovery and the parser: .md, .html).")
def check(paths: tuple[str, ...], fmt: str, select: tuple[str, ...], ignore: tuple[str, ...],
          fail_on: str | None, config_path: str | None, language: str | None,
          source_language: str | None, grammar: str | None, languagetool_url: str | None,
          fix: bool, unsafe_fixes: bool, fix_read_only: bool, baseline_path: str | None, write_baseline_path: str | None,
          jobs: int, cluster: str | None, color: str, no_color: bool, stdin_filename: str | None,
          no_cache: bool) -> None:
    """Check articles: files, folders (every .txt/.md/.html inside) or - for stdin.

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
      newslint check archive/ --cluster local:2 --format json   on 2 Dask workers here
      newslint check /shared/archive --cluster tcp://sched:8786  on a running Dask cluster
    """
    from newslint import api

    if (fix or unsafe_fixes) and "-" in paths:
        click.echo("newslint: error: --fix rewrites files; it cannot rewrite standard input", err=True)
        sys.exit(EXIT_USAGE)
    if cluster and (fix or unsafe_fixes or "-" in paths):
        click.echo("newslint: error: --cluster checks files its workers read; it cannot --fix them or read "
                   "standard input", err=True)
        sys.exit(EXIT_USAGE)
    report = lambda message: click.echo(message, err=True)  # noqa: E731
    options = dict(
        config_path=config_path, baseline=None if write_baseline_path else baseline_path,
        readability_scores=fmt in ("json", "html"), report=report,
        select=_split(select), ignore=_split(ignore), language=language,
        fail_on=Severity.parse(fail_on) if fail_on else None,
        source_language=source_language.lower() if source_language else None,
        grammar=grammar, languagetool_url=languagetool_url,
    )
    try:
        if cluster:
            run = _check_on_cluster(cluster, paths, options)
        else:
            run = api.check(paths, fix=fix, unsafe_fixes=unsafe_fixes, fix_read_only=fix_read_only,
                            jobs=jobs or default_jobs(), stdin_filename=stdin_filename,
                            cache_results=not no_cache and result_cache.enabled(), **options)
    except (ConfigError, PackError, baseline.BaselineError) as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    results = run.results
    if write_baseline_path:
        _write_baseline(Path(write_baseline_path), results, {r.path: r.text or "" for r in results})
        sys.exit(EXIT_USAGE if not run.ok else EXIT_OK)
    FORMATTERS[fmt](results, sys.stdout, use_colour(color, no_color, fmt))
    for crash in run.crashes:
        click.echo(crash, err=True)
    if not run.ok:
        sys.exit(EXIT_USAGE)
    fail_rank = min((c.fail_on.rank for c in run.configs.values()), default=Severity.ERROR.rank)
    worst = max((d.severity.rank for r in results for d in r.diagnostics), default=-1)
    sys.exit(EXIT_FINDINGS if worst >= fail_rank else EXIT_OK)


def _check_on_cluster(spec: str, paths: tuple[str, ...], options: dict):
    """--cluster: the run on Dask workers, with a progress line; one-line errors, exit 2."""
    from newslint.cluster import ClusterError, connect, parse
    from newslint.distributed import check_archive
    from newslint.progress import ProgressLine

    try:
        if parse(spec)[0] == "remote":  # the workers do not share our working folder
            paths = tuple(str(Path(p).resolve()) for p in paths)
        with connect(spec) as client, ProgressLine("checking on the cluster", 0) as line:
            def progress(done: int, total: int) -> None:
                line.total = total
                line.advance(done - line.done)

            return check_archive(paths, client, progress=progress, **options)
    except ClusterError as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)


def use_colour(color: str, no_color: bool, fmt: str) -> bool:
    """--color=always|never|auto; auto colours a terminal unless NO_COLOR is set (no-color.org)."""
    import os

    if no_color or color == "never" or fmt != "text":
        return False
    if color == "always":
        return True
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def _write_baseline(file: Path, results: list[FileResult], texts: dict[str, str]) -> None:
    """--write-baseline: accept every finding of the run."""
    try:
        n = baseline.write(file, results, texts)
    except baseline.BaselineError as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"newslint: wrote {n} finding(s) of {len(results)} file(s) to the baseline {file}", err=True)


@cli.command("config")
@click.argument("path", required=False, default=".")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Show this config file instead of the one found for PATH.")
def config_command(path: str, config_path: str | None) -> None:
    """Print the effective settings for PATH (a file or folder; default: here) and where
    each came from: --config, NEWSLINT_CONFIG, the nearest .newslint.toml or
    pyproject.toml [tool.newslint] above PATH, or the defaults."""
    import dataclasses
    import os

    from newslint.api import config_for
    from newslint.config import Config

    target = Path(path)
    probe = str(target / "x.txt") if target.is_dir() else str(target)
    try:
        config = config_for(probe, config_path, {}, {})
    except ConfigError as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    how = ("--config" if config_path else "NEWSLINT_CONFIG" if os.environ.get("NEWSLINT_CONFIG")
           else "nearest above " + path)
    click.echo(f"# config file: {config.path} ({how})" if config.path else "# config file: none (defaults)")
    defaults = Config()
    for f in dataclasses.fields(Config):
        if f.name == "path":
            continue
        value = getattr(config, f.name)
        origin = "default" if value == getattr(defaults, f.name) else config.path
        if isinstance(value, Severity):
            value = value.value
        elif isinstance(value, (tuple, frozenset)):
            value = sorted(value) if isinstance(value, frozenset) else list(value)
        elif f.name == "rules":
            value = {k: {kk: vv for kk, vv in dataclasses.asdict(v).items() if vv not in (None, {})}
                     for k, v in value.items()}
        click.echo(f"{f.name.replace('_', '-')} = {value!r}  # {origin}")


@cli.command("server")
def server_command() -> None:
    """Run the language server (LSP over stdin/stdout) for editors.

    Diagnostics on open, change and save; code actions for fixes and adding a word to the
    dictionary; hover explains the rule. Settings come from each file's config; the client
    may send initializationOptions {"grammar": "off"|"auto", "language", "select", "ignore"}.
    README has recipes for Neovim, VS Code, Helix and Emacs.
    """
    from newslint.lsp import serve

    serve()


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
@click.option("--port", default=8081, show_default=True, type=click.IntRange(1, 65535),
              help="Port on 127.0.0.1 to listen on.")
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
    click.echo(f"server: running at {url}" if url else "server: not running (the next check that needs it starts one)")


@languagetool_group.command("stop")
def lt_stop() -> None:
    """Stop the shared LanguageTool server that check starts and later runs reuse.

    It also stops by itself after 15 minutes unused (env NEWSLINT_LANGUAGETOOL_IDLE, in
    seconds); NEWSLINT_LANGUAGETOOL_DAEMON=0 makes every check start and stop its own.
    """
    from newslint.languagetool import daemon

    click.echo("newslint: stopped the LanguageTool server" if daemon.stop() else "newslint: no LanguageTool server running")


def _registry():
    from newslint.registry import default_registry  # here: a run answered from the cache never loads the rules

    try:
        return default_registry()
    except PackError as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)


def main() -> None:
    """Entry point for the ``newslint`` script: a stop signal ends the run and its children,
    exit 128 + the signal's number (Ctrl-C: 130, SIGTERM: 143)."""
    children.install_signal_handlers()
    try:
        cli()
    except children.Terminated as stop:
        children.stop_all(grace=2.0)
        click.echo(f"newslint: stopped by {stop}", err=True)
        sys.exit(128 + stop.signum)
