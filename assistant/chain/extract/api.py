"""``extract_case``: narrative -> case facts, with the narrative's words behind every fact."""

from __future__ import annotations

import time
from datetime import date
from typing import Literal

from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel, ConfigDict, Field

from assistant.chain.extract.candidates import Draft, DroppedFact
from assistant.chain.extract.combine import combine_drafts
from assistant.chain.extract.merge import ExtractedFact, FactConflict, merge_draft
from assistant.chain.extract.model_extractor import extract_with_model
from assistant.chain.extract.rules_extractor import extract_with_rules
from assistant.chain.extract.text import strip_invisible, without_instructions
from assistant.facts import Case
from assistant.llm.outcome import CallOutcome

__all__ = ["ExtractionResult", "extract_case"]

_DATE_PATHS = ("incident.date", "product.market_date", "modification.date", "market_date")


class ExtractionResult(BaseModel):
    """The case after extraction and a record of how each proposal was treated."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    case: Case
    added: list[ExtractedFact] = Field(default_factory=list)
    dropped: list[DroppedFact] = Field(default_factory=list)
    conflicts: list[FactConflict] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    method: Literal["rules", "model+rules"] = "rules"
    outcome: CallOutcome | None = None
    elapsed_s: float = 0.0


def _future_dates(draft: Draft, today: date) -> None:
    """Dates after ``today`` cannot be a past incident or market entry: drop them."""
    kept = []
    for fact in draft.facts:
        if fact.path in _DATE_PATHS and isinstance(fact.value, date) and fact.value > today:
            draft.dropped.append(
                DroppedFact(
                    fact.label,
                    fact.value.isoformat(),
                    fact.quote,
                    f"the date lies after the analysis date {today.isoformat()}",
                    fact.origin,
                )
            )
            continue
        kept.append(fact)
    draft.facts = kept


def extract_case(
    text: str,
    *,
    model: BaseChatModel | None = None,
    base_case: Case | None = None,
    today: date | None = None,
) -> ExtractionResult:
    """Facts of ``text`` merged into ``base_case`` (or a new case).

    ``model=None`` uses the deterministic pattern extractor only. With a model, one
    schema-constrained call proposes actors with roles and two dates; every quote is checked
    against the narrative and the model fills only the gaps the patterns leave. A model failure
    or unusable reply falls back to the patterns with a note; it never raises.
    Facts the user stated in ``base_case`` are never overwritten (see ``conflicts``).
    ``today`` (the analysis date) drops dates that lie after it.
    """
    started = time.monotonic()
    clean = strip_invisible(text)
    rules = extract_with_rules(clean)
    draft, method, outcome = rules, "rules", None
    notes: list[str] = []
    # The model reads the narrative without the passages addressed to it (prompt injection):
    # it cannot obey what it never sees. The pattern extractor's note tells the user.
    for_model, _ = without_instructions(clean)
    if model is not None:
        try:
            found = extract_with_model(model, for_model)
        except Exception as exc:  # a model integration bug must not lose the triage
            found = None
            notes.append(f"The language model extraction failed ({type(exc).__name__}); "
                         "used the deterministic extractor.")  # fmt: skip
        if found is not None:
            outcome = found.outcome
            if found.draft is not None:
                draft, method = combine_drafts(found.draft, rules), "model+rules"
            else:
                tries = found.outcome.attempt_count
                notes.append(
                    f"The language model gave no usable answer after {tries} attempt"
                    f"{'s' if tries != 1 else ''}; used the deterministic extractor."
                )
    if today is not None:
        _future_dates(draft, today)
    merged = merge_draft(base_case if base_case is not None else Case(), draft)
    return ExtractionResult(
        case=merged.case,
        added=merged.added,
        dropped=merged.dropped,
        conflicts=merged.conflicts,
        notes=[*draft.notes, *notes],
        method=method,
        outcome=outcome,
        elapsed_s=round(time.monotonic() - started, 3),
    )
