"""One factory for every provider, chosen by settings.

``local`` (default) is the embedded llama.cpp model; ``openai`` is any OpenAI-compatible
endpoint (``llm_base_url`` + ``llm_api_key``); ``ollama`` and ``anthropic`` use their LangChain
integrations; ``fake`` is a scripted model for tests and demos; ``none`` means no LLM at all
(the caller takes the deterministic path). SDK-level retries are switched off (``max_retries=0``)
because :mod:`assistant.llm.structured` and :mod:`assistant.llm.streaming` retry themselves and
record every attempt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models import BaseChatModel

from assistant.errors import AssistantError, ProviderError
from assistant.settings import Provider, Settings, get_settings

__all__ = [
    "DEFAULT_REMOTE_MODELS",
    "ModelSelection",
    "get_chat_model",
    "provider_of",
    "select_chat_model",
]

log = logging.getLogger(__name__)

# Used when ``llm_model`` is not set. An OpenAI-compatible local server (llama.cpp, vLLM)
# accepts any name; Ollama needs a pulled model of this name.
DEFAULT_REMOTE_MODELS = {
    Provider.OPENAI: "gpt-4o-mini",
    Provider.OLLAMA: "qwen2.5-coder:1.5b",
    Provider.ANTHROPIC: "claude-3-5-haiku-latest",
}
_LOCAL_PLACEHOLDER_KEY = "not-needed"  # local OpenAI-compatible servers ignore the key


def _api_key(settings: Settings) -> str:
    key = settings.llm_api_key
    return key.get_secret_value() if key is not None else _LOCAL_PLACEHOLDER_KEY


def _model_name(settings: Settings, provider: Provider) -> str:
    return settings.llm_model or DEFAULT_REMOTE_MODELS[provider]


def _build(settings: Settings, provider: Provider) -> BaseChatModel | None:
    if provider is Provider.NONE:
        return None
    if provider is Provider.FAKE:
        from assistant.llm.fake import ScriptedChatModel

        return ScriptedChatModel()
    if provider is Provider.LOCAL:
        from assistant.llm.local import LocalChatModel

        return LocalChatModel(
            n_ctx=settings.llm_context_tokens,
            n_threads=settings.llm_threads,
            timeout_s=settings.llm_timeout_s,
        )
    if provider is Provider.OPENAI:
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(
            base_url=settings.llm_base_url,
            api_key=_api_key(settings),
            model=_model_name(settings, provider),
            timeout=settings.llm_timeout_s,
            max_retries=0,
            stream_usage=True,
        )
    if provider is Provider.OLLAMA:
        from langchain_ollama import ChatOllama

        return ChatOllama(
            base_url=settings.llm_base_url,
            model=_model_name(settings, provider),
            client_kwargs={"timeout": settings.llm_timeout_s},
        )
    if provider is Provider.ANTHROPIC:
        from langchain_anthropic import ChatAnthropic

        kwargs: dict[str, Any] = {}
        if settings.llm_base_url:
            kwargs["base_url"] = settings.llm_base_url
        return ChatAnthropic(
            api_key=_api_key(settings),
            model=_model_name(settings, provider),
            timeout=settings.llm_timeout_s,
            max_retries=0,
            **kwargs,
        )
    raise ProviderError(f"unknown provider {provider!r}")  # pragma: no cover - enum exhausted


def get_chat_model(
    settings: Settings | None = None, provider: str | None = None
) -> BaseChatModel | None:
    """The chat model for ``provider`` (default: ``settings.provider``); None for ``none``.

    Building never loads the embedded model or touches the network; failures show up on the
    first call. Raises :class:`ProviderError` for an unknown name or a missing integration.
    """
    settings = settings or get_settings()
    try:
        chosen = Provider(provider) if provider is not None else settings.provider
    except ValueError as exc:
        raise ProviderError(
            f"unknown LLM provider {provider!r}",
            hint=f"use one of: {', '.join(p.value for p in Provider)}",
        ) from exc
    try:
        return _build(settings, chosen)
    except AssistantError:
        raise
    except Exception as exc:  # missing package, bad URL: all mean "cannot use this provider"
        raise ProviderError(
            f"could not set up the {chosen.value} provider: {exc}",
            hint="check ASSISTANT_LLM_BASE_URL / ASSISTANT_LLM_MODEL, or use provider none",
        ) from exc


@dataclass(frozen=True)
class ModelSelection:
    """The model to use (None = deterministic path) and why."""

    model: BaseChatModel | None
    provider: str
    fell_back: bool = False
    message: str | None = None


def select_chat_model(
    settings: Settings | None = None, provider: str | None = None
) -> ModelSelection:
    """Like :func:`get_chat_model` but never raises: on failure, falls back to ``none``."""
    settings = settings or get_settings()
    name = provider or settings.provider.value
    try:
        model = get_chat_model(settings, provider)
    except AssistantError as exc:
        log.warning("LLM provider %s unavailable: %s", name, exc)
        return ModelSelection(
            None,
            Provider.NONE.value,
            fell_back=True,
            message=f"The {name} language model is not available ({exc.message}); "
            "continuing without it (deterministic analysis).",
        )
    return ModelSelection(model, name)


def provider_of(model: BaseChatModel) -> str:
    """The provider name of a model built here (``local``, ``openai``...), else its type."""
    names = {
        "local-llama-cpp": Provider.LOCAL.value,
        "fake-scripted": Provider.FAKE.value,
        "openai-chat": Provider.OPENAI.value,
        "chat-ollama": Provider.OLLAMA.value,
        "anthropic-chat": Provider.ANTHROPIC.value,
    }
    llm_type = model._llm_type
    return names.get(llm_type, llm_type)
