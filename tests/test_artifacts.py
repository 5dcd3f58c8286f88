"""Pipeline artifacts: untranslated text (TR200) and encoding damage (EC001-EC008)."""

from __future__ import annotations

from newslint.article import Article
from newslint.scripts import scan_scripts, script_of
from newslint.config import Config, RuleSetting
from newslint.engine import Linter
from newslint.fixes import apply_fixes


def run(code: str, text: str, **options):
    rules = {code: RuleSetting(options=options)} if options else {}
    return Linter(Config(select=(code,), rules=rules)).lint(Article(text, "<test>"))


def spans(code: str, text: str, **options) -> list[tuple[str, str]]:
    return [(text[d.offset : d.end_offset], d.severity.value) for d in run(code, text, **options)]


# ---- scripts and untranslated text ---------------------------------------------------

def test_script_of():
    assert script_of("Ж") == "Cyrillic"
    assert script_of("中") == "Han"
    assert script_of("ア") == "Katakana"
    assert script_of("한") == "Hangul"
    assert script_of("ب") == "Arabic"
    assert script_of("é") is None and script_of("\u0301") is None


def test_runs_join_words_and_stop_at_latin_and_line_breaks():
    a = Article("H\n\nThe Кремль сказал 22 нет, and Путин\nМосква")
    runs = scan_scripts(a).runs
    assert [a.text[r.start : r.end] for r in runs] == ["Кремль сказал 22 нет", "Путин", "Москва"]
    assert [r.words for r in runs] == [3, 1, 1]


def test_long_run_is_a_warning_and_a_name_is_info():
    text = "H\n\nHe said Мы не будем вести переговоры and left. The leader, Владимир Путин, spoke."
    assert spans("TR200", text) == [
        ("Мы не будем вести переговоры", "warning"),
        ("Владимир Путин", "info"),
    ]


def test_unspaced_scripts_count_characters():
    found = run("TR200", "H\n\nCheck the rules 查询直招士官条件和各地 online, said Xi Jinping (习近平).")
    assert [(d.severity.value, d.message) for d in found] == [
        ("warning", "untranslated Chinese text '查询直招士官条件和各地' (11 characters)"),
        ("info", "Chinese script '习近平' in English text; keep it only as a gloss of a transliterated name"),
    ]


def test_bracketed_gloss_stays_info():
    text = "H\n\nThe Ministry of Foreign Affairs (中华人民共和国外交部) said so."
    assert spans("TR200", text) == [("中华人民共和国外交部", "info")]


def test_japanese_and_korean_are_named():
    found = run("TR200", "H\n\nThe sign said 東京へようこそ and the other 서울에 오신 것을 환영합니다 today.")
    assert [d.message.split("'")[0] for d in found] == ["untranslated Japanese text ", "untranslated Korean text "]


def test_option_and_names_switch():
    text = "H\n\nThe leader, Владимир Путин, spoke."
    assert spans("TR200", text, **{"warn-words": 2}) == [("Владимир Путин", "warning")]
    assert spans("TR200", text, **{"report-names": False}) == []


def test_single_letters_and_mixed_words_are_left_to_other_rules():
    text = "H\n\nThe beta (β) test ran at 22 °С in Mоscow, where π was 3.14."
    assert run("TR200", text) == []


def test_mostly_foreign_article_gets_one_finding():
    text = "Заголовок\n\nПервый абзац текста.\n\nВторой абзац текста.\n\nТретий абзац.\n\nЧетвёртый абзац."
    found = run("TR200", text)
    assert len(found) == 1 and found[0].message == "most of the text is Cyrillic, not English"


# ---- mojibake ------------------------------------------------------------------------

def test_mojibake_message_names_the_text_and_the_repair():
    [d] = run("EC001", "H\n\nThe minister said he donâ€™t know.")
    assert d.message == "mojibake 'â€™' in 'donâ€™t' (UTF-8 text read as Windows-1252), probably '’'"
    assert d.fix.applicability == "unsafe"


def test_mojibake_fixes_apply():
    text = "H\n\nThe cafÃ© in MÃ¶nchengladbach sold Â£5 â€œteasâ€\x9d."
    out = apply_fixes(text, run("EC001", text), unsafe=True)
    assert out == "H\n\nThe café in Mönchengladbach sold £5 “teas”."


def test_mojibake_leaves_real_text_alone():
    text = "H\n\nSÃO PAULO and São Paulo, the café, £5 – “no” – don’t, naïve, 5×2, ½ and © 2020."
    assert run("EC001", text) == []


def test_c1_control_from_windows_1252_is_mojibake_not_a_control():
    text = "H\n\nThe minister\x92s aide left."
    assert [d.code for d in Linter(Config(select=("EC",))).lint(Article(text))] == ["EC001"]


# ---- HTML ------------------------------------------------------------------------------

def test_html_entities_decode_with_safe_fix():
    text = "H\n\nBryn F&#244;n, AT&amp;T, a caf&eacute; and x&#x27;s."
    found = run("EC002", text)
    assert [text[d.offset : d.end_offset] for d in found] == ["&#244;", "&amp;", "&eacute;", "&#x27;"]
    assert all(d.fix.applicability == "safe" for d in found)
    assert apply_fixes(text, found) == "H\n\nBryn Fôn, AT&T, a café and x's."


def test_entity_message():
    [d] = run("EC002", "H\n\nBryn F&#244;n was freed.")
    assert d.message == "HTML entity '&#244;' in 'F&#244;n' stands for 'ô'"


def test_lost_apostrophe_follows_the_article_style():
    straight = "H\n\nMr Blair&#191;s plan, the party's view."
    curly = "H\n\nMr Blair&#191;s plan, the party’s view."
    assert apply_fixes(straight, run("EC002", straight), unsafe=True).endswith("Blair's plan, the party's view.")
    assert apply_fixes(curly, run("EC002", curly), unsafe=True).endswith("Blair’s plan, the party’s view.")


def test_double_escaped_and_non_entities():
    [d] = run("EC002", "H\n\nThe talks &amp;eacute; ended.")
    assert d.message.startswith("double-escaped HTML entity '&amp;eacute;'") and d.fix.edits[0].replacement == "é"
    assert run("EC002", "H\n\nAT&T, R&D, Q&A, B&Q; M&S;shares &foo; rose.") == []


def test_nbsp_without_semicolon():
    [d] = run("EC002", "H\n\nProfits rose&nbsp5%.")
    assert d.message.endswith("stands for a no-break space")


def test_html_tags_but_not_less_than_signs():
    text = "H\n\n<p>Inflation stayed < 5% and x<y, a <Name> and <3.</p><br/>Next <img src='a.png' alt=\"\"> end"
    assert [text[d.offset : d.end_offset] for d in run("EC003", text)] == [
        "<p>", "</p>", "<br/>", "<img src='a.png' alt=\"\">",
    ]


def test_breaking_tag_between_words_becomes_a_space():
    text = "H\n\nOne.<br>Two <b>bold</b> end."
    assert apply_fixes(text, run("EC003", text), unsafe=True) == "H\n\nOne. Two bold end."


# ---- characters -------------------------------------------------------------------------

def test_replacement_character():
    [d] = run("EC004", "H\n\nThe talks in M\ufffd\ufffdnchen ended.")
    assert d.message == "replacement character \ufffd in 'M\ufffd\ufffdnchen': a character was lost in decoding"


def test_control_characters_but_not_tab_or_line_breaks():
    text = "H\n\nA\tB\r\nC\x0bD \x00 E\u2028F"
    found = run("EC005", text)
    assert [d.message for d in found] == [
        "vertical tab control character U+000B between 'C' and 'D'",
        "null control character U+0000 between spaces",
        "line separator control character U+2028 between 'E' and 'F'",
    ]
    assert apply_fixes(text, found, unsafe=True) == "H\n\nA\tB\r\nC D  E F"


def test_invisible_characters_and_legit_joiners():
    text = "H\n\nMos\u200b\u200bcow, inter\u00adnational, \U0001F469\u200d\U0001F4BB, \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645."
    found = run("EC006", text)
    assert [d.message for d in found] == [
        "2 × zero-width space U+200B between 'Mos' and 'cow,'",
        "soft hyphen U+00AD between 'inter' and 'national,'",
    ]
    assert apply_fixes(text, found).startswith("H\n\nMoscow, international,")


def test_no_break_space_is_not_an_error():
    assert [d.code for d in Linter(Config(select=("EC",))).lint(Article("H\n\nIt cost £5\u00a0million, 10\u202fkm away."))] == []


def test_bidi_controls_only_outside_rtl_lines():
    text = "H\n\nThe talks\u200e ended.\n\nThe sign read \u200fשלום\u200e today."
    assert [d.message for d in run("EC007", text)] == ["left-to-right mark U+200E after 'talks'"]


def test_lookalike_letters():
    text = "H\n\nIn Mоsсow it was 22 °С at noon; ТАСС-reported and Москва and Κ-pop."
    found = run("EC008", text)
    assert [(text[d.offset : d.end_offset], d.fix.applicability) for d in found] == [
        ("Mоsсow", "safe"), ("С", "unsafe"), ("Κ", "unsafe"),
    ]
    assert found[0].message == "'Mоsсow' has Cyrillic look-alike letters (U+043E, U+0441), probably 'Moscow'"


def test_rules_are_silent_on_clean_copy():
    text = (
        "Minister resigns over leak\n\nThe minister, who earned £60,000 (€70,000), resigned on Monday – "
        "a day after the leak. “It’s over,” she said. Inflation stayed < 5%.\n\nJosé Manuel Barroso "
        "and Lech Wałęsa met in Gdańsk at 10\u00a0am."
    )
    found = Linter(Config(select=("EC", "TR200"))).lint(Article(text))
    assert found == []
