"""Cheap provider checks for `assistant doctor` and the settings page (no model load, no tokens).

* local: the llama.cpp package and the hash-checked GGUF are present (``llm_status``).
* openai / ollama / anthropic: one short GET against the endpoint's model list.
* none / fake: always fine.
"""

from __future__ import annotations

import time

import httpx

from assistant.llm.factory import DEFAULT_REMOTE_MODELS
from assistant.llm.outcome import HealthReport
from assistant.settings import Provider, Settings, get_settings

__all__ = ["provider_health"]

_DEFAULT_URLS = {
    Provider.OPENAI: "https://api.openai.com/v1",
    Provider.OLLAMA: "http://127.0.0.1:11434",
    Provider.ANTHROPIC: "https://api.anthropic.com",
}
_ANTHROPIC_VERSION = "2023-06-01"


def _probe(provider: Provider, settings: Settings) -> tuple[str, dict[str, str]]:
    base = (settings.llm_base_url or _DEFAULT_URLS[provider]).rstrip("/")
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    if provider is Provider.OPENAI:
        return f"{base}/models", ({"Authorization": f"Bearer {key}"} if key else {})
    if provider is Provider.OLLAMA:
        return f"{base}/api/tags", {}
    headers = {"anthropic-version": _ANTHROPIC_VERSION}
    if key:
        headers["x-api-key"] = key
    return f"{base}/v1/models", headers


def provider_health(settings: Settings | None = None, *, timeout_s: float = 3.0) -> HealthReport:
    """Is the configured provider usable right now? Never raises."""
    settings = settings or get_settings()
    provider = settings.provider
    if provider is Provider.NONE:
        return HealthReport(provider="none", ok=True, detail="no LLM: deterministic analysis only")
    if provider is Provider.FAKE:
        return HealthReport(provider="fake", ok=True, detail="scripted fake model (tests, demos)")
    if provider is Provider.LOCAL:
        from assistant.models import LLM_MODEL, llm_status

        ok, detail = llm_status(settings)
        return HealthReport(provider="local", ok=ok, detail=detail, model=LLM_MODEL.name)
    url, headers = _probe(provider, settings)
    model = settings.llm_model or DEFAULT_REMOTE_MODELS[provider]
    started = time.monotonic()
    try:
        response = httpx.get(url, headers=headers, timeout=timeout_s)
    except httpx.HTTPError as exc:
        return HealthReport(
            provider=provider.value,
            ok=False,
            detail=f"endpoint not reachable: {type(exc).__name__}: {exc}",
            model=model,
            endpoint=url,
        )
    latency = round((time.monotonic() - started) * 1000, 1)
    status = response.status_code
    if status in (401, 403):
        detail, ok = f"endpoint reachable but the API key was rejected (HTTP {status})", False
    elif status >= 400:
        detail, ok = f"endpoint answered HTTP {status}", status == 404  # no model list: still up
    else:
        detail, ok = f"endpoint reachable (HTTP {status})", True
    return HealthReport(
        provider=provider.value,
        ok=ok,
        detail=detail,
        model=model,
        endpoint=url,
        latency_ms=latency,
    )
