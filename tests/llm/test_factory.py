"""The factory picks each provider from settings; failures fall back to `none`."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest
from langchain_anthropic import ChatAnthropic
from langchain_ollama import ChatOllama
from langchain_openai import ChatOpenAI

import assistant.llm as llm
from assistant.errors import ProviderError
from assistant.llm import (
    LocalChatModel,
    ScriptedChatModel,
    get_chat_model,
    provider_health,
    select_chat_model,
)
from assistant.llm.factory import provider_of
from assistant.settings import Settings, get_settings

EXPECTED = {
    "local": LocalChatModel,
    "openai": ChatOpenAI,
    "ollama": ChatOllama,
    "anthropic": ChatAnthropic,
    "fake": ScriptedChatModel,
}


@pytest.mark.parametrize("provider", sorted(EXPECTED))
def test_provider_from_settings(provider: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_PROVIDER", provider)
    monkeypatch.setenv("ASSISTANT_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("ASSISTANT_LLM_TIMEOUT_S", "7")
    get_settings.cache_clear()
    model = get_chat_model()
    assert isinstance(model, EXPECTED[provider])
    assert provider_of(model) == provider


def test_none_means_no_model() -> None:
    assert get_chat_model(Settings(provider="none")) is None
    assert get_chat_model(provider="none") is None


def test_explicit_provider_overrides_settings() -> None:
    assert isinstance(get_chat_model(Settings(provider="none"), "fake"), ScriptedChatModel)


def test_remote_models_get_timeouts_and_no_sdk_retries() -> None:
    settings = Settings(llm_base_url="http://127.0.0.1:9/v1", llm_timeout_s=3.5, llm_model="m")
    openai = get_chat_model(settings, "openai")
    assert isinstance(openai, ChatOpenAI)
    assert openai.request_timeout == 3.5 and openai.max_retries == 0
    assert openai.model_name == "m"
    anthropic = get_chat_model(settings, "anthropic")
    assert isinstance(anthropic, ChatAnthropic)
    assert anthropic.default_request_timeout == 3.5 and anthropic.max_retries == 0
    ollama = get_chat_model(settings, "ollama")
    assert isinstance(ollama, ChatOllama)
    assert ollama.client_kwargs == {"timeout": 3.5}


def test_local_model_takes_context_threads_and_timeout() -> None:
    model = get_chat_model(
        Settings(llm_context_tokens=2048, llm_threads=1, llm_timeout_s=9), "local"
    )
    assert isinstance(model, LocalChatModel)
    assert (model.n_ctx, model.n_threads, model.timeout_s) == (2048, 1, 9)


def test_unknown_provider_is_a_clear_error() -> None:
    with pytest.raises(ProviderError, match="unknown LLM provider") as info:
        get_chat_model(provider="gpt5-magic")
    assert info.value.hint and "local" in info.value.hint


def test_selection_falls_back_to_none_with_a_message() -> None:
    selection = select_chat_model(provider="gpt5-magic")
    assert selection.model is None and selection.fell_back
    assert selection.provider == "none" and selection.message
    ok = select_chat_model(provider="fake")
    assert isinstance(ok.model, ScriptedChatModel) and not ok.fell_back


def test_health_of_none_fake_and_unreachable_endpoint() -> None:
    assert provider_health(Settings(provider="none")).ok
    assert provider_health(Settings(provider="fake")).ok
    down = provider_health(
        Settings(provider="openai", llm_base_url="http://127.0.0.1:9/v1"), timeout_s=0.5
    )
    assert not down.ok and "not reachable" in down.detail


def test_local_health_reports_the_model_file() -> None:
    report = provider_health(Settings(provider="local"))
    assert report.provider == "local"
    if report.ok:
        assert "sha256 ok" in report.detail


def test_public_names_are_sorted_and_resolve() -> None:
    assert llm.__all__ == sorted(llm.__all__)
    for name in llm.__all__:
        assert getattr(llm, name) is not None
    with pytest.raises(AttributeError):
        _ = llm.no_such_name


def test_importing_the_layer_is_light() -> None:
    code = (
        "import sys, assistant.llm; "
        "heavy = [m for m in ('llama_cpp', 'langchain_openai', 'langchain_core', 'torch') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
    importlib.import_module("assistant.llm.messages")  # importable on its own
