"""LEGAL_RULES.md §11 scenarios TS01-TS15, one row each (global config: as_of 2027-06-01,
AI Act dates as amended, jurisdiction DE). Where the spec's inputs leave a fact implicit that
its expected output relies on, the row states it (comment ``# implied``)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.rules.scenario_kit import Expect as E
from tests.rules.scenario_kit import Scenario, check, merge

AI_ON = {"is_ai_system": True}
DEV = ["developer_provider"]

TS01 = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {
        **AI_ON,
        "annex_i_product": True,
        "third_party_conformity": False,
        "annex_i_product_type": "machinery",
    },  # implied: a lawn-mower is machinery
    "product": {"market_date": "2027-03-01", "kind": "physical_product"},
    "actors": [
        {
            "name": "A",
            "roles": DEV,
            "established_in_eu": True,
            "name_on_product": True,
            "placed_on_market": True,
        }
    ],
    "claimant": {"type": "natural_person"},
    "damage": [{"type": "personal_injury"}],
    "incident": {"date": "2027-05-10", "obvious_malfunction": True},
}
TS02 = merge(TS01, product={"market_date": "2025-06-01"}, incident={"date": "2026-03-01"})
TS04 = {
    "jurisdiction": {"member_state": "DE"},
    "ai": AI_ON,
    "product": {"market_date": "2027-02-01", "kind": "saas"},
    "actors": [{"name": "A", "roles": DEV, "established_in_eu": True}],
    "claimant": {"type": "legal_person"},
    "damage": [
        {"type": "data_loss", "professional_use": "exclusively_professional"},
        {"type": "pure_economic_loss"},
    ],
    "data": {"personal_data_processed": False},
    "contracts": [{"parties": ["A", "claimant"], "limitation_clause": True}],
}
TS05 = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {**AI_ON, "annex_iii_point": "4a", "performs_profiling": True},
    "product": {"market_date": "2026-09-01"},
    "actors": [
        {"name": "P", "roles": DEV, "established_in_eu": True},
        {"name": "D", "roles": ["deployer_integrator"], "gdpr_role": "controller"},
    ],
    "incident": {"date": "2026-10-15"},
    "damage": [{"type": "discrimination"}, {"type": "pure_economic_loss"}],
    "data": {"personal_data_processed": True},
    "gdpr": {"infringements": ["art22_solely_automated"]},
}
TS06 = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {**AI_ON, "annex_iii_point": "5b", "performs_profiling": True, "gpai_model": True},
    "actors": [
        {"name": "G", "roles": ["gpai_model_provider"], "market_date": "2025-09-01"},
        {"name": "C", "roles": DEV},
        {"name": "B", "roles": ["deployer_integrator"], "gdpr_role": "controller"},
    ],
    "modification": {"purpose_changed_to_high_risk": True, "date": "2027-12-15"},
    "incident": {"date": "2028-01-15"},
    "damage": [{"type": "pure_economic_loss"}, {"type": "discrimination"}],
    "data": {"personal_data_processed": True},
    "gdpr": {"infringements": ["art22_solely_automated"]},  # implied by the GDPR Art 22(1) cite
    "claimant": {"type": "natural_person"},
}
TS07 = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {**AI_ON, "annex_iii_point": "5d"},
    "product": {"market_date": "2027-01-10"},
    "actors": [
        {"name": "O", "roles": DEV, "established_in_eu": True},
        {
            "name": "F",
            "roles": ["fine_tuner"],
            "name_on_product": True,
            "placed_on_market": True,
            "market_date": "2027-04-01",
        },
    ],
    "modification": {
        "occurred": True,
        "substantial": True,
        "authorised_by_manufacturer": False,
        "date": "2027-04-01",
    },
    "claimant": {"type": "natural_person"},
    "damage": [{"type": "personal_injury"}],
    "incident": {"date": "2027-05-20"},
}
TS08 = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {**AI_ON, "interacts_with_persons": True},
    "product": {"market_date": "2027-02-01", "kind": "standalone_software"},
    "actors": [
        {
            "name": "M",
            "roles": DEV,
            "established_in_eu": False,
            "ai_act_breaches": ["art50_disclosure"],
        },  # "transparency notice absent"
        {"name": "I", "roles": ["importer"], "established_in_eu": True},
    ],
    "claimant": {"type": "natural_person"},
    "damage": [{"type": "psychological_harm", "medically_recognised": True}],
    "incident": {"date": "2027-04-01", "harm_path": "informational_output_relied_on"},
}
TS09 = merge(
    TS08,
    damage=[{"type": "psychological_harm", "medically_recognised": False}],
    incident={"harm_path": "physical_execution"},
)
TS10 = {
    "jurisdiction": {"member_state": "DE"},
    "ai": AI_ON,
    "product": {"market_date": "2027-02-01", "kind": "physical_product", "digital_elements": True},
    "actors": [
        {"name": "L", "roles": DEV, "established_in_eu": True},
        {"name": "S", "roles": ["component_supplier"], "foss_noncommercial": True},
        {"name": "Burglar", "roles": []},
    ],
    "claimant": {"type": "natural_person"},
    # review note: a forced door (damaged property) rather than theft of intact items
    "damage": [{"type": "property_damage", "professional_use": "private"}],
    "incident": {"date": "2027-05-01", "causes": ["cyberattack", "software_update"]},
    "manufacturer": {"retains_control": True},
}
TS11 = merge(
    TS01, incident={"causes": ["missing_security_update"]}, manufacturer={"retains_control": True}
)
TS12 = {
    "jurisdiction": {"member_state": "DE"},
    "ai": AI_ON,
    "product": {"market_date": "2027-01-15", "kind": "physical_product"},
    "actors": [{"name": "H", "roles": DEV, "established_in_eu": True}],
    "contracts": [{"parties": ["H", "claimant"], "b2c": True, "sale_of_goods": True}],
    "claimant": {
        "type": "natural_person",
        "consumer": True,
        "contributory_fault": ["no_update_installed"],
        "update_notified": True,
    },
    "damage": [{"type": "property_damage", "professional_use": "private"}],
}
TS13 = {
    "jurisdiction": {"member_state": "DE"},
    "ai": AI_ON,
    "actors": [
        {
            "name": "K",
            "roles": ["cloud_infrastructure_provider"],
            "cloud_service_role": "generic_compute",
            "nis2_entity": "essential",
        },
        {"name": "P", "roles": DEV, "established_in_eu": True},
    ],
    "claimant": {"type": "legal_person"},
    "damage": [{"type": "property_damage", "professional_use": "exclusively_professional"}],
    "incident": {"date": "2027-03-01"},
    "contracts": [{"parties": ["K", "claimant"], "sla": True}],
}
TS14 = {
    "jurisdiction": {"member_state": "DE"},
    "ai": AI_ON,
    "product": {"market_date": "2027-03-01", "kind": "physical_product"},
    "actors": [
        {"name": "X", "roles": DEV, "established_in_eu": False},
        {
            "name": "R",
            "roles": ["distributor"],
            "established_in_eu": True,
            "identification_request": "failed_after_1_month",
        },
    ],
    "claimant": {"type": "natural_person"},
    "damage": [{"type": "personal_injury"}],
    "incident": {"date": "2027-04-20"},
}

SCENARIOS = [
    Scenario(
        "TS01 embedded AI, new regime",
        TS01,
        (
            E(
                "PLD_2024",
                "A",
                scope="applies",
                outcome="likely",
                provisions=(
                    "PLD_2024 Art 2(1)",
                    "PLD_2024 Art 4(1)",
                    "PLD_2024 Art 6(1)(a)",
                    "PLD_2024 Art 8(1)(a)",
                    "PLD_2024 Art 10(2)(c)",
                ),
            ),
            E("PLD_1985", "A", status="excluded", provisions=("PLD_2024 Art 21",)),
            E(
                "AI_ACT_ENFORCEMENT",
                "A",
                status="excluded",
                provisions=(
                    "AI_ACT Art 6(1)",
                    "AI_ACT Art 2(2)",
                    "AI_ACT Annex I Section B point 21",
                ),
            ),
            E("NATIONAL_FAULT", "A", status="possible"),
        ),
        citations=("PLD_2024 Art 9(1)",),
    ),
    Scenario(
        "TS02 old regime",
        TS02,
        (
            E("PLD_2024", "A", status="excluded", provisions=("PLD_2024 Art 2(1)",)),
            E(
                "PLD_1985",
                "A",
                scope="applies",
                provisions=(
                    "PLD_2024 Art 21",
                    "PLD_1985 Art 3(1)",
                    "PLD_1985 Art 9(a)",
                    "PLD_1985 Art 6(1)",
                ),
            ),
        ),
        notes=("NOTE_NO_EU_DISCLOSURE",),
        no_notes=("NOTE_LATER_DEFECT_DEFENCE",),
    ),
    Scenario(
        "TS02b old regime expired",
        merge(TS02, product={"market_date": "2016-01-01"}),
        (E("PLD_1985", "A", status="excluded", provisions=("PLD_1985 Art 11",)),),
    ),
    Scenario(
        "TS03 missing market date",
        merge(TS01, product={"market_date": None}),
        (
            E("PLD_2024", "A", scope="unknown", needs=("product.market_date",)),
            E("PLD_1985", "A", scope="unknown", needs=("product.market_date",)),
        ),
        questions=("Q_MARKET_DATE",),
    ),
    Scenario(
        "TS04 business data loss",
        TS04,
        (
            E(
                "PLD_2024",
                "A",
                status="excluded",
                provisions=("PLD_2024 Art 5(1)", "PLD_2024 Art 6(1)(c)"),
            ),
            E("GDPR_82", "A", status="excluded"),
            E("CONTRACT", "A", status="possible", provisions=("PLD_2024 Art 15",)),
            E("NATIONAL_FAULT", "A", status="possible"),
        ),
    ),
    Scenario(
        "TS05 hiring tool in the Omnibus window",
        TS05,
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "P",
                status="excluded",
                line="provider duties",
                provisions=(
                    "AI_ACT Art 6(2)",
                    "AI_ACT Annex III point 4(a)",
                    "AI_ACT Art 16",
                    "AI_ACT Art 113(2)",
                    "AI_ACT Art 113(3)(c)(i)",
                ),
            ),
            E(
                "AI_ACT_ENFORCEMENT",
                "D",
                status="excluded",
                line="deployer duties",
                provisions=("AI_ACT Art 26",),
            ),
            E("NATIONAL_FAULT", "P", status="possible", provisions=("AI_ACT Art 16",)),
            E("NATIONAL_FAULT", "D", status="likely", provisions=("AI_ACT Art 26",)),
            E(
                "GDPR_82",
                "D",
                status="likely",
                provisions=("GDPR Art 82(1)", "GDPR Art 82(2)", "GDPR Art 22(1)"),
            ),
            E(
                "PLD_2024",
                "P",
                status="excluded",
                provisions=("PLD_2024 Art 2(1)", "PLD_2024 Art 6(1)"),
            ),
        ),
        citations=("AI_ACT Art 86(1)", "AI_ACT Art 86(3)", "GDPR Art 15(1)(h)", "GDPR Art 22(3)"),
        risk="high",
    ),
    Scenario(
        "TS06 chatbot repurposed for credit scoring",
        TS06,
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "B",
                scope="applies",
                line="provider duties",
                provisions=("AI_ACT Art 25(1)(c)", "AI_ACT Art 16", "AI_ACT Annex III point 5(b)"),
            ),
            E(
                "AI_ACT_ENFORCEMENT",
                "B",
                scope="applies",
                line="FRIA",
                provisions=("AI_ACT Art 27(1)",),
            ),
            E(
                "AI_ACT_ENFORCEMENT",
                "C",
                scope="applies",
                line="cooperation (Art 25(2))",
                provisions=("AI_ACT Art 25(2)",),
            ),
            E(
                "AI_ACT_ENFORCEMENT",
                "G",
                scope="applies",
                line="GPAI",
                provisions=("AI_ACT Art 53(1)",),
            ),
            E("GDPR_82", "B", status="likely", provisions=("GDPR Art 82(2)", "GDPR Art 22(1)")),
            E("PLD_2024", "B", status="excluded", provisions=("PLD_2024 Art 6(1)",)),
            E("PLD_2024", "C", status="excluded", provisions=("PLD_2024 Art 6(1)",)),
            E("PLD_2024", "G", status="excluded", provisions=("PLD_2024 Art 6(1)",)),
        ),
        as_of=date(2028, 3, 1),
        risk="high",
    ),
    Scenario(
        "TS07 substantial modification by a fine-tuner",
        TS07,
        (
            E(
                "PLD_2024",
                "F",
                scope="likely",
                provisions=("PLD_2024 Art 8(2)", "PLD_2024 Art 4(18)"),
                defences=("PLD_2024 Art 11(1)(g)",),
            ),
            E(
                "PLD_2024",
                "O",
                scope="applies",
                outcome="possible",
                provisions=("PLD_2024 Art 8(1)(a)",),
                defences=("PLD_2024 Art 11(1)(c)",),
            ),
            E(
                "AI_ACT_ENFORCEMENT",
                "F",
                status="excluded",
                line="provider duties",
                provisions=(
                    "AI_ACT Art 25(1)(a)",
                    "AI_ACT Art 25(1)(b)",
                    "AI_ACT Annex III point 5(d)",
                    "AI_ACT Art 113(3)(c)(i)",
                ),
            ),
            E(
                "AI_ACT_ENFORCEMENT",
                "O",
                status="excluded",
                line="cooperation (Art 25(2))",
                provisions=("AI_ACT Art 25(2)",),
            ),
        ),
        citations=("PLD_2024 Art 12(1)",),
    ),
    Scenario(
        "TS08 non-EU companion chatbot, informational harm",
        TS08,
        (
            E(
                "PLD_2024",
                "M",
                status="possible",
                provisions=("PLD_2024 Art 4(1)", "PLD_2024 Recital 13", "PLD_2024 Art 6(1)(a)"),
            ),
            E("PLD_2024", "I", status="possible", provisions=("PLD_2024 Art 8(1)(c)(i)",)),
            E(
                "AI_ACT_ENFORCEMENT",
                "M",
                scope="applies",
                line="transparency",
                provisions=("AI_ACT Art 50(1)",),
            ),
            E("NATIONAL_FAULT", "M", status="likely"),
            E("NATIONAL_FAULT", "I", status="possible"),
        ),
        no_questions=("Q_MARKET_DATE", "Q_CLAIMANT", "Q_DAMAGE", "Q_MEDICAL"),
    ),
    Scenario(
        "TS09 psychological harm not recognised",
        TS09,
        (
            E("PLD_2024", "M", status="excluded", provisions=("PLD_2024 Art 6(1)(a)",)),
            E("NATIONAL_FAULT", "M", status="likely"),
        ),
    ),
    Scenario(
        "TS09b psychological harm, recognition unknown",
        merge(TS09, damage=[{"type": "psychological_harm"}]),
        (E("PLD_2024", "M", scope="unknown", needs=("damage[0].medically_recognised",)),),
        questions=("Q_MEDICAL",),
    ),
    Scenario(
        "TS10 FOSS component in a smart lock",
        TS10,
        (
            E("PLD_2024", "S", status="excluded", provisions=("PLD_2024 Art 2(2)",)),
            E(
                "PLD_2024",
                "L",
                scope="applies",
                provisions=(
                    "PLD_2024 Art 8(1)(a)",
                    "PLD_2024 Recital 15",
                    "PLD_2024 Art 6(1)(b)",
                    "PLD_2024 Art 7(2)(f)",
                    "PLD_2024 Art 11(2)(b)",
                ),
            ),
            E("CRA", "L", scope="excluded", line="requirements", provisions=("CRA Art 69(2)",)),
            E(
                "CRA",
                "L",
                scope="applies",
                line="reporting",
                provisions=("CRA Art 69(3)", "CRA Art 14(1)"),
            ),
        ),
        citations=("PLD_2024 Art 13(1)", "PLD_2024 Recital 55"),
    ),
    Scenario(
        "TS10b theft of intact property",
        merge(
            TS10,
            damage=[{"type": "property_damage", "professional_use": "private", "theft_only": True}],
        ),
        (E("PLD_2024", "L", scope="possible"),),
    ),
    Scenario(
        "TS11 missing security update within control",
        TS11,
        (
            E(
                "PLD_2024",
                "A",
                scope="applies",
                outcome="likely",
                provisions=("PLD_2024 Art 11(1)(c)", "PLD_2024 Art 11(2)(c)"),
            ),
        ),
    ),
    Scenario(
        "TS11b missing security update, control given up",
        merge(TS11, manufacturer={"retains_control": False}),
        (
            E(
                "PLD_2024",
                "A",
                scope="applies",
                outcome="possible",
                defences=("PLD_2024 Art 11(1)(c)",),
            ),
        ),
    ),
    Scenario(
        "TS12 user skipped an offered update",
        TS12,
        (
            E("PLD_2024", "H", scope="applies", reduction=True, provisions=("PLD_2024 Art 13(2)",)),
            E("DCD", "H", status="excluded", provisions=("DCD_2019 Art 3(4)",)),
            E("CONTRACT", "H", status="possible"),
            E("CONSUMER_LAW", "H", status="possible"),
        ),
    ),
    Scenario(
        "TS13 cloud outage, industrial damage",
        TS13,
        (
            E("PLD_2024", "K", status="excluded", provisions=("PLD_2024 Art 8",)),
            E(
                "PLD_2024",
                "P",
                status="excluded",
                provisions=("PLD_2024 Art 5(1)", "PLD_2024 Art 6(1)(b)(iii)"),
            ),
            E(
                "NIS2",
                "K",
                scope="applies",
                provisions=("NIS2 Art 21(1)", "NIS2 Art 23(4)", "NIS2 Annex I"),
            ),
            E("CONTRACT", "K", status="possible"),
            E("NATIONAL_FAULT", "K", status="possible"),
            E("NATIONAL_FAULT", "P", status="possible"),
        ),
    ),
    Scenario(
        "TS13b cloud as related service",
        merge(
            TS13,
            claimant={"type": "natural_person"},
            damage=[{"type": "property_damage", "professional_use": "private"}],
            actors=[
                {
                    "name": "K",
                    "roles": ["cloud_infrastructure_provider"],
                    "cloud_service_role": "related_service_required_for_function",
                    "nis2_entity": "essential",
                },
                {"name": "P", "roles": DEV, "established_in_eu": True},
            ],
            product={"market_date": "2027-01-01"},
        ),
        (
            E(
                "PLD_2024",
                "K",
                status="possible",
                provisions=("PLD_2024 Art 4(3)", "PLD_2024 Art 8(1)(b)"),
            ),
        ),
    ),
    Scenario(
        "TS14 distributor fallback",
        TS14,
        (
            E(
                "PLD_2024",
                "R",
                scope="applies",
                provisions=("PLD_2024 Art 8(3)(a)", "PLD_2024 Art 8(3)(b)"),
            ),
            E("PLD_2024", "X", scope="applies", provisions=("PLD_2024 Art 8(1)(a)",)),
        ),
    ),
    Scenario(
        "TS14b distributor not yet asked",
        merge(
            TS14,
            actors=[TS14["actors"][0], {**TS14["actors"][1], "identification_request": "not_made"}],
        ),
        (E("PLD_2024", "R", scope="possible", needs=("actors[1].identification_request",)),),
        questions=("Q_DISTRIBUTOR_REQUEST",),
    ),
    Scenario(
        "TS15 withdrawn AILD is history only",
        TS01,
        (),
        citations=("AILD_PROPOSAL Art 4", "PLD_2024 Art 10(4)"),
        notes=("G1_AILD_WITHDRAWN", "G1_ALTERNATIVE"),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_spec_scenario(scenario: Scenario) -> None:
    check(scenario)


def test_ts03_provisional_statuses() -> None:
    a = check(SCENARIOS[3])
    f = next(f for f in a.public_findings() if f.regime.value == "PLD_2024")
    assert f.provisional_statuses is not None
    assert f.provisional_statuses.if_true.value == "applies"
    assert f.provisional_statuses.if_false.value == "excluded"


def test_ts15_aild_is_never_a_regime() -> None:
    a = check(SCENARIOS[-1])
    assert all(f.regime.value != "AILD_PROPOSAL" for f in a.findings)
    assert "AILD_PROPOSAL" not in {f["regime"] for f in a.to_report_dict()["findings"]}
