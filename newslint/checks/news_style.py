"""News style: a title with a bare surname on first reference, long leads, datelines and headline form."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable

from newslint.article import Article, Span, per_article
from newslint.ascii_words import ascii_words
from newslint.article_facts import ArticleFact, window_of
from newslint.checks.headline import body_headline, headline_text, normalise, similar, too_long_to_match
from newslint.datelines import read_dateline
from newslint.diagnostic import Finding, Severity
from newslint.pieces import Piece
from newslint.rule import CheckContext, Examples, Option, Rule, RuleInfo
from newslint.prefiltered import prefiltered
from newslint.trie_pattern import trie

# ---- titles and names --------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_LETTER = r"[^\W\d_]"
# Heads of state and government: British and other native copy often writes "President
# Bush" on first reference, so these have a rule of their own that only fires on copy
# that shows other signs of translation.
_LEADER_HEADS = r"Prime Minister|President|Premier"
# Formal titles that go before a full name. Honorifics (Mr, Dr, Sir, Lord...) and royal or
# papal titles (King Charles, Pope Francis), which take a given name, are not here.
_TITLE_HEADS = (
    r"Secretary[- ]General|Attorney[- ]General|Solicitor[- ]General|Governor[- ]General|"
    r"Director[- ]General|Inspector[- ]General|Surgeon[- ]General|"
    r"Secretary(?: of (?:State|Defen[cs]e|the Treasury|the Interior|Homeland Security|Energy|Labor|"
    r"Commerce|Agriculture|Education|Transportation|Health and Human Services|Veterans Affairs|"
    r"Housing and Urban Development|the Navy|the Army|the Air Force))?|"
    r"Vice[- ]President|Chancellor|Minister|Senator|Sen\.|Governor|Gov\.|Mayor|"
    r"General|Gen\.|Admiral|Adm\.|Colonel|Col\.|Lt\.|Maj\.|Capt\.|Sgt\.|Marshal|Brigadier|"
    r"Judge|Justice|Ambassador|Commissioner|Chairman|Chairwoman|Chairperson|Superintendent|"
    r"Representative|Rep\.|Congressman|Congresswoman|Councillor|Cllr|"
    r"Archbishop|Cardinal|Ayatollah|Chief Executive|Chief Justice|Chief Constable"
)
_MODIFIER_WORDS = (
    r"Deputy|Vice|Foreign|Defen[cs]e|Home|Interior|Finance|Health|Education|Culture|"
    r"Trade|Justice|Environment|Transport|Energy|Economy|Agriculture|Labou?r|First|Chief|Acting|"
    r"Interim|Shadow|Junior|Assistant|Senior|Federal|State|Police|Army|Navy|Air|Opposition|"
    r"Lieutenant|Major|Colonel|Rear|Field"
)
_MODIFIERS = rf"(?:(?:{_MODIFIER_WORDS})(?:\s+|-)){{0,4}}"  # capped: "Deputy " x 16,000 stays linear
_PARTICLE = r"(?:(?:de|da|di|du|del|della|van|von|der|den|le|la|al|el|bin|ben|ibn|dos|das|ter)\s+|(?:al|el|bin|abu)-)"
_SURNAME = rf"(?:[{_UPPER}]{_LETTER}*[a-zß-ÿ]{_LETTER}*|O['’][{_UPPER}]{_LETTER}+)(?:-[{_UPPER}]{_LETTER}+)*"
_NAME_AFTER_TITLE = (
    rf"\s+(?P<name>{_PARTICLE}?(?P<surname>{_SURNAME}))"
    # not followed by another name word ("President George Bush") nor more of this word
    # ("President Ursula von der Leyen": particles may come two at a time)
    rf"(?![\w’'-]*\s+(?:[{_UPPER}]\.\s*)*{_PARTICLE}{{0,2}}[{_UPPER}])(?!{_LETTER}|&)"
)
# Every title starts with a capital: the look-ahead turns away a word in small letters
# before the alternatives are tried one by one (the same matches, three times quicker).
_TITLE_NAME = prefiltered(re.compile(
    rf"\b(?=[A-Z])(?P<title>(?P<leader>{_LEADER_HEADS})|{_MODIFIERS}(?:{_TITLE_HEADS})){_NAME_AFTER_TITLE}"
))


def _literal_starts(alternation: str) -> list[str]:
    """The letters each top-level alternative of a regex alternation starts with, up to its
    first character that is not a plain letter (or the letter a quantifier makes optional):
    ``"Secretary[- ]General|Sen\\.|Labou?r"`` -> ``["Secretary", "Sen", "Labo"]``."""
    starts, depth, current = [], 0, ""
    for alternative in re.split(r"(\||\(|\))", alternation):
        if alternative == "|" and depth == 0:
            starts.append(current)
            current = ""
        elif alternative in ("(", ")"):
            depth += 1 if alternative == "(" else -1
            current += alternative
        else:
            current += alternative
    starts.append(current)
    return [re.match(r"[A-Za-z]*?(?=[A-Za-z]?[?*{]|[^A-Za-z]|$)", alt).group() for alt in starts]


# Where a title can start: each match of _TITLE_NAME begins with one of these (a leader's
# title, a modifier or a title's first letters), so it is tried only where one stands
# (``_title_names``), not at every capital ("\b" first gives ``re`` no letter to look for).
_TITLE_STARTS = re.compile(trie(_literal_starts(_LEADER_HEADS) + _literal_starts(_MODIFIER_WORDS) + _literal_starts(_TITLE_HEADS)))
_GIVEN = rf"[{_UPPER}]{_LETTER}+(?:-[{_UPPER}]{_LETTER}+)?|[{_UPPER}]\.?(?:\s*[{_UPPER}]\.)*"
# Words after a title that are not surnames: institutions, laws, products, the title's tail.
_NOT_SURNAMES = frozenset(
    """Motors Electric Mills Dynamics Foods Assembly Accounting Synod Council Committee Office
    Department Secretary General Elect Emeritus Designate Minister Ministers President Chancellor
    Secretaries Hospital Court Courts House Street Square Road Avenue Airport University College
    School Station Palace Day Hotel Theatre Club Cup Trophy Award Awards Prize Fund Bank Board
    Commission Service Services Group Election Elections Strike Staff Headquarters Manager
    Practitioner Medical Public Counsel Consul Agent Affairs Register Post Plan Motor Rules Debate
    Questions Time Times League Leagues Bill Act Division Trust Party Forum Union Association
    Federation Foundation Institute Society Centre Center Agency Authority Corporation Company
    Conference Summit Treaty Accord Review Report Scheme Index Series Championship Games Studies
    Organization Organisation Factory Works Secretariat Bureau Directorate Headquarters Staffs
    Consulate Chamber Counselor Counsellor Prosecutor Prosecutors Inspectorate
    System Systems Programme Program Ministry Administration Directorate Inquiry Commissioners
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Sir Lord Lady Dame Baroness Baron Mr
    Mrs Ms Dr Prof Professor The This That These Those It He She They We His Her Their Our Its
    Of And In On At For Who Whose Which What When Where While After Before""".split()
)
_NOT_GIVEN = re.compile(
    rf"(?:{_LEADER_HEADS}|{_TITLE_HEADS}|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Lord|Lady|Dame|"
    r"Baroness|Baron|King|Queen|Prince|Princess|Pope|Saint|St|The|A|An|In|On|At|For|And|But|By|"
    r"If|As|When|While|After|Before|Former|Then|Now|Deputy|Prime|Foreign|Home|Vice|Acting|"
    r"Interim|Chief|Under|Says|Said|Of|To|From|With|Without|Against|Between)$"
)
# "Mr Justice Eady", "Lord Justice Rix": an honorific before the title is a British judge's
# style; "the frigate Admiral Gorshkov" is a ship named after someone.
_VESSELS = (
    r"ship|vessel|frigate|destroyer|corvette|cruiser|submarine|carrier|icebreaker|boat|tanker|liner|"
    r"warship|flagship|steamer|yacht|ferry|trawler|tug|chaser"
)
_NOT_A_PERSON_BEFORE = re.compile(rf"(?:\b(?:Mr|Mrs|Ms|Lord|Lady|Dame|Sir|Madam)\.?|\b(?:{_VESSELS}|HMS|USS|MV|RFS))\s+$")
_VESSEL_AFTER = re.compile(rf"\s+(?:{_VESSELS})s?\b")
# "the Judge Dredd film", "a President Snow character": a title that names a work or a role
_WORK_AFTER = re.compile(
    r"['’]?s?\s+(?:film|movie|comic|strip|character|series|show|book|novel|franchise|soundtrack|"
    r"sequel|remake|musical|play|cartoon|trilogy|game|story|stories|role|costume|actor|star)s?\b"
)


@dataclass(frozen=True)
class BareSurname:
    """A title with a surname and no given name, where no full name came before."""

    start: int
    end: int
    title: str
    name: str
    leader: bool
    later: str | None


@per_article
def bare_surnames(article: Article) -> list[BareSurname]:
    """First references made of a title and a bare surname, in the body."""
    text = article.text
    piece = window_of(article)
    titled, full = TITLED(article), FULL_NAMES(article)
    found: list[BareSurname] = []
    for m in _title_names(article, _body_start(article), len(text)):
        first = titled.get(m.group("surname"))
        if first is None or first[0] != piece.to_article(m.start()):
            continue  # not a surname's first reference
        if (
            _NOT_A_PERSON_BEFORE.search(text, max(0, m.start() - 12), m.start())
            or _VESSEL_AFTER.match(text, m.end())
            or _WORK_AFTER.match(text, m.end())
            or article.in_quote(m.start())
        ):
            continue
        name = m.group("name")
        known = full.get(name, [])
        if known and known[0][1] <= piece.to_article(m.start()):
            continue  # the full name came earlier
        title = " ".join(m.group("title").split())
        later = _full_name_between(article, name, m.end(), len(text))
        if later is None:
            later = next((found for start, _, found in known if start >= piece.end), None)
        found.append(BareSurname(m.start(), m.end(), title, name, bool(m.group("leader")), later))
    return found


def _title_names(article: Article, start: int, end: int) -> list[re.Match[str]]:
    """Each title and name in text[start:end], found once per article: a whole article's
    first references and its surnames after titles are both read from its body."""
    key = (_title_names, start, end)
    found = article.cache.get(key)
    if found is None:
        text = article.text
        found = article.cache[key] = [] if _TITLE_NAME.absent(text) else _titles_at_starts(text, start, end)
    return found  # type: ignore[return-value]


def _titles_at_starts(text: str, start: int, end: int) -> list[re.Match[str]]:
    """``_TITLE_NAME.finditer(text, start, end)``, the regex tried only where
    ``_TITLE_STARTS`` finds a title's first letters: every match starts there, and a place
    inside what it found (letters after a letter) is no word boundary, where a match must start."""
    found: list[re.Match[str]] = []
    title, after = _TITLE_NAME.regex, start  # after: where the last match ends
    for candidate in _TITLE_STARTS.finditer(text, start, end):
        at = candidate.start()
        if at >= after:
            m = title.match(text, at, end)
            if m is not None:
                found.append(m)
                after = m.end()
    return found


def _titled(article: Article, piece: Piece) -> dict[str, tuple[int, str]]:
    """Where each surname is first named after a title ("Foreign Minister Lavrov"), with the
    name as written there, in the piece's own body text."""
    found: dict[str, tuple[int, str]] = {}
    for m in _title_names(article, max(piece.own, _body_start(article)), piece.own_end):
        surname = m.group("surname")
        if surname not in _NOT_SURNAMES and surname not in found:
            found[surname] = (piece.to_article(m.start()), m.group("name"))
    return found


def _keep_first(parts: list[dict[str, tuple[int, str]]]) -> dict[str, tuple[int, str]]:
    merged: dict[str, tuple[int, str]] = {}
    for part in parts:
        for key, value in part.items():
            merged.setdefault(key, value)
    return merged


TITLED = ArticleFact(_titled, _keep_first)
"""Each surname's first mention after a title: (offset, name)."""

FullName = tuple[int, int, str]  # where the given name starts, where the surname ends, the full name


def _full_names(article: Article, piece: Piece) -> dict[str, FullName]:
    """The first full name ("Jens Stoltenberg") in the piece's own body text of each name
    that follows a title somewhere in the article."""
    start = max(piece.own, _body_start(article))
    found: dict[str, FullName] = {}
    for _, name in TITLED(article).values():
        span = _full_name_span(article, name, start, piece.own_end)
        if span is not None and name not in found:
            found[name] = (piece.to_article(span[0]), piece.to_article(span[1]), article.text[span[0]:span[1]])
    return found


def _each_piece(parts: list[dict[str, FullName]]) -> dict[str, list[FullName]]:
    merged: dict[str, list[FullName]] = {}
    for part in parts:
        for name, value in part.items():
            merged.setdefault(name, []).append(value)
    return merged


FULL_NAMES = ArticleFact(_full_names, _each_piece, needs=(TITLED,))
"""For each titled name, the first full name in each piece that has one, in text order."""


_BEFORE_NAME = re.compile(rf"\b(?P<given>{_GIVEN})\s+(?:[{_UPPER}]\.\s*)*{_PARTICLE}{{0,2}}$")
_NAME_WORD = re.compile(r"[^\W\d_]+")
_IS_LETTER = re.compile(_LETTER)
_GIVEN_WINDOW = 120  # characters before a surname searched for its given name and initials


def _word_starts(article: Article, word: str) -> list[int]:
    """Where ``word`` (letters) stands as a whole word (``_NAME_WORD``'s run of letters), in
    text order, found once per article and word with ``str.find``: a surname's mentions."""
    key = (_word_starts, word)
    found = article.cache.get(key)
    if found is None:
        found = article.cache[key] = _whole_word_starts(article.text, word)
    return found  # type: ignore[return-value]


def _whole_word_starts(text: str, word: str) -> list[int]:
    """Where ``_NAME_WORD.finditer(text)`` finds exactly ``word`` (a run of letters): its
    occurrences with no letter on either side."""
    starts, size, letter = [], len(word), _IS_LETTER.match
    at = text.find(word)
    while at >= 0:
        if not (at and letter(text, at - 1) or letter(text, at + size)):
            starts.append(at)
        at = text.find(word, at + size)
    return starts


def _full_name_between(article: Article, surname: str, start: int, end: int) -> str | None:
    """The first "Jens Stoltenberg" or "George W. Bush" for this surname in text[start:end]."""
    span = _full_name_span(article, surname, start, end)
    return article.text[span[0] : span[1]] if span else None


def _full_name_span(article: Article, surname: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the first "Jens Stoltenberg" or "George W. Bush" for this surname in
    text[start:end] begins and ends.

    Only the surname's own mentions are looked at (from a per-article word index), each
    with a bounded window before it, so an article with thousands of surnames stays linear.
    """
    text = article.text
    first = _NAME_WORD.match(surname)
    mentions = _word_starts(article, first.group()) if first else []
    for pos in mentions[bisect.bisect_left(mentions, start):]:
        after = pos + len(surname)
        if after > end:
            break
        if not text.startswith(surname, pos) or (after < end and _IS_LETTER.match(text, after)):
            continue
        m = _BEFORE_NAME.search(text, max(start, pos - _GIVEN_WINDOW), pos)
        if m and not any(_NOT_GIVEN.match(part) for part in m.group("given").split("-")):
            return m.start(), after
    return None


def _body_start(article: Article) -> int:
    body = article.body_paragraphs
    return body[0].start if body else len(article.text)


def _bare_surname_message(found: BareSurname) -> str:
    later = f"; the full name '{found.later}' comes only later" if found.later else ""
    return f"'{found.title} {found.name}' on first reference has no given name{later}"


class TitleWithoutGivenName(Rule):
    info = RuleInfo(
        code="ST001",
        name="title-without-given-name",
        category="style",
        severity=Severity.WARNING,
        summary="Flags a title and a bare surname on first reference (\"Secretary-General Stoltenberg said\").",
        why=(
            "News style gives a person's full name on first reference (\"NATO Secretary General "
            "Jens Stoltenberg\") and the surname alone after that. A title with only a surname "
            "before the full name has appeared is a translation habit or an editing slip; "
            "readers may not know who is meant. Honorifics (Mr, Dr, Sir, Lord), royal and papal "
            "titles, and British judges (\"Mr Justice Eady\") are not covered; presidents and "
            "prime ministers are left to leader-title-without-given-name."
        ),
        examples=Examples(
            fail=(
                "NATO rejects demands\n\nNATO Secretary-General Stoltenberg said the alliance would not bow.",
                "Talks stall\n\nForeign Minister Lavrov met the envoy. Sergei Lavrov said later that talks had failed.",
                "Talks stall\n\nThe talks ended, Labour Minister Ghazi said.",
            ),
            ok=(
                "NATO rejects demands\n\nNATO Secretary General Jens Stoltenberg said the alliance would "
                "not bow. Secretary General Stoltenberg added that talks would go on.",
                "Budget row\n\nChancellor Gordon Brown said the budget was fair. Mr Brown left.",
                "Car sales fall\n\nSales at General Motors fell, and Lord Falconer and Dr Smith said so.",
                "Talks stall\n\n\"Secretary-General Stoltenberg will decide,\" the envoy said.",
                "Talks stall\n\nLord Justice Rix and Mr Justice Forbes ruled on the Criminal Justice Bill.",
                "Talks stall\n\nThe Premier League said so.",
                "Talks stall\n\nLabour Minister Ghazi al-Gosaibi and EC President Jos\u00e9 Manuel Barroso met.",
                "Talks stall\n\nOfficials, including President Putin, believe the talks failed.",
                "Song released\n\nThe song was written for the Judge Dredd film soundtrack.",
            ),
        ),
    )

    facts = (TITLED, FULL_NAMES)

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for found in bare_surnames(article):
            if not found.leader:
                yield Finding(found.start, found.end, _bare_surname_message(found))


class LeaderTitleWithoutGivenName(Rule):
    info = RuleInfo(
        code="ST003",
        name="leader-title-without-given-name",
        category="style",
        severity=Severity.WARNING,
        summary=(
            "Flags \"President Putin\" or \"Prime Minister Blair\" with no given name on first "
            "reference, in copy that looks translated."
        ),
        why=(
            "Agency style wants \"Russian President Vladimir Putin\" on first reference. British "
            "papers, the BBC among them, write \"President Bush\" for a leader every reader "
            "knows, so this rule is gated: it fires only when the article shows other signs of "
            "translation, or when a source language is set."
        ),
        examples=Examples(
            fail=(
                "Talks stall\n\nOfficials, including President Putin, believe the talks failed.",
                "Talks stall\n\nPrime Minister Blair said the talks had failed.",
            ),
            ok=(
                "Talks stall\n\nRussian President Vladimir Putin said the talks had failed. President Putin left.",
                "Talks stall\n\nThe President of France said the talks had failed.",
                "Talks stall\n\nCommission President Ursula von der Leyen said the talks had failed.",
                "Talks stall\n\nPresident Bashar al-Assad and Prime Minister Mahathir bin Mohamad met.",
            ),
        ),
        gated=True,
    )

    facts = (TITLED, FULL_NAMES)

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        for found in bare_surnames(article):
            if found.leader:
                yield Finding(found.start, found.end, _bare_surname_message(found))


# ---- lead length ---------------------------------------------------------------------

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DASH = r"(?:\s+--?|\s*[–—])\s+"  # a spaced hyphen, or an en or em dash
# December 24 –   Monday, Dec. 24, 2021 -   24 December -   (a date and no place)
_DATE_ONLY = (
    rf"(?:[A-Z][a-z]+day,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH})"
    rf"(?:,?\s+\d{{4}})?{_DASH}"
)
_DATELINE = re.compile(
    "|".join(
        (
            # MOSCOW (Reuters) -   WASHINGTON, Dec 24 (AP) —   PARIS, France —
            rf"[A-Z][A-Z.'’ -]+[A-Z.](?:,\s*[A-Z][A-Za-z.' ]+?)?(?:,\s*{_MONTH}\s+\d{{1,2}})?"
            rf"(?:\s*\([A-Za-z .&/-]{{2,30}}\))?{_DASH}",
            _DATE_ONLY,
        )
    )
)
_LEAD_WORD = re.compile(r"[^\W_]+(?:['’\-.,][^\W_]+)*")
_ASCII_LEAD_WORD = re.compile(r"[A-Za-z0-9]+(?:['’\-.,][A-Za-z0-9]+)*")  # the same where every letter is ASCII
_FINAL = re.compile(r"[.!?][\"'”’)]*$")
_SAME_HEADLINE = 0.9  # a paragraph this like the headline repeats it


@per_article
def lead_sentence(article: Article) -> Span | None:
    """The first sentence of the first prose paragraph after the headline (three rules ask)."""
    found = headline_text(article)
    head = normalise(found[1]) if found else ""
    for para in article.body_paragraphs:
        chunk = article.text[para.start : para.end]
        if not _FINAL.search(chunk) or (head and not too_long_to_match(chunk, head, _SAME_HEADLINE)
                                        and similar(normalise(chunk), head, _SAME_HEADLINE)):
            continue  # a repeated headline, a byline or a label, not the lead
        for sentence in article.sentences:
            if sentence.start >= para.start:
                return sentence
        return None
    return None


class LongLead(Rule):
    info = RuleInfo(
        code="ST002",
        name="long-lead",
        category="style",
        severity=Severity.WARNING,
        summary="Flags a lead (first sentence of the story) longer than 40 words; over 30 is info.",
        why=(
            "The lead carries the story in one short sentence. Reuters' rule of thumb: over 25 "
            "words get nervous, over 30 very nervous, around 40 split it. A dateline and its credit "
            "(\"MOSCOW (Reuters) -\", \"December 24 -\", \"Xinhua News Agency, Beijing, July 26 "
            "(Reporter Wang Qiang)\") are not counted; the headline is not the lead."
        ),
        examples=Examples(
            fail=(
                "NATO rejects demands\n\nDecember 24 – NATO's secretary general said on Thursday in response "
                "to Russia's security proposals, which were published by the foreign ministry in Moscow "
                "last week and demand an end to eastward expansion, that the alliance had never promised "
                "anyone in Europe or elsewhere that it would not expand. Officials agreed.",
            ),
            ok=(
                "NATO rejects demands\n\nMOSCOW (Reuters) - NATO's chief said on Thursday the alliance had "
                "never promised Russia it would not expand. Officials agreed.",
                "Rates held\n\nXinhua News Agency, Kuwait City, July 26 (Reporters Wang Qiang and Li Ming) "
                "Kuwait's central bank said on the 26th that it would keep its benchmark rate at 1.5 percent "
                "for a fourth month because inflation stayed low.",
            ),
        ),
        options={
            "max-words": Option(40, "a lead with more words than this is a warning"),
            "info-words": Option(30, "a lead with more words than this is info (0: never)"),
        },
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        sentence = lead_sentence(article)
        if sentence is None or article.in_quote(sentence.start):
            return
        text = article.text
        start = sentence.start
        dateline = _DATELINE.match(text, start, sentence.end)
        wire = read_dateline(text, start, sentence.end)  # also "Xinhua News Agency, Beijing, July 26 (Reporter ...)"
        start = max(start, dateline.end() if dateline else 0, wire.end if wire else 0)
        words = len((_ASCII_LEAD_WORD if ascii_words(text) else _LEAD_WORD).findall(text, start, sentence.end))
        limit, info_limit = context.options["max-words"], context.options["info-words"]
        if words > limit:
            yield Finding(start, sentence.end, f"lead of {words} words (over {limit}); split it")
        elif info_limit and words > info_limit:
            yield Finding(
                start, sentence.end, f"lead of {words} words (over {info_limit}); consider a shorter one",
                severity=Severity.INFO,
            )


# ---- dateline and headline form --------------------------------------------------------

_DATE_ONLY_DATELINE = re.compile(_DATE_ONLY)


class DatelineWithoutPlace(Rule):
    info = RuleInfo(
        code="ST004",
        name="dateline-without-place",
        category="style",
        severity=Severity.WARNING,
        summary="Flags a lead that opens with a date and a dash but no place (\"December 24 – ...\").",
        why=(
            "A dateline tells the reader where the story was reported: AP writes \"MOSCOW (AP) —\", "
            "Reuters \"MOSCOW, Dec 24 (Reuters) -\". A bare date is a leftover of a wire or "
            "translated source; name the place, or drop the dateline and put the day in the lead."
        ),
        examples=Examples(
            fail=("NATO rejects demands\n\nDecember 24 – NATO's chief said the alliance had never promised "
                  "Russia it would not expand.",),
            ok=("NATO rejects demands\n\nBRUSSELS, Dec 24 (Reuters) - NATO's chief said the alliance had "
                "never promised Russia it would not expand.",
                "NATO rejects demands\n\nNATO's chief said on 24 December - a Friday - that nothing was "
                "promised."),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        sentence = lead_sentence(article)
        if sentence is None:
            return
        found = _DATE_ONLY_DATELINE.match(article.text, sentence.start, sentence.end)
        if found:
            end = found.end()
            while end > found.start() and article.text[end - 1] in " \t–—-":
                end -= 1
            yield Finding(
                found.start(), end,
                f"dateline '{article.text[found.start():found.end()].strip()}' has no place; "
                "write 'CITY, Dec. 24 (Agency) —' or drop it",
            )


_HEADLINE_MAX_WORDS = 20
_HEADLINE_FULL_STOP = re.compile(
    r"(?<![.\s])(?<!\b[A-Z])" + "".join(rf"(?<!\b{a})" for a in ("Inc", "Ltd", "Co", "Jr", "Sr", "St", "Corp", "Bros", "etc"))
    + r"\.$"
)  # a closing full stop, not an ellipsis, an initial (U.S.) or an abbreviation
_HEADLINE_TWO_SENTENCES = re.compile(r"(?<=[a-z0-9’'\"”)]{2})[.!?](?=\s+[A-Z])")
_HEADLINE_SAID = re.compile(r"\bsaid\b")
_SENTENCE_MARKS = frozenset(".!?")  # one is in every match of _HEADLINE_TWO_SENTENCES


def _may_end_in_full_stop(line: str) -> bool:
    """Whether ``_HEADLINE_FULL_STOP`` may match: its ``$`` stands at the end or before a final line feed."""
    return line.endswith((".", ".\n"))


def _ends_a_title(line: str, mark: int) -> bool:
    """An exclamation or question mark after a capitalised word that does not start the
    headline belongs to a name or title ("Mamma Mia! Here We Go Again tops chart")."""
    words = line[:mark].split()
    return line[mark] in "!?" and len(words) > 1 and words[-1][:1].isupper()


class HeadlineForm(Rule):
    info = RuleInfo(
        code="ST005",
        name="headline-form",
        category="style",
        severity=Severity.WARNING,
        summary="Flags a headline that ends with a full stop or holds two sentences; past-tense 'said' is info.",
        why=(
            "News headlines are one clause without a closing full stop, in the present tense: "
            "\"NATO says it never promised not to expand\" (AP and Reuters style; BBC headlines "
            "follow it too: none of 2,127 ends with a full stop or holds two sentences). Two "
            "sentences or a full stop usually mean a translated or pasted title; use a colon. "
            "Only a first line followed by body text counts as a headline; quotes are left alone."
        ),
        examples=Examples(
            fail=(
                "Putin says expansion is unacceptable. NATO: never promised\n\nThe Kremlin said on Friday "
                "that talks would go on.",
                "Talks resume in Geneva.\n\nNegotiators met on Monday.",
                "Putin said NATO expansion is unacceptable\n\nThe Kremlin said on Friday that talks would go on.",
            ),
            ok=(
                "NATO says it never promised not to expand\n\nThe alliance said so on Friday.",
                "Blair 'said he would stand down'\n\nThe prime minister denied it.",
                "Talks resume in the U.S.\n\nNegotiators met on Monday.",
                "Rivals of the £400 Apple...\n\nA new computer went on sale.",
                "Negotiators met on Monday in Geneva.",
                "Mamma Mia! Here We Go Again tops the box office\n\nThe sequel opened on Friday.",
            ),
        ),
    )

    def check(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        found = body_headline(article, _HEADLINE_MAX_WORDS)
        if found is None:
            return
        start, line = found
        # (each pattern tries its look-behinds at every character: a headline without the
        # marks they need, most, is not searched)
        full_stop = _HEADLINE_FULL_STOP.search(line) if _may_end_in_full_stop(line) else None
        two = [m for m in _HEADLINE_TWO_SENTENCES.finditer(line)
               if not article.in_quote(start + m.start()) and not _ends_a_title(line, m.start())
               ] if not _SENTENCE_MARKS.isdisjoint(line) else []
        if full_stop and two:
            return  # sentences with a full stop: a body paragraph with no headline above it
        if full_stop:
            yield Finding(start + len(line) - 1, start + len(line), "headline ends with a full stop; drop it",
                          suggestions=("",))
        if two:
            yield Finding(start + two[0].start(), start + two[0].end(),
                          "two sentences in one headline; join them with a colon or keep one")
        for m in _HEADLINE_SAID.finditer(line):
            if not article.in_quote(start + m.start()):
                yield Finding(start + m.start(), start + m.end(), "headlines take the present tense: 'says'",
                              severity=Severity.INFO, suggestions=("says",))
                break
