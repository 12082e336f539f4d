"""Per-provider call parameters: token limits and the best JSON mode each provider offers.

* local: grammar-constrained decoding from the JSON schema (llama.cpp ``response_format``).
* openai: ``response_format={"type": "json_object"}``; for a non-OpenAI base URL (llama.cpp,
  vLLM and similar servers) the schema rides along in the same dict, which llama.cpp servers
  turn into a grammar, and ``max_tokens`` is sent as well as ``max_completion_tokens``.
* ollama: ``format=<schema>`` (Ollama's structured outputs) and ``num_predict``.
* anthropic: a forced tool call whose input schema is the target schema.
* anything else (the fake model): the schema in the prompt, then tolerant parsing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.runnables import Runnable

from assistant.llm.factory import provider_of

__all__ = ["TRUNCATION_REASONS", "PreparedCall", "finish_reason", "prepare_call", "reply_text"]

_TOOL_NAME = "record_result"


@dataclass
class PreparedCall:
    """A runnable plus the kwargs for one call, and whether the schema must go in the prompt."""

    runnable: Runnable[Any, BaseMessage]
    kwargs: dict[str, Any]
    constrained: bool  # the provider enforces the schema itself


def _is_official_openai(model: BaseChatModel) -> bool:
    base = str(getattr(model, "openai_api_base", None) or "")
    return not base or "api.openai.com" in base


def prepare_call(
    model: BaseChatModel, *, max_tokens: int, schema: dict[str, Any] | None = None
) -> PreparedCall:
    """How to call ``model`` with a token limit and, if given, a JSON schema to follow."""
    provider = provider_of(model)
    kwargs: dict[str, Any] = {}
    if provider == "local":
        kwargs["max_tokens"] = max_tokens
        if schema is not None:
            kwargs["response_format"] = {"type": "json_object", "schema": schema}
            kwargs["temperature"] = 0.0
        return PreparedCall(model, kwargs, constrained=schema is not None)
    if provider == "openai":
        # response_format travels in extra_body: as a top-level kwarg LangChain switches to the
        # SDK's parse() path, which raises on finish_reason="length" and loses the partial
        # JSON that json_repair could have saved.
        kwargs["max_tokens"] = max_tokens
        official = _is_official_openai(model)
        extra: dict[str, Any] = {} if official else {"max_tokens": max_tokens}
        if schema is not None:
            fmt: dict[str, Any] = {"type": "json_object"}
            if not official:
                fmt["schema"] = schema
            extra["response_format"] = fmt
            kwargs["temperature"] = 0.0
        if extra:
            kwargs["extra_body"] = extra
        return PreparedCall(model, kwargs, constrained=schema is not None and not official)
    if provider == "ollama":
        options: dict[str, Any] = {"num_predict": max_tokens}
        if schema is not None:
            kwargs["format"] = schema
            options["temperature"] = 0.0
        kwargs["options"] = options
        return PreparedCall(model, kwargs, constrained=schema is not None)
    if provider == "anthropic":
        kwargs["max_tokens"] = max_tokens
        if schema is None:
            return PreparedCall(model, kwargs, constrained=False)
        tool = {
            "name": _TOOL_NAME,
            "description": "Record the extracted result.",
            "input_schema": schema,
        }
        # ChatAnthropic accepts a dict tool_choice; the base class types it as str only.
        choice: Any = {"type": "tool", "name": _TOOL_NAME}
        bound = model.bind_tools([tool], tool_choice=choice)
        return PreparedCall(bound, kwargs, constrained=True)
    return PreparedCall(model, kwargs, constrained=False)


def reply_text(message: BaseMessage) -> str:
    """The reply as text; a forced tool call's arguments become JSON text."""
    if isinstance(message, AIMessage) and message.tool_calls:
        return json.dumps(message.tool_calls[0]["args"])
    if isinstance(message, AIMessage) and message.invalid_tool_calls:
        return str(message.invalid_tool_calls[0].get("args") or "")
    content = message.content
    if isinstance(content, str):
        return content
    parts: list[str] = []
    for block in content:
        if isinstance(block, str):
            parts.append(block)
        elif isinstance(block, dict) and block.get("type") == "text":
            parts.append(str(block.get("text", "")))
    return "".join(parts)


def finish_reason(message: BaseMessage) -> str | None:
    """Why generation stopped (``stop``, ``length``, ``timeout``...), across providers."""
    meta = getattr(message, "response_metadata", {}) or {}
    for key in ("finish_reason", "stop_reason", "done_reason"):
        value = meta.get(key)
        if value:
            return str(value)
    return None


TRUNCATION_REASONS = frozenset({"length", "max_tokens", "timeout"})
