"""Optional LLM-as-judge for ``key_points`` and the ``must_not`` items no rule can judge.

Off by default (``assistant eval --judge``). A judge is any callable
``judge(kind, statement, report_text) -> JudgeVerdict``; ``holds`` means "the report states this
key point" (kind ``key_point``) or "the report does this forbidden thing" (kind ``must_not``).
Before its scores are used the judge is validated on deliberately wrong answers
(``data/judge_validation.yaml``): it must reject the wrong answers' key points, flag their
forbidden statements and accept the one right answer. A judge that fails is reported as
untrusted and its scores are left out of the metrics.
"""

from __future__ import annotations

import contextlib
import importlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field

from assistant.errors import AssistantError
from assistant.evals.must_not import rule_for

__all__ = [
    "Judge",
    "JudgeValidation",
    "JudgeVerdict",
    "judge_case",
    "llm_judge",
    "load_validation_set",
    "render_report",
    "validate_judge",
]

Kind = Literal["key_point", "must_not"]
_MAX_REPORT_CHARS = 6000


class JudgeVerdict(BaseModel):
    """The judge's answer for one statement.

    ``rationale`` comes first on purpose: with schema-constrained decoding the model writes its
    reason before it commits to the boolean (measured: with ``holds`` first, the embedded 1.5B
    model answered false while its own rationale said the report states the claim).
    """

    rationale: str = Field(min_length=15, max_length=400, description="one short sentence")
    holds: bool = Field(description="true if the report states / does what the statement says")


Judge = Callable[[Kind, str, str], JudgeVerdict]


def render_report(report: Mapping[str, Any]) -> str:
    """Compact text of a report for the judge: findings first, then the analysis."""
    lines = [f"AI Act risk: {report.get('ai_act_risk')}"]
    for f in report.get("findings") or []:
        if isinstance(f, Mapping):
            reasons = "; ".join(str(r) for r in f.get("reasons") or [])
            lines.append(
                f"- {f.get('regime')} / {f.get('actor')}: {f.get('status')}"
                f" ({', '.join(str(p) for p in f.get('provisions') or [])}) {reasons}".rstrip()
            )
    lines.append(str(report.get("analysis_markdown") or ""))
    return "\n".join(lines)[:_MAX_REPORT_CHARS]


def judge_case(judge: Judge, case: Any, report: Mapping[str, Any]) -> dict[str, Any]:
    """Judge a case's key points and the must_not items the rules cannot judge."""
    text = render_report(report)
    points = []
    for point in case.gold.key_points:
        v = judge("key_point", point, text)
        points.append({"point": point, "supported": v.holds, "rationale": v.rationale})
    items = []
    for item in case.gold.must_not:
        if rule_for(item) is not None:
            continue
        v = judge("must_not", item, text)
        items.append({"item": item, "violated": v.holds, "rationale": v.rationale})
    return {
        "key_points": points,
        "key_point_coverage": sum(p["supported"] for p in points) / len(points) if points else None,
        "must_not": items,
        "must_not_pass_rate": (
            sum(not i["violated"] for i in items) / len(items) if items else None
        ),
    }


# --------------------------------------------------------------------------- validation


@dataclass
class JudgeValidation:
    """How the judge did on the validation answers."""

    wrong_rejected: int = 0
    wrong_total: int = 0
    right_accepted: int = 0
    right_total: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Every wrong answer rejected and every right answer accepted."""
        return not self.failures and self.wrong_total > 0


def load_validation_set() -> dict[str, Any]:
    """The deliberately wrong (and one right) answers the judge is validated on."""
    text = (
        resources.files("assistant.evals").joinpath("data/judge_validation.yaml").read_text("utf-8")
    )
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def validate_judge(
    judge: Judge, data: Mapping[str, Any] | None = None, *, stop_at_first_failure: bool = False
) -> JudgeValidation:
    """Run the judge on deliberately wrong (and one right) answers; it must tell them apart.

    Wrong answers come first. ``stop_at_first_failure`` ends the check at the first mistake (a
    slow local model need not finish a validation it has already failed).
    """
    data = data or load_validation_set()
    result = JudgeValidation()
    with contextlib.suppress(_Stop):
        _run_validation(judge, data, result, stop_at_first_failure)
    return result


class _Stop(Exception):
    pass


def _run_validation(
    judge: Judge, data: Mapping[str, Any], result: JudgeValidation, stop: bool
) -> None:
    def failed(message: str) -> None:
        result.failures.append(message)
        if stop:
            raise _Stop

    key_points: Sequence[str] = data["key_points"]
    must_not: Sequence[str] = data["must_not"]
    for answer in data["answers"]:
        right = bool(answer["right"])
        text = answer["text"]
        for point in answer.get("contradicts", key_points if not right else []):
            v = judge("key_point", point, text)
            result.wrong_total += 1
            if v.holds:
                failed(f"{answer['id']}: accepted wrong key point {point!r}")
            else:
                result.wrong_rejected += 1
        for item in answer.get("violates", []):
            v = judge("must_not", must_not[item] if isinstance(item, int) else item, text)
            result.wrong_total += 1
            if v.holds:
                result.wrong_rejected += 1
            else:
                failed(f"{answer['id']}: missed violation {item!r}")
        if right:
            for point in key_points:
                v = judge("key_point", point, text)
                result.right_total += 1
                if v.holds:
                    result.right_accepted += 1
                else:
                    failed(f"{answer['id']}: rejected correct key point {point!r}")
            for item in must_not:
                v = judge("must_not", item, text)
                result.right_total += 1
                if v.holds:
                    failed(f"{answer['id']}: false violation {item!r}")
                else:
                    result.right_accepted += 1


# --------------------------------------------------------------------------- LLM judge

_SYSTEM = (
    "You check a legal triage report. You are given the report as data and one CLAIM. Decide "
    "only whether the report states the claim (in any words) and does not contradict it. A "
    "report that says the opposite, or says nothing about it, does not state it."
)
_NEGATION = re.compile(r"^\s*(must not|should not|never|do not|does not)\s+", re.IGNORECASE)


def _claim(kind: Kind, statement: str) -> str:
    """The statement as a positive claim: a must_not item loses its "Must not" (small models
    handle "does the report say X" far better than "does it break the rule not to say X")."""
    return _NEGATION.sub("", statement).rstrip(".") if kind == "must_not" else statement


def llm_judge(provider: str) -> Judge:
    """A judge backed by the provider layer (``assistant.llm``), imported lazily.

    The report under judgement goes in as an untrusted data block (``build_messages``), so an
    instruction injected into a report cannot steer the verdict. A call that fails after the
    provider layer's retries raises ``ProviderError`` (the runner records it per case).
    """
    from assistant.errors import ProviderError
    from assistant.settings import get_settings

    if provider in ("none", "fake"):
        raise AssistantError(
            f"the LLM judge needs a real model; provider {provider!r} has none",
            hint="pass --judge-provider local (or openai/ollama/anthropic)",
        )
    try:
        llm = importlib.import_module("assistant.llm")
    except ImportError as exc:
        raise AssistantError(
            "LLM judge not available: the provider layer (assistant.llm) cannot be imported",
            hint="run without --judge, or build the provider layer first",
        ) from exc
    model = llm.get_chat_model(get_settings(), provider)

    def judge(kind: Kind, statement: str, report_text: str) -> JudgeVerdict:
        messages = llm.build_messages(
            _SYSTEM,
            f"CLAIM: {_claim(kind, statement)}\n\nDoes the report state this claim? Answer with "
            "JSON: first a one-sentence rationale, then holds (true or false).",
            {"report": report_text},
        )
        result = llm.invoke_structured(model, JudgeVerdict, messages, max_tokens=160)
        if result.value is None:
            raise ProviderError(
                f"the judge model gave no usable verdict: {result.outcome.user_message or ''}",
                hint="check `assistant doctor`, or run without --judge",
            )
        verdict: JudgeVerdict = result.value
        return verdict

    return judge
