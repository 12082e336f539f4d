"""Fixtures for the web-app tests: AppTest runs of ``app.py`` with provider ``none`` and a
digest-only corpus (fast), sessions seeded through the real session store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from assistant.facts import Case
from assistant.sessions import SessionState, SessionStore
from assistant.settings import get_settings

APP = Path(__file__).resolve().parents[2] / "app.py"
AS_OF = date(2027, 7, 1)

# Our own invented case (robot mower), as the fact model's JSON.
MOWER: dict[str, Any] = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {"is_ai_system": True},
    "product": {"name": "AutoMow X", "market_date": "2027-03-01", "kind": "physical_product"},
    "actors": [
        {
            "name": "GreenBlade GmbH",
            "roles": ["developer", "provider"],
            "established_in_eu": True,
            "placed_on_market": True,
        },
        {"name": "Lisa", "roles": ["end_user"]},
    ],
    "claimant": {"type": "natural_person"},
    "damage": [{"type": "personal_injury"}],
    "incident": {"date": "2027-06-12", "obvious_malfunction": True},
}


@pytest.fixture(autouse=True)
def _fresh_app_caches() -> Iterator[None]:
    """Each test gets its own resources (corpus loader, session store) for its data dir."""
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def store() -> SessionStore:
    """The session store the app uses under the test's data dir."""
    return SessionStore(get_settings().sessions_db)


def seed_session(case: dict[str, Any] | None = None, **fields: Any) -> str:
    """A stored session holding ``case`` and its report (what a finished triage leaves)."""
    from assistant.corpus import load_corpus
    from assistant.ui.analysis import reassess, with_analysis

    state = SessionState(as_of=AS_OF.isoformat(), provider="none", **fields)
    if case is not None:
        analysis = reassess(Case.model_validate(case), AS_OF, load_corpus())
        state = with_analysis(state, analysis.case, analysis.report)
    return store().create(state)


def run_app(session_id: str | None = None, tab: str | None = None) -> AppTest:
    """Run the app once (optionally for a stored session and on a given tab)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    if session_id is not None:
        at.query_params["session"] = session_id
    at.run()
    assert not at.exception, at.exception
    if tab is not None:
        switch_tab(at, tab)
    return at


def switch_tab(at: AppTest, tab: str) -> AppTest:
    """Open a tab the way a click does (the tabs keep their state under ``main_tab``)."""
    at.session_state["main_tab"] = tab
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    """All Markdown, headings, captions and alert texts of the page, joined (for assertions)."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.value for h in (*at.title, *at.header, *at.subheader)]
    for kind in (at.info, at.success, at.warning, at.error):
        parts += [e.value for e in kind]
    return "\n".join(str(p) for p in parts)


def session_id(at: AppTest) -> str:
    """The session id the app put in the URL."""
    value = at.query_params["session"]
    return value[0] if isinstance(value, list) else str(value)
