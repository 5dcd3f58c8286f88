"""The compiled-data cache: reused when sources are unchanged, never stale, never fatal."""

from __future__ import annotations

import itertools
import marshal
import os
import pickle
import string
from pathlib import Path

import pytest

from newslint import datacache
from newslint.article import Article
from newslint.checks.mojibake import CLEAN_MARKS
from newslint.kinds.phrase import PackMatcher
from newslint.packs import PackError, load_pack


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    return folder


def _counting_build(source: Path):
    calls = []

    def build():
        calls.append(1)
        return source.read_text().upper()

    return calls, build


def test_entry_is_built_once_then_read_back(cache_dir, tmp_path):
    source = tmp_path / "pack.yaml"
    source.write_text("alpha")
    calls, build = _counting_build(source)
    assert datacache.cached("demo", [source], build) == "ALPHA"
    assert datacache.cached("demo", [source], build) == "ALPHA"
    assert len(calls) == 1
    assert len(list((cache_dir / "compiled").glob("demo-*.pickle"))) == 1


def test_changed_source_is_rebuilt_and_only_the_newest_entries_kept(cache_dir, tmp_path):
    source = tmp_path / "pack.yaml"
    calls, build = _counting_build(source)
    for n, text in enumerate(["alpha", "beta", "gamma", "delta", "epsilon"], 1):
        source.write_text(text)
        assert datacache.cached("demo", [source], build) == text.upper()
        assert len(calls) == n
    assert len(list((cache_dir / "compiled").glob("demo-*.pickle"))) == datacache.KEEP


def test_unwritable_cache_builds_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker))
    source = tmp_path / "pack.yaml"
    source.write_text("alpha")
    calls, build = _counting_build(source)
    assert datacache.cached("demo", [source], build) == "ALPHA"
    assert datacache.cached("demo", [source], build) == "ALPHA"
    assert len(calls) == 2


@pytest.mark.parametrize("damage", [b"\x80\x05truncated", b"", b"M" + marshal.dumps("ALPHA")[:-2]])
def test_damaged_entry_is_rebuilt(cache_dir, tmp_path, damage):
    source = tmp_path / "pack.yaml"
    source.write_text("alpha")
    calls, build = _counting_build(source)
    datacache.cached("demo", [source], build)
    (entry,) = (cache_dir / "compiled").glob("demo-*.pickle")
    entry.write_bytes(damage)  # an empty file cannot be mapped; a truncated one fails to unpack
    assert datacache.cached("demo", [source], build) == "ALPHA"
    assert len(calls) == 2


def test_invalid_pack_regex_is_a_pack_error(tmp_path):
    pack = tmp_path / "bad.yaml"
    pack.write_text(
        "rules:\n  - code: XX001\n    name: bad\n    kind: phrase\n    category: redundancy\n"
        "    severity: warning\n    summary: s\n    why: w\n    message: m\n    patterns: ['(unclosed']\n"
        "    examples: {fail: [a], ok: [b]}\n"
    )
    with pytest.raises(PackError, match="invalid pattern"):
        load_pack(pack)


def test_pickled_pack_matcher_matches_like_a_fresh_one():
    from newslint.packs import load_packs

    specs = [s for s in load_packs() if s.pack == "redundancy"]
    fresh = PackMatcher(specs)
    loaded = pickle.loads(pickle.dumps(fresh))
    text = "The past history of the joint cooperation was, in my personal opinion, an added bonus."
    assert loaded.matches(Article(text)) == fresh.matches(Article(text))
    assert fresh.matches(Article(text))


def test_clean_news_marks_never_form_mojibake():
    """The marks that let a line skip the mojibake check never match ftfy's pattern,
    alone, with ASCII text around them, or in runs of their own."""
    from ftfy.badness import BADNESS_RE

    around = string.printable
    samples = [a + b for a in CLEAN_MARKS for b in around] + [b + a for a in CLEAN_MARKS for b in around]
    samples += ["".join(t) for t in itertools.product(CLEAN_MARKS + " a.", repeat=4)]
    assert not [s for s in samples if BADNESS_RE.search(s)]


def test_a_source_hash_is_remembered_only_while_the_file_is_unchanged(cache_dir, tmp_path, monkeypatch):
    source = tmp_path / "words.txt"
    source.write_text("alpha")
    monkeypatch.setattr(datacache._Digests, "RACY", -1.0)  # trust even a file written just now
    digests = datacache._Digests()
    first = digests.of(source)
    digests.save()
    remembered = datacache._Digests()
    assert remembered.of(source) == first and not remembered.changed  # read from the record
    source.write_text("gamma")  # same size; a later modification time (the clock may be coarse)
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    assert remembered.of(source) != first
    calls, build = _counting_build(source)
    datacache._digests_in.cache_clear()
    assert datacache.cached("demo", [source], build) == "GAMMA"
    source.write_text("delta")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 2 * 10**9))
    assert datacache.cached("demo", [source], build) == "DELTA" and len(calls) == 2


def test_a_file_changed_within_the_racy_window_is_hashed_every_time(cache_dir, tmp_path):
    source = tmp_path / "words.txt"
    source.write_text("alpha")
    digests = datacache._Digests()
    digests.of(source)
    assert str(source) not in digests.known
