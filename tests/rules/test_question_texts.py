"""Questions worded for the case (names of parties, product and injured person) and the
relevance rules behind them: a bystander is not asked about contracts, a device's physical harm
is not asked about personal data or chatbots, several GDPR roles make one question (§9.3)."""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.facts import Case
from assistant.rules import evaluate

AS_OF = date(2027, 9, 1)
DEVICE: dict[str, Any] = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {"is_ai_system": True},
    "product": {"market_date": "2027-02-01", "kind": "physical_product", "name": "hedge trimmer"},
    "actors": [
        {"name": "Schnittwerk GmbH", "roles": ["developer", "provider"]},
        {"name": "Eva Brandt", "roles": ["end_user", "affected_person"]},
    ],
    "claimant": {"type": "natural_person", "name": "Eva Brandt"},
    "damage": [{"type": "personal_injury"}],
    "incident": {"date": "2027-06-01", "description": "the accident"},
}


def _questions(case: dict[str, Any], n: int = 20) -> dict[str, str]:
    a = evaluate(Case.model_validate(case), AS_OF, questions=n)
    return {q.code: q.text for q in a.questions}


def test_device_questions_name_the_product_and_the_injured_person() -> None:
    qs = _questions(DEVICE)
    assert "hedge trimmer" in qs["Q_USE"]
    assert "Eva Brandt" in qs["Q_USER_CONDUCT"]
    assert "Schnittwerk GmbH" in qs["Q_CONTRACT"]
    # a device's bodily harm: no personal-data or chatbot question
    assert "Q_PERSONAL_DATA" not in qs and "Q_TRANSPARENCY" not in qs


def test_incident_date_named_by_its_event() -> None:
    case = {**DEVICE, "incident": {"description": "the fire"}}
    assert _questions(case)["Q_INCIDENT_DATE"].startswith("When did the fire happen")


def test_bystander_is_not_asked_about_contracts() -> None:
    case = {
        **DEVICE,
        "actors": [
            {"name": "Schnittwerk GmbH", "roles": ["developer", "provider"]},
            {"name": "Eva Brandt", "roles": ["affected_person"]},
        ],
    }
    assert "Q_CONTRACT" not in _questions(case)


def test_known_contract_asks_for_its_terms_by_party() -> None:
    case = {**DEVICE, "contracts": [{"parties": ["Eva Brandt", "Schnittwerk GmbH"],
                                     "kind": "sale"}]}  # fmt: skip
    text = _questions(case)["Q_CONTRACT_TERMS"]
    assert "Eva Brandt" in text and "Schnittwerk GmbH" in text


def test_decision_about_a_person_asks_about_human_review() -> None:
    case = {
        "jurisdiction": {"member_state": "DE"},
        "ai": {"is_ai_system": True, "annex_iii_point": "5b"},
        "actors": [
            {"name": "Kredito AG", "roles": ["deployer"]},
            {"name": "Scorewerk GmbH", "roles": ["developer", "provider"]},
            {"name": "Jan Ott", "roles": ["affected_person"]},
        ],
        "claimant": {"type": "natural_person", "name": "Jan Ott"},
        "damage": [{"type": "discrimination"}],
        "data": {"personal_data_processed": True},
        "incident": {"date": "2027-06-01"},
    }
    qs = evaluate(Case.model_validate(case), AS_OF, questions=20).questions
    gdpr = next(q for q in qs if q.code == "Q_GDPR_INFRINGEMENT")
    assert "credit decision" in gdpr.text and "review" in gdpr.text and "Jan Ott" in gdpr.text
    roles = [q for q in qs if q.code == "Q_GDPR_ROLE"]
    assert len(roles) == 1 and "Kredito AG" in roles[0].text and "Scorewerk GmbH" in roles[0].text


def test_priority_order_puts_dates_before_background() -> None:
    case = {**DEVICE, "incident": {}, "product": {"kind": "physical_product"}}
    codes = [q.code for q in evaluate(Case.model_validate(case), AS_OF).questions]
    assert {"Q_INCIDENT_DATE", "Q_MARKET_DATE"} <= set(codes[:3])
