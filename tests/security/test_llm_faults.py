"""LLM faults at the pipeline and app level: retries, then the deterministic path; nothing lost.

A real OpenAI-compatible HTTP server on loopback (``tests/llm/loopback.py``) answers every
request of a triage with one fault: a stall past the client's timeout, HTTP 500, HTTP 429,
garbage instead of JSON, JSON cut off at the length limit, JSON of the wrong shape, a stream cut
mid-way. The triage starts from a case holding facts the user entered. Each time: the triage
completes, every user fact is still there unchanged (value and provenance), the findings are
those of the deterministic path (or, for a reply the repair could use, still consistent), and
the notes tell the user what happened. The app test does the same through the Triage tab.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from assistant.facts import Case, Provenance, get_fact, provenance_of, set_fact
from assistant.settings import Settings
from tests.llm.loopback import Behaviour, ScriptedServer, cut, reply, stall, status
from tests.security.figures import record

AS_OF = date(2028, 6, 1)
NARRATIVE = (
    "GreenBlade GmbH makes the AutoMow X robot mower, which Gartenwelt KG sold to our "
    "neighbour. On 12 June 2027 the mower left its zone, ran over the neighbour's child's foot "
    "and the child needed surgery."
)
# Facts the user entered by hand (provenance "user"): they must survive every fault.
USER_FACTS: dict[str, Any] = {
    "actors[0]": {"name": "GreenBlade GmbH", "roles": ["developer", "provider"]},
    "actors[1]": {"name": "Gartenwelt KG", "roles": ["distributor"]},
    "incident.date": "2027-06-12",
    "jurisdiction.member_state": "DE",
    "product.market_date": "2027-03-01",
}
CHECKED = ["actors[0].name", "actors[0].roles", "actors[1].name", "actors[1].roles",
           "incident.date", "jurisdiction.member_state", "product.market_date"]  # fmt: skip
TRUNCATED = '{"actors": [{"name": "GreenBlade GmbH", "role": "developer", "quote": "GreenBl'
FAULTS: dict[str, tuple[Behaviour, tuple[str, ...]]] = {
    # fault: (what the server does to every request, words one of the notes must contain)
    "timeout": (stall(2.5, "late"), ("did not answer in time",)),
    "http 500": (status(500), ("server error",)),
    "http 429": (status(429, retry_after="0"), ("rate-limiting", "429")),
    "garbage json": (reply("Sure! Here you go: {actors: [GreenBlade,"), ("json", "usable")),
    "truncated output": (reply(TRUNCATED, finish="length"), ("cut", "usable", "verification")),
    "wrong schema": (reply('{"verdict": "nobody is liable", "score": 7}'), ("structure", "usable")),
    "stream cut mid-way": (cut("1. GreenBlade GmbH may have to answer for the"), ("broke off",)),
}


def user_case() -> Case:
    case = Case()
    for path, value in USER_FACTS.items():
        case = set_fact(case, path, value, Provenance.user())
    return case


def lost_facts(before: Case, after: Case) -> list[str]:
    """User facts of ``before`` that ``after`` no longer holds (value or provenance)."""
    lost = []
    for path in CHECKED:
        was, now = get_fact(before, path), get_fact(after, path)
        if now != was:
            lost.append(f"{path}: {was!r} -> {now!r}")
    for path in USER_FACTS:  # provenance is kept where the user set the fact
        source = provenance_of(after, path)
        if source is None or source.source != Provenance.user().source:
            lost.append(f"{path}: provenance now {source}")
    return lost


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    srv = ScriptedServer("openai").start()
    yield srv
    srv.stop()


def _settings(server: ScriptedServer, **extra: Any) -> Settings:
    return Settings(
        provider="openai",
        llm_base_url=server.base_url,
        llm_api_key="test-key",
        llm_model="test-model",
        llm_timeout_s=1.0,
        llm_retries=2,
        **extra,
    )


def _triage(settings: Settings) -> Any:
    from assistant.chain.pipeline import triage

    return triage(
        NARRATIVE, settings=settings, provider="openai", as_of=AS_OF, base_case=user_case()
    )


def _findings(result: Any) -> set[tuple[str, str, str]]:
    return {(f.regime.value, f.actor, f.status.value) for f in result.report.findings}


@pytest.fixture(scope="module")
def deterministic() -> Any:
    from assistant.chain.pipeline import triage

    return triage(NARRATIVE, provider="none", as_of=AS_OF, base_case=user_case())


@pytest.mark.parametrize("fault", list(FAULTS))
def test_fault_falls_back_without_losing_facts(
    fault: str, server: ScriptedServer, deterministic: Any
) -> None:
    behaviour, words = FAULTS[fault]
    server.default = behaviour
    result = _triage(_settings(server))
    served = len(server.chat_requests)
    lost = lost_facts(user_case(), result.case)
    notes = " ".join([*result.provider_notes, *result.extraction_notes]).lower()
    said = any(w in notes for w in words)
    record(
        "llm_faults_pipeline",
        {fault: {"requests_faulted": served, "facts_lost": len(lost), "explained": said}},
        merge=True,
    )
    assert served >= 2, "both the extraction and the analysis asked the model"
    assert not lost, lost
    assert result.report.findings, "the deterministic findings are always there"
    if fault not in ("truncated output", "wrong schema"):  # those replies may be partly usable
        assert _findings(result) == _findings(deterministic)
    assert said, f"{fault}: notes do not say what happened: {notes}"


def test_a_flaky_server_is_retried_and_then_used(server: ScriptedServer) -> None:
    good = json.dumps(
        {
            "actors": [
                {"name": "GreenBlade GmbH", "role": "developer", "quote": "GreenBlade GmbH makes"}
            ],
            "harms": [],
            "incident_date": "12 June 2027",
            "market_date": None,
        }
    )
    server.push(status(503), status(429, retry_after="0"), reply(good))
    server.default = reply("1. GreenBlade GmbH may have to answer for the injury [PLD_2024 Art 8].")
    result = _triage(_settings(server))
    assert len(server.chat_requests) >= 4  # two failures, the extraction, the analysis
    assert not lost_facts(user_case(), result.case)
    notes = " ".join([*result.provider_notes, *result.extraction_notes]).lower()
    assert "deterministic extractor" not in notes  # the third attempt was used


def test_the_busy_local_model_falls_back_with_a_clear_note(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bounded queue refuses at once: the triage says 'busy' and keeps every fact."""
    from assistant.chain.pipeline import triage
    from assistant.llm.local import LocalChatModel
    from assistant.llm.queue import local_queue
    from assistant.settings import get_settings
    from tests.security.fakes import SlowLlama

    monkeypatch.setenv("ASSISTANT_LLM_QUEUE_MAX_WAITING", "0")
    get_settings.cache_clear()
    monkeypatch.setattr(LocalChatModel, "llama", lambda self: SlowLlama())
    queue = local_queue()
    holder = queue.slot()
    holder.__enter__()  # another session is using the model
    try:
        result = triage(
            NARRATIVE, model=LocalChatModel(), provider="local", as_of=AS_OF, base_case=user_case()
        )
    finally:
        holder.__exit__(None, None, None)
    notes = " ".join([*result.provider_notes, *result.extraction_notes]).lower()
    assert "busy" in notes, notes
    assert not lost_facts(user_case(), result.case)


# ----------------------------------------------------------------------------------- the app


@pytest.fixture
def app_env(server: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedServer]:
    import streamlit as st

    from assistant.settings import get_settings

    for key, value in {
        "ASSISTANT_PROVIDER": "openai",
        "ASSISTANT_LLM_BASE_URL": server.base_url,
        "ASSISTANT_LLM_API_KEY": "test-key",
        "ASSISTANT_LLM_MODEL": "test-model",
        "ASSISTANT_LLM_TIMEOUT_S": "1.5",
        "ASSISTANT_LLM_RETRIES": "1",
        "ASSISTANT_AS_OF": AS_OF.isoformat(),
    }.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    st.cache_resource.clear()
    yield server
    st.cache_resource.clear()


def _seed(case: Case) -> str:
    from assistant.sessions import SessionState
    from tests.ui.conftest import store

    state = SessionState(case=json.loads(case.model_dump_json()), provider="openai")
    return store().create(state)


@pytest.mark.parametrize("fault", ["http 500", "timeout", "garbage json"])
def test_the_app_says_what_happened_and_keeps_the_facts(
    fault: str, app_env: ScriptedServer
) -> None:
    from tests.ui.conftest import run_app, store, texts

    app_env.default = FAULTS[fault][0]
    sid = _seed(user_case())
    at = run_app(session_id=sid, tab="Triage")
    at.text_area(key="narrative_input").set_value(NARRATIVE)
    next(b for b in at.button if b.label == "Analyse").click()
    at.run(timeout=120)
    assert not at.exception, at.exception
    shown = texts(at).lower()
    said = any(w in shown for w in FAULTS[fault][1])
    state = store().load(sid)
    assert state is not None
    lost = lost_facts(user_case(), Case.model_validate(state.case))
    record(
        "llm_faults_app",
        {fault: {"requests_faulted": len(app_env.chat_requests), "facts_lost": len(lost),
                 "explained": said}},
        merge=True,
    )  # fmt: skip
    assert said, shown[-2000:]
    assert state.report is not None  # the analysis exists
    assert not lost, lost
    assert len(app_env.chat_requests) >= 2
