"""Wire datelines at the start of a lead: the place, the date, the agency and a reporter credit.

Reads the English order ("KUWAIT CITY, July 26 (Xinhua) —", "Beijing, Sept. 27 (Reporter Du
Yan)") and the Chinese agency order left in by translation ("Xinhua News Agency, Kuwait City,
July 26 (Reporter Wang Qiang)", "China News Service, July 26"). Used by the long-lead rule
(the dateline is not part of the lead) and by the wire and dateline-place rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"(?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH})(?:,?\s+\d{{4}})?"
_WORD = r"[A-Z][\w'’.]*"
_PLACE = rf"{_WORD}(?:[ -]{_WORD}){{0,3}}"
# Agencies and outlets as Chinese and Russian copy names them in a dateline.
_KNOWN_AGENCIES = (
    r"Xinhua(?:\s+News\s+Agency|\s*Net|net|\.com)?|China\s+News(?:\s+(?:Service|Network|Net|Agency))?|"
    r"ECNS|CNS|CCTV(?:\s+News)?|CGTN|People['’]s\s+Daily(?:\s+Online)?|China\s+Daily|Global\s+Times|"
    r"TASS|RIA\s+Novosti|Interfax|Sputnik|Reuters|AP|AFP|UPI|Bloomberg|dpa|EFE|ANSA|Kyodo|Yonhap|Anadolu|IRNA|WAFA"
)
_KNOWN_AGENCY = re.compile(_KNOWN_AGENCIES)


def is_known_agency(word: str) -> bool:
    """Whether ``word`` is a news agency's own name, as it styles it ("dpa", "AFP", "Interfax")."""
    return _KNOWN_AGENCY.fullmatch(word) is not None


_GENERIC_AGENCY = (
    rf"(?:{_WORD}\s+){{1,4}}(?:News\s+Agency|Daily|Network|Net|Online|Times|Client|Television|Radio)"
)
_DOMAIN = r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|cn|net|org)(?:\.cn)?"
AGENCY = rf"(?:{_KNOWN_AGENCIES}|{_GENERIC_AGENCY}|{_DOMAIN})"
_CREDIT = r"\((?P<credit>[^()\n]{1,100})\)"
_SEPARATOR = r"(?:\s*(?:--?|[–—:/]|\.(?=\s)))?"

_AGENCY_FIRST = re.compile(
    rf"(?P<agency>{AGENCY})(?:\s+[Rr]eports?)?,?\s+(?:(?P<place>{_PLACE}),\s+)?(?P<date>{_DATE})\.?"
    rf"(?:\s*{_CREDIT})?{_SEPARATOR}[ \t]*"
)
_PLACE_FIRST = re.compile(
    rf"(?P<place>{_PLACE}),\s+(?P<date>{_DATE})\.?(?:(?:\s*{_CREDIT}){_SEPARATOR}|\s*(?:--?|[–—]))[ \t]*"
)
_AGENCY_ONLY = re.compile(rf"(?:{AGENCY})$")


@dataclass(frozen=True)
class Dateline:
    """A dateline and credit at the start of a lead; spans are offsets into the article."""

    start: int
    end: int
    agency: str | None
    place: str | None
    place_span: tuple[int, int] | None
    date: str
    credit: str | None  # the text inside the parentheses, when it is not the agency tag
    credit_span: tuple[int, int] | None

    @property
    def agency_first(self) -> bool:
        """Whether the agency comes before the place (the Chinese order)."""
        return self.agency is not None and (self.place_span is None or self.start < self.place_span[0])


def read_dateline(text: str, start: int, end: int) -> Dateline | None:
    """The wire dateline that opens ``text[start:end]``, if there is one."""
    m = _AGENCY_FIRST.match(text, start, end)
    agency: str | None = None
    if m:
        agency = " ".join(m.group("agency").split())
    else:
        m = _PLACE_FIRST.match(text, start, end)
        if not m:
            return None
    credit = m.group("credit")
    credit_span = m.span("credit") if credit else None
    if credit and _AGENCY_ONLY.match(credit.strip()):
        agency = agency or credit.strip()
        credit, credit_span = None, None
    place_span = m.span("place") if m.group("place") else None
    return Dateline(
        start=m.start(), end=m.end(), agency=agency, place=m.group("place"), place_span=place_span,
        date=m.group("date"), credit=credit, credit_span=credit_span,
    )
