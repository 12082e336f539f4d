"""Our own scenarios beyond LEGAL_RULES.md §11: date boundaries, AI Act dates as amended,
open source, modifications, damage types, cyberattacks, GPAI, prohibited practices, non-AI
products, contributory fault, Annex I Section B machinery, GDPR roles, limitation, DCD."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.rules.scenario_kit import Expect as E
from tests.rules.scenario_kit import Scenario, check, merge

# A consumer injured by an AI device placed on the market under the new PLD (DE).
DEVICE: dict[str, Any] = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {"is_ai_system": True, "annex_iii_point": "none", "annex_i_product": False},
    "product": {"market_date": "2027-03-01", "kind": "physical_product"},
    "actors": [{"name": "Maker", "roles": ["developer_provider"], "established_in_eu": True}],
    "claimant": {"type": "natural_person", "consumer": True},
    "damage": [{"type": "personal_injury"}],
    "incident": {"date": "2027-05-01"},
}
# A high-risk Annex III system (credit scoring) with a provider and a deployer.
SCORING: dict[str, Any] = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {"is_ai_system": True, "annex_iii_point": "5b", "performs_profiling": True},
    "product": {"market_date": "2027-12-02", "kind": "saas"},
    "actors": [
        {"name": "Vendor", "roles": ["developer_provider"], "established_in_eu": True},
        {"name": "Bank", "roles": ["deployer"], "gdpr_role": "controller"},
    ],
    "claimant": {"type": "natural_person", "consumer": True},
    "damage": [{"type": "discrimination"}],
    "incident": {"date": "2027-12-02"},
    "data": {"personal_data_processed": True},
}
CHATBOT: dict[str, Any] = {
    "jurisdiction": {"member_state": "FR"},
    "ai": {
        "is_ai_system": True,
        "annex_iii_point": "none",
        "annex_i_product": False,
        "interacts_with_persons": True,
    },
    "product": {"market_date": "2026-03-01", "kind": "saas"},
    "actors": [{"name": "Bot", "roles": ["developer_provider"], "established_in_eu": True}],
    "claimant": {"type": "natural_person"},
    "damage": [{"type": "psychological", "medically_recognised": True}],
    "incident": {"date": "2026-08-03"},
}


def maker(**kw: Any) -> dict[str, Any]:
    return {"name": "Maker", "roles": ["developer_provider"], "established_in_eu": True, **kw}


SCENARIOS = [
    # -- PLD cut-off of 9 Dec 2026 (PLD_2024 Art 2(1), Art 21) --------------------------
    Scenario(
        "O01 placed the day before the cut-off",
        merge(DEVICE, product={"market_date": "2026-12-08"}),
        (
            E("PLD_2024", "Maker", status="excluded", provisions=("PLD_2024 Art 2(1)",)),
            E("PLD_1985", "Maker", scope="applies", provisions=("PLD_2024 Art 21",)),
        ),
    ),
    Scenario(
        "O02 placed on the cut-off day",
        merge(DEVICE, product={"market_date": "2026-12-09"}),
        (
            E("PLD_2024", "Maker", scope="possible"),
            E("PLD_1985", "Maker", scope="possible"),
        ),
        notes=("NOTE_BOUNDARY_DATE",),
    ),
    Scenario(
        "O03 placed the day after the cut-off",
        merge(DEVICE, product={"market_date": "2026-12-10"}),
        (
            E("PLD_2024", "Maker", scope="applies"),
            E("PLD_1985", "Maker", status="excluded"),
        ),
    ),
    Scenario(
        "O04 substantial modification after the cut-off of an older product",
        merge(
            DEVICE,
            product={"market_date": "2026-06-01"},
            actors=[
                maker(),
                {
                    "name": "Tuner",
                    "roles": ["fine_tuner"],
                    "name_on_product": True,
                    "placed_on_market": True,
                },
            ],
            modification={
                "occurred": True,
                "substantial": True,
                "authorised_by_manufacturer": False,
                "date": "2027-03-01",
            },
        ),
        (
            E(
                "PLD_2024",
                "Tuner",
                scope="possible",
                provisions=("PLD_2024 Recital 39", "PLD_2024 Recital 58", "PLD_2024 Art 8(2)"),
            ),
            E("PLD_2024", "Maker", status="excluded"),
            E("PLD_1985", "Maker", scope="applies"),
        ),
    ),
    Scenario(
        "O05 modification authorised by the maker stays within its control",
        merge(
            DEVICE,
            actors=[maker(), {"name": "Tuner", "roles": ["fine_tuner"]}],
            modification={
                "occurred": True,
                "substantial": True,
                "authorised_by_manufacturer": True,
                "by": "Tuner",
                "date": "2027-04-01",
            },
            manufacturer={"retains_control": True},
            incident={"causes": ["substantial_modification"]},
        ),
        (
            E(
                "PLD_2024",
                "Maker",
                scope="applies",
                provisions=("PLD_2024 Art 11(1)(c)", "PLD_2024 Art 11(2)(d)"),
            ),
            E("PLD_2024", "Tuner", scope="possible", provisions=("PLD_2024 Art 4(5)(a)(ii)",)),
        ),
        citations=("PLD_2024 Art 4(5)(a)(ii)",),
    ),
    # -- damage types (PLD_2024 Art 6) ------------------------------------------------------
    Scenario(
        "O06 professional property of a self-employed person",
        merge(
            DEVICE,
            claimant={"consumer": False},
            damage=[{"type": "property", "professional_use": "exclusively_professional"}],
        ),
        (
            E("PLD_2024", "Maker", status="excluded", provisions=("PLD_2024 Art 6(1)(b)(iii)",)),
            E("PLD_1985", "Maker", status="excluded"),
            E("NATIONAL_FAULT", "Maker", status="possible"),
        ),
    ),
    Scenario(
        "O07 mixed-use property is covered",
        merge(DEVICE, damage=[{"type": "property", "professional_use": "mixed"}]),
        (E("PLD_2024", "Maker", scope="applies", provisions=("PLD_2024 Art 6(1)(b)",)),),
    ),
    Scenario(
        "O08 pure economic loss only (Germany)",
        merge(DEVICE, damage=[{"type": "pure_economic_loss"}]),
        (
            E("PLD_2024", "Maker", status="excluded", provisions=("PLD_2024 Art 6(1)",)),
            E(
                "NATIONAL_FAULT",
                "Maker",
                status="unlikely",
                provisions=("NATIONAL DE BGB §826",),
                no_provisions=("NATIONAL DE BGB §823(1)",),
            ),
        ),
    ),
    Scenario(
        "O09 pure economic loss in France",
        merge(DEVICE, jurisdiction={"member_state": "FR"}, damage=[{"type": "economic_loss"}]),
        (
            E(
                "NATIONAL_FAULT",
                "Maker",
                status="possible",
                provisions=("NATIONAL FR Code civil art. 1240", "NATIONAL FR Code civil art. 1241"),
            ),
        ),
    ),
    Scenario(
        "O10 loss of privately used data is covered",
        merge(DEVICE, damage=[{"type": "data_loss", "professional_use": "private"}]),
        (
            E("PLD_2024", "Maker", scope="applies", provisions=("PLD_2024 Art 6(1)(c)",)),
            E("PLD_1985", "Maker", status="excluded"),
        ),
    ),
    Scenario(
        "O11 data in mixed use is an open question",
        merge(DEVICE, damage=[{"type": "data_loss", "professional_use": "mixed"}]),
        (E("PLD_2024", "Maker", scope="possible", provisions=("PLD_2024 Art 6(1)(c)",)),),
    ),
    # -- cyberattack and security updates ----------------------------------------------
    Scenario(
        "O12 cyberattack through a missing security update, maker in control",
        merge(
            DEVICE,
            actors=[maker(), {"name": "Attacker", "roles": []}],
            product={"digital_elements": True},
            incident={
                "causes": ["cyberattack", "missing_security_update"],
                "vulnerability_exploited": True,
            },
            manufacturer={"retains_control": True},
        ),
        (
            E(
                "PLD_2024",
                "Maker",
                scope="applies",
                provisions=("PLD_2024 Art 11(2)(c)", "PLD_2024 Art 7(2)(f)"),
            ),
            E("CRA", "Maker", scope="applies", line="reporting", provisions=("CRA Art 69(3)",)),
            E("CRA", "Maker", scope="excluded", line="requirements", provisions=("CRA Art 69(2)",)),
            E("NATIONAL_FAULT", "Maker", status="possible"),
        ),
        citations=("PLD_2024 Art 13(1)",),
    ),
    Scenario(
        "O13 owner skipped the supplied security update",
        merge(
            DEVICE,
            incident={"causes": ["missing_security_update"]},
            manufacturer={"retains_control": True},
            claimant={"contributory_fault": ["no_update_installed"]},
        ),
        (
            E(
                "PLD_2024",
                "Maker",
                scope="applies",
                reduction=True,
                defences=("PLD_2024 Recital 51",),
                provisions=("PLD_2024 Art 13(2)",),
            ),
        ),
    ),
    Scenario(
        "O14 deployer failed to patch",
        merge(
            DEVICE,
            actors=[
                maker(),
                {"name": "Operator", "roles": ["operator"], "fault_indicators": ["no_patching"]},
            ],
            incident={"causes": ["missing_security_update"]},
        ),
        (
            E(
                "NATIONAL_FAULT",
                "Operator",
                status="possible",
                provisions=("NATIONAL DE BGB §831",),
            ),
            E("PLD_2024", "Operator", status="excluded", provisions=("PLD_2024 Art 8",)),
        ),
    ),
    # -- GPAI models ---------------------------------------------------------------------
    Scenario(
        "O15 GPAI model upstream of a high-risk deployer",
        merge(
            SCORING,
            product={"market_date": "2028-01-10"},
            incident={"date": "2028-03-01"},
            ai={"gpai_model": True},
            actors=[
                {
                    "name": "G",
                    "roles": ["gpai_provider"],
                    "market_date": "2025-09-01",
                    "ai_act_breaches": ["gpai_downstream_info"],
                },
                *SCORING["actors"],
            ],
        ),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Vendor",
                scope="applies",
                line="provider duties",
                provisions=("AI_ACT Art 16", "AI_ACT Annex III point 5(b)"),
            ),
            E("AI_ACT_ENFORCEMENT", "Bank", scope="applies", line="deployer duties"),
            E("AI_ACT_ENFORCEMENT", "G", scope="applies", line="GPAI"),
            E(
                "AI_ACT_ENFORCEMENT",
                "G",
                scope="applies",
                line="value-chain agreement",
                provisions=("AI_ACT Art 25(4)",),
            ),
            E("NATIONAL_FAULT", "G", status="likely", provisions=("AI_ACT Art 53(1)(b)",)),
            E("PLD_2024", "G", status="excluded"),
        ),
        as_of=date(2028, 6, 1),
        risk="high",
        citations=("PLD_2024 Art 11(1)(f)",),
    ),
    Scenario(
        "O16 defective GPAI model integrated into a product",
        merge(
            DEVICE,
            actors=[
                maker(),
                {"name": "G", "roles": ["gpai_model_provider"], "caused_defect": True},
            ],
            incident={"obvious_malfunction": True},
        ),
        (
            E(
                "PLD_2024",
                "G",
                scope="likely",
                defences=("PLD_2024 Art 11(1)(f)",),
                provisions=("PLD_2024 Art 8(1)(b)",),
            ),
            E("PLD_2024", "Maker", scope="applies", outcome="likely"),
        ),
        citations=("PLD_2024 Art 12(1)",),
    ),
    # -- prohibited practices (AI_ACT Art 5, Art 113(3)(a) as amended) -------------------
    Scenario(
        "O17 social scoring after 2 Feb 2025",
        merge(
            SCORING,
            ai={"practice_flags": ["social_scoring"], "annex_iii_point": "none"},
            incident={"date": "2025-06-01"},
            product={"market_date": "2025-03-01"},
        ),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Bank",
                scope="applies",
                line="prohibited practice",
                provisions=("AI_ACT Art 5(1)(c)", "AI_ACT Art 99(3)", "AI_ACT Art 113(3)(a)"),
            ),
            E("AI_ACT_ENFORCEMENT", "Vendor", status="likely"),
        ),
        as_of=date(2025, 9, 1),
        risk="prohibited",
    ),
    Scenario(
        "O18 social scoring before 2 Feb 2025",
        merge(
            SCORING,
            ai={"practice_flags": ["social_scoring"], "annex_iii_point": "none"},
            incident={"date": "2025-01-15"},
            product={"market_date": "2024-10-01"},
        ),
        (E("AI_ACT_ENFORCEMENT", "Bank", scope="excluded", line="prohibited practice"),),
        as_of=date(2025, 9, 1),
    ),
    Scenario(
        "O19 intimate deepfakes: not yet prohibited on 20 Nov 2026",
        merge(
            CHATBOT,
            ai={"practice_flags": ["intimate_deepfake_nonconsensual"]},
            incident={"date": "2026-11-20"},
        ),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Bot",
                scope="excluded",
                line="prohibited practice",
                provisions=("AI_ACT Art 5(1)(ba)",),
            ),
        ),
        as_of=date(2026, 11, 25),
    ),
    Scenario(
        "O19b intimate deepfakes: prohibited from 2 Dec 2026",
        merge(
            CHATBOT,
            ai={"practice_flags": ["intimate_deepfake_nonconsensual"]},
            incident={"date": "2026-12-05"},
        ),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Bot",
                scope="applies",
                line="prohibited practice",
                provisions=("AI_ACT Art 5(1)(ba)", "AI_ACT Art 113(3)(a)"),
            ),
        ),
        as_of=date(2027, 1, 10),
        risk="prohibited",
    ),
    Scenario(
        "O19c intimate deepfakes under the original text",
        merge(
            CHATBOT,
            ai={"practice_flags": ["intimate_deepfake_nonconsensual"]},
            incident={"date": "2026-06-01"},
            product={"market_date": "2026-01-10"},
        ),
        (E("AI_ACT_ENFORCEMENT", "Bot", scope="excluded", line="prohibited practice"),),
        as_of=date(2026, 7, 1),
        no_citations=("AI_ACT Art 5(1)(ba)",),
    ),
    # -- not AI, contributory fault -----------------------------------------------------
    Scenario(
        "O20 rule-based product is not an AI system",
        merge(DEVICE, ai={"is_ai_system": False}),
        (
            E("AI_ACT_ENFORCEMENT", "Maker", status="excluded", provisions=("AI_ACT Art 3(1)",)),
            E("PLD_2024", "Maker", scope="applies"),
        ),
        risk="not_ai",
    ),
    Scenario(
        "O21 injured person ignored warnings",
        merge(DEVICE, claimant={"contributory_fault": ["ignored_warnings"]}),
        (
            E("PLD_2024", "Maker", reduction=True, provisions=("PLD_2024 Art 13(2)",)),
            E("NATIONAL_FAULT", "Maker", reduction=True, provisions=("NATIONAL DE BGB §254",)),
        ),
    ),
    # -- Annex I: machinery moved to Section B (AI_ACT Art 2(2) as amended) ---------------
    Scenario(
        "O22 machinery needing a notified body, after 2 Aug 2028",
        merge(
            DEVICE,
            ai={
                "annex_i_product": True,
                "annex_i_product_type": "machinery",
                "third_party_conformity": True,
            },
            product={"market_date": "2028-08-10"},
            incident={"date": "2028-09-01"},
        ),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Maker",
                status="excluded",
                provisions=("AI_ACT Art 2(2)", "AI_ACT Annex I Section B point 21"),
            ),
        ),
        as_of=date(2028, 10, 1),
        risk="high",
    ),
    Scenario(
        "O23 machinery under the original Annex I Section A",
        merge(
            DEVICE,
            ai={
                "annex_i_product": True,
                "annex_i_product_type": "machinery",
                "third_party_conformity": True,
            },
            product={"market_date": "2026-01-10"},
            incident={"date": "2026-04-01"},
        ),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Maker",
                status="excluded",
                line="provider duties",
                provisions=("AI_ACT Annex I Section A point 1", "AI_ACT Art 113(3)(c)"),
            ),
        ),
        as_of=date(2026, 5, 1),
        risk="high",
    ),
    Scenario(
        "O23b medical device software after 2 Aug 2028 (Section A)",
        merge(
            DEVICE,
            ai={
                "annex_i_product": True,
                "annex_i_product_type": "medical_device",
                "third_party_conformity": True,
            },
            product={"market_date": "2028-08-02"},
            incident={"date": "2028-08-02"},
        ),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Maker",
                scope="applies",
                line="provider duties",
                provisions=("AI_ACT Annex I Section A point 11", "AI_ACT Art 113(3)(c)(ii)"),
            ),
            E("CRA", "Maker", status="excluded", provisions=("CRA Art 2(2)(a)",)),
        ),
        as_of=date(2028, 9, 1),
    ),
    # -- Annex III dates and the Art 111(2) transition ------------------------------------
    Scenario(
        "O24 credit scoring on the first day of Annex III duties",
        SCORING,
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Vendor",
                scope="applies",
                line="provider duties",
                provisions=("AI_ACT Art 113(3)(c)(i)",),
            ),
            E("AI_ACT_ENFORCEMENT", "Bank", scope="applies", line="FRIA"),
        ),
        as_of=date(2028, 1, 1),
    ),
    Scenario(
        "O24b credit scoring the day before Annex III duties",
        merge(SCORING, product={"market_date": "2027-11-30"}, incident={"date": "2027-12-01"}),
        (
            E("AI_ACT_ENFORCEMENT", "Vendor", status="excluded"),
            E("NATIONAL_FAULT", "Vendor", status="possible", provisions=("AI_ACT Art 16",)),
        ),
        as_of=date(2028, 1, 1),
    ),
    Scenario(
        "O25 legacy system placed before the Annex III date",
        merge(SCORING, product={"market_date": "2027-06-01"}, incident={"date": "2028-03-01"}),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Vendor",
                status="excluded",
                line="provider duties",
                provisions=("AI_ACT Art 111(2)",),
            ),
        ),
        as_of=date(2028, 6, 1),
    ),
    Scenario(
        "O25b legacy system significantly redesigned",
        merge(
            SCORING,
            product={"market_date": "2027-06-01"},
            incident={"date": "2028-03-01"},
            modification={"significant_design_change": True, "date": "2028-01-10"},
        ),
        (E("AI_ACT_ENFORCEMENT", "Vendor", scope="applies", line="provider duties"),),
        as_of=date(2028, 6, 1),
    ),
    Scenario(
        "O26 legacy system used by a public authority, before 2 Aug 2030",
        merge(
            SCORING,
            product={"market_date": "2027-06-01"},
            incident={"date": "2029-03-01"},
            actors=[SCORING["actors"][0], {**SCORING["actors"][1], "public_authority": True}],
        ),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Bank",
                scope="excluded",
                line="deployer duties",
                provisions=("AI_ACT Art 111(2)",),
            ),
        ),
        as_of=date(2029, 6, 1),
    ),
    Scenario(
        "O26b legacy system used by a public authority, after 2 Aug 2030",
        merge(
            SCORING,
            product={"market_date": "2027-06-01"},
            incident={"date": "2030-09-01"},
            actors=[SCORING["actors"][0], {**SCORING["actors"][1], "public_authority": True}],
        ),
        (E("AI_ACT_ENFORCEMENT", "Bank", scope="applies", line="deployer duties"),),
        as_of=date(2030, 10, 1),
    ),
    Scenario(
        "O27 analysis before the Omnibus uses the original dates",
        merge(SCORING, product={"market_date": "2026-03-01"}, incident={"date": "2026-07-10"}),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Vendor",
                status="excluded",
                line="provider duties",
                provisions=("AI_ACT Art 113(2)",),
                no_provisions=("AI_ACT Art 113(3)(c)(i)",),
            ),
        ),
        as_of=date(2026, 7, 20),
    ),
    Scenario(
        "O28 event under the original text, analysed after the Omnibus",
        merge(SCORING, product={"market_date": "2026-03-01"}, incident={"date": "2026-07-10"}),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Vendor",
                status="excluded",
                line="provider duties",
                provisions=("AI_ACT@2024-07-12 Art 113(2)",),
            ),
        ),
        as_of=date(2027, 6, 1),
    ),
    # -- transparency (Art 50) and GPAI dates -------------------------------------------
    Scenario(
        "O29 chatbot incident before Art 50 applies",
        merge(CHATBOT, incident={"date": "2026-08-01"}),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Bot",
                scope="excluded",
                line="transparency",
                provisions=("AI_ACT Art 113(2)",),
            ),
        ),
        as_of=date(2026, 11, 25),
    ),
    Scenario(
        "O29b chatbot incident after Art 50 applies",
        CHATBOT,
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Bot",
                scope="applies",
                line="transparency",
                provisions=("AI_ACT Art 50(1)",),
            ),
            E(
                "NATIONAL_FAULT",
                "Bot",
                status="possible",
                provisions=("NATIONAL FR Code civil art. 1240",),
            ),
        ),
        as_of=date(2026, 11, 25),
        risk="limited",
    ),
    Scenario(
        "O30 legacy generative system: marking due only from 2 Dec 2026",
        merge(
            CHATBOT,
            ai={"interacts_with_persons": None, "generates_synthetic_content": True},
            product={"market_date": "2026-05-01"},
            incident={"date": "2026-10-01"},
        ),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Bot",
                scope="excluded",
                line="transparency",
                provisions=("AI_ACT Art 111(4)",),
            ),
        ),
        as_of=date(2026, 11, 25),
    ),
    Scenario(
        "O30b legacy generative system after 2 Dec 2026",
        merge(
            CHATBOT,
            ai={"interacts_with_persons": None, "generates_synthetic_content": True},
            product={"market_date": "2026-05-01"},
            incident={"date": "2026-12-03"},
        ),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Bot",
                scope="applies",
                line="transparency",
                provisions=("AI_ACT Art 50(2)",),
            ),
        ),
        as_of=date(2027, 1, 10),
    ),
    Scenario(
        "O31 GPAI model placed before Aug 2025, incident in 2026",
        merge(
            CHATBOT,
            actors=[
                CHATBOT["actors"][0],
                {"name": "G", "roles": ["gpai_provider"], "market_date": "2025-05-01"},
            ],
            incident={"date": "2026-06-01"},
        ),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "G",
                scope="excluded",
                line="GPAI",
                provisions=("AI_ACT Art 111(3)",),
            ),
        ),
        as_of=date(2026, 11, 25),
    ),
    Scenario(
        "O31b GPAI model placed before Aug 2025, incident after Aug 2027",
        merge(
            CHATBOT,
            actors=[
                CHATBOT["actors"][0],
                {"name": "G", "roles": ["gpai_provider"], "market_date": "2025-05-01"},
            ],
            incident={"date": "2027-09-01"},
        ),
        (E("AI_ACT_ENFORCEMENT", "G", scope="applies", line="GPAI"),),
        as_of=date(2027, 10, 1),
    ),
    # -- open source ----------------------------------------------------------------------
    Scenario(
        "O32 open-source AI system supplied outside a commercial activity",
        merge(DEVICE, ai={"open_source": True, "supplied_in_commercial_activity": False}),
        (
            E("PLD_2024", "Maker", status="excluded", provisions=("PLD_2024 Art 2(2)",)),
            E("AI_ACT_ENFORCEMENT", "Maker", status="excluded", provisions=("AI_ACT Art 2(12)",)),
        ),
    ),
    Scenario(
        "O33 open-source AI system, commerciality unknown",
        merge(DEVICE, ai={"open_source": True}),
        (E("PLD_2024", "Maker", scope="unknown", needs=("ai.supplied_in_commercial_activity",)),),
        questions=("Q_FOSS_COMMERCIAL",),
    ),
    # -- claimants, defect indicators, limitation ----------------------------------------
    Scenario(
        "O34 insurer subrogated to an injured person",
        merge(DEVICE, claimant={"type": "legal_person", "acts_for_natural_person": True}),
        (E("PLD_2024", "Maker", scope="applies", provisions=("PLD_2024 Art 5(2)",)),),
    ),
    Scenario(
        "O35 defendant refused court-ordered disclosure",
        merge(DEVICE, evidence={"defendant_refused_disclosure": True}),
        (E("PLD_2024", "Maker", outcome="likely", provisions=("PLD_2024 Art 10(2)(a)",)),),
    ),
    Scenario(
        "O36 unforeseeable misuse points away from a defect",
        merge(DEVICE, incident={"use_type": "unforeseeable_misuse"}),
        (E("PLD_2024", "Maker", status="unlikely", provisions=("PLD_2024 Art 7(2)(b)",)),),
    ),
    Scenario(
        "O37 limitation period of three years has run",
        merge(
            DEVICE,
            product={"market_date": "2027-01-10"},
            incident={"date": "2027-02-01"},
            claimant={"date_aware": "2027-02-01"},
        ),
        (E("PLD_2024", "Maker", status="excluded", provisions=("PLD_2024 Art 16(1)",)),),
        as_of=date(2030, 3, 1),
    ),
    Scenario(
        "O38 ten-year expiry, but latent personal injury",
        merge(
            DEVICE,
            product={"market_date": "2027-01-10"},
            incident={"date": "2036-01-10"},
            claimant={"latent_injury": True},
        ),
        (E("PLD_2024", "Maker", scope="applies", provisions=("PLD_2024 Art 17(2)",)),),
        as_of=date(2037, 6, 1),
    ),
    Scenario(
        "O38b ten-year expiry without latency",
        merge(DEVICE, product={"market_date": "2027-01-10"}, incident={"date": "2036-01-10"}),
        (E("PLD_2024", "Maker", status="excluded", provisions=("PLD_2024 Art 17(1)(a)",)),),
        as_of=date(2037, 6, 1),
    ),
    # -- old directive --------------------------------------------------------------------
    Scenario(
        "O39 old directive: property damage below EUR 500",
        merge(
            DEVICE,
            product={"market_date": "2025-01-01"},
            incident={"date": "2025-06-01"},
            damage=[{"type": "property", "professional_use": "private", "amount_eur": 300}],
        ),
        (E("PLD_1985", "Maker", status="excluded", provisions=("PLD_1985 Art 9(b)",)),),
    ),
    Scenario(
        "O40 old directive: standalone software is contested",
        merge(
            DEVICE,
            product={"market_date": "2025-01-01", "kind": "saas"},
            incident={"date": "2025-06-01"},
        ),
        (E("PLD_1985", "Maker", scope="possible", provisions=("PLD_1985 Art 2",)),),
        notes=("NOTE_NO_EU_DISCLOSURE",),
    ),
    # -- GDPR roles -----------------------------------------------------------------------
    Scenario(
        "O41 processor acting within instructions",
        merge(
            SCORING,
            gdpr={"infringements": ["security"]},
            actors=[
                {
                    **SCORING["actors"][0],
                    "gdpr_role": "processor",
                    "processor_within_instructions": True,
                },
                SCORING["actors"][1],
            ],
        ),
        (
            E("GDPR_82", "Vendor", status="excluded", provisions=("GDPR Art 82(2)",)),
            E("GDPR_82", "Bank", status="likely", provisions=("GDPR Art 32(1)",)),
        ),
        as_of=date(2028, 1, 1),
    ),
    Scenario(
        "O42 processor going beyond its instructions",
        merge(
            SCORING,
            gdpr={"infringements": ["security"]},
            actors=[
                {
                    **SCORING["actors"][0],
                    "gdpr_role": "processor",
                    "processor_within_instructions": False,
                },
                SCORING["actors"][1],
            ],
        ),
        (E("GDPR_82", "Vendor", status="likely"),),
        as_of=date(2028, 1, 1),
        citations=("GDPR Art 82(4)",),
    ),
    # -- NIS2, contracts, DCD --------------------------------------------------------------
    Scenario(
        "O43 cloud provider with unknown NIS2 status",
        merge(
            DEVICE,
            actors=[
                maker(),
                {
                    "name": "Cloud",
                    "roles": ["cloud_provider"],
                    "cloud_service_role": "generic_compute",
                },
            ],
        ),
        (
            E("NIS2", "Cloud", scope="unknown", needs=("actors[1].nis2_entity",)),
            E("PLD_2024", "Cloud", status="excluded"),
        ),
    ),
    Scenario(
        "O44 consumer SaaS under the Digital Content Directive",
        merge(
            CHATBOT,
            contracts=[{"parties": ["Bot", "claimant"], "b2c": True}],
            damage=[{"type": "economic_loss"}],
        ),
        (
            E("DCD", "Bot", scope="applies", provisions=("DCD_2019 Art 3(1)",)),
            E(
                "CONTRACT",
                "Bot",
                status="possible",
                provisions=("NATIONAL FR Code civil art. 1231-1",),
            ),
        ),
        as_of=date(2026, 11, 25),
        citations=("DCD_2019 Art 12(2)",),
    ),
    Scenario(
        "O45 consumer skipped a notified update (DCD)",
        merge(
            CHATBOT,
            contracts=[{"parties": ["Bot", "claimant"], "b2c": True}],
            claimant={"contributory_fault": ["no_update_installed"], "update_notified": True},
        ),
        (E("DCD", "Bot", status="unlikely", provisions=("DCD_2019 Art 8(3)",)),),
        as_of=date(2026, 11, 25),
    ),
    Scenario(
        "O46 business claimant, contracts not known",
        merge(
            DEVICE,
            claimant={"type": "legal_person"},
            damage=[{"type": "property", "professional_use": "exclusively_professional"}],
        ),
        (
            E("CONTRACT", "Maker", scope="unknown", needs=("contracts",)),
            E("PLD_2024", "Maker", status="excluded"),
        ),
        questions=("Q_CONTRACT",),
    ),
    Scenario(
        "O47 B2B liability cap",
        merge(
            DEVICE,
            claimant={"type": "legal_person"},
            contracts=[
                {"parties": ["Maker", "claimant"], "liability_cap_eur": 10000, "sla_breached": True}
            ],
        ),
        (
            E(
                "CONTRACT",
                "Maker",
                status="likely",
                provisions=("PLD_2024 Art 15", "NATIONAL DE BGB §309 Nr. 7"),
            ),
        ),
    ),
    # -- other operators ------------------------------------------------------------------
    Scenario(
        "O48 component that did not cause the defect",
        merge(
            DEVICE,
            actors=[
                maker(),
                {"name": "Sensor", "roles": ["component_supplier"], "caused_defect": False},
            ],
        ),
        (E("PLD_2024", "Sensor", status="excluded"),),
    ),
    Scenario(
        "O49 training-data supplier",
        merge(
            DEVICE,
            actors=[maker(), {"name": "Labels", "roles": ["data_provider"], "caused_defect": True}],
        ),
        (E("PLD_2024", "Labels", scope="possible", provisions=("PLD_2024 Recital 13",)),),
    ),
    Scenario(
        "O50 platform presenting a non-EU product as its own",
        merge(
            DEVICE,
            actors=[
                maker(established_in_eu=False),
                {
                    "name": "Market",
                    "roles": ["online_platform"],
                    "presentation_misleading": True,
                    "identification_request": "failed_after_1_month",
                },
            ],
        ),
        (E("PLD_2024", "Market", scope="possible", provisions=("PLD_2024 Art 8(4)",)),),
        citations=("PLD_2024 Art 8(1)(c)",),
    ),
    Scenario(
        "O51 importer of a non-EU maker",
        merge(
            DEVICE,
            actors=[
                maker(established_in_eu=False),
                {"name": "Imp", "roles": ["importer"], "established_in_eu": True},
            ],
        ),
        (E("PLD_2024", "Imp", scope="applies", provisions=("PLD_2024 Art 8(1)(c)(i)",)),),
    ),
    Scenario(
        "O52 Annex III derogation for a preparatory task",
        merge(SCORING, ai={"performs_profiling": False, "art6_3_condition": "d"}),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Vendor",
                scope="possible",
                line="provider duties",
                provisions=("AI_ACT Art 6(3)",),
            ),
        ),
        as_of=date(2028, 1, 1),
    ),
    Scenario(
        "O53 AI not used in the EU",
        merge(DEVICE, ai={"used_in_eu": False}),
        (E("AI_ACT_ENFORCEMENT", "Maker", status="excluded", provisions=("AI_ACT Art 2(1)(c)",)),),
    ),
    Scenario(
        "O54 role of an actor not known",
        merge(DEVICE, actors=[maker(), {"name": "Unknown Co"}]),
        (E("PLD_2024", "Unknown Co", scope="unknown", needs=("actors[1].roles",)),),
        questions=("Q_ROLE",),
    ),
]


ROBOTAXI: dict[str, Any] = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {
        "is_ai_system": True,
        "annex_i_product": True,
        "annex_i_product_type": "motor_vehicles",
        "third_party_conformity": True,
        "annex_iii_point": "none",
    },
    "product": {"market_date": "2027-06-01", "kind": "physical_product"},
    "actors": [
        {"name": "Shuttle", "roles": ["operator", "deployer"]},
        {"name": "AutoNova", "roles": ["developer", "provider"], "established_in_eu": True},
        {"name": "Cyclist", "roles": ["affected_person"]},
    ],
    "claimant": {"type": "natural_person", "name": "Cyclist"},
    "damage": [{"type": "personal_injury"}],
    "incident": {"date": "2027-09-12", "causes": ["erroneous_output"]},
}
SCENARIOS += [
    Scenario(
        "O55 driverless shuttle: keeper's strict liability, vehicles in Section B",
        ROBOTAXI,
        (
            E(
                "NATIONAL_FAULT",
                "Shuttle",
                status="likely",
                provisions=("NATIONAL DE StVG §7(1)", "PLD_2024 Art 2(4)(c)"),
            ),
            E("PLD_2024", "Shuttle", status="excluded", provisions=("PLD_2024 Art 8",)),
            E("PLD_2024", "AutoNova", status="possible", provisions=("PLD_2024 Art 8(1)(a)",)),
            E("AI_ACT_ENFORCEMENT", "AutoNova", status="excluded", provisions=("AI_ACT Art 2(2)",)),
            E("AI_ACT_ENFORCEMENT", "Shuttle", status="excluded", provisions=("AI_ACT Art 2(2)",)),
        ),
        as_of=date(2027, 11, 1),
        risk="high",
    ),
    Scenario(
        "O55b the same accident in France",
        merge(ROBOTAXI, jurisdiction={"member_state": "FR"}),
        (
            E(
                "NATIONAL_FAULT",
                "Shuttle",
                status="likely",
                provisions=("NATIONAL FR Loi 85-677 art. 1",),
            ),
        ),
        as_of=date(2027, 11, 1),
    ),
    Scenario(
        "O56 welfare fraud scoring by a city, before the Annex III date",
        merge(
            SCORING,
            ai={"annex_iii_point": "5a"},
            product={"market_date": "2025-05-01"},
            incident={"date": "2027-02-01"},
            gdpr={"infringements": ["art22_solely_automated"]},
            actors=[SCORING["actors"][0], {**SCORING["actors"][1], "public_authority": True}],
            damage=[{"type": "discrimination"}, {"type": "economic_loss"}],
        ),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Bank",
                status="excluded",
                provisions=("AI_ACT Art 113(3)(c)(i)", "AI_ACT Art 111(2)"),
            ),
            E("NATIONAL_FAULT", "Bank", provisions=("NATIONAL DE BGB §839",)),
            E("GDPR_82", "Bank", status="likely"),
        ),
        as_of=date(2027, 4, 15),
    ),
    Scenario(
        "O57 refurbished scooters resold under the refurbisher's brand",
        merge(
            DEVICE,
            product={"market_date": "2025-06-01"},
            actors=[
                {
                    "name": "Refurb",
                    "roles": ["fine_tuner", "provider"],
                    "name_on_product": True,
                    "placed_on_market": True,
                    "market_date": "2027-01-15",
                },
                maker(),
            ],
            modification={
                "occurred": True,
                "substantial": True,
                "authorised_by_manufacturer": False,
                "by": "Refurb",
                "date": "2027-01-15",
            },
            incident={"date": "2027-04-10", "causes": ["substantial_modification"]},
        ),
        (
            E(
                "PLD_2024",
                "Refurb",
                scope="possible",
                provisions=("PLD_2024 Art 8(2)", "PLD_2024 Recital 39", "PLD_2024 Recital 58"),
            ),
            E("PLD_2024", "Maker", status="excluded"),
            E("PLD_1985", "Maker", status="unlikely", defences=("PLD_1985 Art 7(b)",)),
        ),
    ),
    Scenario(
        "O58 undisclosed AI voice agent sells a telecom upgrade",
        merge(
            CHATBOT,
            incident={"date": "2026-10-05"},
            damage=[{"type": "economic_loss"}],
            claimant={"consumer": True},
            actors=[
                {
                    **CHATBOT["actors"][0],
                    "roles": ["developer", "provider", "deployer"],
                    "ai_act_breaches": ["art50_disclosure"],
                }
            ],
            contracts=[{"parties": ["Bot", "claimant"], "b2c": True, "subject": "other_service"}],
        ),
        (
            E("CONSUMER_LAW", "Bot", status="possible", provisions=("AI_ACT Art 50(1)",)),
            E("DCD", "Bot", status="excluded"),
            E("CONTRACT", "Bot", status="possible"),
            E("AI_ACT_ENFORCEMENT", "Bot", status="likely"),
            E("NATIONAL_FAULT", "Bot", status="likely", provisions=("AI_ACT Art 50",)),
        ),
        as_of=date(2026, 11, 20),
        risk="limited",
    ),
    Scenario(
        "O59 poisoned training labels in medical device software",
        merge(
            DEVICE,
            ai={
                "annex_i_product": True,
                "annex_i_product_type": "medical_device",
                "third_party_conformity": True,
            },
            product={"market_date": "2027-01-05", "kind": "standalone_software"},
            actors=[
                maker(fault_indicators=["no_testing"]),
                {"name": "Labels", "roles": ["data_provider"], "caused_defect": True},
                {"name": "Attacker", "roles": []},
            ],
            contracts=[{"parties": ["Maker", "Labels"]}],
            incident={
                "date": "2027-04-02",
                "causes": ["data_poisoning"],
                "harm_path": "informational_output_relied_on",
            },
        ),
        (
            E("PLD_2024", "Maker", status="possible", provisions=("PLD_2024 Art 13(1)",)),
            E("PLD_2024", "Labels", status="possible", provisions=("PLD_2024 Art 4(4)",)),
            E(
                "AI_ACT_ENFORCEMENT",
                "Maker",
                status="excluded",
                provisions=("AI_ACT Art 113(3)(c)(ii)",),
            ),
            E("CRA", "Maker", status="excluded", provisions=("CRA Art 2(2)(a)",)),
            E("CONTRACT", "Labels", status="possible", provisions=("PLD_2024 Art 14",)),
        ),
        risk="high",
    ),
]

SCENARIOS += [
    Scenario(
        "O60 death after emergency triage by a high-risk system",
        merge(
            SCORING,
            ai={"annex_iii_point": "5d"},
            product={"market_date": "2027-12-05"},
            damage=[{"type": "personal_injury"}],
            incident={"date": "2028-01-10", "serious": ["death_or_health"]},
            evidence={"logs_available": False},
        ),
        (
            E(
                "AI_ACT_ENFORCEMENT",
                "Vendor",
                scope="applies",
                line="provider duties",
                provisions=("AI_ACT Art 73", "AI_ACT Art 73(4)"),
            ),
        ),
        as_of=date(2028, 2, 1),
        citations=("AI_ACT Art 26(6)",),
    ),
    Scenario(
        "O61 the maker controls the updates",
        merge(
            DEVICE,
            incident={"causes": ["missing_security_update"], "obvious_malfunction": True},
            manufacturer={"updates_controlled_by": "Maker"},
        ),
        (E("PLD_2024", "Maker", outcome="likely", provisions=("PLD_2024 Art 11(2)(c)",)),),
    ),
    Scenario(
        "O62 the deployer controls the updates",
        merge(
            DEVICE,
            actors=[maker(), {"name": "Fleet", "roles": ["operator"]}],
            incident={"causes": ["missing_security_update"], "obvious_malfunction": True},
            manufacturer={"updates_controlled_by": "Fleet"},
        ),
        (
            E(
                "PLD_2024",
                "Maker",
                outcome="possible",
                defences=("PLD_2024 Art 11(1)(c)",),
                no_provisions=("PLD_2024 Art 11(2)(c)",),
            ),
        ),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_own_scenario(scenario: Scenario) -> None:
    check(scenario)


def test_enough_own_scenarios() -> None:
    assert len(SCENARIOS) >= 30
