"""Chat-turn logic without Streamlit: what a message is, which answer goes to which question,
and the assistant's "what I understood" reply.

Assistant messages are stored as Markdown composed here, with every piece of user or LLM text
escaped as it is inserted (``escape_md``); user messages are stored raw and escaped on display.
"""

from __future__ import annotations

import re
from enum import StrEnum

from assistant.report import Report, escape_md

__all__ = [
    "TurnKind",
    "TurnMode",
    "classify_message",
    "findings_changes",
    "looks_like_question",
    "questions_markdown",
    "split_answers",
    "understood_markdown",
]

_QUESTION_START = re.compile(
    r"^(what|which|who|whom|whose|when|where|why|how|is|are|does|do|did|can|could|should|"
    r"would|will|may|must|explain|tell me|was|were|has|have)\b",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"(?:^|\s)(?:Q\s*)?(\d{1,2})\s*[.):]\s+", re.IGNORECASE)
_PROVISION_REF = re.compile(r"\b(art(icle)?\.?\s*\d+|recital\s+\d+|annex\s+[ivx]+)\b", re.I)


class TurnMode(StrEnum):
    """How the user wants the next message read (the chat's mode switch)."""

    AUTO = "Auto"
    ANSWER = "Answer to the questions"
    QUESTION = "Question about the law"
    FACTS = "More about the incident"


class TurnKind(StrEnum):
    """What a message is treated as."""

    QUESTION = "question"  # free question: cited answer from retrieval
    ANSWER = "answer"  # answer to the pending interview questions
    NARRATIVE = "narrative"  # facts about the case: triage merges them in


def looks_like_question(text: str) -> bool:
    """True for a question about the law rather than facts ("What does Art 10 PLD mean?")."""
    stripped = text.strip()
    if not stripped:
        return False
    if stripped.endswith("?") and (
        _QUESTION_START.match(stripped) or _PROVISION_REF.search(stripped)
    ):
        return True
    return bool(_QUESTION_START.match(stripped) and _PROVISION_REF.search(stripped))


def classify_message(text: str, mode: TurnMode, *, has_facts: bool, pending: int) -> TurnKind:
    """Decide how to treat a chat message (the explicit mode wins over the guess)."""
    if mode is TurnMode.QUESTION:
        return TurnKind.QUESTION
    if mode is TurnMode.FACTS:
        return TurnKind.NARRATIVE
    if mode is TurnMode.ANSWER:
        return TurnKind.ANSWER if pending else TurnKind.NARRATIVE
    if looks_like_question(text):
        return TurnKind.QUESTION
    if has_facts and pending:
        return TurnKind.ANSWER
    return TurnKind.NARRATIVE


def split_answers(text: str, count: int) -> dict[int, str]:
    """Map question number (0-based) -> answer text.

    "1. yes 2) in March 2026" answers questions 1 and 2; an unnumbered message answers the
    first pending question only (applying one free answer to several questions would put the
    same words into unrelated facts).
    """
    if count <= 0:
        return {}
    marks = [m for m in _NUMBERED.finditer(text) if 1 <= int(m.group(1)) <= count]
    if not marks:
        return {0: text.strip()}
    out: dict[int, str] = {}
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        piece = text[mark.end() : end].strip().rstrip(",;")
        if piece:
            out[int(mark.group(1)) - 1] = piece
    return out


def questions_markdown(texts: list[str]) -> str:
    """The pending questions as a numbered Markdown list (texts escaped)."""
    return "\n".join(f"{i}. {escape_md(t)}" for i, t in enumerate(texts, 1))


def findings_changes(before: Report | None, after: Report) -> list[str]:
    """Status changes per (regime, actor) between two reports, as short Markdown lines.

    Rows that appear already excluded are counted, not listed (a first analysis excludes most
    regimes, and a list of them buries the few that matter).
    """
    old = {(f.regime.value, f.actor): f.status.value for f in (before.findings if before else [])}
    out: list[str] = []
    new_excluded = 0
    for f in after.findings:
        key = (f.regime.value, f.actor)
        was = old.get(key)
        if was == f.status.value:
            continue
        if was is None and f.status.value == "excluded":
            new_excluded += 1
            continue
        arrow = f"{was} → " if was else ""
        out.append(f"{f.regime.value} / {escape_md(f.actor)}: {arrow}**{f.status.value}**")
    if new_excluded:
        out.append(f"{new_excluded} other regime rows excluded (see Findings)")
    return out


def understood_markdown(changes: list[str], status: list[str], limit: int = 12) -> str:
    """The "what I understood" part of a reply (fact changes escaped)."""
    parts: list[str] = []
    if changes:
        shown = "\n".join(f"- {escape_md(c)}" for c in changes[:limit])
        more = f"\n- … and {len(changes) - limit} more" if len(changes) > limit else ""
        parts.append("**What I understood:**\n" + shown + more)
    else:
        parts.append("I could not take a new fact from that; the Facts tab lets you set it.")
    if status:
        parts.append("**Analysis updated:**\n" + "\n".join(f"- {s}" for s in status[:12]))
    return "\n\n".join(parts)
