"""Tables kept in marshalled shards behave like the dicts they were packed from."""

from __future__ import annotations

import pickle

import pytest

from newslint.sharded import Buckets, Sharded, Words


def test_sharded_table_answers_like_its_dict_and_unpacks_only_what_is_asked():
    table = {"colour": 1, "color": 2, "col": 3, "a": 4, "Colour": 5, "zebra": 6}
    sharded = pickle.loads(pickle.dumps(Sharded(*Sharded.pack(table))))
    assert sharded["colour"] == 1 and sharded.get("Colour") == 5 and sharded.get("colr", 0) == 0
    assert "a" in sharded and "b" not in sharded and 7 not in sharded
    assert set(sharded._open) == {"col", "Col", "a", "b"}
    assert len(sharded) == len(table)
    assert dict(sharded.items()) == table and sorted(sharded) == sorted(table)


def test_a_set_packs_as_keys():
    words = Sharded(*Sharded.pack({"pre", "co", "wi-fi"}))
    assert "co" in words and "wi" not in words and sorted(words) == ["co", "pre", "wi-fi"]


def test_words_by_number():
    words = Words(*Words.pack(["the", "a", "colour", ""]))
    assert [words[i] for i in range(len(words))] == ["the", "a", "colour", ""] and words[-2] == "colour"


def test_tables_packed_into_one_blob_answer_like_their_dicts_through_the_data_cache(tmp_path, monkeypatch):
    from newslint import datacache

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "words.txt"
    source.write_text("colour")
    first = {"colour": 1, "color": 2, "a": 4, "zebra": 6}
    second = {"colour", "grey"}

    def build():
        heads, blob = Sharded.pack_into([first, second])
        return datacache.WithBlob(heads, blob)

    for _ in range(2):  # built, then read back from the mapped cache entry
        (head1, head2), blob = datacache.cached("blob-demo", [source], build)
        one, two = Sharded.mapped(head1, blob), Sharded.mapped(head2, blob)
        assert head1[0] is head2[0]  # one numbering of the prefixes, read once
        assert one["colour"] == 1 and one.get("zebra") == 6 and one.get("grey") is None
        assert "grey" in two and "color" not in two and len(two) == 2
        assert dict(one.items()) == first and sorted(two) == ["colour", "grey"]
        assert dict(pickle.loads(pickle.dumps(one)).items()) == first
    assert isinstance(blob, memoryview)


def test_key_hashes_never_rule_out_a_key_they_were_packed_from():
    from newslint.sharded import KeyHashes

    keys = ["colour", "Colour", "naïve", "a", "wi-fi", "\udcff", *(f"w{i}" for i in range(5000))]
    hashes = KeyHashes(KeyHashes.pack(keys))
    assert all(hashes.may_hold(k) for k in keys)
    assert sum(hashes.may_hold(f"x{i}") for i in range(5000)) < 5  # CRC-32 collisions are rare
    assert not KeyHashes(KeyHashes.pack([])).may_hold("colour")


def test_a_table_with_key_hashes_answers_absent_keys_without_unpacking_their_shard():
    from newslint.sharded import KeyHashes

    table = {"colour": 1, "zebra": 6, "col": 3}
    head, blob = Sharded.pack_into([table])
    hashed = Sharded.mapped(head[0], blob, KeyHashes.pack(table))
    assert hashed.get("zebu") is None and "zeb" not in hashed and "qqq" not in hashed and not hashed._open
    assert hashed["zebra"] == 6 and hashed.get("colour") == 1 and "col" in hashed and "colr" not in hashed
    copy = pickle.loads(pickle.dumps(hashed))
    assert dict(copy.items()) == table and copy.get("zebu", 0) == 0 and copy._may_hold is not None


def test_starting_gives_the_shard_of_a_prefix():
    words = Sharded(*Sharded.pack({"colour": 1, "color": 2, "cold": 3, "heat": 4, "co": 5}))
    assert words.starting("col") == {"colour": 1, "color": 2, "cold": 3} and words.starting("xyz") == {}


def test_buckets_answer_like_their_dict_through_the_data_cache_and_open_only_what_is_asked(tmp_path, monkeypatch):
    from newslint import datacache

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "weights.txt"
    source.write_text("w")
    table = {f"<w> of {i}": i / 7 for i in range(1000)} | {"said that": 0.4, "": -1.0, "é ü": 2.0}
    for _ in range(2):  # built, then read back from the mapped cache entry
        head, blob = datacache.cached("buckets-demo", [source], lambda: datacache.WithBlob(*Buckets.pack(table)))
        weights = Buckets.mapped(head, blob)
        assert all(weights.get(key) == value for key, value in table.items())
        assert weights.get("said") is None and weights.get("absent", 0.0) == 0.0 and len(weights) == len(table)
        assert weights["é ü"] == 2.0 and "said that" in weights and "said" not in weights and 5 not in weights
        with pytest.raises(KeyError):
            weights["said"]
    fresh = Buckets.mapped(head, blob)
    fresh.get("said that")
    assert sum(bucket is not None for bucket in fresh._open) == 1 < len(fresh._open)


def test_a_big_prefix_is_split_and_read_by_the_shard_of_its_next_letter():
    from newslint.sharded import SPLIT_ABOVE

    table = {f"con{c}{i}": i for c in "sfd" for i in range(SPLIT_ABOVE)} | {"con": -1, "co": -2, "cat": -3}
    for sharded in (Sharded(*Sharded.pack(table)), pickle.loads(pickle.dumps(Sharded(*Sharded.pack(table))))):
        assert sharded["cons7"] == 7 and sharded["con"] == -1 and sharded.get("conx") is None and "co" in sharded
        assert set(sharded._open) == {"cons", "con", "conx", "co"}  # one letter's shard each, not all of "con"
        assert sharded.starting("con") == {k: v for k, v in table.items() if k.startswith("con")}
        assert dict(sharded.items()) == table and len(sharded) == len(table)
    (head,), blob = Sharded.pack_into([table])
    mapped = Sharded.mapped(head, blob)
    assert mapped["conf3"] == 3 and mapped.starting("cat") == {"cat": -3} and dict(mapped.items()) == table


def test_buckets_asked_about_many_keys_are_read_whole_and_answer_the_same(monkeypatch):
    from newslint import sharded

    monkeypatch.setattr(sharded, "WHOLE_AFTER", 50)
    table = {f"<w> of {i}": i / 7 for i in range(1000)}
    weights = Buckets.mapped(*Buckets.pack(table))
    asked = [f"<w> of {i}" for i in range(0, 2000, 3)]  # a third absent
    answers = [weights.getter()(key) for key in asked]
    assert weights.whole is not None and len(weights.asked) == 0  # read whole, the asked keys let go
    assert answers == [table.get(key) for key in asked]
    assert [weights.get(key, -1.0) for key in asked] == [table.get(key, -1.0) for key in asked]
