"""The date normaliser: written dates (EN/DE/FR) -> spans; vague and boundary dates stay open."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.chain.extract.dates import (
    boundary_problem,
    find_dates,
    legal_boundaries,
    parse_date_text,
    representative_day,
)

D = date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("It launched on 15 March 2027.", D(2027, 3, 15), D(2027, 3, 15)),
        ("on March 15, 2027", D(2027, 3, 15), D(2027, 3, 15)),
        ("the 15th of March 2027", D(2027, 3, 15), D(2027, 3, 15)),
        ("am 15.03.2027", D(2027, 3, 15), D(2027, 3, 15)),
        ("am 3. März 2026 passierte es", D(2026, 3, 3), D(2026, 3, 3)),
        ("seit dem 1. Februar 2027 auf dem Markt", D(2027, 2, 1), D(2027, 2, 1)),
        ("le 1er mars 2027", D(2027, 3, 1), D(2027, 3, 1)),
        ("2027-03-15", D(2027, 3, 15), D(2027, 3, 15)),
        ("13/04/2027", D(2027, 4, 13), D(2027, 4, 13)),
        ("04/13/2027", D(2027, 4, 13), D(2027, 4, 13)),
        ("in March 2027", D(2027, 3, 1), D(2027, 3, 31)),
        ("im Januar 2027", D(2027, 1, 1), D(2027, 1, 31)),
        ("en février 2027", D(2027, 2, 1), D(2027, 2, 28)),
        ("Anfang März 2027", D(2027, 3, 1), D(2027, 3, 10)),
        ("late May 2027", D(2027, 5, 21), D(2027, 5, 31)),
        ("in spring 2026", D(2026, 3, 1), D(2026, 5, 31)),
        ("im Herbst 2025", D(2025, 9, 1), D(2025, 11, 30)),
        ("Q1 2027", D(2027, 1, 1), D(2027, 3, 31)),
        ("in the first quarter of 2026", D(2026, 1, 1), D(2026, 3, 31)),
        ("late 2026", D(2026, 9, 1), D(2026, 12, 31)),
        ("since 2023", D(2023, 1, 1), D(2023, 12, 31)),
    ],
)
def test_written_dates(text: str, start: date, end: date) -> None:
    mention = parse_date_text(text)
    assert mention is not None and mention.span is not None, text
    assert (mention.span.start, mention.span.end) == (start, end)


@pytest.mark.parametrize(
    "text",
    ["last spring", "yesterday", "a few weeks ago", "letzten Sommer", "récemment", "03/04/2027"],
)
def test_vague_or_ambiguous_dates_have_no_span(text: str) -> None:
    mention = parse_date_text(text)
    assert mention is not None and mention.span is None and mention.problem


def test_words_that_look_like_months_are_not_dates() -> None:
    assert find_dates("The system may 2 times fail; they march on.") == []
    assert find_dates("version 1.2.3 of the library") == []


def test_relative_dates_count_from_the_text_s_own_dates() -> None:
    text = (
        "The tool was launched in January 2027. On 3 March it failed. Two weeks later it "
        "crashed again, and the next day it deleted the logs."
    )
    days = [m.span.start for m in find_dates(text) if m.span is not None]
    assert days == [D(2027, 1, 1), D(2027, 3, 3), D(2027, 3, 17), D(2027, 3, 18)]
    orphan = find_dates("Two weeks later it crashed.")
    assert len(orphan) == 1 and orphan[0].span is None


def test_a_day_without_year_rolls_over_to_the_next_year() -> None:
    mentions = find_dates("It was released in November 2026. On 3 March it failed.")
    assert mentions[-1].span is not None and mentions[-1].span.start == D(2027, 3, 3)


def test_periods_containing_a_legal_date_must_be_asked() -> None:
    boundaries = legal_boundaries()
    assert D(2026, 12, 9) in boundaries  # PLD 2024 applies to products placed after this day
    december = parse_date_text("December 2026")
    assert december is not None and december.span is not None
    day, reason = representative_day(december.span)
    assert day is None and reason and "09 Dec 2026" in (boundary_problem(december.span) or "")
    may = parse_date_text("May 2025")
    assert may is not None and may.span is not None
    assert representative_day(may.span) == (
        D(2025, 5, 1),
        "only the month is given; its first day is used",
    )
    exact = parse_date_text("9 December 2026")
    assert exact is not None and exact.span is not None
    assert representative_day(exact.span) == (D(2026, 12, 9), None)
