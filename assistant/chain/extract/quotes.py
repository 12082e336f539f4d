"""Does a quote really occur in the narrative? (Deterministic, like instructor's CitationMixin.)

Both texts are normalised (case, whitespace, typographic quotes and dashes, invisible
characters); an exact match of the normalised quote wins. Quotes with an ellipsis must match
piece by piece, in order. Otherwise rapidfuzz's best partial alignment must reach
``FUZZY_THRESHOLD`` (calibrated in ``tests/chain/extract/test_quotes.py``: a dropped or changed
article or punctuation mark passes, a paraphrase or an invented clause does not). Short quotes
(under ``MIN_FUZZY_CHARS``) must match exactly. The result is the narrative's own words, so the
provenance we record is always a real slice of what the user pasted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from assistant.chain.extract.text import normalise, normalise_with_map

__all__ = ["FUZZY_THRESHOLD", "MIN_FUZZY_CHARS", "QuoteMatch", "find_quote"]

FUZZY_THRESHOLD = 90.0
MIN_FUZZY_CHARS = 16
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\])\s*")
_EDGES = " \"'.,;:!?()[]«»"


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote occurs in the narrative."""

    text: str  # the narrative's own words
    start: int
    end: int
    score: float  # 100 for an exact (normalised) match
    exact: bool


def _span(text: str, where: list[int], start: int, end: int) -> tuple[int, int]:
    """Original offsets for the normalised range [start, end), widened to whole words."""
    s = where[start]
    e = where[end - 1] + 1
    while s > 0 and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while e < len(text) and text[e - 1].isalnum() and text[e].isalnum():
        e += 1
    return s, e


def find_quote(
    quote: str, narrative: str, *, threshold: float = FUZZY_THRESHOLD
) -> QuoteMatch | None:
    """The narrative span ``quote`` stands for, or None if it does not occur."""
    wanted = normalise(quote).strip(_EDGES)
    if len(wanted) < 2 or not narrative:
        return None
    haystack, where = normalise_with_map(narrative)
    parts = [p.strip(_EDGES) for p in _ELLIPSIS.split(wanted) if p.strip(_EDGES)]
    if len(parts) > 1:
        return _pieces(parts, narrative, haystack, where)
    pos = haystack.find(wanted)
    if pos >= 0:
        s, e = _span(narrative, where, pos, pos + len(wanted))
        return QuoteMatch(narrative[s:e], s, e, 100.0, True)
    if len(wanted) < MIN_FUZZY_CHARS:
        return None
    found = fuzz.partial_ratio_alignment(wanted, haystack, score_cutoff=threshold)
    if found is None or found.dest_end <= found.dest_start:
        return None
    s, e = _span(narrative, where, found.dest_start, found.dest_end)
    return QuoteMatch(narrative[s:e], s, e, round(found.score, 1), False)


def _pieces(parts: list[str], narrative: str, haystack: str, where: list[int]) -> QuoteMatch | None:
    cursor = 0
    first = last = -1
    for part in parts:
        pos = haystack.find(part, cursor)
        if pos < 0:
            return None
        first = pos if first < 0 else first
        last = pos + len(part)
        cursor = last
    s, e = _span(narrative, where, first, last)
    return QuoteMatch(narrative[s:e], s, e, 100.0, True)
