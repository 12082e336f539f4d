"""AppTest: the chat interview (provider ``none``): facts from a narrative, answers to the
questions, free questions with citations, and the conversation surviving a reload."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from assistant.facts import Case
from assistant.report import Report
from assistant.rules import evaluate
from tests.ui.conftest import run_app, session_id, store

SEED = Path(__file__).resolve().parents[2] / "evals" / "cases" / "dev" / "robot-mower-injury.yaml"


@pytest.fixture
def seed(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    data = yaml.safe_load(SEED.read_text())
    monkeypatch.setenv("ASSISTANT_AS_OF", str(data["as_of"]))
    return data


def _say(at: AppTest, text: str) -> str:
    at.chat_input[0].set_value(text)
    at.run()
    assert not at.exception, at.exception
    last = at.chat_message[-1]
    assert last.name == "assistant"
    return "\n".join(m.value for m in last.markdown)


def _consistent(sid: str) -> Report:
    """The stored report is the rule core's verdict on the stored facts."""
    state = store().load(sid)
    assert state is not None and state.report is not None
    report = Report.model_validate(state.report)
    case = Case.model_validate(state.case)
    expected = {(f.regime, f.actor, f.status) for f in evaluate(case, report.as_of).public}
    assert {(f.regime, f.actor, f.status) for f in report.findings} == expected
    return report


def test_interview_turns_update_the_analysis(seed: dict[str, object]) -> None:
    at = run_app()
    sid = session_id(at)
    reply = _say(at, str(seed["narrative"]))
    assert "What I understood" in reply and "GreenBot GmbH" in reply
    assert "Next questions" in reply
    state = store().load(sid)
    pending = state.pending_questions
    assert pending and pending[0]["text"].replace("\\", "")[:30] in reply.replace("\\", "")
    before = _consistent(sid)

    # Answer the first yes/no question with yes: its fact is set, stated by the user.
    number, first = next((i, q) for i, q in enumerate(pending, 1) if q["kind"] == "yes_no")
    reply = _say(at, f"{number}. yes")
    state = store().load(sid)
    case = Case.model_validate(state.case)
    set_paths = [p for p in first["fact_paths"] if case.provenance.get(p)]
    assert set_paths and all(case.provenance[p].source.value == "user" for p in set_paths)
    after = _consistent(sid)
    assert "What I understood" in reply
    changed = {(f.regime, f.actor, f.status) for f in after.findings} != {
        (f.regime, f.actor, f.status) for f in before.findings
    }
    assert changed == ("Analysis updated" in reply)
    # The conversation is stored: two user turns, two assistant replies.
    assert [m.role for m in state.messages] == ["user", "assistant", "user", "assistant"]


def test_dont_know_keeps_the_question_open_without_asking_it_again(
    seed: dict[str, object],
) -> None:
    at = run_app()
    sid = session_id(at)
    _say(at, str(seed["narrative"]))
    first = store().load(sid).pending_questions[0]
    reply = _say(at, "1. I don't know")
    state = store().load(sid)
    assert "stays open" in reply
    assert first["id"] in state.skipped_questions
    assert first["id"] not in {q["id"] for q in state.pending_questions}


def test_free_question_gets_a_cited_answer_and_leaves_facts_alone(
    seed: dict[str, object],
) -> None:
    at = run_app()
    sid = session_id(at)
    _say(at, str(seed["narrative"]))
    facts = store().load(sid).case
    reply = _say(at, "What does Art 10 PLD mean for us?")
    assert "PLD_2024 Art 10" in reply.replace("\\", "")
    assert "not legal advice" in reply
    assert store().load(sid).case == facts


def test_conversation_survives_a_reload(seed: dict[str, object]) -> None:
    at = run_app()
    sid = session_id(at)
    _say(at, str(seed["narrative"]))
    again = run_app(session_id=sid)
    roles = [m.name for m in again.chat_message]
    assert roles == ["assistant", "user", "assistant"]  # greeting + the stored turn
    assert "GreenBot GmbH" in again.chat_message[-1].markdown[0].value
