"""Find, read and validate configuration into a frozen Config; raw dicts never reach rules.

Sources, nearest wins: ``.newslint.toml`` (top level) or ``[tool.newslint]`` in
``pyproject.toml``, searched from the current folder upward, or a file named by
``--config``. Unknown keys and bad values raise ConfigError naming the file and key.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from newslint.diagnostic import Severity
from newslint.files import NotReadable, read_regular

LANGUAGES = ("both", "en-US", "en-GB")
GRAMMAR_MODES = ("off", "auto", "required")


class ConfigError(Exception):
    """A configuration problem, reported as one line and exit code 2."""


@dataclass(frozen=True)
class RuleSetting:
    """Per-rule overrides from ``[rules.NAME]``: severity, enabled and options."""

    severity: Severity | None = None
    enabled: bool | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    """Validated settings for one run."""

    path: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    language: str = "both"
    source_language: str | None = None
    words: frozenset[str] = frozenset()
    rules: Mapping[str, RuleSetting] = field(default_factory=dict)
    grammar: str = "auto"
    languagetool_url: str | None = None
    extensions: tuple[str, ...] = (".txt", ".md", ".text", ".markdown", ".html", ".htm")
    url_note: str | None = None  # said on stderr every run: where languagetool-url came from, or why it was ignored

    def with_overrides(self, **changes: Any) -> "Config":
        """A copy with command-line values laid over the file's (None leaves a value)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_TOP_KEYS = {
    "select", "ignore", "fail-on", "language", "source-language", "words", "words-file",
    "rules", "grammar", "languagetool-url", "extensions",
}


def discover(start: Path) -> Path | None:
    """The nearest .newslint.toml, or pyproject.toml with [tool.newslint], at or above start."""
    for folder in [start, *start.parents]:
        candidate = folder / ".newslint.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _may_name_newslint(pyproject):
            tool = _read_toml(pyproject).get("tool", {})
            if isinstance(tool, Mapping) and "newslint" in tool:
                return pyproject
    return None


def _may_name_newslint(pyproject: Path) -> bool:
    """Whether a pyproject.toml could hold a [tool.newslint] table: most name no newslint at
    all and are not parsed (parsing TOML costs a cold start about 2 ms). A key spelled with
    escapes ("\\u006eewslint") is not recognised; unreadable files are left to the parser."""
    try:
        return b"newslint" in read_regular(pyproject)
    except Exception:  # noqa: BLE001 - _read_toml reports what is wrong with it
        return True


def project_root(start: Path) -> Path:
    """The git work tree holding ``start`` (the folder with ``.git``), else the current folder."""
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder
    return Path.cwd().resolve()


def _url_note(config: Config, path: Path, found_from: Path | None) -> Config:
    """languagetool-url is taken only from the project's own config: one named with --config
    (``found_from`` None), or one found at or below the git root of the folder the search
    started from (without git, at or below the current folder). A config further up (a shared
    temporary folder, a home folder) must not send unpublished text to a server; its URL is
    ignored, and either way stderr says so."""
    if config.languagetool_url is None:
        return config
    root = project_root(found_from) if found_from is not None else None
    if root is None or path.parent == root or root in path.parents:
        return replace(config, url_note=f"grammar text goes to {config.languagetool_url} "
                                        f"(languagetool-url in {path})")
    return replace(config, languagetool_url=None,
                   url_note=f"warning: languagetool-url in {path} ignored: that config is outside this project "
                            f"({root}); name the server with --languagetool-url or --config")


def load_config(explicit: str | None = None, start: Path | None = None, *, found_from: Path | None = None) -> Config:
    """Load and validate the configuration; defaults when there is no file. ``explicit`` is a
    file the user named, or one :func:`discover` found searching up from ``found_from``."""
    cwd = (start or Path.cwd()).resolve()
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{explicit}: config file not found (or not a regular file)")
    else:
        path = discover(cwd)
        if path is None:
            return Config()
        found_from = cwd
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("newslint", {}) if isinstance(tool, Mapping) else {}
        if not isinstance(data, Mapping):
            raise ConfigError(f"{path}: [tool.newslint] must be a table, not {type(data).__name__}")
    return _url_note(parse_config(data, str(path)), path.resolve(), found_from)


def _read_toml(path: Path) -> dict:
    import tomllib  # only when there is a config file to read

    try:
        return tomllib.loads(read_regular(path).decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 (byte {exc.start})") from None
    except NotReadable as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None


def parse_config(data: Mapping[str, Any], where: str) -> Config:
    """Validate a mapping of settings (the file's top level) into a Config."""
    for key in data:
        if key not in _TOP_KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(sorted(_TOP_KEYS))})")
    values: dict[str, Any] = {"path": where}
    if "select" in data:
        values["select"] = tuple(_strings(data["select"], where, "select"))
    if "ignore" in data:
        values["ignore"] = tuple(_strings(data["ignore"], where, "ignore"))
    if "fail-on" in data:
        values["fail_on"] = _severity(data["fail-on"], where, "fail-on")
    if "language" in data:
        values["language"] = _choice(data["language"], LANGUAGES, where, "language")
    if "source-language" in data:
        values["source_language"] = _string(data["source-language"], where, "source-language").lower()
    if "grammar" in data:
        values["grammar"] = _choice(data["grammar"], GRAMMAR_MODES, where, "grammar")
    if "languagetool-url" in data:
        values["languagetool_url"] = _url(data["languagetool-url"], where)
    if "extensions" in data:
        exts = _strings(data["extensions"], where, "extensions")
        values["extensions"] = tuple(e if e.startswith(".") else "." + e for e in exts)
    words = set(_strings(data.get("words", []), where, "words"))
    if "words-file" in data:
        words |= _read_words(Path(where).parent / _string(data["words-file"], where, "words-file"), where)
    values["words"] = frozenset(words)
    values["rules"] = _rule_settings(data.get("rules", {}), where)
    return Config(**values)


def _rule_settings(table: Any, where: str) -> dict[str, RuleSetting]:
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: 'rules' must be a table of rule names or codes")
    settings = {}
    for rule, body in table.items():
        key = f"rules.{rule}"
        if not isinstance(body, Mapping):
            raise ConfigError(f"{where}: {key!r} must be a table")
        options = {k: v for k, v in body.items() if k not in ("severity", "enabled")}
        severity = _severity(body["severity"], where, f"{key}.severity") if "severity" in body else None
        enabled = body.get("enabled")
        if enabled is not None and not isinstance(enabled, bool):
            raise ConfigError(f"{where}: {key}.enabled must be true or false")
        settings[rule] = RuleSetting(severity, enabled, options)
    return settings


def _read_words(path: Path, where: str) -> set[str]:
    try:
        lines = read_regular(path).decode("utf-8-sig").splitlines()
    except NotReadable as exc:
        raise ConfigError(f"{where}: words-file {str(path)!r} cannot be read: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{where}: words-file {str(path)!r} is not UTF-8 (byte {exc.start})") from None
    return {ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")}


def _url(value: Any, where: str) -> str:
    """A languagetool-url: an http(s) URL that is not the public LanguageTool API."""
    from newslint.languagetool.client import LanguageToolUnavailable
    from newslint.languagetool.server import check_url_allowed

    try:
        return check_url_allowed(_string(value, where, "languagetool-url"))
    except LanguageToolUnavailable as exc:
        raise ConfigError(f"{where}: 'languagetool-url': {exc}") from None


def _string(value: Any, where: str, key: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: {key!r} must be a string")
    return value


def _strings(value: Any, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key!r} must be a list of strings")
    return value


def _choice(value: Any, choices: tuple[str, ...], where: str, key: str) -> str:
    if value not in choices:
        raise ConfigError(f"{where}: {key!r} must be one of {', '.join(choices)} (got {value!r})")
    return value


def _severity(value: Any, where: str, key: str) -> Severity:
    try:
        return Severity.parse(_string(value, where, key))
    except ValueError as exc:
        raise ConfigError(f"{where}: {key!r}: {exc}") from None
