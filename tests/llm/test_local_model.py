"""The real embedded model (slow tier): schema-constrained extraction, streaming, deadlines,
serialised access, and the `openai` provider against a llama.cpp server on loopback."""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from langchain_core.messages import BaseMessage
from pydantic import BaseModel, Field

from assistant.llm import (
    ErrorKind,
    LocalChatModel,
    ProviderCallFailed,
    build_messages,
    get_chat_model,
    invoke_structured,
    load_prompt,
    stream_text,
)
from assistant.llm.speed import measure_local_speed
from assistant.settings import Settings

pytestmark = pytest.mark.slow

N_CTX = 4096
# Our own five-sentence test narrative (fictional companies).
NARRATIVE = (
    "Nordlicht AI GmbH trained a general-purpose language model and licensed it to Brightside "
    "Analytics. Brightside fine-tuned the model on loan files supplied by DataHarbor Ltd and "
    "built a credit-scoring tool. Crescent Bank deployed the tool to decide consumer loan "
    "applications. The tool ran on servers rented from Stratus Cloud. In March 2026 the tool "
    "wrongly rejected Maria Lopez, who lost a mortgage offer."
)
ORGS = {
    "Nordlicht": "developer",
    "Brightside": "fine_tuner",
    "DataHarbor": "data_provider",
    "Crescent": "deployer",
    "Stratus": "cloud",
}
ROLES = "model_developer, fine_tuner, data_provider, deployer, cloud_provider, affected_person"


class Actor(BaseModel):
    name: str = Field(description="Name as written in the narrative")
    role: str = Field(description="Value-chain role")


class Actors(BaseModel):
    actors: list[Actor]


def extraction_messages() -> list[BaseMessage]:
    return build_messages(
        load_prompt("extract_actors_system").render(),
        load_prompt("extract_actors").render(roles=ROLES),
        {"narrative": NARRATIVE},
    )


@pytest.fixture(scope="module")
def model() -> LocalChatModel:
    from assistant.models import llm_status

    ok, detail = llm_status()
    if not ok:
        pytest.skip(f"embedded model not available: {detail}")
    chat = LocalChatModel(n_ctx=N_CTX)
    chat.llama()
    return chat


def _report(artifacts_dir: Path, name: str, data: dict[str, object]) -> None:
    path = artifacts_dir / "llm-local.json"
    existing = json.loads(path.read_text()) if path.is_file() else {}
    existing[name] = data
    path.write_text(json.dumps(existing, indent=2))


def test_speed_is_measured(artifacts_dir: Path) -> None:
    report = measure_local_speed(LocalChatModel(n_ctx=N_CTX), prompt_tokens=400, gen_tokens=48)
    print("\nlocal model speed:", report.model_dump())
    _report(artifacts_dir, "speed", report.model_dump())
    assert report.prompt_tokens > 300 and report.gen_tokens > 10
    assert report.prefill_tok_s > 0 and report.gen_tok_s > 0


def test_schema_constrained_extraction(model: LocalChatModel, artifacts_dir: Path) -> None:
    result = invoke_structured(
        model,
        Actors,
        extraction_messages(),
        max_tokens=300,
        retries=0,
    )
    print("\nextraction:", result.outcome.elapsed_s, "s", result.raw)
    _report(
        artifacts_dir,
        "extraction",
        {"elapsed_s": result.outcome.elapsed_s, "raw": result.raw, "ok": result.outcome.ok},
    )
    assert result.value is not None, result.outcome
    assert result.outcome.attempt_count == 1 and not result.outcome.repairs
    names = [a.name for a in result.value.actors]
    found = [org for org in ORGS if any(org.lower() in n.lower() for n in names)]
    assert len(found) >= 4, names
    # no invented actors: every name is (the start of) a name in the narrative
    for name in names:
        assert name.split()[0].lower() in NARRATIVE.lower(), name
    right = [
        org
        for org, role in ORGS.items()
        if any(
            org.lower() in a.name.lower() and role in a.role.lower() for a in result.value.actors
        )
    ]
    assert len(right) >= 3, result.value


def test_truncated_real_output_is_repaired(model: LocalChatModel) -> None:
    result = invoke_structured(
        model,
        Actors,
        extraction_messages(),
        max_tokens=40,
        retries=0,
    )
    assert result.outcome.truncated, result.raw
    assert result.value is not None and 1 <= len(result.value.actors) < 5
    assert any("truncated" in r for r in result.outcome.repairs)


def test_streamed_answer(model: LocalChatModel, artifacts_dir: Path) -> None:
    messages = build_messages(
        "You are a concise assistant for legal triage.",
        "In one sentence, which company deployed the credit-scoring tool?",
        {"narrative": NARRATIVE},
    )
    started = time.monotonic()
    stream = stream_text(model, messages, max_tokens=60, retries=0)
    first: float | None = None
    pieces = []
    for piece in stream:
        first = first if first is not None else time.monotonic() - started
        pieces.append(piece)
    print(f"\nstream: first text after {first:.2f}s, total {stream.outcome.elapsed_s}s")
    _report(
        artifacts_dir,
        "stream",
        {"first_text_s": first, "elapsed_s": stream.outcome.elapsed_s, "text": stream.text},
    )
    assert len(pieces) > 3 and stream.outcome.ok
    assert "crescent" in stream.text.lower()


def test_deadline_stops_a_long_generation(model: LocalChatModel) -> None:
    impatient = LocalChatModel(n_ctx=N_CTX, timeout_s=1.0)
    messages = build_messages(
        "You are verbose.", "Write a 500-word essay on product liability.", {}
    )
    started = time.monotonic()
    with pytest.raises(ProviderCallFailed) as info:
        list(stream_text(impatient, messages, max_tokens=600, retries=0))
    assert info.value.outcome.error_kinds[0] in (ErrorKind.INTERRUPTED, ErrorKind.TIMEOUT)
    assert time.monotonic() - started < 20  # 600 tokens would take far longer


def test_concurrent_calls_are_serialised(model: LocalChatModel) -> None:
    messages = build_messages("Answer briefly.", "Name one colour.", {})
    results: list[str] = []
    errors: list[BaseException] = []

    def call() -> None:
        try:
            results.append(str(model.invoke(messages, max_tokens=8).content))
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=call) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors and len(results) == 3 and all(results)


def test_context_overflow_is_not_retried(model: LocalChatModel) -> None:
    small = LocalChatModel(n_ctx=N_CTX)
    huge = "word " * (N_CTX + 500)
    result = invoke_structured(small, Actors, build_messages("x", "y", {"n": huge}), retries=2)
    assert result.outcome.error_kinds == [ErrorKind.CONTEXT_OVERFLOW]


# ----------------------------------------------------------------------------- openai provider


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def llama_server() -> Iterator[tuple[str, str]]:
    """``python -m llama_cpp.server`` on loopback (or the stand-in if its extras are missing)."""
    from assistant.models import llm_model_path, llm_status

    ok, detail = llm_status()
    if not ok:
        pytest.skip(f"embedded model not available: {detail}")
    port = _free_port()
    path = str(llm_model_path())
    extras = ("fastapi", "sse_starlette", "starlette_context")
    if all(importlib.util.find_spec(name) for name in extras):
        kind = "llama_cpp.server"
        cmd = [sys.executable, "-m", "llama_cpp.server", "--model", path, "--host", "127.0.0.1"]
        cmd += ["--port", str(port), "--n_ctx", "2048", "--model_alias", "local"]
    else:
        kind = "stand-in (llama-cpp-python[server] extras not installed)"
        cmd = [sys.executable, "-m", "tests.llm.llama_openai_server", "--model", path]
        cmd += ["--port", str(port), "--n_ctx", "2048"]
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    # stderr goes to a file: llama.cpp logs the whole model header there, and an unread pipe
    # fills up and blocks the server before it ever listens.
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the server, in finally
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}/v1"

    def output() -> str:
        log.seek(0)
        return log.read().decode(errors="replace")[-2000:]

    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"{kind} exited: {output()}")
            try:
                if httpx.get(f"{base}/models", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail(f"{kind} did not start within 180 s: {output()}")
        yield base, kind
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_openai_provider_against_llama_server(llama_server: tuple[str, str]) -> None:
    base, kind = llama_server
    print(f"\nserver: {kind}")
    settings = Settings(provider="openai", llm_base_url=base, llm_model="local", llm_timeout_s=120)
    model = get_chat_model(settings)
    result = invoke_structured(
        model,
        Actors,
        extraction_messages(),
        max_tokens=300,
        retries=1,
    )
    assert result.value is not None, result.outcome
    names = " ".join(a.name for a in result.value.actors).lower()
    assert sum(org.lower() in names for org in ORGS) >= 4, names
    stream = stream_text(
        model, build_messages("Answer briefly.", "Say hello in three words.", {}), max_tokens=20
    )
    pieces = list(stream)
    assert len(pieces) >= 2 and stream.outcome.ok


def test_closing_a_stream_early_releases_the_model(model: LocalChatModel) -> None:
    messages = build_messages("You are verbose.", "Describe product liability at length.", {})
    with stream_text(model, messages, max_tokens=200, retries=0) as stream:
        for n, _ in enumerate(stream):
            if n == 2:
                break
    done = threading.Event()

    def call() -> None:
        model.invoke(messages, max_tokens=2)
        done.set()

    threading.Thread(target=call, daemon=True).start()
    assert done.wait(timeout=120), "the model stayed locked after the stream was closed"
