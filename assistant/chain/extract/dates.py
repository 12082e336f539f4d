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

import bisect
import re
import tomllib
from datetime import date
from functools import lru_cache
from importlib import resources

from assistant.chain.extract.date_patterns import (
    AMBIGUOUS_WORDS,
    MONTHS,
    NEXT_DAY,
    NUMBERS,
    PATTERNS,
    RELATIVE,
    SAME_DAY,
    YEARLESS_DM,
    YEARLESS_M,
    YEARLESS_MD,
)
from assistant.chain.extract.date_types import DateMention, DateSpan, day_span, month_span
from assistant.chain.extract.text import Spans

__all__ = [
    "MARKET_DATE_BOUNDARIES",
    "DateMention",
    "DateSpan",
    "boundary_problem",
    "find_dates",
    "legal_boundaries",
    "parse_date_text",
    "representative_day",
]

_PRECISION_WORDS = {"part_month": "part of the month", "part_year": "part of the year"}


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
    taken = Spans()
    for pattern, convert in PATTERNS:
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            span, problem = convert(m)
            if span is None and problem is None:
                continue
            taken.add(m.start(), m.end())
            found.append(DateMention(m.group(0), m.start(), m.end(), span, problem))
    found.sort(key=lambda d: d.pos)
    explicit = [d for d in found if d.span is not None]
    pending: list[tuple[int, str, re.Match[str]]] = []
    for kind, pattern in (
        ("dm", YEARLESS_DM),
        ("md", YEARLESS_MD),
        ("m", YEARLESS_M),
        ("rel", RELATIVE),
        ("next", NEXT_DAY),
        ("same", SAME_DAY),
    ):
        for m in pattern.finditer(text):
            if not taken.overlaps(m.start(), m.end()):
                taken.add(m.start(), m.end())
                pending.append((m.start(), kind, m))
    # In text order, so "On 3 March ... two weeks later" counts from the resolved 3 March.
    years = {d.span.start.year for d in explicit if d.span is not None}
    for _, kind, m in sorted(pending, key=lambda p: p[0]):
        # the latest explicit date ending before this mention; bisect keeps a long log linear
        i = bisect.bisect_right(explicit, m.start(), key=lambda d: d.pos)
        while i > 0 and explicit[i - 1].endpos > m.start():
            i -= 1
        anchor = explicit[i - 1] if i > 0 else None
        mention = _anchored(kind, m, anchor.span if anchor else None, years)
        if mention is not None:
            if mention.span is not None:
                bisect.insort(explicit, mention, key=lambda d: d.pos)
            else:
                found.append(mention)
    return sorted({id(d): d for d in found + explicit}.values(), key=lambda d: d.pos)


def _anchored(
    kind: str, m: re.Match[str], anchor: DateSpan | None, years: set[int]
) -> DateMention | None:
    if kind in {"dm", "md", "m"}:
        mon = m["mon"]
        if mon.lower().rstrip(".") in AMBIGUOUS_WORDS and not mon[0].isupper():
            return None  # "may" the verb, "march" the verb
        month = MONTHS[mon.lower().rstrip(".")]
        if anchor is not None:
            year = anchor.start.year
        elif len(years) == 1:
            year = next(iter(years))
        else:
            return DateMention(m.group(0), m.start(), m.end(), None, "no year given", yearless=True)
        if kind == "m":
            span: DateSpan | None = month_span(year, month)
        else:
            span = day_span(year, month, int(m["d"]))
        if span is not None and anchor is not None and span.end < anchor.start:
            span = span.shifted(months=12)  # "in November 2026 ... on 3 March": the next March
        return DateMention(m.group(0), m.start(), m.end(), span, None, relative=True, yearless=True)
    if anchor is None:
        return DateMention(
            m.group(0), m.start(), m.end(), None, "relative to no explicit date", relative=True
        )
    if kind == "rel":
        n_text = m["n"].lower()
        n = int(n_text) if n_text.isdigit() else NUMBERS[n_text]
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


# The legal dates a product's own placing on the market is compared with (PLD cut-off, AI Act
# Art 111 legacy and Art 50 dates, CRA, DCD); the incident date is compared with all of them.
MARKET_DATE_BOUNDARIES = frozenset(
    {
        "PLD2024_CUTOFF",
        "AI_ACT_LEGACY_CUTOFF_ANNEX_III",
        "AI_ACT_LEGACY_CUTOFF_ANNEX_I",
        "AI_ACT_GENERAL",
        "AI_ACT_ART50_2_LEGACY",
        "CRA_MAIN",
        "DCD_SUPPLY_FROM",
    }
)


@lru_cache(maxsize=4)
def legal_boundaries(names: frozenset[str] | None = None) -> tuple[date, ...]:
    """Every legal date the rule core uses (from its data file), sorted; only ``names`` if
    given."""
    raw = resources.files("assistant.rules").joinpath("data", "legal_dates.toml").read_text("utf-8")
    doc = tomllib.loads(raw)
    days: set[date] = set()
    for name, spec in doc.get("dates", {}).items():
        if names is not None and name not in names:
            continue
        if isinstance(spec.get("date"), date):
            days.add(spec["date"])
        for version in spec.get("versions", []):
            if isinstance(version.get("date"), date):
                days.add(version["date"])
    return tuple(sorted(days))


def boundary_problem(span: DateSpan, names: frozenset[str] | None = None) -> str | None:
    """Why ``span`` cannot stand for one day: it contains a legal date (on or after it, or
    after it, decides the law); ``names`` limits the legal dates to those that matter."""
    if span.exact:
        return None
    inside = [
        day
        for day in legal_boundaries(names)
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


def representative_day(
    span: DateSpan, names: frozenset[str] | None = None
) -> tuple[date | None, str | None]:
    """The day to record for ``span`` and a note, or (None, reason) when it must be asked;
    ``names``: only these legal dates matter for the fact (e.g. ``MARKET_DATE_BOUNDARIES``)."""
    if span.exact:
        return span.start, None
    problem = boundary_problem(span, names)
    if problem:
        return None, problem
    what = _PRECISION_WORDS.get(span.precision, span.precision)
    return span.start, f"only the {what} is given; its first day is used"
