"""Dates as people write them (EN/DE/FR) -> date ranges, in Python, no network, no dateparser.

"15 March 2027", "March 15, 2027", "15.03.2027", "am 3. März 2026", "le 1er mars 2027",
"March 2027", "Anfang März 2027", "spring 2026", "Q1 2027", "late 2026", "in 2025" each become a
:class:`DateSpan` (first and last possible day). "Two weeks later" and "the next day" are resolved
only against an explicit date earlier in the same text; a day without a year ("on 3 March") takes
the year of the explicit dates around it. Vague dates ("last spring", "yesterday", "recently")
are recognised and reported as unknown, never guessed.

A span that is not a single day is reduced to its first day by :func:`representative_day`, unless
it contains one of the rule core's legal dates (``assistant/rules/data/legal_dates.toml``): then
which side of the boundary the event lies on decides the law, so the fact is left for a question.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "DateMention",
    "DateSpan",
    "boundary_problem",
    "find_dates",
    "legal_boundaries",
    "parse_date_text",
    "representative_day",
]

MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    [
        "january jan januar jänner janv janvier",
        "february feb februar feber févr fevr février fevrier",
        "march mar märz maerz mär mars",
        "april apr avril avr",
        "may mai",
        "june jun juni juin",
        "july jul juli juillet juil",
        "august aug août aout",
        "september sep sept septembre",
        "october oct oktober okt octobre",
        "november nov novembre",
        "december dec dezember dez décembre decembre déc",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _n

_MON = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_Y = r"(?:19|20)\d{2}"
_ORD = r"(?:st|nd|rd|th|er|\.)?"
_PART = (
    r"early|mid|late|the beginning of|beginning of|the start of|start of|the end of|end of|"
    r"anfang|mitte|ende|beginn|début|debut|fin|mi"
)
_SEASONS = {
    "spring": 3, "frühjahr": 3, "frühling": 3, "printemps": 3,
    "summer": 6, "sommer": 6, "été": 6, "ete": 6,
    "autumn": 9, "fall": 9, "herbst": 9, "automne": 9,
    "winter": 12, "hiver": 12,
}  # fmt: skip
_SEASON = "|".join(sorted(_SEASONS, key=len, reverse=True))
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
}  # fmt: skip
_NUM = "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r"|\d{1,3}"
_QUARTER_WORDS = {
    "first": 1, "1st": 1, "erste": 1, "ersten": 1, "premier": 1,
    "second": 2, "2nd": 2, "zweite": 2, "zweiten": 2, "deuxième": 2,
    "third": 3, "3rd": 3, "dritte": 3, "dritten": 3, "troisième": 3,
    "fourth": 4, "4th": 4, "vierte": 4, "vierten": 4, "quatrième": 4,
}  # fmt: skip
_QW = "|".join(sorted(_QUARTER_WORDS, key=len, reverse=True))


@dataclass(frozen=True)
class DateSpan:
    """The first and last day a written date can mean, and how precise it is."""

    start: date
    end: date
    precision: str  # day | part_month | month | season | quarter | part_year | year

    @property
    def exact(self) -> bool:
        """True for a single day."""
        return self.start == self.end

    def shifted(self, days: int = 0, months: int = 0) -> DateSpan:
        """The span moved by ``days`` and ``months``."""
        return replace(
            self,
            start=_add_months(self.start, months) + timedelta(days=days),
            end=_add_months(self.end, months) + timedelta(days=days),
        )


@dataclass(frozen=True)
class DateMention:
    """A date written in a text: the words, where they are, and what they mean if known."""

    text: str
    pos: int
    endpos: int
    span: DateSpan | None
    problem: str | None = None  # why there is no span (vague, ambiguous, no anchor)
    relative: bool = False  # resolved against another date of the text
    yearless: bool = False


_PRECISION_WORDS = {"part_month": "part of the month", "part_year": "part of the year"}


def _add_months(day: date, months: int) -> date:
    if not months:
        return day
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _month_span(year: int, month: int, first: int = 1, last: int | None = None) -> DateSpan:
    days = calendar.monthrange(year, month)[1]
    last = days if last is None else min(last, days)
    precision = "month" if first == 1 and last == days else "part_month"
    return DateSpan(date(year, month, first), date(year, month, last), precision)


def _months_span(year: int, first: int, last: int, precision: str) -> DateSpan:
    end = date(year, last, calendar.monthrange(year, last)[1])
    return DateSpan(date(year, first, 1), end, precision)


def _year(text: str) -> int:
    value = int(text)
    return 2000 + value if value < 100 else value


def _part_key(part: str) -> str:
    part = part.lower().replace("the ", "")
    if part in {"early", "beginning of", "start of", "anfang", "beginn", "début", "debut"}:
        return "early"
    if part in {"mid", "mitte", "mi"}:
        return "mid"
    return "late"  # late, end of, ende, fin


def _day(year: int, month: int, day: int) -> DateSpan | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return DateSpan(d, d, "day")


# Each pattern maps a match to a span (or None + problem); earlier patterns win overlaps.
def _iso(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    return _day(int(m["y"]), int(m["m"]), int(m["d"])), None


def _numeric(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    a, b, year = int(m["a"]), int(m["b"]), _year(m["y"])
    if m["sep"] == "." or a > 12:
        return _day(year, b, a), None
    if b > 12:
        return _day(year, a, b), None  # US month/day/year
    if a == b:
        return _day(year, a, b), None
    return None, "day and month order is ambiguous (day/month or month/day)"


def _dmy(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    return _day(int(m["y"]), MONTHS[m["mon"].lower().rstrip(".")], int(m["d"])), None


def _part_month(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    year, month = int(m["y"]), MONTHS[m["mon"].lower().rstrip(".")]
    first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}[_part_key(m["part"])]
    return _month_span(year, month, first, last), None


def _month_year(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    return _month_span(int(m["y"]), MONTHS[m["mon"].lower().rstrip(".")]), None


def _season(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    first = _SEASONS[m["season"].lower()]
    if first == 12:
        return None, "a winter spans two years"
    return _months_span(int(m["y"]), first, first + 2, "season"), None


def _quarter(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    q = int(m["q"]) if m["q"] else _QUARTER_WORDS[m["qw"].lower()]
    return _months_span(int(m["y"] or m["y2"]), 3 * q - 2, 3 * q, "quarter"), None


def _half(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    first = 1 if m["h"].lower() in {"first", "ersten", "erste", "premier", "1st"} else 7
    return _months_span(int(m["y"]), first, first + 5, "part_year"), None


def _part_year(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[_part_key(m["part"])]
    return _months_span(int(m["y"]), first, last, "part_year"), None


def _year_only(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    return _months_span(int(m["y"]), 1, 12, "year"), None


def _vague(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    return None, "a vague or relative date with no explicit date to count from"


_F = re.IGNORECASE
_PATTERNS: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(rf"\b(?P<y>{_Y})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b"), _iso),
    (
        re.compile(
            r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[./-])\s?(?P<b>\d{1,2})(?P=sep)\s?"
            r"(?P<y>(?:19|20)\d{2}|\d{2})(?![\d]|\.\d)"
        ),
        _numeric,
    ),
    (
        re.compile(
            rf"\b(?P<d>\d{{1,2}}){_ORD}\s*(?:of\s+|de\s+)?(?P<mon>{_MON})\.?,?\s+(?P<y>{_Y})\b",
            _F,
        ),
        _dmy,
    ),
    (
        re.compile(
            rf"\b(?P<mon>{_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_Y})\b", _F
        ),
        _dmy,
    ),
    (
        re.compile(
            rf"\b(?P<part>{_PART})\s*-?\s*(?:of\s+|de\s+|d')?(?P<mon>{_MON})\.?,?\s+"
            rf"(?:of\s+|de\s+)?(?P<y>{_Y})\b",
            _F,
        ),
        _part_month,
    ),
    (re.compile(rf"\b(?P<mon>{_MON})\.?,?\s+(?:of\s+|de\s+)?(?P<y>{_Y})\b", _F), _month_year),
    (
        re.compile(rf"\b(?P<season>{_SEASON})\s+(?:of\s+|de\s+|d')?(?P<y>{_Y})\b", _F),
        _season,
    ),
    (
        re.compile(
            rf"\b(?:Q(?P<q>[1-4])\s*/?\s*(?P<y>{_Y})|(?:the\s+|im\s+|au\s+)?(?P<qw>{_QW})\s+"
            rf"(?:quarter|quartal|trimestre)\s+(?:of\s+|de\s+)?(?P<y2>{_Y}))\b",
            _F,
        ),
        _quarter,
    ),
    (
        re.compile(
            rf"\b(?P<h>first|second|1st|2nd|erste|ersten|zweite|zweiten|premier)\s+"
            rf"(?:half|halbjahr|semestre)\s+(?:of\s+|de\s+)?(?P<y>{_Y})\b",
            _F,
        ),
        _half,
    ),
    (re.compile(rf"\b(?P<part>{_PART})\s*-?\s*(?:of\s+|de\s+)?(?P<y>{_Y})\b", _F), _part_year),
    (
        re.compile(
            rf"\b(?:in|im|since|seit|en|depuis|during|from|ab|until|bis|throughout)\s+"
            rf"(?:the\s+year\s+|(?:dem\s+)?jahre?\s+|l'année\s+)?(?P<y>{_Y})\b(?![-./]\d)",
            _F,
        ),
        _year_only,
    ),
    (
        re.compile(
            r"\b(?:yesterday|today|the day before yesterday|last (?:week|month|year|spring|"
            r"summer|autumn|fall|winter|weekend|time)|this (?:week|month|year|morning)|"
            r"(?:a few|several|some|\d+|two|three|four) (?:days|weeks|months|years) ago|"
            r"recently|gestern|vorgestern|heute|letzte[nrs]? (?:woche|monat|jahr|frühling|"
            r"frühjahr|sommer|herbst|winter)|vor (?:kurzem|einigen (?:tagen|wochen|monaten))|"
            r"kürzlich|hier|aujourd'hui|la semaine dernière|le mois dernier|l'année dernière|"
            r"récemment)\b",
            _F,
        ),
        _vague,
    ),
]
_YEARLESS_DM = re.compile(
    rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MON})\b(?!\.?,?\s+(?:of\s+)?\d)", _F
)
_YEARLESS_MD = re.compile(rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d.:,])")
_YEARLESS_M = re.compile(
    rf"\b(?:in|im|since|seit|en|depuis|through|during|until|bis|anfang|mitte|ende|early|late|"
    rf"mid-?)\s+(?P<mon>{_MON})\b(?!\.?,?\s+(?:of\s+)?\d)",
    _F,
)
_RELATIVE = re.compile(
    rf"\b(?P<n>{_NUM})\s+(?P<unit>days?|weeks?|months?|years?|tage?n?|wochen?|monate?n?|"
    rf"jahre?n?|jours?|semaines?|mois|ans|années?)\s+(?:later|after(?:wards)?|thereafter|"
    rf"später|danach|darauf|plus tard|après)\b",
    _F,
)
_NEXT_DAY = re.compile(
    r"\b(?:the\s+(?:next|following)\s+(?:day|morning|evening)|(?:am\s+)?(?:nächsten|"
    r"folgenden)\s+(?:tag|morgen)|am\s+tag\s+darauf|le\s+lendemain)\b",
    _F,
)
_SAME_DAY = re.compile(r"\b(?:the same day|am (?:selben|gleichen) tag|le même jour)\b", _F)
_AMBIGUOUS_WORDS = {"may", "march", "mar", "jan", "jun", "mai", "sept", "dec", "fall"}


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in taken)


def _unit_shift(unit: str, n: int) -> tuple[int, int]:
    u = unit.lower()
    if u.startswith(("day", "tag", "jour")):
        return n, 0
    if u.startswith(("week", "woche", "semaine")):
        return 7 * n, 0
    if u.startswith(("month", "monat", "mois")):
        return 0, n
    return 0, 12 * n


def find_dates(text: str) -> list[DateMention]:
    """Every date mention in ``text``, in order of position."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern, convert in _PATTERNS:
        for m in pattern.finditer(text):
            if _overlaps(taken, m.start(), m.end()):
                continue
            span, problem = convert(m)
            if span is None and problem is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.group(0), m.start(), m.end(), span, problem))
    found.sort(key=lambda d: d.pos)
    explicit = [d for d in found if d.span is not None]
    pending: list[tuple[int, str, re.Match[str]]] = []
    for kind, pattern in (
        ("dm", _YEARLESS_DM),
        ("md", _YEARLESS_MD),
        ("m", _YEARLESS_M),
        ("rel", _RELATIVE),
        ("next", _NEXT_DAY),
        ("same", _SAME_DAY),
    ):
        for m in pattern.finditer(text):
            if not _overlaps(taken, m.start(), m.end()):
                taken.append((m.start(), m.end()))
                pending.append((m.start(), kind, m))
    # In text order, so "On 3 March ... two weeks later" counts from the resolved 3 March.
    years = {d.span.start.year for d in explicit if d.span is not None}
    for _, kind, m in sorted(pending, key=lambda p: p[0]):
        before = [d for d in explicit if d.endpos <= m.start()]
        mention = _anchored(kind, m, before[-1].span if before else None, years)
        if mention is not None:
            explicit.append(mention) if mention.span is not None else found.append(mention)
            explicit.sort(key=lambda d: d.pos)
    return sorted({id(d): d for d in found + explicit}.values(), key=lambda d: d.pos)


def _anchored(
    kind: str, m: re.Match[str], anchor: DateSpan | None, years: set[int]
) -> DateMention | None:
    if kind in {"dm", "md", "m"}:
        mon = m["mon"]
        if mon.lower().rstrip(".") in _AMBIGUOUS_WORDS and not mon[0].isupper():
            return None  # "may" the verb, "march" the verb
        month = MONTHS[mon.lower().rstrip(".")]
        if anchor is not None:
            year = anchor.start.year
        elif len(years) == 1:
            year = next(iter(years))
        else:
            return DateMention(m.group(0), m.start(), m.end(), None, "no year given", yearless=True)
        if kind == "m":
            span: DateSpan | None = _month_span(year, month)
        else:
            span = _day(year, month, int(m["d"]))
        if span is not None and anchor is not None and span.end < anchor.start:
            span = span.shifted(months=12)  # "in November 2026 ... on 3 March": the next March
        return DateMention(m.group(0), m.start(), m.end(), span, None, relative=True, yearless=True)
    if anchor is None:
        return DateMention(
            m.group(0), m.start(), m.end(), None, "relative to no explicit date", relative=True
        )
    if kind == "rel":
        n_text = m["n"].lower()
        n = int(n_text) if n_text.isdigit() else _NUMBERS[n_text]
        days, months = _unit_shift(m["unit"], n)
        span = anchor.shifted(days=days, months=months)
    else:
        span = anchor.shifted(days=1 if kind == "next" else 0)
    return DateMention(m.group(0), m.start(), m.end(), span, None, relative=True)


def parse_date_text(text: str) -> DateMention | None:
    """The first date in a short text (a model's date field, a user's answer), or None."""
    mentions = find_dates(text)
    for mention in mentions:
        if mention.span is not None:
            return mention
    return mentions[0] if mentions else None


@lru_cache(maxsize=1)
def legal_boundaries() -> tuple[date, ...]:
    """Every legal date the rule core uses (from its data file), sorted."""
    raw = resources.files("assistant.rules").joinpath("data", "legal_dates.toml").read_text("utf-8")
    doc = tomllib.loads(raw)
    days: set[date] = set()
    for spec in doc.get("dates", {}).values():
        if isinstance(spec.get("date"), date):
            days.add(spec["date"])
        for version in spec.get("versions", []):
            if isinstance(version.get("date"), date):
                days.add(version["date"])
    return tuple(sorted(days))


def boundary_problem(span: DateSpan) -> str | None:
    """Why ``span`` cannot stand for one day: it contains a legal date (on or after it, or
    after it, decides the law)."""
    if span.exact:
        return None
    inside = [
        day
        for day in legal_boundaries()
        if span.start < day <= span.end or span.start <= day < span.end
    ]
    if not inside:
        return None
    days = ", ".join(f"{d:%d %b %Y}" for d in inside)
    what = "legal date" if len(inside) == 1 else "legal dates"
    return (
        f"the period {span.start:%d %b %Y}-{span.end:%d %b %Y} contains the {what} {days}; "
        "the exact day decides which rules apply"
    )


def representative_day(span: DateSpan) -> tuple[date | None, str | None]:
    """The day to record for ``span`` and a note, or (None, reason) when it must be asked."""
    if span.exact:
        return span.start, None
    problem = boundary_problem(span)
    if problem:
        return None, problem
    what = _PRECISION_WORDS.get(span.precision, span.precision)
    return span.start, f"only the {what} is given; its first day is used"
