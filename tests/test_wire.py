"""Wire datelines (both orders), their rewrite, and country data read only when needed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newslint.article import Article
from newslint.checks.wire import english_dateline
from newslint.config import Config
from newslint.datelines import read_dateline
from newslint.engine import Linter


def _read(text: str):
    return read_dateline(text, 0, len(text))


@pytest.mark.parametrize(
    "text,agency,place,credit,rewrite",
    [
        ("Xinhua News Agency, Kuwait City, July 26 (Reporter Wang Qiang) The emir spoke.",
         "Xinhua News Agency", "Kuwait City", "Reporter Wang Qiang", "KUWAIT CITY, July 26 (Xinhua) — "),
        ("China News Network, Guangzhou, September 27th (Guo Jun, Xu Jing) Trains were added.",
         "China News Network", "Guangzhou", "Guo Jun, Xu Jing", "GUANGZHOU, September 27 (China News Service) — "),
        ("China News Service, July 26 According to the embassy, the talks ended.",
         "China News Service", None, None, None),
    ],
)
def test_agency_first_datelines_are_read_and_rewritten(text, agency, place, credit, rewrite):
    found = _read(text)
    assert found is not None and found.agency_first
    assert (found.agency, found.place, found.credit) == (agency, place, credit)
    assert english_dateline(found) == rewrite


def test_english_order_dateline_keeps_the_agency_tag_apart_from_credits():
    found = _read("BEIJING, July 26 (Xinhua) -- The embassy said the talks ended.")
    assert found is not None and not found.agency_first
    assert (found.place, found.agency, found.credit) == ("BEIJING", "Xinhua", None)
    assert _read("Beijing, Sept. 27 (Reporter Du Yan) Prices held.").credit == "Reporter Du Yan"


@pytest.mark.parametrize("text", ["On July 26, the embassy said the talks ended.", "Smith, 45, said on Monday."])
def test_prose_is_not_a_dateline(text):
    assert _read(text) is None


def test_long_lead_does_not_count_a_chinese_dateline_and_credit():
    lead = ("Kuwait's central bank said on the 26th that it would keep its benchmark rate at 1.5 percent "
            "for a fourth month because inflation stayed low and growth was steady this year.")
    words = len(lead.split())
    text = f"Rates held\n\nXinhua News Agency, Kuwait City, July 26 (Reporters Wang Qiang and Li Ming) {lead}"
    found = [d for d in Linter(Config(select=("ST002",))).lint(Article(text)) if d.code == "ST002"]
    assert [d.message for d in found] == [f"lead of {words} words (over 30); consider a shorter one"]


def test_country_data_is_read_only_when_a_dateline_names_a_place():
    script = (
        "from newslint.article import Article\n"
        "from newslint.config import Config\n"
        "from newslint.country_facts import countries\n"
        "from newslint.engine import Linter\n"
        "linter = Linter(Config())\n"
        "linter.lint(Article('Talks open\\n\\nThe president opened talks with unions on Friday.'))\n"
        "print(countries.cache_info().currsize > 0)\n"  # read (from the data cache or countryinfo) or not
        "found = linter.lint(Article('Talks open\\n\\nTUNISIA, July 3 (Xinhua) -- Talks opened.'))\n"
        "print(countries.cache_info().currsize > 0, [d.suggestions for d in found if d.code == 'EN020'])\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[:2] == ["False", "True [('TUNIS',)]"]
