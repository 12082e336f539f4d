"""AppTest: triage of a pasted narrative (and of uploaded documents) with provider ``none``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.facts import Case
from assistant.report import Report
from assistant.rules import evaluate
from tests.ui.conftest import AS_OF, MOWER, run_app, seed_session, session_id, store, texts

SEED = Path(__file__).resolve().parents[2] / "evals" / "cases" / "dev" / "robot-mower-injury.yaml"


@pytest.fixture
def seed(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """The seed scenario; the app analyses on its date."""
    data = yaml.safe_load(SEED.read_text())
    monkeypatch.setenv("ASSISTANT_AS_OF", str(data["as_of"]))
    return data


def _analyse(at, narrative: str):  # type: ignore[no-untyped-def]
    at.text_area(key="narrative_input").set_value(narrative)
    at.button(key="triage_run").click()
    at.run()
    assert not at.exception, at.exception
    return at


def test_paste_narrative_gives_report_with_open_questions(seed: dict[str, object]) -> None:
    at = _analyse(run_app(tab="Triage"), str(seed["narrative"]))
    state = store().load(session_id(at))
    assert state is not None and state.report is not None
    report = Report.model_validate(state.report)
    # The findings are the rule core's on the facts the app stored, nothing else.
    case = Case.model_validate(state.case)
    expected = {(f.regime, f.actor, f.status) for f in evaluate(case, report.as_of).public}
    assert {(f.regime, f.actor, f.status) for f in report.findings} == expected
    names = {a.name for a in report.actors}
    assert any("GreenBot" in n for n in names), names
    page = texts(at).replace("\\", "")
    assert "First-pass result" in page
    assert all(q.text[:40].replace("\\", "") in page for q in report.questions[:3])
    assert state.narrative.startswith("Incident summary")
    # The provenance of extracted facts is kept and shown in the fact sheet.
    assert any(p.source.value == "extracted" for p in case.provenance.values())


def test_uploaded_document_is_used_as_context(seed: dict[str, object]) -> None:
    at = run_app(tab="Triage")
    at.file_uploader[0].upload("incident.txt", str(seed["narrative"]).encode(), "text/plain")
    at.run()
    _analyse(at, "")
    state = store().load(session_id(at))
    assert state is not None and state.report is not None
    assert any("GreenBot" in a.name for a in Report.model_validate(state.report).actors)
    assert state.narrative == ""  # the upload stays an upload, not the narrative


def test_empty_input_asks_for_a_narrative() -> None:
    at = _analyse(run_app(tab="Triage"), "   ")
    assert "Paste a narrative" in texts(at)


def test_too_long_narrative_is_refused_and_facts_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_MAX_NARRATIVE_CHARS", "500")
    sid = seed_session(MOWER)
    before = store().load(sid)
    at = run_app(session_id=sid, tab="Triage")
    # The browser stops a paste at the limit (a 50 MB paste never reaches the server) ...
    assert at.text_area(key="narrative_input").max_chars == 500
    # ... and an over-long text that arrives anyway (here: with an upload) is refused by us.
    at = _analyse(at, "")
    from assistant.errors import InputError
    from assistant.inputs import read_narrative

    with pytest.raises(InputError, match="500"):
        read_narrative("x " * 400)
    after = store().load(sid)
    assert after.case == before.case and after.report == before.report


def test_triage_on_top_of_known_facts_keeps_them(seed: dict[str, object]) -> None:
    sid = seed_session({"actors": [{"name": "Family Weber", "roles": ["end_user"]}]})
    _analyse(run_app(session_id=sid, tab="Triage"), str(seed["narrative"]))
    state = store().load(sid)
    names = [a["name"] for a in state.case["actors"]]
    assert "Family Weber" in names and any("GreenBot" in n for n in names)
    assert state.as_of == AS_OF.isoformat()  # the session keeps its own analysis date


def test_llm_failure_says_what_happened_and_shows_the_deterministic_result(
    seed: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.chain.pipeline import triage
    from assistant.llm import ModelSelection, ScriptedChatModel
    from assistant.settings import get_settings
    from assistant.ui.resources import resources

    monkeypatch.setenv("ASSISTANT_PROVIDER", "fake")
    monkeypatch.setenv("ASSISTANT_LLM_RETRIES", "0")  # fail fast: the backoff is not under test
    get_settings.cache_clear()
    settings = get_settings()
    broken = ScriptedChatModel.of([ConnectionError("model server went away")] * 20)
    # The app's shared resources for this configuration, with the model that fails every call.
    resources(settings)._models["fake"] = ModelSelection(broken, "fake")
    at = _analyse(run_app(tab="Triage"), str(seed["narrative"]))
    assert broken.calls, "the app used the configured (failing) model"
    warnings = " ".join(w.value for w in at.warning)
    assert "could not be reached" in warnings and "deterministic" in warnings, warnings
    state = store().load(session_id(at))
    report = Report.model_validate(state.report)
    deterministic = triage(str(seed["narrative"]), provider="none", as_of=report.as_of)
    assert {(f.regime, f.actor, f.status) for f in report.findings} == {
        (f.regime, f.actor, f.status) for f in deterministic.report.findings
    }


def test_a_crash_in_the_chain_is_reported_and_loses_nothing(
    seed: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.chain.pipeline as pipeline

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(pipeline, "triage", crash)
    sid = seed_session(MOWER)
    before = store().load(sid)
    at = _analyse(run_app(session_id=sid, tab="Triage"), str(seed["narrative"]))
    errors = " ".join(e.value for e in at.error)
    assert "did not run" in errors and "simulated bug" in errors
    after = store().load(sid)
    assert after.case == before.case and after.report == before.report
    # The chat says so too, and the conversation goes on.
    at.session_state["main_tab"] = "Interview"
    at.run()
    at.chat_input[0].set_value("More facts: the mower had no bumper sensor.").run()
    assert not at.exception
    assert "could not analyse" in at.chat_message[-1].markdown[0].value
