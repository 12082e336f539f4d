"""The app: sidebar + tabs (Interview, Triage, Facts, Findings, Export) or the Corpus & settings
page. ``app.py`` calls ``main()``.

Order of a run: page config, session (from the URL), resources (background loads start),
pending fact-table edits applied, then drawing. Only the open tab is computed
(``st.tabs(on_change="rerun")``), so a rerun never pays for the PDF or the diagram of a tab
nobody looks at.
"""

from __future__ import annotations

import streamlit as st

from assistant.settings import get_settings
from assistant.ui.context import AppContext
from assistant.ui.resources import resources
from assistant.ui.session import open_session

__all__ = ["TABS", "main"]

TABS = ("Interview", "Triage", "Facts", "Findings", "Export")
TAB_KEY = "main_tab"


def _no_report() -> None:
    st.info(
        "No analysis yet. Describe the incident in **Interview** or paste it in **Triage** "
        "(or set facts by hand in **Facts**)."
    )


def _analysis_page(ctx: AppContext) -> None:
    from assistant.ui.triage_view import GOTO

    goto = st.session_state.pop(GOTO, None)
    if goto in TABS:
        st.session_state[TAB_KEY] = goto
    tabs = st.tabs(list(TABS), key=TAB_KEY, on_change="rerun")
    interview, triage, facts, findings, export = tabs
    if interview.open:
        with interview:
            from assistant.ui.interview_view import render_interview

            render_interview(ctx)
    if triage.open:
        with triage:
            from assistant.ui.triage_view import render_triage

            render_triage(ctx)
    if facts.open:
        with facts:
            from assistant.ui.facts_view import render_facts

            render_facts(ctx.case(), _question_paths(ctx), ctx.commit)
    if findings.open:
        with findings:
            from assistant.ui.findings_view import render_findings

            report = ctx.report()
            render_findings(report) if report is not None else _no_report()
    if export.open:
        with export:
            from assistant.ui.export_view import render_export

            report = ctx.report()
            render_export(report) if report is not None else _no_report()


def _question_paths(ctx: AppContext) -> list[str]:
    """Fact paths behind the open questions (asked first in the Facts form)."""
    from assistant.rules import evaluate
    from assistant.ui.analysis import has_facts

    case = ctx.case()
    if not has_facts(case):
        return []
    paths: list[str] = []
    for q in evaluate(case, ctx.as_of).questions:
        paths.extend(q.fact_paths)
    return list(dict.fromkeys(paths))


def main() -> None:
    """Draw the app for one run."""
    st.set_page_config(page_title="AI liability assistant", page_icon="⚖️", layout="wide")
    settings = get_settings()
    session = open_session(settings)
    ctx = AppContext(settings=settings, session=session, resources=resources(settings))

    from assistant.ui.facts_view import consume_table_edits
    from assistant.ui.interview_view import FIRST_RUN_DONE
    from assistant.ui.sidebar import SETTINGS_PAGE, render_sidebar

    consume_table_edits(ctx.case(), ctx.commit)
    page = render_sidebar(ctx)
    if page == SETTINGS_PAGE:
        st.session_state[FIRST_RUN_DONE] = True
        from assistant.ui.corpus_page import render_corpus_page

        render_corpus_page(ctx)
        return
    st.title("AI liability assistant")
    st.caption(
        "Who is liable — under which EU or national regime — when an AI system causes harm "
        "along its value chain. First-pass analysis with citations; not legal advice."
    )
    _analysis_page(ctx)
    st.session_state[FIRST_RUN_DONE] = True
