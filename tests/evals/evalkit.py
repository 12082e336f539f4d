"""Helpers for the eval-harness tests: a small case, reports built by hand, stand-ins.

The stand-ins are real, small implementations (a word-overlap similarity, a set-backed
resolver, a pipeline that returns a prepared report), not mocks of the harness itself.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from assistant.evals.cases import EvalCase
from assistant.evals.judge import JudgeVerdict, load_validation_set

CASE: dict[str, Any] = {
    "id": "mower",
    "title": "Robot mower injury",
    "narrative": "A robot mower by GreenBot GmbH injured a child on 10 May 2027.",
    "as_of": "2027-06-01",
    "jurisdiction": "DE",
    "gold": {
        "actors": [
            {"name": "GreenBot GmbH", "roles": ["developer", "provider"]},
            {"name": "Garten-Center Müller KG", "roles": ["distributor"]},
            {"name": "the attacker", "roles": []},
        ],
        "ai_act_risk": "minimal",
        "harms": ["personal_injury"],
        "regimes": [
            {
                "regime": "PLD_2024",
                "actor": "GreenBot GmbH",
                "status": "likely",
                "provisions": ["PLD_2024 Art 8(1)(a)", "PLD_2024 Art 6(1)(a)"],
            },
            {
                "regime": "PLD_2024",
                "actor": "Garten-Center Müller KG",
                "status": "excluded",
                "provisions": ["PLD_2024 Art 8(3)"],
            },
            {
                "regime": "NATIONAL_FAULT",
                "actor": "GreenBot GmbH",
                "status": "possible",
                "provisions": ["NATIONAL DE BGB §823(1)"],
            },
            {
                "regime": "PLD_1985",
                "actor": "GreenBot GmbH",
                "status": "unlikely",
                "provisions": ["PLD_2024 Art 21"],
            },
        ],
        "key_points": ["PLD_2024 applies to GreenBot."],
        "must_not": [
            "Must not present the AI Liability Directive as law.",
            "Must not present PLD_2024 as available against Garten-Center Müller KG.",
            'Must not output "NO LIABILITY".',
            "Must not classify the mower as high-risk.",
            "Must not be rude.",
        ],
        "questions": [
            "When was the mower first sold in the EU?",
            "Did the family follow the safety instructions?",
        ],
    },
}

KNOWN_IDS = {
    "PLD_2024 Art 8(1)(a)",
    "PLD_2024 Art 6(1)(a)",
    "PLD_2024 Art 8(3)",
    "PLD_2024 Art 21",
    "NATIONAL DE BGB §823(1)",
    "PLD_2024 Art 8",
    "PLD_2024 Art 8(1)",
    "PLD_2024 Art 8(1)(b)",
    "PLD_2024 Art 9(1)",
    "AILD_PROPOSAL Art 4",
    "MOZILLA_POST §2",
}


def make_case(**overrides: Any) -> EvalCase:
    """The test case, with top-level or ``gold`` fields overridden."""
    data = copy.deepcopy(CASE)
    gold_over = overrides.pop("gold", {})
    data.update(overrides)
    data["gold"].update(gold_over)
    return EvalCase.model_validate(data)


def perfect_report(case: EvalCase) -> dict[str, Any]:
    """The report a perfect pipeline would write for ``case`` (built from its gold)."""
    gold = case.gold
    citations = sorted({p for row in gold.regimes for p in row.provisions})
    return {
        "as_of": case.analysis_date().isoformat(),
        "jurisdiction": case.jurisdiction,
        "actors": [{"name": a.name, "roles": [r.value for r in a.roles]} for a in gold.actors],
        "ai_act_risk": gold.ai_act_risk.value if gold.ai_act_risk else None,
        "harms": [h.value for h in gold.harms],
        "findings": [
            {
                "regime": row.regime.value,
                "actor": row.actor,
                "status": row.status.value,
                "scope_status": "applies",
                "liability_outcome": None,
                "provisions": list(row.provisions),
                "reasons": [],
                "needs_facts": [],
            }
            for row in gold.regimes
        ],
        "citations": citations,
        "questions": [{"id": f"Q{i}", "text": q} for i, q in enumerate(gold.questions)],
        "analysis_markdown": "First-pass analysis. " + " ".join(citations),
    }


_WORD = re.compile(r"[a-z0-9]+")


def word_overlap(a: Sequence[str], b: Sequence[str]) -> list[list[float]]:
    """A real (if crude) similarity: Jaccard of lower-cased word sets."""

    def words(text: str) -> set[str]:
        return set(_WORD.findall(text.lower()))

    return [[len(words(x) & words(y)) / max(len(words(x) | words(y)), 1) for y in b] for x in a]


def set_resolver(ids: set[str] = KNOWN_IDS) -> Callable[[str], bool]:
    """Resolve exactly the IDs in ``ids``."""
    return ids.__contains__


class PreparedPipeline:
    """A pipeline that returns prepared reports by narrative (or raises for unknown ones)."""

    def __init__(self, reports: Mapping[str, Any]) -> None:
        self.reports = reports
        self.calls: list[dict[str, Any]] = []

    def __call__(
        self, narrative: str, *, provider: str, as_of: date, jurisdiction: str | None
    ) -> Any:
        self.calls.append({"provider": provider, "as_of": as_of, "jurisdiction": jurisdiction})
        report = self.reports[narrative]
        if isinstance(report, Exception):
            raise report
        return report


def write_case(path: Path, data: Mapping[str, Any]) -> Path:
    """Write a case dict as YAML."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False), "utf-8")
    return path


def verdict(holds: bool) -> JudgeVerdict:
    return JudgeVerdict(holds=holds, rationale="scripted verdict for the test")


def oracle_judge() -> Any:
    """A judge that knows the validation answers (what a perfect judge would say)."""
    data = load_validation_set()
    by_text = {a["text"]: a for a in data["answers"]}
    must_not = data["must_not"]

    def judge(kind: str, statement: str, text: str) -> JudgeVerdict:
        answer = by_text[text]
        if kind == "key_point":
            return verdict(answer["right"] or statement not in answer["contradicts"])
        violated = {must_not[i] for i in answer.get("violates", [])}
        return verdict(statement in violated)

    return judge


def constant(value: bool) -> Any:
    return lambda kind, statement, text: verdict(value)
