"""`newslint server`: a Language Server Protocol server over stdio (pygls).

Rules and the lexicon load once per config; each open document is checked on open, change
and save (LanguageTool, when on, only on open and save, with one server kept warm). Positions
use the encoding negotiated with the client (UTF-16 unless it offers UTF-8 or UTF-32).
Code actions apply fixes and add a flagged word to the dictionary; hover shows `explain`.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from newslint import __version__
from newslint.api import config_for, diagnostics_for
from newslint.config import Config, ConfigError
from newslint.diagnostic import Diagnostic, Severity
from newslint.engine import Linter
from newslint.explain import explain
from newslint.positions import Positions

ADD_WORD = "newslint.addWord"
WORDS_FILE = "newslint-words.txt"
_UNITS = {"utf-8": "byte", "utf-16": "utf16", "utf-32": "char"}
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}
_SPELLING = re.compile(r"^(SP001|LT:MORFOLOGIK_RULE_\w+|LT:HUNSPELL_\w+)$")


class NewslintServer(LanguageServer):
    """Keeps linters per config and the last findings of each document."""

    def __init__(self) -> None:
        super().__init__("newslint", __version__)
        self.linters: dict[str, Linter] = {}
        self.configs: dict = {}
        self.found: dict[str, tuple[str, list[Diagnostic]]] = {}  # uri -> (text, diagnostics)
        self.overrides: dict = {}
        self.grammar = None  # one warm LanguageTool session, started on first use

    @property
    def unit(self) -> str:
        return _UNITS.get(str(self.workspace.position_encoding or "utf-16"), "utf16")

    def linter_for(self, path: str) -> Linter:
        config = config_for(path, None, self.overrides, self.configs)
        key = repr(config)
        if key not in self.linters:
            self.linters[key] = Linter(config)
        return self.linters[key]

    def forget_configs(self) -> None:
        self.configs.clear()
        self.linters.clear()


def _path(uri: str) -> str:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


def _range(positions: Positions, start: int, end: int, unit: str) -> types.Range:
    (l1, c1), (l2, c2) = positions.lsp_position(start, unit), positions.lsp_position(end, unit)
    return types.Range(start=types.Position(line=l1, character=c1), end=types.Position(line=l2, character=c2))


def _lsp_diagnostic(d: Diagnostic, positions: Positions, unit: str) -> types.Diagnostic:
    return types.Diagnostic(
        range=_range(positions, d.offset, d.end_offset, unit),
        message=d.message + (f" (suggestion: {', '.join(d.suggestions[:3])})" if d.suggestions else ""),
        severity=_SEVERITY[d.severity], code=d.code, source="newslint",
        data={"rule": d.rule},
    )


def check_document(server: NewslintServer, uri: str, with_grammar: bool) -> None:
    """Check one document and publish its diagnostics."""
    document = server.workspace.get_text_document(uri)
    path = _path(uri)
    try:
        linter = server.linter_for(path)
        grammar = _grammar(server, linter) if with_grammar else None
        _, found, notes = diagnostics_for(document.source, path, linter, grammar)
    except ConfigError as exc:
        server.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"newslint: {exc}"))
        return
    server.found[uri] = (document.source, found)
    positions = Positions(document.source)
    diagnostics = [_lsp_diagnostic(d, positions, server.unit) for d in found]
    diagnostics += [types.Diagnostic(range=_range(positions, 0, 0, server.unit), message=note,
                                     severity=types.DiagnosticSeverity.Warning, source="newslint")
                    for note in notes]
    server.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=document.version))


def _grammar(server: NewslintServer, linter: Linter):
    """The warm LanguageTool session, or None when grammar is off or cannot run."""
    config: Config = linter.config
    if config.grammar == "off" or not any(a.rule.info.code == "LT" for a in linter.active):
        return None
    if server.grammar is None:
        from newslint.grammar import Grammar, GrammarUnavailable

        options = next(a.context.options for a in linter.active if a.rule.info.code == "LT")
        checker = Grammar(config.language, config.languagetool_url, {a.rule.info.code for a in linter.active},
                          config.ignore, progress=lambda msg: None, level=options["level"],
                          enable=tuple(str(r) for r in options["enable"]), profile=options["profile"])
        try:
            checker.start()
        except GrammarUnavailable as exc:
            server.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Warning, message=f"newslint: grammar not checked: {exc}"))
            server.overrides["grammar"] = "off"
            server.forget_configs()
            return None
        server.grammar = checker
    return server.grammar


SETTINGS = ("grammar", "language", "select", "ignore")


def apply_settings(server: NewslintServer, options: object) -> None:
    """Client settings (initializationOptions or {"newslint": {...}} in didChangeConfiguration)
    laid over each file's config: grammar, language, select, ignore."""
    if not isinstance(options, dict):
        return
    for key in SETTINGS:
        if key in options:
            value = options[key]
            server.overrides[key] = tuple(value) if isinstance(value, list) else value


def build() -> NewslintServer:
    """The server with its features registered."""
    server = NewslintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
        apply_settings(ls, params.initialization_options)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: NewslintServer, params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings if isinstance(params.settings, dict) else {}
        apply_settings(ls, settings.get("newslint", settings))
        ls.forget_configs()
        for uri in list(ls.found):
            check_document(ls, uri, with_grammar=False)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        check_document(ls, params.text_document.uri, with_grammar=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        check_document(ls, params.text_document.uri, with_grammar=False)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        if Path(_path(params.text_document.uri)).name in (".newslint.toml", "pyproject.toml", WORDS_FILE):
            ls.forget_configs()
        check_document(ls, params.text_document.uri, with_grammar=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.found.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION)
    def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        text, found = ls.found.get(uri, ("", []))
        positions = Positions(text)
        lo = positions.offset_of(params.range.start.line, params.range.start.character, ls.unit)
        hi = positions.offset_of(params.range.end.line, params.range.end.character, ls.unit)
        actions = []
        for d in found:
            if d.end_offset < lo or d.offset > hi:
                continue
            lsp_d = _lsp_diagnostic(d, positions, ls.unit)
            if d.fix is not None:
                edits = [types.TextEdit(range=_range(positions, e.offset, e.end_offset, ls.unit), new_text=e.replacement)
                         for e in d.fix.edits]
                actions.append(types.CodeAction(
                    title=f"Fix {d.code}: {d.message}", kind=types.CodeActionKind.QuickFix, diagnostics=[lsp_d],
                    is_preferred=d.fix.applicability == "safe",
                    edit=types.WorkspaceEdit(changes={uri: edits})))
            elif d.suggestions:
                for s in d.suggestions[:3]:
                    actions.append(types.CodeAction(
                        title=f"Replace with '{s}'", kind=types.CodeActionKind.QuickFix, diagnostics=[lsp_d],
                        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
                            range=_range(positions, d.offset, d.end_offset, ls.unit), new_text=s)]})))
            if _SPELLING.match(d.code):
                word = text[d.offset : d.end_offset]
                actions.append(types.CodeAction(
                    title=f"Add '{word}' to the newslint dictionary", kind=types.CodeActionKind.QuickFix,
                    diagnostics=[lsp_d],
                    command=types.Command(title="Add word", command=ADD_WORD, arguments=[uri, word])))
        return actions

    @server.command(ADD_WORD)
    def add_word(ls: NewslintServer, uri: str, word: str) -> str:
        file = add_to_dictionary(Path(_path(uri)), word)
        ls.forget_configs()
        for open_uri in list(ls.found):
            check_document(ls, open_uri, with_grammar=False)
        return str(file)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
        text, found = ls.found.get(params.text_document.uri, ("", []))
        positions = Positions(text)
        at = positions.offset_of(params.position.line, params.position.character, ls.unit)
        here = [d for d in found if d.offset <= at < max(d.end_offset, d.offset + 1)]
        if not here:
            return None
        parts = []
        for d in here:
            docs = explain(d.code)
            parts.append(f"**{d.code} {d.rule}**: {d.message}\n\n```\n{docs.text if docs else ''}\n```")
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                           range=_range(positions, here[0].offset, here[0].end_offset, ls.unit))

    return server


def add_to_dictionary(article: Path, word: str) -> Path:
    """Add a word to the words file of the config that governs ``article`` (creating
    ``.newslint.toml`` and ``newslint-words.txt`` beside the article when there is none)."""
    from newslint.config import discover, load_config

    config_file = discover(article.resolve().parent)
    if config_file is None:
        config_file = article.resolve().parent / ".newslint.toml"
        config_file.write_text(f'words-file = "{WORDS_FILE}"\n', encoding="utf-8")
        (config_file.parent / WORDS_FILE).touch()
    raw = load_config(str(config_file))
    data = tomllib.loads(config_file.read_text(encoding="utf-8"))
    if config_file.name == "pyproject.toml":
        data = data.get("tool", {}).get("newslint", {})
    words_file = data.get("words-file")
    if words_file is None:
        if config_file.name == "pyproject.toml":
            raise ConfigError(f"{config_file}: add words-file = \"{WORDS_FILE}\" to [tool.newslint] first")
        config_file.write_text(f'words-file = "{WORDS_FILE}"\n' + config_file.read_text(encoding="utf-8"),
                               encoding="utf-8")
        words_file = WORDS_FILE
    target = config_file.parent / words_file
    if word not in raw.words:
        existing = target.read_text(encoding="utf-8") if target.exists() else ""
        target.write_text(existing + ("" if not existing or existing.endswith("\n") else "\n") + word + "\n",
                          encoding="utf-8")
    return target


def serve() -> None:
    """Run the server on stdin/stdout until the client exits."""
    build().start_io()
