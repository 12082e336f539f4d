"""The LLM-as-judge plumbing and its validation on deliberately wrong answers."""

from __future__ import annotations

import importlib

import pytest
from evalkit import constant, make_case, oracle_judge, perfect_report, verdict

from assistant.evals.judge import (
    JudgeVerdict,
    judge_case,
    llm_judge,
    render_report,
    validate_judge,
)


def test_perfect_judge_passes_validation() -> None:
    check = validate_judge(oracle_judge())
    assert check.passed, check.failures
    assert check.wrong_rejected == check.wrong_total > 0
    assert check.right_accepted == check.right_total > 0


@pytest.mark.parametrize("value", [True, False])
def test_constant_judges_fail_validation(value: bool) -> None:
    check = validate_judge(constant(value))
    assert not check.passed
    assert check.failures


def test_judge_case_scores_key_points_and_unruled_must_nots() -> None:
    case = make_case()
    seen: list[tuple[str, str]] = []

    def judge(kind: str, statement: str, text: str) -> JudgeVerdict:
        seen.append((kind, statement))
        return verdict(True)  # supports every point, but also "violates" every item

    out = judge_case(judge, case, perfect_report(case))
    assert out["key_point_coverage"] == 1.0
    # only "Must not be rude." has no rule; the other four are judged by rules, not the LLM
    assert [s for k, s in seen if k == "must_not"] == ["Must not be rude."]
    assert out["must_not_pass_rate"] == 0.0


def test_render_report_lists_findings_first() -> None:
    case = make_case()
    text = render_report(perfect_report(case))
    assert text.index("PLD_2024 / GreenBot GmbH: likely") < text.index("First-pass analysis")


def test_llm_judge_refuses_providers_without_a_model() -> None:
    with pytest.raises(Exception, match="needs a real model"):
        llm_judge("none")


def test_validation_can_stop_at_the_first_mistake() -> None:
    check = validate_judge(constant(True), stop_at_first_failure=True)
    assert len(check.failures) == 1 and not check.passed


@pytest.mark.slow
@pytest.mark.timeout(1800)  # about 11 calls to the embedded 1.5B model on 2 busy cores
def test_local_judge_is_used_only_if_it_rejects_the_wrong_answers() -> None:
    """The real judge (embedded LLM) goes through the same gate as `assistant eval --judge`:
    validated on deliberately wrong answers first, and switched off if it lets one through."""
    from assistant.evals.cli import _judge_setup

    try:
        importlib.import_module("assistant.llm")
        llm_judge("local")
    except Exception as exc:  # provider layer or model missing on this machine
        pytest.skip(f"local LLM judge not available: {exc}")
    judge, meta = _judge_setup(True, "local")
    assert meta is not None
    if meta["passed"]:  # it got every wrong and every right answer right
        assert judge is not None and meta["note"].startswith("validated")
    else:
        assert judge is None, "a judge that failed validation must not score anything"
        assert meta["failures"] and meta["note"].startswith("FAILED")
