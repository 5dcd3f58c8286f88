"""An offline English lexicon for spelling checks on news copy.

Word data (all plain text under ``data/``, see ``data/SOURCES.md``):

* ``scowl_en.txt``: SCOWL 2020.12.07 word lists (the lists the Hunspell en_US/en_GB
  dictionaries are generated from), one ``word<TAB>size<TAB>variety`` line per word.
  Variety ``c`` is common to US and British spelling, ``u`` US-only (color, defense,
  organize), ``g`` British-only (colour, defence, organise, programme), ``z`` only in
  British "-ize" (Oxford) spelling.
* ``wordfreq_en.txt``: Zipf word frequencies (wordfreq 3.1.1), ``word<TAB>zipf*10``; a
  third column ``+`` marks an attested news word missing from SCOWL (compounds and
  derivations such as "drugmaker", "reoffending"), which is accepted as well.
* ``extra_en.txt``: newslint's own additions: words to accept, parts only allowed inside
  hyphenated compounds ("pre-", "co-", "wi-fi"), and non-words to reject ("alot").

``known`` is a set lookup: case-aware, with possessives, hyphenated compounds (each part,
or the joined form: "co-ordinator") and solid compounds of common words or a productive
prefix ("carmaking", "uncosted") unless they sit one cheap edit from a common word
("gracefull", "everthing" stay errors).
``suggest`` is a noisy-channel ranker: candidates within one edit plus letter-bigram
neighbours of similar length, scored by a weighted Damerau-Levenshtein cost (keyboard
neighbours, vowel swaps, doubled letters and transpositions are cheap; a wrong first
letter is dear), a sound-alike bonus and the word's frequency; run-together words are
split ("alot" -> "a lot").
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

from newslint.datacache import WithBlob, cached, modules
from newslint.sharded import WIDTH, KeyHashes, Sharded, Words
from newslint.spelling.letter_pairs import LetterPairs

__all__ = ["Lexicon", "DIALECTS"]

DATA_DIR = Path(__file__).resolve().parent / "data"
DIALECTS = ("both", "en-US", "en-GB")

_US, _GB, _GB_IZE = 1, 2, 4
_DIALECT_MASK = {"both": _US | _GB | _GB_IZE, "en-US": _US, "en-GB": _GB}
_ALIASES = {
    "both": "both", "any": "both", "en": "both",
    "en-us": "en-US", "en_us": "en-US", "us": "en-US", "american": "en-US",
    "en-gb": "en-GB", "en_gb": "en-GB", "gb": "en-GB", "uk": "en-GB", "en-uk": "en-GB",
    "british": "en-GB",
}
_TAG_MASK = {"c": _US | _GB, "u": _US, "g": _GB, "z": _GB_IZE}
_MISSING_ZIPF = 0.5      # frequency assumed for a dictionary word wordfreq has never seen
_NGRAM_CANDIDATES = 40   # letter-bigram neighbours scored per suggestion
_SUGGEST_MIN_ZIPF = 2.5  # rarer words are only suggested when one edit away
_SPLIT_MIN_ZIPF = 3.5    # both halves of a split suggestion ("a lot") must be common words
_RANKED_KEPT = 4096      # words whose ranked suggestions a lexicon remembers
BIG_RUN_CHARS = 1_000_000  # a run this big (about 500 articles) looks words up in the native core
_WORDS_KEPT = 1 << 16    # words whose known() and dialect_of() answers a lexicon remembers
_COMMON_FLOOR = 5.0      # words this common are kept apart, with their frequency (a few hundred)
_UNSEEN = object()
_SHORT_WORDS = frozenset("a i an as at be by do go he if in is it me my no of on or so to up us we".split())

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_HAS_DIGIT = re.compile(r"\d")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_VOWELS = frozenset("aeiouy")

# QWERTY neighbours (same row and the rows above/below).
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEYPOS = {ch: (r, c + 0.5 * r) for r, row in enumerate(_KEY_ROWS) for c, ch in enumerate(row)}


def _adjacent(a: str, b: str) -> bool:
    pa, pb = _KEYPOS.get(a), _KEYPOS.get(b)
    if pa is None or pb is None:
        return False
    return abs(pa[0] - pb[0]) <= 1 and abs(pa[1] - pb[1]) <= 1.0


def is_adjacent(a: str, b: str) -> bool:
    """Whether two letters are neighbouring keys on a QWERTY keyboard."""
    return _adjacent(a, b)


# Letters that stand for the same or a similar sound in English spelling.
_SOUND_PAIRS = {frozenset(p) for p in
                ("ck", "cs", "sz", "kq", "gj", "mn", "dt", "bp", "fv", "iy", "ey", "xz", "sc", "wv")}


# Solid compounds: productive prefixes, and words that may not start or end one.
_PREFIXES = ("anti", "auto", "bio", "co", "counter", "cross", "cyber", "de", "dis", "eco", "euro",
             "geo", "hyper", "inter", "mega", "micro", "mid", "mini", "mis", "multi", "neo", "non",
             "out", "over", "post", "pre", "pro", "re", "self", "semi", "sub", "super", "tele",
             "trans", "ultra", "un", "under")
_FUNCTION_WORDS = frozenset("""a an the in on at to of for by as is it be or and but no not so up do
    we he she they you me my this that with from will would can could should shall may might must
    has have had was were are been his her its our their your them him who what which when where
    there then than also just very all any some into onto upon about over""".split())
_PREFIX_MIN_ZIPF = 2.5
_COMPOUND_MIN_ZIPF = 3.0
_COMPOUND_MIN_PART = 4
_COMPOUND_MAX_SIZE = 60  # parts must be ordinary dictionary words (SCOWL size <= 60)
_LOWER_CASE_MAX_SIZE = 70  # "chad" (paper) is 70; "istanbul", "london" are 95
_GUARD_MIN_ZIPF = 2.0   # a solid compound this close to a common word is taken as its misspelling
_GUARD_MAX_COST = 1.2


class _Costs:
    """Edit costs of the noisy-channel model (typo -> intended word)."""

    sub = 1.0
    sub_vowel = 0.55       # vowel for vowel: "seperate", "independant"
    sub_sound = 0.7        # c/s, s/z, i/y ...
    sub_key = 0.75         # QWERTY neighbours
    indel = 1.0
    indel_vowel = 0.8
    indel_double = 0.4     # a doubled letter dropped or added: "occured", "untill"
    indel_apostrophe = 0.3  # "dont" -> "don't"
    transpose = 0.6        # "recieved"
    first_letter = 0.5     # extra cost when the first letter is wrong
    freq_weight = 0.55     # score = freq_weight * zipf - cost
    sound_bonus = 0.6      # same sound key as the typo
    split = 0.8            # a space: "alot" -> "a lot"


def _dialect_of_tags(tags: int) -> str | None:
    """The dialect a word's SCOWL tags (``_TAG_MASK`` bits) give it: "en-US" for a US-only
    spelling, "en-GB" for a British-only one (with or without "-ize"), else None."""
    if tags & (_US | _GB) == _US:
        return "en-US"
    if tags & (_US | _GB) == _GB or tags == _GB_IZE:
        return "en-GB"
    return None


def _sub_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in _VOWELS and b in _VOWELS:
        return _Costs.sub_vowel
    if frozenset((a, b)) in _SOUND_PAIRS:
        return _Costs.sub_sound
    if _adjacent(a, b):
        return _Costs.sub_key
    return _Costs.sub


def _sub_rows() -> dict[str, dict[str, float]]:
    """Substitution costs by the typed letter, then the intended one."""
    chars = _LETTERS + "'-"
    return {a: {b: _sub_cost(a, b) for b in chars} for a in chars}


_SUB_ROWS = _sub_rows()
_OTHER_ROW: dict[str, float] = {}  # a typed character outside the table: every substitution costs 1.0


def _indel_costs(word: str) -> list[float]:
    """Cost of each letter of ``word`` being absent from the other string."""
    out = []
    n = len(word)
    for i, ch in enumerate(word):
        if ch == "'" or ch == "-":
            out.append(_Costs.indel_apostrophe)
        elif (i > 0 and word[i - 1] == ch) or (i + 1 < n and word[i + 1] == ch):
            out.append(_Costs.indel_double)
        elif ch in _VOWELS:
            out.append(_Costs.indel_vowel)
        else:
            out.append(_Costs.indel)
    return out


def edit_cost(typo: str, word: str, _typo_costs: list[float] | None = None) -> float:
    """Weighted optimal-string-alignment distance from ``typo`` to ``word`` (``_typo_costs``:
    ``_indel_costs(typo)``, when the caller has it). Computed by the native core when it is
    built (newslint/native.py), else by ``python_edit_cost``; the two agree to the bit."""
    costs = _native_costs()
    if costs is not None:
        try:
            return costs.cost(typo, word)
        except UnicodeEncodeError:  # a lone surrogate (undecodable input) has no UTF-8
            pass
    return python_edit_cost(typo, word, _typo_costs)


@lru_cache(maxsize=1)
def _native_costs() -> Any:
    """The costs below, handed to the native core once, or None without it."""
    from newslint import native

    core = native.module()
    if core is None:
        return None
    return core.EditCosts(_SUB_ROWS, "".join(sorted(_VOWELS)), _Costs.indel, _Costs.indel_vowel,
                          _Costs.indel_double, _Costs.indel_apostrophe, _Costs.first_letter, _Costs.transpose)


def python_edit_cost(typo: str, word: str, _typo_costs: list[float] | None = None) -> float:
    """``edit_cost`` in Python: a dynamic programme over the two words' letters."""
    n, m = len(typo), len(word)
    del_cost = _typo_costs if _typo_costs is not None else _indel_costs(typo)
    ins_cost = _indel_costs(word)
    first = _Costs.first_letter
    transpose = _Costs.transpose
    prev2: list[float] = []
    prev = [0.0] * (m + 1)
    acc = first
    for j in range(m):
        acc += ins_cost[j]
        prev[j + 1] = acc
    letters = list(zip(word, ins_cost))
    for i in range(1, n + 1):
        a = typo[i - 1]
        dc = del_cost[i - 1]
        row = _SUB_ROWS.get(a, _OTHER_ROW)
        swapped = typo[i - 2] if i > 1 else ""  # a transposition needs the letter before
        left = prev[0] + dc + (first if i == 1 else 0.0)
        cur = [left]
        diag = prev[0]
        j = 0
        for b, ic in letters:
            j += 1
            up = prev[j]
            if a == b:
                best = diag
            else:
                best = diag + row.get(b, 1.0)
                if j == 1 and i == 1:
                    best += first
                if b == swapped and j > 1 and a == word[j - 2]:
                    c = prev2[j - 2] + transpose
                    if c < best:
                        best = c
            c = up + dc
            if c < best:
                best = c
            c = left + ic
            if c < best:
                best = c
            cur.append(best)
            left = best
            diag = up
        prev2, prev = prev, cur
    return prev[m]


_SOUND_RULES = [(re.compile(p), r, needs) for p, r, needs in (
    (r"^kn|^gn|^pn", "n", "n"), (r"^wr", "r", "wr"), (r"^x", "s", "x"), (r"^wh", "w", "wh"),
    (r"tch", "ch", "tch"), (r"sch", "sk", "sch"), (r"ph", "f", "ph"), (r"gh(?=[^aeiou]|$)", "", "gh"),
    (r"dg(?=[eiy])", "j", "dg"), (r"c(?=[eiy])", "s", "c"), (r"ck", "k", "ck"), (r"c", "k", "c"), (r"q", "k", "q"),
    (r"x", "ks", "x"), (r"z", "s", "z"), (r"(?<=[aeiou])y", "", "y"), (r"(?<=.)h(?=[^aeiou]|$)", "", "h"),
    (r"w(?=[^aeiou]|$)", "", "w"),
)]
"""Each rule: the pattern, its replacement, and text every match of it holds (a word
without it is left as it is, unscanned)."""


def sound_key(word: str) -> str:
    """A rough English sound key: first letter, then consonants with similar sounds merged."""
    w = word.lower().replace("'", "").replace("-", "")
    if not w:
        return ""
    for pat, rep, needs in _SOUND_RULES:
        if needs in w:  # most words hold few of the rules' letters: no scan for the others
            w = pat.sub(rep, w)
    if not w:
        return ""
    out = [w[0]]
    for ch in w[1:]:
        if ch in _VOWELS:
            continue
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def _edits1(w: str, start: int = 0, stop: int | None = None) -> set[str]:
    """Strings one edit from ``w`` (a letter deleted, replaced or inserted, two swapped, an
    apostrophe inserted), the edit at a position from ``start`` up to, not including, ``stop``."""
    end = len(w) + 1 if stop is None else min(stop, len(w) + 1)
    splits = [(w[:i], w[i:]) for i in range(start, end)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _LETTERS)
    out.update(a + c + b for a, b in splits for c in _LETTERS)
    out.update(a + "'" + b for a, b in splits if a and b)
    return out


class _Data:
    """The word data shared by all dialects, loaded once per process (from the data cache,
    newslint/datacache.py, when the word files are unchanged since it was built)."""

    def __init__(self, data_dir: Path) -> None:
        self._sources = [data_dir / "scowl_en.txt", data_dir / "wordfreq_en.txt", data_dir / "extra_en.txt",
                         *modules("spelling/lexicon.py", "sharded.py")]
        (mask, size, freq, by_lower, self.hyphen_parts, self.common), blob = cached(
            "lexicon", self._sources, lambda: _sharded(_read_word_files(data_dir)))
        self.mask, self.size, self.freq, self.by_lower = (Sharded.mapped(head, blob) for head in (mask, size, freq, by_lower))
        # kept for what only shards do (every key, the keys under a prefix) once a big run
        # looks words up in the native core's tables (``for_big_run``)
        self.sharded_mask, self.sharded_by_lower = self.mask, self.by_lower
        self._index_lock = threading.Lock()
        self._index_ready = False
        self._native_tables = False
        self._one_dialect: dict[str, str] | None = None
        self._ranker: Any = _UNSEEN

    def for_big_run(self) -> None:
        """The four word tables looked up in the native core (native/src/word_table.rs),
        built once into the data cache and read from its mapped file: a big run looks up
        tens of thousands of different words, and the shards' unpacking and Python layers
        cost about 0.2 ms per article. Lexicons already built on the sharded mask move onto
        the native one. Without the core (or if the tables cannot be built) nothing changes."""
        from newslint import native

        core = native.module()
        if self._native_tables or core is None:
            return
        with self._index_lock:
            if self._native_tables:
                return
            sharded = (self.mask, self.size, self.freq, self.by_lower)
            try:
                spans, blob = cached("lexicon-native", self._sources, lambda: _native_tables(core, sharded),
                                     extra=f"abi {native.ABI}")
                view = memoryview(blob)  # the mapped cache file: held by the tables, not copied
                tables = [core.WordTable(view[start:end]) for start, end in spans]
            except Exception:  # noqa: BLE001 - the shards answer the same, only slower
                return
            self.mask, self.size, self.freq, self.by_lower = tables
            for lexicon in list(Lexicon._cache.values()):
                if lexicon._words is sharded[0]:
                    lexicon._words = self.mask
            self._native_tables = True

    def one_dialect(self) -> dict[str, str]:
        """The keys of the mask spelt one way in one dialect only, each with that dialect
        ("en-US" or "en-GB", as ``Lexicon.dialect_of`` reads the mask): about 8,400 words, listed
        once into the data cache (reading all 150,000 keys' tags takes about 80 ms)."""
        found = self._one_dialect
        if found is None:
            us, gb = cached("lexicon-dialects", self._sources, self._one_dialect_lists)
            found = dict.fromkeys(us, "en-US")
            found.update(dict.fromkeys(gb, "en-GB"))
            self._one_dialect = found
        return found

    def _one_dialect_lists(self) -> tuple[list[str], list[str]]:
        """The keys whose tags make ``_dialect_of_tags`` "en-US", and those that make it "en-GB"."""
        us: list[str] = []
        gb: list[str] = []
        for word, tags in self.sharded_mask.items():
            dialect = _dialect_of_tags(tags)
            if dialect is not None:
                (us if dialect == "en-US" else gb).append(word)
        return sorted(us), sorted(gb)

    def ranker(self) -> Any:
        """The native core's suggestion ranker over this data's tables
        (native/src/suggest.rs), made once: only once a big run looks words up in the native
        tables (``for_big_run``) and the core is built, else None."""
        ranker = self._ranker
        if ranker is _UNSEEN:
            if not self._native_tables:
                return None  # (not remembered: a big run may yet move the tables into the core)
            self.build_index()
            from newslint import native

            ranker = None
            core, costs, pairs = native.module(), _native_costs(), self.pairs.native_for("")
            if core is not None and costs is not None and pairs is not None and self.one_edits is not None:
                joined, ends = self.keys.packed()
                ranker = core.Ranker(self.one_edits, pairs, costs, self.mask, self.by_lower, self.freq, joined,
                                     ends, sorted(_SHORT_WORDS), _Costs.freq_weight, _Costs.sound_bonus,
                                     _Costs.split, _SPLIT_MIN_ZIPF, _MISSING_ZIPF, _NGRAM_CANDIDATES)
            self._ranker = ranker
        return ranker

    def zipf(self, word: str) -> float:
        z = self.freq.get(word)
        if z is None:
            z = self.freq.get(word.lower(), _MISSING_ZIPF)
        return z

    def build_index(self) -> None:
        """Letter-bigram index per word length over likely suggestions, built on first use."""
        if self._index_ready:
            return
        with self._index_lock:
            if self._index_ready:
                return
            (keys, spans, hashes_at), blob = cached("lexicon-index", self._sources, self._packed_index)
            view = memoryview(blob)  # the mapped file: each length's table is read when first needed
            by_len = {n: view[start:end] for n, (start, end) in spans.items()}
            self.keys, self.pairs = Words(*keys), LetterPairs(by_len)
            self.key_hashes = KeyHashes(view[hashes_at[0]:hashes_at[1]])
            self.one_edits = _native_one_edits(view[hashes_at[0]:hashes_at[1]])
            self._index_ready = True

    def _packed_index(self) -> WithBlob:
        """The letter-pair index (newslint/spelling/letter_pairs.py) with its words in one
        string, each length's table unpacked when a word of about that length needs
        suggestions; and the hashes of the lexicon's keys, which rule out most one-edit
        candidates unopened. The tables and hashes (3.6 MB) lie in the blob, read from the
        mapped file without a copy: (words, {length: table's bounds}, hashes' bounds), blob."""
        zipf = self.zipf
        # suggestion targets found by letter pairs: words seen in running text, most frequent first
        keys = sorted({lw for w in self.sharded_mask if zipf(lw := w.lower()) >= _SUGGEST_MIN_ZIPF and lw.isascii()},
                      key=lambda k: (-zipf(k), k))
        hashes = KeyHashes.pack(chain(self.sharded_mask, self.sharded_by_lower))
        chunks, spans, at = [], {}, 0
        for n, table in LetterPairs.pack(keys).items():
            chunks.append(table)
            spans[n] = (at, at + len(table))
            at += len(table)
        chunks.append(hashes)
        return WithBlob((Words.pack(keys), spans, (at, at + len(hashes))), b"".join(chunks))


def prepare(chars: int, data_dir: Path = DATA_DIR) -> None:
    """Before a run of ``chars`` characters (in the main process, before workers fork): a
    big run (``BIG_RUN_CHARS``) looks words up in the native core's tables; a small one
    keeps unpacking only the shards its words fall in (no table to copy in)."""
    if chars >= BIG_RUN_CHARS:
        _data(data_dir).for_big_run()


def _native_tables(core: Any, tables: tuple[Sharded, ...]) -> WithBlob:
    """The native core's blobs of the four word tables, in one blob: ((start, end) of each), blob."""
    mask, size, freq, by_lower = (dict(table.items()) for table in tables)
    blobs = [core.WordTable.build(list(mask), ints=list(mask.values())),
             core.WordTable.build(list(size), ints=list(size.values())),
             core.WordTable.build(list(freq), floats=list(freq.values())),
             core.WordTable.build(list(by_lower), lists=list(by_lower.values()))]
    spans, at = [], 0
    for blob in blobs:
        spans.append((at, at + len(blob)))
        at += len(blob)
    return WithBlob(tuple(spans), b"".join(blobs))


def _native_one_edits(hashes: memoryview) -> Any:
    """The native core's one-edit search over the keys' hashes (handed over once), or None
    without the core."""
    from newslint import native

    core = native.module()
    return core.OneEdits(bytes(hashes)) if core is not None else None


_WordData = tuple[dict[str, int], dict[str, int], dict[str, float], set[str], dict[str, list[str]]]


def _read_word_files(data_dir: Path) -> _WordData:
    """(mask, SCOWL size, Zipf frequency, hyphen-only parts, lower-case -> spellings) from
    the plain-text word files."""
    mask: dict[str, int] = {}
    size: dict[str, int] = {}  # SCOWL size (10 = most common ... 95)
    freq: dict[str, float] = {}
    hyphen_parts: set[str] = set()
    with open(data_dir / "scowl_en.txt", encoding="utf-8") as fh:
        for line in fh:
            word, level, tag = line.rstrip("\n").split("\t")
            mask[word] = mask.get(word, 0) | _TAG_MASK[tag]
            size[word] = int(level)
    with open(data_dir / "wordfreq_en.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            freq[parts[0]] = int(parts[1]) / 10.0
            if len(parts) > 2:
                if parts[2] == "+":
                    mask[parts[0]] = mask.get(parts[0], 0) | _US | _GB
                elif parts[2] == "-":
                    hyphen_parts.add(parts[0])
    section = None
    with open(data_dir / "extra_en.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1]
                continue
            for word in line.split():
                if section == "accept":
                    mask[word] = mask.get(word, 0) | _US | _GB
                elif section == "hyphen":
                    hyphen_parts.add(word)
                elif section == "deny":
                    mask.pop(word, None)
    # lower-case form -> dictionary spellings (for ALL-CAPS input and suggestions)
    by_lower: dict[str, list[str]] = {}
    for word in mask:
        lw = word.lower()
        if lw != word:
            by_lower.setdefault(lw, []).append(word)
    return mask, size, freq, hyphen_parts, by_lower


def _sharded(data: _WordData) -> WithBlob:
    """The big tables split into shards that a run unpacks as its words need them, laid in
    one blob the data cache leaves in the mapped file (``Sharded.mapped`` reads each table)."""
    mask, size, freq, hyphen_parts, by_lower = data
    heads, blob = Sharded.pack_into([mask, size, freq, by_lower])
    common = {w: z for w, z in freq.items() if z >= _COMMON_FLOOR and w in mask}
    return WithBlob((*heads, hyphen_parts, common), blob)


_DATA: dict[Path, _Data] = {}
_DATA_LOCK = threading.Lock()


def _data(data_dir: Path) -> _Data:
    d = _DATA.get(data_dir)
    if d is None:
        with _DATA_LOCK:
            d = _DATA.get(data_dir)
            if d is None:
                d = _DATA[data_dir] = _Data(data_dir)
    return d


class Lexicon:
    """Spelling lexicon for one dialect setting: "both" (default), "en-US" or "en-GB"."""

    _cache: dict[tuple[str, Path], "Lexicon"] = {}
    _cache_lock = threading.Lock()

    def __init__(self, dialect: str, data: _Data) -> None:
        self.dialect = dialect
        self._data = data
        want = _DIALECT_MASK[dialect]
        # every entry carries at least one dialect bit: "both" accepts the whole table as is
        self._words: frozenset[str] | dict[str, int] = (
            data.mask if want == _US | _GB | _GB_IZE else frozenset(w for w, m in data.sharded_mask.items() if m & want))
        self._mask = want
        self._compound_cache: dict[str, bool] = {}
        self._ranked: dict[str, tuple[str, ...]] = {}
        self._known: dict[str, bool] = {}
        self._dialects: dict[str, str | None] = {}
        self._lower_words: dict[str, bool] = {}
        self._near: dict[float, tuple[frozenset[str], frozenset[str]]] = {}

    @classmethod
    def load(cls, dialect: str = "both", data_dir: str | Path | None = None) -> "Lexicon":
        """The lexicon for ``dialect`` ("both", "en-US" or "en-GB"), cached per process."""
        key = _ALIASES.get(str(dialect).strip().lower())
        if key is None:
            raise ValueError(f"unknown dialect {dialect!r}; use one of {', '.join(DIALECTS)}")
        path = Path(data_dir).resolve() if data_dir is not None else DATA_DIR
        lex = cls._cache.get((key, path))
        if lex is None:
            with cls._cache_lock:
                lex = cls._cache.get((key, path))
                if lex is None:
                    lex = cls._cache[(key, path)] = cls(key, _data(path))
        return lex

    # ------------------------------------------------------------------ lookup
    def known(self, word: str) -> bool:
        """True if ``word`` is correctly spelt in this dialect.

        Lower-case dictionary words are accepted as written, Capitalised or in CAPITALS;
        dictionary words with capitals (names) must keep them. Possessives ('s, s', ’s)
        and hyphenated compounds (each part checked) are handled. Tokens containing
        digits are accepted: numbers are not a spelling matter.
        """
        found = self._known.get(word)  # remembered: the same words recur in every article
        if found is None:
            if len(self._known) >= _WORDS_KEPT:
                self._known.clear()
            found = self._known[word] = self._known_afresh(word)
        return found

    def _known_afresh(self, word: str) -> bool:
        w = word.translate(_APOSTROPHES).strip("'")
        if not w:
            return False
        if self._simple(w):
            return True
        if not w.isalpha() and _HAS_DIGIT.search(w):  # letters only (most words): no digit
            return True
        base = self._strip_possessive(w)
        if base is not None and base and (self._simple(base) or self._compound(base)):
            return True
        if "." in w:
            return self._dotted(w)
        return self._compound(w) or self._closed_compound(w)

    def _simple(self, w: str) -> bool:
        words = self._words
        if w in words:
            return True
        lw = w.lower()
        if lw == w:
            return False
        rest = w[1:]
        if rest == rest.lower():  # Capitalised
            return lw in words
        if w == w.upper():  # CAPITALS
            if lw in words:
                return True
            return any(f in words for f in self._data.by_lower.get(lw, ()))
        return False

    @staticmethod
    def _strip_possessive(w: str) -> str | None:
        if len(w) > 2 and w[-2] == "'" and w[-1] in "sS":
            return w[:-2]
        if len(w) > 2 and w[-1] == "'" and w[-2] in "sS":
            return w[:-1]
        return None

    def _compound(self, w: str) -> bool:
        if "-" not in w:
            return False
        parts = w.split("-")
        if any(not p for p in parts):
            return False
        if self._simple("".join(parts)):  # co-ordinator, pre-empt, post-mortem
            return True
        hyphen = self._data.hyphen_parts
        last = len(parts) - 1
        for i, p in enumerate(parts):
            if self._simple(p) or p.lower() in hyphen:
                continue
            # plural of a compound: "year-olds", "add-ons", "have-nots"
            if i == last and i > 0 and len(p) > 2 and p[-1] in "sS" and (
                    self._simple(p[:-1]) or p[:-1].lower() in hyphen):
                continue
            return False
        return True

    def _closed_compound(self, w: str) -> bool:
        """News coins written solid: "carmaking", "goalwards", "renationalise", "uncosted".

        Accepted when the word is a productive prefix plus a dictionary word, or two common
        dictionary words (neither a function word) run together, unless it is within a
        cheap edit of a common word ("gracefull", "dispair", "everthing" stay errors).
        """
        lw = w.lower()
        if len(lw) < 7 or not lw.isalpha() or (lw != w and not self._case_ok(w)):
            return False
        cached = self._compound_cache.get(lw)
        if cached is None:
            cached = self._splits(lw) and not self._near_common_word(lw)
            if len(self._compound_cache) < 100_000:
                self._compound_cache[lw] = cached
        return cached

    def _splits(self, lw: str) -> bool:
        words, zipf, size = self._words, self._data.zipf, self._data.size
        for p in _PREFIXES:
            if lw.startswith(p):
                rest = lw[len(p):]
                if (len(rest) >= 4 and rest in words and zipf(rest) >= _PREFIX_MIN_ZIPF
                        and size.get(rest, 99) <= _COMPOUND_MAX_SIZE):
                    return True
        for i in range(_COMPOUND_MIN_PART, len(lw) - _COMPOUND_MIN_PART + 1):
            a, b = lw[:i], lw[i:]
            if (a in words and b in words and a not in _FUNCTION_WORDS and b not in _FUNCTION_WORDS
                    and zipf(a) >= _COMPOUND_MIN_ZIPF and zipf(b) >= _COMPOUND_MIN_ZIPF
                    and size.get(a, 99) <= _COMPOUND_MAX_SIZE and size.get(b, 99) <= _COMPOUND_MAX_SIZE):
                return True
        return False

    def _near_common_word(self, lw: str) -> bool:
        zipf = self._data.zipf
        costs = _indel_costs(lw)
        for cand in self._candidates(lw):
            if (zipf(cand) >= _GUARD_MIN_ZIPF and abs(len(cand) - len(lw)) <= 2
                    and edit_cost(lw, cand, costs) <= _GUARD_MAX_COST + 1e-9 and self._forms(cand)):
                return True
        return False

    @staticmethod
    def _case_ok(w: str) -> bool:
        rest = w[1:]
        return rest == rest.lower() or w == w.upper()

    def _dotted(self, w: str) -> bool:
        parts = [p for p in w.split(".") if p]
        if not parts:
            return False
        if all(len(p) <= 2 and p.isalpha() for p in parts):  # initialisms: U.S, e.g, a.m
            return True
        return all(self._simple(p) or self._compound(p) for p in parts)

    def in_dictionary(self, word: str) -> bool:
        """Whether SCOWL lists the word itself (not a word accepted only from web frequencies)."""
        return word in self._data.size

    def lower_case_word(self, word: str) -> bool:
        """Whether the dictionary writes ``word`` in lower case as an ordinary word: "china",
        "turkey" and "chad" are words too; "istanbul" and "london" are listed only at SCOWL's
        largest sizes, where lower-cased names and junk sit."""
        found = self._lower_words.get(word)  # remembered: asked of every word of every article
        if found is None:
            if len(self._lower_words) >= _WORDS_KEPT:
                self._lower_words.clear()
            found = self._lower_words[word] = self._data.size.get(word.lower(), 99) <= _LOWER_CASE_MAX_SIZE
        return found

    def near_common(self, word: str, min_zipf: float) -> bool:
        """Whether a word of this dialect at least ``min_zipf`` common (5.0 or more) is one
        edit from lower-case ``word`` (either way), or ``word`` is two of them run together:
        what a suggestion for ``word`` must be for a rule that only wants such slips, found
        without ranking suggestions."""
        near = self._near.get(min_zipf)
        if near is None:
            if min_zipf < _COMMON_FLOOR:
                raise ValueError(f"min_zipf below {_COMMON_FLOOR}")
            common = frozenset(w for w, z in self._data.common.items() if z >= min_zipf and w in self._words)
            near = self._near[min_zipf] = (common, frozenset(w[:i] + w[i + 1:] for w in common for i in range(len(w))))
        common, shortened = near
        return (word in shortened or not common.isdisjoint(self._may_be_keys(word))
                or any(word[:i] in common and word[i:] in common for i in range(1, len(word))))

    def _may_be_keys(self, word: str) -> set[str] | list[str]:
        """Strings one edit from ``word`` that include every key one edit from it: the native
        core's, those whose hash is a key's, once the index is read (suggestions read it);
        else all of them (``_edits1``)."""
        data = self._data
        one_edits = data.one_edits if data._index_ready else None
        if one_edits is not None:
            try:
                return one_edits.near(word)
            except UnicodeEncodeError:  # a lone surrogate (undecodable input) has no UTF-8
                pass
        return _edits1(word)

    # ----------------------------------------------------------------- dialect
    def zipf(self, word: str) -> float:
        """How common a word is: Zipf frequency (log10 of uses per billion words)."""
        return self._data.zipf(word)

    def dialect_of(self, word: str) -> str | None:
        """"en-US" for a US-only spelling (color, defense, organize), "en-GB" for a
        British-only one (colour, defence, organise, programme), else None (a word
        spelt the same in both, such as "program" or "catalog"/"catalogue" pairs that
        both dialects accept, or an unknown word)."""
        found = self._dialects.get(word, _UNSEEN)
        if found is _UNSEEN:
            if len(self._dialects) >= _WORDS_KEPT:
                self._dialects.clear()
            found = self._dialects[word] = self._dialect_afresh(word)
        return found

    def _dialect_afresh(self, word: str) -> str | None:
        w = word.translate(_APOSTROPHES).strip("'")
        base = self._strip_possessive(w)
        if base:
            w = base
        for part in w.split("-"):
            if not part:
                continue
            m = self._data.mask.get(part)
            if m is None:
                m = self._data.mask.get(part.lower())
            if m is None:
                continue
            dialect = _dialect_of_tags(m)
            if dialect is not None:
                return dialect
        return None

    def one_dialect(self) -> dict[str, str]:
        """The dictionary's words spelt one way in one dialect only, each with that dialect
        ("colour": "en-GB", "color": "en-US"): a word (an apostrophe, a capital or a hyphen
        aside) has a dialect by ``dialect_of`` only if it, or for a compound its first part
        that has one, is here."""
        return self._data.one_dialect()

    # ------------------------------------------------------------- suggestion
    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Corrections for ``word``, best first (at most ``limit``)."""
        if limit <= 0:
            return []
        w = word.translate(_APOSTROPHES).strip("'")
        if not w:
            return []
        base = self._strip_possessive(w)
        if base and not self.known(base) and "-" not in base:
            suffix = w[len(base):]
            return [s + suffix for s in self._suggest_cased(base, limit)]
        if "-" in w.strip("-"):
            return self._suggest_compound(w.strip("-"), limit)
        return self._suggest_cased(w, limit)

    def _suggest_compound(self, w: str, limit: int) -> list[str]:
        out: list[str] = []
        joined = w.replace("-", "")
        if self._simple(joined):
            out.append(joined)
        parts = w.split("-")
        bad = [i for i, p in enumerate(parts) if p and not (self._simple(p) or p.lower() in self._data.hyphen_parts)]
        if len(bad) == 1:
            i = bad[0]
            for s in self._suggest_cased(parts[i], limit):
                cand = "-".join(parts[:i] + [s] + parts[i + 1:])
                if cand not in out:
                    out.append(cand)
        return out[:limit]

    def _suggest_cased(self, w: str, limit: int) -> list[str]:
        lw = w.lower()
        if w == lw:
            case = "lower"
        elif len(w) > 1 and w == w.upper():
            case = "upper"
        elif w[0].isupper() and w[1:] == w[1:].lower():
            case = "title"
        else:
            case = "mixed"
        ranked = self._rank(lw)
        out: list[str] = []
        for cand in ranked:
            if case == "upper":
                cand = cand.upper()
            elif case == "title" and cand[:1].islower():
                cand = cand[:1].upper() + cand[1:]
            if cand != w and cand not in out:
                out.append(cand)
            if len(out) >= limit:
                break
        return out

    def _forms(self, key: str) -> list[str]:
        """Dictionary spellings of a lower-cased key accepted in this dialect."""
        out = [key] if key in self._words else []
        for f in self._data.by_lower.get(key, ()):
            if f in self._words:
                out.append(f)
        return out

    def _candidates(self, q: str) -> set[str]:
        """Lower-cased dictionary keys one edit from ``q`` or sharing most of its letter pairs."""
        data = self._data
        data.build_index()
        keys = data.keys
        cands = self._one_edit_keys(q)
        # letter-pair neighbours of similar length (catch two or more edits)
        cands.update(keys[i] for i in data.pairs.nearest(q, _NGRAM_CANDIDATES))
        cands.discard(q)
        return cands

    def _one_edit_keys(self, q: str) -> set[str]:
        """The keys of the mask or lower-case tables one edit from ``q`` (``_edits1``): the
        native core tries every edit against the keys' hashes, and the few that may be keys
        are looked up here; without it, ``_python_one_edit_keys``."""
        data = self._data
        data.build_index()
        one_edits = data.one_edits
        if one_edits is not None:
            try:
                near = one_edits.near(q)
            except UnicodeEncodeError:  # a lone surrogate (undecodable input) has no UTF-8
                pass
            else:
                mask, by_lower = data.mask, data.by_lower
                return {e for e in near if e in mask or e in by_lower}
        return self._python_one_edit_keys(q)

    def _python_one_edit_keys(self, q: str) -> set[str]:
        """``_one_edit_keys`` in Python: the edits past ``q``'s first WIDTH letters share its
        shard of each table, found by one intersection with the shard; the others one by one,
        most ruled out by hash."""
        data = self._data
        data.build_index()
        mask, by_lower = data.sharded_mask, data.sharded_by_lower
        may_hold = data.key_hashes.may_hold
        cands = {e for e in _edits1(q, 0, WIDTH) if may_hold(e) and (e in mask or e in by_lower)}
        if len(q) >= WIDTH:
            later = _edits1(q, WIDTH)
            head = q[:WIDTH]
            cands.update(mask.starting(head).keys() & later, by_lower.starting(head).keys() & later)
        return cands

    def _rank(self, q: str) -> tuple[str, ...]:
        """Every suggestion for a lower-case word, best first; remembered, because the rules
        ask about the same unknown word more than once (whether it is a slip, then what to suggest)."""
        ranked = self._ranked.get(q)
        if ranked is None:
            if len(self._ranked) >= _RANKED_KEPT:
                self._ranked.clear()
            ranked = self._ranked[q] = tuple(self._rank_afresh(q))
        return ranked

    def _rank_afresh(self, q: str) -> list[str]:
        """``python_rank``'s answer, from the native core's ranker where it has one (the
        "both" lexicon in a big run, for an ASCII word)."""
        ranker = self._data.ranker() if self._words is self._data.mask and q.isascii() else None
        if ranker is not None:
            ranked = ranker.rank(q) if self._data.pairs.native_for(q) is not None else None
            if ranked is not None:
                return ranked
        return self.python_rank(q)

    def python_rank(self, q: str) -> list[str]:
        """Every suggestion for lower-case ``q``, best first: candidates within the cost
        limit scored by frequency, edit cost and sound, and common words run together."""
        data = self._data
        lq = len(q)
        cands = self._candidates(q)
        sk = sound_key(q)
        q_costs = _indel_costs(q)
        limit = max(2.5, 0.4 * lq)
        fw = _Costs.freq_weight
        scored: list[tuple[float, str]] = []
        for k in cands:
            if abs(len(k) - lq) > 3:
                continue
            cost = edit_cost(q, k, q_costs)
            if cost > limit:
                continue  # tested before the forms: most candidates end here, their shards unopened
            forms = self._forms(k)
            if not forms:
                continue
            base = (_Costs.sound_bonus if sound_key(k) == sk else 0.0) - cost
            lower_known = forms[0] == k
            for f in forms:
                penalty = 0.0
                if f != k:
                    if lower_known:
                        continue  # "father" already stands for "Father"
                    penalty = 0.3 if f[1:] == f[1:].lower() else 0.8
                scored.append((fw * data.zipf(f) + base - penalty, f))
        # two words run together: "alot", "inwhich"
        words = self._words
        for i in range(1, lq):
            a, b = q[:i], q[i:]
            if ((len(a) > 2 or a in _SHORT_WORDS) and (len(b) > 2 or b in _SHORT_WORDS)
                    and a in words and b in words):
                za, zb = data.zipf(a), data.zipf(b)
                if za >= _SPLIT_MIN_ZIPF and zb >= _SPLIT_MIN_ZIPF:
                    # frequency of the pair if the words were independent; same letters, so
                    # it also sounds like the typo
                    z = za + zb - 9.0
                    scored.append((fw * z - _Costs.split + _Costs.sound_bonus, a + " " + b))
        scored.sort(key=lambda t: (-t[0], t[1]))
        return [f for _, f in scored]
