"""The article model: offsets, line/column, paragraphs, sentences, headline."""

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article import Article, Span


def test_columns_count_characters_and_survive_crlf_and_cr():
    for newline in ("\n", "\r\n", "\r"):
        a = Article(f"Héadline{newline}{newline}Ünïcode – the  end")
        offset = a.text.index("  ")
        assert a.position(offset) == (3, 14)


def test_bom_is_removed_and_offsets_start_after_it():
    a = Article("\ufeffHeadline\n\nBody.")
    assert a.text.startswith("Headline")
    assert a.position(a.text.index("Body")) == (3, 1)


def test_headline_is_first_non_empty_line():
    a = Article("\n\n  Big news today  \n\nBody text.")
    assert a.text[a.headline.start : a.headline.end] == "Big news today"


def test_paragraphs_split_on_blank_lines_or_by_line_when_none_is_blank():
    blank = Article("Head\n\nOne.\nStill one.\n\nTwo.")
    assert [blank.text[p.start : p.end] for p in blank.paragraphs] == ["Head", "One.\nStill one.", "Two."]
    lines = Article("Head\nOne.\nTwo.")
    assert len(lines.paragraphs) == 3


def test_sentences_respect_abbreviations_and_initials():
    a = Article("Head\n\nMr. Smith went to Washington D.C. on Monday. He left. J. K. Rowling wrote.")
    texts = [a.text[s.start : s.end] for s in a.sentences]
    assert "Mr. Smith went to Washington D.C. on Monday." in texts
    assert "J. K. Rowling wrote." in texts


def test_the_headline_is_the_first_line_with_text_whether_or_not_the_lines_are_known():
    import random

    rng = random.Random(5)
    pieces = ["Title", " ", "\n", "\r\n", "\r", "\t", "  \n", "\u2028", "\x0c", "x", "\u00a0", "\ufeff"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        split_first = Article(text)
        split_first.lines
        assert Article(text).headline == split_first.headline, repr(text)


def test_sentences_are_those_of_the_mark_by_mark_reading():
    """Sentences (found with the mark read before the look back, the word before a period
    taken in one split) are those of the earlier reading, written out here, on random text."""
    import random
    import re

    from newslint.article import _ABBREVIATIONS, Span

    end_mark = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s++[\"“‘'(\[]?[A-Z0-9À-Þ])")

    def trim(text: str, start: int, end: int) -> Span:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start, end)

    def abbreviation(text: str, start: int, dot: int) -> bool:
        if text[dot] != ".":
            return False
        i = dot
        while i > start and not text[i - 1].isspace():
            i -= 1
        token = text[i:dot].lstrip("\"'“‘(").lower()
        return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())

    def sentences(article: Article) -> list[Span]:
        result = []
        for para in article.paragraphs:
            start = para.start
            for m in end_mark.finditer(article.text[para.start : para.end]):
                end = para.start + m.end()
                if abbreviation(article.text, start, para.start + m.start()):
                    continue
                result.append(trim(article.text, start, end))
                start = end
            if start < para.end:
                result.append(trim(article.text, start, para.end))
        return [s for s in result if s.end > s.start]

    rnd = random.Random(24)
    pieces = ["The", "talks", "Mr", "U.S", "A", "b", "3", "É", "“", "”", "'", "(", ")", "]", ".", ".", "!", "?", "...",
              "?!", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2009", "etc"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 40)))
        article = Article(text)
        assert article.sentences == sentences(article), repr(text)


def test_a_span_is_a_value() -> None:
    """Spans compare and hash by their offsets (sets and dict keys of spans), print as such,
    survive pickling (workers), and tell the offsets they hold."""
    import pickle

    a, b = Span(3, 8), Span(3, 8)
    assert a == b and hash(a) == hash(b) and len({a, b, Span(3, 9)}) == 2
    assert a != Span(3, 9) and a != (3, 8)
    assert repr(a) == "Span(start=3, end=8)"
    assert pickle.loads(pickle.dumps(a)) == a
    assert 3 in a and 7 in a and 8 not in a


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab \n\r\u2028\u0085é", max_size=80))
def test_lines_end_at_each_line_break_and_nowhere_else(text: str) -> None:
    """Lines split at \\n, \\r\\n and \\r only (not at other characters str.splitlines takes),
    whether the text has carriage returns or not."""
    import re

    spans, start = [], 0
    for m in re.finditer(r"\r\n|\r|\n", text):
        spans.append(Span(start, m.start()))
        start = m.end()
    spans.append(Span(start, len(text)))
    assert Article(text).lines == spans


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab \n\r\t\x0b\x1c\u2028\u00a0\u3000é", max_size=80))
def test_the_lines_with_text_are_those_whose_text_strips_to_something(text: str) -> None:
    """``line_spans``: found while the lines are split, or afterwards, the same lines."""
    expected = [(i, s) for i, s in enumerate(Article(text).lines, 1) if text[s.start : s.end].strip()]
    assert list(Article(text).line_spans()) == expected


def test_the_lines_with_text_asked_first_are_those_found_while_splitting(monkeypatch) -> None:
    """Asked before the lines, the lines with text are taken from the lines' split, not
    worked out again from the lines."""
    split = Article.__dict__["lines"]
    stored = []

    def splitting(self):
        lines = split_lines(self)
        stored.append(self.__dict__.get("_nonblank_lines"))
        return lines

    split_lines = split.func
    monkeypatch.setattr(split, "func", splitting)
    article = Article("Talks stall\n\nThe talks stalled.\n \nThey left.")
    found = article._nonblank_lines
    assert [n for n, _ in found] == [1, 3, 5]
    assert stored and found is stored[0]
