"""Grammar for a whole run: one LanguageTool session, matches mapped to diagnostics.

Modes: ``off``; ``auto`` (use LanguageTool when it can be provisioned or reached, else say
so and go on); ``required`` (a missing or failed LanguageTool is an error, exit 2).
"""

from __future__ import annotations

from typing import Callable

from newslint.article import Article
from newslint.diagnostic import Diagnostic
from newslint.languagetool import mapping
from newslint.languagetool.mapping import LTMatch
from newslint.languagetool.news_profile import NEWS_RULES


class GrammarUnavailable(Exception):
    """LanguageTool could not be used; the message is one line for the user."""


class Grammar:
    """Checks articles with LanguageTool; start() once, check() per article, close() at the end."""

    def __init__(
        self,
        language: str,
        url: str | None,
        own_codes: set[str],
        ignore: tuple[str, ...] = (),
        progress: Callable[[str], None] = print,
        level: str = "default",
        enable: tuple[str, ...] = (),
        profile: str = "news",
        required: bool = False,
    ) -> None:
        self.required = required  # auto: a first-run install gives up soon; required: waits
        self.picky = level == "picky"
        self.enable = (NEWS_RULES if profile == "news" else ()) + tuple(enable)
        self.language = "en-GB" if language == "en-GB" else "en-US"
        self.dialect_neutral = language == "both"
        self.url = url
        self.own_codes = own_codes
        self.ignore = ignore
        self.progress = progress
        self.failure: str | None = None
        self._session = None

    def start(self) -> None:
        """Provision (first use), then start or reach the server; raises GrammarUnavailable."""
        from newslint.languagetool.provision import AUTO_INSTALL_TIMEOUT_S, MVN_TIMEOUT_S, ProvisionError
        from newslint.languagetool.server import LanguageToolSession, LanguageToolUnavailable

        url = self.url or self._shared_server()
        try:
            self._session = LanguageToolSession(
                self.language, remote_url=url, progress=self.progress,
                picky=self.picky, enabled_rules=self.enable,
                install_timeout=MVN_TIMEOUT_S if self.required else AUTO_INSTALL_TIMEOUT_S,
            )
            self._session.start()
        except (ProvisionError, LanguageToolUnavailable, ValueError, OSError) as exc:
            self.failure = str(exc)
            self._session = None
            raise GrammarUnavailable(str(exc)) from None

    @property
    def concurrent(self) -> bool:
        """Whether articles may be sent at once: yes to a server this run does not own
        (the shared daemon, a named server); a run's own server is restarted if it dies,
        which is done for one request at a time."""
        return self._session is not None and not self._session.owns_server

    def _shared_server(self) -> str | None:
        """URL of the user's shared LanguageTool daemon, started if need be; None when it
        is switched off or cannot start (the session then starts a server of its own)."""
        from newslint.languagetool import daemon

        if not daemon.enabled():
            return None
        try:
            return daemon.ensure(progress=self.progress)
        except Exception as exc:  # noqa: BLE001 - the session's own server is the fallback
            self.progress(f"shared LanguageTool server unavailable ({exc}); starting one for this run")
            return None

    def check(self, article: Article, own: list[Diagnostic]) -> list[Diagnostic]:
        """LanguageTool's diagnostics for one article; raises GrammarUnavailable if it fails."""
        from newslint.languagetool.server import LanguageToolUnavailable

        if self._session is None:
            raise GrammarUnavailable(self.failure or "LanguageTool is not running")
        try:
            raw = self._session.check(article.text)
        except (LanguageToolUnavailable, OSError) as exc:
            self.failure = str(exc)
            self._session = None
            raise GrammarUnavailable(str(exc)) from None
        matches = [LTMatch(**_fields(m)) for m in raw]
        return to_diagnostics(article, matches, own, self.own_codes, self.ignore, self.dialect_neutral)

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


def _fields(raw: dict) -> dict:
    return {
        "offset": raw["offset"], "length": raw["length"], "rule_id": raw["rule_id"],
        "category_id": raw.get("category_id") or "MISC", "issue_type": raw.get("issue_type") or "",
        "message": raw.get("message") or "", "replacements": tuple(raw.get("replacements") or ())[:5],
    }


def to_diagnostics(
    article: Article, matches: list[LTMatch], own: list[Diagnostic], own_codes: set[str],
    ignore: tuple[str, ...], dialect_neutral: bool = True,
) -> list[Diagnostic]:
    """Filter LanguageTool matches against news conventions and our own findings, then stamp them."""
    out = []
    for m in matches:
        if not mapping.keep(m, own_codes, ignore, article.text, dialect_neutral) or mapping.overlaps_own(m, own):
            continue
        start, end = m.offset, m.offset + max(m.length, 1)
        line, column = article.position(start)
        end_line, end_column = article.position(end)
        out.append(
            Diagnostic(
                code=mapping.CODE_PREFIX + m.rule_id,
                rule=mapping.rule_name(m.rule_id),
                category=mapping.CATEGORY_MAP.get(m.category_id, "grammar"),
                severity=mapping.severity(m),
                message=mapping.message(m),
                line=line, column=column, end_line=end_line, end_column=end_column,
                offset=start, end_offset=end, suggestions=m.replacements,
            )
        )
    return out
