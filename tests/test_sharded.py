"""Tables kept in marshalled shards behave like the dicts they were packed from."""

from __future__ import annotations

import pickle

from newslint.sharded import Sharded, Unpacked, Words


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


def test_unpacked_values_by_key():
    import marshal

    tables = Unpacked({5: marshal.dumps({"^a": [1, 2]})})
    assert tables.get(5) == {"^a": [1, 2]} and tables.get(6) is None and tables.get(6, {}) == {}


def test_words_by_number():
    words = Words(*Words.pack(["the", "a", "colour", ""]))
    assert [words[i] for i in range(len(words))] == ["the", "a", "colour", ""] and words[-2] == "colour"
