"""--format html: one self-contained page, looked at in headless Chromium."""

from __future__ import annotations

import struct
import subprocess
import zlib
from pathlib import Path

from click.testing import CliRunner

from newslint.cli import cli

from conftest import FIXTURES, require_tool

ERROR_BACKGROUND = (0xFD, 0xE5, 0xE5)  # mark.error in the page's style


def report(*paths: str) -> str:
    result = CliRunner().invoke(cli, ["check", "--format", "html", *paths])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_page_is_self_contained_and_highlights_findings_in_place():
    page = report(str(FIXTURES / "seed-article.txt"))
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert "http://" not in page and "https://" not in page and "<link" not in page  # no external resources
    assert '<mark class="error"' in page and "Flesch reading ease" in page
    assert "BP001 breadcrumb: site breadcrumb" in page  # message on hover


def test_markup_in_the_article_is_shown_as_text():
    page = report(str(Path(__file__).parent / "data" / "story.md"))
    assert "&lt;!-- TODO" in page and "<!-- TODO" not in page


def pixels(png: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Decode an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        chunk = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            data += chunk
        pos += 12 + length
    raw, stride = zlib.decompress(data), width * channels
    rows, previous, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1 : i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        previous = line
    flat = [tuple(row[x : x + 3]) for row in rows for x in range(0, stride, channels)]
    return width, height, flat


def test_chromium_screenshot_shows_the_highlighted_article(tmp_path):
    browser = require_tool("chromium")  # Debian's package; .ci/run installs it
    page = tmp_path / "report.html"
    page.write_text(report(str(FIXTURES / "seed-article.txt")), encoding="utf-8")
    shot = tmp_path / "report.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--screenshot={shot}", "--window-size=1200,1000", page.as_uri()],
                   capture_output=True, timeout=120, check=False)
    width, height, colours = pixels(shot.read_bytes())
    assert (width, height) == (1200, 1000)
    assert sum(1 for c in colours if c == ERROR_BACKGROUND) > 200  # error highlights are drawn
    assert len(set(colours)) > 50  # text was rendered, not a blank page
