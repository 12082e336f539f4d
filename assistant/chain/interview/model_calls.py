"""The interviewer's two optional model calls: phrase questions for the case, and map a free-text
answer onto a question's allowed values. Both are schema-constrained, both put the user's text
in data blocks, and both are checked in Python before anything is used: a phrased question must
keep its id and shape, and a mapped answer must quote the answer it came from."""

from __future__ import annotations

from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel, Field, create_model

from assistant.chain.extract.quotes import find_quote
from assistant.llm.outcome import CallOutcome

__all__ = ["PhrasedItem", "map_answer", "phrase_texts"]

_FORBIDDEN = ("liable", "liability", "art ", "article", "haft", "§", "http")


class PhrasedItem(BaseModel):
    """One rephrased question."""

    id: str = Field(max_length=80)
    text: str = Field(max_length=300)


class PhrasedReply(BaseModel):
    """All rephrased questions."""

    questions: list[PhrasedItem] = Field(max_length=5)


def phrase_texts(
    model: BaseChatModel, case_summary: str, questions: dict[str, str], actors: dict[str, str]
) -> tuple[dict[str, str], CallOutcome]:
    """New texts by question id (only those that pass the checks) and the call record.

    ``actors`` maps question id -> the actor the question is about; its text must name it.
    """
    from assistant.llm import build_messages, invoke_structured, load_prompt

    listing = "\n".join(f"{qid}: {text}" for qid, text in questions.items())
    messages = build_messages(
        load_prompt("interview_phrase_system").render(),
        load_prompt("interview_phrase").render(),
        {"case": case_summary, "questions": listing},
    )
    result = invoke_structured(model, PhrasedReply, messages, max_tokens=320, retries=1)
    out: dict[str, str] = {}
    for item in result.value.questions if result.value else []:
        original = questions.get(item.id)
        text = " ".join(item.text.split())
        if original is None or not (12 <= len(text) <= 300) or not text.endswith("?"):
            continue
        if text.count("?") > 1:
            continue
        if any(w in text.casefold() and w not in original.casefold() for w in _FORBIDDEN):
            continue
        actor = actors.get(item.id)
        if actor and actor.casefold() not in text.casefold():
            continue
        out[item.id] = text
    return out, result.outcome


def map_answer(
    model: BaseChatModel, question: str, answer: str, options: list[str], multi: bool
) -> tuple[list[str] | None, CallOutcome]:
    """The allowed values a free-text answer states (None: unclear or unverifiable)."""
    from assistant.llm import build_messages, invoke_structured, load_prompt

    allowed: Any = Literal[tuple([*options, "unclear"])]
    schema = create_model(
        "AnswerReply",
        values=(list[allowed], Field(max_length=6 if multi else 1)),
        quote=(str, Field(max_length=120)),
    )
    messages = build_messages(
        load_prompt("interview_answer_system").render(),
        load_prompt("interview_answer").render(options=", ".join(options)),
        {"question": question, "answer": answer},
    )
    result = invoke_structured(model, schema, messages, max_tokens=90, retries=1)
    reply = result.value
    if reply is None:
        return None, result.outcome
    values = [v for v in dict.fromkeys(reply.values) if v != "unclear"]  # type: ignore[attr-defined]
    if not values or find_quote(reply.quote, answer) is None:  # type: ignore[attr-defined]
        return None, result.outcome
    return values, result.outcome
