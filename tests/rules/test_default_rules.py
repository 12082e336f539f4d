"""Rule-core defaults added for unseen narratives: the deployer as controller (LEGAL_RULES.md
§4.2 mapping) and an incident that cannot precede the product's placing on the market."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.rules.scenario_kit import Expect as E
from tests.rules.scenario_kit import Scenario, check, merge

HIRING: dict[str, Any] = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {"is_ai_system": True, "annex_iii_point": "4a", "performs_profiling": True},
    "product": {"market_date": "2026-03-01", "kind": "saas"},
    "actors": [
        {"name": "Shop", "roles": ["deployer"]},
        {"name": "Vendor", "roles": ["developer", "provider"]},
        {"name": "Applicant", "roles": ["affected_person"]},
    ],
    "claimant": {"type": "natural_person", "name": "Applicant"},
    "damage": [{"type": "discrimination"}],
    "data": {"personal_data_processed": True},
    "incident": {"date": "2026-10-15"},
}
CHAT: dict[str, Any] = {
    "jurisdiction": {"member_state": "FR"},
    "ai": {
        "is_ai_system": True,
        "interacts_with_persons": True,
        "annex_iii_point": "none",
        "annex_i_product": False,
    },
    "product": {"market_date": "2027-03-01", "kind": "saas"},
    "actors": [{"name": "Retailer", "roles": ["provider", "deployer"]}],
    "claimant": {"type": "natural_person"},
    "damage": [{"type": "privacy"}],
}

SCENARIOS = [
    Scenario(
        "D1 deployer on people's data with a known infringement: controller by default, likely",
        merge(HIRING, gdpr={"infringements": ["art22_solely_automated"]}),
        (
            E("GDPR_82", "Shop", status="likely", provisions=("GDPR Art 22(1)",)),
            E("GDPR_82", "Vendor", status="possible"),
        ),
    ),
    Scenario(
        "D2 no infringement known yet: still only possible",
        HIRING,
        (E("GDPR_82", "Shop", status="possible"),),
    ),
    Scenario(
        "D3 incident date unknown, system put into service after Art 50 applies: binding",
        CHAT,
        (E("AI_ACT_ENFORCEMENT", "Retailer", line="transparency", scope="applies"),),
        as_of=date(2027, 9, 1),
    ),
    Scenario(
        "D4 incident date unknown, system older than Art 50: still open",
        merge(CHAT, product={"market_date": "2026-03-01"}),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Retailer",
                line="transparency",
                scope="unknown",
                needs=("incident.date",),
            ),
        ),
        as_of=date(2027, 9, 1),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_default_rule(scenario: Scenario) -> None:
    check(scenario)


DEVICE: dict[str, Any] = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {"is_ai_system": True},
    "product": {"market_date": "2027-02-01", "kind": "physical_product"},
    "actors": [{"name": "Maker", "roles": ["developer", "provider"]}],
    "claimant": {"type": "natural_person"},
    "damage": [{"type": "property"}],
    "incident": {"date": "2027-06-01"},
}


@pytest.mark.parametrize(
    ("ai", "indicator"),
    [({}, False), ({"annex_iii_point": "4a", "performs_profiling": True}, True)],
    ids=["no high-risk signal", "Annex III system"],
)
def test_not_yet_binding_duties_as_state_of_the_art_only_for_high_risk(
    ai: dict[str, Any], indicator: bool
) -> None:
    """HR5: high-risk duties that did not bind yet are evidence of the state of the art for a
    (possibly) high-risk system, not for a system with no high-risk signal."""
    from assistant.facts import Case
    from assistant.rules import evaluate

    case = Case.model_validate(merge(DEVICE, ai={"is_ai_system": True, **ai}))
    fault = evaluate(case, date(2027, 9, 1)).finding("NATIONAL_FAULT", "Maker")
    assert fault is not None
    assert ("AI_ACT Art 16" in fault.provisions) is indicator


@pytest.mark.parametrize(("public", "outcome"), [(True, "possible"), (False, "unlikely")],
                         ids=["public body", "private company"])  # fmt: skip
def test_pure_economic_loss_in_germany_reaches_official_liability(
    public: bool, outcome: str
) -> None:
    """LEGAL_RULES §8.1 F2: German general tort (§823(1)) does not protect pure economic loss;
    official liability of a public body (§839 BGB) is not so limited."""
    from assistant.facts import Case
    from assistant.rules import evaluate

    case = Case.model_validate(
        {
            "jurisdiction": {"member_state": "DE"},
            "ai": {"is_ai_system": True, "annex_iii_point": "5a", "performs_profiling": True},
            "actors": [
                {"name": "Office", "roles": ["deployer"], "public_authority": public},
                {"name": "Recipient", "roles": ["affected_person"]},
            ],
            "claimant": {"type": "natural_person", "name": "Recipient"},
            "damage": [{"type": "economic_loss"}],
            "incident": {"date": "2027-02-01"},
        }
    )
    fault = evaluate(case, date(2027, 4, 1)).finding("NATIONAL_FAULT", "Office")
    assert fault is not None and fault.liability_outcome is not None
    assert fault.liability_outcome.value == outcome
