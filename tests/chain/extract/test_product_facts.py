"""Product and classification facts read from narratives we wrote for these tests: is it AI,
what it comes as, Annex I families, third-party assessment, Art 50 triggers, obvious
malfunction."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.chain.extract import extract_case, find_quote
from assistant.facts import get_fact

# (id, narrative, facts that must be set, paths that must stay unknown)
ROWS: list[tuple[str, str, dict[str, Any], set[str]]] = [
    (
        "ai word and a device with a fire",
        "My KlimaPro AI dehumidifier from Luftwerk GmbH overheated during normal use on "
        "2 March 2027 and burned the carpet in our hallway.",
        {
            "ai.is_ai_system": True,
            "product.kind": "physical_product",
            "incident.obvious_malfunction": True,
        },
        {"ai.annex_i_product", "ai.interacts_with_persons"},
    ),
    (
        "brand ending in AI, app, generated pictures",
        "A classmate used the PortraitAI app by Glimmer Ltd to make fake pictures of my "
        "nephew and shared them on 4 May 2027.",
        {
            "ai.is_ai_system": True,
            "product.kind": "standalone_software",
            "ai.generates_synthetic_content": True,
        },
        set(),
    ),
    (
        "online service, no physical harm",
        "Since 2027 our firm subscribes to TaxPilot, an online service of Fiskal AG that uses a "
        "machine-learning model to prepare VAT returns. It filed wrong figures and we paid "
        "2,000 EUR in penalties.",
        {"ai.is_ai_system": True, "product.kind": "saas"},
        {"incident.obvious_malfunction"},
    ),
    (
        "voice agent (Art 50(1))",
        "Le 3 mars 2027, un agent vocal de la banque Crédit Rhône appelait les clients; "
        "personne ne leur a dit que c'était un voice agent IA.",
        {"ai.interacts_with_persons": True, "ai.is_ai_system": True},
        set(),
    ),
    (
        "driverless bus, type approved",
        "On 2 June 2027 a driverless bus operated by Stadtbus Ulm GmbH, built by Fahrwerk AG and "
        "type-approved by the national authority, braked hard and a passenger was injured.",
        {
            "ai.annex_i_product": True,
            "ai.annex_i_product_type": "motor_vehicles",
            "ai.third_party_conformity": True,
            "product.kind": "physical_product",
        },
        set(),
    ),
    (
        "self-certified toy",
        "The talking teddy toy by Bärenwerk GmbH uses a language model to chat with children; "
        "Bärenwerk self-certified it. On 1 May 2027 it told a child to climb onto the roof and "
        "the child broke an arm.",
        {
            "ai.annex_i_product_type": "toys",
            "ai.third_party_conformity": False,
            "ai.is_ai_system": True,
        },
        set(),
    ),
    (
        "e-bike is not an Annex I vehicle; cause open",
        "A customer fell from a Velora e-bike with AI torque assist on 5 May 2027 and broke her "
        "hip. The cause is open: the road was wet.",
        {"product.kind": "physical_product", "ai.is_ai_system": True},
        {"ai.annex_i_product", "ai.annex_i_product_type", "incident.obvious_malfunction"},
    ),
    (
        "software outage makes a machine overheat: not the software's own malfunction",
        "The scheduling software we license from Planwerk GmbH crashed on 1 April 2027, the "
        "furnace overheated and a kiln worth 40,000 EUR was destroyed.",
        {"product.kind": "standalone_software"},
        {"incident.obvious_malfunction"},
    ),
    (
        "'on its own data' is not a malfunction cue",
        "Nordtech retrained the ranking model on its own data; on 2 May 2027 it ranked a "
        "patient wrongly and she was injured.",
        {},
        {"incident.obvious_malfunction"},
    ),
    (
        "the AI Act named as a law is no sign of AI",
        "Our smart kettle from Kesselmann GmbH overheated on 3 May 2027 and burned my hand. "
        "Does the AI Act matter here?",
        {"product.kind": "physical_product"},
        {"ai.is_ai_system"},
    ),
]


@pytest.mark.parametrize(("name", "text", "facts", "absent"), ROWS, ids=[r[0] for r in ROWS])
def test_product_facts(name: str, text: str, facts: dict[str, Any], absent: set[str]) -> None:
    result = extract_case(text)
    for path, expected in facts.items():
        value = get_fact(result.case, path)
        assert getattr(value, "value", value) == expected, (path, value)
    for path in absent:
        assert get_fact(result.case, path) is None, path
    for fact in result.added:
        match = find_quote(fact.quote, text)
        assert match is not None and match.exact, (fact.path, fact.quote)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On 2 May 2027 her robot lawn mower from Mähwerk AG cut a neighbour's foot.",
            "robot lawn mower",
        ),
        (
            "The AI speed controller of his e-scooter braked on 3 May 2027 and he broke a wrist.",
            "e-scooter",
        ),
        ("Am 2. Mai 2027 hat mein Heizgerät von Wärmo GmbH die Wand beschädigt.", "heater"),
    ],
)
def test_product_name_for_questions(text: str, name: str) -> None:
    assert extract_case(text).case.product.name == name


def test_seller_asked_to_name_the_maker_and_maker_outside_the_eu() -> None:
    text = (
        "I bought the AI toy robot from Spielparadies GmbH; the maker, Joyful Robotics Co., Ltd., "
        "has no EU office. On 3 June 2027 the robot's battery burned my son's hand. On 10 June "
        "2027 I asked Spielparadies in writing to name the manufacturer or its supplier. No "
        "answer after more than a month."
    )
    case = extract_case(text).case
    seller = next(a for a in case.actors if a.name.startswith("Spielparadies"))
    maker = next(a for a in case.actors if a.name.startswith("Joyful"))
    assert seller.identification_request is not None
    assert seller.identification_request.value == "failed_after_1_month"
    assert maker.established_in_eu is False


def test_public_body_named_by_kind_and_place() -> None:
    text = (
        "Since 2026 the housing office of the town of Weiler (Gemeinde Weiler) has used an AI "
        "scoring system from Civix Oy to rank applicants; on 2 March 2027 it wrongly excluded a "
        "family, who lost a flat."
    )
    case = extract_case(text).case
    body = next(a for a in case.actors if "Weiler" in a.name)
    assert body.public_authority is True
    assert body.roles and "deployer" in {r.value for r in body.roles}
