"""Runs of the chain from the app: triage a narrative into the session's analysis.

Errors never lose what the session already holds: the state is written only after the chain
returned, and what went wrong (an input error, the LLM failing and the deterministic path
taking over) is shown in the chain's own words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import streamlit as st

from assistant.errors import AssistantError
from assistant.sessions import StoredUpload
from assistant.ui.analysis import Analysis, describe_changes, has_facts, with_analysis
from assistant.ui.chain_port import chain_part
from assistant.ui.context import AppContext

__all__ = ["TriageOutcome", "compose_text", "run_triage"]

log = logging.getLogger(__name__)
UPLOAD_HEADER = "--- Document uploaded by the user: {name} ---"


@dataclass
class TriageOutcome:
    """What a triage run did to the session."""

    ok: bool
    analysis: Analysis | None = None
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None


def compose_text(narrative: str, uploads: list[StoredUpload]) -> str:
    """The narrative followed by the session's uploaded documents, each under a header."""
    parts = [narrative.strip()] if narrative.strip() else []
    for upload in uploads:
        parts.append(UPLOAD_HEADER.format(name=upload.name) + "\n" + upload.text.strip())
    return "\n\n".join(parts)


def run_triage(
    ctx: AppContext, text: str, *, narrative: str, on_token: Callable[[str], None] | None = None
) -> TriageOutcome:
    """Triage ``text`` (narrative + uploads) into the session; the session is saved on success."""
    part = chain_part("pipeline")
    if part.module is None:
        return TriageOutcome(ok=False, error=part.message())
    before = ctx.case()
    selection = ctx.model()
    notes = [selection.message] if selection.fell_back and selection.message else []
    corpus = ctx.corpus()
    retriever = (
        ctx.resources.retriever(timeout=0) if ctx.resources.retriever_state() == "ready" else None
    )
    try:
        result = part.module.triage(
            text,
            settings=ctx.settings,
            provider=selection.provider,
            as_of=ctx.as_of,
            jurisdiction=ctx.jurisdiction,
            corpus=corpus,
            retriever=retriever,
            model=selection.model,
            base_case=before if has_facts(before) else None,
            on_token=on_token,
        )
    except AssistantError as exc:
        hint = f" — {exc.hint}" if exc.hint else ""
        return TriageOutcome(ok=False, error=f"{exc.message}{hint}", notes=notes)
    except Exception as exc:  # a bug in the chain must not take the page (or the facts) down
        log.exception("triage failed")
        return TriageOutcome(
            ok=False, error=f"internal error ({type(exc).__name__}: {exc})", notes=notes
        )
    # What the chain says happened (model fallback, retrieval skipped, facts it could not read).
    notes = list(dict.fromkeys([*notes, *result.provider_notes, *result.extraction_notes]))
    state = with_analysis(ctx.session.state, result.case, result.report)
    state.narrative = narrative
    state.pending_questions = []
    state.events = (state.events + notes)[-50:]
    ctx.session.save(state)
    st.session_state.pop("_interview_questions_for", None)
    return TriageOutcome(
        ok=True,
        analysis=Analysis(result.case, result.assessment, result.report),
        changes=describe_changes(before, result.case),
        notes=notes,
    )
