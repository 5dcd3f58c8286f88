"""HL001 skips body paragraphs too long to be the headline without normalising them."""

from __future__ import annotations

import random
import re
import sys

from newslint.checks.headline import normalise, similar, too_long_to_match


def test_re_white_space_is_str_white_space():
    """What the length bound assumes: ``normalise`` removes no character that ``str.split``
    keeps."""
    space = re.compile(r"\s")
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if bool(space.match(c)) != c.isspace()] == []


def test_a_line_called_too_long_is_never_similar():
    rnd = random.Random(14)
    pieces = ["Minister", "resigns", "over", "leak", "MINISTER", "İstanbul", "Σ", "’", "“", "—", "–", " ", "  ", "\t",
              "\u00a0", "\u2009", ".", "!", "?", ":", ";", ",", "!!!", " .", "a", "ab"]
    skipped = kept = 0
    for _ in range(20_000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        target = normalise("".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8))))
        threshold = rnd.choice((0.0, 0.5, 0.8, 0.92, 1.0, 1.5))
        if too_long_to_match(line, target, threshold):
            skipped += 1
            assert not similar(normalise(line), target, threshold), (line, target, threshold)
        else:
            kept += 1
    assert skipped > 3000 and kept > 3000
