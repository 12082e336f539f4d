"""OpenAI, Ollama and Anthropic providers against real loopback servers speaking their wire
formats: structured calls, streams (SSE / NDJSON), HTTP 500/429, timeouts, cut streams."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import pytest
from pydantic import BaseModel

from assistant.llm import (
    ErrorKind,
    ProviderCallFailed,
    RetryPolicy,
    build_messages,
    get_chat_model,
    invoke_structured,
    provider_health,
    stream_text,
)
from tests.llm.conftest import settings_for
from tests.llm.loopback import ScriptedServer, Wire, cut, reply, stall, stall_mid, status

WIRES: list[Wire] = ["openai", "ollama", "anthropic"]
Serve = Callable[[Wire], ScriptedServer]
Policy = Callable[[int], RetryPolicy]


class Actor(BaseModel):
    name: str
    role: str


class Actors(BaseModel):
    actors: list[Actor]


GOOD = json.dumps({"actors": [{"name": "Acme", "role": "developer"}]})
MESSAGES = build_messages("Extract actors.", "List the actors.", {"narrative": "Acme built it."})


@pytest.mark.parametrize("wire", WIRES)
def test_structured_call_uses_the_providers_json_mode(
    wire: Wire, serve: Serve, fast_policy: Policy
) -> None:
    server = serve(wire)
    server.push(reply(GOOD))
    model = get_chat_model(settings_for(server))
    result = invoke_structured(model, Actors, MESSAGES, max_tokens=123, policy=fast_policy(2))
    assert result.value == Actors.model_validate_json(GOOD)
    assert result.outcome.provider == wire and result.outcome.attempt_count == 1
    body = server.chat_requests[0].body
    if wire == "openai":
        assert body["response_format"]["type"] == "json_object"
        assert body["response_format"]["schema"]["properties"]["actors"]["maxItems"] == 12
        assert body["max_tokens"] == 123
    elif wire == "ollama":
        assert body["format"]["properties"]["actors"]["maxItems"] == 12
        assert body["options"]["num_predict"] == 123
    else:
        assert body["tool_choice"]["type"] == "tool"
        assert body["tools"][0]["input_schema"]["required"] == ["actors"]
        assert body["max_tokens"] == 123
    # the untrusted narrative travelled in the user turn, not the system prompt
    assert "Acme built it." not in json.dumps(body.get("system", ""))


@pytest.mark.parametrize("wire", WIRES)
def test_500_and_429_are_retried_with_backoff(
    wire: Wire, serve: Serve, fast_policy: Policy
) -> None:
    server = serve(wire)
    server.push(status(500), status(429, retry_after="0.3"), reply(GOOD))
    model = get_chat_model(settings_for(server))
    result = invoke_structured(model, Actors, MESSAGES, policy=fast_policy(2))
    assert result.value is not None
    assert result.outcome.error_kinds == [ErrorKind.SERVER_ERROR, ErrorKind.RATE_LIMITED]
    times = [r.at for r in server.chat_requests]
    assert len(times) == 3
    assert times[1] - times[0] >= 0.05  # exponential backoff: first delay
    assert times[2] - times[1] >= 0.3  # Retry-After wins over the 0.1 s backoff


@pytest.mark.parametrize("wire", WIRES)
def test_persistent_errors_fall_back_after_retries(
    wire: Wire, serve: Serve, fast_policy: Policy
) -> None:
    server = serve(wire)
    server.push(status(503), status(500), status(429))
    model = get_chat_model(settings_for(server))
    result = invoke_structured(model, Actors, MESSAGES, policy=fast_policy(2))
    assert result.value is None and result.outcome.fell_back
    assert result.outcome.error_kinds == [
        ErrorKind.SERVER_ERROR,
        ErrorKind.SERVER_ERROR,
        ErrorKind.RATE_LIMITED,
    ]
    assert result.outcome.user_message and "3 times" in result.outcome.user_message


@pytest.mark.parametrize("wire", WIRES)
def test_client_errors_are_not_retried(wire: Wire, serve: Serve, fast_policy: Policy) -> None:
    server = serve(wire)
    server.push(status(401))
    model = get_chat_model(settings_for(server))
    result = invoke_structured(model, Actors, MESSAGES, policy=fast_policy(2))
    assert result.outcome.error_kinds == [ErrorKind.CLIENT_ERROR]
    assert len(server.chat_requests) == 1
    assert "API key" in (result.outcome.user_message or "")


@pytest.mark.parametrize("wire", WIRES)
def test_timeouts_are_retried_then_fall_back(wire: Wire, serve: Serve, fast_policy: Policy) -> None:
    server = serve(wire)
    server.push(stall(3.0), stall(3.0))
    model = get_chat_model(settings_for(server, timeout_s=0.4))
    started = time.monotonic()
    result = invoke_structured(model, Actors, MESSAGES, policy=fast_policy(1))
    assert time.monotonic() - started < 2.5  # gave up on each stall, did not wait it out
    assert result.value is None
    assert result.outcome.error_kinds == [ErrorKind.TIMEOUT, ErrorKind.TIMEOUT]


@pytest.mark.parametrize("wire", WIRES)
def test_garbage_reply_then_valid(wire: Wire, serve: Serve, fast_policy: Policy) -> None:
    server = serve(wire)
    server.push(reply("Sorry, as an AI I prefer prose."), reply(GOOD))
    model = get_chat_model(settings_for(server))
    result = invoke_structured(model, Actors, MESSAGES, policy=fast_policy(2))
    assert result.value is not None
    assert result.outcome.error_kinds == [ErrorKind.BAD_JSON]


@pytest.mark.parametrize("wire", WIRES)
def test_stream_text(wire: Wire, serve: Serve, fast_policy: Policy) -> None:
    server = serve(wire)
    server.push(reply("The deployer may be liable under the national fault regime."))
    model = get_chat_model(settings_for(server))
    stream = stream_text(model, MESSAGES, max_tokens=64, policy=fast_policy(2))
    pieces = list(stream)
    assert len(pieces) > 3  # really streamed, not one block
    assert "".join(pieces) == "The deployer may be liable under the national fault regime."
    assert stream.outcome.ok
    assert server.chat_requests[0].body.get("stream", True) is True


@pytest.mark.parametrize("wire", WIRES)
def test_stream_retries_errors_before_text(wire: Wire, serve: Serve, fast_policy: Policy) -> None:
    server = serve(wire)
    server.push(status(500), stall(3.0), reply("Recovered answer."))
    model = get_chat_model(settings_for(server, timeout_s=0.4))
    stream = stream_text(model, MESSAGES, policy=fast_policy(2))
    assert "".join(stream) == "Recovered answer."
    assert stream.outcome.error_kinds == [ErrorKind.SERVER_ERROR, ErrorKind.TIMEOUT]


@pytest.mark.parametrize("wire", WIRES)
def test_stream_fails_after_retries(wire: Wire, serve: Serve, fast_policy: Policy) -> None:
    server = serve(wire)
    server.push(status(429), status(429), status(429))
    model = get_chat_model(settings_for(server))
    with pytest.raises(ProviderCallFailed) as info:
        list(stream_text(model, MESSAGES, policy=fast_policy(2)))
    assert info.value.outcome.error_kinds == [ErrorKind.RATE_LIMITED] * 3
    assert "rate-limiting" in str(info.value)


@pytest.mark.parametrize("wire", WIRES)
@pytest.mark.parametrize("broken", ["cut", "stall_mid"])
def test_stream_broken_mid_way_is_interrupted(
    wire: Wire, broken: str, serve: Serve, fast_policy: Policy
) -> None:
    server = serve(wire)
    text = "one two three four five six seven eight"
    server.push(cut(text) if broken == "cut" else stall_mid(text, 3.0))
    model = get_chat_model(settings_for(server, timeout_s=0.5))
    stream = stream_text(model, MESSAGES, policy=fast_policy(2))
    with pytest.raises(ProviderCallFailed) as info:
        for _ in stream:
            pass
    assert stream.text and text.startswith(stream.text)
    assert info.value.outcome.error_kinds == [ErrorKind.INTERRUPTED]
    assert len(server.chat_requests) == 1


@pytest.mark.parametrize("wire", WIRES)
def test_health_checks_the_endpoint(wire: Wire, serve: Serve) -> None:
    server = serve(wire)
    report = provider_health(settings_for(server))
    assert report.ok and report.latency_ms is not None
    assert [r.method for r in server.requests] == ["GET"]
    if wire == "anthropic":
        assert server.requests[0].headers.get("x-api-key") == "test-key"
    if wire == "openai":
        assert server.requests[0].headers.get("Authorization") == "Bearer test-key"


def test_unreachable_endpoint_is_a_connection_error(fast_policy: Policy) -> None:
    from assistant.settings import Settings

    settings = Settings(provider="openai", llm_base_url="http://127.0.0.1:9/v1", llm_timeout_s=1)
    result = invoke_structured(get_chat_model(settings), Actors, MESSAGES, policy=fast_policy(1))
    assert result.outcome.error_kinds == [ErrorKind.CONNECTION] * 2


@pytest.mark.parametrize("wire", WIRES)
def test_truncated_reply_is_repaired_and_flagged(
    wire: Wire, serve: Serve, fast_policy: Policy
) -> None:
    server = serve(wire)
    two = json.dumps(
        {"actors": [{"name": "Acme", "role": "developer"}, {"name": "Beta", "role": "x"}]}
    )
    finish = "max_tokens" if wire == "anthropic" else "length"
    server.push(reply(two[: two.index("Beta") + 10], finish=finish))
    model = get_chat_model(settings_for(server))
    result = invoke_structured(model, Actors, MESSAGES, policy=fast_policy(2))
    assert result.value is not None and [a.name for a in result.value.actors] == ["Acme"]
    assert result.outcome.truncated and result.outcome.attempt_count == 1
    assert result.outcome.user_message and "cut off" in result.outcome.user_message
