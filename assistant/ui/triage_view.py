"""The Triage tab: paste a narrative (and/or upload PDF/TXT documents) and get the first-pass
report with the open questions.

Uploads belong to the session only: their text is kept in the session store, shown here, and
sent along with the narrative as context; it is never added to the shared search index.
"""

from __future__ import annotations

import hashlib
import math

import streamlit as st

from assistant.errors import InputError
from assistant.inputs import read_narrative, read_upload
from assistant.report import Report, ReportFinding
from assistant.sessions import StoredUpload
from assistant.ui.actions import compose_text, run_triage
from assistant.ui.chain_port import chain_part
from assistant.ui.context import AppContext
from assistant.ui.examples import EXAMPLES
from assistant.ui.findings_view import render_summary
from assistant.ui.widgets import DRAFT_LABEL, safe, status_badge

__all__ = ["GOTO", "render_triage"]

GOTO = "_goto_tab"
_UPLOAD_VERSION = "_upload_version"
_UPLOAD_FLASH = "_upload_flash"
_NARRATIVE = "narrative_input"
_TRIAGE_NOTES = "_triage_notes"
PREVIEW_CHARS = 4000


def _upload_key() -> str:
    return f"upload_{st.session_state.get(_UPLOAD_VERSION, 0)}"


def _take_uploads(ctx: AppContext) -> None:
    files = st.file_uploader(
        "Add documents (PDF or TXT) — used for this session only, never shared",
        type=["pdf", "txt", "md"],
        accept_multiple_files=True,
        key=_upload_key(),
        max_upload_size=max(1, math.ceil(ctx.settings.max_upload_mb)),
        help=f"Up to {ctx.settings.max_upload_mb:.0f} MB and {ctx.settings.max_pdf_pages} pages.",
    )
    if not files:
        return
    state = ctx.session.state
    known = {hashlib.sha256(u.text.encode()).hexdigest() for u in state.uploads}
    added: list[str] = []
    errors: list[str] = []
    for f in files:
        try:
            text = read_upload(f.name, f.getvalue(), ctx.settings)
        except InputError as exc:
            errors.append(exc.message + (f" — {exc.hint}" if exc.hint else ""))
            continue
        digest = hashlib.sha256(text.text.encode()).hexdigest()
        if digest in known:
            continue
        known.add(digest)
        state.uploads.append(StoredUpload(**text.model_dump()))
        added.append(text.name)
    if added:
        ctx.session.save(state)
    # A fresh uploader: a file is read once, and the list below is what the session holds.
    st.session_state[_UPLOAD_VERSION] = st.session_state.get(_UPLOAD_VERSION, 0) + 1
    st.session_state[_UPLOAD_FLASH] = (added, errors)
    st.rerun()


def _upload_list(ctx: AppContext) -> None:
    added, errors = st.session_state.pop(_UPLOAD_FLASH, ([], []))
    for name in added:
        st.success(f"Added {safe(name)} to this session.")
    for error in errors:
        st.error("Upload not used: " + safe(error))
    uploads = ctx.session.state.uploads
    for i, upload in enumerate(uploads):
        pages = f", {upload.pages} pages" if upload.pages else ""
        with st.expander(
            f"{safe(upload.name)} ({upload.kind}{pages}, {len(upload.text):,} chars)",
            icon=":material/description:",
        ):
            for warning in upload.warnings:
                st.caption("Note: " + safe(warning))
            preview = upload.text[:PREVIEW_CHARS]
            st.text(preview + ("\n…" if len(upload.text) > PREVIEW_CHARS else ""))
            if st.button("Remove from this session", key=f"upload_remove_{i}"):
                state = ctx.session.state
                del state.uploads[i]
                ctx.session.save(state)
                st.rerun()


def _examples() -> None:
    choice = st.selectbox("Or start from an example", ["", *EXAMPLES], key="example_choice")
    if choice and st.button("Use this example", key="example_use"):
        st.session_state[_NARRATIVE] = EXAMPLES[choice]
        st.rerun()


def render_result(report: Report) -> None:
    """The first-pass report in brief: summary, status per actor, open questions."""
    st.subheader("First-pass result")
    for note in st.session_state.pop(_TRIAGE_NOTES, []):
        st.warning(safe(note))
    render_summary(report)
    by_actor: dict[str, list[ReportFinding]] = {}
    for f in report.findings:
        by_actor.setdefault(f.actor, []).append(f)
    for actor, rows in by_actor.items():
        shown = [
            f"{f.regime.value} {status_badge(f.status)}" for f in rows if f.status != "excluded"
        ]
        excluded = len(rows) - len(shown)
        tail = f" · :gray[{excluded} regimes excluded]" if excluded else ""
        st.markdown(f"**{safe(actor)}** — " + (" · ".join(shown) or "no regime applies") + tail)
    if report.questions:
        st.markdown("**Open questions** (answer them in Interview or Facts):")
        st.markdown("\n".join(f"{i}. {safe(q.text)}" for i, q in enumerate(report.questions, 1)))
    if st.button("Show reasons and citations →", key="triage_to_findings"):
        st.session_state[GOTO] = "Findings"
        st.rerun()


def _analyse(ctx: AppContext, text: str) -> None:
    try:
        narrative = read_narrative(text, ctx.settings).text if text.strip() else ""
    except InputError as exc:
        st.error(safe(exc.message) + (f" — {safe(exc.hint)}" if exc.hint else ""))
        return
    uploads = ctx.session.state.uploads
    if not narrative and not uploads:
        st.warning("Paste a narrative or add a document first.")
        return
    stream_box = st.empty()
    pieces: list[str] = []

    def on_token(piece: str) -> None:
        pieces.append(piece)
        stream_box.markdown(DRAFT_LABEL + safe("".join(pieces)) + " ▌")

    with st.spinner("Analysing… (the rule core decides; the language model drafts)"):
        outcome = run_triage(
            ctx, compose_text(narrative, uploads), narrative=narrative, on_token=on_token
        )
    stream_box.empty()
    if not outcome.ok:
        st.error("The analysis did not run: " + safe(outcome.error or "unknown error"))
        st.caption("Your facts and earlier results are unchanged.")
        for note in outcome.notes:
            st.warning(safe(note))
        return
    # Redraw the whole page (sidebar included) from the new session state; the chain's notes
    # are shown once after the redraw.
    notes = list(outcome.notes)
    if len(text) >= ctx.settings.max_narrative_chars:
        # The text box stops at the limit without a word; say that the rest was not read.
        notes.append(
            f"Your text reached the {ctx.settings.max_narrative_chars:,}-character limit of the "
            "text box: anything pasted beyond it was cut off and not analysed — paste the "
            "incident description itself, or upload the document as a file."
        )
    st.session_state[_TRIAGE_NOTES] = notes
    st.rerun()


def render_triage(ctx: AppContext) -> None:
    """The whole Triage tab."""
    st.markdown(
        "Paste an incident narrative: what the AI system does, who built, sold, ran and used "
        "it, what happened and what harm resulted. You get the first-pass analysis and the "
        "questions that would change it."
    )
    pipeline = chain_part("pipeline")
    if not pipeline.available:
        st.info(pipeline.message())
    _examples()
    if _NARRATIVE not in st.session_state:
        st.session_state[_NARRATIVE] = ctx.session.state.narrative
    text = st.text_area(
        "Incident narrative",
        key=_NARRATIVE,
        max_chars=ctx.settings.max_narrative_chars,
        height=220,
        placeholder="e.g. Our chatbot, built on a model licensed from …, told a customer …",
    )
    _take_uploads(ctx)
    _upload_list(ctx)
    if st.button("Analyse", type="primary", key="triage_run", disabled=not pipeline.available):
        _analyse(ctx, text)
    report = ctx.report()
    if report is not None and report.actors:
        render_result(report)
