"""Narratives written after the extractor was tuned, in the styles users write (a shop owner, a
German letter, a French parent, a lawyer's memo, a terse founder, a consumer): what a careful
reader takes from each must come out (actors' parts, harm, the contract, the product)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.chain.extract import extract_case, find_quote
from assistant.chain.extract.merge import same_actor
from assistant.facts import Case, get_fact

ROWS: list[tuple[str, str, dict[str, set[str]], dict[str, Any]]] = [
    (
        "shop owner, SaaS sold by a company, terms excluding liability",
        "I run a small bakery in Graz. In April 2027 I started using OrderGenie, an AI ordering "
        "assistant sold by Bytewerk GmbH for 49 EUR a month. On 12 May 2027 it ordered 400 kg of "
        "flour instead of 40 kg. That cost me 1,800 EUR. Bytewerk says its terms exclude "
        "liability for automated recommendations.",
        {"Bytewerk GmbH": {"provider"}},
        {
            "claimant.consumer": False,
            "incident.date": "2027-05-12",
            "jurisdiction.member_state": "AT",
        },
    ),
    (
        "German letter: autonomous delivery robot operated by a utility (passive, verb-final)",
        "Sehr geehrte Damen und Herren, mein Vater (78) wurde am 3. März 2027 von einem "
        "Lieferroboter der Firma Robolog GmbH auf dem Gehweg umgestoßen und hat sich die Hüfte "
        "gebrochen. Der Roboter fährt autonom und wird von der Stadtwerke Kiel GmbH betrieben.",
        {"Robolog GmbH": {"developer", "provider"}, "Stadtwerke Kiel GmbH": {"operator"}},
        {"ai.is_ai_system": True, "product.kind": "physical_product"},
    ),
    (
        "French parent: app of a company, monthly payment, depressed child",
        "Madame, mon fils a utilisé l'application de tutorat IA Mathéo de la société EduSmart "
        "SAS. Le 15 mai 2027, l'application lui a donné de mauvaises réponses avant un examen. "
        "Nous payons 9,99 EUR par mois. Il est très déprimé depuis.",
        {"EduSmart SAS": {"developer", "provider"}, "the user's son": {"affected_person"}},
        {"product.kind": "standalone_software"},
    ),
    (
        "memo: tool bought from its maker, patient harmed by a missed tumour",
        "Memo. Client: Dr. Anna Weber, radiologist. Her clinic, Radiologie Mitte MVZ GmbH, bought "
        "the AI tool LungScan from ScanAI GmbH in 2026. On 2 February 2027 LungScan missed a "
        "tumour in a patient's scan; the patient, Mr Klaus Berger, was diagnosed six months "
        "later at a worse stage.",
        {
            "ScanAI GmbH": {"provider"},
            "Radiologie Mitte MVZ GmbH": {"deployer"},
            "Klaus Berger": {"affected_person"},
        },
        {"incident.date": "2027-02-02"},
    ),
    (
        "household 'we', oven that turned itself on, bought at a shop",
        "On 1 July 2027 a smart oven from Kochwerk GmbH (bought in May 2027 at MediaStore) turned "
        "itself on at night while we were asleep and set our kitchen on fire. Nobody was "
        "injured but the kitchen is destroyed. The oven has an AI cooking assistant.",
        {"Kochwerk GmbH": {"developer", "provider"}},
        {
            "claimant.type": "natural_person",
            "incident.obvious_malfunction": True,
            "product.name": "smart oven",
        },
    ),
    (
        "insurer's customer: premium raised using data shared without consent",
        "An insurer, SecurLife SA, uses an AI model from Predicta Ltd to set life insurance "
        "premiums. In September 2027 my premium tripled after the model used my fitness-tracker "
        "data, which I never agreed to share.",
        {"SecurLife SA": {"deployer"}, "Predicta Ltd": {"developer", "provider"}},
        {"ai.annex_iii_point": "5c", "data.personal_data_processed": True},
    ),
    (
        "French applicant rejected automatically by a CV tool supplied to the employer",
        "Bonjour, je suis candidate à un poste chez Logistika SARL. Leur outil de tri des CV, "
        "fourni par RecrutIA SAS, a rejeté ma candidature automatiquement le 4 avril 2027, sans "
        "qu'aucun humain ne la lise. J'ai appris qu'il écarte les femmes de plus de 45 ans.",
        {"RecrutIA SAS": {"provider"}},
        {"ai.annex_iii_point": "4a", "gdpr.infringements": ["art22_solely_automated"]},
    ),
    (
        "drone operator's own drones, sold to it by a dealer, neighbour's greenhouse",
        "We are Agrarflug GmbH. On 2 June 2027 one of our crop-spraying drones, made by SkyFarm "
        "Robotics BV and sold to us by AgriTech Handel GmbH, crashed into a neighbour's "
        "greenhouse. Damage about 60,000 EUR.",
        {
            "Agrarflug GmbH": {"deployer"},
            "SkyFarm Robotics BV": {"developer", "provider"},
            "AgriTech Handel GmbH": {"distributor"},
        },
        {"ai.annex_i_product_type": "civil_aviation"},
    ),
    (
        "toy maker in brackets, cloud language model of another company",
        "Kid's AI teddy Bruno (ToyMind Ltd, Ireland) started telling my 6-year-old to play with "
        "the kitchen knives on 15 March 2027. He cut his finger badly. The teddy uses a cloud "
        "language model from Lingua AI SAS.",
        {"ToyMind Ltd": {"developer", "provider"}, "Lingua AI SAS": {"gpai_provider"}},
        {"ai.annex_i_product_type": "toys", "product.kind": "physical_product"},
    ),
    (
        "university proctoring without review, institution named by its kind",
        "Our university, Universität Nordstadt, used ProctorEye from Examina Oy to supervise "
        "online exams in summer 2027. The system flagged 40 students as cheating; their exams "
        "were annulled without review. One student, Lea Brandt, lost her scholarship.",
        {
            "Universität Nordstadt": {"deployer"},
            "Examina Oy": {"developer", "provider"},
            "Lea Brandt": {"affected_person"},
        },
        {"ai.annex_iii_point": "3d", "gdpr.infringements": ["art22_solely_automated"]},
    ),
    (
        "car maker in brackets, OTA update a week before, registration date",
        "I drive a 2027 Voltara E5 (Voltara Motors AG). On 9 September 2027 the lane-keeping "
        "assistant suddenly steered me into the guardrail. My car was damaged and I had "
        "whiplash. Voltara pushed an over-the-air update to the assistant a week earlier. The "
        "car was first registered in February 2027.",
        {"Voltara Motors AG": {"developer", "provider"}},
        {
            "ai.annex_i_product_type": "motor_vehicles",
            "incident.obvious_malfunction": True,
            "product.market_date": "2027-02-01",
            "manufacturer.retains_control": True,
        },
    ),
    (
        "memo bullets about a client organisation, licence cap, revenue loss",
        "- Client: Hotel Seeblick GmbH (Konstanz)\n- Uses RoomBrain, an AI pricing and booking "
        "system licensed from PriceNest Ltd (Dublin) since 1 March 2027\n- 3 August 2027: "
        "RoomBrain cancelled 120 confirmed bookings overnight\n- Hotel lost ~45,000 EUR revenue\n"
        "- Licence caps PriceNest's liability at 12 months' fees",
        {
            "Hotel Seeblick GmbH": {"deployer", "affected_person"},
            "PriceNest Ltd": {"developer", "provider"},
        },
        {"jurisdiction.member_state": "DE", "claimant.type": "legal_person"},
    ),
    (
        "French fine-tuner selling under its own name, a client company harmed",
        "Nous sommes la société Transports Leroy SARL. Nous avons affiné le modèle de langage "
        "open source Falcon pour planifier nos tournées, puis nous le vendons depuis le 15 "
        "janvier 2027 à d'autres transporteurs sous le nom RouteFlow. Le 10 mars 2027, RouteFlow "
        "a envoyé un camion d'un client, Dubois Logistique SAS, sur une route interdite; le "
        "camion a été endommagé (30 000 EUR).",
        {
            "Transports Leroy SARL": {"fine_tuner", "provider"},
            "Dubois Logistique SAS": {"affected_person"},
        },
        {"claimant.type": "legal_person", "modification.date": "2027-01-15"},
    ),
    (
        "terse consumer: ex-partner used a voice-cloning app, money taken from the account",
        "my ex used a voice-cloning app to call my bank pretending to be me and moved 5k out of "
        "my account. app is VoxMimic by Echo Labs Inc. bank says not their problem.",
        {"Echo Labs Inc.": {"developer", "provider"}, "the writer": {"affected_person"}},
        {"ai.generates_synthetic_content": True},
    ),
]


def _value(case: Case, path: str) -> Any:
    value = get_fact(case, path)
    value = getattr(value, "value", value)
    return value.isoformat() if hasattr(value, "isoformat") else value


@pytest.mark.parametrize(("name", "text", "roles", "facts"), ROWS, ids=[r[0] for r in ROWS])
def test_fresh_narrative(
    name: str, text: str, roles: dict[str, set[str]], facts: dict[str, Any]
) -> None:
    result = extract_case(text, today=date(2027, 12, 1))
    case = result.case
    for actor_name, expected in roles.items():
        actor = next((a for a in case.actors if same_actor(a.name, actor_name)), None)
        assert actor is not None, (actor_name, [a.name for a in case.actors])
        assert expected <= {r.value for r in actor.roles or []}, (actor_name, actor.roles)
    for path, expected in facts.items():
        value = _value(case, path)
        value = [getattr(v, "value", v) for v in value] if isinstance(value, list) else value
        assert value == expected, (path, value)
    for fact in result.added:
        match = find_quote(fact.quote, text)
        assert match is not None and match.exact, (fact.path, fact.quote)
