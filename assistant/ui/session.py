"""The browser session: its id in the URL (``?session=...``), its state in SQLite.

The store is the only truth: every run reads the session's state by the id in the URL, and
every change is written back at once, so a reload (or a restart of the server) restores the
session and two browser tabs never see each other's data unless they share the link. An id the
store did not issue is never adopted: the visitor gets a fresh session and a new URL.
Widget state kept by Streamlit in the browser tab is dropped when the tab switches session, so
nothing typed for one session leaks into another.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from assistant.sessions import SessionState, SessionStore
from assistant.settings import Settings

__all__ = ["QUERY_KEY", "SessionHandle", "new_session", "open_session", "store_for"]

QUERY_KEY = "session"
_CURRENT = "_session_id"
_UNKNOWN_LINK = "_session_unknown_link"
_RESTORED = "_session_restored"


@st.cache_resource(show_spinner=False, max_entries=8)
def _store(path: str) -> SessionStore:
    from pathlib import Path

    return SessionStore(Path(path))


def store_for(settings: Settings) -> SessionStore:
    """The session store under the settings' data dir (one per process)."""
    return _store(str(settings.sessions_db))


@dataclass
class SessionHandle:
    """The current session: id, state and where to save it."""

    id: str
    state: SessionState
    store: SessionStore
    restored: bool
    unknown_link: bool = False

    def save(self, state: SessionState | None = None) -> None:
        """Write ``state`` (default: the current one) to the store at once."""
        if state is not None:
            self.state = state
        self.store.save(self.id, self.state)


def _forget_widget_state() -> None:
    for key in list(st.session_state.keys()):
        if key != _CURRENT:
            del st.session_state[key]


def open_session(settings: Settings) -> SessionHandle:
    """The session named in the URL, or a new one (and the URL updated to name it)."""
    store = store_for(settings)
    requested = st.query_params.get(QUERY_KEY)
    session_id, state = store.open(requested)
    if session_id != requested:
        st.query_params[QUERY_KEY] = session_id
    if st.session_state.get(_CURRENT) != session_id:
        _forget_widget_state()
        st.session_state[_CURRENT] = session_id
        # Remembered for this browser tab, not just for the first run.
        st.session_state[_RESTORED] = session_id == requested
        if requested and session_id != requested:
            st.session_state[_UNKNOWN_LINK] = True
    return SessionHandle(
        id=session_id,
        state=state,
        store=store,
        restored=bool(st.session_state.get(_RESTORED)),
        unknown_link=bool(st.session_state.get(_UNKNOWN_LINK)),
    )


def new_session(settings: Settings) -> str:
    """Start a new, empty session and point the URL at it (the old one stays stored)."""
    session_id, _ = store_for(settings).open(None)
    st.query_params[QUERY_KEY] = session_id
    _forget_widget_state()
    st.session_state[_CURRENT] = session_id
    return session_id
