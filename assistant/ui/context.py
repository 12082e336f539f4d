"""What every page of one run works with: settings, the session, shared resources.

``AppContext.commit`` is the one way a page changes the case: it re-runs the rule core, rebuilds
the report and saves the session, so the findings, the fact sheet and the export always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import streamlit as st

from assistant.facts import Case
from assistant.report import Report
from assistant.settings import Settings
from assistant.ui.analysis import (
    STALE_ANALYSIS_NOTE,
    Analysis,
    analysis_date,
    case_of,
    reassess,
    report_of,
    with_analysis,
)
from assistant.ui.resources import Resources
from assistant.ui.session import SessionHandle

if TYPE_CHECKING:
    from assistant.corpus import Corpus
    from assistant.llm import ModelSelection

__all__ = ["AppContext"]

CORPUS_WAIT_S = 120.0


@dataclass
class AppContext:
    """Settings, session and resources for one script run."""

    settings: Settings
    session: SessionHandle
    resources: Resources

    @property
    def provider(self) -> str:
        """The session's LLM provider (default: the configured one)."""
        return self.session.state.provider or self.settings.provider.value

    @property
    def as_of(self) -> date:
        """The session's analysis date (default: settings, else today)."""
        return analysis_date(self.session.state, self.settings.analysis_date())

    @property
    def jurisdiction(self) -> str | None:
        """The session's jurisdiction (ISO code): chosen in the sidebar, else from the facts."""
        chosen = self.session.state.jurisdiction
        return chosen or self.case().jurisdiction.member_state

    def case(self) -> Case:
        """The session's case."""
        return case_of(self.session.state)

    def report(self) -> Report | None:
        """The session's report, if an analysis exists."""
        return report_of(self.session.state)

    def corpus(self) -> Corpus:
        """The corpus, waiting for the background load under a spinner if needed."""
        if not self.resources.corpus_ready():
            with st.spinner("Loading the legal corpus…"):
                return self.resources.corpus(CORPUS_WAIT_S)
        return self.resources.corpus()

    def model(self) -> ModelSelection:
        """The session provider's chat model (may have fallen back to none)."""
        return self.resources.model(self.provider)

    def commit(self, case: Case, changes: list[str]) -> Analysis:
        """Re-assess ``case`` with the rule core, rebuild the report and save the session."""
        old = self.report()
        notes: list[str] = []
        if old is not None and old.analysis_markdown and old.provider != "none":
            notes.append(STALE_ANALYSIS_NOTE)
        # No model runs here: the report says so (provider none), whatever the session uses.
        analysis = reassess(case, self.as_of, self.corpus(), provider="none", provider_notes=notes)
        state = with_analysis(self.session.state, analysis.case, analysis.report)
        if changes:
            state.events.append("Facts updated: " + "; ".join(changes[:10]))
            state.events[:] = state.events[-50:]
        self.session.save(state)
        return analysis

    def clear_analysis(self) -> None:
        """Forget case, report and narrative (keeps messages and uploads)."""
        state = self.session.state.model_copy(
            update={"case": {}, "report": None, "narrative": "", "pending_questions": []}
        )
        self.session.save(state)
