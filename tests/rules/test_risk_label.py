"""The one-per-case AI Act risk label (VOCABULARY.md; LEGAL_RULES.md §3.3 order) from the best
available evidence: a high-risk route that is merely unknown does not make the label unclear;
the open classification questions stay asked and the assumption is recorded in a note."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.facts import Case
from assistant.rules import evaluate

AS_OF = date(2027, 6, 1)
BASE: dict[str, Any] = {
    "jurisdiction": {"member_state": "DE"},
    "actors": [{"name": "Maker", "roles": ["developer_provider"], "established_in_eu": True}],
    "claimant": {"type": "natural_person"},
    "damage": [{"type": "personal_injury"}],
    "incident": {"date": "2027-05-01"},
}

# (id, ai facts, extra case sections, expected label, assumption note expected, question asked)
ROWS: list[tuple[str, dict[str, Any], dict[str, Any], str, bool, str | None]] = [
    # Classification facts missing: the label follows what is known (§3.3 precedence).
    (
        "ai, nothing else known -> minimal",
        {"is_ai_system": True},
        {},
        "minimal",
        True,
        "Q_USE_AREA",
    ),
    (
        "chatbot, use area unknown -> limited (Art 50(1))",
        {"is_ai_system": True, "interacts_with_persons": True},
        {},
        "limited",
        True,
        "Q_USE_AREA",
    ),
    (
        "generates images, use area unknown -> limited (Art 50(2))",
        {"generates_synthetic_content": True},
        {},
        "limited",
        True,
        None,
    ),
    (
        "built on an LLM, no transparency trigger -> gpai",
        {"gpai_model": True},
        {},
        "gpai",
        True,
        None,
    ),
    (
        "gpai provider among the actors -> gpai",
        {"is_ai_system": True},
        {
            "actors": [
                {"name": "Maker", "roles": ["deployer"]},
                {"name": "Lab", "roles": ["gpai_model_provider"]},
            ]
        },
        "gpai",
        True,
        None,
    ),
    (
        "chatbot on an LLM -> limited beats gpai",
        {"interacts_with_persons": True, "gpai_model": True},
        {},
        "limited",
        True,
        None,
    ),
    # Known classification: no assumption to record.
    (
        "known: no Annex III use, no Annex I product -> minimal",
        {"is_ai_system": True, "annex_iii_point": "none", "annex_i_product": False},
        {},
        "minimal",
        False,
        None,
    ),
    (
        "known high-risk beats the transparency trigger",
        {
            "is_ai_system": True,
            "annex_iii_point": "5b",
            "performs_profiling": True,
            "interacts_with_persons": True,
        },
        {},
        "high",
        False,
        None,
    ),
    # Still unclear: AI-ness unknown with nothing pointing to AI, the evaluative Art 6(3)
    # derogation (HR3), an Annex I product with its conformity route unknown.
    ("nothing says it is AI -> unclear", {}, {}, "unclear", False, "Q_AI_SYSTEM"),
    (
        "Annex III area with an Art 6(3) condition -> unclear",
        {
            "is_ai_system": True,
            "annex_iii_point": "4a",
            "performs_profiling": False,
            "art6_3_condition": "d",
        },
        {},
        "unclear",
        False,
        None,
    ),
    (
        "toy with conformity route unknown -> unclear",
        {"is_ai_system": True, "annex_i_product_type": "toys"},
        {},
        "unclear",
        False,
        "Q_NOTIFIED_BODY",
    ),
    (
        "vehicle: type approval is always third-party (Art 6(1)(b)) -> high",
        {"is_ai_system": True, "annex_i_product_type": "motor_vehicles"},
        {},
        "high",
        False,
        None,
    ),
    (
        "vehicle stated not to need third-party assessment -> not high",
        {
            "is_ai_system": True,
            "annex_i_product_type": "motor_vehicles",
            "third_party_conformity": False,
            "annex_iii_point": "none",
        },
        {},
        "minimal",
        False,
        None,
    ),
    (
        "user's own category when the facts cannot place it",
        {"category": "high"},
        {},
        "high",
        False,
        None,
    ),
    (
        "not an AI system",
        {"is_ai_system": False, "interacts_with_persons": True},
        {},
        "not_ai",
        False,
        None,
    ),
]


@pytest.mark.parametrize(("name", "ai", "extra", "label", "noted", "question"), ROWS,
                         ids=[r[0] for r in ROWS])  # fmt: skip
def test_risk_label(
    name: str, ai: dict[str, Any], extra: dict[str, Any], label: str, noted: bool,
    question: str | None,
) -> None:  # fmt: skip
    case = Case.model_validate({**BASE, "ai": ai, **extra})
    a = evaluate(case, AS_OF, questions=20)
    assert a.ai_act_risk.value == label
    notes = [n for n in a.notes if n.code == "NOTE_RISK_ASSUMPTION"]
    assert bool(notes) is noted, [n.text for n in a.notes]
    if notes:
        assert label in notes[0].text and "AI_ACT Art 6(2)" in notes[0].provisions
    if question:
        assert question in {q.code for q in a.questions}, [q.code for q in a.questions]
