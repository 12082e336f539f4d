"""A product first placed before the PLD cut-off and modified by someone else afterwards, with
the modification's substantiality still open (LEGAL_RULES.md §1.2 T5, §2.2 OD3)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.rules.scenario_kit import Expect as E
from tests.rules.scenario_kit import Scenario, check, merge

OLD_PRODUCT_MODIFIED: dict[str, Any] = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {"is_ai_system": True, "annex_iii_point": "none", "annex_i_product": False},
    "product": {"market_date": "2025-05-01", "kind": "physical_product"},
    "actors": [
        {"name": "Maker", "roles": ["developer_provider"], "established_in_eu": True},
        {"name": "Tuner", "roles": ["fine_tuner", "provider"], "established_in_eu": True},
    ],
    "modification": {"occurred": True, "by": "Tuner", "date": "2027-01-15"},
    "claimant": {"type": "natural_person"},
    "damage": [{"type": "personal_injury"}],
    "incident": {"date": "2027-04-10", "obvious_malfunction": True},
}

SCENARIOS = [
    Scenario(
        "M1 substantiality open: PLD 2024 waits for it (T5), not excluded",
        OLD_PRODUCT_MODIFIED,
        (
            E(
                "PLD_2024",
                "Tuner",
                status="possible",
                scope="unknown",
                needs=("modification.substantial",),
            ),
            E("PLD_2024", "Maker", status="excluded"),
            E("PLD_1985", "Maker", outcome="possible", defences=("PLD_1985 Art 7(b)",)),
        ),
        questions=("Q_MODIFICATION",),
    ),
    Scenario(
        "M2 a minor change: the old product stays under 85/374",
        merge(OLD_PRODUCT_MODIFIED, modification={"substantial": False}),
        (E("PLD_2024", "Tuner", status="excluded"), E("PLD_1985", "Maker", outcome="likely")),
    ),
    Scenario(
        "M3 substantial: PLD 2024 possible for the modifier (T5)",
        merge(OLD_PRODUCT_MODIFIED, modification={"substantial": True}),
        (
            E("PLD_2024", "Tuner", status="possible", provisions=("PLD_2024 Recital 39",)),
            E("PLD_1985", "Maker", defences=("PLD_1985 Art 7(b)",)),
        ),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_modification_scenario(scenario: Scenario) -> None:
    check(scenario)
