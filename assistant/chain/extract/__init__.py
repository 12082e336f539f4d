"""Triage extraction: narrative -> case facts, each with the narrative's words as provenance.

Public API::

    extract_case(text, *, model=None, base_case=None, today=None) -> ExtractionResult

``model=None`` (provider ``none``) uses the deterministic pattern extractor
(:mod:`~assistant.chain.extract.rules_extractor`, EN/DE and some FR); with a chat model, one
schema-constrained call (:mod:`~assistant.chain.extract.model_extractor`) is checked quote by
quote against the narrative and fills the gaps the patterns leave (roles of actors they found
without one, missing dates; see :mod:`~assistant.chain.extract.combine` for the measurements). Dates are read in Python
(:mod:`~assistant.chain.extract.dates`). Facts the user stated are never overwritten:
disagreements are returned as ``conflicts``.
"""

from __future__ import annotations

from assistant.chain.extract.api import ExtractionResult, extract_case
from assistant.chain.extract.candidates import DroppedFact
from assistant.chain.extract.dates import DateMention, DateSpan, find_dates, parse_date_text
from assistant.chain.extract.merge import ExtractedFact, FactConflict
from assistant.chain.extract.quotes import QuoteMatch, find_quote

__all__ = [
    "DateMention",
    "DateSpan",
    "DroppedFact",
    "ExtractedFact",
    "ExtractionResult",
    "FactConflict",
    "QuoteMatch",
    "extract_case",
    "find_dates",
    "find_quote",
    "parse_date_text",
]
