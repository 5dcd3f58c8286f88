"""Real-word errors: a dictionary word typed for another ("they where", "thru", "et up").

A confusion pair says which word a writer may have meant when typing another. Whether
they did is decided by context: word-bigram counts around both words, mined from native
English news (see ``data/SOURCES.md``, ``realword_en.tsv``), scored as

    score(x) = log P(x) + log P(left | x) + log P(right | x)

each side estimated as observed over expected counts of the neighbour (so a pair never
seen where it would rarely be expected is neither proof nor disproof). A word is flagged when its partner's score, times the prior
odds of a slip (``_SLIP_ODDS``), comes within a margin of its own; a typed word that news
hardly uses ("thru") gets a wider margin. The margins were tuned on half of the BBC
articles and are measured on the other half (``benchmarks/realword_eval.py``).
"""

from __future__ import annotations

import marshal
import math
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence, overload

from newslint.sharded import Buckets

if TYPE_CHECKING:
    from newslint.spelling.confusable import Confusable

DATA_FILE = Path(__file__).resolve().parent / "data" / "realword_en.tsv"

# typed -> what the writer may have meant. Pairs seen in collections of real misspellings
# (Wikipedia, Aspell, Norvig); both directions where each word is common.
PAIRS: dict[str, tuple[str, ...]] = {
    "ws": ("was",), "were": ("where",), "where": ("were",), "et": ("set",), "thru": ("through",),
    "nite": ("night",), "dependant": ("dependent",), "lief": ("life",), "latter": ("later",),
    "than": ("then",), "then": ("than",), "form": ("from",), "from": ("form",),
    "loosing": ("losing",), "wether": ("whether", "weather"), "thees": ("these",),
    "toke": ("took",), "stroy": ("story",), "wonted": ("wanted",), "altho": ("although",),
    "payed": ("paid",), "rote": ("wrote",), "alow": ("allow",), "chose": ("choose",),
    "choose": ("chose",), "forth": ("fourth",), "fourth": ("forth",), "quite": ("quiet",),
    "quiet": ("quite",), "knew": ("new",), "new": ("knew",), "know": ("now",), "now": ("know",),
    "advice": ("advise",), "advise": ("advice",), "breath": ("breathe",), "breathe": ("breath",),
    "affect": ("effect",), "effect": ("affect",), "lead": ("led",), "weather": ("whether",),
    "whether": ("weather",), "past": ("passed",), "passed": ("past",), "accept": ("except",),
    "except": ("accept",), "peace": ("piece",), "piece": ("peace",), "site": ("sight",),
    "sight": ("site",), "principle": ("principal",), "principal": ("principle",),
    "compliment": ("complement",), "complement": ("compliment",), "council": ("counsel",),
    "counsel": ("council",),
}

CONTEXT_MIN_ZIPF = 5.9  # very common words are modelled too, to rank suggestions by context
START = "<s>"
NUMBER = "<num>"
# words (a hyphenated compound is one token: "loose-head"), numbers, punctuation and dashes
_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|\d[\d,.]*\d|\d|[.,;:!?()\"“”–—-]|\n\s*\n")
_SLIP_ODDS = math.log(1e-3)  # prior odds that a written word is a slip for its partner
_MARGIN = -2.0               # how far the odds may fall short and still flag (natural log)
_RARE_MARGIN = -5.0          # the same for a typed word news hardly uses ("thru", "ws", "altho")
_RARE_COUNT = 50             # "hardly": fewer uses than this in the mined news
_COST_WEIGHT = 2.0           # how much each unit of edit cost weighs against context (natural log)
_SMOOTH = 1.0                # pseudo-count added to observed and expected neighbour counts
_JUDGED_KEPT = 1 << 16       # confusion words between given neighbours whose verdict a run remembers
_NOT_SUSPECT = ("", 0.0)     # the verdict on a confusion word that reads right where it stands


@dataclass(frozen=True, slots=True)
class Token:
    """One token of running text: lower-cased form and where it stands."""

    form: str
    start: int
    end: int
    text: str


class Tokens(Sequence[Token]):
    """A text's tokens kept as their forms and offsets: ``forms`` is what the models read,
    and a ``Token`` is built only when one is asked for (a suspect, a neighbour's case)."""

    def __init__(self, text: str, forms: list[str], starts: list[int], ends: list[int]) -> None:
        self.text, self.forms, self.starts, self.ends = text, forms, starts, ends

    def __len__(self) -> int:
        return len(self.forms)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        start, end = self.starts[i], self.ends[i]
        return Token(self.forms[i], start, end, self.text[start:end])

    def __iter__(self) -> Iterator[Token]:
        return (self[i] for i in range(len(self)))


# ASCII capitals lower-cased and ’ written ', one character for one: _TOKEN matches the same
# spans in the folded text, and a word's match there is its form
_FORM_TABLE = str.maketrans({**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}, "’": "'"})


def tokens(text: str) -> Tokens:
    """Words, numbers and punctuation, lower-cased; a paragraph break is a sentence start."""
    forms, starts, ends = [START], [0], [0]
    for m in _TOKEN.finditer(text.translate(_FORM_TABLE)):
        form = m.group()
        start, end = m.span()
        first = form[0]
        if first == "\n":
            form, end = START, start
        elif first.isdigit():
            form = NUMBER
        elif form in "“”":
            form = '"'
        elif form in "–—":
            form = "-"
        forms.append(form)
        starts.append(start)
        ends.append(end)
    return Tokens(text, forms, starts, ends)


_REACH = 200  # characters looked through for a safe gap before falling back to the whole text


def neighbours(text: str, start: int) -> tuple[str, str] | None:
    """The forms of the tokens before and after the token of ``tokens(text)`` that starts at
    ``start`` (``START`` past either end), or None when no token starts there: the same answer,
    read from a window of the text cut at safe gaps (``_safe_gap``) round it, so a rule asking
    about one word in a long article does not tokenise all of it."""
    low = _safe_gap(text, start, -1)
    high = _safe_gap(text, start, 1)
    window = tokens(text[low:high])
    try:
        i = window.starts.index(start - low, 1)
    except ValueError:
        i = -1
    if i < 1 or (low and i < 2) or (high < len(text) and i + 1 >= len(window)):
        whole = tokens(text)  # a token crossing the window's edge, or too far to the next gap
        try:
            i = whole.starts.index(start, 1)
        except ValueError:
            return None
        window = whole
    forms = window.forms
    return forms[i - 1], (forms[i + 1] if i + 1 < len(forms) else START)


def _safe_gap(text: str, start: int, step: int) -> int:
    """Where to cut the text for ``neighbours``, before (``step`` -1) or after (1) the token
    at ``start``, past the next stretch of non-space characters on that side (after: past
    the token's own stretch and the next), in a run of white space: before, at the run's
    last character; after, at its first. No token holds white space but a paragraph break,
    which needs two line breaks, so a slice cut there reads the tokens within it as the
    whole text does. The text's edge when there is none within ``_REACH`` characters."""
    size = len(text)
    stretches = 1 if step < 0 else 2
    i = start - 1 if step < 0 else start
    far = max(0, start - _REACH) if step < 0 else min(size, start + _REACH)
    while far <= i if step < 0 else i < far:
        if text[i].isspace():
            if stretches <= 0:
                return i
            while 0 <= i < size and text[i].isspace():
                i += step
        else:
            while 0 <= i < size and not text[i].isspace():
                i += step
            stretches -= 1
    return 0 if step < 0 else size


@dataclass(frozen=True)
class Suspect:
    """A word that reads better as its partner here, and by how much (natural log odds)."""

    token: Token
    intended: str
    odds: float
    left: str  # the form before it
    following: str  # the text of the token after it


class ConfusionModel:
    """Bigram counts around the confusion words, loaded once per process.

    The counts are read from the data cache (newslint/datacache.py), each confusion word's
    neighbour counts kept as its own marshalled record and unpacked when an article first
    needs that word: a run reads the counts of the words its text has, not all 100,000.
    """

    _instance: "ConfusionModel | None" = None
    _lock = threading.Lock()

    def __init__(self, path: Path = DATA_FILE) -> None:
        from newslint.datacache import cached, modules

        (self.total, head, modelled, spans), blob = cached(
            "realword", [path, *modules("spelling/confusion.py", "sharded.py")], lambda: _packed(path))
        view = memoryview(blob)  # the mapped file: nothing is unpacked before a word needs it
        self.unigram = Buckets.mapped(head, view[: spans[0]])  # word -> count (only ``get``)
        self.modelled = frozenset(modelled)
        self._packed = {word: view[start:end] for word, start, end in zip(spans[1], spans[2], spans[3])}
        self._sides: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
        self._counts: dict[str, float] = {}
        self._judged: dict[object, dict[tuple[str, str, str], tuple[str, float]]] = {}  # by ``zipf``, then the forms

    @classmethod
    def load(cls) -> "ConfusionModel":
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = cls()
        return cls._instance

    def neighbours(self, word: str) -> tuple[dict[str, float], dict[str, float]]:
        """Counts of the words seen just before and just after ``word`` (empty if none)."""
        sides = self._sides.get(word)
        if sides is None:
            packed = self._packed.get(word)
            sides = self._sides[word] = marshal.loads(packed) if packed is not None else ({}, {})
        return sides

    def _p(self, word: str, zipf) -> float:
        """P(word): its count, else its Zipf frequency (``zipf(word)``, asked only then)."""
        count = self.unigram.get(word)
        if count is not None:
            return (count + 0.5) / self.total
        return 10 ** (zipf(word) - 9.0)

    def _count(self, word: str) -> float:
        """The count of a centre word (a confusion word or a modelled one: a bounded set),
        kept once read, as the buckets take longer to ask."""
        count = self._counts.get(word)
        if count is None:
            count = self._counts[word] = self.unigram.get(word, 0.0)
        return count

    def score(self, word: str, left: str, right: str, p_left: float, p_right: float) -> float:
        """log P(word) + log P(left | word) / P(left) + log P(right | word) / P(right).

        Each ratio is observed over expected neighbour counts, both plus ``_SMOOTH``: a pair
        never seen where it would be expected only rarely says nothing either way."""
        count = self._count(word)
        p_word = (count + 0.5) / self.total
        before, after = self.neighbours(word)
        l = (before.get(left, 0.0) + _SMOOTH) / (count * p_left + _SMOOTH)
        r = (after.get(right, 0.0) + _SMOOTH) / (count * p_right + _SMOOTH)
        return math.log(p_word) + math.log(l) + math.log(r)

    def rank(self, typed: str, suggestions: list[str], left: str, right: str, zipf, cost) -> list[str]:
        """The suggestions reordered by context when the first two are modelled words
        ("ther" -> "the" or "their" by what stands around it); ``cost(typed, s)`` is the
        edit cost of each slip."""
        top = suggestions[:3]
        if len(top) < 2 or not all(s in self.modelled for s in top[:2]):
            return suggestions
        p_left, p_right = self._p(left, zipf), self._p(right, zipf)
        modelled = [s for s in top if s in self.modelled]
        scored = sorted(modelled, key=lambda s: -(self.score(s, left, right, p_left, p_right) - _COST_WEIGHT * cost(typed, s)))
        it = iter(scored)
        return [next(it) if s in self.modelled else s for s in top] + suggestions[3:]

    def suspects(self, found: "Iterable[Confusable]", zipf) -> list[Suspect]:
        """Confusion words (newslint/spelling/confusable.py) whose partner fits the context
        better by the slip odds and margin.

        ``zipf(word)`` gives the frequency of neighbours the model has no count for.
        """
        out: list[Suspect] = []
        judged = self._judged.get(zipf)
        if judged is None:
            judged = self._judged[zipf] = {}
        for word in found:
            form, left, right = word.form, word.left, word.right
            verdict = judged.get((form, left, right))
            if verdict is None:
                verdict = self.judge(form, left, right, zipf)
                if len(judged) < _JUDGED_KEPT:
                    judged[form, left, right] = verdict
            if verdict is not _NOT_SUSPECT:
                out.append(Suspect(word.token, verdict[0], verdict[1], left, word.following))
        return out

    def judge(self, form: str, left: str, right: str, zipf) -> tuple[str, float]:
        """The partner a confusion word between these neighbours reads better as, and by
        how much, when by the slip odds and margin it does; else ``_NOT_SUSPECT``. Depends on
        the three forms alone, so ``suspects`` remembers it for the run."""
        partners = PAIRS[form]
        p_left, p_right = self._p(left, zipf), self._p(right, zipf)
        typed = self.score(form, left, right, p_left, p_right)
        best, best_score = partners[0], self.score(partners[0], left, right, p_left, p_right)
        for other in partners[1:]:  # the first of the best, as max() gives it
            other_score = self.score(other, left, right, p_left, p_right)
            if other_score > best_score:
                best, best_score = other, other_score
        odds = best_score + _SLIP_ODDS - typed
        if odds > (_RARE_MARGIN if self._count(form) < _RARE_COUNT else _MARGIN):
            return best, odds
        return _NOT_SUSPECT


def _packed(path: Path) -> "WithBlob":
    """The statistics for the data cache: the 14,000 unigram counts in buckets
    (newslint/sharded.py) and each centre word's record, both in the blob, so that loading
    unpacks nothing (it took about 3 ms of a cold start): (total, buckets' head, modelled
    words, (end of the buckets, words, record starts, record ends)), blob."""
    from newslint.datacache import WithBlob

    total, unigram, modelled, records = _read(path)
    head, buckets = Buckets.pack(unigram)
    words, starts, ends, at, chunks = [], [], [], len(buckets), [buckets]
    for word, record in records.items():
        words.append(word)
        starts.append(at)
        at += len(record)
        ends.append(at)
        chunks.append(record)
    return WithBlob((total, head, sorted(modelled), (len(buckets), words, starts, ends)), b"".join(chunks))


def _read(path: Path) -> tuple[float, dict[str, float], set[str], dict[str, bytes]]:
    """The statistics file as (total, unigram counts, modelled words, each centre word's
    marshalled (left neighbour counts, right neighbour counts))."""
    total = 1.0
    unigram: dict[str, float] = {}
    modelled: set[str] = set()
    sides: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            kind = parts[0]
            if kind == "W":
                modelled.add(parts[1])
            elif kind == "N":
                total = float(parts[1])
            elif kind == "U":
                unigram[parts[1]] = float(parts[2])
            elif kind == "L":
                sides.setdefault(parts[2], ({}, {}))[0][parts[1]] = float(parts[3])
            elif kind == "R":
                sides.setdefault(parts[1], ({}, {}))[1][parts[2]] = float(parts[3])
    return total, unigram, modelled, {word: marshal.dumps(pair) for word, pair in sides.items()}
