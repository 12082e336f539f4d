"""The sidebar: page choice, session, analysis date, jurisdiction, provider, resource status
and the not-legal-advice notice.

Changing the date or the jurisdiction re-runs the rule core on the session's facts at once;
changing the provider only affects later LLM calls.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from assistant.facts import Provenance, set_fact
from assistant.report import NOT_LEGAL_ADVICE
from assistant.settings import Provider
from assistant.ui.context import AppContext
from assistant.ui.session import new_session

__all__ = ["ANALYSIS", "MEMBER_STATES", "SETTINGS_PAGE", "render_sidebar"]

ANALYSIS = "Analysis"
SETTINGS_PAGE = "Corpus & settings"
MEMBER_STATES = [
    "AT",
    "BE",
    "BG",
    "CY",
    "CZ",
    "DE",
    "DK",
    "EE",
    "ES",
    "FI",
    "FR",
    "GR",
    "HR",
    "HU",
    "IE",
    "IT",
    "LT",
    "LU",
    "LV",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SE",
    "SI",
    "SK",
]
_NOT_SET = "— not set —"


def _providers(ctx: AppContext) -> list[str]:
    names = [p.value for p in Provider if p is not Provider.FAKE]
    if Provider.FAKE.value in (ctx.provider, ctx.settings.provider.value):
        names.append(Provider.FAKE.value)  # tests and demos only
    return names


_PICKED = "{}__picked"


def _remember(key: str) -> None:
    """on_change: keep the user's pick; the run applies it (widgets may lag the session)."""
    st.session_state[_PICKED.format(key)] = st.session_state[key]


def _pick(key: str, current: object) -> object:
    """The user's new pick for ``key`` if any, else ``current``; the widget is set to it.

    The session (not the widget) is the truth: a triage can set the jurisdiction, a reload
    brings back the date, so every run puts the session's value into the widget first.
    """
    picked = st.session_state.pop(_PICKED.format(key), current)
    st.session_state[key] = picked
    return picked


def _date(ctx: AppContext) -> None:
    key = "sidebar_as_of"
    picked = _pick(key, ctx.as_of)
    if isinstance(picked, date) and picked != ctx.as_of:
        ctx.session.state.as_of = picked.isoformat()
        ctx.commit(ctx.case(), [f"analysis date {picked.isoformat()}"])
    st.date_input(
        "Analysis date",
        min_value=date(1985, 7, 25),
        max_value=date(2040, 12, 31),
        key=key,
        on_change=_remember,
        args=(key,),
        help="The law in force on this date is applied (default: today).",
    )


def _jurisdiction(ctx: AppContext) -> None:
    key = "sidebar_jurisdiction"
    current = ctx.jurisdiction if ctx.jurisdiction in MEMBER_STATES else _NOT_SET
    picked = _pick(key, current)
    code = None if picked == _NOT_SET else str(picked)
    if picked != current:
        ctx.session.state.jurisdiction = code
        case = set_fact(ctx.case(), "jurisdiction.member_state", code, Provenance.user())
        ctx.commit(case, [f"jurisdiction {code or 'not set'}"])
    st.selectbox(
        "Jurisdiction",
        [_NOT_SET, *MEMBER_STATES],
        key=key,
        on_change=_remember,
        args=(key,),
        help="Member State where the harm occurred or the claim is brought.",
    )


def _provider(ctx: AppContext) -> None:
    key = "sidebar_provider"
    names = _providers(ctx)
    current = ctx.provider if ctx.provider in names else names[0]
    picked = _pick(key, current)
    if picked != current and isinstance(picked, str):
        state = ctx.session.state
        state.provider = picked
        ctx.session.save(state)
    st.selectbox(
        "Language model",
        names,
        key=key,
        on_change=_remember,
        args=(key,),
        help="'none' works fully offline without a model (deterministic analysis).",
    )


def _status(ctx: AppContext) -> None:
    corpus = "ready" if ctx.resources.corpus_ready() else "loading…"
    st.caption(f"Legal corpus: {corpus} · search index: {ctx.resources.retriever_state()}")


def render_sidebar(ctx: AppContext) -> str:
    """Draw the sidebar; returns the page to show."""
    with st.sidebar:
        st.title("⚖️ AI liability assistant")
        page = st.radio("Page", [ANALYSIS, SETTINGS_PAGE], key="page", label_visibility="collapsed")
        st.divider()
        if ctx.session.unknown_link:
            st.info("That session link is unknown or expired: a new session was started.")
        elif ctx.session.restored and (ctx.session.state.case or ctx.session.state.messages):
            st.caption("Session restored.")
        st.caption(
            f"Session `{ctx.session.id[:8]}…` — bookmark this page's address to come back. "
            "Anyone with the link can open the session."
        )
        if st.button("New session", key="sidebar_new_session"):
            new_session(ctx.settings)
            st.rerun()
        _date(ctx)
        _jurisdiction(ctx)
        _provider(ctx)
        _status(ctx)
        st.divider()
        st.warning(NOT_LEGAL_ADVICE, icon=":material/gavel:")
    return str(page)
