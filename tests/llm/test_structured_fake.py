"""invoke_structured / stream_text against the scripted fake model: repair, retry, fallback."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from pydantic import BaseModel

from assistant.errors import ModelLoadError, ProviderError
from assistant.llm import (
    BrokenStream,
    ErrorKind,
    ProviderCallFailed,
    RetryPolicy,
    ScriptedChatModel,
    StructuredResult,
    build_messages,
    invoke_structured,
    stream_text,
)
from assistant.llm.fake import Step


class Actor(BaseModel):
    name: str
    role: str


class Actors(BaseModel):
    actors: list[Actor]


GOOD = {"actors": [{"name": "Acme", "role": "developer"}, {"name": "Beta", "role": "deployer"}]}
MESSAGES = build_messages("Extract actors.", "List the actors.", {"narrative": "Acme and Beta."})

Policy = Callable[[int], RetryPolicy]


def run(
    steps: list[Step], fast_policy: Policy, retries: int = 2
) -> tuple[StructuredResult[Actors], ScriptedChatModel]:
    model = ScriptedChatModel.of(steps)
    result = invoke_structured(model, Actors, MESSAGES, max_tokens=200, policy=fast_policy(retries))
    return result, model


def test_clean_json_first_time(fast_policy: Policy) -> None:
    result, _ = run([json.dumps(GOOD)], fast_policy)
    assert result.value == Actors.model_validate(GOOD)
    outcome = result.outcome
    assert outcome.ok and outcome.attempt_count == 1 and not outcome.fell_back
    assert outcome.provider == "fake" and outcome.user_message is None


def test_malformed_json_is_repaired_without_retry(fast_policy: Policy) -> None:
    reply = f"Here you go:\n```json\n{json.dumps(GOOD)[:-2]},]}}\n```\nAnything else?"
    result, _ = run([reply], fast_policy)
    assert result.value is not None
    outcome = result.outcome
    assert outcome.attempt_count == 1 and outcome.repairs


def test_wrong_schema_items_are_dropped(fast_policy: Policy) -> None:
    bad = {"actors": [*GOOD["actors"], {"name": "NoRole"}, {"role": ["x", 1]}], "extra": 1}
    result, _ = run([json.dumps(bad)], fast_policy)
    assert result.value is not None
    assert [a.name for a in result.value.actors] == ["Acme", "Beta"]
    assert len(result.outcome.dropped) >= 2


def test_truncated_output_keeps_finished_items_and_says_so(fast_policy: Policy) -> None:
    text = json.dumps(GOOD)
    result, _ = run([text[: text.index("Beta") + 8]], fast_policy)
    assert result.value is not None
    assert [a.name for a in result.value.actors] == ["Acme"]
    outcome = result.outcome
    assert outcome.truncated and outcome.ok and "cut off" in (outcome.user_message or "")


def test_garbage_is_retried_then_falls_back(fast_policy: Policy) -> None:
    result, model = run(["I cannot help with that.", "", '{"wrong": "shape"}'], fast_policy)
    assert result.value is None
    outcome = result.outcome
    assert outcome.fell_back and not outcome.ok
    assert outcome.error_kinds == [ErrorKind.BAD_JSON, ErrorKind.EMPTY, ErrorKind.WRONG_SCHEMA]
    assert outcome.retries == 2
    assert outcome.user_message and "deterministic" in outcome.user_message
    assert [a.waited_s for a in outcome.attempts] == [0.0, 0.05, 0.1]
    # each retry tells the model what was wrong, in the last (user) turn
    retry_turn = model.calls[1][-1].text
    assert "could not be used" in retry_turn and retry_turn.startswith(MESSAGES[-1].text)


def test_recovers_on_a_later_attempt(fast_policy: Policy) -> None:
    result, _ = run(["nope", TimeoutError("slow"), json.dumps(GOOD)], fast_policy)
    assert result.value is not None
    assert result.outcome.error_kinds == [ErrorKind.BAD_JSON, ErrorKind.TIMEOUT]


def test_non_retryable_error_falls_back_at_once(fast_policy: Policy) -> None:
    result, model = run([ModelLoadError("gone", hint="reinstall")], fast_policy)
    assert result.value is None and len(model.calls) == 1
    assert result.outcome.error_kinds == [ErrorKind.MODEL_UNAVAILABLE]


def test_schema_goes_into_the_system_prompt_for_unconstrained_models(fast_policy: Policy) -> None:
    _, model = run([json.dumps(GOOD)], fast_policy)
    sent = model.calls[0]
    assert '"actors"' in sent[0].text and '"maxItems"' in sent[0].text
    assert sent[-1].text == MESSAGES[-1].text  # the user's turn is unchanged and last


def test_no_model_means_fallback_without_attempts() -> None:
    result = invoke_structured(None, Actors, MESSAGES)
    assert result.value is None and result.outcome.fell_back
    assert result.outcome.attempt_count == 0


def test_retries_default_to_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.settings import get_settings

    monkeypatch.setenv("ASSISTANT_LLM_RETRIES", "0")
    get_settings.cache_clear()
    model = ScriptedChatModel.of(["junk", json.dumps(GOOD)])
    result = invoke_structured(model, Actors, MESSAGES)
    assert result.value is None and result.outcome.attempt_count == 1


# ----------------------------------------------------------------------------- streams


def test_stream_yields_text_and_records_success(fast_policy: Policy) -> None:
    model = ScriptedChatModel.of(["The deployer is liable."])
    stream = stream_text(model, MESSAGES, policy=fast_policy(2))
    assert "".join(stream) == "The deployer is liable."
    assert stream.outcome.ok and stream.outcome.attempt_count == 1


def test_stream_retries_before_first_text_then_succeeds(fast_policy: Policy) -> None:
    model = ScriptedChatModel.of([ConnectionError("refused"), "", "Answer."])
    stream = stream_text(model, MESSAGES, policy=fast_policy(2))
    assert list(stream) == ["Answer."]
    assert stream.outcome.error_kinds == [ErrorKind.CONNECTION, ErrorKind.EMPTY]


def test_stream_broken_after_text_raises_interrupted(fast_policy: Policy) -> None:
    model = ScriptedChatModel.of([BrokenStream("The deployer is", ConnectionResetError())])
    stream = stream_text(model, MESSAGES, policy=fast_policy(2))
    shown: list[str] = []
    with pytest.raises(ProviderCallFailed) as info:
        for piece in stream:
            shown.append(piece)
    assert "".join(shown) == "The deployer is" == stream.text
    assert info.value.outcome.error_kinds == [ErrorKind.INTERRUPTED]
    assert isinstance(info.value, ProviderError) and info.value.hint
    assert len(model.calls) == 1  # never retried: the text was already shown


def test_stream_gives_up_after_retries(fast_policy: Policy) -> None:
    model = ScriptedChatModel.of([TimeoutError()] * 3)
    with pytest.raises(ProviderCallFailed) as info:
        list(stream_text(model, MESSAGES, policy=fast_policy(2)))
    outcome = info.value.outcome
    assert outcome.fell_back and outcome.error_kinds == [ErrorKind.TIMEOUT] * 3
    assert "did not answer in time" in str(info.value)


def test_stream_without_model_raises_provider_error() -> None:
    with pytest.raises(ProviderError):
        list(stream_text(None, MESSAGES))


def test_closing_a_stream_stops_the_model_stream(fast_policy: Policy) -> None:
    model = ScriptedChatModel.of(["a b c d e f g h"])
    with stream_text(model, MESSAGES, policy=fast_policy(0)) as stream:
        assert next(stream) == "a "
    with pytest.raises(StopIteration):
        next(stream)
    assert stream.text == "a " and not stream.outcome.ok
