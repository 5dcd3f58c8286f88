"""The country facts the rules read, kept in the data cache (newslint/country_facts.py)."""

from __future__ import annotations

from newslint import country_facts, datacache


def test_facts_read_back_from_the_data_cache_are_countryinfos(tmp_path, monkeypatch):
    from countryinfo import CountryInfo

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    datacache._digests_in.cache_clear()
    try:
        country_facts.countries.cache_clear()
        built = country_facts.countries()  # read from countryinfo and stored
        country_facts.countries.cache_clear()
        again = country_facts.countries()  # read back
        assert len(list((tmp_path / "cache" / "compiled").glob("country-facts-*"))) == 1
    finally:
        country_facts.countries.cache_clear()
        datacache._digests_in.cache_clear()
    every = CountryInfo.all()
    assert list(built) == list(again) == list(every) and len(every) > 200
    for key, data in every.items():
        assert built[key] == again[key] == {f: data[f] for f in ("name", "capital", "provinces", "demonym") if f in data}


def test_the_package_stamp_changes_with_a_file(tmp_path, monkeypatch):
    from types import SimpleNamespace

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "spain.json").write_text('{"name": "Spain"}')
    monkeypatch.setattr(country_facts, "find_spec", lambda name: SimpleNamespace(submodule_search_locations=[str(tmp_path)]))
    before = country_facts._package_stamp()
    (tmp_path / "data" / "spain.json").write_text('{"name": "Spain", "capital": "Madrid"}')
    assert country_facts._package_stamp() != before and "spain.json" in before
