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


from difflib import SequenceMatcher  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newslint.checks.headline import similar  # noqa: E402


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcde fgh", min_size=1, max_size=40), st.text(alphabet="abcde fgh", min_size=1, max_size=40),
       st.sampled_from([0.5, 0.8, 0.92, 1.0, 1.5]))
def test_similar_answers_as_the_ratio_alone(a, b, threshold):
    """The quick_ratio gate never changes the answer (it bounds ratio from above)."""
    expected = a == b or (min(len(a), len(b)) / max(len(a), len(b)) >= threshold
                          and SequenceMatcher(None, a, b, autojunk=False).ratio() >= threshold)
    assert similar(a, b, threshold) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab .!?\t\x0b\x1c\u00a0é,", max_size=40), st.integers(min_value=0, max_value=30))
def test_too_long_to_match_counts_what_normalising_keeps(line: str, target_length: int) -> None:
    """The quick length test counts the characters that are not white space, as the
    normalised line would have them, ASCII or not."""
    from newslint.checks.headline import _END_MARKS, too_long_to_match

    kept = line
    while kept != kept.rstrip().rstrip(_END_MARKS):
        kept = kept.rstrip().rstrip(_END_MARKS)
    target = "x" * target_length
    assert too_long_to_match(line, target, 0.92) == (target_length < 0.92 * len("".join(kept.split())))
