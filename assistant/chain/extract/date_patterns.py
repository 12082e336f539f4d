"""Written forms of dates (EN/DE/FR) as regular expressions, each with a converter to a
:class:`~assistant.chain.extract.date_types.DateSpan` (used by :mod:`dates`)."""

from __future__ import annotations

import re
from typing import Any

from assistant.chain.extract.date_types import DateSpan, day_span, month_span, months_span

__all__ = [
    "AMBIGUOUS_WORDS",
    "MONTHS",
    "NEXT_DAY",
    "NUMBERS",
    "PATTERNS",
    "RELATIVE",
    "SAME_DAY",
    "YEARLESS_DM",
    "YEARLESS_M",
    "YEARLESS_MD",
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
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
}  # fmt: skip
_NUM = "|".join(sorted(NUMBERS, key=len, reverse=True)) + r"|\d{1,3}"
_QUARTER_WORDS = {
    "first": 1, "1st": 1, "erste": 1, "ersten": 1, "premier": 1,
    "second": 2, "2nd": 2, "zweite": 2, "zweiten": 2, "deuxième": 2,
    "third": 3, "3rd": 3, "dritte": 3, "dritten": 3, "troisième": 3,
    "fourth": 4, "4th": 4, "vierte": 4, "vierten": 4, "quatrième": 4,
}  # fmt: skip
_QW = "|".join(sorted(_QUARTER_WORDS, key=len, reverse=True))


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


# Each pattern maps a match to a span (or None + problem); earlier patterns win overlaps.
def _iso(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    return day_span(int(m["y"]), int(m["m"]), int(m["d"])), None


def _numeric(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    a, b, year = int(m["a"]), int(m["b"]), _year(m["y"])
    if m["sep"] == "." or a > 12:
        return day_span(year, b, a), None
    if b > 12:
        return day_span(year, a, b), None  # US month/day/year
    if a == b:
        return day_span(year, a, b), None
    return None, "day and month order is ambiguous (day/month or month/day)"


def _dmy(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    return day_span(int(m["y"]), MONTHS[m["mon"].lower().rstrip(".")], int(m["d"])), None


def _part_month(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    year, month = int(m["y"]), MONTHS[m["mon"].lower().rstrip(".")]
    first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}[_part_key(m["part"])]
    return month_span(year, month, first, last), None


def _month_year(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    return month_span(int(m["y"]), MONTHS[m["mon"].lower().rstrip(".")]), None


def _season(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    first = _SEASONS[m["season"].lower()]
    if first == 12:
        return None, "a winter spans two years"
    return months_span(int(m["y"]), first, first + 2, "season"), None


def _quarter(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    q = int(m["q"]) if m["q"] else _QUARTER_WORDS[m["qw"].lower()]
    return months_span(int(m["y"] or m["y2"]), 3 * q - 2, 3 * q, "quarter"), None


def _half(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    first = 1 if m["h"].lower() in {"first", "ersten", "erste", "premier", "1st"} else 7
    return months_span(int(m["y"]), first, first + 5, "part_year"), None


def _part_year(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[_part_key(m["part"])]
    return months_span(int(m["y"]), first, last, "part_year"), None


def _year_only(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    return months_span(int(m["y"]), 1, 12, "year"), None


def _vague(m: re.Match[str]) -> tuple[DateSpan | None, str | None]:
    return None, "a vague or relative date with no explicit date to count from"


_F = re.IGNORECASE
PATTERNS: list[tuple[re.Pattern[str], Any]] = [
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
YEARLESS_DM = re.compile(
    rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MON})\b(?!\.?,?\s+(?:of\s+)?\d)", _F
)
YEARLESS_MD = re.compile(rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d.:,])")
YEARLESS_M = re.compile(
    rf"\b(?:in|im|since|seit|en|depuis|through|during|until|bis|anfang|mitte|ende|early|late|"
    rf"mid-?)\s+(?P<mon>{_MON})\b(?!\.?,?\s+(?:of\s+)?\d)",
    _F,
)
RELATIVE = re.compile(
    rf"\b(?P<n>{_NUM})\s+(?P<unit>days?|weeks?|months?|years?|tage?n?|wochen?|monate?n?|"
    rf"jahre?n?|jours?|semaines?|mois|ans|années?)\s+(?:later|after(?:wards)?|thereafter|"
    rf"später|danach|darauf|plus tard|après)\b",
    _F,
)
NEXT_DAY = re.compile(
    r"\b(?:the\s+(?:next|following)\s+(?:day|morning|evening)|(?:am\s+)?(?:nächsten|"
    r"folgenden)\s+(?:tag|morgen)|am\s+tag\s+darauf|le\s+lendemain)\b",
    _F,
)
SAME_DAY = re.compile(r"\b(?:the same day|am (?:selben|gleichen) tag|le même jour)\b", _F)
AMBIGUOUS_WORDS = {"may", "march", "mar", "jan", "jun", "mai", "sept", "dec", "fall"}
