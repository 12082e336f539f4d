"""The LLM provider layer: one factory, structured and streamed calls, safe messages, prompts.

Public API (imported lazily, so ``import assistant.llm`` stays cheap for the CLI)::

    get_chat_model(settings=None, provider=None) -> BaseChatModel | None
    select_chat_model(settings=None, provider=None) -> ModelSelection      # never raises
    invoke_structured(model, schema, messages, *, max_tokens, retries) -> StructuredResult[T]
    stream_text(model, messages, *, max_tokens, retries) -> TextStream     # Iterator[str]
    provider_health(settings=None) -> HealthReport
    build_messages(system, instructions, data_blocks, *, history=()) -> list[BaseMessage]
    load_prompt(name) -> Prompt                                             # prompts/<name>.md

Failures are recorded in a :class:`CallOutcome` (attempts, error kinds, fell_back, a message
for the user). Structured calls return ``value=None`` after their retries; streams raise
:class:`ProviderCallFailed` (a :class:`~assistant.errors.ProviderError`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from assistant.llm.factory import ModelSelection, get_chat_model, select_chat_model
    from assistant.llm.fake import BrokenStream, ScriptedChatModel
    from assistant.llm.health import provider_health
    from assistant.llm.local import LocalChatModel
    from assistant.llm.messages import build_messages, sanitize_data
    from assistant.llm.outcome import (
        AttemptRecord,
        CallOutcome,
        ErrorKind,
        HealthReport,
        ProviderCallFailed,
        StructuredResult,
    )
    from assistant.llm.prompts import Prompt, PromptError, load_prompt
    from assistant.llm.retry import RetryPolicy
    from assistant.llm.streaming import TextStream, stream_text
    from assistant.llm.structured import invoke_structured

__all__ = [
    "AttemptRecord",
    "BrokenStream",
    "CallOutcome",
    "ErrorKind",
    "HealthReport",
    "LocalChatModel",
    "ModelSelection",
    "Prompt",
    "PromptError",
    "ProviderCallFailed",
    "RetryPolicy",
    "ScriptedChatModel",
    "StructuredResult",
    "TextStream",
    "build_messages",
    "get_chat_model",
    "invoke_structured",
    "load_prompt",
    "provider_health",
    "sanitize_data",
    "select_chat_model",
    "stream_text",
]

_WHERE = {
    "AttemptRecord": "outcome",
    "BrokenStream": "fake",
    "CallOutcome": "outcome",
    "ErrorKind": "outcome",
    "HealthReport": "outcome",
    "LocalChatModel": "local",
    "ModelSelection": "factory",
    "Prompt": "prompts",
    "PromptError": "prompts",
    "ProviderCallFailed": "outcome",
    "RetryPolicy": "retry",
    "ScriptedChatModel": "fake",
    "StructuredResult": "outcome",
    "TextStream": "streaming",
    "build_messages": "messages",
    "get_chat_model": "factory",
    "invoke_structured": "structured",
    "load_prompt": "prompts",
    "provider_health": "health",
    "sanitize_data": "messages",
    "select_chat_model": "factory",
    "stream_text": "streaming",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"assistant.llm.{module}"), name)
    globals()[name] = value
    return value
