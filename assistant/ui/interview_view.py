"""The Interview tab: a chat that asks a few good questions at a time, shows what it
understood, updates the analysis as facts arrive, and answers free questions with citations.

A turn is one of three things (``chat_logic.classify_message``): facts about the case (run
through the triage pipeline, merged into the session's case), answers to the pending questions
(the interviewer turns each into facts), or a free question (a cited answer from retrieval,
streamed). After facts change the rule core re-runs and the next questions are phrased.
"""

from __future__ import annotations

import logging
from typing import Any

import streamlit as st

from assistant.errors import AssistantError
from assistant.facts import Case
from assistant.report import escape_md
from assistant.sessions import ChatMessage
from assistant.ui.actions import compose_text, run_triage
from assistant.ui.analysis import describe_changes, has_facts
from assistant.ui.chain_port import chain_part
from assistant.ui.chat_logic import (
    TurnKind,
    TurnMode,
    classify_message,
    findings_changes,
    questions_markdown,
    split_answers,
    understood_markdown,
)
from assistant.ui.context import AppContext
from assistant.ui.widgets import DRAFT_LABEL, inert, safe

__all__ = ["FIRST_RUN_DONE", "GREETING", "render_interview"]

log = logging.getLogger(__name__)

GREETING = (
    "Hello. Tell me about the AI system and what happened: what the system does, which "
    "companies built, sold, ran or used it, and what harm resulted. I will ask a few questions "
    "at a time and update the analysis as we go. You can also ask about the law at any point "
    "(for example: *What does Art 10 PLD 2024 mean for us?*)."
)
QUESTION_LIMIT = 3
FIRST_RUN_DONE = "_first_run_done"
RETRIEVER_WAIT_S = 120.0


def _say(ctx: AppContext, role: str, content: str) -> None:
    state = ctx.session.state
    state.messages.append(ChatMessage(role=role, content=content))
    ctx.session.save(state)


def _next_questions(ctx: AppContext, case: Case) -> str:
    """Phrase the next questions, store them as pending, and return them as Markdown."""
    from assistant.rules import evaluate

    part = chain_part("interview")
    state = ctx.session.state
    skipped = set(state.skipped_questions)
    assessment = evaluate(case, ctx.as_of, questions=QUESTION_LIMIT + len(skipped))
    open_questions = [q for q in assessment.questions if q.id not in skipped]
    if part.module is None:
        state.pending_questions = []
        ctx.session.save(state)
        if not open_questions:
            return ""
        texts = [q.text for q in open_questions[:QUESTION_LIMIT]]
        return (
            "Open questions (answer them in the Facts tab — "
            f"{escape_md(part.message())}):\n\n" + questions_markdown(texts)
        )
    selection = ctx.model()
    with st.spinner("Choosing the next questions…"):
        phrased = part.module.phrase_questions(
            case,
            assessment.model_copy(update={"questions": open_questions}),
            model=selection.model,
            limit=QUESTION_LIMIT,
        )
    state.pending_questions = [q.model_dump(mode="json") for q in phrased]
    ctx.session.save(state)
    if not phrased:
        return "I have no further questions for now: see Findings for the analysis."
    return "**Next questions** (answer by number, e.g. *1. yes 2. in March 2026*):\n\n" + (
        questions_markdown([q.text for q in phrased])
    )


def _narrative_turn(ctx: AppContext, text: str, box: Any) -> str:
    before_report = ctx.report()
    pieces: list[str] = []

    def on_token(piece: str) -> None:
        pieces.append(piece)
        box.markdown(DRAFT_LABEL + safe("".join(pieces)) + " ▌")

    uploads = ctx.session.state.uploads
    narrative = "\n\n".join(x for x in (ctx.session.state.narrative, text) if x)
    with st.spinner("Reading the facts…"):
        outcome = run_triage(
            ctx, compose_text(text, uploads), narrative=narrative, on_token=on_token
        )
    if not outcome.ok:
        return "I could not analyse that: " + escape_md(outcome.error or "unknown error")
    report = ctx.report()
    status = findings_changes(before_report, report) if report else []
    notes = "".join(f"\n\n**Note:** {escape_md(n)}" for n in outcome.notes)
    assert outcome.analysis is not None
    return (
        understood_markdown(outcome.changes, status)
        + notes
        + "\n\n"
        + _next_questions(ctx, outcome.analysis.case)
    )


def _answer_turn(ctx: AppContext, text: str) -> str:
    part = chain_part("interview")
    if part.module is None:
        return escape_md(part.message())
    state = ctx.session.state
    pending = list(state.pending_questions)
    answers = split_answers(text, len(pending))
    before_case, before_report = ctx.case(), ctx.report()
    case = before_case
    said: list[str] = []
    unclear: list[dict[str, object]] = []
    selection = ctx.model()
    with st.spinner("Taking your answer into the facts…"):
        for index, answer in sorted(answers.items()):
            question = part.module.PhrasedQuestion.model_validate(pending[index])
            result = part.module.apply_answer(case, question, answer, model=selection.model)
            if result.outcome is not None and result.outcome.user_message:
                said.append(f"**Note:** {escape_md(result.outcome.user_message)}")
            if not result.ok:
                unclear.append(pending[index])
                said.append(
                    f"About *{escape_md(question.text)}*: {escape_md(result.clarification)}"
                )
                continue
            if result.unknown:
                state.skipped_questions.append(question.id)
                said.append(f"Noted: *{escape_md(question.text)}* stays open.")
            case = result.case
    changes = describe_changes(before_case, case)
    analysis = ctx.commit(case, changes)
    status = findings_changes(before_report, analysis.report)
    reply = understood_markdown(changes, status) if changes or not said else ""
    reply += "".join(f"\n\n{line}" for line in said)
    if unclear:
        # Ask back only what was not understood; the other answers are already in the facts.
        state = ctx.session.state
        state.pending_questions = unclear
        ctx.session.save(state)
        return (
            reply
            + "\n\n**Please answer again:**\n\n"
            + questions_markdown([str(q.get("text", "")) for q in unclear])
        )
    return reply + "\n\n" + _next_questions(ctx, case)


def _question_turn(ctx: AppContext, text: str, box: Any) -> str:
    part = chain_part("ask")
    if part.module is None:
        return escape_md(part.message())
    pieces: list[str] = []

    def on_token(piece: str) -> None:
        pieces.append(piece)
        box.markdown(DRAFT_LABEL + safe("".join(pieces)) + " ▌")

    selection = ctx.model()
    with st.spinner("Searching the law…"):
        retriever = ctx.resources.retriever(timeout=RETRIEVER_WAIT_S)
        answer = part.module.ask(
            text,
            settings=ctx.settings,
            provider=selection.provider,
            as_of=ctx.as_of,
            corpus=ctx.corpus(),
            retriever=retriever,
            model=selection.model,
            on_token=on_token,
        )
    # ``answer.markdown`` is escaped by the chain (IDs and EUR-Lex autolinks kept).
    reply = inert(str(answer.markdown))
    flagged = [i for i in answer.issues if i.action == "flagged"]
    if flagged:
        reply += f"\n\n**Note:** {len(flagged)} sentence(s) could not be fully checked against "
        reply += "the cited provisions."
    reply += "".join(f"\n\n**Note:** {escape_md(str(n))}" for n in answer.notes)
    return reply + f"\n\n*{escape_md(answer.notice)}*"


def _turn(ctx: AppContext, text: str, mode: TurnMode, history: Any) -> None:
    state = ctx.session.state
    kind = classify_message(
        text, mode, has_facts=has_facts(ctx.case()), pending=len(state.pending_questions)
    )
    _say(ctx, "user", text)
    with history.chat_message("user"):
        st.markdown(safe(text))
    with history.chat_message("assistant"):
        box = st.empty()
        try:
            if kind is TurnKind.QUESTION:
                reply = _question_turn(ctx, text, box)
            elif kind is TurnKind.ANSWER:
                reply = _answer_turn(ctx, text)
            else:
                reply = _narrative_turn(ctx, text, box)
        except AssistantError as exc:
            reply = "Something went wrong: " + escape_md(exc.message)
            if exc.hint:
                reply += " — " + escape_md(exc.hint)
            reply += "\n\nYour facts are unchanged."
        except Exception as exc:  # a bug in the chain: say so, keep the conversation going
            log.exception("chat turn failed")
            reply = (
                f"Something went wrong on my side ({escape_md(type(exc).__name__)}). Your "
                "facts are unchanged; try again, or use the Triage and Facts tabs."
            )
        box.markdown(reply)
    _say(ctx, "assistant", reply)
    st.rerun()  # redraw from the stored conversation (and the sidebar from the new facts)


def render_interview(ctx: AppContext) -> None:
    """The whole Interview tab."""
    if st.session_state.get(FIRST_RUN_DONE):
        # Not on the very first run: the first page paints before torch/ONNX start loading.
        ctx.resources.start_retriever()
    history = st.container()  # the conversation, above the input; a new turn is drawn here
    with history.chat_message("assistant"):
        st.markdown(GREETING)
    for message in ctx.session.state.messages:
        with history.chat_message(message.role):
            # Assistant messages were composed with user/LLM parts escaped; user text is raw.
            st.markdown(message.content if message.role == "assistant" else safe(message.content))
    mode = st.radio(
        "Read my next message as",
        [m.value for m in TurnMode],
        horizontal=True,
        key="chat_mode",
    )
    prompt = st.chat_input(
        "Describe what happened, answer the questions, or ask about the law",
        max_chars=ctx.settings.max_narrative_chars,
    )
    if prompt:
        _turn(ctx, prompt, TurnMode(mode), history)
