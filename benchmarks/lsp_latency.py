"""How long a running `newslint server` takes to publish diagnostics for an edited article.

Usage: python benchmarks/lsp_latency.py [--words 1000] [--edits 30]

Starts `python -m newslint server` over stdio with a real LSP client (pygls), opens an
article of about --words words (BBC articles from ../shared/data joined, read in place;
the fixtures when the data is absent), then sends --edits changes (one word changed each
time, the whole document sent as editors do) and times each change from the moment it is
sent to the moment its diagnostics arrive. Grammar is off (LanguageTool runs on save, not
on each keystroke). Prints the median, 90th percentile and worst time in milliseconds, and
the server's CPU time per edit (from /proc), which a busy machine does not inflate.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent


def article(words: int) -> str:
    """Paragraphs of real news copy, about ``words`` words, with a headline."""
    paragraphs: list[str] = []
    try:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from common import bbc_articles  # noqa: E402

        bodies = [a["body"] for a in bbc_articles()[:50]]
    except OSError:  # no research data here: the fixtures will do
        bodies = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted((ROOT / "fixtures").glob("clean-*.txt"))]
    count = 0
    for body in bodies * 20:
        for para in body.split("\n"):
            if count >= words or not para.strip():
                continue
            paragraphs.append(para.strip())
            count += len(para.split())
    return "Council backs riverside plan\n\n" + "\n\n".join(paragraphs) + "\n"


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used (Linux /proc)."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(text: str, edits: int) -> tuple[list[float], float]:
    client = LanguageClient("newslint-bench", "1")
    arrived: dict[int, float] = {}
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            event.set()

    await client.start_io(sys.executable, "-m", "newslint", "server")
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), initialization_options={"grammar": "off"}))
    client.initialized(types.InitializedParams())
    uri = (ROOT / "bench-article.txt").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    await asyncio.wait_for(event.wait(), 120)  # the first check loads rules and lexicon
    times = []
    pid = client._server.pid
    cpu_before = cpu_seconds(pid)
    words = text.split(" ")
    for version in range(2, edits + 2):
        event.clear()
        i = (version * 37) % len(words)
        words[i] = words[i] + "s" if version % 2 else words[i].rstrip("s")
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=" ".join(words))]))
        while version not in arrived:
            await asyncio.wait_for(event.wait(), 60)
            event.clear()
        times.append((arrived[version] - sent) * 1000)
    cpu_per_edit = (cpu_seconds(pid) - cpu_before) * 1000 / edits
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times, cpu_per_edit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()
    text = article(args.words)
    times, cpu = asyncio.run(measure(text, args.edits))
    ordered = sorted(times)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    print(f"article: {len(text.split())} words; {len(times)} edits, diagnostics published after each")
    print(f"median {statistics.median(times):.1f} ms, p90 {p90:.1f} ms, worst {max(times):.1f} ms (grammar off)")
    print(f"server CPU per edit {cpu:.1f} ms (wall time includes waiting for a core on a loaded machine)")


if __name__ == "__main__":
    main()
