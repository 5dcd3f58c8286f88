"""`newslint server` driven by a real LSP client (pytest-lsp): diagnostics, positions in the
negotiated encoding on emoji, CJK and combining text, code actions, hover."""

from __future__ import annotations

import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

# A combining accent, CJK and an emoji (two UTF-16 units) before each "the the".
TEXT = ("Talks resume\n\n"
        "The cafe\u0301 owner said the the talks would resume.\n\n"
        "東京 and 🐦🐦 then the the birds flew.\n")
URI = "file:///tmp/newslint-lsp-test/story.txt"


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def offsets(line: str, needle: str = "the the") -> tuple[int, int]:
    start = line.index(needle)
    return start, start + 3


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "newslint", "server"]),
                    params=["utf-16", "utf-8"])
async def client(lsp_client: LanguageClient, request):
    capabilities = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=[request.param]))
    result = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=capabilities, initialization_options={"grammar": "off"}))
    lsp_client.encoding = result.capabilities.position_encoding
    yield
    await lsp_client.shutdown_session()


async def open_and_wait(client: LanguageClient, text: str = TEXT) -> list[types.Diagnostic]:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=URI, language_id="plaintext", version=1, text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[URI])


def expected_character(line: str, chars: int, encoding: str) -> int:
    prefix = line[:chars]
    return utf16(prefix) if encoding == "utf-16" else len(prefix.encode("utf-8"))


@pytest.mark.asyncio
async def test_diagnostics_land_in_the_negotiated_encoding(client: LanguageClient):
    diagnostics = [d for d in await open_and_wait(client) if d.code == "RD001"]
    lines = TEXT.split("\n")
    assert [d.range.start.line for d in diagnostics] == [2, 4]
    for d in diagnostics:
        line = lines[d.range.start.line]
        start, end = offsets(line)
        start += 4  # RD001 flags the second "the"
        end += 4
        assert d.range.start.character == expected_character(line, start, client.encoding)
        assert d.range.end.character == expected_character(line, end, client.encoding)


@pytest.mark.asyncio
async def test_change_updates_diagnostics_and_code_action_fixes(client: LanguageClient):
    await open_and_wait(client)
    fixed = TEXT.replace("said the the", "said the")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    remaining = [d for d in client.diagnostics[URI] if d.code == "RD001"]
    assert [d.range.start.line for d in remaining] == [4]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=URI), range=remaining[0].range,
        context=types.CodeActionContext(diagnostics=remaining)))
    fix = next(a for a in actions if a.title.startswith("Fix RD001"))
    edit = fix.edit.changes[URI][0]
    line = fixed.split("\n")[4]
    assert edit.new_text == "" and edit.range.start.line == 4
    # applying the edit in the client's units removes exactly one "the "
    units = line.encode("utf-16-le" if client.encoding == "utf-16" else "utf-8")
    width = 2 if client.encoding == "utf-16" else 1
    enc = "utf-16-le" if client.encoding == "utf-16" else "utf-8"
    new = units[: edit.range.start.character * width] + units[edit.range.end.character * width :]
    assert new.decode(enc) == line.replace("the the", "the", 1)


@pytest.mark.asyncio
async def test_hover_explains_the_rule(client: LanguageClient):
    diagnostics = [d for d in await open_and_wait(client) if d.code == "RD001"]
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=URI), position=diagnostics[1].range.start))
    assert hover is not None and "RD001 repeated-word" in hover.contents.value and "Why" in hover.contents.value


@pytest.mark.asyncio
async def test_settings_from_the_client_apply_to_open_documents(client: LanguageClient):
    assert any(d.code == "RD001" for d in await open_and_wait(client))
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"newslint": {"ignore": ["RD"], "grammar": "off"}}))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert not any(d.code == "RD001" for d in client.diagnostics[URI])


def test_add_word_creates_or_extends_the_words_file(tmp_path):
    from newslint.api import Text, check
    from newslint.lsp import add_to_dictionary

    article = tmp_path / "story.txt"
    article.write_text("Talks resume\n\nThe counsil met on Monday.\n", encoding="utf-8")
    assert any(d.code == "SP001" for d in check([str(article)], grammar="off").results[0].diagnostics)
    words = add_to_dictionary(article, "counsil")
    assert words.read_text(encoding="utf-8") == "counsil\n"
    assert (tmp_path / ".newslint.toml").read_text(encoding="utf-8").startswith('words-file = "newslint-words.txt"')
    assert not any(d.code == "SP001" for d in check([str(article)], grammar="off").results[0].diagnostics)
    add_to_dictionary(article, "counsil")  # twice: still one line
    assert words.read_text(encoding="utf-8") == "counsil\n"
