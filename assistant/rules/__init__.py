"""The deterministic rule core (LEGAL_RULES.md): facts in, findings per regime x actor out.

``evaluate(case, as_of)`` returns an ``Assessment``: internal findings (with duty lines), one
public row per (regime, actor) in the VOCABULARY.md statuses, the three Mozilla steps, notes
and ranked follow-up questions. ``emittable_provisions()`` lists every citation ID the core can
ever print (the corpus and the verifier check them). No I/O beyond the legal-date data loaded
once, no LLM, no network.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.rules.catalogue import CATALOGUE
from assistant.rules.dates import LegalData, LegalDate, legal_data
from assistant.rules.engine import evaluate
from assistant.rules.model import (
    Assessment,
    Finding,
    MissingFact,
    Note,
    ProvisionalStatuses,
    Question,
    Reason,
    Statement,
    Step,
)
from assistant.rules.national import national_ids
from assistant.rules.questions import next_questions

__all__ = [
    "Assessment",
    "Finding",
    "LegalData",
    "LegalDate",
    "MissingFact",
    "Note",
    "ProvisionalStatuses",
    "Question",
    "Reason",
    "Statement",
    "Step",
    "emittable_provisions",
    "evaluate",
    "legal_data",
    "next_questions",
]


@lru_cache(maxsize=1)
def _emittable() -> frozenset[str]:
    out: set[str] = set()
    for cond in CATALOGUE.values():
        out.update(cond.provisions)
    out |= legal_data().all_provisions()
    out |= national_ids()
    return frozenset(out)


def emittable_provisions() -> set[str]:
    """Every provision ID the rule core can emit (EU IDs and national digest IDs)."""
    return set(_emittable())
