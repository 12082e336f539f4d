"""Schema-valid output from any provider, with retries, repair and a record of what happened.

:func:`invoke_structured` asks the model for JSON in the best mode the provider has (see
:mod:`assistant.llm.adapters`), parses it tolerantly (:mod:`~assistant.llm.json_repair`),
repairs or drops invalid parts field by field (:mod:`~assistant.llm.schema_repair`), and
retries with exponential backoff when a transport error or an unusable reply leaves nothing
valid. After the last retry it returns ``value=None`` with ``outcome.fell_back=True`` and a
message for the user: it never raises for provider trouble, so the caller simply takes the
deterministic path.

Schemas for extraction should take dates and amounts as text: forcing formats the model would
not write naturally makes small models invent values (STACK_NOTES.md); normalise in Python.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from typing import TypeVar

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel

from assistant.llm.adapters import TRUNCATION_REASONS, finish_reason, prepare_call, reply_text
from assistant.llm.factory import provider_of
from assistant.llm.json_repair import JsonRepairError, parse_model_json
from assistant.llm.outcome import (
    AttemptRecord,
    CallOutcome,
    ErrorKind,
    StructuredResult,
)
from assistant.llm.prompts import load_prompt
from assistant.llm.retry import ClassifiedError, OutputProblem, RetryPolicy, classify_error
from assistant.llm.schema_repair import DEFAULT_MAX_ITEMS, bounded_json_schema, validate_with_repair
from assistant.settings import get_settings

__all__ = ["invoke_structured", "with_schema_hint"]

T = TypeVar("T", bound=BaseModel)
log = logging.getLogger(__name__)


def with_schema_hint(messages: Sequence[BaseMessage], schema_json: str) -> list[BaseMessage]:
    """Append the JSON-reply instruction to the system message (trusted text only)."""
    hint = load_prompt("json_reply").render(schema=schema_json)
    out = list(messages)
    if out and isinstance(out[0], SystemMessage):
        out[0] = SystemMessage(content=f"{out[0].text.rstrip()}\n\n{hint}")
    else:
        out.insert(0, SystemMessage(content=hint))
    return out


def _with_retry_note(messages: list[BaseMessage], problem: str) -> list[BaseMessage]:
    """Add a corrective note to the last user turn (which stays last)."""
    note = load_prompt("json_retry").render(problem=problem[:200])
    out = list(messages)
    for i in range(len(out) - 1, -1, -1):
        if isinstance(out[i], HumanMessage):
            out[i] = HumanMessage(content=f"{out[i].text.rstrip()}\n\n{note}")
            return out
    return [*out, HumanMessage(content=note)]


def invoke_structured(
    model: BaseChatModel | None,
    schema: type[T],
    messages: Sequence[BaseMessage],
    *,
    max_tokens: int = 768,
    retries: int | None = None,
    max_items: int = DEFAULT_MAX_ITEMS,
    schema_in_prompt: bool | None = None,
    policy: RetryPolicy | None = None,
) -> StructuredResult[T]:
    """Ask ``model`` for a ``schema`` instance; never raises for provider or output trouble.

    ``retries`` (default ``settings.llm_retries``) are extra attempts after the first.
    ``schema_in_prompt`` adds the JSON schema to the system prompt (default: only when the
    provider cannot enforce the schema itself). ``policy`` overrides backoff timing (tests).
    """
    started = time.monotonic()
    if policy is None:
        policy = RetryPolicy(retries=get_settings().llm_retries if retries is None else retries)
    elif retries is not None:
        policy.retries = retries
    if model is None:
        outcome = CallOutcome(provider="none", operation="structured", fell_back=True)
        outcome.user_message = "No language model is configured; using the deterministic path."
        return StructuredResult(None, outcome)
    outcome = CallOutcome(provider=provider_of(model), operation="structured")
    json_schema = bounded_json_schema(schema, max_items=max_items)
    prepared = prepare_call(model, max_tokens=max_tokens, schema=json_schema)
    base = list(messages)
    if schema_in_prompt if schema_in_prompt is not None else not prepared.constrained:
        base = with_schema_hint(base, json.dumps(json_schema, separators=(",", ":")))
    current = base
    last = ClassifiedError(ErrorKind.UNKNOWN, "no attempt made")
    raw = ""
    for number in range(1, policy.retries + 2):
        waited = 0.0
        if number > 1:
            waited = policy.delay(number - 1, last.retry_after_s)
            policy.sleep(waited)
        attempt_start = time.monotonic()
        try:
            reply = prepared.runnable.invoke(current, **prepared.kwargs)
            raw = reply_text(reply)
            if not raw.strip():
                raise OutputProblem(ErrorKind.EMPTY, "empty reply")
            try:
                parsed = parse_model_json(raw)
            except JsonRepairError as exc:
                raise OutputProblem(ErrorKind.BAD_JSON, str(exc)) from exc
            validated = validate_with_repair(schema, parsed.value)
            if validated.value is None:
                raise OutputProblem(ErrorKind.WRONG_SCHEMA, validated.error or "invalid")
        except Exception as exc:
            last = classify_error(exc)
            log.info("structured call attempt %d failed: %s", number, last.detail)
            outcome.attempts.append(
                AttemptRecord(
                    number=number,
                    error=last.kind,
                    detail=last.detail,
                    elapsed_s=round(time.monotonic() - attempt_start, 3),
                    waited_s=round(waited, 3),
                )
            )
            if not last.kind.retryable:
                break
            if isinstance(exc, OutputProblem):
                current = _with_retry_note(base, exc.detail)
            continue
        outcome.attempts.append(
            AttemptRecord(
                number=number,
                elapsed_s=round(time.monotonic() - attempt_start, 3),
                waited_s=round(waited, 3),
            )
        )
        outcome.ok = True
        outcome.truncated = parsed.truncated or finish_reason(reply) in TRUNCATION_REASONS
        outcome.repairs = [*parsed.repairs, *validated.repairs]
        outcome.dropped = validated.dropped
        if outcome.truncated:
            outcome.user_message = (
                "The language model's reply was cut off; what it finished was kept, "
                "so some details may be missing."
            )
        outcome.elapsed_s = round(time.monotonic() - started, 3)
        return StructuredResult(validated.value, outcome, raw)
    outcome.fall_back(last.kind)
    outcome.elapsed_s = round(time.monotonic() - started, 3)
    return StructuredResult(None, outcome, raw)
