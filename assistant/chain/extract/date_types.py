"""Date spans and mentions: what a written date can mean (first and last possible day)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

__all__ = ["DateMention", "DateSpan", "add_months", "day_span", "month_span", "months_span"]


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
            start=add_months(self.start, months) + timedelta(days=days),
            end=add_months(self.end, months) + timedelta(days=days),
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


def add_months(day: date, months: int) -> date:
    if not months:
        return day
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_span(year: int, month: int, first: int = 1, last: int | None = None) -> DateSpan:
    days = calendar.monthrange(year, month)[1]
    last = days if last is None else min(last, days)
    precision = "month" if first == 1 and last == days else "part_month"
    return DateSpan(date(year, month, first), date(year, month, last), precision)


def months_span(year: int, first: int, last: int, precision: str) -> DateSpan:
    end = date(year, last, calendar.monthrange(year, last)[1])
    return DateSpan(date(year, first, 1), end, precision)


def day_span(year: int, month: int, day: int) -> DateSpan | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return DateSpan(d, d, "day")
