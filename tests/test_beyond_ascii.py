"""The characters beyond ASCII of a text, and the quick looks rules make with them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.beyond_ascii import beyond_ascii, beyond_ascii_in, beyond_ascii_offsets, without_controls
from newslint.checks.characters import _BIDI_RE, _CONTROL, _INVISIBLE_RE, _LOOKALIKE
from newslint.checks.mojibake import _BESIDE_POUND, _beside_pound

_ALPHABET = "ab £\n\t\r\x00\x1f\x7f\x85\x9f\u2028\u2029\u200b\u200e\u202eАο“é\ufffd"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_beyond_ascii_holds_every_character_beyond_ascii_in_order(text: str) -> None:
    expected = "".join(c for c in text if ord(c) > 0x7F)
    assert beyond_ascii(text) == beyond_ascii_in(text) == expected
    assert [text[i] for i in beyond_ascii_offsets(text)] == list(expected)
    assert list(beyond_ascii_offsets(text)) == [i for i, c in enumerate(text) if ord(c) > 0x7F]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_quick_looks_never_miss_what_the_patterns_find(text: str) -> None:
    """A class of characters beyond ASCII is in a text when it is among those characters;
    a text ``without_controls`` has no control; ``_beside_pound`` is the pattern's search."""
    for pattern in (_BIDI_RE, _INVISIBLE_RE, _LOOKALIKE):
        assert (pattern.search(text) is None) == (pattern.search(beyond_ascii(text)) is None)
    if without_controls(text):
        assert _CONTROL.search(text) is None
    assert _beside_pound(text) == (_BESIDE_POUND.search(text) is not None)


def test_controls_are_seen() -> None:
    assert without_controls("Talks stall\n\n\tPrices rose £5.\r\n")
    assert not without_controls("Talks\x00stall") and not without_controls("a\u2028b") and not without_controls("a\x85b")
    assert re.search("[^\x00-\x7f]", "abc") is None and beyond_ascii("abc") == "" and beyond_ascii_offsets("abc") == ()
