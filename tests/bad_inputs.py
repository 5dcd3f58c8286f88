"""A generated corpus of hostile articles: each case once made a rule slow (quadratic) or
crashed newslint, plus the classic bad files. Names say what each holds."""

from __future__ import annotations

import codecs
import random
import string


def _names(rng: random.Random, n: int) -> str:
    return " ".join(f"Minister K{''.join(rng.choice(string.ascii_lowercase) for _ in range(6))} said." for _ in range(n))


def cases() -> dict[str, bytes]:
    """Case name -> file bytes (sizes as reported in issue 12)."""
    rng = random.Random(12)
    head = "Talks stall\n\n"
    text = {
        "word-3000-letters": head + "a" * 3000 + "\n",
        "word-5000-random-letters": head + "".join(rng.choice(string.ascii_lowercase) for _ in range(5000)) + "\n",
        "hyphen-chain": head + "-".join("ab" for _ in range(20000)) + "\n",
        "full-stops-200k": head + "." * 200_000 + "\n",
        "hyphens-200k": head + "-" * 200_000 + "\n",
        "dotted-words": head + ".".join("ab" for _ in range(50000)) + "\n",
        "at-signs-and-dots": head + "a." * 50000 + "@\n",
        "minister-surnames-88kb": head + _names(rng, 3500) + "\n",
        "deputy-x16000": head + "Deputy " * 16000 + "\n",
        "open-single-quotes-x40000": head + "‘x " * 40000 + "\n",
        "open-double-quotes-x40000": head + "“x " * 40000 + "\n",
        "organisations-in-one-sentence": head + " ".join("the EU and NATO and the ICC" for _ in range(3000)) + ".\n",
        "entities-x20000": head + "&amp; " * 20000 + "\n",
        "mojibake-run": head + "â€™" * 20000 + "\n",
        "question-marks-200k": head + "?" * 200_000 + " A\n",
        "one-long-line-of-words": head + "the minister said " * 30000 + "\n",
        "empty-lines-50000": head + "\n" * 50000,
        "bidi-and-controls": head + "Leaders \u202emet\u202c \x07 in \x1b[31m Paris\u200b.\n",
        "whitespace-only": " \t \n\n \n",
        "headline-only": "Talks stall",
        "cr-only-newlines": "Talks stall\r\rThe the talks ended.\r",
        "crlf": "Talks stall\r\n\r\nThe the talks ended.\r\n",
        "digits-200k": head + "1" * 200_000 + "\n",
        "apostrophes-x40000": head + "x' " * 40000 + "\n",
        "capitalised-words-x30000": head + " ".join(f"Kx{i}" for i in range(30000)) + "\n",
    }
    data = {name: body.encode("utf-8") for name, body in text.items()}
    data.update({
        "empty": b"",
        "bom-only": codecs.BOM_UTF8,
        "binary": b"\x00\x01\x02\xff" * 100,
        "invalid-utf8": b"Talks stall\n\nCaf\xe9 society\n",
        "utf16": "Talks stall\n\nHello\n".encode("utf-16"),
    })
    return data
